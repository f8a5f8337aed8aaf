'use strict';
const assert = require('node:assert');
const { add } = require('../src/math.cjs');
describe('failing (mocha)', () => {
  it('passes', () => assert.strictEqual(add(1, 1), 2));
  it('fails', () => assert.strictEqual(add(1, 1), 3));
});
