// UTF-16 to UTF-8 (src/lode_utf16_to_utf8.cc): the 4-byte-store encoder
// and the AVX-512 one give the bytes of a plain per-code-point encoder
// written here, for every mix of character widths, surrogate pairs and
// lone surrogates, and never write past the end of their output (Buffer's
// write() may be given the middle of a caller's buffer); both counts of
// those bytes agree with it.
#include <catch2/catch.hpp>

#include <cstdint>
#include <random>
#include <vector>

#include "lode_utf16_to_utf8.h"

namespace {

// The reference: code points decoded first, then encoded by the table in
// RFC 3629; unpaired surrogates become U+FFFD.
std::vector<uint8_t> Reference(const std::vector<uint16_t>& units) {
  std::vector<uint8_t> out;
  for (size_t i = 0; i < units.size(); i++) {
    uint32_t cp = units[i];
    if (cp >= 0xD800 && cp <= 0xDBFF && i + 1 < units.size() &&
        units[i + 1] >= 0xDC00 && units[i + 1] <= 0xDFFF) {
      cp = 0x10000 + ((cp - 0xD800) << 10) + (units[i + 1] - 0xDC00);
      i++;
    } else if (cp >= 0xD800 && cp <= 0xDFFF) {
      cp = 0xFFFD;
    }
    if (cp < 0x80) {
      out.push_back(static_cast<uint8_t>(cp));
    } else if (cp < 0x800) {
      out.push_back(static_cast<uint8_t>(0xC0 | (cp >> 6)));
      out.push_back(static_cast<uint8_t>(0x80 | (cp & 0x3F)));
    } else if (cp < 0x10000) {
      out.push_back(static_cast<uint8_t>(0xE0 | (cp >> 12)));
      out.push_back(static_cast<uint8_t>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<uint8_t>(0x80 | (cp & 0x3F)));
    } else {
      out.push_back(static_cast<uint8_t>(0xF0 | (cp >> 18)));
      out.push_back(static_cast<uint8_t>(0x80 | ((cp >> 12) & 0x3F)));
      out.push_back(static_cast<uint8_t>(0x80 | ((cp >> 6) & 0x3F)));
      out.push_back(static_cast<uint8_t>(0x80 | (cp & 0x3F)));
    }
  }
  return out;
}

constexpr uint8_t kUntouched = 0xA5;

// Converts with `convert` into a buffer of 3 bytes per unit (the documented
// room) filled with kUntouched, checks the bytes against Reference() and
// that everything after them is still kUntouched.
void CheckWith(size_t (*convert)(const uint16_t*, size_t, uint8_t*),
               const std::vector<uint16_t>& units,
               const std::vector<uint8_t>& expected) {
  std::vector<uint8_t> dst(units.size() * 3, kUntouched);
  size_t written = convert(units.data(), units.size(), dst.data());
  REQUIRE(written == expected.size());
  CHECK(std::vector<uint8_t>(dst.begin(), dst.begin() + written) == expected);
  for (size_t i = written; i < dst.size(); i++) {
    INFO("byte " << i << " past the " << written << " written");
    REQUIRE(dst[i] == kUntouched);
  }
}

// Both paths: the one Utf16ToUtf8 picks (the AVX-512 one from 16 units on
// CPUs that have it) and the scalar one.
void CheckConversion(const std::vector<uint16_t>& units) {
  std::vector<uint8_t> expected = Reference(units);
  INFO("vector path: " << lode::Utf16ToUtf8HasVectorPath());
  CheckWith(lode::Utf16ToUtf8, units, expected);
  CheckWith(lode::Utf16ToUtf8Scalar, units, expected);
  // And the counts of the bytes, without writing them.
  CHECK(lode::Utf16Utf8Length(units.data(), units.size()) == expected.size());
  CHECK(lode::Utf16Utf8LengthScalar(units.data(), units.size()) ==
        expected.size());
}

// Units drawn from `kinds` (1: ASCII, 2: two-byte, 3: three-byte,
// 4: a surrogate pair, 5: a lone high surrogate, 6: a lone low one).
std::vector<uint16_t> RandomUnits(std::mt19937* rng, size_t count,
                                  const std::vector<int>& kinds) {
  std::vector<uint16_t> units;
  std::uniform_int_distribution<size_t> pick(0, kinds.size() - 1);
  while (units.size() < count) {
    switch (kinds[pick(*rng)]) {
      case 1:
        units.push_back(static_cast<uint16_t>((*rng)() % 0x80));
        break;
      case 2:
        units.push_back(static_cast<uint16_t>(0x80 + (*rng)() % 0x780));
        break;
      case 3: {
        uint16_t u = static_cast<uint16_t>(0x800 + (*rng)() % 0xF800);
        if (u >= 0xD800 && u <= 0xDFFF) u = 0xFFFF;
        units.push_back(u);
        break;
      }
      case 4:
        units.push_back(static_cast<uint16_t>(0xD800 + (*rng)() % 0x400));
        units.push_back(static_cast<uint16_t>(0xDC00 + (*rng)() % 0x400));
        break;
      case 5:
        units.push_back(static_cast<uint16_t>(0xD800 + (*rng)() % 0x400));
        break;
      default:
        units.push_back(static_cast<uint16_t>(0xDC00 + (*rng)() % 0x400));
        break;
    }
  }
  units.resize(count);  // may cut a pair in two: a lone high surrogate
  return units;
}

}  // namespace

TEST_CASE("utf16 to utf8: the edges of each width", "[utf8]") {
  CheckConversion({});
  CheckConversion({0x41});
  // Each boundary code point, alone and in runs.
  const uint16_t edges[] = {0x00,   0x7F,   0x80,   0x7FF,  0x800,
                            0xD7FF, 0xE000, 0xFFFD, 0xFFFF, 0xD800,
                            0xDBFF, 0xDC00, 0xDFFF};
  for (uint16_t edge : edges) {
    INFO("unit " << edge);
    CheckConversion({edge});
    CheckConversion(std::vector<uint16_t>(40, edge));
  }
  // The smallest and largest surrogate pairs, repeated.
  std::vector<uint16_t> pairs;
  for (int i = 0; i < 20; i++) {
    pairs.push_back(i % 2 ? 0xDBFF : 0xD800);
    pairs.push_back(i % 2 ? 0xDFFF : 0xDC00);
  }
  CheckConversion(pairs);
}

TEST_CASE("utf16 to utf8: a surrogate at every position",
          "[utf8]") {
  for (size_t at = 0; at < 40; at++) {
    for (uint16_t surrogate : {0xD83D, 0xDE00}) {
      std::vector<uint16_t> units(48, 0x65E5);  // 日
      units[at] = surrogate;
      INFO("lone " << surrogate << " at " << at);
      CheckConversion(units);
      if (surrogate == 0xD83D) {
        units[at + 1] = 0xDE00;  // now a pair: 😀
        INFO("pair at " << at);
        CheckConversion(units);
      }
    }
  }
}

TEST_CASE("utf16 to utf8: random mixes and lengths", "[utf8]") {
  std::mt19937 rng(20261127);
  const std::vector<std::vector<int>> mixes = {
      {1},          {2},          {3},          {1, 2},
      {1, 3},       {2, 3},       {1, 2, 3},    {1, 2, 3, 4},
      {1, 1, 1, 4}, {3, 4, 5, 6}, {1, 2, 3, 4, 5, 6}};
  for (const std::vector<int>& kinds : mixes) {
    for (size_t length = 0; length < 90; length++) {
      for (int round = 0; round < 4; round++) {
        CheckConversion(RandomUnits(&rng, length, kinds));
      }
    }
    CheckConversion(RandomUnits(&rng, 5000, kinds));
  }
}
