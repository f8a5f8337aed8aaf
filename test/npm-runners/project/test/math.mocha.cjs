'use strict';
const assert = require('node:assert');
const { add, delayedDouble } = require('../src/math.cjs');
describe('math (mocha, CJS)', () => {
  it('adds', () => assert.strictEqual(add(2, 3), 5));
  it('doubles later', async () => assert.strictEqual(await delayedDouble(4), 8));
  it('calls back', (done) => { setTimeout(() => { assert.ok(true); done(); }, 2); });
});
