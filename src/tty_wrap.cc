// internalBinding('tty_wrap'): whether an fd is a terminal and its size,
// and TTY, a stream handle over uv_tty_t (stream methods from
// LibuvStreamWrap, see stream_base.h):
//   new TTY(fd, ctx)     on failure ctx gets errno, code, message and
//                        syscall ('uv_tty_init'), as ERR_TTY_INIT_FAILED
//                        expects
//   getWindowSize([cols, rows]) -> err, setRawMode(on) -> err
#include <sys/ioctl.h>

#include "env.h"
#include "lode_binding.h"
#include "lode_errors.h"
#include "stream_base.h"
#include "util.h"

namespace lode::tty_wrap {

using v8::Array;
using v8::Context;
using v8::FunctionCallbackInfo;
using v8::Local;
using v8::Object;
using v8::Value;

namespace {

void IsTTY(const FunctionCallbackInfo<Value>& args) {
  int fd = args[0]->IsInt32() ? args[0].As<v8::Int32>()->Value() : -1;
  args.GetReturnValue().Set(fd >= 0 && uv_guess_handle(fd) == UV_TTY);
}

// getWindowSize(fd, [cols, rows]) -> 0 or a negative errno.
void GetWindowSize(const FunctionCallbackInfo<Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  Local<Context> context = isolate->GetCurrentContext();
  int fd = args[0]->IsInt32() ? args[0].As<v8::Int32>()->Value() : -1;
  if (!args[1]->IsArray()) {
    args.GetReturnValue().Set(UV_EINVAL);
    return;
  }
  struct winsize ws;
  if (ioctl(fd, TIOCGWINSZ, &ws) != 0) {
    args.GetReturnValue().Set(uv_translate_sys_error(errno));
    return;
  }
  Local<Array> out = args[1].As<Array>();
  if (out->CreateDataProperty(context, 0, v8::Integer::New(isolate, ws.ws_col))
          .IsNothing() ||
      out->CreateDataProperty(context, 1, v8::Integer::New(isolate, ws.ws_row))
          .IsNothing()) {
    return;
  }
  args.GetReturnValue().Set(0);
}

class TTYWrap : public LibuvStreamWrap {
 public:
  TTYWrap(Environment* env, Local<Object> object, int fd, int* err)
      : LibuvStreamWrap(env, object, reinterpret_cast<uv_stream_t*>(&tty_)) {
    *err = uv_tty_init(env->loop(), &tty_, fd, 0);
    tty_.data = static_cast<HandleWrap*>(this);
  }

  static void New(const FunctionCallbackInfo<Value>& args) {
    CHECK(args.IsConstructCall());
    Environment* env = Environment::GetCurrent(args);
    v8::Isolate* isolate = env->isolate();
    Local<Context> context = env->context();
    int fd = args[0]->IsInt32() ? args[0].As<v8::Int32>()->Value() : -1;
    // libuv takes any fd that is not a file (a pipe works too, as in Node).
    int err = fd < 0 ? UV_EINVAL : 0;
    if (err == 0) {
      auto* wrap = new TTYWrap(env, args.This(), fd, &err);
      if (err != 0) {
        // The handle was never initialized: nothing for libuv to close.
        args.This()->SetAlignedPointerInInternalField(kWrapPointerField, nullptr);
        delete wrap;
      }
    } else {
      args.This()->SetAlignedPointerInInternalField(kWrapPointerField, nullptr);
    }
    if (err != 0 && args[1]->IsObject()) {
      Local<Object> ctx = args[1].As<Object>();
      // Own data properties: no setter of a program's can run (or throw)
      // here; a failure leaves its exception pending for the caller.
      (void)(ctx->CreateDataProperty(context, OneByteString(isolate, "errno"),
                                     v8::Integer::New(isolate, err))
                 .FromMaybe(false) &&
             ctx->CreateDataProperty(context, OneByteString(isolate, "code"),
                                     OneByteString(isolate, uv_err_name(err)))
                 .FromMaybe(false) &&
             ctx->CreateDataProperty(context,
                                     OneByteString(isolate, "message"),
                                     OneByteString(isolate, uv_strerror(err)))
                 .FromMaybe(false) &&
             ctx->CreateDataProperty(context,
                                     OneByteString(isolate, "syscall"),
                                     OneByteString(isolate, "uv_tty_init"))
                 .FromMaybe(false));
    }
  }

  static void GetWindowSizeJS(const FunctionCallbackInfo<Value>& args) {
    TTYWrap* wrap = Unwrap<TTYWrap>(args.This());
    if (wrap == nullptr || wrap->state() != kInitialized) {
      args.GetReturnValue().Set(UV_EBADF);
      return;
    }
    if (!args[0]->IsArray()) {
      args.GetReturnValue().Set(UV_EINVAL);
      return;
    }
    int width;
    int height;
    int err = uv_tty_get_winsize(&wrap->tty_, &width, &height);
    if (err == 0) {
      Local<Context> context = args.GetIsolate()->GetCurrentContext();
      Local<Array> out = args[0].As<Array>();
      if (out->CreateDataProperty(context, 0,
                                  v8::Integer::New(args.GetIsolate(), width))
              .IsNothing() ||
          out->CreateDataProperty(context, 1,
                                  v8::Integer::New(args.GetIsolate(), height))
              .IsNothing()) {
        return;
      }
    }
    args.GetReturnValue().Set(err);
  }

  static void SetRawMode(const FunctionCallbackInfo<Value>& args) {
    TTYWrap* wrap = Unwrap<TTYWrap>(args.This());
    if (wrap == nullptr || wrap->state() != kInitialized) {
      args.GetReturnValue().Set(UV_EBADF);
      return;
    }
    bool raw = args[0]->BooleanValue(args.GetIsolate());
    args.GetReturnValue().Set(
        uv_tty_set_mode(&wrap->tty_, raw ? UV_TTY_MODE_RAW
                                         : UV_TTY_MODE_NORMAL));
  }

 private:
  uv_tty_t tty_;
};

void Initialize(Local<Object> target, Local<Value>, Local<Context> context,
                void*) {
  SetMethodNoSideEffect(context, target, "isTTY", IsTTY);
  SetMethod(context, target, "getWindowSize", GetWindowSize);

  Environment* env = Environment::GetCurrent(context);
  v8::Isolate* isolate = env->isolate();
  Local<v8::FunctionTemplate> t = NewFunctionTemplate(isolate, TTYWrap::New);
  t->InstanceTemplate()->SetInternalFieldCount(kWrapFieldCount);
  LibuvStreamWrap::AddMethods(env, t);
  SetProtoMethod(isolate, t, "getWindowSize", TTYWrap::GetWindowSizeJS);
  SetProtoMethod(isolate, t, "setRawMode", TTYWrap::SetRawMode);
  SetConstructorFunction(context, target, "TTY", t);
}

void RegisterExternalReferences(ExternalReferenceRegistry* registry) {
  registry->Register(IsTTY);
  registry->Register(GetWindowSize);
  registry->Register(TTYWrap::New);
  registry->Register(TTYWrap::GetWindowSizeJS);
  registry->Register(TTYWrap::SetRawMode);
  LibuvStreamWrap::RegisterExternalReferences(registry);
}

}  // namespace
}  // namespace lode::tty_wrap

LODE_BINDING_CONTEXT_AWARE_INTERNAL(tty_wrap, lode::tty_wrap::Initialize)
LODE_BINDING_EXTERNAL_REFERENCE(tty_wrap,
                                lode::tty_wrap::RegisterExternalReferences)
