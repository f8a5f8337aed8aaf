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

#include <errno.h>
#include <unistd.h>

#include <atomic>
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
#endif
  uv_async_send(handle);
}

}  // namespace lode
