'use strict';

// The legacy public module Node keeps for packages that reach into http's
// internals; the code is lib/internal/http/client.js.

const { ClientRequest } = require('internal/http/client');

module.exports = { ClientRequest };
