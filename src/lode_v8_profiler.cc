// The profilers of node:v8, part of internalBinding('v8'):
// - GCProfiler: GC prologue/epilogue callbacks that record the heap's
//   figures before and after each collection, handed out as Node's JSON
//   text ({ version, startTime, statistics, endTime }).
// - startCpuProfile/stopCpuProfile: V8's CpuProfiler; a stopped profile is
//   written as a .cpuprofile JSON text.
// - queryObjects(prototype): the live objects of the current context whose
//   prototype chain holds `prototype`.
#include "lode_v8_profiler.h"

#include <cstdint>
#include <cstdio>
#include <memory>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "env.h"
#include "lode_errors.h"
#include "json_text.h"
#include "util.h"
#include "uv.h"
#include "v8-profiler.h"

// V8 10.2's public API has no HeapProfiler::QueryObjects yet; libnode
// exports the debug interface's heap walk, which the inspector uses. Neither
// it nor v8-util.h (PersistentValueVector, the walk's output) is among the
// headers lode builds with, so what is needed of them is declared here; the
// declarations must keep V8 10.2's names and layouts:
// - PersistentValueVector<V, DefaultPersistentValueVectorTraits> is the
//   isolate followed by a std::vector of global handle slots (the walk
//   appends one global handle per object found; whoever owns the vector
//   disposes of them).
// - QueryObjectPredicate's vtable is the virtual destructor, then Filter.
namespace v8 {
class DefaultPersistentValueVectorTraits {
 public:
  using Impl = std::vector<uintptr_t>;
};

template <class V, class Traits>
class PersistentValueVector {
 public:
  explicit PersistentValueVector(Isolate* isolate) : isolate_(isolate) {}
  ~PersistentValueVector() {
    for (uintptr_t slot : impl_) {
      api_internal::DisposeGlobal(reinterpret_cast<internal::Address*>(slot));
    }
  }
  PersistentValueVector(const PersistentValueVector&) = delete;
  PersistentValueVector& operator=(const PersistentValueVector&) = delete;

  size_t Size() const { return impl_.size(); }
  Local<V> Get(size_t index) const {
    return Local<V>::New(isolate_, reinterpret_cast<V*>(impl_[index]));
  }

 private:
  Isolate* isolate_;
  typename Traits::Impl impl_;
};

namespace debug {
class QueryObjectPredicate {
 public:
  virtual ~QueryObjectPredicate() = default;
  virtual bool Filter(Local<Object> object) = 0;
};
void QueryObjects(
    Local<Context> context, QueryObjectPredicate* predicate,
    PersistentValueVector<Object, DefaultPersistentValueVectorTraits>*
        objects);
}  // namespace debug
}  // namespace v8

namespace lode::v8_binding {

using v8::Context;
using v8::CpuProfile;
using v8::CpuProfileNode;
using v8::CpuProfiler;
using v8::CpuProfilingOptions;
using v8::CpuProfilingResult;
using v8::CpuProfilingStatus;
using v8::FunctionCallbackInfo;
using v8::FunctionTemplate;
using v8::GCCallbackFlags;
using v8::GCType;
using v8::Global;
using v8::HandleScope;
using v8::HeapSpaceStatistics;
using v8::HeapStatistics;
using v8::Isolate;
using v8::Local;
using v8::Number;
using v8::Object;
using v8::ProfilerId;
using v8::String;
using v8::Value;

namespace {

// ---- JSON text ----------------------------------------------------------

void AppendKey(std::string* out, const char* key) {
  out->push_back('"');
  out->append(key);
  out->append("\":");
}

void AppendNumber(std::string* out, const char* key, int64_t value) {
  AppendKey(out, key);
  out->append(std::to_string(value));
}

// Milliseconds since the epoch.
int64_t WallClockMs() {
  uv_timeval64_t tv;
  if (uv_gettimeofday(&tv) != 0) return 0;
  return tv.tv_sec * 1000 + tv.tv_usec / 1000;
}

class GCProfiler;

// The profilers of one environment; those still running when it goes are
// stopped then.
class ProfilerData : public BindingData {
 public:
  static constexpr const char* kKey = "v8_profiler";

  explicit ProfilerData(Isolate* isolate) : isolate_(isolate) {}
  ~ProfilerData() override;

  static ProfilerData* Get(Environment* env) {
    ProfilerData* data = env->GetBindingData<ProfilerData>(kKey);
    if (data == nullptr) {
      data = env->SetBindingData(
          kKey, std::make_unique<ProfilerData>(env->isolate()));
    }
    return data;
  }

  CpuProfiler* cpu_profiler() {
    if (cpu_profiler_ == nullptr) cpu_profiler_ = CpuProfiler::New(isolate_);
    return cpu_profiler_;
  }

  std::set<GCProfiler*> gc_profilers;
  std::set<ProfilerId> cpu_profiles;

 private:
  Isolate* isolate_;
  CpuProfiler* cpu_profiler_ = nullptr;
};

// ---- GCProfiler -----------------------------------------------------------

const WrapType kGCProfilerType = {"GCProfiler", nullptr};

const char* GCTypeName(GCType type) {
  switch (type) {
    case v8::kGCTypeScavenge: return "Scavenge";
    case v8::kGCTypeMinorMarkCompact: return "MinorMarkCompact";
    case v8::kGCTypeMarkSweepCompact: return "MarkSweepCompact";
    case v8::kGCTypeIncrementalMarking: return "IncrementalMarking";
    case v8::kGCTypeProcessWeakCallbacks: return "ProcessWeakCallbacks";
    default: return "Unknown";
  }
}

// {"heapStatistics":{...},"heapSpaceStatistics":[...]} with Node's keys.
void AppendHeapFigures(Isolate* isolate, std::string* out) {
  HeapStatistics s;
  isolate->GetHeapStatistics(&s);
  out->append("{\"heapStatistics\":{");
  AppendNumber(out, "totalHeapSize", s.total_heap_size());
  out->push_back(',');
  AppendNumber(out, "totalHeapSizeExecutable", s.total_heap_size_executable());
  out->push_back(',');
  AppendNumber(out, "totalPhysicalSize", s.total_physical_size());
  out->push_back(',');
  AppendNumber(out, "totalAvailableSize", s.total_available_size());
  out->push_back(',');
  AppendNumber(out, "totalGlobalHandlesSize", s.total_global_handles_size());
  out->push_back(',');
  AppendNumber(out, "usedGlobalHandlesSize", s.used_global_handles_size());
  out->push_back(',');
  AppendNumber(out, "usedHeapSize", s.used_heap_size());
  out->push_back(',');
  AppendNumber(out, "heapSizeLimit", s.heap_size_limit());
  out->push_back(',');
  AppendNumber(out, "mallocedMemory", s.malloced_memory());
  out->push_back(',');
  AppendNumber(out, "externalMemory", s.external_memory());
  out->push_back(',');
  AppendNumber(out, "peakMallocedMemory", s.peak_malloced_memory());
  out->append("},\"heapSpaceStatistics\":[");
  size_t count = isolate->NumberOfHeapSpaces();
  for (size_t i = 0; i < count; i++) {
    HeapSpaceStatistics space;
    if (!isolate->GetHeapSpaceStatistics(&space, i)) continue;
    if (out->back() != '[') out->push_back(',');
    out->push_back('{');
    AppendKey(out, "spaceName");
    AppendJsonString(out, space.space_name() == nullptr ? ""
                                                        : space.space_name());
    out->push_back(',');
    AppendNumber(out, "spaceSize", space.space_size());
    out->push_back(',');
    AppendNumber(out, "spaceUsedSize", space.space_used_size());
    out->push_back(',');
    AppendNumber(out, "spaceAvailableSize", space.space_available_size());
    out->push_back(',');
    AppendNumber(out, "physicalSpaceSize", space.physical_space_size());
    out->push_back('}');
  }
  out->append("]}");
}

// The C++ side of one binding.GCProfiler object, which holds it weakly:
// its collection (node:v8's GCProfiler dropped, running or not) removes the
// GC callbacks and frees this. That happens in the first-pass weak callback,
// outside V8's walks over its GC callback lists.
class GCProfiler {
 public:
  GCProfiler(Environment* env, Local<Object> object)
      : env_(env), isolate_(env->isolate()) {
    object_.Reset(isolate_, object);
    object_.SetWeak(this, OnGC, v8::WeakCallbackType::kParameter);
    SetWrapped(object, this, &kGCProfilerType);
    ProfilerData::Get(env)->gc_profilers.insert(this);
  }

  ~GCProfiler() {
    RemoveCallbacks();
    object_.Reset();
  }

  static GCProfiler* From(Local<Value> value) {
    return static_cast<GCProfiler*>(GetWrapped(value, &kGCProfilerType));
  }

  void Start() {
    if (running_) return;
    running_ = true;
    json_ = "{\"version\":1,";
    AppendNumber(&json_, "startTime", WallClockMs());
    json_.append(",\"statistics\":[");
    pending_.clear();
    isolate_->AddGCPrologueCallback(Prologue, this);
    isolate_->AddGCEpilogueCallback(Epilogue, this);
  }

  // The JSON text of the run, or an empty string when it did not run.
  std::string Stop() {
    if (!running_) return std::string();
    RemoveCallbacks();
    json_.append("],");
    AppendNumber(&json_, "endTime", WallClockMs());
    json_.push_back('}');
    return std::move(json_);
  }

 private:
  void RemoveCallbacks() {
    if (!running_) return;
    running_ = false;
    isolate_->RemoveGCPrologueCallback(Prologue, this);
    isolate_->RemoveGCEpilogueCallback(Epilogue, this);
  }

  static void Prologue(Isolate* isolate, GCType type, GCCallbackFlags,
                       void* data) {
    GCProfiler* self = static_cast<GCProfiler*>(data);
    self->gc_start_ns_ = uv_hrtime();
    self->pending_ = "{\"gcType\":";
    AppendJsonString(&self->pending_, GCTypeName(type));
    self->pending_.append(",\"beforeGC\":");
    AppendHeapFigures(isolate, &self->pending_);
  }

  static void Epilogue(Isolate* isolate, GCType, GCCallbackFlags,
                       void* data) {
    GCProfiler* self = static_cast<GCProfiler*>(data);
    // An epilogue without its prologue (the profiler started in between).
    if (self->pending_.empty()) return;
    std::string& out = self->json_;
    if (out.back() != '[') out.push_back(',');
    out.append(self->pending_);
    self->pending_.clear();
    out.push_back(',');
    AppendNumber(&out, "cost",
                 static_cast<int64_t>((uv_hrtime() - self->gc_start_ns_) /
                                      1000));
    out.append(",\"afterGC\":");
    AppendHeapFigures(isolate, &out);
    out.push_back('}');
  }

  static void OnGC(const v8::WeakCallbackInfo<GCProfiler>& info) {
    GCProfiler* self = info.GetParameter();
    ProfilerData* data = ProfilerData::Get(self->env_);
    data->gc_profilers.erase(self);
    delete self;
  }

  Environment* env_;
  Isolate* isolate_;
  Global<Object> object_;
  bool running_ = false;
  std::string json_;
  std::string pending_;
  uint64_t gc_start_ns_ = 0;
};

ProfilerData::~ProfilerData() {
  std::set<GCProfiler*> profilers = std::move(gc_profilers);
  for (GCProfiler* profiler : profilers) {
    delete profiler;
  }
  if (cpu_profiler_ != nullptr) {
    for (ProfilerId id : cpu_profiles) {
      CpuProfile* profile = cpu_profiler_->Stop(id);
      if (profile != nullptr) profile->Delete();
    }
    cpu_profiler_->Dispose();
  }
}

void GCProfilerNew(const FunctionCallbackInfo<Value>& args) {
  if (!args.IsConstructCall()) {
    THROW_ERR_CONSTRUCT_CALL_INVALID(args.GetIsolate(),
                                     "Constructor cannot be called");
    return;
  }
  Environment* env = Environment::GetCurrent(args);
  if (env == nullptr) return;
  new GCProfiler(env, args.This());
}

void GCProfilerStart(const FunctionCallbackInfo<Value>& args) {
  GCProfiler* profiler = GCProfiler::From(args.This());
  if (profiler != nullptr) profiler->Start();
}

void GCProfilerStop(const FunctionCallbackInfo<Value>& args) {
  GCProfiler* profiler = GCProfiler::From(args.This());
  if (profiler == nullptr) return;
  std::string json = profiler->Stop();
  if (json.empty()) return;
  Local<String> text;
  if (String::NewFromUtf8(args.GetIsolate(), json.data(),
                          v8::NewStringType::kNormal,
                          static_cast<int>(json.size()))
          .ToLocal(&text)) {
    args.GetReturnValue().Set(text);
  }
}

// ---- CPU profiles ---------------------------------------------------------

// The profile's call tree in Node's .cpuprofile shape: nodes in depth-first
// order, 0-based line and column numbers, samples and their time deltas.
std::string SerializeCpuProfile(const CpuProfile* profile) {
  std::string out = "{\"nodes\":[";
  std::vector<const CpuProfileNode*> stack;
  if (profile->GetTopDownRoot() != nullptr) {
    stack.push_back(profile->GetTopDownRoot());
  }
  bool first = true;
  while (!stack.empty()) {
    const CpuProfileNode* node = stack.back();
    stack.pop_back();
    if (!first) out.push_back(',');
    first = false;
    out.push_back('{');
    AppendNumber(&out, "id", node->GetNodeId());
    out.push_back(',');
    AppendNumber(&out, "hitCount", node->GetHitCount());
    out.append(",\"callFrame\":{");
    AppendKey(&out, "functionName");
    const char* name = node->GetFunctionNameStr();
    AppendJsonString(&out, name == nullptr ? "" : name);
    out.push_back(',');
    AppendNumber(&out, "lineNumber", node->GetLineNumber() - 1);
    out.push_back(',');
    AppendNumber(&out, "columnNumber", node->GetColumnNumber() - 1);
    out.push_back(',');
    AppendNumber(&out, "scriptId", node->GetScriptId());
    out.push_back(',');
    AppendKey(&out, "url");
    const char* url = node->GetScriptResourceNameStr();
    AppendJsonString(&out, url == nullptr ? "" : url);
    out.push_back('}');
    int count = node->GetChildrenCount();
    if (count > 0) {
      out.append(",\"children\":[");
      for (int i = 0; i < count; i++) {
        if (i > 0) out.push_back(',');
        out.append(std::to_string(node->GetChild(i)->GetNodeId()));
      }
      out.push_back(']');
    }
    out.push_back('}');
    // Children pushed last to first, so that the first is written next.
    for (int i = count - 1; i >= 0; i--) stack.push_back(node->GetChild(i));
  }
  out.append("],");
  AppendNumber(&out, "startTime", profile->GetStartTime());
  out.push_back(',');
  AppendNumber(&out, "endTime", profile->GetEndTime());
  out.append(",\"samples\":[");
  int samples = profile->GetSamplesCount();
  for (int i = 0; i < samples; i++) {
    if (i > 0) out.push_back(',');
    const CpuProfileNode* sample = profile->GetSample(i);
    out.append(std::to_string(sample == nullptr ? 0 : sample->GetNodeId()));
  }
  out.append("],\"timeDeltas\":[");
  int64_t previous = profile->GetStartTime();
  for (int i = 0; i < samples; i++) {
    if (i > 0) out.push_back(',');
    int64_t timestamp = profile->GetSampleTimestamp(i);
    out.append(std::to_string(timestamp - previous));
    previous = timestamp;
  }
  out.append("]}");
  return out;
}

void StartCpuProfile(const FunctionCallbackInfo<Value>& args) {
  Environment* env = Environment::GetCurrent(args);
  if (env == nullptr) return;
  ProfilerData* data = ProfilerData::Get(env);
  CpuProfilingOptions options(v8::kLeafNodeLineNumbers,
                              CpuProfilingOptions::kNoSampleLimit);
  CpuProfilingResult result = data->cpu_profiler()->Start(options);
  if (result.status == CpuProfilingStatus::kErrorTooManyProfilers) {
    THROW_ERR_CPU_PROFILE_TOO_MANY(args.GetIsolate(),
                                   "There are too many CPU profiles");
    return;
  }
  data->cpu_profiles.insert(result.id);
  args.GetReturnValue().Set(
      Number::New(args.GetIsolate(), static_cast<double>(result.id)));
}

// Returns the profile's JSON text; undefined for an id not running.
void StopCpuProfile(const FunctionCallbackInfo<Value>& args) {
  Environment* env = Environment::GetCurrent(args);
  if (env == nullptr || !args[0]->IsUint32()) return;
  ProfilerId id = args[0].As<v8::Uint32>()->Value();
  ProfilerData* data = ProfilerData::Get(env);
  if (data->cpu_profiles.erase(id) == 0) return;
  CpuProfile* profile = data->cpu_profiler()->Stop(id);
  if (profile == nullptr) return;
  std::string json = SerializeCpuProfile(profile);
  profile->Delete();
  Local<String> text;
  if (String::NewFromUtf8(args.GetIsolate(), json.data(),
                          v8::NewStringType::kNormal,
                          static_cast<int>(json.size()))
          .ToLocal(&text)) {
    args.GetReturnValue().Set(text);
  }
}

// ---- queryObjects ---------------------------------------------------------

// Runs inside V8's heap walk: it may only read (no JS, no allocation on the
// JS heap), so it compares prototypes and nothing else.
class PrototypeChainHas : public v8::debug::QueryObjectPredicate {
 public:
  PrototypeChainHas(Local<Context> context, Local<Object> search)
      : context_(context), search_(search) {}

  bool Filter(Local<Object> object) override {
    Local<Context> creation_context;
    if (!object->GetCreationContext().ToLocal(&creation_context) ||
        creation_context != context_) {
      return false;
    }
    for (Local<Value> proto = object->GetPrototype(); proto->IsObject();
         proto = proto.As<Object>()->GetPrototype()) {
      if (proto == search_) return true;
    }
    return false;
  }

 private:
  Local<Context> context_;
  Local<Object> search_;
};

// queryObjects(prototype) → the objects of this context that have
// `prototype` on their prototype chain (none for a non-object).
void QueryObjects(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Local<Context> context = isolate->GetCurrentContext();
  std::vector<Local<Value>> found;
  if (args[0]->IsObject()) {
    v8::PersistentValueVector<Object, v8::DefaultPersistentValueVectorTraits>
        objects(isolate);
    {
      HandleScope scope(isolate);
      PrototypeChainHas predicate(context, args[0].As<Object>());
      v8::debug::QueryObjects(context, &predicate, &objects);
    }
    found.reserve(objects.Size());
    for (size_t i = 0; i < objects.Size(); i++) {
      found.push_back(objects.Get(i));
    }
  }
  args.GetReturnValue().Set(
      v8::Array::New(isolate, found.data(), found.size()));
}

}  // namespace

void InitializeProfilers(Local<Context> context, Local<Object> target) {
  Isolate* isolate = context->GetIsolate();
  SetMethod(context, target, "startCpuProfile", StartCpuProfile);
  SetMethod(context, target, "stopCpuProfile", StopCpuProfile);
  SetMethod(context, target, "queryObjects", QueryObjects);

  Local<FunctionTemplate> gc = NewFunctionTemplate(isolate, GCProfilerNew);
  gc->InstanceTemplate()->SetInternalFieldCount(kWrapFieldCount);
  SetProtoMethod(isolate, gc, "start", GCProfilerStart);
  SetProtoMethod(isolate, gc, "stop", GCProfilerStop);
  SetConstructorFunction(context, target, "GCProfiler", gc);
}

void RegisterProfilerReferences(ExternalReferenceRegistry* registry) {
  registry->Register(StartCpuProfile);
  registry->Register(StopCpuProfile);
  registry->Register(QueryObjects);
  registry->Register(GCProfilerNew);
  registry->Register(GCProfilerStart);
  registry->Register(GCProfilerStop);
}

}  // namespace lode::v8_binding
