'use strict';
// .save writes the lines entered so far to a file; .load types a file's
// content into the REPL as one entry.
const common = require('../common');
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { startLines } = require('../common/repl-lode');
const tmpdir = require('../common/tmpdir');

tmpdir.refresh();
const saved = path.join(tmpdir.path, 'session.js');

const { stream, server } = startLines();
stream.run(['let total = 1', 'total += 41', `.save ${saved}`]);
assert.strictEqual(fs.readFileSync(saved, 'utf8'),
                   'let total = 1\ntotal += 41');
assert.ok(stream.text.endsWith(`Session saved to: ${saved}\n> `));

stream.text = '';
stream.run(['.save', `.load ${path.join(tmpdir.path, 'missing.js')}`,
            `.load ${tmpdir.path}`]);
assert.strictEqual(stream.text,
                   'The "file" argument must be specified\n> ' +
                   `Failed to load: ${path.join(tmpdir.path,
                                                'missing.js')}\n> ` +
                   `Failed to load: ${tmpdir.path} is not a valid file\n> `);

// In a fresh REPL, .load brings the session back.
const { stream: other, server: server2 } = startLines();
other.run([`.load ${saved}`, 'total']);
assert.ok(other.text.endsWith('42\n> '), other.text);
server.close();
server2.close();
common.mustCall()();
