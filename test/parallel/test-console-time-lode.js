'use strict';
const common = require('../common');
const assert = require('assert');
const { Console } = require('console');
const EventEmitter = require('events');

// console.time()/timeLog()/timeEnd() measure with process.hrtime() and format
// like "1.235ms", "1.005s", "1:05.003 (m:ss.mmm)", "1:02:05.500 (h:mm:ss.mmm)".
let now = [0, 0];
process.hrtime = (start) => {
  if (start === undefined) return now.slice();
  let sec = now[0] - start[0];
  let nsec = now[1] - start[1];
  if (nsec < 0) {
    sec--;
    nsec += 1e9;
  }
  return [sec, nsec];
};

const warnings = [];
process.on('warning', common.mustCall((w) => {
  warnings.push(w.message);
}, 4));

const out = new EventEmitter();
out.text = '';
out.write = (chunk) => { out.text += chunk; return true; };
const c = new Console(out);

c.time('a');
now = [0, 1234567];
c.timeLog('a');
now = [0, 999999999];
c.timeLog('a', { x: 1 }, 'y');
now = [1, 5e6];
c.timeLog('a');
now = [60, 0];
c.timeLog('a');
now = [65, 3e6];
c.timeLog('a');
now = [3725, 5e8];
c.timeEnd('a');
c.timeEnd('a'); // Warns: the label is gone.
c.timeLog('a'); // Warns.

now = [0, 0];
c.time();
c.time(); // Warns: already running.
now = [0, 5000];
c.timeEnd();

c.time(1);
now = [36005, 7];
c.timeEnd('1');
c.group('g');
c.time('in');
c.timeLog('in', [1]);
c.groupEnd();
c.countReset('never'); // Warns.

assert.strictEqual(out.text,
                   'a: 1.235ms\n' +
                   'a: 1000ms { x: 1 } y\n' +
                   'a: 1.005s\n' +
                   'a: 1:00.000 (m:ss.mmm)\n' +
                   'a: 1:05.003 (m:ss.mmm)\n' +
                   'a: 1:02:05.500 (h:mm:ss.mmm)\n' +
                   'default: 0.005ms\n' +
                   '1: 10:00:05.000 (h:mm:ss.mmm)\n' +
                   'g\n' +
                   '  in: 0ms [ 1 ]\n');

process.on('exit', () => {
  assert.deepStrictEqual(warnings, [
    'No such label \'a\' for console.timeEnd()',
    'No such label \'a\' for console.timeLog()',
    'Label \'default\' already exists for console.time()',
    'Count for \'never\' does not exist',
  ]);
});
