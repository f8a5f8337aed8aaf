'use strict';

// fs.cp, fs.cpSync and fsPromises.cp. The copy is written once, as a
// generator that yields the file-system operations it needs
// (['lstat', path], ...); runSync performs them with the *Sync calls and
// runAsync with the promise API, resuming the generator with each result or
// throwing the error into it.

const {
  ArrayPrototypeEvery,
  ArrayPrototypeFilter,
  Boolean,
  Error,
  PromisePrototypeThen,
  SafeArrayIterator,
  StringPrototypeSplit,
} = primordials;

const {
  codes: {
    ERR_FS_CP_DIR_TO_NON_DIR,
    ERR_FS_CP_EEXIST,
    ERR_FS_CP_EINVAL,
    ERR_FS_CP_FIFO_PIPE,
    ERR_FS_CP_NON_DIR_TO_DIR,
    ERR_FS_CP_SOCKET,
    ERR_FS_CP_SYMLINK_TO_SUBDIRECTORY,
    ERR_FS_CP_UNKNOWN,
    ERR_FS_EISDIR,
    ERR_INVALID_RETURN_VALUE,
  },
} = require('internal/errors');
const { os: { errno: { EEXIST, EISDIR, EINVAL, ENOTDIR } } } =
  internalBinding('constants');
const { isPromise } = require('internal/util/types');
const {
  dirname,
  isAbsolute,
  join,
  resolve,
  sep,
} = require('path');

// --- the two drivers --------------------------------------------------------

function syncOps() {
  const fs = require('fs');
  return {
    stat: (p) => fs.statSync(p),
    lstat: (p) => fs.lstatSync(p),
    statOrNull: (p, deref) => {
      return deref ? fs.statSync(p, { throwIfNoEntry: false }) ?? null :
        fs.lstatSync(p, { throwIfNoEntry: false }) ?? null;
    },
    exists: (p) => fs.existsSync(p),
    mkdir: (p, opts) => fs.mkdirSync(p, opts),
    readdir: (p) => fs.readdirSync(p),
    copyFile: (s, d, m) => fs.copyFileSync(s, d, m),
    chmod: (p, m) => fs.chmodSync(p, m),
    utimes: (p, a, m) => fs.utimesSync(p, a, m),
    readlink: (p) => fs.readlinkSync(p),
    symlink: (t, p) => fs.symlinkSync(t, p),
    unlink: (p) => fs.unlinkSync(p),
  };
}

function asyncOps() {
  const fsp = require('internal/fs/promises').exports;
  return {
    stat: (p) => fsp.stat(p),
    lstat: (p) => fsp.lstat(p),
    statOrNull: (p, deref) => {
      return PromisePrototypeThen(deref ? fsp.stat(p) : fsp.lstat(p),
                                  undefined, (err) => {
                                    if (err.code === 'ENOENT') return null;
                                    throw err;
                                  });
    },
    exists: (p) => PromisePrototypeThen(fsp.access(p), () => true,
                                        () => false),
    mkdir: (p, opts) => fsp.mkdir(p, opts),
    readdir: (p) => fsp.readdir(p),
    copyFile: (s, d, m) => fsp.copyFile(s, d, m),
    chmod: (p, m) => fsp.chmod(p, m),
    utimes: (p, a, m) => fsp.utimes(p, a, m),
    readlink: (p) => fsp.readlink(p),
    symlink: (t, p) => fsp.symlink(t, p),
    unlink: (p) => fsp.unlink(p),
  };
}

function runSync(gen) {
  const ops = syncOps();
  let step = gen.next();
  while (!step.done) {
    const { 0: name, 1: a, 2: b, 3: c } = step.value;
    let value;
    try {
      if (name === 'filter') {
        value = a(b, c);
        if (isPromise(value)) {
          throw new ERR_INVALID_RETURN_VALUE('boolean', 'filter', value);
        }
      } else {
        value = ops[name](a, b, c);
      }
    } catch (err) {
      step = gen.throw(err);
      continue;
    }
    step = gen.next(value);
  }
  return step.value;
}

async function runAsync(gen) {
  const ops = asyncOps();
  let step = gen.next();
  while (!step.done) {
    const { 0: name, 1: a, 2: b, 3: c } = step.value;
    let value;
    try {
      value = name === 'filter' ? await a(b, c) : await ops[name](a, b, c);
    } catch (err) {
      step = gen.throw(err);
      continue;
    }
    step = gen.next(value);
  }
  return step.value;
}

// --- errors: cpSync reports the path checks as plain errors -----------------

function syncError(code, message) {
  // eslint-disable-next-line no-restricted-syntax
  const err = new Error(message);
  err.code = code;
  return err;
}

function cpError(isSync, Ctor, code, errno, message, path, syncMessage) {
  if (isSync && syncMessage !== undefined) {
    const name = Ctor === ERR_FS_CP_EINVAL ? 'ERR_FS_CP_EINVAL' :
      Ctor === ERR_FS_CP_DIR_TO_NON_DIR ? 'ERR_FS_CP_DIR_TO_NON_DIR' :
        'ERR_FS_CP_NON_DIR_TO_DIR';
    return syncError(name, syncMessage);
  }
  return new Ctor({
    message,
    path,
    syscall: 'cp',
    errno,
    code: Ctor === ERR_FS_CP_EEXIST ? 'EEXIST' :
      Ctor === ERR_FS_EISDIR || Ctor === ERR_FS_CP_DIR_TO_NON_DIR ? 'EISDIR' :
        Ctor === ERR_FS_CP_NON_DIR_TO_DIR ? 'ENOTDIR' : 'EINVAL',
  });
}

// --- the copy ---------------------------------------------------------------

function isSrcSubdir(src, dest) {
  const srcArr = ArrayPrototypeFilter(StringPrototypeSplit(resolve(src), sep),
                                      Boolean);
  const destArr = ArrayPrototypeFilter(
    StringPrototypeSplit(resolve(dest), sep), Boolean);
  return ArrayPrototypeEvery(srcArr, (cur, i) => destArr[i] === cur);
}

function areIdentical(srcStat, destStat) {
  return destStat.ino !== undefined && destStat.dev !== undefined &&
    destStat.ino === srcStat.ino && destStat.dev === srcStat.dev;
}

function* checkPaths(src, dest, opts, isSync, top) {
  const srcStat = yield [opts.dereference ? 'stat' : 'lstat', src];
  const destStat = yield ['statOrNull', dest, opts.dereference];
  if (destStat) {
    if (areIdentical(srcStat, destStat)) {
      throw cpError(isSync && top, ERR_FS_CP_EINVAL, 'EINVAL', EINVAL,
                    'src and dest cannot be the same', dest,
                    `src and dest cannot be the same ${dest}`);
    }
    if (srcStat.isDirectory() && !destStat.isDirectory()) {
      throw cpError(isSync && top, ERR_FS_CP_DIR_TO_NON_DIR, 'EISDIR', EISDIR,
                    `cannot overwrite non-directory ${dest} with directory ` +
                    `${src}`, dest,
                    `Cannot overwrite non-directory ${dest} with directory ` +
                    `${src}`);
    }
    if (!srcStat.isDirectory() && destStat.isDirectory()) {
      throw cpError(isSync && top, ERR_FS_CP_NON_DIR_TO_DIR, 'ENOTDIR',
                    ENOTDIR,
                    `cannot overwrite directory ${dest} with non-directory ` +
                    `${src}`, dest,
                    `Cannot overwrite directory ${dest} with non-directory ` +
                    `${src}`);
    }
  }
  if (srcStat.isDirectory() && isSrcSubdir(src, dest)) {
    throw cpError(isSync && top, ERR_FS_CP_EINVAL, 'EINVAL', EINVAL,
                  `cannot copy ${src} to a subdirectory of self ${dest}`,
                  dest,
                  `Cannot copy ${src}${sep} to a subdirectory of self ${dest}`);
  }
  return { srcStat, destStat };
}

// dest must not lie inside src through a link among its parents: each
// existing parent of dest (up to src's parent or the root) is compared with
// src.
function* checkParentPaths(src, srcStat, dest, isSync) {
  const srcParent = resolve(dirname(src));
  let destParent = resolve(dirname(dest));
  while (destParent !== srcParent && destParent !== dirname(destParent)) {
    const destStat = yield ['statOrNull', destParent, true];
    if (!destStat) return;
    if (areIdentical(srcStat, destStat)) {
      throw cpError(isSync, ERR_FS_CP_EINVAL, 'EINVAL', EINVAL,
                    `cannot copy ${src} to a subdirectory of self ${dest}`,
                    dest,
                    `Cannot copy ${src} to a subdirectory of self ${dest}`);
    }
    destParent = resolve(dirname(destParent));
  }
}

function* cpGen(src, dest, opts, isSync) {
  if (opts.filter) {
    const include = yield ['filter', opts.filter, src, dest];
    if (!include) return;
  }
  const { srcStat, destStat } = yield* checkPaths(src, dest, opts, isSync,
                                                  true);
  yield* checkParentPaths(src, srcStat, dest, isSync);
  if (srcStat.isDirectory() && !opts.recursive) {
    if (isSync) {
      throw syncError('ERR_FS_EISDIR',
                      'Recursive option not enabled, cannot copy a ' +
                      `directory: ${src}${sep}`);
    }
    throw new ERR_FS_EISDIR({
      message: `${src} is a directory (not copied)`,
      path: src,
      syscall: 'cp',
      errno: EISDIR,
      code: 'EISDIR',
    });
  }
  const destParent = dirname(dest);
  if (!(yield ['exists', destParent])) {
    yield ['mkdir', destParent, { recursive: true }];
  }
  yield* copyItem(destStat, src, dest, opts, isSync);
}

function* copyItem(destStat, src, dest, opts, isSync) {
  const srcStat = yield [opts.dereference ? 'stat' : 'lstat', src];
  if (srcStat.isDirectory() && opts.recursive) {
    return yield* onDir(srcStat, destStat, src, dest, opts, isSync);
  } else if (srcStat.isDirectory()) {
    throw new ERR_FS_EISDIR({
      message: `${src} is a directory (not copied)`,
      path: src,
      syscall: 'cp',
      errno: EISDIR,
      code: 'EISDIR',
    });
  } else if (srcStat.isFile() || srcStat.isCharacterDevice() ||
             srcStat.isBlockDevice()) {
    return yield* onFile(srcStat, destStat, src, dest, opts, isSync);
  } else if (srcStat.isSymbolicLink()) {
    return yield* onLink(destStat, src, dest, opts, isSync);
  } else if (srcStat.isSocket()) {
    throw new ERR_FS_CP_SOCKET({
      message: `cannot copy a socket file: ${dest}`,
      path: dest,
      syscall: 'cp',
      errno: EINVAL,
      code: 'EINVAL',
    });
  } else if (srcStat.isFIFO()) {
    throw new ERR_FS_CP_FIFO_PIPE({
      message: `cannot copy a FIFO pipe: ${dest}`,
      path: dest,
      syscall: 'cp',
      errno: EINVAL,
      code: 'EINVAL',
    });
  }
  throw new ERR_FS_CP_UNKNOWN({
    message: `cannot copy an unknown file type: ${dest}`,
    path: dest,
    syscall: 'cp',
    errno: EINVAL,
    code: 'EINVAL',
  });
}

function* onFile(srcStat, destStat, src, dest, opts, isSync) {
  if (!destStat) return yield* copyFile(srcStat, src, dest, opts);
  if (opts.force) {
    yield ['unlink', dest];
    return yield* copyFile(srcStat, src, dest, opts);
  }
  if (opts.errorOnExist) {
    if (isSync) {
      throw syncError('ERR_FS_CP_EEXIST',
                      '[ERR_FS_CP_EEXIST]: Target already exists: cp ' +
                      `returned EEXIST (${dest} already exists)`);
    }
    throw new ERR_FS_CP_EEXIST({
      message: `${dest} already exists`,
      path: dest,
      syscall: 'cp',
      errno: EEXIST,
      code: 'EEXIST',
    });
  }
}

function* copyFile(srcStat, src, dest, opts) {
  yield ['copyFile', src, dest, opts.mode];
  if (opts.preserveTimestamps) {
    // A read-only file must be made writable to set its times.
    if ((srcStat.mode & 0o200) === 0) {
      yield ['chmod', dest, srcStat.mode | 0o200];
    }
    const stats = yield ['stat', src];
    yield ['utimes', dest, stats.atime, stats.mtime];
  }
  yield ['chmod', dest, srcStat.mode];
}

function* onDir(srcStat, destStat, src, dest, opts, isSync) {
  if (!destStat) {
    yield ['mkdir', dest];
    yield* copyDir(src, dest, opts, isSync);
    yield ['chmod', dest, srcStat.mode];
    return;
  }
  yield* copyDir(src, dest, opts, isSync);
}

function* copyDir(src, dest, opts, isSync) {
  const names = yield ['readdir', src];
  for (const name of new SafeArrayIterator(names)) {
    const srcItem = join(src, name);
    const destItem = join(dest, name);
    if (opts.filter) {
      const include = yield ['filter', opts.filter, srcItem, destItem];
      if (!include) continue;
    }
    const { destStat } = yield* checkPaths(srcItem, destItem, opts, isSync,
                                           false);
    yield* copyItem(destStat, srcItem, destItem, opts, isSync);
  }
}

function* onLink(destStat, src, dest, opts, isSync) {
  let resolvedSrc = yield ['readlink', src];
  if (!opts.verbatimSymlinks && !isAbsolute(resolvedSrc)) {
    resolvedSrc = resolve(dirname(src), resolvedSrc);
  }
  if (!destStat) {
    yield ['symlink', resolvedSrc, dest];
    return;
  }
  let resolvedDest;
  try {
    resolvedDest = yield ['readlink', dest];
  } catch (err) {
    if (err.code === 'EINVAL' || err.code === 'UNKNOWN') {
      yield ['symlink', resolvedSrc, dest];
      return;
    }
    throw err;
  }
  if (!isAbsolute(resolvedDest)) {
    resolvedDest = resolve(dirname(dest), resolvedDest);
  }
  const srcIsDir = (yield ['stat', src]).isDirectory();
  if (srcIsDir && isSrcSubdir(resolvedSrc, resolvedDest)) {
    throw new ERR_FS_CP_EINVAL({
      message: `cannot copy ${resolvedSrc} to a subdirectory of self ` +
        `${resolvedDest}`,
      path: dest,
      syscall: 'cp',
      errno: EINVAL,
      code: 'EINVAL',
    });
  }
  // Replacing dest would remove what src's link points into.
  if (srcIsDir && isSrcSubdir(resolvedDest, resolvedSrc)) {
    throw new ERR_FS_CP_SYMLINK_TO_SUBDIRECTORY({
      message: `cannot overwrite ${resolvedDest} with ${resolvedSrc}`,
      path: dest,
      syscall: 'cp',
      errno: EINVAL,
      code: 'EINVAL',
    });
  }
  yield ['unlink', dest];
  yield ['symlink', resolvedSrc, dest];
}

function cpSyncFn(src, dest, opts) {
  return runSync(cpGen(src, dest, opts, true));
}

function cpFn(src, dest, opts) {
  return runAsync(cpGen(src, dest, opts, false));
}

module.exports = { cpFn, cpSyncFn };
