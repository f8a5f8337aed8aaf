// internalBinding('performance'): the clock of performance.now(), the
// start-up milestones, the event loop's idle time and iteration count, the
// 'gc' entries (from V8's GC callbacks), and the histograms
// (lode_histogram.cc). lib/internal/perf/ builds the API on top.
//
// The binding keeps a view of process memory (the milestones): it is only
// loaded at run time, never during the snapshot build.
#include "lode_perf.h"

#include <chrono>
#include <vector>

#include "env.h"
#include "lode_binding.h"
#include "lode_errors.h"
#include "lode_histogram.h"
#include "lode_tracing.h"
#include "util.h"

namespace lode::performance {

using v8::ArrayBuffer;
using v8::Context;
using v8::Float64Array;
using v8::Function;
using v8::FunctionCallbackInfo;
using v8::GCCallbackFlags;
using v8::GCType;
using v8::HandleScope;
using v8::Isolate;
using v8::Local;
using v8::Number;
using v8::Object;
using v8::PropertyAttribute;
using v8::Uint32Array;
using v8::Value;

namespace {

// The process's own: written by the main thread before any other thread
// starts, read-only after.
uint64_t g_process_origin = 0;
double g_process_origin_timestamp = 0;  // microseconds since the epoch
double g_node_start = -1;
double g_v8_start = -1;

// A milestone as an instant event of node.bootstrap, at the time it was
// reached (`hrtime` in nanoseconds).
void TraceMilestone(Milestone milestone, double hrtime) {
  const uint8_t* flag = LODE_TRACE_FLAG("node,node.bootstrap");
  if (!tracing::IsEnabled(flag) || hrtime < 0) return;
  const char* name = nullptr;
  switch (milestone) {
    case kEnvironment: name = "environment"; break;
    case kNodeStart: name = "nodeStart"; break;
    case kV8Start: name = "v8Start"; break;
    case kLoopStart: name = "loopStart"; break;
    case kLoopExit: name = "loopExit"; break;
    case kBootstrapComplete: name = "bootstrapComplete"; break;
    default: return;
  }
  tracing::AddEvent('I', flag, name, false, 0, {},
                    static_cast<int64_t>(hrtime / 1000));
}

// Indices of observerCounts (NODE_PERFORMANCE_ENTRY_TYPE_*).
enum ObservedType { kGC = 0, kHttp, kHttp2, kNet, kDns, kObservedTypeCount };

// One environment's timeline: its milestones (JS reads them through a live
// Float64Array), its loop metrics, the JS function entries are handed to,
// and the GC timings waiting to be handed over.
class PerfState : public BindingData {
 public:
  PerfState(Environment* env, uint64_t origin, double origin_timestamp)
      : env_(env), origin_(origin) {
    for (double& m : milestones_) m = -1;
    milestones_[kTimeOrigin] = static_cast<double>(origin);
    milestones_[kTimeOriginTimestamp] = origin_timestamp;
    milestones_[kNodeStart] = g_node_start;
    milestones_[kV8Start] = g_v8_start;
    CHECK_EQ(uv_idle_init(env->loop(), &gc_dispatch_), 0);
    gc_dispatch_.data = this;
    uv_unref(reinterpret_cast<uv_handle_t*>(&gc_dispatch_));
    env->AddCleanupHook([this]() {
      StopGCTracking();
      uv_close(reinterpret_cast<uv_handle_t*>(&gc_dispatch_), nullptr);
      if (loop_metrics_) {
        uv_close(reinterpret_cast<uv_handle_t*>(&loop_counter_), nullptr);
      }
    });
  }

  // The state of `env`, made on first use. Every environment (a worker's
  // too) counts from the process's time origin, as in Node.
  static PerfState* Get(Environment* env) {
    PerfState* state = env->GetBindingData<PerfState>("performance");
    if (state != nullptr) return state;
    if (g_process_origin == 0) MarkTimeOrigin();
    state = env->SetBindingData(
        "performance",
        std::make_unique<PerfState>(env, g_process_origin,
                                    g_process_origin_timestamp));
    state->milestones_[kEnvironment] =
        static_cast<double>(env->start_time_ns());
    return state;
  }

  double* milestones() { return milestones_; }
  void Mark(Milestone milestone) {
    milestones_[milestone] = static_cast<double>(uv_hrtime());
    TraceMilestone(milestone, milestones_[milestone]);
  }
  double Now() const {
    return static_cast<double>(uv_hrtime() - origin_) / 1e6;
  }
  uint64_t loop_count() const { return loop_count_; }

  void StartLoopMetrics() {
    if (loop_metrics_) return;
    loop_metrics_ = true;
    // libuv then measures the time it waits in poll (a clock read around
    // each wait that blocks).
    uv_loop_configure(env_->loop(), UV_METRICS_IDLE_TIME);
    // A prepare handle runs once per iteration, right before the poll.
    CHECK_EQ(uv_prepare_init(env_->loop(), &loop_counter_), 0);
    loop_counter_.data = this;
    uv_unref(reinterpret_cast<uv_handle_t*>(&loop_counter_));
    CHECK_EQ(uv_prepare_start(&loop_counter_,
                              [](uv_prepare_t* handle) {
                                static_cast<PerfState*>(handle->data)
                                    ->loop_count_++;
                              }),
             0);
  }

  void set_observer_callback(Local<Function> fn) {
    observer_callback_.Reset(env_->isolate(), fn);
  }

  void StartGCTracking() {
    if (gc_tracking_) return;
    gc_tracking_ = true;
    env_->isolate()->AddGCPrologueCallback(OnGCStart, this);
    env_->isolate()->AddGCEpilogueCallback(OnGCEnd, this);
  }

  void StopGCTracking() {
    if (!gc_tracking_) return;
    gc_tracking_ = false;
    env_->isolate()->RemoveGCPrologueCallback(OnGCStart, this);
    env_->isolate()->RemoveGCEpilogueCallback(OnGCEnd, this);
  }

 private:
  struct GCEntry {
    double start;
    double duration;
    int kind;
    int flags;
  };

  static void OnGCStart(Isolate*, GCType, GCCallbackFlags, void* data) {
    static_cast<PerfState*>(data)->gc_start_ = uv_hrtime();
  }

  // No JS may run during a GC: the entry goes to the loop, which hands it
  // over on its next turn (an unref'ed idle handle: a GC does not keep the
  // process alive).
  static void OnGCEnd(Isolate*, GCType type, GCCallbackFlags flags,
                      void* data) {
    PerfState* self = static_cast<PerfState*>(data);
    uint64_t end = uv_hrtime();
    double start = static_cast<double>(self->gc_start_ - self->origin_) / 1e6;
    self->gc_entries_.push_back(
        {start, static_cast<double>(end - self->gc_start_) / 1e6,
         static_cast<int>(type), static_cast<int>(flags)});
    uv_idle_start(&self->gc_dispatch_, DispatchGCEntries);
  }

  static void DispatchGCEntries(uv_idle_t* handle) {
    PerfState* self = static_cast<PerfState*>(handle->data);
    uv_idle_stop(handle);
    std::vector<GCEntry> entries;
    entries.swap(self->gc_entries_);
    Environment* env = self->env_;
    if (self->observer_callback_.IsEmpty() || !env->can_call_into_js()) {
      return;
    }
    Isolate* isolate = env->isolate();
    HandleScope scope(isolate);
    Local<Context> context = env->context();
    Context::Scope context_scope(context);
    Local<Function> callback = self->observer_callback_.Get(isolate);
    Local<v8::String> gc = FIXED_ONE_BYTE_STRING(isolate, "gc");
    for (const GCEntry& entry : entries) {
      Local<Object> detail = Object::New(isolate);
      if (detail->Set(context, FIXED_ONE_BYTE_STRING(isolate, "kind"),
                      v8::Integer::New(isolate, entry.kind)).IsNothing() ||
          detail->Set(context, FIXED_ONE_BYTE_STRING(isolate, "flags"),
                      v8::Integer::New(isolate, entry.flags)).IsNothing()) {
        return;
      }
      Local<Value> argv[] = {gc, gc, Number::New(isolate, entry.start),
                             Number::New(isolate, entry.duration), detail};
      MakeCallback(env, env->process_object(), callback, arraysize(argv),
                   argv);
      if (!env->can_call_into_js()) return;
    }
  }

  Environment* env_;
  uint64_t origin_;
  double milestones_[kMilestoneCount];
  bool loop_metrics_ = false;
  uint64_t loop_count_ = 0;
  uv_prepare_t loop_counter_;
  v8::Global<Function> observer_callback_;
  bool gc_tracking_ = false;
  uint64_t gc_start_ = 0;
  std::vector<GCEntry> gc_entries_;
  uv_idle_t gc_dispatch_;
};

// The hot one: the state comes with the function (as its data), not from
// a lookup.
// The state comes with the function (an External), except in a user
// snapshot's builder, whose functions V8 must be able to serialize.
void GetNow(const FunctionCallbackInfo<Value>& args) {
  PerfState* state =
      args.Data()->IsExternal()
          ? static_cast<PerfState*>(args.Data().As<v8::External>()->Value())
          : PerfState::Get(Environment::GetCurrent(args));
  args.GetReturnValue().Set(state->Now());
}

// A live view of the milestones: C++ keeps writing them (loopStart,
// loopExit) after JS has the array.
Local<Float64Array> MilestonesArray(Isolate* isolate, PerfState* state) {
  std::unique_ptr<v8::BackingStore> store = ArrayBuffer::NewBackingStore(
      state->milestones(), kMilestoneCount * sizeof(double),
      [](void*, size_t, void*) {}, nullptr);
  Local<ArrayBuffer> milestones = ArrayBuffer::New(isolate, std::move(store));
  return Float64Array::New(milestones, 0, kMilestoneCount);
}

// getMilestones(): the view for a start from a user snapshot, whose own
// array is a copy of the builder's.
void GetMilestones(const FunctionCallbackInfo<Value>& args) {
  Environment* env = Environment::GetCurrent(args);
  args.GetReturnValue().Set(
      MilestonesArray(args.GetIsolate(), PerfState::Get(env)));
}

void LoopIdleTime(const FunctionCallbackInfo<Value>& args) {
  Environment* env = Environment::GetCurrent(args);
  args.GetReturnValue().Set(
      static_cast<double>(uv_metrics_idle_time(env->loop())) / 1e6);
}

// [loopCount, events, eventsWaiting]. libuv 1.44 has no uv_metrics_info():
// the event counts stay 0 (doc/status.md).
void UvMetricsInfo(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  PerfState* state = PerfState::Get(Environment::GetCurrent(args));
  Local<Value> values[] = {
      Number::New(isolate, static_cast<double>(state->loop_count())),
      Number::New(isolate, 0), Number::New(isolate, 0)};
  args.GetReturnValue().Set(
      v8::Array::New(isolate, values, arraysize(values)));
}

void MarkBootstrapComplete(const FunctionCallbackInfo<Value>& args) {
  PerfState::Get(Environment::GetCurrent(args))->Mark(kBootstrapComplete);
}

void SetupObservers(const FunctionCallbackInfo<Value>& args) {
  CHECK(args[0]->IsFunction());
  PerfState::Get(Environment::GetCurrent(args))
      ->set_observer_callback(args[0].As<Function>());
}

void InstallGarbageCollectionTracking(
    const FunctionCallbackInfo<Value>& args) {
  PerfState::Get(Environment::GetCurrent(args))->StartGCTracking();
}

void RemoveGarbageCollectionTracking(
    const FunctionCallbackInfo<Value>& args) {
  PerfState::Get(Environment::GetCurrent(args))->StopGCTracking();
}

void DefineConstant(Local<Context> context, Local<Object> target,
                    const char* name, double value, bool enumerable) {
  Isolate* isolate = context->GetIsolate();
  int attributes = v8::ReadOnly | v8::DontDelete;
  if (!enumerable) attributes |= v8::DontEnum;
  target
      ->DefineOwnProperty(context, OneByteString(isolate, name),
                          Number::New(isolate, value),
                          static_cast<PropertyAttribute>(attributes))
      .Check();
}

Local<Object> CreateConstants(Local<Context> context) {
  Local<Object> constants = Object::New(context->GetIsolate());
  const struct {
    const char* name;
    double value;
  } gc_constants[] = {
      {"NODE_PERFORMANCE_GC_MAJOR", v8::kGCTypeMarkSweepCompact},
      {"NODE_PERFORMANCE_GC_MINOR", v8::kGCTypeScavenge},
      {"NODE_PERFORMANCE_GC_INCREMENTAL", v8::kGCTypeIncrementalMarking},
      {"NODE_PERFORMANCE_GC_WEAKCB", v8::kGCTypeProcessWeakCallbacks},
      {"NODE_PERFORMANCE_GC_FLAGS_NO", v8::kNoGCCallbackFlags},
      {"NODE_PERFORMANCE_GC_FLAGS_CONSTRUCT_RETAINED",
       v8::kGCCallbackFlagConstructRetainedObjectInfos},
      {"NODE_PERFORMANCE_GC_FLAGS_FORCED", v8::kGCCallbackFlagForced},
      {"NODE_PERFORMANCE_GC_FLAGS_SYNCHRONOUS_PHANTOM_PROCESSING",
       v8::kGCCallbackFlagSynchronousPhantomCallbackProcessing},
      {"NODE_PERFORMANCE_GC_FLAGS_ALL_AVAILABLE_GARBAGE",
       v8::kGCCallbackFlagCollectAllAvailableGarbage},
      {"NODE_PERFORMANCE_GC_FLAGS_ALL_EXTERNAL_MEMORY",
       v8::kGCCallbackFlagCollectAllExternalMemory},
      {"NODE_PERFORMANCE_GC_FLAGS_SCHEDULE_IDLE",
       v8::kGCCallbackScheduleIdleGarbageCollection},
  };
  for (const auto& c : gc_constants) {
    DefineConstant(context, constants, c.name, c.value, true);
  }
  // The internal ones are there too, but not enumerable (as in Node).
  const struct {
    const char* name;
    double value;
  } internal_constants[] = {
      {"NODE_PERFORMANCE_ENTRY_TYPE_GC", kGC},
      {"NODE_PERFORMANCE_ENTRY_TYPE_HTTP", kHttp},
      {"NODE_PERFORMANCE_ENTRY_TYPE_HTTP2", kHttp2},
      {"NODE_PERFORMANCE_ENTRY_TYPE_NET", kNet},
      {"NODE_PERFORMANCE_ENTRY_TYPE_DNS", kDns},
      {"NODE_PERFORMANCE_MILESTONE_TIME_ORIGIN_TIMESTAMP",
       kTimeOriginTimestamp},
      {"NODE_PERFORMANCE_MILESTONE_TIME_ORIGIN", kTimeOrigin},
      {"NODE_PERFORMANCE_MILESTONE_ENVIRONMENT", kEnvironment},
      {"NODE_PERFORMANCE_MILESTONE_NODE_START", kNodeStart},
      {"NODE_PERFORMANCE_MILESTONE_V8_START", kV8Start},
      {"NODE_PERFORMANCE_MILESTONE_LOOP_START", kLoopStart},
      {"NODE_PERFORMANCE_MILESTONE_LOOP_EXIT", kLoopExit},
      {"NODE_PERFORMANCE_MILESTONE_BOOTSTRAP_COMPLETE", kBootstrapComplete},
  };
  for (const auto& c : internal_constants) {
    DefineConstant(context, constants, c.name, c.value, false);
  }
  return constants;
}

void Initialize(Local<Object> target, Local<Value>, Local<Context> context,
                void*) {
  Environment* env = Environment::GetCurrent(context);
  Isolate* isolate = context->GetIsolate();
  PerfState* state = PerfState::Get(env);
  const bool building_snapshot =
      env->options()->GetBool("--build-snapshot") ||
      !env->options()->GetString("--build-snapshot-config").empty();
  Local<Value> now_data;
  if (!building_snapshot) now_data = v8::External::New(isolate, state);
  Local<Function> now;
  if (!v8::FunctionTemplate::New(isolate, GetNow, now_data,
                                 Local<v8::Signature>(), 0,
                                 v8::ConstructorBehavior::kThrow,
                                 v8::SideEffectType::kHasNoSideEffect)
           ->GetFunction(context)
           .ToLocal(&now)) {
    return;
  }
  now->SetName(FIXED_ONE_BYTE_STRING(isolate, "now"));
  SetValue(context, target, "now", now);
  SetMethodNoSideEffect(context, target, "loopIdleTime", LoopIdleTime);
  SetMethodNoSideEffect(context, target, "uvMetricsInfo", UvMetricsInfo);
  SetMethod(context, target, "markBootstrapComplete", MarkBootstrapComplete);
  SetMethod(context, target, "setupObservers", SetupObservers);
  SetMethod(context, target, "installGarbageCollectionTracking",
            InstallGarbageCollectionTracking);
  SetMethod(context, target, "removeGarbageCollectionTracking",
            RemoveGarbageCollectionTracking);

  SetValue(context, target, "milestones", MilestonesArray(isolate, state));
  SetMethod(context, target, "getMilestones", GetMilestones);
  Local<ArrayBuffer> counts =
      ArrayBuffer::New(isolate, kObservedTypeCount * sizeof(uint32_t));
  memset(counts->Data(), 0, kObservedTypeCount * sizeof(uint32_t));
  SetValue(context, target, "observerCounts",
           Uint32Array::New(counts, 0, kObservedTypeCount));
  SetValue(context, target, "constants", CreateConstants(context));
  histogram::Initialize(context, target);
}

void RegisterExternalReferences(ExternalReferenceRegistry* registry) {
  registry->Register(GetNow);
  registry->Register(GetMilestones);
  registry->Register(LoopIdleTime);
  registry->Register(UvMetricsInfo);
  registry->Register(MarkBootstrapComplete);
  registry->Register(SetupObservers);
  registry->Register(InstallGarbageCollectionTracking);
  registry->Register(RemoveGarbageCollectionTracking);
  histogram::RegisterExternalReferences(registry);
}

}  // namespace

void MarkTimeOrigin() {
  g_process_origin = uv_hrtime();
  g_process_origin_timestamp =
      std::chrono::duration<double, std::micro>(
          std::chrono::system_clock::now().time_since_epoch())
          .count();
}

void MarkProcess(Milestone milestone) {
  if (g_process_origin == 0) MarkTimeOrigin();
  double now = static_cast<double>(uv_hrtime());
  if (milestone == kNodeStart) g_node_start = now;
  if (milestone == kV8Start) g_v8_start = now;
}

void StartTimeline(Environment* env) {
  PerfState* state = PerfState::Get(env);
  state->Mark(kEnvironment);
  // The process's own milestones came before the tracing agent started:
  // traced with the main environment, at the times they were reached.
  if (env->is_main_thread()) {
    TraceMilestone(kNodeStart, g_node_start);
    TraceMilestone(kV8Start, g_v8_start);
  }
  state->StartLoopMetrics();
}

void Mark(Environment* env, Milestone milestone) {
  PerfState::Get(env)->Mark(milestone);
}

}  // namespace lode::performance

LODE_BINDING_CONTEXT_AWARE_INTERNAL(performance,
                                    lode::performance::Initialize)
LODE_BINDING_EXTERNAL_REFERENCE(performance,
                                lode::performance::RegisterExternalReferences)
