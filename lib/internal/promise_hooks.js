'use strict';

// v8.promiseHooks: user hooks for V8's promise lifecycle events. V8 takes
// one set of four functions per context (init, before, after, settled);
// internal/async_hooks owns one set (its ids and AsyncLocalStorage frames)
// and hands it to setCoreHooks(). When user hooks exist, what V8 gets is a
// runner per event that calls the core hook and then each user hook (the
// user's after hooks run before the core one, still inside the context of
// the callback). A hook that throws reports an uncaught exception and the
// others still run.

const {
  ArrayPrototypeIndexOf,
  ArrayPrototypePush,
  ArrayPrototypeSlice,
  ArrayPrototypeSplice,
  FunctionPrototypeBind,
} = primordials;

const { triggerUncaughtException } = internalBinding('errors');
const { validatePlainFunction } = require('internal/validators');

const kInit = 0;
const kBefore = 1;
const kAfter = 2;
const kSettled = 3;

// The user hooks of each event. A list is replaced, never changed in
// place, so that a hook that stops itself does not disturb the run in
// progress.
const userHooks = [[], [], [], []];
// What internal/async_hooks installed (undefined for none).
const coreHooks = [undefined, undefined, undefined, undefined];

function runUserHooks(list, promise, parent) {
  for (let i = 0; i < list.length; i++) {
    try {
      list[i](promise, parent);
    } catch (err) {
      triggerUncaughtException(err, false);
    }
  }
}

function runInit(promise, parent) {
  const core = coreHooks[kInit];
  if (core !== undefined) core(promise, parent);
  runUserHooks(userHooks[kInit], promise, parent);
}

function runBefore(promise) {
  const core = coreHooks[kBefore];
  if (core !== undefined) core(promise);
  runUserHooks(userHooks[kBefore], promise);
}

function runAfter(promise) {
  runUserHooks(userHooks[kAfter], promise);
  const core = coreHooks[kAfter];
  if (core !== undefined) core(promise);
}

function runSettled(promise) {
  const core = coreHooks[kSettled];
  if (core !== undefined) core(promise);
  runUserHooks(userHooks[kSettled], promise);
}

const runners = [runInit, runBefore, runAfter, runSettled];

function hookFor(event) {
  return userHooks[event].length > 0 ? runners[event] : coreHooks[event];
}

let setPromiseHooks;

function install() {
  setPromiseHooks ??= internalBinding('async_wrap').setPromiseHooks;
  setPromiseHooks(hookFor(kInit), hookFor(kBefore), hookFor(kAfter),
                  hookFor(kSettled));
}

// For internal/async_hooks: its own four hooks (or undefined).
function setCoreHooks(init, before, after, settled) {
  coreHooks[kInit] = init;
  coreHooks[kBefore] = before;
  coreHooks[kAfter] = after;
  coreHooks[kSettled] = settled;
  install();
}

function addHook(event, fn) {
  const list = ArrayPrototypeSlice(userHooks[event]);
  ArrayPrototypePush(list, fn);
  userHooks[event] = list;
  install();
}

function stop(event, fn) {
  const index = ArrayPrototypeIndexOf(userHooks[event], fn);
  if (index === -1) return;
  const list = ArrayPrototypeSlice(userHooks[event]);
  ArrayPrototypeSplice(list, index, 1);
  userHooks[event] = list;
  install();
}

function stopAll(stops) {
  for (let i = 0; i < stops.length; i++) stops[i]();
}

function makeUseHook(event, name) {
  return (hook) => {
    validatePlainFunction(hook, `${name}Hook`);
    addHook(event, hook);
    return FunctionPrototypeBind(stop, undefined, event, hook);
  };
}

const onInit = makeUseHook(kInit, 'init');
const onBefore = makeUseHook(kBefore, 'before');
const onAfter = makeUseHook(kAfter, 'after');
const onSettled = makeUseHook(kSettled, 'settled');

function createHook({ init, before, after, settled } = {}) {
  // As in Node, a falsy hook is no hook; all are checked before any is
  // added.
  if (init) validatePlainFunction(init, 'initHook');
  if (before) validatePlainFunction(before, 'beforeHook');
  if (after) validatePlainFunction(after, 'afterHook');
  if (settled) validatePlainFunction(settled, 'settledHook');
  const stops = [];
  if (init) ArrayPrototypePush(stops, onInit(init));
  if (before) ArrayPrototypePush(stops, onBefore(before));
  if (after) ArrayPrototypePush(stops, onAfter(after));
  if (settled) ArrayPrototypePush(stops, onSettled(settled));
  return FunctionPrototypeBind(stopAll, undefined, stops);
}

module.exports = {
  setCoreHooks,
  // The public object (v8.promiseHooks).
  promiseHooks: {
    createHook,
    onInit,
    onBefore,
    onAfter,
    onSettled,
  },
};
