'use strict';
// The process object: env coercion, versions, hrtime, memory and CPU
// usage, signals through libuv, nextTick against promise microtasks.
const common = require('../common');
const assert = require('assert');

// process.env is live and coerces to strings.
process.env.LODE_TEST_NUM = 42;
assert.strictEqual(process.env.LODE_TEST_NUM, '42');
process.env.LODE_TEST_UNDEF = undefined;
assert.strictEqual(process.env.LODE_TEST_UNDEF, 'undefined');
assert.strictEqual('LODE_TEST_NUM' in process.env, true);
assert.ok(Object.keys(process.env).includes('LODE_TEST_NUM'));
delete process.env.LODE_TEST_NUM;
assert.strictEqual(process.env.LODE_TEST_NUM, undefined);
assert.throws(() => { process.env[Symbol('s')] = 1; }, TypeError);

assert.match(process.version, /^v24\.\d+\.\d+$/);
assert.strictEqual(process.release.name, 'node');
// The release lode matches, where node-gyp finds its headers.
assert.strictEqual(
  process.release.headersUrl,
  `https://nodejs.org/download/release/${process.version}/node-${process.version}-headers.tar.gz`);
assert.strictEqual(
  process.release.sourceUrl,
  `https://nodejs.org/download/release/${process.version}/node-${process.version}.tar.gz`);
for (const key of ['node', 'v8', 'uv', 'zlib', 'brotli', 'ares', 'modules',
  'nghttp2', 'napi', 'llhttp', 'openssl', 'icu', 'lode']) {
  assert.strictEqual(typeof process.versions[key], 'string', key);
}
assert.strictEqual(process.platform, 'linux');
assert.strictEqual(process.arch, 'x64');
assert.strictEqual(process.argv[0], process.execPath);
assert.ok(Number.isInteger(process.pid) && Number.isInteger(process.ppid));

const [s, ns] = process.hrtime();
assert.ok(s >= 0 && ns >= 0 && ns < 1e9);
const diff = process.hrtime([s, ns]);
assert.ok(diff[0] >= 0);
assert.strictEqual(typeof process.hrtime.bigint(), 'bigint');
assert.throws(() => process.hrtime(1), { code: 'ERR_INVALID_ARG_TYPE' });

const mem = process.memoryUsage();
assert.deepStrictEqual(Object.keys(mem),
                       ['rss', 'heapTotal', 'heapUsed', 'external',
                        'arrayBuffers']);
assert.ok(mem.rss > 0 && process.memoryUsage.rss() > 0);
const cpu = process.cpuUsage();
assert.ok(cpu.user >= 0 && cpu.system >= 0);
assert.strictEqual(Object.keys(process.resourceUsage()).length, 16);
assert.ok(process.uptime() > 0);
assert.strictEqual(process.cwd(), require('path').resolve('.'));
assert.throws(() => process.chdir('/definitely/not/here'),
              { code: 'ENOENT', syscall: 'chdir' });

// nextTick runs before promise microtasks.
const order = [];
Promise.resolve().then(() => order.push('promise'));
process.nextTick(() => order.push('tick'));
queueMicrotask(() => order.push('microtask'));
setImmediate(common.mustCall(() => {
  assert.deepStrictEqual(order, ['tick', 'promise', 'microtask']);
}));

// A signal sent to ourselves reaches the listener, and the listener keeps
// the default action (exit) away.
process.once('SIGUSR2', common.mustCall((name) => {
  assert.strictEqual(name, 'SIGUSR2');
}));
process.kill(process.pid, 'SIGUSR2');
assert.throws(() => process.kill(process.pid, 'SIGNOPE'),
              { code: 'ERR_UNKNOWN_SIGNAL' });

// Warnings go to 'warning' listeners on the next tick.
process.on('warning', common.mustCall((w) => {
  assert.strictEqual(w.name, 'CustomWarning');
  assert.strictEqual(w.code, 'X1');
  assert.strictEqual(w.message, 'careful');
}));
process.emitWarning('careful', 'CustomWarning', 'X1');
