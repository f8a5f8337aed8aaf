// A V8 string's UTF-8 in one pass (see lode_string_utf8.h).
#include "lode_string_utf8.h"

#include <algorithm>

#include "lode_string_pieces.h"
#include "lode_utf16_to_utf8.h"

namespace lode {

namespace {

// The whole of a two-byte string; dst has room for its UTF-8.
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

}  // namespace

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
  // A two-byte string that fits whole (every unit takes a byte at least)
  // goes a piece at a time: a piece with room for 3 bytes a unit is
  // encoded at once, another only counted first, so a caller that counted
  // the whole string for `cap` does not pay for a second whole count. A
  // piece that does not fit sends the string to V8's writer, which writes
  // the longest whole-character prefix: what was written here is a prefix
  // of it, so no byte past its result is touched.
  if (!str->IsOneByte() && cap >= units) {
    size_t written = 0;
    bool whole = true;
    ForEachStringPiece<uint16_t>(
        isolate, str, str->Length(), true,
        [&](const uint16_t* piece, size_t count) {
          size_t room = cap - written;
          if (count * 3 > room && Utf16Utf8Length(piece, count) > room) {
            whole = false;
            return false;
          }
          written += Utf16ToUtf8(piece, count, dst + written);
          return true;
        });
    if (whole) {
      if (read != nullptr) *read = static_cast<int>(units);
      return written;
    }
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

void AppendUtf8(v8::Isolate* isolate, v8::Local<v8::String> str,
                std::string* out, size_t guess_limit) {
  size_t start = out->size();
  size_t units = static_cast<size_t>(str->Length());
  size_t room = str->IsOneByte() ? 2 * units : 3 * units;
  if (room > guess_limit) room = Utf8LengthOf(isolate, str);
  out->resize(start + room);
  out->resize(start + WriteWholeUtf8(
                          isolate, str,
                          reinterpret_cast<uint8_t*>(out->data() + start),
                          room));
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
