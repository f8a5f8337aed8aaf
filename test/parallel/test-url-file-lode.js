'use strict';
require('../common');
const assert = require('assert');
const url = require('url');

// pathToFileURL() escapes what a path may hold but a URL path may not.
assert.strictEqual(url.pathToFileURL('/a b/c%d?e#f\\g\n\t^|"`{}ü[]~').href,
                   'file:///a%20b/c%25d%3Fe%23f%5Cg%0A%09%5E%7C%22%60%7B%7D%C3%BC%5B%5D%7E');
assert.strictEqual(url.pathToFileURL('/x/').href, 'file:///x/');
assert.strictEqual(url.pathToFileURL('/a/b/..').href, 'file:///a');
assert.strictEqual(url.pathToFileURL('C:\\a\\b c%#?', { windows: true }).href,
                   'file:///C:/a/b%20c%25%23%3F');
assert.strictEqual(url.pathToFileURL('\\\\srv\\share\\x y', { windows: true }).href,
                   'file://srv/share/x%20y');
assert.strictEqual(url.pathToFileURL('\\\\?\\UNC\\srv\\sh\\f', { windows: true }).href,
                   'file://srv/sh/f');
assert.throws(() => url.pathToFileURL('\\\\srv', { windows: true }), {
  code: 'ERR_INVALID_ARG_VALUE',
  message: "The argument 'path' Missing UNC resource path. Received '\\\\\\\\srv'",
});
assert.throws(() => url.pathToFileURL(1), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "path" argument must be of type string. Received type number (1)',
});

// fileURLToPath() and its errors.
assert.strictEqual(url.fileURLToPath('file:///a/b%20c/%C3%BC'), '/a/b c/ü');
assert.strictEqual(url.fileURLToPath(new URL('file://localhost/x')), '/x');
assert.strictEqual(url.fileURLToPath('file:///C:/a/b%20c', { windows: true }), 'C:\\a\\b c');
assert.strictEqual(url.fileURLToPath('file://host/a/b', { windows: true }), '\\\\host\\a\\b');
assert.throws(() => url.fileURLToPath('file://host/a'), {
  name: 'TypeError',
  code: 'ERR_INVALID_FILE_URL_HOST',
  message: 'File URL host must be "localhost" or empty on linux',
});
assert.throws(() => url.fileURLToPath('file:///a%2fb'), (err) => {
  assert.strictEqual(err.code, 'ERR_INVALID_FILE_URL_PATH');
  assert.strictEqual(err.message, 'File URL path must not include encoded / characters');
  assert.strictEqual(err.input.href, 'file:///a%2fb');
  return true;
});
assert.throws(() => url.fileURLToPath('file:///a%5Cb', { windows: true }), {
  message: 'File URL path must not include encoded \\ or / characters',
});
assert.throws(() => url.fileURLToPath('file:///a/b', { windows: true }), {
  message: 'File URL path must be absolute',
});
assert.throws(() => url.fileURLToPath('http://x/'), {
  code: 'ERR_INVALID_URL_SCHEME', message: 'The URL must be of scheme file',
});
assert.throws(() => url.fileURLToPath(5), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "path" argument must be of type string or an instance of URL. ' +
           'Received type number (5)',
});

// urlToHttpOptions().
const opts = url.urlToHttpOptions(new URL('http://u:p%20@[::1]:81/a?b#c'));
assert.deepStrictEqual({ ...opts }, {
  protocol: 'http:', hostname: '::1', hash: '#c', search: '?b', pathname: '/a',
  path: '/a?b', href: 'http://u:p%20@[::1]:81/a?b#c', port: 81, auth: 'u:p ',
});
assert.strictEqual(Object.getPrototypeOf(opts), null);
assert.throws(() => url.urlToHttpOptions('http://a'), { code: 'ERR_INVALID_ARG_TYPE' });
