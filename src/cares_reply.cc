// The DNS replies of cares_wrap's queries as JS values, in Node's shapes:
// c-ares's ares_parse_*_reply() for each record type, and a walk over the
// answer section for what c-ares 1.18 cannot parse (TLSA, the SOA record
// inside an ANY answer).
#include <arpa/inet.h>
#include <arpa/nameser.h>
#include <ares.h>
#include <netdb.h>
#include <string.h>

#include <memory>
#include <string>
#include <vector>

#include "cares_wrap.h"
#include "env.h"
#include "util.h"

namespace lode::cares_wrap {

using v8::Array;
using v8::ArrayBuffer;
using v8::Context;
using v8::Isolate;
using v8::Local;
using v8::Object;
using v8::String;
using v8::Value;

namespace {

Local<String> Latin1(Isolate* isolate, const void* data, size_t length) {
  return OneByteString(isolate, static_cast<const char*>(data),
                       static_cast<int>(length));
}

Local<String> Latin1(Isolate* isolate, const char* s) {
  return OneByteString(isolate, s != nullptr ? s : "");
}

uint16_t ReadU16(const unsigned char* p) {
  return static_cast<uint16_t>((p[0] << 8) | p[1]);
}

uint32_t ReadU32(const unsigned char* p) {
  return (static_cast<uint32_t>(p[0]) << 24) |
         (static_cast<uint32_t>(p[1]) << 16) |
         (static_cast<uint32_t>(p[2]) << 8) | static_cast<uint32_t>(p[3]);
}

// Decodes the (possibly compressed) name at `p`; `*used` is its length at
// `p`. Returns an ARES status.
int ExpandName(const unsigned char* p, const std::vector<unsigned char>& msg,
               std::string* out, long* used) {  // NOLINT(runtime/int)
  char* name = nullptr;
  int r = ares_expand_name(p, msg.data(), static_cast<int>(msg.size()), &name,
                           used);
  if (r != ARES_SUCCESS) return ARES_EBADRESP;
  if (out != nullptr) *out = name;
  ares_free_string(name);
  return ARES_SUCCESS;
}

// Calls fn(type, rdata, rdlength) for each record of the answer section.
// Returns an ARES status.
template <typename Fn>
int ForEachAnswer(const std::vector<unsigned char>& msg, Fn fn) {
  const unsigned char* begin = msg.data();
  const unsigned char* end = begin + msg.size();
  if (msg.size() < NS_HFIXEDSZ) return ARES_EBADRESP;
  unsigned qdcount = ReadU16(begin + 4);
  unsigned ancount = ReadU16(begin + 6);
  const unsigned char* p = begin + NS_HFIXEDSZ;
  for (unsigned i = 0; i < qdcount; i++) {
    long used;  // NOLINT(runtime/int)
    if (p >= end || ExpandName(p, msg, nullptr, &used) != ARES_SUCCESS) {
      return ARES_EBADRESP;
    }
    if (end - p < used + NS_QFIXEDSZ) return ARES_EBADRESP;
    p += used + NS_QFIXEDSZ;
  }
  for (unsigned i = 0; i < ancount; i++) {
    long used;  // NOLINT(runtime/int)
    if (p >= end || ExpandName(p, msg, nullptr, &used) != ARES_SUCCESS) {
      return ARES_EBADRESP;
    }
    if (end - p < used + NS_RRFIXEDSZ) return ARES_EBADRESP;
    p += used;
    int type = ReadU16(p);
    int rdlength = ReadU16(p + 8);
    p += NS_RRFIXEDSZ;
    if (end - p < rdlength) return ARES_EBADRESP;
    int r = fn(type, p, rdlength);
    if (r != ARES_SUCCESS) return r;
    p += rdlength;
  }
  return ARES_SUCCESS;
}

// Builds JS values out of one reply. Each Parse* appends to `out` and
// returns an ARES status; `typed` adds the `type` field resolveAny() has.
class ReplyParser {
 public:
  ReplyParser(Environment* env, const std::vector<unsigned char>& msg)
      : isolate_(env->isolate()), context_(env->context()), msg_(msg) {}

  const unsigned char* data() const { return msg_.data(); }
  int size() const { return static_cast<int>(msg_.size()); }

  bool Set(Local<Object> obj, const char* key, Local<Value> value) {
    return obj->Set(context_, OneByteString(isolate_, key), value)
        .FromMaybe(false);
  }
  bool Push(Local<Array> out, Local<Value> value) {
    return out->Set(context_, out->Length(), value).FromMaybe(false);
  }
  Local<Value> Int(int64_t v) {
    return v8::Number::New(isolate_, static_cast<double>(v));
  }
  bool SetType(Local<Object> obj, bool typed, const char* type) {
    return !typed || Set(obj, "type", OneByteString(isolate_, type));
  }
  // Node 24 gives some records a `type` outside resolveAny() too: MX, SRV
  // and CAA their name, NAPTR and SOA an undefined one.
  bool SetTypeOrUndefined(Local<Object> obj, bool typed, const char* type) {
    return typed ? SetType(obj, true, type)
                 : Set(obj, "type", v8::Undefined(isolate_));
  }

  // A or AAAA: addresses (with their TTLs in `ttls` when given, or as
  // { address, ttl, type } objects when typed).
  int ParseAddresses(bool v6, Local<Array> out, Local<Array> ttls,
                     bool typed) {
    hostent* host = nullptr;
    constexpr int kMax = 256;
    int count = kMax;
    std::vector<int> ttl_values;
    int r;
    if (v6) {
      std::vector<ares_addr6ttl> buf(kMax);
      r = ares_parse_aaaa_reply(data(), size(), &host, buf.data(), &count);
      for (int i = 0; r == ARES_SUCCESS && i < count; i++) {
        ttl_values.push_back(buf[i].ttl);
      }
    } else {
      std::vector<ares_addrttl> buf(kMax);
      r = ares_parse_a_reply(data(), size(), &host, buf.data(), &count);
      for (int i = 0; r == ARES_SUCCESS && i < count; i++) {
        ttl_values.push_back(buf[i].ttl);
      }
    }
    if (r != ARES_SUCCESS) return r;
    std::unique_ptr<hostent, void (*)(hostent*)> owner(host,
                                                       ares_free_hostent);
    for (size_t i = 0; host->h_addr_list[i] != nullptr; i++) {
      char ip[INET6_ADDRSTRLEN];
      if (uv_inet_ntop(host->h_addrtype, host->h_addr_list[i], ip,
                       sizeof(ip)) != 0) {
        continue;
      }
      Local<Value> address = OneByteString(isolate_, ip);
      int ttl = i < ttl_values.size() ? ttl_values[i] : 0;
      if (typed) {
        Local<Object> rec = Object::New(isolate_);
        if (!Set(rec, "address", address) || !Set(rec, "ttl", Int(ttl)) ||
            !SetType(rec, true, v6 ? "AAAA" : "A") || !Push(out, rec)) {
          return ARES_ENOMEM;
        }
      } else {
        if (!Push(out, address)) return ARES_ENOMEM;
        if (!ttls.IsEmpty() && !Push(ttls, Int(ttl))) return ARES_ENOMEM;
      }
    }
    return ARES_SUCCESS;
  }

  // The canonical name of a CNAME answer.
  int ParseCname(Local<Array> out, bool typed) {
    hostent* host = nullptr;
    int r = ares_parse_a_reply(data(), size(), &host, nullptr, nullptr);
    if (r != ARES_SUCCESS) return r;
    std::unique_ptr<hostent, void (*)(hostent*)> owner(host,
                                                       ares_free_hostent);
    Local<Value> name = Latin1(isolate_, host->h_name);
    if (!typed) return Push(out, name) ? ARES_SUCCESS : ARES_ENOMEM;
    Local<Object> rec = Object::New(isolate_);
    return Set(rec, "value", name) && SetType(rec, true, "CNAME") &&
                   Push(out, rec)
               ? ARES_SUCCESS
               : ARES_ENOMEM;
  }

  // In resolveAny(): A records, or the CNAME when the answer is one.
  int ParseAOrCname(Local<Array> out) {
    hostent* host = nullptr;
    int r = ares_parse_a_reply(data(), size(), &host, nullptr, nullptr);
    if (r != ARES_SUCCESS) return r;
    bool is_cname = host->h_name != nullptr && host->h_aliases != nullptr &&
                    host->h_aliases[0] != nullptr;
    ares_free_hostent(host);
    return is_cname ? ParseCname(out, true)
                    : ParseAddresses(false, out, Local<Array>(), true);
  }

  // NS and PTR answers: the names (c-ares puts them in h_aliases).
  int ParseNames(bool ptr, Local<Array> out, bool typed) {
    hostent* host = nullptr;
    int r = ptr ? ares_parse_ptr_reply(data(), size(), nullptr, 0, AF_INET,
                                       &host)
                : ares_parse_ns_reply(data(), size(), &host);
    if (r != ARES_SUCCESS) return r;
    std::unique_ptr<hostent, void (*)(hostent*)> owner(host,
                                                       ares_free_hostent);
    for (char** p = host->h_aliases; p != nullptr && *p != nullptr; p++) {
      Local<Value> name = Latin1(isolate_, *p);
      if (typed) {
        Local<Object> rec = Object::New(isolate_);
        if (!Set(rec, "value", name) ||
            !SetType(rec, true, ptr ? "PTR" : "NS") || !Push(out, rec)) {
          return ARES_ENOMEM;
        }
      } else if (!Push(out, name)) {
        return ARES_ENOMEM;
      }
    }
    return ARES_SUCCESS;
  }

  int ParseMx(Local<Array> out, bool typed) {
    ares_mx_reply* head = nullptr;
    int r = ares_parse_mx_reply(data(), size(), &head);
    if (r != ARES_SUCCESS) return r;
    std::unique_ptr<ares_mx_reply, void (*)(void*)> owner(head,
                                                          ares_free_data);
    for (ares_mx_reply* mx = head; mx != nullptr; mx = mx->next) {
      Local<Object> rec = Object::New(isolate_);
      if (!Set(rec, "exchange", Latin1(isolate_, mx->host)) ||
          !Set(rec, "priority", Int(mx->priority)) ||
          !SetType(rec, true, "MX") || !Push(out, rec)) {
        return ARES_ENOMEM;
      }
    }
    return ARES_SUCCESS;
  }

  int ParseCaa(Local<Array> out, bool typed) {
    ares_caa_reply* head = nullptr;
    int r = ares_parse_caa_reply(data(), size(), &head);
    if (r != ARES_SUCCESS) return r;
    std::unique_ptr<ares_caa_reply, void (*)(void*)> owner(head,
                                                           ares_free_data);
    for (ares_caa_reply* caa = head; caa != nullptr; caa = caa->next) {
      Local<Object> rec = Object::New(isolate_);
      Local<String> property = Latin1(isolate_, caa->property, caa->plength);
      if (!Set(rec, "critical", Int(caa->critical)) ||
          !SetType(rec, true, "CAA") ||
          !rec->Set(context_, property,
                    Latin1(isolate_, caa->value, caa->length))
               .FromMaybe(false) ||
          !Push(out, rec)) {
        return ARES_ENOMEM;
      }
    }
    return ARES_SUCCESS;
  }

  // Each TXT record is an array of its strings.
  int ParseTxt(Local<Array> out, bool typed) {
    ares_txt_ext* head = nullptr;
    int r = ares_parse_txt_reply_ext(data(), size(), &head);
    if (r != ARES_SUCCESS) return r;
    std::unique_ptr<ares_txt_ext, void (*)(void*)> owner(head,
                                                         ares_free_data);
    Local<Array> record;
    auto flush = [&]() {
      if (record.IsEmpty()) return true;
      if (!typed) return Push(out, record);
      Local<Object> rec = Object::New(isolate_);
      return Set(rec, "entries", record) && SetType(rec, true, "TXT") &&
             Push(out, rec);
    };
    for (ares_txt_ext* txt = head; txt != nullptr; txt = txt->next) {
      if (txt->record_start || record.IsEmpty()) {
        if (!flush()) return ARES_ENOMEM;
        record = Array::New(isolate_);
      }
      if (!Push(record, Latin1(isolate_, txt->txt, txt->length))) {
        return ARES_ENOMEM;
      }
    }
    return flush() ? ARES_SUCCESS : ARES_ENOMEM;
  }

  int ParseSrv(Local<Array> out, bool typed) {
    ares_srv_reply* head = nullptr;
    int r = ares_parse_srv_reply(data(), size(), &head);
    if (r != ARES_SUCCESS) return r;
    std::unique_ptr<ares_srv_reply, void (*)(void*)> owner(head,
                                                           ares_free_data);
    for (ares_srv_reply* srv = head; srv != nullptr; srv = srv->next) {
      Local<Object> rec = Object::New(isolate_);
      if (!Set(rec, "name", Latin1(isolate_, srv->host)) ||
          !Set(rec, "port", Int(srv->port)) ||
          !Set(rec, "priority", Int(srv->priority)) ||
          !Set(rec, "weight", Int(srv->weight)) ||
          !SetType(rec, true, "SRV") || !Push(out, rec)) {
        return ARES_ENOMEM;
      }
    }
    return ARES_SUCCESS;
  }

  int ParseNaptr(Local<Array> out, bool typed) {
    ares_naptr_reply* head = nullptr;
    int r = ares_parse_naptr_reply(data(), size(), &head);
    if (r != ARES_SUCCESS) return r;
    std::unique_ptr<ares_naptr_reply, void (*)(void*)> owner(head,
                                                             ares_free_data);
    for (ares_naptr_reply* n = head; n != nullptr; n = n->next) {
      Local<Object> rec = Object::New(isolate_);
      if (!Set(rec, "flags", Latin1(isolate_, CStr(n->flags))) ||
          !Set(rec, "service", Latin1(isolate_, CStr(n->service))) ||
          !Set(rec, "regexp", Latin1(isolate_, CStr(n->regexp))) ||
          !Set(rec, "replacement", Latin1(isolate_, n->replacement)) ||
          !Set(rec, "order", Int(n->order)) ||
          !Set(rec, "preference", Int(n->preference)) ||
          !SetTypeOrUndefined(rec, typed, "NAPTR") || !Push(out, rec)) {
        return ARES_ENOMEM;
      }
    }
    return ARES_SUCCESS;
  }

  Local<Object> SoaObject(const char* nsname, const char* hostmaster,
                          uint32_t serial, uint32_t refresh, uint32_t retry,
                          uint32_t expire, uint32_t minttl, bool typed) {
    Local<Object> rec = Object::New(isolate_);
    if (!Set(rec, "nsname", Latin1(isolate_, nsname)) ||
        !Set(rec, "hostmaster", Latin1(isolate_, hostmaster)) ||
        !Set(rec, "serial", Int(serial)) ||
        !Set(rec, "refresh", Int(static_cast<int32_t>(refresh))) ||
        !Set(rec, "retry", Int(static_cast<int32_t>(retry))) ||
        !Set(rec, "expire", Int(static_cast<int32_t>(expire))) ||
        !Set(rec, "minttl", Int(minttl)) ||
        !SetTypeOrUndefined(rec, typed, "SOA")) {
      return Local<Object>();
    }
    return rec;
  }

  // resolveSoa(): the one SOA record.
  int ParseSoa(Local<Value>* out) {
    ares_soa_reply* soa = nullptr;
    int r = ares_parse_soa_reply(data(), size(), &soa);
    if (r != ARES_SUCCESS) return r;
    Local<Object> rec =
        SoaObject(soa->nsname, soa->hostmaster, soa->serial, soa->refresh,
                  soa->retry, soa->expire, soa->minttl, false);
    ares_free_data(soa);
    if (rec.IsEmpty()) return ARES_ENOMEM;
    *out = rec;
    return ARES_SUCCESS;
  }

  // In resolveAny(): the first SOA record among the answers, if any.
  int ParseSoaInAny(Local<Array> out) {
    bool found = false;
    return ForEachAnswer(msg_, [&](int type, const unsigned char* rdata,
                                   int rdlength) {
      if (type != ns_t_soa || found) return ARES_SUCCESS;
      const unsigned char* end = rdata + rdlength;
      std::string nsname;
      std::string hostmaster;
      long used;  // NOLINT(runtime/int)
      if (ExpandName(rdata, msg_, &nsname, &used) != ARES_SUCCESS) {
        return ARES_EBADRESP;
      }
      const unsigned char* p = rdata + used;
      if (p >= end || ExpandName(p, msg_, &hostmaster, &used) != ARES_SUCCESS) {
        return ARES_EBADRESP;
      }
      p += used;
      if (end - p < 20) return ARES_EBADRESP;
      Local<Object> rec =
          SoaObject(nsname.c_str(), hostmaster.c_str(), ReadU32(p),
                    ReadU32(p + 4), ReadU32(p + 8), ReadU32(p + 12),
                    ReadU32(p + 16), true);
      if (rec.IsEmpty() || !Push(out, rec)) return ARES_ENOMEM;
      found = true;
      return ARES_SUCCESS;
    });
  }

  // TLSA records (c-ares 1.18 has no parser for them): certificate usage,
  // selector, matching type and the association data.
  int ParseTlsa(Local<Array> out, bool* any) {
    return ForEachAnswer(msg_, [&](int type, const unsigned char* rdata,
                                   int rdlength) {
      if (type != kTypeTlsa || rdlength <= 3) return ARES_SUCCESS;
      size_t length = static_cast<size_t>(rdlength - 3);
      Local<ArrayBuffer> buffer = ArrayBuffer::New(isolate_, length);
      memcpy(buffer->GetBackingStore()->Data(), rdata + 3, length);
      Local<Object> rec = Object::New(isolate_);
      if (!Set(rec, "certUsage", Int(rdata[0])) ||
          !Set(rec, "selector", Int(rdata[1])) ||
          !Set(rec, "match", Int(rdata[2])) || !Set(rec, "data", buffer) ||
          !Push(out, rec)) {
        return ARES_ENOMEM;
      }
      if (any != nullptr) *any = true;
      return ARES_SUCCESS;
    });
  }

  // resolveAny(): every kind above, in Node's order.
  int ParseAny(Local<Array> out) {
    auto ok = [](int r) { return r == ARES_SUCCESS || r == ARES_ENODATA; };
    int r;
    if (!ok(r = ParseAOrCname(out))) return r;
    if (!ok(r = ParseAddresses(true, out, Local<Array>(), true))) return r;
    if (!ok(r = ParseMx(out, true))) return r;
    if (!ok(r = ParseNames(false, out, true))) return r;
    if (!ok(r = ParseTxt(out, true))) return r;
    if (!ok(r = ParseSrv(out, true))) return r;
    if (!ok(r = ParseNames(true, out, true))) return r;
    if (!ok(r = ParseNaptr(out, true))) return r;
    if (!ok(r = ParseSoaInAny(out))) return r;
    if (!ok(r = ParseTlsa(out, nullptr))) return r;
    if (!ok(r = ParseCaa(out, true))) return r;
    return ARES_SUCCESS;
  }

 private:
  static const char* CStr(const unsigned char* s) {
    return reinterpret_cast<const char*>(s);
  }

  Isolate* isolate_;
  Local<Context> context_;
  const std::vector<unsigned char>& msg_;
};

}  // namespace

int ParseReply(Environment* env, QueryKind kind,
               const std::vector<unsigned char>& msg, Local<Value>* result,
               Local<Value>* ttls) {
  Isolate* isolate = env->isolate();
  ReplyParser parser(env, msg);
  Local<Array> out = Array::New(isolate);
  int r;
  switch (kind) {
    case QueryKind::kA:
    case QueryKind::kAaaa: {
      Local<Array> ttl_list = Array::New(isolate);
      r = parser.ParseAddresses(kind == QueryKind::kAaaa, out, ttl_list,
                                false);
      *ttls = ttl_list;
      break;
    }
    case QueryKind::kAny: r = parser.ParseAny(out); break;
    case QueryKind::kCaa: r = parser.ParseCaa(out, false); break;
    case QueryKind::kCname: r = parser.ParseCname(out, false); break;
    case QueryKind::kMx: r = parser.ParseMx(out, false); break;
    case QueryKind::kNs: r = parser.ParseNames(false, out, false); break;
    case QueryKind::kPtr: r = parser.ParseNames(true, out, false); break;
    case QueryKind::kTxt: r = parser.ParseTxt(out, false); break;
    case QueryKind::kSrv: r = parser.ParseSrv(out, false); break;
    case QueryKind::kNaptr: r = parser.ParseNaptr(out, false); break;
    case QueryKind::kTlsa: {
      bool any = false;
      r = parser.ParseTlsa(out, &any);
      if (r == ARES_SUCCESS && !any) r = ARES_ENODATA;
      break;
    }
    case QueryKind::kSoa: {
      Local<Value> soa;
      r = parser.ParseSoa(&soa);
      if (r == ARES_SUCCESS) *result = soa;
      return r;
    }
    default: UNREACHABLE();
  }
  if (r == ARES_SUCCESS) *result = out;
  return r;
}

}  // namespace lode::cares_wrap
