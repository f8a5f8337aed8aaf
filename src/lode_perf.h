// The process's performance timeline as C++ records it: the time origin,
// the start-up milestones performance.nodeTiming reports, and the event
// loop metrics. internalBinding('performance') (lode_perf.cc) shows them to
// lib/internal/perf/.
#ifndef SRC_LODE_PERF_H_
#define SRC_LODE_PERF_H_

#include <cstdint>

namespace lode {

class Environment;

namespace performance {

// Indices of internalBinding('performance').milestones (and of the
// NODE_PERFORMANCE_MILESTONE_* constants). Every entry is a uv_hrtime()
// value in nanoseconds, or -1 while not reached, except kTimeOriginTimestamp:
// the wall-clock time of the time origin, in microseconds since the epoch.
enum Milestone {
  kTimeOriginTimestamp = 0,
  kTimeOrigin,
  kEnvironment,
  kNodeStart,
  kV8Start,
  kLoopStart,
  kLoopExit,
  kBootstrapComplete,
  kMilestoneCount
};

// The process's time origin: called first thing in main().
void MarkTimeOrigin();
// Records a milestone of the process (kNodeStart, kV8Start) as now.
void MarkProcess(Milestone milestone);

// Starts `env`'s timeline (a worker's too; all count from the process's
// time origin, as in Node): records kEnvironment and turns on the loop
// metrics (idle time, iteration count) of its loop. Called before the loop
// first runs. An environment that skips this gets its timeline at its
// first use of internalBinding('performance'), without loop metrics.
void StartTimeline(Environment* env);
// Records `env`'s milestone `milestone` (kLoopStart, kLoopExit,
// kBootstrapComplete) as now.
void Mark(Environment* env, Milestone milestone);

}  // namespace performance
}  // namespace lode

#endif  // SRC_LODE_PERF_H_
