// internalBinding('udp_wrap'): UDP, a HandleWrap over uv_udp_t, and
// SendWrap, the request object of a send, as lib/internal/dgram.js uses
// them:
//   new UDP()
//   open(fd), bind(ip, port, flags), bind6(ip, port, flags),
//   connect(ip, port), connect6(ip, port), disconnect() -> err
//   send(req, list, count, port, ip, hasCallback) (send6 alike), or
//   send(req, list, count, hasCallback) on a connected socket -> err;
//     a datagram the kernel took at once returns its size + 1 (so that an
//     empty one is told apart from 0, "queued"); a queued one later calls
//     req.oncomplete(status, size) when hasCallback was true.
//   recvStart(), recvStop() -> err; each datagram calls
//     onmessage(nread, handle, bytes, rinfo) with a Uint8Array and
//     { address, family, port }; a failed read onmessage(err, handle).
//   getsockname(out), getpeername(out) -> err
//   addMembership(group, iface), dropMembership(group, iface),
//   addSourceSpecificMembership(source, group, iface) (drop... alike),
//   setMulticastInterface(iface), setMulticastTTL(n),
//   setMulticastLoopback(on), setBroadcast(on), setTTL(n) -> err
//   bufferSize(size, isRecv, ctx) -> the size, or undefined with ctx given
//     errno, code, message and syscall.
//   getSendQueueSize(), getSendQueueCount(); the `fd` getter.
// constants: UV_UDP_IPV6ONLY, UV_UDP_REUSEADDR and UV_UDP_REUSEPORT. The
// libuv lode links (1.44) has no UV_UDP_REUSEPORT: the flag keeps Node's
// value and bind() sets SO_REUSEPORT on the socket itself.
#include <net/if.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstring>
#include <memory>
#include <vector>

#include "env.h"
#include "handle_wrap.h"
#include "lode_binding.h"
#include "lode_errors.h"
#include "lode_options.h"
#include "util.h"

namespace lode::udp_wrap {

using v8::Array;
using v8::ArrayBuffer;
using v8::Context;
using v8::FunctionCallbackInfo;
using v8::FunctionTemplate;
using v8::Global;
using v8::HandleScope;
using v8::Integer;
using v8::Isolate;
using v8::Local;
using v8::Object;
using v8::String;
using v8::Uint8Array;
using v8::Value;

namespace {

// Node's value of the flag (libuv 1.49+).
constexpr unsigned kReusePort = 64;
// Largest datagram payload: what the receive buffer holds.
constexpr size_t kRecvBufferSize = 64 * 1024;

// A JS value as UTF-8; false when converting it threw.
bool StringArg(Isolate* isolate, Local<Value> value, std::string* out) {
  Local<String> str;
  if (value->IsString()) {
    str = value.As<String>();
  } else if (!value->ToString(isolate->GetCurrentContext()).ToLocal(&str)) {
    return false;
  }
  *out = Utf8Value(isolate, str).ToString();
  return true;
}

// ip + port for the address family of the call (bind vs bind6, ...).
int MakeAddress(bool ipv6, const char* ip, int port, sockaddr_storage* out) {
  memset(out, 0, sizeof(*out));
  if (port < 0 || port > 65535) return UV_EINVAL;
  return ipv6 ? uv_ip6_addr(ip, port, reinterpret_cast<sockaddr_in6*>(out))
              : uv_ip4_addr(ip, port, reinterpret_cast<sockaddr_in*>(out));
}

int PortArg(Local<Value> value) {
  if (value->IsUint32()) return static_cast<int>(value.As<v8::Uint32>()->Value());
  return -1;
}

class UDPWrap;

// One queued datagram. Its bytes are copied: a view the program still holds
// could be detached or shrunk before libuv gets to it.
struct SendReq : public ActiveRequest {
  SendReq(Environment* env, Local<Object> object, bool has_callback,
          size_t size)
      : ActiveRequest(env, "SendWrap"),
        env(env),
        has_callback(has_callback),
        size(size) {
    req.Reset(env->isolate(), object);
    uv.data = this;
  }
  Local<Object> request_object() const override {
    return req.Get(env->isolate());
  }
  Environment* env;
  Global<Object> req;
  bool has_callback;
  size_t size;
  std::vector<char> data;
  uv_udp_send_t uv;
};

class UDPWrap : public HandleWrap {
 public:
  static const WrapType kType;

  UDPWrap(Environment* env, Local<Object> object)
      : HandleWrap(env, object, reinterpret_cast<uv_handle_t*>(&udp_),
                   &kType) {
    CHECK_EQ(uv_udp_init(env->loop(), &udp_), 0);
    udp_.data = static_cast<HandleWrap*>(this);
    no_try_send_ = env->options()->GetBool("--test-udp-no-try-send");
  }

  static void New(const FunctionCallbackInfo<Value>& args) {
    CHECK(args.IsConstructCall());
    new UDPWrap(Environment::GetCurrent(args), args.This());
  }

  static UDPWrap* Get(const FunctionCallbackInfo<Value>& args) {
    UDPWrap* wrap = static_cast<UDPWrap*>(
        static_cast<HandleWrap*>(GetWrapped(args.This(), &kType)));
    if (wrap == nullptr || wrap->state() != kInitialized) {
      args.GetReturnValue().Set(UV_EBADF);
      return nullptr;
    }
    return wrap;
  }

  static void GetFd(const FunctionCallbackInfo<Value>& args) {
    UDPWrap* wrap = static_cast<UDPWrap*>(
        static_cast<HandleWrap*>(GetWrapped(args.This(), &kType)));
    uv_os_fd_t fd = UV_EBADF;
    if (wrap == nullptr || wrap->state() != kInitialized ||
        uv_fileno(wrap->handle(), &fd) != 0) {
      fd = UV_EBADF;
    }
    args.GetReturnValue().Set(static_cast<int>(fd));
  }

  static void Open(const FunctionCallbackInfo<Value>& args) {
    UDPWrap* wrap = Get(args);
    if (wrap == nullptr) return;
    if (!args[0]->IsInt32() || args[0].As<v8::Int32>()->Value() < 0) {
      args.GetReturnValue().Set(UV_EBADF);
      return;
    }
    args.GetReturnValue().Set(
        uv_udp_open(&wrap->udp_, args[0].As<v8::Int32>()->Value()));
  }

  template <bool kIPv6>
  static void Bind(const FunctionCallbackInfo<Value>& args) {
    UDPWrap* wrap = Get(args);
    if (wrap == nullptr) return;
    std::string ip;
    if (!StringArg(args.GetIsolate(), args[0], &ip)) return;
    unsigned flags = args[2]->IsUint32() ? args[2].As<v8::Uint32>()->Value()
                                         : 0;
    sockaddr_storage addr;
    int err = MakeAddress(kIPv6, ip.c_str(), PortArg(args[1]), &addr);
    if (err == 0 && (flags & kReusePort)) err = wrap->SetReusePort(kIPv6, flags);
    if (err == 0) {
      err = uv_udp_bind(&wrap->udp_, reinterpret_cast<sockaddr*>(&addr),
                        flags & (UV_UDP_IPV6ONLY | UV_UDP_REUSEADDR));
    }
    args.GetReturnValue().Set(err);
  }

  template <bool kIPv6>
  static void Connect(const FunctionCallbackInfo<Value>& args) {
    UDPWrap* wrap = Get(args);
    if (wrap == nullptr) return;
    std::string ip;
    if (!StringArg(args.GetIsolate(), args[0], &ip)) return;
    sockaddr_storage addr;
    int err = MakeAddress(kIPv6, ip.c_str(), PortArg(args[1]), &addr);
    if (err == 0) {
      err = uv_udp_connect(&wrap->udp_, reinterpret_cast<sockaddr*>(&addr));
    }
    args.GetReturnValue().Set(err);
  }

  static void Disconnect(const FunctionCallbackInfo<Value>& args) {
    UDPWrap* wrap = Get(args);
    if (wrap == nullptr) return;
    args.GetReturnValue().Set(uv_udp_connect(&wrap->udp_, nullptr));
  }

  template <bool kIPv6>
  static void Send(const FunctionCallbackInfo<Value>& args) {
    UDPWrap* wrap = Get(args);
    if (wrap == nullptr) return;
    Isolate* isolate = args.GetIsolate();
    Local<Context> context = isolate->GetCurrentContext();
    // send(req, list, count, port, ip, hasCallback) or, connected,
    // send(req, list, count, hasCallback).
    bool sendto = args.Length() >= 6;
    if (!args[0]->IsObject() || !args[1]->IsArray()) {
      return THROW_ERR_INVALID_ARG_TYPE(isolate, "Invalid send call");
    }
    Local<Array> list = args[1].As<Array>();
    uint32_t count = list->Length();
    if (args[2]->IsUint32() && args[2].As<v8::Uint32>()->Value() < count) {
      count = args[2].As<v8::Uint32>()->Value();
    }
    // The bytes are used in place for an immediate send and copied only
    // when the datagram has to wait in libuv's queue.
    std::vector<uv_buf_t> bufs;
    bufs.reserve(count);
    size_t total = 0;
    for (uint32_t i = 0; i < count; i++) {
      Local<Value> chunk;
      if (!list->Get(context, i).ToLocal(&chunk)) return;
      if (!chunk->IsArrayBufferView()) {
        return THROW_ERR_INVALID_ARG_TYPE(
            isolate, "Buffer list arguments must be ArrayBufferViews");
      }
      Local<v8::ArrayBufferView> view = chunk.As<v8::ArrayBufferView>();
      size_t len = view->ByteLength();
      char* base = nullptr;
      if (len > 0) {
        base = static_cast<char*>(view->Buffer()->Data()) + view->ByteOffset();
      }
      bufs.push_back(uv_buf_init(base, static_cast<unsigned>(len)));
      total += len;
    }
    // libuv wants at least one buffer, even for an empty datagram.
    if (bufs.empty()) bufs.push_back(uv_buf_init(nullptr, 0));
    sockaddr_storage storage;
    sockaddr* addr = nullptr;
    bool has_callback;
    if (sendto) {
      std::string ip;
      if (!StringArg(isolate, args[4], &ip)) return;
      int err = MakeAddress(kIPv6, ip.c_str(), PortArg(args[3]), &storage);
      if (err != 0) {
        args.GetReturnValue().Set(err);
        return;
      }
      addr = reinterpret_cast<sockaddr*>(&storage);
      has_callback = args[5]->IsTrue();
    } else {
      has_callback = args[3]->IsTrue();
    }
    args.GetReturnValue().Set(
        wrap->DoSend(args[0].As<Object>(), bufs, total, addr, has_callback));
  }

  static void RecvStart(const FunctionCallbackInfo<Value>& args) {
    UDPWrap* wrap = Get(args);
    if (wrap == nullptr) return;
    int err = uv_udp_recv_start(&wrap->udp_, OnAlloc, OnRecv);
    // Already receiving is fine.
    if (err == UV_EALREADY) err = 0;
    args.GetReturnValue().Set(err);
  }

  static void RecvStop(const FunctionCallbackInfo<Value>& args) {
    UDPWrap* wrap = Get(args);
    if (wrap == nullptr) return;
    args.GetReturnValue().Set(uv_udp_recv_stop(&wrap->udp_));
  }

  template <bool kPeer>
  static void GetName(const FunctionCallbackInfo<Value>& args) {
    UDPWrap* wrap = Get(args);
    if (wrap == nullptr) return;
    if (!args[0]->IsObject()) {
      return THROW_ERR_INVALID_ARG_TYPE(args.GetIsolate(),
                                        "First argument must be an object");
    }
    sockaddr_storage storage;
    int len = sizeof(storage);
    sockaddr* addr = reinterpret_cast<sockaddr*>(&storage);
    int err = kPeer ? uv_udp_getpeername(&wrap->udp_, addr, &len)
                    : uv_udp_getsockname(&wrap->udp_, addr, &len);
    if (err == 0 &&
        !SockaddrToJS(args.GetIsolate(), addr, args[0].As<Object>())) {
      return;
    }
    args.GetReturnValue().Set(err);
  }

  template <uv_membership kWhich>
  static void SetMembership(const FunctionCallbackInfo<Value>& args) {
    UDPWrap* wrap = Get(args);
    if (wrap == nullptr) return;
    Isolate* isolate = args.GetIsolate();
    std::string group, iface;
    if (!StringArg(isolate, args[0], &group)) return;
    bool has_iface = !args[1]->IsUndefined() && !args[1]->IsNull();
    if (has_iface && !StringArg(isolate, args[1], &iface)) return;
    args.GetReturnValue().Set(uv_udp_set_membership(
        &wrap->udp_, group.c_str(), has_iface ? iface.c_str() : nullptr,
        kWhich));
  }

  template <uv_membership kWhich>
  static void SetSourceMembership(const FunctionCallbackInfo<Value>& args) {
    UDPWrap* wrap = Get(args);
    if (wrap == nullptr) return;
    Isolate* isolate = args.GetIsolate();
    std::string source, group, iface;
    if (!StringArg(isolate, args[0], &source) ||
        !StringArg(isolate, args[1], &group)) {
      return;
    }
    bool has_iface = !args[2]->IsUndefined() && !args[2]->IsNull();
    if (has_iface && !StringArg(isolate, args[2], &iface)) return;
    args.GetReturnValue().Set(uv_udp_set_source_membership(
        &wrap->udp_, group.c_str(), has_iface ? iface.c_str() : nullptr,
        source.c_str(), kWhich));
  }

  static void SetMulticastInterface(const FunctionCallbackInfo<Value>& args) {
    UDPWrap* wrap = Get(args);
    if (wrap == nullptr) return;
    std::string iface;
    if (!StringArg(args.GetIsolate(), args[0], &iface)) return;
    args.GetReturnValue().Set(
        uv_udp_set_multicast_interface(&wrap->udp_, iface.c_str()));
  }

  // setTTL, setMulticastTTL, setBroadcast, setMulticastLoopback.
  template <int (*fn)(uv_udp_t*, int)>
  static void SetInt(const FunctionCallbackInfo<Value>& args) {
    UDPWrap* wrap = Get(args);
    if (wrap == nullptr) return;
    int32_t value;
    if (!args[0]->Int32Value(args.GetIsolate()->GetCurrentContext())
             .To(&value)) {
      return;
    }
    args.GetReturnValue().Set(fn(&wrap->udp_, value));
  }

  static void BufferSize(const FunctionCallbackInfo<Value>& args) {
    Isolate* isolate = args.GetIsolate();
    bool is_recv = args[1]->IsTrue();
    const char* syscall =
        is_recv ? "uv_recv_buffer_size" : "uv_send_buffer_size";
    UDPWrap* wrap = static_cast<UDPWrap*>(
        static_cast<HandleWrap*>(GetWrapped(args.This(), &kType)));
    int err;
    int size = 0;
    if (wrap == nullptr || wrap->state() != kInitialized) {
      err = UV_EBADF;
    } else if (!args[0]->IsInt32() || args[0].As<v8::Int32>()->Value() < 0) {
      err = UV_EINVAL;
    } else {
      size = args[0].As<v8::Int32>()->Value();
      err = is_recv ? uv_recv_buffer_size(wrap->handle(), &size)
                    : uv_send_buffer_size(wrap->handle(), &size);
    }
    if (err == 0) {
      args.GetReturnValue().Set(size);
      return;
    }
    if (!args[2]->IsObject()) return;
    Local<Object> ctx = args[2].As<Object>();
    Local<Context> context = isolate->GetCurrentContext();
    (void)(ctx->CreateDataProperty(context, OneByteString(isolate, "errno"),
                                   Integer::New(isolate, err))
               .FromMaybe(false) &&
           ctx->CreateDataProperty(context, OneByteString(isolate, "code"),
                                   OneByteString(isolate, uv_err_name(err)))
               .FromMaybe(false) &&
           ctx->CreateDataProperty(context, OneByteString(isolate, "message"),
                                   OneByteString(isolate, uv_strerror(err)))
               .FromMaybe(false) &&
           ctx->CreateDataProperty(context, OneByteString(isolate, "syscall"),
                                   OneByteString(isolate, syscall))
               .FromMaybe(false));
  }

  static void GetSendQueueSize(const FunctionCallbackInfo<Value>& args) {
    UDPWrap* wrap = Get(args);
    if (wrap == nullptr) return;
    args.GetReturnValue().Set(
        static_cast<double>(uv_udp_get_send_queue_size(&wrap->udp_)));
  }

  static void GetSendQueueCount(const FunctionCallbackInfo<Value>& args) {
    UDPWrap* wrap = Get(args);
    if (wrap == nullptr) return;
    args.GetReturnValue().Set(
        static_cast<double>(uv_udp_get_send_queue_count(&wrap->udp_)));
  }

 private:
  // SO_REUSEPORT must be on before bind(), and uv_udp_bind() makes the
  // socket and binds it in one go: make it here, then let libuv adopt it.
  int SetReusePort(bool ipv6, unsigned flags) {
    uv_os_fd_t fd;
    bool fresh = uv_fileno(handle(), &fd) != 0;
    if (fresh) {
      fd = socket(ipv6 ? AF_INET6 : AF_INET, SOCK_DGRAM | SOCK_CLOEXEC, 0);
      if (fd < 0) return -errno;
    }
    int on = 1;
    if (setsockopt(fd, SOL_SOCKET, SO_REUSEPORT, &on, sizeof(on)) != 0) {
      int err = -errno;
      if (fresh) close(fd);
      return err;
    }
    if (!fresh) return 0;
    int err = uv_udp_open(&udp_, fd);
    if (err != 0) {
      close(fd);
      return err;
    }
    // uv_udp_open() turned SO_REUSEADDR on: keep it only when asked for.
    if (!(flags & UV_UDP_REUSEADDR)) {
      int off = 0;
      setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &off, sizeof(off));
    }
    return 0;
  }

  int DoSend(Local<Object> req_object, const std::vector<uv_buf_t>& bufs,
             size_t size, const sockaddr* addr, bool has_callback) {
    if (!no_try_send_) {
      int r = uv_udp_try_send(&udp_, bufs.data(),
                              static_cast<unsigned>(bufs.size()), addr);
      // A datagram goes whole or not at all.
      if (r >= 0) return static_cast<int>(size) + 1;
      if (r != UV_EAGAIN && r != UV_ENOSYS) return r;
    }
    auto* req = new SendReq(env(), req_object, has_callback, size);
    req->data.resize(size);
    size_t at = 0;
    for (const uv_buf_t& b : bufs) {
      if (b.len > 0) memcpy(req->data.data() + at, b.base, b.len);
      at += b.len;
    }
    uv_buf_t buf = uv_buf_init(req->data.data(), static_cast<unsigned>(size));
    int err = uv_udp_send(&req->uv, &udp_, &buf, 1, addr, OnSend);
    if (err != 0) delete req;
    return err;
  }

  static void OnSend(uv_udp_send_t* uv_req, int status) {
    std::unique_ptr<SendReq> req(static_cast<SendReq*>(uv_req->data));
    Environment* env = req->env;
    if (!req->has_callback || !env->can_call_into_js()) return;
    Isolate* isolate = env->isolate();
    HandleScope scope(isolate);
    Context::Scope context_scope(env->context());
    Local<Value> argv[2] = {
        Integer::New(isolate, status),
        v8::Number::New(isolate, static_cast<double>(req->size))};
    MakeCallback(env, req->req.Get(isolate), "oncomplete", 2, argv);
  }

  static void OnAlloc(uv_handle_t* handle, size_t, uv_buf_t* buf) {
    UDPWrap* wrap =
        static_cast<UDPWrap*>(static_cast<HandleWrap*>(handle->data));
    if (!wrap->recv_buffer_) {
      wrap->recv_buffer_ = std::make_unique<char[]>(kRecvBufferSize);
    }
    *buf = uv_buf_init(wrap->recv_buffer_.get(), kRecvBufferSize);
  }

  static void OnRecv(uv_udp_t* handle, ssize_t nread, const uv_buf_t* buf,
                     const sockaddr* addr, unsigned flags) {
    UDPWrap* wrap =
        static_cast<UDPWrap*>(static_cast<HandleWrap*>(handle->data));
    // Nothing more to read this time.
    if (nread == 0 && addr == nullptr) return;
    Environment* env = wrap->env();
    if (!env->can_call_into_js() || wrap->state() != kInitialized) return;
    Isolate* isolate = env->isolate();
    HandleScope scope(isolate);
    Local<Context> context = env->context();
    Context::Scope context_scope(context);
    Local<Value> argv[4] = {Integer::New(isolate, static_cast<int>(nread)),
                            wrap->object(), v8::Undefined(isolate),
                            v8::Undefined(isolate)};
    if (nread < 0) {
      MakeCallback(env, wrap->object(), "onmessage", 4, argv);
      return;
    }
    Local<Object> rinfo = Object::New(isolate);
    if (!SockaddrToJS(isolate, addr, rinfo)) return;
    Local<ArrayBuffer> ab = ArrayBuffer::New(isolate, nread);
    if (nread > 0) memcpy(ab->Data(), buf->base, nread);
    argv[2] = Uint8Array::New(ab, 0, nread);
    argv[3] = rinfo;
    MakeCallback(env, wrap->object(), "onmessage", 4, argv);
  }

  uv_udp_t udp_;
  std::unique_ptr<char[]> recv_buffer_;
  // --test-udp-no-try-send: every datagram goes through libuv's queue.
  bool no_try_send_ = false;
};

const WrapType UDPWrap::kType = {"UDPWrap", &HandleWrap::kType};

void PlainConstructor(const FunctionCallbackInfo<Value>& args) {
  CHECK(args.IsConstructCall());
}

void Initialize(Local<Object> target, Local<Value>, Local<Context> context,
                void*) {
  Environment* env = Environment::GetCurrent(context);
  Isolate* isolate = env->isolate();
  Local<FunctionTemplate> t = NewFunctionTemplate(isolate, UDPWrap::New);
  t->InstanceTemplate()->SetInternalFieldCount(kWrapFieldCount);
  HandleWrap::AddPrototypeMethods(isolate, t);
  Local<FunctionTemplate> fd_getter = FunctionTemplate::New(
      isolate, UDPWrap::GetFd, Local<Value>(), v8::Signature::New(isolate, t),
      0, v8::ConstructorBehavior::kThrow,
      v8::SideEffectType::kHasNoSideEffect);
  t->PrototypeTemplate()->SetAccessorProperty(
      OneByteString(isolate, "fd"), fd_getter, Local<FunctionTemplate>(),
      static_cast<v8::PropertyAttribute>(v8::ReadOnly | v8::DontDelete));
  SetProtoMethod(isolate, t, "open", UDPWrap::Open);
  SetProtoMethod(isolate, t, "bind", UDPWrap::Bind<false>);
  SetProtoMethod(isolate, t, "bind6", UDPWrap::Bind<true>);
  SetProtoMethod(isolate, t, "connect", UDPWrap::Connect<false>);
  SetProtoMethod(isolate, t, "connect6", UDPWrap::Connect<true>);
  SetProtoMethod(isolate, t, "disconnect", UDPWrap::Disconnect);
  SetProtoMethod(isolate, t, "send", UDPWrap::Send<false>);
  SetProtoMethod(isolate, t, "send6", UDPWrap::Send<true>);
  SetProtoMethod(isolate, t, "recvStart", UDPWrap::RecvStart);
  SetProtoMethod(isolate, t, "recvStop", UDPWrap::RecvStop);
  SetProtoMethod(isolate, t, "getsockname", UDPWrap::GetName<false>);
  SetProtoMethod(isolate, t, "getpeername", UDPWrap::GetName<true>);
  SetProtoMethod(isolate, t, "addMembership",
                 UDPWrap::SetMembership<UV_JOIN_GROUP>);
  SetProtoMethod(isolate, t, "dropMembership",
                 UDPWrap::SetMembership<UV_LEAVE_GROUP>);
  SetProtoMethod(isolate, t, "addSourceSpecificMembership",
                 UDPWrap::SetSourceMembership<UV_JOIN_GROUP>);
  SetProtoMethod(isolate, t, "dropSourceSpecificMembership",
                 UDPWrap::SetSourceMembership<UV_LEAVE_GROUP>);
  SetProtoMethod(isolate, t, "setMulticastInterface",
                 UDPWrap::SetMulticastInterface);
  SetProtoMethod(isolate, t, "setMulticastTTL",
                 UDPWrap::SetInt<uv_udp_set_multicast_ttl>);
  SetProtoMethod(isolate, t, "setMulticastLoopback",
                 UDPWrap::SetInt<uv_udp_set_multicast_loop>);
  SetProtoMethod(isolate, t, "setBroadcast",
                 UDPWrap::SetInt<uv_udp_set_broadcast>);
  SetProtoMethod(isolate, t, "setTTL", UDPWrap::SetInt<uv_udp_set_ttl>);
  SetProtoMethod(isolate, t, "bufferSize", UDPWrap::BufferSize);
  SetProtoMethod(isolate, t, "getSendQueueSize", UDPWrap::GetSendQueueSize);
  SetProtoMethod(isolate, t, "getSendQueueCount",
                 UDPWrap::GetSendQueueCount);
  SetConstructorFunction(context, target, "UDP", t);

  SetConstructorFunction(context, target, "SendWrap",
                         NewFunctionTemplate(isolate, PlainConstructor));

  Local<Object> constants = Object::New(isolate);
  SetConstant(context, constants, "UV_UDP_IPV6ONLY", UV_UDP_IPV6ONLY);
  SetConstant(context, constants, "UV_UDP_REUSEADDR", UV_UDP_REUSEADDR);
  SetConstant(context, constants, "UV_UDP_REUSEPORT", kReusePort);
  SetValue(context, target, "constants", constants);
}

void RegisterExternalReferences(ExternalReferenceRegistry* registry) {
  registry->Register(UDPWrap::New);
  registry->Register(UDPWrap::GetFd);
  registry->Register(UDPWrap::Open);
  registry->Register(UDPWrap::Bind<false>);
  registry->Register(UDPWrap::Bind<true>);
  registry->Register(UDPWrap::Connect<false>);
  registry->Register(UDPWrap::Connect<true>);
  registry->Register(UDPWrap::Disconnect);
  registry->Register(UDPWrap::Send<false>);
  registry->Register(UDPWrap::Send<true>);
  registry->Register(UDPWrap::RecvStart);
  registry->Register(UDPWrap::RecvStop);
  registry->Register(UDPWrap::GetName<false>);
  registry->Register(UDPWrap::GetName<true>);
  registry->Register(UDPWrap::SetMembership<UV_JOIN_GROUP>);
  registry->Register(UDPWrap::SetMembership<UV_LEAVE_GROUP>);
  registry->Register(UDPWrap::SetSourceMembership<UV_JOIN_GROUP>);
  registry->Register(UDPWrap::SetSourceMembership<UV_LEAVE_GROUP>);
  registry->Register(UDPWrap::SetMulticastInterface);
  registry->Register(UDPWrap::SetInt<uv_udp_set_multicast_ttl>);
  registry->Register(UDPWrap::SetInt<uv_udp_set_multicast_loop>);
  registry->Register(UDPWrap::SetInt<uv_udp_set_broadcast>);
  registry->Register(UDPWrap::SetInt<uv_udp_set_ttl>);
  registry->Register(UDPWrap::BufferSize);
  registry->Register(UDPWrap::GetSendQueueSize);
  registry->Register(UDPWrap::GetSendQueueCount);
  registry->Register(PlainConstructor);
  HandleWrap::RegisterExternalReferences(registry);
}

}  // namespace
}  // namespace lode::udp_wrap

LODE_BINDING_CONTEXT_AWARE_INTERNAL(udp_wrap, lode::udp_wrap::Initialize)
LODE_BINDING_EXTERNAL_REFERENCE(udp_wrap,
                                lode::udp_wrap::RegisterExternalReferences)
