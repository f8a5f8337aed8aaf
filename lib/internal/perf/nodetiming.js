'use strict';

// performance.nodeTiming: a 'node' entry whose times are the process's
// start-up milestones (ms since the time origin, -1 while not reached).

const {
  ObjectDefineProperties,
  ObjectSetPrototypeOf,
} = primordials;

const { PerformanceEntry } = require('internal/perf/performance_entry');
const { now, getMilestoneTimestamp } = require('internal/perf/utils');
const { customInspectSymbol } = require('internal/util');
const {
  constants: {
    NODE_PERFORMANCE_MILESTONE_NODE_START,
    NODE_PERFORMANCE_MILESTONE_V8_START,
    NODE_PERFORMANCE_MILESTONE_ENVIRONMENT,
    NODE_PERFORMANCE_MILESTONE_LOOP_START,
    NODE_PERFORMANCE_MILESTONE_LOOP_EXIT,
    NODE_PERFORMANCE_MILESTONE_BOOTSTRAP_COMPLETE,
  },
  loopIdleTime,
  uvMetricsInfo,
} = internalBinding('performance');

function milestone(index) {
  return {
    __proto__: null,
    enumerable: true,
    configurable: true,
    get() { return getMilestoneTimestamp(index); },
  };
}

function constant(value) {
  return { __proto__: null, enumerable: true, configurable: true, value };
}

class PerformanceNodeTiming {
  constructor() {
    ObjectDefineProperties(this, {
      name: constant('node'),
      entryType: constant('node'),
      startTime: constant(0),
      duration: {
        __proto__: null, enumerable: true, configurable: true, get: now,
      },
      nodeStart: milestone(NODE_PERFORMANCE_MILESTONE_NODE_START),
      v8Start: milestone(NODE_PERFORMANCE_MILESTONE_V8_START),
      environment: milestone(NODE_PERFORMANCE_MILESTONE_ENVIRONMENT),
      loopStart: milestone(NODE_PERFORMANCE_MILESTONE_LOOP_START),
      loopExit: milestone(NODE_PERFORMANCE_MILESTONE_LOOP_EXIT),
      bootstrapComplete:
        milestone(NODE_PERFORMANCE_MILESTONE_BOOTSTRAP_COMPLETE),
      idleTime: {
        __proto__: null, enumerable: true, configurable: true,
        get: loopIdleTime,
      },
      uvMetricsInfo: {
        __proto__: null,
        enumerable: true,
        configurable: true,
        get() {
          const info = uvMetricsInfo();
          return { loopCount: info[0], events: info[1],
                   eventsWaiting: info[2] };
        },
      },
    });
  }

  [customInspectSymbol](depth, options) {
    if (depth < 0) return this;
    const opts = {
      ...options,
      depth: options.depth == null ? null : options.depth - 1,
    };
    const { inspect } = require('internal/util/inspect');
    return `PerformanceNodeTiming ${inspect(this.toJSON(), opts)}`;
  }

  toJSON() {
    return {
      name: 'node',
      entryType: 'node',
      startTime: this.startTime,
      duration: this.duration,
      nodeStart: this.nodeStart,
      v8Start: this.v8Start,
      bootstrapComplete: this.bootstrapComplete,
      environment: this.environment,
      loopStart: this.loopStart,
      loopExit: this.loopExit,
      idleTime: this.idleTime,
    };
  }
}
ObjectSetPrototypeOf(PerformanceNodeTiming.prototype,
                     PerformanceEntry.prototype);

module.exports = new PerformanceNodeTiming();
