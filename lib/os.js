'use strict';

// node:os: facts about the machine, from libuv through
// internalBinding('os'); the objects are built here from flat arrays.

const {
  ArrayPrototypePush,
  Float64Array,
  ReflectApply,
  ObjectDefineProperties,
  ObjectFreeze,
  StringPrototypeSlice,
  SymbolToPrimitive,
} = primordials;

const binding = internalBinding('os');
const {
  codes: { ERR_SYSTEM_ERROR },
  hideStackFrames,
} = require('internal/errors');

// Calls binding[name] with a context object last; a failure fills the
// context and becomes Node's ERR_SYSTEM_ERROR ("A system error occurred:
// uv_os_gethostname returned ..."). The function is looked up at call time.
function callChecked(name, ...args) {
  const ctx = {};
  ArrayPrototypePush(args, ctx);
  const ret = ReflectApply(binding[name], binding, args);
  if (ret === undefined || ctx.code !== undefined) {
    throw new ERR_SYSTEM_ERROR(ctx);
  }
  return ret;
}
const checked = (name) => hideStackFrames(function() {
  return callChecked(name);
});
const { os: constants } = internalBinding('constants');
const {
  validateInt32,
  validateObject,
} = require('internal/validators');

const loadavgFields = new Float64Array(3);

function loadavg() {
  binding.getLoadAvg(loadavgFields);
  return [loadavgFields[0], loadavgFields[1], loadavgFields[2]];
}

function cpus() {
  const data = binding.getCPUs() || [];
  const result = [];
  for (let i = 0; i < data.length; i += 7) {
    ArrayPrototypePush(result, {
      model: data[i],
      speed: data[i + 1],
      times: {
        user: data[i + 2],
        nice: data[i + 3],
        sys: data[i + 4],
        idle: data[i + 5],
        irq: data[i + 6],
      },
    });
  }
  return result;
}

function arch() { return process.arch; }
function platform() { return process.platform; }

let osInfo;
function getOSInformation() {
  osInfo ??= callChecked('getOSInformation');
  return osInfo;
}

function type() { return getOSInformation()[0]; }
function version() { return getOSInformation()[1]; }
function release() { return getOSInformation()[2]; }
function machine() { return getOSInformation()[3]; }
const getHostname = checked('getHostname');
const getUptime = checked('getUptime');
const getHomeDirectory = checked('getHomeDirectory');
function hostname() { return getHostname(); }
function uptime() { return getUptime(); }
function totalmem() { return binding.getTotalMem(); }
function freemem() { return binding.getFreeMem(); }
function availableParallelism() { return binding.getAvailableParallelism(); }
function homedir() { return getHomeDirectory(); }

// Each returns its value when coerced, as Node's do.
for (const fn of [arch, platform, type, version, release, machine, hostname,
  uptime, totalmem, freemem, homedir, availableParallelism]) {
  fn[SymbolToPrimitive] = () => fn();
}

function tmpdir() {
  let path = process.env.TMPDIR || process.env.TMP || process.env.TEMP ||
    '/tmp';
  if (path.length > 1 && path[path.length - 1] === '/') {
    path = StringPrototypeSlice(path, 0, -1);
  }
  return path;
}
tmpdir[SymbolToPrimitive] = () => tmpdir();

function endianness() { return 'LE'; }
endianness[SymbolToPrimitive] = () => 'LE';

// Node's netmask-to-CIDR conversion: the count of leading one bits.
function getCIDR(address, netmask, family) {
  let ones = 0;
  let split = '.';
  let range = 10;
  let groupLength = 8;
  let hasZeros = false;
  let lastPos = 0;
  if (family === 'IPv6') {
    split = ':';
    range = 16;
    groupLength = 16;
  }
  for (let i = 0; i < netmask.length; i++) {
    if (netmask[i] !== split) {
      if (i + 1 < netmask.length) continue;
      i++;
    }
    const part = StringPrototypeSlice(netmask, lastPos, i);
    lastPos = i + 1;
    if (part !== '') {
      if (hasZeros) {
        if (part !== '0') return null;
      } else {
        const binary = parseInt(part, range).toString(2);
        const binaryOnes = countBinaryOnes(binary);
        ones += binaryOnes;
        if (binaryOnes !== groupLength) {
          if (StringPrototypeSlice(binary, 0, binaryOnes) !==
              '1'.repeat(binaryOnes) || binaryOnes !== binary.length &&
              /1/.test(StringPrototypeSlice(binary, binaryOnes))) {
            return null;
          }
          hasZeros = true;
        }
      }
    }
  }
  return `${address}/${ones}`;
}

function countBinaryOnes(binary) {
  let n = 0;
  while (n < binary.length && binary[n] === '1') n++;
  return n;
}

function networkInterfaces() {
  const data = callChecked('getInterfaceAddresses');
  const result = { __proto__: null };
  for (let i = 0; i < data.length; i += 7) {
    const name = data[i];
    const entry = {
      address: data[i + 1],
      netmask: data[i + 2],
      family: data[i + 3],
      mac: data[i + 4],
      internal: data[i + 5],
      cidr: getCIDR(data[i + 1], data[i + 2], data[i + 3]),
    };
    if (entry.family === 'IPv6') entry.scopeid = data[i + 6];
    result[name] ??= [];
    ArrayPrototypePush(result[name], entry);
  }
  const out = {};
  for (const name in result) out[name] = result[name];
  return out;
}

function setPriority(pid, priority) {
  if (priority === undefined) {
    priority = pid;
    pid = 0;
  }
  validateInt32(pid, 'pid');
  validateInt32(priority, 'priority', -20, 19);
  const ctx = {};
  binding.setPriority(pid, priority, ctx);
  if (ctx.code !== undefined) throw new ERR_SYSTEM_ERROR(ctx);
}

function getPriority(pid) {
  if (pid === undefined) pid = 0;
  else validateInt32(pid, 'pid');
  return callChecked('getPriority', pid);
}

function userInfo(options) {
  if (options !== undefined) validateObject(options, 'options');
  const [uid, gid, username, homedir, shell] =
    callChecked('getUserInfo', options);
  let result = { uid, gid, username, homedir, shell };
  if (options?.encoding === 'buffer') {
    const { Buffer } = require('buffer');
    result = {
      uid, gid,
      username: Buffer.from(username),
      homedir: Buffer.from(homedir),
      shell: shell === null ? null : Buffer.from(shell),
    };
  }
  return result;
}

module.exports = {
  arch,
  availableParallelism,
  cpus,
  endianness,
  freemem,
  getPriority,
  homedir,
  hostname,
  loadavg,
  networkInterfaces,
  platform,
  release,
  setPriority,
  tmpdir,
  totalmem,
  type,
  userInfo,
  uptime,
  version,
  machine,
};

ObjectDefineProperties(module.exports, {
  constants: {
    __proto__: null, configurable: false, enumerable: true,
    value: ObjectFreeze(constants),
  },
  EOL: {
    __proto__: null, configurable: true, enumerable: true, writable: false,
    value: '\n',
  },
  devNull: {
    __proto__: null, configurable: true, enumerable: true, writable: false,
    value: '/dev/null',
  },
});
