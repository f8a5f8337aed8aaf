'use strict';

// eventLoopUtilization([util1[, util2]]): how much of the time since the
// loop started it spent running callbacks (active) rather than waiting in
// poll (idle, which libuv measures).

const {
  constants: { NODE_PERFORMANCE_MILESTONE_LOOP_START },
  loopIdleTime,
} = internalBinding('performance');
const { getMilestone } = require('internal/perf/utils');

function utilizationOf(idle, active) {
  return { idle, active, utilization: active / (idle + active) };
}

// `loopStart` in ms of the hrtime clock; `idle` in ms.
function internalEventLoopUtilization(loopStart, idle, util1, util2) {
  if (loopStart <= 0) return { idle: 0, active: 0, utilization: 0 };
  if (util2) {
    return utilizationOf(util1.idle - util2.idle, util1.active - util2.active);
  }
  const time = process.hrtime();
  const active = time[0] * 1e3 + time[1] / 1e6 - loopStart - idle;
  if (!util1) return utilizationOf(idle, active);
  return utilizationOf(idle - util1.idle, active - util1.active);
}

function eventLoopUtilization(util1, util2) {
  return internalEventLoopUtilization(
    getMilestone(NODE_PERFORMANCE_MILESTONE_LOOP_START) / 1e6,
    loopIdleTime(), util1, util2);
}

module.exports = {
  eventLoopUtilization,
  internalEventLoopUtilization,
};
