// UTF-16 to UTF-8 (see lode_utf16_to_utf8.h).
//
// Every unit yields at least one byte. That is what lets a character's
// bytes go out in one 4-byte store while four units are left: the (at most
// three) bytes written past its own are overwritten by the units after it.
#include "lode_utf16_to_utf8.h"

#include <cstring>

#if defined(__x86_64__) && defined(__GNUC__)
#include <immintrin.h>
#define LODE_UTF8_AVX512 1
#endif

namespace lode {

namespace {

inline bool IsHighSurrogate(uint32_t unit) { return (unit & 0xFC00) == 0xD800; }
inline bool IsLowSurrogate(uint32_t unit) { return (unit & 0xFC00) == 0xDC00; }

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

#if LODE_UTF8_AVX512

// GCC 12's AVX-512 intrinsics start some results from an undefined
// register value on purpose and then warn about it.
#if !defined(__clang__)
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wmaybe-uninitialized"
#endif

#define LODE_AVX512_TARGET \
  __attribute__((target("avx512f,avx512bw,avx512vl,avx512vbmi,avx512vbmi2,bmi,bmi2,popcnt")))


// The constants of a block, made once per string (see Opaque()).
struct BlockConstants {
  // A form of UTF-8 for every lane (see Form()).
  struct FormOf {
    __m512i offsets, mask, prefix;
  };
  __m512i xFC00, xD800, xDC00, x80, x800, x40;
  FormOf three, two, lead, trail;
};

// GCC rebuilds a vector constant inside the loop at every use (a move and
// a broadcast, both on the port the loop's shuffles need: 3 times slower);
// a value it cannot see through is made once and kept in a register.
LODE_AVX512_TARGET
inline __m512i Opaque(__m512i v) {
  asm("" : "+v"(v));
  return v;
}

LODE_AVX512_TARGET
inline BlockConstants::FormOf MakeForm(uint32_t offsets, uint32_t mask,
                                       uint32_t prefix) {
  // A multishift's offsets count from its 64-bit pair of lanes.
  const uint64_t pair =
      static_cast<uint64_t>(offsets + 0x20202020u) << 32 | offsets;
  return {Opaque(_mm512_set1_epi64(static_cast<int64_t>(pair))),
          Opaque(_mm512_set1_epi32(static_cast<int>(mask))),
          Opaque(_mm512_set1_epi32(static_cast<int>(prefix)))};
}

LODE_AVX512_TARGET
inline BlockConstants MakeBlockConstants() {
  BlockConstants k;
  // In 16-bit lanes: they test the units before they are widened.
  k.xFC00 = Opaque(_mm512_set1_epi16(static_cast<int16_t>(0xFC00)));
  k.xD800 = Opaque(_mm512_set1_epi16(static_cast<int16_t>(0xD800)));
  k.xDC00 = Opaque(_mm512_set1_epi16(static_cast<int16_t>(0xDC00)));
  k.x80 = Opaque(_mm512_set1_epi16(0x80));
  k.x800 = Opaque(_mm512_set1_epi16(0x800));
  k.x40 = Opaque(_mm512_set1_epi32(0x40));
  // Three bytes: 1110xxxx 10xxxxxx 10xxxxxx.
  k.three = MakeForm(0x00060C, 0x3F3F0F, 0x8080E0);
  // Two: 110xxxxx 10xxxxxx.
  k.two = MakeForm(0x0006, 0x3F1F, 0x80C0);
  // A pair's first two (from the high surrogate plus 0x40, whose low 11
  // bits are the code point's bits above its low 12): 11110xxx 10xxxxxx.
  k.lead = MakeForm(0x0208, 0x3F07, 0x80F0);
  // A pair's last two (from the code point's low 12 bits): 10xxxxxx
  // 10xxxxxx.
  k.trail = MakeForm(0x0006, 0x3F3F, 0x8080);
  return k;
}

// A form of UTF-8 for every lane of units, first byte lowest in the lane:
// bit fields picked by a multishift (each byte's bit offset in the lane's
// 64-bit pair), then masked and given their prefix by one ternlog.
LODE_AVX512_TARGET
inline __m512i Form(__m512i units, const BlockConstants::FormOf& form) {
  return _mm512_ternarylogic_epi32(
      _mm512_multishift_epi64_epi8(form.offsets, units), form.mask,
      form.prefix, 0xEA);  // (a & b) | c
}

// 16 units' UTF-8 at d, from their 32-bit lanes c (and before, the unit
// before each) and the 16-bit masks of lanes in use and of each kind of
// unit: every character computed in its own lane, then the lanes' bytes
// packed together by one byte compress.
LODE_AVX512_TARGET
inline void EncodeLanes(const BlockConstants& k, __m512i c, __m512i before,
                        uint32_t lanes, uint32_t ascii, uint32_t below800,
                        uint32_t high, uint32_t low, uint8_t*& d) {
  // Three bytes by default, two below U+0800, one below U+0080.
  __m512i bytes = Form(c, k.three);
  bytes = _mm512_mask_mov_epi32(bytes, static_cast<__mmask16>(below800),
                                Form(c, k.two));
  bytes = _mm512_mask_mov_epi32(bytes, static_cast<__mmask16>(ascii), c);
  // A pair's four bytes, two in each of its lanes. The high surrogate's
  // lane has the code point's bits above its low 12: the unit's 10 bits
  // plus 0x40 (the unit plus 0x40 has them as its low 11 bits). The low
  // one's has the 12 below: two from the unit before it and its own 10.
  // Done for every block: a branch on "any surrogate" mispredicts on
  // emoji-rich text.
  bytes = _mm512_mask_mov_epi32(bytes, static_cast<__mmask16>(high),
                                Form(_mm512_add_epi32(c, k.x40), k.lead));
  const __m512i low12 =
      _mm512_shldi_epi32(before, _mm512_slli_epi32(c, 22), 10);
  bytes = _mm512_mask_mov_epi32(bytes, static_cast<__mmask16>(low),
                                Form(low12, k.trail));
  // Which of each lane's four bytes are its character's: the first of
  // every lane, the second unless ASCII, the third for three-byte ones.
  const uint64_t kept =
      _pdep_u64(lanes, 0x1111111111111111ULL) |
      _pdep_u64(lanes & ~ascii, 0x2222222222222222ULL) |
      _pdep_u64(lanes & ~(below800 | high | low), 0x4444444444444444ULL);
  const unsigned n = static_cast<unsigned>(_mm_popcnt_u64(kept));
  _mm512_mask_storeu_epi8(d, _bzhi_u64(~0ULL, n),
                          _mm512_maskz_compress_epi8(kept, bytes));
  d += n;
}

// The lanes (of `lanes`) of the 32 units in w that hold high and low
// surrogates.
LODE_AVX512_TARGET
inline void FindSurrogates(const BlockConstants& k, __m512i w, uint32_t lanes,
                           uint32_t* high, uint32_t* low) {
  const __m512i top6 = _mm512_and_si512(w, k.xFC00);
  *high = _mm512_cmpeq_epi16_mask(top6, k.xD800) & lanes;
  *low = _mm512_cmpeq_epi16_mask(top6, k.xDC00) & lanes;
}

// count (1 to 32) units from p as UTF-8 at d. A surrogate pair's four bytes
// are split two and two between its lanes, so a pair may straddle two
// blocks: before_unit is the unit before p (0 at the start), next_is_low
// whether the unit after the block is a low surrogate. Returns false,
// writing nothing, when a surrogate in the block is unpaired (the scalar
// loop does those).
LODE_AVX512_TARGET
inline bool EncodeBlock32(const BlockConstants& k, const uint16_t* p,
                          unsigned count, uint32_t before_unit,
                          bool next_is_low, uint8_t*& d) {
  const uint32_t lanes = static_cast<uint32_t>(_bzhi_u64(0xFFFFFFFF, count));
  const __m512i w = _mm512_maskz_loadu_epi16(lanes, p);
  const uint32_t ascii = _mm512_cmplt_epu16_mask(w, k.x80) & lanes;
  if (ascii == lanes) {
    _mm256_mask_storeu_epi8(d, lanes, _mm512_cvtepi16_epi8(w));
    d += count;
    return true;
  }
  uint32_t high;
  uint32_t low;
  FindSurrogates(k, w, lanes, &high, &low);
  // The lanes whose unit before is a high surrogate, and those whose unit
  // after is a low one.
  const uint32_t high_before = high << 1 | IsHighSurrogate(before_unit);
  const uint32_t low_after =
      low >> 1 | static_cast<uint32_t>(next_is_low) << (count - 1);
  if ((high & ~low_after) | (low & ~high_before)) return false;
  const uint32_t below800 = _mm512_cmplt_epu16_mask(w, k.x800) & lanes;

  const __m512i c0 = _mm512_cvtepu16_epi32(_mm512_castsi512_si256(w));
  EncodeLanes(k, c0,
              _mm512_alignr_epi32(
                  c0, _mm512_set1_epi32(static_cast<int>(before_unit)), 15),
              lanes & 0xFFFF, ascii & 0xFFFF, below800 & 0xFFFF,
              high & 0xFFFF, low & 0xFFFF, d);
  if (count > 16) {
    const __m512i c1 =
        _mm512_cvtepu16_epi32(_mm512_extracti64x4_epi64(w, 1));
    EncodeLanes(k, c1, _mm512_alignr_epi32(c1, c0, 15), lanes >> 16,
                ascii >> 16, below800 >> 16, high >> 16, low >> 16, d);
  }
  return true;
}

LODE_AVX512_TARGET
uint8_t* EncodeAvx512(const uint16_t* start, const uint16_t* end,
                      uint8_t* d) {
  const BlockConstants k = MakeBlockConstants();
  const uint16_t* p = start;
  while (p < end) {
    size_t left = static_cast<size_t>(end - p);
    unsigned count = left < 32 ? static_cast<unsigned>(left) : 32;
    uint32_t before_unit = p > start ? p[-1] : 0;
    bool next_is_low = left > count && IsLowSurrogate(p[count]);
    if (EncodeBlock32(k, p, count, before_unit, next_is_low, d)) {
      p += count;
      continue;
    }
    // An unpaired surrogate in the block: the scalar loop. A pair whose
    // first two bytes went out with the block before is finished first
    // (no other block ends on a high surrogate followed by a low one).
    if (IsHighSurrogate(before_unit) && IsLowSurrogate(p[0])) {
      d[0] = static_cast<uint8_t>(0x80 | (before_unit & 3) << 4 |
                                  ((p[0] >> 6) & 0xF));
      d[1] = static_cast<uint8_t>(0x80 | (p[0] & 0x3F));
      d += 2;
      p++;
      count--;
    }
    // And the scalar loop's part never ends between the halves of a pair.
    const uint16_t* stop = p + count;
    if (stop < end && IsHighSurrogate(stop[-1]) && IsLowSurrogate(stop[0])) {
      stop++;
    }
    // The scalar loop is SSE code: upper halves left dirty by the vector
    // code would make Intel CPUs pay a state transition in it.
    _mm256_zeroupper();
    d = EncodeScalar(p, stop, d);
    p = stop;
  }
  return d;
}

// Utf16Utf8Length() 32 units a step: every unit's byte count is 1, plus 1
// from U+0080, plus 1 from U+0800 (a lone surrogate's U+FFFD takes 3 as
// the unit would), less 2 for each surrogate pair (4 bytes, not 3 + 3).
LODE_AVX512_TARGET
size_t CountAvx512(const uint16_t* p, size_t length) {
  const BlockConstants k = MakeBlockConstants();
  size_t bytes = length;
  uint32_t high_before = 0;  // the unit before the block is a high one
  for (size_t done = 0; done < length; done += 32) {
    size_t left = length - done;
    const uint32_t lanes = static_cast<uint32_t>(
        _bzhi_u64(0xFFFFFFFF, static_cast<unsigned>(left < 32 ? left : 32)));
    const __m512i w = _mm512_maskz_loadu_epi16(lanes, p + done);
    uint32_t high;
    uint32_t low;
    FindSurrogates(k, w, lanes, &high, &low);
    const uint32_t pairs = (high << 1 | high_before) & low;
    bytes += _mm_popcnt_u32(_mm512_cmpge_epu16_mask(w, k.x80) & lanes) +
             _mm_popcnt_u32(_mm512_cmpge_epu16_mask(w, k.x800) & lanes) -
             2 * static_cast<size_t>(_mm_popcnt_u32(pairs));
    high_before = high >> 31;
  }
  return bytes;
}

#if !defined(__clang__)
#pragma GCC diagnostic pop
#endif

bool HasAvx512Vbmi2() {
  static const bool has = __builtin_cpu_supports("avx512f") &&
                          __builtin_cpu_supports("avx512bw") &&
                          __builtin_cpu_supports("avx512vl") &&
                          __builtin_cpu_supports("avx512vbmi") &&
                          __builtin_cpu_supports("avx512vbmi2") &&
                          __builtin_cpu_supports("bmi") &&
                          __builtin_cpu_supports("bmi2") &&
                          __builtin_cpu_supports("popcnt");
  return has;
}

#endif  // LODE_UTF8_AVX512

}  // namespace

size_t Utf16ToUtf8Scalar(const uint16_t* units, size_t length, uint8_t* dst) {
  return static_cast<size_t>(EncodeScalar(units, units + length, dst) - dst);
}

bool Utf16ToUtf8HasVectorPath() {
#if LODE_UTF8_AVX512
  return HasAvx512Vbmi2();
#else
  return false;
#endif
}

size_t Utf16Utf8LengthScalar(const uint16_t* units, size_t length) {
  size_t bytes = length;
  bool high_before = false;
  for (size_t i = 0; i < length; i++) {
    uint32_t c = units[i];
    bytes += (c >= 0x80) + (c >= 0x800);
    if (IsLowSurrogate(c) && high_before) bytes -= 2;
    high_before = IsHighSurrogate(c);
  }
  return bytes;
}

size_t Utf16Utf8Length(const uint16_t* units, size_t length) {
#if LODE_UTF8_AVX512
  if (length >= 16 && HasAvx512Vbmi2()) return CountAvx512(units, length);
#endif
  return Utf16Utf8LengthScalar(units, length);
}

size_t Utf16ToUtf8(const uint16_t* units, size_t length, uint8_t* dst) {
#if LODE_UTF8_AVX512
  if (length >= 16 && HasAvx512Vbmi2()) {
    return static_cast<size_t>(EncodeAvx512(units, units + length, dst) -
                               dst);
  }
#endif
  return Utf16ToUtf8Scalar(units, length, dst);
}

}  // namespace lode
