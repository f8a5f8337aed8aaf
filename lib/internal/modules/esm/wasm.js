'use strict';

// The 'wasm' format: a WebAssembly module imported as an ES module (the
// ESM-integration proposal, as Node 24 has it). V8 10.2 has no WebAssembly
// module records, so the module is a generated source-text module: it
// imports the namespace of every module the Wasm module imports from
// (resolved by the ESM loader like any import), exports one binding per Wasm
// export and, when evaluated, instantiates the Wasm module and fills the
// bindings from the instance's exports. Exported globals are unwrapped to
// their values; a global imported from another Wasm module is passed as
// that module's WebAssembly.Global.

const {
  ArrayFrom,
  ArrayPrototypeJoin,
  ArrayPrototypeMap,
  ArrayPrototypePush,
  FunctionPrototypeCall,
  JSONStringify,
  ObjectAssign,
  ObjectGetOwnPropertyDescriptor,
  SafeSet,
  SafeWeakMap,
  StringPrototypeStartsWith,
  Symbol,
} = primordials;

const { emitExperimentalWarning, setOwnProperty } = require('internal/util');

// The namespace of an evaluated Wasm module -> its instance's exports.
const instancesByNamespace = new SafeWeakMap();

const kWasmMagic = [0x00, 0x61, 0x73, 0x6d];

// Whether the file starts with the Wasm magic bytes (an extensionless file
// in a "type": "module" scope may be Wasm).
function hasWasmMagic(filename) {
  const fs = require('fs');
  let fd;
  try {
    fd = fs.openSync(filename, 'r');
    const head = require('buffer').Buffer.alloc(4);
    if (fs.readSync(fd, head, 0, 4, 0) !== 4) return false;
    for (let i = 0; i < 4; i++) {
      if (head[i] !== kWasmMagic[i]) return false;
    }
    return true;
  } catch {
    return false;
  } finally {
    if (fd !== undefined) fs.closeSync(fd);
  }
}

let valueGetter;
function globalValueGetter() {
  valueGetter ??= ObjectGetOwnPropertyDescriptor(WebAssembly.Global.prototype,
                                                 'value').get;
  return valueGetter;
}

function isReserved(name) {
  return StringPrototypeStartsWith(name, 'wasm:') ||
    StringPrototypeStartsWith(name, 'wasm-js:');
}

// The module for the Wasm bytes `source` found at `url`.
function newWasmModule(url, source) {
  emitExperimentalWarning('Importing WebAssembly module instances');
  let compiled;
  try {
    compiled = new WebAssembly.Module(source);
  } catch (err) {
    const where = StringPrototypeStartsWith(url, 'file:') ?
      require('internal/url').fileURLToPath(url) : url;
    err.message = `${where}: ${err.message}`;
    throw err;
  }

  // The modules imported from (each once) and the global imports.
  const importModules = new SafeSet();
  const globalImports = [];
  const importDescriptors = WebAssembly.Module.imports(compiled);
  for (let i = 0; i < importDescriptors.length; i++) {
    const { module, name, kind } = importDescriptors[i];
    if (StringPrototypeStartsWith(module, 'wasm-js:')) {
      throw new WebAssembly.LinkError(
        `Invalid Wasm import "${module}" in ${url}`);
    }
    if (isReserved(name)) {
      throw new WebAssembly.LinkError(
        `Invalid Wasm import name "${module}" in ${url}`);
    }
    if (kind === 'global') ArrayPrototypePush(globalImports, { module, name });
    importModules.add(module);
  }
  const exportNames = [];
  const globalExports = new SafeSet();
  const exportDescriptors = WebAssembly.Module.exports(compiled);
  for (let i = 0; i < exportDescriptors.length; i++) {
    const { name, kind } = exportDescriptors[i];
    if (isReserved(name)) {
      throw new WebAssembly.LinkError(
        `Invalid Wasm export name "${name}" in ${url}`);
    }
    if (kind === 'global') globalExports.add(name);
    ArrayPrototypePush(exportNames, name);
  }
  const modules = ArrayFrom(importModules);

  // Every name from the Wasm module goes into the source as a JSON string
  // literal, never as code.
  const lines = ArrayPrototypeMap(modules, (module, i) =>
    `import * as $import${i} from ${JSONStringify(module)};`);
  if (exportNames.length > 0) {
    ArrayPrototypePush(lines, `let ${ArrayPrototypeJoin(
      ArrayPrototypeMap(exportNames, (_, i) => `$export${i}`), ', ')};`);
  }
  ArrayPrototypePush(lines, `export { ${ArrayPrototypeJoin(
    ArrayPrototypeMap(exportNames,
                      (name, i) => `$export${i} as ${JSONStringify(name)}`),
    ', ')} };`);
  ArrayPrototypePush(lines, `[${ArrayPrototypeJoin(
    ArrayPrototypeMap(exportNames, (_, i) => `$export${i}`), ', ')}] = ` +
    `import.meta.instantiate([${ArrayPrototypeJoin(
      ArrayPrototypeMap(modules, (_, i) => `$import${i}`), ', ')}]);`);

  const { ModuleWrap } = internalBinding('module_wrap');
  const importId = Symbol(url);
  const wrap = new ModuleWrap(url, ArrayPrototypeJoin(lines, '\n'), 0, 0,
                              undefined, undefined, importId);
  setOwnProperty(wrap, 'url', url);

  // Runs once, when the generated module evaluates.
  function instantiate(namespaces) {
    const importObject = { __proto__: null };
    for (let i = 0; i < modules.length; i++) {
      let namespace = namespaces[i];
      const exports = instancesByNamespace.get(namespace);
      if (exports !== undefined) {
        // A Wasm module's global is imported as its WebAssembly.Global.
        namespace = ObjectAssign({ __proto__: null }, namespace);
        for (let j = 0; j < globalImports.length; j++) {
          const { module, name } = globalImports[j];
          if (module === modules[i]) namespace[name] = exports[name];
        }
      }
      importObject[modules[i]] = namespace;
    }
    // V8 10.2 aborts on a v128 WebAssembly.Global import (it has no JS
    // value to read, which is how it shows).
    for (let i = 0; i < globalImports.length; i++) {
      const { module, name } = globalImports[i];
      const value = importObject[module][name];
      if (!(value instanceof WebAssembly.Global)) continue;
      try {
        FunctionPrototypeCall(globalValueGetter(), value);
      } catch {
        throw new WebAssembly.LinkError(
          `Importing the v128 global "${name}" from "${module}" is not ` +
          `supported in ${url}`);
      }
    }
    const { exports } = new WebAssembly.Instance(compiled, importObject);
    instancesByNamespace.set(wrap.getNamespace(), exports);
    return ArrayPrototypeMap(exportNames, (name) => {
      const value = exports[name];
      if (!globalExports.has(name)) return value;
      try {
        return value.value;
      } catch {
        // A v128 global has no JS value.
        return undefined;
      }
    });
  }
  require('internal/vm/callbacks').registerImportId(importId, {
    __proto__: null,
    referrer: wrap,
    importModuleDynamically: undefined,
    initializeImportMeta(meta) {
      meta.instantiate = instantiate;
    },
  });
  return wrap;
}

module.exports = {
  hasWasmMagic,
  newWasmModule,
};
