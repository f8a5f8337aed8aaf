'use strict';

// Glob patterns as fs.glob and path.matchesGlob read them (minimatch's
// dialect with Node's options: no negation, no comments, backslashes are
// separators, case-sensitive on Linux).
//
// compile(pattern) turns one pattern into a GlobPattern: its brace
// expansions, each split at '/', simplified (empty and '.' parts dropped,
// '<p>/..' folded, '**/**' merged, patterns that another one covers
// dropped), and every part made a literal string, GLOBSTAR ('**'), or a
// RegExp for one path segment. Segment syntax: * ? [...] (with [!...],
// [^...], ranges and [:class:]), and the extglobs @(a|b) ?(..) *(..) +(..)
// !(..). Wildcards never match a leading '.' of a name unless the pattern
// spells it, and never match '.' or '..'.

const {
  ArrayPrototypeJoin,
  ArrayPrototypeMap,
  ArrayPrototypePop,
  ArrayPrototypePush,
  ArrayPrototypeSlice,
  ArrayPrototypeSplice,
  MathAbs,
  MathMax,
  NumberParseInt,
  RegExp,
  RegExpPrototypeExec,
  SafeSet,
  String,
  StringFromCharCode,
  StringPrototypeCharCodeAt,
  StringPrototypeIndexOf,
  StringPrototypePadStart,
  StringPrototypeReplace,
  StringPrototypeSlice,
  StringPrototypeSplit,
  Symbol,
} = primordials;

const GLOBSTAR = Symbol('globstar **');

// --- brace expansion --------------------------------------------------------

// Index of the '}' closing the '{' at `open`, or -1.
function findClose(str, open) {
  let depth = 0;
  for (let i = open; i < str.length; i++) {
    const c = str[i];
    if (c === '{' && str[i - 1] !== '$') depth++;
    else if (c === '}') {
      depth--;
      if (depth === 0) return i;
    }
  }
  return -1;
}

// The top-level comma-separated members of a brace body.
function splitMembers(body) {
  const members = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i];
    if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (c === ',' && depth === 0) {
      ArrayPrototypePush(members, StringPrototypeSlice(body, start, i));
      start = i + 1;
    }
  }
  ArrayPrototypePush(members, StringPrototypeSlice(body, start));
  return members;
}

const kNumericSequence = /^(-?\d+)\.\.(-?\d+)(?:\.\.(-?\d+))?$/;
const kLeadingZero = /^-?0\d/;
const kAlphaSequence = /^([A-Za-z])\.\.([A-Za-z])(?:\.\.(-?\d+))?$/;

// {1..5}, {01..10}, {a..e}, with an optional step; null if not one.
function expandSequence(body) {
  let m = RegExpPrototypeExec(kNumericSequence, body);
  if (m !== null) {
    const from = NumberParseInt(m[1], 10);
    const to = NumberParseInt(m[2], 10);
    const step = MathMax(MathAbs(m[3] === undefined ? 1 :
      NumberParseInt(m[3], 10)), 1);
    const padded = RegExpPrototypeExec(kLeadingZero, m[1]) !== null ||
                   RegExpPrototypeExec(kLeadingZero, m[2]) !== null;
    const width = MathMax(m[1].length, m[2].length);
    const out = [];
    const dir = from <= to ? 1 : -1;
    for (let n = from; dir > 0 ? n <= to : n >= to; n += dir * step) {
      let s = String(MathAbs(n));
      if (padded) {
        s = StringPrototypePadStart(s, n < 0 ? width - 1 : width, '0');
      }
      ArrayPrototypePush(out, n < 0 ? `-${s}` : s);
    }
    return out;
  }
  m = RegExpPrototypeExec(kAlphaSequence, body);
  if (m !== null) {
    const from = StringPrototypeCharCodeAt(m[1], 0);
    const to = StringPrototypeCharCodeAt(m[2], 0);
    const step = MathMax(MathAbs(m[3] === undefined ? 1 :
      NumberParseInt(m[3], 10)), 1);
    const out = [];
    const dir = from <= to ? 1 : -1;
    for (let c = from; dir > 0 ? c <= to : c >= to; c += dir * step) {
      const s = StringFromCharCode(c);
      if (s !== '\\') ArrayPrototypePush(out, s);
    }
    return out;
  }
  return null;
}

function braceExpand(str) {
  // The first '{' that opens a real set or sequence.
  let open = -1;
  let close = -1;
  let members = null;
  for (let i = 0; i < str.length; i++) {
    if (str[i] !== '{' || str[i - 1] === '$') continue;
    const end = findClose(str, i);
    if (end === -1) break;
    const body = StringPrototypeSlice(str, i + 1, end);
    const sequence = expandSequence(body);
    if (sequence !== null) {
      members = sequence;
    } else {
      const parts = splitMembers(body);
      if (parts.length < 2) {
        // '{a}' stays as written, but what is inside may still expand.
        const inner = braceExpand(body);
        if (inner.length < 2) continue;
        members = ArrayPrototypeMap(inner, (s) => `{${s}}`);
      } else {
        members = parts;
      }
    }
    open = i;
    close = end;
    break;
  }
  if (open === -1) return [str];
  const pre = StringPrototypeSlice(str, 0, open);
  const posts = braceExpand(StringPrototypeSlice(str, close + 1));
  const out = [];
  for (let i = 0; i < members.length; i++) {
    const expanded = braceExpand(members[i]);
    for (let j = 0; j < expanded.length; j++) {
      for (let k = 0; k < posts.length; k++) {
        ArrayPrototypePush(out, pre + expanded[j] + posts[k]);
      }
    }
  }
  return out;
}

// --- simplification of split patterns --------------------------------------

function isPlainPart(p) {
  return p !== undefined && p !== '' && p !== '.' && p !== '..' && p !== '**';
}

// One pattern's parts, simplified in place; returns the extra patterns a
// '**/..' split produces.
function simplifyParts(parts, extra) {
  let changed;
  do {
    changed = false;
    // '**/**' is '**'.
    for (let i = 0; i < parts.length - 1; i++) {
      if (parts[i] === '**' && parts[i + 1] === '**') {
        ArrayPrototypeSplice(parts, i + 1, 1);
        i--;
      }
    }
    // '<pre>/**/../<p>/<q>/<rest>' is '<pre>/../<p>/<q>/<rest>' or
    // '<pre>/**/<p>/<q>/<rest>'.
    for (let i = 0; i < parts.length; i++) {
      if (parts[i] !== '**' || parts[i + 1] !== '..') continue;
      const p = parts[i + 2];
      const q = parts[i + 3];
      if (!p || p === '.' || p === '..' || !q || q === '.' || q === '..') {
        continue;
      }
      const other = ArrayPrototypeSlice(parts);
      ArrayPrototypeSplice(other, i + 1, 1);
      ArrayPrototypeSplice(parts, i, 1);
      ArrayPrototypePush(extra, other);
      changed = true;
    }
    // Empty and '.' parts go, but for the first and the last ones (and the
    // second one of a '//' start).
    for (let i = 1; i < parts.length - 1; i++) {
      const p = parts[i];
      if (i === 1 && p === '' && parts[0] === '') continue;
      if (p === '.' || p === '') {
        ArrayPrototypeSplice(parts, i, 1);
        i--;
        changed = true;
      }
    }
    if (parts.length === 2 && parts[0] === '.' &&
        (parts[1] === '.' || parts[1] === '')) {
      ArrayPrototypePop(parts);
      changed = true;
    }
    // '<p>/..' goes.
    for (let i = 1; i < parts.length; i++) {
      if (parts[i] !== '..' || !isPlainPart(parts[i - 1])) continue;
      const keepDot = i === 1 && parts[i + 1] === '**';
      if (keepDot) ArrayPrototypeSplice(parts, i - 1, 2, '.');
      else ArrayPrototypeSplice(parts, i - 1, 2);
      if (parts.length === 0) ArrayPrototypePush(parts, '');
      i -= 2;
      if (i < 0) i = 0;
      changed = true;
    }
  } while (changed);
}

// When one of two patterns covers the other ('*' against a name that does
// not start with '.', '**' against nothing), the merged pattern; else null.
function mergeParts(a, b) {
  let ai = 0;
  let bi = 0;
  let wide = '';
  const merged = [];
  while (ai < a.length && bi < b.length) {
    const x = a[ai];
    const y = b[bi];
    if (x === y) {
      ArrayPrototypePush(merged, x);
      ai++;
      bi++;
    } else if (x === '**' && y === a[ai + 1]) {
      ArrayPrototypePush(merged, x);
      ai++;
    } else if (y === '**' && x === b[bi + 1]) {
      ArrayPrototypePush(merged, y);
      bi++;
    } else if (x === '*' && y && y !== '**' && y[0] !== '.') {
      if (wide === 'b') return null;
      wide = 'a';
      ArrayPrototypePush(merged, x);
      ai++;
      bi++;
    } else if (y === '*' && x && x !== '**' && x[0] !== '.') {
      if (wide === 'a') return null;
      wide = 'b';
      ArrayPrototypePush(merged, y);
      ai++;
      bi++;
    } else {
      return null;
    }
  }
  return a.length === b.length ? merged : null;
}

function simplify(list) {
  const extra = [];
  for (let i = 0; i < list.length; i++) simplifyParts(list[i], extra);
  while (extra.length > 0) {
    const parts = ArrayPrototypePop(extra);
    simplifyParts(parts, extra);
    ArrayPrototypePush(list, parts);
  }
  for (let i = 0; i < list.length - 1; i++) {
    for (let j = i + 1; j < list.length; j++) {
      const merged = mergeParts(list[i], list[j]);
      if (merged !== null) {
        list[i] = [];
        list[j] = merged;
        break;
      }
    }
  }
  const out = [];
  for (let i = 0; i < list.length; i++) {
    if (list[i].length > 0) ArrayPrototypePush(out, list[i]);
  }
  return out;
}

// --- one segment to a RegExp ------------------------------------------------

const kPosixClasses = {
  '__proto__': null,
  '[:alnum:]': ['\\p{L}\\p{Nl}\\p{Nd}', true],
  '[:alpha:]': ['\\p{L}\\p{Nl}', true],
  '[:ascii:]': ['\\x00-\\x7f', false],
  '[:blank:]': ['\\p{Zs}\\t', true],
  '[:cntrl:]': ['\\p{Cc}', true],
  '[:digit:]': ['\\p{Nd}', true],
  '[:graph:]': ['\\p{Z}\\p{C}', true, true],
  '[:lower:]': ['\\p{Ll}', true],
  '[:print:]': ['\\p{C}', true, true],
  '[:punct:]': ['\\p{P}', true],
  '[:space:]': ['\\p{Z}\\t\\r\\n\\v\\f', true],
  '[:upper:]': ['\\p{Lu}', true],
  '[:word:]': ['\\p{L}\\p{Nl}\\p{Nd}\\p{Pc}', true],
  '[:xdigit:]': ['A-Fa-f0-9', false],
};

function escapeRegExp(s) {
  return StringPrototypeReplace(s, /[-[\]{}()*+?.,\\^$|#\s/]/g, '\\$&');
}

// Parses '[...]' at `start`. Returns { end, source, literal, unicode } or
// null when the bracket is not closed (it is then a literal '[').
function parseClass(glob, start) {
  let i = start + 1;
  let negate = false;
  if (glob[i] === '!' || glob[i] === '^') {
    negate = true;
    i++;
  }
  const first = i;
  let members = '';
  let unicode = false;
  let negatedPosix = null;
  const chars = [];
  for (; i < glob.length; i++) {
    const c = glob[i];
    if (c === ']' && i > first) {
      if (negatedPosix !== null && members === '') {
        // [[:graph:]] and the like are "not these".
        return {
          end: i + 1, source: `[${negate ? '' : '^'}${negatedPosix}]`,
          literal: null, unicode: true,
        };
      }
      if (!negate && chars.length === 1 && !unicode) {
        return { end: i + 1, source: escapeRegExp(chars[0]),
                 literal: chars[0], unicode: false };
      }
      return { end: i + 1, source: `[${negate ? '^' : ''}${members}]`,
               literal: null, unicode };
    }
    if (c === '[' && glob[i + 1] === ':') {
      const close = StringPrototypeIndexOf(glob, ':]', i + 2);
      if (close !== -1) {
        const name = StringPrototypeSlice(glob, i, close + 2);
        const cls = kPosixClasses[name];
        if (cls !== undefined) {
          if (cls[2]) negatedPosix = cls[0];
          else members += cls[0];
          if (cls[1]) unicode = true;
          ArrayPrototypePush(chars, name, name);
          i = close + 1;
          continue;
        }
      }
    }
    if (glob[i + 1] === '-' && glob[i + 2] !== undefined &&
        glob[i + 2] !== ']') {
      const to = glob[i + 2];
      if (to < c) {
        // An empty range matches nothing.
        members += '';
      } else {
        members += `${escapeRegExp(c)}-${escapeRegExp(to)}`;
      }
      ArrayPrototypePush(chars, c, to);
      i += 2;
      continue;
    }
    members += escapeRegExp(c);
    ArrayPrototypePush(chars, c);
  }
  return null;
}

const kExtglobTypes = '@!?*+';
const kStar = '[^/]*?';
const kStarNonEmpty = '[^/]+?';
const kNoDot = '(?!\\.)';
const kNoDotDirs = '(?!(?:^|\\/)\\.\\.?(?:$|\\/))';

// Parses glob[pos..] up to a ')' or '|' (inside an extglob) or the end.
// Returns { nodes, end }: nodes are
//   { t: 'lit', v }  { t: 'star' }  { t: 'any' }  { t: 'class', v, u }
//   { t: 'ext', kind, alts: [nodes...] }
function parseNodes(glob, pos, nested) {
  const nodes = [];
  let lit = '';
  const flush = () => {
    if (lit !== '') {
      ArrayPrototypePush(nodes, { t: 'lit', v: lit });
      lit = '';
    }
  };
  let i = pos;
  while (i < glob.length) {
    const c = glob[i];
    if (nested && (c === ')' || c === '|')) break;
    if (StringPrototypeIndexOf(kExtglobTypes, c) !== -1 &&
        glob[i + 1] === '(') {
      const ext = parseExtglob(glob, i);
      if (ext !== null) {
        flush();
        ArrayPrototypePush(nodes, ext.node);
        i = ext.end;
        continue;
      }
    }
    if (c === '*') {
      flush();
      ArrayPrototypePush(nodes, { t: 'star' });
      i++;
    } else if (c === '?') {
      flush();
      ArrayPrototypePush(nodes, { t: 'any' });
      i++;
    } else if (c === '[') {
      const cls = parseClass(glob, i);
      if (cls === null) {
        lit += c;
        i++;
      } else if (cls.literal !== null) {
        lit += cls.literal;
        i = cls.end;
      } else {
        flush();
        ArrayPrototypePush(nodes, { t: 'class', v: cls.source, u: cls.unicode });
        i = cls.end;
      }
    } else {
      lit += c;
      i++;
    }
  }
  flush();
  return { nodes, end: i };
}

// '@(a|b)' and friends at `start`, or null when not closed.
function parseExtglob(glob, start) {
  const kind = glob[start];
  const alts = [];
  let i = start + 2;
  for (;;) {
    const { nodes, end } = parseNodes(glob, i, true);
    ArrayPrototypePush(alts, nodes);
    if (end >= glob.length) return null;
    i = end + 1;
    if (glob[end] === ')') break;
  }
  return { node: { t: 'ext', kind, alts }, end: i };
}

function hasMagic(nodes) {
  for (let i = 0; i < nodes.length; i++) {
    if (nodes[i].t !== 'lit') return true;
  }
  return false;
}

// The RegExp source of nodes[from..]; `atStart` when nothing precedes them
// in the segment, `rest` the source of what follows them in the enclosing
// alternative (for !(...)), `loneStars` when stars must match something.
function nodesSource(nodes, from, atStart, rest, loneStars, state) {
  let out = '';
  for (let i = from; i < nodes.length; i++) {
    const node = nodes[i];
    const first = atStart && i === 0;
    switch (node.t) {
      case 'lit':
        out += escapeRegExp(node.v);
        break;
      case 'star':
        out += (first ? kNoDot : '') + (loneStars ? kStarNonEmpty : kStar);
        break;
      case 'any':
        out += (first ? kNoDot : '') + '[^/]';
        break;
      case 'class':
        if (node.u) state.unicode = true;
        out += (first ? kNoDot : '') + node.v;
        break;
      case 'ext': {
        const after = nodesSource(nodes, i + 1, false, rest, loneStars,
                                  state) + rest;
        if (node.kind === '!') {
          const body = altsSource(node.alts, false, '', state);
          out += `(?:(?!(?:${body}${after}(?:$|\\/)))` +
                 `${first ? kNoDot : ''}${kStar})`;
        } else {
          const body = altsSource(node.alts, first, '', state);
          const suffix = node.kind === '@' ? '' :
            node.kind === '+' ? '+' : node.kind;
          out += `(?:${body})${suffix}`;
        }
        break;
      }
    }
  }
  return out;
}

function altsSource(alts, atStart, rest, state) {
  const sources = [];
  for (let i = 0; i < alts.length; i++) {
    ArrayPrototypePush(sources,
                       nodesSource(alts[i], 0, atStart, rest, false, state));
  }
  return ArrayPrototypeJoin(sources, '|');
}

// One path segment: a literal string, GLOBSTAR, or a RegExp.
function compileSegment(segment) {
  if (segment === '**') return GLOBSTAR;
  if (segment === '') return '';
  const { nodes } = parseNodes(segment, 0, false);
  if (!hasMagic(nodes)) return nodes.length === 0 ? '' : nodes[0].v;
  let loneStars = true;
  for (let i = 0; i < nodes.length; i++) {
    if (nodes[i].t !== 'star' && nodes[i].t !== 'ext') loneStars = false;
  }
  const state = { unicode: false };
  let source = nodesSource(nodes, 0, true, '', loneStars, state);
  if (segment[0] === '.') source = kNoDotDirs + source;
  return new RegExp(`^${source}$`, state.unicode ? 'u' : '');
}

// --- patterns ---------------------------------------------------------------

class GlobPattern {
  constructor(pattern, windows) {
    pattern = StringPrototypeReplace(pattern, /\\/g, '/');
    this.pattern = pattern;
    this.windows = windows;
    this.empty = pattern === '';
    // Split, simplified parts (strings) and their compiled forms.
    this.globParts = [];
    this.set = [];
    if (this.empty) return;
    const expanded = braceExpand(pattern);
    const seen = new SafeSet();
    const list = [];
    for (let i = 0; i < expanded.length; i++) {
      if (seen.has(expanded[i])) continue;
      seen.add(expanded[i]);
      ArrayPrototypePush(list, splitPath(expanded[i]));
    }
    this.globParts = simplify(list);
    this.set = ArrayPrototypeMap(this.globParts,
                                 (parts) => ArrayPrototypeMap(parts,
                                                              compileSegment));
  }

  match(path) {
    if (this.empty) return path === '';
    if (this.windows) path = StringPrototypeReplace(path, /\\/g, '/');
    const file = simplifyFile(splitPath(path));
    for (let i = 0; i < this.set.length; i++) {
      if (matchParts(file, 0, this.set[i], 0)) return true;
    }
    return false;
  }
}

function splitPath(path) {
  return StringPrototypeSplit(path, /\/+/);
}

// A path's parts with the same folding a pattern gets.
function simplifyFile(parts) {
  let changed;
  do {
    changed = false;
    for (let i = 1; i < parts.length - 1; i++) {
      const p = parts[i];
      if (i === 1 && p === '' && parts[0] === '') continue;
      if (p === '.' || p === '') {
        ArrayPrototypeSplice(parts, i, 1);
        i--;
        changed = true;
      }
    }
    if (parts.length === 2 && parts[0] === '.' &&
        (parts[1] === '.' || parts[1] === '')) {
      ArrayPrototypePop(parts);
      changed = true;
    }
    for (let i = 1; i < parts.length; i++) {
      if (parts[i] !== '..' || !isPlainPart(parts[i - 1])) continue;
      ArrayPrototypeSplice(parts, i - 1, 2);
      i -= 2;
      if (i < 0) i = 0;
      changed = true;
    }
  } while (changed);
  return parts.length === 0 ? [''] : parts;
}

function isHidden(name) {
  return name === '.' || name === '..' || name[0] === '.';
}

function matchParts(file, fi, pattern, pi) {
  for (; fi < file.length && pi < pattern.length; fi++, pi++) {
    const p = pattern[pi];
    const f = file[fi];
    if (p === GLOBSTAR) {
      if (pi === pattern.length - 1) {
        // A trailing ** takes the rest, unless it holds a dot name.
        for (; fi < file.length; fi++) {
          if (isHidden(file[fi])) return false;
        }
        return true;
      }
      for (let fr = fi; fr < file.length; fr++) {
        if (matchParts(file, fr, pattern, pi + 1)) return true;
        if (isHidden(file[fr])) break;
      }
      return false;
    }
    if (typeof p === 'string') {
      if (f !== p) return false;
    } else if (RegExpPrototypeExec(p, f) === null) {
      return false;
    }
  }
  if (fi === file.length && pi === pattern.length) return true;
  if (fi === file.length) return false;
  // The pattern is used up: a trailing slash on the path is fine.
  return fi === file.length - 1 && file[fi] === '';
}

// Whether `value` matches `index` of a compiled pattern's parts.
function testPart(part, name) {
  if (part === GLOBSTAR) return true;
  if (typeof part === 'string') return part === name;
  if (part === undefined) return false;
  return RegExpPrototypeExec(part, name) !== null;
}

module.exports = {
  GLOBSTAR,
  GlobPattern,
  braceExpand,
  testPart,
};
