'use strict';

// module.SourceMap: a Source Map V3 payload (or an index map with
// "sections") decoded into a sorted table of segments that findEntry()
// searches. Format: https://tc39.es/ecma426/

const {
  ArrayIsArray,
  ArrayPrototypePush,
  ArrayPrototypeSlice,
  ArrayPrototypeSort,
  ObjectKeys,
  StringPrototypeCharCodeAt,
} = primordials;

const { validateObject } = require('internal/validators');

// Value of each base64 digit, by character code (-1: not a digit).
let digitValues;
function getDigitValues() {
  if (digitValues === undefined) {
    digitValues = [];
    for (let code = 0; code < 128; code++) {
      ArrayPrototypePush(digitValues, -1);
    }
    const alphabet =
      'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
    for (let i = 0; i < alphabet.length; i++) {
      digitValues[StringPrototypeCharCodeAt(alphabet, i)] = i;
    }
  }
  return digitValues;
}

const kComma = 44;
const kSemicolon = 59;

// Reads base64 VLQ numbers from a `mappings` string; `pos` is the index of
// the next character to read.
class VLQReader {
  constructor(text) {
    this.text = text;
    this.pos = 0;
    this.digits = getDigitValues();
  }

  // True at a ',' or ';'. The end of the text is not one: a field missing
  // there reads as 0, so a last segment keeps the previous source, line,
  // column and name, as in Node.
  atSegmentEnd() {
    if (this.pos >= this.text.length) return false;
    const code = StringPrototypeCharCodeAt(this.text, this.pos);
    return code === kComma || code === kSemicolon;
  }

  // One signed number. Five bits per digit, least significant first, bit 6
  // set on every digit but the last; the lowest bit of the whole is the
  // sign. Kept within 32 bits as the spec says: "-0" stands for -2^31.
  read() {
    let value = 0;
    let scale = 1;
    const text = this.text;
    while (this.pos < text.length) {
      const code = StringPrototypeCharCodeAt(text, this.pos);
      const digit = code < 128 ? this.digits[code] : -1;
      if (digit === -1) break;
      this.pos++;
      value += (digit & 31) * scale;
      scale *= 32;
      if ((digit & 32) === 0) break;
    }
    value %= 4294967296;
    const negative = value % 2 === 1;
    const magnitude = (value - (negative ? 1 : 0)) / 2;
    if (!negative) return magnitude;
    return magnitude === 0 ? -2147483648 : -magnitude;
  }
}

// A shallow copy of `payload` whose own array values are copies too.
function copyPayload(payload) {
  validateObject(payload, 'payload');
  const copy = { ...payload };
  const keys = ObjectKeys(copy);
  for (let i = 0; i < keys.length; i++) {
    if (ArrayIsArray(copy[keys[i]])) {
      copy[keys[i]] = ArrayPrototypeSlice(copy[keys[i]]);
    }
  }
  return copy;
}

function bySegmentStart(a, b) {
  if (a[0] !== b[0]) return a[0] - b[0];
  return a[1] - b[1];
}

// The first segment that has a source, for node:test coverage.
const kFirstSourceEntry = Symbol('kFirstSourceEntry');

class SourceMap {
  #payload;
  // [generatedLine, generatedColumn] or [generatedLine, generatedColumn,
  // source, originalLine, originalColumn, name], all 0-based.
  #segments = [];
  #lineLengths;

  constructor(payload, { lineLengths } = { __proto__: null }) {
    this.#payload = copyPayload(payload);
    const sections = this.#payload.sections;
    if (sections) {
      for (let i = 0; i < sections.length; i++) {
        const { offset, map } = sections[i];
        this.#addMap(map, offset.line, offset.column);
      }
    } else {
      this.#addMap(this.#payload, 0, 0);
    }
    ArrayPrototypeSort(this.#segments, bySegmentStart);
    if (ArrayIsArray(lineLengths) && lineLengths.length > 0) {
      this.#lineLengths = lineLengths;
    }
  }

  get payload() {
    return copyPayload(this.#payload);
  }

  get lineLengths() {
    if (this.#lineLengths === undefined) return undefined;
    return ArrayPrototypeSlice(this.#lineLengths);
  }

  // Decodes the segments of one map; its first line starts at
  // (`line`, `column`) of the generated code.
  #addMap(map, line, column) {
    // The sources as written: `sourceRoot` is left to whoever resolves
    // them (the source map cache makes them absolute URLs).
    const sources = ArrayIsArray(map.sources) ? map.sources : [];
    const names = map.names;
    const mappings = map.mappings;
    if (typeof mappings !== 'string') return;
    const reader = new VLQReader(mappings);
    let sourceIndex = 0;
    let originalLine = 0;
    let originalColumn = 0;
    let nameIndex = 0;
    while (reader.pos < mappings.length) {
      const code = StringPrototypeCharCodeAt(mappings, reader.pos);
      if (code === kSemicolon) {
        reader.pos++;
        line++;
        column = 0;
        continue;
      }
      if (code === kComma) {
        reader.pos++;
        continue;
      }
      const before = reader.pos;
      column += reader.read();
      if (reader.pos === before) {
        // Not a base64 digit: skip it.
        reader.pos++;
        continue;
      }
      if (reader.atSegmentEnd()) {
        ArrayPrototypePush(this.#segments, [line, column]);
        continue;
      }
      sourceIndex += reader.read();
      originalLine += reader.read();
      originalColumn += reader.read();
      let name;
      if (!reader.atSegmentEnd()) {
        nameIndex += reader.read();
        name = names?.[nameIndex];
      }
      ArrayPrototypePush(this.#segments, [
        line, column, sources[sourceIndex], originalLine, originalColumn,
        name,
      ]);
    }
  }

  // The segment that covers 0-based (`lineOffset`, `columnOffset`) of the
  // generated code: the last one starting at or before it.
  findEntry(lineOffset, columnOffset) {
    const segments = this.#segments;
    let low = 0;
    let high = segments.length - 1;
    let found = -1;
    while (low <= high) {
      const mid = (low + high) >>> 1;
      const segment = segments[mid];
      if (segment[0] < lineOffset ||
          (segment[0] === lineOffset && segment[1] <= columnOffset)) {
        found = mid;
        low = mid + 1;
      } else {
        high = mid - 1;
      }
    }
    if (found === -1) return {};
    const segment = segments[found];
    return {
      generatedLine: segment[0],
      generatedColumn: segment[1],
      originalSource: segment[2],
      originalLine: segment[3],
      originalColumn: segment[4],
      name: segment[5],
    };
  }

  [kFirstSourceEntry]() {
    const segments = this.#segments;
    for (let i = 0; i < segments.length; i++) {
      if (segments[i].length > 2) {
        return {
          originalSource: segments[i][2],
          originalLine: segments[i][3],
          originalColumn: segments[i][4],
        };
      }
    }
    return {};
  }

  // The original place of 1-based (`lineNumber`, `columnNumber`).
  findOrigin(lineNumber, columnNumber) {
    const entry = this.findEntry(lineNumber - 1, columnNumber - 1);
    if (entry.originalSource === undefined ||
        entry.originalLine === undefined ||
        entry.originalColumn === undefined ||
        entry.generatedLine === undefined ||
        entry.generatedColumn === undefined) {
      return {};
    }
    return {
      name: entry.name,
      fileName: entry.originalSource,
      lineNumber: entry.originalLine + (lineNumber - entry.generatedLine),
      columnNumber:
        entry.originalColumn + (columnNumber - entry.generatedColumn),
    };
  }
}

module.exports = {
  kFirstSourceEntry,
  SourceMap,
};
