'use strict';
const common = require('../common');
const assert = require('assert');
const {
  Readable, Writable, Transform, PassThrough, pipeline,
} = require('stream');
const { pipeline: pipelinePromise } = require('stream/promises');

// Streams, a transform and a flush, in order.
{
  const got = [];
  const t = new Transform({
    transform(chunk, encoding, cb) { cb(null, `${chunk}`.toUpperCase()); },
    flush(cb) { cb(null, '!'); },
  });
  const w = new Writable({
    write(chunk, encoding, cb) {
      got.push(`${chunk}`);
      cb();
    },
  });
  pipeline(Readable.from(['x', 'y']), t, w, common.mustSucceed(() => {
    assert.deepStrictEqual(got, ['X', 'Y', '!']);
  }));
}

// An error destroys every stream; the callback waits until all are closed.
{
  const src = new Readable({ read() {} });
  const mid = new PassThrough();
  const dst = new Writable({
    write(chunk, encoding, cb) { cb(); },
    destroy(err, cb) { setImmediate(cb, err); },
  });
  pipeline(src, mid, dst, common.mustCall((err) => {
    assert.strictEqual(err.message, 'problem');
    assert.strictEqual(src.destroyed, true);
    assert.strictEqual(mid.destroyed, true);
    assert.strictEqual(dst.closed, true);
  }));
  src.destroy(new Error('problem'));
}

// Generators and async functions; the last one's value resolves the
// promise.
pipelinePromise(
  Readable.from(['a', 'b']),
  async function*(source) {
    for await (const chunk of source) yield `${chunk}!`;
  },
  async (source) => {
    let out = '';
    for await (const chunk of source) out += chunk;
    return out;
  },
).then(common.mustCall((value) => assert.strictEqual(value, 'a!b!')));

assert.throws(() => pipeline(new PassThrough(), common.mustNotCall()), {
  code: 'ERR_MISSING_ARGS',
  message: 'The "streams" argument must be specified',
});
assert.throws(() => pipeline(), { code: 'ERR_INVALID_ARG_TYPE' });

// A destination that is already destroyed cannot be piped to.
{
  const dst = new PassThrough();
  dst.destroy();
  assert.throws(() => pipeline(new PassThrough(), dst, common.mustNotCall()),
                { code: 'ERR_STREAM_UNABLE_TO_PIPE' });
}
