'use strict';

// Legacy alias of require('stream').PassThrough.

module.exports = require('stream').PassThrough;
