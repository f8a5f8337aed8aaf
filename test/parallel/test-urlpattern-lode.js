'use strict';
// URLPattern: matching, groups, pattern-string getters, errors, ignoreCase,
// baseURL handling and the shape of exec() results; every expectation was
// checked against Node 24.
require('../common');
const assert = require('assert');
const url = require('url');

assert.strictEqual(url.URLPattern, URLPattern);
{
  const d = Object.getOwnPropertyDescriptor(globalThis, 'URLPattern');
  assert.strictEqual(d.enumerable, false);
  assert.strictEqual(d.writable, true);
  assert.strictEqual(URLPattern.length, 0);
  assert.deepStrictEqual(Object.getOwnPropertyNames(URLPattern.prototype), [
    'protocol', 'username', 'password', 'hostname', 'port', 'pathname',
    'search', 'hash', 'hasRegExpGroups', 'exec', 'test', 'constructor',
  ]);
  const g = Object.getOwnPropertyDescriptor(URLPattern.prototype, 'pathname');
  assert.strictEqual(g.enumerable, true);
  assert.strictEqual(g.configurable, false);
}

// Matching a full URL pattern, named and numbered groups.
{
  const p = new URLPattern('https://:sub.example.com/:a/*');
  assert.strictEqual(p.protocol, 'https');
  assert.strictEqual(p.hostname, ':sub.example.com');
  assert.strictEqual(p.pathname, '/:a/*');
  assert.strictEqual(p.port, '');
  assert.strictEqual(p.search, '*');
  assert.strictEqual(p.hasRegExpGroups, false);
  assert.strictEqual(p.test('https://x.example.com/1/2/3'), true);
  assert.strictEqual(p.test('http://x.example.com/1/2/3'), false);
  const r = p.exec('https://x.example.com/1/2/3');
  assert.strictEqual(Object.getPrototypeOf(r), null);
  assert.deepStrictEqual(Object.keys(r), [
    'inputs', 'protocol', 'username', 'password', 'hostname', 'port',
    'pathname', 'search', 'hash',
  ]);
  assert.deepStrictEqual(r.inputs, ['https://x.example.com/1/2/3']);
  assert.deepStrictEqual(r.hostname, {
    input: 'x.example.com', groups: { sub: 'x' },
  });
  assert.deepStrictEqual(r.pathname, {
    input: '/1/2/3', groups: { 0: '2/3', a: '1' },
  });
  assert.deepStrictEqual(r.search, { input: '', groups: { 0: '' } });
  assert.strictEqual(p.exec('https://example.com/1/2'), null);
}

// Groups come last-first, as in Node; unmatched optional groups are
// undefined.
{
  const p = new URLPattern({ pathname: '/:a/:b/:c' });
  assert.deepStrictEqual(Object.keys(p.exec({ pathname: '/1/2/3' })
    .pathname.groups), ['c', 'b', 'a']);
  const q = new URLPattern({ pathname: '/:a/:b?' });
  assert.deepStrictEqual(Object.entries(q.exec({ pathname: '/1' })
    .pathname.groups), [['b', undefined], ['a', '1']]);
}

// Regexp groups, modifiers, and the pattern string Node gives back.
{
  const p = new URLPattern({ pathname: '/:id(\\d+)/:rest*' });
  assert.strictEqual(p.hasRegExpGroups, true);
  assert.strictEqual(p.pathname, '/:id(\\d+)/:rest*');
  assert.strictEqual(p.test({ pathname: '/12' }), true);
  assert.strictEqual(p.test({ pathname: '/12/a/b' }), true);
  assert.strictEqual(p.test({ pathname: '/x' }), false);
  assert.deepStrictEqual(p.exec({ pathname: '/12/a/b' }).pathname.groups,
                         { rest: 'a/b', id: '12' });
  assert.strictEqual(new URLPattern({ pathname: '/foo{s}?' }).test(
    { pathname: '/foos' }), true);
  assert.strictEqual(new URLPattern({ pathname: '/(foo|bar)' }).pathname,
                     '/(foo|bar)');
  assert.strictEqual(new URLPattern({ pathname: '/:name([a-z]+)' })
    .exec({ pathname: '/ab' }).pathname.groups.name, 'ab');
}

// Character classes use the RegExp v flag's syntax (rewritten for V8 10.2,
// which lacks it): nested classes, subtraction, intersection, strings, and
// v's syntax errors.
{
  const matches = (pathname, input) =>
    new URLPattern({ pathname }).test({ pathname: input });
  assert.strictEqual(matches('/([[a-z]--a])', '/b'), true);
  assert.strictEqual(matches('/([[a-z]--a])', '/a'), false);
  assert.strictEqual(matches('/([\\d&&[0-1]])', '/1'), true);
  assert.strictEqual(matches('/([\\d&&[0-1]])', '/3'), false);
  assert.strictEqual(matches('/([^[a-c]--b])', '/b'), true);
  assert.strictEqual(matches('/([^[a-c]--b])', '/a'), false);
  assert.strictEqual(matches('/([\\q{ab|c}x])', '/ab'), true);
  assert.strictEqual(matches('/([\\q{ab|c}x])', '/a'), false);
  assert.strictEqual(matches('/([a\\&b])', '/&'), true);
  assert.strictEqual(new URLPattern({ pathname: '/([\\w--\\d]+)' },
                                    { ignoreCase: true })
    .test({ pathname: '/aZ' }), true);
  for (const bad of ['/([a(])', '/([a|b])', '/([-a])', '/([a&&&b])',
                     '/([!!])', '/([a&&b--c])']) {
    assert.throws(() => new URLPattern({ pathname: bad }),
                  { code: 'ERR_INVALID_URL_PATTERN' }, bad);
  }
}

// Canonicalisation of pattern text through the URL parser.
{
  assert.strictEqual(new URLPattern({ hostname: 'EXAMPLE.com' }).hostname,
                     'example.com');
  assert.strictEqual(new URLPattern({ hostname: 'café.com' }).hostname,
                     'xn--caf-dma.com');
  assert.strictEqual(new URLPattern({ pathname: '/a b' }).pathname,
                     '/a%20b');
  assert.strictEqual(new URLPattern({ protocol: 'HTTP:' }).protocol, 'http');
  assert.strictEqual(new URLPattern({ protocol: 'http', port: '80' }).port,
                     '');
  assert.strictEqual(new URLPattern('https://h:8080/').port, '8080');
  assert.strictEqual(new URLPattern({ search: '?q=1' }).search, 'q=1');
  assert.strictEqual(new URLPattern({ hash: '#top' }).hash, 'top');
  assert.strictEqual(new URLPattern({ hostname: '[\\:\\:A]' }).hostname,
                     '[\\:\\:a]');
}

// ignoreCase: pathname, search and hash match without case.
{
  const p = new URLPattern({ pathname: '/Foo', search: 'Q' },
                           { ignoreCase: true });
  assert.strictEqual(p.test({ pathname: '/fOO', search: 'q' }), true);
  assert.strictEqual(new URLPattern({ pathname: '/Foo' })
    .test({ pathname: '/foo' }), false);
  assert.strictEqual(new URLPattern('https://x/Foo', 'https://y',
                                    { ignoreCase: true })
    .test('https://x/FOO'), true);
}

// baseURL: in the constructor string form, the init and exec().
{
  const p = new URLPattern('/books/:id', 'https://example.com/shelf/');
  assert.strictEqual(p.protocol, 'https');
  assert.strictEqual(p.hostname, 'example.com');
  assert.strictEqual(p.pathname, '/books/:id');
  assert.strictEqual(p.search, '*');
  const r = p.exec('/books/7', 'https://example.com');
  assert.deepStrictEqual(r.inputs, ['/books/7', 'https://example.com']);
  assert.deepStrictEqual(r.pathname.groups, { id: '7' });
  assert.strictEqual(p.exec('/books/7', 'not a url'), null);
  assert.strictEqual(p.test('/books/7'), false);

  const q = new URLPattern({ pathname: 'b', baseURL: 'https://h/a/x' });
  assert.strictEqual(q.pathname, '/a/b');
  assert.strictEqual(q.search, '*');
  const s = new URLPattern({ baseURL: 'https://h/a?x#y' });
  assert.strictEqual(s.search, 'x');
  assert.strictEqual(s.hash, 'y');
  assert.strictEqual(s.test('https://h/a?x#y'), true);
  assert.strictEqual(s.test('https://h/a?x#z'), false);
}

// exec() with an init: the inputs echo only its string members.
{
  const r = new URLPattern({ port: '*' })
    .exec({ port: 80, baseURL: 'https://a' });
  assert.deepStrictEqual(r.inputs, [{
    protocol: undefined, username: undefined, password: undefined,
    hostname: undefined, port: undefined, pathname: undefined,
    search: undefined, hash: undefined, baseURL: 'https://a',
  }]);
  assert.deepStrictEqual(r.protocol, { input: 'https', groups: { 0: 'https' } });
  assert.deepStrictEqual(r.pathname, { input: '/', groups: { 0: '/' } });
  assert.strictEqual(new URLPattern({ port: 80 }).port, '*');
  assert.strictEqual(new URLPattern().exec().pathname.input, '');
}

// Errors.
function typeError(code, message) {
  return (err) => {
    assert.strictEqual(err.constructor, TypeError);
    assert.strictEqual(err.name, 'TypeError');
    assert.strictEqual(err.code, code);
    assert.strictEqual(err.message, message);
    return true;
  };
}
{
  const invalid = typeError('ERR_INVALID_URL_PATTERN',
                            'Failed to construct URLPattern');
  assert.throws(() => new URLPattern('(foo'), invalid);
  assert.throws(() => new URLPattern({ pathname: '/:a/:a' }), invalid);
  assert.throws(() => new URLPattern({ pathname: '/(?<x>a)' }), invalid);
  assert.throws(() => new URLPattern({ hostname: 'a b' }), invalid);
  assert.throws(() => new URLPattern('/relative'), invalid);
  assert.throws(() => new URLPattern({}, 'base'), invalid);
  assert.throws(() => new URLPattern('/a', 'not a url'), invalid);
  assert.throws(() => new URLPattern({ pathname: '/([)' }), invalid);

  assert.throws(() => URLPattern(), typeError(
    'ERR_CONSTRUCT_CALL_REQUIRED', 'Cannot call constructor without `new`'));
  assert.throws(() => new URLPattern(null), typeError(
    'ERR_INVALID_ARG_TYPE', 'Input must be an object or a string'));
  assert.throws(() => new URLPattern({}, undefined), typeError(
    'ERR_INVALID_ARG_TYPE', 'second argument must be a string or object'));
  assert.throws(() => new URLPattern('https://x', 'https://y', undefined),
                typeError('ERR_INVALID_ARG_TYPE', 'options must be an object'));
  assert.throws(() => new URLPattern({}, { ignoreCase: undefined }), typeError(
    'ERR_INVALID_ARG_TYPE', 'options.ignoreCase must be a boolean'));

  const p = new URLPattern({ pathname: '/a' });
  assert.throws(() => p.exec({}, 'https://base'), typeError(
    'ERR_OPERATION_FAILED', 'Failed to exec URLPattern'));
  assert.throws(() => p.test({}, 'https://base'), typeError(
    'ERR_OPERATION_FAILED', 'Failed to test URLPattern'));
  assert.throws(() => p.exec(undefined), typeError(
    'ERR_INVALID_ARG_TYPE',
    'URLPattern input needs to be a string or an object'));
  assert.throws(() => p.test('/a', undefined), typeError(
    'ERR_INVALID_ARG_TYPE', 'baseURL must be a string'));

  assert.throws(() => URLPattern.prototype.exec.call({}, '/a'), {
    name: 'TypeError', message: 'Illegal invocation',
  });
  assert.throws(() => Object.getOwnPropertyDescriptor(
    URLPattern.prototype, 'hash').get.call(null), {
    name: 'TypeError', message: 'Illegal invocation',
  });
}
