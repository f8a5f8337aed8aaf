'use strict';

// The primary's side of a round-robin server (cluster's default on
// Linux): the primary listens, accepts every connection itself and hands
// each to the next worker that has none pending ('newconn').

const {
  ArrayPrototypePush,
  ArrayPrototypeShift,
  Boolean,
  SafeMap,
} = primordials;

const net = require('net');
const { constants: { UV_TCP_IPV6ONLY } } = internalBinding('tcp_wrap');
const { sendMessage } = require('internal/cluster/messages');

class RoundRobinHandle {
  constructor(key, address, { port, fd, flags, backlog, readableAll,
                              writableAll }) {
    this.key = key;
    this.workers = new SafeMap();
    // Workers waiting for a connection, in arrival order.
    this.idle = new SafeMap();
    this.pending = [];
    this.handle = null;
    this.server = net.createServer(() => {
      throw new Error('a round-robin server hands its connections on');
    });

    if (fd >= 0) {
      this.server.listen({ fd, backlog });
    } else if (port >= 0) {
      this.server.listen({
        port,
        host: address,
        ipv6Only: Boolean(flags & UV_TCP_IPV6ONLY),
        backlog,
      });
    } else {
      this.server.listen({ path: address, backlog, readableAll,
                           writableAll });
    }
    this.server.once('listening', () => {
      this.handle = this.server._handle;
      this.handle.onconnection = (err, handle) => this.distribute(err, handle);
      this.server._handle = null;
      this.server = null;
    });
  }

  add(worker, reply) {
    this.workers.set(worker.id, worker);
    const ready = () => {
      if (this.handle.getsockname) {
        const sockname = {};
        this.handle.getsockname(sockname);
        reply(null, { sockname }, null);
      } else {
        reply(null, null, null);
      }
      this.handoff(worker);
    };
    if (this.server === null) {
      ready();
      return;
    }
    this.server.once('listening', ready);
    this.server.once('error', (err) => reply(err.errno, null));
  }

  // Whether this was the last worker (the handle is closed then).
  remove(worker) {
    if (!this.workers.delete(worker.id)) return false;
    this.idle.delete(worker.id);
    if (this.workers.size !== 0) return false;
    for (let i = 0; i < this.pending.length; i++) this.pending[i].close();
    this.pending = [];
    this.handle?.close();
    this.handle = null;
    return true;
  }

  distribute(err, handle) {
    // A failed accept is the kernel's business; the next one may work.
    if (err) return;
    ArrayPrototypePush(this.pending, handle);
    const first = this.idle.entries().next();
    if (!first.done) {
      const { 0: id, 1: worker } = first.value;
      this.idle.delete(id);
      this.handoff(worker);
    }
  }

  handoff(worker) {
    if (!this.workers.has(worker.id)) return;
    const handle = ArrayPrototypeShift(this.pending);
    if (handle === undefined) {
      this.idle.set(worker.id, worker);
      return;
    }
    const message = { act: 'newconn', key: this.key };
    sendMessage(worker.process, message, handle, (reply) => {
      if (reply.accepted) {
        // The worker has its own copy now.
        handle.close();
      } else {
        // The worker is closing: another one gets it.
        this.distribute(0, handle);
      }
      this.handoff(worker);
    });
  }
}

module.exports = RoundRobinHandle;
