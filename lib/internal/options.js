'use strict';

// getOptionValue('--flag'): the command line as C++ parsed it.

const {
  ArrayIsArray,
  ArrayPrototypePush,
  ObjectKeys,
  SafeMap,
  StringPrototypeSlice,
  StringPrototypeStartsWith,
} = primordials;

const {
  getCLIOptionsValues,
  getCLIOptionsInfo: getCLIOptionsInfoFromBinding,
} = internalBinding('options');

// Node's numbering of the option kinds and of the NODE_OPTIONS rule.
const types = {
  __proto__: null,
  kNoOp: 0,
  kV8Option: 1,
  kBoolean: 2,
  kInteger: 3,
  kUInteger: 4,
  kString: 5,
  kHostPort: 6,
  kStringList: 7,
};
const envSettings = {
  __proto__: null,
  kAllowedInEnvvar: 0,
  kDisallowedInEnvvar: 1,
};

let optionsInfo;

// { options: Map(name -> { helpText, envVarSettings, type, defaultIsTrue }),
//   aliases: Map(alias -> [names]) }, as Node's.
function getCLIOptionsInfo() {
  if (optionsInfo !== undefined) return optionsInfo;
  const raw = getCLIOptionsInfoFromBinding();
  const options = new SafeMap();
  for (let i = 0; i < raw.options.length; i++) {
    const { 0: name, 1: helpText, 2: envVarSettings, 3: type,
            4: defaultIsTrue } = raw.options[i];
    options.set(name, {
      __proto__: null, helpText, envVarSettings, type, defaultIsTrue,
    });
  }
  const aliases = new SafeMap();
  for (let i = 0; i < raw.aliases.length; i++) {
    aliases.set(raw.aliases[i][0], raw.aliases[i][1]);
  }
  optionsInfo = { options, aliases };
  return optionsInfo;
}

let optionsCache;

function getOptionsFromBinding() {
  optionsCache ??= getCLIOptionsValues();
  return optionsCache;
}

function getOptionValue(name) {
  const options = getOptionsFromBinding();
  // "--no-warnings" is stored as "--warnings" = false.
  if (StringPrototypeStartsWith(name, '--no-')) {
    const value = options[`--${StringPrototypeSlice(name, 5)}`];
    return value === undefined ? undefined : !value;
  }
  return options[name];
}

let warnedAllowUnauthorized = false;

// NODE_TLS_REJECT_UNAUTHORIZED=0 turns certificate checks off (with a
// warning, once).
function getAllowUnauthorized() {
  const allow = process.env.NODE_TLS_REJECT_UNAUTHORIZED === '0';
  if (allow && !warnedAllowUnauthorized) {
    warnedAllowUnauthorized = true;
    process.emitWarning(
      'Setting the NODE_TLS_REJECT_UNAUTHORIZED environment variable to ' +
      '\'0\' makes TLS connections and HTTPS requests insecure by ' +
      'disabling certificate verification.');
  }
  return allow;
}

// The options as command line flags ("--name=value", "--no-name"), as
// Node's getOptionsAsFlagsFromBinding() lists them: booleans that differ
// from their default, non-empty strings, every number, each item of a
// list.
function getOptionsAsFlagsFromBinding() {
  const values = getOptionsFromBinding();
  const { options } = getCLIOptionsInfo();
  const flags = [];
  const names = ObjectKeys(values);
  for (let i = 0; i < names.length; i++) {
    const name = names[i];
    const info = options.get(name);
    if (info === undefined) continue;
    const value = values[name];
    switch (info.type) {
      case types.kBoolean:
        if (value !== info.defaultIsTrue) {
          ArrayPrototypePush(flags, value ?
            name : `--no-${StringPrototypeSlice(name, 2)}`);
        }
        break;
      case types.kInteger:
      case types.kUInteger:
        ArrayPrototypePush(flags, `${name}=${value}`);
        break;
      case types.kString:
        if (value !== '') ArrayPrototypePush(flags, `${name}=${value}`);
        break;
      case types.kHostPort:
        if (value.host !== '127.0.0.1' || value.port !== 9229) {
          ArrayPrototypePush(flags, `${name}=${value.host}:${value.port}`);
        }
        break;
      case types.kStringList:
        if (ArrayIsArray(value)) {
          for (let j = 0; j < value.length; j++) {
            ArrayPrototypePush(flags, `${name}=${value[j]}`);
          }
        }
        break;
      default:
        break;
    }
  }
  return flags;
}

module.exports = {
  getCLIOptionsInfo,
  getOptionValue,
  getOptionsAsFlagsFromBinding,
  getOptionsFromBinding,
  types,
  envSettings,
  getAllowUnauthorized,
  refreshOptions() { optionsCache = undefined; },
};
