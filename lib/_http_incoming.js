'use strict';

// The legacy public module Node keeps for packages that reach into http's
// internals; the code is lib/internal/http/incoming.js.

module.exports = require('internal/http/incoming');
