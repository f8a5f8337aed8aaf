'use strict';
const { add, delayedDouble } = require('../src/math.cjs');
describe('math (jest)', () => {
  test('adds', () => expect(add(2, 3)).toBe(5));
  test('doubles later', async () => expect(await delayedDouble(4)).toBe(8));
  test('resolves', () => expect(delayedDouble(1)).resolves.toBe(2));
  test('snapshot-free object match', () => expect({ a: [1, 2] }).toEqual({ a: [1, 2] }));
});
