'use strict';

// The source maps of the modules loaded so far, and the switches of source
// map support (--enable-source-maps, module.setSourceMapsSupport(),
// process.setSourceMapsEnabled()). Loaded only once source maps are on,
// NODE_V8_COVERAGE asks for them, or the API is used.

const {
  ArrayPrototypeIndexOf,
  ArrayPrototypeMap,
  JSONParse,
  ObjectFreeze,
  RegExpPrototypeExec,
  RegExpPrototypeSymbolSplit,
  SafeFinalizationRegistry,
  SafeMap,
  SafeStringIterator,
  SafeWeakRef,
  StringPrototypeCharCodeAt,
  StringPrototypeIndexOf,
  StringPrototypeRepeat,
  StringPrototypeSlice,
  StringPrototypeSplit,
  StringPrototypeStartsWith,
} = primordials;

const { validateBoolean, validateObject } = require('internal/validators');
const { isUnderNodeModules, kEmptyObject } = require('internal/util');
const { setSourceMapsState } = require('internal/errors');

let urlModule;
function lazyURL() {
  urlModule ??= require('internal/url');
  return urlModule;
}

let SourceMap;

// A scheme followed by ':' ("file:", "data:", "webpack:").
const kLeadingProtocol = /^\w+:/;

let support = ObjectFreeze({
  __proto__: null,
  enabled: false,
  nodeModules: false,
  generatedCode: false,
});

function getSourceMapsSupport() {
  return support;
}

function coverageRequested() {
  return !!process.env.NODE_V8_COVERAGE;
}

function setSourceMapsSupport(enabled, options = kEmptyObject) {
  validateBoolean(enabled, 'enabled');
  validateObject(options, 'options');
  const { nodeModules = false, generatedCode = false } = options;
  validateBoolean(nodeModules, 'options.nodeModules');
  validateBoolean(generatedCode, 'options.generatedCode');
  support = ObjectFreeze({
    __proto__: null,
    enabled,
    nodeModules,
    generatedCode,
  });
  let prepare;
  if (enabled) {
    prepare =
      require('internal/source_map/prepare_stack_trace')
        .prepareStackTraceWithSourceMaps;
    registerErrorSourceCallback();
  }
  setSourceMapsState(enabled || coverageRequested(), enabled, prepare);
}

// At start-up, when --enable-source-maps or NODE_V8_COVERAGE is given.
function initializeSourceMaps(enabled) {
  if (enabled) {
    setSourceMapsSupport(true, {
      __proto__: null,
      nodeModules: true,
      generatedCode: true,
    });
  } else {
    setSourceMapsState(true, false, undefined);
  }
  if (coverageRequested()) {
    internalBinding('inspector').setSourceMapCacheGetter(
      sourceMapCacheToObject);
  }
}

// C++ asks getErrorSourceForFatal() for the source line shown above an
// uncaught error, and hands eval'd code to maybeCacheGeneratedSourceMap().
let errorSourceCallbackSet = false;
function registerErrorSourceCallback() {
  if (errorSourceCallbackSet) return;
  errorSourceCallbackSet = true;
  const binding = internalBinding('errors');
  binding.setGetSourceMapErrorSource(getErrorSourceForFatal);
  binding.setMaybeCacheGeneratedSourceMap(maybeCacheGeneratedSourceMap);
}

// ---- The cache ------------------------------------------------------------

// Entries of modules, by URL (and by their sourceURL when they have one).
// An entry goes when its module object is collected: require.cache is the
// user's to empty.
class ModuleSourceMaps {
  #byKey = new SafeMap();
  #registry = new SafeFinalizationRegistry((held) => this.#forget(held));

  get size() {
    return this.#byKey.size;
  }

  set(keys, entry, moduleInstance) {
    const held = { __proto__: null, keys, entry, ref: undefined };
    if (moduleInstance != null && typeof moduleInstance === 'object') {
      held.ref = new SafeWeakRef(moduleInstance);
      this.#registry.register(moduleInstance, held);
    }
    for (let i = 0; i < keys.length; i++) {
      this.#byKey.set(keys[i], held);
    }
  }

  get(key) {
    const held = this.#byKey.get(key);
    if (held === undefined) return undefined;
    if (held.ref !== undefined && held.ref.deref() === undefined) {
      this.#forget(held);
      return undefined;
    }
    return held.entry;
  }

  #forget(held) {
    for (let i = 0; i < held.keys.length; i++) {
      if (this.#byKey.get(held.keys[i]) === held) {
        this.#byKey.delete(held.keys[i]);
      }
    }
  }

  // [key, entry] of each live entry.
  entries() {
    const out = [];
    for (const { 0: key, 1: held } of this.#byKey) {
      if (held.ref !== undefined && held.ref.deref() === undefined) continue;
      out[out.length] = [key, held.entry];
    }
    return out;
  }
}

const moduleSourceMaps = new ModuleSourceMaps();
// Entries of code made by eval() / new Function(), by their sourceURL.
const generatedSourceMaps = new SafeMap();

// `name` as a URL string: paths become file: URLs, URLs stay; undefined
// when it is neither.
function toURLString(name) {
  if (typeof name !== 'string' || name === '') return undefined;
  if (StringPrototypeStartsWith(name, 'node:')) return name;
  if (name[0] === '/') return lazyURL().pathToFileURL(name).href;
  if (RegExpPrototypeExec(kLeadingProtocol, name) !== null) {
    try {
      new (lazyURL().URL)(name);
      return name;
    } catch {
      return undefined;
    }
  }
  return undefined;
}

// The length of each line of `content`, line breaks not counted (a '\r'
// before a '\n' is), for coverage tools that map byte offsets.
function lineLengths(content) {
  const lengths = [];
  let start = 0;
  for (let i = 0; i < content.length; i++) {
    const code = StringPrototypeCharCodeAt(content, i);
    if (code === 10 || code === 0x2028 || code === 0x2029) {
      lengths[lengths.length] = i - start;
      start = i + 1;
    }
  }
  lengths[lengths.length] = content.length - start;
  return lengths;
}

// Makes the sources of `data` absolute URLs: relative ones are resolved
// against `baseURL` (where the map is), absolute paths become file: URLs.
function sourcesToAbsolute(baseURL, data) {
  const { URL, pathToFileURL } = lazyURL();
  const root = data.sourceRoot || '';
  data.sources = ArrayPrototypeMap(data.sources, (source) => {
    const full = `${root}${source}`;
    if (full[0] === '/') return pathToFileURL(full).href;
    return new URL(full, baseURL).href;
  });
  data.sourceRoot = '';
  return data;
}

function parseMapText(text, baseURL) {
  return sourcesToAbsolute(baseURL, JSONParse(text));
}

// data:application/json[;charset=...][;base64],<map>
function sourceMapFromDataURL(sourceURL, rest) {
  const comma = StringPrototypeIndexOf(rest, ',');
  const format = comma === -1 ? rest : StringPrototypeSlice(rest, 0, comma);
  const body = comma === -1 ? undefined : StringPrototypeSlice(rest, comma + 1);
  const params = StringPrototypeSplit(format, ';');
  if (params[0] !== 'application/json') return null;
  let text = body;
  if (params[params.length - 1] === 'base64') {
    const { Buffer } = require('buffer');
    text = Buffer.from(`${body}`, 'base64').toString('utf8');
  }
  try {
    return parseMapText(text, sourceURL);
  } catch {
    return null;
  }
}

function sourceMapFromFile(mapURL) {
  try {
    const { readFileSync } = require('fs');
    const text = readFileSync(lazyURL().fileURLToPath(mapURL), 'utf8');
    return parseMapText(text, mapURL);
  } catch {
    return null;
  }
}

// The payload `sourceMapURL` names, relative to the code at `sourceURL`;
// null when it cannot be had.
function dataFromURL(sourceURL, sourceMapURL) {
  const { URL } = lazyURL();
  let url;
  try {
    url = new URL(sourceMapURL);
  } catch {
    // Not absolute: a path relative to the code.
    try {
      return sourceMapFromFile(new URL(sourceMapURL, sourceURL).href);
    } catch {
      return null;
    }
  }
  if (url.protocol === 'data:') {
    return sourceMapFromDataURL(sourceURL, url.pathname);
  }
  return null;
}

// Remembers the source map of a module (or of eval'd code when
// `isGeneratedSource`) whose code said `//# sourceMappingURL=`; V8 gives
// `sourceMapURL`.
function maybeCacheSourceMap(filename, content, moduleInstance,
                             isGeneratedSource, sourceURL, sourceMapURL) {
  if (!(support.enabled || coverageRequested())) return;
  const url = toURLString(filename);
  if (url === undefined) return;
  if (!support.nodeModules && isUnderNodeModules(url)) return;
  if (typeof sourceMapURL !== 'string' || sourceMapURL === '') return;
  const otherURL = toURLString(sourceURL);
  const data = dataFromURL(url, sourceMapURL);
  const entry = {
    __proto__: null,
    lineLengths: lineLengths(content),
    data,
    // The URL of a map that could not be read, for coverage tools.
    sourceMapURL: data ? null : sourceMapURL,
    sourceURL: otherURL,
    sourceMap: undefined,
  };
  if (isGeneratedSource) {
    generatedSourceMaps.set(url, entry);
    return;
  }
  moduleSourceMaps.set(otherURL ? [url, otherURL] : [url], entry,
                       moduleInstance);
}

// The last `//# name=value` comment of `content` (an earlier one may be
// in a string).
function lastMagicComment(content, regexp) {
  let last = null;
  let match;
  regexp.lastIndex = 0;
  while ((match = RegExpPrototypeExec(regexp, content)) !== null) {
    last = match[1];
  }
  return last;
}

const kSourceURLComment = /\/[*/][#@]\s+sourceURL=(\S+)/g;
const kSourceMappingURLComment = /\/[*/][#@]\s+sourceMappingURL=(\S+)/g;

// The `//# sourceMappingURL=` of an ES module's source, as V8 takes it:
// the last such comment, a comment and not text in a string (V8 10.2 does
// not tell the URL it found for a module). Only a source that names one is
// tokenized.
function findModuleSourceMapURL(source) {
  if (typeof source !== 'string' ||
      StringPrototypeIndexOf(source, 'sourceMappingURL') === -1) {
    return undefined;
  }
  let url;
  try {
    const { Parser } = require('internal/deps/acorn/acorn/dist/acorn');
    Parser.parse(source, {
      __proto__: null,
      ecmaVersion: 'latest',
      sourceType: 'module',
      allowHashBang: true,
      allowAwaitOutsideFunction: true,
      onComment(block, text) {
        const match = RegExpPrototypeExec(kMagicCommentText, text);
        if (match !== null) url = match[1];
      },
    });
  } catch {
    // A syntax acorn does not know: the last comment-like text.
    return lastMagicComment(source, kSourceMappingURLComment) ?? undefined;
  }
  return url;
}
// The `//# sourceURL=` of a module's source, the last one (V8 names the
// module after it in some places, the uncaught error's message among them).
function findSourceURL(source) {
  if (typeof source !== 'string' ||
      StringPrototypeIndexOf(source, 'sourceURL') === -1) {
    return undefined;
  }
  return lastMagicComment(source, kSourceURLComment) ?? undefined;
}

// The text of a comment that is a sourceMappingURL magic comment.
const kMagicCommentText = /^[#@]\s+sourceMappingURL=(\S+)\s*$/;

// Code given to eval() or new Function() (C++ hands it over when
// generated code is to be mapped): cached under its sourceURL.
function maybeCacheGeneratedSourceMap(content) {
  if (!(support.enabled || support.generatedCode || coverageRequested())) {
    return;
  }
  if (typeof content !== 'string') return;
  let sourceURL = lastMagicComment(content, kSourceURLComment);
  if (sourceURL === null) return;
  const sourceMapURL = lastMagicComment(content, kSourceMappingURLComment);
  if (sourceMapURL === null) return;
  if (RegExpPrototypeExec(kLeadingProtocol, sourceURL) === null) {
    try {
      sourceURL = lazyURL().pathToFileURL(sourceURL).href;
    } catch {
      return;
    }
  }
  try {
    maybeCacheSourceMap(sourceURL, content, null, true, undefined,
                        sourceMapURL);
  } catch {
    // A source map that cannot be read never fails the code.
  }
}

// module.findSourceMap(path or URL): a SourceMap, or undefined. Never
// throws.
function findSourceMap(sourceURL) {
  if (typeof sourceURL !== 'string') return undefined;
  if (StringPrototypeStartsWith(sourceURL, 'node:')) return undefined;
  if (!support.nodeModules && isUnderNodeModules(sourceURL)) return undefined;
  try {
    let url = sourceURL;
    if (RegExpPrototypeExec(kLeadingProtocol, url) === null) {
      url = lazyURL().pathToFileURL(url).href;
    }
    const entry = moduleSourceMaps.get(url) ?? generatedSourceMaps.get(url);
    if (entry == null || entry.data == null) return undefined;
    if (entry.sourceMap === undefined) {
      SourceMap ??= require('internal/source_map/source_map').SourceMap;
      entry.sourceMap =
        new SourceMap(entry.data, { lineLengths: entry.lineLengths });
    }
    return entry.sourceMap;
  } catch {
    return undefined;
  }
}

// What NODE_V8_COVERAGE files keep under "source-map-cache": runs at exit,
// so it calls no user code.
function sourceMapCacheToObject() {
  const entries = moduleSourceMaps.entries();
  if (entries.length === 0) return undefined;
  const out = { __proto__: null };
  for (let i = 0; i < entries.length; i++) {
    const { 0: key, 1: entry } = entries[i];
    out[key] = {
      __proto__: null,
      lineLengths: entry.lineLengths,
      data: entry.data,
      url: entry.sourceMapURL,
    };
  }
  return out;
}

// ---- The original source --------------------------------------------------

// The text of `originalSource` (a URL from the map's sources): from the
// map's sourcesContent, else from the disk for a file: URL.
function getOriginalSource(payload, originalSource) {
  const index = ArrayPrototypeIndexOf(payload.sources, originalSource);
  const inline = payload.sourcesContent?.[index];
  if (inline) return inline;
  if (StringPrototypeStartsWith(originalSource, 'file://')) {
    try {
      const { readFileSync } = require('fs');
      return readFileSync(lazyURL().fileURLToPath(originalSource), 'utf8');
    } catch {
      // No such file: no source line.
    }
  }
  return undefined;
}

function getSourceLine(sourceMap, originalSource, originalLine) {
  const source = getOriginalSource(sourceMap.payload, originalSource);
  if (typeof source !== 'string') return undefined;
  const lines = RegExpPrototypeSymbolSplit(/\r?\n/, source, originalLine + 1);
  return lines[originalLine];
}

let getStringWidth;
// "path:line\n<source line>\n<spaces>^\n" for the original place of an
// error, or undefined when the original source cannot be read.
function getErrorSource(sourceMap, originalSource, originalLine,
                        originalColumn) {
  const line = getSourceLine(sourceMap, originalSource, originalLine);
  if (!line) return undefined;
  const where = StringPrototypeStartsWith(originalSource, 'file://') ?
    lazyURL().fileURLToPath(originalSource) : originalSource;
  getStringWidth ??= require('internal/util/inspect').getStringWidth;
  // As wide as what precedes the column, tabs kept so that the caret lines
  // up; a wide character at the column itself widens it by its extra
  // width, and a column past the end puts the caret under the last one.
  let pad = '';
  const upTo = StringPrototypeSlice(line, 0, originalColumn + 1);
  for (const character of new SafeStringIterator(upTo)) {
    pad += character === '\t' ? '\t' :
      StringPrototypeRepeat(' ', getStringWidth(character));
  }
  pad = StringPrototypeSlice(pad, 0, -1);
  return `${where}:${originalLine + 1}\n${line}\n${pad}^\n`;
}

// From C++, for an uncaught error at 1-based `lineNumber` and 0-based
// `columnNumber` of `fileName`: the mapped source line, or undefined to
// show the generated one.
function getErrorSourceForFatal(fileName, lineNumber, columnNumber) {
  if (!support.enabled) return undefined;
  try {
    const sourceMap = findSourceMap(fileName);
    if (sourceMap === undefined) return undefined;
    const { originalLine, originalColumn, originalSource } =
      sourceMap.findEntry(lineNumber - 1, columnNumber);
    if (originalSource === undefined) return undefined;
    return getErrorSource(sourceMap, originalSource, originalLine,
                          originalColumn);
  } catch {
    return undefined;
  }
}

module.exports = {
  findModuleSourceMapURL,
  findSourceMap,
  findSourceURL,
  getErrorSource,
  getOriginalSourceLine: getSourceLine,
  getSourceMapsSupport,
  initializeSourceMaps,
  maybeCacheGeneratedSourceMap,
  maybeCacheSourceMap,
  setSourceMapsSupport,
  sourceMapCacheToObject,
};
