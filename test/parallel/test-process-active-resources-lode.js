'use strict';
const common = require('../common');
const assert = require('assert');
const fs = require('fs');
const net = require('net');

// process.getActiveResourcesInfo() lists, in Node's order, the requests in
// flight, the handles that keep the loop alive, then one 'Timeout' per
// refed timer and one 'Immediate' per refed immediate.
// process._getActiveRequests() gives the request objects and
// process._getActiveHandles() the owners of the handles (net.Server,
// net.Socket), never the internal handle objects.

const count = (name) =>
  process.getActiveResourcesInfo().filter((type) => type === name).length;

assert.strictEqual(count('Timeout'), 0);
const timer = setTimeout(common.mustNotCall(), 1000);
const unrefed = setTimeout(common.mustNotCall(), 1000).unref();
assert.strictEqual(count('Timeout'), 1);
unrefed.ref();
assert.strictEqual(count('Timeout'), 2);
clearTimeout(unrefed);
const immediate = setImmediate(common.mustNotCall());
assert.strictEqual(count('Immediate'), 1);
clearImmediate(immediate);
assert.strictEqual(count('Immediate'), 0);

fs.stat(__filename, common.mustSucceed(() => {
  // A request is listed until its callback has run.
  assert.ok(count('FSReqCallback') >= 1);
}));
fs.open(__filename, 'r', common.mustSucceed((fd) => {
  fs.closeSync(fd);
}));
assert.strictEqual(count('FSReqCallback'), 2);
const requests = process._getActiveRequests();
assert.strictEqual(requests.length, 2);
assert.strictEqual(requests[0].constructor.name, 'FSReqCallback');
{
  const info = process.getActiveResourcesInfo();
  assert.deepStrictEqual(info.slice(0, 2), ['FSReqCallback', 'FSReqCallback']);
  assert.strictEqual(info[info.length - 1], 'Timeout');
}

let client;
let accepted;
let connected = false;
function checkHandles() {
  if (!accepted || !connected) return;
  assert.strictEqual(count('TCPSocketWrap'), 2);
  const handles = process._getActiveHandles();
  assert.ok(handles.includes(server));
  assert.ok(handles.includes(client));
  assert.ok(handles.includes(accepted));
  for (const handle of handles) {
    assert.ok(!handle.constructor.name.endsWith('Wrap') &&
              handle.constructor.name !== 'TCP', handle.constructor.name);
  }
  accepted.destroy();
  client.destroy();
  server.close();
  clearTimeout(timer);
}
const server = net.createServer(common.mustCall((conn) => {
  accepted = conn;
  checkHandles();
}));
server.listen(0, common.mustCall(() => {
  assert.strictEqual(count('TCPServerWrap'), 1);
  // An unrefed server does not keep the loop alive: not listed.
  server.unref();
  assert.strictEqual(count('TCPServerWrap'), 0);
  server.ref();
  client = net.connect(server.address().port);
  // The connect request is still in flight while 'connect' is emitted.
  client.on('connect', common.mustCall(() => {
    assert.strictEqual(count('ConnectWrap'), 1);
    connected = true;
    checkHandles();
  }));
}));
