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

function argsFrom(args, start) {
  return args.length > start ? ArrayPrototypeSlice(args, start) : undefined;
}

function setTimeout(callback, after, arg1, arg2, arg3) {
  validateFunction(callback, 'callback');
  let args;
  switch (arguments.length) {
    case 0:
    case 1:
    case 2:
      break;
    case 3:
      args = [arg1];
      break;
    case 4:
      args = [arg1, arg2];
      break;
    default:
      args = argsFrom(arguments, 2);
  }
  const timeout = new Timeout(callback, after, args, false, true);
  insert(timeout, timeout._idleTimeout);
  return timeout;
}

function clearTimeout(timer) {
  clearTimeoutImpl(timer);
}

function setInterval(callback, repeat, arg1, arg2, arg3) {
  validateFunction(callback, 'callback');
  let args;
  switch (arguments.length) {
    case 0:
    case 1:
    case 2:
      break;
    case 3:
      args = [arg1];
      break;
    case 4:
      args = [arg1, arg2];
      break;
    default:
      args = argsFrom(arguments, 2);
  }
  const timeout = new Timeout(callback, repeat, args, true, true);
  insert(timeout, timeout._idleTimeout);
  return timeout;
}

function clearInterval(timer) {
  // Node lets clearInterval clear a timeout and vice versa.
  clearTimeoutImpl(timer);
}

function setImmediate(callback, arg1, arg2, arg3) {
  validateFunction(callback, 'callback');
  let args;
  switch (arguments.length) {
    case 0:
    case 1:
      break;
    case 2:
      args = [arg1];
      break;
    case 3:
      args = [arg1, arg2];
      break;
    default:
      args = argsFrom(arguments, 1);
  }
  return new Immediate(callback, args);
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
