'use strict';
// Details of node:http2 matched against Node 24: setNextStreamID(), packed
// custom settings, the compat API dropping a Connection header (one
// UnsupportedWarning) and routing CONNECT to 'connect', early hints
// validation.
const common = require('../common');
const assert = require('assert');
const http2 = require('http2');

// Custom settings are packed after the known ones, in id order.
assert.deepStrictEqual(
  http2.getPackedSettings({ customSettings: { 2606: 88, 1011: 1951 } }),
  Buffer.from([0x03, 0xf3, 0, 0, 0x07, 0x9f, 0x0a, 0x2e, 0, 0, 0, 0x58]));
assert.throws(() => http2.getPackedSettings({ customSettings: { 65536: 1 } }),
              { code: 'ERR_HTTP2_INVALID_SETTING_VALUE', name: 'RangeError' });
assert.throws(() => http2.getPackedSettings({ maxHeaderSize: -1 }),
              { message: 'Invalid value for setting "maxHeaderSize": -1' });
assert.strictEqual(
  http2.getUnpackedSettings(new Uint16Array([0, 1, 0, 0, 0, 100]))
    .headerTableSize,
  100);

process.on('warning', common.mustCall((warning) => {
  assert.strictEqual(warning.name, 'UnsupportedWarning');
  assert.match(warning.message, /connection header is not valid/);
}));

const server = http2.createServer(common.mustCall((req, res) => {
  res.setHeader('connection', 'close');
  res.setHeader('connection', 'close');
  assert.strictEqual(res.getHeader('connection'), undefined);
  assert.throws(() => res.writeEarlyHints({ link: 5 }),
                { code: 'ERR_INVALID_ARG_VALUE' });
  assert.strictEqual(res.writeEarlyHints({ link: [] }), false);
  res.end('ok');
}));
server.on('connect', common.mustCall((req, res) => {
  assert.strictEqual(req.method, 'CONNECT');
  res.statusCode = 405;
  res.end();
}));

server.listen(0, common.mustCall(() => {
  const client = http2.connect(`http://localhost:${server.address().port}`);
  client.on('connect', common.mustCall(() => {
    assert.throws(() => client.setNextStreamID(2 ** 32),
                  { code: 'ERR_OUT_OF_RANGE' });
    assert.throws(() => client.setNextStreamID('1'),
                  { code: 'ERR_INVALID_ARG_TYPE' });
    client.setNextStreamID(101);
    assert.strictEqual(client.state.nextStreamID, 101);

    const req = client.request({ ':path': '/' });
    assert.strictEqual(req.id, 101);
    req.on('response', common.mustCall((headers) => {
      assert.strictEqual(headers[':status'], 200);
      assert.strictEqual(headers.connection, undefined);
    }));
    req.setEncoding('utf8');
    let body = '';
    req.on('data', (chunk) => body += chunk);
    req.on('end', common.mustCall(() => {
      assert.strictEqual(body, 'ok');
      const connect = client.request({
        ':method': 'CONNECT',
        ':authority': 'example.org:443',
      });
      connect.on('response', common.mustCall((headers) => {
        assert.strictEqual(headers[':status'], 405);
      }));
      connect.resume();
      connect.end();
      connect.on('close', common.mustCall(() => {
        client.close();
        server.close();
      }));
    }));
  }));
}));
