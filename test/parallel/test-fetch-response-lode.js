'use strict';
// Response: the constructor's checks, Response.json/error/redirect and
// clone() of a body that is then read twice.
const common = require('../common');
const assert = require('assert');

const plain = new Response('hi', { status: 201, statusText: 'Made' });
assert.strictEqual(plain.status, 201);
assert.strictEqual(plain.statusText, 'Made');
assert.strictEqual(plain.ok, true);
assert.strictEqual(plain.type, 'default');
assert.strictEqual(plain.url, '');
assert.strictEqual(plain.redirected, false);
assert.strictEqual(plain.headers.get('content-type'),
                   'text/plain;charset=UTF-8');
assert.strictEqual(new Response(null, { status: 404 }).ok, false);
assert.strictEqual(new Response().body, null);

assert.throws(() => new Response('a', { status: 99 }), {
  name: 'RangeError',
  message: 'init["status"] must be in the range of 200 to 599, inclusive.',
});
assert.throws(() => new Response('a', { status: 204 }), {
  name: 'TypeError',
  message: 'Response constructor: Invalid response status code 204',
});
assert.throws(() => new Response('a', { statusText: 'a\nb' }), {
  message: 'Invalid statusText',
});

const error = Response.error();
assert.strictEqual(error.type, 'error');
assert.strictEqual(error.status, 0);

const json = Response.json({ a: [1] }, { status: 202 });
assert.strictEqual(json.status, 202);
assert.strictEqual(json.headers.get('content-type'), 'application/json');
assert.throws(() => Response.json(undefined), {
  message: 'Value is not JSON serializable',
});

const redirect = Response.redirect(new URL('http://a/b c'), 307);
assert.strictEqual(redirect.status, 307);
assert.strictEqual(redirect.headers.get('location'), 'http://a/b%20c');
assert.throws(() => redirect.headers.set('x', 'y'), { message: 'immutable' });
assert.throws(() => Response.redirect('http://a/', 200), {
  name: 'RangeError', message: 'Invalid status code 200',
});
assert.throws(() => Response.redirect('/relative'), {
  name: 'TypeError', message: 'Failed to parse URL from /relative',
});

(async () => {
  assert.deepStrictEqual(await json.json(), { a: [1] });
  const original = new Response(new ReadableStream({
    start(controller) {
      controller.enqueue(new TextEncoder().encode('stream'));
      controller.close();
    },
  }));
  const copy = original.clone();
  assert.strictEqual(await original.text(), 'stream');
  assert.strictEqual(await copy.text(), 'stream');
  assert.throws(() => original.clone(), {
    message: 'Response.clone: Body has already been consumed.',
  });
})().then(common.mustCall());
