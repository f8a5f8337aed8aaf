'use strict';

// The clock of the performance timeline. Times are milliseconds since the
// time origin (the process start on the main thread); the milestones are
// kept by C++ as uv_hrtime() nanoseconds, -1 until reached.

const {
  constants: {
    NODE_PERFORMANCE_MILESTONE_TIME_ORIGIN: kOrigin,
    NODE_PERFORMANCE_MILESTONE_TIME_ORIGIN_TIMESTAMP: kOriginTimestamp,
  },
  milestones,
  now,
} = internalBinding('performance');

// A milestone relative to the time origin, or -1 when not reached yet.
function getMilestoneTimestamp(index) {
  const ns = milestones[index];
  if (ns === -1) return -1;
  return ns / 1e6 - milestones[kOrigin] / 1e6;
}

// performance.timeOrigin: the wall-clock time of the origin, in ms.
function getTimeOriginTimestamp() {
  return milestones[kOriginTimestamp] / 1e3;
}

module.exports = {
  now,
  getMilestoneTimestamp,
  getTimeOriginTimestamp,
};
