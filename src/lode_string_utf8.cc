// A V8 string's UTF-8 in one pass (see lode_string_utf8.h).
#include "lode_string_utf8.h"

#include <algorithm>

#include "lode_utf16_to_utf8.h"

namespace lode {

namespace {

// V8 has no public view of a string's units: they are copied out, a piece
// at a time (a memcpy for a flat string), so that no string costs more
// than this much scratch. A piece never ends between the halves of a
// surrogate pair, so each can be converted or counted on its own.
constexpr int kPieceUnits = 4096;

template <typename Use>
void ForEachPiece(v8::Isolate* isolate, v8::Local<v8::String> str, Use use) {
  uint16_t units[kPieceUnits];
  const int length = str->Length();
  for (int start = 0; start < length;) {
    int count = std::min(kPieceUnits, length - start);
    str->Write(isolate, units, start, count,
               v8::String::NO_NULL_TERMINATION);
    if (start + count < length && (units[count - 1] & 0xFC00) == 0xD800) {
      count--;  // a high surrogate: the next piece starts with it
    }
    use(units, static_cast<size_t>(count));
    start += count;
  }
}

}  // namespace

size_t WriteTwoByteAsUtf8(v8::Isolate* isolate, v8::Local<v8::String> str,
                          uint8_t* dst) {
  uint8_t* d = dst;
  ForEachPiece(isolate, str, [&](const uint16_t* units, size_t count) {
    d += Utf16ToUtf8(units, count, d);
  });
  return static_cast<size_t>(d - dst);
}

size_t WriteWholeUtf8(v8::Isolate* isolate, v8::Local<v8::String> str,
                      uint8_t* dst, size_t room) {
  if (!str->IsOneByte()) return WriteTwoByteAsUtf8(isolate, str, dst);
  if (room == 0) return 0;
  return static_cast<size_t>(str->WriteUtf8(
      isolate, reinterpret_cast<char*>(dst),
      static_cast<int>(std::min<size_t>(room, INT32_MAX)), nullptr,
      v8::String::NO_NULL_TERMINATION));
}

size_t WriteUtf8(v8::Isolate* isolate, v8::Local<v8::String> str,
                 uint8_t* dst, size_t cap, int* read) {
  size_t units = static_cast<size_t>(str->Length());
  // Every unit takes a byte at least: the count is only worth making when
  // the whole string may fit.
  if (!str->IsOneByte() &&
      (cap / 3 >= units || (cap >= units && Utf8LengthOf(isolate, str) <= cap))) {
    if (read != nullptr) *read = static_cast<int>(units);
    return WriteTwoByteAsUtf8(isolate, str, dst);
  }
  if (cap == 0) {
    if (read != nullptr) *read = 0;
    return 0;
  }
  return static_cast<size_t>(str->WriteUtf8(
      isolate, reinterpret_cast<char*>(dst),
      static_cast<int>(std::min<size_t>(cap, INT32_MAX)), read,
      v8::String::NO_NULL_TERMINATION | v8::String::REPLACE_INVALID_UTF8));
}

size_t Utf8LengthOf(v8::Isolate* isolate, v8::Local<v8::String> str) {
  if (str->IsOneByte()) return str->Utf8Length(isolate);
  size_t bytes = 0;
  ForEachPiece(isolate, str, [&](const uint16_t* units, size_t count) {
    bytes += Utf16Utf8Length(units, count);
  });
  return bytes;
}

}  // namespace lode
