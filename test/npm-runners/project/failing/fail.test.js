'use strict';
const { add } = require('../src/math.cjs');
test('passes', () => expect(add(1, 1)).toBe(2));
test('fails', () => expect(add(1, 1)).toBe(3));
