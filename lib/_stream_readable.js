'use strict';

// Legacy alias of require('stream').Readable.

module.exports = require('stream').Readable;
