'use strict';

// Not built yet: fails clearly (see doc/status.md).

const { codes: { ERR_NOT_IMPLEMENTED } } = require('internal/errors');

throw new ERR_NOT_IMPLEMENTED('The REPL');
