'use strict';

// node:trace_events. lode has no tracing agent (no V8 platform tracing
// controller, no trace log writer), so loading the module fails the way it
// does in a Node built without tracing: ERR_TRACE_EVENTS_UNAVAILABLE.
// Node's own code and tests treat that error as "tracing is not here".

const {
  codes: { ERR_TRACE_EVENTS_UNAVAILABLE },
} = require('internal/errors');

throw new ERR_TRACE_EVENTS_UNAVAILABLE();
