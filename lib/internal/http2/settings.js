'use strict';

// HTTP/2 SETTINGS values: the defaults, their validation, and the payload
// of a SETTINGS frame (RFC 9113 §6.5.1: six bytes per setting, a 16-bit
// identifier and a 32-bit value).

const {
  ArrayPrototypeIncludes,
  ArrayPrototypeMap,
  ArrayPrototypePush,
  NumberIsInteger,
  ObjectKeys,
} = primordials;

const { Buffer } = require('buffer');
const { FastBuffer } = require('internal/buffer');
const {
  codes: {
    ERR_HTTP2_INVALID_PACKED_SETTINGS_LENGTH,
    ERR_HTTP2_INVALID_SETTING_VALUE,
    ERR_HTTP2_TOO_MANY_CUSTOM_SETTINGS,
    ERR_INVALID_ARG_TYPE,
  },
} = require('internal/errors');
const { isArrayBufferView } = require('internal/util/types');
const { validateArray, validateObject } = require('internal/validators');

const kMaxUint32 = 2 ** 32 - 1;
// Custom (unknown to nghttp2) settings a SETTINGS frame may carry.
const kMaxCustomSettings = 10;

// name, identifier, and what a valid value is.
const kSettings = [
  { name: 'headerTableSize', id: 1, min: 0, max: kMaxUint32 },
  { name: 'enablePush', id: 2, boolean: true },
  { name: 'maxConcurrentStreams', id: 3, min: 0, max: kMaxUint32 },
  { name: 'initialWindowSize', id: 4, min: 0, max: kMaxUint32 },
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

function checkSetting(setting, value, name = setting.name) {
  if (setting.boolean) {
    if (typeof value !== 'boolean') {
      throw new ERR_HTTP2_INVALID_SETTING_VALUE(name, value);
    }
    return;
  }
  if (typeof value !== 'number' || !NumberIsInteger(value) ||
      value < setting.min || value > setting.max) {
    throw new ERR_HTTP2_INVALID_SETTING_VALUE.RangeError(name, value);
  }
}

// settings.customSettings ({ id: value }) validated, appended to `list`.
function pushCustomSettings(list, custom) {
  if (custom === undefined) return;
  validateObject(custom, 'customSettings');
  const ids = ObjectKeys(custom);
  if (ids.length > kMaxCustomSettings) {
    throw new ERR_HTTP2_TOO_MANY_CUSTOM_SETTINGS();
  }
  for (let i = 0; i < ids.length; i++) {
    const value = custom[ids[i]];
    if (typeof value !== 'number' || !NumberIsInteger(value) ||
        value < 0 || value > kMaxUint32) {
      throw new ERR_HTTP2_INVALID_SETTING_VALUE.RangeError(
        'customSettings:value', value);
    }
    const id = +ids[i];
    if (!NumberIsInteger(id) || id < 1 || id > 0xffff) {
      throw new ERR_HTTP2_INVALID_SETTING_VALUE.RangeError(
        'customSettings:id', ids[i]);
    }
    ArrayPrototypePush(list, id, value);
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
  if (!isArrayBufferView(buf) || buf.length === undefined) {
    throw new ERR_INVALID_ARG_TYPE('buf', ['Buffer', 'TypedArray'], buf);
  }
  if (buf.length % 6 !== 0) {
    throw new ERR_HTTP2_INVALID_PACKED_SETTINGS_LENGTH();
  }
  // Like Node, this reads elements as bytes (what Buffer's readers do
  // when applied to any TypedArray).
  const settings = {};
  for (let offset = 0; offset < buf.length; offset += 6) {
    const id = buf[offset] * 0x100 + buf[offset + 1];
    const value = buf[offset + 2] * 0x1000000 +
      buf[offset + 3] * 0x10000 +
      buf[offset + 4] * 0x100 + buf[offset + 5];
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
    let name = setting.name;
    if (setting.id === 6 && value === undefined) {
      value = settings.maxHeaderSize;
      name = 'maxHeaderSize';
    }
    if (value === undefined) continue;
    checkSetting(setting, value, name);
    ArrayPrototypePush(list, setting.id, +value);
  }
  pushCustomSettings(list, settings.customSettings);
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

// The settings object of localSettings/remoteSettings, in Node's key
// order, from internalBinding('http2')'s list (getSettings() order).
function settingsFromValues(list, custom) {
  const settings = {
    headerTableSize: list[0],
    enablePush: list[1] !== 0,
    initialWindowSize: list[3],
    maxFrameSize: list[4],
    maxConcurrentStreams: list[2],
    maxHeaderListSize: list[5],
    maxHeaderSize: list[5],
    enableConnectProtocol: list[6] !== 0,
  };
  if (custom !== undefined) settings.customSettings = { ...custom };
  return settings;
}

// The number of values a SETTINGS event starts with (see readSettingsEvent):
// the binding reports kSettings' ids, in that order.
const kReportedCount = kSettings.length;

// A received SETTINGS frame's event payload: the peer's settings after the
// frame (32-bit values in getSettings() order), then the frame's entries
// (16-bit id, 32-bit value), big-endian. `custom` ({ id: value } or
// undefined) gains the entries whose id `wanted` lists.
function readSettingsEvent(bytes, wanted, custom) {
  const buf = new FastBuffer(bytes.buffer, bytes.byteOffset,
                             bytes.byteLength);
  const values = [];
  for (let i = 0; i < kReportedCount; i++) {
    ArrayPrototypePush(values, buf.readUInt32BE(i * 4));
  }
  if (wanted !== undefined) {
    for (let offset = kReportedCount * 4; offset + 6 <= buf.length;
      offset += 6) {
      const id = buf.readUInt16BE(offset);
      if (ArrayPrototypeIncludes(wanted, id)) {
        custom = { ...custom, [id]: buf.readUInt32BE(offset + 2) };
      }
    }
  }
  return { values, custom };
}

// options.remoteCustomSettings: at most kMaxCustomSettings ids, kept as
// numbers (a copy: later changes to the caller's array do not count).
function customIdsFromOptions(ids) {
  validateArray(ids, 'options.remoteCustomSettings');
  if (ids.length > kMaxCustomSettings) {
    throw new ERR_HTTP2_TOO_MANY_CUSTOM_SETTINGS();
  }
  return ArrayPrototypeMap(ids, (id) => +id);
}

module.exports = {
  customIdsFromOptions,
  getDefaultSettings,
  getPackedSettings,
  getUnpackedSettings,
  readSettingsEvent,
  settingsFromValues,
  settingsToArray,
};
