'use strict';

// Helpers shared by the readline modules: the CSI tag for control sequences,
// UTF-16 character lengths, the key decoder behind 'keypress' events, and the
// common prefix of completions.

const {
  ArrayPrototypeSlice,
  ArrayPrototypeSort,
  RegExpPrototypeExec,
  StringFromCharCode,
  StringPrototypeCharCodeAt,
  StringPrototypeCodePointAt,
  StringPrototypeSlice,
  StringPrototypeSplit,
  StringPrototypeToLowerCase,
  Symbol,
} = primordials;

const kEscape = '\x1b';
const kSubstringSearch = Symbol('kSubstringSearch');
// Code points at or above this take two UTF-16 units.
const kAstralStart = 0x10000;

// Tag for template literals: CSI`${n}G` is ESC [ n G.
function CSI(strings, ...args) {
  let out = `${kEscape}[`;
  for (let i = 0; i < strings.length; i++) {
    out += strings[i];
    if (i < args.length) out += args[i];
  }
  return out;
}
CSI.kEscape = kEscape;
CSI.kClearToLineBeginning = CSI`1K`;
CSI.kClearToLineEnd = CSI`0K`;
CSI.kClearLine = CSI`2K`;
CSI.kClearScreenDown = CSI`0J`;

// UTF-16 units taken by the character that ends at index i.
function charLengthLeft(str, i) {
  if (i <= 0) return 0;
  if (StringPrototypeCodePointAt(str, i - 1) >= kAstralStart) return 2;
  if (i > 1 && StringPrototypeCodePointAt(str, i - 2) >= kAstralStart) {
    return 2;
  }
  return 1;
}

// UTF-16 units taken by the character that starts at index i; 1 past the end
// so that moving right at the end still "moves".
function charLengthAt(str, i) {
  if (i >= str.length) return 1;
  return StringPrototypeCodePointAt(str, i) >= kAstralStart ? 2 : 1;
}

// Key names of the escape sequences, by code: the introducer ('[' or 'O', a
// second '[' when present) and what follows it, digits and final byte.
const kKeyNames = {
  '__proto__': null,
  // xterm / gnome function keys
  '[P': 'f1', '[Q': 'f2', '[R': 'f3', '[S': 'f4',
  'OP': 'f1', 'OQ': 'f2', 'OR': 'f3', 'OS': 'f4',
  // xterm / rxvt: number followed by ~
  '[11~': 'f1', '[12~': 'f2', '[13~': 'f3', '[14~': 'f4',
  '[15~': 'f5', '[17~': 'f6', '[18~': 'f7', '[19~': 'f8',
  '[20~': 'f9', '[21~': 'f10', '[23~': 'f11', '[24~': 'f12',
  // bracketed paste
  '[200~': 'paste-start', '[201~': 'paste-end',
  // Cygwin (libuv's console emulation)
  '[[A': 'f1', '[[B': 'f2', '[[C': 'f3', '[[D': 'f4', '[[E': 'f5',
  // cursor keys
  '[A': 'up', '[B': 'down', '[C': 'right', '[D': 'left',
  '[E': 'clear', '[F': 'end', '[H': 'home',
  'OA': 'up', 'OB': 'down', 'OC': 'right', 'OD': 'left',
  'OE': 'clear', 'OF': 'end', 'OH': 'home',
  // editing keys
  '[1~': 'home', '[2~': 'insert', '[3~': 'delete', '[4~': 'end',
  '[5~': 'pageup', '[6~': 'pagedown',
  '[[5~': 'pageup', '[[6~': 'pagedown',  // putty
  '[7~': 'home', '[8~': 'end',  // rxvt
};

// rxvt sends modified keys with their own codes: [name, modifier property].
const kModifiedKeys = {
  '__proto__': null,
  '[a': ['up', 'shift'], '[b': ['down', 'shift'], '[c': ['right', 'shift'],
  '[d': ['left', 'shift'], '[e': ['clear', 'shift'],
  '[2$': ['insert', 'shift'], '[3$': ['delete', 'shift'],
  '[5$': ['pageup', 'shift'], '[6$': ['pagedown', 'shift'],
  '[7$': ['home', 'shift'], '[8$': ['end', 'shift'],
  'Oa': ['up', 'ctrl'], 'Ob': ['down', 'ctrl'], 'Oc': ['right', 'ctrl'],
  'Od': ['left', 'ctrl'], 'Oe': ['clear', 'ctrl'],
  '[2^': ['insert', 'ctrl'], '[3^': ['delete', 'ctrl'],
  '[5^': ['pageup', 'ctrl'], '[6^': ['pagedown', 'ctrl'],
  '[7^': ['home', 'ctrl'], '[8^': ['end', 'ctrl'],
  '[Z': ['tab', 'shift'],
};

// Single characters (alone or after ESC) with a name of their own.
const kCharNames = {
  '__proto__': null,
  '\r': 'return',
  '\n': 'enter',
  '\t': 'tab',
  '\b': 'backspace',
  '\x7f': 'backspace',
  '\x1b': 'escape',
  ' ': 'space',
};

function isDigit(ch) {
  return ch >= '0' && ch <= '9';
}

// A generator fed one character (code point) per next() call; it emits
// 'keypress' (string or undefined, key) on `stream` for every complete key.
// next('') flushes a lone ESC (the escape timeout). Recognised forms:
//   ESC x                    meta + x
//   ESC [ ... final, ESC O ... final, ESC [ [ ... final
//   with an optional number (1 to 3 digits) and ';modifier' before the final
// where modifier - 1 is a bit set: 1 shift, 2 alt, 4 ctrl, 8 meta. Two
// leading ESCs count as one.
function* emitKeys(stream) {
  for (;;) {
    let ch = yield;
    let seq = ch;
    let escaped = false;
    const key = {
      sequence: null,
      name: undefined,
      ctrl: false,
      meta: false,
      shift: false,
    };

    if (ch === kEscape) {
      escaped = true;
      seq += (ch = yield);
      if (ch === kEscape) seq += (ch = yield);
    }

    if (escaped && (ch === 'O' || ch === '[')) {
      let code = ch;
      let modifier = 0;
      if (ch === 'O') {
        seq += (ch = yield);
        if (isDigit(ch)) {
          modifier = (ch >> 0) - 1;
          seq += (ch = yield);
        }
        code += ch;
      } else {
        seq += (ch = yield);
        if (ch === '[') {
          code += ch;
          seq += (ch = yield);
        }
        // Collect just enough for one of
        //   NN[;M](~|^|$)  or  NNN~  (bracketed paste)
        //   [[N;]M]letter
        const start = seq.length - 1;
        for (let digits = 0; digits < 3 && isDigit(ch); digits++) {
          seq += (ch = yield);
        }
        if (ch === ';') {
          seq += (ch = yield);
          if (isDigit(ch)) seq += yield;
        }
        const body = StringPrototypeSlice(seq, start);
        let m = RegExpPrototypeExec(
          /^(?:(\d\d?)(?:;(\d))?([~^$])|(\d{3}~))$/, body);
        if (m !== null) {
          if (m[4]) {
            code += m[4];
          } else {
            code += m[1] + m[3];
            modifier = (m[2] || 1) - 1;
          }
        } else if ((m = RegExpPrototypeExec(/^((\d;)?(\d))?([A-Za-z])$/,
                                            body)) !== null) {
          code += m[4];
          modifier = (m[3] || 1) - 1;
        } else {
          code += body;
        }
      }

      key.ctrl = (modifier & 4) !== 0;
      key.meta = (modifier & 10) !== 0;
      key.shift = (modifier & 1) !== 0;
      key.code = code;

      const name = kKeyNames[code];
      if (name !== undefined) {
        key.name = name;
      } else {
        const modified = kModifiedKeys[code];
        if (modified !== undefined) {
          key.name = modified[0];
          key[modified[1]] = true;
        } else {
          key.name = 'undefined';
        }
      }
    } else if (kCharNames[ch] !== undefined) {
      key.name = kCharNames[ch];
      key.meta = escaped;
    } else if (!escaped && ch <= '\x1a') {
      // Ctrl + letter: \x01 is ctrl+a.
      key.name = StringFromCharCode(StringPrototypeCharCodeAt(ch) + 96);
      key.ctrl = true;
    } else if (RegExpPrototypeExec(/^[0-9A-Za-z]$/, ch) !== null) {
      key.name = StringPrototypeToLowerCase(ch);
      key.shift = ch >= 'A' && ch <= 'Z';
      key.meta = escaped;
    } else if (escaped) {
      // ESC followed by something else, or by nothing (the timeout).
      key.name = ch.length ? undefined : 'escape';
      key.meta = true;
    }

    key.sequence = seq;

    if (seq.length !== 0 && (key.name !== undefined || escaped)) {
      stream.emit('keypress', escaped ? undefined : seq, key);
    } else if (charLengthAt(seq, 0) === seq.length) {
      // One character without a name ('.', 'é', an emoji).
      stream.emit('keypress', seq, key);
    }
    // Anything else is a broken sequence: nothing is emitted.
  }
}

// The longest common prefix: that of the smallest and the largest string.
function commonPrefix(strings) {
  if (strings.length === 0) return '';
  if (strings.length === 1) return strings[0];
  const sorted = ArrayPrototypeSort(ArrayPrototypeSlice(strings));
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  let i = 0;
  while (i < first.length && first[i] === last[i]) i++;
  return StringPrototypeSlice(first, 0, i);
}

// Reverses the order of the `from`-separated parts of line, joined by `to`
// (multi-line history entries are stored last line first).
function reverseString(line, from = '\r', to = '\r') {
  const parts = StringPrototypeSplit(line, from);
  let out = parts[parts.length - 1];
  for (let i = parts.length - 2; i >= 0; i--) out += to + parts[i];
  return out;
}

module.exports = {
  charLengthAt,
  charLengthLeft,
  commonPrefix,
  emitKeys,
  reverseString,
  kSubstringSearch,
  CSI,
};
