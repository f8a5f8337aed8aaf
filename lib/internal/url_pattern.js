'use strict';

// URLPattern (https://urlpattern.spec.whatwg.org/) in JavaScript: the
// tokenizer, the pattern parser, the constructor-string parser, regular
// expression and pattern-string generation, and matching. Components are
// canonicalised by internal/url's parser run with a state override, as the
// standard's encoding callbacks do.
//
// Node builds URLPattern in C++; what a script can observe of that is kept:
// plain TypeErrors carrying a `code` (no "[code]" in their name), only
// string-valued members of a URLPatternInit are read (others count as
// absent), getters that are enumerable and not configurable, "Illegal
// invocation" for a foreign receiver, and named groups listed last-first.
//
// V8 10.2 has no RegExp `v` flag, so patterns compile with `u`; the two
// differ only in the set notation of custom regexp groups (doc/status.md).

const {
  ArrayPrototypeSort,
  ErrorCaptureStackTrace,
  NumberPrototypeToString,
  ObjectDefineProperties,
  ObjectDefineProperty,
  ReflectDeleteProperty,
  RegExp,
  RegExpPrototypeExec,
  SafeMap,
  StringFromCharCode,
  StringPrototypeCharCodeAt,
  StringPrototypeIncludes,
  StringPrototypeIndexOf,
  StringPrototypeLastIndexOf,
  StringPrototypeSlice,
  TypeError,
} = primordials;

const {
  urlPatternSupport: {
    basicParse,
    defaultPort,
    isSpecialScheme,
    newRecord,
    percentEncode,
    serializePath,
    kUserinfoSet,
    HOSTNAME,
    PORT,
    PATH_START,
    OPAQUE_PATH,
    QUERY,
    FRAGMENT,
  },
} = require('internal/url');

// Node's URLPattern errors come from C++: a TypeError with a `code`
// property whose name stays "TypeError".
function codedTypeError(code, message, from) {
  // eslint-disable-next-line no-restricted-syntax
  const err = new TypeError(message);
  ErrorCaptureStackTrace(err, from);
  if (code !== undefined) err.code = code;
  return err;
}

// Thrown wherever the standard says "throw a TypeError" while building a
// pattern; the URLPattern constructor turns it into Node's error.
class PatternError {}
const kPatternError = new PatternError();
function fail() {
  throw kPatternError;
}

// Appends to an array this file made (cheaper than the ArrayPrototypePush
// primordial, with the same [[Set]]).
function push(list, value) {
  list[list.length] = value;
}

// --- Tokenizer ---------------------------------------------------------------

const OPEN = 0;
const CLOSE = 1;
const REGEXP = 2;
const NAME = 3;
const CHAR = 4;
const ESCAPED_CHAR = 5;
const OTHER_MODIFIER = 6;
const ASTERISK = 7;
const END = 8;
const INVALID_CHAR = 9;

const kNameStart = /^[$_\p{ID_Start}]$/u;
const kNamePart = /^[$_\u200C\u200D\p{ID_Continue}]$/u;

function isValidNameCodePoint(cp, first) {
  if (cp.length === 1) {
    const c = StringPrototypeCharCodeAt(cp, 0);
    if (c < 0x80) {
      // ASCII ID_Start is the letters, ID_Continue adds digits and _.
      return (c >= 0x61 && c <= 0x7A) || (c >= 0x41 && c <= 0x5A) ||
        c === 0x24 || c === 0x5F || (!first && c >= 0x30 && c <= 0x39);
    }
  }
  return RegExpPrototypeExec(first ? kNameStart : kNamePart, cp) !== null;
}

// Indices are UTF-16 offsets; a surrogate pair counts as one code point.
function nextIndexAfter(input, i) {
  const c = StringPrototypeCharCodeAt(input, i);
  if (c >= 0xD800 && c <= 0xDBFF && i + 1 < input.length) {
    const d = StringPrototypeCharCodeAt(input, i + 1);
    if (d >= 0xDC00 && d <= 0xDFFF) return i + 2;
  }
  return i + 1;
}

function isASCIIAt(input, i) {
  return StringPrototypeCharCodeAt(input, i) < 0x80;
}

function token(type, index, value) {
  return { type, index, value };
}

function tokenize(input, lenient) {
  const tokens = [];
  const len = input.length;
  let i = 0;
  // A strict tokenizer throws; a lenient one keeps the text as an
  // invalid-char token and goes on after it.
  const error = (next, valuePos) => {
    if (!lenient) fail();
    push(tokens, token(INVALID_CHAR, i,
                                     StringPrototypeSlice(input, valuePos,
                                                          next)));
    i = next;
  };
  while (i < len) {
    const next = nextIndexAfter(input, i);
    const c = StringPrototypeCharCodeAt(input, i);
    if (c === 0x2A) {  // *
      push(tokens, token(ASTERISK, i, '*'));
      i = next;
    } else if (c === 0x2B || c === 0x3F) {  // + ?
      push(tokens, token(OTHER_MODIFIER, i,
                                       StringFromCharCode(c)));
      i = next;
    } else if (c === 0x5C) {  // backslash
      if (next >= len) {
        error(next, i);
        continue;
      }
      const after = nextIndexAfter(input, next);
      push(tokens, token(ESCAPED_CHAR, i,
                                       StringPrototypeSlice(input, next,
                                                            after)));
      i = after;
    } else if (c === 0x7B) {
      push(tokens, token(OPEN, i, '{'));
      i = next;
    } else if (c === 0x7D) {
      push(tokens, token(CLOSE, i, '}'));
      i = next;
    } else if (c === 0x3A) {  // :
      let pos = next;
      while (pos < len) {
        const after = nextIndexAfter(input, pos);
        if (!isValidNameCodePoint(StringPrototypeSlice(input, pos, after),
                                  pos === next)) {
          break;
        }
        pos = after;
      }
      if (pos <= next) {
        error(next, i);
        continue;
      }
      push(tokens, token(NAME, i,
                                       StringPrototypeSlice(input, next, pos)));
      i = pos;
    } else if (c === 0x28) {  // (
      let depth = 1;
      let pos = next;
      let bad = false;
      while (pos < len) {
        const cp = StringPrototypeCharCodeAt(input, pos);
        let after = nextIndexAfter(input, pos);
        if (!isASCIIAt(input, pos) || (pos === next && cp === 0x3F)) {
          error(next, i);
          bad = true;
          break;
        }
        if (cp === 0x5C) {
          if (after >= len || !isASCIIAt(input, after)) {
            error(next, i);
            bad = true;
            break;
          }
          pos = nextIndexAfter(input, after);
          continue;
        }
        if (cp === 0x29) {
          depth--;
          if (depth === 0) {
            pos = after;
            break;
          }
        } else if (cp === 0x28) {
          depth++;
          if (after >= len ||
              StringPrototypeCharCodeAt(input, after) !== 0x3F) {
            error(next, i);
            bad = true;
            break;
          }
        }
        pos = after;
      }
      if (bad) continue;
      if (depth !== 0 || pos - next - 1 === 0) {
        error(next, i);
        continue;
      }
      push(tokens, token(REGEXP, i,
                                       StringPrototypeSlice(input, next,
                                                            pos - 1)));
      i = pos;
    } else {
      push(tokens, token(CHAR, i,
                                       StringPrototypeSlice(input, i, next)));
      i = next;
    }
  }
  push(tokens, token(END, len, ''));
  return tokens;
}

// --- Pattern parser ----------------------------------------------------------

const FIXED_TEXT = 0;
const PART_REGEXP = 1;
const SEGMENT_WILDCARD = 2;
const FULL_WILDCARD = 3;

const MOD_NONE = '';
const MOD_OPTIONAL = '?';
const MOD_ZERO_OR_MORE = '*';
const MOD_ONE_OR_MORE = '+';

const kFullWildcard = '.*';

// str with a backslash before each of `special`'s characters.
function backslashEscape(str, special) {
  let out = '';
  for (let i = 0; i < str.length; i++) {
    const c = str[i];
    out += StringPrototypeIncludes(special, c) ? `\\${c}` : c;
  }
  return out;
}

function escapeRegexpString(str) {
  return backslashEscape(str, '.+*?^${}()[]|/\\');
}

function escapePatternString(str) {
  return backslashEscape(str, '+*?:{}()\\');
}

function segmentWildcardRegexp(options) {
  return `[^${escapeRegexpString(options.delimiter)}]+?`;
}

function parsePatternString(input, options, encode) {
  const tokens = tokenize(input, false);
  const parts = [];
  const names = { __proto__: null };
  const segmentWildcard = segmentWildcardRegexp(options);
  let pending = '';
  let index = 0;
  let nextNumericName = 0;

  const tryConsume = (type) => {
    const t = tokens[index];
    if (t.type !== type) return null;
    index++;
    return t;
  };
  const tryConsumeModifier = () =>
    tryConsume(OTHER_MODIFIER) ?? tryConsume(ASTERISK);
  const tryConsumeRegexpOrWildcard = (nameToken) => {
    const t = tryConsume(REGEXP);
    if (nameToken === null && t === null) return tryConsume(ASTERISK);
    return t;
  };
  const consumeText = () => {
    let result = '';
    for (;;) {
      const t = tryConsume(CHAR) ?? tryConsume(ESCAPED_CHAR);
      if (t === null) return result;
      result += t.value;
    }
  };
  const flushPending = () => {
    if (pending === '') return;
    const value = encode(pending);
    pending = '';
    push(parts, {
      type: FIXED_TEXT, value, modifier: MOD_NONE, name: '', prefix: '',
      suffix: '',
    });
  };
  const addPart = (prefix, nameToken, regexpOrWildcard, suffix,
                   modifierToken) => {
    const modifier = modifierToken === null ? MOD_NONE : modifierToken.value;
    if (nameToken === null && regexpOrWildcard === null &&
        modifier === MOD_NONE) {
      pending += prefix;
      return;
    }
    flushPending();
    if (nameToken === null && regexpOrWildcard === null) {
      if (prefix === '') return;
      push(parts, {
        type: FIXED_TEXT, value: encode(prefix), modifier, name: '',
        prefix: '', suffix: '',
      });
      return;
    }
    let value;
    if (regexpOrWildcard === null) value = segmentWildcard;
    else if (regexpOrWildcard.type === ASTERISK) value = kFullWildcard;
    else value = regexpOrWildcard.value;
    let type = PART_REGEXP;
    if (value === segmentWildcard) {
      type = SEGMENT_WILDCARD;
      value = '';
    } else if (value === kFullWildcard) {
      type = FULL_WILDCARD;
      value = '';
    }
    const encodedPrefix = encode(prefix);
    const encodedSuffix = encode(suffix);
    let name;
    if (nameToken !== null) name = nameToken.value;
    else name = `${nextNumericName++}`;
    if (names[name] === true) fail();
    names[name] = true;
    push(parts, {
      type, value, modifier, name, prefix: encodedPrefix,
      suffix: encodedSuffix,
    });
  };

  while (index < tokens.length) {
    const charToken = tryConsume(CHAR);
    let nameToken = tryConsume(NAME);
    let regexpOrWildcard = tryConsumeRegexpOrWildcard(nameToken);
    if (nameToken !== null || regexpOrWildcard !== null) {
      let prefix = charToken === null ? '' : charToken.value;
      if (prefix !== '' && prefix !== options.prefix) {
        pending += prefix;
        prefix = '';
      }
      flushPending();
      addPart(prefix, nameToken, regexpOrWildcard, '', tryConsumeModifier());
      continue;
    }
    const fixed = charToken ?? tryConsume(ESCAPED_CHAR);
    if (fixed !== null) {
      pending += fixed.value;
      continue;
    }
    if (tryConsume(OPEN) !== null) {
      const prefix = consumeText();
      nameToken = tryConsume(NAME);
      regexpOrWildcard = tryConsumeRegexpOrWildcard(nameToken);
      const suffix = consumeText();
      if (tryConsume(CLOSE) === null) fail();
      addPart(prefix, nameToken, regexpOrWildcard, suffix,
              tryConsumeModifier());
      continue;
    }
    flushPending();
    if (tryConsume(END) === null) fail();
  }
  return parts;
}

function generateRegexp(parts, options, nameList) {
  let result = '^';
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (part.type === FIXED_TEXT) {
      if (part.modifier === MOD_NONE) {
        result += escapeRegexpString(part.value);
      } else {
        result += `(?:${escapeRegexpString(part.value)})${part.modifier}`;
      }
      continue;
    }
    push(nameList, part.name);
    let value = part.value;
    if (part.type === SEGMENT_WILDCARD) value = segmentWildcardRegexp(options);
    else if (part.type === FULL_WILDCARD) value = kFullWildcard;
    const single = part.modifier === MOD_NONE ||
      part.modifier === MOD_OPTIONAL;
    if (part.prefix === '' && part.suffix === '') {
      if (single) result += `(${value})${part.modifier}`;
      else result += `((?:${value})${part.modifier})`;
      continue;
    }
    const prefix = escapeRegexpString(part.prefix);
    const suffix = escapeRegexpString(part.suffix);
    if (single) {
      result += `(?:${prefix}(${value})${suffix})${part.modifier}`;
      continue;
    }
    result += `(?:${prefix}((?:${value})(?:${suffix}${prefix}` +
      `(?:${value}))*)${suffix})`;
    if (part.modifier === MOD_ZERO_OR_MORE) result += '?';
  }
  return `${result}$`;
}

function isASCIIDigitString0(str) {
  const c = StringPrototypeCharCodeAt(str, 0);
  return c >= 0x30 && c <= 0x39;
}

function firstCodePoint(str) {
  return StringPrototypeSlice(str, 0, nextIndexAfter(str, 0));
}

function generatePatternString(parts, options) {
  let result = '';
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    const previous = i > 0 ? parts[i - 1] : null;
    const next = i + 1 < parts.length ? parts[i + 1] : null;
    if (part.type === FIXED_TEXT) {
      if (part.modifier === MOD_NONE) {
        result += escapePatternString(part.value);
      } else {
        result += `{${escapePatternString(part.value)}}${part.modifier}`;
      }
      continue;
    }
    const customName = !isASCIIDigitString0(part.name);
    let needsGrouping = part.suffix !== '' ||
      (part.prefix !== '' && part.prefix !== options.prefix);
    if (!needsGrouping && customName && part.type === SEGMENT_WILDCARD &&
        part.modifier === MOD_NONE && next !== null && next.prefix === '' &&
        next.suffix === '') {
      if (next.type === FIXED_TEXT) {
        needsGrouping = isValidNameCodePoint(firstCodePoint(next.value), false);
      } else {
        needsGrouping = isASCIIDigitString0(next.name);
      }
    }
    if (!needsGrouping && part.prefix === '' && previous !== null &&
        previous.type === FIXED_TEXT && previous.value !== '' &&
        previous.value[previous.value.length - 1] === options.prefix) {
      needsGrouping = true;
    }
    if (needsGrouping) result += '{';
    result += escapePatternString(part.prefix);
    if (customName) result += `:${part.name}`;
    if (part.type === PART_REGEXP) {
      result += `(${part.value})`;
    } else if (part.type === SEGMENT_WILDCARD && !customName) {
      result += `(${segmentWildcardRegexp(options)})`;
    } else if (part.type === FULL_WILDCARD) {
      if (!customName && (previous === null || previous.type === FIXED_TEXT ||
                          previous.modifier !== MOD_NONE || needsGrouping ||
                          part.prefix !== '')) {
        result += '*';
      } else {
        result += `(${kFullWildcard})`;
      }
    }
    if (part.type === SEGMENT_WILDCARD && customName && part.suffix !== '' &&
        isValidNameCodePoint(firstCodePoint(part.suffix), false)) {
      result += '\\';
    }
    result += escapePatternString(part.suffix);
    if (needsGrouping) result += '}';
    result += part.modifier;
  }
  return result;
}

// --- The RegExp `v` flag on V8 10.2 ------------------------------------------
//
// The standard compiles with the `v` flag, which V8 10.2 lacks. Its only
// effect on URL patterns is inside character classes: nested classes,
// intersection (&&), subtraction (--), escapes of the reserved punctuators,
// and syntax errors for unescaped ( ) { } / | and doubled punctuators. Each
// class is rewritten into `u`-flag syntax that matches the same single code
// point: a plain union stays a class, anything else becomes lookaheads
// before one code point, e.g. [[a-z]--a] -> (?:(?!a)[a-z]). String
// disjunctions (\q{...}) work in plain unions only; properties of strings
// are not supported and make the pattern invalid (doc/status.md).

const kClassSyntax = '()[]{}/-\\|';
const kDoublePunctuators = '&!#$%*+,.:;<=>?@^`~';

function isDoublePunctuator(src, i) {
  const c = src[i];
  return src[i + 1] === c && StringPrototypeIncludes(kDoublePunctuators, c);
}

// An escape inside a class at src[i] === '\\': [text usable in a u-mode
// class, index after it, whether it names a set (\d, \p{..}) rather than one
// code point].
function classEscape(src, i) {
  const c = src[i + 1];
  if (c === undefined) fail();
  if (c === 'p' || c === 'P') {
    const close = StringPrototypeIndexOf(src, '}', i);
    if (src[i + 2] !== '{' || close === -1) fail();
    return [StringPrototypeSlice(src, i, close + 1), close + 1, true];
  }
  if (c === 'd' || c === 'D' || c === 'w' || c === 'W' || c === 's' ||
      c === 'S') {
    return [`\\${c}`, i + 2, true];
  }
  if (c === 'u' && src[i + 2] === '{') {
    const close = StringPrototypeIndexOf(src, '}', i);
    if (close === -1) fail();
    return [StringPrototypeSlice(src, i, close + 1), close + 1, false];
  }
  if (c === 'u') return [StringPrototypeSlice(src, i, i + 6), i + 6, false];
  if (c === 'x') return [StringPrototypeSlice(src, i, i + 4), i + 4, false];
  if (c === 'c') return [StringPrototypeSlice(src, i, i + 3), i + 3, false];
  // `v` lets the reserved punctuators be escaped; `u` does not, so they are
  // written as hex escapes.
  if (StringPrototypeIncludes(kDoublePunctuators, c) && c !== '$' &&
      c !== '*' && c !== '+' && c !== '.' && c !== '?' && c !== '^') {
    return [hexEscape(c), i + 2, false];
  }
  return [`\\${c}`, i + 2, false];
}

function hexEscape(c) {
  const code = StringPrototypeCharCodeAt(c, 0);
  return `\\x${code < 16 ? '0' : ''}${NumberPrototypeToString(code, 16)}`;
}

// Parses the class at src[i] === '['. Returns [body, matcher, end]: body is
// what can be spliced into an enclosing u-mode class (null when the class
// is not a plain union), matcher a u-mode expression for one code point.
function translateClass(src, i) {
  i++;
  let negated = false;
  if (src[i] === '^') {
    negated = true;
    i++;
  }
  const operands = [];  // [body or null, matcher]
  let operator = '';
  let simple = '';
  let lastWasChar = false;
  const strings = [];
  for (;;) {
    const c = src[i];
    if (c === undefined) fail();
    if (c === ']') {
      i++;
      break;
    }
    if ((c === '&' && src[i + 1] === '&') ||
        (c === '-' && src[i + 1] === '-')) {
      const op = c === '&' ? '&&' : '--';
      if ((operator !== '' && operator !== op) || src[i + 2] === '&') fail();
      if (operator === '' &&
          operands.length + (simple !== '' ? 1 : 0) !== 1) {
        fail();
      }
      if (simple !== '') {
        push(operands, [simple, `[${simple}]`]);
        simple = '';
      }
      operator = op;
      lastWasChar = false;
      i += 2;
      continue;
    }
    let text;
    let isSet = false;
    if (c === '[') {
      const [body, matcher, end] = translateClass(src, i);
      i = end;
      if (operator === '' && body !== null) {
        simple += body;
      } else {
        if (simple !== '') {
          push(operands, [simple, `[${simple}]`]);
          simple = '';
        }
        push(operands, [body, matcher]);
      }
      lastWasChar = false;
      continue;
    }
    if (c === '\\' && src[i + 1] === 'q') {
      // A string disjunction: only in a plain union (v makes it an error
      // in a negated class; intersection and subtraction with strings are
      // left unsupported).
      if (src[i + 2] !== '{' || operator !== '') fail();
      i += 3;
      let alternative = '';
      for (;;) {
        const d = src[i];
        if (d === undefined) fail();
        if (d === '}' || d === '|') {
          push(strings, alternative);
          alternative = '';
          i++;
          if (d === '}') break;
        } else if (d === '\\') {
          const { 0: escaped, 1: end, 2: escapedIsSet } = classEscape(src, i);
          if (escapedIsSet) fail();
          alternative += escaped;
          i = end;
        } else {
          alternative += d;
          i++;
        }
      }
      lastWasChar = false;
      continue;
    }
    if (c === '\\') {
      [text, i, isSet] = classEscape(src, i);
    } else if (c === '-' && lastWasChar && operator === '' &&
               src[i + 1] !== ']' && src[i + 1] !== undefined) {
      // A range: the next character or escape ends it.
      let end;
      let endIsSet = false;
      if (src[i + 1] === '\\') {
        [end, i, endIsSet] = classEscape(src, i + 1);
      } else {
        end = src[i + 1];
        if (StringPrototypeIncludes(kClassSyntax, end) ||
            isDoublePunctuator(src, i + 1)) {
          fail();
        }
        i += 2;
      }
      if (endIsSet) fail();
      simple += `-${end}`;
      lastWasChar = false;
      continue;
    } else {
      if (StringPrototypeIncludes(kClassSyntax, c) ||
          isDoublePunctuator(src, i)) {
        fail();
      }
      text = c === '^' ? '\\^' : c;
      i++;
    }
    if (operator !== '') {
      push(operands, [text, `[${text}]`]);
    } else {
      simple += text;
    }
    lastWasChar = !isSet;
  }
  if (strings.length !== 0) {
    if (negated || operator !== '') fail();
    // Longer strings are tried first, as the v flag does.
    ArrayPrototypeSort(strings, (a, b) => b.length - a.length);
    let alt = '';
    for (let k = 0; k < strings.length; k++) {
      if (strings[k] !== '') alt += `${strings[k]}|`;
    }
    for (let k = 0; k < operands.length; k++) alt += `${operands[k][1]}|`;
    alt += `[${simple}]`;
    if (strings[strings.length - 1] === '') alt += '|';
    return [null, `(?:${alt})`, i];
  }
  if (operator === '') {
    if (operands.length === 0) {
      return [negated ? null : simple, `[${negated ? '^' : ''}${simple}]`, i];
    }
    if (simple !== '') push(operands, [simple, `[${simple}]`]);
    let alt = '';
    for (let k = 0; k < operands.length; k++) {
      alt += `${k === 0 ? '' : '|'}${operands[k][1]}`;
    }
    const matcher = negated ? `(?:(?!${alt})[^])` : `(?:${alt})`;
    return [null, matcher, i];
  }
  if (simple !== '') push(operands, [simple, `[${simple}]`]);
  if (operands.length < 2) fail();
  let matcher = '(?:';
  for (let k = 1; k < operands.length; k++) {
    matcher += `(?${operator === '&&' ? '=' : '!'}${operands[k][1]})`;
  }
  matcher += `${operands[0][1]})`;
  if (negated) matcher = `(?:(?!${matcher})[^])`;
  return [null, matcher, i];
}

// Rewrites a `v`-flag regular expression source for the `u` flag.
function translateClassSets(src) {
  if (StringPrototypeIndexOf(src, '[') === -1) return src;
  let out = '';
  let i = 0;
  while (i < src.length) {
    const c = src[i];
    if (c === '\\') {
      out += StringPrototypeSlice(src, i, i + 2);
      i += 2;
    } else if (c === '[') {
      const { 1: matcher, 2: end } = translateClass(src, i);
      out += matcher;
      i = end;
    } else {
      out += c;
      i++;
    }
  }
  return out;
}

const kDefaultOptions = { delimiter: '', prefix: '', ignoreCase: false };
const kDefaultOptionsIgnoreCase = {
  delimiter: '', prefix: '', ignoreCase: true,
};
const kHostnameOptions = { delimiter: '.', prefix: '', ignoreCase: false };
const kPathnameOptions = { delimiter: '/', prefix: '/', ignoreCase: false };
const kPathnameOptionsIgnoreCase = {
  delimiter: '/', prefix: '/', ignoreCase: true,
};

// A compiled component: its pattern string, one RegExp built once here and
// reused by every exec()/test(), and the names of its groups.
// `*` and the empty pattern are most components of most patterns. What they
// compile to depends on the options alone (the encoding callbacks only ever
// see empty strings for them), and a compiled component is never changed
// (its RegExp has neither the g nor the y flag, so exec() leaves its
// lastIndex alone): one copy per options object is shared.
const kWildcardCache = new SafeMap();
const kEmptyCache = new SafeMap();

function compileComponent(input, encode, options) {
  if (input === '*' || input === '') {
    const cache = input === '*' ? kWildcardCache : kEmptyCache;
    let component = cache.get(options);
    if (component === undefined) {
      component = compileComponentUncached(input, encode, options);
      cache.set(options, component);
    }
    return component;
  }
  return compileComponentUncached(input, encode, options);
}

function compileComponentUncached(input, encode, options) {
  const parts = parsePatternString(input, options, encode);
  const nameList = [];
  const source = generateRegexp(parts, options, nameList);
  let hasRegExpGroups = false;
  for (let i = 0; i < parts.length; i++) {
    if (parts[i].type === PART_REGEXP) hasRegExpGroups = true;
  }
  // Two shapes skip the RegExp when matching: a lone `*` (`^(.*)$`), and
  // fixed text only (`^text$`, compared as a string unless ignoreCase).
  // `.` stops at line terminators, but no canonicalised component can hold
  // one: the URL parser drops tabs and newlines and percent-encodes U+2028
  // and U+2029 everywhere (a domain with them fails IDNA), so `.*` matches
  // every string exec()/test() can hand it.
  let kind = KIND_REGEXP;
  let fixed = '';
  if (parts.length === 1 && parts[0].type === FULL_WILDCARD &&
      parts[0].modifier === MOD_NONE && parts[0].prefix === '' &&
      parts[0].suffix === '') {
    kind = KIND_ANY;
  } else if (!options.ignoreCase) {
    kind = KIND_EXACT;
    for (let i = 0; i < parts.length; i++) {
      if (parts[i].type !== FIXED_TEXT || parts[i].modifier !== MOD_NONE) {
        kind = KIND_REGEXP;
        break;
      }
      fixed += parts[i].value;
    }
  }
  // The other shapes need their RegExp. (Those two always compile: the
  // text is escaped, and `.*` is `.*`.)
  let regexp = null;
  if (kind === KIND_REGEXP) {
    try {
      regexp = new RegExp(translateClassSets(source),
                          options.ignoreCase ? 'ui' : 'u');
    } catch {
      fail();
    }
  }
  return {
    pattern: generatePatternString(parts, options),
    regexp,
    nameList,
    hasRegExpGroups,
    kind,
    fixed,
  };
}

const KIND_REGEXP = 0;
const KIND_ANY = 1;
const KIND_EXACT = 2;

function testComponent(component, value) {
  switch (component.kind) {
    case KIND_ANY: return true;
    case KIND_EXACT: return value === component.fixed;
    default: return RegExpPrototypeExec(component.regexp, value) !== null;
  }
}

const kSpecialSchemeList = ['ftp', 'file', 'http', 'https', 'ws', 'wss'];

function matchesSpecialScheme(component) {
  if (component.kind === KIND_ANY) return true;
  if (component.kind === KIND_EXACT) return isSpecialScheme(component.fixed);
  for (let i = 0; i < kSpecialSchemeList.length; i++) {
    if (RegExpPrototypeExec(component.regexp, kSpecialSchemeList[i]) !== null) {
      return true;
    }
  }
  return false;
}

// --- Canonicalisation (the encoding callbacks) -------------------------------

// A scheme already in its canonical form ([a-z][a-z0-9+.-]*) is its own
// result: the parser below accepts it unchanged whatever follows it.
const kCanonicalScheme = /^[a-z][a-z0-9+.-]*$/;

function canonicalizeProtocol(value) {
  if (value === '') return value;
  if (RegExpPrototypeExec(kCanonicalScheme, value) !== null) return value;
  const url = basicParse(`${value}://dummy.invalid/`, null);
  if (url === null) fail();
  return url.scheme;
}

function canonicalizeUserinfo(value) {
  if (value === '') return value;
  return percentEncode(value, kUserinfoSet);
}

// Node parses every hostname as a special URL's host (IDNA, lowercase,
// a backslash ends it), whatever the protocol; so does the WPT data.
function canonicalizeHostname(value) {
  if (value === '') return value;
  const url = newRecord();
  url.scheme = 'http';
  if (basicParse(value, null, url, HOSTNAME) === null) fail();
  return url.host ?? '';
}

function canonicalizeIPv6Hostname(value) {
  let result = '';
  for (let i = 0; i < value.length; i++) {
    const c = StringPrototypeCharCodeAt(value, i);
    const isHex = (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) ||
      (c >= 0x61 && c <= 0x66);
    if (!isHex && c !== 0x5B && c !== 0x5D && c !== 0x3A) fail();
    result += StringFromCharCode(c >= 0x41 && c <= 0x5A ? c | 0x20 : c);
  }
  return result;
}

function canonicalizePort(value, protocol) {
  if (value === '') return value;
  const url = newRecord();
  if (protocol !== undefined) url.scheme = protocol;
  if (basicParse(value, null, url, PORT) === null) fail();
  return url.port === null ? '' : `${url.port}`;
}

function canonicalizePathname(value) {
  if (value === '') return value;
  const leadingSlash = StringPrototypeCharCodeAt(value, 0) === 0x2F;
  const url = newRecord();
  basicParse(leadingSlash ? value : `/-${value}`, null, url, PATH_START);
  const result = serializePath(url);
  return leadingSlash ? result : StringPrototypeSlice(result, 2);
}

// The value parsed alone into one field of a new record, from `state`.
function canonicalizeField(value, field, state) {
  if (value === '') return value;
  const url = newRecord();
  url[field] = '';
  if (state === OPAQUE_PATH) url.opaque = true;
  basicParse(value, null, url, state);
  return url[field];
}

function canonicalizeOpaquePathname(value) {
  return canonicalizeField(value, 'path', OPAQUE_PATH);
}

function canonicalizeSearch(value) {
  return canonicalizeField(value, 'query', QUERY);
}

function canonicalizeHash(value) {
  return canonicalizeField(value, 'fragment', FRAGMENT);
}

// --- Constructor string parser -----------------------------------------------

const S_INIT = 0;
const S_PROTOCOL = 1;
const S_AUTHORITY = 2;
const S_USERNAME = 3;
const S_PASSWORD = 4;
const S_HOSTNAME = 5;
const S_PORT = 6;
const S_PATHNAME = 7;
const S_SEARCH = 8;
const S_HASH = 9;
const S_DONE = 10;

const kStateComponent = [
  null, 'protocol', null, 'username', 'password', 'hostname', 'port',
  'pathname', 'search', 'hash', null,
];

function parseConstructorString(input) {
  const tokens = tokenize(input, true);
  const result = { __proto__: null };
  let componentStart = 0;
  let tokenIndex = 0;
  let tokenIncrement = 1;
  let groupDepth = 0;
  let ipv6Depth = 0;
  let specialScheme = false;
  let state = S_INIT;

  const safeToken = (i) => (i < tokens.length ? tokens[i] :
    tokens[tokens.length - 1]);
  const isNonSpecialPatternChar = (i, value) => {
    const t = safeToken(i);
    if (t.value !== value) return false;
    return t.type === CHAR || t.type === ESCAPED_CHAR ||
      t.type === INVALID_CHAR;
  };
  const isSearchPrefix = () => {
    if (isNonSpecialPatternChar(tokenIndex, '?')) return true;
    if (tokens[tokenIndex].value !== '?') return false;
    if (tokenIndex - 1 < 0) return true;
    const previous = safeToken(tokenIndex - 1);
    return previous.type !== NAME && previous.type !== REGEXP &&
      previous.type !== CLOSE && previous.type !== ASTERISK;
  };
  const makeComponentString = () => StringPrototypeSlice(
    input, safeToken(componentStart).index, tokens[tokenIndex].index);
  const rewind = (newState) => {
    tokenIndex = componentStart;
    tokenIncrement = 0;
    state = newState;
  };
  const changeState = (newState, skip) => {
    if (state !== S_INIT && state !== S_AUTHORITY && state !== S_DONE) {
      result[kStateComponent[state]] = makeComponentString();
    }
    if (state !== S_INIT && newState !== S_DONE) {
      if (state <= S_PASSWORD && newState >= S_PORT && newState <= S_HASH &&
          result.hostname === undefined) {
        result.hostname = '';
      }
      if (state <= S_PORT && newState >= S_SEARCH && newState <= S_HASH &&
          result.pathname === undefined) {
        result.pathname = specialScheme ? '/' : '';
      }
      if (state <= S_PATHNAME && newState === S_HASH &&
          result.search === undefined) {
        result.search = '';
      }
    }
    state = newState;
    tokenIndex += skip;
    componentStart = tokenIndex;
    tokenIncrement = 0;
  };

  while (tokenIndex < tokens.length) {
    tokenIncrement = 1;
    const t = tokens[tokenIndex];
    if (t.type === END) {
      if (state === S_INIT) {
        rewind(S_INIT);
        if (isNonSpecialPatternChar(tokenIndex, '#')) changeState(S_HASH, 1);
        else if (isSearchPrefix()) changeState(S_SEARCH, 1);
        else changeState(S_PATHNAME, 0);
        tokenIndex += tokenIncrement;
        continue;
      }
      if (state === S_AUTHORITY) {
        rewind(S_HOSTNAME);
        tokenIndex += tokenIncrement;
        continue;
      }
      changeState(S_DONE, 0);
      break;
    }
    if (t.type === OPEN) {
      groupDepth++;
      tokenIndex += tokenIncrement;
      continue;
    }
    if (groupDepth > 0) {
      if (t.type === CLOSE) {
        groupDepth--;
      } else {
        tokenIndex += tokenIncrement;
        continue;
      }
    }
    switch (state) {
      case S_INIT:
        if (isNonSpecialPatternChar(tokenIndex, ':')) rewind(S_PROTOCOL);
        break;
      case S_PROTOCOL:
        if (isNonSpecialPatternChar(tokenIndex, ':')) {
          const protocol = compileComponent(makeComponentString(),
                                            canonicalizeProtocol,
                                            kDefaultOptions);
          specialScheme = matchesSpecialScheme(protocol);
          let nextState = S_PATHNAME;
          let skip = 1;
          if (isNonSpecialPatternChar(tokenIndex + 1, '/') &&
              isNonSpecialPatternChar(tokenIndex + 2, '/')) {
            nextState = S_AUTHORITY;
            skip = 3;
          } else if (specialScheme) {
            nextState = S_AUTHORITY;
          }
          changeState(nextState, skip);
        }
        break;
      case S_AUTHORITY:
        if (isNonSpecialPatternChar(tokenIndex, '@')) {
          rewind(S_USERNAME);
        } else if (isNonSpecialPatternChar(tokenIndex, '/') ||
                   isSearchPrefix() ||
                   isNonSpecialPatternChar(tokenIndex, '#')) {
          rewind(S_HOSTNAME);
        }
        break;
      case S_USERNAME:
        if (isNonSpecialPatternChar(tokenIndex, ':')) {
          changeState(S_PASSWORD, 1);
        } else if (isNonSpecialPatternChar(tokenIndex, '@')) {
          changeState(S_HOSTNAME, 1);
        }
        break;
      case S_PASSWORD:
        if (isNonSpecialPatternChar(tokenIndex, '@')) {
          changeState(S_HOSTNAME, 1);
        }
        break;
      case S_HOSTNAME:
        if (isNonSpecialPatternChar(tokenIndex, '[')) {
          ipv6Depth++;
        } else if (isNonSpecialPatternChar(tokenIndex, ']')) {
          ipv6Depth--;
        } else if (isNonSpecialPatternChar(tokenIndex, ':') &&
                   ipv6Depth === 0) {
          changeState(S_PORT, 1);
        } else if (isNonSpecialPatternChar(tokenIndex, '/')) {
          changeState(S_PATHNAME, 0);
        } else if (isSearchPrefix()) {
          changeState(S_SEARCH, 1);
        } else if (isNonSpecialPatternChar(tokenIndex, '#')) {
          changeState(S_HASH, 1);
        }
        break;
      case S_PORT:
        if (isNonSpecialPatternChar(tokenIndex, '/')) {
          changeState(S_PATHNAME, 0);
        } else if (isSearchPrefix()) {
          changeState(S_SEARCH, 1);
        } else if (isNonSpecialPatternChar(tokenIndex, '#')) {
          changeState(S_HASH, 1);
        }
        break;
      case S_PATHNAME:
        if (isSearchPrefix()) {
          changeState(S_SEARCH, 1);
        } else if (isNonSpecialPatternChar(tokenIndex, '#')) {
          changeState(S_HASH, 1);
        }
        break;
      case S_SEARCH:
        if (isNonSpecialPatternChar(tokenIndex, '#')) changeState(S_HASH, 1);
        break;
      default:
        break;
    }
    tokenIndex += tokenIncrement;
  }
  if (result.hostname !== undefined && result.port === undefined) {
    result.port = '';
  }
  return result;
}

// --- URLPatternInit processing -----------------------------------------------

const kComponents = [
  'protocol', 'username', 'password', 'hostname', 'port', 'pathname',
  'search', 'hash',
];

// Node reads only string members of a URLPatternInit; anything else counts
// as absent. Each member is read once, in this order.
function readInit(input) {
  const init = { __proto__: null };
  for (let i = 0; i < kComponents.length; i++) {
    const value = input[kComponents[i]];
    if (typeof value === 'string') init[kComponents[i]] = value;
  }
  const baseURL = input.baseURL;
  if (typeof baseURL === 'string') init.baseURL = baseURL;
  return init;
}

function processBaseURLString(input, isPattern) {
  return isPattern ? escapePatternString(input) : input;
}

function isAbsolutePathname(input, isPattern) {
  if (input === '') return false;
  const c0 = StringPrototypeCharCodeAt(input, 0);
  if (c0 === 0x2F) return true;
  if (!isPattern || input.length < 2) return false;
  const c1 = StringPrototypeCharCodeAt(input, 1);
  return (c0 === 0x5C || c0 === 0x7B) && c1 === 0x2F;
}

function stripLeading(value, code) {
  return StringPrototypeCharCodeAt(value, 0) === code ?
    StringPrototypeSlice(value, 1) : value;
}

// "process a URLPatternInit": `isPattern` is the standard's type "pattern"
// (constructor) as opposed to "url" (exec/test), where every component
// starts as the empty string.
function processInit(init, isPattern) {
  const result = { __proto__: null };
  if (!isPattern) {
    for (let i = 0; i < kComponents.length; i++) result[kComponents[i]] = '';
  }
  let baseURL = null;
  if (init.baseURL !== undefined) {
    baseURL = basicParse(init.baseURL);
    if (baseURL === null) fail();
    const has = (name) => init[name] !== undefined;
    if (!has('protocol')) {
      result.protocol = processBaseURLString(baseURL.scheme, isPattern);
    }
    if (!isPattern && !has('protocol') && !has('hostname') && !has('port') &&
        !has('username')) {
      result.username = processBaseURLString(baseURL.username, isPattern);
    }
    if (!isPattern && !has('protocol') && !has('hostname') && !has('port') &&
        !has('username') && !has('password')) {
      result.password = processBaseURLString(baseURL.password, isPattern);
    }
    if (!has('protocol') && !has('hostname')) {
      result.hostname = processBaseURLString(baseURL.host ?? '', isPattern);
      if (!has('port')) {
        result.port = processBaseURLString(
          baseURL.port === null ? '' : `${baseURL.port}`, isPattern);
        if (!has('pathname')) {
          result.pathname = processBaseURLString(serializePath(baseURL),
                                                 isPattern);
          if (!has('search')) {
            result.search = processBaseURLString(baseURL.query ?? '',
                                                 isPattern);
            if (!has('hash')) {
              result.hash = processBaseURLString(baseURL.fragment ?? '',
                                                 isPattern);
            }
          }
        }
      }
    }
  }
  if (init.protocol !== undefined) {
    const value = init.protocol;
    const stripped = value !== '' &&
      StringPrototypeCharCodeAt(value, value.length - 1) === 0x3A ?
      StringPrototypeSlice(value, 0, -1) : value;
    result.protocol = isPattern ? stripped : canonicalizeProtocol(stripped);
  }
  if (init.username !== undefined) {
    result.username = isPattern ? init.username :
      canonicalizeUserinfo(init.username);
  }
  if (init.password !== undefined) {
    result.password = isPattern ? init.password :
      canonicalizeUserinfo(init.password);
  }
  if (init.hostname !== undefined) {
    result.hostname = isPattern ? init.hostname :
      canonicalizeHostname(init.hostname);
  }
  if (init.port !== undefined) {
    result.port = isPattern ? init.port :
      canonicalizePort(init.port, result.protocol);
  }
  if (init.pathname !== undefined) {
    let pathname = init.pathname;
    if (baseURL !== null && !baseURL.opaque &&
        !isAbsolutePathname(pathname, isPattern)) {
      const basePath = processBaseURLString(serializePath(baseURL), isPattern);
      const slash = StringPrototypeLastIndexOf(basePath, '/');
      if (slash !== -1) {
        pathname = StringPrototypeSlice(basePath, 0, slash + 1) + pathname;
      }
    }
    if (!isPattern) {
      const protocol = result.protocol;
      pathname = protocol === undefined || protocol === '' ||
        isSpecialScheme(protocol) ?
        canonicalizePathname(pathname) : canonicalizeOpaquePathname(pathname);
    }
    result.pathname = pathname;
  }
  if (init.search !== undefined) {
    const value = stripLeading(init.search, 0x3F);
    result.search = isPattern ? value : canonicalizeSearch(value);
  }
  if (init.hash !== undefined) {
    const value = stripLeading(init.hash, 0x23);
    result.hash = isPattern ? value : canonicalizeHash(value);
  }
  return result;
}

function hostnamePatternIsIPv6(input) {
  if (input.length < 2) return false;
  const c0 = StringPrototypeCharCodeAt(input, 0);
  if (c0 === 0x5B) return true;
  return (c0 === 0x7B || c0 === 0x5C) &&
    StringPrototypeCharCodeAt(input, 1) === 0x5B;
}

// Builds the eight components; throws kPatternError on an invalid pattern.
function createComponents(input, baseURL, ignoreCase) {
  let init;
  if (typeof input === 'string') {
    init = parseConstructorString(input);
    if (baseURL === undefined && init.protocol === undefined) fail();
    if (baseURL !== undefined) init.baseURL = baseURL;
  } else {
    if (baseURL !== undefined) fail();
    init = input;
  }
  const processed = processInit(init, true);
  for (let i = 0; i < kComponents.length; i++) {
    if (processed[kComponents[i]] === undefined) {
      processed[kComponents[i]] = '*';
    }
  }
  if (isSpecialScheme(processed.protocol) &&
      processed.port === `${defaultPort(processed.protocol)}`) {
    processed.port = '';
  }
  const protocol = compileComponent(processed.protocol, canonicalizeProtocol,
                                    kDefaultOptions);
  const username = compileComponent(processed.username, canonicalizeUserinfo,
                                    kDefaultOptions);
  const password = compileComponent(processed.password, canonicalizeUserinfo,
                                    kDefaultOptions);
  const hostname = compileComponent(
    processed.hostname,
    hostnamePatternIsIPv6(processed.hostname) ? canonicalizeIPv6Hostname :
      canonicalizeHostname,
    kHostnameOptions);
  const port = compileComponent(processed.port, canonicalizePort,
                                kDefaultOptions);
  const options = ignoreCase ? kDefaultOptionsIgnoreCase : kDefaultOptions;
  const pathname = matchesSpecialScheme(protocol) ?
    compileComponent(processed.pathname, canonicalizePathname,
                     ignoreCase ? kPathnameOptionsIgnoreCase :
                       kPathnameOptions) :
    compileComponent(processed.pathname, canonicalizeOpaquePathname, options);
  const search = compileComponent(processed.search, canonicalizeSearch,
                                  options);
  const hash = compileComponent(processed.hash, canonicalizeHash, options);
  return [protocol, username, password, hostname, port, pathname, search,
          hash];
}

// --- Matching ----------------------------------------------------------------

// The eight component strings of an exec()/test() input, or null when the
// input is not a URL (the standard's "return null" cases).
function matchInputs(input, baseURL, inputs, fromName) {
  if (typeof input === 'object') {
    if (baseURL !== undefined) {
      throw codedTypeError('ERR_OPERATION_FAILED',
                           `Failed to ${fromName} URLPattern`, fromName);
    }
    const init = readInit(input);
    if (inputs !== null) {
      push(inputs, {
        protocol: init.protocol,
        username: init.username,
        password: init.password,
        hostname: init.hostname,
        port: init.port,
        pathname: init.pathname,
        search: init.search,
        hash: init.hash,
        baseURL: init.baseURL,
      });
    }
    let processed;
    try {
      processed = processInit(init, false);
    } catch (err) {
      if (err === kPatternError) return null;
      throw err;
    }
    return [processed.protocol, processed.username, processed.password,
            processed.hostname, processed.port, processed.pathname,
            processed.search, processed.hash];
  }
  if (inputs !== null) push(inputs, input);
  let base = null;
  if (baseURL !== undefined) {
    base = basicParse(baseURL);
    if (base === null) return null;
    if (inputs !== null) push(inputs, baseURL);
  }
  const url = basicParse(input, base);
  if (url === null) return null;
  return [url.scheme, url.username, url.password, url.host ?? '',
          url.port === null ? '' : `${url.port}`, serializePath(url),
          url.query ?? '', url.fragment ?? ''];
}

function validateMatchArgs(argc, input, baseURL) {
  if (argc === 0) return;
  if (typeof input !== 'string' &&
      (typeof input !== 'object' || input === null)) {
    throw codedTypeError('ERR_INVALID_ARG_TYPE',
                         'URLPattern input needs to be a string or an object',
                         validateMatchArgs);
  }
  if (argc > 1 && typeof baseURL !== 'string') {
    throw codedTypeError('ERR_INVALID_ARG_TYPE', 'baseURL must be a string',
                         validateMatchArgs);
  }
}

function illegalInvocation() {
  // eslint-disable-next-line no-restricted-syntax
  return new TypeError('Illegal invocation');
}

// Gives a private field to an object made by the URLPattern function (a
// function, not a class, so that calling it without `new` throws Node's
// ERR_CONSTRUCT_CALL_REQUIRED): the base constructor returns that object.
class ReturnTarget {
  constructor(target) {
    return target;
  }
}
class PatternState extends ReturnTarget {
  #components;
  static attach(target, components) {
    const self = new PatternState(target);
    self.#components = components;
  }
  static get(target) {
    if (target === null || typeof target !== 'object' ||
        !(#components in target)) {
      throw illegalInvocation();
    }
    return target.#components;
  }
}

function URLPattern(input = undefined, baseURL = undefined,
                    options = undefined) {
  if (new.target === undefined) {
    throw codedTypeError('ERR_CONSTRUCT_CALL_REQUIRED',
                         'Cannot call constructor without `new`', URLPattern);
  }
  const argc = arguments.length;
  if (input === undefined) {
    input = {};
  } else if (typeof input !== 'string' &&
             (typeof input !== 'object' || input === null)) {
    throw codedTypeError('ERR_INVALID_ARG_TYPE',
                         'Input must be an object or a string', URLPattern);
  }
  if (argc >= 2) {
    if (typeof baseURL === 'string') {
      if (argc >= 3 &&
          (typeof options !== 'object' || options === null)) {
        throw codedTypeError('ERR_INVALID_ARG_TYPE',
                             'options must be an object', URLPattern);
      }
    } else if (typeof baseURL === 'object' && baseURL !== null) {
      options = baseURL;
      baseURL = undefined;
    } else {
      throw codedTypeError('ERR_INVALID_ARG_TYPE',
                           'second argument must be a string or object',
                           URLPattern);
    }
  }
  if (typeof input === 'object') input = readInit(input);
  let ignoreCase = false;
  if (options !== undefined && 'ignoreCase' in options) {
    ignoreCase = options.ignoreCase;
    if (typeof ignoreCase !== 'boolean') {
      throw codedTypeError('ERR_INVALID_ARG_TYPE',
                           'options.ignoreCase must be a boolean', URLPattern);
    }
  }
  let components;
  try {
    components = createComponents(input, baseURL, ignoreCase);
  } catch (err) {
    if (err !== kPatternError) throw err;
    throw codedTypeError('ERR_INVALID_URL_PATTERN',
                         'Failed to construct URLPattern', URLPattern);
  }
  PatternState.attach(this, components);
}

function exec(input = undefined, baseURL = undefined) {
  const components = PatternState.get(this);
  const argc = arguments.length;
  validateMatchArgs(argc, input, baseURL);
  if (argc === 0) input = {};
  const inputs = [];
  const values = matchInputs(input, baseURL, inputs, 'exec');
  if (values === null) return null;
  // Only the components with a RegExp leave a match array behind.
  const matches = [null, null, null, null, null, null, null, null];
  for (let i = 0; i < 8; i++) {
    const component = components[i];
    if (component.kind === KIND_REGEXP) {
      const match = RegExpPrototypeExec(component.regexp, values[i]);
      if (match === null) return null;
      matches[i] = match;
    } else if (!testComponent(component, values[i])) {
      return null;
    }
  }
  return {
    __proto__: null,
    inputs,
    protocol: componentResult(components[0], values[0], matches[0]),
    username: componentResult(components[1], values[1], matches[1]),
    password: componentResult(components[2], values[2], matches[2]),
    hostname: componentResult(components[3], values[3], matches[3]),
    port: componentResult(components[4], values[4], matches[4]),
    pathname: componentResult(components[5], values[5], matches[5]),
    search: componentResult(components[6], values[6], matches[6]),
    hash: componentResult(components[7], values[7], matches[7]),
  };
}

function componentResult(component, value, match) {
  const groups = {};
  if (component.kind === KIND_ANY) {
    groups[component.nameList[0]] = value;
  } else if (match !== null) {
    const { nameList } = component;
    // Node lists the groups last-first.
    for (let j = nameList.length - 1; j >= 0; j--) {
      groups[nameList[j]] = match[j + 1];
    }
  }
  return { input: value, groups };
}

function test(input = undefined, baseURL = undefined) {
  const components = PatternState.get(this);
  const argc = arguments.length;
  validateMatchArgs(argc, input, baseURL);
  if (argc === 0) input = {};
  const values = matchInputs(input, baseURL, null, 'test');
  if (values === null) return false;
  for (let i = 0; i < 8; i++) {
    if (!testComponent(components[i], values[i])) return false;
  }
  return true;
}

const kIndex = {
  __proto__: null,
  protocol: 0, username: 1, password: 2, hostname: 3, port: 4, pathname: 5,
  search: 6, hash: 7,
};

// Node's accessors are nameless native functions.
function nameless(fn) {
  ObjectDefineProperty(fn, 'name', { __proto__: null, value: '' });
  return fn;
}

function componentGetter(name) {
  const index = kIndex[name];
  const getter = nameless(function() {
    return PatternState.get(this)[index].pattern;
  });
  return {
    __proto__: null, enumerable: true, configurable: false, get: getter,
  };
}

// Node's prototype lists the accessors and methods first, constructor last.
ReflectDeleteProperty(URLPattern.prototype, 'constructor');
ObjectDefineProperties(URLPattern.prototype, {
  protocol: componentGetter('protocol'),
  username: componentGetter('username'),
  password: componentGetter('password'),
  hostname: componentGetter('hostname'),
  port: componentGetter('port'),
  pathname: componentGetter('pathname'),
  search: componentGetter('search'),
  hash: componentGetter('hash'),
  hasRegExpGroups: {
    __proto__: null,
    enumerable: true,
    configurable: false,
    get: nameless(function() {
      const components = PatternState.get(this);
      for (let i = 0; i < 8; i++) {
        if (components[i].hasRegExpGroups) return true;
      }
      return false;
    }),
  },
  exec: {
    __proto__: null, writable: true, enumerable: true, configurable: true,
    value: exec,
  },
  test: {
    __proto__: null, writable: true, enumerable: true, configurable: true,
    value: test,
  },
});
ObjectDefineProperty(URLPattern.prototype, 'constructor', {
  __proto__: null, writable: true, enumerable: false, configurable: true,
  value: URLPattern,
});

module.exports = {
  URLPattern,
};
