'use strict';

// Paths to and contents of the files under test/fixtures.

const fs = require('fs');
const path = require('path');

const fixturesDir = path.join(__dirname, '..', 'fixtures');

function fixturePath(...parts) {
  return path.join(fixturesDir, ...parts);
}

function fileURL(...parts) {
  const { pathToFileURL } = require('url');
  return pathToFileURL(fixturePath(...parts));
}

// readSync('a.txt'), readSync(['dir', 'a.txt'], 'utf8').
function readSync(parts, encoding) {
  const list = Array.isArray(parts) ? parts : [parts];
  return fs.readFileSync(fixturePath(...list), encoding);
}

function readKey(name, encoding) {
  return fs.readFileSync(fixturePath('keys', name), encoding);
}

module.exports = {
  fileURL,
  fixturesDir,
  path: fixturePath,
  readKey,
  readSync,
};
