// internalBinding('cares_wrap'): host name resolution for lib/dns.js.
//
// Two mechanisms, as in Node:
//  - the system resolver (getaddrinfo/getnameinfo, /etc/hosts, nsswitch),
//    run by libuv on its thread pool:
//      getaddrinfo(req, hostname, family, hints, order) -> err; later
//        req.oncomplete(status, addresses)
//      getnameinfo(req, ip, port) -> err; later
//        req.oncomplete(status, hostname, service)
//  - DNS queries through c-ares (the system's libcares, 1.18 API), one
//    c-ares channel per ChannelWrap (a dns.Resolver), driven by the libuv
//    loop: a uv_poll_t for each socket c-ares opens and a uv_timer_t for its
//    timeouts. new ChannelWrap(timeout, tries, maxTimeout[, useTcp]), with
//    queryA(req, name) ... querySoa, getHostByAddr -> err; later
//    req.oncomplete(code) with a c-ares error code string ('ENOTFOUND',
//    'ETIMEOUT', ...) or req.oncomplete(0, result[, ttls]).
//    getServers() -> [[ip, port], ...], setServers([[family, ip, port]]) ->
//    c-ares status, setLocalAddress(ip4or6[, ip6or4]), cancel().
//    `useTcp` (lode only, for tests) makes c-ares talk TCP to the servers.
//    c-ares 1.18 has no ARES_OPT_MAXTIMEOUTMS (it doubles the timeout at
//    each round of tries): when maxTimeout would cut that growth, the
//    channel makes one round per c-ares query, each waiting
//    min(timeout, maxTimeout), and sends the query again itself after a
//    timeout until `tries` rounds are spent. Exact when maxTimeout <=
//    timeout; between timeout and its last doubling the rounds stay at
//    `timeout` instead of growing up to maxTimeout.
// c-ares calls back from inside ares_process_fd() (or even from inside
// ares_query()); results are kept and handed to JS from a zero timer, so JS
// never runs inside c-ares. The replies become JS values in
// src/cares_reply.cc.
#include <arpa/inet.h>
#include <arpa/nameser.h>
#include <ares.h>
#include <netdb.h>
#include <sys/socket.h>

#include <string.h>

#include <algorithm>
#include <cstdint>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "cares_wrap.h"
#include "env.h"
#include "lode_binding.h"
#include "lode_errors.h"
#include "lode_tracing.h"
#include "util.h"

namespace lode::cares_wrap {

using v8::Array;
using v8::Context;
using v8::FunctionCallbackInfo;
using v8::FunctionTemplate;
using v8::Global;
using v8::HandleScope;
using v8::Int32;
using v8::Integer;
using v8::Isolate;
using v8::Local;
using v8::Object;
using v8::String;
using v8::Value;

namespace {

// The result orders of getaddrinfo (also in lib/internal/dns/utils.js
// through the binding's constants).
enum DnsOrder { kOrderVerbatim = 0, kOrderIPv4First = 1, kOrderIPv6First = 2 };

// setServers() while queries are pending: not a c-ares code.
constexpr int kSetServersPending = -1000;

const char* AresCodeName(int status) {
  switch (status) {
#define V(name) \
  case ARES_##name: return #name;
    V(ENODATA)
    V(EFORMERR)
    V(ESERVFAIL)
    V(ENOTFOUND)
    V(ENOTIMP)
    V(EREFUSED)
    V(EBADQUERY)
    V(EBADNAME)
    V(EBADFAMILY)
    V(EBADRESP)
    V(ECONNREFUSED)
    V(ETIMEOUT)
    V(EOF)
    V(EFILE)
    V(ENOMEM)
    V(EDESTRUCTION)
    V(EBADSTR)
    V(EBADFLAGS)
    V(ENONAME)
    V(EBADHINTS)
    V(ENOTINITIALIZED)
    V(ELOADIPHLPAPI)
    V(EADDRGETNETWORKPARAMS)
    V(ECANCELLED)
#undef V
    default: return "UNKNOWN_ARES_ERROR";
  }
}

int LibraryInit() {
  static std::once_flag once;
  static int status = ARES_SUCCESS;
  std::call_once(once, [] { status = ares_library_init(ARES_LIB_INIT_ALL); });
  return status;
}

uint32_t ReadU32(const unsigned char* p) {
  return (static_cast<uint32_t>(p[0]) << 24) |
         (static_cast<uint32_t>(p[1]) << 16) |
         (static_cast<uint32_t>(p[2]) << 8) | static_cast<uint32_t>(p[3]);
}

Local<String> Latin1(Isolate* isolate, const void* data, size_t length) {
  return OneByteString(isolate, static_cast<const char*>(data),
                       static_cast<int>(length));
}

Local<String> Latin1(Isolate* isolate, const char* s) {
  return OneByteString(isolate, s != nullptr ? s : "");
}

// ---- the system resolver ------------------------------------------------

struct GetAddrInfoReq : public ActiveRequest {
  GetAddrInfoReq(Environment* e, Local<Object> object, int o)
      : ActiveRequest(e, "GetAddrInfoReqWrap"), env(e), order(o) {
    req.Reset(e->isolate(), object);
    uv.data = this;
  }
  Local<Object> request_object() const override {
    return req.Get(env->isolate());
  }
  Environment* env;
  Global<Object> req;
  int order;
  uv_getaddrinfo_t uv;
};

void AfterGetAddrInfo(uv_getaddrinfo_t* uv_req, int status, addrinfo* res) {
  std::unique_ptr<GetAddrInfoReq> req(
      static_cast<GetAddrInfoReq*>(uv_req->data));
  Environment* env = req->env;
  if (!env->can_call_into_js()) {
    uv_freeaddrinfo(res);
    return;
  }
  Isolate* isolate = env->isolate();
  HandleScope scope(isolate);
  Context::Scope context_scope(env->context());
  std::vector<Local<Value>> v4;
  std::vector<Local<Value>> v6;
  std::vector<Local<Value>> all;
  for (addrinfo* p = status == 0 ? res : nullptr; p != nullptr;
       p = p->ai_next) {
    char ip[INET6_ADDRSTRLEN];
    const void* src;
    if (p->ai_family == AF_INET) {
      src = &reinterpret_cast<sockaddr_in*>(p->ai_addr)->sin_addr;
    } else if (p->ai_family == AF_INET6) {
      src = &reinterpret_cast<sockaddr_in6*>(p->ai_addr)->sin6_addr;
    } else {
      continue;
    }
    if (uv_inet_ntop(p->ai_family, src, ip, sizeof(ip)) != 0) continue;
    Local<Value> s = OneByteString(isolate, ip);
    (p->ai_family == AF_INET ? v4 : v6).push_back(s);
    all.push_back(s);
  }
  uv_freeaddrinfo(res);
  const uint8_t* flag = LODE_TRACE_FLAG("node,node.dns,node.dns.native");
  if (tracing::IsEnabled(flag)) {
    tracing::AddEvent('e', flag, "lookup", true,
                      reinterpret_cast<uintptr_t>(req.get()),
                      {tracing::IntArg("count", static_cast<int64_t>(
                                                    all.size())),
                       tracing::IntArg("order", req->order)});
  }
  if (req->order == kOrderIPv4First || req->order == kOrderIPv6First) {
    std::vector<Local<Value>>& first = req->order == kOrderIPv4First ? v4 : v6;
    std::vector<Local<Value>>& second = req->order == kOrderIPv4First ? v6 : v4;
    all = first;
    all.insert(all.end(), second.begin(), second.end());
  }
  Local<Value> argv[2] = {Integer::New(isolate, status), v8::Null(isolate)};
  if (status == 0) {
    if (all.empty()) argv[0] = Integer::New(isolate, UV_EAI_NODATA);
    argv[1] = Array::New(isolate, all.data(), all.size());
  }
  MakeCallback(env, req->req.Get(isolate), "oncomplete", 2, argv);
}

// getaddrinfo(req, hostname, family, hints, order) -> err
void GetAddrInfo(const FunctionCallbackInfo<Value>& args) {
  Environment* env = Environment::GetCurrent(args);
  Isolate* isolate = env->isolate();
  if (!args[0]->IsObject() || !args[1]->IsString() || !args[2]->IsInt32()) {
    return THROW_ERR_INVALID_ARG_TYPE(isolate, "Invalid getaddrinfo call");
  }
  addrinfo hints{};
  switch (args[2].As<Int32>()->Value()) {
    case 0: hints.ai_family = AF_UNSPEC; break;
    case 4: hints.ai_family = AF_INET; break;
    case 6: hints.ai_family = AF_INET6; break;
    default:
      return THROW_ERR_INVALID_ARG_VALUE(isolate, "Invalid address family");
  }
  hints.ai_socktype = SOCK_STREAM;
  hints.ai_flags = args[3]->IsInt32() ? args[3].As<Int32>()->Value() : 0;
  int order = args[4]->IsInt32() ? args[4].As<Int32>()->Value()
                                 : kOrderVerbatim;
  Utf8Value hostname(isolate, args[1]);
  auto req = std::make_unique<GetAddrInfoReq>(env, args[0].As<Object>(),
                                              order);
  int err = uv_getaddrinfo(env->loop(), &req->uv, AfterGetAddrInfo,
                           *hostname, nullptr, &hints);
  const uint8_t* flag = LODE_TRACE_FLAG("node,node.dns,node.dns.native");
  if (err == 0 && tracing::IsEnabled(flag)) {
    const char* family = hints.ai_family == AF_INET    ? "ipv4"
                         : hints.ai_family == AF_INET6 ? "ipv6"
                                                       : "unspec";
    tracing::AddEvent('b', flag, "lookup", true,
                      reinterpret_cast<uintptr_t>(req.get()),
                      {tracing::StringArg("hostname", *hostname),
                       tracing::StringArg("family", family)});
  }
  if (err == 0) req.release();
  args.GetReturnValue().Set(err);
}

struct GetNameInfoReq : public ActiveRequest {
  GetNameInfoReq(Environment* e, Local<Object> object)
      : ActiveRequest(e, "GetNameInfoReqWrap"), env(e) {
    req.Reset(e->isolate(), object);
    uv.data = this;
  }
  Local<Object> request_object() const override {
    return req.Get(env->isolate());
  }
  Environment* env;
  Global<Object> req;
  uv_getnameinfo_t uv;
};

void AfterGetNameInfo(uv_getnameinfo_t* uv_req, int status,
                      const char* hostname, const char* service) {
  std::unique_ptr<GetNameInfoReq> req(
      static_cast<GetNameInfoReq*>(uv_req->data));
  const uint8_t* flag = LODE_TRACE_FLAG("node,node.dns,node.dns.native");
  if (tracing::IsEnabled(flag)) {
    tracing::AddEvent(
        'e', flag, "lookupService", true,
        reinterpret_cast<uintptr_t>(req.get()),
        {tracing::StringArg("hostname", status == 0 ? hostname : ""),
         tracing::StringArg("service", status == 0 ? service : "")});
  }
  Environment* env = req->env;
  if (!env->can_call_into_js()) return;
  Isolate* isolate = env->isolate();
  HandleScope scope(isolate);
  Context::Scope context_scope(env->context());
  Local<Value> argv[3] = {Integer::New(isolate, status), v8::Null(isolate),
                          v8::Null(isolate)};
  if (status == 0) {
    argv[1] = Latin1(isolate, hostname);
    argv[2] = Latin1(isolate, service);
  }
  MakeCallback(env, req->req.Get(isolate), "oncomplete", 3, argv);
}

// getnameinfo(req, ip, port) -> err
void GetNameInfo(const FunctionCallbackInfo<Value>& args) {
  Environment* env = Environment::GetCurrent(args);
  Isolate* isolate = env->isolate();
  if (!args[0]->IsObject() || !args[1]->IsString() || !args[2]->IsUint32()) {
    return THROW_ERR_INVALID_ARG_TYPE(isolate, "Invalid getnameinfo call");
  }
  uint32_t port = args[2].As<v8::Uint32>()->Value();
  if (port > 65535) {
    return THROW_ERR_OUT_OF_RANGE(isolate, "Invalid port");
  }
  Utf8Value ip(isolate, args[1]);
  sockaddr_storage addr{};
  if (uv_ip4_addr(*ip, port, reinterpret_cast<sockaddr_in*>(&addr)) != 0 &&
      uv_ip6_addr(*ip, port, reinterpret_cast<sockaddr_in6*>(&addr)) != 0) {
    args.GetReturnValue().Set(UV_EINVAL);
    return;
  }
  auto req = std::make_unique<GetNameInfoReq>(env, args[0].As<Object>());
  int err = uv_getnameinfo(env->loop(), &req->uv, AfterGetNameInfo,
                           reinterpret_cast<sockaddr*>(&addr), NI_NAMEREQD);
  const uint8_t* flag = LODE_TRACE_FLAG("node,node.dns,node.dns.native");
  if (err == 0 && tracing::IsEnabled(flag)) {
    tracing::AddEvent('b', flag, "lookupService", true,
                      reinterpret_cast<uintptr_t>(req.get()),
                      {tracing::StringArg("ip", *ip),
                       tracing::IntArg("port", port)});
  }
  if (err == 0) req.release();
  args.GetReturnValue().Set(err);
}

// canonicalizeIP(ip) -> the shortest text form, or undefined.
void CanonicalizeIP(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  if (!args[0]->IsString()) return;
  Utf8Value ip(isolate, args[0]);
  unsigned char bytes[sizeof(in6_addr)];
  int family = AF_INET;
  if (uv_inet_pton(AF_INET, *ip, bytes) != 0) {
    family = AF_INET6;
    if (uv_inet_pton(AF_INET6, *ip, bytes) != 0) return;
  }
  char out[INET6_ADDRSTRLEN];
  if (uv_inet_ntop(family, bytes, out, sizeof(out)) != 0) return;
  args.GetReturnValue().Set(OneByteString(isolate, out));
}

// strerror(code) -> c-ares's message for a setServers status.
void StrError(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  int code = args[0]->IsInt32() ? args[0].As<Int32>()->Value() : 0;
  const char* message = code == kSetServersPending
                            ? "There are pending queries."
                            : ares_strerror(code);
  args.GetReturnValue().Set(OneByteString(isolate, message));
}

// ---- c-ares channels ----------------------------------------------------

class ChannelWrap;

// One query from send to the JS callback.
struct Query {
  ChannelWrap* channel;
  QueryKind kind;
  Global<Object> req;
  std::string name;                   // what is asked (a query)
  unsigned char addr[sizeof(in6_addr)];  // or whose name (getHostByAddr)
  int addr_family = 0;
  int rounds_left = 0;                // resends after a timeout
  int status = ARES_SUCCESS;
  std::vector<unsigned char> answer;  // the DNS reply
  std::vector<std::string> names;     // getHostByAddr's names
};

// A socket c-ares asked us to watch.
struct PollTask {
  uv_poll_t poll;
  ChannelWrap* channel;
  ares_socket_t sock;
};

const WrapType kChannelType = {"ChannelWrap", nullptr};

// The channels of an environment, destroyed at its teardown.
struct ChannelSet : public BindingData {
  std::unordered_set<ChannelWrap*> channels;
};

class ChannelWrap {
 public:
  ChannelWrap(Environment* env, Local<Object> object, int timeout, int tries,
              int max_timeout, bool use_tcp)
      : env_(env), timeout_(timeout), tries_(tries),
        max_timeout_(max_timeout), use_tcp_(use_tcp) {
    object_.Reset(env->isolate(), object);
    SetWrapped(object, this, &kChannelType);
    MakeWeak();
    Channels(env)->channels.insert(this);
  }

  ~ChannelWrap() {
    destroying_ = true;
    if (initialized_) ares_destroy(channel_);  // pending queries end here
    for (Query* q : finished_) delete q;
    finished_.clear();
    for (auto& entry : tasks_) ClosePollTask(entry.second);
    tasks_.clear();
    CloseTimer(&timeout_timer_);
    CloseTimer(&deliver_timer_);
    if (!object_.IsEmpty()) {
      HandleScope scope(env_->isolate());
      ClearWrapped(object_.Get(env_->isolate()));
      object_.Reset();
    }
    ChannelSet* set = env_->GetBindingData<ChannelSet>("cares_wrap");
    if (set != nullptr) set->channels.erase(this);
  }

  // Returns an ARES status.
  int Init() {
    int r = LibraryInit();
    if (r != ARES_SUCCESS) return r;
    ares_options options{};
    options.flags = ARES_FLAG_NOCHECKRESP | (use_tcp_ ? ARES_FLAG_USEVC : 0);
    options.timeout = timeout_;
    options.tries = tries_;
    if (max_timeout_ > 0 && tries_ > 1) {
      // c-ares 1.18's default timeout is 5 s.
      int64_t base = timeout_ < 0 ? 5000 : timeout_;
      int64_t last = base << std::min(tries_ - 1, 30);
      if (max_timeout_ < last) {
        options.timeout = static_cast<int>(std::min<int64_t>(base,
                                                             max_timeout_));
        options.tries = 1;
        extra_rounds_ = tries_ - 1;
      }
    }
    options.sock_state_cb = OnSockState;
    options.sock_state_cb_data = this;
    int mask = ARES_OPT_FLAGS | ARES_OPT_TIMEOUTMS | ARES_OPT_TRIES |
               ARES_OPT_SOCK_STATE_CB;
    r = ares_init_options(&channel_, &options, mask);
    if (r != ARES_SUCCESS) return r;
    initialized_ = true;
    return ARES_SUCCESS;
  }

  static ChannelWrap* From(Local<Value> value) {
    return static_cast<ChannelWrap*>(GetWrapped(value, &kChannelType));
  }

  Environment* env() const { return env_; }
  ares_channel channel() const { return channel_; }
  int active() const { return active_; }

  // Sends `name` as a `kind` query for `req`. Returns 0 or a uv error.
  int Send(QueryKind kind, Local<Object> req, const std::string& name) {
    auto q = std::make_unique<Query>();
    q->channel = this;
    q->kind = kind;
    q->name = name;
    q->rounds_left = extra_rounds_;
    if (kind == QueryKind::kReverse) {
      if (uv_inet_pton(AF_INET, name.c_str(), q->addr) == 0) {
        q->addr_family = AF_INET;
      } else if (uv_inet_pton(AF_INET6, name.c_str(), q->addr) == 0) {
        q->addr_family = AF_INET6;
      } else {
        return UV_EINVAL;
      }
    }
    q->req.Reset(env_->isolate(), req);
    Retain();
    Dispatch(q.release());
    UpdateTimeoutTimer();
    return 0;
  }

  void Cancel() {
    ares_cancel(channel_);
    UpdateTimeoutTimer();
  }

  // The wrapper stays reachable while a query is on its way to JS.
  void Retain() {
    if (active_++ == 0) object_.ClearWeak();
  }
  void Release() {
    if (--active_ == 0) MakeWeak();
  }

  static void EnvCleanup(Environment* env) {
    ChannelSet* set = env->GetBindingData<ChannelSet>("cares_wrap");
    if (set == nullptr) return;
    std::vector<ChannelWrap*> all(set->channels.begin(), set->channels.end());
    for (ChannelWrap* c : all) delete c;
  }

 private:
  static ChannelSet* Channels(Environment* env) {
    ChannelSet* set = env->GetBindingData<ChannelSet>("cares_wrap");
    if (set == nullptr) {
      set = env->SetBindingData("cares_wrap", std::make_unique<ChannelSet>());
      env->AddCleanupHook([env] { EnvCleanup(env); });
    }
    return set;
  }

  static int RecordType(QueryKind kind) {
    switch (kind) {
      case QueryKind::kAny: return ns_t_any;
      case QueryKind::kA: return ns_t_a;
      case QueryKind::kAaaa: return ns_t_aaaa;
      case QueryKind::kCaa: return kTypeCaa;
      case QueryKind::kCname: return ns_t_cname;
      case QueryKind::kMx: return ns_t_mx;
      case QueryKind::kNs: return ns_t_ns;
      case QueryKind::kTlsa: return kTypeTlsa;
      case QueryKind::kTxt: return ns_t_txt;
      case QueryKind::kSrv: return ns_t_srv;
      case QueryKind::kPtr: return ns_t_ptr;
      case QueryKind::kNaptr: return ns_t_naptr;
      case QueryKind::kSoa: return ns_t_soa;
      case QueryKind::kReverse: break;
    }
    UNREACHABLE();
  }

  void MakeWeak() {
    object_.SetWeak(this, OnGC, v8::WeakCallbackType::kParameter);
  }

  static void OnGC(const v8::WeakCallbackInfo<ChannelWrap>& info) {
    ChannelWrap* self = info.GetParameter();
    self->object_.Reset();
    delete self;
  }

  // Hands `q` to c-ares; its callback may run at once.
  void Dispatch(Query* q) {
    if (q->kind == QueryKind::kReverse) {
      int length = q->addr_family == AF_INET ? sizeof(in_addr)
                                             : sizeof(in6_addr);
      ares_gethostbyaddr(channel_, q->addr, length, q->addr_family,
                         OnHostAnswer, q);
    } else {
      ares_query(channel_, q->name.c_str(), ns_c_in, RecordType(q->kind),
                 OnAnswer, q);
    }
  }

  // After a timeout, another round when maxTimeout asked for them.
  bool Resend(Query* q, int status) {
    if (status != ARES_ETIMEOUT || q->rounds_left <= 0 || destroying_) {
      return false;
    }
    q->rounds_left--;
    Dispatch(q);
    return true;
  }

  // c-ares's answer to ares_query.
  static void OnAnswer(void* arg, int status, int, unsigned char* buf,
                       int len) {
    Query* q = static_cast<Query*>(arg);
    if (q->channel->Resend(q, status)) return;
    q->status = status;
    if (status == ARES_SUCCESS && buf != nullptr && len > 0) {
      q->answer.assign(buf, buf + len);
    }
    q->channel->Finish(q);
  }

  // c-ares's answer to ares_gethostbyaddr.
  static void OnHostAnswer(void* arg, int status, int, hostent* host) {
    Query* q = static_cast<Query*>(arg);
    if (q->channel->Resend(q, status)) return;
    q->status = status;
    if (status == ARES_SUCCESS && host != nullptr) {
      for (char** p = host->h_aliases; p != nullptr && *p != nullptr; p++) {
        q->names.emplace_back(*p);
      }
    }
    q->channel->Finish(q);
  }

  void Finish(Query* q) {
    if (destroying_) {
      delete q;
      return;
    }
    finished_.push_back(q);
    if (deliver_timer_ == nullptr) {
      deliver_timer_ = new uv_timer_t();
      uv_timer_init(env_->loop(), deliver_timer_);
      deliver_timer_->data = this;
    }
    if (!uv_is_active(reinterpret_cast<uv_handle_t*>(deliver_timer_))) {
      uv_timer_start(deliver_timer_, OnDeliver, 0, 0);
    }
  }

  static void OnDeliver(uv_timer_t* handle) {
    static_cast<ChannelWrap*>(handle->data)->Deliver();
  }

  void Deliver();

  static void OnSockState(void* data, ares_socket_t sock, int read,
                          int write) {
    ChannelWrap* self = static_cast<ChannelWrap*>(data);
    auto it = self->tasks_.find(sock);
    if (read == 0 && write == 0) {
      if (it != self->tasks_.end()) {
        ClosePollTask(it->second);
        self->tasks_.erase(it);
      }
      return;
    }
    if (self->destroying_) return;
    PollTask* task;
    if (it == self->tasks_.end()) {
      task = new PollTask();
      task->channel = self;
      task->sock = sock;
      if (uv_poll_init_socket(self->env_->loop(), &task->poll, sock) != 0) {
        // The socket cannot be watched; the query will time out.
        delete task;
        return;
      }
      task->poll.data = task;
      self->tasks_.emplace(sock, task);
    } else {
      task = it->second;
    }
    uv_poll_start(&task->poll,
                  (read ? UV_READABLE : 0) | (write ? UV_WRITABLE : 0),
                  OnPoll);
  }

  static void OnPoll(uv_poll_t* handle, int status, int events) {
    PollTask* task = static_cast<PollTask*>(handle->data);
    ChannelWrap* self = task->channel;
    ares_socket_t sock = task->sock;
    // On an error let c-ares try both directions and see for itself. The
    // task may be closed from inside ares_process_fd.
    ares_socket_t rfd = status < 0 || (events & UV_READABLE) ? sock
                                                             : ARES_SOCKET_BAD;
    ares_socket_t wfd = status < 0 || (events & UV_WRITABLE) ? sock
                                                             : ARES_SOCKET_BAD;
    ares_process_fd(self->channel_, rfd, wfd);
    self->UpdateTimeoutTimer();
  }

  static void ClosePollTask(PollTask* task) {
    uv_poll_stop(&task->poll);
    uv_close(reinterpret_cast<uv_handle_t*>(&task->poll), [](uv_handle_t* h) {
      delete static_cast<PollTask*>(h->data);
    });
  }

  static void CloseTimer(uv_timer_t** timer) {
    if (*timer == nullptr) return;
    uv_close(reinterpret_cast<uv_handle_t*>(*timer), [](uv_handle_t* h) {
      delete reinterpret_cast<uv_timer_t*>(h);
    });
    *timer = nullptr;
  }

  // Arms the timer for c-ares's next timeout, or stops it when no query
  // waits.
  void UpdateTimeoutTimer() {
    if (destroying_) return;
    timeval tv;
    if (ares_timeout(channel_, nullptr, &tv) == nullptr) {
      if (timeout_timer_ != nullptr) uv_timer_stop(timeout_timer_);
      return;
    }
    if (timeout_timer_ == nullptr) {
      timeout_timer_ = new uv_timer_t();
      uv_timer_init(env_->loop(), timeout_timer_);
      timeout_timer_->data = this;
    }
    uint64_t ms = static_cast<uint64_t>(tv.tv_sec) * 1000 +
                  static_cast<uint64_t>((tv.tv_usec + 999) / 1000);
    uv_timer_start(timeout_timer_, OnTimeout, ms, 0);
  }

  static void OnTimeout(uv_timer_t* handle) {
    ChannelWrap* self = static_cast<ChannelWrap*>(handle->data);
    ares_process_fd(self->channel_, ARES_SOCKET_BAD, ARES_SOCKET_BAD);
    self->UpdateTimeoutTimer();
  }

  Environment* env_;
  Global<Object> object_;
  ares_channel channel_ = nullptr;
  bool initialized_ = false;
  bool destroying_ = false;
  int timeout_;
  int tries_;
  int max_timeout_;
  int extra_rounds_ = 0;
  bool use_tcp_;
  int active_ = 0;  // queries sent and not yet delivered to JS
  std::unordered_map<ares_socket_t, PollTask*> tasks_;
  std::vector<Query*> finished_;
  uv_timer_t* timeout_timer_ = nullptr;
  uv_timer_t* deliver_timer_ = nullptr;
};

// Turns a finished query into the arguments of req.oncomplete: an ARES
// status, and the result (and TTLs) on success.
int BuildResult(Environment* env, Query* q, Local<Value>* result,
                Local<Value>* ttls) {
  Isolate* isolate = env->isolate();
  if (q->status != ARES_SUCCESS) return q->status;
  if (q->kind == QueryKind::kReverse) {
    std::vector<Local<Value>> names;
    for (const std::string& name : q->names) {
      names.push_back(Latin1(isolate, name.data(), name.size()));
    }
    *result = Array::New(isolate, names.data(), names.size());
    return ARES_SUCCESS;
  }
  return ParseReply(env, q->kind, q->answer, result, ttls);
}

void ChannelWrap::Deliver() {
  std::vector<Query*> list = std::move(finished_);
  finished_.clear();
  Isolate* isolate = env_->isolate();
  HandleScope scope(isolate);
  Context::Scope context_scope(env_->context());
  // Keeps the wrapper alive while the callbacks run, even once no query
  // holds it any more.
  Local<Object> self = object_.Get(isolate);
  for (size_t i = 0; i < list.size(); i++) {
    std::unique_ptr<Query> q(list[i]);
    Release();
    if (!env_->can_call_into_js()) continue;
    HandleScope item_scope(isolate);
    Local<Value> result = v8::Undefined(isolate);
    Local<Value> ttls;
    int status = BuildResult(env_, q.get(), &result, &ttls);
    Local<Object> req = q->req.Get(isolate);
    if (status != ARES_SUCCESS) {
      Local<Value> argv[1] = {OneByteString(isolate, AresCodeName(status))};
      MakeCallback(env_, req, "oncomplete", 1, argv);
    } else if (!ttls.IsEmpty()) {
      Local<Value> argv[3] = {Integer::New(isolate, 0), result, ttls};
      MakeCallback(env_, req, "oncomplete", 3, argv);
    } else {
      Local<Value> argv[2] = {Integer::New(isolate, 0), result};
      MakeCallback(env_, req, "oncomplete", 2, argv);
    }
  }
  (void)self;
}

// ---- ChannelWrap's JS methods -------------------------------------------

// new ChannelWrap(timeout, tries, maxTimeout[, useTcp])
void NewChannel(const FunctionCallbackInfo<Value>& args) {
  Environment* env = Environment::GetCurrent(args);
  Isolate* isolate = env->isolate();
  if (!args.IsConstructCall()) {
    return THROW_ERR_INVALID_STATE(isolate, "ChannelWrap needs new");
  }
  if (!args[0]->IsInt32() || !args[1]->IsInt32() ||
      !(args[2]->IsUint32() || args[2]->IsUndefined())) {
    return THROW_ERR_INVALID_ARG_TYPE(isolate, "Invalid ChannelWrap options");
  }
  int timeout = args[0].As<Int32>()->Value();
  int tries = args[1].As<Int32>()->Value();
  int64_t max_timeout =
      args[2]->IsUint32() ? args[2].As<v8::Uint32>()->Value() : 0;
  if (timeout < -1 || tries < 1 || max_timeout > INT32_MAX) {
    return THROW_ERR_OUT_OF_RANGE(isolate, "Invalid ChannelWrap options");
  }
  bool use_tcp = args[3]->IsTrue();
  auto* channel = new ChannelWrap(env, args.This(), timeout, tries,
                                  static_cast<int>(max_timeout), use_tcp);
  int r = channel->Init();
  if (r != ARES_SUCCESS) {
    // The wrapper is weak and idle: GC frees it.
    isolate->ThrowException(
        v8::Exception::Error(OneByteString(isolate, AresCodeName(r))));
  }
}

#define UNWRAP_CHANNEL(var)                                              \
  ChannelWrap* var = ChannelWrap::From(args.This());                      \
  if (var == nullptr || var->channel() == nullptr) {                      \
    return THROW_ERR_INVALID_STATE(args.GetIsolate(),                      \
                                   "Illegal invocation of ChannelWrap");  \
  }

template <QueryKind kind>
void QueryMethod(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_CHANNEL(channel);
  Isolate* isolate = args.GetIsolate();
  if (!args[0]->IsObject() || !args[1]->IsString()) {
    return THROW_ERR_INVALID_ARG_TYPE(isolate, "Invalid query call");
  }
  Utf8Value name(isolate, args[1]);
  args.GetReturnValue().Set(
      channel->Send(kind, args[0].As<Object>(), name.ToString()));
}

// getServers() -> [[ip, port], ...]
void GetServers(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_CHANNEL(channel);
  Isolate* isolate = args.GetIsolate();
  ares_addr_port_node* servers = nullptr;
  if (ares_get_servers_ports(channel->channel(), &servers) != ARES_SUCCESS) {
    return;
  }
  std::vector<Local<Value>> list;
  for (ares_addr_port_node* s = servers; s != nullptr; s = s->next) {
    char ip[INET6_ADDRSTRLEN];
    if (uv_inet_ntop(s->family, &s->addr, ip, sizeof(ip)) != 0) continue;
    Local<Value> pair[2] = {OneByteString(isolate, ip),
                            Integer::New(isolate, s->udp_port)};
    list.push_back(Array::New(isolate, pair, 2));
  }
  ares_free_data(servers);
  args.GetReturnValue().Set(Array::New(isolate, list.data(), list.size()));
}

// setServers([[family, ip, port], ...]) -> c-ares status
void SetServers(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_CHANNEL(channel);
  Isolate* isolate = args.GetIsolate();
  Local<Context> context = isolate->GetCurrentContext();
  if (!args[0]->IsArray()) {
    return THROW_ERR_INVALID_ARG_TYPE(isolate, "Invalid setServers call");
  }
  if (channel->active() > 0) {
    args.GetReturnValue().Set(kSetServersPending);
    return;
  }
  Local<Array> list = args[0].As<Array>();
  uint32_t count = list->Length();
  std::vector<ares_addr_port_node> servers(count);
  int err = ARES_SUCCESS;
  for (uint32_t i = 0; i < count; i++) {
    Local<Value> entry;
    if (!list->Get(context, i).ToLocal(&entry)) return;
    if (!entry->IsArray()) {
      err = ARES_EBADSTR;
      break;
    }
    Local<Value> family;
    Local<Value> ip;
    Local<Value> port;
    Local<Array> tuple = entry.As<Array>();
    if (!tuple->Get(context, 0).ToLocal(&family) ||
        !tuple->Get(context, 1).ToLocal(&ip) ||
        !tuple->Get(context, 2).ToLocal(&port)) {
      return;
    }
    if (!family->IsInt32() || !ip->IsString() || !port->IsInt32()) {
      err = ARES_EBADSTR;
      break;
    }
    ares_addr_port_node* node = &servers[i];
    // As the newer c-ares Node has, a port keeps its low 16 bits.
    int port_value = port.As<Int32>()->Value() & 0xffff;
    node->udp_port = node->tcp_port = port_value;
    Utf8Value text(isolate, ip);
    int fam = family.As<Int32>()->Value();
    if (fam == 4) {
      node->family = AF_INET;
      err = uv_inet_pton(AF_INET, *text, &node->addr);
    } else if (fam == 6) {
      node->family = AF_INET6;
      err = uv_inet_pton(AF_INET6, *text, &node->addr);
    } else {
      err = 1;
    }
    if (err != 0) {
      err = ARES_EBADSTR;
      break;
    }
  }
  // A server given twice (same address and port) is used once.
  ares_addr_port_node* head = nullptr;
  ares_addr_port_node* tail = nullptr;
  for (uint32_t i = 0; err == ARES_SUCCESS && i < count; i++) {
    ares_addr_port_node* node = &servers[i];
    bool seen = false;
    for (ares_addr_port_node* p = head; p != nullptr && !seen; p = p->next) {
      seen = p->family == node->family && p->udp_port == node->udp_port &&
             memcmp(&p->addr, &node->addr,
                    node->family == AF_INET ? sizeof(in_addr)
                                            : sizeof(in6_addr)) == 0;
    }
    if (seen) continue;
    node->next = nullptr;
    if (tail != nullptr) tail->next = node;
    else head = node;
    tail = node;
  }
  if (err == ARES_SUCCESS) {
    err = ares_set_servers_ports(channel->channel(), head);
  }
  args.GetReturnValue().Set(err);
}

// setLocalAddress(ip[, otherFamilyIp]): the addresses queries are sent
// from; the family not given is reset to any.
void SetLocalAddress(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_CHANNEL(channel);
  Isolate* isolate = args.GetIsolate();
  if (!args[0]->IsString() ||
      !(args[1]->IsUndefined() || args[1]->IsString())) {
    return THROW_ERR_INVALID_ARG_TYPE(isolate, "Invalid setLocalAddress call");
  }
  unsigned char v4[sizeof(in_addr)];
  unsigned char v6[sizeof(in6_addr)] = {};
  bool have4 = false;
  bool have6 = false;
  for (int i = 0; i < 2; i++) {
    if (args[i]->IsUndefined()) break;
    Utf8Value ip(isolate, args[i]);
    unsigned char buf[sizeof(in6_addr)];
    if (uv_inet_pton(AF_INET, *ip, buf) == 0) {
      if (have4) {
        return THROW_ERR_INVALID_ARG_VALUE(
            isolate, "Cannot specify two IPv4 addresses.");
      }
      memcpy(v4, buf, sizeof(v4));
      have4 = true;
    } else if (uv_inet_pton(AF_INET6, *ip, buf) == 0) {
      if (have6) {
        return THROW_ERR_INVALID_ARG_VALUE(
            isolate, "Cannot specify two IPv6 addresses.");
      }
      memcpy(v6, buf, sizeof(v6));
      have6 = true;
    } else {
      return THROW_ERR_INVALID_ARG_VALUE(isolate, "Invalid IP address.");
    }
  }
  ares_set_local_ip4(channel->channel(), have4 ? ReadU32(v4) : 0);
  ares_set_local_ip6(channel->channel(), v6);
}

void Cancel(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_CHANNEL(channel);
  channel->Cancel();
}

#undef UNWRAP_CHANNEL

void PlainConstructor(const FunctionCallbackInfo<Value>& args) {}

#define LODE_QUERY_METHODS(V)       \
  V("queryAny", kAny)              \
  V("queryA", kA)                  \
  V("queryAaaa", kAaaa)            \
  V("queryCaa", kCaa)              \
  V("queryCname", kCname)          \
  V("queryMx", kMx)                \
  V("queryNs", kNs)                \
  V("queryTlsa", kTlsa)            \
  V("queryTxt", kTxt)              \
  V("querySrv", kSrv)              \
  V("queryPtr", kPtr)              \
  V("queryNaptr", kNaptr)          \
  V("querySoa", kSoa)              \
  V("getHostByAddr", kReverse)

void Initialize(Local<Object> target, Local<Value>, Local<Context> context,
                void*) {
  Isolate* isolate = context->GetIsolate();
  SetMethod(context, target, "getaddrinfo", GetAddrInfo);
  SetMethod(context, target, "getnameinfo", GetNameInfo);
  SetMethodNoSideEffect(context, target, "canonicalizeIP", CanonicalizeIP);
  SetMethod(context, target, "strerror", StrError);

  SetConstant(context, target, "AF_INET", AF_INET);
  SetConstant(context, target, "AF_INET6", AF_INET6);
  SetConstant(context, target, "AF_UNSPEC", AF_UNSPEC);
  SetConstant(context, target, "AI_ADDRCONFIG", AI_ADDRCONFIG);
  SetConstant(context, target, "AI_ALL", AI_ALL);
  SetConstant(context, target, "AI_V4MAPPED", AI_V4MAPPED);
  SetConstant(context, target, "DNS_ORDER_VERBATIM", kOrderVerbatim);
  SetConstant(context, target, "DNS_ORDER_IPV4_FIRST", kOrderIPv4First);
  SetConstant(context, target, "DNS_ORDER_IPV6_FIRST", kOrderIPv6First);

  for (const char* name :
       {"GetAddrInfoReqWrap", "GetNameInfoReqWrap", "QueryReqWrap"}) {
    Local<FunctionTemplate> t = NewFunctionTemplate(isolate, PlainConstructor);
    SetConstructorFunction(context, target, name, t);
  }

  Local<FunctionTemplate> t = NewFunctionTemplate(isolate, NewChannel);
  t->InstanceTemplate()->SetInternalFieldCount(kWrapFieldCount);
#define V(js_name, kind) \
  SetProtoMethod(isolate, t, js_name, QueryMethod<QueryKind::kind>);
  LODE_QUERY_METHODS(V)
#undef V
  SetProtoMethod(isolate, t, "getServers", GetServers);
  SetProtoMethod(isolate, t, "setServers", SetServers);
  SetProtoMethod(isolate, t, "setLocalAddress", SetLocalAddress);
  SetProtoMethod(isolate, t, "cancel", Cancel);
  SetConstructorFunction(context, target, "ChannelWrap", t);
}

void RegisterExternalReferences(ExternalReferenceRegistry* registry) {
  registry->Register(GetAddrInfo);
  registry->Register(GetNameInfo);
  registry->Register(CanonicalizeIP);
  registry->Register(StrError);
  registry->Register(PlainConstructor);
  registry->Register(NewChannel);
#define V(js_name, kind) registry->Register(QueryMethod<QueryKind::kind>);
  LODE_QUERY_METHODS(V)
#undef V
  registry->Register(GetServers);
  registry->Register(SetServers);
  registry->Register(SetLocalAddress);
  registry->Register(Cancel);
}

#undef LODE_QUERY_METHODS

}  // namespace
}  // namespace lode::cares_wrap

LODE_BINDING_CONTEXT_AWARE_INTERNAL(cares_wrap,
                                    lode::cares_wrap::Initialize)
LODE_BINDING_EXTERNAL_REFERENCE(cares_wrap,
                                lode::cares_wrap::RegisterExternalReferences)
