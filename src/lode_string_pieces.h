// A V8 string's characters a piece at a time, for the loops that convert
// or scan them: V8 has no public view of a string's characters, so they
// are copied onto the stack (a memcpy for a flat string) and no string,
// however long, costs more scratch than one piece.
#ifndef SRC_LODE_STRING_PIECES_H_
#define SRC_LODE_STRING_PIECES_H_

#include <algorithm>
#include <cstddef>
#include <cstdint>

#include "v8.h"

namespace lode {

constexpr int kStringPieceChars = 4096;

// Calls use(chars, n) on consecutive pieces of str's first `length`
// characters, read as Char: uint8_t for a one-byte string (WriteOneByte),
// uint16_t for any string (Write); stops early when use returns false.
// Every piece but the last holds kStringPieceChars characters, unless
// `keep_pairs`: then a piece that would end on a high surrogate ends one
// character sooner, so that no surrogate pair is split between pieces.
template <typename Char, typename Use>
void ForEachStringPiece(v8::Isolate* isolate, v8::Local<v8::String> str,
                        int length, bool keep_pairs, Use&& use) {
  static_assert(sizeof(Char) == 1 || sizeof(Char) == 2);
  Char chars[kStringPieceChars];
  for (int start = 0; start < length;) {
    int n = std::min(kStringPieceChars, length - start);
    if constexpr (sizeof(Char) == 1) {
      str->WriteOneByte(isolate, chars, start, n,
                        v8::String::NO_NULL_TERMINATION);
    } else {
      str->Write(isolate, chars, start, n, v8::String::NO_NULL_TERMINATION);
      if (keep_pairs && start + n < length &&
          (chars[n - 1] & 0xFC00) == 0xD800) {
        n--;  // the next piece starts with this high surrogate
      }
    }
    if (!use(static_cast<const Char*>(chars), static_cast<size_t>(n))) {
      return;
    }
    start += n;
  }
}

}  // namespace lode

#endif  // SRC_LODE_STRING_PIECES_H_
