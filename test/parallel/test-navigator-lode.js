'use strict';
// globalThis.navigator and the process/Buffer/crypto globals' accessors.
const common = require('../common');
const assert = require('assert');
const { spawnSync } = require('child_process');

const desc = Object.getOwnPropertyDescriptor(globalThis, 'navigator');
assert.strictEqual(desc.get.name, 'get navigator');
assert.strictEqual(desc.set, undefined);
assert.strictEqual(desc.enumerable, true);
assert.strictEqual(Object.getOwnPropertyDescriptor(globalThis, 'crypto').get.name,
                   'get crypto');

assert.ok(navigator instanceof Navigator);
assert.strictEqual(navigator, navigator);
assert.throws(() => new Navigator(), {
  name: 'TypeError', code: 'ERR_ILLEGAL_CONSTRUCTOR',
});
assert.ok(Number.isInteger(navigator.hardwareConcurrency));
assert.ok(navigator.hardwareConcurrency > 0);
assert.match(navigator.userAgent, /^Node\.js\/24$/);
assert.strictEqual(typeof navigator.language, 'string');
assert.deepStrictEqual(navigator.languages, [navigator.language]);
assert.ok(Object.isFrozen(navigator.languages));
if (process.platform === 'linux' && process.arch === 'x64') {
  assert.strictEqual(navigator.platform, 'Linux x86_64');
}
// navigator.locks itself is tested in test-web-locks-lode.js.
assert.strictEqual(navigator.locks, navigator.locks);
assert.throws(() => Navigator.prototype.locks, TypeError);
assert.deepStrictEqual(Object.keys(Navigator.prototype),
                       ['hardwareConcurrency', 'locks', 'language',
                        'languages', 'userAgent', 'platform']);

const child = spawnSync(process.execPath, [
  '--no-experimental-global-navigator', '-p',
  'typeof navigator + typeof Navigator',
], { encoding: 'utf8' });
assert.strictEqual(child.stdout.trim(), 'undefinedundefined');

// Intl.v8BreakIterator is gone, here and in vm contexts.
assert.strictEqual('v8BreakIterator' in Intl, false);
assert.strictEqual(
  require('vm').runInNewContext('"v8BreakIterator" in Intl'), false);

// Assigning process or Buffer keeps the accessor.
const realProcess = process;
const realBuffer = Buffer;
globalThis.process = 1;
globalThis.Buffer = 2;
assert.strictEqual(globalThis.process, 1);
assert.strictEqual(globalThis.Buffer, 2);
assert.strictEqual(
  typeof Object.getOwnPropertyDescriptor(globalThis, 'process').get,
  'function');
globalThis.process = realProcess;
globalThis.Buffer = realBuffer;
assert.strictEqual(process, realProcess);
common.mustCall()();
