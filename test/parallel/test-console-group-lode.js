'use strict';
require('../common');
const assert = require('assert');
const { Console } = require('console');
const EventEmitter = require('events');

// group()/groupCollapsed() indent every line written after them, on both
// streams, until the matching groupEnd().
function capture(options) {
  const stdout = new EventEmitter();
  const stderr = new EventEmitter();
  stdout.text = '';
  stderr.text = '';
  stdout.write = (chunk) => { stdout.text += chunk; return true; };
  stderr.write = (chunk) => { stderr.text += chunk; return true; };
  return { stdout, stderr, c: new Console({ stdout, stderr, ...options }) };
}

{
  const { stdout, stderr, c } = capture();
  c.group('Level 1');
  c.log('one');
  c.group('Level %d', 2);
  c.log({ a: 1, b: { c: [1, 2, 3] }, long: 'z'.repeat(70) });
  c.error('err\nmulti');
  c.groupCollapsed();
  c.warn('w');
  c.log('');
  c.log('trailing\n');
  c.groupEnd();
  c.groupEnd();
  c.log('back1');
  c.groupEnd();
  c.groupEnd(); // One too many: the indentation stays empty.
  c.log('back0');
  assert.strictEqual(stdout.text,
                     'Level 1\n' +
                     '  one\n' +
                     '  Level 2\n' +
                     '    {\n' +
                     '      a: 1,\n' +
                     '      b: { c: [ 1, 2, 3 ] },\n' +
                     `      long: '${'z'.repeat(70)}'\n` +
                     '    }\n' +
                     '      \n' +
                     '      trailing\n' +
                     '      \n' +
                     '  back1\n' +
                     'back0\n');
  assert.strictEqual(stderr.text, '    err\n    multi\n      w\n');
}

{
  const { stdout, c } = capture({ groupIndentation: 4 });
  c.group('A');
  c.group('B');
  c.log('x\ny');
  c.groupEnd();
  c.log('z');
  assert.strictEqual(stdout.text, 'A\n    B\n        x\n        y\n    z\n');
}

{
  const { stdout, c } = capture({ groupIndentation: 0 });
  c.group('A');
  c.log('x');
  assert.strictEqual(stdout.text, 'A\nx\n');
}

// A table inside a group is indented line by line.
{
  const { stdout, c } = capture();
  c.group();
  c.table([[1]]);
  assert.strictEqual(stdout.text,
                     '  ┌─────────┬───┐\n' +
                     '  │ (index) │ 0 │\n' +
                     '  ├─────────┼───┤\n' +
                     '  │ 0       │ 1 │\n' +
                     '  └─────────┴───┘\n');
}

for (const groupIndentation of [-1, 1001, 1.5, '2']) {
  assert.throws(() => capture({ groupIndentation }), {
    code: typeof groupIndentation === 'string' ?
      'ERR_INVALID_ARG_TYPE' : 'ERR_OUT_OF_RANGE',
  });
}
