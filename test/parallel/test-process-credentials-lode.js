'use strict';
const common = require('../common');
const assert = require('assert');
const { spawnSync } = require('child_process');

// setuid/seteuid/setgid/setegid/setgroups/initgroups: Node's validation and
// errors. The changes themselves run in a child (the tests run as root).

for (const fn of ['setuid', 'seteuid', 'setgid', 'setegid']) {
  assert.throws(() => process[fn]({}), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "id" argument must be one of type number or string. ' +
             'Received an instance of Object',
  });
  assert.throws(() => process[fn](-1), { code: 'ERR_OUT_OF_RANGE' });
  assert.throws(() => process[fn](1.5), { code: 'ERR_OUT_OF_RANGE' });
  const type = fn.endsWith('uid') ? 'User' : 'Group';
  assert.throws(() => process[fn]('no-such-credential-xyz'), {
    code: 'ERR_UNKNOWN_CREDENTIAL',
    name: 'Error',
    message: `${type} identifier does not exist: no-such-credential-xyz`,
  });
}
assert.throws(() => process.setgroups('0'), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "groups" argument must be an instance of Array. ' +
           "Received type string ('0')",
});
assert.throws(() => process.setgroups([0, 'no-such-credential-xyz']), {
  code: 'ERR_UNKNOWN_CREDENTIAL',
  message: 'Group identifier does not exist: no-such-credential-xyz',
});
assert.throws(() => process.setgroups([0, null]), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "groups[1]" argument must be one of type number or string. ' +
           'Received null',
});
assert.throws(() => process.initgroups('root', 'no-such-credential-xyz'), {
  code: 'ERR_UNKNOWN_CREDENTIAL',
  message: 'Group identifier does not exist: no-such-credential-xyz',
});
assert.throws(() => process.initgroups(0xfffffff0, 0), {
  code: 'ERR_UNKNOWN_CREDENTIAL',
  message: 'User identifier does not exist: 4294967280',
});

if (process.getuid() !== 0) {
  common.printSkipMessage('the rest needs root');
  return;
}

// A process that gave up root cannot take it back: EPERM, as Node reports
// it ("EPERM, Operation not permitted", errno 1, syscall).
const script = `
  process.setgroups([65534]);
  process.setegid(65534);
  process.setgid(65534);
  process.seteuid(65534);
  process.seteuid(0);  // the saved id is still root
  process.setuid(65534);
  const ids = [process.getuid(), process.geteuid(), process.getgid(),
               process.getegid(), process.getgroups()];
  let error;
  try { process.setuid(0); } catch (e) { error = e; }
  console.log(JSON.stringify({ ids, message: error.message,
                               errno: error.errno, code: error.code,
                               syscall: error.syscall }));
`;
const child = spawnSync(process.execPath, ['-e', script], {
  encoding: 'utf8',
});
assert.strictEqual(child.status, 0, child.stderr);
assert.deepStrictEqual(JSON.parse(child.stdout), {
  ids: [65534, 65534, 65534, 65534, [65534]],
  message: 'EPERM, Operation not permitted',
  errno: 1,
  code: 'EPERM',
  syscall: 'setuid',
});

const initgroups = spawnSync(process.execPath, ['-e', `
  process.initgroups('root', 65534);
  console.log(JSON.stringify(process.getgroups().sort((a, b) => a - b)));
`], { encoding: 'utf8' });
assert.strictEqual(initgroups.status, 0, initgroups.stderr);
assert.ok(JSON.parse(initgroups.stdout).includes(65534));
