// Size classes eight to an octave (each at most 12.5% above the request)
// from 256 B to 64 KiB. A freed block goes by its real size
// (malloc_usable_size) to the largest class it can serve, onto that
// class's lock-free stack; a thread that allocates takes a class's whole
// stack at once into a list of its own and serves requests from it, so
// the only shared operations are one compare-and-swap per free and one
// exchange per refill (taking the whole stack cannot suffer the ABA problem
// that popping one block off a lock-free stack has). At most kCacheLimit
// bytes wait here; past that, blocks go back to free().
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

FreeBlock* TakeBlock(int c) {
  FreeBlock* block = t_lists[c];
  if (block == nullptr) {
    ClassStack& stack = g_stacks[c];
    if (stack.head.load(std::memory_order_relaxed) == nullptr) return nullptr;
    block = stack.head.exchange(nullptr, std::memory_order_acquire);
    if (block == nullptr) return nullptr;
    if (!t_exit_hook) WatchThreadExit();
  }
  t_lists[c] = block->next;
  t_taken_bytes += static_cast<int64_t>(ClassSize(c));
  if (t_taken_bytes >= kTakenBatch) ReportTaken();
  return block;
}

}  // namespace

void* AllocateCachedBlock(size_t length, bool zero_fill) {
  if (length < kMinBlock || length > kMaxBlock) return nullptr;
  int c = CeilClass(length);
  void* block = TakeBlock(c);
  if (block != nullptr) {
    if (zero_fill) memset(block, 0, length);
    return block;
  }
  // Made at the class's size, so that it comes back to this class.
  return zero_fill ? calloc(ClassSize(c), 1) : malloc(ClassSize(c));
}

bool FreeCachedBlock(void* data, size_t length) {
  if (length < kMinBlock || length > kMaxBlock) return false;
  if (g_cached_bytes.load(std::memory_order_relaxed) >= kCacheLimit) {
    return false;
  }
  // Its class by what malloc really gave, which is at least `length`.
  int c = FloorClass(malloc_usable_size(data));
  g_cached_bytes.fetch_add(static_cast<int64_t>(ClassSize(c)),
                           std::memory_order_relaxed);
  FreeBlock* block = static_cast<FreeBlock*>(data);
  ClassStack& stack = g_stacks[c];
  FreeBlock* head = stack.head.load(std::memory_order_relaxed);
  do {
    block->next = head;
  } while (!stack.head.compare_exchange_weak(head, block,
                                             std::memory_order_release,
                                             std::memory_order_relaxed));
  return true;
}

#endif  // defined(__SANITIZE_ADDRESS__)

}  // namespace lode
