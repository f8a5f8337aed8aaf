'use strict';

// `lode file.js args`: runs the file as the main module.

const { prepareMainThreadExecution } =
  require('internal/process/pre_execution');

const { getOptionValue } = require('internal/options');
// --entry-url: the entry is a URL (relative to the working directory's),
// run by the ES module loader; process.argv[1] stays as given.
const entryURL = getOptionValue('--entry-url');
prepareMainThreadExecution(!entryURL);
const { Module } = require('internal/modules/cjs/loader');
const hooks = require('internal/modules/esm/hooks');
if (entryURL) {
  require('internal/util').emitExperimentalWarning('--entry-url');
  const { pathToFileURL, URL } = require('internal/url');
  const url = new URL(process.argv[1],
                      pathToFileURL(`${process.cwd()}/`)).href;
  const esm = require('internal/modules/esm/loader');
  if (hooks.needsAsyncEntry()) {
    hooks.runWithPreloads(() => {
      esm.internals.checkEntryInputType();
      if (!hooks.hooksActive()) return esm.runMainURL(url, true);
      return hooks.runMainURLWithHooks(url);
    });
  } else {
    esm.runMainURL(url, true);
  }
} else if (hooks.needsAsyncEntry()) {
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
