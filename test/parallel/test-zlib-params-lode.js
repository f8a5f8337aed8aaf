'use strict';
// params() changes level and strategy after a flush; like Node, a gzip
// stream keeps its parameters.
const common = require('../common');
const assert = require('assert');
const zlib = require('zlib');

const text = Buffer.from('hello hello hello hello world '.repeat(20));

function compressWithParams(create, done) {
  const stream = create({ level: 9 });
  const out = [];
  stream.on('data', (chunk) => out.push(chunk));
  stream.on('end', common.mustCall(() => done(Buffer.concat(out), stream)));
  stream.write(text, common.mustCall(() => {
    stream.params(0, zlib.constants.Z_DEFAULT_STRATEGY, common.mustCall(() => {
      stream.end(text);
    }));
  }));
}

compressWithParams(zlib.createDeflate, (out, stream) => {
  assert.strictEqual(stream._level, 0);
  // Level 0 stores the second copy verbatim.
  assert(out.includes(text));
  assert.deepStrictEqual(zlib.inflateSync(out),
                         Buffer.concat([text, text]));
});
compressWithParams(zlib.createDeflateRaw, (out) => {
  assert(out.includes(text));
  assert.deepStrictEqual(zlib.inflateRawSync(out),
                         Buffer.concat([text, text]));
});
compressWithParams(zlib.createGzip, (out) => {
  assert(!out.includes(text));
  assert.deepStrictEqual(zlib.gunzipSync(out), Buffer.concat([text, text]));
});

// The same parameters again: the callback runs on the next tick.
const same = zlib.createDeflate({ level: 3 });
same.params(3, 0, common.mustCall());

assert.throws(() => zlib.createDeflate().params(10, 0), {
  code: 'ERR_OUT_OF_RANGE',
  message: 'The value of "level" is out of range. It must be >= -1 and ' +
           '<= 9. Received 10',
});
assert.throws(() => zlib.createDeflate().params(1, 'x'), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "strategy" argument must be of type number. Received type ' +
           "string ('x')",
});

// reset() starts the stream over; closed, it is an internal error.
const reset = zlib.createDeflate();
assert.strictEqual(reset.reset(), undefined);
reset.close();
assert.throws(() => reset.reset(), { code: 'ERR_INTERNAL_ASSERTION' });
