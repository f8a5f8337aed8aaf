'use strict';

// A start from a user snapshot (--snapshot-blob) whose builder script set
// a deserialize main function: that function runs instead of a main script.

const { prepareMainThreadExecution } =
  require('internal/process/pre_execution');
const { runDeserializeMainFunction } =
  require('internal/v8/startup_snapshot');

prepareMainThreadExecution(false);
runDeserializeMainFunction();
// The ticks and microtasks the main function queued run outside of it.
require('internal/async_hooks').leaveTopLevel();
