// internalBinding('timers'): one uv timer and the immediate check handle,
// driven by the lists in lib/internal/timers.js.
#include "env.h"
#include "lode_binding.h"
#include "util.h"

namespace lode::timers {

using v8::Context;
using v8::Function;
using v8::FunctionCallbackInfo;
using v8::Local;
using v8::Object;
using v8::Value;

namespace {

void SetupTimers(const FunctionCallbackInfo<Value>& args) {
  Environment* env = Environment::GetCurrent(args);
  CHECK(args[0]->IsFunction());
  CHECK(args[1]->IsFunction());
  env->set_process_immediate(args[0].As<Function>());
  env->set_process_timers(args[1].As<Function>());
}

void GetLibuvNow(const FunctionCallbackInfo<Value>& args) {
  Environment* env = Environment::GetCurrent(args);
  args.GetReturnValue().Set(static_cast<double>(env->GetNowMs()));
}

void ScheduleTimer(const FunctionCallbackInfo<Value>& args) {
  Environment* env = Environment::GetCurrent(args);
  CHECK(args[0]->IsNumber());
  env->ScheduleTimer(
      static_cast<int64_t>(args[0].As<v8::Number>()->Value()));
}

void ToggleTimerRef(const FunctionCallbackInfo<Value>& args) {
  Environment::GetCurrent(args)->ToggleTimerRef(args[0]->IsTrue());
}

void ToggleImmediateRef(const FunctionCallbackInfo<Value>& args) {
  Environment::GetCurrent(args)->ToggleImmediateRef(args[0]->IsTrue());
}

void Initialize(Local<Object> target, Local<Value>, Local<Context> context,
                void*) {
  Environment* env = Environment::GetCurrent(context);
  SetMethod(context, target, "setupTimers", SetupTimers);
  SetMethod(context, target, "getLibuvNow", GetLibuvNow);
  SetMethod(context, target, "scheduleTimer", ScheduleTimer);
  SetMethod(context, target, "toggleTimerRef", ToggleTimerRef);
  SetMethod(context, target, "toggleImmediateRef", ToggleImmediateRef);
  SetValue(context, target, "immediateInfo", env->immediate_info_array());
}

void RegisterExternalReferences(ExternalReferenceRegistry* registry) {
  registry->Register(SetupTimers);
  registry->Register(GetLibuvNow);
  registry->Register(ScheduleTimer);
  registry->Register(ToggleTimerRef);
  registry->Register(ToggleImmediateRef);
}

}  // namespace
}  // namespace lode::timers

LODE_BINDING_CONTEXT_AWARE_INTERNAL(timers, lode::timers::Initialize)
LODE_BINDING_EXTERNAL_REFERENCE(timers,
                                lode::timers::RegisterExternalReferences)
