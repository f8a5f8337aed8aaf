'use strict';

// The process.* functions built on internalBinding('process_methods'):
// argument validation here, the system calls in C++.

const {
  BigInt,
  Float64Array,
  NumberIsInteger,
  NumberMAX_SAFE_INTEGER,
  ObjectFreeze,
  Uint32Array,
} = primordials;

const binding = internalBinding('process_methods');
const {
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_OUT_OF_RANGE,
    ERR_UNKNOWN_SIGNAL,
  },
  ErrnoException,
} = require('internal/errors');
const {
  validateArray,
  validateNumber,
  validateObject,
  validateInteger,
} = require('internal/validators');

const hrtimeFields = new Uint32Array(3);

function hrtime(time) {
  binding.hrtime(hrtimeFields);
  const sec = hrtimeFields[0] * 0x100000000 + hrtimeFields[1];
  const nsec = hrtimeFields[2];
  if (time !== undefined) {
    validateArray(time, 'time');
    if (time.length !== 2) {
      throw new ERR_OUT_OF_RANGE('time', 2, time.length);
    }
    const secDiff = sec - time[0];
    const nsecDiff = nsec - time[1];
    return nsecDiff < 0 ?
      [secDiff - 1, nsecDiff + 1e9] : [secDiff, nsecDiff];
  }
  return [sec, nsec];
}

function hrtimeBigInt() {
  return binding.hrtimeBigInt();
}

const cpuFields = new Float64Array(2);

function cpuUsage(prevValue) {
  if (prevValue) {
    validateObject(prevValue, 'prevValue');
    validateNumber(prevValue.user, 'prevValue.user');
    if (prevValue.user < 0 || prevValue.user > NumberMAX_SAFE_INTEGER) {
      throw new ERR_INVALID_ARG_VALUE.RangeError('prevValue.user',
                                                 prevValue.user);
    }
    validateNumber(prevValue.system, 'prevValue.system');
    if (prevValue.system < 0 || prevValue.system > NumberMAX_SAFE_INTEGER) {
      throw new ERR_INVALID_ARG_VALUE.RangeError('prevValue.system',
                                                 prevValue.system);
    }
  }
  binding.cpuUsage(cpuFields);
  if (prevValue) {
    return {
      user: cpuFields[0] - prevValue.user,
      system: cpuFields[1] - prevValue.system,
    };
  }
  return { user: cpuFields[0], system: cpuFields[1] };
}

const memFields = new Float64Array(5);

function memoryUsage() {
  binding.memoryUsage(memFields);
  return {
    rss: memFields[0],
    heapTotal: memFields[1],
    heapUsed: memFields[2],
    external: memFields[3],
    arrayBuffers: memFields[4],
  };
}
memoryUsage.rss = () => binding.rss();

const resourceFields = new Float64Array(16);

function resourceUsage() {
  binding.resourceUsage(resourceFields);
  return {
    userCPUTime: resourceFields[0],
    systemCPUTime: resourceFields[1],
    maxRSS: resourceFields[2],
    sharedMemorySize: resourceFields[3],
    unsharedDataSize: resourceFields[4],
    unsharedStackSize: resourceFields[5],
    minorPageFault: resourceFields[6],
    majorPageFault: resourceFields[7],
    swappedOut: resourceFields[8],
    fsRead: resourceFields[9],
    fsWrite: resourceFields[10],
    ipcSent: resourceFields[11],
    ipcReceived: resourceFields[12],
    signalsCount: resourceFields[13],
    voluntaryContextSwitches: resourceFields[14],
    involuntaryContextSwitches: resourceFields[15],
  };
}

let signals;
function getSignals() {
  signals ??= internalBinding('constants').os.signals;
  return signals;
}

function kill(pid, sig) {
  // eslint-disable-next-line eqeqeq
  if (pid != (pid | 0)) {
    throw new ERR_INVALID_ARG_TYPE('pid', 'number', pid);
  }
  let err;
  if (sig === (sig | 0)) {
    err = binding.kill(pid, sig);
  } else {
    sig = sig || 'SIGTERM';
    const num = getSignals()[sig];
    if (num === undefined) throw new ERR_UNKNOWN_SIGNAL(sig);
    err = binding.kill(pid, num);
  }
  if (err) throw new ErrnoException(err, 'kill');
  return true;
}

// The exit code must be an integer (or a string of one), or undefined/null.
function validateExitCode(code) {
  if (code === undefined || code === null) return;
  if (typeof code === 'string' && code !== '' &&
      NumberIsInteger(+code)) {
    return;
  }
  validateInteger(code, 'code');
}

function exit(code) {
  if (arguments.length !== 0) process.exitCode = code;
  if (!process._exiting) {
    process._exiting = true;
    process.emit('exit', process.exitCode | 0);
  }
  process.reallyExit(process.exitCode | 0);
}

function umask(mask) {
  if (mask === undefined) return binding.umask(undefined);
  const { parseFileMode } = require('internal/validators');
  return binding.umask(parseFileMode(mask, 'mask'));
}

const features = ObjectFreeze({
  __proto__: null,
  inspector: false,
  debug: false,
  uv: true,
  ipv6: true,
  tls_alpn: false,
  tls_sni: false,
  tls_ocsp: false,
  tls: false,
  cached_builtins: true,
  require_module: true,
  typescript: false,
});

module.exports = {
  cpuUsage,
  exit,
  features,
  hrtime,
  hrtimeBigInt,
  kill,
  memoryUsage,
  resourceUsage,
  umask,
  validateExitCode,
  BigInt,
};
