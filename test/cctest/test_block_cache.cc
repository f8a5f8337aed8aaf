// The recycled ArrayBuffer memory of src/lode_block_cache.cc.
#include <catch2/catch.hpp>

#include <cstdint>
#include <cstring>
#include <thread>

#include "lode_block_cache.h"

namespace {

bool AllBytes(const void* data, size_t length, unsigned char value) {
  const unsigned char* bytes = static_cast<const unsigned char*>(data);
  for (size_t i = 0; i < length; i++) {
    if (bytes[i] != value) return false;
  }
  return true;
}

}  // namespace

#if !defined(__SANITIZE_ADDRESS__)

TEST_CASE("sizes outside 256 B .. 64 KiB are left to malloc", "[block_cache]") {
  CHECK(lode::AllocateCachedBlock(255, false) == nullptr);
  CHECK(lode::AllocateCachedBlock(64 * 1024 + 1, true) == nullptr);
  int local = 0;
  CHECK_FALSE(lode::FreeCachedBlock(&local, 100));
  CHECK_FALSE(lode::FreeCachedBlock(&local, 1 << 20));
}

TEST_CASE("a freed block serves the next request of its class, zeroed",
          "[block_cache]") {
  // Sizes of classes nothing else in these tests uses, so that the block
  // freed last is the one on top.
  void* block = lode::AllocateCachedBlock(9000, true);
  REQUIRE(block != nullptr);
  CHECK(AllBytes(block, 9000, 0));
  memset(block, 0xab, 9000);
  REQUIRE(lode::FreeCachedBlock(block, 9000));
  // 9000 and 9100 round up to the same class (9216).
  void* again = lode::AllocateCachedBlock(9100, true);
  CHECK(again == block);
  CHECK(AllBytes(again, 9100, 0));
  // Without zeroing, the bytes stay what they were (but for the first
  // eight, which held the free list's link).
  memset(again, 0xcd, 9100);
  REQUIRE(lode::FreeCachedBlock(again, 9100));
  void* unsafe = lode::AllocateCachedBlock(9216, false);
  CHECK(unsafe == block);
  CHECK(AllBytes(static_cast<char*>(unsafe) + 8, 9100 - 8, 0xcd));
  REQUIRE(lode::FreeCachedBlock(unsafe, 9216));
}

TEST_CASE("a block made for an odd size comes back to its own class",
          "[block_cache]") {
  // 16385 bytes are made as 18432 (the next class), so a later request of
  // up to 18432 bytes can have it; a request of the class above cannot.
  void* block = lode::AllocateCachedBlock(16385, false);
  REQUIRE(block != nullptr);
  REQUIRE(lode::FreeCachedBlock(block, 16385));
  void* bigger = lode::AllocateCachedBlock(18433, false);
  CHECK(bigger != block);
  void* again = lode::AllocateCachedBlock(18432, true);
  CHECK(again == block);
  CHECK(AllBytes(again, 18432, 0));
  REQUIRE(lode::FreeCachedBlock(again, 18432));
  REQUIRE(lode::FreeCachedBlock(bigger, 18433));
}

TEST_CASE("blocks freed on another thread are reused on this one",
          "[block_cache]") {
  constexpr int kCount = 64;
  void* blocks[kCount];
  for (void*& block : blocks) {
    block = lode::AllocateCachedBlock(40000, false);
    REQUIRE(block != nullptr);
    memset(block, 0x5a, 40000);
  }
  std::thread sweeper([&blocks] {
    for (void* block : blocks) lode::FreeCachedBlock(block, 40000);
  });
  sweeper.join();
  int reused = 0;
  void* again[kCount];
  for (void*& block : again) {
    block = lode::AllocateCachedBlock(40000, true);
    REQUIRE(block != nullptr);
    CHECK(AllBytes(block, 40000, 0));
    for (void* old : blocks) {
      if (old == block) reused++;
    }
  }
  CHECK(reused == kCount);
  for (void* block : again) lode::FreeCachedBlock(block, 40000);
}

#endif  // !defined(__SANITIZE_ADDRESS__)
