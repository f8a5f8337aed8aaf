'use strict';

// HTTP/2 SETTINGS values: the defaults, their validation, and the payload
// of a SETTINGS frame (RFC 9113 §6.5.1: six bytes per setting, a 16-bit
// identifier and a 32-bit value).

const {
  ArrayPrototypePush,
  NumberIsInteger,
  ObjectKeys,
} = primordials;

const { Buffer } = require('buffer');
const {
  codes: {
    ERR_HTTP2_INVALID_PACKED_SETTINGS_LENGTH,
    ERR_HTTP2_INVALID_SETTING_VALUE,
    ERR_INVALID_ARG_TYPE,
  },
} = require('internal/errors');
const { isArrayBufferView } = require('internal/util/types');
const { validateObject } = require('internal/validators');

const kMaxUint32 = 2 ** 32 - 1;
const kMaxInt = 2 ** 31 - 1;

// name, identifier, and what a valid value is.
const kSettings = [
  { name: 'headerTableSize', id: 1, min: 0, max: kMaxUint32 },
  { name: 'enablePush', id: 2, boolean: true },
  { name: 'maxConcurrentStreams', id: 3, min: 0, max: kMaxUint32 },
  { name: 'initialWindowSize', id: 4, min: 0, max: kMaxInt },
  { name: 'maxFrameSize', id: 5, min: 16384, max: 2 ** 24 - 1 },
  { name: 'maxHeaderListSize', id: 6, min: 0, max: kMaxUint32 },
  { name: 'enableConnectProtocol', id: 8, boolean: true },
];

function getDefaultSettings() {
  return {
    headerTableSize: 4096,
    enablePush: true,
    initialWindowSize: 65535,
    maxFrameSize: 16384,
    maxConcurrentStreams: kMaxUint32,
    maxHeaderSize: 65535,
    maxHeaderListSize: 65535,
    enableConnectProtocol: false,
  };
}

function checkSetting(setting, value) {
  if (setting.boolean) {
    if (typeof value !== 'boolean') {
      throw new ERR_HTTP2_INVALID_SETTING_VALUE(setting.name, value);
    }
    return;
  }
  if (typeof value !== 'number' || !NumberIsInteger(value) ||
      value < setting.min || value > setting.max) {
    throw new ERR_HTTP2_INVALID_SETTING_VALUE.RangeError(setting.name,
                                                         value);
  }
}

function getPackedSettings(settings = {}) {
  validateObject(settings, 'settings');
  // kSettings is in identifier order, so the list already is.
  const list = settingsToArray(settings);
  const packed = Buffer.allocUnsafe(list.length * 3);
  for (let i = 0; i < list.length; i += 2) {
    packed.writeUInt16BE(list[i], i * 3);
    packed.writeUInt32BE(list[i + 1], i * 3 + 2);
  }
  return packed;
}

function getUnpackedSettings(buf, options = {}) {
  if (!isArrayBufferView(buf)) {
    throw new ERR_INVALID_ARG_TYPE('buf', ['Buffer', 'TypedArray'], buf);
  }
  if (buf.byteLength % 6 !== 0) {
    throw new ERR_HTTP2_INVALID_PACKED_SETTINGS_LENGTH();
  }
  const view = Buffer.from(buf.buffer, buf.byteOffset, buf.byteLength);
  const settings = {};
  for (let offset = 0; offset < view.length; offset += 6) {
    const id = view.readUInt16BE(offset);
    const value = view.readUInt32BE(offset + 2);
    let known;
    for (let i = 0; i < kSettings.length; i++) {
      if (kSettings[i].id === id) known = kSettings[i];
    }
    if (known === undefined) {
      settings.customSettings ??= {};
      settings.customSettings[id] = value;
    } else if (known.boolean) {
      settings[known.name] = value !== 0;
    } else {
      settings[known.name] = value;
      if (id === 6) settings.maxHeaderSize = value;
    }
  }
  if (options?.validate) {
    const names = ObjectKeys(settings);
    for (let i = 0; i < names.length; i++) {
      for (let j = 0; j < kSettings.length; j++) {
        if (kSettings[j].name === names[i]) {
          checkSetting(kSettings[j], settings[names[i]]);
        }
      }
    }
  }
  return reorder(settings);
}

// The settings an object names, validated, as the flat [id, value, ...]
// list internalBinding('http2') takes.
function settingsToArray(settings) {
  const list = [];
  for (let i = 0; i < kSettings.length; i++) {
    const setting = kSettings[i];
    let value = settings[setting.name];
    if (setting.id === 6 && value === undefined) {
      value = settings.maxHeaderSize;
    }
    if (value === undefined) continue;
    checkSetting(setting, value);
    ArrayPrototypePush(list, setting.id, +value);
  }
  return list;
}

// Node lists maxHeaderSize right before maxHeaderListSize.
function reorder(settings) {
  if (settings.maxHeaderListSize === undefined) return settings;
  const out = {};
  const names = ObjectKeys(settings);
  for (let i = 0; i < names.length; i++) {
    const name = names[i];
    if (name === 'maxHeaderSize') continue;
    if (name === 'maxHeaderListSize') out.maxHeaderSize = settings[name];
    out[name] = settings[name];
  }
  return out;
}

module.exports = {
  getDefaultSettings,
  getPackedSettings,
  getUnpackedSettings,
  settingsToArray,
};
