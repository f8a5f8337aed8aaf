'use strict';

// fs.glob, fs.globSync, fsPromises.glob and path.matchesGlob.
//
// The walk is written once, as a generator that asks its driver for file
// system facts (lstat, readdir) and hands it results; globSync() answers
// with the synchronous calls, glob() with the promise ones. The walk keeps
// a stack of (directory, pattern positions) items:
// - a literal part is looked up with lstat, a wildcard part by reading the
//   directory;
// - '**' matches the directory itself and every name below it that does
//   not start with '.', but does not enter symbolic links (a pattern that
//   starts with './' may take one step into one);
// - an item already handled for the same rest-of-pattern is skipped, which
//   bounds walks through '..' and symbolic links.
// Results are relative to `cwd` (absolute for absolute patterns), each once.

const {
  ArrayIsArray,
  ArrayPrototypeMap,
  ArrayPrototypePop,
  ArrayPrototypePush,
  ArrayPrototypeSome,
  SafeMap,
  SafeSet,
  StringPrototypeEndsWith,
} = primordials;

const {
  codes: { ERR_INVALID_ARG_TYPE },
  hideStackFrames,
} = require('internal/errors');
const {
  validateObject,
  validateString,
  validateStringArray,
} = require('internal/validators');
const { DirentFromStats, toPathIfFileURL } = require('internal/fs/utils');
const { kEmptyObject } = require('internal/util');
const { GLOBSTAR, GlobPattern, testPart } = require('internal/fs/glob_pattern');
const { join, resolve, basename, dirname, isAbsolute } = require('path');

const isWindows = process.platform === 'win32';

let fs;
let fsPromises;
function lazyFs() {
  fs ??= require('fs');
  return fs;
}
function lazyFsPromises() {
  fsPromises ??= require('fs/promises');
  return fsPromises;
}

const kStat = 0;
const kReaddir = 1;
const kResult = 2;

const validateExclude = hideStackFrames((value, name) => {
  if (ArrayIsArray(value)) {
    for (let i = 0; i < value.length; i++) {
      if (typeof value[i] !== 'string') {
        throw new ERR_INVALID_ARG_TYPE(`${name}[${i}]`, 'string', value[i]);
      }
    }
  } else if (typeof value !== 'function') {
    throw new ERR_INVALID_ARG_TYPE(name, ['string[]', 'function'], value);
  }
});

// The positions a walk item still has to match in one expanded pattern.
class Position {
  constructor(parts, strings, indexes, viaLink) {
    this.parts = parts;
    this.strings = strings;
    this.indexes = indexes;
    this.viaLink = viaLink;  // indexes reached through a symbolic link
    this.last = parts.length - 1;
  }

  at(i) {
    return i < 0 ? this.parts[this.parts.length + i] : this.parts[i];
  }

  with(indexes, viaLink = new SafeSet()) {
    return new Position(this.parts, this.strings, indexes, viaLink);
  }

  // The rest of the pattern from `index`, as written: the key under which
  // a path counts as visited.
  key(index) {
    let key = '';
    for (let i = index; i < this.strings.length; i++) {
      key += this.strings[i];
      if (i !== this.strings.length - 1) key += '/';
    }
    return key;
  }

  // Whether some position was not reached through a symbolic link.
  get followsLinks() {
    for (const index of this.indexes) {
      if (!this.viaLink.has(index)) return true;
    }
    return false;
  }

  // At the end of the pattern, or at a '**' that only a trailing '/'
  // follows when the path is a directory.
  isLast(isDirectory) {
    return this.indexes.has(this.last) ||
      (this.at(-1) === '' && isDirectory && this.indexes.has(this.last - 1) &&
       this.at(-2) === GLOBSTAR);
  }
}

function single(index) {
  const set = new SafeSet();
  set.add(index);
  return set;
}

class Glob {
  #root;
  #withFileTypes;
  #excludeFn = null;
  #excludePatterns = null;
  #positions;
  #stats = new SafeMap();
  #dirs = new SafeMap();
  #visited = new SafeMap();
  #results = new SafeSet();
  #pending = new SafeMap();

  constructor(pattern, options = kEmptyObject) {
    validateObject(options, 'options');
    const { exclude, cwd, withFileTypes } = options;
    this.#root = toPathIfFileURL(cwd) ?? '.';
    this.#withFileTypes = !!withFileTypes;
    if (exclude != null) {
      validateExclude(exclude, 'options.exclude');
      if (ArrayIsArray(exclude)) {
        this.#excludePatterns = ArrayPrototypeMap(
          exclude, (p) => new GlobPattern(resolve(this.#root, p), isWindows));
      } else {
        this.#excludeFn = exclude;
      }
    }
    let patterns;
    if (typeof pattern === 'object') {
      validateStringArray(pattern, 'patterns');
      patterns = pattern;
    } else {
      validateString(pattern, 'patterns');
      patterns = [pattern];
    }
    this.matchers = ArrayPrototypeMap(
      patterns, (p) => new GlobPattern(p, isWindows));
    this.#positions = [];
    for (let i = 0; i < this.matchers.length; i++) {
      const { set, globParts } = this.matchers[i];
      for (let j = 0; j < set.length; j++) {
        ArrayPrototypePush(this.#positions,
                           new Position(set[j], globParts[j], single(0),
                                        new SafeSet()));
      }
    }
  }

  #isExcluded(path) {
    const patterns = this.#excludePatterns;
    if (patterns === null) return false;
    return ArrayPrototypeSome(patterns, (p) => p.match(path));
  }

  // Marks `path` visited for the position's rest-of-patterns; true when it
  // had been visited already for one of them.
  #visit(path, position) {
    let keys = this.#visited.get(path);
    if (keys === undefined) {
      keys = new SafeSet();
      this.#visited.set(path, keys);
    }
    const before = keys.size;
    for (const index of position.indexes) keys.add(position.key(index));
    return keys.size !== before + position.indexes.size;
  }

  #visited_(path, position, index) {
    return this.#visited.get(path)?.has(position.key(index)) === true;
  }

  // --- the walk: yields [kStat, path] -> dirent|null, [kReaddir, path] ->
  // dirents, [kResult, path, dirent] ---------------------------------------

  * #stat(path) {
    if (this.#stats.has(path)) return this.#stats.get(path);
    const dirent = yield [kStat, path];
    this.#stats.set(path, dirent);
    return dirent;
  }

  * #readdir(path) {
    if (this.#dirs.has(path)) return this.#dirs.get(path);
    const dirents = yield [kReaddir, path];
    this.#dirs.set(path, dirents);
    return dirents;
  }

  * #emit(path, dirent) {
    if (this.#results.has(path)) return;
    if (this.#excludePatterns !== null &&
        this.#isExcluded(resolve(this.#root, path))) {
      return;
    }
    this.#results.add(path);
    if (this.#withFileTypes && dirent == null) {
      dirent = yield* this.#stat(isAbsolute(path) ? path :
        join(this.#root, path));
    }
    yield [kResult, path, dirent];
  }

  * #enqueue(path, position) {
    if (this.#isExcluded(path)) return;
    const full = resolve(this.#root, path);
    if (this.#excludePatterns !== null && this.#isExcluded(`${full}/`)) {
      const dirent = yield* this.#stat(full);
      if (dirent?.isDirectory()) return;
    }
    if (this.#excludeFn !== null) {
      if (this.#withFileTypes) {
        // Node looks the path up as given, relative to the process's
        // working directory rather than to `cwd`: keep its results.
        const dirent = yield* this.#stat(path);
        if (dirent !== null && this.#excludeFn(dirent)) return;
      } else if (this.#excludeFn(path)) {
        return;
      }
    }
    const list = this.#pending.get(path);
    if (list === undefined) this.#pending.set(path, [position]);
    else ArrayPrototypePush(list, position);
  }

  * #walk() {
    const stack = [{ path: '.', positions: this.#positions }];
    while (stack.length > 0) {
      const item = ArrayPrototypePop(stack);
      for (let i = 0; i < item.positions.length; i++) {
        yield* this.#step(item.path, item.positions[i]);
      }
      for (const { 0: path, 1: positions } of this.#pending) {
        ArrayPrototypePush(stack, { path, positions });
      }
      this.#pending.clear();
    }
  }

  * #step(path, position) {
    if (this.#visit(path, position)) return;
    const full = resolve(this.#root, path);
    const dirent = yield* this.#stat(full);
    const last = position.last;
    const isDirectory = dirent?.isDirectory() ||
      (dirent?.isSymbolicLink() && position.followsLinks) || false;
    const isLast = position.isLast(isDirectory);
    const first = position.indexes.has(0) ? position.at(0) : undefined;

    if (this.#isExcluded(full)) return;
    if (first !== undefined) {
      if (isWindows && typeof first === 'string' &&
          StringPrototypeEndsWith(first, ':')) {
        yield* this.#enqueue(`${first}\\`, position.with(single(1)));
        return;
      }
      if (first === '') {
        yield* this.#enqueue('/', position.with(single(1)));
        return;
      }
      if (first === '..') {
        yield* this.#enqueue('../', position.with(single(1)));
        return;
      }
      if (first === '.') {
        yield* this.#enqueue('.', position.with(single(1)));
        return;
      }
    }

    const tail = position.at(-1);
    if (isLast && typeof tail === 'string') {
      // A literal last part: a result if it exists.
      const target = yield* this.#stat(join(full, tail));
      if (target && (tail || isDirectory)) {
        yield* this.#emit(join(path, tail), target);
      }
      if (position.indexes.size === 1 && position.indexes.has(last)) return;
    } else if (isLast && tail === GLOBSTAR &&
               (path !== '.' || position.at(0) === '.' ||
                (last === 0 && dirent))) {
      // '**' at the end matches the directory itself ('.' only for a
      // pattern that is '**' or starts with './').
      yield* this.#emit(path, dirent);
    }

    if (!isDirectory) return;

    let children;
    const only = position.indexes.size === 1 ?
      position.at(position.indexes.values().next().value) : undefined;
    if (typeof only === 'string') {
      const child = yield* this.#stat(join(full, only));
      if (!child) return;
      child.name = only;
      children = [child];
    } else {
      children = yield* this.#readdir(full);
    }

    for (let c = 0; c < children.length; c++) {
      const entry = children[c];
      const name = entry.name;
      const entryPath = join(path, name);
      this.#stats.set(join(full, name), entry);
      const next = new SafeSet();
      const viaLink = new SafeSet();
      for (const index of position.indexes) {
        // What is left of this directory was walked for this rest already.
        if (this.#visited_(entryPath, position, index) ||
            this.#visited_(entryPath, position, index + 1)) {
          return;
        }
        const part = position.at(index);
        const nextIndex = index + 1;
        const nextPart = position.at(nextIndex);
        const fromLink = position.viaLink.has(index);

        if (part === GLOBSTAR) {
          if (name[0] === '.' ||
              (this.#excludeFn !== null &&
               this.#excludeFn(this.#withFileTypes ? entry : name))) {
            continue;
          }
          if (!fromLink && entry.isDirectory()) {
            next.add(index);
          } else if (!fromLink && index === last) {
            yield* this.#emit(entryPath, entry);
          }
          const nextMatches = nextIndex <= position.parts.length &&
            testPart(nextPart, name);
          if (nextMatches && nextIndex === last && !isLast) {
            yield* this.#emit(entryPath, entry);
          } else if (nextMatches && entry.isDirectory()) {
            next.add(index + 2);
          }
          if ((nextMatches || position.at(0) === '.') && !fromLink &&
              (entry.isDirectory() || entry.isSymbolicLink())) {
            next.add(nextIndex);
          }
          if (entry.isSymbolicLink()) viaLink.add(index);
          if (nextPart === '..' && entry.isDirectory()) {
            yield* this.#globstarParent(path, full, position, nextIndex);
          }
        }
        if (typeof part === 'string') {
          if (index !== last && testPart(part, name)) {
            next.add(nextIndex);
          } else if (part === '.' && testPart(nextPart, name)) {
            if (nextIndex === last) yield* this.#emit(entryPath, entry);
            else next.add(nextIndex + 1);
          }
        }
        if (typeof part === 'object' && testPart(part, name)) {
          if (index === last) {
            yield* this.#emit(entryPath, entry);
          } else if (entry.isDirectory()) {
            next.add(nextIndex);
          }
        }
      }
      if (next.size > 0) {
        yield* this.#enqueue(entryPath, position.with(next, viaLink));
      }
    }
  }

  // '**/..': both the directory and its parent continue after the '..'
  // (or are results when the '..' ends the pattern).
  * #globstarParent(path, full, position, dotsIndex) {
    const parent = join(path, '..');
    if (dotsIndex < position.last) {
      const after = dotsIndex + 1;
      if (!this.#pending.has(path) && !this.#visited_(path, position, after)) {
        this.#pending.set(path, [position.with(single(after))]);
      }
      if (!this.#pending.has(parent) &&
          !this.#visited_(parent, position, after)) {
        this.#pending.set(parent, [position.with(single(after))]);
      }
      return;
    }
    if (!this.#visited_(path, position, dotsIndex)) {
      this.#visit(path, position.with(single(dotsIndex)));
      yield* this.#emit(path, yield* this.#stat(full));
    }
    if (!this.#visited_(parent, position, dotsIndex)) {
      this.#visit(parent, position.with(single(dotsIndex)));
      yield* this.#emit(parent, yield* this.#stat(join(this.#root, parent)));
    }
  }

  globSync() {
    const { lstatSync, readdirSync } = lazyFs();
    const walk = this.#walk();
    const results = [];
    let answer;
    for (;;) {
      const { value, done } = walk.next(answer);
      if (done) break;
      answer = undefined;
      const path = value[1];
      if (value[0] === kStat) {
        const stats = lstatSync(path, { throwIfNoEntry: false });
        answer = stats === undefined ? null :
          new DirentFromStats(basename(path), stats, dirname(path));
      } else if (value[0] === kReaddir) {
        try {
          answer = readdirSync(path, { withFileTypes: true });
        } catch {
          answer = [];
        }
      } else {
        ArrayPrototypePush(results, this.#withFileTypes ? value[2] : path);
      }
    }
    return results;
  }

  async* glob() {
    const { lstat, readdir } = lazyFsPromises();
    const walk = this.#walk();
    let answer;
    for (;;) {
      const { value, done } = walk.next(answer);
      if (done) break;
      answer = undefined;
      const path = value[1];
      if (value[0] === kStat) {
        try {
          const stats = await lstat(path);
          answer = new DirentFromStats(basename(path), stats, dirname(path));
        } catch {
          answer = null;
        }
      } else if (value[0] === kReaddir) {
        try {
          answer = await readdir(path, { withFileTypes: true });
        } catch {
          answer = [];
        }
      } else {
        yield this.#withFileTypes ? value[2] : path;
      }
    }
  }
}

function matchGlobPattern(path, pattern, windows = isWindows) {
  validateString(path, 'path');
  validateString(pattern, 'pattern');
  return new GlobPattern(pattern, windows).match(path);
}

module.exports = {
  Glob,
  matchGlobPattern,
};
