'use strict';

// Finds the names a CommonJS module exports, without running it, so that
// `import { x } from './file.cjs'` can link: `exports.x =`,
// `module.exports.x =`, `Object.defineProperty(exports, 'x'`, the keys of
// a `module.exports = { a, b: ... }` literal, and `__esModule`. A guess by
// pattern, like Node's lexer: names it misses are still on `default`.

const {
  ArrayPrototypePush,
  RegExpPrototypeExec,
  SafeSet,
  StringPrototypeIndexOf,
  StringPrototypeSlice,
  StringPrototypeTrim,
} = primordials;

const kIdent = '[A-Za-z_$][\\w$]*';

function addMatches(re, source, names) {
  re.lastIndex = 0;
  let m;
  while ((m = RegExpPrototypeExec(re, source)) !== null) {
    names.add(m[1] ?? m[2]);
  }
}

// The top-level keys of the object literal starting at `start` ('{').
function literalKeys(source, start, names) {
  let depth = 0;
  let segment = '';
  const segments = [];
  for (let i = start; i < source.length; i++) {
    const c = source[i];
    if (c === '{' || c === '[' || c === '(') {
      depth++;
      if (depth === 1) continue;
    } else if (c === '}' || c === ']' || c === ')') {
      depth--;
      if (depth === 0) {
        ArrayPrototypePush(segments, segment);
        break;
      }
    } else if (c === ',' && depth === 1) {
      ArrayPrototypePush(segments, segment);
      segment = '';
      continue;
    }
    if (depth === 1) segment += c;
  }
  const keyRe = new RegExp(`^(?:(${kIdent})|'([^']*)'|"([^"]*)")\\s*(?::|$)`);
  for (let i = 0; i < segments.length; i++) {
    const text = StringPrototypeTrim(segments[i]);
    if (StringPrototypeSlice(text, 0, 3) === '...') continue;
    const m = RegExpPrototypeExec(keyRe, text);
    if (m !== null) names.add(m[1] ?? m[2] ?? m[3]);
  }
}

function detectCjsExports(source) {
  const names = new SafeSet();
  addMatches(new RegExp(
    `(?:^|[^.\\w$])(?:module\\.)?exports\\s*\\.\\s*(${kIdent})\\s*=[^=]`,
    'g'), source, names);
  addMatches(new RegExp(
    `(?:^|[^.\\w$])(?:module\\.)?exports\\s*\\[\\s*(?:'([^']+)'|"([^"]+)")` +
    '\\s*\\]\\s*=[^=]', 'g'), source, names);
  addMatches(new RegExp(
    'Object\\.defineProperty\\(\\s*(?:module\\.)?exports\\s*,\\s*' +
    '(?:\'([^\']+)\'|"([^"]+)")', 'g'), source, names);
  const assignRe = /(?:^|[^.\w$])module\.exports\s*=\s*\{/g;
  let m;
  while ((m = RegExpPrototypeExec(assignRe, source)) !== null) {
    literalKeys(source, StringPrototypeIndexOf(source, '{', m.index), names);
  }
  return names;
}

module.exports = { detectCjsExports };
