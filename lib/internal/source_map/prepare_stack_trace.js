'use strict';

// The stack of an error with its frames mapped through the source maps of
// their files, as Node prints it with source maps on.

const {
  ErrorPrototypeToString,
  StringPrototypeStartsWith,
} = primordials;

const { kIsNodeError } = require('internal/errors');
const { findSourceMap } = require('internal/source_map/source_map_cache');

let fileURLToPath;

function errorHead(error) {
  if (kIsNodeError in error) {
    return `${error.name} [${error.code}]: ${error.message}`;
  }
  return ErrorPrototypeToString(error);
}

// The name a frame shows: a transpiler may have renamed or dropped the
// function, so the map's name for the function's start wins, else the
// map's name at the caller's position in the same file.
function originalFunctionName(sourceMap, callSite, callerSite) {
  const atStart = sourceMap.findEntry(
    callSite.getEnclosingLineNumber() - 1,
    callSite.getEnclosingColumnNumber() - 1);
  if (atStart.name) return atStart.name;
  if (callerSite !== undefined &&
      callSite.getFileName() === callerSite.getFileName()) {
    return sourceMap.findEntry(callerSite.getLineNumber() - 1,
                               callerSite.getColumnNumber() - 1).name;
  }
  return undefined;
}

// One frame, "name (source:line:column)" in the original source, or V8's
// text when the map has nothing for its position.
function mappedFrame(sourceMap, callSite, callerSite) {
  const { originalLine, originalColumn, originalSource } =
    sourceMap.findEntry(callSite.getLineNumber() - 1,
                        callSite.getColumnNumber() - 1);
  if (originalSource === undefined || originalLine === undefined ||
      originalColumn === undefined) {
    return `${callSite}`;
  }
  let where = originalSource;
  if (StringPrototypeStartsWith(originalSource, 'file://')) {
    fileURLToPath ??= require('internal/url').fileURLToPath;
    where = fileURLToPath(originalSource);
  }
  let prefix = '';
  if (callSite.isAsync()) {
    prefix = 'async ';
  } else if (callSite.isConstructor()) {
    prefix = 'new ';
  }
  const typeName = callSite.getTypeName();
  const owner = typeName !== null && typeName !== 'global' ?
    `${typeName}.` : '';
  const name = originalFunctionName(sourceMap, callSite, callerSite) ||
    (callSite.getFunctionName() ?? callSite.getMethodName()) ||
    '<anonymous>';
  return `${prefix}${owner}${name} (${where}:${originalLine + 1}:` +
    `${originalColumn + 1})`;
}

function prepareStackTraceWithSourceMaps(error, trace) {
  const head = errorHead(error);
  if (trace.length === 0) return head;
  let out = head;
  // Frames in a row often share a file: its map is looked up once.
  let lastFile;
  let lastMap;
  for (let i = 0; i < trace.length; i++) {
    const callSite = trace[i];
    let text;
    try {
      const file = callSite.getFileName() ?? callSite.getEvalOrigin();
      const sourceMap = file === lastFile && lastFile !== undefined ?
        lastMap : findSourceMap(file);
      if (sourceMap !== undefined) {
        lastFile = file;
        lastMap = sourceMap;
        text = mappedFrame(sourceMap, callSite, trace[i + 1]);
      }
    } catch {
      // A map that fails leaves the frame as V8 shows it.
    }
    out += `\n    at ${text ?? `${callSite}`}`;
  }
  return out;
}

module.exports = {
  prepareStackTraceWithSourceMaps,
};
