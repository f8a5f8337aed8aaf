'use strict';
require('../common');
const assert = require('assert');
const { Console } = require('console');
const EventEmitter = require('events');

// dir() inspects one value without custom inspectors unless asked; trace()
// writes "Trace: message" and the caller's stack to stderr; clear() only
// writes to terminals.
const stdout = new EventEmitter();
const stderr = new EventEmitter();
stdout.text = '';
stderr.text = '';
stdout.write = (chunk) => { stdout.text += chunk; return true; };
stderr.write = (chunk) => { stderr.text += chunk; return true; };
const c = new Console({ stdout, stderr });

const obj = {
  a: { b: { c: { d: 1 } } },
  [Symbol.for('nodejs.util.inspect.custom')]() { return 'CUSTOM'; },
};
c.dir(obj, { depth: 0 });
c.dir(obj, { customInspect: true });
c.dir('str', 'ignored');
c.log(obj);
assert.strictEqual(stdout.text,
                   '{\n' +
                   '  a: [Object],\n' +
                   '  Symbol(nodejs.util.inspect.custom): ' +
                   '[Function: [nodejs.util.inspect.custom]]\n' +
                   '}\n' +
                   'CUSTOM\n' +
                   '\'str\'\n' +
                   'CUSTOM\n');

function outer() { c.trace('x %s', 'y', { a: 1 }); }
outer();
c.group();
c.trace();
c.groupEnd();
const lines = stderr.text.split('\n');
assert.strictEqual(lines[0], 'Trace: x y { a: 1 }');
assert.match(lines[1], /^ {4}at outer \(.*test-console-dir-trace-lode\.js:\d+:\d+\)$/);
const second = lines.indexOf('  Trace');
assert.ok(second > 1);
assert.match(lines[second + 1], /^ {6}at /);
assert.strictEqual(stdout.text.includes('Trace'), false);

stdout.text = '';
c.clear();
assert.strictEqual(stdout.text, '');
stdout.isTTY = true;
c.clear();
assert.strictEqual(stdout.text, '\x1b[1;1H\x1b[0J');
