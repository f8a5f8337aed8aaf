// Flags: --expose-internals
'use strict';
// internalBinding('util').privateSymbols, arrayBufferViewHasBuffer, the
// arrow message of a module's syntax error, internalBinding('js_stream').
require('../common');
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const util = require('util');
const tmpdir = require('../common/tmpdir');
const { internalBinding } = require('internal/test/binding');

const {
  privateSymbols: { arrow_message_private_symbol, decorated_private_symbol },
  arrayBufferViewHasBuffer,
} = internalBinding('util');

const obj = {};
obj[arrow_message_private_symbol] = 1;
assert.strictEqual(obj[arrow_message_private_symbol], 1);
assert.deepStrictEqual(Reflect.ownKeys(obj), []);

tmpdir.refresh();
const bad = path.join(tmpdir.path, 'bad_syntax_lode.js');
fs.writeFileSync(bad, 'var foo bar;\n');
try {
  require(bad);
  assert.fail('no error');
} catch (err) {
  assert.strictEqual(err.name, 'SyntaxError');
  assert.match(err[arrow_message_private_symbol], /bad_syntax_lode\.js:1\nvar foo bar;\n {8}\^\^\^/);
  assert.strictEqual(err[decorated_private_symbol], true);
  assert.ok(err.stack.startsWith(`${bad}:1\nvar foo bar;\n`));
}

{
  const small = new Uint8Array(8);
  assert.strictEqual(arrayBufferViewHasBuffer(small), false);
  small.buffer; // eslint-disable-line no-unused-expressions
  assert.strictEqual(arrayBufferViewHasBuffer(small), true);
  assert.strictEqual(arrayBufferViewHasBuffer(new Uint8Array(1024)), true);
}

{
  const { JSStream } = internalBinding('js_stream');
  const stream = new JSStream();
  assert.match(util.inspect(stream._externalStream), /^\[External: [0-9a-f]+\]$/);
  assert.ok(util.types.isExternal(stream._externalStream));
  assert.strictEqual(stream.fd, -1);
  assert.strictEqual(stream.isStreamBase, true);
  assert.throws(() => JSStream(), TypeError);

  // Writes go to onwrite as bytes; finishWrite completes them.
  const chunks = [];
  stream.onwrite = (req, bufs) => {
    for (const b of bufs) chunks.push(Buffer.from(b).toString('latin1'));
    stream.finishWrite(req, 0);
    return 0;
  };
  let completed = 0;
  const req = { oncomplete(status, handle) {
    assert.strictEqual(status, 0);
    assert.strictEqual(handle, stream);
    completed++;
  } };
  assert.strictEqual(stream.writeUtf8String(req, 'h\u00e9'), 0);
  assert.strictEqual(stream.writeLatin1String(req, 'ab'), 0);
  assert.strictEqual(stream.writev(req, [Buffer.from('x'), 'buffer', 'y', 'utf8'], false), 0);
  assert.deepStrictEqual(chunks, ['h\u00c3\u00a9', 'ab', 'x', 'y']);
  assert.strictEqual(completed, 3);
  assert.strictEqual(stream.bytesWritten, 7);

  // readBuffer and emitEOF reach onread.
  const { streamBaseState, kReadBytesOrError } = internalBinding('stream_wrap');
  const reads = [];
  stream.onread = (ab) => {
    reads.push(ab === undefined ? streamBaseState[kReadBytesOrError] :
      Buffer.from(ab).toString());
  };
  stream.readBuffer(Buffer.from('data'));
  stream.emitEOF();
  assert.deepStrictEqual(reads, ['data', -4095]);
  assert.strictEqual(stream.bytesRead, 4);

  let started = 0;
  stream.onreadstart = () => { started++; return 0; };
  stream.onreadstop = () => 0;
  assert.strictEqual(stream.readStart(), 0);
  assert.strictEqual(stream.readStop(), 0);
  assert.strictEqual(started, 1);
}
