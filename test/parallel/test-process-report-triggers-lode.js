'use strict';
// The reports a process writes by itself: --report-uncaught-exception,
// --report-on-fatalerror (out of memory), --report-on-signal, and the
// options that shape them (--report-directory, --report-filename=stderr,
// --report-compact, --report-exclude-env).
require('../common');
const assert = require('assert');
const fs = require('fs');
const { spawnSync } = require('child_process');
const tmpdir = require('../common/tmpdir');

if (process.argv[2] === 'throw') {
  (function thrower() { throw new RangeError('bad'); })();
}

function reportsOf(pid, dir = tmpdir.path) {
  const pattern = new RegExp(`^report\\.\\d+\\.\\d+\\.${pid}\\.0\\.\\d+\\.json$`);
  return fs.readdirSync(dir).filter((name) => pattern.test(name))
    .map((name) => JSON.parse(fs.readFileSync(`${dir}/${name}`, 'utf8')));
}

function run(args) {
  tmpdir.refresh();
  return spawnSync(process.execPath, args,
                   { cwd: tmpdir.path, encoding: 'utf8' });
}

// An uncaught exception: the report, then the exit code of the exception.
{
  const child = run(['--report-uncaught-exception', __filename, 'throw']);
  assert.strictEqual(child.status, 1);
  const [report, ...more] = reportsOf(child.pid);
  assert.deepStrictEqual(more, []);
  assert.strictEqual(report.header.event, 'Exception');
  assert.strictEqual(report.header.trigger, 'Exception');
  assert.strictEqual(report.javascriptStack.message, 'RangeError: bad');
  assert.match(report.javascriptStack.stack[0], /^at thrower /);
  assert.match(child.stderr, /Writing Node\.js report to file: report\./);
  // The error is printed before the report, the version line after it.
  assert.ok(child.stderr.indexOf('RangeError: bad') <
            child.stderr.indexOf('Writing Node.js report'));
  assert.match(child.stderr, /Node\.js report completed\n\nNode\.js v/);

  // With --trace-uncaught: the report before where the error was thrown.
  const traced = run(['--report-uncaught-exception', '--trace-uncaught',
                      __filename, 'throw']);
  assert.match(traced.stderr, /Node\.js report completed\nThrown at:\n/);
}

// A primitive thrown: its string is the message. Without the option, or
// when a listener handles the exception, no report.
{
  const child = run(['--report-uncaught-exception', '-e', 'throw 1']);
  assert.strictEqual(reportsOf(child.pid)[0].javascriptStack.message, '1');
  assert.deepStrictEqual(reportsOf(run(['-e', 'throw 1']).pid), []);
  const handled = run(['--report-uncaught-exception', '-e',
                       'process.on("uncaughtException", () => {}); throw 1']);
  assert.strictEqual(handled.status, 0);
  assert.deepStrictEqual(reportsOf(handled.pid), []);
}

// Out of memory: Node's message, a report with the heap's limit, abort.
{
  const oom = 'const a = []; while (true) a.push({ x: [1, 2, 3] });';
  const child = run(['--report-on-fatalerror', '--report-compact',
                     '--max-heap-size=20', '-e', oom]);
  assert.strictEqual(child.signal, 'SIGABRT');
  assert.match(child.stderr,
               /FATAL ERROR: .* Allocation failed - JavaScript heap out of memory\n/);
  const [report] = reportsOf(child.pid);
  assert.strictEqual(report.header.trigger, 'OOMError');
  assert.strictEqual(report.javascriptHeap.memoryLimit, 20 * 1024 * 1024);
  assert.strictEqual(report.javascriptStack.message, 'No stack.');

  // To stderr instead of a file.
  const toStderr = run(['--report-on-fatalerror', '--report-compact',
                        '--report-filename=stderr', '--max-heap-size=20',
                        '-e', oom]);
  assert.deepStrictEqual(reportsOf(toStderr.pid), []);
  const line = toStderr.stderr.split('\n').find((l) => l.startsWith('{'));
  assert.strictEqual(JSON.parse(line).header.trigger, 'OOMError');
}

// A signal: the report of --report-on-signal, in --report-directory,
// without the environment under --report-exclude-env.
{
  tmpdir.refresh();
  const dir = tmpdir.resolve('reports');
  fs.mkdirSync(dir);
  const child = spawnSync(process.execPath, [
    '--report-on-signal', `--report-directory=${dir}`, '--report-exclude-env',
    '-e', 'process.kill(process.pid, "SIGUSR2"); setTimeout(() => {}, 200)',
  ], { cwd: tmpdir.path, encoding: 'utf8' });
  assert.strictEqual(child.status, 0);
  const [report] = reportsOf(child.pid, dir);
  assert.strictEqual(report.header.event, 'SIGUSR2');
  assert.strictEqual(report.header.trigger, 'Signal');
  assert.strictEqual(report.environmentVariables, undefined);
}

// --report-signal names the signal and turns its report on.
{
  const child = run(['--report-signal=SIGHUP', '-e',
                     'process.kill(process.pid, "SIGHUP"); ' +
                     'setTimeout(() => {}, 200)']);
  assert.strictEqual(child.status, 0);
  const [report] = reportsOf(child.pid);
  assert.strictEqual(report.header.event, 'SIGHUP');
  assert.strictEqual(report.header.trigger, 'Signal');
}

// An exception that aborts (--abort-on-uncaught-exception, thrown by an
// immediate) writes no report, as in Node.
{
  const child = run(['--report-uncaught-exception',
                     '--abort-on-uncaught-exception', '-e',
                     'setImmediate(() => { throw new Error("x"); })']);
  assert.ok(['SIGABRT', 'SIGTRAP'].includes(child.signal), child.signal);
  assert.deepStrictEqual(reportsOf(child.pid), []);
}

// A folder that does not exist: the failure is said, the process goes on.
{
  const child = run(['--report-directory=/nonexistent/lode-report', '-e',
                     'process.report.writeReport(); console.log("after")']);
  assert.strictEqual(child.status, 0);
  assert.strictEqual(child.stdout, 'after\n');
  assert.match(child.stderr, /Failed to open Node\.js report file: report\..* directory: \/nonexistent\/lode-report \(errno: 2\)/);
}
