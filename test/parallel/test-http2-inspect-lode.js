'use strict';
// util.inspect() of http2 sessions and streams shows what Node shows (the
// state, settings and stream states under Http2Session/Http2Stream, the
// default [ClassName] below the depth limit), and stream.state has Node's
// keys in Node's order.
const common = require('../common');
const assert = require('assert');
const http2 = require('http2');
const util = require('util');

const server = http2.createServer();
server.on('stream', common.mustCall((stream) => {
  assert.deepStrictEqual(Object.keys(stream.state),
                         ['state', 'weight', 'sumDependencyWeight',
                          'localClose', 'remoteClose', 'localWindowSize']);
  const text = util.inspect(stream);
  assert.match(text, /^Http2Stream {\n {2}id: 1,\n {2}closed: false,\n/);
  assert.match(text, /\n {2}state: {\n {4}state: \d,\n {4}weight: 16,/);
  assert.match(text, /\n {2}readableState: ReadableState {/);
  assert.match(text, /\n {2}writableState: WritableState {/);
  assert.strictEqual(util.inspect({ a: { b: stream } }, { depth: 1 }),
                     '{ a: { b: [ServerHttp2Stream] } }');
  const session = util.inspect(stream.session);
  assert.match(session, /^Http2Session {\n {2}type: 0,\n {2}closed: false,/);
  assert.match(session, /\n {2}localSettings: {\n {4}headerTableSize: 4096,/);
  assert.match(session, /\n {2}remoteSettings: {/);
  stream.end('ok');
}));

server.listen(0, common.mustCall(() => {
  const client = http2.connect(`http://localhost:${server.address().port}`);
  const req = client.request();
  req.resume();
  req.on('close', common.mustCall(() => {
    client.close();
    server.close();
  }));
}));
