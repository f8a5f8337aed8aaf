// Size classes eight to an octave (each at most 12.5% above the request)
// from 256 B to 64 KiB. A freed block goes by its real size
// (malloc_usable_size) to the largest class it can serve, onto that
// class's lock-free stack; a thread that allocates takes a class's whole
// stack at once, keeps up to kLocalBytes of it in a list of its own and
// serves requests from that, so the shared operations are one
// compare-and-swap per free and one exchange per refill (taking the whole
// stack cannot suffer the ABA problem that popping one block off a
// lock-free stack has). The rest goes back onto the stack in one piece.
//
// About kCacheLimit bytes wait here, the threads' own lists included (the
// check is not exact: a thread reports what it took in batches, and frees
// racing past the check may overshoot it). A free that finds the cache
// full gives every other class's stack back to malloc before it goes to
// free() itself: when a program moves on to buffers of another size, the
// blocks of the old size do not stay cached for good.
#include "lode_block_cache.h"

#include <malloc.h>
#include <pthread.h>

#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <cstring>

namespace lode {

#if defined(__SANITIZE_ADDRESS__)

// Under ASan every block goes through malloc/free, so that a use after free
// is still caught.
void* AllocateCachedBlock(size_t, bool) { return nullptr; }
bool FreeCachedBlock(void*, size_t) { return false; }

#else

namespace {

constexpr int kMinOctave = 8;    // 256 B
constexpr int kMaxOctave = 16;   // 64 KiB
constexpr int kClassesPerOctave = 8;
constexpr int kClassCount = (kMaxOctave - kMinOctave) * kClassesPerOctave + 1;
constexpr size_t kMinBlock = size_t{1} << kMinOctave;
constexpr size_t kMaxBlock = size_t{1} << kMaxOctave;
constexpr int64_t kCacheLimit = 64 * 1024 * 1024;
// A thread reports the bytes it took out of the cache in batches of this
// size, to keep its allocations off the shared counter's cache line.
constexpr int64_t kTakenBatch = 1024 * 1024;
// The most a thread keeps in its own list of a class (at least 4 blocks).
constexpr size_t kLocalBytes = 256 * 1024;

struct FreeBlock {
  FreeBlock* next;
};

// One cache line per stack, so that frees of one class do not slow the
// refills of another.
struct alignas(64) ClassStack {
  std::atomic<FreeBlock*> head{nullptr};
};

ClassStack g_stacks[kClassCount];
std::atomic<int64_t> g_cached_bytes{0};
// Set while a thread gives stacks back to malloc (one thread at a time).
std::atomic<bool> g_releasing{false};
// The class whose blocks alone were left at the last release of a full
// cache, or -1 once a block of another class has been pushed since: while
// the cache stays full, a free of that class then has nothing to release
// (without this, every such free would scan all the stacks).
std::atomic<int> g_released_all_but{-1};

thread_local FreeBlock* t_lists[kClassCount];
thread_local int64_t t_taken_bytes = 0;
thread_local bool t_exit_hook = false;

constexpr size_t ClassSize(int c) {
  return size_t{static_cast<size_t>(kClassesPerOctave + c % kClassesPerOctave)}
         << (kMinOctave + c / kClassesPerOctave - 3);
}

// The largest class no bigger than `n` (kMinBlock <= n).
int FloorClass(size_t n) {
  if (n >= kMaxBlock) return kClassCount - 1;
  int octave = 63 - __builtin_clzll(n);
  int step = static_cast<int>(n >> (octave - 3)) & (kClassesPerOctave - 1);
  return (octave - kMinOctave) * kClassesPerOctave + step;
}

// The smallest class no smaller than `n` (kMinBlock <= n <= kMaxBlock).
int CeilClass(size_t n) {
  int c = FloorClass(n);
  return ClassSize(c) < n ? c + 1 : c;
}

void ReportTaken() {
  if (t_taken_bytes != 0) {
    g_cached_bytes.fetch_sub(t_taken_bytes, std::memory_order_relaxed);
    t_taken_bytes = 0;
  }
}

// A thread that ends gives its lists back to malloc.
void ReleaseThreadLists(void*) {
  for (int c = 0; c < kClassCount; c++) {
    for (FreeBlock* b = t_lists[c]; b != nullptr;) {
      FreeBlock* next = b->next;
      t_taken_bytes += static_cast<int64_t>(ClassSize(c));
      free(b);
      b = next;
    }
    t_lists[c] = nullptr;
  }
  ReportTaken();
  // A later destructor that takes a block registers the thread again.
  t_exit_hook = false;
}

pthread_key_t g_exit_key;

void CreateExitKey() { pthread_key_create(&g_exit_key, ReleaseThreadLists); }

void WatchThreadExit() {
  static pthread_once_t once = PTHREAD_ONCE_INIT;
  pthread_once(&once, CreateExitKey);
  // Any non-null value makes the key's destructor run at thread exit.
  pthread_setspecific(g_exit_key, &t_exit_hook);
  t_exit_hook = true;
}

// A block of class c goes onto its stack: the other classes are no longer
// known to be empty.
inline void NotePush(int c) {
  int released = g_released_all_but.load(std::memory_order_relaxed);
  if (released >= 0 && released != c) {
    g_released_all_but.store(-1, std::memory_order_relaxed);
  }
}

// Puts the chain first..last onto class c's stack.
void PushChain(int c, FreeBlock* first, FreeBlock* last) {
  NotePush(c);
  ClassStack& stack = g_stacks[c];
  FreeBlock* head = stack.head.load(std::memory_order_relaxed);
  do {
    last->next = head;
  } while (!stack.head.compare_exchange_weak(head, first,
                                             std::memory_order_release,
                                             std::memory_order_relaxed));
}

// Puts a chain taken from class c's stack back. The stack is usually
// still empty, and the chain goes back whole without a walk to its end;
// blocks freed meanwhile are taken off and put in front of it (only they
// are walked).
void PutBack(int c, FreeBlock* chain) {
  NotePush(c);
  ClassStack& stack = g_stacks[c];
  FreeBlock* expected = nullptr;
  while (!stack.head.compare_exchange_weak(expected, chain,
                                           std::memory_order_release,
                                           std::memory_order_relaxed)) {
    if (expected == nullptr) continue;
    FreeBlock* theirs = stack.head.exchange(nullptr, std::memory_order_acquire);
    if (theirs != nullptr) {
      FreeBlock* last = theirs;
      while (last->next != nullptr) last = last->next;
      last->next = chain;
      chain = theirs;
    }
    expected = nullptr;
  }
}

FreeBlock* TakeBlock(int c) {
  FreeBlock* block = t_lists[c];
  if (block == nullptr) {
    ClassStack& stack = g_stacks[c];
    if (stack.head.load(std::memory_order_relaxed) == nullptr) return nullptr;
    block = stack.head.exchange(nullptr, std::memory_order_acquire);
    if (block == nullptr) return nullptr;
    if (!t_exit_hook) WatchThreadExit();
    // Keep kLocalBytes' worth; the rest goes back for other threads (and
    // for the release of a full cache, which does not see threads' lists).
    size_t keep = kLocalBytes / ClassSize(c);
    if (keep < 4) keep = 4;
    FreeBlock* last = block;
    for (size_t n = 1; n < keep && last->next != nullptr; n++) {
      last = last->next;
    }
    if (last->next != nullptr) {
      FreeBlock* rest = last->next;
      last->next = nullptr;
      PutBack(c, rest);
    }
  }
  t_lists[c] = block->next;
  t_taken_bytes += static_cast<int64_t>(ClassSize(c));
  if (t_taken_bytes >= kTakenBatch) ReportTaken();
  return block;
}

// The cache is full: every stack but class `keep`'s goes back to malloc.
void ReleaseOtherStacks(int keep) {
  if (g_released_all_but.load(std::memory_order_relaxed) == keep) return;
  bool idle = false;
  if (!g_releasing.compare_exchange_strong(idle, true,
                                           std::memory_order_acquire)) {
    return;  // another thread is at it
  }
  // Marked before the scan: a push to another class while it runs clears
  // the mark again, and the next free rescans.
  g_released_all_but.store(keep, std::memory_order_relaxed);
  for (int c = 0; c < kClassCount; c++) {
    if (c == keep) continue;
    ClassStack& stack = g_stacks[c];
    if (stack.head.load(std::memory_order_relaxed) == nullptr) continue;
    FreeBlock* block = stack.head.exchange(nullptr, std::memory_order_acquire);
    int64_t bytes = 0;
    while (block != nullptr) {
      FreeBlock* next = block->next;
      free(block);
      bytes += static_cast<int64_t>(ClassSize(c));
      block = next;
    }
    if (bytes != 0) g_cached_bytes.fetch_sub(bytes, std::memory_order_relaxed);
  }
  g_releasing.store(false, std::memory_order_release);
}

}  // namespace

void* AllocateCachedBlock(size_t length, bool zero_fill) {
  if (length < kMinBlock || length > kMaxBlock) return nullptr;
  int c = CeilClass(length);
  void* block = TakeBlock(c);
  // None of this size: a block of up to twice the size, if one waits (when
  // a program moves on to smaller buffers, the blocks it had serve them as
  // malloc's free lists would).
  for (int larger = c + 1;
       block == nullptr && larger <= c + kClassesPerOctave &&
       larger < kClassCount;
       larger++) {
    block = TakeBlock(larger);
  }
  if (block != nullptr) {
    if (zero_fill) memset(block, 0, length);
    return block;
  }
  // Made at the class's size, so that it comes back to this class.
  return zero_fill ? calloc(ClassSize(c), 1) : malloc(ClassSize(c));
}

bool FreeCachedBlock(void* data, size_t length) {
  if (length < kMinBlock || length > kMaxBlock) return false;
  // Its class by what malloc really gave, which is at least `length`.
  int c = FloorClass(malloc_usable_size(data));
  if (g_cached_bytes.load(std::memory_order_relaxed) >= kCacheLimit) {
    ReleaseOtherStacks(c);
    return false;
  }
  g_cached_bytes.fetch_add(static_cast<int64_t>(ClassSize(c)),
                           std::memory_order_relaxed);
  FreeBlock* block = static_cast<FreeBlock*>(data);
  PushChain(c, block, block);
  return true;
}

#endif  // defined(__SANITIZE_ADDRESS__)

}  // namespace lode
