'use strict';

// `require('console')` is the global console object itself.
module.exports = require('internal/console/global');
