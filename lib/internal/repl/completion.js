'use strict';

// Tab completion for the REPL: REPL commands (`.he`), module names in
// require('...') and import('...'), paths in fs calls, and otherwise the
// names an expression can continue with: globals, keywords and the
// properties of `obj.` (found by evaluating `obj`, except when that could
// run a getter or a proxy trap).

const {
  ArrayPrototypeFilter,
  ArrayPrototypeForEach,
  ArrayPrototypeIncludes,
  ArrayPrototypeJoin,
  ArrayPrototypeMap,
  ArrayPrototypePop,
  ArrayPrototypePush,
  ArrayPrototypePushApply,
  ArrayPrototypeShift,
  ArrayPrototypeSlice,
  ArrayPrototypeSome,
  ArrayPrototypeSort,
  ArrayPrototypeUnshift,
  ObjectGetOwnPropertyDescriptor,
  ObjectGetPrototypeOf,
  ObjectKeys,
  ReflectApply,
  RegExpPrototypeExec,
  SafeSet,
  StringPrototypeCodePointAt,
  StringPrototypeEndsWith,
  StringPrototypeIncludes,
  StringPrototypeSlice,
  StringPrototypeSplit,
  StringPrototypeStartsWith,
  StringPrototypeToLocaleLowerCase,
  StringPrototypeTrimStart,
} = primordials;

const path = require('path');
const fs = require('fs');
const { isProxy } = require('internal/util/types');
const {
  constants: { ALL_PROPERTIES, SKIP_SYMBOLS },
  getOwnNonIndexProperties,
} = internalBinding('util');

let acornModule;
let acornWalk;
function acorn() {
  acornModule ??= require('internal/deps/acorn/acorn/dist/acorn');
  return acornModule;
}
function parseModule(code) {
  return acorn().parse(code, {
    __proto__: null, sourceType: 'module', ecmaVersion: 'latest',
  });
}

const kRequireRE =
  /\brequire\s*\(\s*['"`](([\w@./:-]+\/)?(?:[\w@./:-]*))(?![^'"`])$/;
const kImportRE =
  /\bimport\s*\(\s*['"`](([\w@./:-]+\/)?(?:[\w@./:-]*))(?![^'"`])$/;
const kFsCallRE = /fs(?:\.promises)?\.\s*[a-z][a-zA-Z]+\(\s*["'](.*)/;
// npm's versioned folders (name-1.2) are left out.
const kVersionedRE = /-\d+\.\d+/;
// Extensions import() can load (as Node 24's ESM loader knows them).
const kImportExtensions = [
  '.cjs', '.js', '.json', '.mjs', '.wasm', '.ts', '.mts', '.cts',
];
// Words offered when completing a bare name that are not globals.
const kKeywords = [
  'async', 'await', 'break', 'case', 'catch', 'const', 'continue',
  'debugger', 'default', 'delete', 'do', 'else', 'export', 'false',
  'finally', 'for', 'function', 'if', 'import', 'in', 'instanceof', 'let',
  'new', 'null', 'return', 'switch', 'this', 'throw', 'true', 'try',
  'typeof', 'var', 'void', 'while', 'with', 'yield',
];

function isIdentifier(name) {
  if (name === '') return false;
  const { isIdentifierStart, isIdentifierChar } = acorn();
  const first = StringPrototypeCodePointAt(name, 0);
  if (!isIdentifierStart(first)) return false;
  for (let i = first > 0xffff ? 2 : 1; i < name.length; i++) {
    const cp = StringPrototypeCodePointAt(name, i);
    if (!isIdentifierChar(cp)) return false;
    if (cp > 0xffff) i++;
  }
  return true;
}

const kLegacyAccessorMethods = new SafeSet([
  '__defineGetter__', '__defineSetter__', '__lookupGetter__',
  '__lookupSetter__',
]);

// Own string-keyed, non-index property names usable after a dot; on
// Object.prototype without the legacy accessor methods.
function completableNames(object) {
  if (!object) return [];
  let objectPrototype = false;
  if (ObjectGetPrototypeOf(object) === null) {
    const ctor = ObjectGetOwnPropertyDescriptor(object, 'constructor');
    if (ctor?.value) {
      const ctorProto = ObjectGetPrototypeOf(ctor.value);
      objectPrototype = ctorProto && ObjectGetPrototypeOf(ctorProto) === object;
    }
  }
  const names = getOwnNonIndexProperties(object, ALL_PROPERTIES | SKIP_SYMBOLS);
  return ArrayPrototypeFilter(names, (name) => isIdentifier(name) &&
    !(objectPrototype && kLegacyAccessorMethods.has(name)));
}

function readdir(dir, options) {
  try {
    return fs.readdirSync(dir, options);
  } catch {
    return undefined;
  }
}

// Modules and folders under `dirs` (each joined with `subdir`) that
// require() can load.
function requireCandidates(completeOn, subdir, modulePaths, globalPaths,
                           extensions) {
  const indexes = ArrayPrototypeMap(extensions, (ext) => `index${ext}`);
  ArrayPrototypePush(indexes, 'package.json', 'index');
  let group = [];
  let dirs = [];
  if (completeOn === '.') {
    group = ['./', '../'];
  } else if (completeOn === '..') {
    group = ['../'];
  } else if (RegExpPrototypeExec(/^\.\.?\//, completeOn) !== null) {
    dirs = [process.cwd()];
  } else {
    ArrayPrototypePushApply(dirs, modulePaths);
    ArrayPrototypePushApply(dirs, globalPaths);
  }
  for (let d = 0; d < dirs.length; d++) {
    const dir = path.resolve(dirs[d], subdir);
    const entries = readdir(dir, { withFileTypes: true }) || [];
    for (let e = 0; e < entries.length; e++) {
      const entry = entries[e];
      const name = entry.name;
      if (RegExpPrototypeExec(kVersionedRE, name) !== null ||
          name === '.npm') {
        continue;
      }
      const ext = path.extname(name);
      const base = StringPrototypeSlice(name, 0, -ext.length);
      if (!entry.isDirectory()) {
        if (StringPrototypeIncludes(extensions, ext) &&
            (!subdir || base !== 'index')) {
          ArrayPrototypePush(group, `${subdir}${base}`);
        }
        continue;
      }
      ArrayPrototypePush(group, `${subdir}${name}/`);
      const inside = readdir(path.resolve(dir, name)) || [];
      if (ArrayPrototypeSome(inside,
                             (file) => ArrayPrototypeIncludes(indexes, file))) {
        ArrayPrototypePush(group, `${subdir}${name}`);
      }
    }
  }
  return group;
}

// Files and folders import() can load.
function importCandidates(completeOn, subdir, modulePaths) {
  const indexes = ArrayPrototypeMap(kImportExtensions, (ext) => `index${ext}`);
  ArrayPrototypePush(indexes, 'package.json');
  let group = [];
  let dirs = [];
  if (completeOn === '.') {
    group = ['./', '../'];
  } else if (completeOn === '..') {
    group = ['../'];
  } else if (RegExpPrototypeExec(/^\.\.?\//, completeOn) !== null) {
    dirs = [process.cwd()];
  } else {
    dirs = ArrayPrototypeSlice(modulePaths);
  }
  for (let d = 0; d < dirs.length; d++) {
    const dir = path.resolve(dirs[d], subdir);
    const inNodeModules = path.basename(dir) === 'node_modules';
    const entries = readdir(dir, { withFileTypes: true }) || [];
    for (let e = 0; e < entries.length; e++) {
      const entry = entries[e];
      const name = entry.name;
      if (RegExpPrototypeExec(kVersionedRE, name) !== null ||
          name === '.npm') {
        continue;
      }
      if (!entry.isDirectory()) {
        if (StringPrototypeIncludes(kImportExtensions, path.extname(name))) {
          ArrayPrototypePush(group, `${subdir}${name}`);
        }
        continue;
      }
      ArrayPrototypePush(group, `${subdir}${name}/`);
      if (!subdir && inNodeModules) {
        const inside = readdir(path.resolve(dir, name)) || [];
        if (ArrayPrototypeSome(
          inside, (file) => ArrayPrototypeIncludes(indexes, file))) {
          ArrayPrototypePush(group, `${subdir}${name}`);
        }
      }
    }
  }
  return group;
}

// Entries of the folder an fs call's path argument points into.
function fsPathCandidates(match) {
  let base = '';
  let dir = match[1];
  let entries = readdir(dir, { withFileTypes: true });
  if (!entries) {
    base = path.basename(dir);
    dir = path.dirname(dir);
    entries = readdir(dir, { withFileTypes: true }) || [];
  }
  const matching = ArrayPrototypeFilter(
    entries, (entry) => StringPrototypeStartsWith(entry.name, base));
  const names = ArrayPrototypeMap(matching, (entry) => entry.name);
  return [[names], base];
}

// The part of `code` to complete: the expression at its end (`obj.b` in
// `const a = obj.b`), or null when there is nothing to complete or
// evaluating it could have side effects.
function findCompleteTarget(code) {
  if (!code) return null;
  if (code[code.length - 1] === '.') {
    if (code[code.length - 2] === '?') {
      const target = findCompleteTarget(StringPrototypeSlice(code, 0, -2));
      return target ? `${target}?.` : target;
    }
    const target = findCompleteTarget(StringPrototypeSlice(code, 0, -1));
    return target ? `${target}.` : target;
  }

  let ast;
  try {
    ast = parseModule(code);
  } catch {
    // Unfinished code (`{ a: obj.te`): try its last word alone.
    const words = StringPrototypeSplit(code, ' ');
    if (words.length > 1) return findCompleteTarget(words[words.length - 1]);
    return null;
  }

  const last = ast.body[ast.body.length - 1];
  if (!last || last.type === 'BlockStatement') return null;
  const sliceOf = (node) => StringPrototypeSlice(code, node.start, node.end);
  if (last.type === 'ExpressionStatement' && last.expression.right) {
    return findCompleteTarget(sliceOf(last.expression.right));
  }
  if (last.type === 'VariableDeclaration') {
    const init = last.declarations[last.declarations.length - 1].init;
    return init ? findCompleteTarget(sliceOf(init)) : null;
  }
  if (last.type === 'ExpressionStatement' &&
      last.expression.type === 'UnaryExpression' &&
      last.expression.argument) {
    return findCompleteTarget(sliceOf(last.expression.argument));
  }

  acornWalk ??= require('internal/deps/acorn/acorn-walk/dist/walk');
  let sideEffectFree = true;
  const refuse = () => { sideEffectFree = false; };
  acornWalk.simple(last, {
    ForInStatement: refuse,
    ForOfStatement: refuse,
    CallExpression: refuse,
    AssignmentExpression: refuse,
    UpdateExpression: refuse,
  });
  return sideEffectFree ? sliceOf(last) : null;
}

// Calls done(true) when evaluating the member expression `expr` (whose
// source is `source`) could run a getter or go through a proxy; otherwise
// done(false, value of the expression).
function involvesGettersOrProxies(expr, source, evaluate, context, done) {
  if (expr?.type !== 'MemberExpression') return done(false);

  const isProxyProperty = (object, key) => {
    try {
      return isProxy(object[key]);
    } catch {
      return false;
    }
  };
  const hasGetter = (object, key) => {
    const descriptor = ObjectGetOwnPropertyDescriptor(object, `${key}`);
    return typeof descriptor?.get === 'function';
  };
  // Whether reading `property` (an AST node) of `object` runs a getter or
  // yields a proxy.
  const checkProperty = (object, property, cb) => {
    if (!object || !property) return cb(false);
    if (property.type === 'Literal') {
      return cb(isProxyProperty(object, property.value) ||
                hasGetter(object, property.value));
    }
    if (property.type === 'Identifier' && source[property.start - 1] === '.') {
      return cb(isProxyProperty(object, property.name) ||
                hasGetter(object, property.name));
    }
    // A computed key: its expression is evaluated to learn the key.
    evaluate(`try { ${StringPrototypeSlice(source, property.start,
                                           property.end)} } catch {} `,
             context, (err, key) => {
               if (err) return done(false);
               if (typeof key === 'string') {
                 return cb(isProxyProperty(object, key) ||
                           hasGetter(object, key));
               }
               return done(false);
             });
  };

  if (expr.object.type === 'MemberExpression') {
    return involvesGettersOrProxies(
      expr.object, StringPrototypeSlice(source, 0, expr.object.end),
      evaluate, context, (involves, value) => {
        if (involves || isProxy(value)) return done(true);
        return checkProperty(value, expr.property, (found) => done(found));
      });
  }
  if (expr.object.type === 'Identifier') {
    return evaluate(`try { ${expr.object.name} } catch {}`, context,
                    (err, object) => {
                      if (err) return done(false);
                      if (isProxy(object)) return done(true);
                      return checkProperty(object, expr.property, (found) => {
                        if (found) return done(true);
                        evaluate(`try { ${source} } catch {} `, context,
                                 (err, value) => {
                                   if (err) return done(false);
                                   return done(false, value);
                                 });
                      });
                    });
  }
  return done(false);
}

// Sorts each group, drops duplicates across groups (the first group wins)
// and joins them with '' between groups, the first group last.
function mergeGroups(groups) {
  const merged = [];
  const seen = new SafeSet();
  seen.add('');
  for (let g = 0; g < groups.length; g++) {
    const group = groups[g];
    ArrayPrototypeSort(group, (a, b) => (b > a ? 1 : -1));
    const before = seen.size;
    for (let i = 0; i < group.length; i++) {
      const entry = group[i];
      if (!seen.has(entry)) {
        ArrayPrototypeUnshift(merged, entry);
        seen.add(entry);
      }
    }
    if (seen.size !== before) ArrayPrototypeUnshift(merged, '');
  }
  if (merged[0] === '') ArrayPrototypeShift(merged);
  return merged;
}

function filterGroups(groups, filter) {
  const lower = StringPrototypeToLocaleLowerCase(filter);
  const kept = [];
  for (let g = 0; g < groups.length; g++) {
    const group = groups[g];
    const matching = ArrayPrototypeFilter(group, (entry) =>
      StringPrototypeStartsWith(StringPrototypeToLocaleLowerCase(entry),
                                lower));
    if (matching.length) ArrayPrototypePush(kept, matching);
  }
  return kept;
}

// The completer: callback(null, [completions, completedPart]).
// `repl` gives commands, context, eval, allowBlockingCompletions and the
// names of globals; `env` the module lists and lexical names.
function complete(repl, env, line, callback) {
  let groups = [];
  let completeOn;
  let filter = '';
  line = StringPrototypeTrimStart(line);

  const finish = () => {
    if (groups.length && filter) groups = filterGroups(groups, filter);
    callback(null, [mergeGroups(groups), completeOn]);
  };

  let match;
  if ((match = RegExpPrototypeExec(/^\s*\.(\w*)$/, line)) !== null) {
    ArrayPrototypePush(groups, ObjectKeys(repl.commands));
    completeOn = match[1];
    if (completeOn.length) filter = completeOn;
    return finish();
  }
  if ((match = RegExpPrototypeExec(kRequireRE, line)) !== null) {
    completeOn = filter = match[1];
    if (repl.allowBlockingCompletions) {
      const found = requireCandidates(completeOn, match[2] || '',
                                      env.modulePaths(), env.globalPaths(),
                                      env.requireExtensions());
      if (found.length) ArrayPrototypePush(groups, found);
    }
    ArrayPrototypePush(groups, env.builtinLibs(), env.nodeSchemeLibs());
    return finish();
  }
  if ((match = RegExpPrototypeExec(kImportRE, line)) !== null) {
    completeOn = filter = match[1];
    if (repl.allowBlockingCompletions) {
      const found = importCandidates(completeOn, match[2] || '',
                                     env.modulePaths());
      if (found.length) ArrayPrototypePush(groups, found);
    }
    ArrayPrototypePush(groups, env.builtinLibs(), env.nodeSchemeLibs());
    return finish();
  }
  if (repl.allowBlockingCompletions &&
      (match = RegExpPrototypeExec(kFsCallRE, line)) !== null) {
    ({ 0: groups, 1: completeOn } = fsPathCandidates(match));
    return finish();
  }
  if (line.length !== 0 &&
      RegExpPrototypeExec(/\w|\.|\$/, line[line.length - 1]) === null) {
    return finish();
  }

  const target = line.length === 0 ? line : findCompleteTarget(line);
  if (line.length !== 0 && !target) return finish();
  completeOn = target;
  let expr = '';
  if (StringPrototypeEndsWith(line, '.')) {
    expr = StringPrototypeSlice(target, 0, -1);
  } else if (line.length !== 0) {
    const parts = StringPrototypeSplit(target, '.');
    filter = ArrayPrototypePop(parts);
    expr = ArrayPrototypeJoin(parts, '.');
  }

  if (!expr) {
    // A bare name: lexical globals, the context's own names and its
    // prototypes', and keywords.
    ArrayPrototypePush(groups, env.lexicalNames());
    let proto = repl.context;
    while ((proto = ObjectGetPrototypeOf(proto)) !== null) {
      ArrayPrototypePush(groups, completableNames(proto));
    }
    const own = completableNames(repl.context);
    if (!repl.useGlobal) ArrayPrototypePushApply(own, env.globalBuiltins());
    ArrayPrototypePush(groups, own);
    if (filter !== '') {
      ArrayPrototypePush(groups, ArrayPrototypeSlice(kKeywords));
    }
    return finish();
  }

  // `obj.foo.` cannot be parsed: parse `obj.foo.x` instead.
  const parsable = StringPrototypeEndsWith(target, '.') ? `${target}x` : target;
  let ast;
  try {
    ast = parseModule(parsable);
  } catch {
    return finish();
  }
  // Only an expression is evaluated (`for(;;)x.` would never end).
  if (ast.body.length !== 1 || ast.body[0].type !== 'ExpressionStatement') {
    return finish();
  }
  const evaluate = (code, context, cb) =>
    ReflectApply(repl.eval, repl, [code, context, env.resourceName(), cb]);
  return involvesGettersOrProxies(
    ast.body[0].expression, parsable, evaluate, repl.context, (involves) => {
      if (involves) return finish();
      let dot = '.';
      if (StringPrototypeEndsWith(expr, '?')) {
        expr = StringPrototypeSlice(expr, 0, -1);
        dot = '?.';
      }
      evaluate(`try { ${expr} } catch {}`, repl.context, (err, object) => {
        const members = [];
        try {
          let proto;
          if ((typeof object === 'object' && object !== null) ||
              typeof object === 'function') {
            ArrayPrototypePush(members, completableNames(object));
            proto = ObjectGetPrototypeOf(object);
          } else {
            proto = object.constructor ? object.constructor.prototype : null;
          }
          // At most five levels up: enough, and safe from cycles.
          for (let depth = 0; proto !== null && depth < 5; depth++) {
            ArrayPrototypePush(members, completableNames(proto));
            proto = ObjectGetPrototypeOf(proto);
          }
        } catch {
          // A proxy without the traps, null or undefined: nothing more.
        }
        if (members.length) {
          expr += dot;
          ArrayPrototypeForEach(members, (group) => {
            ArrayPrototypePush(groups, ArrayPrototypeMap(
              group, (member) => `${expr}${member}`));
          });
          if (filter) filter = `${expr}${filter}`;
        }
        finish();
      });
    });
}

module.exports = {
  complete,
  findCompleteTarget,
  isIdentifier,
};
