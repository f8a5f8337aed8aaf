'use strict';
// process.report in-process: getReport()'s sections and header, the error a
// report is made for, writeReport() into a folder, the settings' checks.
require('../common');
const assert = require('assert');
const fs = require('fs');
const { spawn } = require('child_process');
const tmpdir = require('../common/tmpdir');

tmpdir.refresh();

// Sections and header.
{
  const report = process.report.getReport();
  assert.deepStrictEqual(Object.keys(report), [
    'header', 'javascriptStack', 'javascriptHeap', 'nativeStack',
    'resourceUsage', 'uvthreadResourceUsage', 'libuv', 'workers',
    'environmentVariables', 'userLimits', 'sharedObjects',
  ]);
  const { header } = report;
  assert.strictEqual(header.reportVersion, 5);
  assert.strictEqual(header.event, 'JavaScript API');
  assert.strictEqual(header.trigger, 'GetReport');
  assert.strictEqual(header.filename, null);
  assert.strictEqual(header.processId, process.pid);
  assert.strictEqual(header.threadId, 0);
  assert.strictEqual(header.cwd, process.cwd());
  assert.strictEqual(header.nodejsVersion, process.version);
  assert.deepStrictEqual(header.componentVersions, process.versions);
  assert.deepStrictEqual(header.release, process.release);
  assert.match(header.glibcVersionRuntime, /^\d+\.\d+$/);
  assert.strictEqual(header.cpus.length, require('os').cpus().length);
  assert.strictEqual(header.host, require('os').hostname());
  assert.ok(Array.isArray(header.networkInterfaces));
  // Without an error, the stack is the caller's.
  assert.strictEqual(report.javascriptStack.message,
                     'Error [ERR_SYNTHETIC]: JavaScript Callstack');
  assert.match(report.javascriptStack.stack[0], /^at Object\.getReport /);
  assert.strictEqual(report.environmentVariables.PATH, process.env.PATH);
  // The limits are getrlimit()'s: the shell's `ulimit -n` says the same.
  const { execSync } = require('child_process');
  const openFiles = execSync('ulimit -n', { encoding: 'utf8' }).trim();
  assert.strictEqual(String(report.userLimits.open_files.soft), openFiles);
  assert.ok(report.javascriptHeap.memoryLimit > 0);
  assert.ok(report.sharedObjects.some((name) => name.includes('libc.so')));
  assert.strictEqual(report.libuv.at(-1).type, 'loop');
}

// The error given: its stack's first line, the frames, its own properties.
{
  const error = new TypeError('boom');
  error.code = 'X';
  error.extra = { a: 1 };
  const { javascriptStack } = process.report.getReport(error);
  assert.strictEqual(javascriptStack.message, 'TypeError: boom');
  assert.ok(javascriptStack.stack.every((line) => line.startsWith('at ')));
  assert.deepStrictEqual(javascriptStack.errorProperties,
                         { code: 'X', extra: '[object Object]' });
  const oneLine = new Error();
  oneLine.stack = 'only one line';
  const other = process.report.getReport(oneLine).javascriptStack;
  assert.strictEqual(other.message, 'only one line');
  assert.strictEqual(other.stack, undefined);
  // As in Node: a frame is a line a new line ends (the last is left out),
  // its leading blanks dropped.
  const frames = new Error();
  frames.stack = 'msg\n   at a\n\tat b\n  at c';
  assert.deepStrictEqual(process.report.getReport(frames).javascriptStack,
                         { message: 'msg', stack: ['at a', 'at b'],
                           errorProperties: {} });
  // An object without a string stack has none; its properties go with it.
  assert.deepStrictEqual(
    process.report.getReport({ message: 'm', stack: 7 }).javascriptStack,
    { message: 'No stack.', stack: ['Unavailable.'], errorProperties: {} });
  // Not the message, not indices, not a value without a string.
  const props = new Error('p');
  Object.defineProperty(props, 'message', { value: 'p', enumerable: true });
  props[0] = 'index';
  props.sym = Symbol('s');
  props.kept = 1;
  assert.deepStrictEqual(
    process.report.getReport(props).javascriptStack.errorProperties,
    { kept: '1' });
}

// Handles: a timer with its due time, a child process (watched through a
// pidfd in lode) reported as Node reports it.
{
  const timer = setTimeout(() => {}, 5000);
  const child = spawn(process.execPath, ['-e', 'setTimeout(() => {}, 5000)']);
  const { libuv } = process.report.getReport();
  const timers = libuv.filter((h) => h.type === 'timer' && h.is_active);
  assert.ok(timers.some((h) => h.firesInMsFromNow > 4000 && !h.expired));
  const processes = libuv.filter((h) => h.type === 'process');
  assert.deepStrictEqual(processes.map((h) => h.pid), [child.pid]);
  clearTimeout(timer);
  child.kill();
}

// writeReport(): the default name in the folder set, the name returned,
// compact text on one line.
{
  process.report.directory = tmpdir.path;
  const name = process.report.writeReport();
  assert.match(name,
               new RegExp(`^report\\.\\d{8}\\.\\d{6}\\.${process.pid}\\.0\\.\\d{3}\\.json$`));
  const text = fs.readFileSync(tmpdir.resolve(name), 'utf8');
  assert.ok(text.split('\n').length > 10);
  const report = JSON.parse(text);
  assert.strictEqual(report.header.filename, name);
  assert.strictEqual(report.header.trigger, 'API');

  process.report.compact = true;
  const compactName = process.report.writeReport('compact.json',
                                                 new Error('compact'));
  assert.strictEqual(compactName, 'compact.json');
  const compact = fs.readFileSync(tmpdir.resolve('compact.json'), 'utf8');
  assert.strictEqual(compact.indexOf('\n'), compact.length - 1);
  assert.strictEqual(JSON.parse(compact).javascriptStack.message,
                     'Error: compact');
  process.report.compact = false;
}

// A file that cannot be opened: "" (and the failure said on stderr); a
// name with a NUL byte is refused.
{
  process.report.directory = tmpdir.resolve('missing');
  assert.strictEqual(process.report.writeReport('x.json'), '');
  process.report.directory = '';
  assert.throws(() => process.report.writeReport('a\0b.json'),
                { code: 'ERR_INVALID_ARG_VALUE' });
  assert.ok(!fs.existsSync('a'));
}

// Settings are checked on their way in, through accessors named as Node's.
{
  const descriptor =
    Object.getOwnPropertyDescriptor(process.report, 'directory');
  assert.strictEqual(descriptor.get.name, 'get directory');
  assert.strictEqual(descriptor.enumerable, true);
  assert.strictEqual(Object.hasOwn(process.report.writeReport, 'prototype'),
                     false);
  assert.throws(() => process.report.getReport('x'),
                { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => process.report.writeReport(1),
                { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => { process.report.compact = 1; },
                { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => { process.report.signal = 'SIGFOO'; },
                { code: 'ERR_UNKNOWN_SIGNAL', message: 'Unknown signal: SIGFOO' });
  assert.strictEqual(process.report.signal, 'SIGUSR2');
  process.report.excludeEnv = true;
  process.report.excludeNetwork = true;
  const report = process.report.getReport();
  assert.strictEqual(report.environmentVariables, undefined);
  assert.strictEqual(report.header.networkInterfaces, undefined);
  process.report.excludeEnv = false;
  process.report.excludeNetwork = false;
}
