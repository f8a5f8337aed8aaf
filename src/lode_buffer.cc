// internalBinding('buffer'): the encoders, decoders and byte operations
// behind Buffer that JS cannot do fast. lib/buffer.js validates arguments;
// every function here still checks types and clamps ranges, so bad input
// from user code can never make it read or write out of bounds.
#include <algorithm>
#include <cstdint>
#include <cstring>
#include <memory>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "env.h"
#include "lode_binding.h"
#include "lode_errors.h"
#include "lode_internals.h"
#include "lode_typed_array_span.h"
#include "lode_scratch.h"
#include "lode_string_pieces.h"
#include "lode_string_utf8.h"
#include "util.h"

namespace lode::buffer {

using v8::ArrayBuffer;
using v8::ArrayBufferView;
using v8::Context;
using v8::FunctionCallbackInfo;
using v8::Integer;
using v8::Isolate;
using v8::Local;
using v8::Maybe;
using v8::MaybeLocal;
using v8::NewStringType;
using v8::Number;
using v8::Object;
using v8::SharedArrayBuffer;
using v8::String;
using v8::Value;

namespace {

// The same order as encodingsMap in lib/internal/util.js.
enum Encoding {
  kAscii = 0,
  kUtf8 = 1,
  kBase64 = 2,
  kUcs2 = 3,
  kLatin1 = 4,
  kHex = 5,
  kBuffer = 6,
  kBase64Url = 7,
};

// The value of a small integer (a Smi) without calls into V8: the numbers
// lib/ passes are almost always Smis, and IsInt32() + Int32::Value() are two
// calls into the V8 library per argument.
inline bool SmiValue(Local<Value> value, int32_t* out) {
  using I = v8::internal::Internals;
  using A = v8::internal::Address;
  A raw = *reinterpret_cast<A*>(*value);
  if (I::HasHeapObjectTag(raw)) return false;
  *out = I::SmiValue(raw);
  return true;
}

Encoding ToEncoding(Local<Value> value) {
  int32_t v;
  if (!SmiValue(value, &v)) {
    if (!value->IsInt32()) return kUtf8;
    v = value.As<v8::Int32>()->Value();
  }
  if (v < kAscii || v > kBase64Url || v == kBuffer) return kUtf8;
  return static_cast<Encoding>(v);
}

// The bytes of an ArrayBufferView, ArrayBuffer or SharedArrayBuffer.
struct ByteSpan {
  uint8_t* data = nullptr;
  size_t length = 0;
};

// ReadTypedArraySpan into a ByteSpan (data nullptr when empty, as below).
bool ReadFastSpan(Local<Value> value, ByteSpan* span) {
  if (!ReadTypedArraySpan(value, &span->data, &span->length)) return false;
  if (span->length == 0) span->data = nullptr;
  return true;
}

// A view's bytes through V8's API (what ReadFastSpan leaves to it).
void GetViewSpanByApi(Local<ArrayBufferView> view, ByteSpan* span) {
  span->length = view->ByteLength();
  if (span->length == 0) {
    span->data = nullptr;
    return;
  }
  span->data =
      static_cast<uint8_t*>(view->Buffer()->Data()) + view->ByteOffset();
}

void GetViewSpan(Local<ArrayBufferView> view, ByteSpan* span) {
  if (!ReadFastSpan(view, span)) GetViewSpanByApi(view, span);
}

// The bytes of `value` when it is an ArrayBufferView (not an ArrayBuffer).
bool GetViewSpanOf(Local<Value> value, ByteSpan* span) {
  if (ReadFastSpan(value, span)) return true;
  if (!value->IsArrayBufferView()) return false;
  GetViewSpanByApi(value.As<ArrayBufferView>(), span);
  return true;
}

bool GetSpan(Local<Value> value, ByteSpan* span) {
  if (GetViewSpanOf(value, span)) return true;
  if (value->IsArrayBuffer()) {
    Local<ArrayBuffer> ab = value.As<ArrayBuffer>();
    span->data = static_cast<uint8_t*>(ab->Data());
    span->length = ab->ByteLength();
    return true;
  }
  if (value->IsSharedArrayBuffer()) {
    Local<SharedArrayBuffer> ab = value.As<SharedArrayBuffer>();
    span->data = static_cast<uint8_t*>(ab->Data());
    span->length = ab->ByteLength();
    return true;
  }
  return false;
}

// An integer argument; `def` when undefined. False if a JS exception is
// pending (valueOf threw).
bool ToInt64(Isolate* isolate, Local<Value> value, int64_t def,
             int64_t* out) {
  int32_t smi;
  if (SmiValue(value, &smi)) {
    *out = smi;
    return true;
  }
  if (value->IsUndefined()) {
    *out = def;
    return true;
  }
  if (value->IsInt32()) {
    *out = value.As<v8::Int32>()->Value();
    return true;
  }
  // The context only when a conversion (which may run user code) is needed.
  return value->IntegerValue(isolate->GetCurrentContext()).To(out);
}

// Whether `value` is an ArrayBufferView, without a call into V8 for the
// typed arrays Buffer is made of.
bool IsView(Local<Value> value) {
  ByteSpan span;
  return ReadFastSpan(value, &span) || value->IsArrayBufferView();
}

// A clamped [0, length] index from a number the JS side computed.
size_t ClampIndex(Local<Value> value, size_t length, size_t def) {
  int32_t smi;
  if (SmiValue(value, &smi)) {
    if (smi <= 0) return 0;
    return std::min(static_cast<size_t>(smi), length);
  }
  if (value->IsUndefined()) return std::min(def, length);
  if (!value->IsNumber()) return 0;
  double d = value.As<Number>()->Value();
  if (!(d > 0)) return 0;
  if (d >= static_cast<double>(length)) return length;
  return static_cast<size_t>(d);
}

void ThrowStringTooLong(Isolate* isolate) {
  char msg[80];
  snprintf(msg, sizeof(msg),
           "Cannot create a string longer than 0x%x characters",
           static_cast<unsigned>(String::kMaxLength));
  THROW_ERR_STRING_TOO_LONG(isolate, msg);
}

// Sets a byte count as the return value: a Smi without a call into V8 when
// it fits (always, but for views of more than 2 GiB).
template <typename T>
void SetByteCount(v8::ReturnValue<T> ret, size_t n) {
  if (n <= static_cast<size_t>(INT32_MAX)) {
    ret.Set(static_cast<int32_t>(n));
  } else {
    ret.Set(static_cast<double>(n));
  }
}

// ---------------------------------------------------------------------------
// Scratch memory and byte scans shared by the encoders and decoders.

constexpr uint64_t kHighBits = 0x8080808080808080ULL;

inline uint64_t LoadWord(const uint8_t* p) {
  uint64_t w;
  memcpy(&w, p, sizeof(w));
  return w;
}

// How many bytes at the start of data[0, len) are ASCII.
size_t AsciiPrefix(const uint8_t* data, size_t len) {
  size_t i = 0;
  for (; i + 16 <= len; i += 16) {
    if ((LoadWord(data + i) | LoadWord(data + i + 8)) & kHighBits) break;
  }
  for (; i + 8 <= len; i += 8) {
    if (LoadWord(data + i) & kHighBits) break;
  }
  while (i < len && data[i] < 0x80) i++;
  return i;
}

// Calls fn(chars, n) on consecutive pieces of str's first `length`
// characters, as uint8_t (one-byte strings) or uint16_t; stops early when
// fn returns false. Pieces hold an even number of characters, a multiple
// of four but for the last.
template <typename Fn>
void ForEachPiece(Isolate* isolate, Local<String> str, int length, Fn&& fn) {
  if (str->IsOneByte()) {
    ForEachStringPiece<uint8_t>(isolate, str, length, false, fn);
  } else {
    ForEachStringPiece<uint16_t>(isolate, str, length, false, fn);
  }
}

// ---------------------------------------------------------------------------
// Decoders: string -> bytes.

// 0..15 for the low byte of a hex digit, 255 for anything else.
struct HexValueTable {
  uint8_t value[256];
  constexpr HexValueTable() : value() {
    for (int i = 0; i < 256; i++) value[i] = 255;
    for (int i = 0; i < 10; i++) value['0' + i] = static_cast<uint8_t>(i);
    for (int i = 0; i < 6; i++) {
      value['a' + i] = static_cast<uint8_t>(10 + i);
      value['A' + i] = static_cast<uint8_t>(10 + i);
    }
  }
};
constexpr HexValueTable kHexValues;

// 0..63 for a character of either base64 alphabet, 64 for anything else,
// 65 for '='.
struct Base64Table {
  uint8_t value[256];
  constexpr Base64Table() : value() {
    for (int i = 0; i < 256; i++) value[i] = 64;
    for (int i = 0; i < 26; i++) {
      value['A' + i] = static_cast<uint8_t>(i);
      value['a' + i] = static_cast<uint8_t>(26 + i);
    }
    for (int i = 0; i < 10; i++) value['0' + i] = static_cast<uint8_t>(52 + i);
    value['+'] = value['-'] = 62;
    value['/'] = value['_'] = 63;
    value['='] = 65;
  }
};
constexpr Base64Table kBase64Values;

// Pairs of hex digits; stops at the first pair that is not one. Like Node,
// only the low byte of a UTF-16 unit counts.
template <typename Char>
size_t DecodeHex(uint8_t* dst, size_t cap, const Char* src, size_t len) {
  const uint8_t* table = kHexValues.value;
  size_t n = std::min(cap, len / 2);
  for (size_t i = 0; i < n; i++) {
    uint32_t hi = table[static_cast<uint8_t>(src[2 * i])];
    uint32_t lo = table[static_cast<uint8_t>(src[2 * i + 1])];
    if ((hi | lo) > 15) return i;
    dst[i] = static_cast<uint8_t>(hi << 4 | lo);
  }
  return n;
}

// Lenient base64 of both alphabets, fed piece by piece: characters outside
// them are skipped, '=' ends the input, an incomplete last group yields what
// it can. Like Node, only the low byte of a UTF-16 unit counts.
class Base64Decoder {
 public:
  Base64Decoder(uint8_t* dst, size_t cap) : dst_(dst), cap_(cap) {}

  // False once the output is full or '=' was seen.
  template <typename Char>
  bool Feed(const Char* src, size_t len) {
    const uint8_t* table = kBase64Values.value;
    size_t i = 0;
    while (i < len) {
      if (count_ == 0) {
        // Whole groups of four valid characters.
        while (i + 4 <= len && out_ + 3 <= cap_) {
          uint32_t a = table[static_cast<uint8_t>(src[i])];
          uint32_t b = table[static_cast<uint8_t>(src[i + 1])];
          uint32_t c = table[static_cast<uint8_t>(src[i + 2])];
          uint32_t d = table[static_cast<uint8_t>(src[i + 3])];
          if ((a | b | c | d) >= 64) break;
          uint32_t v = a << 18 | b << 12 | c << 6 | d;
          dst_[out_] = static_cast<uint8_t>(v >> 16);
          dst_[out_ + 1] = static_cast<uint8_t>(v >> 8);
          dst_[out_ + 2] = static_cast<uint8_t>(v);
          out_ += 3;
          i += 4;
        }
        if (i >= len) break;
      }
      if (out_ >= cap_) return false;
      uint8_t v = table[static_cast<uint8_t>(src[i++])];
      if (v == 65) return false;
      if (v == 64) continue;
      acc_ = acc_ << 6 | v;
      switch (++count_) {
        case 2:
          dst_[out_++] = static_cast<uint8_t>(acc_ >> 4);
          break;
        case 3:
          dst_[out_++] = static_cast<uint8_t>(acc_ >> 2);
          break;
        case 4:
          dst_[out_++] = static_cast<uint8_t>(acc_);
          acc_ = 0;
          count_ = 0;
          break;
      }
    }
    return out_ < cap_;
  }

  size_t written() const { return out_; }

 private:
  uint8_t* dst_;
  size_t cap_;
  size_t out_ = 0;
  uint32_t acc_ = 0;
  int count_ = 0;
};

// The bytes base64 text of `len` characters decodes to at most, as
// Buffer.byteLength computes it (trailing '=' do not count).
size_t Base64DecodedSize(Isolate* isolate, Local<String> str) {
  int len = str->Length();
  int tail_len = std::min(len, 2);
  uint16_t tail[2] = {0, 0};
  str->Write(isolate, tail, len - tail_len, tail_len,
             String::NO_NULL_TERMINATION);
  size_t n = static_cast<size_t>(len);
  if (tail_len == 2 && tail[1] == '=') {
    n--;
    if (tail[0] == '=') n--;
  } else if (tail_len == 1 && tail[0] == '=') {
    n--;
  }
  return (n * 3) / 4;
}

// Bytes `str` takes in `enc` (an upper bound for base64).
size_t EncodedSize(Isolate* isolate, Local<String> str, Encoding enc) {
  size_t len = str->Length();
  switch (enc) {
    case kUtf8:
      return Utf8LengthOf(isolate, str);
    case kUcs2:
      return len * 2;
    case kHex:
      return len / 2;
    case kBase64:
    case kBase64Url:
      return len == 0 ? 0 : Base64DecodedSize(isolate, str);
    default:
      return len;
  }
}

// A one-byte string as UTF-8 into dst[0, cap): whole characters only. Each
// character takes at least a byte, so only the first `cap` can fit.
size_t WriteOneByteAsUtf8(Isolate* isolate, Local<String> str, uint8_t* dst,
                          size_t cap) {
  size_t n = std::min(static_cast<size_t>(str->Length()), cap);
  Scratch<uint8_t> tmp(n);
  const uint8_t* src = tmp.data();
  str->WriteOneByte(isolate, tmp.data(), 0, static_cast<int>(n),
                    String::NO_NULL_TERMINATION);
  size_t out = AsciiPrefix(src, n);
  memcpy(dst, src, out);
  for (size_t i = out; i < n; i++) {
    uint8_t c = src[i];
    if (c < 0x80) {
      if (out >= cap) break;
      dst[out++] = c;
    } else {
      if (out + 2 > cap) break;
      dst[out++] = static_cast<uint8_t>(0xC0 | c >> 6);
      dst[out++] = static_cast<uint8_t>(0x80 | (c & 0x3F));
    }
  }
  return out;
}

// Writes `str` in `enc` into dst[0, cap); returns the bytes written. A
// multi-byte character that does not fit whole is left out.
size_t WriteString(Isolate* isolate, uint8_t* dst, size_t cap,
                   Local<String> str, Encoding enc) {
  if (cap == 0) return 0;
  int icap = static_cast<int>(std::min<size_t>(cap, INT32_MAX));
  switch (enc) {
    case kUtf8: {
      if (str->IsOneByte()) return WriteOneByteAsUtf8(isolate, str, dst, cap);
      return WriteUtf8(isolate, str, dst, cap);
    }
    case kAscii:
    case kLatin1:
      return str->WriteOneByte(isolate, dst, 0, icap,
                               String::NO_NULL_TERMINATION);
    case kUcs2: {
      int units = std::min(icap / 2, str->Length());
      if (units == 0) return 0;
      if (reinterpret_cast<uintptr_t>(dst) % alignof(uint16_t) == 0) {
        str->Write(isolate, reinterpret_cast<uint16_t*>(dst), 0, units,
                   String::NO_NULL_TERMINATION);
      } else {
        Scratch<uint16_t> tmp(units);
        str->Write(isolate, tmp.data(), 0, units,
                   String::NO_NULL_TERMINATION);
        memcpy(dst, tmp.data(), units * 2);
      }
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
      for (int i = 0; i < units; i++) std::swap(dst[2 * i], dst[2 * i + 1]);
#endif
      return static_cast<size_t>(units) * 2;
    }
    case kHex: {
      // Only the characters of the pairs that can fit are read.
      size_t pairs = std::min(cap, static_cast<size_t>(str->Length()) / 2);
      size_t out = 0;
      ForEachPiece(isolate, str, static_cast<int>(pairs * 2),
                   [&](const auto* s, size_t n) {
                     size_t done = DecodeHex(dst + out, n / 2, s, n);
                     out += done;
                     return done == n / 2;
                   });
      return out;
    }
    case kBase64:
    case kBase64Url: {
      Base64Decoder decoder(dst, cap);
      ForEachPiece(isolate, str, str->Length(),
                   [&](const auto* s, size_t n) { return decoder.Feed(s, n); });
      return decoder.written();
    }
    default:
      return 0;
  }
}

// ---------------------------------------------------------------------------
// Encoders: bytes -> string.

MaybeLocal<String> OneByteResult(Isolate* isolate, const uint8_t* data,
                                 size_t len) {
  if (len > static_cast<size_t>(String::kMaxLength)) {
    ThrowStringTooLong(isolate);
    return MaybeLocal<String>();
  }
  return String::NewFromOneByte(isolate, data, NewStringType::kNormal,
                                static_cast<int>(len));
}

MaybeLocal<String> TwoByteResult(Isolate* isolate, const uint16_t* data,
                                 size_t units) {
  if (units > static_cast<size_t>(String::kMaxLength)) {
    ThrowStringTooLong(isolate);
    return MaybeLocal<String>();
  }
  return String::NewFromTwoByte(isolate, data, NewStringType::kNormal,
                                static_cast<int>(units));
}

// UTF-8 to UTF-16 as the Encoding standard decodes it (and V8 does): each
// maximal invalid subsequence becomes one U+FFFD. `dst` has room for `len`
// units, which is always enough; returns the units written.
size_t DecodeUtf8(const uint8_t* src, size_t len, uint16_t* dst) {
  size_t i = 0;
  size_t out = 0;
  while (i < len) {
    uint8_t c = src[i];
    if (c < 0x80) {
      // An ASCII run, eight bytes at a time while it lasts.
      while (i + 8 <= len && (LoadWord(src + i) & kHighBits) == 0) {
        for (int k = 0; k < 8; k++) dst[out + k] = src[i + k];
        out += 8;
        i += 8;
      }
      while (i < len && src[i] < 0x80) dst[out++] = src[i++];
      continue;
    }
    uint32_t cp;
    int need;
    uint8_t lower = 0x80;
    uint8_t upper = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      need = 1;
      cp = c & 0x1F;
    } else if (c >= 0xE0 && c <= 0xEF) {
      need = 2;
      cp = c & 0x0F;
      if (c == 0xE0) lower = 0xA0;
      if (c == 0xED) upper = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      need = 3;
      cp = c & 0x07;
      if (c == 0xF0) lower = 0x90;
      if (c == 0xF4) upper = 0x8F;
    } else {
      dst[out++] = 0xFFFD;
      i++;
      continue;
    }
    i++;
    int seen = 0;
    while (seen < need && i < len) {
      uint8_t b = src[i];
      if (b < lower || b > upper) break;
      lower = 0x80;
      upper = 0xBF;
      cp = cp << 6 | (b & 0x3F);
      seen++;
      i++;
    }
    if (seen < need) {
      // The byte that broke the sequence (if any) starts the next one.
      dst[out++] = 0xFFFD;
    } else if (cp >= 0x10000) {
      dst[out++] = static_cast<uint16_t>(0xD800 + ((cp - 0x10000) >> 10));
      dst[out++] = static_cast<uint16_t>(0xDC00 + (cp & 0x3FF));
    } else {
      dst[out++] = static_cast<uint16_t>(cp);
    }
  }
  return out;
}

// Above this many bytes, V8's own decoder does UTF-8 (it needs no scratch
// copy of the text).
constexpr size_t kMaxScratchUtf8 = 64 * 1024 * 1024;

MaybeLocal<String> Utf8Result(Isolate* isolate, const uint8_t* data,
                              size_t len) {
  size_t ascii = AsciiPrefix(data, len);
  if (ascii == len) return OneByteResult(isolate, data, len);
  if (len > kMaxScratchUtf8) {
    if (len > static_cast<size_t>(INT32_MAX)) {
      ThrowStringTooLong(isolate);
      return MaybeLocal<String>();
    }
    MaybeLocal<String> s =
        String::NewFromUtf8(isolate, reinterpret_cast<const char*>(data),
                            NewStringType::kNormal, static_cast<int>(len));
    if (s.IsEmpty()) ThrowStringTooLong(isolate);
    return s;
  }
  Scratch<uint16_t> tmp(len);
  uint16_t* dst = tmp.data();
  for (size_t i = 0; i < ascii; i++) dst[i] = data[i];
  size_t units = ascii + DecodeUtf8(data + ascii, len - ascii, dst + ascii);
  return TwoByteResult(isolate, dst, units);
}

// Each byte with its high bit cleared.
MaybeLocal<String> AsciiResult(Isolate* isolate, const uint8_t* data,
                               size_t len) {
  size_t clean = AsciiPrefix(data, len);
  if (clean == len) return OneByteResult(isolate, data, len);
  if (len > static_cast<size_t>(String::kMaxLength)) {
    ThrowStringTooLong(isolate);
    return MaybeLocal<String>();
  }
  Scratch<uint8_t> tmp(len);
  uint8_t* dst = tmp.data();
  memcpy(dst, data, clean);
  size_t i = clean;
#if defined(__SSE2__)
  // 32 bytes per step (SSE2 is part of x86-64).
  const __m128i mask = _mm_set1_epi8(0x7f);
  for (; i + 32 <= len; i += 32) {
    __m128i a = _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i));
    __m128i b =
        _mm_loadu_si128(reinterpret_cast<const __m128i*>(data + i + 16));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(dst + i),
                     _mm_and_si128(a, mask));
    _mm_storeu_si128(reinterpret_cast<__m128i*>(dst + i + 16),
                     _mm_and_si128(b, mask));
  }
#endif
  for (; i + 8 <= len; i += 8) {
    uint64_t w = LoadWord(data + i) & ~kHighBits;
    memcpy(dst + i, &w, sizeof(w));
  }
  for (; i < len; i++) dst[i] = data[i] & 0x7f;
  return OneByteResult(isolate, dst, len);
}

MaybeLocal<String> Ucs2Result(Isolate* isolate, const uint8_t* data,
                              size_t len) {
  size_t units = len / 2;
  if (units > static_cast<size_t>(String::kMaxLength)) {
    ThrowStringTooLong(isolate);
    return MaybeLocal<String>();
  }
#if !defined(__BYTE_ORDER__) || __BYTE_ORDER__ != __ORDER_BIG_ENDIAN__
  if (reinterpret_cast<uintptr_t>(data) % alignof(uint16_t) == 0) {
    return TwoByteResult(isolate, reinterpret_cast<const uint16_t*>(data),
                         units);
  }
#endif
  Scratch<uint16_t> tmp(units);
  uint16_t* dst = tmp.data();
  for (size_t i = 0; i < units; i++) {
    dst[i] = static_cast<uint16_t>(data[2 * i] | data[2 * i + 1] << 8);
  }
  return TwoByteResult(isolate, dst, units);
}

// Two lowercase hex digits per byte value.
struct HexPairTable {
  char pairs[512];
  constexpr HexPairTable() : pairs() {
    const char* digits = "0123456789abcdef";
    for (int i = 0; i < 256; i++) {
      pairs[2 * i] = digits[i >> 4];
      pairs[2 * i + 1] = digits[i & 15];
    }
  }
};
constexpr HexPairTable kHexPairs;

MaybeLocal<String> HexResult(Isolate* isolate, const uint8_t* data,
                             size_t len) {
  if (len > static_cast<size_t>(String::kMaxLength) / 2) {
    ThrowStringTooLong(isolate);
    return MaybeLocal<String>();
  }
  Scratch<uint8_t> tmp(len * 2);
  uint8_t* dst = tmp.data();
  for (size_t i = 0; i < len; i++) {
    memcpy(dst + 2 * i, kHexPairs.pairs + 2 * data[i], 2);
  }
  return OneByteResult(isolate, dst, len * 2);
}

const char kBase64Table[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
const char kBase64UrlTable[] =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

// The two characters of every 12-bit value, so that three bytes take two
// lookups.
struct Base64PairTable {
  char pairs[4096 * 2];
  constexpr explicit Base64PairTable(const char* alphabet) : pairs() {
    for (int i = 0; i < 4096; i++) {
      pairs[2 * i] = alphabet[i >> 6];
      pairs[2 * i + 1] = alphabet[i & 63];
    }
  }
};
constexpr Base64PairTable kBase64Pairs(kBase64Table);
constexpr Base64PairTable kBase64UrlPairs(kBase64UrlTable);

MaybeLocal<String> Base64Result(Isolate* isolate, const uint8_t* src,
                                size_t len, bool url) {
  if (len / 3 * 4 > static_cast<size_t>(String::kMaxLength)) {
    ThrowStringTooLong(isolate);
    return MaybeLocal<String>();
  }
  const char* table = url ? kBase64UrlTable : kBase64Table;
  const char* pairs = url ? kBase64UrlPairs.pairs : kBase64Pairs.pairs;
  size_t full = len / 3;
  size_t rest = len % 3;
  size_t out_len = full * 4 + (rest == 0 ? 0 : url ? rest + 1 : 4);
  Scratch<uint8_t> tmp(out_len);
  uint8_t* dst = tmp.data();
  size_t g = 0;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  // Two groups at a time from one eight-byte load while eight bytes remain.
  for (; g + 2 <= full && g * 3 + 8 <= len; g += 2) {
    uint64_t w = __builtin_bswap64(LoadWord(src + g * 3));
    uint32_t a = static_cast<uint32_t>(w >> 40);
    uint32_t b = static_cast<uint32_t>(w >> 16) & 0xFFFFFF;
    memcpy(dst, pairs + 2 * (a >> 12), 2);
    memcpy(dst + 2, pairs + 2 * (a & 0xFFF), 2);
    memcpy(dst + 4, pairs + 2 * (b >> 12), 2);
    memcpy(dst + 6, pairs + 2 * (b & 0xFFF), 2);
    dst += 8;
  }
#endif
  for (; g < full; g++) {
    const uint8_t* p = src + g * 3;
    uint32_t v = p[0] << 16 | p[1] << 8 | p[2];
    memcpy(dst, pairs + 2 * (v >> 12), 2);
    memcpy(dst + 2, pairs + 2 * (v & 0xFFF), 2);
    dst += 4;
  }
  if (rest != 0) {
    const uint8_t* p = src + full * 3;
    uint32_t v = p[0] << 16 | (rest == 2 ? p[1] << 8 : 0);
    dst[0] = table[v >> 18];
    dst[1] = table[(v >> 12) & 63];
    if (rest == 2) dst[2] = table[(v >> 6) & 63];
    if (!url) {
      if (rest == 1) dst[2] = '=';
      dst[3] = '=';
    }
  }
  return OneByteResult(isolate, tmp.data(), out_len);
}

MaybeLocal<String> EncodeBytes(Isolate* isolate, const uint8_t* data,
                               size_t len, Encoding enc) {
  if (len == 0) return String::Empty(isolate);
  switch (enc) {
    case kUtf8:
      return Utf8Result(isolate, data, len);
    case kLatin1:
      return OneByteResult(isolate, data, len);
    case kAscii:
      return AsciiResult(isolate, data, len);
    case kUcs2:
      return Ucs2Result(isolate, data, len);
    case kHex:
      return HexResult(isolate, data, len);
    case kBase64:
    case kBase64Url:
      return Base64Result(isolate, data, len, enc == kBase64Url);
    default:
      return String::Empty(isolate);
  }
}

// ---------------------------------------------------------------------------
// Buffer.prototype.<enc>Slice(start, end) and <enc>Write(string, offset,
// length): methods that read `this`, with the checks Node's have.

// The string of view[start, end) in `enc`, with the checks Node's
// <enc>Slice methods make (`view` is their receiver).
void SliceView(const FunctionCallbackInfo<Value>& args, Local<Value> view,
               Local<Value> start_arg, Local<Value> end_arg, Encoding enc) {
  Isolate* isolate = args.GetIsolate();
  if (!IsView(view)) {
    THROW_ERR_INVALID_ARG_TYPE(isolate, "argument must be a buffer");
    return;
  }
  // Convert first: valueOf may run user code, and the bytes are looked up
  // only after that.
  int64_t start, end;
  if (!ToInt64(isolate, start_arg, 0, &start)) return;
  if (!ToInt64(isolate, end_arg, INT64_MAX, &end)) return;
  ByteSpan span;
  GetViewSpan(view.As<ArrayBufferView>(), &span);
  if (end == INT64_MAX) end = static_cast<int64_t>(span.length);
  if (start < 0 || end < 0) {
    THROW_ERR_OUT_OF_RANGE(isolate, "Index out of range");
    return;
  }
  if (end < start) end = start;
  if (static_cast<uint64_t>(end) > span.length) {
    THROW_ERR_OUT_OF_RANGE(isolate, "Index out of range");
    return;
  }
  Local<String> result;
  if (EncodeBytes(isolate, span.data + start, end - start, enc)
          .ToLocal(&result)) {
    args.GetReturnValue().Set(result);
  }
}

template <Encoding enc>
void StringSlice(const FunctionCallbackInfo<Value>& args) {
  SliceView(args, args.This(), args[0], args[1], enc);
}

// sliceString(view, start, end, encoding): <enc>Slice with the encoding as
// an argument, so that Buffer.prototype.toString makes one call to one
// function whatever the encoding.
void SliceString(const FunctionCallbackInfo<Value>& args) {
  SliceView(args, args[0], args[1], args[2], ToEncoding(args[3]));
}

// hexWrite, base64Write, base64urlWrite, ucs2Write (on `this`).
template <Encoding enc>
void StringWrite(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  if (!IsView(args.This())) {
    THROW_ERR_INVALID_ARG_TYPE(isolate, "argument must be a buffer");
    return;
  }
  if (!args[0]->IsString()) {
    THROW_ERR_INVALID_ARG_TYPE(isolate, "argument must be a string");
    return;
  }
  int64_t offset, max_length;
  if (!ToInt64(isolate, args[1], 0, &offset)) return;
  if (!ToInt64(isolate, args[2], INT64_MAX, &max_length)) return;
  ByteSpan span;
  GetViewSpan(args.This().As<ArrayBufferView>(), &span);
  if (offset < 0) {
    THROW_ERR_OUT_OF_RANGE(isolate, "Index out of range");
    return;
  }
  if (static_cast<uint64_t>(offset) > span.length) {
    THROW_ERR_BUFFER_OUT_OF_BOUNDS(isolate,
                                   "\"offset\" is outside of buffer bounds");
    return;
  }
  size_t remaining = span.length - offset;
  if (max_length < 0) {
    THROW_ERR_OUT_OF_RANGE(isolate, "Index out of range");
    return;
  }
  size_t cap = std::min<uint64_t>(remaining, max_length);
  size_t written = 0;
  if (cap > 0) {
    written = WriteString(isolate, span.data + offset, cap,
                          args[0].As<String>(), enc);
  }
  SetByteCount(args.GetReturnValue(), written);
}

// utf8WriteStatic / latin1WriteStatic / asciiWriteStatic(buffer, string,
// offset, length): the JS wrappers checked offset and length already.
template <Encoding enc>
void StringWriteStatic(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  ByteSpan span;
  if (!GetViewSpanOf(args[0], &span)) {
    THROW_ERR_INVALID_ARG_TYPE(isolate, "argument must be a buffer");
    return;
  }
  if (!args[1]->IsString()) {
    THROW_ERR_INVALID_ARG_TYPE(isolate, "argument must be a string");
    return;
  }
  size_t offset = ClampIndex(args[2], span.length, 0);
  size_t remaining = span.length - offset;
  size_t cap = ClampIndex(args[3], remaining, remaining);
  size_t written = 0;
  if (cap > 0) {
    written = WriteString(isolate, span.data + offset, cap,
                          args[1].As<String>(), enc);
  }
  SetByteCount(args.GetReturnValue(), written);
}

// ---------------------------------------------------------------------------
// Functions on whole buffers.

void ByteLengthUtf8(const FunctionCallbackInfo<Value>& args) {
  if (!args[0]->IsString()) return args.GetReturnValue().Set(0);
  SetByteCount(args.GetReturnValue(),
               Utf8LengthOf(args.GetIsolate(), args[0].As<String>()));
}

// byteLengthString(string, encoding): the bytes Buffer.from would need.
void ByteLengthString(const FunctionCallbackInfo<Value>& args) {
  if (!args[0]->IsString()) return args.GetReturnValue().Set(0);
  args.GetReturnValue().Set(static_cast<double>(EncodedSize(
      args.GetIsolate(), args[0].As<String>(), ToEncoding(args[1]))));
}

// writeString(buffer, string, offset, length, encoding) -> bytes written.
void WriteStringGeneric(const FunctionCallbackInfo<Value>& args) {
  ByteSpan span;
  if (!GetSpan(args[0], &span) || !args[1]->IsString()) {
    THROW_ERR_INVALID_ARG_TYPE(args.GetIsolate(), "argument must be a string");
    return;
  }
  size_t offset = ClampIndex(args[2], span.length, 0);
  size_t remaining = span.length - offset;
  size_t cap = ClampIndex(args[3], remaining, remaining);
  size_t written = 0;
  if (cap > 0) {
    written = WriteString(args.GetIsolate(), span.data + offset, cap,
                          args[1].As<String>(), ToEncoding(args[4]));
  }
  SetByteCount(args.GetReturnValue(), written);
}

// toString(buffer, start, end, encoding): a slice without Node's checks, for
// internal callers that computed the range themselves.
void BytesToString(const FunctionCallbackInfo<Value>& args) {
  ByteSpan span;
  if (!GetSpan(args[0], &span)) {
    THROW_ERR_INVALID_ARG_TYPE(args.GetIsolate(), "argument must be a buffer");
    return;
  }
  size_t start = ClampIndex(args[1], span.length, 0);
  size_t end = ClampIndex(args[2], span.length, span.length);
  if (end < start) end = start;
  Local<String> result;
  if (EncodeBytes(args.GetIsolate(), span.data + start, end - start,
                  ToEncoding(args[3]))
          .ToLocal(&result)) {
    args.GetReturnValue().Set(result);
  }
}

int NormalizeCompare(int cmp, size_t a_len, size_t b_len) {
  if (cmp != 0) return cmp > 0 ? 1 : -1;
  if (a_len > b_len) return 1;
  if (a_len < b_len) return -1;
  return 0;
}

// compare(a, b) -> -1 | 0 | 1
void Compare(const FunctionCallbackInfo<Value>& args) {
  ByteSpan a, b;
  if (!GetSpan(args[0], &a) || !GetSpan(args[1], &b)) {
    THROW_ERR_INVALID_ARG_TYPE(args.GetIsolate(), "argument must be a buffer");
    return;
  }
  size_t n = std::min(a.length, b.length);
  int cmp = n > 0 ? memcmp(a.data, b.data, n) : 0;
  args.GetReturnValue().Set(NormalizeCompare(cmp, a.length, b.length));
}

// compareOffset(source, target, targetStart, sourceStart, targetEnd,
// sourceEnd) -> -1 | 0 | 1
void CompareOffset(const FunctionCallbackInfo<Value>& args) {
  ByteSpan source, target;
  if (!GetSpan(args[0], &source) || !GetSpan(args[1], &target)) {
    THROW_ERR_INVALID_ARG_TYPE(args.GetIsolate(), "argument must be a buffer");
    return;
  }
  size_t target_start = ClampIndex(args[2], target.length, 0);
  size_t source_start = ClampIndex(args[3], source.length, 0);
  size_t target_end = ClampIndex(args[4], target.length, target.length);
  size_t source_end = ClampIndex(args[5], source.length, source.length);
  target_end = std::max(target_end, target_start);
  source_end = std::max(source_end, source_start);
  size_t source_len = source_end - source_start;
  size_t target_len = target_end - target_start;
  size_t n = std::min(source_len, target_len);
  int cmp = n > 0 ? memcmp(source.data + source_start,
                           target.data + target_start, n)
                  : 0;
  args.GetReturnValue().Set(NormalizeCompare(cmp, source_len, target_len));
}

// copy(source, target, targetStart, sourceStart, count) -> bytes copied.
void Copy(const FunctionCallbackInfo<Value>& args) {
  ByteSpan source, target;
  if (!GetSpan(args[0], &source) || !GetSpan(args[1], &target)) {
    THROW_ERR_INVALID_ARG_TYPE(args.GetIsolate(), "argument must be a buffer");
    return;
  }
  size_t target_start = ClampIndex(args[2], target.length, 0);
  size_t source_start = ClampIndex(args[3], source.length, 0);
  size_t count = ClampIndex(args[4], source.length, 0);
  count = std::min({count, source.length - source_start,
                    target.length - target_start});
  if (count > 0) {
    memmove(target.data + target_start, source.data + source_start, count);
  }
  args.GetReturnValue().Set(static_cast<double>(count));
}

// The Float64Array lib/buffer.js keeps for Buffer.concat's piece lengths
// (setConcatLengths), per thread: each isolate runs on its own. It is
// off-heap (at least 16 elements) and referenced by lib/buffer.js for good,
// so its memory stays put.
thread_local Isolate* t_concat_isolate = nullptr;
thread_local const uint8_t* t_concat_lengths = nullptr;
thread_local size_t t_concat_lengths_count = 0;

// What concatInto returns when no lengths were registered on this thread.
constexpr int32_t kConcatUnregistered = INT32_MIN;

// setConcatLengths(float64Array)
void SetConcatLengths(const FunctionCallbackInfo<Value>& args) {
  if (!args[0]->IsFloat64Array()) {
    THROW_ERR_INVALID_ARG_TYPE(args.GetIsolate(),
                               "argument must be a Float64Array");
    return;
  }
  ByteSpan span;
  GetViewSpan(args[0].As<ArrayBufferView>(), &span);
  t_concat_isolate = args.GetIsolate();
  t_concat_lengths = span.data;
  t_concat_lengths_count = span.length / sizeof(double);
}

// concatInto.call(target, ...pieces) -> bytes written, or -(i + 1) when
// pieces[i] is not a Uint8Array (nothing is thrown: Buffer.concat throws its
// own error), or INT32_MIN (nothing done) when this isolate did not call
// setConcatLengths yet. Copies the pieces one after the other into target:
// of each, as many bytes as the i-th concat length (the `length`
// Buffer.concat read) says, no more than the piece has and than fit; a
// piece past the registered lengths is copied whole. The pieces come as
// arguments (Reflect.apply over the list): reading them from the array
// through the API would cost more than the copies.
void ConcatInto(const FunctionCallbackInfo<Value>& args) {
  if (!args.This()->IsUint8Array()) {
    THROW_ERR_INVALID_ARG_TYPE(args.GetIsolate(), "invalid receiver");
    return;
  }
  if (t_concat_isolate != args.GetIsolate()) {
    // Not registered by this isolate yet (lib/buffer.js may come from the
    // startup snapshot): nothing is copied.
    args.GetReturnValue().Set(kConcatUnregistered);
    return;
  }
  ByteSpan target;
  GetViewSpan(args.This().As<ArrayBufferView>(), &target);
  const int count = args.Length();
  size_t pos = 0;
  for (int i = 0; i < count; i++) {
    Local<Value> item = args[i];
    if (!item->IsUint8Array()) {
      args.GetReturnValue().Set(-static_cast<double>(i) - 1);
      return;
    }
    Local<v8::Uint8Array> piece = item.As<v8::Uint8Array>();
    size_t n = piece->ByteLength();
    if (static_cast<size_t>(i) < t_concat_lengths_count) {
      double wanted;
      memcpy(&wanted, t_concat_lengths + i * sizeof(double), sizeof(wanted));
      if (wanted < static_cast<double>(n)) {
        n = wanted > 0 ? static_cast<size_t>(wanted) : 0;
      }
    }
    n = std::min(n, target.length - pos);
    if (n > 0) pos += piece->CopyContents(target.data + pos, n);
  }
  args.GetReturnValue().Set(static_cast<double>(pos));
}

// fill(buffer, value, start, end, encoding) -> undefined, or -1 when the
// value encodes to no bytes, -2 when the range is out of bounds.
void Fill(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Local<Context> context = isolate->GetCurrentContext();
  if (!args[0]->IsArrayBufferView()) {
    THROW_ERR_INVALID_ARG_TYPE(isolate, "argument must be a buffer");
    return;
  }
  // Every conversion that can run user code comes before the bytes are
  // looked up.
  int64_t istart, iend;
  if (!ToInt64(isolate, args[2], 0, &istart)) return;
  if (!ToInt64(isolate, args[3], 0, &iend)) return;
  bool is_pattern = args[1]->IsArrayBufferView() || args[1]->IsString();
  uint32_t byte_value = 0;
  if (!is_pattern && !args[1]->Uint32Value(context).To(&byte_value)) return;
  ByteSpan span;
  GetSpan(args[0], &span);
  if (istart < 0 || iend < 0) {
    THROW_ERR_OUT_OF_RANGE(isolate, "Index out of range");
    return;
  }
  if (iend < istart || static_cast<uint64_t>(iend) > span.length) {
    return args.GetReturnValue().Set(-2);
  }
  size_t start = static_cast<size_t>(istart);
  size_t end = static_cast<size_t>(iend);
  size_t fill_length = end - start;
  if (fill_length == 0) return;
  uint8_t* dst = span.data + start;

  std::vector<uint8_t> pattern;
  if (args[1]->IsArrayBufferView()) {
    ByteSpan value;
    GetSpan(args[1], &value);
    pattern.assign(value.data, value.data + value.length);
  } else if (args[1]->IsString()) {
    Local<String> str = args[1].As<String>();
    Encoding enc = ToEncoding(args[4]);
    pattern.resize(EncodedSize(isolate, str, enc));
    pattern.resize(
        WriteString(isolate, pattern.data(), pattern.size(), str, enc));
  } else {
    memset(dst, static_cast<int>(byte_value & 255), fill_length);
    return;
  }
  if (pattern.empty()) return args.GetReturnValue().Set(-1);
  size_t n = std::min(pattern.size(), fill_length);
  memcpy(dst, pattern.data(), n);
  // Double the filled prefix until the range is full.
  while (n < fill_length) {
    size_t chunk = std::min(n, fill_length - n);
    memcpy(dst + n, dst, chunk);
    n += chunk;
  }
}

// Where a search of `needle_len` bytes starts, as Node computes it; -1 when
// nothing can match.
int64_t IndexOfOffset(size_t length, int64_t offset, size_t needle_len,
                      bool forward) {
  int64_t len = static_cast<int64_t>(length);
  int64_t nlen = static_cast<int64_t>(needle_len);
  if (offset < 0) {
    if (offset + len >= 0) return len + offset;
    if (forward || needle_len == 0) return 0;
    return -1;
  }
  if (offset + nlen <= len) return offset;
  if (needle_len == 0) return len;
  if (forward) return -1;
  return len - 1;
}

// Byte search from `offset`, forwards (first match at or after it) or
// backwards (last match starting at or before it). -1 when none.
int64_t SearchBytes(const uint8_t* hay, size_t hay_len, const uint8_t* needle,
                    size_t needle_len, size_t offset, bool forward) {
  if (needle_len == 0 || needle_len > hay_len) return -1;
  size_t last = hay_len - needle_len;
  uint8_t first = needle[0];
  if (forward) {
    if (needle_len > 1) {
      // memmem skips ahead by more than a byte per step; a memchr for the
      // first byte stops at every occurrence of a common letter.
      const void* hit = memmem(hay + offset, hay_len - offset, needle,
                               needle_len);
      return hit == nullptr ?
          -1 : static_cast<const uint8_t*>(hit) - hay;
    }
    size_t i = offset;
    while (i <= last) {
      const void* hit = memchr(hay + i, first, last - i + 1);
      if (hit == nullptr) return -1;
      i = static_cast<const uint8_t*>(hit) - hay;
      if (memcmp(hay + i, needle, needle_len) == 0) {
        return static_cast<int64_t>(i);
      }
      i++;
    }
    return -1;
  }
  size_t end = std::min(offset, last) + 1;  // candidates are [0, end)
  while (end > 0) {
    const void* hit = memrchr(hay, first, end);
    if (hit == nullptr) return -1;
    size_t i = static_cast<const uint8_t*>(hit) - hay;
    if (memcmp(hay + i, needle, needle_len) == 0) {
      return static_cast<int64_t>(i);
    }
    end = i;
  }
  return -1;
}

// The same over UTF-16 code units: matches start at even byte positions;
// `offset` and the result count units.
int64_t SearchUnits16(const uint8_t* hay, size_t hay_units,
                      const uint8_t* needle, size_t needle_units,
                      size_t offset, bool forward) {
  if (needle_units == 0 || needle_units > hay_units) return -1;
  size_t last = hay_units - needle_units;
  size_t nbytes = needle_units * 2;
  if (forward) {
    for (size_t i = offset; i <= last; i++) {
      if (hay[2 * i] == needle[0] && hay[2 * i + 1] == needle[1] &&
          memcmp(hay + 2 * i, needle, nbytes) == 0) {
        return static_cast<int64_t>(i);
      }
    }
    return -1;
  }
  for (size_t i = std::min(offset, last) + 1; i-- > 0;) {
    if (hay[2 * i] == needle[0] && hay[2 * i + 1] == needle[1] &&
        memcmp(hay + 2 * i, needle, nbytes) == 0) {
      return static_cast<int64_t>(i);
    }
  }
  return -1;
}

// The search shared by indexOfString and indexOfBuffer.
double IndexOfBytes(const ByteSpan& hay, const uint8_t* needle,
                    size_t needle_len, int64_t offset_arg, Encoding enc,
                    bool forward) {
  int64_t opt = IndexOfOffset(hay.length, offset_arg, needle_len, forward);
  if (needle_len == 0) return static_cast<double>(opt);
  if (hay.length == 0 || opt <= -1) return -1;
  size_t offset = static_cast<size_t>(opt);
  if ((forward && needle_len + offset > hay.length) ||
      needle_len > hay.length) {
    return -1;
  }
  if (enc == kUcs2) {
    if (hay.length < 2 || needle_len < 2) return -1;
    int64_t r = SearchUnits16(hay.data, hay.length / 2, needle,
                              needle_len / 2, offset / 2, forward);
    return r < 0 ? -1 : static_cast<double>(r * 2);
  }
  return static_cast<double>(
      SearchBytes(hay.data, hay.length, needle, needle_len, offset, forward));
}

// indexOfString(buffer, string, byteOffset, encoding, forward)
void IndexOfString(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  ByteSpan hay;
  int64_t offset;
  if (!ToInt64(isolate, args[2], 0, &offset)) return;
  if (!GetSpan(args[0], &hay) || !args[1]->IsString()) {
    THROW_ERR_INVALID_ARG_TYPE(isolate, "argument must be a buffer");
    return;
  }
  Encoding enc = ToEncoding(args[3]);
  Local<String> str = args[1].As<String>();
  std::vector<uint8_t> needle(EncodedSize(isolate, str, enc));
  needle.resize(WriteString(isolate, needle.data(), needle.size(), str, enc));
  args.GetReturnValue().Set(IndexOfBytes(hay, needle.data(), needle.size(),
                                         offset, enc, args[4]->IsTrue()));
}

// indexOfBuffer(buffer, needle, byteOffset, encoding, forward)
void IndexOfBuffer(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  ByteSpan hay, needle;
  int64_t offset;
  if (!ToInt64(isolate, args[2], 0, &offset)) return;
  if (!GetSpan(args[0], &hay) || !GetSpan(args[1], &needle)) {
    THROW_ERR_INVALID_ARG_TYPE(isolate, "argument must be a buffer");
    return;
  }
  args.GetReturnValue().Set(IndexOfBytes(hay, needle.data, needle.length,
                                         offset, ToEncoding(args[3]),
                                         args[4]->IsTrue()));
}

// indexOfNumber(buffer, byte, byteOffset, forward)
void IndexOfNumber(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Local<Context> context = isolate->GetCurrentContext();
  uint32_t needle;
  int64_t offset_arg;
  if (!args[1]->Uint32Value(context).To(&needle)) return;
  if (!ToInt64(isolate, args[2], 0, &offset_arg)) return;
  ByteSpan hay;
  if (!GetSpan(args[0], &hay)) {
    THROW_ERR_INVALID_ARG_TYPE(isolate, "argument must be a buffer");
    return;
  }
  bool forward = args[3]->IsTrue();
  int64_t opt = IndexOfOffset(hay.length, offset_arg, 1, forward);
  if (opt <= -1 || hay.length == 0) return args.GetReturnValue().Set(-1);
  size_t offset = static_cast<size_t>(opt);
  uint8_t byte = static_cast<uint8_t>(needle & 255);
  double result = -1;
  if (forward) {
    const void* hit = memchr(hay.data + offset, byte, hay.length - offset);
    if (hit != nullptr) result = static_cast<const uint8_t*>(hit) - hay.data;
  } else {
    for (size_t i = std::min(offset, hay.length - 1) + 1; i-- > 0;) {
      if (hay.data[i] == byte) {
        result = static_cast<double>(i);
        break;
      }
    }
  }
  args.GetReturnValue().Set(result);
}

template <size_t width>
void Swap(const FunctionCallbackInfo<Value>& args) {
  ByteSpan span;
  if (!GetViewSpanOf(args[0], &span)) {
    THROW_ERR_INVALID_ARG_TYPE(args.GetIsolate(), "argument must be a buffer");
    return;
  }
  size_t n = span.length - span.length % width;
  for (size_t i = 0; i < n; i += width) {
    std::reverse(span.data + i, span.data + i + width);
  }
  args.GetReturnValue().Set(args[0]);
}

bool WasDetached(Local<Value> value) {
  if (value->IsArrayBufferView()) {
    value = value.As<ArrayBufferView>()->Buffer();
  }
  return value->IsArrayBuffer() && value.As<ArrayBuffer>()->WasDetached();
}

// The bytes isUtf8/isAscii look at; false (with an exception pending) when
// there are none to look at.
bool GetValidatableSpan(const FunctionCallbackInfo<Value>& args,
                        ByteSpan* span) {
  if (!GetSpan(args[0], span)) {
    THROW_ERR_INVALID_ARG_TYPE(args.GetIsolate(), "argument must be a buffer");
    return false;
  }
  if (WasDetached(args[0])) {
    THROW_ERR_INVALID_STATE(args.GetIsolate(),
                            "Cannot validate on a detached buffer");
    return false;
  }
  return true;
}

bool IsValidUtf8(const uint8_t* p, size_t len) {
  size_t i = 0;
  while (i < len) {
    uint8_t c = p[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    size_t n;
    uint32_t min;
    uint32_t cp;
    if ((c & 0xe0) == 0xc0) {
      n = 1;
      min = 0x80;
      cp = c & 0x1f;
    } else if ((c & 0xf0) == 0xe0) {
      n = 2;
      min = 0x800;
      cp = c & 0x0f;
    } else if ((c & 0xf8) == 0xf0) {
      n = 3;
      min = 0x10000;
      cp = c & 0x07;
    } else {
      return false;
    }
    if (len - i <= n) return false;
    for (size_t k = 1; k <= n; k++) {
      if ((p[i + k] & 0xc0) != 0x80) return false;
      cp = cp << 6 | (p[i + k] & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
      return false;
    }
    i += n + 1;
  }
  return true;
}

void IsUtf8(const FunctionCallbackInfo<Value>& args) {
  ByteSpan span;
  if (!GetValidatableSpan(args, &span)) return;
  args.GetReturnValue().Set(IsValidUtf8(span.data, span.length));
}

void IsAscii(const FunctionCallbackInfo<Value>& args) {
  ByteSpan span;
  if (!GetValidatableSpan(args, &span)) return;
  bool ascii = true;
  for (size_t i = 0; i < span.length; i++) {
    if (span.data[i] & 0x80) {
      ascii = false;
      break;
    }
  }
  args.GetReturnValue().Set(ascii);
}

#define SLICE_METHODS(V)                \
  V("asciiSlice", StringSlice<kAscii>)  \
  V("base64Slice", StringSlice<kBase64>) \
  V("base64urlSlice", StringSlice<kBase64Url>) \
  V("latin1Slice", StringSlice<kLatin1>) \
  V("hexSlice", StringSlice<kHex>)      \
  V("ucs2Slice", StringSlice<kUcs2>)    \
  V("utf8Slice", StringSlice<kUtf8>)

// createUnsafeArrayBuffer(length, zeroFill): an ArrayBuffer whose memory is
// not cleared unless zeroFill is true (lib/ passes --zero-fill-buffers, which
// it reads once: an option lookup per call would cost more than the malloc),
// for Buffer.allocUnsafe and the Buffer pool (V8 clears what it allocates
// itself). The memory comes through the process's allocator
// (NewUnsafeBackingStore): a loop of large unsafe buffers is then reclaimed
// by scavenges, as `new Uint8Array(n)` is, rather than by repeated
// mark-sweeps.
void CreateUnsafeArrayBuffer(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  double requested = args[0]->IsNumber() ? args[0].As<v8::Number>()->Value()
                                         : -1;
  if (!(requested >= 0) || requested > v8::TypedArray::kMaxLength) {
    return THROW_ERR_OUT_OF_RANGE(isolate, "Invalid array buffer length");
  }
  size_t length = static_cast<size_t>(requested);
  std::unique_ptr<v8::BackingStore> store =
      NewUnsafeBackingStore(isolate, length, args[1]->IsTrue());
  if (!store) {
    return THROW_ERR_MEMORY_ALLOCATION_FAILED(isolate,
                                             "Failed to allocate memory");
  }
  args.GetReturnValue().Set(v8::ArrayBuffer::New(isolate, std::move(store)));
}

#define WRITE_METHODS(V)                               \
  V("base64Write", StringWrite<kBase64>)               \
  V("base64urlWrite", StringWrite<kBase64Url>)         \
  V("hexWrite", StringWrite<kHex>)                     \
  V("ucs2Write", StringWrite<kUcs2>)                   \
  V("asciiWriteStatic", StringWriteStatic<kAscii>)     \
  V("latin1WriteStatic", StringWriteStatic<kLatin1>)   \
  V("utf8WriteStatic", StringWriteStatic<kUtf8>)       \
  V("writeString", WriteStringGeneric)                 \
  V("copy", Copy)                                      \
  V("concatInto", ConcatInto)                          \
  V("setConcatLengths", SetConcatLengths)              \
  V("fill", Fill)                                      \
  V("swap16", Swap<2>)                                 \
  V("swap32", Swap<4>)                                 \
  V("swap64", Swap<8>)                                 \
  V("detachArrayBuffer", DetachArrayBuffer)            \
  V("createUnsafeArrayBuffer", CreateUnsafeArrayBuffer)

#define PURE_METHODS(V)                      \
  V("byteLengthUtf8", ByteLengthUtf8)        \
  V("byteLengthString", ByteLengthString)    \
  V("toString", BytesToString)               \
  V("sliceString", SliceString)              \
  V("compare", Compare)                      \
  V("compareOffset", CompareOffset)          \
  V("indexOfString", IndexOfString)          \
  V("indexOfBuffer", IndexOfBuffer)          \
  V("indexOfNumber", IndexOfNumber)          \
  V("isUtf8", IsUtf8)                        \
  V("isAscii", IsAscii)                      \
  V("isArrayBufferDetached", IsArrayBufferDetached)

}  // namespace

// detachArrayBuffer(ab): detaches `ab` (ArrayBuffer.prototype.transfer and
// structured-clone transfers do it). A buffer V8 marks non-detachable
// (WebAssembly memory) is a TypeError, as in Node; anything but an
// ArrayBuffer is a TypeError too.
void DetachArrayBuffer(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  if (!args[0]->IsArrayBuffer()) {
    isolate->ThrowException(v8::Exception::TypeError(
        FIXED_ONE_BYTE_STRING(isolate, "Argument must be an ArrayBuffer")));
    return;
  }
  Local<ArrayBuffer> ab = args[0].As<ArrayBuffer>();
  if (!ab->IsDetachable()) {
    isolate->ThrowException(v8::Exception::TypeError(FIXED_ONE_BYTE_STRING(
        isolate, "Cannot detach a non-detachable ArrayBuffer")));
    return;
  }
  ab->Detach();
}

// isArrayBufferDetached(ab): true when `ab` is an ArrayBuffer that was
// detached; false for anything else.
void IsArrayBufferDetached(const FunctionCallbackInfo<Value>& args) {
  args.GetReturnValue().Set(args[0]->IsArrayBuffer() &&
                            args[0].As<ArrayBuffer>()->WasDetached());
}

namespace {

void Initialize(Local<Object> target, Local<Value>, Local<Context> context,
                void*) {
  Isolate* isolate = context->GetIsolate();
#define V(name, fn) SetMethodNoSideEffect(context, target, name, fn);
  SLICE_METHODS(V)
  PURE_METHODS(V)
#undef V
#define V(name, fn) SetMethod(context, target, name, fn);
  WRITE_METHODS(V)
#undef V
  SetConstant(context, target, "kMaxLength",
              static_cast<double>(v8::TypedArray::kMaxLength));
  SetConstant(context, target, "kStringMaxLength", String::kMaxLength);
  Local<Object> encodings = Object::New(isolate);
  SetConstant(context, encodings, "ascii", kAscii);
  SetConstant(context, encodings, "utf8", kUtf8);
  SetConstant(context, encodings, "base64", kBase64);
  SetConstant(context, encodings, "utf16le", kUcs2);
  SetConstant(context, encodings, "latin1", kLatin1);
  SetConstant(context, encodings, "hex", kHex);
  SetConstant(context, encodings, "buffer", kBuffer);
  SetConstant(context, encodings, "base64url", kBase64Url);
  SetValue(context, target, "encodings", encodings);
}

}  // namespace

void RegisterExternalReferences(ExternalReferenceRegistry* registry) {
#define V(name, fn) registry->Register(fn);
  SLICE_METHODS(V)
  PURE_METHODS(V)
  WRITE_METHODS(V)
#undef V
}

}  // namespace lode::buffer

LODE_BINDING_CONTEXT_AWARE_INTERNAL(buffer, lode::buffer::Initialize)
LODE_BINDING_EXTERNAL_REFERENCE(buffer,
                                lode::buffer::RegisterExternalReferences)
