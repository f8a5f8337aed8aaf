'use strict';

// What every entry point does before user code: the module loader's paths,
// NODE_DEBUG, process.argv[1] made absolute, the IPC channel of a forked
// child, --dns-result-order, and --require preloads (the --import ones are
// asynchronous: the entry points run them, internal/modules/esm/hooks).

const {
  ArrayIsArray,
  NumberParseInt,
  ObjectDefineProperty,
  RegExpPrototypeExec,
  StringPrototypeIncludes,
} = primordials;

const { getOptionValue } = require('internal/options');
const {
  ERR_ACCESS_DENIED,
  ERR_MISSING_OPTION,
} = require('internal/errors').codes;

// `isWorker`: a worker thread has no IPC channel of its own.
function prepareMainThreadExecution(expandArgv1 = false, isWorker = false) {
  const path = require('path');
  if (expandArgv1 && process.argv[1] &&
      !process.argv[1].startsWith('-')) {
    process.argv[1] = path.resolve(process.argv[1]);
  }
  process.argv0 = process.argv0 ?? process.argv[0];
  addReadOnlyProcessAlias('_eval', '--eval');
  addReadOnlyProcessAlias('_print_eval', '--print');
  initializePermission();
  require('internal/util/debuglog').initializeDebugEnv(process.env.NODE_DEBUG);
  if (!isWorker) {
    setupChildProcessIpcChannel();
    initializeClusterWorker();
    // --report-on-signal: the handler that writes the report.
    if (getOptionValue('--report-on-signal')) {
      require('internal/process/report').initializeReportSignalHandler();
    }
  }
  // A bad --dns-result-order fails here, as in Node, not at the first
  // lookup.
  if (getOptionValue('--dns-result-order')) {
    require('internal/dns/utils').initializeDns();
  }
  require('internal/modules/helpers').initializeCompileCache();
  const { Module, initializeCJS } = require('internal/modules/cjs/loader');
  initializeCJS();
  // User code starts with empty RegExp statics (RegExp.$_, RegExp.$1, ...),
  // whatever the bootstrap matched last.
  RegExpPrototypeExec(/^/, '');
  const preloads = getOptionValue('--require');
  if (preloads && preloads.length > 0) Module._preloadModules(preloads);
}

// --permission: process.permission, process.binding refused, and the
// warnings Node prints for the grants that could undo the model. Without
// it, --allow-fs-read and --allow-fs-write are an error.
function initializePermission() {
  const fsFlags = ['--allow-fs-read', '--allow-fs-write'];
  const otherFlags = ['--allow-addons', '--allow-child-process',
                      '--allow-inspector', '--allow-wasi', '--allow-worker'];
  if (!getOptionValue('--permission')) {
    // Node 24 insists only for the file-system grants.
    for (let i = 0; i < fsFlags.length; i++) {
      const value = getOptionValue(fsFlags[i]);
      if (ArrayIsArray(value) && value.length > 0) {
        throw new ERR_MISSING_OPTION('--permission');
      }
    }
    return;
  }
  process.binding = function binding(_module) {
    throw new ERR_ACCESS_DENIED('process.binding');
  };
  for (let i = 0; i < otherFlags.length; i++) {
    if (getOptionValue(otherFlags[i])) {
      process.emitWarning(
        `The flag ${otherFlags[i]} must be used with extreme caution. ` +
        'It could invalidate the permission model.', 'SecurityWarning');
    }
  }
  for (let i = 0; i < fsFlags.length; i++) {
    const paths = getOptionValue(fsFlags[i]);
    for (let j = 0; j < paths.length; j++) {
      if (StringPrototypeIncludes(paths[j], ',')) {
        process.emitWarning(
          `The ${fsFlags[i]} CLI flag has changed. Passing a ` +
          'comma-separated list of paths is no longer valid. Documentation ' +
          'can be found at ' +
          'https://nodejs.org/api/permissions.html#file-system-permissions',
          'Warning');
        break;
      }
    }
  }
  const { has } = require('internal/process/permission');
  ObjectDefineProperty(process, 'permission', {
    __proto__: null,
    enumerable: true,
    configurable: false,
    writable: false,
    value: { has },
  });
}

// A worker started by cluster.fork(): announce it to the primary. The
// variable goes, so that this worker's own children are not workers.
function initializeClusterWorker() {
  if (process.env.NODE_UNIQUE_ID) {
    require('cluster')._setupWorker();
    delete process.env.NODE_UNIQUE_ID;
  }
}

// process._eval (the -e/-p code; fork() drops it from a child's execArgv)
// and process._print_eval.
function addReadOnlyProcessAlias(name, option) {
  const value = getOptionValue(option);
  if (value) {
    ObjectDefineProperty(process, name, {
      __proto__: null,
      writable: false,
      configurable: true,
      enumerable: true,
      value,
    });
  }
}

// A parent that forked this process left the IPC channel's descriptor in
// NODE_CHANNEL_FD. The variables are removed so that this process's own
// children do not inherit them.
function setupChildProcessIpcChannel() {
  const fdText = process.env.NODE_CHANNEL_FD;
  if (!fdText) return;
  const fd = NumberParseInt(fdText, 10);
  delete process.env.NODE_CHANNEL_FD;
  const serializationMode =
    process.env.NODE_CHANNEL_SERIALIZATION_MODE || 'json';
  delete process.env.NODE_CHANNEL_SERIALIZATION_MODE;
  if (!(fd >= 0)) return;
  require('child_process')._forkChild(fd, serializationMode);
}

module.exports = { prepareMainThreadExecution };
