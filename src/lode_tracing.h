// Trace events: lode's tracing agent.
//
// One process-wide agent records Chrome trace events (the JSON format
// chrome://tracing and Perfetto read) from three sources: V8 (through the
// v8::TracingController the platform returns), lode's C++ (the LODE_TRACE_*
// helpers below) and lib/ (internalBinding('trace_events').trace()). A
// category group ("node,node.fs,node.fs.sync") is enabled when one of its
// comma-separated categories is among the enabled ones: the
// --trace-event-categories list plus those of the trace_events module's
// enabled Tracing objects.
//
// Each category group has one flag byte whose address never changes (V8
// keeps the pointer per call site): a disabled event costs a load and a
// test. Nothing else exists until tracing is first enabled; then a writer
// thread starts, which appends the recorded events to the file named by
// --trace-event-file-pattern (${pid}, ${rotation}; node_trace.1.log by
// default) in batches, and at exit (ExitNow) the rest, closing the JSON.
#ifndef SRC_LODE_TRACING_H_
#define SRC_LODE_TRACING_H_

#include <cstdint>
#include <string>
#include <vector>

#include "v8-platform.h"

namespace lode::tracing {

// The controller V8 gets from the platform.
v8::TracingController* GetTracingController();

// The flag byte of a category group (registered on first use). Non-zero
// while the group is enabled.
const uint8_t* GetCategoryGroupEnabled(const char* group);
inline bool IsEnabled(const uint8_t* flag) {
  return __atomic_load_n(flag, __ATOMIC_RELAXED) != 0;
}

// Enables the categories of --trace-event-categories, with the file name
// pattern of --trace-event-file-pattern. Called once, after V8 started.
void StartFromCommandLine(const std::string& categories,
                          const std::string& file_pattern);
// The trace_events module: enables or disables a set of categories (a
// category enabled twice stays enabled until disabled twice).
void EnableCategories(const std::vector<std::string>& categories);
void DisableCategories(const std::vector<std::string>& categories);
// The enabled categories, sorted, comma-separated; "" when none.
std::string GetEnabledCategories();
// An inspector session's NodeTracing.start: records the events of
// `categories` in memory (not to the file) until StopInspectorClient(id)
// returns them, each as JSON. -1 when too many sessions trace.
int StartInspectorClient(const std::vector<std::string>& categories);
std::vector<std::string> StopInspectorClient(int id);
// Writes what is left and closes the file. Called on the way out of the
// process; a no-op when tracing never started.
void StopAndFlush();

// One argument of an event, rendered as JSON when the event is recorded.
struct Arg {
  const char* name;
  std::string json;
};
Arg IntArg(const char* name, int64_t value);
Arg StringArg(const char* name, const std::string& value);
Arg JsonArg(const char* name, std::string json);

// Records an event of `phase` ('B', 'E', 'b', 'e', 'I', 'C', 'M', ...).
// `id` is written when `has_id`. `timestamp_us` < 0 means now.
// Returns a handle for UpdateDuration() (of an 'X' event), 0 when the
// event was not recorded.
uint64_t AddEvent(char phase, const uint8_t* flag, const std::string& name,
                  bool has_id, uint64_t id, std::vector<Arg> args = {},
                  int64_t timestamp_us = -1);
void UpdateDuration(uint64_t handle);

// __metadata events: a name for the calling thread ("thread_name"), once
// per thread and name; the process's name ("process_name").
void SetThreadName(const std::string& name);
void SetProcessName(const std::string& name);
// Another __metadata event of the calling thread, `args_json` being the
// members of its "args" object.
void AddMetadata(const char* name, const std::string& args_json);
// Whether the agent is recording (tracing was enabled at some point and the
// process is not exiting).
bool IsRecording();

// Microseconds of the trace clock (uv_hrtime() / 1000).
int64_t NowMicros();

// An 'X' (complete) event around a C++ scope, when its group is enabled.
class ScopedEvent {
 public:
  ScopedEvent(const uint8_t* flag, const char* name) {
    if (IsEnabled(flag)) handle_ = AddEvent('X', flag, name, false, 0);
  }
  ~ScopedEvent() {
    if (handle_ != 0) UpdateDuration(handle_);
  }
  ScopedEvent(const ScopedEvent&) = delete;
  ScopedEvent& operator=(const ScopedEvent&) = delete;

 private:
  uint64_t handle_ = 0;
};

// Work on libuv's threadpool ("zlib", "crypto"), as Node traces it: a
// nestable async span of node.threadpoolwork.async from the queueing to
// the callback, and a 'B'/'E' pair of node.threadpoolwork.sync around the
// work on the pool's thread.
void TraceWorkQueued(const char* name, const void* id);
void TraceWorkDone(const char* name, const void* id, int status);
class ScopedWorkTrace {
 public:
  explicit ScopedWorkTrace(const char* name);
  ~ScopedWorkTrace();
  ScopedWorkTrace(const ScopedWorkTrace&) = delete;
  ScopedWorkTrace& operator=(const ScopedWorkTrace&) = delete;

 private:
  const char* name_;
  bool traced_ = false;
};

}  // namespace lode::tracing

namespace lode {
class Environment;
namespace trace_events {
// node.environment's span of `env` begins; its milestones so far.
void OnEnvironmentCreated(Environment* env);
// After lib/ set the process object up: the "node" metadata.
void OnEnvironmentStarted(Environment* env);
// At the end of `env`'s cleanup: the end of its span.
void OnEnvironmentCleanedUp(Environment* env);
}  // namespace trace_events
}  // namespace lode

// The flag of a category group, looked up once per call site.
#define LODE_TRACE_FLAG(group)                                            \
  ([]() -> const uint8_t* {                                               \
    static const uint8_t* flag =                                          \
        ::lode::tracing::GetCategoryGroupEnabled(group);                  \
    return flag;                                                          \
  }())

#define LODE_TRACE_ENABLED(group) \
  ::lode::tracing::IsEnabled(LODE_TRACE_FLAG(group))

#endif  // SRC_LODE_TRACING_H_
