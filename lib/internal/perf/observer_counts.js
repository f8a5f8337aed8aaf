'use strict';

// For modules that time their operations only while a PerformanceObserver
// watches ('dns', 'net'): whether one does, and the timing helpers. The
// check touches nothing of perf_hooks, so unobserved code pays nothing;
// internal/perf/observe keeps the counts.

const counts = { __proto__: null, gc: 0, http: 0, http2: 0, net: 0, dns: 0 };

function hasObserver(type) {
  return counts[type] > 0;
}

let observe;
function lazyObserve() {
  observe ??= require('internal/perf/observe');
  return observe;
}

// Starts timing under target[key]; `context` is { type, name, detail }.
function startPerf(target, key, context) {
  lazyObserve().startPerf(target, key, context);
}

// Ends the timing started under target[key], if any, making the entry
// (`context.detail` is merged into its detail).
function stopPerf(target, key, context) {
  if (target[key] === undefined) return;
  lazyObserve().stopPerf(target, key, context);
}

module.exports = {
  counts,
  hasObserver,
  startPerf,
  stopPerf,
};
