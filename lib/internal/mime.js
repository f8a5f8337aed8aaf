'use strict';

// util.MIMEType and util.MIMEParams: not built yet. They exist so that
// util can be imported as an ES module (its namespace reads every export);
// making one throws ERR_NOT_IMPLEMENTED (see doc/status.md).

const {
  codes: { ERR_NOT_IMPLEMENTED },
} = require('internal/errors');

class MIMEType {
  constructor() {
    throw new ERR_NOT_IMPLEMENTED('util.MIMEType');
  }
}

class MIMEParams {
  constructor() {
    throw new ERR_NOT_IMPLEMENTED('util.MIMEParams');
  }
}

module.exports = { MIMEType, MIMEParams };
