// The diagnostic report (process.report, --report-on-fatalerror and the
// other --report-* options): one JSON document describing the process,
// written by C++ so that a fatal error, where no JavaScript can run, gets
// the same report as process.report.writeReport().
#ifndef SRC_LODE_REPORT_H_
#define SRC_LODE_REPORT_H_

#include <string>

#include "v8.h"

namespace lode {

class Environment;
struct Options;

namespace report {

// At start-up, before any isolate: the --report-* options and the command
// line the report's header shows.
void Configure(const Options& options, int argc, char** argv);

// The settings Node keeps per thread (the rest are the process's): the
// signal and the events that write a report, and what reports leave out.
struct ThreadSettings {
  std::string signal = "SIGUSR2";
  bool on_signal = false;
  bool on_uncaught_exception = false;
  bool exclude_network = false;
  bool exclude_env = false;
};

// `env`'s thread settings now: what a worker it starts inherits.
ThreadSettings ThreadSettingsOf(Environment* env);
// A worker's environment at its start: its parent's signal settings from
// when the worker was made, with what its own execArgv (`own_options`)
// turns on; what reports leave out comes from the worker's options alone.
void InitializeThread(Environment* env, const ThreadSettings& inherited,
                      bool own_options);

// From the fatal error handlers (any thread, JS heap exhausted or not):
// writes the report when --report-on-fatalerror (or
// process.report.reportOnFatalError) asks for one. `isolate` is the
// current thread's, or nullptr on a thread that runs no JavaScript.
void OnFatalError(v8::Isolate* isolate, const char* message,
                  const char* trigger, bool heap_exhausted);

// After an uncaught exception is printed: the report of
// --report-uncaught-exception (process.report.reportOnUncaughtException).
void OnUncaughtException(Environment* env, v8::Local<v8::Value> error);

// On a worker's own thread: its part of the parent's report (the document
// that goes in the parent's "workers" list), indented for `depth`.
std::string WorkerSubreport(Environment* env, const std::string& event,
                            const std::string& trigger, int depth,
                            bool compact);

}  // namespace report
}  // namespace lode

#endif  // SRC_LODE_REPORT_H_
