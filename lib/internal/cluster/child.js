'use strict';

// cluster in a worker process (NODE_UNIQUE_ID was in its environment):
// servers ask the primary for their listening handle. Round-robin servers
// get a stand-in handle and receive each connection from the primary
// ('newconn'); shared ones get the real listening handle.

const {
  ArrayPrototypeJoin,
  ObjectAssign,
  ReflectApply,
  SafeMap,
  SafeSet,
} = primordials;

const EventEmitter = require('events');
const path = require('path');
const Worker = require('internal/cluster/worker');
const { messageHandler, sendMessage } = require('internal/cluster/messages');
const { owner_symbol } = internalBinding('symbols');
const { TIMEOUT_MAX } = require('internal/timers');
const { setInterval, clearInterval } = require('timers');

const cluster = new EventEmitter();
// Server handles by the primary's key.
const handles = new SafeMap();
// Per listen target: which listen() calls (indexes) are open, so that two
// servers of one worker on the same port get two handles.
const listenIndexes = new SafeMap();

cluster.isWorker = true;
cluster.isMaster = false;
cluster.isPrimary = false;
cluster.worker = null;
cluster.Worker = Worker;

function send(message, onReply) {
  return sendMessage(process, message, null, onReply);
}

cluster._setupWorker = function _setupWorker() {
  const worker = new Worker({
    id: +process.env.NODE_UNIQUE_ID | 0,
    process,
    state: 'online',
  });
  cluster.worker = worker;

  process.once('disconnect', () => {
    worker.emit('disconnect');
    // The primary went away without asking: nothing left to serve.
    if (!worker.exitedAfterDisconnect) process.exit(0);
  });

  process.on('internalMessage', messageHandler(worker, (message, handle) => {
    if (message.act === 'newconn') {
      onNewConnection(message, handle);
    } else if (message.act === 'disconnect') {
      ReflectApply(disconnectWorker, worker, [true]);
    }
  }));

  send({ act: 'online' });
};

// net.Server (and dgram.Socket) in a worker: `callback(errno, handle)`.
cluster._getServer = function _getServer(server, options, callback) {
  let address = options.address;
  if (options.port < 0 && typeof address === 'string') {
    address = path.resolve(address);
  }

  const targetKey = ArrayPrototypeJoin(
    [address, options.port, options.addressType, options.fd], ':');
  let target = listenIndexes.get(targetKey);
  if (target === undefined) {
    target = { next: 0, open: new SafeSet() };
    listenIndexes.set(targetKey, target);
  }
  const index = target.next++;
  target.open.add(index);

  const message = { act: 'queryServer', index, data: null, ...options };
  message.address = address;
  if (typeof server._getServerData === 'function') {
    message.data = server._getServerData();
  }

  send(message, (answer, handle) => {
    if (typeof server._setServerData === 'function') {
      server._setServerData(answer.data);
    }
    const where = { targetKey, index };
    if (handle) {
      useSharedHandle(answer, handle, where, callback);
    } else {
      useRoundRobin(answer, where, callback);
    }
  });

  server.once('listening', () => {
    // A server closed at once may be gone already.
    if (!listenIndexes.has(targetKey)) return;
    cluster.worker.state = 'listening';
    const bound = server.address();
    message.act = 'listening';
    message.port = bound?.port || options.port;
    send(message);
  });
};

function forgetIndex({ targetKey, index }) {
  const target = listenIndexes.get(targetKey);
  if (target === undefined) return;
  target.open.delete(index);
  if (target.open.size === 0) listenIndexes.delete(targetKey);
}

function useSharedHandle(answer, handle, where, callback) {
  const key = answer.key;
  // Closing the handle also tells the primary, which closes its copy once
  // no worker uses it.
  const close = handle.close;
  handle.close = function(...args) {
    send({ act: 'close', key });
    handles.delete(key);
    forgetIndex(where);
    return ReflectApply(close, handle, args);
  };
  handles.set(key, handle);
  callback(answer.errno, handle);
}

function useRoundRobin(answer, where, callback) {
  if (answer.errno) {
    callback(answer.errno, null);
    return;
  }
  let key = answer.key;
  // The stand-in holds no file descriptor; an interval keeps the worker's
  // loop alive while the server is referenced.
  let keepAlive = null;
  const handle = {
    close() {
      if (key === undefined) return;
      handle.unref();
      send({ act: 'close', key });
      handles.delete(key);
      forgetIndex(where);
      key = undefined;
    },
    listen(backlog) {
      // The primary listens; its backlog is the one in effect.
      return 0;
    },
    ref() {
      keepAlive ??= setInterval(() => {}, TIMEOUT_MAX);
    },
    unref() {
      if (keepAlive !== null) {
        clearInterval(keepAlive);
        keepAlive = null;
      }
    },
  };
  if (answer.sockname) {
    handle.getsockname = function getsockname(out) {
      if (key !== undefined) ObjectAssign(out, answer.sockname);
      return 0;
    };
  }
  handle.ref();
  handles.set(key, handle);
  callback(0, handle);
}

function onNewConnection(message, socketHandle) {
  const stand = handles.get(message.key);
  let accepted = stand !== undefined;
  if (accepted && stand[owner_symbol]) {
    const server = stand[owner_symbol];
    if (server.maxConnections != null &&
        server._connections >= server.maxConnections) {
      accepted = false;
    }
  }
  send({ ack: message.seq, accepted });
  if (accepted) {
    stand.onconnection(0, socketHandle);
  } else {
    socketHandle.close();
  }
}

// Closes the worker's servers, then its IPC channel.
function disconnectWorker(primaryAsked) {
  this.exitedAfterDisconnect = true;
  let waiting = 1;
  const onClosed = () => {
    if (--waiting !== 0) return;
    if (primaryAsked) {
      process.disconnect();
    } else {
      // The primary must know the exit is wanted before the channel goes.
      send({ act: 'exitedAfterDisconnect' }, () => process.disconnect());
    }
  };
  for (const handle of handles.values()) {
    waiting++;
    if (handle[owner_symbol]) {
      handle[owner_symbol].close(onClosed);
    } else {
      handle.close(onClosed);
    }
  }
  handles.clear();
  onClosed();
}

Worker.prototype.disconnect = function disconnect() {
  if (this.state !== 'disconnecting' && this.state !== 'destroying') {
    this.state = 'disconnecting';
    ReflectApply(disconnectWorker, this, [false]);
  }
  return this;
};

Worker.prototype.destroy = function destroy() {
  if (this.state === 'destroying') return;
  this.exitedAfterDisconnect = true;
  if (!this.isConnected()) {
    process.exit(0);
  } else {
    this.state = 'destroying';
    send({ act: 'exitedAfterDisconnect' }, () => process.disconnect());
    process.once('disconnect', () => process.exit(0));
  }
};

module.exports = cluster;
