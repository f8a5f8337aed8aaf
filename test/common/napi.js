'use strict';

// Builds an addon of test/addons-napi-lode with the system C compiler
// against lode's Node-API headers (src/), into the test's temporary
// folder, and returns the path of the .node file. Skips the test when
// there is no C compiler.

const { spawnSync } = require('child_process');
const fs = require('fs');
const path = require('path');
const common = require('./');
const tmpdir = require('./tmpdir');

const addonsDir = path.join(__dirname, '..', 'addons-napi-lode');
const includeDir = path.join(__dirname, '..', '..', 'src');

function buildAddon(name, outName = name) {
  const dir = path.join(addonsDir, name);
  const sources = fs.readdirSync(dir)
    .filter((f) => f.endsWith('.c'))
    .map((f) => path.join(dir, f));
  fs.mkdirSync(tmpdir.path, { recursive: true });
  const out = path.join(tmpdir.path, `${outName}.node`);
  // CC may carry a launcher or flags ('ccache gcc', as the Makefile sets).
  const [cc, ...ccArgs] = (process.env.CC || 'cc').trim().split(/\s+/);
  const result = spawnSync(cc, [
    ...ccArgs, '-shared', '-fPIC', '-pthread', '-O1', '-Wall',
    `-DNODE_GYP_MODULE_NAME=${name}`, '-I', includeDir,
    '-o', out, ...sources,
  ], { encoding: 'utf8' });
  if (result.error && result.error.code === 'ENOENT') {
    common.skip(`no C compiler (${cc}) to build the test addon`);
  }
  if (result.status !== 0) {
    throw new Error(`building ${name} failed:\n${result.stderr}`);
  }
  return out;
}

module.exports = { buildAddon };
