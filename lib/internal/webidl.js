'use strict';

// Conversions of the Web IDL standard (https://webidl.spec.whatwg.org/),
// for the web APIs implemented in lib/.

const {
  MathFloor,
  MathMax,
  MathMin,
  MathTrunc,
  NumberIsFinite,
  NumberIsNaN,
  NumberMAX_SAFE_INTEGER,
  NumberMIN_SAFE_INTEGER,
} = primordials;

const {
  codes: { ERR_INVALID_ARG_VALUE },
} = require('internal/errors');
const { kEmptyObject } = require('internal/util');

// Rounds to the nearest integer, halves to the even one; never -0.
function evenRound(x) {
  const floor = MathFloor(x);
  const fraction = x - floor;
  let result;
  if (fraction < 0.5) {
    result = floor;
  } else if (fraction > 0.5) {
    result = floor + 1;
  } else {
    result = floor % 2 === 0 ? floor : floor + 1;
  }
  return result === 0 ? 0 : result;
}

// The integer part of a finite x (rounded toward zero), never -0.
function integerPart(x) {
  const result = MathTrunc(x);
  return result === 0 ? 0 : result;
}

// ConvertToInt(V, bitLength, signedness) with the [EnforceRange] and
// [Clamp] extended attributes as options. `name` names the value in the
// error [EnforceRange] throws. 64-bit types are bounded by the safe
// integers, as the standard says.
function convertToInt(name, value, bitLength, options = kEmptyObject) {
  const { signed = false, enforceRange = false, clamp = false } = options;
  let lowerBound;
  let upperBound;
  if (bitLength === 64) {
    upperBound = NumberMAX_SAFE_INTEGER;
    lowerBound = signed ? NumberMIN_SAFE_INTEGER : 0;
  } else if (signed) {
    lowerBound = -(2 ** (bitLength - 1));
    upperBound = 2 ** (bitLength - 1) - 1;
  } else {
    lowerBound = 0;
    upperBound = 2 ** bitLength - 1;
  }

  let x = +value;
  if (x === 0) x = 0;

  if (enforceRange) {
    if (!NumberIsFinite(x)) throw new ERR_INVALID_ARG_VALUE(name, x);
    x = integerPart(x);
    if (x < lowerBound || x > upperBound) {
      throw new ERR_INVALID_ARG_VALUE(name, x);
    }
    return x;
  }

  if (clamp && !NumberIsNaN(x)) {
    return evenRound(MathMin(MathMax(x, lowerBound), upperBound));
  }

  if (!NumberIsFinite(x) || x === 0) return 0;
  x = integerPart(x);
  if (x >= lowerBound && x <= upperBound) return x;

  // Modulo 2^bitLength, then the upper half is negative for signed types.
  const modulo = 2 ** bitLength;
  x %= modulo;
  if (x < 0) x += modulo;
  if (signed && x >= modulo / 2) return x - modulo;
  return x;
}

module.exports = {
  convertToInt,
  evenRound,
};
