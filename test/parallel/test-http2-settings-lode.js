'use strict';
// http2's settings helpers: a SETTINGS payload is six bytes per setting in
// identifier order; unpacking gives the names back; bad values get Node's
// errors. (Sessions and servers are not implemented yet.)
require('../common');
const assert = require('assert');
const http2 = require('http2');

const packed = http2.getPackedSettings({
  maxFrameSize: 20000, headerTableSize: 100, enablePush: false,
});
assert.strictEqual(packed.toString('hex'),
                   '000100000064000200000000000500004e20');
assert.deepStrictEqual(http2.getUnpackedSettings(packed), {
  headerTableSize: 100, enablePush: false, maxFrameSize: 20000,
});
assert.strictEqual(http2.getPackedSettings({ maxHeaderSize: 7 })
  .toString('hex'), '000600000007');

assert.throws(() => http2.getPackedSettings({ maxFrameSize: 1 }), {
  name: 'RangeError',
  code: 'ERR_HTTP2_INVALID_SETTING_VALUE',
  message: 'Invalid value for setting "maxFrameSize": 1',
});
assert.throws(() => http2.getPackedSettings({ enablePush: 1 }), {
  name: 'TypeError',
  code: 'ERR_HTTP2_INVALID_SETTING_VALUE',
});
assert.throws(() => http2.getUnpackedSettings(Buffer.alloc(5)), {
  name: 'RangeError',
  code: 'ERR_HTTP2_INVALID_PACKED_SETTINGS_LENGTH',
});
// Unknown identifiers are kept as customSettings.
assert.deepStrictEqual(
  http2.getUnpackedSettings(Buffer.from('000900000005', 'hex')),
  { customSettings: { 9: 5 } });
assert.strictEqual(http2.constants.NGHTTP2_SETTINGS_MAX_FRAME_SIZE, 5);
assert.strictEqual(http2.constants.HTTP2_HEADER_STATUS, ':status');
assert.strictEqual(http2.getDefaultSettings().maxFrameSize, 16384);
