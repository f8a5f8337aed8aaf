'use strict';
const common = require('../common');
const assert = require('assert');
const { spawnSync } = require('child_process');

// process.features, config, allowedNodeEnvironmentFlags, ref/unref,
// threadCpuUsage, setSourceMapsEnabled, dlopen, kill, _fatalException.

// features: Node's keys; what lode has.
{
  const descriptor = Object.getOwnPropertyDescriptor(process, 'features');
  assert.strictEqual(descriptor.writable, false);
  assert.strictEqual(descriptor.configurable, false);
  assert.deepStrictEqual(Object.keys(process.features), [
    'inspector', 'debug', 'uv', 'ipv6', 'tls_alpn', 'tls_sni', 'tls_ocsp',
    'tls', 'openssl_is_boringssl', 'cached_builtins', 'require_module',
    'typescript',
  ]);
  assert.strictEqual(process.features.uv, true);
  assert.strictEqual(process.features.tls, true);
  assert.strictEqual(process.features.require_module, true);
  assert.strictEqual(process.features.typescript, 'strip');
  assert.strictEqual(typeof Object.getOwnPropertyDescriptor(
    process.features, 'cached_builtins').get, 'function');
}

// config: frozen all the way down, not writable.
{
  const descriptor = Object.getOwnPropertyDescriptor(process, 'config');
  assert.strictEqual(descriptor.writable, false);
  assert.strictEqual(descriptor.configurable, true);
  assert.ok(Object.isFrozen(process.config));
  assert.ok(Object.isFrozen(process.config.variables));
  assert.ok(Object.isFrozen(process.config.target_defaults.cflags));
  assert.throws(() => { process.config.variables = 42; }, TypeError);
}

// allowedNodeEnvironmentFlags: read-only, lenient has().
{
  const flags = process.allowedNodeEnvironmentFlags;
  assert.strictEqual(flags, process.allowedNodeEnvironmentFlags);
  assert.ok(flags instanceof Set);
  assert.ok(Object.isFrozen(flags));
  for (const flag of ['--require', '-r', 'r', 'require', '--no-warnings',
                      '--stack_trace_limit=5', 'perf_basic_prof',
                      '--max-old-space-size=100', '--trace-warnings']) {
    assert.strictEqual(flags.has(flag), true, flag);
  }
  for (const flag of ['--eval', '-e', '--print', '--R', 'REQUIRE',
                      '---require', '--check', 1, undefined]) {
    assert.strictEqual(flags.has(flag), false, String(flag));
  }
  const size = flags.size;
  assert.ok(size > 50);
  flags.add('--lode');
  Set.prototype.add.call(flags, '--lode');
  flags.delete('--require');
  Set.prototype.clear.call(flags);
  assert.strictEqual(flags.size, size);
  assert.strictEqual(flags.has('--lode'), false);
  assert.strictEqual([...flags].length, size);
  assert.strictEqual([...flags.entries()][0].length, 2);
  for (const flag of flags) assert.match(flag, /^--?[a-zA-Z0-9._-]+$/);
  const thisArg = {};
  flags.forEach(common.mustCallAtLeast(function(value, key, set) {
    assert.strictEqual(value, key);
    assert.strictEqual(set, flags);
    assert.strictEqual(this, thisArg);
  }), thisArg);
}

// ref/unref: the nodejs.ref symbols first, then ref()/unref().
{
  const calls = [];
  const modern = {
    [Symbol.for('nodejs.ref')]() { calls.push(['ref', this]); },
    [Symbol.for('nodejs.unref')]() { calls.push(['unref', this]); },
    ref: common.mustNotCall(),
    unref: common.mustNotCall(),
  };
  process.ref(modern);
  process.unref(modern);
  assert.deepStrictEqual(calls, [['ref', modern], ['unref', modern]]);
  const timer = setInterval(common.mustNotCall(), 1000);
  process.unref(timer);
  assert.strictEqual(timer.hasRef(), false);
  process.ref(timer);
  assert.strictEqual(timer.hasRef(), true);
  clearInterval(timer);
  for (const value of [undefined, null, 1, 'x', {}, { ref: 1 }]) {
    assert.strictEqual(process.ref(value), undefined);
    assert.strictEqual(process.unref(value), undefined);
  }
}

// threadCpuUsage: like cpuUsage, for this thread.
{
  const first = process.threadCpuUsage();
  assert.ok(first.user >= 0 && first.system >= 0);
  const diff = process.threadCpuUsage(first);
  assert.ok(diff.user >= 0 && diff.system >= 0);
  assert.throws(() => process.threadCpuUsage([]), {
    code: 'ERR_INVALID_ARG_TYPE',
  });
  assert.throws(() => process.threadCpuUsage({ user: -1, system: 0 }), {
    code: 'ERR_INVALID_ARG_VALUE',
    name: 'RangeError',
  });
}

// setSourceMapsEnabled: validated and remembered.
{
  assert.strictEqual(process.sourceMapsEnabled, false);
  assert.throws(() => process.setSourceMapsEnabled('yes'), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "enabled" argument must be of type boolean. ' +
             "Received type string ('yes')",
  });
  process.setSourceMapsEnabled(true);
  assert.strictEqual(process.sourceMapsEnabled, true);
  process.setSourceMapsEnabled(false);
  assert.strictEqual(process.sourceMapsEnabled, false);
}

// dlopen: Node's argument checks and dlopen()'s own message.
{
  assert.throws(() => process.dlopen({ exports: {} }), {
    code: 'ERR_MISSING_ARGS',
    name: 'TypeError',
    message: 'process.dlopen needs at least 2 arguments',
  });
  assert.throws(() => process.dlopen({}, 'x.node'), {
    name: 'TypeError',
    message: 'Cannot convert undefined or null to object',
  });
  assert.throws(() => process.dlopen({ exports: {} }, '/nonexistent-%s.node'), {
    code: 'ERR_DLOPEN_FAILED',
    name: 'Error',
    message: /^\/nonexistent-%s\.node: cannot open shared object file/,
  });
  assert.throws(() => process.dlopen({ exports: {} }, __filename), {
    code: 'ERR_DLOPEN_FAILED',
    message: /invalid ELF header|file too short/,
  });
}

// kill goes through process._kill, as in Node.
{
  const original = process._kill;
  const seen = [];
  process._kill = (pid, sig) => { seen.push([pid, sig]); return 0; };
  assert.strictEqual(process.kill('0', 'SIGHUP'), true);
  assert.strictEqual(process.kill(0), true);
  process._kill = original;
  assert.deepStrictEqual(seen, [['0', 1], [0, 15]]);
  assert.throws(() => process.kill(0, 987), {
    code: 'EINVAL', message: 'kill EINVAL', syscall: 'kill',
  });
  assert.throws(() => process.kill(NaN), { code: 'ERR_INVALID_ARG_TYPE' });
}

// _fatalException: replaced by a non-function, an uncaught exception
// exits with 6; 'exit' listeners that set exitCode to 0 win.
{
  const child = spawnSync(process.execPath, ['-e', `
    process._fatalException = undefined;
    throw new Error('boom');
  `], { encoding: 'utf8' });
  assert.strictEqual(child.status, 6);
  assert.match(child.stderr, /Error: boom/);
  const zero = spawnSync(process.execPath, ['-e', `
    process.on('exit', () => { process.exitCode = 0; });
    process.on('beforeExit', () => { throw new Error('late'); });
  `], { encoding: 'utf8' });
  assert.strictEqual(zero.status, 0);
  assert.match(zero.stderr, /Error: late/);
}
