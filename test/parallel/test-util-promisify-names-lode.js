'use strict';
// The custom promisified versions keep their original's name, and a Buffer
// is shown with its constructor's own name, or "Buffer" when that is odd.
require('../common');
const assert = require('assert');
const { inspect, promisify } = require('util');
const childProcess = require('child_process');
const http2 = require('http2');

assert.strictEqual(promisify(childProcess.exec).name, 'exec');
assert.strictEqual(promisify(childProcess.execFile).name, 'execFile');
assert.strictEqual(http2.connect.name, 'connect');
assert.strictEqual(promisify(http2.connect).name, 'connect');

class MyBuffer extends Buffer {}
const bytes = Buffer.from('hi');
assert.strictEqual(inspect(bytes), '<Buffer 68 69>');
Object.setPrototypeOf(bytes, MyBuffer.prototype);
assert.strictEqual(inspect(bytes), '<MyBuffer 68 69>');
Object.defineProperty(bytes, 'constructor', {
  get() { throw new Error(); },
  configurable: true,
});
assert.strictEqual(inspect(bytes), '<Buffer 68 69>');
Object.defineProperty(bytes, 'constructor', { value: Buffer.prototype });
assert.strictEqual(inspect(bytes), '<Buffer 68 69>');
