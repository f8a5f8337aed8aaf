'use strict';

// The 'debug> ' REPL of `lode inspect`: its commands live in the REPL's
// context (getters for the ones used without parentheses), each one a
// protocol call through the inspector's client. Pauses print
// "<reason> in <file>:<line>" and the source around the current line.

const {
  ArrayPrototypeFindIndex,
  ArrayPrototypeForEach,
  ArrayPrototypeIncludes,
  ArrayPrototypeJoin,
  ArrayPrototypeMap,
  ArrayPrototypePush,
  ArrayPrototypeSplice,
  Date,
  DatePrototypeGetTime,
  DatePrototypeToISOString,
  FunctionPrototypeCall,
  JSONStringify,
  MathMax,
  MathMin,
  Number,
  NumberIsNaN,
  ObjectDefineProperty,
  ObjectKeys,
  Proxy,
  PromisePrototypeThen,
  PromiseReject,
  PromiseResolve,
  RegExpPrototypeExec,
  RegExpPrototypeSymbolReplace,
  RegExpPrototypeSymbolSplit,
  SafeMap,
  SafePromiseAllReturnArrayLike,
  StringPrototypeEndsWith,
  StringPrototypeIncludes,
  StringPrototypeRepeat,
  StringPrototypeReplaceAll,
  StringPrototypeSlice,
  StringPrototypeStartsWith,
  StringPrototypeTrim,
} = primordials;

const fs = require('fs');
const Path = require('path');
const Repl = require('repl');
const vm = require('vm');
const { fileURLToPath } = require('internal/url');
const { inspect } = require('internal/util/inspect');
const { ERR_DEBUGGER_ERROR } = require('internal/errors').codes;
const { validateNumber, validateString } = require('internal/validators');

const kCustomInspect = inspect.custom;

const kHelpText = `run, restart, r       Run the application or reconnect
kill                  Kill a running application or disconnect

cont, c               Resume execution
next, n               Continue to next line in current file
step, s               Step into, potentially entering a function
out, o                Step out, leaving the current function
backtrace, bt         Print the current backtrace
list                  Print the source around the current line where execution
                      is currently paused
setContextLineNumber  Set which lines to check for context
setBreakpoint, sb     Set a breakpoint
clearBreakpoint, cb   Clear a breakpoint
breakpoints           List all known breakpoints
breakOnException      Pause execution whenever an exception is thrown
breakOnUncaught       Pause execution whenever an exception isn't caught
breakOnNone           Don't pause on exceptions (this is the default)

watch(expr)           Start watching the given expression
unwatch(expr)         Stop watching an expression
unwatch(index)        Stop watching an expression at specific index from watch list
watchers              Print all watched expressions and their current values

exec(expr), p(expr), exec expr, p expr
                      Evaluate the expression and print the value
repl                  Enter a debug repl that works like exec

scripts               List application scripts that are currently loaded
scripts(true)         List all scripts (including node-internals)

profile               Start CPU profiling session.
profileEnd            Stop current CPU profiling session.
profiles              Array of completed CPU profiling sessions.
profiles[n].save(filepath = 'node.cpuprofile')
                      Save CPU profiling session to disk as JSON.

takeHeapSnapshot(filepath = 'node.heapsnapshot')
                      Take a heap snapshot and save to disk as JSON.`;

const kDomains = [
  'Console', 'Debugger', 'HeapProfiler', 'Profiler', 'Runtime', 'Schema',
];

const kNoArgCommands = [
  'run', 'restart', 'r', 'kill', 'cont', 'c', 'next', 'n', 'step', 's',
  'out', 'o', 'pause', 'backtrace', 'bt', 'breakpoints', 'watchers',
  'unwatchAll', 'breakOnException', 'breakOnUncaught', 'breakOnNone',
  'version', 'help', 'repl', 'profile', 'profileEnd',
];

// Text shown as is by util.inspect (a description from the debuggee).
class Literal {
  constructor(text) { this.text = text; }
  [kCustomInspect]() { return this.text; }
}

// A remote exception, shown by the REPL as its description.
class RemoteError {
  constructor(text) { this.text = text; }
  [kCustomInspect]() { return this.text; }
}

// A CPU profile taken by `profile`/`profileEnd` or console.profile().
class Profile {
  constructor(data) { this.data = data; }
  [kCustomInspect]() {
    return `[Profile ${this.data.endTime - this.data.startTime}μs]`;
  }
  save(filename = 'node.cpuprofile') {
    const absolute = Path.resolve(filename);
    fs.writeFileSync(absolute, JSONStringify(this.data));
    return new Literal(`Saved profile to ${absolute}`);
  }
}

function leftPad(n, prefix, maxN) {
  const s = `${n}`;
  const width = MathMax(2, `${maxN}`.length);
  return prefix + StringPrototypeRepeat(' ', width - s.length) + s;
}

function getRelativePath(filenameOrURL) {
  const dir = StringPrototypeSlice(Path.join(Path.resolve(), 'x'), 0, -1);
  let filename = filenameOrURL;
  if (StringPrototypeStartsWith(filename, 'file://')) {
    try {
      filename = fileURLToPath(filename);
    } catch {
      // Keep the URL.
    }
  }
  if (StringPrototypeStartsWith(filename, dir)) {
    return StringPrototypeSlice(filename, dir.length);
  }
  return filename;
}

function isNativeUrl(url) {
  return StringPrototypeStartsWith(url, 'node:') || url === '';
}

function previewValue(prop) {
  switch (prop.type) {
    case 'string': return prop.value;
    case 'number': return Number(prop.value);
    case 'boolean': return prop.value === 'true';
    case 'undefined': return undefined;
    case 'bigint': return new Literal(prop.value);
    case 'function': return new Literal('[Function]');
    default:
      if (prop.subtype === 'null') return null;
      if (prop.valuePreview) return fromPreview(prop.valuePreview);
      return new Literal(prop.value);
  }
}

function entryText(preview) {
  if (preview.type !== 'object' && preview.type !== 'function') {
    return preview.description;
  }
  return inspect(fromPreview(preview));
}

function fromPreview(preview) {
  if (preview.subtype === 'map' || preview.subtype === 'set' ||
      preview.subtype === 'weakmap' || preview.subtype === 'weakset') {
    const { entries, description } = preview;
    if (entries === undefined) {
      return new Literal(RegExpPrototypeExec(/\(0\)$/, description) ?
        `${description} {}` : `${description} { ... }`);
    }
    if (entries.length === 0) return new Literal(`${description} {}`);
    const parts = ArrayPrototypeMap(entries, ({ key, value }) =>
      (key ? `${entryText(key)} => ${entryText(value)}` : entryText(value)));
    if (preview.overflow) ArrayPrototypePush(parts, '...');
    return new Literal(`${description} { ${ArrayPrototypeJoin(parts, ', ')} }`);
  }
  if (preview.subtype === 'array' || preview.subtype === 'typedarray') {
    const list = [];
    ArrayPrototypeForEach(preview.properties, (prop) => {
      ArrayPrototypePush(list, previewValue(prop));
    });
    if (!preview.overflow) return list;
    const parts = ArrayPrototypeMap(list, (v) => inspect(v));
    ArrayPrototypePush(parts, '...');
    return new Literal(`[ ${ArrayPrototypeJoin(parts, ', ')} ]`);
  }
  if (preview.type === 'object' && preview.subtype === undefined &&
      (preview.description === 'Object' || !preview.overflow)) {
    const parts = ArrayPrototypeMap(preview.properties, (prop) => {
      const key = RegExpPrototypeExec(/^[A-Za-z_$][\w$]*$/, prop.name) ?
        prop.name : inspect(prop.name);
      return `${key}: ${inspect(previewValue(prop))}`;
    });
    if (preview.overflow) ArrayPrototypePush(parts, '...');
    const prefix = preview.description === 'Object' ?
      '' : `${preview.description} `;
    if (parts.length === 0) return new Literal(`${prefix}{}`);
    const oneLine = `${prefix}{ ${ArrayPrototypeJoin(parts, ', ')} }`;
    if (oneLine.length <= 72) return new Literal(oneLine);
    const last = parts[parts.length - 1];
    if (last === '...') {
      ArrayPrototypeSplice(parts, parts.length - 1, 1);
      return new Literal(`${prefix}{\n  ${ArrayPrototypeJoin(parts, ',\n  ')
      },\n  ... }`);
    }
    const body = ArrayPrototypeJoin(parts, ',\n  ');
    return new Literal(`${prefix}{\n  ${body}\n}`);
  }
  return new Literal(preview.description);
}

// A protocol RemoteObject as a local value for util.inspect.
function convertRemoteObject(obj) {
  if (obj === undefined) return undefined;
  if (obj.unserializableValue !== undefined) {
    if (obj.type === 'bigint') return new Literal(obj.unserializableValue);
    return Number(obj.unserializableValue);
  }
  switch (obj.type) {
    case 'undefined': return new Literal('undefined');
    case 'string':
    case 'number':
    case 'boolean':
      return obj.value;
    case 'symbol':
    case 'bigint':
      return new Literal(obj.description);
    case 'function': {
      const match = RegExpPrototypeExec(/^(?:function\*? )?([^(\s]+)\(/,
                                        obj.description || '');
      const kind = obj.className || 'Function';
      return new Literal(match !== null ?
        `[${kind}: ${match[1]}]` : `[${kind}]`);
    }
    default:
      if (obj.subtype === 'null') return null;
      if (obj.subtype === 'error') return new Literal(obj.description);
      if (obj.subtype === 'date') {
        const date = new Date(obj.description);
        return new Literal(NumberIsNaN(DatePrototypeGetTime(date)) ?
          obj.description : DatePrototypeToISOString(date));
      }
      if (obj.preview) return fromPreview(obj.preview);
      return new Literal(obj.description || obj.className || 'Object');
  }
}

function createRepl(inspector) {
  const { client } = inspector;
  const knownScripts = new SafeMap();
  let knownBreakpoints = [];
  let selectedFrame = null;
  let currentBacktrace = null;
  let lastCommand = '';
  let pauseOnExceptionState = 'none';
  let contextLineNumber = 2;
  let repl = null;
  let inDebugRepl = false;
  const watchedExpressions = [];

  function print(value, addNewline = true) {
    const text = typeof value === 'string' ? value : inspect(value);
    inspector.print(text, addNewline);
  }

  function call(method, params) {
    return client.callMethod(method, params);
  }

  function scriptOf(scriptId) {
    return knownScripts.get(scriptId);
  }

  function requireFrame() {
    if (selectedFrame === null) {
      throw new ERR_DEBUGGER_ERROR('Requires execution to be paused');
    }
    return selectedFrame;
  }

  async function listSource(frame, delta) {
    const { scriptId, lineNumber } = frame.location;
    const { scriptSource } = await call('Debugger.getScriptSource',
                                        { scriptId });
    const lines = RegExpPrototypeSymbolSplit(/\r?\n/, scriptSource);
    const start = MathMax(1, lineNumber + 1 - delta);
    const end = MathMin(lines.length, lineNumber + 1 + delta);
    const withBreakpoint = [];
    ArrayPrototypeForEach(knownBreakpoints, ({ location }) => {
      if (location && location.scriptId === scriptId) {
        ArrayPrototypePush(withBreakpoint, location.lineNumber + 1);
      }
    });
    const out = [];
    for (let n = start; n <= end; n++) {
      let marker = ' ';
      if (n === lineNumber + 1) marker = '>';
      else if (ArrayPrototypeIncludes(withBreakpoint, n)) marker = '*';
      ArrayPrototypePush(out, `${leftPad(n, marker, end)} ${lines[n - 1]}`);
    }
    return ArrayPrototypeJoin(out, '\n');
  }

  async function evaluate(expression) {
    let response;
    if (selectedFrame !== null) {
      response = await call('Debugger.evaluateOnCallFrame', {
        callFrameId: selectedFrame.callFrameId,
        expression,
        objectGroup: 'node-inspect',
        generatePreview: true,
        includeCommandLineAPI: true,
      });
    } else {
      response = await call('Runtime.evaluate', {
        expression,
        objectGroup: 'node-inspect',
        generatePreview: true,
        includeCommandLineAPI: true,
      });
    }
    if (response.exceptionDetails) {
      const ex = response.exceptionDetails.exception;
      const text = ex?.description || response.exceptionDetails.text;
      throw new RemoteError(text);
    }
    return convertRemoteObject(response.result);
  }

  // `exec .scope`: the names in each non-global scope of the frame.
  async function listScopes() {
    const frame = requireFrame();
    const lines = [];
    for (const scope of frame.scopeChain) {
      if (scope.type === 'global') continue;
      const { result } = await call('Runtime.getProperties', {
        objectId: scope.object.objectId, ownProperties: true,
      });
      const names = ArrayPrototypeMap(result, ({ name }) => name);
      ArrayPrototypePush(lines, inspect(names));
    }
    return new Literal(ArrayPrototypeJoin(lines, '\n'));
  }

  function execCommand(expr) {
    if (typeof expr !== 'string') {
      throw new ERR_DEBUGGER_ERROR('exec() expects a string expression');
    }
    if (StringPrototypeTrim(expr) === '.scope') return listScopes();
    // An object literal, not a block: `exec { a: 1 }`.
    if (RegExpPrototypeExec(/^\s*\{[\s\S]*\}\s*$/, expr) !== null) {
      return PromisePrototypeThen(evaluate(`(${expr})`), undefined,
                                  () => evaluate(expr));
    }
    return evaluate(expr);
  }

  async function formatWatchers(verbose) {
    if (watchedExpressions.length === 0) return '';
    const values = await SafePromiseAllReturnArrayLike(
      watchedExpressions, (expr) => PromisePrototypeThen(evaluate(expr),
        undefined, (err) => new Literal(`<${err.text ?? err.message}>`)));
    const last = watchedExpressions.length - 1;
    const lines = ArrayPrototypeMap(watchedExpressions, (expr, idx) => {
      const prefix = `${leftPad(idx, ' ', last)}: ${expr} =`;
      const value = inspect(values[idx]);
      if (!StringPrototypeIncludes(value, '\n')) return `${prefix} ${value}`;
      const indented = StringPrototypeReplaceAll(value, '\n', '\n    ');
      return `${prefix}\n    ${indented}`;
    });
    const list = ArrayPrototypeJoin(lines, '\n');
    return verbose ? `Watchers:\n${list}\n` : list;
  }

  function location(frameLocation) {
    const script = scriptOf(frameLocation.scriptId);
    return `${script ? getRelativePath(script.url) : '[unknown]'}:` +
      `${frameLocation.lineNumber + 1}`;
  }

  function suspendWhile(fn) {
    if (repl !== null) repl.pause();
    const done = () => {
      if (repl !== null) {
        repl.resume();
        repl.displayPrompt();
      }
    };
    const work = PromisePrototypeThen(PromiseResolve(), fn);
    return PromisePrototypeThen(work, done, (err) => {
      print(err?.text ?? err?.message ?? `${err}`);
      done();
    });
  }

  client.on('Debugger.paused', ({ callFrames, reason }) => {
    if (reason === 'Break on start' &&
        process.env.NODE_INSPECT_RESUME_ON_START === '1') {
      PromisePrototypeThen(call('Debugger.resume'), undefined, () => {});
      return;
    }
    inspector.paused = true;
    selectedFrame = callFrames[0];
    currentBacktrace = callFrames;
    let breakType = reason;
    if (reason === 'other') breakType = stepping ? 'step' : 'break';
    stepping = false;
    const header = `${breakType} in ${location(selectedFrame.location)}`;
    suspendWhile(async () => {
      const watchers = await formatWatchers(true);
      const context = await listSource(selectedFrame, contextLineNumber);
      print(watchers ? `${header}\n${watchers}\n${context}` :
        `${header}\n${context}`);
    });
  });

  const profiles = [];
  client.on('Profiler.consoleProfileFinished', ({ profile }) => {
    ArrayPrototypePush(profiles, new Profile(profile));
    print('Captured new CPU profile.');
  });

  // One heap snapshot at a time: the chunks of each go to its own file.
  let snapshotChunks = null;
  let snapshotQueue = PromiseResolve();
  client.on('HeapProfiler.addHeapSnapshotChunk', ({ chunk }) => {
    if (snapshotChunks !== null) ArrayPrototypePush(snapshotChunks, chunk);
  });

  function takeHeapSnapshot(filename = 'node.heapsnapshot') {
    const absolute = Path.resolve(filename);
    const run = async () => {
      snapshotChunks = [];
      try {
        await call('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
        fs.writeFileSync(absolute, ArrayPrototypeJoin(snapshotChunks, ''));
      } finally {
        snapshotChunks = null;
      }
      print(`Heap snapshot written to ${absolute}`);
    };
    snapshotQueue = PromisePrototypeThen(snapshotQueue, run, run);
    return PromisePrototypeThen(snapshotQueue, () => undefined);
  }

  client.on('Debugger.resumed', () => {
    inspector.paused = false;
    selectedFrame = null;
    currentBacktrace = null;
  });

  client.on('Debugger.scriptParsed', (script) => {
    knownScripts.set(script.scriptId, {
      scriptId: script.scriptId,
      url: script.url,
      isNative: isNativeUrl(script.url),
    });
  });

  client.on('close', () => {
    inspector.paused = true;
    selectedFrame = null;
    currentBacktrace = null;
    knownScripts.clear();
  });

  // V8 reports the pause that ends a step as 'other': shown as 'step'.
  let stepping = false;

  function resume(method) {
    return () => {
      stepping = method !== 'Debugger.resume';
      inspector.paused = false;
      selectedFrame = null;
      currentBacktrace = null;
      return PromisePrototypeThen(call(method), () => undefined);
    };
  }

  // Shows where a breakpoint set in a loaded script landed.
  async function showBreakpoint({ actualLocation }) {
    if (!actualLocation || !scriptOf(actualLocation.scriptId)) return;
    print(await listSource({ location: actualLocation }, 5));
  }

  function registerBreakpoint({ breakpointId, actualLocation, locations },
                              url, lineNumber) {
    const loc = actualLocation || (locations && locations[0]);
    ArrayPrototypePush(knownBreakpoints, {
      breakpointId,
      location: loc,
      url: loc ? undefined : url,
      lineNumber,
    });
  }

  async function setBreakpoint(script, line, condition) {
    if (script === undefined) {
      const frame = requireFrame();
      const result = await call('Debugger.setBreakpoint',
                                { location: frame.location, condition });
      registerBreakpoint(result);
      return;
    }
    if (typeof script === 'number') {
      const frame = requireFrame();
      const result = await call('Debugger.setBreakpoint', {
        location: { scriptId: frame.location.scriptId,
                    lineNumber: script - 1 },
        condition: line,
      });
      registerBreakpoint(result);
      await showBreakpoint(result);
      return;
    }
    if (typeof script !== 'string') {
      throw new ERR_DEBUGGER_ERROR(`setBreakpoint() expects a script ` +
                                   `name or a line number`);
    }
    if (line === undefined) {
      if (StringPrototypeEndsWith(script, '()')) {
        const name = StringPrototypeSlice(script, 0, -2);
        await evaluate(`debug(${name})`);
        return;
      }
      throw new ERR_DEBUGGER_ERROR('Line number is required');
    }
    if (line <= 0) {
      throw new ERR_DEBUGGER_ERROR('Line should be a positive value');
    }
    let scriptId = null;
    let ambiguous = false;
    if (knownScripts.has(script)) {
      scriptId = script;
    } else {
      for (const { scriptId: id, url, isNative } of knownScripts.values()) {
        if (!isNative && url && StringPrototypeIncludes(url, script)) {
          if (scriptId !== null) ambiguous = true;
          scriptId = id;
        }
      }
    }
    if (ambiguous) throw new ERR_DEBUGGER_ERROR('Script name is ambiguous');
    if (scriptId !== null) {
      const result = await call('Debugger.setBreakpoint', {
        location: { scriptId, lineNumber: line - 1 }, condition,
      });
      registerBreakpoint(result);
      await showBreakpoint(result);
      return;
    }
    print(`Warning: script '${script}' was not loaded yet.`);
    const escaped = RegExpPrototypeSymbolReplace(/([/\\.?*()^${}|[\]])/g,
                                                 script, '\\$1');
    const urlRegex = `^(.*[\\/\\\\])?${escaped}$`;
    const result = await call('Debugger.setBreakpointByUrl',
                              { urlRegex, lineNumber: line - 1, condition });
    registerBreakpoint(result, script, line - 1);
  }

  async function clearBreakpoint(url, line) {
    const index = ArrayPrototypeFindIndex(knownBreakpoints, (bp) => {
      if (bp.location) {
        const script = scriptOf(bp.location.scriptId);
        return script !== undefined &&
          StringPrototypeIncludes(script.url, url) &&
          bp.location.lineNumber + 1 === line;
      }
      return bp.url !== undefined && StringPrototypeIncludes(bp.url, url) &&
        bp.lineNumber + 1 === line;
    });
    if (index === -1) {
      print(`Could not find breakpoint at ${url}:${line}`);
      return;
    }
    const { breakpointId } = knownBreakpoints[index];
    await call('Debugger.removeBreakpoint', { breakpointId });
    ArrayPrototypeSplice(knownBreakpoints, index, 1);
  }

  function listBreakpoints() {
    if (knownBreakpoints.length === 0) {
      print('No breakpoints yet');
      return;
    }
    const lines = ArrayPrototypeMap(knownBreakpoints, (bp, idx) => {
      let where;
      if (bp.location) {
        const script = scriptOf(bp.location.scriptId);
        where = `${script ? getRelativePath(script.url) : '[unknown]'}:` +
          `${bp.location.lineNumber + 1}`;
      } else {
        where = `${bp.url}:${bp.lineNumber + 1}`;
      }
      return `#${idx} ${where}`;
    });
    print(ArrayPrototypeJoin(lines, '\n'));
  }

  function backtrace() {
    requireFrame();
    const lines = ArrayPrototypeMap(currentBacktrace, (frame, idx) => {
      const { scriptId, lineNumber, columnNumber } = frame.location;
      const script = scriptOf(scriptId);
      const url = (script && getRelativePath(script.url)) || '<unknown>';
      return `#${idx} ${frame.functionName || '(anonymous)'} ` +
        `${url}:${lineNumber + 1}:${columnNumber}`;
    });
    print(lines.length ? ArrayPrototypeJoin(lines, '\n') : 'No backtrace');
  }

  async function restoreBreakpoints() {
    const previous = knownBreakpoints;
    knownBreakpoints = [];
    for (const bp of previous) {
      let url = bp.url;
      let lineNumber = bp.lineNumber;
      if (bp.location) {
        const script = bp.scriptUrl;
        if (!script) continue;
        url = script;
        lineNumber = bp.location.lineNumber;
      }
      const escaped = RegExpPrototypeSymbolReplace(/([/\\.?*()^${}|[\]])/g,
                                                   url, '\\$1');
      const result = await call('Debugger.setBreakpointByUrl', {
        urlRegex: `^(.*[\\/\\\\])?${escaped}$`, lineNumber,
      });
      registerBreakpoint(result, url, lineNumber);
    }
  }

  function rememberBreakpointUrls() {
    ArrayPrototypeForEach(knownBreakpoints, (bp) => {
      if (bp.location) {
        const script = scriptOf(bp.location.scriptId);
        if (script) bp.scriptUrl = getRelativePath(script.url);
      }
    });
  }

  async function initSession() {
    await call('Runtime.enable');
    await call('Debugger.enable');
    await call('Debugger.setPauseOnExceptions',
               { state: pauseOnExceptionState });
    await call('Debugger.setAsyncCallStackDepth', { maxDepth: 0 });
    await call('Profiler.enable');
    await call('Debugger.setBlackboxPatterns', { patterns: [] });
    await restoreBreakpoints();
    await call('Runtime.runIfWaitingForDebugger');
  }

  async function runApp() {
    rememberBreakpointUrls();
    await inspector.run();
    await initSession();
  }

  function setPauseOnExceptions(state) {
    const request = call('Debugger.setPauseOnExceptions', { state });
    return PromisePrototypeThen(request, () => {
      pauseOnExceptionState = state;
    });
  }

  function exitDebugRepl() {
    inDebugRepl = false;
    repl.setPrompt('debug> ');
    repl.displayPrompt();
  }

  const commands = {
    run: () => runApp(),
    restart: () => runApp(),
    kill: () => {
      rememberBreakpointUrls();
      inspector.killChild();
    },
    cont: resume('Debugger.resume'),
    next: resume('Debugger.stepOver'),
    step: resume('Debugger.stepInto'),
    out: resume('Debugger.stepOut'),
    pause: () => PromisePrototypeThen(call('Debugger.pause'), () => undefined),
    backtrace,
    breakpoints: listBreakpoints,
    watchers: () => PromisePrototypeThen(formatWatchers(false), (text) => {
      if (text) print(text);
    }),
    unwatchAll: () => { watchedExpressions.length = 0; },
    breakOnException: () => setPauseOnExceptions('all'),
    breakOnUncaught: () => setPauseOnExceptions('uncaught'),
    breakOnNone: () => setPauseOnExceptions('none'),
    profile: () => PromisePrototypeThen(call('Profiler.start'),
                                       () => undefined),
    profileEnd: () => PromisePrototypeThen(call('Profiler.stop'), (reply) => {
      const profile = new Profile(reply.profile);
      ArrayPrototypePush(profiles, profile);
      return profile;
    }),
    version: () => PromisePrototypeThen(evaluate('process.versions.v8'),
                                       (v) => print(v)),
    help: () => print(kHelpText),
    repl: () => {
      print('Press Ctrl+C to leave debug repl');
      inDebugRepl = true;
      repl.setPrompt('> ');
    },
  };
  commands.r = commands.restart;
  commands.c = commands.cont;
  commands.n = commands.next;
  commands.s = commands.step;
  commands.o = commands.out;
  commands.bt = commands.backtrace;

  // `Debugger.getScriptSource({ scriptId })` and the like: raw protocol
  // calls from the REPL.
  function domainProxy(domain) {
    return new Proxy({ __proto__: null }, {
      __proto__: null,
      get(target, method) {
        if (typeof method !== 'string') return undefined;
        return (params) => call(`${domain}.${method}`, params);
      },
    });
  }

  // A command's error reaches the REPL as a rejection, so that it is
  // printed as "Uncaught Error [ERR_...]: ..." without a source excerpt.
  function asyncErrors(fn) {
    return (...args) => {
      try {
        return fn(...args);
      } catch (err) {
        return PromiseReject(err);
      }
    };
  }

  function defineContext(context) {
    ArrayPrototypeForEach(kNoArgCommands, (name) => {
      ObjectDefineProperty(context, name, {
        __proto__: null, configurable: true, enumerable: true,
        get: asyncErrors(commands[name]),
      });
    });
    const functions = {
      setBreakpoint, sb: setBreakpoint,
      clearBreakpoint, cb: clearBreakpoint,
      list: (delta = 5) => PromisePrototypeThen(
        listSource(requireFrame(), delta), (text) => print(text)),
      setContextLineNumber: (delta = 2) => {
        validateNumber(delta, 'delta', 1);
        contextLineNumber = delta;
      },
      watch: (expr) => {
        validateString(expr, 'expression');
        ArrayPrototypePush(watchedExpressions, expr);
      },
      unwatch: (expr) => {
        let index = typeof expr === 'number' ? expr :
          ArrayPrototypeFindIndex(watchedExpressions, (e) => e === expr);
        if (index < 0 || index >= watchedExpressions.length) index = -1;
        if (index !== -1) ArrayPrototypeSplice(watchedExpressions, index, 1);
      },
      takeHeapSnapshot,
      exec: execCommand,
      p: execCommand,
    };
    ArrayPrototypeForEach(ObjectKeys(functions), (name) => {
      ObjectDefineProperty(context, name, {
        __proto__: null, configurable: true, enumerable: true, writable: true,
        value: asyncErrors(functions[name]),
      });
    });
    ArrayPrototypeForEach(kDomains, (domain) => {
      ObjectDefineProperty(context, domain, {
        __proto__: null, configurable: true, enumerable: false,
        writable: true, value: domainProxy(domain),
      });
    });
    ObjectDefineProperty(context, 'profiles', {
      __proto__: null, configurable: true, enumerable: true,
      get: () => profiles,
    });
    ObjectDefineProperty(context, 'scripts', {
      __proto__: null, configurable: true, enumerable: true,
      get: listScripts,
    });
  }

  function scriptList(displayNatives) {
    const lines = [];
    for (const script of knownScripts.values()) {
      if (!displayNatives && script.isNative) continue;
      if (!script.url) continue;
      const isCurrent = selectedFrame !== null &&
        selectedFrame.location.scriptId === script.scriptId;
      ArrayPrototypePush(lines, `${isCurrent ? '*' : ' '} ` +
        `${script.scriptId}: ${getRelativePath(script.url)}`);
    }
    return ArrayPrototypeJoin(lines, '\n');
  }

  // `scripts` shows the application's scripts; `scripts(true)` all of them.
  function listScripts() {
    const fn = (displayNatives) => new Literal(scriptList(!!displayNatives));
    fn[kCustomInspect] = () => scriptList(false);
    return fn;
  }

  function prepareControlCode(input) {
    if (input === '\n') return lastCommand;
    const match = RegExpPrototypeExec(/^\s*(?:exec|p)\s+([^\n]*)/, input);
    lastCommand = match !== null ? `exec(${JSONStringify(match[1])})` : input;
    return lastCommand;
  }

  function finish(callback, promiseOrValue) {
    const then = promiseOrValue?.then;
    if (typeof then === 'function') {
      FunctionPrototypeCall(then, promiseOrValue,
                            (value) => callback(null, value),
                            (err) => callback(asReplError(err)));
    } else {
      callback(null, promiseOrValue);
    }
  }

  function asReplError(err) {
    if (err instanceof RemoteError) {
      print(err.text);
      return null;
    }
    return err;
  }

  function controlEval(input, context, filename, callback) {
    if (inDebugRepl) {
      if (StringPrototypeTrim(input) === '') return callback(null);
      try {
        finish(callback, evaluate(input));
      } catch (err) {
        callback(asReplError(err));
      }
      return;
    }
    try {
      const code = prepareControlCode(input);
      if (StringPrototypeTrim(code) === '') return callback(null);
      finish(callback, vm.runInContext(code, context, filename));
    } catch (err) {
      callback(asReplError(err));
    }
  }

  inspector.onConnected = async () => {
    await initSession();
    if (repl !== null) return;
    repl = Repl.start({
      prompt: 'debug> ',
      input: inspector.stdin,
      output: inspector.stdout,
      eval: controlEval,
      useGlobal: false,
      ignoreUndefined: true,
    });
    inspector.repl = repl;
    defineContext(repl.context);
    repl.on('reset', (context) => defineContext(context));
    repl.on('exit', () => {
      inspector.killChild();
      process.exit(0);
    });
    repl.on('SIGINT', () => {
      if (inDebugRepl) exitDebugRepl();
    });
    repl.defineCommand('interrupt', () => {
      if (inDebugRepl) exitDebugRepl();
      else repl.displayPrompt();
    });
  };
}

module.exports = { createRepl, getRelativePath, leftPad };
