// internalBinding('pipe_wrap'): Pipe, a stream handle over uv_pipe_t (child
// stdio, Unix domain sockets), and PipeConnectWrap for connect requests.
//   new Pipe(type)            type: constants.SOCKET, SERVER or IPC
//   open(fd), bind(name), listen(backlog), fchmod(mode) -> err
//   connect(req, name) -> err; then
//     req.oncomplete(status, handle, req, readable, writable)
//   onconnection(status, clientHandle) on a listening pipe.
// The stream methods come from LibuvStreamWrap (stream_base.h).
#include <sys/un.h>

#include <memory>
#include <unordered_map>

#include "env.h"
#include "lode_binding.h"
#include "lode_errors.h"
#include "lode_tracing.h"
#include "stream_base.h"
#include "util.h"

namespace lode::pipe_wrap {

using v8::Context;
using v8::Function;
using v8::FunctionCallbackInfo;
using v8::FunctionTemplate;
using v8::Global;
using v8::HandleScope;
using v8::Integer;
using v8::Isolate;
using v8::Local;
using v8::Object;
using v8::Value;

namespace {

enum PipeType { kSocket = 0, kServer = 1, kIPC = 2 };

class PipeWrap : public LibuvStreamWrap {
 public:
  static const WrapType kType;

  PipeWrap(Environment* env, Local<Object> object, bool ipc)
      : LibuvStreamWrap(env, object, reinterpret_cast<uv_stream_t*>(&pipe_),
                        &kType) {
    CHECK_EQ(uv_pipe_init(env->loop(), &pipe_, ipc ? 1 : 0), 0);
    pipe_.data = static_cast<HandleWrap*>(this);
  }

  static void New(const FunctionCallbackInfo<Value>& args) {
    CHECK(args.IsConstructCall());
    int type = args[0]->IsInt32() ? args[0].As<v8::Int32>()->Value() : 0;
    new PipeWrap(Environment::GetCurrent(args), args.This(), type == kIPC);
  }

#define UNWRAP_PIPE(args)                                   \
  PipeWrap* wrap = Unwrap<PipeWrap>((args).This());         \
  if (wrap == nullptr || wrap->state() != kInitialized) {   \
    (args).GetReturnValue().Set(UV_EBADF);                  \
    return;                                                 \
  }

  static void Open(const FunctionCallbackInfo<Value>& args) {
    UNWRAP_PIPE(args);
    int fd = args[0]->IsInt32() ? args[0].As<v8::Int32>()->Value() : -1;
    args.GetReturnValue().Set(uv_pipe_open(&wrap->pipe_, fd));
  }

  static void Bind(const FunctionCallbackInfo<Value>& args) {
    UNWRAP_PIPE(args);
    Utf8Value name(args.GetIsolate(), args[0]);
    if (TooLong(name.length())) {
      args.GetReturnValue().Set(UV_EINVAL);
      return;
    }
    args.GetReturnValue().Set(uv_pipe_bind(&wrap->pipe_, *name));
  }

  static void Fchmod(const FunctionCallbackInfo<Value>& args) {
    UNWRAP_PIPE(args);
    int mode = args[0]->IsInt32() ? args[0].As<v8::Int32>()->Value() : 0;
    args.GetReturnValue().Set(uv_pipe_chmod(&wrap->pipe_, mode));
  }

  static void SetPendingInstances(const FunctionCallbackInfo<Value>&) {}

  static void Listen(const FunctionCallbackInfo<Value>& args) {
    UNWRAP_PIPE(args);
    int backlog = args[0]->IsInt32() ? args[0].As<v8::Int32>()->Value()
                                     : 511;
    args.GetReturnValue().Set(
        uv_listen(reinterpret_cast<uv_stream_t*>(&wrap->pipe_), backlog,
                  OnConnection));
  }

  static void Connect(const FunctionCallbackInfo<Value>& args) {
    UNWRAP_PIPE(args);
    if (!args[0]->IsObject()) {
      return THROW_ERR_INVALID_ARG_TYPE(args.GetIsolate(),
                                        "First argument must be an object");
    }
    Utf8Value name(args.GetIsolate(), args[1]);
    if (TooLong(name.length())) {
      args.GetReturnValue().Set(UV_EINVAL);
      return;
    }
    auto* req = new ConnectReq(wrap, args[0].As<Object>());
    const uint8_t* flag = LODE_TRACE_FLAG("node,node.net,node.net.native");
    if (tracing::IsEnabled(flag)) {
      std::string path(*name, name.length());
      bool abstract = !path.empty() && path[0] == '\0';
      tracing::AddEvent(
          'b', flag, "connect", true, reinterpret_cast<uintptr_t>(req),
          {tracing::StringArg("path_type", abstract ? "abstract socket"
                                                    : "file"),
           tracing::StringArg("pipe_path", abstract ? path.substr(1) : path)});
    }
    uv_pipe_connect(&req->uv, &wrap->pipe_, *name, AfterConnect);
    args.GetReturnValue().Set(0);
  }

#undef UNWRAP_PIPE

 private:
  // libuv 1.44 cuts a path longer than sockaddr_un can hold; Node refuses
  // it (UV_PIPE_NO_TRUNCATE), and so does lode.
  static bool TooLong(size_t length) {
    return length >= sizeof(reinterpret_cast<sockaddr_un*>(0)->sun_path);
  }

  static void OnConnection(uv_stream_t* server, int status) {
    AcceptConnection(server, status, "pipe_wrap", "Pipe", &PipeWrap::kType);
  }

  uv_pipe_t pipe_;
};

void ConnectWrapConstructor(const FunctionCallbackInfo<Value>& args) {
  CHECK(args.IsConstructCall());
}

const WrapType PipeWrap::kType = {"PipeWrap", &LibuvStreamWrap::kType};

void Initialize(Local<Object> target, Local<Value>, Local<Context> context,
                void*) {
  Environment* env = Environment::GetCurrent(context);
  Isolate* isolate = env->isolate();
  Local<FunctionTemplate> t = NewFunctionTemplate(isolate, PipeWrap::New);
  t->InstanceTemplate()->SetInternalFieldCount(kWrapFieldCount);
  LibuvStreamWrap::AddMethods(env, t);
  SetProtoMethod(isolate, t, "open", PipeWrap::Open);
  SetProtoMethod(isolate, t, "bind", PipeWrap::Bind);
  SetProtoMethod(isolate, t, "listen", PipeWrap::Listen);
  SetProtoMethod(isolate, t, "connect", PipeWrap::Connect);
  SetProtoMethod(isolate, t, "fchmod", PipeWrap::Fchmod);
  SetProtoMethod(isolate, t, "setPendingInstances",
                 PipeWrap::SetPendingInstances);
  SetConstructorFunction(context, target, "Pipe", t);

  SetConstructorFunction(context, target, "PipeConnectWrap",
                         NewFunctionTemplate(isolate, ConnectWrapConstructor));

  Local<Object> constants = Object::New(isolate);
  SetConstant(context, constants, "SOCKET", kSocket);
  SetConstant(context, constants, "SERVER", kServer);
  SetConstant(context, constants, "IPC", kIPC);
  SetConstant(context, constants, "UV_READABLE", UV_READABLE);
  SetConstant(context, constants, "UV_WRITABLE", UV_WRITABLE);
  SetValue(context, target, "constants", constants);
}

void RegisterExternalReferences(ExternalReferenceRegistry* registry) {
  registry->Register(PipeWrap::New);
  registry->Register(PipeWrap::Open);
  registry->Register(PipeWrap::Bind);
  registry->Register(PipeWrap::Listen);
  registry->Register(PipeWrap::Connect);
  registry->Register(PipeWrap::Fchmod);
  registry->Register(PipeWrap::SetPendingInstances);
  registry->Register(ConnectWrapConstructor);
  LibuvStreamWrap::RegisterExternalReferences(registry);
}

}  // namespace
}  // namespace lode::pipe_wrap

LODE_BINDING_CONTEXT_AWARE_INTERNAL(pipe_wrap, lode::pipe_wrap::Initialize)
LODE_BINDING_EXTERNAL_REFERENCE(pipe_wrap,
                                lode::pipe_wrap::RegisterExternalReferences)
