'use strict';

// cluster on the primary process. Lode cannot start workers yet (that needs
// the IPC channel of child_process.fork), so the module describes a primary
// with no workers and the operations that would start or stop workers throw
// ERR_NOT_IMPLEMENTED.

const {
  ObjectSetPrototypeOf,
} = primordials;

const {
  codes: { ERR_NOT_IMPLEMENTED },
} = require('internal/errors');
const EventEmitter = require('events');

const SCHED_NONE = 1;
const SCHED_RR = 2;

function Worker(options) {
  throw new ERR_NOT_IMPLEMENTED('cluster.Worker');
}
ObjectSetPrototypeOf(Worker.prototype, EventEmitter.prototype);
ObjectSetPrototypeOf(Worker, EventEmitter);

const cluster = new EventEmitter();

cluster.isWorker = false;
cluster.isMaster = true;
cluster.isPrimary = true;
cluster.Worker = Worker;
cluster.workers = {};
cluster.settings = {};
cluster.SCHED_NONE = SCHED_NONE;
cluster.SCHED_RR = SCHED_RR;
cluster.schedulingPolicy = SCHED_RR;

cluster.setupPrimary = function setupPrimary(options) {
  throw new ERR_NOT_IMPLEMENTED('cluster.setupPrimary');
};
cluster.setupMaster = cluster.setupPrimary;

cluster.fork = function fork(env) {
  throw new ERR_NOT_IMPLEMENTED('cluster.fork');
};

cluster.disconnect = function disconnect(callback) {
  throw new ERR_NOT_IMPLEMENTED('cluster.disconnect');
};

module.exports = cluster;
