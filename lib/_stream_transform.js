'use strict';

// Legacy alias of require('stream').Transform.

module.exports = require('stream').Transform;
