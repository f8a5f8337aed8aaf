'use strict';

// Code coverage for node:test (--experimental-test-coverage, run({ coverage
// })). V8's precise block coverage runs from the start of the process
// (internalBinding('inspector'), started by C++ when the option is given);
// the processes the run starts (the files of `--test`, whatever the tests
// spawn) write theirs to a temporary NODE_V8_COVERAGE folder. summary()
// merges them and turns each file's ranges into line, branch and function
// figures, as Node reports them:
// - a line is covered when no range of count 0 spans all of it (a blank
//   line counts as covered unless such a range spans it);
// - every range of a function with block coverage is a branch, covered
//   when it ran;
// - every function but the script's top level is a function, covered when
//   it ran;
// - `/* node:coverage ignore next [n] */`, `/* node:coverage disable */`
//   and `/* node:coverage enable */` exclude lines; an ignored line counts
//   as covered, and so do ranges and functions all of whose lines are.

const {
  ArrayFrom,
  ArrayPrototypeJoin,
  ArrayPrototypePush,
  ArrayPrototypeSort,
  JSONParse,
  MathFloor,
  MathMax,
  MathMin,
  NumberParseInt,
  NumberPrototypeToFixed,
  ObjectEntries,
  RegExpPrototypeExec,
  SafeMap,
  SafeSet,
  StringPrototypeCharCodeAt,
  StringPrototypeIncludes,
  StringPrototypeLocaleCompare,
  StringPrototypePadEnd,
  StringPrototypePadStart,
  StringPrototypeRepeat,
  StringPrototypeSlice,
  StringPrototypeSplit,
  StringPrototypeStartsWith,
} = primordials;

const binding = internalBinding('inspector');
const {
  codes: {
    ERR_SOURCE_MAP_CORRUPT,
    ERR_SOURCE_MAP_MISSING_SOURCE,
  },
} = require('internal/errors');

const kIgnoreNext = /\/\* node:coverage ignore next (?:(\d+) )?\*\//;
const kToggle = /\/\* node:coverage (enable|disable) \*\//;

function percent(covered, total) {
  return total === 0 ? 100 : (covered / total) * 100;
}

// The lines of `source`: 1-based number, offsets of their first character
// and of their end (line break excluded), ignore flag and count.
function splitLines(source) {
  const lines = [];
  let ignoreLeft = 0;
  let enabled = true;
  let start = 0;
  const length = source.length;
  while (start < length) {
    let end = start;
    while (end < length && StringPrototypeCharCodeAt(source, end) !== 10) {
      end++;
    }
    const next = end < length ? end + 1 : end;
    let textEnd = end;
    if (end < length && textEnd > start &&
        StringPrototypeCharCodeAt(source, textEnd - 1) === 13) {
      textEnd--;
    }
    const text = StringPrototypeSlice(source, start, next);
    const line = {
      __proto__: null,
      line: lines.length + 1,
      startOffset: start,
      endOffset: textEnd,
      ignore: false,
      count: start === textEnd ? 1 : 0,
    };
    if (ignoreLeft > 0) {
      ignoreLeft--;
      line.ignore = true;
    } else if (!enabled) {
      line.ignore = true;
    }
    if (!line.ignore) {
      const match = RegExpPrototypeExec(kIgnoreNext, text);
      if (match !== null) {
        ignoreLeft = match[1] === undefined ? 1 : NumberParseInt(match[1], 10);
      }
    }
    const toggle = RegExpPrototypeExec(kToggle, text);
    if (toggle !== null) {
      enabled = toggle[1] === 'enable';
      line.ignore = true;
    }
    ArrayPrototypePush(lines, line);
    start = next;
  }
  return lines;
}

// Applies one range to the lines it touches: those it spans entirely take
// its count. Returns [first line number, lines touched, ignored among them].
function applyRange(range, lines) {
  const { startOffset, endOffset, count } = range;
  let low = 0;
  let high = lines.length - 1;
  let index = -1;
  while (low <= high) {
    const mid = MathFloor((low + high) / 2);
    const line = lines[mid];
    if (startOffset < line.startOffset) {
      high = mid - 1;
    } else if (startOffset > line.endOffset) {
      low = mid + 1;
    } else {
      index = mid;
      break;
    }
  }
  if (index === -1) return [undefined, 0, 0];
  const first = lines[index].line;
  let touched = 0;
  let ignored = 0;
  for (; index < lines.length && endOffset > lines[index].startOffset;
    index++) {
    const line = lines[index];
    if (startOffset <= line.startOffset && endOffset >= line.endOffset) {
      line.count = count;
    }
    touched++;
    if (line.ignore) ignored++;
  }
  return [first, touched, ignored];
}

// `preset`: line index -> count, the counts the source map gave the lines
// of an original source (each mapped range gives its count to the lines
// from its start to its end, as Node does), before the ranges apply.
function summarizeFile(path, source, functions, preset) {
  const lines = splitLines(source);
  if (preset !== undefined) {
    for (const { 0: index, 1: count } of preset) {
      if (lines[index] !== undefined) lines[index].count = count;
    }
  }
  const branches = [];
  const fns = [];
  let branchesCovered = 0;
  let functionsCovered = 0;
  for (let i = 0; i < functions.length; i++) {
    const { ranges, isBlockCoverage, functionName } = functions[i];
    let maxCount = 0;
    let wholeCovered = false;
    let wholeLine;
    for (let j = 0; j < ranges.length; j++) {
      const range = ranges[j];
      maxCount = MathMax(maxCount, range.count);
      const { 0: line, 1: touched, 2: ignored } = applyRange(range, lines);
      const covered = range.count !== 0 || ignored === touched;
      if (j === 0) {
        wholeCovered = covered;
        wholeLine = line;
      }
      if (isBlockCoverage) {
        ArrayPrototypePush(branches, {
          __proto__: null, line, count: range.count,
        });
        if (covered) branchesCovered++;
      }
    }
    if (i > 0 && ranges.length > 0) {
      ArrayPrototypePush(fns, {
        __proto__: null, name: functionName, count: maxCount,
        line: wholeLine,
      });
      if (wholeCovered) functionsCovered++;
    }
  }
  const lineReports = [];
  let linesCovered = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (!line.ignore) {
      ArrayPrototypePush(lineReports, {
        __proto__: null, line: line.line, count: line.count,
      });
    }
    if (line.count > 0 || line.ignore) linesCovered++;
  }
  return {
    __proto__: null,
    path,
    totalLineCount: lines.length,
    totalBranchCount: branches.length,
    totalFunctionCount: fns.length,
    coveredLineCount: linesCovered,
    coveredBranchCount: branchesCovered,
    coveredFunctionCount: functionsCovered,
    coveredLinePercent: percent(linesCovered, lines.length),
    coveredBranchPercent: percent(branchesCovered, branches.length),
    coveredFunctionPercent: percent(functionsCovered, fns.length),
    functions: fns,
    branches,
    lines: lineReports,
  };
}

function sameExtent(a, b) {
  return a.startOffset === b.startOffset && a.endOffset === b.endOffset;
}

function contains(outer, inner) {
  return outer.startOffset <= inner.startOffset &&
    outer.endOffset >= inner.endOffset;
}

// The block ranges of one function as two processes saw it, as Node merges
// them: what ran in the first stays; a range of the second that the first
// has too adds its count; where both have a range that did not run, the
// inner one of the two is kept (the first such pair decides); what ran
// only in the second is added.
function mergeRanges(first, second) {
  const merged = new SafeSet();
  for (let i = 0; i < first.length; i++) {
    if (first[i].count > 0) merged.add(first[i]);
  }
  for (let i = 0; i < second.length; i++) {
    const range = second[i];
    let settled = false;
    for (let j = 0; j < first.length && !settled; j++) {
      const other = first[j];
      if (sameExtent(range, other)) {
        other.count += range.count;
        merged.add(other);
        settled = true;
      } else if (other.count === 0 && range.count === 0) {
        if (contains(other, range)) {
          merged.add(range);
        } else if (contains(range, other)) {
          merged.add(other);
        }
        settled = true;
      }
    }
    if (!settled && range.count > 0) merged.add(range);
  }
  return ArrayFrom(merged);
}

// Merges the functions of one script seen by another process into `into`:
// functions are the same when their names and extents are; block coverage
// wins over function-level counts; functions only one process made are
// added.
function mergeFunctions(into, functions) {
  for (let i = 0; i < functions.length; i++) {
    const fn = functions[i];
    const whole = fn.ranges[0];
    let known;
    for (let j = 0; j < into.length; j++) {
      const candidate = into[j];
      const extent = candidate.ranges[0];
      if (candidate.functionName === fn.functionName &&
          extent?.startOffset === whole?.startOffset &&
          extent?.endOffset === whole?.endOffset) {
        known = candidate;
        break;
      }
    }
    if (known === undefined) {
      ArrayPrototypePush(into, fn);
    } else if (fn.isBlockCoverage) {
      if (known.isBlockCoverage) {
        known.ranges = mergeRanges(known.ranges, fn.ranges);
      } else {
        known.isBlockCoverage = true;
        known.ranges = fn.ranges;
      }
    }
  }
}

function addFunctions(scripts, url, functions) {
  const known = scripts.get(url);
  if (known === undefined) {
    scripts.set(url, functions);
  } else {
    for (let i = 0; i < functions.length; i++) {
      ArrayPrototypePush(known, functions[i]);
    }
  }
}

// The lines of the generated code a range touches: from the one it starts
// on to the last one it reaches into.
function generatedLinesOf(range, lines) {
  const { startOffset, endOffset } = range;
  let low = 0;
  let high = lines.length - 1;
  while (low <= high) {
    const mid = MathFloor((low + high) / 2);
    const line = lines[mid];
    if (startOffset >= line.startOffset && startOffset <= line.endOffset) {
      const touched = [];
      for (let i = mid; i < lines.length && endOffset > lines[i].startOffset;
        i++) {
        ArrayPrototypePush(touched, lines[i]);
      }
      return touched;
    }
    if (startOffset >= line.endOffset) {
      low = mid + 1;
    } else {
      high = mid - 1;
    }
  }
  return [];
}

class TestCoverage {
  constructor(options) {
    this.workingDirectory = options.cwd ?? process.cwd();
    this.excludeGlobs = options.coverageExcludeGlobs;
    this.includeGlobs = options.coverageIncludeGlobs;
    this.thresholds = {
      __proto__: null,
      line: options.lineCoverage ?? 0,
      branch: options.branchCoverage ?? 0,
      function: options.functionCoverage ?? 0,
    };
    this.childrenOnly = options.coverageOfChildrenOnly === true;
    // With --enable-source-maps, the figures are of the original sources.
    this.sourceMaps = require('internal/options')
      .getOptionValue('--enable-source-maps');
    this.sourceMapCache = new SafeMap();
    this.sources = new SafeMap();
    this.presetCounts = new SafeMap();
    this.directory = undefined;
    this.previousDirectory = undefined;
  }

  // A folder for the coverage of the processes the run starts.
  setup() {
    const { mkdtempSync } = require('fs');
    const { join } = require('path');
    const { tmpdir } = require('os');
    this.directory = mkdtempSync(join(tmpdir(), 'node-coverage-'));
    this.previousDirectory = process.env.NODE_V8_COVERAGE;
    process.env.NODE_V8_COVERAGE = this.directory;
  }

  cleanup() {
    if (this.directory === undefined) return;
    if (this.previousDirectory === undefined) {
      delete process.env.NODE_V8_COVERAGE;
    } else {
      process.env.NODE_V8_COVERAGE = this.previousDirectory;
    }
    const { rmSync } = require('fs');
    try {
      rmSync(this.directory, { __proto__: null, recursive: true, force: true });
    } catch {
      // Left behind.
    }
    this.directory = undefined;
  }

  // Whether the script at `url` stays out of the report.
  skip(url, absolute) {
    if (!StringPrototypeStartsWith(url, 'file:')) return true;
    const { relative, matchesGlob } = require('path');
    const rel = relative(this.workingDirectory, absolute);
    const exclude = this.excludeGlobs;
    if (exclude !== undefined) {
      for (let i = 0; i < exclude.length; i++) {
        if (matchesGlob(rel, exclude[i]) || matchesGlob(absolute, exclude[i])) {
          return true;
        }
      }
    }
    const include = this.includeGlobs;
    if (include !== undefined && include.length > 0) {
      for (let i = 0; i < include.length; i++) {
        if (matchesGlob(rel, include[i]) || matchesGlob(absolute, include[i])) {
          return false;
        }
      }
      return true;
    }
    return StringPrototypeIncludes(url, '/node_modules/');
  }

  // url -> functions, over this process and the folder's files.
  collect() {
    const scripts = new SafeMap();
    const add = (result) => {
      if (result == null || !result.result) return;
      const cache = result['source-map-cache'];
      if (this.sourceMaps && cache != null && typeof cache === 'object') {
        for (const { 0: url, 1: entry } of ObjectEntries(cache)) {
          this.sourceMapCache.set(url, entry);
        }
      }
      const list = result.result;
      for (let i = 0; i < list.length; i++) {
        const { url, functions } = list[i];
        const known = scripts.get(url);
        if (known === undefined) {
          scripts.set(url, functions);
        } else {
          mergeFunctions(known, functions);
        }
      }
    };
    const own = this.childrenOnly ? undefined : binding.takeCoverage();
    if (own !== undefined) {
      const result = JSONParse(own);
      if (this.sourceMaps) {
        result['source-map-cache'] =
          require('internal/source_map/source_map_cache')
            .sourceMapCacheToObject();
      }
      add(result);
    }
    if (this.directory !== undefined) {
      const { readdirSync, readFileSync } = require('fs');
      const { join } = require('path');
      let names = [];
      try {
        names = readdirSync(this.directory);
      } catch {
        // Nothing written.
      }
      for (let i = 0; i < names.length; i++) {
        let data;
        try {
          data = JSONParse(readFileSync(join(this.directory, names[i]),
                                        'utf8'));
        } catch {
          continue;
        }
        add(data);
      }
    }
    return scripts;
  }

  // The ranges of the scripts that have a source map, moved to the
  // original sources they come from (a bundle gives several).
  mapThroughSourceMaps(scripts) {
    const { SourceMap, kFirstSourceEntry } =
      require('internal/source_map/source_map');
    const mapped = new SafeMap();
    for (const { 0: url, 1: functions } of scripts) {
      const entry = this.sourceMapCache.get(url);
      if (entry === undefined || this.skipURL(url)) {
        addFunctions(mapped, url, functions);
        continue;
      }
      const { data, lineLengths } = entry;
      if (!data) throw new ERR_SOURCE_MAP_CORRUPT(url);
      // Where each line of the generated code starts and ends (its line
      // break included).
      const generated = [];
      let offset = 0;
      for (let i = 0; i < lineLengths.length; i++) {
        ArrayPrototypePush(generated, {
          __proto__: null, line: i + 1, startOffset: offset,
          endOffset: offset + lineLengths[i] + 1,
        });
        offset += lineLengths[i] + 1;
      }
      if (data.sourcesContent != null) {
        for (let i = 0; i < data.sources.length; i++) {
          const text = data.sourcesContent[i];
          if (typeof text === 'string' && !this.sources.has(data.sources[i])) {
            this.sources.set(data.sources[i], text);
          }
        }
      }
      const sourceMap = new SourceMap(data, { __proto__: null, lineLengths });
      for (let i = 0; i < functions.length; i++) {
        const { ranges, functionName, isBlockCoverage } = functions[i];
        if (ranges == null) continue;
        let target;
        let targetLines;
        const newRanges = [];
        for (let j = 0; j < ranges.length; j++) {
          const { startOffset, endOffset, count } = ranges[j];
          const touched = generatedLinesOf(ranges[j], generated);
          if (touched.length === 0) continue;
          const first = touched[0];
          const last = touched[touched.length - 1];
          let start = sourceMap.findEntry(
            first.line - 1, MathMax(0, startOffset - first.startOffset));
          const end = sourceMap.findEntry(
            last.line - 1, endOffset - last.startOffset - 1);
          // Code before the first segment of a map that starts at the top.
          if (!start.originalSource && end.originalSource &&
              first.line === 1 && startOffset === 0) {
            start = sourceMap[kFirstSourceEntry]();
          }
          if (!start.originalSource ||
              start.originalSource !== end.originalSource) {
            continue;
          }
          if (target === undefined) {
            target = start.originalSource;
            targetLines = this.originalLines(target, url);
          }
          const startLine = targetLines[MathMax(start.originalLine, 0)];
          const endLine = targetLines[MathMax(end.originalLine, 0)];
          if (startLine === undefined || endLine === undefined) continue;
          let preset = this.presetCounts.get(target);
          if (preset === undefined) {
            preset = new SafeMap();
            this.presetCounts.set(target, preset);
          }
          for (let l = start.originalLine; l <= end.originalLine; l++) {
            preset.set(l, count);
          }
          ArrayPrototypePush(newRanges, {
            __proto__: null,
            startOffset: MathMin(startLine.startOffset + start.originalColumn,
                                 startLine.endOffset),
            endOffset: MathMin(endLine.startOffset + end.originalColumn,
                               endLine.endOffset) + 1,
            count,
          });
        }
        if (target === undefined) continue;
        addFunctions(mapped, target, [{
          __proto__: null, functionName, ranges: newRanges, isBlockCoverage,
        }]);
      }
    }
    return mapped;
  }

  // The lines of an original source (line breaks included): from the
  // map's sourcesContent, else from the disk.
  originalLines(url, generatedURL) {
    let text = this.sources.get(url);
    if (text === undefined) {
      try {
        const { fileURLToPath } = require('internal/url');
        text = require('fs').readFileSync(fileURLToPath(url), 'utf8');
      } catch {
        throw new ERR_SOURCE_MAP_MISSING_SOURCE(url, generatedURL);
      }
      this.sources.set(url, text);
    }
    const lines = [];
    let start = 0;
    for (let i = 0; i <= text.length; i++) {
      if (i === text.length || StringPrototypeCharCodeAt(text, i) === 10) {
        const end = i === text.length ? i : i + 1;
        if (end > start || i === text.length) {
          ArrayPrototypePush(lines, {
            __proto__: null, startOffset: start, endOffset: end,
          });
        }
        start = end;
      }
    }
    return lines;
  }

  skipURL(url) {
    if (!StringPrototypeStartsWith(url, 'file:')) return true;
    try {
      const { fileURLToPath } = require('internal/url');
      return this.skip(url, fileURLToPath(url));
    } catch {
      return true;
    }
  }

  summary() {
    const { fileURLToPath } = require('internal/url');
    const { readFileSync } = require('fs');
    let scripts = this.collect();
    if (this.sourceMaps) scripts = this.mapThroughSourceMaps(scripts);
    const files = [];
    const totals = {
      __proto__: null,
      totalLineCount: 0,
      totalBranchCount: 0,
      totalFunctionCount: 0,
      coveredLineCount: 0,
      coveredBranchCount: 0,
      coveredFunctionCount: 0,
      coveredLinePercent: 0,
      coveredBranchPercent: 0,
      coveredFunctionPercent: 0,
    };
    for (const { 0: url, 1: functions } of scripts) {
      if (!StringPrototypeStartsWith(url, 'file:')) continue;
      let path;
      try {
        path = fileURLToPath(url);
      } catch {
        continue;
      }
      if (this.skip(url, path)) continue;
      let source = this.sources.get(url);
      if (source === undefined) {
        try {
          source = readFileSync(path, 'utf8');
        } catch {
          continue;
        }
      }
      const file = summarizeFile(path, source, functions,
                                 this.presetCounts.get(url));
      ArrayPrototypePush(files, file);
      totals.totalLineCount += file.totalLineCount;
      totals.totalBranchCount += file.totalBranchCount;
      totals.totalFunctionCount += file.totalFunctionCount;
      totals.coveredLineCount += file.coveredLineCount;
      totals.coveredBranchCount += file.coveredBranchCount;
      totals.coveredFunctionCount += file.coveredFunctionCount;
    }
    ArrayPrototypeSort(files,
                       (a, b) => StringPrototypeLocaleCompare(a.path, b.path));
    totals.coveredLinePercent =
      percent(totals.coveredLineCount, totals.totalLineCount);
    totals.coveredBranchPercent =
      percent(totals.coveredBranchCount, totals.totalBranchCount);
    totals.coveredFunctionPercent =
      percent(totals.coveredFunctionCount, totals.totalFunctionCount);
    return {
      __proto__: null,
      workingDirectory: this.workingDirectory,
      files,
      totals,
      thresholds: this.thresholds,
    };
  }
}

// The coverage options of the command line (--test-coverage-*), as run()
// takes them. Without --test-coverage-exclude, the test files are left out.
function commandLineOptions() {
  const { getOptionValue } = require('internal/options');
  if (!getOptionValue('--experimental-test-coverage')) return {};
  let exclude = getOptionValue('--test-coverage-exclude');
  if (exclude.length === 0) {
    const { getDefaultPattern } = require('internal/test_runner/utils');
    exclude = [getDefaultPattern()];
  }
  const { validateInteger } = require('internal/validators');
  const threshold = (flag) => {
    const value = getOptionValue(flag);
    validateInteger(value, flag, 0, 100);
    return value;
  };
  return {
    __proto__: null,
    coverageExcludeGlobs: exclude,
    coverageIncludeGlobs: getOptionValue('--test-coverage-include'),
    lineCoverage: threshold('--test-coverage-lines'),
    branchCoverage: threshold('--test-coverage-branches'),
    functionCoverage: threshold('--test-coverage-functions'),
  };
}

// The messages of the thresholds the run's totals miss.
function thresholdFailures(summary) {
  const failures = [];
  const checks = [
    ['line', 'coveredLinePercent'],
    ['branch', 'coveredBranchPercent'],
    ['function', 'coveredFunctionPercent'],
  ];
  for (let i = 0; i < checks.length; i++) {
    const { 0: name, 1: key } = checks[i];
    const threshold = summary.thresholds[name];
    const actual = summary.totals[key];
    if (threshold > 0 && actual < threshold) {
      ArrayPrototypePush(failures,
                         `Error: ${NumberPrototypeToFixed(actual, 2)}% ${name}` +
                         ` coverage does not meet threshold of ${threshold}%.`);
    }
  }
  return failures;
}

// ---- The report of the spec and tap reporters ------------------------------

const kHeaders = ['line %', 'branch %', 'funcs %'];
const kKeys = [
  'coveredLinePercent', 'coveredBranchPercent', 'coveredFunctionPercent',
];
const kEllipsis = '\u2026';

// "1-3 5 7-8" from the line numbers not run.
function uncoveredRanges(lines) {
  const parts = [];
  let first = -1;
  let last = -1;
  for (let i = 0; i < lines.length; i++) {
    if (lines[i].count !== 0) continue;
    const n = lines[i].line;
    if (first !== -1 && n === last + 1) {
      last = n;
      continue;
    }
    if (first !== -1) {
      ArrayPrototypePush(parts, first === last ? `${first}` : `${first}-${last}`);
    }
    first = last = n;
  }
  if (first !== -1) {
    ArrayPrototypePush(parts, first === last ? `${first}` : `${first}-${last}`);
  }
  return ArrayPrototypeJoin(parts, ' ');
}

function coverageColor(colors, value) {
  if (value > 90) return colors.green;
  if (value > 50) return colors.yellow;
  return colors.red;
}

// The coverage table: `pad` the nesting indent, `symbol` what starts each
// line ('# ' for tap), `colors` the reporter's (their blue for the whole
// report) or null for none. Paths are shown as a tree of folders relative
// to the working directory; the table is fitted to process.stdout.columns.
function formatCoverageReport(pad, summary, symbol, colors) {
  const { relative, sep } = require('path');
  const prefix = `${pad}${symbol}`;
  const base = colors ? colors.blue : '';
  const tree = { __proto__: null };
  let depth = 1;
  let longest = 0;
  for (let i = 0; i < summary.files.length; i++) {
    const file = summary.files[i];
    const parts = StringPrototypeSplit(
      relative(summary.workingDirectory, file.path), sep);
    let node = tree;
    for (let j = 0; j < parts.length; j++) {
      node[parts[j]] ??= { __proto__: null };
      node = node[parts[j]];
      longest = MathMax(longest, parts[j].length);
    }
    node.file = file;
    depth = MathMax(depth, parts.length);
  }

  // The deepest row's indent plus the longest name (two more with colors,
  // as Node's).
  let fileWidth = MathMax(longest + depth - 1 + (colors ? 2 : 0),
                          'all files'.length);
  const columnWidths = [];
  let columnsWidth = 0;
  for (let i = 0; i < kHeaders.length; i++) {
    const width = MathMax(kHeaders[i].length, 6);
    ArrayPrototypePush(columnWidths, width);
    columnsWidth += width + 3;
  }
  let linesWidth = 'uncovered lines'.length;
  for (let i = 0; i < summary.files.length; i++) {
    linesWidth =
      MathMax(linesWidth, uncoveredRanges(summary.files[i].lines).length);
  }
  let tableWidth = fileWidth + 2 + columnsWidth + linesWidth + 2;
  const available = (process.stdout.columns || Infinity) - prefix.length;
  if (tableWidth > available) {
    fileWidth = MathMin(available * 0.5, fileWidth);
    linesWidth = MathMax(available - columnsWidth - (fileWidth + 2) - 2, 1);
    tableWidth = available;
  } else {
    linesWidth = Infinity;
  }

  const paint = (text, value) => {
    if (!colors || value === undefined) return text;
    return `${coverageColor(colors, value)}${text}${base}`;
  };
  const row = (name, indentBy, values, average, uncovered) => {
    let cell = StringPrototypePadEnd(name, fileWidth - indentBy);
    if (cell.length > fileWidth - indentBy) {
      cell = `${kEllipsis}${StringPrototypeSlice(
        cell, cell.length - (fileWidth - indentBy) + 1)}`;
    }
    let out = `${prefix}${StringPrototypeRepeat(' ', indentBy)}` +
      `${paint(cell, average)} | `;
    for (let i = 0; i < values.length; i++) {
      const value = values[i];
      const text = typeof value === 'number' ?
        NumberPrototypeToFixed(value, 2) : value;
      if (i > 0) out += ' | ';
      out += paint(StringPrototypePadStart(text, columnWidths[i]), value);
    }
    if (uncovered.length > linesWidth) {
      uncovered = `${StringPrototypeSlice(uncovered, 0, linesWidth - 1)}` +
        kEllipsis;
    }
    return `${out} | ${uncovered}\n`;
  };
  const rule = `${prefix}${StringPrototypeRepeat('-', tableWidth)}\n`;
  const empty = ['', '', ''];

  let report = `${base}${prefix}start of coverage report\n`;
  report += rule;
  report += row('file', 0, kHeaders, undefined, 'uncovered lines');
  report += rule;
  const walk = (node, level) => {
    for (const key in node) {
      const child = node[key];
      const file = child.file;
      if (file !== undefined) {
        const values = [];
        let sum = 0;
        for (let i = 0; i < kKeys.length; i++) {
          ArrayPrototypePush(values, file[kKeys[i]]);
          sum += file[kKeys[i]];
        }
        report += row(key, level, values, sum / kKeys.length,
                      uncoveredRanges(file.lines));
      } else {
        report += row(key, level, empty, undefined, '');
        walk(child, level + 1);
      }
    }
  };
  walk(tree, 0);
  report += rule;
  const totals = [];
  for (let i = 0; i < kKeys.length; i++) {
    ArrayPrototypePush(totals, summary.totals[kKeys[i]]);
  }
  report += row('all files', 0, totals, undefined, '');
  report += rule;
  report += `${prefix}end of coverage report\n`;
  if (colors) report += colors.white;
  return report;
}

module.exports = {
  TestCoverage,
  commandLineOptions,
  formatCoverageReport,
  summarizeFile,
  thresholdFailures,
};
