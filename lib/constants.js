'use strict';

// node:constants (deprecated, DEP0008): the os, fs and crypto constants in
// one frozen object, as older packages (graceful-fs, say) still read them.

const {
  ObjectAssign,
  ObjectFreeze,
} = primordials;

const { os, fs, crypto } = internalBinding('constants');

ObjectAssign(exports,
             os.dlopen,
             os.errno,
             os.priority,
             os.signals,
             fs,
             crypto);
ObjectFreeze(exports);
