'use strict';

// cluster in the primary process: forks workers (child_process.fork with
// NODE_UNIQUE_ID in their environment), answers their requests for server
// handles, and reports their life cycle.

const {
  ArrayPrototypePush,
  ArrayPrototypeSlice,
  ObjectKeys,
  ObjectValues,
  RegExpPrototypeExec,
  SafeMap,
} = primordials;

const EventEmitter = require('events');
const path = require('path');
const { fork } = require('child_process');
const Worker = require('internal/cluster/worker');
const RoundRobinHandle = require('internal/cluster/round_robin_handle');
const SharedHandle = require('internal/cluster/shared_handle');
const { messageHandler, sendMessage } = require('internal/cluster/messages');

const SCHED_NONE = 1;
const SCHED_RR = 2;

const cluster = new EventEmitter();
// 'disconnect' of the whole cluster, for disconnect(callback).
const allDisconnected = new EventEmitter();
// Server handles by the key the workers ask for.
const handles = new SafeMap();
let lastWorkerId = 0;
let settingsFrozen = false;

cluster.isWorker = false;
cluster.isMaster = true;
cluster.isPrimary = true;
cluster.Worker = Worker;
cluster.workers = {};
cluster.settings = {};
cluster.SCHED_NONE = SCHED_NONE;
cluster.SCHED_RR = SCHED_RR;

{
  const policy = process.env.NODE_CLUSTER_SCHED_POLICY;
  if (policy === 'rr') {
    cluster.schedulingPolicy = SCHED_RR;
  } else if (policy === 'none') {
    cluster.schedulingPolicy = SCHED_NONE;
  } else {
    cluster.schedulingPolicy = process.platform === 'win32' ?
      SCHED_NONE : SCHED_RR;
  }
}
// Fixed at the first setupPrimary(): handles already made keep theirs.
let schedulingPolicy = cluster.schedulingPolicy;

cluster.setupPrimary = function setupPrimary(options) {
  const settings = {
    args: ArrayPrototypeSlice(process.argv, 2),
    exec: process.argv[1],
    execArgv: process.execArgv,
    silent: false,
    ...cluster.settings,
    ...options,
  };
  cluster.settings = settings;
  if (!settingsFrozen) {
    settingsFrozen = true;
    schedulingPolicy = cluster.schedulingPolicy;
  }
  process.nextTick(() => cluster.emit('setup', settings));
};
cluster.setupMaster = cluster.setupPrimary;

// Whether workers run the inspector: an --inspect option among their
// execArgv or in NODE_OPTIONS.
function usesInspector(execArgv) {
  for (let i = 0; i < execArgv.length; i++) {
    if (RegExpPrototypeExec(/^--(?:inspect(?:-brk|-wait|-port)?|debug-port)(?:=|$)/,
                            execArgv[i]) !== null) {
      return true;
    }
  }
  const nodeOptions = process.env.NODE_OPTIONS;
  return typeof nodeOptions === 'string' &&
    RegExpPrototypeExec(/--inspect(?:-brk|-wait)?(?:=|\s|$)/,
                        nodeOptions) !== null;
}

// Each worker's inspector port: settings.inspectPort (a number, or a
// function that returns one), else the primary's port plus one per worker,
// wrapping from 65535 to 1024.
let debugPortOffset = 1;
function workerInspectPort(inspectPort) {
  if (typeof inspectPort === 'function') {
    inspectPort = inspectPort();
  } else if (inspectPort == null) {
    inspectPort = process.debugPort + debugPortOffset;
    if (inspectPort > 65535) inspectPort = inspectPort - 65535 + 1024 - 1;
    debugPortOffset++;
  }
  const { validatePort } = require('internal/validators');
  validatePort(inspectPort);
  return inspectPort;
}

function forkWorkerProcess(id, env) {
  const { settings } = cluster;
  const execArgv = ArrayPrototypeSlice(settings.execArgv);
  if (settings.inspectPort === null) {
    const { ERR_SOCKET_BAD_PORT } = require('internal/errors').codes;
    throw new ERR_SOCKET_BAD_PORT('Port', null, true);
  }
  if (usesInspector(settings.execArgv)) {
    ArrayPrototypePush(execArgv,
                       `--inspect-port=${workerInspectPort(settings.inspectPort)}`);
  }
  return fork(settings.exec, settings.args, {
    cwd: settings.cwd,
    env: { ...process.env, ...env, NODE_UNIQUE_ID: `${id}` },
    execArgv,
    gid: settings.gid,
    serialization: settings.serialization,
    silent: settings.silent,
    stdio: settings.stdio,
    uid: settings.uid,
    windowsHide: settings.windowsHide,
  });
}

function forgetWorker(worker) {
  delete cluster.workers[worker.id];
  if (ObjectKeys(cluster.workers).length === 0) {
    allDisconnected.emit('disconnect');
  }
}

function dropHandlesOf(worker) {
  for (const { 0: key, 1: handle } of handles) {
    if (handle.remove(worker)) handles.delete(key);
  }
}

cluster.fork = function fork(env) {
  cluster.setupPrimary();
  const id = ++lastWorkerId;
  const worker = new Worker({ id, process: forkWorkerProcess(id, env) });

  worker.on('message', function(message, handle) {
    cluster.emit('message', this, message, handle);
  });

  worker.process.once('exit', (exitCode, signalCode) => {
    // A worker still connected may yet be talked to; it is forgotten when
    // it disconnects.
    if (!worker.isConnected()) {
      dropHandlesOf(worker);
      forgetWorker(worker);
    }
    worker.exitedAfterDisconnect = !!worker.exitedAfterDisconnect;
    worker.state = 'dead';
    worker.emit('exit', exitCode, signalCode);
    cluster.emit('exit', worker, exitCode, signalCode);
  });

  worker.process.once('disconnect', () => {
    dropHandlesOf(worker);
    if (worker.isDead()) forgetWorker(worker);
    worker.exitedAfterDisconnect = !!worker.exitedAfterDisconnect;
    worker.state = 'disconnected';
    worker.emit('disconnect');
    cluster.emit('disconnect', worker);
  });

  worker.process.on('internalMessage', messageHandler(worker, onMessage));
  process.nextTick(() => cluster.emit('fork', worker));
  cluster.workers[worker.id] = worker;
  return worker;
};

cluster.disconnect = function disconnect(callback) {
  const workers = ObjectValues(cluster.workers);
  if (workers.length === 0) {
    process.nextTick(() => allDisconnected.emit('disconnect'));
  } else {
    for (let i = 0; i < workers.length; i++) {
      if (workers[i].isConnected()) workers[i].disconnect();
    }
  }
  if (typeof callback === 'function') {
    allDisconnected.once('disconnect', callback);
  }
};

function reply(worker, message, handle, onReply) {
  return sendMessage(worker.process, message, handle, onReply);
}

function onMessage(message) {
  switch (message.act) {
    case 'online':
      this.state = 'online';
      this.emit('online');
      cluster.emit('online', this);
      break;
    case 'queryServer':
      queryServer(this, message);
      break;
    case 'listening': {
      const info = {
        addressType: message.addressType,
        address: message.address,
        port: message.port,
        fd: message.fd,
      };
      this.state = 'listening';
      this.emit('listening', info);
      cluster.emit('listening', this, info);
      break;
    }
    case 'exitedAfterDisconnect':
      this.exitedAfterDisconnect = true;
      reply(this, { ack: message.seq });
      break;
    case 'close': {
      // The handle may be gone already (the worker disconnected).
      const handle = handles.get(message.key);
      if (handle?.remove(this)) handles.delete(message.key);
      break;
    }
  }
}

function queryServer(worker, message) {
  // A worker on its way out gets no new servers.
  if (worker.exitedAfterDisconnect) return;
  const key = `${message.address}:${message.port}:${message.addressType}:` +
              `${message.fd}:${message.index}`;
  let handle = handles.get(key);
  if (handle === undefined) {
    let address = message.address;
    // A Unix socket path must stay under ~100 bytes: the shorter form.
    if (message.port < 0 && typeof address === 'string') {
      const relative = path.relative(process.cwd(), address);
      if (relative.length < address.length) address = relative;
    }
    const isUDP = message.addressType === 'udp4' ||
      message.addressType === 'udp6';
    const HandleClass = schedulingPolicy === SCHED_RR && !isUDP ?
      RoundRobinHandle : SharedHandle;
    handle = new HandleClass(key, address, message);
    handles.set(key, handle);
  }
  if (!handle.data) handle.data = message.data;
  handle.add(worker, (errno, answer, listenHandle) => {
    const { data } = handles.get(key);
    // A failed handle is forgotten: another worker may try again.
    if (errno) handles.delete(key);
    reply(worker, { errno, key, ack: message.seq, data, ...answer },
          listenHandle);
  });
}

Worker.prototype.disconnect = function disconnect() {
  this.exitedAfterDisconnect = true;
  reply(this, { act: 'disconnect' });
  dropHandlesOf(this);
  forgetWorker(this);
  return this;
};

// kill()/destroy() signal the process at once: its exit was not asked
// for through disconnect().
Worker.prototype.destroy = function destroy(signo) {
  this.process.kill(signo || 'SIGTERM');
};

module.exports = cluster;
