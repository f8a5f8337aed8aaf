'use strict';

// The primary's side of a shared server (SCHED_NONE, and every UDP
// socket): the primary creates the listening handle and sends it to each
// worker, which accepts on it itself.

const { SafeMap } = primordials;

const net = require('net');

let dgram;

class SharedHandle {
  constructor(key, address, { port, addressType, fd, flags }) {
    this.key = key;
    this.workers = new SafeMap();
    this.handle = null;
    this.errno = 0;

    let rval;
    if (addressType === 'udp4' || addressType === 'udp6') {
      dgram ??= require('internal/dgram');
      rval = dgram._createSocketHandle(address, port, addressType, fd, flags);
    } else {
      rval = net._createServerHandle(address, port, addressType, fd, flags);
    }
    if (typeof rval === 'number') {
      this.errno = rval;
    } else {
      this.handle = rval;
    }
  }

  add(worker, reply) {
    this.workers.set(worker.id, worker);
    reply(this.errno, null, this.handle);
  }

  remove(worker) {
    if (!this.workers.delete(worker.id)) return false;
    if (this.workers.size !== 0) return false;
    this.handle?.close();
    this.handle = null;
    return true;
  }
}

module.exports = SharedHandle;
