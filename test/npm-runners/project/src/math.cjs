'use strict';
// A CommonJS module under test.
function add(a, b) {
  return a + b;
}
function delayedDouble(n, ms = 5) {
  return new Promise((resolve) => setTimeout(() => resolve(n * 2), ms));
}
module.exports = { add, delayedDouble };
