// The checks that make Debian's llhttp 8.1 (built in its loose mode) parse
// like Node 24's llhttp 9.3, for lode_http_parser.cc.
//
// 8.1's loose mode lets through what 9.3 refuses: a CR that no LF follows,
// a bare LF ending the request line, the blank line or a header value,
// obs-fold lines, spaces in header names, control and non-ASCII bytes in
// the URL, status codes that are not three digits, bad bytes after a chunk,
// data after a message that closed the connection. It also refuses a few
// things 9.3 takes: the QUERY method, RTSP/ and ICE/ responses, quoted pairs
// and a second extension after a value in a chunk-size line.
//
// StrictScanner reads the bytes before llhttp does and tells the caller how
// to hand them on (Step): unchanged, with a few bytes put in or swapped (so
// that 8.1 takes what 9.3 takes, or skips what it would eat), or not at all
// (a 9.3 error, with its code, reason and position). It checks only the
// line-structured parts (start line, headers, trailers, chunk-size lines,
// the CRLF after chunk data); bodies pass through. What follows a head is
// learnt from llhttp itself: the caller stops feeding where a Step marks
// `sync` (the end of a head, of a Content-Length body, of the trailers) and
// the parser's callbacks report what llhttp made of it. When the two ever
// disagree the scanner turns itself off, and the parser behaves as plain
// 8.1 from then on. Common lines (FastLines()) cost a few instructions a
// byte; the rest is read byte by byte.
#ifndef SRC_LODE_HTTP_PARSER_STRICT_H_
#define SRC_LODE_HTTP_PARSER_STRICT_H_

#include <cstddef>
#include <cstdint>

#include "llhttp.h"

namespace lode::http_parser {

// Node's lenient flags (initialize()'s fourth argument), as in llhttp 9.
enum LenientFlag : uint32_t {
  kLenientNone = 0,
  kLenientHeaders = 1 << 0,
  kLenientChunkedLength = 1 << 1,
  kLenientKeepAlive = 1 << 2,
  kLenientTransferEncoding = 1 << 3,
  kLenientVersion = 1 << 4,
  kLenientDataAfterClose = 1 << 5,
  kLenientOptionalLFAfterCR = 1 << 6,
  kLenientOptionalCRLFAfterChunk = 1 << 7,
  kLenientOptionalCRBeforeLF = 1 << 8,
  kLenientSpacesAfterChunkSize = 1 << 9,
  kLenientAll = (1 << 10) - 1,
};

class StrictScanner {
 public:
  // What to do with the bytes from the scan position up to `at`, which go
  // to llhttp unchanged first.
  struct Step {
    enum Kind : uint8_t {
      kFeed,    // nothing else
      kSubst,   // then `subst` instead of the `skip` bytes at `at`
      kFail,    // then stop: `error` at `at` + `error_offset`
    };
    Kind kind = kFeed;
    // After this step llhttp has reached a boundary: call AfterSync().
    bool sync = false;
    const char* at = nullptr;
    const char* subst = nullptr;
    uint8_t subst_length = 0;
    uint8_t skip = 0;
    uint8_t error_offset = 0;
    llhttp_errno_t error = HPE_OK;
    const char* reason = nullptr;
  };

  // A new parser of `type` (HTTP_REQUEST or HTTP_RESPONSE; anything else
  // turns the checks off).
  void Reset(uint8_t type, uint32_t lenient);
  void Disable() { enabled_ = false; }
  bool enabled() const { return enabled_; }

  // The next step for the bytes [p, end); `parser` is the llhttp state
  // after everything before p.
  Step Scan(const char* p, const char* end, const llhttp_t& parser);
  // Called once llhttp has taken the bytes of a `sync` step.
  void AfterSync(const llhttp_t& parser);

  // llhttp's callbacks, as they happen.
  void OnHeadersComplete();
  void OnMessageComplete(bool closes_connection);

  // Whether the current request's method is QUERY (llhttp saw PATCH).
  bool query() const { return query_; }
  void ClearQuery() { query_ = false; }

 private:
  enum class Phase : uint8_t {
    kStart,          // before a message: CR/LF, then its first byte
    kSubst,          // a method or protocol 8.1 lacks, fed as one it has
    kHead,           // start line and headers, or trailers
    kAwaitHeaders,   // the blank line went to llhttp
    kAwaitBody,      // on_headers_complete ran: which body follows?
    kBody,           // Content-Length body
    kEofBody,        // body up to the end of the connection: no checks
    kChunkSize,      // a chunk-size line
    kChunkData,
    kChunkEnd,       // the CRLF after the chunk data
    kAwaitMessage,   // the trailers' blank line went to llhttp
    kClosed,         // after a message that closes the connection
    kExpectError,    // llhttp must fail on the bytes fed last
  };
  enum class Line : uint8_t { kRequest, kResponse, kHeader };

  void BeginHead(Line line);
  void NextLine();
  const char* FastLines(const char* p, const char* end);
  const char* FastStartLine(const char* p, const char* end);
  bool ScanHead(const char*& p, const char* end, Step* step);
  bool ScanChunkSize(const char*& p, const char* end, Step* step);
  bool ScanChunkEnd(const char*& p, const char* end, Step* step);
  void BeginChunkSize();
  void ChunkLineEnd();
  bool ScanSubst(const char* p, Step* step);
  // These return true when they have filled `step`.
  bool LineEnd(const char* lf, Step* step);
  bool LoneCR(const char* p, Step* step);
  bool BareLF(const char* p, Step* step);
  bool HeadByte(const char* p, Step* step);
  bool NameByte(const char* p, Step* step);
  void AddName(const char* from, const char* to);
  bool LFAsCR(const char* p, Step* step);
  bool Fail(const char* at, uint8_t offset, llhttp_errno_t error,
            const char* reason, Step* step);
  bool Sync(const char* at, Phase next, Step* step);
  bool ExpectError(const char* at, Step* step);
  bool Subst(const char* at, uint8_t skip, const char* bytes, uint8_t length,
             Step* step);
  bool Lenient(uint32_t flag) const { return (lenient_ & flag) != 0; }

  bool enabled_ = false;
  uint8_t type_ = HTTP_BOTH;
  uint32_t lenient_ = 0;
  Phase phase_ = Phase::kStart;
  bool query_ = false;

  // kSubst: which substitution, and how many bytes of it matched.
  uint8_t subst_kind_ = 0;
  uint8_t subst_index_ = 0;

  // kHead.
  Line line_ = Line::kHeader;
  uint8_t part_ = 0;          // where in the line
  uint8_t url_part_ = 0;
  uint8_t digits_ = 0;        // status code digits
  uint32_t version_tail_ = 0;  // request line: the protocol's last bytes
  uint8_t connect_index_ = 0;  // request line: bytes of "CONNECT" matched
  bool connect_ = false;       // the method is CONNECT
  bool trailers_ = false;
  bool cr_ = false;           // the last byte was a CR
  bool line_empty_ = true;    // nothing but CR/LF on this line yet
  bool in_value_ = false;     // header line: after the colon
  bool value_seen_ = false;   // header line: a non-blank value byte seen
  bool prev_header_ = false;  // the line before was a header line
  bool prev_value_seen_ = false;
  // The header name so far; a leading blank when too long to matter.
  char name_[17] = {};
  uint8_t name_length_ = 0;
  bool name_gap_ = false;  // blanks after the name

  // kChunkSize / kChunkEnd.
  uint8_t chunk_part_ = 0;
  bool chunk_digits_ = false;
  uint64_t chunk_size_ = 0;  // read from the chunk-size line
  uint64_t chunk_left_ = 0;  // of the chunk's data
};

}  // namespace lode::http_parser

#endif  // SRC_LODE_HTTP_PARSER_STRICT_H_
