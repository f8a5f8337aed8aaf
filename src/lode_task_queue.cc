// internalBinding('task_queue'): the nextTick queue's shared state and the
// microtask queue, run by lib/internal/process/task_queues.js.
#include "env.h"
#include "lode_binding.h"
#include "util.h"

namespace lode::task_queue {

using v8::Context;
using v8::Function;
using v8::FunctionCallbackInfo;
using v8::Isolate;
using v8::Local;
using v8::Object;
using v8::Value;

namespace {

void EnqueueMicrotask(const FunctionCallbackInfo<Value>& args) {
  CHECK(args[0]->IsFunction());
  args.GetIsolate()->EnqueueMicrotask(args[0].As<Function>());
}

void RunMicrotasks(const FunctionCallbackInfo<Value>& args) {
  args.GetIsolate()->PerformMicrotaskCheckpoint();
}

void SetTickCallback(const FunctionCallbackInfo<Value>& args) {
  Environment* env = Environment::GetCurrent(args);
  CHECK(args[0]->IsFunction());
  env->set_tick_callback(args[0].As<Function>());
}

void SetPromiseRejectCallback(const FunctionCallbackInfo<Value>& args) {
  Environment* env = Environment::GetCurrent(args);
  CHECK(args[0]->IsFunction());
  env->set_promise_reject_callback(args[0].As<Function>());
}

void Initialize(Local<Object> target, Local<Value>, Local<Context> context,
                void*) {
  Environment* env = Environment::GetCurrent(context);
  SetMethod(context, target, "enqueueMicrotask", EnqueueMicrotask);
  SetMethod(context, target, "runMicrotasks", RunMicrotasks);
  SetMethod(context, target, "setTickCallback", SetTickCallback);
  SetMethod(context, target, "setPromiseRejectCallback",
            SetPromiseRejectCallback);
  SetValue(context, target, "tickInfo", env->tick_info_array());
  Local<Object> events = Object::New(context->GetIsolate());
  SetConstant(context, events, "kPromiseRejectWithNoHandler",
              v8::kPromiseRejectWithNoHandler);
  SetConstant(context, events, "kPromiseHandlerAddedAfterReject",
              v8::kPromiseHandlerAddedAfterReject);
  SetConstant(context, events, "kPromiseResolveAfterResolved",
              v8::kPromiseResolveAfterResolved);
  SetConstant(context, events, "kPromiseRejectAfterResolved",
              v8::kPromiseRejectAfterResolved);
  SetValue(context, target, "promiseRejectEvents", events);
}

void RegisterExternalReferences(ExternalReferenceRegistry* registry) {
  registry->Register(EnqueueMicrotask);
  registry->Register(RunMicrotasks);
  registry->Register(SetTickCallback);
  registry->Register(SetPromiseRejectCallback);
}

}  // namespace
}  // namespace lode::task_queue

LODE_BINDING_CONTEXT_AWARE_INTERNAL(task_queue, lode::task_queue::Initialize)
LODE_BINDING_EXTERNAL_REFERENCE(task_queue,
                                lode::task_queue::RegisterExternalReferences)
