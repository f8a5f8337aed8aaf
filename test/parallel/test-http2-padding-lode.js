'use strict';
// options.paddingStrategy pads the HEADERS and DATA frames a session sends:
// ALIGNED (and CALLBACK, its alias) to whole frames of a multiple of 8
// bytes, MAX to the largest payload the frame may have; NONE adds nothing.
// Both sides still read the exchange as without padding.
const common = require('../common');
const assert = require('assert');
const http2 = require('http2');
const { duplexPair } = require('stream');
const {
  PADDING_STRATEGY_NONE, PADDING_STRATEGY_ALIGNED, PADDING_STRATEGY_MAX,
  PADDING_STRATEGY_CALLBACK,
} = http2.constants;

assert.strictEqual(PADDING_STRATEGY_CALLBACK, PADDING_STRATEGY_ALIGNED);

// The frames in the bytes a session wrote (after the client preface).
function frames(bytes) {
  const out = [];
  let offset = bytes.indexOf('PRI * HTTP/2.0') === 0 ? 24 : 0;
  while (offset + 9 <= bytes.length) {
    const length = bytes.readUIntBE(offset, 3);
    out.push({ length, type: bytes[offset + 3], flags: bytes[offset + 4] });
    offset += 9 + length;
  }
  return out;
}

function exchange(paddingStrategy) {
  return new Promise((resolve) => {
    const [clientSide, serverSide] = duplexPair();
    const written = { client: [], server: [] };
    // What each side writes is what the other side reads.
    serverSide.on('data', (chunk) => written.client.push(chunk));
    clientSide.on('data', (chunk) => written.server.push(chunk));
    const server = http2.createServer({ paddingStrategy });
    server.on('stream', common.mustCall((stream) => {
      stream.respond({ ':status': 200 });
      stream.end('<h1>Hello World.</h1>');
    }));
    server.emit('connection', serverSide);
    const client = http2.connect('http://localhost:80', {
      paddingStrategy,
      createConnection: () => clientSide,
    });
    const req = client.request({ ':path': '/a' });
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk) => body += chunk);
    req.on('end', common.mustCall(() => {
      assert.strictEqual(body, '<h1>Hello World.</h1>');
      client.close();
      setImmediate(() => resolve({
        client: frames(Buffer.concat(written.client)),
        server: frames(Buffer.concat(written.server)),
      }));
    }));
  });
}

// HEADERS (1) and DATA (0) frames; PADDED is flag 0x8.
const padded = (list) => list.filter((f) => f.type === 0 || f.type === 1);

(async () => {
  const none = await exchange(PADDING_STRATEGY_NONE);
  for (const f of padded([...none.client, ...none.server])) {
    assert.strictEqual(f.flags & 0x8, 0);
  }

  const aligned = await exchange(PADDING_STRATEGY_ALIGNED);
  const alignedFrames = padded([...aligned.client, ...aligned.server]);
  assert.ok(alignedFrames.length >= 3);
  for (const f of alignedFrames) {
    assert.strictEqual((f.length + 9) % 8, 0, JSON.stringify(f));
  }

  const max = await exchange(PADDING_STRATEGY_MAX);
  const data = max.server.filter((f) => f.type === 0);
  assert.ok(data.length >= 1);
  // nghttp2 pads a frame by at most 256 bytes (the pad length byte and 255
  // bytes of padding): the body's frame is 21 + 256 bytes long.
  for (const f of data) assert.strictEqual(f.flags & 0x8, 0x8);
  assert.ok(data.some((f) => f.length === 21 + 256));
})().then(common.mustCall());
