'use strict';
// The main isolate's semi-spaces start at 4 MiB (fewer scavenges for
// programs that make many short-lived strings and buffers); V8's
// --min-semi-space-size still decides when given.
require('../common');
const assert = require('assert');
const { spawnSync } = require('child_process');
const v8 = require('v8');

const MiB = 1024 * 1024;

function newSpaceSize() {
  const space = v8.getHeapSpaceStatistics()
    .find((s) => s.space_name === 'new_space');
  return space.space_size;
}

if (process.argv[2] === 'child') {
  process.stdout.write(`${newSpaceSize()}`);
  return;
}

assert.ok(newSpaceSize() >= 4 * MiB, `new space is ${newSpaceSize()} bytes`);

const child = spawnSync(process.execPath,
                        ['--min-semi-space-size=1', __filename, 'child'],
                        { encoding: 'utf8' });
assert.strictEqual(child.status, 0, child.stderr);
assert.strictEqual(Number(child.stdout), 1 * MiB);
