'use strict';

// The console object V8 installs on the global object, which the
// bootstrap replaces with Node's (internal/console/global keeps it here).
// Its methods report to the inspector and print nothing: node:inspector
// hands it out as `inspector.console`.

const {
  ObjectKeys,
} = primordials;

let vmConsole;

function set(console) {
  vmConsole = console;
}

// A plain copy of its methods (an empty object when the bootstrap found
// none).
function get() {
  const copy = {};
  if (vmConsole !== null && typeof vmConsole === 'object') {
    const keys = ObjectKeys(vmConsole);
    for (let i = 0; i < keys.length; i++) copy[keys[i]] = vmConsole[keys[i]];
  }
  return copy;
}

module.exports = { get, set };
