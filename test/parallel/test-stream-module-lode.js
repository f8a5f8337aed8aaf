'use strict';
require('../common');
const assert = require('assert');
const stream = require('stream');

assert.strictEqual(stream.Stream, stream);
assert.strictEqual(stream.promises, require('stream/promises'));
assert.strictEqual(require('_stream_readable'), stream.Readable);
assert.strictEqual(require('_stream_writable'), stream.Writable);
assert.strictEqual(require('_stream_duplex'), stream.Duplex);
assert.strictEqual(require('_stream_transform'), stream.Transform);
assert.strictEqual(require('_stream_passthrough'), stream.PassThrough);

// Duplex is a Writable through Symbol.hasInstance.
const d = new stream.Duplex();
assert.ok(d instanceof stream.Readable);
assert.ok(d instanceof stream.Writable);
assert.ok(new stream.PassThrough() instanceof stream.Transform);
assert.strictEqual(stream.Duplex.prototype.destroy,
                   stream.Writable.prototype.destroy);

assert.strictEqual(stream.getDefaultHighWaterMark(false), 65536);
assert.strictEqual(stream.getDefaultHighWaterMark(true), 16);
stream.setDefaultHighWaterMark(true, 32);
assert.strictEqual(new stream.Readable({ objectMode: true })
  .readableHighWaterMark, 32);
stream.setDefaultHighWaterMark(true, 16);
assert.throws(() => stream.setDefaultHighWaterMark(false, -1),
              { code: 'ERR_OUT_OF_RANGE' });

assert.throws(() => new stream.Readable({ highWaterMark: 1.5 }), {
  code: 'ERR_INVALID_ARG_VALUE',
  message: "The property 'options.highWaterMark' is invalid. Received 1.5",
});
assert.throws(() => new stream.Duplex({ readableHighWaterMark: -1 }), {
  code: 'ERR_INVALID_ARG_VALUE',
  message:
    "The property 'options.readableHighWaterMark' is invalid. Received -1",
});

const r = new stream.Readable({ read() {} });
assert.strictEqual(stream.isReadable(r), true);
assert.strictEqual(stream.isDisturbed(r), false);
assert.strictEqual(stream.isErrored(r), false);
r.destroy();
assert.strictEqual(stream.isReadable(r), false);
assert.strictEqual(stream.isDestroyed(r), true);
