'use strict';
// Ctrl+R searches the history backwards for what is typed next; another
// key (Enter, Ctrl+E, ...) ends the search on the match, Ctrl+C gives back
// the line from before the search.
require('../common');
const assert = require('assert');
const { startTerminal } = require('../common/repl-lode');

const { term, server } = startTerminal();
for (const line of ['const apple = 1', 'const banana = 2', 'apple + banana']) {
  term.emit('data', `${line}\r`);
}

term.text = '';
term.emit('data', '\x12');  // Ctrl+R
assert.ok(term.text.includes('bck-i-search: _'), JSON.stringify(term.text));
term.emit('data', 'a');
term.emit('data', 'p');
assert.ok(term.text.includes('apple + banana\nbck-i-search: ap_'),
          JSON.stringify(term.text));
// Again: the next older match.
term.text = '';
term.emit('data', '\x12');
assert.ok(term.text.includes('const apple = 1\nbck-i-search: ap_'),
          JSON.stringify(term.text));
term.emit('data', '\x05');  // Ctrl+E
assert.strictEqual(server.line, 'const apple = 1');
assert.strictEqual(server.cursor, server.line.length);

term.emit('data', '\x15');  // Ctrl+U
term.emit('data', 'typed');
term.emit('data', '\x12');
term.emit('data', 'z');
term.emit('data', 'z');
assert.ok(term.text.includes('failed-bck-i-search: zz_'));
term.emit('data', '\x03');
assert.strictEqual(server.line, 'typed');
server.close();
