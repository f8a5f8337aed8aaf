'use strict';
// Session settings as Node reports them: localSettings/remoteSettings keep
// Node's key order and stay the same object until a SETTINGS frame changes
// them; each 'remoteSettings' event describes its own frame even when the
// peer's frames arrive in one chunk; custom settings show in customSettings
// (ours from when we send them, the peer's for the ids remoteCustomSettings
// lists); remoteCustomSettings is validated as Node does.
const common = require('../common');
const assert = require('assert');
const http2 = require('http2');

const keys = ['headerTableSize', 'enablePush', 'initialWindowSize',
              'maxFrameSize', 'maxConcurrentStreams', 'maxHeaderListSize',
              'maxHeaderSize', 'enableConnectProtocol'];

// Validation of remoteCustomSettings.
assert.throws(() => http2.createServer({ remoteCustomSettings: 'x' }), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "options.remoteCustomSettings" property must be an ' +
           "instance of Array. Received type string ('x')",
});
assert.throws(
  () => http2.connect('http://localhost:1',
                      { remoteCustomSettings: [1, 2, 3, 4, 5, 6, 7, 8, 9, 10,
                                               11] }),
  { code: 'ERR_HTTP2_TOO_MANY_CUSTOM_SETTINGS' });

const server = http2.createServer({
  settings: { customSettings: { 1244: 456 } },
  remoteCustomSettings: [55],
});

server.on('session', common.mustCall((session) => {
  // Ours count from when they are sent.
  const local = session.localSettings;
  assert.deepStrictEqual(Object.keys(local), [...keys, 'customSettings']);
  assert.deepStrictEqual(local.customSettings, { 1244: 456 });
  assert.strictEqual(session.localSettings, local);
  // Two SETTINGS frames in a row (this one goes out right after the first);
  // the client sees each in its own 'remoteSettings' event.
  session.settings({ maxConcurrentStreams: 2 });
}));

server.on('stream', common.mustCall((stream) => {
  const remote = stream.session.remoteSettings;
  // 56 was sent too, but is not in remoteCustomSettings.
  assert.deepStrictEqual(remote.customSettings, { 55: 12 });
  assert.strictEqual(stream.session.remoteSettings, remote);
  stream.respond();
  stream.end();
}));

server.listen(0, common.mustCall(() => {
  const client = http2.connect(`http://localhost:${server.address().port}`, {
    settings: { customSettings: { 55: 12, 56: 1 } },
    remoteCustomSettings: [1244, 7],
  });
  assert.deepStrictEqual(client.localSettings, {});
  const seen = [];
  client.on('remoteSettings', common.mustCall((settings) => {
    assert.strictEqual(client.remoteSettings, settings);
    assert.deepStrictEqual(Object.keys(settings), [...keys, 'customSettings']);
    assert.deepStrictEqual(settings.customSettings, { 1244: 456 });
    seen.push(settings.maxConcurrentStreams);
  }, 2));
  client.on('localSettings', common.mustCall((settings) => {
    assert.deepStrictEqual(settings.customSettings, { 55: 12, 56: 1 });
  }));
  const req = client.request();
  req.resume();
  req.on('end', common.mustCall(() => {
    assert.deepStrictEqual(seen, [2 ** 32 - 1, 2]);
    client.close();
    server.close();
  }));
}));
