'use strict';

// Legacy alias of require('stream').Duplex.

module.exports = require('stream').Duplex;
