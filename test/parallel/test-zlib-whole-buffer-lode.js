'use strict';
// The one-step helpers hand inputs whole to libdeflate (compression from
// 64 KiB on, decompression always) when the options allow; whatever it
// refuses goes to zlib, so results and errors are zlib's. Checked against
// the streams, which always use zlib.
const common = require('../common');
const assert = require('assert');
const zlib = require('zlib');

// 256 KiB of text that compresses well.
const lines = [];
for (let i = 0; i < 12000; i++) {
  lines.push(`line ${i}: ${(i * 7919 % 10007).toString(36)} quick brown fox`);
}
const data = Buffer.from(lines.join('\n')).subarray(0, 256 * 1024);
assert.strictEqual(data.length, 256 * 1024);

// The error a zlib stream gives for `input`, or null.
function streamError(Class, input) {
  const stream = new Class();
  try {
    stream._processChunk(input, zlib.constants.Z_FINISH);
  } catch (err) {
    return err;
  }
  return null;
}

function sameError(actual, expected) {
  assert.ok(expected, 'the stream accepted the input');
  assert.strictEqual(actual.message, expected.message);
  assert.strictEqual(actual.code, expected.code);
  assert.strictEqual(actual.errno, expected.errno);
}

const pairs = [
  ['gzip', 'gunzip', zlib.Gunzip],
  ['deflate', 'inflate', zlib.Inflate],
  ['deflateRaw', 'inflateRaw', zlib.InflateRaw],
  ['gzip', 'unzip', zlib.Unzip],
  ['deflate', 'unzip', zlib.Unzip],
];
for (const [compress, decompress] of pairs) {
  const packed = zlib[`${compress}Sync`](data);
  assert.ok(packed.length < data.length / 2);
  const { buffer, engine } = zlib[`${decompress}Sync`](packed, { info: true });
  assert.deepStrictEqual(buffer, data);
  assert.strictEqual(engine.bytesWritten, packed.length);
  zlib[compress](data, common.mustSucceed((packed2) => {
    zlib[decompress](packed2, common.mustSucceed((out) => {
      assert.deepStrictEqual(out, data);
    }));
  }));
  // Any view of the bytes.
  const view = new DataView(packed.buffer, packed.byteOffset, packed.length);
  assert.deepStrictEqual(zlib[`${decompress}Sync`](view), data);
}

// zlib's gzip header: Unix, and the extra flags of the level.
assert.strictEqual(zlib.gzipSync(data)[9], 3);
assert.strictEqual(zlib.gzipSync(data)[8], 0);
assert.strictEqual(zlib.gzipSync(data, { level: 1 })[8], 4);
assert.strictEqual(zlib.gzipSync(data, { level: 9 })[8], 2);
assert.strictEqual(zlib.deflateSync(data).readUInt16BE(0), 0x789c);

const gz = zlib.gzipSync(data);

// Members follow each other; zero bytes end the stream.
{
  const two = Buffer.concat([gz, zlib.gzipSync('tail'), Buffer.alloc(3)]);
  const { buffer, engine } = zlib.gunzipSync(two, { info: true });
  assert.deepStrictEqual(buffer, Buffer.concat([data, Buffer.from('tail')]));
  assert.strictEqual(engine.bytesWritten, two.length - 3);
}

// What follows a zlib stream is ignored.
{
  const packed = zlib.deflateSync(data);
  const { buffer, engine } = zlib.inflateSync(
    Buffer.concat([packed, Buffer.from('junk')]), { info: true });
  assert.deepStrictEqual(buffer, data);
  assert.strictEqual(engine.bytesWritten, packed.length);
}

// Damaged input: the same error as zlib's, sync and async.
const damaged = [];
{
  const body = Buffer.from(gz);
  body[200] ^= 0xff;
  damaged.push(body);
  const crc = Buffer.from(gz);
  crc[gz.length - 6] ^= 1;
  damaged.push(crc);
  const size = Buffer.from(gz);
  size[gz.length - 2] ^= 1;
  damaged.push(size);
  damaged.push(gz.subarray(0, gz.length - 100));
  damaged.push(Buffer.concat([gz, Buffer.from('garbage')]));
  damaged.push(Buffer.from('not gzip at all'));
  // A header CRC (FHCRC), which zlib checks and libdeflate would skip.
  const header = Buffer.from(gz.subarray(0, 10));
  header[3] |= 0x02;
  const wrongCrc = Buffer.from([0x12, 0x34]);
  damaged.push(Buffer.concat([header, wrongCrc, gz.subarray(10)]));
  const rightCrc = Buffer.alloc(2);
  rightCrc.writeUInt16LE(zlib.crc32(header) & 0xffff);
  assert.deepStrictEqual(
    zlib.gunzipSync(Buffer.concat([header, rightCrc, gz.subarray(10)])), data);
}
const messages = new Set();
for (const input of damaged) {
  const expected = streamError(zlib.Gunzip, input);
  messages.add(expected.message);
  assert.throws(() => zlib.gunzipSync(input),
                (err) => { sameError(err, expected); return true; });
  zlib.gunzip(input, common.mustCall((err) => sameError(err, expected)));
}
for (const message of ['header crc mismatch', 'incorrect data check',
                       'incorrect header check', 'incorrect length check',
                       'unexpected end of file']) {
  assert.ok(messages.has(message), message);
}
{
  const zbody = zlib.deflateSync(data);
  zbody[100] ^= 0x55;
  const expected = streamError(zlib.Inflate, zbody);
  assert.throws(() => zlib.inflateSync(zbody),
                (err) => { sameError(err, expected); return true; });
}

// maxOutputLength, both ways.
assert.throws(() => zlib.gunzipSync(gz, { maxOutputLength: 1000 }),
              { code: 'ERR_BUFFER_TOO_LARGE', name: 'RangeError' });
zlib.gunzip(gz, { maxOutputLength: 1000 }, common.mustCall((err) => {
  assert.strictEqual(err.code, 'ERR_BUFFER_TOO_LARGE');
}));
assert.throws(() => zlib.gzipSync(data, { maxOutputLength: 1000 }),
              { code: 'ERR_BUFFER_TOO_LARGE', name: 'RangeError' });
assert.deepStrictEqual(
  zlib.gunzipSync(gz, { maxOutputLength: data.length }), data);

// Options outside the fast path keep zlib's behaviour: a window smaller
// than the stream's, a finishing flush that accepts truncated input.
assert.throws(() => zlib.inflateSync(zlib.deflateSync(data),
                                     { windowBits: 9 }),
              { message: 'invalid window size', code: 'Z_DATA_ERROR' });
const partial = zlib.gunzipSync(gz.subarray(0, gz.length >> 1),
                                { finishFlush: zlib.constants.Z_SYNC_FLUSH });
assert.ok(partial.length > 0);
assert.deepStrictEqual(partial, data.subarray(0, partial.length));
