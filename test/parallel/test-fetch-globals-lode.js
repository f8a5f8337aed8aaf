'use strict';
// The fetch globals: fetch is a plain writable function (enumerable, as in
// Node); Headers, Request, Response and FormData are non-enumerable
// classes with Node's members.
require('../common');
const assert = require('assert');

const desc = Object.getOwnPropertyDescriptor(globalThis, 'fetch');
assert.strictEqual(typeof desc.value, 'function');
assert.strictEqual(desc.enumerable, true);
assert.strictEqual(desc.writable, true);
assert.strictEqual(fetch.name, 'fetch');
assert.strictEqual(fetch.length, 1);
assert.ok(Object.keys(globalThis).includes('fetch'));

for (const name of ['Headers', 'Request', 'Response', 'FormData']) {
  assert.strictEqual(typeof globalThis[name], 'function', name);
  assert.strictEqual(Object.keys(globalThis).includes(name), false, name);
  assert.strictEqual(
    Object.prototype.toString.call(globalThis[name].prototype),
    `[object ${name}]`);
}
assert.deepStrictEqual(Object.keys(Response).sort(),
                       ['error', 'json', 'redirect']);
assert.deepStrictEqual(Object.keys(Response.prototype), [
  'type', 'url', 'redirected', 'status', 'ok', 'statusText', 'headers',
  'body', 'bodyUsed', 'clone', 'blob', 'arrayBuffer', 'text', 'json',
  'formData', 'bytes',
]);
assert.deepStrictEqual(Object.keys(Headers.prototype), [
  'append', 'delete', 'get', 'has', 'set', 'getSetCookie', 'keys', 'values',
  'entries', 'forEach',
]);
assert.throws(() => Headers(), TypeError);
for (const object of [new Headers(), new Request('http://x'), new Response(),
                      new FormData()]) {
  assert.throws(() => structuredClone({ object }), {
    name: 'DataCloneError',
    message: 'Cannot clone object of unsupported type.',
  });
}

// Replacing them works like any global.
const original = globalThis.Headers;
globalThis.Headers = 1;
assert.strictEqual(Headers, 1);
globalThis.Headers = original;
