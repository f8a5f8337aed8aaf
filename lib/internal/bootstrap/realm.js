'use strict';

// The second bootstrap stage, compiled as a function of
// (process, getInternalBinding, primordials). It builds internalBinding() and
// the loader of the lib/ modules embedded in the binary, and returns the
// loader's require, which C++ uses to run the later stages.

/* global process, getInternalBinding, primordials */

const {
  ArrayPrototypeFilter,
  ArrayPrototypeMap,
  ObjectDefineProperty,
  ObjectFreeze,
  ReflectApply,
  SafeMap,
  SafeSet,
  StringPrototypeSlice,
  StringPrototypeStartsWith,
} = primordials;

const bindingCache = { __proto__: null };

function internalBinding(name) {
  let binding = bindingCache[name];
  if (binding === undefined) {
    binding = getInternalBinding(name);
    bindingCache[name] = binding;
  }
  return binding;
}

const {
  builtinIds,
  compileFunction,
} = internalBinding('builtins');

const builtinIdSet = new SafeSet(builtinIds);

// Modules that exist only with the node: scheme (require('node:test')).
const schemeOnlyModules = new SafeSet([
  'sea', 'sqlite', 'test', 'test/reporters',
]);

// Builtins that exist but are not exposed to users: internals, the
// bootstrap itself, and the deps folder.
function isInternalId(id) {
  return StringPrototypeStartsWith(id, 'internal/');
}

let exposeInternals = false;

// Modules most of whose functions every program calls (loading the main
// script, console.log, process.nextTick, stdout): compiled whole when
// loaded, so that the startup snapshot holds the bytecode of all their
// functions and a start compiles none of them on first call. (V8 compiles
// the other modules' functions on their first call only, parsing again.)
const eagerlyCompiled = new SafeSet([
  'internal/modules/cjs/loader',
  'internal/streams/writable',
  'internal/process/task_queues',
  'internal/fixed_queue',
  'path',
  'internal/console/constructor',
  'internal/process/pre_execution',
  'internal/modules/esm/loader',
  'internal/process/stdio',
  'internal/fs/sync_write_stream',
  'internal/streams/state',
  'internal/process/promises',
  'internal/modules/helpers',
  'internal/modules/esm/hooks',
  'internal/modules/customization_hooks',
  'internal/options',
  'internal/streams/legacy',
  'internal/streams/destroy',
  'events',
]);

class BuiltinModule {
  static map = new SafeMap();

  constructor(id) {
    this.id = id;
    this.filename = `${id}.js`;
    this.exports = {};
    this.loaded = false;
    this.loading = false;
    this.canBeRequiredByUsers = !isInternalId(id);
  }

  static exists(id) {
    return builtinIdSet.has(id);
  }

  static exposeInternals() {
    exposeInternals = true;
  }

  static canBeRequiredByUsers(id) {
    if (!builtinIdSet.has(id)) return false;
    // The loader itself stays hidden even with --expose-internals.
    if (id === 'internal/bootstrap/realm') return false;
    return exposeInternals || !isInternalId(id);
  }

  static canBeRequiredWithoutScheme(id) {
    return BuiltinModule.canBeRequiredByUsers(id) &&
      !schemeOnlyModules.has(id);
  }

  static getSchemeOnlyModuleNames() {
    return [...schemeOnlyModules];
  }

  // The list behind module.builtinModules: public ids without a scheme.
  static getCanBeRequiredByUsersWithoutSchemeList() {
    return ArrayPrototypeFilter(builtinIds, (id) =>
      !isInternalId(id) && !schemeOnlyModules.has(id));
  }

  static getAllBuiltinModuleIds() {
    return [
      ...BuiltinModule.getCanBeRequiredByUsersWithoutSchemeList(),
      ...ArrayPrototypeMap([...schemeOnlyModules], (id) => `node:${id}`),
    ];
  }

  // 'node:fs' -> 'fs'; undefined when not a builtin users may load.
  static normalizeRequirableId(id) {
    if (StringPrototypeStartsWith(id, 'node:')) {
      const normalized = StringPrototypeSlice(id, 5);
      if (BuiltinModule.canBeRequiredByUsers(normalized)) return normalized;
    } else if (BuiltinModule.canBeRequiredWithoutScheme(id)) {
      return id;
    }
    return undefined;
  }

  static isBuiltin(id) {
    return BuiltinModule.normalizeRequirableId(`${id}`) !== undefined ||
      (StringPrototypeStartsWith(`${id}`, 'node:') &&
       schemeOnlyModules.has(StringPrototypeSlice(`${id}`, 5)));
  }

  // Runs the module once and returns its exports.
  compileForInternalLoader() {
    if (this.loaded || this.loading) return this.exports;
    this.loading = true;
    try {
      const fn = compileFunction(this.id, eagerlyCompiled.has(this.id));
      const require = StringPrototypeStartsWith(this.id, 'internal/deps/') ?
        requireForDeps : requireBuiltin;
      ReflectApply(fn, undefined, [this.exports, require, this,
                                   process, internalBinding, primordials]);
      this.loaded = true;
    } finally {
      this.loading = false;
    }
    return this.exports;
  }

  // For require() from user code.
  compileForPublicLoader() {
    if (!BuiltinModule.canBeRequiredByUsers(this.id)) {
      throw new Error(`Should not compile ${this.id} for public use`);
    }
    this.compileForInternalLoader();
    return this.exports;
  }
}

function requireBuiltin(id) {
  let mod = BuiltinModule.map.get(id);
  if (mod === undefined) {
    if (!builtinIdSet.has(id)) {
      // Only core code calls this, with fixed ids: a typo is a bug in lode.
      throw new Error(`No such built-in module: ${id}`);
    }
    mod = new BuiltinModule(id);
    BuiltinModule.map.set(id, mod);
  }
  return mod.compileForInternalLoader();
}

// What the embedded npm packages (internal/deps/...) require: a builtin,
// named with or without the node: scheme, or another embedded package.
function requireForDeps(id) {
  if (StringPrototypeStartsWith(id, 'node:')) id = StringPrototypeSlice(id, 5);
  if (!builtinIdSet.has(id)) id = `internal/deps/${id}`;
  return requireBuiltin(id);
}

// This stage is itself reachable as a module.
{
  const self = new BuiltinModule('internal/bootstrap/realm');
  self.exports = ObjectFreeze({
    __proto__: null,
    BuiltinModule,
    internalBinding,
    require: requireBuiltin,
  });
  self.loaded = true;
  BuiltinModule.map.set(self.id, self);
}

// Let Node's own tests reach `process.binding`-era names through
// internalBinding only with --expose-internals (set up in bootstrap/node).
ObjectDefineProperty(requireBuiltin, 'builtinIds', {
  __proto__: null, value: builtinIds, enumerable: false,
});

return requireBuiltin;
