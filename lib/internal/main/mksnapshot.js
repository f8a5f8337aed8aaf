'use strict';

// `lode --build-snapshot entry.js`: runs the builder script, whose state
// (and that of the builtins it loaded) C++ then keeps in a user snapshot
// (src/lode_snapshot.cc). The script is a function of `require` (builtins
// only), `__filename` and `__dirname`, as in Node.

const {
  Error,
  ObjectDefineProperty,
  ObjectGetOwnPropertyDescriptor,
  ObjectSetPrototypeOf,
  SafeSet,
  StringPrototypeEndsWith,
} = primordials;

const { BuiltinModule } = require('internal/bootstrap/realm');
const { prepareMainThreadExecution } =
  require('internal/process/pre_execution');
const { getOptionValue } = require('internal/options');
const {
  addAfterUserSerializeCallback,
  markBuildingSnapshot,
  namespace: { addDeserializeCallback, isBuildingSnapshot },
} = require('internal/v8/startup_snapshot');
const { emitWarningSync } = require('internal/process/warning');
const { compileFunction } = internalBinding('contextify');
const { ERR_NOT_IMPLEMENTED } = require('internal/errors').codes;
const { readFileSync } = require('fs');
const path = require('path');

// The builtins Node has verified in user snapshots; the others load with a
// warning.
const supportedModules = new SafeSet([
  'assert', 'assert/strict', 'buffer', 'console', 'constants', 'crypto',
  'diagnostics_channel', 'dns', 'events', 'fs', 'fs/promises', 'net', 'os',
  'path', 'path/posix', 'path/win32', 'process', 'punycode', 'querystring',
  'stream', 'stream/promises', 'string_decoder', 'sys', 'timers',
  'timers/promises', 'url', 'util', 'util/types', 'v8', 'zlib',
]);
const warnedModules = new SafeSet();

function requireForUserSnapshot(id) {
  const normalized = BuiltinModule.normalizeRequirableId(`${id}`);
  if (normalized === undefined) {
    // Node's error for a require() of anything but a builtin here.
    // eslint-disable-next-line no-restricted-syntax
    const err = new Error(`Cannot find module '${id}'. `);
    err.code = 'MODULE_NOT_FOUND';
    throw err;
  }
  if (isBuildingSnapshot() && !supportedModules.has(normalized) &&
      !warnedModules.has(normalized)) {
    warnedModules.add(normalized);
    emitWarningSync(
      `It's not yet fully verified whether built-in module "${id}" ` +
      'works in user snapshot builder scripts.\n' +
      'It may still work in some cases, but in other cases certain ' +
      'run-time states may be out-of-sync after snapshot deserialization.\n' +
      'To request support for the module, use the Node.js issue tracker: ' +
      'https://github.com/nodejs/node/issues');
  }
  return require(normalized);
}

// Error.stackTraceLimit: V8 leaves it out of a context made for a snapshot
// and adds it, from --stack-trace-limit, to one deserialized (so it must not
// be in the snapshot). What the builder script set is restored after that.
function keepStackTraceLimit() {
  const initial = {
    __proto__: null,
    value: getOptionValue('--stack-trace-limit'),
    writable: true,
    enumerable: true,
    configurable: true,
  };
  ObjectDefineProperty(Error, 'stackTraceLimit', initial);
  let toRestore;
  addAfterUserSerializeCallback(() => {
    const desc = ObjectGetOwnPropertyDescriptor(Error, 'stackTraceLimit');
    if (desc !== undefined &&
        (desc.value !== initial.value ||
         desc.writable !== initial.writable ||
         desc.enumerable !== initial.enumerable ||
         desc.configurable !== initial.configurable)) {
      process._rawDebug(
        'Error.stackTraceLimit has been modified by the snapshot builder ' +
        'script.');
      if (desc.configurable) {
        toRestore = desc;
        ObjectSetPrototypeOf(toRestore, null);
        process._rawDebug(
          'It will be preserved after snapshot deserialization and ' +
          'override --stack-trace-limit passed into the deserialized ' +
          'application.\nTo allow --stack-trace-limit override in the ' +
          'deserialized application, delete Error.stackTraceLimit.');
      } else {
        process._rawDebug(
          'It is not configurable and will crash the application upon ' +
          'deserialization.\nTo fix the error, make Error.stackTraceLimit ' +
          'configurable.');
      }
    }
    delete Error.stackTraceLimit;
  });
  addDeserializeCallback(() => {
    if (toRestore !== undefined) {
      ObjectDefineProperty(Error, 'stackTraceLimit', toRestore);
    }
  });
}

// The stdio streams and their handles are not kept: the global console
// binds to the run's process.stdout/stderr again. The options are read
// again too.
function forgetRunState() {
  addAfterUserSerializeCallback(() => {
    require('internal/options').refreshOptions();
    require('internal/process/warning').forgetWarningState();
    require('internal/process/stdio').forgetStdioStreams();
    const { kBindStreamsLazy } = require('internal/console/constructor');
    require('internal/console/global')[kBindStreamsLazy](process);
  });
}

prepareMainThreadExecution(false);
markBuildingSnapshot();
keepStackTraceLimit();
forgetRunState();

{
  const filename = path.resolve(process.argv[1]);
  if (StringPrototypeEndsWith(filename, '.mjs')) {
    throw new ERR_NOT_IMPLEMENTED('ES module entry of --build-snapshot');
  }
  const source = readFileSync(filename, 'utf8');
  const fn = compileFunction(source, filename,
                             ['require', '__filename', '__dirname'], 0, 0,
                             false);
  fn(requireForUserSnapshot, filename, path.dirname(filename));
}
// The ticks and microtasks the builder script queued run outside of it.
require('internal/async_hooks').leaveTopLevel();
