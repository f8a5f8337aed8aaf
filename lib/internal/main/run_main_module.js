'use strict';

// `lode file.js args`: runs the file as the main module.

const { prepareMainThreadExecution } =
  require('internal/process/pre_execution');

prepareMainThreadExecution(true);
const { Module } = require('internal/modules/cjs/loader');
const hooks = require('internal/modules/esm/hooks');
if (hooks.needsAsyncEntry()) {
  // --import modules run first; with loader hooks registered by then, the
  // main script goes through them too.
  hooks.runWithPreloads(() => {
    // The entry then goes through the ES module loader, as in Node.
    require('internal/modules/esm/loader').internals.checkEntryInputType();
    if (!hooks.hooksActive()) return Module.runMain(process.argv[1]);
    let mainPath;
    try {
      mainPath = Module._resolveFilename(process.argv[1], null, true);
    } catch {
      mainPath = require('path').resolve(process.argv[1]);
    }
    return hooks.runMainWithHooks(mainPath);
  });
} else {
  Module.runMain(process.argv[1]);
}
// The ticks and microtasks the main script queued run outside of it.
require('internal/async_hooks').leaveTopLevel();
