// UTF-16 to UTF-8: what Buffer.from(string) and buf.write(string) do with a
// string V8 keeps at two bytes per unit (any string with a character above
// U+00FF), in one pass with room for the worst case reserved, instead of
// String::Utf8Length and String::WriteUtf8's two.
#ifndef SRC_LODE_UTF16_TO_UTF8_H_
#define SRC_LODE_UTF16_TO_UTF8_H_

#include <cstddef>
#include <cstdint>

namespace lode {

// Writes units[0, length) as UTF-8 to dst and returns the bytes written. A
// surrogate pair becomes its 4-byte character; a lone surrogate becomes
// U+FFFD (EF BF BD), as String::WriteUtf8 with REPLACE_INVALID_UTF8 does.
// dst must have room for the result (Utf16Utf8Length(); 3 bytes per unit
// is always enough): no byte past the returned length is ever written, so
// dst may also be the middle of a caller's buffer.
// Strings of 16 units or more take a vector path where the CPU has
// AVX-512 with byte compress (VBMI2): 32 units a step, ~4 instructions a
// unit instead of ~15.
size_t Utf16ToUtf8(const uint16_t* units, size_t length, uint8_t* dst);

// The bytes Utf16ToUtf8 writes for units[0, length), counted without
// writing them (vector path as above).
size_t Utf16Utf8Length(const uint16_t* units, size_t length);

// The one-character-at-a-time paths alone, and whether this CPU has the
// vector one (for tests that compare them).
size_t Utf16ToUtf8Scalar(const uint16_t* units, size_t length, uint8_t* dst);
size_t Utf16Utf8LengthScalar(const uint16_t* units, size_t length);
bool Utf16ToUtf8HasVectorPath();

}  // namespace lode

#endif  // SRC_LODE_UTF16_TO_UTF8_H_
