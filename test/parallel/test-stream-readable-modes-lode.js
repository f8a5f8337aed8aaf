'use strict';
const common = require('../common');
const assert = require('assert');
const { Readable } = require('stream');

// Paused mode: 'readable' then read() until null; 'end' then 'close'.
{
  const got = [];
  const r = new Readable({ read() {} });
  r.on('readable', common.mustCallAtLeast(() => {
    let chunk;
    while ((chunk = r.read()) !== null) got.push(`${chunk}`);
  }));
  r.on('end', common.mustCall(() => {
    assert.deepStrictEqual(got, ['ab', 'c']);
  }));
  r.on('close', common.mustCall());
  r.push('a');
  r.push('b');
  assert.strictEqual(r.readableFlowing, false);
  setImmediate(() => {
    r.push('c');
    r.push(null);
  });
}

// Flowing mode with pause() and resume().
{
  const r = new Readable({ read() {} });
  const got = [];
  r.on('data', (chunk) => got.push(`${chunk}`));
  assert.strictEqual(r.readableFlowing, true);
  r.pause();
  assert.strictEqual(r.isPaused(), true);
  r.push('x');
  setImmediate(common.mustCall(() => {
    assert.deepStrictEqual(got, []);
    assert.strictEqual(r.readableLength, 1);
    r.resume();
    r.push(null);
  }));
  r.on('end', common.mustCall(() => assert.deepStrictEqual(got, ['x'])));
}

// read(n) with setEncoding: multi-byte characters are never split.
{
  const r = new Readable({ read() {} });
  r.setEncoding('utf8');
  assert.strictEqual(r.readableEncoding, 'utf8');
  r.push(Buffer.from([0xe2, 0x82]));
  r.push(Buffer.from([0xac, 0x41, 0x42]));
  assert.strictEqual(r.read(1), '€');
  assert.strictEqual(r.read(), 'AB');
  assert.strictEqual(r.read(), null);
}

// unshift() puts data back in front.
{
  const r = new Readable({ read() {} });
  r.push('world');
  r.unshift('hello ');
  assert.strictEqual(`${r.read()}`, 'hello world');
}

// Errors from push().
{
  const r = new Readable({ read() {} });
  r.push(null);
  r.on('error', common.mustCall((err) => {
    assert.strictEqual(err.code, 'ERR_STREAM_PUSH_AFTER_EOF');
    assert.strictEqual(err.message, 'stream.push() after EOF');
  }));
  r.push('late');
}
{
  const r = new Readable({ read() {} });
  r.on('error', common.mustCall((err) => {
    assert.strictEqual(err.code, 'ERR_INVALID_ARG_TYPE');
  }));
  r.push(42);
}
{
  const r = new Readable();
  r.on('error', common.mustCall((err) => {
    assert.strictEqual(err.code, 'ERR_METHOD_NOT_IMPLEMENTED');
    assert.strictEqual(err.message, 'The _read() method is not implemented');
  }));
  r.read();
}
