// See lode_http_parser_strict.h. The errors, reasons and positions below are
// llhttp 9.3's as Node 24 reports them (bytesParsed is `at` plus 1 where
// 9.3 takes the offending byte before failing).
#include "lode_http_parser_strict.h"

#include <strings.h>

#include <cstring>

namespace lode::http_parser {

namespace {

// Parts of a start line.
enum : uint8_t {
  kReqMethod,
  kReqSpacesBeforeUrl,
  kReqUrl,
  kReqUrlEnd,  // the byte after the URL's space
  kReqSpacesAfterUrl,
  kReqProtocol,
  kResProtocol,
  kResStatus,
  kResReason,
};

// Parts of a header line.
enum : uint8_t {
  kHeaderLine,
  kHeaderLineSpaceSkipped,  // lenient: one space before the first header
  kHeaderLineAfterHttp09,   // the line after an HTTP/0.9 request line
};

// Parts of a URL. 9.3 refuses bytes >= 0x80 in the path, query and
// fragment, where 8.1 takes them; elsewhere both refuse them.
enum : uint8_t {
  kUrlPath,
  kUrlQuery,
  kUrlFragment,
  kUrlSchema,
  kUrlSlash1,
  kUrlSlash2,
  kUrlServer,
  kUrlOther,  // CONNECT's authority, or something llhttp refuses anyway
};

// Parts of a chunk-size line.
enum : uint8_t {
  kChunkDigits,
  kChunkSpaces,  // blanks after the size (lenient only)
  kChunkExtStart,
  kChunkExtName,
  kChunkExtValue,
  kChunkExtQuoted,
  kChunkExtQuotedPair,
  kChunkExtQuotedDone,
};

// What a message may start with that 8.1 does not know, and what it is fed
// instead.
enum : uint8_t { kSubstQuery, kSubstRtsp, kSubstIce };

constexpr char kQuery[] = "QUERY";
constexpr char kPatch[] = "PATCH";
constexpr char kRtsp[] = "RTSP";
constexpr char kIce[] = "ICE";
constexpr char kHttp[] = "HTTP";
constexpr char kConnect[] = "CONNECT";
constexpr char kCR[] = "\r";
constexpr char kLF[] = "\n";
constexpr char kCRLF[] = "\r\n";
constexpr char kSemicolon[] = ";";
// An extension name (and the CR) for the empty one 9.3 takes when lenient.
constexpr char kStandInName[] = "x\r";
// Stands for the two bytes of a quoted pair: any byte of a quoted string.
constexpr char kQuotedStandIn[] = "!";

unsigned char Byte(const char* p) { return static_cast<unsigned char>(*p); }

// A byte both versions take in a URL's path, query and fragment, but for
// '?' and '#', which move from one to the next.
inline bool IsPlainUrlByte(unsigned char c) {
  return c >= 0x21 && c <= 0x7e && c != '?' && c != '#';
}

// Eight bytes at a time: a word with a high bit set in (at least) the
// first byte equal to `a` or `b`, and maybe in later ones.
constexpr uint64_t kOnes = 0x0101010101010101ULL;
constexpr uint64_t kHighs = 0x8080808080808080ULL;

inline uint64_t Load8(const char* p) {
  uint64_t word;
  memcpy(&word, p, sizeof(word));
  return word;
}

inline uint64_t MatchEither(uint64_t word, char a, char b) {
  const uint64_t x = word ^ (kOnes * static_cast<uint8_t>(a));
  const uint64_t y = word ^ (kOnes * static_cast<uint8_t>(b));
  return (((x - kOnes) & ~x) | ((y - kOnes) & ~y)) & kHighs;
}

// The offset of the byte the lowest high bit of `match` stands for.
inline size_t FirstMatch(uint64_t match) {
  static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__);
  return static_cast<size_t>(__builtin_ctzll(match)) / 8;
}

// The first CR or LF in [p, end), or end.
inline __attribute__((always_inline)) const char* SkipToLineEnd(
    const char* p, const char* end) {
  while (end - p >= 8) {
    if (uint64_t match = MatchEither(Load8(p), '\r', '\n')) {
      return p + FirstMatch(match);
    }
    p += 8;
  }
  while (p < end && *p != '\r' && *p != '\n') p++;
  return p;
}

// The first of ' ', ':', CR and LF in [p, end), or end.
inline __attribute__((always_inline)) const char* SkipName(const char* p,
                                                         const char* end) {
  while (end - p >= 8) {
    const uint64_t word = Load8(p);
    if (uint64_t match =
            MatchEither(word, ' ', ':') | MatchEither(word, '\r', '\n')) {
      return p + FirstMatch(match);
    }
    p += 8;
  }
  while (p < end && *p != ' ' && *p != ':' && *p != '\r' && *p != '\n') p++;
  return p;
}

bool IsDigit(unsigned char c) { return c >= '0' && c <= '9'; }

bool IsHex(unsigned char c) {
  return IsDigit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

bool IsAlpha(unsigned char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

// RFC 9110 tchar.
bool IsToken(unsigned char c) {
  if (IsDigit(c) || IsAlpha(c)) return true;
  switch (c) {
    case '!': case '#': case '$': case '%': case '&': case '\'': case '*':
    case '+': case '-': case '.': case '^': case '_': case '`': case '|':
    case '~':
      return true;
    default:
      return false;
  }
}

// The headers llhttp reads the values of; when lenient about headers it
// takes blanks between their names and the colon.
bool IsSpecialHeader(const char* name, size_t length) {
  static const char* const kNames[] = {"connection", "content-length",
                                       "proxy-connection", "transfer-encoding",
                                       "upgrade"};
  for (const char* special : kNames) {
    if (strlen(special) == length && strncasecmp(special, name, length) == 0) {
      return true;
    }
  }
  return false;
}

}  // namespace

void StrictScanner::Reset(uint8_t type, uint32_t lenient) {
  enabled_ = type == HTTP_REQUEST || type == HTTP_RESPONSE;
  type_ = type;
  lenient_ = lenient;
  phase_ = Phase::kStart;
  query_ = false;
  cr_ = false;
}

void StrictScanner::BeginHead(Line line) {
  phase_ = Phase::kHead;
  line_ = line;
  part_ = line == Line::kRequest    ? kReqMethod
          : line == Line::kResponse ? kResProtocol
                                    : 0;
  connect_index_ = 0;
  connect_ = false;
  digits_ = 0;
  trailers_ = false;
  cr_ = false;
  line_empty_ = true;
  in_value_ = false;
  value_seen_ = false;
  name_length_ = 0;
  name_gap_ = false;
  prev_header_ = false;
  prev_value_seen_ = false;
}

// The line before ended (not the blank line): a header line follows.
void StrictScanner::NextLine() {
  prev_header_ = line_ == Line::kHeader;
  prev_value_seen_ = value_seen_;
  line_ = Line::kHeader;
  part_ = 0;
  cr_ = false;
  line_empty_ = true;
  in_value_ = false;
  value_seen_ = false;
  name_length_ = 0;
  name_gap_ = false;
}

bool StrictScanner::LFAsCR(const char* p, Step* step) {
  cr_ = true;
  return Subst(p, 1, kCR, 1, step);
}

bool StrictScanner::Fail(const char* at, uint8_t offset, llhttp_errno_t error,
                         const char* reason, Step* step) {
  step->kind = Step::kFail;
  step->at = at;
  step->error_offset = offset;
  step->error = error;
  step->reason = reason;
  enabled_ = false;
  return true;
}

bool StrictScanner::Sync(const char* at, Phase next, Step* step) {
  phase_ = next;
  step->at = at;
  step->sync = true;
  return true;
}

// llhttp refuses the byte at `at` by itself (8.1 and 9.3 alike): feed up to
// it and make sure it did.
bool StrictScanner::ExpectError(const char* at, Step* step) {
  return Sync(at + 1, Phase::kExpectError, step);
}

bool StrictScanner::Subst(const char* at, uint8_t skip, const char* bytes,
                          uint8_t length, Step* step) {
  step->kind = Step::kSubst;
  step->at = at;
  step->skip = skip;
  step->subst = bytes;
  step->subst_length = length;
  return true;
}

StrictScanner::Step StrictScanner::Scan(const char* p, const char* end,
                                        const llhttp_t& parser) {
  Step step;
  while (enabled_ && p < end) {
    switch (phase_) {
      case Phase::kStart:
        // Both versions skip empty lines before a message.
        while (p < end && (*p == '\r' || *p == '\n')) p++;
        if (p == end) break;
        if (type_ == HTTP_REQUEST && *p == 'Q') {
          phase_ = Phase::kSubst;
          subst_kind_ = kSubstQuery;
          subst_index_ = 0;
        } else if (type_ == HTTP_RESPONSE && (*p == 'R' || *p == 'I')) {
          phase_ = Phase::kSubst;
          subst_kind_ = *p == 'R' ? kSubstRtsp : kSubstIce;
          subst_index_ = 0;
        } else {
          BeginHead(type_ == HTTP_REQUEST ? Line::kRequest : Line::kResponse);
        }
        break;
      case Phase::kSubst:
        ScanSubst(p, &step);
        return step;
      case Phase::kHead:
        if (ScanHead(p, end, &step)) return step;
        break;
      case Phase::kChunkData: {
        // Its size is the scanner's own reading of the chunk-size line,
        // as llhttp's.
        size_t avail = static_cast<size_t>(end - p);
        if (chunk_left_ > avail) {
          chunk_left_ -= avail;
          p = end;
        } else {
          p += chunk_left_;
          chunk_left_ = 0;
          phase_ = Phase::kChunkEnd;
          chunk_part_ = 0;
        }
        break;
      }
      case Phase::kBody: {
        uint64_t left = parser.content_length;
        if (left == 0) {
          enabled_ = false;
          break;
        }
        size_t avail = static_cast<size_t>(end - p);
        size_t n = left < avail ? static_cast<size_t>(left) : avail;
        Sync(p + n, phase_, &step);
        return step;
      }
      case Phase::kChunkSize:
        if (ScanChunkSize(p, end, &step)) return step;
        break;
      case Phase::kChunkEnd:
        if (ScanChunkEnd(p, end, &step)) return step;
        break;
      case Phase::kClosed:
        while (p < end && (*p == '\r' || *p == '\n')) p++;
        if (p == end) break;
        // 8.1 drops whatever follows; 9.3 does so only when lenient.
        if (Lenient(kLenientDataAfterClose)) {
          p = end;
          break;
        }
        Fail(p, 1, HPE_CLOSED_CONNECTION, "Data after `Connection: close`",
             &step);
        return step;
      case Phase::kEofBody:
        p = end;
        break;
      default:
        // Still waiting for llhttp's word on the bytes fed last.
        enabled_ = false;
        break;
    }
  }
  step.at = end;
  return step;
}

bool StrictScanner::ScanSubst(const char* p, Step* step) {
  const uint8_t i = subst_index_;
  switch (subst_kind_) {
    case kSubstQuery:
      if (*p != kQuery[i]) {
        return Fail(p, 0, HPE_INVALID_METHOD, "Invalid method encountered",
                    step);
      }
      if (++subst_index_ == sizeof(kQuery) - 1) {
        query_ = true;
        BeginHead(Line::kRequest);
        line_empty_ = false;
      }
      return Subst(p, 1, &kPatch[i], 1, step);
    case kSubstRtsp:
      if (*p != kRtsp[i]) break;
      if (++subst_index_ == sizeof(kRtsp) - 1) {
        BeginHead(Line::kResponse);
        line_empty_ = false;
      }
      return Subst(p, 1, &kHttp[i], 1, step);
    default:
      if (*p != kIce[i]) break;
      if (++subst_index_ == sizeof(kIce) - 1) {
        BeginHead(Line::kResponse);
        line_empty_ = false;
      }
      // I, C, E -> H, T, TP.
      return Subst(p, 1, &kHttp[i], i == 2 ? 2 : 1, step);
  }
  return Fail(p, 0, HPE_INVALID_CONSTANT, "Expected HTTP/, RTSP/ or ICE/",
              step);
}

// Whole lines of the common forms from p, each ending in CRLF: a request
// line "METHOD /url HTTP/d.d", a status line "HTTP/d.d ddd reason", headers
// "Name: value". Returns where the first other line starts (the blank line,
// one of another form, or one not all in [p, end)): ScanHead() reads that
// one byte by byte. These lines mean the same to 8.1 and 9.3, which check
// the rest (method, version, name and value bytes) alike.
const char* StrictScanner::FastLines(const char* p, const char* end) {
  if (line_ != Line::kHeader) {
    const char* q = FastStartLine(p, end);
    if (q == nullptr) return p;
    NextLine();
    p = q;
  }
  if (part_ != kHeaderLine) return p;
  // A line that starts with a blank continues the one before (obs-fold).
  while (p < end && *p != '\t') {
    // Name bytes other than these are refused by 8.1 as by 9.3.
    const char* q = SkipName(p, end);
    if (q == p || q == end || *q != ':') return p;
    q++;
    while (q < end && (*q == ' ' || *q == '\t')) q++;
    const bool value = q < end && *q != '\r' && *q != '\n';
    if (value) q = SkipToLineEnd(q, end);
    if (end - q < 2 || q[0] != '\r' || q[1] != '\n') return p;
    prev_header_ = true;
    prev_value_seen_ = value;
    p = q + 2;
  }
  return p;
}

// The request or status line at p, as FastLines() takes it: where the next
// line starts, or nullptr.
const char* StrictScanner::FastStartLine(const char* p, const char* end) {
  const char* q = p;
  switch (line_) {
    case Line::kHeader:
      return nullptr;
    case Line::kRequest: {
      while (q < end && *q >= 'A' && *q <= 'Z') q++;
      if (q == p || q == end || *q != ' ' ||
          (q - p == sizeof(kConnect) - 1 &&
           memcmp(p, kConnect, sizeof(kConnect) - 1) == 0)) {
        return nullptr;
      }
      const char* url = ++q;
      while (q < end && Byte(q) >= 0x21 && Byte(q) <= 0x7e) q++;
      if (q == url || q == end || *q != ' ') return nullptr;
      q++;
      if (end - q < 10 || memcmp(q, "HTTP/", 5) != 0 || !IsDigit(q[5]) ||
          q[6] != '.' || !IsDigit(q[7]) || q[8] != '\r' || q[9] != '\n') {
        return nullptr;
      }
      q += 10;
      break;
    }
    case Line::kResponse: {
      if (end - q < 13 || memcmp(q, "HTTP/", 5) != 0 || !IsDigit(q[5]) ||
          q[6] != '.' || !IsDigit(q[7]) || q[8] != ' ' || !IsDigit(q[9]) ||
          !IsDigit(q[10]) || !IsDigit(q[11])) {
        return nullptr;
      }
      q += 12;
      if (*q == ' ') q = SkipToLineEnd(q + 1, end);
      if (end - q < 2 || q[0] != '\r' || q[1] != '\n') return nullptr;
      q += 2;
      break;
    }
  }
  return q;
}

bool StrictScanner::ScanHead(const char*& p, const char* end, Step* step) {
  while (p < end) {
    if (line_empty_ && !cr_) {
      p = FastLines(p, end);
      if (p == end) break;
    }
    if (cr_) {
      cr_ = false;
      if (*p == '\n') {
        if (LineEnd(p, step)) return true;
      } else if (LoneCR(p, step)) {
        return true;
      }
      p++;
      continue;
    }
    // Runs of bytes with nothing to check, up to the next that may matter.
    if (line_ == Line::kHeader) {
      if (line_empty_) {
        // The first byte of a line: see below.
      } else if (in_value_) {
        if (!value_seen_) {
          while (p < end && (*p == ' ' || *p == '\t')) p++;
          if (p == end) break;
          value_seen_ = *p != '\r' && *p != '\n';
        }
        if (value_seen_) {
          p = SkipToLineEnd(p, end);
          if (p == end) break;
        }
      } else if (!name_gap_) {
        const char* start = p;
        p = SkipName(p, end);
        AddName(start, p);
        if (p == end) break;
        if (*p == ':') {
          in_value_ = true;
          p++;
          continue;
        }
      }
    } else if (line_ == Line::kResponse && part_ == kResReason) {
      p = SkipToLineEnd(p, end);
      if (p == end) break;
    } else if (line_ == Line::kRequest && part_ == kReqUrl &&
               url_part_ <= kUrlFragment) {
      while (p < end && IsPlainUrlByte(Byte(p))) p++;
      if (p == end) break;
    }
    const unsigned char c = static_cast<unsigned char>(*p);
    if (c == '\r') {
      if (line_ == Line::kResponse && part_ == kResStatus && digits_ < 3) {
        return Fail(p, 0, HPE_INVALID_STATUS, "Invalid status code", step);
      }
      cr_ = true;
    } else if (c == '\n') {
      if (BareLF(p, step)) return true;
    } else if (HeadByte(p, step)) {
      return true;
    }
    p++;
  }
  return false;
}

// The byte at `lf` ends the current line.
bool StrictScanner::LineEnd(const char* lf, Step* step) {
  if (line_ == Line::kHeader && line_empty_) {
    return Sync(lf + 1, trailers_ ? Phase::kAwaitMessage : Phase::kAwaitHeaders,
                step);
  }
  const bool http09 =
      line_ == Line::kRequest &&
      (part_ == kReqUrl || (part_ == kReqSpacesBeforeUrl && connect_));
  NextLine();
  if (http09) part_ = kHeaderLineAfterHttp09;
  return false;
}

// A CR came before `p`, which is not a LF.
bool StrictScanner::LoneCR(const char* p, Step* step) {
  const bool lenient_lf = Lenient(kLenientOptionalLFAfterCR);
  switch (line_) {
    case Line::kHeader:
      if (line_empty_) {
        if (!lenient_lf) {
          return Fail(p, 0, HPE_STRICT, "Expected LF after headers", step);
        }
        // 8.1 would take the byte as the LF: give it one.
        Subst(p, 0, kLF, 1, step);
        return Sync(p, trailers_ ? Phase::kAwaitMessage : Phase::kAwaitHeaders,
                    step);
      }
      if (in_value_ && !value_seen_) {
        if (!Lenient(kLenientHeaders)) {
          return Fail(p, 0, HPE_STRICT, "Expected LF after CR", step);
        }
        NextLine();
        return Subst(p, 0, kLF, 1, step);
      }
      return ExpectError(p, step);
    case Line::kRequest:
      if (part_ != kReqProtocol) return ExpectError(p, step);
      if (!lenient_lf) {
        return Fail(p, 0, HPE_STRICT, "Expected CRLF after version", step);
      }
      NextLine();
      return Subst(p, 0, kLF, 1, step);
    case Line::kResponse:
      if (part_ == kResProtocol) return ExpectError(p, step);
      // 9.3 ends a status line at CR CR as well; 8.1 takes any byte.
      if (*p == '\r') {
        NextLine();
        return false;
      }
      if (!lenient_lf) {
        return Fail(p, 0, HPE_STRICT, "Expected LF after CR", step);
      }
      NextLine();
      return Subst(p, 0, kLF, 1, step);
  }
  return false;
}

// A LF that no CR came before.
bool StrictScanner::BareLF(const char* p, Step* step) {
  const bool lenient_cr = Lenient(kLenientOptionalCRBeforeLF);
  switch (line_) {
    case Line::kHeader:
      if (line_empty_) {
        if (lenient_cr) return LineEnd(p, step);
        return Fail(p, 1, HPE_INVALID_HEADER_TOKEN, "Invalid header field char",
                    step);
      }
      if (!in_value_) return ExpectError(p, step);
      if (lenient_cr) {
        // 8.1 wants the CR unless lenient about headers.
        cr_ = true;
        return Subst(p, 0, kCR, 1, step);
      }
      if (!value_seen_) {
        // Both refuse it, 8.1 not when lenient about headers.
        if (!Lenient(kLenientHeaders)) return ExpectError(p, step);
        return Fail(p, 1, HPE_INVALID_HEADER_TOKEN,
                    "Invalid header value char", step);
      }
      return Fail(p, 0, HPE_CR_EXPECTED,
                  "Missing expected CR after header value", step);
    case Line::kRequest:
      // After the URL (which CONNECT's may end right away): HTTP/0.9, which
      // both take.
      if (part_ == kReqUrl || (part_ == kReqSpacesBeforeUrl && connect_)) {
        return LineEnd(p, step);
      }
      // An unfinished version: llhttp refuses the LF itself.
      if (part_ != kReqProtocol || !IsDigit(version_tail_ & 0xff) ||
          ((version_tail_ >> 8) & 0xff) != '.' ||
          !IsDigit((version_tail_ >> 16) & 0xff)) {
        return ExpectError(p, step);
      }
      // When lenient, 9.3 takes this LF for the CR (a second LF ends the
      // line).
      if (lenient_cr) return LFAsCR(p, step);
      return Fail(p, 1, HPE_INVALID_VERSION, "Expected CRLF after version",
                  step);
    case Line::kResponse:
      if (part_ == kResStatus) {
        if (digits_ < 3) {
          return Fail(p, 0, HPE_INVALID_STATUS, "Invalid status code", step);
        }
        if (lenient_cr) return LineEnd(p, step);
        return Fail(p, 1, HPE_INVALID_STATUS, "Invalid response status",
                    step);
      }
      if (part_ != kResReason) return ExpectError(p, step);
      if (lenient_cr) return LineEnd(p, step);
      return Fail(p, 1, HPE_CR_EXPECTED,
                  "Missing expected CR after response line", step);
  }
  return false;
}

// Any byte of the head but CR and LF.
bool StrictScanner::HeadByte(const char* p, Step* step) {
  const unsigned char c = static_cast<unsigned char>(*p);
  if (line_ == Line::kHeader) {
    if (line_empty_) {
      // 9.3 reads this byte still as part of the URL.
      if (part_ == kHeaderLineAfterHttp09 && (c == '\t' || c == '\f')) {
        return Fail(p, 1, HPE_INVALID_URL, "Invalid characters in url", step);
      }
      if (c == ' ' || c == '\t') {
        if (prev_header_) {
          // obs-fold.
          if (Lenient(kLenientHeaders)) {
            line_empty_ = false;
            in_value_ = true;
            value_seen_ = prev_value_seen_;
            return false;
          }
          if (prev_value_seen_) {
            return Fail(p, 0, HPE_INVALID_HEADER_TOKEN,
                        "Unexpected whitespace after header value", step);
          }
          return Fail(p, 1, HPE_INVALID_HEADER_TOKEN,
                      "Invalid header value char", step);
        }
        if (!trailers_) {
          // Right after the start line llhttp refuses it itself, or skips
          // one space when lenient.
          if (c == ' ' && part_ != kHeaderLineSpaceSkipped &&
              Lenient(kLenientHeaders)) {
            part_ = kHeaderLineSpaceSkipped;
            return false;
          }
          return ExpectError(p, step);
        }
        return Fail(p, 0, HPE_INVALID_HEADER_TOKEN, "Invalid header token",
                    step);
      }
      line_empty_ = false;
      if (c == ':') {
        return Fail(p, 0, HPE_INVALID_HEADER_TOKEN, "Invalid header token",
                    step);
      }
    }
    if (in_value_) {
      if (c != ' ' && c != '\t') value_seen_ = true;
    } else if (c == ':') {
      in_value_ = true;
    } else {
      return NameByte(p, step);
    }
    return false;
  }

  line_empty_ = false;
  switch (part_) {
    case kReqMethod:
      if (c == ' ') {
        part_ = kReqSpacesBeforeUrl;
        connect_ = connect_index_ == sizeof(kConnect) - 1;
      } else if (connect_index_ < sizeof(kConnect) - 1 &&
                 c == static_cast<unsigned char>(kConnect[connect_index_])) {
        connect_index_++;
      } else {
        connect_index_ = sizeof(kConnect);
      }
      return false;
    case kReqSpacesBeforeUrl:
      if (c == ' ') return false;
      part_ = kReqUrl;
      if (c == '/' || c == '*') {
        url_part_ = kUrlPath;
        return false;
      }
      if (IsAlpha(c)) {
        url_part_ = kUrlSchema;
        return false;
      }
      url_part_ = kUrlOther;
      break;
    case kReqUrl:
      break;
    case kReqUrlEnd:
      // 9.3 reads this byte still as part of the URL.
      if (c == '\t' || c == '\f') {
        return Fail(p, 1, HPE_INVALID_URL, "Invalid characters in url", step);
      }
      part_ = kReqSpacesAfterUrl;
      [[fallthrough]];
    case kReqSpacesAfterUrl:
      if (c == ' ') return false;
      part_ = kReqProtocol;
      version_tail_ = 0;
      [[fallthrough]];
    case kReqProtocol:
      // The last three bytes, to tell a complete version.
      version_tail_ = ((version_tail_ << 8) | c) & 0xffffff;
      return false;
    case kResProtocol:
      if (c == ' ') part_ = kResStatus;
      return false;
    case kResStatus:
      if (IsDigit(c)) {
        if (digits_ == 3) {
          return Fail(p, 0, HPE_INVALID_STATUS, "Invalid response status",
                      step);
        }
        digits_++;
        return false;
      }
      if (digits_ < 3) {
        return Fail(p, 0, HPE_INVALID_STATUS, "Invalid status code", step);
      }
      if (c != ' ') {
        return Fail(p, 0, HPE_INVALID_STATUS, "Invalid response status",
                    step);
      }
      part_ = kResReason;
      return false;
    default:
      return false;
  }

  // A URL byte.
  if (c == ' ') {
    part_ = kReqUrlEnd;
    return false;
  }
  if (c == '\t' || c == '\f') {
    return Fail(p, 1, HPE_INVALID_URL, "Invalid characters in url", step);
  }
  switch (url_part_) {
    case kUrlPath:
      if (c == '?') {
        url_part_ = kUrlQuery;
      } else if (c == '#') {
        url_part_ = kUrlFragment;
      } else if (c >= 0x80) {
        return Fail(p, 0, HPE_INVALID_URL, "Invalid char in url path", step);
      }
      break;
    case kUrlQuery:
      if (c == '#') {
        url_part_ = kUrlFragment;
      } else if (c >= 0x80) {
        return Fail(p, 0, HPE_INVALID_URL, "Invalid char in url query", step);
      }
      break;
    case kUrlFragment:
      if (c >= 0x80) {
        return Fail(p, 0, HPE_INVALID_URL,
                    "Invalid char in url fragment start", step);
      }
      break;
    case kUrlSchema:
      if (c == ':') {
        url_part_ = kUrlSlash1;
      } else if (!IsAlpha(c)) {
        url_part_ = kUrlOther;
      }
      break;
    case kUrlSlash1:
      url_part_ = c == '/' ? kUrlSlash2 : kUrlOther;
      break;
    case kUrlSlash2:
      url_part_ = c == '/' ? kUrlServer : kUrlOther;
      break;
    case kUrlServer:
      if (c == '/') {
        url_part_ = kUrlPath;
      } else if (c == '?') {
        url_part_ = kUrlQuery;
      }
      break;
    default:
      break;
  }
  return false;
}

// A header name byte other than the colon. 9.3 refuses blanks in names;
// after the name of a header it reads the value of, it takes them when
// lenient, with another error otherwise.
bool StrictScanner::NameByte(const char* p, Step* step) {
  const unsigned char c = static_cast<unsigned char>(*p);
  if (c == ' ') {
    if (!IsSpecialHeader(name_, name_length_)) {
      return Fail(p, 0, HPE_INVALID_HEADER_TOKEN, "Invalid header token",
                  step);
    }
    if (!Lenient(kLenientHeaders)) {
      return Fail(p, 1, HPE_INVALID_HEADER_TOKEN, "Invalid header field char",
                  step);
    }
    name_gap_ = true;
  } else if (name_gap_) {
    // Not a special header's name: a leading blank never matches one.
    name_gap_ = false;
    name_[0] = ' ';
    name_length_ = 1;
  } else {
    AddName(p, p + 1);
  }
  return false;
}

void StrictScanner::AddName(const char* from, const char* to) {
  const size_t n = static_cast<size_t>(to - from);
  if (name_length_ + n > sizeof(name_)) {
    // Longer than any special header's name: a leading blank never matches.
    name_[0] = ' ';
    name_length_ = 1;
  } else {
    memcpy(name_ + name_length_, from, n);
    name_length_ += static_cast<uint8_t>(n);
  }
}

bool StrictScanner::ScanChunkSize(const char*& p, const char* end,
                                  Step* step) {
  // A LF without CR ends the line when lenient, and 8.1 then wants the CR.
  auto bare_lf = [&](const char* reason) {
    if (Lenient(kLenientOptionalCRBeforeLF)) {
      cr_ = true;
      return Subst(p, 0, kCR, 1, step);
    }
    return Fail(p, 0, HPE_CR_EXPECTED, reason, step);
  };
  for (; p < end; p++) {
    const unsigned char c = static_cast<unsigned char>(*p);
    if (cr_) {
      cr_ = false;
      if (c == '\n') {
        ChunkLineEnd();
        p++;
        return false;
      }
      if (!Lenient(kLenientOptionalLFAfterCR)) {
        return Fail(p, 0, HPE_STRICT, "Expected LF after chunk size", step);
      }
      // 8.1 would take the byte as the LF: give it one.
      ChunkLineEnd();
      return Subst(p, 0, kLF, 1, step);
    }
    switch (chunk_part_) {
      case kChunkDigits:
        if (IsHex(c)) {
          // Past 64 bits llhttp fails on this digit.
          if (chunk_size_ >> 60) return ExpectError(p, step);
          chunk_size_ = (chunk_size_ << 4) |
                        (IsDigit(c) ? c - '0' : (c | 0x20) - 'a' + 10);
          chunk_digits_ = true;
          continue;
        }
        if (!chunk_digits_) return ExpectError(p, step);
        if (c == ' ' || c == '\t') {
          if (!Lenient(kLenientSpacesAfterChunkSize)) {
            return Fail(p, 1, HPE_INVALID_CHUNK_SIZE,
                        "Invalid character in chunk size", step);
          }
          chunk_part_ = kChunkSpaces;
          return Subst(p, 1, nullptr, 0, step);
        }
        [[fallthrough]];
      case kChunkSpaces:
        if (c == ' ' || c == '\t') return Subst(p, 1, nullptr, 0, step);
        if (c == ';') {
          chunk_part_ = kChunkExtStart;
        } else if (c == '\r') {
          cr_ = true;
        } else if (c == '\n') {
          // When lenient, 9.3 takes this LF for the CR.
          if (Lenient(kLenientOptionalCRBeforeLF)) return LFAsCR(p, step);
          return Fail(p, 1, HPE_CR_EXPECTED,
                      "Missing expected CR after chunk size", step);
        } else if (chunk_part_ == kChunkSpaces) {
          return Fail(p, 0, HPE_INVALID_CHUNK_SIZE,
                      "Invalid character in chunk size", step);
        } else {
          return ExpectError(p, step);
        }
        continue;
      case kChunkExtStart:
        if (c == ' ' || c == '\r') return ExpectError(p, step);
        if (c == '\n') {
          if (!Lenient(kLenientOptionalCRBeforeLF)) {
            return Fail(p, 0, HPE_CR_EXPECTED,
                        "Missing expected CR after chunk extension name", step);
          }
          // 9.3 takes an empty name here, 8.1 does not: give it one.
          cr_ = true;
          return Subst(p, 0, kStandInName, 2, step);
        }
        chunk_part_ = kChunkExtName;
        [[fallthrough]];
      case kChunkExtName:
        if (c == '=') {
          chunk_part_ = kChunkExtValue;
        } else if (c == ';') {
          chunk_part_ = kChunkExtStart;
        } else if (c == '\r') {
          cr_ = true;
        } else if (c == '\n') {
          return bare_lf("Missing expected CR after chunk extension name");
        } else if (!IsToken(c)) {
          return ExpectError(p, step);
        }
        continue;
      case kChunkExtValue:
        if (c == '"') {
          chunk_part_ = kChunkExtQuoted;
        } else if (c == ';') {
          // 8.1 takes the ';' after a value as the end of the extensions
          // and wants another before the next name.
          chunk_part_ = kChunkExtStart;
          return Subst(p + 1, 0, kSemicolon, 1, step);
        } else if (c == '\r') {
          cr_ = true;
        } else if (c == '\n') {
          return bare_lf("Missing expected CR after chunk extension value");
        } else if (!IsToken(c)) {
          return ExpectError(p, step);
        }
        continue;
      case kChunkExtQuoted:
        if (c == '"') {
          chunk_part_ = kChunkExtQuotedDone;
        } else if (c == '\\') {
          // 8.1 has no quoted pairs: both bytes go in as a plain one.
          chunk_part_ = kChunkExtQuotedPair;
          return Subst(p, 1, kQuotedStandIn, 1, step);
        } else if (c < 0x20 && c != '\t') {
          return ExpectError(p, step);
        }
        continue;
      case kChunkExtQuotedPair:
        if (c == '\t' || (c >= 0x20 && c != 0x7f)) {
          chunk_part_ = kChunkExtQuoted;
          return Subst(p, 1, kQuotedStandIn, 1, step);
        }
        return Fail(p, 1, HPE_STRICT,
                    "Invalid quoted-pair in chunk extensions quoted value",
                    step);
      default:  // kChunkExtQuotedDone
        if (c == ';') {
          chunk_part_ = kChunkExtStart;
        } else if (c == '\r') {
          cr_ = true;
        } else if (c == '\n') {
          return bare_lf("Missing expected CR after chunk extension value");
        } else {
          return ExpectError(p, step);
        }
        continue;
    }
  }
  return false;
}

// The CRLF after a chunk's data. 8.1 skips any two bytes there.
bool StrictScanner::ScanChunkEnd(const char*& p, const char* end, Step* step) {
  const bool lenient = Lenient(kLenientOptionalCRLFAfterChunk);
  for (; p < end; p++) {
    const char c = *p;
    if (chunk_part_ == 0) {
      if (c == '\r') {
        chunk_part_ = 1;
        continue;
      }
      if (c == '\n') {
        if (!Lenient(kLenientOptionalCRBeforeLF)) {
          return Fail(p, 1, HPE_CR_EXPECTED,
                      "Missing expected CR after chunk data", step);
        }
        Subst(p, 1, kCRLF, 2, step);
      } else {
        if (!lenient) {
          return Fail(p, 0, HPE_STRICT, "Expected LF after chunk data", step);
        }
        // 9.3 goes on to the next chunk-size line at this byte.
        Subst(p, 0, kCRLF, 2, step);
      }
      BeginChunkSize();
      return true;
    }
    if (c == '\n') {
      BeginChunkSize();
      p++;
      return false;
    }
    if (!lenient) {
      return Fail(p, 0, HPE_STRICT, "Expected LF after chunk data", step);
    }
    BeginChunkSize();
    return Subst(p, 0, kLF, 1, step);
  }
  return false;
}

void StrictScanner::BeginChunkSize() {
  phase_ = Phase::kChunkSize;
  chunk_part_ = kChunkDigits;
  chunk_digits_ = false;
  chunk_size_ = 0;
  cr_ = false;
}

// The chunk-size line ended: its data follows, or the trailers after the
// last chunk.
void StrictScanner::ChunkLineEnd() {
  if (chunk_size_ == 0) {
    BeginHead(Line::kHeader);
    trailers_ = true;
  } else {
    phase_ = Phase::kChunkData;
    chunk_left_ = chunk_size_;
  }
}

void StrictScanner::AfterSync(const llhttp_t& parser) {
  if (!enabled_) return;
  switch (phase_) {
    case Phase::kAwaitBody:
      // What llhttp decided after the headers (see its
      // llhttp__after_headers_complete), when the message goes on.
      if (parser.flags & F_CHUNKED) {
        BeginChunkSize();
      } else if ((parser.flags & F_TRANSFER_ENCODING) == 0 &&
                 (parser.flags & F_CONTENT_LENGTH) != 0 &&
                 parser.content_length > 0) {
        phase_ = Phase::kBody;
      } else {
        phase_ = Phase::kEofBody;
      }
      break;
    case Phase::kBody:
      // The body is over, yet the message did not complete.
      if (parser.content_length == 0) enabled_ = false;
      break;
    case Phase::kAwaitHeaders:
    case Phase::kAwaitMessage:
    case Phase::kExpectError:
      // llhttp did not do what the scanner expected of it.
      enabled_ = false;
      break;
    default:
      break;
  }
}

void StrictScanner::OnHeadersComplete() {
  if (!enabled_) return;
  if (phase_ == Phase::kAwaitHeaders) {
    phase_ = Phase::kAwaitBody;
  } else {
    enabled_ = false;
  }
}

void StrictScanner::OnMessageComplete(bool closes_connection) {
  if (!enabled_) return;
  switch (phase_) {
    case Phase::kAwaitBody:
    case Phase::kBody:
    case Phase::kEofBody:
    case Phase::kAwaitMessage:
      phase_ = closes_connection ? Phase::kClosed : Phase::kStart;
      break;
    default:
      enabled_ = false;
      break;
  }
}

}  // namespace lode::http_parser
