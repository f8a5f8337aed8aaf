// internalBinding('uv'): libuv's error names and messages.
#include <uv.h>

#include "env.h"
#include "lode_binding.h"
#include "lode_errors.h"
#include "util.h"

namespace lode::uv {

using v8::Array;
using v8::Context;
using v8::FunctionCallbackInfo;
using v8::Integer;
using v8::Isolate;
using v8::Local;
using v8::Map;
using v8::Object;
using v8::Value;

namespace {

void ErrName(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  if (!args[0]->IsInt32()) {
    return THROW_ERR_INVALID_ARG_TYPE(isolate,
                                      "The \"err\" argument must be an int32");
  }
  int err = args[0].As<v8::Int32>()->Value();
  char buf[64];
  args.GetReturnValue().Set(
      OneByteString(isolate, uv_err_name_r(err, buf, sizeof(buf))));
}

// libuv's message for an error number ("Unknown system error -N" if none).
void GetErrorMessage(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  if (!args[0]->IsInt32()) {
    return THROW_ERR_INVALID_ARG_TYPE(isolate, "err must be an int32");
  }
  int err = args[0].As<v8::Int32>()->Value();
  char buf[128];
  args.GetReturnValue().Set(
      OneByteString(isolate, uv_strerror_r(err, buf, sizeof(buf))));
}

#define LODE_UV_ERRORS(V) UV_ERRNO_MAP(V)

void GetErrorMap(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Local<Context> context = isolate->GetCurrentContext();
  Local<Map> map = Map::New(isolate);
#define V(name, message)                                                 \
  {                                                                      \
    Local<Value> pair[] = {OneByteString(isolate, #name),                \
                           OneByteString(isolate, message)};             \
    if (map->Set(context, Integer::New(isolate, UV_##name),              \
                 Array::New(isolate, pair, 2))                           \
            .IsEmpty()) {                                                \
      return;                                                            \
    }                                                                    \
  }
  LODE_UV_ERRORS(V)
#undef V
  args.GetReturnValue().Set(map);
}

void Initialize(Local<Object> target, Local<Value>, Local<Context> context,
                void*) {
  SetMethodNoSideEffect(context, target, "errname", ErrName);
  SetMethodNoSideEffect(context, target, "getErrorMap", GetErrorMap);
  SetMethodNoSideEffect(context, target, "getErrorMessage", GetErrorMessage);
  // Read-only, as Node's binding constants are.
  const auto attributes =
      static_cast<v8::PropertyAttribute>(v8::ReadOnly | v8::DontDelete);
  Isolate* isolate = context->GetIsolate();
#define V(name, _)                                                        \
  target                                                                  \
      ->DefineOwnProperty(context, OneByteString(isolate, "UV_" #name),   \
                          Integer::New(isolate, UV_##name), attributes)   \
      .Check();
  LODE_UV_ERRORS(V)
#undef V
}

void RegisterExternalReferences(ExternalReferenceRegistry* registry) {
  registry->Register(ErrName);
  registry->Register(GetErrorMap);
  registry->Register(GetErrorMessage);
}

}  // namespace
}  // namespace lode::uv

LODE_BINDING_CONTEXT_AWARE_INTERNAL(uv, lode::uv::Initialize)
LODE_BINDING_EXTERNAL_REFERENCE(uv, lode::uv::RegisterExternalReferences)
