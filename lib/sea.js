'use strict';

// node:sea. lode cannot be built into a single executable application
// (doc/status.md), so it never runs as one: isSea() is false and the asset
// functions throw what Node's throw outside such an application.

const {
  codes: { ERR_NOT_IN_SINGLE_EXECUTABLE_APPLICATION },
} = require('internal/errors');
const { validateString } = require('internal/validators');

function isSea() {
  return false;
}

function getRawAsset(key) {
  validateString(key, 'key');
  throw new ERR_NOT_IN_SINGLE_EXECUTABLE_APPLICATION();
}

function getAsset(key, encoding) {
  if (encoding !== undefined) validateString(encoding, 'encoding');
  return getRawAsset(key);
}

function getAssetAsBlob(key, options) {
  return getRawAsset(key);
}

function getAssetKeys() {
  throw new ERR_NOT_IN_SINGLE_EXECUTABLE_APPLICATION();
}

module.exports = {
  isSea,
  getAsset,
  getRawAsset,
  getAssetAsBlob,
  getAssetKeys,
};
