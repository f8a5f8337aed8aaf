// internalBinding('signal_wrap'): process.on('SIGINT', ...) and friends,
// one uv_signal_t per signal listened to.
#include "handle_wrap.h"
#include "lode_binding.h"
#include "util.h"

namespace lode::signal_wrap {

using v8::Context;
using v8::FunctionCallbackInfo;
using v8::FunctionTemplate;
using v8::HandleScope;
using v8::Integer;
using v8::Isolate;
using v8::Local;
using v8::Object;
using v8::Value;

namespace {

class SignalWrap : public HandleWrap {
 public:
  SignalWrap(Environment* env, Local<Object> object)
      : HandleWrap(env, object, reinterpret_cast<uv_handle_t*>(&handle_)) {
    CHECK_EQ(uv_signal_init(env->loop(), &handle_), 0);
  }

  static void New(const FunctionCallbackInfo<Value>& args) {
    CHECK(args.IsConstructCall());
    new SignalWrap(Environment::GetCurrent(args), args.This());
  }

  static void Start(const FunctionCallbackInfo<Value>& args) {
    SignalWrap* wrap = Unwrap<SignalWrap>(args.This());
    if (wrap == nullptr || wrap->state() != kInitialized) {
      args.GetReturnValue().Set(UV_EBADF);
      return;
    }
    int signum = args[0]->IsInt32() ? args[0].As<v8::Int32>()->Value() : 0;
    int err = uv_signal_start(&wrap->handle_, OnSignal, signum);
    args.GetReturnValue().Set(err);
  }

  static void Stop(const FunctionCallbackInfo<Value>& args) {
    SignalWrap* wrap = Unwrap<SignalWrap>(args.This());
    if (wrap == nullptr || wrap->state() != kInitialized) {
      args.GetReturnValue().Set(UV_EBADF);
      return;
    }
    args.GetReturnValue().Set(uv_signal_stop(&wrap->handle_));
  }

 private:
  static void OnSignal(uv_signal_t* handle, int signum) {
    SignalWrap* wrap = static_cast<SignalWrap*>(handle->data);
    Environment* env = wrap->env();
    HandleScope scope(env->isolate());
    Context::Scope context_scope(env->context());
    Local<Value> arg = Integer::New(env->isolate(), signum);
    MakeCallback(env, wrap->object(), "onsignal", 1, &arg);
  }

  uv_signal_t handle_;
};

void Initialize(Local<Object> target, Local<Value>, Local<Context> context,
                void*) {
  Isolate* isolate = context->GetIsolate();
  Local<FunctionTemplate> t = NewFunctionTemplate(isolate, SignalWrap::New);
  t->InstanceTemplate()->SetInternalFieldCount(kWrapFieldCount);
  HandleWrap::AddPrototypeMethods(isolate, t);
  SetProtoMethod(isolate, t, "start", SignalWrap::Start);
  SetProtoMethod(isolate, t, "stop", SignalWrap::Stop);
  SetConstructorFunction(context, target, "Signal", t);
}

void RegisterExternalReferences(ExternalReferenceRegistry* registry) {
  registry->Register(SignalWrap::New);
  registry->Register(SignalWrap::Start);
  registry->Register(SignalWrap::Stop);
  HandleWrap::RegisterExternalReferences(registry);
}

}  // namespace
}  // namespace lode::signal_wrap

LODE_BINDING_CONTEXT_AWARE_INTERNAL(signal_wrap, lode::signal_wrap::Initialize)
LODE_BINDING_EXTERNAL_REFERENCE(signal_wrap,
                                lode::signal_wrap::RegisterExternalReferences)
