'use strict';

// Connections of a net.Server that were sent to another process over an
// IPC channel stay the server's business: the server asks the other side
// how many are still open (server.getConnections()) and waits for them to
// close (server.close()). One list per server (its _connectionKey) and
// channel:
//   SocketListSend     the sending side, on the ChildProcess (or process);
//                      close(cb) and getConnections(cb) ask the other side.
//   SocketListReceive  the receiving side: counts the sockets it got and
//                      answers those questions.
// The questions and answers are internal messages:
//   NODE_SOCKET_NOTIFY_CLOSE -> NODE_SOCKET_ALL_CLOSED (once all are closed)
//   NODE_SOCKET_GET_COUNT    -> NODE_SOCKET_COUNT { count }

const EventEmitter = require('events');
const {
  codes: { ERR_CHILD_CLOSED_BEFORE_REPLY },
} = require('internal/errors');

class SocketListSend extends EventEmitter {
  constructor(child, key) {
    super();
    this.key = key;
    this.child = child;
    child.once('exit', () => this.emit('exit', this));
  }

  // Sends the internal message `request` and calls back with the reply
  // whose cmd is `replyCmd`, or with an error if the channel goes first.
  _request(request, replyCmd, swallowErrors, callback) {
    const child = this.child;
    const key = this.key;

    if (!child.connected) {
      callback(new ERR_CHILD_CLOSED_BEFORE_REPLY());
      return;
    }

    function onDisconnect() {
      child.removeListener('internalMessage', onReply);
      callback(new ERR_CHILD_CLOSED_BEFORE_REPLY());
    }

    function onReply(message) {
      if (message.cmd !== replyCmd || message.key !== key) return;
      child.removeListener('disconnect', onDisconnect);
      child.removeListener('internalMessage', onReply);
      callback(null, message);
    }

    child._send(request, undefined, swallowErrors);
    child.once('disconnect', onDisconnect);
    child.on('internalMessage', onReply);
  }

  close(callback) {
    this._request({ cmd: 'NODE_SOCKET_NOTIFY_CLOSE', key: this.key },
                  'NODE_SOCKET_ALL_CLOSED', true, callback);
  }

  getConnections(callback) {
    this._request({ cmd: 'NODE_SOCKET_GET_COUNT', key: this.key },
                  'NODE_SOCKET_COUNT', false, (err, reply) => {
                    if (err) {
                      callback(err);
                      return;
                    }
                    callback(null, reply.count);
                  });
  }
}

class SocketListReceive extends EventEmitter {
  constructor(child, key) {
    super();
    this.connections = 0;
    this.key = key;
    this.child = child;

    const allClosed = () => {
      if (!child.connected) return;
      child._send({ cmd: 'NODE_SOCKET_ALL_CLOSED', key }, undefined, true);
    };

    child.on('internalMessage', (message) => {
      if (message.key !== key) return;
      if (message.cmd === 'NODE_SOCKET_NOTIFY_CLOSE') {
        if (this.connections === 0) {
          allClosed();
        } else {
          this.once('empty', allClosed);
        }
      } else if (message.cmd === 'NODE_SOCKET_GET_COUNT') {
        if (!child.connected) return;
        child._send({
          cmd: 'NODE_SOCKET_COUNT', key, count: this.connections,
        });
      }
    });
  }

  add({ socket }) {
    this.connections++;
    socket.once('close', () => {
      if (--this.connections === 0) this.emit('empty', this);
    });
  }
}

module.exports = { SocketListSend, SocketListReceive };
