'use strict';
const common = require('../common');
const assert = require('assert');
const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const tmpdir = require('../common/tmpdir');

// process.stdout/stderr/stdin are the stream Node picks for the fd type:
// a pipe is a net.Socket, a file a SyncWriteStream (writes) or an
// fs.ReadStream (stdin).

tmpdir.refresh();

const probe = 'console.log(JSON.stringify([' +
  'process.stdout.constructor.name, process.stdout._type,' +
  'process.stdin.constructor.name, process.stdout.fd, process.stdin.fd,' +
  'process.stderr._isStdio]))';

{
  const r = spawnSync(process.execPath, ['-e', probe], { input: '' });
  assert.strictEqual(r.status, 0, String(r.stderr));
  assert.deepStrictEqual(JSON.parse(r.stdout),
                         ['Socket', 'pipe', 'Socket', 1, 0, true]);
}

{
  const outFile = path.join(tmpdir.path, 'stdout.txt');
  const inFile = path.join(tmpdir.path, 'stdin.txt');
  fs.writeFileSync(inFile, 'from a file');
  const out = fs.openSync(outFile, 'w');
  const input = fs.openSync(inFile, 'r');
  const r = spawnSync(process.execPath, ['-e', probe],
                      { stdio: [input, out, 'pipe'] });
  fs.closeSync(out);
  fs.closeSync(input);
  assert.strictEqual(r.status, 0, String(r.stderr));
  assert.deepStrictEqual(JSON.parse(fs.readFileSync(outFile, 'utf8')),
                         ['SyncWriteStream', 'fs', 'ReadStream', 1, 0, true]);
}

// stdin read to the end from a file and from a pipe.
{
  const script = 'let s = ""; process.stdin.setEncoding("utf8");' +
    'process.stdin.on("data", (d) => s += d);' +
    'process.stdin.on("end", () => process.stdout.write(`<${s}>`));';
  const r = spawnSync(process.execPath, ['-e', script], { input: 'abc' });
  assert.strictEqual(String(r.stdout), '<abc>');
}

// Destroying stdout keeps the fd open for later writes by others.
{
  const script = 'process.stdout.destroy();' +
    'process.stdout.on("close", () => require("fs").writeSync(1, "still"));';
  const r = spawnSync(process.execPath, ['-e', script]);
  assert.strictEqual(String(r.stdout), 'still');
}
common.mustCall()();
