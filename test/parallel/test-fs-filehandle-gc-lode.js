// Flags: --expose-gc
'use strict';
// A FileHandle collected without close(): its descriptor is closed, with a
// warning and DEP0137.
const common = require('../common');
const assert = require('assert');
const fs = require('fs');

let fd;
const warnings = [];
process.on('warning', (w) => warnings.push([w.name, w.code, w.message]));

async function open() {
  const handle = await fs.promises.open(__filename);
  fd = handle.fd;
}

open().then(common.mustCall(() => {
  setImmediate(() => {
    globalThis.gc();
    setTimeout(common.mustCall(() => {
      assert.throws(() => fs.fstatSync(fd), { code: 'EBADF' });
      assert.deepStrictEqual(warnings, [
        ['Warning', undefined,
         `Closing file descriptor ${fd} on garbage collection`],
        ['DeprecationWarning', 'DEP0137',
         'Closing a FileHandle object on garbage collection is deprecated. ' +
         'Please close FileHandle objects explicitly using ' +
         'FileHandle.prototype.close(). In the future, an error will be ' +
         'thrown if a file descriptor is closed during garbage collection.'],
      ]);
    }), 50);
  });
}));
