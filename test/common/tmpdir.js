'use strict';

// A per-test scratch directory: $NODE_TEST_DIR/.tmp.<TEST_SERIAL_ID>, or
// test/.tmp.0 when the test runs on its own. refresh() empties it and
// registers its removal at exit (kept when the test failed, for debugging).

const fs = require('fs');
const path = require('path');

const testRoot = process.env.NODE_TEST_DIR ?
  realpath(process.env.NODE_TEST_DIR) : path.resolve(__dirname, '..');
const tmpPath = path.join(testRoot, `.tmp.${process.env.TEST_SERIAL_ID || 0}`);

function realpath(p) {
  try {
    return fs.realpathSync(p);
  } catch {
    return path.resolve(p);
  }
}

// Removes `target` and everything below it. Uses fs.rmSync when the runtime
// has it, otherwise walks the tree with the basic synchronous calls.
function removeTree(target) {
  if (typeof fs.rmSync === 'function') {
    fs.rmSync(target, { recursive: true, force: true, maxRetries: 3 });
    return;
  }
  let stat;
  try {
    stat = fs.lstatSync(target);
  } catch (err) {
    if (err.code === 'ENOENT') return;
    throw err;
  }
  if (stat.isDirectory()) {
    for (const name of fs.readdirSync(target)) {
      removeTree(path.join(target, name));
    }
    fs.rmdirSync(target);
  } else {
    fs.unlinkSync(target);
  }
}

let cleanupRegistered = false;

function refresh() {
  removeTree(tmpPath);
  try {
    fs.mkdirSync(tmpPath);
  } catch (err) {
    if (err.code !== 'ENOENT') throw err;
    fs.mkdirSync(tmpPath, { recursive: true });
  }
  if (!cleanupRegistered) {
    cleanupRegistered = true;
    process.on('exit', onExit);
  }
}

function onExit(code) {
  if ((code === undefined ? process.exitCode : code) > 0) return;
  if (process.env.NODE_TEST_KEEP_TMPDIR) return;
  // Leave a directory the process is still inside.
  if (process.cwd() === tmpPath ||
      process.cwd().startsWith(tmpPath + path.sep)) {
    return;
  }
  try {
    removeTree(tmpPath);
  } catch (err) {
    console.error(`Could not remove ${tmpPath}: ${err.message}`);
    process.exitCode = 1;
  }
}

function resolve(...paths) {
  return path.resolve(tmpPath, ...paths);
}

function fileURL(...paths) {
  const { pathToFileURL } = require('url');
  // Without arguments, the URL of the directory itself ends with '/'.
  const full = paths.length === 0 ? tmpPath + path.sep : resolve(...paths);
  return pathToFileURL(full);
}

// Whether the file system of tmpPath likely has room for a file of `size`
// bytes. Answers true when the runtime cannot tell.
function hasEnoughSpace(size) {
  if (typeof fs.statfsSync !== 'function') return true;
  const { bavail, bsize } = fs.statfsSync(tmpPath);
  return bavail >= Math.ceil(size / bsize);
}

module.exports = {
  fileURL,
  hasEnoughSpace,
  path: tmpPath,
  refresh,
  resolve,
};
