// A V8 string's UTF-8 in one pass (see lode_string_utf8.h).
#include "lode_string_utf8.h"

#include "lode_scratch.h"
#include "lode_utf16_to_utf8.h"

namespace lode {

namespace {

// V8 has no public view of a string's units: they are copied out first (a
// memcpy for a flat string, a fraction of the work done with them).
void CopyUnits(v8::Isolate* isolate, v8::Local<v8::String> str,
               uint16_t* units) {
  str->Write(isolate, units, 0, str->Length(),
             v8::String::NO_NULL_TERMINATION);
}

}  // namespace

size_t WriteTwoByteAsUtf8(v8::Isolate* isolate, v8::Local<v8::String> str,
                          uint8_t* dst) {
  size_t length = str->Length();
  Scratch<uint16_t> units(length);
  CopyUnits(isolate, str, units.data());
  return Utf16ToUtf8(units.data(), length, dst);
}

size_t Utf8LengthOf(v8::Isolate* isolate, v8::Local<v8::String> str) {
  // Past 32 Mi units the copy would cost more memory than it is worth.
  constexpr size_t kMaxCopiedUnits = 32 * 1024 * 1024;
  size_t length = str->Length();
  if (str->IsOneByte() || length > kMaxCopiedUnits) {
    return str->Utf8Length(isolate);
  }
  Scratch<uint16_t> units(length);
  CopyUnits(isolate, str, units.data());
  return Utf16Utf8Length(units.data(), length);
}

}  // namespace lode
