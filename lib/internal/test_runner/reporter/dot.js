'use strict';

// The 'dot' reporter: '.' per passing test, 'X' per failing one, then the
// failing tests with their errors.

const {
  ArrayPrototypePush,
  MathMax,
} = primordials;

const {
  formatTestReport,
  getColors,
} = require('internal/test_runner/reporter/utils');

class DotFormatter {
  #colors;
  #count = 0;
  #width;
  #failed = [];

  constructor(colors) {
    this.#colors = colors;
    this.#width = MathMax(process.stdout?.columns ?? 20, 20);
  }

  format(event) {
    const { type, data } = event;
    const c = this.#colors;
    let out;
    if (type === 'test:pass') {
      out = `${c.green}.${c.white}`;
    } else if (type === 'test:fail') {
      out = `${c.red}X${c.white}`;
      ArrayPrototypePush(this.#failed, data);
    } else {
      return undefined;
    }
    if (++this.#count === this.#width) {
      out += '\n';
      this.#count = 0;
    }
    return out;
  }

  end() {
    let out = '\n';
    const c = this.#colors;
    if (this.#failed.length > 0) {
      out += `\n${c.red}Failed tests:${c.white}\n\n`;
      for (let i = 0; i < this.#failed.length; i++) {
        out += formatTestReport(c, 'test:fail', this.#failed[i]);
      }
    }
    return out;
  }
}

async function* dot(source) {
  const formatter = new DotFormatter(getColors(process.stdout));
  for await (const event of source) {
    const text = formatter.format(event);
    if (text) yield text;
  }
  yield formatter.end();
}

module.exports = { DotFormatter, dot };
