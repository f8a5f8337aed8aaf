import assert from 'node:assert';
import { shout, readBack } from '../src/text.mjs';
describe('text (mocha, ESM)', () => {
  it('shouts', () => assert.strictEqual(shout('hi'), 'HI!'));
  it('reads back', async () => assert.deepStrictEqual(await readBack({ a: 1 }), { a: 1 }));
});
