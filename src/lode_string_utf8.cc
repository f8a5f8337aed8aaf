// A V8 string's UTF-8 in one pass (see lode_string_utf8.h).
#include "lode_string_utf8.h"

#include <algorithm>

#include "lode_string_pieces.h"
#include "lode_utf16_to_utf8.h"

namespace lode {

size_t WriteTwoByteAsUtf8(v8::Isolate* isolate, v8::Local<v8::String> str,
                          uint8_t* dst) {
  uint8_t* d = dst;
  ForEachStringPiece<uint16_t>(
      isolate, str, str->Length(), true,
      [&](const uint16_t* units, size_t count) {
        d += Utf16ToUtf8(units, count, d);
        return true;
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
      (cap / 3 >= units ||
       (cap >= units && Utf8LengthOf(isolate, str) <= cap))) {
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
  ForEachStringPiece<uint16_t>(
      isolate, str, str->Length(), true,
      [&](const uint16_t* units, size_t count) {
        bytes += Utf16Utf8Length(units, count);
        return true;
      });
  return bytes;
}

}  // namespace lode
