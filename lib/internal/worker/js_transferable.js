'use strict';

// Objects of lib/ that postMessage() and structuredClone() clone as what
// they are (KeyObject, CryptoKey, X509Certificate) rather than as plain
// objects. Such a class makes its instances with makeCloneable(new.target):
// they come from the messaging binding's `Cloneable` constructor, so V8's
// serializer hands them to lode's delegate as host objects. The delegate
// calls cloneHostObject(object), which asks `object[kClone]()` for
// `{ data, deserializeInfo }`: `data` is serialized in the object's place
// (it may hold other such objects), `deserializeInfo` is
// 'internal/module/id:exportName', the function that makes the copy from
// the data on the receiving side (deserializeHostObject).
// Node's other names of the protocol are here too: [kTransfer]() (web
// streams answer it: a locked one refuses with DataCloneError, sending one
// to another thread is not done yet, doc/status.md), [kDeserialize](data),
// and markTransferMode(), which records whether an object may be cloned,
// transferred, or neither.

const {
  FunctionPrototypeCall,
  ReflectConstruct,
  StringPrototypeIndexOf,
  StringPrototypeSlice,
  StringPrototypeStartsWith,
  Symbol,
} = primordials;

const binding = internalBinding('messaging');
const { Cloneable } = binding;

const kClone = Symbol('kClone');
const kDeserialize = Symbol('messaging_deserialize_symbol');
const kTransfer = Symbol('messaging_transfer_symbol');
const kTransferList = Symbol('messaging_transfer_list_symbol');
const kTransferMode = Symbol('transfer_mode_private_symbol');

const kDisallowCloneAndTransfer = 0;
const kTransferable = 1;
const kCloneable = 2;

function markTransferMode(obj, cloneable = false, transferable = false) {
  if ((typeof obj !== 'object' && typeof obj !== 'function') || obj === null) {
    return;  // Primitives are cloned as they are.
  }
  let mode = kDisallowCloneAndTransfer;
  if (cloneable) mode |= kCloneable;
  if (transferable) mode |= kTransferable;
  obj[kTransferMode] = mode;
}

function structuredClone(value, options) {
  return require('internal/structured_clone').structuredClone(value, options);
}

function makeCloneable(newTarget) {
  return ReflectConstruct(Cloneable, [], newTarget);
}

function cloneHostObject(object) {
  const clone = object[kClone];
  if (typeof clone !== 'function') return undefined;
  const { data, deserializeInfo } = FunctionPrototypeCall(clone, object);
  return [deserializeInfo, data];
}

function deserializeHostObject(info, data) {
  const colon = StringPrototypeIndexOf(info, ':');
  const id = StringPrototypeSlice(info, 0, colon);
  const name = StringPrototypeSlice(info, colon + 1);
  if (colon < 0 || !StringPrototypeStartsWith(id, 'internal/')) {
    return undefined;
  }
  const make = require(id)[name];
  if (typeof make !== 'function') return undefined;
  return make(data);
}

binding.cloneHostObject = cloneHostObject;
binding.deserializeHostObject = deserializeHostObject;

module.exports = {
  kClone,
  kDeserialize,
  kTransfer,
  kTransferList,
  kTransferMode,
  kDisallowCloneAndTransfer,
  kTransferable,
  kCloneable,
  makeCloneable,
  markTransferMode,
  structuredClone,
};
