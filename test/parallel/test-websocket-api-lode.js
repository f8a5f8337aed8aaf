'use strict';
const common = require('../common');
const assert = require('assert');
const http = require('http');

// The WebSocket and CloseEvent classes: globals that node:http exports too,
// the constructor's URL and subprotocol checks, the readyState constants,
// binaryType, and the argument errors of send() and close() (each checked
// against Node 24).

assert.strictEqual(http.WebSocket, WebSocket);
assert.strictEqual(http.CloseEvent, CloseEvent);
assert.strictEqual(http.MessageEvent, MessageEvent);
for (const name of ['WebSocket', 'CloseEvent']) {
  const d = Object.getOwnPropertyDescriptor(globalThis, name);
  assert.strictEqual(d.enumerable, false);
  assert.strictEqual(typeof d.value, 'function');
}
assert.strictEqual(Object.getPrototypeOf(WebSocket), EventTarget);
assert.strictEqual(Object.getPrototypeOf(CloseEvent), Event);
assert.strictEqual(WebSocket.length, 1);
assert.strictEqual(CloseEvent.length, 1);

// readyState constants, on the class and its prototype.
const constants = { CONNECTING: 0, OPEN: 1, CLOSING: 2, CLOSED: 3 };
for (const [name, value] of Object.entries(constants)) {
  for (const target of [WebSocket, WebSocket.prototype]) {
    assert.deepStrictEqual(Object.getOwnPropertyDescriptor(target, name), {
      value, writable: false, enumerable: true, configurable: false,
    });
  }
}
assert.deepStrictEqual(Object.getOwnPropertyNames(WebSocket.prototype), [
  'constructor', 'close', 'send', 'readyState', 'bufferedAmount', 'url',
  'extensions', 'protocol', 'onopen', 'onerror', 'onclose', 'onmessage',
  'binaryType', 'CONNECTING', 'OPEN', 'CLOSING', 'CLOSED',
]);
const urlGetter = Object.getOwnPropertyDescriptor(WebSocket.prototype, 'url');
assert.strictEqual(urlGetter.enumerable, true);
assert.strictEqual(urlGetter.set, undefined);
assert.throws(() => urlGetter.get.call({}),
              { name: 'TypeError', code: 'ERR_INVALID_THIS',
                message: 'Illegal invocation' });
assert.throws(() => WebSocket.prototype.send.call({}, 'x'),
              { name: 'TypeError', code: 'ERR_INVALID_THIS' });

function syntaxError(message) {
  return (err) => {
    assert(err instanceof DOMException);
    assert.strictEqual(err.name, 'SyntaxError');
    assert.strictEqual(err.code, 12);
    assert.strictEqual(err.message, message);
    return true;
  };
}

assert.throws(() => new WebSocket(), {
  name: 'TypeError',
  message: 'WebSocket constructor: 1 argument required, but 0 found.',
});
assert.throws(() => WebSocket('ws://x'), TypeError);
assert.throws(() => new WebSocket('ftp://x'),
              syntaxError('expected a ws: or wss: url'));
assert.throws(() => new WebSocket('ws://x/#frag'), syntaxError('hash'));
assert.throws(() => new WebSocket('ws://x/#'), syntaxError('hash'));
assert.throws(() => new WebSocket('not a url'),
              syntaxError('TypeError: Invalid URL'));
assert.throws(() => new WebSocket('/relative'),
              syntaxError('TypeError: Invalid URL'));
for (const protocols of [['a', 'a'], ['a', 'A'], ['a b'], '', 'é', [1, '1'],
                         { protocols: ['x', 'x'] }, { protocols: 'a,b' }]) {
  assert.throws(() => new WebSocket('ws://127.0.0.1:1', protocols),
                syntaxError('Invalid Sec-WebSocket-Protocol value'));
}
assert.throws(() => new WebSocket('ws://127.0.0.1:1', { headers: 5 }),
              TypeError);
// undici's dispatchers do not exist in lode (Node accepts one).
assert.throws(() => new WebSocket('ws://127.0.0.1:1', { dispatcher: {} }),
              { code: 'ERR_NOT_IMPLEMENTED' });

// A port nothing listens on: every socket below fails to connect, with
// error and close events (checked in test-websocket-handshake-lode).
const dead = 'ws://127.0.0.1:1';
function quiet(ws) {
  ws.onerror = () => {};
  return ws;
}

// http: and https: become ws: and wss:.
assert.strictEqual(quiet(new WebSocket(new URL('http://127.0.0.1:1/a?b'))).url,
                   'ws://127.0.0.1:1/a?b');
assert.strictEqual(quiet(new WebSocket('HTTPS://127.0.0.1:1')).url,
                   'wss://127.0.0.1:1/');

const ws = quiet(new WebSocket(`${dead}/x`, 'chat'));
assert.strictEqual(ws.url, `${dead}/x`);
assert.strictEqual(ws.protocol, '');
assert.strictEqual(ws.extensions, '');
assert.strictEqual(ws.bufferedAmount, 0);
assert.strictEqual(ws.readyState, WebSocket.CONNECTING);
assert.strictEqual(ws.onopen, null);
assert.strictEqual(ws.onmessage, null);
assert.strictEqual(ws.onclose, null);
assert.strictEqual(Object.prototype.toString.call(ws), '[object WebSocket]');

// binaryType: 'blob' first; anything but the string 'arraybuffer' (not
// converted: a Symbol does not throw) sets 'blob', as in Node 24.
assert.strictEqual(ws.binaryType, 'blob');
ws.binaryType = 'foo';
assert.strictEqual(ws.binaryType, 'blob');
for (const other of ['foo', 'Blob', { toString() { return 'arraybuffer'; } },
                     Symbol('x'), undefined]) {
  ws.binaryType = 'arraybuffer';
  assert.strictEqual(ws.binaryType, 'arraybuffer');
  ws.binaryType = other;
  assert.strictEqual(ws.binaryType, 'blob');
}
ws.binaryType = 'arraybuffer';
assert.strictEqual(ws.binaryType, 'arraybuffer');

// Handler attributes keep functions and objects, anything else is null.
ws.onopen = 5;
assert.strictEqual(ws.onopen, null);
const handlerObject = {};
ws.onopen = handlerObject;
assert.strictEqual(ws.onopen, handlerObject);
ws.onopen = null;

// send(): an argument is required; nothing may be sent while connecting.
assert.throws(() => ws.send(), {
  name: 'TypeError',
  message: 'WebSocket.send: 1 argument required, but 0 found.',
});
assert.throws(() => ws.send('x'), (err) => {
  assert(err instanceof DOMException);
  assert.strictEqual(err.name, 'InvalidStateError');
  assert.strictEqual(err.message, 'Sent before connected.');
  return true;
});

// close(): codes other than 1000 and 3000-4999 (after undici's clamping:
// an odd integer part rounds up), reasons over 123 bytes.
function invalidCode(err) {
  assert(err instanceof DOMException);
  assert.strictEqual(err.name, 'InvalidAccessError');
  assert.strictEqual(err.message, 'invalid code');
  return true;
}
for (const code of [999, 1001, 1001.5, 2999, 4999.4, 5000, 70000, -1, NaN,
                    null, true, '0x bb']) {
  assert.throws(() => ws.close(code), invalidCode);
}
assert.throws(() => ws.close(1000, 'x'.repeat(124)), syntaxError(
  'Reason must be less than 123 bytes; received 124'));
assert.throws(() => ws.close(1000, 'é'.repeat(62)), syntaxError(
  'Reason must be less than 123 bytes; received 124'));
assert.strictEqual(ws.readyState, WebSocket.CONNECTING);

// close() while connecting fails the connection: CLOSING at once, then
// error and close (1006), once each (Node 24 fires both twice, once
// inside close() and once when the connection attempt ends).
ws.addEventListener('error', common.mustCall((e) => {
  assert.strictEqual(e.constructor.name, 'ErrorEvent');
  assert.strictEqual(e.message, '');
  assert(e.error instanceof TypeError);
  assert.strictEqual(ws.readyState, WebSocket.CLOSED);
}));
ws.onclose = common.mustCall((e) => {
  assert(e instanceof CloseEvent);
  assert.strictEqual(e.code, 1006);
  assert.strictEqual(e.reason, '');
  assert.strictEqual(e.wasClean, false);
  assert.strictEqual(ws.readyState, WebSocket.CLOSED);
  // Sending once closed drops the data and counts nothing.
  ws.send('abc');
  assert.strictEqual(ws.bufferedAmount, 0);
});
ws.close(3000.6, 'x'.repeat(123));
assert.strictEqual(ws.readyState, WebSocket.CLOSING);
ws.close();
ws.send('abc');
assert.strictEqual(ws.bufferedAmount, 0);

// CloseEvent's constructor.
const ce = new CloseEvent('close', { code: 4000, reason: 'r', wasClean: 1 });
assert.strictEqual(ce.type, 'close');
assert.strictEqual(ce.code, 4000);
assert.strictEqual(ce.reason, 'r');
assert.strictEqual(ce.wasClean, true);
assert.deepStrictEqual(Object.getOwnPropertyNames(CloseEvent.prototype),
                       ['constructor', 'wasClean', 'code', 'reason']);
const empty = new CloseEvent('x');
assert.strictEqual(empty.code, 0);
assert.strictEqual(empty.reason, '');
assert.strictEqual(empty.wasClean, false);
assert.strictEqual(new CloseEvent('x', { code: 70000 }).code, 4464);
assert.strictEqual(new CloseEvent('x', { reason: 5 }).reason, '5');
assert.throws(() => new CloseEvent(), {
  name: 'TypeError',
  message: 'CloseEvent constructor: 1 argument required, but 0 found.',
});
assert.throws(() => CloseEvent('x'), TypeError);
assert.throws(() => new CloseEvent('x', 5), {
  name: 'TypeError',
  message: 'undefined: Expected 5 to be one of: Null, Undefined, Object.',
});
assert.throws(
  () => Object.getOwnPropertyDescriptor(CloseEvent.prototype, 'code')
    .get.call(new Event('x')),
  { code: 'ERR_INVALID_THIS' });
