'use strict';

// node:timers: the global timer functions, built on internal/timers.

const {
  ArrayPrototypeSlice,
  ObjectDefineProperty,
  SymbolFor,
} = primordials;

const kPromisifyCustom = SymbolFor('nodejs.util.promisify.custom');

const {
  Timeout,
  Immediate,
  insert,
  clearTimeout: clearTimeoutImpl,
  clearImmediate: clearImmediateImpl,
} = require('internal/timers');
const { validateFunction } = require('internal/validators');

let timersPromises;
function getPromises() {
  timersPromises ??= require('timers/promises');
  return timersPromises;
}

// The arguments after the first `start` ones, or undefined when there are
// none (the common case, which then allocates nothing).
function argsFrom(args, start) {
  return args.length > start ? ArrayPrototypeSlice(args, start) : undefined;
}

function startTimer(callback, after, args, repeat) {
  validateFunction(callback, 'callback');
  const timeout = new Timeout(callback, after, args, repeat, true);
  insert(timeout, timeout._idleTimeout);
  return timeout;
}

function setTimeout(callback, after) {
  return startTimer(callback, after, argsFrom(arguments, 2), false);
}

function clearTimeout(timer) {
  clearTimeoutImpl(timer);
}

function setInterval(callback, repeat) {
  return startTimer(callback, repeat, argsFrom(arguments, 2), true);
}

function clearInterval(timer) {
  // Node lets clearInterval clear a timeout and vice versa.
  clearTimeoutImpl(timer);
}

function setImmediate(callback) {
  validateFunction(callback, 'callback');
  return new Immediate(callback, argsFrom(arguments, 1));
}

function clearImmediate(immediate) {
  clearImmediateImpl(immediate);
}

// The deprecated enroll/unenroll API of Node 0.x, still present in Node 24.
function unenroll(item) {
  clearTimeoutImpl(item);
}

function enroll(item, msecs) {
  const { getTimerDuration } = require('internal/timers');
  msecs = getTimerDuration(msecs, 'msecs');
  if (item._idleTimeout) unenroll(item);
  item._idleTimeout = msecs;
  item._idlePrev = item;
  item._idleNext = item;
}

function active(item) {
  require('internal/timers').active(item);
}

function unrefActive(item) {
  require('internal/timers').unrefActive(item);
}

ObjectDefineProperty(setTimeout, kPromisifyCustom, {
  __proto__: null,
  enumerable: true,
  get() { return getPromises().setTimeout; },
});
ObjectDefineProperty(setImmediate,
                     kPromisifyCustom, {
                       __proto__: null,
                       enumerable: true,
                       get() { return getPromises().setImmediate; },
                     });

module.exports = {
  setTimeout,
  clearTimeout,
  setImmediate,
  clearImmediate,
  setInterval,
  clearInterval,
  _unrefActive: unrefActive,
  active,
  unenroll,
  enroll,
};

ObjectDefineProperty(module.exports, 'promises', {
  __proto__: null,
  enumerable: true,
  configurable: true,
  get() { return getPromises(); },
});
