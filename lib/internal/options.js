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

function getAllowUnauthorized() {
  return false;
}

module.exports = {
  getOptionValue,
  getOptionsAsFlagsFromBinding: getOptionsFromBinding,
  getAllowUnauthorized,
  refreshOptions() { optionsCache = undefined; },
};
