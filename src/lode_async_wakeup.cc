// uv_async_send() of libuv before 1.45 (Debian 12 has 1.44) marks the
// handle busy (pending = 1), writes the loop's eventfd and only then marks
// it done (pending = 2); the woken loop spins (and sched_yield()s) on every
// busy handle until the sender gets there. Between two threads that wake
// each other often on a loaded machine, the woken thread regularly runs
// while the sender is descheduled inside that window, and most of a round
// trip goes to spinning (libuv 1.45 dropped the busy state). With such a
// libuv WakeAsync() marks the handle done at once and then writes the
// eventfd itself: the loop never sees the busy state. The busy state is
// what keeps uv_close() from finishing while a sender is inside
// uv_async_send(); the callers' own guarantee (see the header) replaces it.
#include "lode_async_wakeup.h"

#include <dlfcn.h>
#include <errno.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <cstdint>

namespace lode {

namespace {

#if defined(__linux__) && UV_VERSION_HEX < 0x012d00
// Built against an old libuv: whether the one loaded is old too.
bool AsyncSendSpins() {
  static const bool spins = uv_version() < 0x012d00;
  return spins;
}
#endif

}  // namespace

#if defined(__linux__) && UV_VERSION_HEX < 0x012d00
// The libuv threadpool ends every request (every fs, crypto, zlib, dns
// call) with uv_async_send(&loop->wq_async) from the worker, so the same
// spin costs the loop thread a share of each completion (measured on a
// loaded 2-core machine: 10% of all CPU samples of a loop of
// fs.promises.stat calls, 5% of a 32 MiB stream copy, were that spin).
// libuv calls uv_async_send() through its PLT, so this definition in the
// executable is the one it reaches. Only that one handle takes WakeAsync's
// path, whose guarantee holds there: the worker sends
// while it holds loop->wq_mutex, which the loop thread takes before it can
// finish the request, so the loop (and the handle) cannot be closed before
// the send returns. Every other handle goes to libuv's own function.
namespace {
using AsyncSendFn = int (*)(uv_async_t*);
AsyncSendFn LibuvAsyncSend() {
  static const AsyncSendFn fn = [] {
    auto found =
        reinterpret_cast<AsyncSendFn>(dlsym(RTLD_NEXT, "uv_async_send"));
    if (found == nullptr) abort();  // No libuv loaded: nothing can run.
    return found;
  }();
  return fn;
}
}  // namespace
}  // namespace lode

extern "C" int uv_async_send(uv_async_t* handle) {
  if (handle == &handle->loop->wq_async && lode::AsyncSendSpins()) {
    lode::WakeAsync(handle);
    return 0;
  }
  return lode::LibuvAsyncSend()(handle);
}

namespace lode {
#endif

void WakeAsync(uv_async_t* handle) {
#if defined(__linux__) && UV_VERSION_HEX < 0x012d00
  if (AsyncSendSpins()) {
    static_assert(sizeof(std::atomic<int>) == sizeof(int));
    auto* pending = reinterpret_cast<std::atomic<int>*>(&handle->pending);
    if (pending->load(std::memory_order_relaxed) != 0) {
      return;  // Already pending: the loop has yet to run its callback.
    }
    // Read before the handle is marked: from then on the loop may run the
    // callback, which may close the handle.
    uv_loop_t* loop = handle->loop;
    int fd = loop->async_wfd;
    static const uint64_t one = 1;
    const void* buf = &one;
    size_t len = sizeof(one);
    if (fd == -1) {
      fd = loop->async_io_watcher.fd;  // An eventfd.
    } else {
      buf = "";  // A pipe.
      len = 1;
    }
    int expected = 0;
    if (!pending->compare_exchange_strong(expected, 2)) return;
    ssize_t r;
    do {
      r = write(fd, buf, len);
    } while (r == -1 && errno == EINTR);
    // EAGAIN: the eventfd or pipe is full, the loop is woken anyway.
    return;
  }
  LibuvAsyncSend()(handle);
#else
  uv_async_send(handle);
#endif
}

}  // namespace lode
