'use strict';

// The 'lcov' reporter: the coverage of the run (the 'test:coverage' event)
// as an lcov tracefile; every other event prints nothing. Functions
// without a name are called anonymous_<index in the file's list>;
// branches are numbered across the file.

const {
  ArrayPrototypeJoin,
  ArrayPrototypePush,
} = primordials;

function tracefile(summary) {
  const { relative } = require('path');
  const out = ['TN:'];
  const { workingDirectory, files } = summary;
  for (let i = 0; i < files.length; i++) {
    const file = files[i];
    ArrayPrototypePush(out, `SF:${relative(workingDirectory, file.path)}`);
    const names = [];
    for (let j = 0; j < file.functions.length; j++) {
      const fn = file.functions[j];
      const name = fn.name || `anonymous_${j}`;
      ArrayPrototypePush(names, name);
      ArrayPrototypePush(out, `FN:${fn.line},${name}`);
    }
    for (let j = 0; j < file.functions.length; j++) {
      ArrayPrototypePush(out, `FNDA:${file.functions[j].count},${names[j]}`);
    }
    // The totals are the summary's: ignored functions, branches and lines
    // count as hit.
    ArrayPrototypePush(out, `FNF:${file.totalFunctionCount}`,
                       `FNH:${file.coveredFunctionCount}`);
    for (let j = 0; j < file.branches.length; j++) {
      const { line, count } = file.branches[j];
      ArrayPrototypePush(out, `BRDA:${line},${j},0,${count}`);
    }
    ArrayPrototypePush(out, `BRF:${file.totalBranchCount}`,
                       `BRH:${file.coveredBranchCount}`);
    for (let j = 0; j < file.lines.length; j++) {
      const { line, count } = file.lines[j];
      ArrayPrototypePush(out, `DA:${line},${count}`);
    }
    ArrayPrototypePush(out, `LH:${file.coveredLineCount}`,
                       `LF:${file.totalLineCount}`,
                       'end_of_record');
  }
  return `${ArrayPrototypeJoin(out, '\n')}\n`;
}

class LcovFormatter {
  format(event) {
    if (event.type !== 'test:coverage') return undefined;
    return tracefile(event.data.summary);
  }

  end() {
    return '';
  }
}

let Transform;

// The public form (require('node:test/reporters').lcov): a Transform class
// from event objects to text.
function createLcovClass() {
  Transform ??= require('stream').Transform;
  return class LcovReporter extends Transform {
    #formatter = new LcovFormatter();
    constructor(options) {
      super({ __proto__: null, ...options, writableObjectMode: true });
    }

    _transform(event, encoding, callback) {
      callback(null, this.#formatter.format(event));
    }
  };
}

module.exports = { LcovFormatter, createLcovClass };
