'use strict';

// v8.startupSnapshot: what a snapshot builder script (--build-snapshot)
// registers, kept in this module's state, which the user snapshot keeps.
// C++ (src/lode_snapshot.cc, src/lode.cc) calls runSerializeCallbacks()
// before it serializes the context and runDeserializeCallbacks() when a
// start comes from a user snapshot.

const {
  ArrayPrototypePush,
  ArrayPrototypeShift,
  FunctionPrototypeCall,
  SafeMapIterator,
} = primordials;

const {
  codes: {
    ERR_DUPLICATE_STARTUP_SNAPSHOT_MAIN_FUNCTION,
    ERR_NOT_BUILDING_SNAPSHOT,
    ERR_NOT_SUPPORTED_IN_SNAPSHOT,
  },
  setBuildingSnapshot,
} = require('internal/errors');
const { validateFunction } = require('internal/validators');

// 1 while the builder script and its serialize callbacks run; a number, as
// Node's (it reads a byte of a shared array).
let buildingSnapshot = 0;
const serializeCallbacks = [];
const afterUserSerializeCallbacks = [];
const deserializeCallbacks = [];
let deserializeMain;
let deserializeMainData;

function isBuildingSnapshot() {
  return buildingSnapshot;
}

function throwIfNotBuildingSnapshot() {
  if (!buildingSnapshot) throw new ERR_NOT_BUILDING_SNAPSHOT();
}

// For APIs a snapshot cannot keep (workers...).
function throwIfBuildingSnapshot(reason) {
  if (buildingSnapshot) throw new ERR_NOT_SUPPORTED_IN_SNAPSHOT(reason);
}

function addSerializeCallback(callback, data) {
  throwIfNotBuildingSnapshot();
  validateFunction(callback, 'callback');
  ArrayPrototypePush(serializeCallbacks, [callback, data]);
}

function addDeserializeCallback(callback, data) {
  throwIfNotBuildingSnapshot();
  validateFunction(callback, 'callback');
  ArrayPrototypePush(deserializeCallbacks, [callback, data]);
}

function setDeserializeMainFunction(callback, data) {
  throwIfNotBuildingSnapshot();
  if (deserializeMain !== undefined) {
    throw new ERR_DUPLICATE_STARTUP_SNAPSHOT_MAIN_FUNCTION();
  }
  validateFunction(callback, 'callback');
  deserializeMain = callback;
  deserializeMainData = data;
}

// Core's own callbacks, run after the user's serialize callbacks.
function addAfterUserSerializeCallback(callback) {
  ArrayPrototypePush(afterUserSerializeCallbacks, [callback, undefined]);
}

function runCallbacks(list) {
  while (list.length > 0) {
    const { 0: callback, 1: data } = ArrayPrototypeShift(list);
    FunctionPrototypeCall(callback, undefined, data);
  }
}

function markBuildingSnapshot() {
  buildingSnapshot = 1;
  setBuildingSnapshot(true);
}

// Called by C++ once the builder script and its event loop are done.
function runSerializeCallbacks() {
  runCallbacks(serializeCallbacks);
  runCallbacks(afterUserSerializeCallbacks);
  buildingSnapshot = 0;
  setBuildingSnapshot(false);
}

// Called by C++ at a start from a user snapshot; returns whether a
// deserialize main function is set.
function runDeserializeCallbacks() {
  runCallbacks(deserializeCallbacks);
  return deserializeMain !== undefined;
}

// The builtins loaded so far: their compiled code is what the snapshot
// keeps as code cache.
function countLoadedBuiltins() {
  const { BuiltinModule } = require('internal/bootstrap/realm');
  let count = 0;
  for (const mod of new SafeMapIterator(BuiltinModule.map)) {
    if (mod[1].loaded) count++;
  }
  return count;
}

function runDeserializeMainFunction() {
  const main = deserializeMain;
  const data = deserializeMainData;
  return FunctionPrototypeCall(main, undefined, data);
}

module.exports = {
  addAfterUserSerializeCallback,
  countLoadedBuiltins,
  markBuildingSnapshot,
  runDeserializeCallbacks,
  runDeserializeMainFunction,
  runSerializeCallbacks,
  throwIfBuildingSnapshot,
  namespace: {
    addDeserializeCallback,
    addSerializeCallback,
    setDeserializeMainFunction,
    isBuildingSnapshot,
  },
};
