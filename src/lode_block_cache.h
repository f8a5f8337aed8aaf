// Recycled ArrayBuffer memory. V8 frees the backing stores of young
// ArrayBuffers on its sweeper thread while the isolate's thread allocates
// new ones: with malloc both threads then take the same arena lock for
// every block, and short-lived Buffers (Buffer.alloc, the pool's slabs,
// Buffer.concat's results) spend more time waiting on that lock and in
// malloc's bookkeeping than in V8. Blocks of 256 B to 64 KiB freed by any
// thread are kept here instead and handed out again by size class.
#ifndef SRC_LODE_BLOCK_CACHE_H_
#define SRC_LODE_BLOCK_CACHE_H_

#include <cstddef>

namespace lode {

// A block of at least `length` bytes (zeroed over `length` when
// `zero_fill`), nullptr when `length` is outside the cached range or the
// malloc behind it fails. Free it with FreeCachedBlock().
void* AllocateCachedBlock(size_t length, bool zero_fill);

// Takes a block AllocateCachedBlock() gave for `length` bytes; false (and
// the block untouched) when `length` is outside the cached range, so that
// the caller frees it the way it was made.
bool FreeCachedBlock(void* data, size_t length);

}  // namespace lode

#endif  // SRC_LODE_BLOCK_CACHE_H_
