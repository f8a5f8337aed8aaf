'use strict';
// Console: the 'console.*' diagnostics channels get the arguments before
// they are formatted; inspectOptions may be a Map from stream to options.
const common = require('../common');
const assert = require('assert');
const { Console } = require('console');
const { PassThrough } = require('stream');
const dc = require('diagnostics_channel');

const out = new PassThrough().setEncoding('utf8');
const err = new PassThrough().setEncoding('utf8');
const outOptions = { depth: 0 };
const logger = new Console({
  stdout: out,
  stderr: err,
  colorMode: false,
  inspectOptions: new Map([[out, outOptions]]),
});

const value = { a: { b: 1 } };
const onLog = common.mustCall((args) => {
  assert.deepStrictEqual(args, ['x', value]);
  args.push('added');
});
dc.subscribe('console.log', onLog);
logger.log('x', value);
dc.unsubscribe('console.log', onLog);
logger.warn(value);
assert.strictEqual(out.read(), "x { a: [Object] } added\n");
assert.strictEqual(err.read(), '{ a: { b: 1 } }\n');
assert.strictEqual(outOptions.colors, false);

dc.subscribe('console.error', common.mustCall((args) => {
  assert.deepStrictEqual(args, ['e']);
}));
logger.error('e');
assert.strictEqual(err.read(), 'e\n');

assert.throws(() => new Console({
  stdout: out, colorMode: true, inspectOptions: new Map([[out, { colors: true }]]),
}), { code: 'ERR_INCOMPATIBLE_OPTION_PAIR' });
