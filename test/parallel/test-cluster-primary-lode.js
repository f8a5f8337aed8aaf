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
assert.throws(() => cluster.fork(), { code: 'ERR_NOT_IMPLEMENTED' });
assert.throws(() => cluster.setupPrimary({}), { code: 'ERR_NOT_IMPLEMENTED' });
