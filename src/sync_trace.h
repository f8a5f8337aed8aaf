#ifndef SRC_SYNC_TRACE_H_
#define SRC_SYNC_TRACE_H_

#include <v8.h>

namespace lode {

// --trace-sync-io: SpinEventLoop turns it on while the event loop of this
// thread's Environment runs (one Environment per thread), so that a
// synchronous call made from a callback, not from the first pass over the
// main script, is reported.
void SetSyncTraceActive(bool active);

// When active: "(node:PID) WARNING: Detected use of sync API" and the
// JavaScript stack, on stderr, as Node prints them.
void MaybePrintSyncTrace(v8::Isolate* isolate);

}  // namespace lode

#endif  // SRC_SYNC_TRACE_H_
