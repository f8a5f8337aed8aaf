'use strict';

// run({ watch: true }) and `lode --test --watch`: the test files run again
// when they, or files they loaded, change. With `files` given only those
// (and what they load) are watched; otherwise the whole working directory
// is, and new test files join the run. Each round ends with
// 'test:watch:drained' and a summary; a restart begins with
// 'test:watch:restarted'. Aborting `signal` ends the run.

const {
  ArrayPrototypeFind,
  ArrayPrototypeIncludes,
  PromisePrototypeThen,
  PromiseResolve,
  SafeMap,
  SafeSet,
} = primordials;

const { FilesWatcher } = require('internal/watch_mode/files_watcher');

// `startFile(path)` starts a file's test and resolves once it has ended;
// `listFiles()` finds the test files again.
function watchTestFiles(harness, testFiles, opts, startFile, listFiles) {
  const { resolve, isAbsolute } = require('path');
  const root = harness.root;
  const running = new SafeMap();        // path -> its test's promise
  const processes = new SafeMap();      // path -> child process
  const watcher = new FilesWatcher({
    __proto__: null,
    debounce: 200,
    mode: opts.hasFiles ? 'filter' : 'all',
    signal: opts.signal,
  });
  if (!opts.hasFiles) {
    watcher.watchPath(opts.cwd);
  } else if (opts.oneProcess) {
    for (let i = 0; i < testFiles.length; i++) {
      watcher.filterFile(resolve(opts.cwd, testFiles[i]));
    }
  }
  harness.watching = true;

  opts.watcher = {
    __proto__: null,
    onChildStarted(path, child) {
      processes.set(path, child);
      watcher.watchChildProcessModules(child, path);
    },
  };

  const emit = (type) => {
    harness.emit({ __proto__: null, type, data: undefined });
  };

  function run(path) {
    const done = startFile(path);
    running.set(path, done);
    PromisePrototypeThen(done, () => {
      processes.delete(path);
      if (running.get(path) === done) running.delete(path);
      if (running.size === 0) {
        emit('test:watch:drained');
        root.postRun();
      }
    });
    return done;
  }

  async function restart(path) {
    const child = processes.get(path);
    if (child !== undefined && child.exitCode === null &&
        child.signalCode === null) {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill();
      await exited;
    }
    if (running.size === 0) harness.counters.topLevel = 0;
    await (running.get(path) ?? PromiseResolve());
    run(path);
  }

  watcher.on('changed', ({ owners, eventType }) => {
    if (!opts.hasFiles && (eventType === 'rename' || eventType === 'change')) {
      const updated = listFiles();
      const added = ArrayPrototypeFind(
        updated, (file) => !ArrayPrototypeIncludes(testFiles, file));
      const removed = ArrayPrototypeFind(
        testFiles, (file) => !ArrayPrototypeIncludes(updated, file));
      testFiles = updated;
      if (added !== undefined) {
        owners = new SafeSet();
        owners.add(added);
        watcher.filterFile(isAbsolute(added) ? added :
          resolve(opts.cwd, added), owners);
      } else if (removed !== undefined) {
        // A test file went away: nothing to run again.
        return;
      }
    }
    harness.restartRound();
    emit('test:watch:restarted');
    if (opts.oneProcess) {
      // All the files run in one process: it starts again.
      PromisePrototypeThen(restart(''), undefined, (err) => {
        process.nextTick(() => { throw err; });
      });
      return;
    }
    watcher.unfilterFilesOwnedBy(owners);
    for (let i = 0; i < testFiles.length; i++) {
      const file = testFiles[i];
      if (!owners.has(file) && !owners.has(resolve(opts.cwd, file))) {
        continue;
      }
      PromisePrototypeThen(restart(file), undefined, (err) => {
        process.nextTick(() => { throw err; });
      });
    }
  });

  if (opts.signal !== undefined) {
    const stop = () => {
      harness.watching = false;
      root.postRun();
    };
    if (opts.signal.aborted) {
      process.nextTick(stop);
    } else {
      opts.signal.addEventListener('abort', stop,
                                  { __proto__: null, once: true });
    }
  }
  return run;
}

module.exports = { watchTestFiles };
