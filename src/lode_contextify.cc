// internalBinding('contextify'): compiling user code, and the machinery of
// the vm module. The CommonJS loader compiles each file as a function of the
// module wrapper's parameters (compileFunction), so line and column numbers
// in stack traces match the file. vm adds contexts whose global object
// forwards property access to a "sandbox" object (makeContext), scripts
// compiled once and run in any context (ContextifyScript), functions
// compiled with extensions (compileFunctionForVm), and the watchdog behind
// the `timeout` and `breakOnSigint` options.
//
// Lifetime of a vm context: the sandbox holds (through a private symbol) a
// small wrapper object; the wrapper holds the context's global proxy; the
// context holds the sandbox and the wrapper in its embedder data. That
// cycle lives in the JS heap only, so the GC frees all of it together. The
// C++ ContextifyContext (the microtask queue of microtaskMode
// 'afterEvaluate') dies in the wrapper's weak callback.
#include <semaphore.h>
#include <signal.h>

#include <atomic>
#include <cerrno>
#include <ctime>
#include <functional>
#include <memory>
#include <vector>

#include "env.h"
#include "lode_binding.h"
#include "lode_permission.h"
#include "lode_compile_cache.h"
#include "lode_contextify.h"
#include "lode_errors.h"
#include "lode_internals.h"
#include "lode_tracing.h"
#include "util.h"
#include "uv.h"

namespace lode::contextify {

using v8::Array;
using v8::ArrayBufferView;
using v8::Boolean;
using v8::Context;
using v8::Exception;
using v8::Function;
using v8::FunctionCallbackInfo;
using v8::FunctionTemplate;
using v8::Integer;
using v8::Isolate;
using v8::Local;
using v8::MaybeLocal;
using v8::Message;
using v8::MicrotaskQueue;
using v8::Name;
using v8::Object;
using v8::ObjectTemplate;
using v8::Private;
using v8::PropertyAttribute;
using v8::PropertyCallbackInfo;
using v8::PropertyDescriptor;
using v8::Script;
using v8::ScriptCompiler;
using v8::ScriptOrigin;
using v8::String;
using v8::Symbol;
using v8::TryCatch;
using v8::UnboundScript;
using v8::Value;

namespace {

// Embedder data slots of a vm context, after the Environment's.
constexpr int kContextifyContextSlot = kContextEmbedderDataIndex + 1;
constexpr int kSandboxSlot = kContextEmbedderDataIndex + 2;
constexpr int kWrapperSlot = kContextEmbedderDataIndex + 3;
constexpr int kAllowWasmSlot = kContextEmbedderDataIndex + 4;
// The import() id of code without a referrer script (createContext's
// importModuleDynamically option, as a symbol).
constexpr int kImportIdSlot = kContextEmbedderDataIndex + 5;

// Internal fields of the wrapper object.
enum WrapperField { kWrapperPointer = 0, kWrapperGlobal, kWrapperFieldCount };
// Internal fields of a ContextifyScript instance. The compiled script hangs
// off the instance in the JS heap (kScriptUnbound), so that its import()
// id stays alive exactly as long as the script or code made from it.
enum ScriptField {
  kScriptPointer = 0,
  kScriptTag,
  kScriptUnbound,
  kScriptFieldCount
};
// Marks the objects whose field 0 is a ContextifyScript.
int script_tag;

// For results that do not matter (an exception, if any, stays pending).
template <typename T>
void Ignore(T&&) {}

Local<Private> ContextPrivate(Isolate* isolate) {
  return Private::ForApi(isolate,
                         FIXED_ONE_BYTE_STRING(isolate, "lode:vm:context"));
}
// The "file:line\nsource\n   ^^^\n" text of a module's syntax error.
Local<Private> ArrowMessagePrivate(Isolate* isolate) {
  return Private::ForApi(isolate,
                         FIXED_ONE_BYTE_STRING(isolate, "lode:arrow_message"));
}
// Set on an error whose stack got the source line in front (displayErrors),
// so that the fatal-exception printer does not print it a second time.
Local<Private> DecoratedPrivate(Isolate* isolate) {
  return Private::ForApi(isolate,
                         FIXED_ONE_BYTE_STRING(isolate, "lode:decorated"));
}

void ThrowCodedError(Isolate* isolate, const char* code,
                     const std::string& message) {
  Local<Context> context = isolate->GetCurrentContext();
  Local<Object> err =
      Exception::Error(Utf8String(isolate, message)).As<Object>();
  Ignore(err->CreateDataProperty(context,
                                 FIXED_ONE_BYTE_STRING(isolate, "code"),
                                 OneByteString(isolate, code)));
  isolate->ThrowException(err);
}

// Templates made on the first vm context of an environment.
class ContextifyData : public BindingData {
 public:
  v8::Global<ObjectTemplate> global_template;
  v8::Global<ObjectTemplate> wrapper_template;
  // The promise hooks every context of the environment gets (see
  // SetPromiseHooks), and the vm contexts made so far, held weakly (a
  // collected one leaves an empty handle, dropped on the next pass).
  v8::Global<v8::Function> promise_hooks[4];
  std::vector<v8::Global<Context>> contexts;

  void InstallPromiseHooks(Isolate* isolate, Local<Context> context) const {
    context->SetPromiseHooks(
        promise_hooks[0].Get(isolate), promise_hooks[1].Get(isolate),
        promise_hooks[2].Get(isolate), promise_hooks[3].Get(isolate));
  }

  void Track(Isolate* isolate, Local<Context> context) {
    if (contexts.size() >= 16 && contexts.size() == contexts.capacity()) {
      DropCollected();
    }
    contexts.emplace_back(isolate, context);
    contexts.back().SetWeak();
  }

  void DropCollected() {
    std::vector<v8::Global<Context>> live;
    for (v8::Global<Context>& handle : contexts) {
      if (!handle.IsEmpty()) live.push_back(std::move(handle));
    }
    contexts = std::move(live);
  }
};

class ContextifyContext {
 public:
  ContextifyContext(Isolate* isolate, Local<Context> context,
                    Local<Object> wrapper,
                    std::unique_ptr<MicrotaskQueue> queue)
      : isolate_(isolate),
        context_(isolate, context),
        wrapper_(isolate, wrapper),
        microtask_queue_(std::move(queue)) {
    context_.SetWeak();
    wrapper_.SetWeak(this, OnWrapperCollected,
                     v8::WeakCallbackType::kParameter);
  }
  LODE_DISALLOW_COPY(ContextifyContext);

  static ContextifyContext* FromContext(Local<Context> context) {
    if (context.IsEmpty() ||
        context->GetNumberOfEmbedderDataFields() <= kWrapperSlot) {
      return nullptr;
    }
    return static_cast<ContextifyContext*>(
        context->GetAlignedPointerFromEmbedderData(kContextifyContextSlot));
  }

  // The vm context `value` (a contextified object) belongs to, or nullptr.
  static ContextifyContext* FromObject(Local<Context> current,
                                       Local<Value> value) {
    if (!value->IsObject()) return nullptr;
    Isolate* isolate = current->GetIsolate();
    Local<Value> wrapper;
    if (!value.As<Object>()
             ->GetPrivate(current, ContextPrivate(isolate))
             .ToLocal(&wrapper) ||
        !wrapper->IsObject() ||
        wrapper.As<Object>()->InternalFieldCount() != kWrapperFieldCount) {
      return nullptr;
    }
    return static_cast<ContextifyContext*>(
        wrapper.As<Object>()->GetAlignedPointerFromInternalField(
            kWrapperPointer));
  }

  template <typename T>
  static ContextifyContext* FromInterceptor(
      const PropertyCallbackInfo<T>& info) {
    Local<Context> context;
    if (!info.Holder()->GetCreationContext().ToLocal(&context)) return nullptr;
    return FromContext(context);
  }

  Isolate* isolate() const { return isolate_; }
  Local<Context> context() const { return context_.Get(isolate_); }
  Local<Object> sandbox() const {
    return context()->GetEmbedderData(kSandboxSlot).As<Object>();
  }
  Local<Object> global_proxy() const { return context()->Global(); }
  MicrotaskQueue* microtask_queue() const { return microtask_queue_.get(); }

 private:
  static void OnWrapperCollected(
      const v8::WeakCallbackInfo<ContextifyContext>& info) {
    delete info.GetParameter();
  }

  Isolate* isolate_;
  v8::Global<Context> context_;
  v8::Global<Object> wrapper_;
  std::unique_ptr<MicrotaskQueue> microtask_queue_;
};

// ---------------------------------------------------------------------------
// The global object's interceptors. Reads look at the sandbox first, then at
// the real global; writes go to the sandbox (and, when not intercepted, to
// the global too, so that declarations behave as on any global).

Local<Name> IndexToName(Isolate* isolate, uint32_t index) {
  return Integer::NewFromUnsigned(isolate, index)
      ->ToString(isolate->GetCurrentContext())
      .ToLocalChecked();
}

void NamedGetter(Local<Name> property,
                 const PropertyCallbackInfo<Value>& info) {
  ContextifyContext* cc = ContextifyContext::FromInterceptor(info);
  if (cc == nullptr) return;
  Isolate* isolate = info.GetIsolate();
  Local<Context> context = cc->context();
  Local<Object> sandbox = cc->sandbox();
  Local<Value> value;
  TryCatch try_catch(isolate);
  if (!sandbox->GetRealNamedProperty(context, property).ToLocal(&value)) {
    if (try_catch.HasCaught()) {
      try_catch.ReThrow();
      return;
    }
    if (!cc->global_proxy()
             ->GetRealNamedProperty(context, property)
             .ToLocal(&value)) {
      if (try_catch.HasCaught()) try_catch.ReThrow();
      return;
    }
  }
  if (value == sandbox) value = cc->global_proxy();
  info.GetReturnValue().Set(value);
}

void NamedSetter(Local<Name> property, Local<Value> value,
                 const PropertyCallbackInfo<Value>& info) {
  ContextifyContext* cc = ContextifyContext::FromInterceptor(info);
  if (cc == nullptr) return;
  Isolate* isolate = info.GetIsolate();
  Local<Context> context = cc->context();
  Local<Object> sandbox = cc->sandbox();
  TryCatch try_catch(isolate);
  PropertyAttribute attributes = v8::None;
  bool on_global = cc->global_proxy()
                       ->GetRealNamedPropertyAttributes(context, property)
                       .To(&attributes);
  bool read_only = (attributes & v8::ReadOnly) != 0;
  attributes = v8::None;
  bool on_sandbox = sandbox->GetRealNamedPropertyAttributes(context, property)
                        .To(&attributes);
  if (try_catch.HasCaught()) {
    try_catch.ReThrow();
    return;
  }
  read_only = read_only || (attributes & v8::ReadOnly) != 0;
  if (read_only) return;
  // `x = 1` (a store to an undeclared name) rather than `this.x = 1`.
  bool contextual_store = cc->global_proxy() != info.This();
  bool declared = on_global || on_sandbox;
  // In strict code, an undeclared name is a ReferenceError (V8 throws it
  // when the store is not intercepted), except for function declarations.
  if (!declared && info.ShouldThrowOnError() && contextual_store &&
      !value->IsFunction()) {
    return;
  }
  if (!declared && property->IsSymbol()) return;
  if (sandbox->Set(context, property, value).IsNothing()) {
    if (try_catch.HasCaught()) try_catch.ReThrow();
    return;
  }
  // An accessor on the sandbox has done the store: the global keeps out.
  Local<Value> desc;
  if (on_sandbox &&
      sandbox->GetOwnPropertyDescriptor(context, property).ToLocal(&desc) &&
      desc->IsObject()) {
    Local<Object> desc_obj = desc.As<Object>();
    if (desc_obj->HasOwnProperty(context, FIXED_ONE_BYTE_STRING(isolate, "get"))
            .FromMaybe(false) ||
        desc_obj->HasOwnProperty(context, FIXED_ONE_BYTE_STRING(isolate, "set"))
            .FromMaybe(false)) {
      info.GetReturnValue().Set(value);
    }
  }
  if (try_catch.HasCaught()) try_catch.ReThrow();
}

// The attributes of an own property of the sandbox, or else of the global;
// not intercepted when neither has it (the global's prototype chain decides).
void NamedQuery(Local<Name> property,
                const PropertyCallbackInfo<Integer>& info) {
  ContextifyContext* cc = ContextifyContext::FromInterceptor(info);
  if (cc == nullptr) return;
  Isolate* isolate = info.GetIsolate();
  Local<Context> context = cc->context();
  TryCatch try_catch(isolate);
  PropertyAttribute attributes;
  Local<Object> holders[] = {cc->sandbox(), cc->global_proxy()};
  for (Local<Object> holder : holders) {
    v8::Maybe<bool> has = holder->HasRealNamedProperty(context, property);
    if (has.IsNothing()) break;
    if (!has.FromJust()) continue;
    if (holder->GetRealNamedPropertyAttributes(context, property)
            .To(&attributes)) {
      info.GetReturnValue().Set(static_cast<int32_t>(attributes));
    }
    break;
  }
  if (try_catch.HasCaught()) try_catch.ReThrow();
}

void NamedDescriptor(Local<Name> property,
                     const PropertyCallbackInfo<Value>& info) {
  ContextifyContext* cc = ContextifyContext::FromInterceptor(info);
  if (cc == nullptr) return;
  Local<Context> context = cc->context();
  Local<Object> sandbox = cc->sandbox();
  TryCatch try_catch(info.GetIsolate());
  if (sandbox->HasOwnProperty(context, property).FromMaybe(false)) {
    Local<Value> desc;
    if (sandbox->GetOwnPropertyDescriptor(context, property).ToLocal(&desc)) {
      info.GetReturnValue().Set(desc);
    }
  }
  if (try_catch.HasCaught()) try_catch.ReThrow();
}

void NamedDefiner(Local<Name> property, const PropertyDescriptor& desc,
                  const PropertyCallbackInfo<Value>& info) {
  ContextifyContext* cc = ContextifyContext::FromInterceptor(info);
  if (cc == nullptr) return;
  Isolate* isolate = info.GetIsolate();
  Local<Context> context = cc->context();
  TryCatch try_catch(isolate);
  PropertyAttribute attributes = v8::None;
  bool on_global = cc->global_proxy()
                       ->GetRealNamedPropertyAttributes(context, property)
                       .To(&attributes);
  // A constant of the global (neither writable nor configurable) stays as it
  // is, on both sides.
  if (on_global && (attributes & v8::ReadOnly) &&
      (attributes & v8::DontDelete)) {
    return;
  }
  Local<Object> sandbox = cc->sandbox();
  auto define_on_sandbox = [&](PropertyDescriptor* copy) {
    if (desc.has_enumerable()) copy->set_enumerable(desc.enumerable());
    if (desc.has_configurable()) copy->set_configurable(desc.configurable());
    Ignore(sandbox->DefineProperty(context, property, *copy));
  };
  if (desc.has_get() || desc.has_set()) {
    PropertyDescriptor copy(
        desc.has_get() ? desc.get() : v8::Undefined(isolate).As<Value>(),
        desc.has_set() ? desc.set() : v8::Undefined(isolate).As<Value>());
    define_on_sandbox(&copy);
  } else {
    Local<Value> value =
        desc.has_value() ? desc.value() : v8::Undefined(isolate).As<Value>();
    if (desc.has_writable()) {
      PropertyDescriptor copy(value, desc.writable());
      define_on_sandbox(&copy);
    } else {
      PropertyDescriptor copy(value);
      define_on_sandbox(&copy);
    }
  }
  if (try_catch.HasCaught()) try_catch.ReThrow();
}

void NamedDeleter(Local<Name> property,
                  const PropertyCallbackInfo<v8::Boolean>& info) {
  ContextifyContext* cc = ContextifyContext::FromInterceptor(info);
  if (cc == nullptr) return;
  TryCatch try_catch(info.GetIsolate());
  v8::Maybe<bool> deleted = cc->sandbox()->Delete(cc->context(), property);
  if (try_catch.HasCaught()) {
    try_catch.ReThrow();
    return;
  }
  // Deleted from the sandbox: V8 deletes it from the global as well.
  if (deleted.FromMaybe(false)) return;
  info.GetReturnValue().Set(false);
}

// Own keys of the sandbox: the string and symbol ones here, the indices in
// the indexed enumerator.
void NamedEnumerator(const PropertyCallbackInfo<Array>& info) {
  ContextifyContext* cc = ContextifyContext::FromInterceptor(info);
  if (cc == nullptr) return;
  TryCatch try_catch(info.GetIsolate());
  Local<Array> keys;
  if (cc->sandbox()
          ->GetPropertyNames(cc->context(), v8::KeyCollectionMode::kOwnOnly,
                             v8::ALL_PROPERTIES, v8::IndexFilter::kSkipIndices)
          .ToLocal(&keys)) {
    info.GetReturnValue().Set(keys);
  }
  if (try_catch.HasCaught()) try_catch.ReThrow();
}

void IndexedEnumerator(const PropertyCallbackInfo<Array>& info) {
  ContextifyContext* cc = ContextifyContext::FromInterceptor(info);
  if (cc == nullptr) return;
  Isolate* isolate = info.GetIsolate();
  Local<Context> context = cc->context();
  TryCatch try_catch(isolate);
  Local<Array> keys;
  if (!cc->sandbox()
           ->GetPropertyNames(context, v8::KeyCollectionMode::kOwnOnly,
                              static_cast<v8::PropertyFilter>(
                                  v8::ALL_PROPERTIES | v8::SKIP_SYMBOLS),
                              v8::IndexFilter::kIncludeIndices)
           .ToLocal(&keys)) {
    if (try_catch.HasCaught()) try_catch.ReThrow();
    return;
  }
  Local<Array> indices = Array::New(isolate);
  uint32_t count = 0;
  for (uint32_t i = 0; i < keys->Length(); i++) {
    Local<Value> key;
    if (!keys->Get(context, i).ToLocal(&key)) break;
    Local<v8::Uint32> index;
    if (key->IsNumber() ||
        (key->IsString() && key->ToArrayIndex(context).ToLocal(&index))) {
      Ignore(indices->Set(context, count++, key));
    }
  }
  if (try_catch.HasCaught()) {
    try_catch.ReThrow();
    return;
  }
  info.GetReturnValue().Set(indices);
}

void IndexedGetter(uint32_t index, const PropertyCallbackInfo<Value>& info) {
  NamedGetter(IndexToName(info.GetIsolate(), index), info);
}
void IndexedSetter(uint32_t index, Local<Value> value,
                   const PropertyCallbackInfo<Value>& info) {
  NamedSetter(IndexToName(info.GetIsolate(), index), value, info);
}
void IndexedQuery(uint32_t index, const PropertyCallbackInfo<Integer>& info) {
  NamedQuery(IndexToName(info.GetIsolate(), index), info);
}
void IndexedDescriptor(uint32_t index,
                       const PropertyCallbackInfo<Value>& info) {
  NamedDescriptor(IndexToName(info.GetIsolate(), index), info);
}
void IndexedDefiner(uint32_t index, const PropertyDescriptor& desc,
                    const PropertyCallbackInfo<Value>& info) {
  NamedDefiner(IndexToName(info.GetIsolate(), index), desc, info);
}
void IndexedDeleter(uint32_t index,
                    const PropertyCallbackInfo<v8::Boolean>& info) {
  NamedDeleter(IndexToName(info.GetIsolate(), index), info);
}

bool AllowWasmCodeGeneration(Local<Context> context, Local<String>) {
  if (context->GetNumberOfEmbedderDataFields() <= kAllowWasmSlot) return true;
  Local<Value> allow = context->GetEmbedderData(kAllowWasmSlot);
  return !allow->IsFalse();
}

ContextifyData* GetData(Environment* env) {
  ContextifyData* data = env->GetBindingData<ContextifyData>("contextify");
  if (data != nullptr) return data;
  Isolate* isolate = env->isolate();
  data = env->SetBindingData("contextify", std::make_unique<ContextifyData>());
  // The global's constructor is a function of its own, as in Node, so that
  // the global's prototype is not the context's Object.prototype itself.
  Local<FunctionTemplate> global_fn = FunctionTemplate::New(isolate);
  Local<ObjectTemplate> global = global_fn->InstanceTemplate();
  global->SetHandler(v8::NamedPropertyHandlerConfiguration(
      NamedGetter, NamedSetter, NamedQuery, NamedDeleter, NamedEnumerator,
      NamedDefiner, NamedDescriptor, Local<Value>(),
      v8::PropertyHandlerFlags::kHasNoSideEffect));
  global->SetHandler(v8::IndexedPropertyHandlerConfiguration(
      IndexedGetter, IndexedSetter, IndexedQuery, IndexedDeleter,
      IndexedEnumerator, IndexedDefiner, IndexedDescriptor, Local<Value>(),
      v8::PropertyHandlerFlags::kHasNoSideEffect));
  data->global_template.Reset(isolate, global);
  Local<ObjectTemplate> wrapper = ObjectTemplate::New(isolate);
  wrapper->SetInternalFieldCount(kWrapperFieldCount);
  data->wrapper_template.Reset(isolate, wrapper);
  return data;
}

// makeContext(sandboxOrSymbol, name, origin, allowStrings, allowWasm,
//             ownMicrotaskQueue, importId): a new context. With an object,
// its global forwards to that object, which is returned; with a symbol
// (vm.constants.DONT_CONTEXTIFY) its ordinary global is returned. importId:
// what import() in code without a referrer script there goes by.
void MakeContext(const FunctionCallbackInfo<Value>& args) {
  Environment* env = Environment::GetCurrent(args);
  Isolate* isolate = args.GetIsolate();
  Local<Context> current = isolate->GetCurrentContext();
  if (!args[0]->IsObject() && !args[0]->IsSymbol()) {
    THROW_ERR_INVALID_ARG_TYPE(isolate,
                               "The \"contextObject\" argument must be of "
                               "type object");
    return;
  }
  bool contextify = args[0]->IsObject();
  bool allow_strings = !args[3]->IsFalse();
  bool allow_wasm = !args[4]->IsFalse();
  std::unique_ptr<MicrotaskQueue> queue;
  if (args[5]->IsTrue()) {
    queue = MicrotaskQueue::New(isolate, v8::MicrotasksPolicy::kExplicit);
  }
  ContextifyData* data = GetData(env);
  MaybeLocal<ObjectTemplate> global_template;
  if (contextify) global_template = data->global_template.Get(isolate);
  Local<Context> context = Context::New(isolate, nullptr, global_template,
                                        MaybeLocal<Value>(), {}, queue.get());
  if (context.IsEmpty()) {
    THROW_ERR_MEMORY_ALLOCATION_FAILED(isolate, "Failed to create a context");
    return;
  }
  context->SetSecurityToken(current->GetSecurityToken());
  data->Track(isolate, context);
  if (!data->promise_hooks[0].IsEmpty() || !data->promise_hooks[1].IsEmpty() ||
      !data->promise_hooks[2].IsEmpty() || !data->promise_hooks[3].IsEmpty()) {
    data->InstallPromiseHooks(isolate, context);
  }
  // The interceptors stay out of the way until kContextifyContextSlot is
  // set, below.
  context->SetAlignedPointerInEmbedderData(kContextEmbedderDataIndex, env);
  context->SetAlignedPointerInEmbedderData(kContextifyContextSlot, nullptr);
  context->SetEmbedderData(kSandboxSlot, v8::Undefined(isolate));
  context->SetEmbedderData(kWrapperSlot, v8::Undefined(isolate));
  context->SetEmbedderData(kAllowWasmSlot, Boolean::New(isolate, allow_wasm));
  context->SetEmbedderData(
      kImportIdSlot,
      args[6]->IsSymbol() ? args[6] : v8::Undefined(isolate).As<Value>());
  context->AllowCodeGenerationFromStrings(allow_strings);
  context->SetErrorMessageForCodeGenerationFromStrings(FIXED_ONE_BYTE_STRING(
      isolate, "Code generation from strings disallowed for this context"));
  if (!allow_wasm) {
    isolate->SetAllowWasmCodeGenerationCallback(AllowWasmCodeGeneration);
  }
  {
    Context::Scope context_scope(context);
    if (!InstallModernBuiltins(context)) return;
    if (!ApplyDisableProto(env, context)) return;
  }
  inspector::InspectorContextCreated(
      env, context,
      args[1]->IsString() ? Utf8Value(isolate, args[1]).ToString() : "",
      args[2]->IsString() ? Utf8Value(isolate, args[2]).ToString() : "");
  Local<Object> target =
      contextify ? args[0].As<Object>() : context->Global().As<Object>();
  Local<Object> wrapper;
  if (!data->wrapper_template.Get(isolate)->NewInstance(current).ToLocal(
          &wrapper)) {
    return;
  }
  auto* cc = new ContextifyContext(isolate, context, wrapper, std::move(queue));
  wrapper->SetAlignedPointerInInternalField(kWrapperPointer, cc);
  wrapper->SetInternalField(kWrapperGlobal, context->Global());
  context->SetEmbedderData(kSandboxSlot, target);
  context->SetEmbedderData(kWrapperSlot, wrapper);
  context->SetAlignedPointerInEmbedderData(kContextifyContextSlot, cc);
  if (target->SetPrivate(current, ContextPrivate(isolate), wrapper)
          .IsNothing()) {
    return;
  }
  args.GetReturnValue().Set(target);
}

// isContext(object)
void IsContext(const FunctionCallbackInfo<Value>& args) {
  Local<Context> current = args.GetIsolate()->GetCurrentContext();
  args.GetReturnValue().Set(ContextifyContext::FromObject(current, args[0]) !=
                            nullptr);
}

// ---------------------------------------------------------------------------
// Errors: the "displayErrors" decoration of the stack.

// "file:line\nsource line\n    ^^^\n", as Node puts in front of the stack.
std::string SourceArrow(Isolate* isolate, Local<Context> context,
                        Local<Message> message) {
  Local<String> line_text;
  if (message.IsEmpty() ||
      !message->GetSourceLine(context).ToLocal(&line_text)) {
    return "";
  }
  Utf8Value filename(isolate, message->GetScriptResourceName());
  int line = message->GetLineNumber(context).FromMaybe(0);
  std::string source = Utf8Value(isolate, line_text).ToString();
  int start = message->GetStartColumn(context).FromMaybe(0);
  int end = message->GetEndColumn(context).FromMaybe(start + 1);
  // On the script's first line the columns count the columnOffset too.
  ScriptOrigin origin = message->GetScriptOrigin();
  int first_line_start =
      line - origin.LineOffset() == 1 ? origin.ColumnOffset() : 0;
  if (start >= first_line_start) {
    start -= first_line_start;
    end -= first_line_start;
  }
  std::string out = std::string(*filename) + ":" + std::to_string(line) + "\n" +
                    source + "\n";
  for (int i = 0; i < start && i < static_cast<int>(source.size()); i++) {
    out += source[i] == '\t' ? '\t' : ' ';
  }
  if (end <= start) end = start + 1;
  out.append(end - start, '^');
  out += "\n";
  return out;
}

void DecorateErrorStack(Isolate* isolate, const TryCatch& try_catch) {
  Local<Value> exception = try_catch.Exception();
  if (exception.IsEmpty() || !exception->IsObject()) return;
  Local<Context> context = isolate->GetCurrentContext();
  Local<Object> error = exception.As<Object>();
  TryCatch inner(isolate);
  Local<Private> decorated = DecoratedPrivate(isolate);
  if (error->HasPrivate(context, decorated).FromMaybe(true)) return;
  std::string arrow;
  if (exception->IsNativeError()) {
    arrow = SourceArrow(isolate, context, try_catch.Message());
  } else {
    // Another object (`throw {}`) may have no stack to put the source line
    // in: as in Node, it keeps the line where a script first threw it under
    // the arrow symbol, which a fatal exception prints before the value;
    // a string `stack` of its own is decorated with that line as an
    // error's is.
    Local<Private> key = ArrowMessagePrivate(isolate);
    Local<Value> kept;
    if (!error->GetPrivate(context, key).ToLocal(&kept)) return;
    if (kept->IsString()) {
      arrow = Utf8Value(isolate, kept).ToString();
    } else {
      arrow = SourceArrow(isolate, context, try_catch.Message());
      if (arrow.empty()) return;
      Ignore(error->SetPrivate(context, key, Utf8String(isolate, arrow)));
    }
  }
  if (arrow.empty()) return;
  Local<Value> stack;
  if (!error->Get(context, FIXED_ONE_BYTE_STRING(isolate, "stack"))
           .ToLocal(&stack) ||
      !stack->IsString()) {
    return;
  }
  Local<String> decorated_stack = String::Concat(
      isolate, Utf8String(isolate, arrow + "\n"), stack.As<String>());
  if (error
          ->Set(context, FIXED_ONE_BYTE_STRING(isolate, "stack"),
                decorated_stack)
          .FromMaybe(false)) {
    Ignore(error->SetPrivate(context, decorated, v8::True(isolate)));
  }
}

// ---------------------------------------------------------------------------
// Timeout and SIGINT: a thread that terminates the isolate's execution.

class Watchdog {
 public:
  Watchdog(Isolate* isolate, int64_t timeout_ms, bool break_on_sigint)
      : isolate_(isolate),
        timeout_ms_(timeout_ms),
        break_on_sigint_(break_on_sigint) {
    sem_init(&sem_, 0, 0);
    if (break_on_sigint_) {
      previous_ = sigint_top_.exchange(this);
      struct sigaction sa = {};
      sa.sa_handler = OnSigint;
      sigemptyset(&sa.sa_mask);
      sigaction(SIGINT, &sa, &old_action_);
    }
    started_ = uv_thread_create(&thread_, ThreadMain, this) == 0;
  }
  ~Watchdog() {
    Stop();
    sem_destroy(&sem_);
  }
  // Ends the thread; the flags are final after it.
  void Stop() {
    if (stopped_) return;
    stopped_ = true;
    if (break_on_sigint_) {
      sigaction(SIGINT, &old_action_, nullptr);
      sigint_top_.store(previous_);
    }
    done_.store(true);
    sem_post(&sem_);
    if (started_) uv_thread_join(&thread_);
  }
  LODE_DISALLOW_COPY(Watchdog);

  bool timed_out() const { return timed_out_.load(); }
  bool interrupted() const { return interrupted_.load(); }

 private:
  static void OnSigint(int) {
    Watchdog* w = sigint_top_.load();
    if (w == nullptr) return;
    w->sigint_received_.store(true);
    sem_post(&w->sem_);
  }

  static void ThreadMain(void* arg) {
    auto* self = static_cast<Watchdog*>(arg);
    timespec deadline;
    clock_gettime(CLOCK_REALTIME, &deadline);
    if (self->timeout_ms_ >= 0) {
      deadline.tv_sec += self->timeout_ms_ / 1000;
      deadline.tv_nsec += (self->timeout_ms_ % 1000) * 1000000;
      if (deadline.tv_nsec >= 1000000000) {
        deadline.tv_sec++;
        deadline.tv_nsec -= 1000000000;
      }
    }
    for (;;) {
      int r = self->timeout_ms_ >= 0 ? sem_timedwait(&self->sem_, &deadline)
                                     : sem_wait(&self->sem_);
      if (self->done_.load()) return;
      if (r != 0 && errno == ETIMEDOUT) {
        self->timed_out_.store(true);
        self->isolate_->TerminateExecution();
        break;
      }
      if (r == 0 && self->sigint_received_.load()) {
        self->interrupted_.store(true);
        self->isolate_->TerminateExecution();
        break;
      }
    }
    // Terminated: wait for the run to end.
    while (!self->done_.load()) sem_wait(&self->sem_);
  }

  static std::atomic<Watchdog*> sigint_top_;

  Isolate* isolate_;
  int64_t timeout_ms_;
  bool break_on_sigint_;
  sem_t sem_;
  uv_thread_t thread_;
  bool started_ = false;
  bool stopped_ = false;
  std::atomic<bool> done_{false};
  std::atomic<bool> timed_out_{false};
  std::atomic<bool> interrupted_{false};
  std::atomic<bool> sigint_received_{false};
  Watchdog* previous_ = nullptr;
  struct sigaction old_action_ = {};
};

std::atomic<Watchdog*> Watchdog::sigint_top_{nullptr};

// The REPL's SIGINT watchdog: between start and stop, a SIGINT is only
// recorded (for the innermost start) instead of ending the process. The
// state is the process's, as signal dispositions are.
constexpr int kMaxSigintDepth = 64;
std::atomic<int> sigint_depth{0};
std::atomic<bool> sigint_pending[kMaxSigintDepth];
struct sigaction sigint_saved_action;

void RecordSigint(int) {
  int depth = sigint_depth.load();
  if (depth > 0) sigint_pending[depth - 1].store(true);
}

// startSigintWatchdog()
void StartSigintWatchdog(const FunctionCallbackInfo<Value>& args) {
  int depth = sigint_depth.load();
  if (depth >= kMaxSigintDepth) {
    THROW_ERR_INVALID_STATE(args.GetIsolate(),
                            "Too many nested SIGINT watchdogs");
    return;
  }
  sigint_pending[depth].store(false);
  sigint_depth.store(depth + 1);
  if (depth == 0) {
    struct sigaction sa = {};
    sa.sa_handler = RecordSigint;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, &sigint_saved_action);
  }
}

// stopSigintWatchdog() -> whether a SIGINT came in since the matching start
void StopSigintWatchdog(const FunctionCallbackInfo<Value>& args) {
  int depth = sigint_depth.load();
  if (depth == 0) {
    args.GetReturnValue().Set(false);
    return;
  }
  if (depth == 1) sigaction(SIGINT, &sigint_saved_action, nullptr);
  sigint_depth.store(depth - 1);
  args.GetReturnValue().Set(sigint_pending[depth - 1].load());
}

// watchdogHasPendingSigint()
void WatchdogHasPendingSigint(const FunctionCallbackInfo<Value>& args) {
  bool pending = false;
  int depth = sigint_depth.load();
  for (int i = 0; i < depth; i++) pending = pending || sigint_pending[i].load();
  args.GetReturnValue().Set(pending);
}

enum class WatchOutcome { kFinished, kTimedOut, kInterrupted };

// Runs `run` under the watchdogs `timeout` and `break_on_sigint` ask for.
WatchOutcome RunWithWatchdog(
    Isolate* isolate, int64_t timeout, bool break_on_sigint,
    const std::function<MaybeLocal<Value>()>& run, MaybeLocal<Value>* result) {
  if (timeout < 0 && !break_on_sigint) {
    *result = run();
    return WatchOutcome::kFinished;
  }
  Watchdog watchdog(isolate, timeout, break_on_sigint);
  *result = run();
  watchdog.Stop();
  if (watchdog.timed_out()) return WatchOutcome::kTimedOut;
  if (watchdog.interrupted()) return WatchOutcome::kInterrupted;
  return WatchOutcome::kFinished;
}

// This run's watchdog terminated it (an outer one's termination goes on up
// untouched): the termination becomes Node's error.
void ThrowWatchdogError(Isolate* isolate, WatchOutcome outcome,
                        int64_t timeout) {
  isolate->CancelTerminateExecution();
  if (outcome == WatchOutcome::kTimedOut) {
    THROW_ERR_SCRIPT_EXECUTION_TIMEOUT(
        isolate,
        "Script execution timed out after " + std::to_string(timeout) + "ms");
  } else {
    ThrowCodedError(isolate, "ERR_SCRIPT_EXECUTION_INTERRUPTED",
                    "Script execution was interrupted by `SIGINT`");
  }
}

// Runs `unbound` in `context`: the watchdogs, the context's own microtasks,
// a termination by them turned into Node's errors, and the decoration of
// other errors.
MaybeLocal<Value> EvalMachine(Isolate* isolate, Local<Context> context,
                              Local<UnboundScript> unbound, int64_t timeout,
                              bool display_errors, bool break_on_sigint,
                              MicrotaskQueue* queue) {
  Context::Scope context_scope(context);
  TryCatch try_catch(isolate);
  Local<Script> script = unbound->BindToCurrentContext();
  auto run = [&]() {
    MaybeLocal<Value> r = script->Run(context);
    if (!r.IsEmpty() && queue != nullptr) queue->PerformCheckpoint(isolate);
    return r;
  };
  MaybeLocal<Value> result;
  WatchOutcome outcome =
      RunWithWatchdog(isolate, timeout, break_on_sigint, run, &result);
  if (outcome != WatchOutcome::kFinished) {
    ThrowWatchdogError(isolate, outcome, timeout);
    try_catch.ReThrow();
    return MaybeLocal<Value>();
  }
  if (try_catch.HasCaught()) {
    if (try_catch.HasTerminated()) return MaybeLocal<Value>();
    if (display_errors) DecorateErrorStack(isolate, try_catch);
    try_catch.ReThrow();
    return MaybeLocal<Value>();
  }
  return result;
}

// ---------------------------------------------------------------------------
// ContextifyScript: the compiled script behind vm.Script.

Local<v8::Uint8Array> CopyToUint8Array(Isolate* isolate, const uint8_t* data,
                                       size_t length) {
  Local<v8::ArrayBuffer> ab = v8::ArrayBuffer::New(isolate, length);
  if (length > 0) memcpy(ab->GetBackingStore()->Data(), data, length);
  return v8::Uint8Array::New(ab, 0, length);
}

// Cached data handed to the compiler; the view's bytes stay alive for the
// call (they belong to the caller's argument).
ScriptCompiler::CachedData* CachedDataFromView(Local<Value> value) {
  if (!value->IsArrayBufferView()) return nullptr;
  Local<ArrayBufferView> view = value.As<ArrayBufferView>();
  std::shared_ptr<v8::BackingStore> store = view->Buffer()->GetBackingStore();
  const uint8_t* data =
      static_cast<const uint8_t*>(store->Data()) + view->ByteOffset();
  return new ScriptCompiler::CachedData(data,
                                        static_cast<int>(view->ByteLength()));
}

class ContextifyScript {
 public:
  ContextifyScript(Isolate* isolate, Local<Object> object,
                   Local<UnboundScript> script)
      : object_(isolate, object), script_(isolate, script) {
    object->SetAlignedPointerInInternalField(kScriptPointer, this);
    object->SetAlignedPointerInInternalField(kScriptTag, &script_tag);
    object->SetInternalFieldForNodeCore(kScriptUnbound, script);
    object_.SetWeak(this, OnCollected, v8::WeakCallbackType::kParameter);
    script_.SetWeak();
  }
  LODE_DISALLOW_COPY(ContextifyScript);

  static ContextifyScript* Unwrap(Local<Value> value) {
    if (!value->IsObject()) return nullptr;
    Local<Object> object = value.As<Object>();
    if (object->InternalFieldCount() != kScriptFieldCount ||
        object->GetAlignedPointerFromInternalField(kScriptTag) != &script_tag) {
      return nullptr;
    }
    return static_cast<ContextifyScript*>(
        object->GetAlignedPointerFromInternalField(kScriptPointer));
  }

  Local<UnboundScript> script(Isolate* isolate) const {
    return script_.Get(isolate);
  }

 private:
  static void OnCollected(const v8::WeakCallbackInfo<ContextifyScript>& info) {
    delete info.GetParameter();
  }

  v8::Global<Object> object_;
  v8::Global<UnboundScript> script_;
};

void SetOwn(Local<Context> context, Local<Object> target, const char* name,
            Local<Value> value) {
  Ignore(target->CreateDataProperty(
      context, OneByteString(context->GetIsolate(), name), value));
}

// new ContextifyScript(code, filename, lineOffset, columnOffset, cachedData,
//                      produceCachedData, parsingContext, importId)
void ScriptNew(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Local<Context> current = isolate->GetCurrentContext();
  if (!args.IsConstructCall()) {
    isolate->ThrowException(Exception::TypeError(FIXED_ONE_BYTE_STRING(
        isolate,
        "Class constructor ContextifyScript cannot be invoked "
        "without 'new'")));
    return;
  }
  Local<Object> self = args.This();
  self->SetAlignedPointerInInternalField(kScriptPointer, nullptr);
  self->SetAlignedPointerInInternalField(kScriptTag, nullptr);
  self->SetInternalField(kScriptUnbound, v8::Undefined(isolate));
  if (!args[0]->IsString() || !args[1]->IsString()) {
    THROW_ERR_INVALID_ARG_TYPE(
        isolate, "The \"code\" and \"filename\" arguments must be strings");
    return;
  }
  // node.vm.script: a 'B'/'E' pair around the compilation.
  struct CompileTrace {
    const uint8_t* flag = LODE_TRACE_FLAG("node,node.vm,node.vm.script");
    bool on = false;
    ~CompileTrace() {
      if (on) tracing::AddEvent('E', flag, "ContextifyScript::New", false, 0);
    }
  } compile_trace;
  if (tracing::IsEnabled(compile_trace.flag)) {
    compile_trace.on = true;
    tracing::AddEvent(
        'B', compile_trace.flag, "ContextifyScript::New", false, 0,
        {tracing::StringArg("filename",
                            Utf8Value(isolate, args[1]).ToString())});
  }
  int line_offset = args[2]->IsInt32() ? args[2].As<v8::Int32>()->Value() : 0;
  int column_offset = args[3]->IsInt32() ? args[3].As<v8::Int32>()->Value() : 0;
  bool produce_cached_data = args[5]->IsTrue();
  Local<Context> parsing_context = current;
  if (args[6]->IsObject()) {
    ContextifyContext* cc = ContextifyContext::FromObject(current, args[6]);
    if (cc == nullptr) {
      THROW_ERR_INVALID_ARG_TYPE(
          isolate, "The \"parsingContext\" argument must be a vm.Context");
      return;
    }
    parsing_context = cc->context();
  }
  ScriptOrigin origin(isolate, args[1], line_offset, column_offset, false, -1,
                      Local<Value>(), false, false, false,
                      ImportOptions(isolate, args[7]));
  ScriptCompiler::CachedData* cached = CachedDataFromView(args[4]);
  bool has_cached_data = cached != nullptr;
  ScriptCompiler::Source source(args[0].As<String>(), origin, cached);
  ScriptCompiler::CompileOptions options =
      has_cached_data       ? ScriptCompiler::kConsumeCodeCache
      : produce_cached_data ? ScriptCompiler::kEagerCompile
                            : ScriptCompiler::kNoCompileOptions;
  // A SyntaxError goes back to the caller, which may catch it.
  NoAbortOnUncaughtScope no_abort(Environment::GetCurrent(current));
  Local<UnboundScript> unbound;
  {
    Context::Scope context_scope(parsing_context);
    TryCatch try_catch(isolate);
    if (!ScriptCompiler::CompileUnboundScript(isolate, &source, options)
             .ToLocal(&unbound)) {
      if (try_catch.HasCaught() && !try_catch.HasTerminated()) {
        DecorateErrorStack(isolate, try_catch);
        try_catch.ReThrow();
      }
      return;
    }
  }
  bool rejected = has_cached_data && source.GetCachedData()->rejected;
  if (has_cached_data && !rejected) {
    // V8 10.2 drops the host-defined options (the import id) of code it
    // restores from a code cache: import() in it would find no callback.
    // The cache was good; compile once more from the source, with them.
    Context::Scope context_scope(parsing_context);
    TryCatch try_catch(isolate);
    ScriptCompiler::Source fresh(args[0].As<String>(), origin);
    if (!ScriptCompiler::CompileUnboundScript(isolate, &fresh)
             .ToLocal(&unbound)) {
      if (try_catch.HasCaught() && !try_catch.HasTerminated()) {
        try_catch.ReThrow();
      }
      return;
    }
  }
  new ContextifyScript(isolate, self, unbound);
  if (has_cached_data) {
    SetOwn(current, self, "cachedDataRejected",
           Boolean::New(isolate, rejected));
  }
  if (produce_cached_data) {
    std::unique_ptr<ScriptCompiler::CachedData> data(
        ScriptCompiler::CreateCodeCache(unbound));
    if (data != nullptr) {
      SetOwn(current, self, "cachedData",
             CopyToUint8Array(isolate, data->data, data->length));
    }
    SetOwn(current, self, "cachedDataProduced",
           Boolean::New(isolate, data != nullptr));
  }
  SetOwn(current, self, "sourceURL", unbound->GetSourceURL());
  SetOwn(current, self, "sourceMapURL", unbound->GetSourceMappingURL());
}

// script.runInContext(contextifiedObject | null, timeout, displayErrors,
//                     breakOnSigint, breakOnFirstLine)
void ScriptRunInContext(const FunctionCallbackInfo<Value>& args) {
  tracing::ScopedEvent trace(LODE_TRACE_FLAG("node,node.vm,node.vm.script"),
                             "RunInContext");
  Environment* env = Environment::GetCurrent(args);
  Isolate* isolate = args.GetIsolate();
  ContextifyScript* script = ContextifyScript::Unwrap(args.This());
  if (script == nullptr) {
    isolate->ThrowException(Exception::TypeError(
        FIXED_ONE_BYTE_STRING(isolate, "Illegal invocation")));
    return;
  }
  Local<Context> context = env->context();
  MicrotaskQueue* queue = nullptr;
  if (args[0]->IsObject()) {
    ContextifyContext* cc =
        ContextifyContext::FromObject(isolate->GetCurrentContext(), args[0]);
    if (cc == nullptr) {
      THROW_ERR_INVALID_ARG_TYPE(
          isolate, "The \"contextifiedObject\" argument must be an vm.Context");
      return;
    }
    context = cc->context();
    queue = cc->microtask_queue();
  }
  int64_t timeout = -1;
  if (args[1]->IsNumber()) {
    double t = args[1].As<v8::Number>()->Value();
    if (t >= 0 && t <= 4294967295.0) timeout = static_cast<int64_t>(t);
  }
  Local<Value> result;
  if (EvalMachine(isolate, context, script->script(isolate), timeout,
                  args[2]->IsTrue(), args[3]->IsTrue(), queue)
          .ToLocal(&result)) {
    args.GetReturnValue().Set(result);
  }
}

// script.createCachedData() -> Uint8Array
void ScriptCreateCachedData(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  ContextifyScript* script = ContextifyScript::Unwrap(args.This());
  if (script == nullptr) {
    isolate->ThrowException(Exception::TypeError(
        FIXED_ONE_BYTE_STRING(isolate, "Illegal invocation")));
    return;
  }
  std::unique_ptr<ScriptCompiler::CachedData> data(
      ScriptCompiler::CreateCodeCache(script->script(isolate)));
  if (data == nullptr) {
    args.GetReturnValue().Set(CopyToUint8Array(isolate, nullptr, 0));
    return;
  }
  args.GetReturnValue().Set(
      CopyToUint8Array(isolate, data->data, data->length));
}

// compileFunctionForVm(code, filename, lineOffset, columnOffset, cachedData,
//                      produceCachedData, parsingContext, contextExtensions,
//                      params, importId) -> { function, sourceMapURL,
//                      cachedDataRejected?, cachedDataProduced?, cachedData? }
void CompileFunctionForVm(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Local<Context> current = isolate->GetCurrentContext();
  if (!args[0]->IsString() || !args[1]->IsString()) {
    THROW_ERR_INVALID_ARG_TYPE(
        isolate, "The \"code\" and \"filename\" arguments must be strings");
    return;
  }
  int line_offset = args[2]->IsInt32() ? args[2].As<v8::Int32>()->Value() : 0;
  int column_offset = args[3]->IsInt32() ? args[3].As<v8::Int32>()->Value() : 0;
  bool produce_cached_data = args[5]->IsTrue();
  Local<Context> parsing_context = current;
  if (args[6]->IsObject()) {
    ContextifyContext* cc = ContextifyContext::FromObject(current, args[6]);
    if (cc == nullptr) {
      THROW_ERR_INVALID_ARG_TYPE(
          isolate, "The \"parsingContext\" argument must be a vm.Context");
      return;
    }
    parsing_context = cc->context();
  }
  std::vector<Local<Object>> extensions;
  if (args[7]->IsArray()) {
    Local<Array> arr = args[7].As<Array>();
    for (uint32_t i = 0; i < arr->Length(); i++) {
      Local<Value> v;
      if (!arr->Get(current, i).ToLocal(&v)) return;
      if (!v->IsObject()) {
        THROW_ERR_INVALID_ARG_TYPE(isolate,
                                   "Each context extension must be an object");
        return;
      }
      extensions.push_back(v.As<Object>());
    }
  }
  std::vector<Local<String>> params;
  if (args[8]->IsArray()) {
    Local<Array> arr = args[8].As<Array>();
    for (uint32_t i = 0; i < arr->Length(); i++) {
      Local<Value> v;
      if (!arr->Get(current, i).ToLocal(&v)) return;
      if (!v->IsString()) {
        THROW_ERR_INVALID_ARG_TYPE(isolate, "Each parameter must be a string");
        return;
      }
      params.push_back(v.As<String>());
    }
  }
  ScriptOrigin origin(isolate, args[1], line_offset, column_offset, false, -1,
                      Local<Value>(), false, false, false,
                      ImportOptions(isolate, args[9]));
  ScriptCompiler::CachedData* cached = CachedDataFromView(args[4]);
  bool has_cached_data = cached != nullptr;
  ScriptCompiler::Source source(args[0].As<String>(), origin, cached);
  ScriptCompiler::CompileOptions options =
      has_cached_data ? ScriptCompiler::kConsumeCodeCache
                      : ScriptCompiler::kNoCompileOptions;
  Local<Function> fn;
  {
    Context::Scope context_scope(parsing_context);
    TryCatch try_catch(isolate);
    if (!ScriptCompiler::CompileFunction(
             parsing_context, &source, params.size(), params.data(),
             extensions.size(), extensions.data(), options)
             .ToLocal(&fn)) {
      if (try_catch.HasTerminated()) return;
      if (!try_catch.HasCaught()) {
        // V8 10.2 rejects some parameter lists without saying why.
        isolate->ThrowException(Exception::SyntaxError(
            FIXED_ONE_BYTE_STRING(isolate, "Invalid function parameters")));
        try_catch.ReThrow();
        return;
      }
      DecorateErrorStack(isolate, try_catch);
      try_catch.ReThrow();
      return;
    }
  }
  bool rejected = has_cached_data && source.GetCachedData()->rejected;
  if (has_cached_data && !rejected) {
    // As for vm.Script: code from the cache lost its import id.
    Context::Scope context_scope(parsing_context);
    TryCatch try_catch(isolate);
    ScriptCompiler::Source fresh(args[0].As<String>(), origin);
    if (!ScriptCompiler::CompileFunction(
             parsing_context, &fresh, params.size(), params.data(),
             extensions.size(), extensions.data())
             .ToLocal(&fn)) {
      if (try_catch.HasCaught() && !try_catch.HasTerminated()) {
        try_catch.ReThrow();
      }
      return;
    }
  }
  Local<Object> result = Object::New(isolate);
  SetOwn(current, result, "function", fn);
  SetOwn(current, result, "sourceMapURL", fn->GetScriptOrigin().SourceMapUrl());
  if (has_cached_data) {
    SetOwn(current, result, "cachedDataRejected",
           Boolean::New(isolate, rejected));
  }
  if (produce_cached_data) {
    std::unique_ptr<ScriptCompiler::CachedData> data(
        ScriptCompiler::CreateCodeCacheForFunction(fn));
    SetOwn(current, result, "cachedDataProduced",
           Boolean::New(isolate, data != nullptr));
    if (data != nullptr) {
      SetOwn(current, result, "cachedData",
             CopyToUint8Array(isolate, data->data, data->length));
    }
  }
  args.GetReturnValue().Set(result);
}

// measureMemory(mode, execution) -> Promise
void MeasureMemory(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Local<Context> context = isolate->GetCurrentContext();
  if (!args[0]->IsInt32() || !args[1]->IsInt32()) {
    THROW_ERR_INVALID_ARG_TYPE(isolate, "Invalid measureMemory arguments");
    return;
  }
  auto mode = args[0].As<v8::Int32>()->Value() == 1
                  ? v8::MeasureMemoryMode::kDetailed
                  : v8::MeasureMemoryMode::kSummary;
  auto execution = args[1].As<v8::Int32>()->Value() == 1
                       ? v8::MeasureMemoryExecution::kEager
                       : v8::MeasureMemoryExecution::kDefault;
  Local<v8::Promise::Resolver> resolver;
  if (!v8::Promise::Resolver::New(context).ToLocal(&resolver)) return;
  isolate->MeasureMemory(
      v8::MeasureMemoryDelegate::Default(isolate, context, resolver, mode),
      execution);
  args.GetReturnValue().Set(resolver->GetPromise());
}

// ---------------------------------------------------------------------------
// What the CommonJS loader, -e and --check use.

// getSourceMapURL(fn) -> the URL of the `//# sourceMappingURL=` comment of
// the script `fn` was compiled from (V8 found it while parsing, so one in
// a string does not count), or undefined.
void GetSourceMapURL(const FunctionCallbackInfo<Value>& args) {
  if (!args[0]->IsFunction()) return;
  Local<Value> url = args[0].As<Function>()->GetScriptOrigin().SourceMapUrl();
  if (url->IsString() && url.As<String>()->Length() > 0) {
    args.GetReturnValue().Set(url);
  }
}

// compileFunction(code, filename, params[, lineOffset, columnOffset,
//                 useCompileCache])
void CompileFunction(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Local<Context> context = isolate->GetCurrentContext();
  CHECK(args[0]->IsString());
  CHECK(args[1]->IsString());
  CHECK(args[2]->IsArray());
  Local<Array> params_arr = args[2].As<Array>();
  std::vector<Local<String>> params;
  for (uint32_t i = 0; i < params_arr->Length(); i++) {
    Local<Value> p;
    if (!params_arr->Get(context, i).ToLocal(&p)) return;
    CHECK(p->IsString());
    params.push_back(p.As<String>());
  }
  int line_offset = args[3]->IsInt32() ? args[3].As<v8::Int32>()->Value() : 0;
  int column_offset = args[4]->IsInt32() ? args[4].As<v8::Int32>()->Value() : 0;
  ScriptOrigin origin(isolate, args[1], line_offset, column_offset, false, -1,
                      Local<Value>(), false, false, false,
                      ImportOptions(isolate, v8::Undefined(isolate)));
  // The CommonJS loader asks for the on-disk compile cache.
  compile_cache::Handler* cache = nullptr;
  compile_cache::Entry* entry = nullptr;
  if (args[5]->IsTrue()) {
    cache = compile_cache::GetHandler(Environment::GetCurrent(context));
    if (cache != nullptr) {
      entry = cache->Lookup(isolate, args[0].As<String>(),
                            args[1].As<String>(),
                            compile_cache::CodeKind::kCommonJS);
    }
  }
  ScriptCompiler::CachedData* cached =
      compile_cache::Handler::DataForCompile(entry);
  ScriptCompiler::Source source(args[0].As<String>(), origin, cached);
  Local<Function> fn;
  // The loader handles a SyntaxError (it may retry the file as an ES
  // module): not a reason to abort under --abort-on-uncaught-exception.
  NoAbortOnUncaughtScope no_abort(Environment::GetCurrent(context));
  TryCatch try_catch(isolate);
  if (ScriptCompiler::CompileFunction(
          context, &source, params.size(), params.data(), 0, nullptr,
          cached != nullptr ? ScriptCompiler::kConsumeCodeCache
                            : ScriptCompiler::kNoCompileOptions)
          .ToLocal(&fn)) {
    if (entry != nullptr) {
      cache->AfterCompile(entry, fn,
                          cached != nullptr && source.GetCachedData()->rejected);
    }
    args.GetReturnValue().Set(fn);
    return;
  }
  if (try_catch.HasTerminated() || !try_catch.HasCaught()) {
    if (try_catch.HasCaught()) try_catch.ReThrow();
    return;
  }
  // A syntax error in a module: as Node, the error keeps the "file:line,
  // source, ^^^" text under a private symbol and carries it in its stack.
  Local<Value> exception = try_catch.Exception();
  if (exception->IsNativeError()) {
    SetArrowMessage(isolate, context, try_catch);
    DecorateErrorStack(isolate, try_catch);
  }
  try_catch.ReThrow();
}

// runScript(code, filename): compiles and runs in the current context, for
// -e, -p and stdin.
void RunScript(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Local<Context> context = isolate->GetCurrentContext();
  CHECK(args[0]->IsString());
  ScriptOrigin origin(isolate, args[1], 0, 0, false, -1, Local<Value>(), false,
                      false, false,
                      ImportOptions(isolate, v8::Undefined(isolate)));
  ScriptCompiler::Source source(args[0].As<String>(), origin);
  Local<Script> script;
  if (!ScriptCompiler::Compile(context, &source).ToLocal(&script)) return;
  // runScript(code, name, breakOnFirstLine): -e with --inspect-brk.
  if (args[2]->IsTrue()) {
    if (!permission::Check(isolate, permission::Scope::kInspector,
                           "PauseOnNextJavascriptStatement")) {
      return;
    }
    Environment* env = Environment::GetCurrent(args);
    if (env != nullptr) inspector::InspectorPauseOnNextStatement(env);
  }
  // What the code throws is decorated as vm's displayErrors does (Node
  // runs this code through vm): an error's stack starts with the source
  // line, another object keeps it for the fatal exception's text.
  TryCatch try_catch(isolate);
  Local<Value> result;
  if (script->Run(context).ToLocal(&result)) {
    args.GetReturnValue().Set(result);
    return;
  }
  if (try_catch.HasCaught() && !try_catch.HasTerminated()) {
    DecorateErrorStack(isolate, try_catch);
  }
  if (try_catch.HasCaught()) try_catch.ReThrow();
}

// checkSyntax(code, filename): compiles without running, for
// `lode --check`.
void CheckSyntax(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Local<Context> context = isolate->GetCurrentContext();
  CHECK(args[0]->IsString());
  ScriptOrigin origin(isolate, args[1]);
  ScriptCompiler::Source source(args[0].As<String>(), origin);
  Local<String> params[] = {FIXED_ONE_BYTE_STRING(isolate, "exports"),
                            FIXED_ONE_BYTE_STRING(isolate, "require"),
                            FIXED_ONE_BYTE_STRING(isolate, "module"),
                            FIXED_ONE_BYTE_STRING(isolate, "__filename"),
                            FIXED_ONE_BYTE_STRING(isolate, "__dirname")};
  Local<Function> fn;
  if (ScriptCompiler::CompileFunction(context, &source, 5, params, 0, nullptr)
          .ToLocal(&fn)) {
    args.GetReturnValue().Set(true);
  }
}

void Initialize(Local<Object> target, Local<Value>, Local<Context> context,
                void*) {
  Isolate* isolate = context->GetIsolate();
  SetMethod(context, target, "compileFunction", CompileFunction);
  SetMethodNoSideEffect(context, target, "getSourceMapURL", GetSourceMapURL);
  SetMethod(context, target, "runScript", RunScript);
  SetMethod(context, target, "checkSyntax", CheckSyntax);
  SetMethod(context, target, "makeContext", MakeContext);
  SetMethodNoSideEffect(context, target, "isContext", IsContext);
  SetMethod(context, target, "compileFunctionForVm", CompileFunctionForVm);
  SetMethod(context, target, "measureMemory", MeasureMemory);
  SetMethod(context, target, "startSigintWatchdog", StartSigintWatchdog);
  SetMethod(context, target, "stopSigintWatchdog", StopSigintWatchdog);
  SetMethodNoSideEffect(context, target, "watchdogHasPendingSigint",
                        WatchdogHasPendingSigint);

  Local<FunctionTemplate> script = NewFunctionTemplate(isolate, ScriptNew);
  script->InstanceTemplate()->SetInternalFieldCount(kScriptFieldCount);
  SetProtoMethod(isolate, script, "runInContext", ScriptRunInContext);
  SetProtoMethod(isolate, script, "createCachedData", ScriptCreateCachedData);
  SetConstructorFunction(context, target, "ContextifyScript", script);

  Local<Object> constants = Object::New(isolate);
  Local<Object> measure = Object::New(isolate);
  Local<Object> mode = Object::New(isolate);
  SetConstant(context, mode, "SUMMARY", 0);
  SetConstant(context, mode, "DETAILED", 1);
  Local<Object> execution = Object::New(isolate);
  SetConstant(context, execution, "DEFAULT", 0);
  SetConstant(context, execution, "EAGER", 1);
  SetValue(context, measure, "mode", mode);
  SetValue(context, measure, "execution", execution);
  SetValue(context, constants, "measureMemory", measure);
  SetValue(context, target, "constants", constants);
}

void RegisterExternalReferences(ExternalReferenceRegistry* registry) {
  registry->Register(CompileFunction);
  registry->Register(GetSourceMapURL);
  registry->Register(RunScript);
  registry->Register(CheckSyntax);
  registry->Register(MakeContext);
  registry->Register(IsContext);
  registry->Register(CompileFunctionForVm);
  registry->Register(MeasureMemory);
  registry->Register(StartSigintWatchdog);
  registry->Register(StopSigintWatchdog);
  registry->Register(WatchdogHasPendingSigint);
  registry->Register(ScriptNew);
  registry->Register(ScriptRunInContext);
  registry->Register(ScriptCreateCachedData);
  registry->Register(NamedGetter);
  registry->Register(NamedSetter);
  registry->Register(NamedQuery);
  registry->Register(NamedDescriptor);
  registry->Register(NamedDefiner);
  registry->Register(NamedDeleter);
  registry->Register(NamedEnumerator);
  registry->Register(IndexedGetter);
  registry->Register(IndexedSetter);
  registry->Register(IndexedQuery);
  registry->Register(IndexedDescriptor);
  registry->Register(IndexedDefiner);
  registry->Register(IndexedDeleter);
  registry->Register(IndexedEnumerator);
}

}  // namespace

bool AllowWasmCodeGenerationIn(Local<Context> context, Local<String> source) {
  return AllowWasmCodeGeneration(context, source);
}

// [id] for vm's code; [kLoaderMarker] for the loader's.
constexpr int kLoaderMarker = 1;

Local<v8::PrimitiveArray> ImportOptions(Isolate* isolate, Local<Value> id) {
  Local<v8::PrimitiveArray> options = v8::PrimitiveArray::New(isolate, 1);
  if (id->IsSymbol()) {
    options->Set(isolate, 0, id.As<Symbol>());
  } else {
    options->Set(isolate, 0, Integer::New(isolate, kLoaderMarker));
  }
  return options;
}

ImportTarget ImportTargetOf(Isolate* isolate, Local<v8::Data> options,
                            Local<Value>* id) {
  if (options.IsEmpty() || !options->IsFixedArray()) {
    return ImportTarget::kUnknown;
  }
  Local<v8::PrimitiveArray> array = options.As<v8::PrimitiveArray>();
  if (array->Length() < 1) return ImportTarget::kUnknown;
  Local<v8::Primitive> first = array->Get(isolate, 0);
  if (first->IsSymbol()) {
    *id = first;
    return ImportTarget::kVm;
  }
  return ImportTarget::kLoader;
}

bool ContextFromContextifiedObject(Local<Context> current, Local<Value> object,
                                   Local<Context>* out) {
  ContextifyContext* cc = ContextifyContext::FromObject(current, object);
  if (cc == nullptr) return false;
  *out = cc->context();
  return true;
}

MicrotaskQueue* OwnMicrotaskQueue(Local<Context> context) {
  ContextifyContext* cc = ContextifyContext::FromContext(context);
  return cc == nullptr ? nullptr : cc->microtask_queue();
}

MaybeLocal<Value> ContextImportId(Local<Context> context) {
  if (ContextifyContext::FromContext(context) == nullptr ||
      context->GetNumberOfEmbedderDataFields() <= kImportIdSlot) {
    return MaybeLocal<Value>();
  }
  Local<Value> id = context->GetEmbedderData(kImportIdSlot);
  if (!id->IsSymbol()) return MaybeLocal<Value>();
  return id;
}

MaybeLocal<Value> RunWatched(Isolate* isolate, int64_t timeout,
                             bool break_on_sigint,
                             const std::function<MaybeLocal<Value>()>& run) {
  TryCatch try_catch(isolate);
  MaybeLocal<Value> result;
  WatchOutcome outcome =
      RunWithWatchdog(isolate, timeout, break_on_sigint, run, &result);
  if (outcome != WatchOutcome::kFinished) {
    ThrowWatchdogError(isolate, outcome, timeout);
    try_catch.ReThrow();
    return MaybeLocal<Value>();
  }
  if (try_catch.HasCaught()) {
    if (!try_catch.HasTerminated()) try_catch.ReThrow();
    return MaybeLocal<Value>();
  }
  return result;
}

void SetArrowMessage(Isolate* isolate, Local<Context> context,
                     const TryCatch& try_catch) {
  Local<Value> exception = try_catch.Exception();
  if (exception.IsEmpty() || !exception->IsNativeError()) return;
  std::string arrow = SourceArrow(isolate, context, try_catch.Message());
  if (arrow.empty()) return;
  TryCatch inner(isolate);
  Ignore(exception.As<Object>()->SetPrivate(
      context, ArrowMessagePrivate(isolate), Utf8String(isolate, arrow)));
}

void SetArrowMessageFromError(Isolate* isolate, Local<Context> context,
                              Local<Value> error) {
  if (error.IsEmpty() || !error->IsNativeError()) return;
  TryCatch inner(isolate);
  Local<Object> object = error.As<Object>();
  Local<Private> key = ArrowMessagePrivate(isolate);
  if (object->HasPrivate(context, key).FromMaybe(true)) return;
  std::string arrow =
      SourceArrow(isolate, context, Exception::CreateMessage(isolate, error));
  if (arrow.empty()) return;
  Ignore(object->SetPrivate(context, key, Utf8String(isolate, arrow)));
}

void SetPromiseHooks(Environment* env, Local<Context> main,
                     const Local<v8::Function> (&hooks)[4]) {
  Isolate* isolate = env->isolate();
  main->SetPromiseHooks(hooks[0], hooks[1], hooks[2], hooks[3]);
  ContextifyData* data = env->GetBindingData<ContextifyData>("contextify");
  if (data == nullptr) {
    // No vm context yet: the first one will find the hooks here.
    bool none = true;
    for (const Local<v8::Function>& hook : hooks) none &= hook.IsEmpty();
    if (none) return;
    data = GetData(env);
  }
  for (int i = 0; i < 4; i++) data->promise_hooks[i].Reset(isolate, hooks[i]);
  data->DropCollected();
  for (const v8::Global<Context>& handle : data->contexts) {
    data->InstallPromiseHooks(isolate, handle.Get(isolate));
  }
}

}  // namespace lode::contextify

LODE_BINDING_CONTEXT_AWARE_INTERNAL(contextify, lode::contextify::Initialize)
LODE_BINDING_EXTERNAL_REFERENCE(contextify,
                                lode::contextify::RegisterExternalReferences)
