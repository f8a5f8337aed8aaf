'use strict';

// The dotenv format of util.parseEnv(): KEY=value lines, `#` comments,
// values in '…', "…" or `…` quotes (which may span lines; "…" turns \n
// into a newline), an optional `export ` before the key. The last
// assignment of a key wins.

const {
  ArrayFrom,
  ArrayPrototypeSort,
  RegExpPrototypeSymbolReplace,
  SafeMap,
  StringPrototypeCharAt,
  StringPrototypeCodePointAt,
  StringPrototypeIndexOf,
  StringPrototypeReplaceAll,
  StringPrototypeSlice,
  StringPrototypeStartsWith,
} = primordials;

// Only spaces, tabs and newlines count as blanks around keys and values.
function trim(text) {
  return RegExpPrototypeSymbolReplace(/^[ \t\n]+|[ \t\n]+$/g, text, '');
}

// The text after the next newline at or after `from`, or '' when there is
// none.
function afterNewline(text, from) {
  const newline = StringPrototypeIndexOf(text, '\n', from);
  return newline === -1 ? '' : StringPrototypeSlice(text, newline + 1);
}

function isQuote(c) {
  return c === '"' || c === '\'' || c === '`';
}

function parseEnv(content) {
  const entries = new SafeMap();
  let rest = StringPrototypeReplaceAll(content, '\r', '');
  // Leading blanks are dropped at the start and after an unquoted value or
  // a skipped line, so that a `#` after them starts a comment there; after
  // a comment, an empty value or a quoted value, they belong to the next
  // key.
  let trimNext = true;
  for (;;) {
    if (trimNext) {
      rest = RegExpPrototypeSymbolReplace(/^[ \t\n]+/, rest, '');
      trimNext = false;
    }
    if (rest.length === 0) break;
    if (rest[0] === '\n' || rest[0] === '#') {
      rest = afterNewline(rest, 0);
      continue;
    }
    const equal = StringPrototypeIndexOf(rest, '=');
    if (equal === -1) break;
    let key = StringPrototypeSlice(rest, 0, equal);
    const keyNewline = StringPrototypeIndexOf(key, '\n');
    if (keyNewline !== -1) {
      // A line without `=` before one with it: skip it.
      rest = StringPrototypeSlice(rest, keyNewline + 1);
      trimNext = true;
      continue;
    }
    key = trim(key);
    rest = StringPrototypeSlice(rest, equal + 1);
    // An empty value. The key is taken as written here, `export ` and all.
    if (rest.length === 0 || rest[0] === '\n') {
      entries.set(key, '');
      continue;
    }
    rest = trim(rest);
    if (rest.length === 0) {
      entries.set(key, '');
      break;
    }
    // An empty key: parsing goes on right after its `=`.
    if (key.length === 0) continue;
    if (StringPrototypeStartsWith(key, 'export ')) {
      key = trim(StringPrototypeSlice(key, 7));
    }
    const quote = StringPrototypeCharAt(rest, 0);
    if (isQuote(quote)) {
      const closing = StringPrototypeIndexOf(rest, quote, 1);
      if (closing !== -1) {
        // Quoted values may span lines; what follows the closing quote on
        // its line is ignored.
        let value = StringPrototypeSlice(rest, 1, closing);
        if (quote === '"') {
          value = StringPrototypeReplaceAll(value, '\\n', '\n');
        }
        entries.set(key, value);
        rest = afterNewline(rest, closing + 1);
        continue;
      }
    }
    const newline = StringPrototypeIndexOf(rest, '\n');
    let value = newline === -1 ? rest : StringPrototypeSlice(rest, 0, newline);
    // Without a closing quote the line is taken as it is, `#` included.
    if (!isQuote(quote)) {
      const hash = StringPrototypeIndexOf(value, '#');
      if (hash !== -1) value = StringPrototypeSlice(value, 0, hash);
      value = trim(value);
    }
    entries.set(key, value);
    rest = newline === -1 ? '' : StringPrototypeSlice(rest, newline + 1);
    trimNext = true;
  }
  // Keys come out sorted, as Node's parser keeps them.
  const keys = ArrayPrototypeSort(ArrayFrom(entries.keys()), compareKeys);
  const result = {};
  for (let i = 0; i < keys.length; i++) {
    result[keys[i]] = entries.get(keys[i]);
  }
  return result;
}

// By code points, which is the order of the UTF-8 bytes Node compares.
function compareKeys(a, b) {
  const length = a.length < b.length ? a.length : b.length;
  for (let i = 0; i < length; i++) {
    const x = StringPrototypeCodePointAt(a, i);
    const y = StringPrototypeCodePointAt(b, i);
    if (x !== y) return x - y;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}

module.exports = { parseEnv };
