'use strict';
require('../common');
const assert = require('assert');
const { Console } = require('console');
const EventEmitter = require('events');

// colorMode 'auto' colors a TTY stream whose color depth exceeds 2 (or any
// TTY without getColorDepth); true always colors; false never does.
// inspectOptions apply to every formatted value.
delete process.env.FORCE_COLOR;

function capture(options, tty, depth) {
  const s = new EventEmitter();
  s.text = '';
  s.write = (chunk) => { s.text += chunk; return true; };
  if (tty) s.isTTY = true;
  if (depth !== undefined) s.getColorDepth = () => depth;
  return { s, c: new Console({ stdout: s, stderr: s, ...options }) };
}
const plain = '{ a: 1 } [ \'s\' ]\n';
const colored = '{ a: \x1b[33m1\x1b[39m } [ \x1b[32m\'s\'\x1b[39m ]\n';

for (const [options, tty, depth, expected] of [
  [{}, false, undefined, plain],
  [{}, true, undefined, colored],
  [{}, true, 1, plain],
  [{}, true, 4, colored],
  [{ colorMode: true }, false, undefined, colored],
  [{ colorMode: false }, true, 24, plain],
]) {
  const { s, c } = capture(options, tty, depth);
  c.log({ a: 1 }, ['s']);
  assert.strictEqual(s.text, expected);
}

// Table cells are colored but padded by their visible width.
{
  const { s, c } = capture({ colorMode: true });
  c.table([{ a: 1 }]);
  assert.strictEqual(s.text,
                     '┌─────────┬───┐\n' +
                     '│ (index) │ a │\n' +
                     '├─────────┼───┤\n' +
                     '│ 0       │ \x1b[33m1\x1b[39m │\n' +
                     '└─────────┴───┘\n');
}

// The user's inspectOptions object is used as is; its `colors` is filled in.
{
  const inspectOptions = { depth: 0, maxArrayLength: 2 };
  const { s, c } = capture({ inspectOptions });
  c.log({ a: { b: 1 } }, [1, 2, 3]);
  c.dir({ a: { b: 1 } });
  assert.strictEqual(s.text, '{ a: [Object] } [ 1, 2, ... 1 more item ]\n' +
                     '{ a: [Object] }\n');
  assert.deepStrictEqual(inspectOptions,
                         { depth: 0, maxArrayLength: 2, colors: undefined });
}
