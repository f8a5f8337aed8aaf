'use strict';

const {
  Error,
  ErrorCaptureStackTrace,
  FunctionPrototypeToString,
  NumberPrototypeToString,
  NumberParseInt,
  RegExpPrototypeExec,
  RegExpPrototypeSymbolReplace,
  SafeMap,
  StringPrototypeCharCodeAt,
  StringPrototypePadStart,
  StringPrototypeSlice,
  StringPrototypeSplit,
  StringPrototypeStartsWith,
  StringPrototypeTrimEnd,
} = primordials;

const AssertionError = require('internal/assert/assertion_error');
const { isNativeError } = internalBinding('types');

// `${file}:${line}:${column}` -> source text of the call (or undefined).
const callTextCache = new SafeMap();

function isIdentifierChar(code) {
  return (code >= 0x61 && code <= 0x7a) || (code >= 0x41 && code <= 0x5a) ||
    (code >= 0x30 && code <= 0x39) || code === 0x5f || code === 0x24 ||
    code > 0x7f;
}

function isSpace(code) {
  return code === 0x20 || code === 0x09;
}

// Walks back from `pos` over a member chain (`a.b`, `a?.b`, `a[0]`,
// `a . b`) and returns where the chain starts.
function findChainStart(line, pos) {
  let start = pos;
  for (;;) {
    let p = start;
    while (p > 0 && isSpace(StringPrototypeCharCodeAt(line, p - 1))) p--;
    if (p === 0) return start;
    const prev = line[p - 1];
    let operandEnd;
    if (prev === '.' && line[p - 2] !== '.') {
      p--;
      if (p > 0 && line[p - 1] === '?') p--;
      while (p > 0 && isSpace(StringPrototypeCharCodeAt(line, p - 1))) p--;
      operandEnd = p;
    } else if (prev === ']' && start === pos && line[pos] === '(') {
      operandEnd = p;
    } else if (prev === ']' && line[start] === '[') {
      operandEnd = p;
    } else {
      return start;
    }
    const begin = findOperandStart(line, operandEnd);
    if (begin === -1) return start;
    start = begin;
  }
}

// Start of the identifier or bracket group ending at `end`, or -1.
function findOperandStart(line, end) {
  if (end === 0) return -1;
  if (line[end - 1] === ']') {
    let depth = 0;
    for (let p = end - 1; p >= 0; p--) {
      const c = line[p];
      if (c === ']') depth++;
      else if (c === '[' && --depth === 0) {
        // A bracket group is an access only when something precedes it.
        const before = findOperandStart(line, p);
        return before === -1 ? -1 : before;
      }
    }
    return -1;
  }
  let p = end;
  while (p > 0 && isIdentifierChar(StringPrototypeCharCodeAt(line, p - 1))) p--;
  return p === end ? -1 : p;
}

function isRegExpStart(line, pos) {
  let p = pos - 1;
  while (p >= 0 && isSpace(StringPrototypeCharCodeAt(line, p))) p--;
  if (p < 0) return true;
  const c = line[p];
  return c === '(' || c === ',' || c === '=' || c === ':' || c === '[' ||
    c === '!' || c === '&' || c === '|' || c === '?' || c === '{' ||
    c === '}' || c === ';' || c === '+' || c === '-' || c === '*' ||
    c === '%' || c === '<' || c === '>' || c === '~' || c === '^';
}

// End (exclusive) of the argument list opened at or after `pos`; the end of
// the line when the call continues on later lines.
function findCallEnd(line, pos) {
  let p = pos;
  while (p < line.length && line[p] !== '(') {
    const c = line[p];
    if (c === '[') {
      // `a[0](...)`: skip the bracket group.
      let depth = 0;
      for (; p < line.length; p++) {
        if (line[p] === '[') depth++;
        else if (line[p] === ']' && --depth === 0) break;
      }
    }
    p++;
  }
  let depth = 0;
  // Brace depth at which each open template literal resumes.
  const templates = [];
  let braces = 0;
  for (; p < line.length; p++) {
    const c = line[p];
    if (c === '\'' || c === '"') {
      for (p++; p < line.length && line[p] !== c; p++) {
        if (line[p] === '\\') p++;
      }
    } else if (c === '`' || (c === '}' && templates.length > 0 &&
                              templates[templates.length - 1] === braces)) {
      if (c === '}') templates.length--;
      for (p++; p < line.length && line[p] !== '`'; p++) {
        if (line[p] === '\\') {
          p++;
        } else if (line[p] === '$' && line[p + 1] === '{') {
          templates[templates.length] = braces;
          p++;
          break;
        }
      }
    } else if (c === '/' && line[p + 1] === '/') {
      break;
    } else if (c === '/' && line[p + 1] === '*') {
      const close = primordials.StringPrototypeIndexOf(line, '*/', p + 2);
      if (close === -1) break;
      p = close + 1;
    } else if (c === '/' && isRegExpStart(line, p)) {
      let inClass = false;
      for (p++; p < line.length; p++) {
        const r = line[p];
        if (r === '\\') p++;
        else if (r === '[') inClass = true;
        else if (r === ']') inClass = false;
        else if (r === '/' && !inClass) break;
      }
    } else if (c === '{') {
      braces++;
    } else if (c === '}') {
      braces--;
    } else if (c === '(') {
      depth++;
    } else if (c === ')') {
      if (--depth === 0) return p + 1;
    }
  }
  return line.length;
}

function readSourceLine(filename, lineNumber) {
  let fs;
  try {
    fs = require('fs');
  } catch {
    return undefined;
  }
  let source;
  try {
    source = fs.readFileSync(filename, 'utf8');
  } catch {
    return undefined;
  }
  const lines = StringPrototypeSplit(source, '\n', lineNumber);
  const line = lines[lineNumber - 1];
  if (line === undefined) return undefined;
  return line[line.length - 1] === '\r' ?
    StringPrototypeSlice(line, 0, -1) : line;
}

// The location of the call to `fn`: [file, line, column], 1-based.
function getCallLocation(fn) {
  const savedPrepare = Error.prepareStackTrace;
  const savedLimit = Error.stackTraceLimit;
  let site;
  try {
    Error.prepareStackTrace = (_, frames) => frames;
    Error.stackTraceLimit = 1;
    const holder = {};
    ErrorCaptureStackTrace(holder, fn);
    site = holder.stack;
  } catch {
    site = undefined;
  } finally {
    Error.prepareStackTrace = savedPrepare;
    Error.stackTraceLimit = savedLimit;
  }
  if (typeof site === 'object' && site !== null && site[0] !== undefined) {
    const frame = site[0];
    const file = frame.getFileName();
    if (typeof file !== 'string' || frame.isEval()) {
      // eval() code: its script's source, found by the frame's position.
      if (frame.isEval()) {
        const source = internalBinding('util').getEvalSource(
          frame.getLineNumber(), frame.getColumnNumber());
        if (typeof source === 'string') {
          return [undefined, frame.getLineNumber(), frame.getColumnNumber(),
                  source];
        }
      }
      // Code from `new Function()`: the function is its whole script, so
      // its text stands in for the file (sloppy-mode callers only).
      let fn;
      try {
        fn = frame.getFunction();
      } catch {
        return undefined;
      }
      if (typeof fn !== 'function') return undefined;
      const source = FunctionPrototypeToString(fn);
      if (!StringPrototypeStartsWith(source, 'function anonymous(')) {
        return undefined;
      }
      return [undefined, frame.getLineNumber(), frame.getColumnNumber(),
              source];
    }
    return [file, frame.getLineNumber(), frame.getColumnNumber()];
  }
  if (typeof site === 'string') {
    // An embedder-formatted stack: read the location off the first frame.
    const m = RegExpPrototypeExec(/\n\s+at (?:.*? \()?(.+):(\d+):(\d+)\)?/, site);
    if (m === null) return undefined;
    return [m[1], NumberParseInt(m[2], 10), NumberParseInt(m[3], 10)];
  }
  return undefined;
}

function getCallText(fn) {
  const location = getCallLocation(fn);
  if (location === undefined) return undefined;
  let { 0: file, 1: lineNumber, 2: column, 3: source } = location;
  if (source !== undefined) {
    const line = StringPrototypeSplit(source, '\n')[lineNumber - 1];
    if (line === undefined || column < 1 || column > line.length) {
      return undefined;
    }
    return extractCall(line, column - 1);
  }
  // With source maps on, the call as written in the original source; none
  // for a file without a map, as in Node.
  if (require('internal/errors').sourceMapsOn()) {
    return getMappedCallText(file, lineNumber, column);
  }
  if (StringPrototypeStartsWith(file, 'node:')) return undefined;
  if (StringPrototypeStartsWith(file, 'file://')) {
    try {
      const { fileURLToPath } = require('internal/url');
      file = fileURLToPath(file);
    } catch {
      return undefined;
    }
  }
  const key = `${file}:${lineNumber}:${column}`;
  if (callTextCache.has(key)) return callTextCache.get(key);
  let text;
  const line = readSourceLine(file, lineNumber);
  if (line !== undefined && column >= 1 && column <= line.length) {
    text = extractCall(line, column - 1);
  }
  callTextCache.set(key, text);
  return text;
}

function getMappedCallText(file, lineNumber, column) {
  const { findSourceMap, getOriginalSourceLine } =
    require('internal/source_map/source_map_cache');
  const sourceMap = findSourceMap(file);
  if (sourceMap === undefined) return undefined;
  const { originalSource, originalLine, originalColumn } =
    sourceMap.findEntry(lineNumber - 1, column - 1);
  if (originalSource === undefined) return undefined;
  const line = getOriginalSourceLine(sourceMap, originalSource, originalLine);
  if (line === undefined || originalColumn >= line.length) return undefined;
  return extractCall(line, originalColumn);
}

function escapeControl(c) {
  return `\\u${StringPrototypePadStart(
    NumberPrototypeToString(StringPrototypeCharCodeAt(c, 0), 16), 4, '0')}`;
}

function extractCall(line, pos) {
  const start = findChainStart(line, pos);
  const end = findCallEnd(line, pos);
  const text = StringPrototypeTrimEnd(StringPrototypeSlice(line, start, end));
  // Control characters would garble the message: show them escaped.
  return RegExpPrototypeSymbolReplace(/[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]/g,
                                      text, escapeControl);
}

function isError(value) {
  return isNativeError(value) || value instanceof Error;
}

// Shared by assert() and assert.ok().
function innerOk(fn, argLen, value, message) {
  if (value) return;
  let generatedMessage = false;
  if (argLen === 0) {
    generatedMessage = true;
    message = 'No value argument passed to `assert.ok()`';
  } else if (message == null) {
    generatedMessage = true;
    const text = getCallText(fn);
    if (text !== undefined) {
      message = `The expression evaluated to a falsy value:\n\n  ${text}\n`;
    }
  } else if (isError(message)) {
    throw message;
  }
  const err = new AssertionError({
    actual: value,
    expected: true,
    message,
    operator: '==',
    stackStartFn: fn,
  });
  err.generatedMessage = generatedMessage;
  throw err;
}

module.exports = {
  innerOk,
};
