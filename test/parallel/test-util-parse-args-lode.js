'use strict';
require('../common');
const assert = require('assert');
const { parseArgs } = require('util');

const options = {
  force: { type: 'boolean', short: 'f' },
  name: { type: 'string', short: 'n' },
  tag: { type: 'string', short: 't', multiple: true },
  level: { type: 'string', default: 'info' },
  color: { type: 'boolean' },
};
const values = (args, extra = {}) =>
  ({ ...parseArgs({ args, options, ...extra }).values });

assert.deepStrictEqual(values([]), { level: 'info' });
assert.deepStrictEqual(values(['-f', '--name', 'x']),
                       { force: true, name: 'x', level: 'info' });
assert.deepStrictEqual(values(['-nvalue', '--level=debug']),
                       { name: 'value', level: 'debug' });
// A short group may end in a string option that takes the rest or the
// next argument.
assert.deepStrictEqual(values(['-fnabc']),
                       { force: true, name: 'abc', level: 'info' });
assert.deepStrictEqual(values(['-fn', 'abc']),
                       { force: true, name: 'abc', level: 'info' });
assert.deepStrictEqual(values(['-t', 'a', '--tag', 'b', '--tag=c']),
                       { tag: ['a', 'b', 'c'], level: 'info' });

// Positionals and the '--' terminator.
const res = parseArgs({ args: ['a', '--', '-f'], options,
                        allowPositionals: true });
assert.deepStrictEqual(res.positionals, ['a', '-f']);
assert.strictEqual(Object.getPrototypeOf(res.values), null);

// Tokens keep the original argument index.
assert.deepStrictEqual(
  parseArgs({ args: ['-fn', 'v', 'pos', '--', 'x'], options, tokens: true,
              allowPositionals: true }).tokens,
  [
    { kind: 'option', name: 'force', rawName: '-f', index: 0,
      value: undefined, inlineValue: undefined },
    { kind: 'option', name: 'name', rawName: '-n', index: 0, value: 'v',
      inlineValue: false },
    { kind: 'positional', index: 2, value: 'pos' },
    { kind: 'option-terminator', index: 3 },
    { kind: 'positional', index: 4, value: 'x' },
  ]);

// allowNegative turns --no-x into false for boolean options.
assert.deepStrictEqual(values(['--color', '--no-color'],
                              { allowNegative: true }),
                       { color: false, level: 'info' });

// Non-strict mode accepts anything.
assert.deepStrictEqual(
  { ...parseArgs({ args: ['--x', '-y', '--z=1', 'p'], strict: false }).values },
  { x: true, y: true, z: '1' });

// Strict mode errors.
const cases = [
  [['--nope'], 'ERR_PARSE_ARGS_UNKNOWN_OPTION', "Unknown option '--nope'"],
  [['--name'], 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE',
   "Option '-n, --name <value>' argument missing"],
  [['--force=1'], 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE',
   "Option '-f, --force' does not take an argument"],
  [['pos'], 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL',
   "Unexpected argument 'pos'. This command does not take positional " +
   'arguments'],
  [['--name', '-x'], 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE',
   "Option '--name' argument is ambiguous.\nDid you forget to specify the " +
   "option argument for '--name'?\nTo specify an option argument starting " +
   "with a dash use '--name=-XYZ'."],
];
for (const [args, code, message] of cases) {
  assert.throws(() => parseArgs({ args, options }),
                { code, message, name: 'TypeError' });
}
assert.throws(() => parseArgs({ args: ['-z'], options,
                                allowPositionals: true }), {
  message: "Unknown option '-z'. To specify a positional argument starting " +
           "with a '-', place it at the end of the command after '--', as " +
           "in '-- \"-z\"",
});

// Configuration is validated.
assert.throws(() => parseArgs({ args: 'x' }), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "args" argument must be an instance of Array. ' +
           "Received type string ('x')",
});
assert.throws(() => parseArgs({ options: { a: { type: 'number' } } }), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "options.a.type" property must be (\'string|boolean\'). ' +
           "Received type string ('number')",
});
assert.throws(() => parseArgs({ options: { a: { type: 'string',
                                                short: 'ab' } } }), {
  code: 'ERR_INVALID_ARG_VALUE',
  message: "The property 'options.a.short' must be a single character. " +
           "Received 'ab'",
});
assert.throws(() => parseArgs({ options: { a: { type: 'boolean',
                                                default: 'x' } } }), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "options.a.default" property must be of type boolean. ' +
           "Received type string ('x')",
});
