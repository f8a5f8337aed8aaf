'use strict';

// path.posix and path.win32. Every function is pure string work except
// resolve(), which falls back on process.cwd() (and, for win32, on the
// per-drive `=C:` environment variables).

const {
  ArrayPrototypeIncludes,
  ArrayPrototypeJoin,
  ArrayPrototypePop,
  ArrayPrototypePush,
  ArrayPrototypeSlice,
  FunctionPrototypeBind,
  StringPrototypeCharCodeAt,
  StringPrototypeIndexOf,
  StringPrototypeLastIndexOf,
  StringPrototypeRepeat,
  StringPrototypeReplace,
  StringPrototypeSlice,
  StringPrototypeSplit,
  StringPrototypeToLowerCase,
  StringPrototypeToUpperCase,
} = primordials;

const {
  codes: { ERR_NOT_IMPLEMENTED },
} = require('internal/errors');
const {
  validateObject,
  validateString,
} = require('internal/validators');

const isWindows = process.platform === 'win32';

const kSlash = 47; // '/'
const kBackslash = 92; // '\\'
const kDot = 46; // '.'
const kColon = 58; // ':'
const kQuestionMark = 63; // '?'

function isPathSeparator(code) {
  return code === kSlash || code === kBackslash;
}

function isPosixPathSeparator(code) {
  return code === kSlash;
}

function isWindowsDeviceRoot(code) {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

// DOS device names, which Windows resolves anywhere when followed by ':'.
const WINDOWS_RESERVED_NAMES = [
  'CON', 'PRN', 'AUX', 'NUL',
  'COM1', 'COM2', 'COM3', 'COM4', 'COM5', 'COM6', 'COM7', 'COM8', 'COM9',
  'LPT1', 'LPT2', 'LPT3', 'LPT4', 'LPT5', 'LPT6', 'LPT7', 'LPT8', 'LPT9',
  'COM\xb9', 'COM\xb2', 'COM\xb3',
  'LPT\xb9', 'LPT\xb2', 'LPT\xb3',
];

function isWindowsReservedName(path, colonIndex) {
  const name = StringPrototypeToUpperCase(StringPrototypeSlice(path, 0,
                                                                colonIndex));
  return ArrayPrototypeIncludes(WINDOWS_RESERVED_NAMES, name);
}

// Resolves '.' and '..' segments and collapses separators. Segments are
// joined with `separator`; '..' that would climb above the start are kept
// only when `allowAboveRoot` is set.
function normalizeString(path, allowAboveRoot, separator, isSeparator) {
  return normalizeSegments(path, allowAboveRoot, separator, (from) => {
    for (let i = from; i < path.length; i++) {
      if (isSeparator(StringPrototypeCharCodeAt(path, i))) return i;
    }
    return path.length;
  });
}

// normalizeString() for '/' alone: the segments are found with indexOf
// rather than a test per character, which the module loader's many
// resolve() calls of long paths made a hot interpreted loop.
function normalizePosixString(path, allowAboveRoot) {
  return normalizeSegments(path, allowAboveRoot, '/', (from) => {
    const end = StringPrototypeIndexOf(path, '/', from);
    return end === -1 ? path.length : end;
  });
}

// The segments of `path` between the separators nextSeparator(from) finds
// (the end of the path when there is none), with '.' and empty segments
// dropped and '..' taking back the segment before it (or kept, above the
// root, only when `allowAboveRoot` is set), joined with `separator`.
function normalizeSegments(path, allowAboveRoot, separator, nextSeparator) {
  const segments = [];
  const len = path.length;
  let start = 0;
  while (start <= len) {
    const end = start === len ? len : nextSeparator(start);
    const segLen = end - start;
    if (segLen === 0 ||
        (segLen === 1 && StringPrototypeCharCodeAt(path, start) === kDot)) {
      // Empty or '.': nothing to add.
    } else if (segLen === 2 &&
               StringPrototypeCharCodeAt(path, start) === kDot &&
               StringPrototypeCharCodeAt(path, start + 1) === kDot) {
      const n = segments.length;
      if (n > 0 && segments[n - 1] !== '..') {
        ArrayPrototypePop(segments);
      } else if (allowAboveRoot) {
        ArrayPrototypePush(segments, '..');
      }
    } else {
      ArrayPrototypePush(segments, StringPrototypeSlice(path, start, end));
    }
    start = end + 1;
  }
  return ArrayPrototypeJoin(segments, separator);
}

// Whether a non-empty POSIX path is already what normalize() makes of it:
// no empty, '.' or '..' segment (a leading and a trailing '/' are kept as
// they are). Such a path is returned as is, without splitting it.
function isNormalPosixPath(path) {
  const len = path.length;
  let start = StringPrototypeCharCodeAt(path, 0) === kSlash ? 1 : 0;
  while (start < len) {
    let end = StringPrototypeIndexOf(path, '/', start);
    if (end === -1) end = len;
    if (!isNormalSegment(path, start, end)) return false;
    start = end + 1;
  }
  return true;
}

// path[start, end) is neither empty nor '.' nor '..'.
function isNormalSegment(path, start, end) {
  const n = end - start;
  if (n === 0) return false;
  if (n > 2 || StringPrototypeCharCodeAt(path, start) !== kDot) return true;
  return n === 2 && StringPrototypeCharCodeAt(path, start + 1) !== kDot;
}

// For a path starting with two separators: finds `\\server\share`. Returns
// null when there is no server followed by a share, otherwise the server
// name and where the share starts and ends.
function matchUncRoot(path) {
  const len = path.length;
  let j = 2;
  while (j < len && !isPathSeparator(StringPrototypeCharCodeAt(path, j))) j++;
  if (j === len || j === 2) return null;
  const server = StringPrototypeSlice(path, 2, j);
  const serverEnd = j;
  while (j < len && isPathSeparator(StringPrototypeCharCodeAt(path, j))) j++;
  if (j === len || j === serverEnd) return null;
  const shareStart = j;
  while (j < len && !isPathSeparator(StringPrototypeCharCodeAt(path, j))) j++;
  return { server, shareStart, shareEnd: j };
}

function formatExt(ext) {
  return ext ? `${ext[0] === '.' ? '' : '.'}${ext}` : '';
}

function _format(sep, pathObject) {
  validateObject(pathObject, 'pathObject');
  const dir = pathObject.dir || pathObject.root;
  const base = pathObject.base ||
    `${pathObject.name || ''}${formatExt(pathObject.ext)}`;
  if (!dir) return base;
  return dir === pathObject.root ? `${dir}${base}` : `${dir}${sep}${base}`;
}

// The last path component and extension, scanning backwards from the end
// and stopping at index `stop`. Shared by extname() and parse().
// `startPart` is the value reported when no separator is found. Returns
// { startPart, startDot, end } where end === -1 means "no name".
function scanBaseName(path, stop, startPart, isSeparator) {
  let startDot = -1;
  let end = -1;
  let matchedSlash = true;
  // 0: no dot seen before the last one; 1: only dots; -1: other characters.
  let preDotState = 0;
  for (let i = path.length - 1; i >= stop; --i) {
    const code = StringPrototypeCharCodeAt(path, i);
    if (isSeparator(code)) {
      if (!matchedSlash) {
        startPart = i + 1;
        break;
      }
      continue;
    }
    if (end === -1) {
      matchedSlash = false;
      end = i + 1;
    }
    if (code === kDot) {
      if (startDot === -1) {
        startDot = i;
      } else if (preDotState !== 1) {
        preDotState = 1;
      }
    } else if (startDot !== -1) {
      preDotState = -1;
    }
  }
  // No extension for names without a dot, '.', '..', '.hidden' or 'a.'.
  // ('a.' keeps its dot as extension; '..' and '.x' do not.)
  const noExt = startDot === -1 || end === -1 || preDotState === 0 ||
    (preDotState === 1 && startDot === end - 1 && startDot === startPart + 1);
  return { startPart, startDot: noExt ? -1 : startDot, end };
}

function basenameImpl(path, suffix, start, isSeparator) {
  let end = -1;
  let matchedSlash = true;
  if (suffix !== undefined && suffix.length > 0 &&
      suffix.length <= path.length) {
    if (suffix === path) return '';
    let extIdx = suffix.length - 1;
    let firstNonSlashEnd = -1;
    for (let i = path.length - 1; i >= start; --i) {
      const code = StringPrototypeCharCodeAt(path, i);
      if (isSeparator(code)) {
        if (!matchedSlash) {
          start = i + 1;
          break;
        }
        continue;
      }
      if (firstNonSlashEnd === -1) {
        matchedSlash = false;
        firstNonSlashEnd = i + 1;
      }
      // Match the suffix backwards from the end of the name.
      if (extIdx >= 0) {
        if (code === StringPrototypeCharCodeAt(suffix, extIdx)) {
          if (--extIdx === -1) end = i;
        } else {
          extIdx = -1;
          end = firstNonSlashEnd;
        }
      }
    }
    if (start === end) {
      end = firstNonSlashEnd;
    } else if (end === -1) {
      end = path.length;
    }
    return StringPrototypeSlice(path, start, end);
  }

  for (let i = path.length - 1; i >= start; --i) {
    if (isSeparator(StringPrototypeCharCodeAt(path, i))) {
      if (!matchedSlash) {
        start = i + 1;
        break;
      }
    } else if (end === -1) {
      matchedSlash = false;
      end = i + 1;
    }
  }
  if (end === -1) return '';
  return StringPrototypeSlice(path, start, end);
}

let matchGlobPattern;
function matchesGlobImpl(path, pattern, windows) {
  validateString(path, 'path');
  validateString(pattern, 'pattern');
  if (matchGlobPattern === undefined) {
    try {
      ({ matchGlobPattern } = require('internal/fs/glob'));
    } catch {
      matchGlobPattern = null;
    }
  }
  if (typeof matchGlobPattern !== 'function') {
    throw new ERR_NOT_IMPLEMENTED('path.matchesGlob');
  }
  return matchGlobPattern(path, pattern, windows);
}

const forwardSlashRegExp = /\//g;

const win32 = {
  resolve(...args) {
    let resolvedDevice = '';
    let resolvedTail = '';
    let resolvedAbsolute = false;

    for (let i = args.length - 1; i >= -1; i--) {
      let path;
      if (i >= 0) {
        path = args[i];
        validateString(path, `paths[${i}]`);
        if (path.length === 0) continue;
      } else if (resolvedDevice.length === 0) {
        path = process.cwd();
        if (args.length === 0 ||
            (args.length === 1 && (args[0] === '' || args[0] === '.') &&
             isPathSeparator(StringPrototypeCharCodeAt(path, 0)))) {
          return isWindows ? path :
            StringPrototypeReplace(path, forwardSlashRegExp, '\\');
        }
      } else {
        // A drive-relative path ('C:foo'): use that drive's own current
        // directory if the environment has it, else the drive's root.
        path = process.env[`=${resolvedDevice}`] || process.cwd();
        if (path === undefined ||
            (StringPrototypeToLowerCase(StringPrototypeSlice(path, 0, 2)) !==
             StringPrototypeToLowerCase(resolvedDevice) &&
             StringPrototypeCharCodeAt(path, 2) === kBackslash)) {
          path = `${resolvedDevice}\\`;
        }
      }

      const len = path.length;
      let rootEnd = 0;
      let device = '';
      let isAbsolute = false;
      const code = StringPrototypeCharCodeAt(path, 0);

      if (len === 1) {
        if (isPathSeparator(code)) {
          rootEnd = 1;
          isAbsolute = true;
        }
      } else if (isPathSeparator(code)) {
        isAbsolute = true;
        if (isPathSeparator(StringPrototypeCharCodeAt(path, 1))) {
          const unc = matchUncRoot(path);
          if (unc !== null) {
            if (unc.server !== '.' && unc.server !== '?') {
              device = `\\\\${unc.server}\\` +
                StringPrototypeSlice(path, unc.shareStart, unc.shareEnd);
              rootEnd = unc.shareEnd;
            } else {
              // A device namespace root such as \\.\PHYSICALDRIVE0.
              device = `\\\\${unc.server}`;
              rootEnd = 4;
            }
          }
        } else {
          rootEnd = 1;
        }
      } else if (isWindowsDeviceRoot(code) &&
                 StringPrototypeCharCodeAt(path, 1) === kColon) {
        device = StringPrototypeSlice(path, 0, 2);
        rootEnd = 2;
        if (len > 2 && isPathSeparator(StringPrototypeCharCodeAt(path, 2))) {
          isAbsolute = true;
          rootEnd = 3;
        }
      }

      if (device.length > 0) {
        if (resolvedDevice.length > 0) {
          // A path on another drive does not contribute.
          if (StringPrototypeToLowerCase(device) !==
              StringPrototypeToLowerCase(resolvedDevice)) {
            continue;
          }
        } else {
          resolvedDevice = device;
        }
      }

      if (resolvedAbsolute) {
        if (resolvedDevice.length > 0) break;
      } else {
        resolvedTail =
          `${StringPrototypeSlice(path, rootEnd)}\\${resolvedTail}`;
        resolvedAbsolute = isAbsolute;
        if (isAbsolute && resolvedDevice.length > 0) break;
      }
    }

    resolvedTail = normalizeString(resolvedTail, !resolvedAbsolute, '\\',
                                   isPathSeparator);
    if (resolvedAbsolute) return `${resolvedDevice}\\${resolvedTail}`;
    return `${resolvedDevice}${resolvedTail}` || '.';
  },

  normalize(path) {
    validateString(path, 'path');
    const len = path.length;
    if (len === 0) return '.';
    const code = StringPrototypeCharCodeAt(path, 0);
    if (len === 1) return isPosixPathSeparator(code) ? '\\' : path;

    let rootEnd = 0;
    let device;
    let isAbsolute = false;

    if (isPathSeparator(code)) {
      isAbsolute = true;
      if (isPathSeparator(StringPrototypeCharCodeAt(path, 1))) {
        const unc = matchUncRoot(path);
        if (unc !== null) {
          if (unc.server === '.' || unc.server === '?') {
            device = `\\\\${unc.server}`;
            rootEnd = 4;
            // \\?\COM1: and the like keep the device name in the root.
            const colonIndex = StringPrototypeIndexOf(path, ':');
            const possibleDevice =
              StringPrototypeSlice(path, 4, colonIndex + 1);
            if (isWindowsReservedName(possibleDevice,
                                      possibleDevice.length - 1)) {
              device = `\\\\?\\${possibleDevice}`;
              rootEnd = 4 + possibleDevice.length;
            }
          } else if (unc.shareEnd === len) {
            // Only a UNC root: nothing left to normalize.
            return `\\\\${unc.server}\\` +
              `${StringPrototypeSlice(path, unc.shareStart)}\\`;
          } else {
            device = `\\\\${unc.server}\\` +
              StringPrototypeSlice(path, unc.shareStart, unc.shareEnd);
            rootEnd = unc.shareEnd;
          }
        }
      } else {
        rootEnd = 1;
      }
    } else {
      const colonIndex = StringPrototypeIndexOf(path, ':');
      if (colonIndex > 0) {
        if (isWindowsDeviceRoot(code) && colonIndex === 1) {
          device = StringPrototypeSlice(path, 0, 2);
          rootEnd = 2;
          if (len > 2 && isPathSeparator(StringPrototypeCharCodeAt(path, 2))) {
            isAbsolute = true;
            rootEnd = 3;
          }
        } else if (isWindowsReservedName(path, colonIndex)) {
          device = StringPrototypeSlice(path, 0, colonIndex + 1);
          rootEnd = colonIndex + 1;
        }
      }
    }

    let tail = rootEnd < len ?
      normalizeString(StringPrototypeSlice(path, rootEnd), !isAbsolute, '\\',
                      isPathSeparator) :
      '';
    if (tail.length === 0 && !isAbsolute) tail = '.';
    if (tail.length > 0 &&
        isPathSeparator(StringPrototypeCharCodeAt(path, len - 1))) {
      tail += '\\';
    }
    if (!isAbsolute && device === undefined &&
        StringPrototypeIndexOf(path, ':') !== -1) {
      // A relative path must not come out looking like a drive ('C:') or a
      // drive-relative stream name (CVE-2024-36139): prefix it with '.\'.
      if (tail.length >= 2 &&
          isWindowsDeviceRoot(StringPrototypeCharCodeAt(tail, 0)) &&
          StringPrototypeCharCodeAt(tail, 1) === kColon) {
        return `.\\${tail}`;
      }
      let index = StringPrototypeIndexOf(path, ':');
      do {
        if (index === len - 1 ||
            isPathSeparator(StringPrototypeCharCodeAt(path, index + 1))) {
          return `.\\${tail}`;
        }
        index = StringPrototypeIndexOf(path, ':', index + 1);
      } while (index !== -1);
    }
    if (isWindowsReservedName(path, StringPrototypeIndexOf(path, ':'))) {
      return `.\\${device ?? ''}${tail}`;
    }
    if (device === undefined) return isAbsolute ? `\\${tail}` : tail;
    return isAbsolute ? `${device}\\${tail}` : `${device}${tail}`;
  },

  isAbsolute(path) {
    validateString(path, 'path');
    const len = path.length;
    if (len === 0) return false;
    const code = StringPrototypeCharCodeAt(path, 0);
    return isPathSeparator(code) ||
      (len > 2 && isWindowsDeviceRoot(code) &&
       StringPrototypeCharCodeAt(path, 1) === kColon &&
       isPathSeparator(StringPrototypeCharCodeAt(path, 2)));
  },

  join(...args) {
    if (args.length === 0) return '.';
    const parts = [];
    for (let i = 0; i < args.length; ++i) {
      const arg = args[i];
      validateString(arg, 'path');
      if (arg.length > 0) ArrayPrototypePush(parts, arg);
    }
    if (parts.length === 0) return '.';

    const firstPart = parts[0];
    let joined = ArrayPrototypeJoin(parts, '\\');

    // normalize() reads a leading pair of separators as a UNC root. Keep
    // that reading only when the first argument itself starts with exactly
    // two separators and a name ('//server'); otherwise collapse the
    // leading separators into one.
    let needsReplace = true;
    let slashCount = 0;
    if (isPathSeparator(StringPrototypeCharCodeAt(firstPart, 0))) {
      ++slashCount;
      const firstLen = firstPart.length;
      if (firstLen > 1 &&
          isPathSeparator(StringPrototypeCharCodeAt(firstPart, 1))) {
        ++slashCount;
        if (firstLen > 2) {
          if (isPathSeparator(StringPrototypeCharCodeAt(firstPart, 2))) {
            ++slashCount;
          } else {
            needsReplace = false;
          }
        }
      }
    }
    if (needsReplace) {
      while (slashCount < joined.length &&
             isPathSeparator(StringPrototypeCharCodeAt(joined, slashCount))) {
        slashCount++;
      }
      if (slashCount >= 2) {
        joined = `\\${StringPrototypeSlice(joined, slashCount)}`;
      }
    }

    // With a reserved device name ('CON:') in any component the path is
    // left as is, apart from turning '/' into '\'.
    const components = StringPrototypeSplit(joined, '\\');
    for (let i = 0; i < components.length; i++) {
      const component = components[i];
      const colonIndex = StringPrototypeIndexOf(component, ':');
      if (colonIndex !== -1 && isWindowsReservedName(component, colonIndex)) {
        return StringPrototypeReplace(joined, forwardSlashRegExp, '\\');
      }
    }

    return win32.normalize(joined);
  },

  // The path from `from` to `to`, e.g. 'C:\\a\\b\\c', 'C:\\a\\d' ->
  // '..\\..\\d'. Comparison ignores case.
  relative(from, to) {
    validateString(from, 'from');
    validateString(to, 'to');
    if (from === to) return '';

    const fromOrig = win32.resolve(from);
    const toOrig = win32.resolve(to);
    if (fromOrig === toOrig) return '';

    from = StringPrototypeToLowerCase(fromOrig);
    to = StringPrototypeToLowerCase(toOrig);
    if (from === to) return '';

    if (fromOrig.length !== from.length || toOrig.length !== to.length) {
      // Lowercasing changed a length (some non-ASCII letters do): compare
      // component by component instead of by character offsets.
      const fromSplit = StringPrototypeSplit(fromOrig, '\\');
      const toSplit = StringPrototypeSplit(toOrig, '\\');
      if (fromSplit[fromSplit.length - 1] === '') ArrayPrototypePop(fromSplit);
      if (toSplit[toSplit.length - 1] === '') ArrayPrototypePop(toSplit);
      const fromLen = fromSplit.length;
      const toLen = toSplit.length;
      const length = fromLen < toLen ? fromLen : toLen;
      let i;
      for (i = 0; i < length; i++) {
        if (StringPrototypeToLowerCase(fromSplit[i]) !==
            StringPrototypeToLowerCase(toSplit[i])) {
          break;
        }
      }
      if (i === 0) return toOrig;
      if (i === length) {
        if (toLen > length) {
          return ArrayPrototypeJoin(ArrayPrototypeSlice(toSplit, i), '\\');
        }
        if (fromLen > length) {
          return `${StringPrototypeRepeat('..\\', fromLen - 1 - i)}..`;
        }
        return '';
      }
      return StringPrototypeRepeat('..\\', fromLen - i) +
        ArrayPrototypeJoin(ArrayPrototypeSlice(toSplit, i), '\\');
    }

    // Skip leading and trailing backslashes.
    let fromStart = 0;
    while (fromStart < from.length &&
           StringPrototypeCharCodeAt(from, fromStart) === kBackslash) {
      fromStart++;
    }
    let fromEnd = from.length;
    while (fromEnd - 1 > fromStart &&
           StringPrototypeCharCodeAt(from, fromEnd - 1) === kBackslash) {
      fromEnd--;
    }
    const fromLen = fromEnd - fromStart;

    let toStart = 0;
    while (toStart < to.length &&
           StringPrototypeCharCodeAt(to, toStart) === kBackslash) {
      toStart++;
    }
    let toEnd = to.length;
    while (toEnd - 1 > toStart &&
           StringPrototypeCharCodeAt(to, toEnd - 1) === kBackslash) {
      toEnd--;
    }
    const toLen = toEnd - toStart;

    const length = fromLen < toLen ? fromLen : toLen;
    let lastCommonSep = -1;
    let i = 0;
    for (; i < length; i++) {
      const fromCode = StringPrototypeCharCodeAt(from, fromStart + i);
      if (fromCode !== StringPrototypeCharCodeAt(to, toStart + i)) break;
      if (fromCode === kBackslash) lastCommonSep = i;
    }

    if (i !== length) {
      // Different drives or shares: no relative path exists.
      if (lastCommonSep === -1) return toOrig;
    } else {
      if (toLen > length) {
        if (StringPrototypeCharCodeAt(to, toStart + i) === kBackslash) {
          // `from` is a prefix of `to`: 'C:\\a' -> 'C:\\a\\b'.
          return StringPrototypeSlice(toOrig, toStart + i + 1);
        }
        if (i === 2) {
          // `from` is a drive root: 'C:\\' -> 'C:\\a'.
          return StringPrototypeSlice(toOrig, toStart + i);
        }
      }
      if (fromLen > length) {
        if (StringPrototypeCharCodeAt(from, fromStart + i) === kBackslash) {
          lastCommonSep = i;
        } else if (i === 2) {
          lastCommonSep = 3;
        }
      }
      if (lastCommonSep === -1) lastCommonSep = 0;
    }

    let out = '';
    for (i = fromStart + lastCommonSep + 1; i <= fromEnd; ++i) {
      if (i === fromEnd || StringPrototypeCharCodeAt(from, i) === kBackslash) {
        out += out.length === 0 ? '..' : '\\..';
      }
    }
    toStart += lastCommonSep;
    if (out.length > 0) {
      return `${out}${StringPrototypeSlice(toOrig, toStart, toEnd)}`;
    }
    if (StringPrototypeCharCodeAt(toOrig, toStart) === kBackslash) ++toStart;
    return StringPrototypeSlice(toOrig, toStart, toEnd);
  },

  // 'C:\\x' -> '\\\\?\\C:\\x', '\\\\server\\share' ->
  // '\\\\?\\UNC\\server\\share'; other values are returned unchanged.
  toNamespacedPath(path) {
    if (typeof path !== 'string' || path.length === 0) return path;
    const resolvedPath = win32.resolve(path);
    if (resolvedPath.length <= 2) return path;
    const c0 = StringPrototypeCharCodeAt(resolvedPath, 0);
    if (c0 === kBackslash) {
      if (StringPrototypeCharCodeAt(resolvedPath, 1) === kBackslash) {
        const c2 = StringPrototypeCharCodeAt(resolvedPath, 2);
        if (c2 !== kQuestionMark && c2 !== kDot) {
          return `\\\\?\\UNC\\${StringPrototypeSlice(resolvedPath, 2)}`;
        }
      }
    } else if (isWindowsDeviceRoot(c0) &&
               StringPrototypeCharCodeAt(resolvedPath, 1) === kColon &&
               StringPrototypeCharCodeAt(resolvedPath, 2) === kBackslash) {
      return `\\\\?\\${resolvedPath}`;
    }
    return resolvedPath;
  },

  dirname(path) {
    validateString(path, 'path');
    const len = path.length;
    if (len === 0) return '.';
    const code = StringPrototypeCharCodeAt(path, 0);
    if (len === 1) return isPathSeparator(code) ? path : '.';

    // rootEnd: end of the root kept when nothing else is left (-1: none);
    // offset: where the search for the last separator stops.
    let rootEnd = -1;
    let offset = 0;
    if (isPathSeparator(code)) {
      rootEnd = offset = 1;
      if (isPathSeparator(StringPrototypeCharCodeAt(path, 1))) {
        const unc = matchUncRoot(path);
        if (unc !== null) {
          // A bare UNC root is its own dirname.
          if (unc.shareEnd === len) return path;
          rootEnd = offset = unc.shareEnd + 1;
        }
      }
    } else if (isWindowsDeviceRoot(code) &&
               StringPrototypeCharCodeAt(path, 1) === kColon) {
      rootEnd = len > 2 && isPathSeparator(StringPrototypeCharCodeAt(path, 2)) ?
        3 : 2;
      offset = rootEnd;
    }

    let end = -1;
    let matchedSlash = true;
    for (let i = len - 1; i >= offset; --i) {
      if (isPathSeparator(StringPrototypeCharCodeAt(path, i))) {
        if (!matchedSlash) {
          end = i;
          break;
        }
      } else {
        matchedSlash = false;
      }
    }
    if (end === -1) {
      if (rootEnd === -1) return '.';
      end = rootEnd;
    }
    return StringPrototypeSlice(path, 0, end);
  },

  basename(path, suffix) {
    if (suffix !== undefined) validateString(suffix, 'suffix');
    validateString(path, 'path');
    // A drive letter is never part of the name.
    const start = path.length >= 2 &&
      isWindowsDeviceRoot(StringPrototypeCharCodeAt(path, 0)) &&
      StringPrototypeCharCodeAt(path, 1) === kColon ? 2 : 0;
    return basenameImpl(path, suffix, start, isPathSeparator);
  },

  extname(path) {
    validateString(path, 'path');
    const start = path.length >= 2 &&
      StringPrototypeCharCodeAt(path, 1) === kColon &&
      isWindowsDeviceRoot(StringPrototypeCharCodeAt(path, 0)) ? 2 : 0;
    const { startDot, end } =
      scanBaseName(path, start, start, isPathSeparator);
    if (startDot === -1) return '';
    return StringPrototypeSlice(path, startDot, end);
  },

  format: FunctionPrototypeBind(_format, null, '\\'),

  parse(path) {
    validateString(path, 'path');
    const ret = { root: '', dir: '', base: '', ext: '', name: '' };
    const len = path.length;
    if (len === 0) return ret;

    let rootEnd = 0;
    const code = StringPrototypeCharCodeAt(path, 0);
    if (len === 1) {
      if (isPathSeparator(code)) {
        ret.root = ret.dir = path;
      } else {
        ret.base = ret.name = path;
      }
      return ret;
    }
    if (isPathSeparator(code)) {
      rootEnd = 1;
      if (isPathSeparator(StringPrototypeCharCodeAt(path, 1))) {
        const unc = matchUncRoot(path);
        if (unc !== null) {
          rootEnd = unc.shareEnd === len ? len : unc.shareEnd + 1;
        }
      }
    } else if (isWindowsDeviceRoot(code) &&
               StringPrototypeCharCodeAt(path, 1) === kColon) {
      if (len <= 2) {
        ret.root = ret.dir = path;
        return ret;
      }
      rootEnd = 2;
      if (isPathSeparator(StringPrototypeCharCodeAt(path, 2))) {
        if (len === 3) {
          ret.root = ret.dir = path;
          return ret;
        }
        rootEnd = 3;
      }
    }
    if (rootEnd > 0) ret.root = StringPrototypeSlice(path, 0, rootEnd);

    const { startPart, startDot, end } =
      scanBaseName(path, rootEnd, rootEnd, isPathSeparator);
    if (end !== -1) {
      if (startDot === -1) {
        ret.base = ret.name = StringPrototypeSlice(path, startPart, end);
      } else {
        ret.name = StringPrototypeSlice(path, startPart, startDot);
        ret.base = StringPrototypeSlice(path, startPart, end);
        ret.ext = StringPrototypeSlice(path, startDot, end);
      }
    }
    if (startPart > 0 && startPart !== rootEnd) {
      ret.dir = StringPrototypeSlice(path, 0, startPart - 1);
    } else {
      ret.dir = ret.root;
    }
    return ret;
  },

  matchesGlob(path, pattern) {
    return matchesGlobImpl(path, pattern, true);
  },

  sep: '\\',
  delimiter: ';',
  win32: null,
  posix: null,
};

// On Windows hosts posix.resolve() uses the current directory with its
// drive removed and '/' separators.
function posixCwd() {
  if (!isWindows) return process.cwd();
  const cwd = StringPrototypeReplace(process.cwd(), /\\/g, '/');
  return StringPrototypeSlice(cwd, StringPrototypeIndexOf(cwd, '/'));
}

const posix = {
  resolve(...args) {
    // One absolute path that is already normal (the module loader's
    // directories): resolving it leaves it as it is.
    if (args.length === 1) {
      const path = args[0];
      if (typeof path === 'string' && path.length > 1 &&
          StringPrototypeCharCodeAt(path, 0) === kSlash &&
          StringPrototypeCharCodeAt(path, path.length - 1) !== kSlash &&
          isNormalPosixPath(path)) {
        return path;
      }
    }
    if (args.length === 0 ||
        (args.length === 1 && (args[0] === '' || args[0] === '.'))) {
      const cwd = posixCwd();
      if (StringPrototypeCharCodeAt(cwd, 0) === kSlash) return cwd;
    }
    let resolvedPath = '';
    let resolvedAbsolute = false;
    // Right to left until an absolute path is found.
    for (let i = args.length - 1; i >= 0 && !resolvedAbsolute; i--) {
      const path = args[i];
      validateString(path, `paths[${i}]`);
      if (path.length === 0) continue;
      resolvedPath = `${path}/${resolvedPath}`;
      resolvedAbsolute = StringPrototypeCharCodeAt(path, 0) === kSlash;
    }
    if (!resolvedAbsolute) {
      const cwd = posixCwd();
      resolvedPath = `${cwd}/${resolvedPath}`;
      resolvedAbsolute = StringPrototypeCharCodeAt(cwd, 0) === kSlash;
    }
    resolvedPath = normalizePosixString(resolvedPath, !resolvedAbsolute);
    if (resolvedAbsolute) return `/${resolvedPath}`;
    return resolvedPath.length > 0 ? resolvedPath : '.';
  },

  normalize(path) {
    if (typeof path !== 'string') validateString(path, 'path');
    if (path.length === 0) return '.';
    if (isNormalPosixPath(path)) return path;
    const isAbsolute = StringPrototypeCharCodeAt(path, 0) === kSlash;
    const trailingSeparator =
      StringPrototypeCharCodeAt(path, path.length - 1) === kSlash;
    path = normalizePosixString(path, !isAbsolute);
    if (path.length === 0) {
      if (isAbsolute) return '/';
      return trailingSeparator ? './' : '.';
    }
    if (trailingSeparator) path += '/';
    return isAbsolute ? `/${path}` : path;
  },

  isAbsolute(path) {
    validateString(path, 'path');
    return path.length > 0 && StringPrototypeCharCodeAt(path, 0) === kSlash;
  },

  join(...args) {
    if (args.length === 0) return '.';
    let joined;
    for (let i = 0; i < args.length; ++i) {
      const arg = args[i];
      if (typeof arg !== 'string') validateString(arg, 'path');
      if (arg.length > 0) {
        joined = joined === undefined ? arg : `${joined}/${arg}`;
      }
    }
    if (joined === undefined) return '.';
    return posix.normalize(joined);
  },

  relative(from, to) {
    validateString(from, 'from');
    validateString(to, 'to');
    if (from === to) return '';
    from = posix.resolve(from);
    to = posix.resolve(to);
    if (from === to) return '';

    // Both are absolute now; compare after the leading '/'.
    const fromStart = 1;
    const fromEnd = from.length;
    const fromLen = fromEnd - fromStart;
    const toStart = 1;
    const toLen = to.length - toStart;
    const length = fromLen < toLen ? fromLen : toLen;
    let lastCommonSep = -1;
    let i = 0;
    for (; i < length; i++) {
      const fromCode = StringPrototypeCharCodeAt(from, fromStart + i);
      if (fromCode !== StringPrototypeCharCodeAt(to, toStart + i)) break;
      if (fromCode === kSlash) lastCommonSep = i;
    }
    if (i === length) {
      if (toLen > length) {
        if (StringPrototypeCharCodeAt(to, toStart + i) === kSlash) {
          // '/a/b' -> '/a/b/c/d'
          return StringPrototypeSlice(to, toStart + i + 1);
        }
        if (i === 0) {
          // '/' -> '/a'
          return StringPrototypeSlice(to, toStart + i);
        }
      } else if (fromLen > length) {
        if (StringPrototypeCharCodeAt(from, fromStart + i) === kSlash) {
          // '/a/b/c' -> '/a/b'
          lastCommonSep = i;
        } else if (i === 0) {
          // '/a' -> '/'
          lastCommonSep = 0;
        }
      }
    }
    let out = '';
    for (i = fromStart + lastCommonSep + 1; i <= fromEnd; ++i) {
      if (i === fromEnd || StringPrototypeCharCodeAt(from, i) === kSlash) {
        out += out.length === 0 ? '..' : '/..';
      }
    }
    return `${out}${StringPrototypeSlice(to, toStart + lastCommonSep)}`;
  },

  toNamespacedPath(path) {
    return path;
  },

  dirname(path) {
    validateString(path, 'path');
    if (path.length === 0) return '.';
    const hasRoot = StringPrototypeCharCodeAt(path, 0) === kSlash;
    // No trailing '/' (the common case): the last '/' ends the directory,
    // found without a loop over the characters.
    if (StringPrototypeCharCodeAt(path, path.length - 1) !== kSlash) {
      const last = StringPrototypeLastIndexOf(path, '/');
      if (last < 1) return hasRoot ? '/' : '.';
      if (hasRoot && last === 1) return '//';
      return StringPrototypeSlice(path, 0, last);
    }
    let end = -1;
    let matchedSlash = true;
    for (let i = path.length - 1; i >= 1; --i) {
      if (StringPrototypeCharCodeAt(path, i) === kSlash) {
        if (!matchedSlash) {
          end = i;
          break;
        }
      } else {
        matchedSlash = false;
      }
    }
    if (end === -1) return hasRoot ? '/' : '.';
    if (hasRoot && end === 1) return '//';
    return StringPrototypeSlice(path, 0, end);
  },

  basename(path, suffix) {
    if (suffix !== undefined) validateString(suffix, 'suffix');
    validateString(path, 'path');
    return basenameImpl(path, suffix, 0, isPosixPathSeparator);
  },

  extname(path) {
    validateString(path, 'path');
    const { startDot, end } =
      scanBaseName(path, 0, 0, isPosixPathSeparator);
    if (startDot === -1) return '';
    return StringPrototypeSlice(path, startDot, end);
  },

  format: FunctionPrototypeBind(_format, null, '/'),

  parse(path) {
    validateString(path, 'path');
    const ret = { root: '', dir: '', base: '', ext: '', name: '' };
    if (path.length === 0) return ret;
    const isAbsolute = StringPrototypeCharCodeAt(path, 0) === kSlash;
    let start;
    if (isAbsolute) {
      ret.root = '/';
      start = 1;
    } else {
      start = 0;
    }
    const { startPart, startDot, end } =
      scanBaseName(path, start, 0, isPosixPathSeparator);
    if (end !== -1) {
      const nameStart = startPart === 0 && isAbsolute ? 1 : startPart;
      if (startDot === -1) {
        ret.base = ret.name = StringPrototypeSlice(path, nameStart, end);
      } else {
        ret.name = StringPrototypeSlice(path, nameStart, startDot);
        ret.base = StringPrototypeSlice(path, nameStart, end);
        ret.ext = StringPrototypeSlice(path, startDot, end);
      }
    }
    if (startPart > 0) {
      ret.dir = StringPrototypeSlice(path, 0, startPart - 1);
    } else if (isAbsolute) {
      ret.dir = '/';
    }
    return ret;
  },

  matchesGlob(path, pattern) {
    return matchesGlobImpl(path, pattern, false);
  },

  sep: '/',
  delimiter: ':',
  win32: null,
  posix: null,
};

posix.win32 = win32.win32 = win32;
posix.posix = win32.posix = posix;

// Legacy name of toNamespacedPath() (DEP0080, documentation only).
win32._makeLong = win32.toNamespacedPath;
posix._makeLong = posix.toNamespacedPath;

module.exports = isWindows ? win32 : posix;
