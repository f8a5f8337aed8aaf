'use strict';

// getOptionValue('--flag'): the command line as C++ parsed it.

const {
  StringPrototypeSlice,
  StringPrototypeStartsWith,
} = primordials;

const { getCLIOptionsValues } = internalBinding('options');

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

module.exports = {
  getOptionValue,
  getOptionsAsFlagsFromBinding: getOptionsFromBinding,
  getAllowUnauthorized,
  refreshOptions() { optionsCache = undefined; },
};
