// Shared by src/cares_wrap.cc (the binding, the c-ares channels) and
// src/cares_reply.cc (the parsing of their replies).
#ifndef SRC_CARES_WRAP_H_
#define SRC_CARES_WRAP_H_

#include <vector>

#include "v8.h"

namespace lode {
class Environment;

namespace cares_wrap {

// Record types c-ares 1.18's headers do not name.
constexpr int kTypeTlsa = 52;
constexpr int kTypeCaa = 257;

// What a ChannelWrap query asks for (kReverse: ares_gethostbyaddr).
enum class QueryKind {
  kAny, kA, kAaaa, kCaa, kCname, kMx, kNs, kTlsa, kTxt, kSrv, kPtr,
  kNaptr, kSoa, kReverse
};

// Parses the DNS reply `msg` of a `kind` query (not kReverse): sets
// `result` (and, for A/AAAA, `ttls`) and returns ARES_SUCCESS, or returns
// the ARES status of the failure.
int ParseReply(Environment* env, QueryKind kind,
               const std::vector<unsigned char>& msg,
               v8::Local<v8::Value>* result, v8::Local<v8::Value>* ttls);

}  // namespace cares_wrap
}  // namespace lode

#endif  // SRC_CARES_WRAP_H_
