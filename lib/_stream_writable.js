'use strict';

// Legacy alias of require('stream').Writable.

module.exports = require('stream').Writable;
