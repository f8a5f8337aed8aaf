// Flags: --expose-internals
'use strict';
const common = require('../common');
const assert = require('assert');
const { initializeDebugEnv, debuglog } = require('internal/util/debuglog');

// Sections are matched case-insensitively, with '*' as a wildcard.
initializeDebugEnv('net,http2*,Fs');
const cases = [
  ['net', true], ['NET', true], ['http2', true], ['http2stream', true],
  ['http', false], ['fs', true], ['tls', false], ['ne', false],
];
for (const [section, enabled] of cases) {
  assert.strictEqual(debuglog(section).enabled, enabled, section);
}

// Output: "SECTION PID: message\n" on stderr, formatted like util.format().
const written = [];
const originalWrite = process.stderr.write;
process.stderr.write = (chunk) => {
  written.push(String(chunk));
  return true;
};
try {
  const log = debuglog('fs');
  log('opened %s (%d bytes)', 'a.txt', 12);
  log({ k: 1 });
  debuglog('tls')('not printed');
} finally {
  process.stderr.write = originalWrite;
}
assert.deepStrictEqual(written, [
  `FS ${process.pid}: opened a.txt (12 bytes)\n`,
  `FS ${process.pid}: { k: 1 }\n`,
]);

// The callback receives the real logger on first use.
const logger = debuglog('net', common.mustCall((fn) => {
  assert.strictEqual(typeof fn, 'function');
  assert.strictEqual(fn.enabled, true);
}));
process.stderr.write = () => true;
try {
  logger('x');
  logger('y');
} finally {
  process.stderr.write = originalWrite;
}

initializeDebugEnv('');
assert.strictEqual(debuglog('net2').enabled, false);
