'use strict';
// lode has no tracing agent: node:trace_events is listed as a builtin but
// fails to load as in a Node built without tracing.
require('../common');
const assert = require('assert');
const { builtinModules, isBuiltin } = require('module');

assert(builtinModules.includes('trace_events'));
assert(isBuiltin('node:trace_events'));
for (const id of ['trace_events', 'node:trace_events']) {
  assert.throws(() => require(id), {
    name: 'Error',
    code: 'ERR_TRACE_EVENTS_UNAVAILABLE',
    message: 'Trace events are unavailable',
  });
}
