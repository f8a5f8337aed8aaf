// internalBinding('tcp_wrap'): TCP, a stream handle over uv_tcp_t, and
// TCPConnectWrap for connect requests, as lib/net.js expects:
//   new TCP(type)                 type: constants.SOCKET or SERVER
//   open(fd), bind(address, port), bind6(address, port, flags),
//   listen(backlog), setNoDelay(on), setKeepAlive(on, delaySecs) -> err
//   connect(req, address, port), connect6(req, address, port) -> err; then
//     req.oncomplete(status, handle, req, readable, writable)
//   getsockname(out), getpeername(out) -> err; out gets address, family
//     ('IPv4' | 'IPv6') and port
//   reset(callback): close with a TCP RST
//   onconnection(status, clientHandle) on a listening socket.
// Host names are resolved by lib/dns.js (src/cares_wrap.cc).
// The stream methods come from LibuvStreamWrap (stream_base.h).
#include <net/if.h>
#include <netdb.h>
#include <sys/socket.h>

#include <string.h>

#include "env.h"
#include "lode_binding.h"
#include "lode_errors.h"
#include "lode_tracing.h"
#include "stream_base.h"
#include "util.h"

namespace lode::tcp_wrap {

using v8::Context;
using v8::FunctionCallbackInfo;
using v8::FunctionTemplate;
using v8::Integer;
using v8::Isolate;
using v8::Local;
using v8::Object;
using v8::Value;

namespace {

enum TCPType { kSocket = 0, kServer = 1 };

int Int32Arg(Local<Value> value, int fallback) {
  return value->IsInt32() ? value.As<v8::Int32>()->Value() : fallback;
}

class TCPWrap : public LibuvStreamWrap {
 public:
  static const WrapType kType;

  TCPWrap(Environment* env, Local<Object> object)
      : LibuvStreamWrap(env, object, reinterpret_cast<uv_stream_t*>(&tcp_),
                        &kType) {
    CHECK_EQ(uv_tcp_init(env->loop(), &tcp_), 0);
    tcp_.data = static_cast<HandleWrap*>(this);
  }

  static void New(const FunctionCallbackInfo<Value>& args) {
    CHECK(args.IsConstructCall());
    TCPWrap* wrap = new TCPWrap(Environment::GetCurrent(args), args.This());
    if (Int32Arg(args[0], kSocket) == kServer) {
      wrap->set_resource_name("TCPServerWrap");
    }
  }

#define UNWRAP_TCP(args)                                  \
  TCPWrap* wrap = Unwrap<TCPWrap>((args).This());         \
  if (wrap == nullptr || wrap->state() != kInitialized) { \
    (args).GetReturnValue().Set(UV_EBADF);                \
    return;                                               \
  }

  static void Open(const FunctionCallbackInfo<Value>& args) {
    UNWRAP_TCP(args);
    int fd = Int32Arg(args[0], -1);
    args.GetReturnValue().Set(uv_tcp_open(&wrap->tcp_, fd));
  }

  static void Bind(const FunctionCallbackInfo<Value>& args) {
    UNWRAP_TCP(args);
    Utf8Value ip(args.GetIsolate(), args[0]);
    int port = Int32Arg(args[1], 0);
    sockaddr_in addr;
    int err = uv_ip4_addr(*ip, port, &addr);
    if (err == 0) {
      err = uv_tcp_bind(&wrap->tcp_, reinterpret_cast<sockaddr*>(&addr), 0);
    }
    args.GetReturnValue().Set(err);
  }

  static void Bind6(const FunctionCallbackInfo<Value>& args) {
    UNWRAP_TCP(args);
    Utf8Value ip(args.GetIsolate(), args[0]);
    int port = Int32Arg(args[1], 0);
    unsigned flags = static_cast<unsigned>(Int32Arg(args[2], 0));
    sockaddr_in6 addr;
    int err = uv_ip6_addr(*ip, port, &addr);
    if (err == 0) {
      err = uv_tcp_bind(&wrap->tcp_, reinterpret_cast<sockaddr*>(&addr),
                        flags);
    }
    args.GetReturnValue().Set(err);
  }

  static void Listen(const FunctionCallbackInfo<Value>& args) {
    UNWRAP_TCP(args);
    int backlog = Int32Arg(args[0], 511);
    args.GetReturnValue().Set(uv_listen(
        reinterpret_cast<uv_stream_t*>(&wrap->tcp_), backlog, OnConnection));
  }

  static void SetNoDelay(const FunctionCallbackInfo<Value>& args) {
    UNWRAP_TCP(args);
    args.GetReturnValue().Set(
        uv_tcp_nodelay(&wrap->tcp_, args[0]->BooleanValue(args.GetIsolate())));
  }

  static void SetKeepAlive(const FunctionCallbackInfo<Value>& args) {
    UNWRAP_TCP(args);
    bool enable = args[0]->BooleanValue(args.GetIsolate());
    int delay = Int32Arg(args[1], 0);
    args.GetReturnValue().Set(uv_tcp_keepalive(&wrap->tcp_, enable, delay));
  }

  template <bool kPeer>
  static void GetName(const FunctionCallbackInfo<Value>& args) {
    UNWRAP_TCP(args);
    if (!args[0]->IsObject()) {
      return THROW_ERR_INVALID_ARG_TYPE(args.GetIsolate(),
                                        "First argument must be an object");
    }
    sockaddr_storage storage;
    int len = sizeof(storage);
    sockaddr* addr = reinterpret_cast<sockaddr*>(&storage);
    int err = kPeer ? uv_tcp_getpeername(&wrap->tcp_, addr, &len)
                    : uv_tcp_getsockname(&wrap->tcp_, addr, &len);
    // A refused property leaves its exception pending for the caller.
    if (err == 0) {
      (void)SockaddrToJS(args.GetIsolate(), addr, args[0].As<Object>());
    }
    args.GetReturnValue().Set(err);
  }

  template <bool kIPv6>
  static void Connect(const FunctionCallbackInfo<Value>& args) {
    UNWRAP_TCP(args);
    Isolate* isolate = args.GetIsolate();
    if (!args[0]->IsObject()) {
      return THROW_ERR_INVALID_ARG_TYPE(isolate,
                                        "First argument must be an object");
    }
    Utf8Value ip(isolate, args[1]);
    int port = Int32Arg(args[2], 0);
    sockaddr_storage storage;
    int err = kIPv6 ? uv_ip6_addr(*ip, port,
                                  reinterpret_cast<sockaddr_in6*>(&storage))
                    : uv_ip4_addr(*ip, port,
                                  reinterpret_cast<sockaddr_in*>(&storage));
    if (err == 0) {
      auto* req = new ConnectReq(wrap, args[0].As<Object>());
      err = uv_tcp_connect(&req->uv, &wrap->tcp_,
                           reinterpret_cast<sockaddr*>(&storage),
                           AfterConnect);
      if (err != 0) {
        delete req;
      } else {
        const uint8_t* flag =
            LODE_TRACE_FLAG("node,node.net,node.net.native");
        if (tracing::IsEnabled(flag)) {
          tracing::AddEvent('b', flag, "connect", true,
                            reinterpret_cast<uintptr_t>(req),
                            {tracing::StringArg("ip", *ip),
                             tracing::IntArg("port", port)});
        }
      }
    }
    args.GetReturnValue().Set(err);
  }

  static void Reset(const FunctionCallbackInfo<Value>& args) {
    TCPWrap* wrap = Unwrap<TCPWrap>(args.This());
    if (wrap == nullptr || wrap->state() != kInitialized) {
      args.GetReturnValue().Set(0);
      return;
    }
    // uv_tcp_close_reset() closes the handle; HandleWrap::Close() must not
    // call uv_close() again, so the RST is sent by hand (SO_LINGER 0) and
    // the normal close follows.
    uv_os_fd_t fd;
    if (uv_fileno(reinterpret_cast<uv_handle_t*>(&wrap->tcp_), &fd) == 0) {
      struct linger l = {1, 0};
      setsockopt(fd, SOL_SOCKET, SO_LINGER, &l, sizeof(l));
    }
    wrap->Close(args[0]);
    args.GetReturnValue().Set(0);
  }

#undef UNWRAP_TCP

 private:
  static void OnConnection(uv_stream_t* server, int status) {
    AcceptConnection(server, status, "tcp_wrap", "TCP", &TCPWrap::kType);
  }

  uv_tcp_t tcp_;
};

void PlainConstructor(const FunctionCallbackInfo<Value>& args) {
  CHECK(args.IsConstructCall());
}

const WrapType TCPWrap::kType = {"TCPWrap", &LibuvStreamWrap::kType};

void Initialize(Local<Object> target, Local<Value>, Local<Context> context,
                void*) {
  Environment* env = Environment::GetCurrent(context);
  Isolate* isolate = env->isolate();
  Local<FunctionTemplate> t = NewFunctionTemplate(isolate, TCPWrap::New);
  t->InstanceTemplate()->SetInternalFieldCount(kWrapFieldCount);
  LibuvStreamWrap::AddMethods(env, t);
  SetProtoMethod(isolate, t, "open", TCPWrap::Open);
  SetProtoMethod(isolate, t, "bind", TCPWrap::Bind);
  SetProtoMethod(isolate, t, "bind6", TCPWrap::Bind6);
  SetProtoMethod(isolate, t, "listen", TCPWrap::Listen);
  SetProtoMethod(isolate, t, "connect", TCPWrap::Connect<false>);
  SetProtoMethod(isolate, t, "connect6", TCPWrap::Connect<true>);
  SetProtoMethod(isolate, t, "getsockname", TCPWrap::GetName<false>);
  SetProtoMethod(isolate, t, "getpeername", TCPWrap::GetName<true>);
  SetProtoMethod(isolate, t, "setNoDelay", TCPWrap::SetNoDelay);
  SetProtoMethod(isolate, t, "setKeepAlive", TCPWrap::SetKeepAlive);
  SetProtoMethod(isolate, t, "reset", TCPWrap::Reset);
  SetConstructorFunction(context, target, "TCP", t);

  SetConstructorFunction(context, target, "TCPConnectWrap",
                         NewFunctionTemplate(isolate, PlainConstructor));

  Local<Object> constants = Object::New(isolate);
  SetConstant(context, constants, "SOCKET", kSocket);
  SetConstant(context, constants, "SERVER", kServer);
  SetConstant(context, constants, "UV_TCP_IPV6ONLY", UV_TCP_IPV6ONLY);
  SetConstant(context, constants, "AI_ADDRCONFIG", AI_ADDRCONFIG);
  SetConstant(context, constants, "AI_V4MAPPED", AI_V4MAPPED);
  SetValue(context, target, "constants", constants);
}

void RegisterExternalReferences(ExternalReferenceRegistry* registry) {
  registry->Register(TCPWrap::New);
  registry->Register(TCPWrap::Open);
  registry->Register(TCPWrap::Bind);
  registry->Register(TCPWrap::Bind6);
  registry->Register(TCPWrap::Listen);
  registry->Register(TCPWrap::Connect<false>);
  registry->Register(TCPWrap::Connect<true>);
  registry->Register(TCPWrap::GetName<false>);
  registry->Register(TCPWrap::GetName<true>);
  registry->Register(TCPWrap::SetNoDelay);
  registry->Register(TCPWrap::SetKeepAlive);
  registry->Register(TCPWrap::Reset);
  registry->Register(PlainConstructor);
  LibuvStreamWrap::RegisterExternalReferences(registry);
}

}  // namespace
}  // namespace lode::tcp_wrap

LODE_BINDING_CONTEXT_AWARE_INTERNAL(tcp_wrap, lode::tcp_wrap::Initialize)
LODE_BINDING_EXTERNAL_REFERENCE(tcp_wrap,
                                lode::tcp_wrap::RegisterExternalReferences)
