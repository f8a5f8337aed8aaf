'use strict';
const common = require('../common');
const assert = require('assert');
const { Readable, compose, PassThrough } = require('stream');

async function main() {
  const from = (values) => Readable.from(values);

  assert.deepStrictEqual(
    await from([1, 2, 3, 4]).map(async (x) => x * 2, { concurrency: 2 })
      .toArray(),
    [2, 4, 6, 8]);
  assert.deepStrictEqual(
    await from([1, 2, 3, 4]).filter((x) => x % 2).toArray(), [1, 3]);
  assert.strictEqual(await from([1, 2, 3]).reduce((a, b) => a + b, 0), 6);
  assert.strictEqual(await from([1, 2]).some((x) => x > 1), true);
  assert.strictEqual(await from([1, 2]).every((x) => x > 1), false);
  assert.strictEqual(await from([1, 2, 3]).find((x) => x > 1), 2);
  assert.deepStrictEqual(
    await from([1, 2, 3, 4, 5]).drop(1).take(2).toArray(), [2, 3]);
  assert.deepStrictEqual(
    await from([1, 2]).flatMap((x) => [x, x]).toArray(), [1, 1, 2, 2]);

  const seen = [];
  await from([1, 2]).forEach((x) => seen.push(x));
  assert.deepStrictEqual(seen, [1, 2]);

  await assert.rejects(from([]).reduce((a, b) => a + b), {
    code: 'ERR_MISSING_ARGS',
    message: 'Reduce of an empty stream requires an initial value',
  });
  assert.throws(() => from([]).map(1), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => from([]).map((x) => x, { concurrency: 0 }),
                { code: 'ERR_OUT_OF_RANGE' });
  assert.throws(() => from([]).drop(-1), { code: 'ERR_OUT_OF_RANGE' });

  // Async iteration.
  const out = [];
  for await (const chunk of from(['a', 'b'])) out.push(chunk);
  assert.deepStrictEqual(out, ['a', 'b']);

  // compose(): a PassThrough then a generator, as one Duplex.
  const c = compose(new PassThrough(), async function*(source) {
    for await (const chunk of source) yield `${chunk}`.toUpperCase();
  });
  c.end('hello');
  assert.deepStrictEqual(await c.toArray(), ['HELLO']);
}

main().then(common.mustCall());
