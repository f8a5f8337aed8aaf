'use strict';

// The clock of the performance timeline. Times are milliseconds since the
// time origin (the process start on the main thread); the milestones are
// kept by C++ as uv_hrtime() nanoseconds, -1 until reached.

const {
  constants: {
    NODE_PERFORMANCE_MILESTONE_TIME_ORIGIN: kOrigin,
    NODE_PERFORMANCE_MILESTONE_TIME_ORIGIN_TIMESTAMP: kOriginTimestamp,
  },
  getMilestones,
  now,
} = internalBinding('performance');

let { milestones } = internalBinding('performance');
{
  // Loaded by a user snapshot's builder: the deserialized application
  // reads its own milestones.
  const {
    addDeserializeCallback,
    isBuildingSnapshot,
  } = require('internal/v8/startup_snapshot').namespace;
  if (isBuildingSnapshot()) {
    addDeserializeCallback(() => { milestones = getMilestones(); });
  }
}

// A milestone in nanoseconds of the hrtime clock, -1 when not reached yet.
function getMilestone(index) {
  return milestones[index];
}

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
  getMilestone,
  getMilestoneTimestamp,
  getTimeOriginTimestamp,
};
