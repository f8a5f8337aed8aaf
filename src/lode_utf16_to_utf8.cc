// UTF-16 to UTF-8 (see lode_utf16_to_utf8.h).
//
// Every unit yields at least one byte. That is what lets a character's
// bytes go out in one 4-byte store while four units are left: the (at most
// three) bytes written past its own are overwritten by the units after it.
#include "lode_utf16_to_utf8.h"

#include <cstring>

namespace lode {

namespace {

inline void Store32(uint8_t* dst, uint32_t bytes) {
  memcpy(dst, &bytes, sizeof(bytes));
}

#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__

// One character at p (both units of a surrogate pair) in a single 4-byte
// store; four units must be left from p.
inline void EncodeCharacterStore32(const uint16_t*& p, uint8_t*& d) {
  uint32_t c = *p;
  if (c < 0x80) {
    *d++ = static_cast<uint8_t>(c);
    p++;
  } else if (c < 0x800) {
    Store32(d, (0xC0 | c >> 6) | (0x80 | (c & 0x3F)) << 8);
    d += 2;
    p++;
  } else if ((c & 0xF800) != 0xD800) {
    Store32(d, (0xE0 | c >> 12) | (0x80 | ((c >> 6) & 0x3F)) << 8 |
                   (0x80 | (c & 0x3F)) << 16);
    d += 3;
    p++;
  } else if (c < 0xDC00 && (p[1] & 0xFC00) == 0xDC00) {
    uint32_t cp = 0x10000 + ((c - 0xD800) << 10) + (p[1] - 0xDC00);
    Store32(d, (0xF0 | cp >> 18) | (0x80 | ((cp >> 12) & 0x3F)) << 8 |
                   (0x80 | ((cp >> 6) & 0x3F)) << 16 |
                   (0x80 | (cp & 0x3F)) << 24);
    d += 4;
    p += 2;
  } else {
    // A lone surrogate.
    Store32(d, 0xBDBFEF);
    d += 3;
    p++;
  }
}

#endif

// From p to end, one character at a time; returns where the output ends.
uint8_t* EncodeScalar(const uint16_t* p, const uint16_t* end, uint8_t* d) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  while (end - p >= 4) {
    uint64_t w;
    memcpy(&w, p, sizeof(w));
    if (!(w & 0xFF80FF80FF80FF80ULL)) {
      // Four ASCII units at once.
      Store32(d, static_cast<uint32_t>((w & 0xFF) | ((w >> 8) & 0xFF00) |
                                       ((w >> 16) & 0xFF0000) |
                                       ((w >> 24) & 0xFF000000)));
      d += 4;
      p += 4;
      continue;
    }
    EncodeCharacterStore32(p, d);
  }
#endif
  while (p < end) {
    uint32_t c = *p++;
    if (c < 0x80) {
      *d++ = static_cast<uint8_t>(c);
    } else if (c < 0x800) {
      d[0] = static_cast<uint8_t>(0xC0 | c >> 6);
      d[1] = static_cast<uint8_t>(0x80 | (c & 0x3F));
      d += 2;
    } else if ((c & 0xF800) != 0xD800) {
      d[0] = static_cast<uint8_t>(0xE0 | c >> 12);
      d[1] = static_cast<uint8_t>(0x80 | ((c >> 6) & 0x3F));
      d[2] = static_cast<uint8_t>(0x80 | (c & 0x3F));
      d += 3;
    } else if (c < 0xDC00 && p < end && (*p & 0xFC00) == 0xDC00) {
      uint32_t cp = 0x10000 + ((c - 0xD800) << 10) + (*p++ - 0xDC00);
      d[0] = static_cast<uint8_t>(0xF0 | cp >> 18);
      d[1] = static_cast<uint8_t>(0x80 | ((cp >> 12) & 0x3F));
      d[2] = static_cast<uint8_t>(0x80 | ((cp >> 6) & 0x3F));
      d[3] = static_cast<uint8_t>(0x80 | (cp & 0x3F));
      d += 4;
    } else {
      // A lone surrogate.
      d[0] = 0xEF;
      d[1] = 0xBF;
      d[2] = 0xBD;
      d += 3;
    }
  }
  return d;
}

}  // namespace

size_t Utf16ToUtf8(const uint16_t* units, size_t length, uint8_t* dst) {
  return static_cast<size_t>(EncodeScalar(units, units + length, dst) - dst);
}

}  // namespace lode
