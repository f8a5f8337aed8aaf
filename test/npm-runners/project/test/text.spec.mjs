import { describe, it, expect } from 'vitest';
import { shout, readBack } from '../src/text.mjs';
import { createRequire } from 'node:module';
const { add, delayedDouble } = createRequire(import.meta.url)('../src/math.cjs');
describe('text and math (vitest)', () => {
  it('shouts', () => expect(shout('hi')).toBe('HI!'));
  it('reads back', async () => expect(await readBack(3)).toBe(3));
  it('adds (CJS)', () => expect(add(2, 2)).toBe(4));
  it('doubles later (CJS)', async () => expect(await delayedDouble(5)).toBe(10));
});
