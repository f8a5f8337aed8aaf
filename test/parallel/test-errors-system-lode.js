// Flags: --expose-internals
'use strict';
require('../common');
const assert = require('assert');
const {
  AbortError,
  DNSException,
  ErrnoException,
  ExceptionWithHostPort,
  UVException,
  UVExceptionWithHostPort,
  aggregateTwoErrors,
  codes,
} = require('internal/errors');

// libuv's error numbers differ between platforms: look them up by name.
const uv = {};
for (const [errno, [name]] of require('util').getSystemErrorMap()) {
  uv[`UV_${name}`] = errno;
}

// libuv errors: "CODE: message, syscall 'path' -> 'dest'".
const enoent = new UVException({ errno: uv.UV_ENOENT, syscall: 'open',
                                 path: '/nope' });
assert.strictEqual(enoent.message,
                   "ENOENT: no such file or directory, open '/nope'");
assert.strictEqual(enoent.constructor, Error);
assert.deepStrictEqual(Object.keys(enoent),
                       ['errno', 'syscall', 'code', 'path']);
assert.strictEqual(enoent.errno, uv.UV_ENOENT);
assert.strictEqual(enoent.code, 'ENOENT');

const rename = new UVException({ errno: uv.UV_EACCES, syscall: 'rename',
                                 path: '/a', dest: '/b' });
assert.strictEqual(rename.message,
                   "EACCES: permission denied, rename '/a' -> '/b'");
assert.strictEqual(rename.dest, '/b');

assert.strictEqual(
  new UVExceptionWithHostPort(uv.UV_ECONNREFUSED, 'connect', '127.0.0.1',
                              80).message,
  'connect ECONNREFUSED: connection refused 127.0.0.1:80');
assert.strictEqual(new ErrnoException(uv.UV_EPIPE, 'write').message,
                   'write EPIPE');
assert.strictEqual(
  new ExceptionWithHostPort(uv.UV_EADDRINUSE, 'listen', '::', 80).message,
  'listen EADDRINUSE :::80');
const dns = new DNSException(uv.UV_EAI_NONAME, 'getaddrinfo', 'x.invalid');
assert.strictEqual(dns.message, 'getaddrinfo ENOTFOUND x.invalid');
assert.strictEqual(dns.code, 'ENOTFOUND');
assert.strictEqual(dns.hostname, 'x.invalid');

// SystemError codes format the context.
const ctx = { errno: uv.UV_ENOENT, code: 'ENOENT', message: 'gone',
              syscall: 'uv_os_homedir', path: '/x', dest: '/y' };
const sys = new codes.ERR_SYSTEM_ERROR(ctx);
assert.strictEqual(sys.name, 'SystemError');
assert.strictEqual(sys.code, 'ERR_SYSTEM_ERROR');
assert.strictEqual(sys.message, 'A system error occurred: uv_os_homedir ' +
                   'returned ENOENT (gone) /x => /y');
assert.strictEqual(sys.toString(),
                   `SystemError [ERR_SYSTEM_ERROR]: ${sys.message}`);
assert.strictEqual(sys.stack.split('\n')[0], sys.toString());
assert.strictEqual(sys.info, ctx);
assert.strictEqual(sys.errno, uv.UV_ENOENT);
sys.syscall = 'other';
assert.strictEqual(ctx.syscall, 'other');

// AbortError is a plain Error with a name and a code.
const abort = new AbortError();
assert.strictEqual(abort.message, 'The operation was aborted');
assert.strictEqual(abort.name, 'AbortError');
assert.strictEqual(abort.code, 'ABORT_ERR');
assert.strictEqual(new AbortError('m', { cause: 1 }).cause, 1);
assert.throws(() => new AbortError('m', 1), { code: 'ERR_INVALID_ARG_TYPE' });

// aggregateTwoErrors()
const inner = new Error('inner');
const outer = Object.assign(new Error('outer'), { code: 'X' });
const both = aggregateTwoErrors(inner, outer);
assert.ok(both instanceof AggregateError);
assert.strictEqual(both.message, 'outer');
assert.strictEqual(both.code, 'X');
assert.deepStrictEqual(both.errors, [outer, inner]);
assert.strictEqual(aggregateTwoErrors(null, outer), outer);
assert.strictEqual(aggregateTwoErrors(inner, null), inner);
