'use strict';

// The 'spec' reporter: one line per test, suites and tests with subtests as
// "▶ name" headers, and at the end the failing tests again with their
// errors.

const {
  ArrayPrototypeJoin,
  ArrayPrototypePop,
  ArrayPrototypePush,
} = primordials;

const {
  formatTestReport,
  getColors,
  indent,
  symbols,
} = require('internal/test_runner/reporter/utils');

let path;

// Turns reporter events into text; `format(event)` returns what to print
// for it (or undefined), `end()` the closing text.
class SpecFormatter {
  #colors;
  #cwd;
  #open = [];       // started tests whose result has not come yet
  #failed = [];

  constructor(colors) {
    this.#colors = colors;
    this.#cwd = process.cwd();
  }

  #failingTests() {
    if (this.#failed.length === 0) return '';
    const c = this.#colors;
    const out = [
      `\n${c.red}${symbols['test:fail']}failing tests:${c.white}\n`,
    ];
    path ??= require('path');
    for (let i = 0; i < this.#failed.length; i++) {
      const data = this.#failed[i];
      if (data.file) {
        const rel = path.relative(this.#cwd, data.file);
        ArrayPrototypePush(out, `test at ${rel}:${data.line}:${data.column}`);
      }
      ArrayPrototypePush(out, formatTestReport(c, 'test:fail', data));
    }
    this.#failed = [];
    return ArrayPrototypeJoin(out, '\n');
  }

  #result(type, data) {
    const self = ArrayPrototypePop(this.#open);
    let headers = '';
    for (let i = 0; i < this.#open.length; i++) {
      const entry = this.#open[i];
      if (!entry.headed) {
        entry.headed = true;
        headers +=
          `${indent(entry.nesting)}${symbols['arrow:right']}${entry.name}\n`;
      }
    }
    const hasChildren = self?.headed === true;
    return `${formatTestReport(this.#colors, type, data, headers,
                               indent(data.nesting), hasChildren, false)}\n`;
  }

  format(event) {
    const { type, data } = event;
    switch (type) {
      case 'test:start':
        ArrayPrototypePush(this.#open, {
          __proto__: null, name: data.name, nesting: data.nesting,
          headed: false,
        });
        return undefined;
      case 'test:fail':
        if (data.details?.error?.failureType !== 'subtestsFailed') {
          ArrayPrototypePush(this.#failed, data);
        }
        return this.#result(type, data);
      case 'test:pass':
        return this.#result(type, data);
      case 'test:stdout':
      case 'test:stderr':
        return data.message;
      case 'test:diagnostic': {
        const c = this.#colors;
        const color = data.level === 'error' ? c.red :
          data.level === 'warn' ? c.yellow : c.blue;
        return `${color}${indent(data.nesting)}${symbols['test:diagnostic']}` +
          `${data.message}${c.white}\n`;
      }
      case 'test:coverage': {
        const { formatCoverageReport } =
          require('internal/test_runner/coverage');
        const c = this.#colors;
        return formatCoverageReport(indent(data.nesting), data.summary,
                                    symbols['test:coverage'],
                                    c.enabled ? c : null);
      }
      case 'test:summary':
        if (data.file === undefined) return this.#failingTests();
        return undefined;
      default:
        return undefined;
    }
  }

  end() {
    return this.#failingTests();
  }
}

let Transform;

// The public form (require('node:test/reporters').spec): a Transform from
// event objects to text.
function createSpecClass() {
  Transform ??= require('stream').Transform;
  return class SpecReporter extends Transform {
    #formatter;
    constructor() {
      super({ __proto__: null, writableObjectMode: true });
      this.#formatter = new SpecFormatter(getColors(process.stdout));
    }

    _transform(event, encoding, callback) {
      callback(null, this.#formatter.format(event));
    }

    _flush(callback) {
      callback(null, this.#formatter.end());
    }
  };
}

module.exports = { SpecFormatter, createSpecClass };
