// internalBinding('trace_events'): lib/'s side of the tracing agent
// (src/lode_tracing.h).
//   trace(phase, category, name, id, data)  records an event of the group
//     `category` when it is enabled; `data` (a number or an object, JSON)
//     becomes args.data.
//   isTraceCategoryEnabled(group), getCategoryEnabledBuffer(group) (a
//     Uint8Array over the group's flag byte: non-zero while enabled),
//   getEnabledCategories() -> 'a,b' | undefined,
//   setTraceCategoryStateUpdateHandler(fn): fn(asyncHooksEnabled) after the
//     trace_events module changed the enabled categories,
//   new CategorySet(categories) with enable() / disable().
#include <string>
#include <unordered_set>
#include <vector>

#include "env.h"
#include "lode_binding.h"
#include "lode_errors.h"
#include "lode_options.h"
#include "lode_tracing.h"
#include "lode_version.h"
#include "util.h"

namespace lode::trace_events {

using v8::Array;
using v8::ArrayBuffer;
using v8::BackingStore;
using v8::Context;
using v8::Function;
using v8::FunctionCallbackInfo;
using v8::FunctionTemplate;
using v8::Global;
using v8::HandleScope;
using v8::Isolate;
using v8::Local;
using v8::Object;
using v8::String;
using v8::Uint8Array;
using v8::Value;

namespace {

class CategorySet;

// The environment's state: the JS handler of category changes, and the
// CategorySets still alive (freed with the environment when GC has not
// collected them).
class TraceEventsData : public BindingData {
 public:
  ~TraceEventsData() override;
  Global<Function> state_update_handler;
  std::unordered_set<CategorySet*> sets;

  static TraceEventsData* Get(Environment* env) {
    TraceEventsData* data =
        env->GetBindingData<TraceEventsData>("trace_events");
    if (data == nullptr) {
      data = env->SetBindingData("trace_events",
                                 std::make_unique<TraceEventsData>());
    }
    return data;
  }
};

const WrapType kCategorySetType = {"CategorySet", nullptr};

class CategorySet {
 public:
  CategorySet(TraceEventsData* owner, Isolate* isolate, Local<Object> object,
              std::vector<std::string> categories)
      : owner_(owner), categories_(std::move(categories)) {
    owner_->sets.insert(this);
    object_.Reset(isolate, object);
    object_.SetWeak(this, OnGC, v8::WeakCallbackType::kParameter);
    SetWrapped(object, this, &kCategorySetType);
  }

  // Enabled categories stay enabled when their Tracing object goes (as in
  // Node, where lib/ keeps enabled ones alive anyway).
  static void OnGC(const v8::WeakCallbackInfo<CategorySet>& info) {
    CategorySet* self = info.GetParameter();
    self->owner_->sets.erase(self);
    delete self;
  }
  ~CategorySet() { object_.Reset(); }

  bool enabled = false;
  const std::vector<std::string>& categories() const { return categories_; }

 private:
  TraceEventsData* owner_;
  Global<Object> object_;
  std::vector<std::string> categories_;
};

TraceEventsData::~TraceEventsData() {
  for (CategorySet* set : sets) delete set;
}

void NotifyStateUpdate(Environment* env) {
  if (env == nullptr || !env->is_main_thread() || !env->can_call_into_js()) {
    return;
  }
  TraceEventsData* data =
      env->GetBindingData<TraceEventsData>("trace_events");
  if (data == nullptr || data->state_update_handler.IsEmpty()) return;
  Isolate* isolate = env->isolate();
  HandleScope scope(isolate);
  Local<Value> arg = v8::Boolean::New(
      isolate, tracing::IsEnabled(tracing::GetCategoryGroupEnabled(
                   "node.async_hooks")));
  Local<Function> fn = data->state_update_handler.Get(isolate);
  if (fn->Call(env->context(), v8::Undefined(isolate), 1, &arg).IsEmpty()) {
    return;
  }
}

// The string items of `list` (category names), in order, into `out`:
// whether every item was a string; Nothing when reading one threw.
v8::Maybe<bool> CategoriesOf(Isolate* isolate, Local<Array> list,
                             std::vector<std::string>* out) {
  Local<Context> context = isolate->GetCurrentContext();
  bool all_strings = true;
  for (uint32_t i = 0; i < list->Length(); i++) {
    Local<Value> item;
    if (!list->Get(context, i).ToLocal(&item)) return v8::Nothing<bool>();
    if (item->IsString()) {
      out->push_back(Utf8Value(isolate, item).ToString());
    } else {
      all_strings = false;
    }
  }
  return v8::Just(all_strings);
}

void CategorySetNew(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  if (!args.IsConstructCall() || !args[0]->IsArray()) {
    return THROW_ERR_INVALID_ARG_TYPE(isolate,
                                      "CategorySet takes an array");
  }
  std::vector<std::string> categories;
  bool all_strings;
  if (!CategoriesOf(isolate, args[0].As<Array>(), &categories)
           .To(&all_strings)) {
    return;
  }
  if (!all_strings) {
    return THROW_ERR_INVALID_ARG_TYPE(isolate, "categories must be strings");
  }
  Environment* env = Environment::GetCurrent(args);
  if (env == nullptr) return;
  new CategorySet(TraceEventsData::Get(env), isolate, args.This(),
                  std::move(categories));
}

void CategorySetEnable(const FunctionCallbackInfo<Value>& args) {
  auto* set = static_cast<CategorySet*>(
      GetWrapped(args.This(), &kCategorySetType));
  if (set == nullptr || set->enabled) return;
  set->enabled = true;
  tracing::EnableCategories(set->categories());
  NotifyStateUpdate(Environment::GetCurrent(args));
}

void CategorySetDisable(const FunctionCallbackInfo<Value>& args) {
  auto* set = static_cast<CategorySet*>(
      GetWrapped(args.This(), &kCategorySetType));
  if (set == nullptr || !set->enabled) return;
  set->enabled = false;
  tracing::DisableCategories(set->categories());
  NotifyStateUpdate(Environment::GetCurrent(args));
}

void GetEnabledCategories(const FunctionCallbackInfo<Value>& args) {
  std::string list = tracing::GetEnabledCategories();
  if (list.empty()) return;
  args.GetReturnValue().Set(Utf8String(args.GetIsolate(), list));
}

void SetTraceCategoryStateUpdateHandler(
    const FunctionCallbackInfo<Value>& args) {
  Environment* env = Environment::GetCurrent(args);
  if (env == nullptr || !args[0]->IsFunction()) return;
  TraceEventsData* data = TraceEventsData::Get(env);
  data->state_update_handler.Reset(args.GetIsolate(),
                                   args[0].As<Function>());
}

void IsTraceCategoryEnabled(const FunctionCallbackInfo<Value>& args) {
  if (!args[0]->IsString()) return args.GetReturnValue().Set(false);
  Utf8Value group(args.GetIsolate(), args[0]);
  args.GetReturnValue().Set(
      tracing::IsEnabled(tracing::GetCategoryGroupEnabled(*group)));
}

void GetCategoryEnabledBuffer(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  if (!args[0]->IsString()) {
    return THROW_ERR_INVALID_ARG_TYPE(isolate, "category must be a string");
  }
  Utf8Value group(isolate, args[0]);
  const uint8_t* flag = tracing::GetCategoryGroupEnabled(*group);
  // The flag lives as long as the process: the buffer only looks at it.
  std::shared_ptr<BackingStore> store = ArrayBuffer::NewBackingStore(
      const_cast<uint8_t*>(flag), 1, [](void*, size_t, void*) {}, nullptr);
  Local<ArrayBuffer> buffer = ArrayBuffer::New(isolate, std::move(store));
  args.GetReturnValue().Set(Uint8Array::New(buffer, 0, 1));
}

// The inspector's NodeTracing domain (lib/inspector.js):
// startInspectorTracing(categories) -> id (-1: too many sessions),
// stopInspectorTracing(id) -> the events recorded, as JSON texts.
void StartInspectorTracing(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  if (!args[0]->IsArray()) {
    return THROW_ERR_INVALID_ARG_TYPE(isolate, "categories must be an array");
  }
  std::vector<std::string> categories;
  // What is not a string is left out here.
  if (CategoriesOf(isolate, args[0].As<Array>(), &categories).IsNothing()) {
    return;
  }
  args.GetReturnValue().Set(tracing::StartInspectorClient(categories));
}

void StopInspectorTracing(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  if (!args[0]->IsInt32()) return;
  std::vector<std::string> events =
      tracing::StopInspectorClient(args[0].As<v8::Int32>()->Value());
  std::vector<Local<Value>> values;
  values.reserve(events.size());
  for (const std::string& event : events) {
    values.push_back(Utf8String(isolate, event));
  }
  args.GetReturnValue().Set(Array::New(isolate, values.data(), values.size()));
}

// trace(phase, category, name, id, data)
void Trace(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Local<Context> context = isolate->GetCurrentContext();
  if (!args[0]->IsNumber() || !args[1]->IsString()) return;
  Utf8Value category(isolate, args[1]);
  const uint8_t* flag = tracing::GetCategoryGroupEnabled(*category);
  if (!tracing::IsEnabled(flag)) return;
  char phase =
      static_cast<char>(args[0]->Int32Value(context).FromMaybe(0) & 0xff);
  std::string name = Utf8Value(isolate, args[2]).ToString();
  uint64_t id = 0;
  if (args[3]->IsNumber()) {
    id = static_cast<uint64_t>(args[3]->IntegerValue(context).FromMaybe(0));
  }
  std::vector<tracing::Arg> trace_args;
  if (args.Length() >= 5 && !args[4]->IsUndefined()) {
    Local<Value> data = args[4];
    if (data->IsInt32()) {
      trace_args.push_back(
          tracing::IntArg("data", data.As<v8::Int32>()->Value()));
    } else {
      Local<String> json;
      if (!v8::JSON::Stringify(context, data).ToLocal(&json)) return;
      trace_args.push_back(
          tracing::JsonArg("data", Utf8Value(isolate, json).ToString()));
    }
  }
  tracing::AddEvent(phase, flag, name, true, id, std::move(trace_args));
}

void Initialize(Local<Object> target, Local<Value>, Local<Context> context,
                void*) {
  Isolate* isolate = context->GetIsolate();
  SetMethod(context, target, "trace", Trace);
  SetMethod(context, target, "isTraceCategoryEnabled",
            IsTraceCategoryEnabled);
  SetMethod(context, target, "getCategoryEnabledBuffer",
            GetCategoryEnabledBuffer);
  SetMethod(context, target, "getEnabledCategories", GetEnabledCategories);
  SetMethod(context, target, "setTraceCategoryStateUpdateHandler",
            SetTraceCategoryStateUpdateHandler);
  SetMethod(context, target, "startInspectorTracing", StartInspectorTracing);
  SetMethod(context, target, "stopInspectorTracing", StopInspectorTracing);
  Local<FunctionTemplate> t = NewFunctionTemplate(isolate, CategorySetNew);
  t->InstanceTemplate()->SetInternalFieldCount(kWrapFieldCount);
  SetProtoMethod(isolate, t, "enable", CategorySetEnable);
  SetProtoMethod(isolate, t, "disable", CategorySetDisable);
  SetConstructorFunction(context, target, "CategorySet", t);
}

void RegisterExternalReferences(ExternalReferenceRegistry* registry) {
  registry->Register(Trace);
  registry->Register(IsTraceCategoryEnabled);
  registry->Register(GetCategoryEnabledBuffer);
  registry->Register(GetEnabledCategories);
  registry->Register(SetTraceCategoryStateUpdateHandler);
  registry->Register(StartInspectorTracing);
  registry->Register(StopInspectorTracing);
  registry->Register(CategorySetNew);
  registry->Register(CategorySetEnable);
  registry->Register(CategorySetDisable);
}

}  // namespace

namespace {

const uint8_t* EnvironmentFlag() {
  return LODE_TRACE_FLAG("node,node.environment");
}

std::string JsonStringList(const std::vector<std::string>& list) {
  std::string out = "[";
  for (size_t i = 0; i < list.size(); i++) {
    if (i > 0) out += ',';
    out += tracing::StringArg("", list[i]).json;
  }
  return out + "]";
}

}  // namespace

void OnEnvironmentCreated(Environment* env) {
  const uint8_t* flag = EnvironmentFlag();
  if (!tracing::IsEnabled(flag)) return;
  const Options* options = env->options();
  std::string args = "{}";
  if (options != nullptr) {
    args = "{\"args\":" + JsonStringList(options->argv) +
           ",\"exec_args\":" + JsonStringList(options->exec_argv) + "}";
  }
  tracing::AddEvent('b', flag, "Environment", true,
                    reinterpret_cast<uintptr_t>(env),
                    {tracing::JsonArg("args", args)});
}

void OnEnvironmentCleanedUp(Environment* env) {
  const uint8_t* flag = EnvironmentFlag();
  if (!tracing::IsEnabled(flag)) return;
  tracing::AddEvent('e', flag, "Environment", true,
                    reinterpret_cast<uintptr_t>(env));
}

// The "node" metadata of the main environment: process.versions, arch,
// platform and release, once lib/ has set the process object up.
void OnEnvironmentStarted(Environment* env) {
  if (!env->is_main_thread() || !tracing::IsRecording()) return;
  Isolate* isolate = env->isolate();
  HandleScope scope(isolate);
  Local<Context> context = env->context();
  Local<Object> process = env->process_object();
  Local<Object> info = Object::New(isolate);
  const char* keys[] = {"versions", "arch", "platform", "release"};
  for (const char* key : keys) {
    Local<Value> value;
    if (!process->Get(context, OneByteString(isolate, key)).ToLocal(&value) ||
        !info->Set(context, OneByteString(isolate, key), value)
             .FromMaybe(false)) {
      return;
    }
  }
  Local<String> json;
  if (!v8::JSON::Stringify(context, info).ToLocal(&json)) return;
  tracing::AddMetadata("node",
                       "\"process\":" + Utf8Value(isolate, json).ToString());
}

}  // namespace lode::trace_events

LODE_BINDING_CONTEXT_AWARE_INTERNAL(trace_events,
                                    lode::trace_events::Initialize)
LODE_BINDING_EXTERNAL_REFERENCE(trace_events,
                                lode::trace_events::RegisterExternalReferences)
