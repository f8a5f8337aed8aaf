'use strict';

// `lode --watch file.js` (and `--watch-path=dir`): runs the file in a child
// process and starts it again when it, or a file it loaded, changes (with
// --watch-path, when anything under those paths changes). The terminal is
// cleared before each restart unless --watch-preserve-output. SIGINT and
// SIGTERM stop the child and then this process.

const {
  ArrayPrototypeJoin,
  ArrayPrototypeMap,
  ArrayPrototypePush,
  ArrayPrototypePushApply,
  ArrayPrototypeSlice,
  Promise,
  PromiseResolve,
  StringPrototypeStartsWith,
} = primordials;

const { prepareMainThreadExecution } =
  require('internal/process/pre_execution');
const { getOptionValue } = require('internal/options');
const { FilesWatcher } = require('internal/watch_mode/files_watcher');

prepareMainThreadExecution(false);

const { spawn } = require('child_process');
const { inspect } = require('util');
const { resolve } = require('path');
const { setTimeout, clearTimeout } = require('timers');

// The escape sequences, when stderr shows colours (as Node decides).
function getColors() {
  let on;
  if (process.env.FORCE_COLOR !== undefined) {
    on = require('internal/tty').getColorDepth() > 2;
  } else {
    const stream = process.stderr;
    on = stream?.isTTY === true &&
      (typeof stream.getColorDepth === 'function' ?
        stream.getColorDepth() > 2 : true);
  }
  const code = (text) => (on ? text : '');
  return {
    __proto__: null,
    blue: code('\u001b[34m'),
    green: code('\u001b[32m'),
    red: code('\u001b[31m'),
    white: code('\u001b[39m'),
    clear: code('\u001bc'),
  };
}

const { blue, green, red, white, clear } = getColors();

// Checked before anything starts, as Node does.
function getKillSignal() {
  const name = getOptionValue('--watch-kill-signal') || 'SIGTERM';
  const { signals } = require('os').constants;
  if (signals[name] === undefined) {
    const { codes: { ERR_UNKNOWN_SIGNAL } } = require('internal/errors');
    throw new ERR_UNKNOWN_SIGNAL(name);
  }
  return name;
}

const kKillSignal = getKillSignal();
const kWatchedPaths =
  ArrayPrototypeMap(getOptionValue('--watch-path'), (p) => resolve(p));
const kFilterModules = kWatchedPaths.length === 0;
const kPreserveOutput = getOptionValue('--watch-preserve-output');
const kEnvFiles = [
  ...(getOptionValue('--env-file') ?? []),
  ...(getOptionValue('--env-file-if-exists') ?? []),
];
const kCommand = ArrayPrototypeSlice(process.argv, 1);
const kCommandText = inspect(ArrayPrototypeJoin(kCommand, ' '));

// The child's command line: this one without the watch options.
function childArgs() {
  const args = [];
  const given = process.execArgv;
  for (let i = 0; i < given.length; i++) {
    const arg = given[i];
    if (arg === '--watch' || StringPrototypeStartsWith(arg, '--watch=') ||
        arg === '--watch-preserve-output') {
      continue;
    }
    if (arg === '--watch-path' || arg === '--watch-kill-signal') {
      i++;
      continue;
    }
    if (StringPrototypeStartsWith(arg, '--watch-path=') ||
        StringPrototypeStartsWith(arg, '--watch-kill-signal=')) {
      continue;
    }
    ArrayPrototypePush(args, arg);
  }
  ArrayPrototypePushApply(args, kCommand);
  return args;
}

const kArgs = childArgs();
const watcher = new FilesWatcher({
  __proto__: null, debounce: 200, mode: kFilterModules ? 'filter' : 'all',
});
for (let i = 0; i < kWatchedPaths.length; i++) {
  watcher.watchPath(kWatchedPaths[i]);
}

let child = null;
let exited = false;
let graceTimer;

function start() {
  exited = false;
  const stdio = kFilterModules ?
    ['inherit', 'inherit', 'inherit', 'ipc'] : 'inherit';
  child = spawn(process.execPath, kArgs, {
    __proto__: null,
    stdio,
    env: { __proto__: null, ...process.env, WATCH_REPORT_DEPENDENCIES: '1' },
  });
  watcher.watchChildProcessModules(child);
  for (let i = 0; i < kEnvFiles.length; i++) {
    watcher.filterFile(resolve(kEnvFiles[i]));
  }
  child.once('exit', (code) => {
    exited = true;
    const waiting = 'Waiting for file changes before restarting...';
    if (code === 0) {
      process.stdout.write(
        `${blue}Completed running ${kCommandText}. ${waiting}${white}\n`);
    } else {
      process.stdout.write(
        `${red}Failed running ${kCommandText}. ${waiting}${white}\n`);
    }
  });
}

// Stops the child; resolves with its exit code (undefined when it had
// stopped already).
function killAndWait(signal = kKillSignal, force = false) {
  const current = child;
  if (current === null) return PromiseResolve();
  current.removeAllListeners();
  if ((current.killed || exited) && !force) return PromiseResolve();
  if (exited) return PromiseResolve();
  return new Promise((done) => {
    current.once('exit', (code) => done(code));
    current.kill(signal);
  });
}

// A child slow to stop (over 500ms) gets a note, and another once it has.
function reportGracefulTermination() {
  let reported = false;
  clearTimeout(graceTimer);
  graceTimer = setTimeout(() => {
    reported = true;
    process.stdout.write(`${blue}Waiting for graceful termination...` +
                         `${white}\n`);
  }, 500);
  graceTimer.unref();
  return () => {
    clearTimeout(graceTimer);
    if (reported) {
      if (!kPreserveOutput) process.stdout.write(clear);
      process.stdout.write(
        `${green}Gracefully restarted ${kCommandText}${white}\n`);
    }
  };
}

let restarting = false;
async function restart() {
  if (restarting) return;
  restarting = true;
  try {
    if (!kPreserveOutput) process.stdout.write(clear);
    process.stdout.write(`${green}Restarting ${kCommandText}${white}\n`);
    watcher.destroyIPC(child);
    watcher.clearFileFilters();
    const done = reportGracefulTermination();
    await killAndWait();
    done();
    start();
  } finally {
    restarting = false;
  }
}

watcher.on('changed', restart);
watcher.on('error', (err) => {
  watcher.off('changed', restart);
  process.nextTick(() => { throw err; });
});
start();

// The child goes first, so that nothing it writes comes after this
// process has gone.
function onSignal(signal) {
  return async () => {
    watcher.clear();
    const code = await killAndWait(signal, true);
    process.exit(code ?? 0);
  };
}
process.on('SIGTERM', onSignal('SIGTERM'));
process.on('SIGINT', onSignal('SIGINT'));
