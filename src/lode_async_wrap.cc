// internalBinding('async_wrap'): what lib/internal/async_hooks.js and
// lib/internal/async_context_frame.js need from V8. The promise hooks are
// installed at run time, only while an async hook or an AsyncLocalStorage
// needs them, in the main context and every vm context (contextify keeps
// them for the vm contexts made later).
#include "env.h"
#include "lode_binding.h"
#include "lode_contextify.h"
#include "util.h"

namespace lode::async_wrap {

using v8::Context;
using v8::Function;
using v8::FunctionCallbackInfo;
using v8::Isolate;
using v8::Local;
using v8::Object;
using v8::Private;
using v8::Value;

namespace {

Local<Function> FunctionOrEmpty(Local<Value> value) {
  return value->IsFunction() ? value.As<Function>() : Local<Function>();
}

// setPromiseHooks(init, before, after, resolve): a function installs that
// hook, anything else clears it.
void SetPromiseHooks(const FunctionCallbackInfo<Value>& args) {
  const Local<Function> hooks[4] = {
      FunctionOrEmpty(args[0]), FunctionOrEmpty(args[1]),
      FunctionOrEmpty(args[2]), FunctionOrEmpty(args[3])};
  contextify::SetPromiseHooks(Environment::GetCurrent(args),
                              args.GetIsolate()->GetCurrentContext(), hooks);
}

void Initialize(Local<Object> target, Local<Value>, Local<Context> context,
                void*) {
  Isolate* isolate = context->GetIsolate();
  SetMethod(context, target, "setPromiseHooks", SetPromiseHooks);
  // Keys for what the promise hooks keep on a promise: private symbols,
  // which no reflection (and no util.inspect) can see.
  Local<Object> symbols = Object::New(isolate);
  for (const char* name :
       {"async_context_frame", "async_id", "trigger_async_id"}) {
    Local<Private> key = Private::New(isolate, OneByteString(isolate, name));
    // A private symbol is a Symbol inside V8; handed to JS as a value, it
    // works as a property key.
    SetValue(context, symbols, name, *reinterpret_cast<Local<Value>*>(&key));
  }
  SetValue(context, target, "privateSymbols", symbols);
}

void RegisterExternalReferences(ExternalReferenceRegistry* registry) {
  registry->Register(SetPromiseHooks);
}

}  // namespace
}  // namespace lode::async_wrap

LODE_BINDING_CONTEXT_AWARE_INTERNAL(async_wrap, lode::async_wrap::Initialize)
LODE_BINDING_EXTERNAL_REFERENCE(async_wrap,
                                lode::async_wrap::RegisterExternalReferences)
