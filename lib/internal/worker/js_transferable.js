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
// [kTransfer]() is Node's name for the transfer side of the protocol: web
// streams answer it (a locked one refuses with DataCloneError; sending one
// to another thread is not done yet, doc/status.md).

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
const kTransfer = Symbol('messaging_transfer_symbol');

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
  kTransfer,
  makeCloneable,
};
