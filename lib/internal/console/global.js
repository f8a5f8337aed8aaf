'use strict';

// The global `console`. It is not a Console instance: it is a plain object
// (whose prototype is an empty object) holding Console.prototype's methods
// bound to it, so `const { log } = console` works. Its streams are
// process.stdout and process.stderr, read on first use because those are
// lazy getters. `console instanceof Console` still holds, through
// Console[Symbol.hasInstance].

const {
  FunctionPrototypeBind,
  ObjectDefineProperty,
  ObjectKeys,
  ObjectPrototypeHasOwnProperty,
  ReflectDefineProperty,
  ReflectGetOwnPropertyDescriptor,
  ReflectOwnKeys,
} = primordials;

const {
  Console,
  kBindStreamsLazy,
  kBindProperties,
} = require('internal/console/constructor');

// The console V8 installed on the global object, if it is still there. It
// carries the methods only an inspector implements (profile, timeStamp, ...).
// Only a data property is read: once bootstrap has replaced it with a lazy
// getter, reading it here would re-enter this module.
const vmConsole =
  ReflectGetOwnPropertyDescriptor(globalThis, 'console')?.value;
require('internal/console/vm_console').set(vmConsole);

const globalConsole = { __proto__: {} };

{
  const keys = ReflectOwnKeys(Console.prototype);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (key === 'constructor') continue;
    const desc = ReflectGetOwnPropertyDescriptor(Console.prototype, key);
    if (typeof desc.value === 'function') {
      // Keep the function's own name ('log' for dirxml, as Node does before
      // the renaming below).
      const name = desc.value.name;
      desc.value = FunctionPrototypeBind(desc.value, globalConsole);
      ReflectDefineProperty(desc.value, 'name', {
        __proto__: null,
        value: name,
      });
    }
    ReflectDefineProperty(globalConsole, key, desc);
  }
}

globalConsole[kBindProperties](true, 'auto');

// A legacy feature: the class is reachable as console.Console.
globalConsole.Console = Console;

// Node merges its console with V8's (through the inspector): each public
// method V8's console also has becomes a call-through to both (V8's first,
// which reports to the inspector's sessions when there are any; native, so
// the stack trace V8 reports starts in the caller), named after its key
// ('dirxml', not 'log') and of length 0. The methods only V8's console has
// (profile, profileEnd, timeStamp, context, createTask) are copied over as
// they are, when V8's console is still reachable.
{
  const { consoleCall } = internalBinding('inspector');
  const keys = ObjectKeys(Console.prototype);
  for (let i = 0; i < keys.length; i++) {
    let fn = globalConsole[keys[i]];
    const vmMethod = vmConsole !== null && typeof vmConsole === 'object' ?
      vmConsole[keys[i]] : undefined;
    if (typeof vmMethod === 'function') {
      fn = FunctionPrototypeBind(consoleCall, globalConsole, vmMethod, fn);
      globalConsole[keys[i]] = fn;
    }
    ObjectDefineProperty(fn, 'name', { __proto__: null, value: keys[i] });
    ObjectDefineProperty(fn, 'length', { __proto__: null, value: 0 });
  }
}
if (vmConsole !== null && typeof vmConsole === 'object') {
  const keys = ObjectKeys(vmConsole);
  for (let i = 0; i < keys.length; i++) {
    const key = keys[i];
    if (!ObjectPrototypeHasOwnProperty(globalConsole, key)) {
      globalConsole[key] = vmConsole[key];
    }
  }
}

globalConsole[kBindStreamsLazy](process);

module.exports = globalConsole;
