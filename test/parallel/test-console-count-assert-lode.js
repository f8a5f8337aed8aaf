'use strict';
const common = require('../common');
const assert = require('assert');
const { Console } = require('console');
const EventEmitter = require('events');

// count() prints "label: n"; assert() prints "Assertion failed..." to stderr
// and never throws.
const stdout = new EventEmitter();
const stderr = new EventEmitter();
stdout.text = '';
stderr.text = '';
stdout.write = (chunk) => { stdout.text += chunk; return true; };
stderr.write = (chunk) => { stderr.text += chunk; return true; };
const c = new Console(stdout, stderr);

process.on('warning', common.mustCall((w) => {
  assert.strictEqual(w.message, 'Count for \'1\' does not exist');
}));

c.count();
c.count();
c.count('x');
c.countReset();
c.count();
c.count(undefined);
c.count(null);
c.count({});
c.count(1);
c.countReset(1); // Looked up as the number 1, so it warns and keeps '1'.
c.count(1);
c.countReset('1');
c.count(1);
assert.strictEqual(stdout.text,
                   'default: 1\ndefault: 2\nx: 1\ndefault: 1\ndefault: 2\n' +
                   'null: 1\n[object Object]: 1\n1: 1\n1: 2\n1: 1\n');

stdout.text = '';
c.assert(true, 'not printed');
c.assert(1);
c.assert(false);
c.assert(false, 'msg %d', 5);
c.assert(0, { a: 1 }, 2);
c.assert(null, '');
c.assert(undefined, undefined);
c.assert(NaN, 5);
c.assert('', '%o', { a: [1] });
assert.strictEqual(stdout.text, '');
assert.strictEqual(stderr.text,
                   'Assertion failed\n' +
                   'Assertion failed: msg 5\n' +
                   'Assertion failed { a: 1 } 2\n' +
                   'Assertion failed: \n' +
                   'Assertion failed undefined\n' +
                   'Assertion failed 5\n' +
                   'Assertion failed: { a: [ 1, [length]: 1 ] }\n');
