// Waking a loop from another thread: the one helper every cross-thread
// uv_async_send() of lode goes through (message ports, the platform's
// foreground tasks, Node-API's task queue and thread-safe functions,
// workers). With a libuv that has the busy window, the .cc file also
// defines uv_async_send() itself, so that the threadpool's completion
// wakeups (libuv's own calls) take the same path.
#ifndef SRC_LODE_ASYNC_WAKEUP_H_
#define SRC_LODE_ASYNC_WAKEUP_H_

#include "uv.h"

namespace lode {

// uv_async_send(handle), without the busy window of libuv before 1.45
// (see the .cc file). The caller guarantees that `handle` is not closed
// while the call runs: it holds a lock that whoever closes the handle
// takes first, or the handle outlives the sending thread (which is joined
// before the handle's memory goes).
void WakeAsync(uv_async_t* handle);

}  // namespace lode

#endif  // SRC_LODE_ASYNC_WAKEUP_H_
