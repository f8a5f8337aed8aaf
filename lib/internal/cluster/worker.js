'use strict';

// cluster.Worker, as both sides see it: on the primary `process` is the
// ChildProcess, in a worker it is the worker's own process. The methods
// that differ (disconnect, destroy) come from primary.js and child.js.

const {
  FunctionPrototypeCall,
  ObjectSetPrototypeOf,
  ReflectApply,
} = primordials;

const EventEmitter = require('events');

// Callable without `new`, as Node's.
function Worker(options) {
  if (!(this instanceof Worker)) return new Worker(options);
  FunctionPrototypeCall(EventEmitter, this);
  options ??= {};
  this.exitedAfterDisconnect = undefined;
  this.state = options.state || 'none';
  this.id = options.id | 0;
  if (options.process) {
    this.process = options.process;
    this.process.on('error', (code, signal) => {
      this.emit('error', code, signal);
    });
    this.process.on('message', (message, handle) => {
      this.emit('message', message, handle);
    });
  }
}
ObjectSetPrototypeOf(Worker.prototype, EventEmitter.prototype);
ObjectSetPrototypeOf(Worker, EventEmitter);

Worker.prototype.kill = function kill(...args) {
  return ReflectApply(this.destroy, this, args);
};

Worker.prototype.send = function send(...args) {
  return ReflectApply(this.process.send, this.process, args);
};

Worker.prototype.isDead = function isDead() {
  return this.process.exitCode != null || this.process.signalCode != null;
};

Worker.prototype.isConnected = function isConnected() {
  return this.process.connected;
};

module.exports = Worker;
