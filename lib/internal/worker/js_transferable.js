'use strict';

// The protocol by which an object says how it crosses a MessagePort:
// [kClone]() / [kTransfer]() describe it ({ data, deserializeInfo }),
// [kDeserialize](data) rebuilds it on the other side, and markTransferMode()
// records whether it may be cloned, transferred, or neither. lode's web
// streams answer [kTransfer]() (a locked one refuses with DataCloneError);
// sending one to another thread is not done yet (doc/status.md).

const {
  Symbol,
} = primordials;

const kClone = Symbol('messaging_clone_symbol');
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

module.exports = {
  markTransferMode,
  structuredClone,
  kClone,
  kDeserialize,
  kTransfer,
  kTransferList,
  kTransferMode,
  kDisallowCloneAndTransfer,
  kTransferable,
  kCloneable,
};
