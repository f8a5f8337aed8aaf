'use strict';
// Request: defaults, method normalization, init checks, body rules,
// taking over another Request's body, clone() and the signal it follows.
const common = require('../common');
const assert = require('assert');

const request = new Request('http://example.com/a#frag');
assert.strictEqual(request.url, 'http://example.com/a#frag');
assert.strictEqual(request.method, 'GET');
assert.strictEqual(request.mode, 'cors');
assert.strictEqual(request.credentials, 'same-origin');
assert.strictEqual(request.redirect, 'follow');
assert.strictEqual(request.referrer, 'about:client');
assert.strictEqual(request.duplex, 'half');
assert.strictEqual(request.body, null);
assert.strictEqual(request.signal.aborted, false);
assert.strictEqual(new Request('http://x', { method: 'post' }).method, 'POST');
assert.strictEqual(new Request('http://x', { method: 'Foo' }).method, 'Foo');

assert.throws(() => new Request('/relative'), (err) => {
  assert.strictEqual(err.name, 'TypeError');
  assert.strictEqual(err.message, 'Failed to parse URL from /relative');
  assert.strictEqual(err.cause.code, 'ERR_INVALID_URL');
  return true;
});
assert.throws(() => new Request('http://u:p@x/'), {
  message: 'Request cannot be constructed from a URL that includes ' +
    'credentials: http://u:p@x/',
});
assert.throws(() => new Request('http://x', { method: 'CONNECT' }), {
  message: "'CONNECT' HTTP method is unsupported.",
});
assert.throws(() => new Request('http://x', { method: 'a b' }), {
  message: "'a b' is not a valid HTTP method.",
});
assert.throws(() => new Request('http://x', { body: 'a' }), {
  message: 'Request with GET/HEAD method cannot have body.',
});
assert.throws(() => new Request('http://x', { mode: 'bogus' }), {
  message: 'undefined: bogus is not an accepted type. Expected one of ' +
    'navigate, same-origin, no-cors, cors.',
});
assert.throws(() => new Request('http://x', { signal: {} }), {
  message: 'RequestInit: Expected signal ("{}") to be an instance of ' +
    'AbortSignal.',
});
assert.throws(() => new Request('http://x', {
  method: 'POST', body: new ReadableStream(),
}), { message: 'RequestInit: duplex option is required when sending a body.' });

(async () => {
  const first = new Request('http://x/', {
    method: 'PUT', body: 'data', headers: { 'X-A': '1' },
  });
  assert.strictEqual(first.headers.get('content-type'),
                     'text/plain;charset=UTF-8');
  const copy = first.clone();
  const second = new Request(first);
  assert.strictEqual(first.bodyUsed, true);
  assert.strictEqual(second.bodyUsed, false);
  assert.throws(() => new Request(first), {
    message: 'Cannot construct a Request with a Request object that has ' +
      'already been used.',
  });
  assert.throws(() => first.clone(), { message: 'unusable' });
  assert.strictEqual(await second.text(), 'data');
  assert.strictEqual(await copy.text(), 'data');
  assert.deepStrictEqual([...copy.headers], [
    ['content-type', 'text/plain;charset=UTF-8'], ['x-a', '1'],
  ]);

  const controller = new AbortController();
  const followed = new Request('http://x', { signal: controller.signal });
  const again = new Request(followed).clone();
  assert.notStrictEqual(followed.signal, controller.signal);
  controller.abort('why');
  assert.strictEqual(followed.signal.reason, 'why');
  assert.strictEqual(again.signal.aborted, true);
})().then(common.mustCall());
