'use strict';
require('../common');
const assert = require('assert');
const EventEmitter = require('events');
const cluster = require('cluster');

assert.ok(cluster instanceof EventEmitter);
assert.strictEqual(cluster.isPrimary, true);
assert.strictEqual(cluster.isMaster, true);
assert.strictEqual(cluster.isWorker, false);
assert.deepStrictEqual(cluster.workers, {});
assert.deepStrictEqual(cluster.settings, {});
assert.strictEqual(cluster.SCHED_NONE, 1);
assert.strictEqual(cluster.SCHED_RR, 2);
assert.strictEqual(cluster.setupMaster, cluster.setupPrimary);
// setupPrimary() merges into settings, with Node's defaults.
cluster.setupPrimary({ silent: true });
assert.strictEqual(cluster.settings.silent, true);
assert.strictEqual(cluster.settings.exec, process.argv[1]);
assert.deepStrictEqual(cluster.settings.args, process.argv.slice(2));
cluster.once('setup', (settings) => {
  assert.strictEqual(settings, cluster.settings);
});
