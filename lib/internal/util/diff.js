'use strict';

// util.diff(): not built yet; it throws ERR_NOT_IMPLEMENTED (see
// doc/status.md). The module exists so that util can be imported as an ES
// module (its namespace reads every export).

const {
  codes: { ERR_NOT_IMPLEMENTED },
} = require('internal/errors');

function diff() {
  throw new ERR_NOT_IMPLEMENTED('util.diff');
}

module.exports = { diff };
