'use strict';

// Line diff (Myers' O(ND) algorithm) used for the `+ actual - expected`
// part of assertion messages.

const {
  ArrayPrototypePush,
  Int32Array,
  StringPrototypeEndsWith,
  StringPrototypeTrimEnd,
} = primordials;

// Unchanged lines around a change that are always shown.
const kContextLines = 5;

function linesMatch(actual, expected, ignoreTrailingComma) {
  if (actual === expected) return true;
  if (!ignoreTrailingComma) return false;
  // `a: 1` and `a: 1,` differ only because one is the last entry.
  return `${actual},` === expected || actual === `${expected},`;
}

// Returns the edit script as an array of [kind, line] pairs in reverse order
// (last line first). kind is 'insert' for a line only in `actual`, 'delete'
// for a line only in `expected` and 'nop' for a shared line.
function myersDiff(actual, expected, ignoreTrailingComma = false) {
  const n = actual.length;
  const m = expected.length;
  const max = n + m;
  if (max > 2 ** 31 - 1) {
    const { ERR_OUT_OF_RANGE } = require('internal/errors').codes;
    throw new ERR_OUT_OF_RANGE('myersDiff input size', '< 2^31', max);
  }
  const v = new Int32Array(2 * max + 2);
  const trace = [];
  for (let d = 0; d <= max; d++) {
    ArrayPrototypePush(trace, new Int32Array(v));
    for (let k = -d; k <= d; k += 2) {
      const i = k + max;
      let x;
      if (k === -d || (k !== d && v[i - 1] < v[i + 1])) {
        x = v[i + 1];
      } else {
        x = v[i - 1] + 1;
      }
      let y = x - k;
      while (x < n && y < m &&
             linesMatch(actual[x], expected[y], ignoreTrailingComma)) {
        x++;
        y++;
      }
      v[i] = x;
      if (x >= n && y >= m) {
        return walkBack(trace, actual, expected, ignoreTrailingComma);
      }
    }
  }
  return [];
}

function walkBack(trace, actual, expected, ignoreTrailingComma) {
  const max = actual.length + expected.length;
  let x = actual.length;
  let y = expected.length;
  const result = [];
  for (let d = trace.length - 1; d >= 0; d--) {
    const v = trace[d];
    const k = x - y;
    let prevK;
    if (k === -d || (k !== d && v[k - 1 + max] < v[k + 1 + max])) {
      prevK = k + 1;
    } else {
      prevK = k - 1;
    }
    const prevX = v[prevK + max];
    const prevY = prevX - prevK;
    while (x > prevX && y > prevY) {
      const line = actual[x - 1];
      // Show the variant with the trailing comma: it reads as the middle of
      // a list, which it is on at least one side.
      const shown = ignoreTrailingComma &&
        !StringPrototypeEndsWith(line, ',') ? expected[y - 1] : line;
      ArrayPrototypePush(result, ['nop', shown]);
      x--;
      y--;
    }
    if (d > 0) {
      if (x > prevX) {
        ArrayPrototypePush(result, ['insert', actual[x - 1]]);
        x--;
      } else {
        ArrayPrototypePush(result, ['delete', expected[y - 1]]);
        y--;
      }
    }
  }
  return result;
}

// Renders a reversed edit script. Long runs of shared lines are cut down to
// kContextLines after a change and one line before the next change.
function printMyersDiff(diff) {
  let message = '';
  let skipped = false;
  let shared = 0;
  for (let i = diff.length - 1; i >= 0; i--) {
    const { 0: kind, 1: line } = diff[i];
    if (kind !== 'nop' && i < diff.length - 1 && diff[i + 1][0] === 'nop') {
      // Close the run of shared lines that ends here.
      if (shared === kContextLines + 1) {
        message += `  ${diff[i + 1][1]}\n`;
      } else if (shared === kContextLines + 2) {
        message += `  ${diff[i + 2][1]}\n  ${diff[i + 1][1]}\n`;
      } else if (shared > kContextLines + 2) {
        message += `...\n  ${diff[i + 1][1]}\n`;
        skipped = true;
      }
      shared = 0;
    }
    if (kind === 'insert') {
      message += `+ ${line}\n`;
    } else if (kind === 'delete') {
      message += `- ${line}\n`;
    } else {
      if (shared < kContextLines) message += `  ${line}\n`;
      shared++;
    }
  }
  return { message: `\n${StringPrototypeTrimEnd(message)}`, skipped };
}

module.exports = { myersDiff, printMyersDiff };
