'use strict';

// node:inspector. Sessions talk to V8's inspector of this thread in
// process (internalBinding('inspector').Connection): V8 answers each
// message synchronously, so a post()'s callback runs before post() returns,
// as with Node's own in-thread sessions. A worker's connectToMainThread()
// session (MainThreadConnection) talks to the main thread's inspector: its
// replies come later, from the main thread. open() starts the debugger
// front end's server (src/lode_inspector_server.cc). The NodeTracing domain is
// lode's own, in JS: its sessions record trace events in memory through
// the tracing agent (internalBinding('trace_events')).

const {
  ArrayIsArray,
  ArrayPrototypeMap,
  ArrayPrototypeSlice,
  JSONParse,
  JSONStringify,
  SafeMap,
  StringPrototypeStartsWith,
  Symbol,
  SymbolFor,
} = primordials;

const {
  codes: {
    ERR_INSPECTOR_ALREADY_ACTIVATED,
    ERR_INSPECTOR_ALREADY_CONNECTED,
    ERR_INSPECTOR_CLOSED,
    ERR_INSPECTOR_COMMAND,
    ERR_INSPECTOR_NOT_ACTIVE,
    ERR_INSPECTOR_NOT_CONNECTED,
    ERR_INSPECTOR_NOT_WORKER,
  },
} = require('internal/errors');
const EventEmitter = require('events');
const { isLoopback } = require('internal/net');
const {
  isUint32,
  validateFunction,
  validateInt32,
  validateObject,
  validateString,
} = require('internal/validators');
const binding = internalBinding('inspector');
const { Connection, MainThreadConnection } = binding;

const SymbolDispose = primordials.SymbolDispose ?? SymbolFor('nodejs.dispose');

// A session's state, kept off the instance's visible properties.
const kState = Symbol('kState');
const kOnMessage = Symbol('kOnMessage');

function settle(callbacks, reply) {
  const callback = callbacks.get(reply.id);
  if (callback === undefined) return;
  callbacks.delete(reply.id);
  const { error } = reply;
  if (error) {
    callback(new ERR_INSPECTOR_COMMAND(error.code, error.message));
  } else {
    callback(null, reply.result);
  }
}

// The categories NodeTracing.getCategories lists (Node's).
const kTracingCategories = [
  'node', 'node.async_hooks', 'node.bootstrap', 'node.console',
  'node.dns.native', 'node.environment', 'node.fs.async', 'node.fs.sync',
  'node.fs_dir.async', 'node.fs_dir.sync', 'node.http', 'node.net.native',
  'node.perf', 'node.perf.timerify', 'node.perf.usertiming',
  'node.promises.rejections', 'node.threadpoolwork.async',
  'node.threadpoolwork.sync', 'node.vm.script', 'v8',
];

// NodeTracing.*: returns the reply ({ result } or { error }); `notify`
// delivers the notifications.
function nodeTracing(state, method, params, notify) {
  const binding = internalBinding('trace_events');
  switch (method) {
    case 'NodeTracing.getCategories':
      return {
        result: { categories: ArrayPrototypeSlice(kTracingCategories) },
      };
    case 'NodeTracing.start': {
      if (!internalBinding('worker').isMainThread) {
        return { error: {
          code: -32600,
          message: 'Tracing properties can only be changed through main ' +
                   'thread sessions',
        } };
      }
      if (state.tracingId !== -1) {
        return { error: {
          code: -32600,
          message: 'Call NodeTracing::end to stop tracing before updating ' +
                   'the config',
        } };
      }
      const categories = params?.traceConfig?.includedCategories;
      if (!ArrayIsArray(categories) || categories.length === 0) {
        return { error: {
          code: -32600, message: 'At least one category should be enabled',
        } };
      }
      const id = binding.startInspectorTracing(categories);
      if (id < 0) {
        return {
          error: { code: -32000, message: 'Too many tracing sessions' },
        };
      }
      state.tracingId = id;
      return { result: {} };
    }
    case 'NodeTracing.stop': {
      if (state.tracingId !== -1) {
        const events = binding.stopInspectorTracing(state.tracingId);
        state.tracingId = -1;
        notify('NodeTracing.dataCollected',
               { value: ArrayPrototypeMap(events, (text) => JSONParse(text)) });
      }
      notify('NodeTracing.tracingComplete', {});
      return { result: {} };
    }
    default:
      return { error: {
        code: -32601, message: `'${method}' wasn't found`,
      } };
  }
}

class Session extends EventEmitter {
  [kState] = {
    connection: null, lastId: 0, callbacks: new SafeMap(), tracingId: -1,
  };

  connect() {
    const state = this[kState];
    if (state.connection !== null) {
      throw new ERR_INSPECTOR_ALREADY_CONNECTED('The inspector session');
    }
    // Replies and notifications: a reply carries the id of its message.
    state.connection = new Connection((text) => this[kOnMessage](text));
  }

  connectToMainThread() {
    const { isMainThread } = require('internal/worker');
    if (isMainThread) throw new ERR_INSPECTOR_NOT_WORKER();
    if (this[kState].connection !== null) {
      throw new ERR_INSPECTOR_ALREADY_CONNECTED('The inspector session');
    }
    // The replies come from the main thread, possibly while JavaScript
    // runs here: handled in a microtask, as in Node.
    const { queueMicrotask } = require('internal/process/task_queues');
    const state = this[kState];
    state.connection = new MainThreadConnection((text) => {
      queueMicrotask(() => this[kOnMessage](text));
    });
  }

  [kOnMessage](text) {
    const message = JSONParse(text);
    try {
      if (message.id) {
        settle(this[kState].callbacks, message);
        return;
      }
      this.emit(message.method, message);
      this.emit('inspectorNotification', message);
    } catch (err) {
      process.emitWarning(err);
    }
  }

  post(method, params, callback) {
    validateString(method, 'method');
    if (typeof params === 'function' && callback == null) {
      callback = params;
      params = undefined;
    }
    if (params) validateObject(params, 'params');
    if (callback) validateFunction(callback, 'callback');
    const state = this[kState];
    if (state.connection === null) throw new ERR_INSPECTOR_NOT_CONNECTED();
    const id = ++state.lastId;
    if (callback) state.callbacks.set(id, callback);
    if (StringPrototypeStartsWith(method, 'NodeTracing.')) {
      const reply = nodeTracing(state, method, params, (name, data) => {
        const message = { method: name, params: data };
        try {
          this.emit(name, message);
          this.emit('inspectorNotification', message);
        } catch (err) {
          process.emitWarning(err);
        }
      });
      reply.id = id;
      // As for V8's replies: what the callback throws becomes a warning.
      try {
        settle(state.callbacks, reply);
      } catch (err) {
        process.emitWarning(err);
      }
      return;
    }
    const message = params ? { id, method, params } : { id, method };
    state.connection.dispatch(JSONStringify(message));
  }

  disconnect() {
    const state = this[kState];
    const { connection, callbacks } = state;
    if (connection === null) return;
    state.connection = null;
    connection.disconnect();
    if (state.tracingId !== -1) {
      internalBinding('trace_events').stopInspectorTracing(state.tracingId);
      state.tracingId = -1;
    }
    // What never got its reply fails, on a later tick.
    state.callbacks = new SafeMap();
    state.lastId = 0;
    for (const callback of callbacks.values()) {
      process.nextTick(callback, new ERR_INSPECTOR_CLOSED());
    }
  }
}

// open([port[, host[, wait]]]): starts the debugger front end's server
// ("Debugger listening on ws://..." on stderr); what it returns closes it
// when disposed.
function open(port, host, wait) {
  if (binding.isEnabled()) throw new ERR_INSPECTOR_ALREADY_ACTIVATED();
  // The arguments are not type-checked, as in Node, but a port must fit in
  // 16 bits.
  if (isUint32(port)) validateInt32(port, 'port', 0, 65535);
  if (host && !isLoopback(host)) {
    process.emitWarning(
      'Binding the inspector to a public IP with an open port is insecure, ' +
        'as it allows external hosts to connect to the inspector ' +
        'and perform a remote code execution attack. ' +
        'Documentation can be found at ' +
      'https://nodejs.org/api/cli.html#--inspecthostport',
      'SecurityWarning',
    );
  }
  binding.open(port, host);
  if (wait) waitForDebugger();
  return {
    __proto__: null,
    [SymbolDispose]() { binding.close(); },
  };
}

function close() {
  binding.close();
}

function url() {
  return binding.url();
}

function waitForDebugger() {
  if (!binding.waitForDebugger()) throw new ERR_INSPECTOR_NOT_ACTIVE();
}

module.exports = {
  open,
  close,
  url,
  waitForDebugger,
  // V8's own console: its methods report to the inspector only.
  console: require('internal/console/vm_console').get(),
  Session,
};
