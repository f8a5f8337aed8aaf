'use strict';

// util.parseArgs(): a small command-line parser. The arguments are first
// turned into tokens (option, positional, option-terminator), which are then
// checked against the configured options (in strict mode) and stored.

const {
  ArrayPrototypeIncludes,
  ArrayPrototypePush,
  ArrayPrototypeShift,
  ArrayPrototypeSlice,
  ArrayPrototypeUnshiftApply,
  ObjectEntries,
  ObjectPrototypeHasOwnProperty: ObjectHasOwn,
  StringPrototypeCharAt,
  StringPrototypeIncludes,
  StringPrototypeIndexOf,
  StringPrototypeSlice,
  StringPrototypeStartsWith,
} = primordials;

const {
  validateArray,
  validateBoolean,
  validateBooleanArray,
  validateObject,
  validateString,
  validateStringArray,
  validateUnion,
} = require('internal/validators');
const {
  codes: {
    ERR_INVALID_ARG_VALUE,
    ERR_PARSE_ARGS_INVALID_OPTION_VALUE,
    ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL,
    ERR_PARSE_ARGS_UNKNOWN_OPTION,
  },
} = require('internal/errors');
const { kEmptyObject } = require('internal/util');

// Own properties only, so that Object.prototype pollution cannot configure
// options.
function objectGetOwn(obj, prop) {
  if (ObjectHasOwn(obj, prop)) return obj[prop];
}

function optionsGetOwn(options, longOption, prop) {
  if (ObjectHasOwn(options, longOption)) {
    return objectGetOwn(options[longOption], prop);
  }
}

function isStringOption(options, longOption) {
  return optionsGetOwn(options, longOption, 'type') === 'string';
}

// The long name configured for a short one, or the short name itself.
function findLongOptionForShort(shortOption, options) {
  const entries = ObjectEntries(options);
  for (let i = 0; i < entries.length; i++) {
    if (objectGetOwn(entries[i][1], 'short') === shortOption) {
      return entries[i][0];
    }
  }
  return shortOption;
}

// A string option takes the next argument whatever it looks like.
function isOptionValue(value) {
  return value != null;
}

function isOptionLikeValue(value) {
  return value != null && value.length > 1 &&
    StringPrototypeCharAt(value, 0) === '-';
}

// '-f'
function isLoneShortOption(arg) {
  return arg.length === 2 && StringPrototypeCharAt(arg, 0) === '-' &&
    StringPrototypeCharAt(arg, 1) !== '-';
}

// '-xyz' (more than one character after a single dash)
function isShortForm(arg) {
  return arg.length > 2 && StringPrototypeCharAt(arg, 0) === '-' &&
    StringPrototypeCharAt(arg, 1) !== '-';
}

// '--foo'
function isLoneLongOption(arg) {
  return arg.length > 2 && StringPrototypeStartsWith(arg, '--') &&
    !StringPrototypeIncludes(arg, '=', 3);
}

// '--foo=bar'
function isLongOptionAndValue(arg) {
  return arg.length > 2 && StringPrototypeStartsWith(arg, '--') &&
    StringPrototypeIncludes(arg, '=', 3);
}

function getMainArgs() {
  // With -e/-p there is no script name in process.argv.
  const execArgv = process.execArgv;
  if (ArrayPrototypeIncludes(execArgv, '-e') ||
      ArrayPrototypeIncludes(execArgv, '--eval') ||
      ArrayPrototypeIncludes(execArgv, '-p') ||
      ArrayPrototypeIncludes(execArgv, '--print')) {
    return ArrayPrototypeSlice(process.argv, 1);
  }
  return ArrayPrototypeSlice(process.argv, 2);
}

// Tokens keep the index of the argument they came from; the pieces of a
// short option group ('-abc') all share the group's index.
function argsToTokens(args, options) {
  const tokens = [];
  let index = -1;
  let groupCount = 0;
  const remaining = ArrayPrototypeSlice(args);

  while (remaining.length > 0) {
    const arg = ArrayPrototypeShift(remaining);
    const nextArg = remaining[0];
    if (groupCount > 0) {
      groupCount--;
    } else {
      index++;
    }

    if (arg === '--') {
      ArrayPrototypePush(tokens, { kind: 'option-terminator', index });
      for (let i = 0; i < remaining.length; i++) {
        ArrayPrototypePush(tokens,
                           { kind: 'positional', index: ++index,
                             value: remaining[i] });
      }
      break;
    }

    if (isLoneShortOption(arg)) {
      const longOption =
        findLongOptionForShort(StringPrototypeCharAt(arg, 1), options);
      let value;
      let inlineValue;
      if (isStringOption(options, longOption) && isOptionValue(nextArg)) {
        value = ArrayPrototypeShift(remaining);
        inlineValue = false;
      }
      ArrayPrototypePush(tokens, { kind: 'option', name: longOption,
                                   rawName: arg, index, value, inlineValue });
      if (value != null) ++index;
      continue;
    }

    if (isShortForm(arg)) {
      const shortOption = StringPrototypeCharAt(arg, 1);
      const longOption = findLongOptionForShort(shortOption, options);
      if (!isStringOption(options, longOption)) {
        // A group of flags: split it and go again. A string option inside
        // the group takes the rest of the group as its value.
        const expanded = [];
        for (let i = 1; i < arg.length; i++) {
          const short = StringPrototypeCharAt(arg, i);
          const long = findLongOptionForShort(short, options);
          if (!isStringOption(options, long) || i === arg.length - 1) {
            ArrayPrototypePush(expanded, `-${short}`);
          } else {
            ArrayPrototypePush(expanded, `-${StringPrototypeSlice(arg, i)}`);
            break;
          }
        }
        ArrayPrototypeUnshiftApply(remaining, expanded);
        groupCount = expanded.length;
        continue;
      }
      // '-fvalue' for a string option f.
      ArrayPrototypePush(tokens, { kind: 'option', name: longOption,
                                   rawName: `-${shortOption}`, index,
                                   value: StringPrototypeSlice(arg, 2),
                                   inlineValue: true });
      continue;
    }

    if (isLoneLongOption(arg)) {
      const longOption = StringPrototypeSlice(arg, 2);
      let value;
      let inlineValue;
      if (isStringOption(options, longOption) && isOptionValue(nextArg)) {
        value = ArrayPrototypeShift(remaining);
        inlineValue = false;
      }
      ArrayPrototypePush(tokens, { kind: 'option', name: longOption,
                                   rawName: arg, index, value, inlineValue });
      if (value != null) ++index;
      continue;
    }

    if (isLongOptionAndValue(arg)) {
      const equalIndex = StringPrototypeIndexOf(arg, '=');
      const longOption = StringPrototypeSlice(arg, 2, equalIndex);
      const value = StringPrototypeSlice(arg, equalIndex + 1);
      ArrayPrototypePush(tokens, { kind: 'option', name: longOption,
                                   rawName: `--${longOption}`, index, value,
                                   inlineValue: true });
      continue;
    }

    ArrayPrototypePush(tokens, { kind: 'positional', index, value: arg });
  }
  return tokens;
}

function unknownOption(token, config) {
  return new ERR_PARSE_ARGS_UNKNOWN_OPTION(token.rawName,
                                           config.allowPositionals);
}

// Strict mode: the option must be known and get the kind of value its type
// asks for.
function checkOptionUsage(config, token) {
  let name = token.name;
  if (!ObjectHasOwn(config.options, name)) {
    if (!config.allowNegative || !StringPrototypeStartsWith(name, 'no-')) {
      throw unknownOption(token, config);
    }
    name = StringPrototypeSlice(name, 3);
    if (!ObjectHasOwn(config.options, name) ||
        optionsGetOwn(config.options, name, 'type') !== 'boolean') {
      throw unknownOption(token, config);
    }
  }

  const short = optionsGetOwn(config.options, name, 'short');
  const shortAndLong = `${short ? `-${short}, ` : ''}--${name}`;
  const type = optionsGetOwn(config.options, name, 'type');
  if (type === 'string' && typeof token.value !== 'string') {
    throw new ERR_PARSE_ARGS_INVALID_OPTION_VALUE(
      `Option '${shortAndLong} <value>' argument missing`);
  }
  if (type === 'boolean' && token.value != null) {
    throw new ERR_PARSE_ARGS_INVALID_OPTION_VALUE(
      `Option '${shortAndLong}' does not take an argument`);
  }
}

// Strict mode: `--foo -x` probably means a forgotten value, not "-x".
function checkOptionLikeValue(token) {
  if (token.inlineValue || !isOptionLikeValue(token.value)) return;
  const example = StringPrototypeStartsWith(token.rawName, '--') ?
    `'${token.rawName}=-XYZ'` :
    `'--${token.name}=-XYZ' or '${token.rawName}-XYZ'`;
  throw new ERR_PARSE_ARGS_INVALID_OPTION_VALUE(
    `Option '${token.rawName}' argument is ambiguous.\n` +
    `Did you forget to specify the option argument for '${token.rawName}'?\n` +
    `To specify an option argument starting with a dash use ${example}.`);
}

function storeOption(token, options, values, allowNegative) {
  let longOption = token.name;
  let optionValue = token.value;
  if (longOption === '__proto__') return;

  if (allowNegative && StringPrototypeStartsWith(longOption, 'no-') &&
      optionValue === undefined) {
    longOption = StringPrototypeSlice(longOption, 3);
    token.name = longOption;
    optionValue = false;
  }

  const newValue = optionValue ?? true;
  if (optionsGetOwn(options, longOption, 'multiple')) {
    if (values[longOption]) {
      ArrayPrototypePush(values[longOption], newValue);
    } else {
      values[longOption] = [newValue];
    }
  } else {
    values[longOption] = newValue;
  }
}

function validateOptionConfig(longOption, optionConfig) {
  validateObject(optionConfig, `options.${longOption}`);
  const optionType = objectGetOwn(optionConfig, 'type');
  validateUnion(optionType, `options.${longOption}.type`,
                ['string', 'boolean']);

  if (ObjectHasOwn(optionConfig, 'short')) {
    const shortOption = optionConfig.short;
    validateString(shortOption, `options.${longOption}.short`);
    if (shortOption.length !== 1) {
      throw new ERR_INVALID_ARG_VALUE(`options.${longOption}.short`,
                                      shortOption,
                                      'must be a single character');
    }
  }

  const multiple = objectGetOwn(optionConfig, 'multiple');
  if (ObjectHasOwn(optionConfig, 'multiple')) {
    validateBoolean(multiple, `options.${longOption}.multiple`);
  }

  const defaultValue = objectGetOwn(optionConfig, 'default');
  if (defaultValue !== undefined) {
    const name = `options.${longOption}.default`;
    if (optionType === 'string') {
      (multiple ? validateStringArray : validateString)(defaultValue, name);
    } else {
      (multiple ? validateBooleanArray : validateBoolean)(defaultValue, name);
    }
  }
}

function parseArgs(config = kEmptyObject) {
  const args = objectGetOwn(config, 'args') ?? getMainArgs();
  const strict = objectGetOwn(config, 'strict') ?? true;
  const allowPositionals = objectGetOwn(config, 'allowPositionals') ?? !strict;
  const returnTokens = objectGetOwn(config, 'tokens') ?? false;
  const allowNegative = objectGetOwn(config, 'allowNegative') ?? false;
  const options = objectGetOwn(config, 'options') ?? { __proto__: null };
  const parseConfig = {
    args, strict, options, allowPositionals, allowNegative,
  };

  validateArray(args, 'args');
  validateBoolean(strict, 'strict');
  validateBoolean(allowPositionals, 'allowPositionals');
  validateBoolean(returnTokens, 'tokens');
  validateBoolean(allowNegative, 'allowNegative');
  validateObject(options, 'options');
  const entries = ObjectEntries(options);
  for (let i = 0; i < entries.length; i++) {
    validateOptionConfig(entries[i][0], entries[i][1]);
  }

  const tokens = argsToTokens(args, options);
  const result = {
    values: { __proto__: null },
    positionals: [],
  };
  if (returnTokens) result.tokens = tokens;

  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i];
    if (token.kind === 'option') {
      if (strict) {
        checkOptionUsage(parseConfig, token);
        checkOptionLikeValue(token);
      }
      storeOption(token, options, result.values, allowNegative);
    } else if (token.kind === 'positional') {
      if (!allowPositionals) {
        throw new ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL(token.value);
      }
      ArrayPrototypePush(result.positionals, token.value);
    }
  }

  // Defaults for options that did not appear.
  for (let i = 0; i < entries.length; i++) {
    const { 0: longOption, 1: optionConfig } = entries[i];
    const defaultValue = objectGetOwn(optionConfig, 'default');
    if (defaultValue !== undefined && result.values[longOption] === undefined &&
        longOption !== '__proto__') {
      result.values[longOption] = defaultValue;
    }
  }
  return result;
}

module.exports = {
  parseArgs,
};
