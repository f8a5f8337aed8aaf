// internalBinding('repl'): what the REPL asks of V8 that Node gets through
// the inspector protocol (lode has no inspector): a side-effect-free
// evaluation for the previews as you type (Runtime.evaluate with
// throwOnSideEffect and a timeout) and the names of the global lexical
// scope for tab completion (Runtime.globalLexicalScopeNames).
//
// Both live in V8's debug interface (src/debug/debug-interface.h), which
// libnode.so exports but whose header Debian does not ship: the two
// declarations below match V8 10.2's.
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <mutex>
#include <thread>
#include <vector>

#include "env.h"
#include "lode_binding.h"
#include "util.h"

namespace v8 {
class DefaultPersistentValueVectorTraits;
// V8's v8-util.h container, laid out as it is: the isolate, then a
// std::vector of global handle slots.
template <typename V, typename Traits = DefaultPersistentValueVectorTraits>
class PersistentValueVector {
 public:
  explicit PersistentValueVector(Isolate* isolate) : isolate(isolate) {}
  Isolate* isolate;
  std::vector<uintptr_t> slots;
};
namespace debug {
enum class EvaluateGlobalMode {
  kDefault,
  kDisableBreaks,
  kDisableBreaksAndThrowOnSideEffect
};
MaybeLocal<Value> EvaluateGlobal(Isolate* isolate, Local<String> source,
                                 EvaluateGlobalMode mode, bool repl_mode);
void GlobalLexicalScopeNames(Local<Context> context,
                             PersistentValueVector<String>* names);
}  // namespace debug
}  // namespace v8

namespace lode::repl {

using v8::Array;
using v8::Context;
using v8::FunctionCallbackInfo;
using v8::Global;
using v8::Isolate;
using v8::Local;
using v8::MaybeLocal;
using v8::Object;
using v8::String;
using v8::TryCatch;
using v8::Value;

namespace {

static_assert(sizeof(Global<String>) == sizeof(uintptr_t),
              "a global handle is one slot pointer");

// The context to work in: the creation context of args[index] when it is
// an object (the REPL passes the global of its vm context), else the
// current one.
Local<Context> TargetContext(const FunctionCallbackInfo<Value>& args,
                             int index) {
  Isolate* isolate = args.GetIsolate();
  if (args.Length() > index && args[index]->IsObject()) {
    Local<Context> creation;
    if (args[index].As<Object>()->GetCreationContext().ToLocal(&creation)) {
      return creation;
    }
  }
  return isolate->GetCurrentContext();
}

// Terminates the isolate's JavaScript after `ms` milliseconds unless it was
// stopped first. Stop() returns whether it fired.
class Deadline {
 public:
  Deadline(Isolate* isolate, int64_t ms) : isolate_(isolate) {
    thread_ = std::thread([this, ms] {
      std::unique_lock<std::mutex> lock(mutex_);
      if (!cv_.wait_for(lock, std::chrono::milliseconds(ms),
                        [this] { return stopped_; })) {
        fired_ = true;
        isolate_->TerminateExecution();
      }
    });
  }
  ~Deadline() { Stop(); }

  bool Stop() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      stopped_ = true;
    }
    cv_.notify_all();
    if (thread_.joinable()) thread_.join();
    return fired_;
  }

 private:
  Isolate* isolate_;
  std::thread thread_;
  std::mutex mutex_;
  std::condition_variable cv_;
  bool stopped_ = false;
  bool fired_ = false;
};

// While a preview runs: near the heap limit, stop it (and give the heap
// room to unwind) instead of letting V8 end the process.
size_t StopPreviewNearHeapLimit(void* data, size_t current_limit,
                                size_t initial_limit) {
  static_cast<Isolate*>(data)->TerminateExecution();
  return current_limit + (64u << 20);
}

// previewEvaluate(code, contextGlobal, timeoutMs) ->
//   [true, value] | [false, exception, className] | undefined (timed out)
// Runs `code` as a global script in side-effect-check mode: anything that
// could change state (a store, a call to a function V8 cannot prove pure)
// throws an EvalError instead of happening.
void PreviewEvaluate(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  if (!args[0]->IsString()) return;
  Local<Context> context = TargetContext(args, 1);
  int64_t timeout = args[2]->IsNumber()
      ? static_cast<int64_t>(args[2].As<v8::Number>()->Value()) : 333;
  Local<Value> result;
  Local<Value> exception;
  bool ok;
  bool timed_out;
  {
    Context::Scope scope(context);
    TryCatch try_catch(isolate);
    v8::HeapStatistics heap;
    isolate->GetHeapStatistics(&heap);
    isolate->AddNearHeapLimitCallback(StopPreviewNearHeapLimit, isolate);
    Deadline deadline(isolate, timeout);
    MaybeLocal<Value> maybe = v8::debug::EvaluateGlobal(
        isolate, args[0].As<String>(),
        v8::debug::EvaluateGlobalMode::kDisableBreaksAndThrowOnSideEffect,
        false);
    timed_out = deadline.Stop();
    isolate->RemoveNearHeapLimitCallback(StopPreviewNearHeapLimit,
                                         heap.heap_size_limit());
    ok = maybe.ToLocal(&result);
    if (try_catch.HasTerminated() || timed_out) {
      isolate->CancelTerminateExecution();
      return;
    }
    if (!ok) {
      if (!try_catch.HasCaught()) return;
      exception = try_catch.Exception();
    }
  }
  if (ok) {
    Local<Value> values[] = {v8::True(isolate), result};
    args.GetReturnValue().Set(Array::New(isolate, values, 2));
    return;
  }
  Local<Value> class_name = v8::Undefined(isolate);
  if (exception->IsObject()) {
    class_name = exception.As<Object>()->GetConstructorName();
  }
  Local<Value> values[] = {v8::False(isolate), exception, class_name};
  args.GetReturnValue().Set(Array::New(isolate, values, 3));
}

// globalLexicalScopeNames(contextGlobal) -> the let/const/class names of
// the context's script scope.
void GlobalLexicalScopeNames(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Local<Context> context = TargetContext(args, 0);
  v8::PersistentValueVector<String> names(isolate);
  v8::debug::GlobalLexicalScopeNames(context, &names);
  std::vector<Local<Value>> out;
  out.reserve(names.slots.size());
  for (uintptr_t slot : names.slots) {
    // Each slot is a global handle V8 leaked into the vector: take it back
    // as a Global, copy it into a Local and release it.
    Global<String> global;
    static_assert(sizeof(global) == sizeof(slot));
    memcpy(static_cast<void*>(&global), &slot, sizeof(slot));
    out.push_back(Local<String>::New(isolate, global));
    global.Reset();
  }
  args.GetReturnValue().Set(Array::New(isolate, out.data(), out.size()));
}

void Initialize(Local<Object> target, Local<Value>, Local<Context> context,
                void*) {
  SetMethod(context, target, "previewEvaluate", PreviewEvaluate);
  SetMethod(context, target, "globalLexicalScopeNames",
            GlobalLexicalScopeNames);
}

void RegisterExternalReferences(ExternalReferenceRegistry* registry) {
  registry->Register(PreviewEvaluate);
  registry->Register(GlobalLexicalScopeNames);
}

}  // namespace
}  // namespace lode::repl

LODE_BINDING_CONTEXT_AWARE_INTERNAL(repl, lode::repl::Initialize)
LODE_BINDING_EXTERNAL_REFERENCE(repl, lode::repl::RegisterExternalReferences)
