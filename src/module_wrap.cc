// internalBinding('module_wrap'): V8's ES modules, for the loader in
// lib/internal/modules/esm and for vm.SourceTextModule/vm.SyntheticModule
// (lib/internal/vm/module.js). A ModuleWrap object wraps one v8::Module:
// a source-text module (new ModuleWrap(url, source, ...)) or a synthetic
// module with a fixed list of export names whose values JS sets (new
// ModuleWrap(url, exportNames, ...), setExport). JS resolves and loads the
// dependencies and hands them over (link or linkRequests); then come
// instantiate() and evaluate().
//
// Lifetime: the JS object owns the C++ ModuleWrap (deleted when the object
// is collected) and holds, in its internal fields, the v8::Module, the
// modules its requests were linked to and its context; the C++ handles to
// them are weak. So a graph lives as long as the JS objects of its modules
// do, and nothing a module holds can keep it alive from outside the heap.
//
// import() and import.meta: code compiled with an import id (a symbol in its
// host-defined options) belongs to vm, whose callbacks get the id; all
// other code goes to the loader's callbacks.
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "env.h"
#include "lode_binding.h"
#include "lode_compile_cache.h"
#include "lode_contextify.h"
#include "lode_errors.h"
#include "lode_internals.h"
#include "util.h"

namespace lode::module_wrap {

using v8::Array;
using v8::ArrayBufferView;
using v8::Context;
using v8::EscapableHandleScope;
using v8::Exception;
using v8::FixedArray;
using v8::Function;
using v8::FunctionCallbackInfo;
using v8::FunctionTemplate;
using v8::Global;
using v8::Integer;
using v8::Isolate;
using v8::Local;
using v8::Maybe;
using v8::MaybeLocal;
using v8::Module;
using v8::ModuleRequest;
using v8::Name;
using v8::Object;
using v8::Promise;
using v8::ScriptCompiler;
using v8::ScriptOrigin;
using v8::String;
using v8::TryCatch;
using v8::Undefined;
using v8::Value;

namespace {

// Internal fields of a ModuleWrap object.
enum WrapField {
  kWrapPointer = 0,  // the C++ ModuleWrap
  kWrapTag,          // &wrap_tag: marks the objects field 0 is valid in
  kModuleField,      // the v8::Module
  kLinkedField,      // per module request, the ModuleWrap object it links to
  kContextField,     // the global proxy of the module's context
  kImportIdField,    // the import() id (a symbol), or undefined
  kSourceField,      // the source text of a source-text module
  kWrapFieldCount
};
int wrap_tag;

// For results that do not matter (an exception, if any, stays pending).
template <typename T>
void Ignore(T&&) {}

// Entries of the FixedArrays V8 gives import assertions in: key, value and,
// for static imports only, the source offset.
constexpr int kStaticAssertionEntry = 3;
constexpr int kDynamicAssertionEntry = 2;

class ModuleWrapData;

struct ModuleWrap {
  ModuleWrapData* data;
  Global<Module> module;  // weak: kModuleField holds the module
  Global<Object> object;  // weak: its collection deletes this
  int hash;
  std::string url;
  bool synthetic = false;
  bool linked = false;
  // Per module request (V8's order): its specifier and assertions, the key
  // ResolveCallback looks requests up by.
  std::vector<std::string> request_keys;
  std::optional<bool> has_top_level_await;
};

class ModuleWrapData : public BindingData {
 public:
  ~ModuleWrapData() override {
    for (auto& entry : by_hash) delete entry.second;
  }
  void Remove(ModuleWrap* wrap) {
    auto range = by_hash.equal_range(wrap->hash);
    for (auto it = range.first; it != range.second; ++it) {
      if (it->second == wrap) {
        by_hash.erase(it);
        return;
      }
    }
  }
  std::unordered_multimap<int, ModuleWrap*> by_hash;
  // The loader's: import(specifier, referrerName, attributes),
  // meta(meta, wrap).
  Global<Function> import_callback;
  Global<Function> meta_callback;
  // vm's: import(id, specifier, attributes, referrerName, loaderImport),
  // meta(id, meta, wrap).
  Global<Function> vm_import_callback;
  Global<Function> vm_meta_callback;
};

ModuleWrapData* GetData(Environment* env) {
  ModuleWrapData* data = env->GetBindingData<ModuleWrapData>("module_wrap");
  if (data != nullptr) return data;
  return env->SetBindingData("module_wrap",
                             std::make_unique<ModuleWrapData>());
}

void OnWrapCollected(const v8::WeakCallbackInfo<ModuleWrap>& info) {
  ModuleWrap* wrap = info.GetParameter();
  wrap->data->Remove(wrap);
  delete wrap;
}

ModuleWrap* FromModule(Environment* env, Local<Module> module) {
  ModuleWrapData* data = GetData(env);
  Isolate* isolate = env->isolate();
  auto range = data->by_hash.equal_range(module->GetIdentityHash());
  for (auto it = range.first; it != range.second; ++it) {
    if (it->second->module.Get(isolate) == module) return it->second;
  }
  return nullptr;
}

bool IsWrapObject(Local<Value> value) {
  if (!value->IsObject()) return false;
  Local<Object> object = value.As<Object>();
  return object->InternalFieldCount() == kWrapFieldCount &&
         object->GetAlignedPointerFromInternalField(kWrapTag) == &wrap_tag;
}

ModuleWrap* Unwrap(Local<Value> value) {
  if (!IsWrapObject(value)) return nullptr;
  return static_cast<ModuleWrap*>(
      value.As<Object>()->GetAlignedPointerFromInternalField(kWrapPointer));
}

// The context a module was compiled in (and runs in).
Local<Context> ContextOf(Isolate* isolate, ModuleWrap* wrap) {
  Local<Value> global =
      wrap->object.Get(isolate)->GetInternalField(kContextField);
  Local<Context> context;
  if (global->IsObject() &&
      global.As<Object>()->GetCreationContext().ToLocal(&context)) {
    return context;
  }
  return isolate->GetCurrentContext();
}

void ThrowCoded(Isolate* isolate, const char* code,
                Local<Value> (*ctor)(Local<String>),
                const std::string& message) {
  Local<Context> context = isolate->GetCurrentContext();
  Local<Object> err = ctor(Utf8String(isolate, message)).As<Object>();
  Ignore(err->CreateDataProperty(
      context, FIXED_ONE_BYTE_STRING(isolate, "code"),
      OneByteString(isolate, code)));
  isolate->ThrowException(err);
}

void ThrowLinkFailure(Isolate* isolate, const std::string& message) {
  ThrowCoded(isolate, "ERR_VM_MODULE_LINK_FAILURE", Exception::Error, message);
}

void ThrowStatusError(Isolate* isolate, const std::string& message) {
  ThrowCoded(isolate, "ERR_VM_MODULE_STATUS", Exception::Error,
             "Module status " + message);
}

// "specifier\0key\0value..." with the assertions in V8's order.
std::string RequestKey(Isolate* isolate, Local<Context> context,
                       Local<String> specifier, Local<FixedArray> assertions,
                       int entry_size) {
  std::string key = Utf8Value(isolate, specifier).ToString();
  for (int i = 0; i + 1 < assertions->Length(); i += entry_size) {
    Local<v8::Data> name = assertions->Get(context, i);
    Local<v8::Data> value = assertions->Get(context, i + 1);
    if (!name->IsValue() || !value->IsValue()) continue;
    key += '\0';
    key += Utf8Value(isolate, name.As<Value>()).ToString();
    key += '\0';
    key += Utf8Value(isolate, value.As<Value>()).ToString();
  }
  return key;
}

// A null-prototype object of the assertions' keys and values.
Local<Object> AssertionsObject(Isolate* isolate, Local<Context> context,
                               Local<FixedArray> assertions, int entry_size) {
  Local<Object> out = Object::New(isolate, v8::Null(isolate), nullptr,
                                  nullptr, 0);
  for (int i = 0; i + 1 < assertions->Length(); i += entry_size) {
    Local<v8::Data> name = assertions->Get(context, i);
    Local<v8::Data> value = assertions->Get(context, i + 1);
    if (!name->IsValue() || !value->IsValue() ||
        !name.As<Value>()->IsName()) {
      continue;
    }
    Ignore(out->CreateDataProperty(context, name.As<Name>(),
                                   value.As<Value>()));
  }
  return out;
}

// A synthetic module runs the JS function stored as the wrapper's
// `evaluationSteps`, with the wrapper as `this`; what it returns does not
// matter (an async function's rejection is unhandled, as in Node).
MaybeLocal<Value> SyntheticEvaluationSteps(Local<Context> context,
                                           Local<Module> module) {
  Isolate* isolate = context->GetIsolate();
  Environment* env = Environment::GetCurrent(context);
  ModuleWrap* wrap = env == nullptr ? nullptr : FromModule(env, module);
  if (wrap != nullptr && !wrap->object.IsEmpty()) {
    Local<Object> object = wrap->object.Get(isolate);
    Local<String> key = FIXED_ONE_BYTE_STRING(isolate, "evaluationSteps");
    Local<Value> steps;
    if (object->HasOwnProperty(context, key).FromMaybe(false)) {
      if (!object->Get(context, key).ToLocal(&steps)) return {};
      if (object->Delete(context, key).IsNothing()) return {};
    }
    if (!steps.IsEmpty() && steps->IsFunction()) {
      // Rethrown from a TryCatch of its own, the error reaches V8 (which
      // records it as the module's) even under a caller's TryCatch.
      TryCatch try_catch(isolate);
      if (steps.As<Function>()->Call(context, object, 0, nullptr).IsEmpty()) {
        if (try_catch.HasCaught()) try_catch.ReThrow();
        return {};
      }
    }
  }
  Local<Promise::Resolver> resolver;
  if (!Promise::Resolver::New(context).ToLocal(&resolver)) return {};
  if (resolver->Resolve(context, Undefined(isolate)).IsNothing()) return {};
  return resolver->GetPromise();
}

// new ModuleWrap(url, source, lineOffset, columnOffset, cachedData,
//                contextifiedObject, importId, useCompileCache)
// new ModuleWrap(url, exportNames, , , , contextifiedObject)
void New(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Environment* env = Environment::GetCurrent(args);
  Local<Context> current = isolate->GetCurrentContext();
  if (!args.IsConstructCall()) {
    isolate->ThrowException(Exception::TypeError(FIXED_ONE_BYTE_STRING(
        isolate,
        "Class constructor ModuleWrap cannot be invoked without 'new'")));
    return;
  }
  Local<Object> that = args.This();
  if (that->InternalFieldCount() != kWrapFieldCount) return;
  that->SetAlignedPointerInInternalField(kWrapPointer, nullptr);
  that->SetAlignedPointerInInternalField(kWrapTag, nullptr);
  if (!args[0]->IsString()) {
    THROW_ERR_INVALID_ARG_TYPE(isolate,
                               "The \"url\" argument must be of type string");
    return;
  }
  Local<String> url = args[0].As<String>();
  Local<Context> context = env->context();
  if (!args[5]->IsUndefined() &&
      !contextify::ContextFromContextifiedObject(current, args[5], &context)) {
    THROW_ERR_INVALID_ARG_TYPE(
        isolate, "The \"context\" argument must be an vm.Context");
    return;
  }
  Local<Value> import_id = Undefined(isolate);
  if (args[6]->IsSymbol()) import_id = args[6];

  Local<Module> module;
  Local<Value> source_text = Undefined(isolate);
  bool synthetic = args[1]->IsArray();
  {
    Context::Scope context_scope(context);
    if (synthetic) {
      Local<Array> names = args[1].As<Array>();
      std::vector<Local<String>> exports;
      for (uint32_t i = 0; i < names->Length(); i++) {
        Local<Value> name;
        if (!names->Get(current, i).ToLocal(&name)) return;
        if (!name->IsString()) {
          THROW_ERR_INVALID_ARG_TYPE(isolate,
                                     "Export names must be strings");
          return;
        }
        exports.push_back(name.As<String>());
      }
      module = Module::CreateSyntheticModule(isolate, url, exports,
                                             SyntheticEvaluationSteps);
    } else {
      Local<String> source;
      if (!args[1]->ToString(current).ToLocal(&source)) return;
      source_text = source;
      int line_offset = args[2]->IsInt32() ? args[2].As<v8::Int32>()->Value()
                                           : 0;
      int column_offset =
          args[3]->IsInt32() ? args[3].As<v8::Int32>()->Value() : 0;
      ScriptOrigin origin(isolate, url, line_offset, column_offset, false, -1,
                          Local<Value>(), false, false, true,
                          contextify::ImportOptions(isolate, import_id));
      ScriptCompiler::CachedData* cached = nullptr;
      // The ESM loader's own modules go through the on-disk compile cache;
      // vm modules (with cachedData of their own) never do.
      compile_cache::Handler* cache = nullptr;
      compile_cache::Entry* entry = nullptr;
      if (args[7]->IsTrue() && !args[4]->IsArrayBufferView()) {
        cache = compile_cache::GetHandler(env);
        if (cache != nullptr) {
          entry = cache->Lookup(isolate, source, url,
                                compile_cache::CodeKind::kESM);
          cached = compile_cache::Handler::DataForCompile(entry);
        }
      }
      if (args[4]->IsArrayBufferView()) {
        Local<ArrayBufferView> view = args[4].As<ArrayBufferView>();
        std::shared_ptr<v8::BackingStore> store =
            view->Buffer()->GetBackingStore();
        cached = new ScriptCompiler::CachedData(
            static_cast<const uint8_t*>(store->Data()) + view->ByteOffset(),
            static_cast<int>(view->ByteLength()));
      }
      ScriptCompiler::Source src(source, origin, cached);
      if (!ScriptCompiler::CompileModule(
               isolate, &src,
               cached != nullptr ? ScriptCompiler::kConsumeCodeCache
                                 : ScriptCompiler::kNoCompileOptions)
               .ToLocal(&module)) {
        return;
      }
      if (entry != nullptr) {
        cache->AfterCompile(entry, module,
                            cached != nullptr &&
                                src.GetCachedData()->rejected);
      } else if (cached != nullptr && src.GetCachedData()->rejected) {
        ThrowCoded(isolate, "ERR_VM_MODULE_CACHED_DATA_REJECTED",
                   Exception::Error, "cachedData buffer was rejected");
        return;
      } else if (cached != nullptr) {
        // V8 10.2 drops the host-defined options (the import id) of a
        // module it restores from a code cache, so import() in it would
        // find no callback. The vm module's cache was good: compile once
        // more from the source, with them.
        ScriptCompiler::Source fresh(source, origin);
        if (!ScriptCompiler::CompileModule(isolate, &fresh)
                 .ToLocal(&module)) {
          return;
        }
      }
    }
  }

  ModuleWrapData* data = GetData(env);
  ModuleWrap* wrap = new ModuleWrap();
  wrap->data = data;
  wrap->hash = module->GetIdentityHash();
  wrap->url = Utf8Value(isolate, url).ToString();
  wrap->synthetic = synthetic;
  wrap->linked = synthetic;
  if (module->IsSourceTextModule()) {
    Local<FixedArray> requests = module->GetModuleRequests();
    for (int i = 0; i < requests->Length(); i++) {
      Local<ModuleRequest> request =
          requests->Get(current, i).As<ModuleRequest>();
      wrap->request_keys.push_back(
          RequestKey(isolate, current, request->GetSpecifier(),
                     request->GetImportAssertions(), kStaticAssertionEntry));
    }
  }
  wrap->module.Reset(isolate, module);
  wrap->module.SetWeak();
  wrap->object.Reset(isolate, that);
  wrap->object.SetWeak(wrap, OnWrapCollected,
                       v8::WeakCallbackType::kParameter);
  that->SetInternalFieldForNodeCore(kModuleField, module);
  that->SetInternalField(kLinkedField, Undefined(isolate));
  that->SetInternalField(kContextField, context->Global());
  that->SetInternalField(kImportIdField, import_id);
  that->SetInternalField(kSourceField, source_text);
  that->SetAlignedPointerInInternalField(kWrapPointer, wrap);
  that->SetAlignedPointerInInternalField(kWrapTag, &wrap_tag);
  data->by_hash.emplace(wrap->hash, wrap);
  args.GetReturnValue().Set(that);
}

#define UNWRAP_OR_RETURN(wrap, args)         \
  ModuleWrap* wrap = Unwrap((args).This());  \
  if (wrap == nullptr) return;               \
  Isolate* isolate = (args).GetIsolate();    \
  Local<Module> module = wrap->module.Get(isolate)

void SetExport(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_OR_RETURN(wrap, args);
  if (!wrap->synthetic) {
    ThrowStatusError(isolate, "must be a synthetic module");
    return;
  }
  if (!args[0]->IsString()) {
    THROW_ERR_INVALID_ARG_TYPE(
        isolate, "The \"name\" argument must be of type string");
    return;
  }
  Ignore(module->SetSyntheticModuleExport(isolate, args[0].As<String>(),
                                          args[1]));
}

// [specifier, [key, value, ...]] per module request, in V8's order.
void GetModuleRequests(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_OR_RETURN(wrap, args);
  Local<Context> current = isolate->GetCurrentContext();
  std::vector<Local<Value>> out;
  if (module->IsSourceTextModule()) {
    Local<FixedArray> requests = module->GetModuleRequests();
    for (int i = 0; i < requests->Length(); i++) {
      Local<ModuleRequest> request =
          requests->Get(current, i).As<ModuleRequest>();
      Local<FixedArray> assertions = request->GetImportAssertions();
      std::vector<Local<Value>> pairs;
      for (int j = 0; j + 1 < assertions->Length();
           j += kStaticAssertionEntry) {
        Local<v8::Data> name = assertions->Get(current, j);
        Local<v8::Data> value = assertions->Get(current, j + 1);
        if (!name->IsValue() || !value->IsValue()) continue;
        pairs.push_back(name.As<Value>());
        pairs.push_back(value.As<Value>());
      }
      Local<Value> entry[] = {
          request->GetSpecifier(),
          Array::New(isolate, pairs.data(), pairs.size())};
      out.push_back(Array::New(isolate, entry, 2));
    }
  }
  args.GetReturnValue().Set(Array::New(isolate, out.data(), out.size()));
}

void GetStaticDependencySpecifiers(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_OR_RETURN(wrap, args);
  Local<Context> current = isolate->GetCurrentContext();
  std::vector<Local<Value>> out;
  if (module->IsSourceTextModule()) {
    Local<FixedArray> requests = module->GetModuleRequests();
    for (int i = 0; i < requests->Length(); i++) {
      Local<ModuleRequest> request =
          requests->Get(current, i).As<ModuleRequest>();
      out.push_back(request->GetSpecifier());
    }
  }
  args.GetReturnValue().Set(Array::New(isolate, out.data(), out.size()));
}

// link(specifiers, wraps): what each import specifier resolved to (the
// loader's way: one module per specifier).
void Link(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_OR_RETURN(wrap, args);
  Local<Context> current = isolate->GetCurrentContext();
  if (!args[0]->IsArray() || !args[1]->IsArray()) {
    THROW_ERR_INVALID_ARG_TYPE(
        isolate, "The \"specifiers\" and \"modules\" arguments must be arrays");
    return;
  }
  Local<Array> specifiers = args[0].As<Array>();
  Local<Array> wraps = args[1].As<Array>();
  std::unordered_map<std::string, Local<Value>> by_specifier;
  for (uint32_t i = 0; i < specifiers->Length(); i++) {
    Local<Value> spec;
    Local<Value> target;
    if (!specifiers->Get(current, i).ToLocal(&spec) ||
        !wraps->Get(current, i).ToLocal(&target)) {
      return;
    }
    if (!spec->IsString() || !IsWrapObject(target)) continue;
    by_specifier[Utf8Value(isolate, spec).ToString()] = target;
  }
  std::vector<Local<Value>> linked;
  if (module->IsSourceTextModule()) {
    Local<FixedArray> requests = module->GetModuleRequests();
    for (int i = 0; i < requests->Length(); i++) {
      Local<ModuleRequest> request =
          requests->Get(current, i).As<ModuleRequest>();
      auto it = by_specifier.find(
          Utf8Value(isolate, request->GetSpecifier()).ToString());
      linked.push_back(it == by_specifier.end()
                           ? Undefined(isolate).As<Value>()
                           : it->second);
    }
  }
  wrap->object.Get(isolate)->SetInternalField(
      kLinkedField, Array::New(isolate, linked.data(), linked.size()));
  wrap->linked = true;
}

// linkRequests(wraps): the module of each module request, in the order of
// getModuleRequests().
void LinkRequests(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_OR_RETURN(wrap, args);
  Local<Context> current = isolate->GetCurrentContext();
  (void)module;
  if (!args[0]->IsArray()) {
    THROW_ERR_INVALID_ARG_TYPE(
        isolate, "The \"modules\" argument must be an instance of Array");
    return;
  }
  Local<Array> wraps = args[0].As<Array>();
  if (wraps->Length() != wrap->request_keys.size()) {
    ThrowCoded(isolate, "ERR_MODULE_LINK_MISMATCH", Exception::TypeError,
               "Expected " + std::to_string(wrap->request_keys.size()) +
                   " modules, got " + std::to_string(wraps->Length()));
    return;
  }
  std::vector<Local<Value>> linked;
  for (uint32_t i = 0; i < wraps->Length(); i++) {
    Local<Value> target;
    if (!wraps->Get(current, i).ToLocal(&target)) return;
    if (!IsWrapObject(target)) {
      ThrowCoded(isolate, "ERR_VM_MODULE_NOT_MODULE", Exception::Error,
                 "Provided module is not an instance of Module");
      return;
    }
    linked.push_back(target);
  }
  wrap->object.Get(isolate)->SetInternalField(
      kLinkedField, Array::New(isolate, linked.data(), linked.size()));
  wrap->linked = true;
}

MaybeLocal<Module> ResolveCallback(Local<Context> context,
                                   Local<String> specifier,
                                   Local<FixedArray> import_assertions,
                                   Local<Module> referrer) {
  Isolate* isolate = context->GetIsolate();
  Environment* env = Environment::GetCurrent(context);
  std::string spec = Utf8Value(isolate, specifier).ToString();
  ModuleWrap* wrap = env == nullptr ? nullptr : FromModule(env, referrer);
  if (wrap == nullptr || wrap->object.IsEmpty()) {
    ThrowLinkFailure(isolate, "request for '" + spec + "' is not linked");
    return {};
  }
  if (!wrap->linked) {
    ThrowLinkFailure(isolate, "request for '" + spec +
                                  "' can not be resolved on module '" +
                                  wrap->url + "' that is not linked");
    return {};
  }
  std::string key = RequestKey(isolate, context, specifier, import_assertions,
                               kStaticAssertionEntry);
  Local<Value> linked = wrap->object.Get(isolate)->GetInternalField(
      kLinkedField);
  for (size_t i = 0; i < wrap->request_keys.size(); i++) {
    if (wrap->request_keys[i] != key || !linked->IsArray()) continue;
    Local<Value> target;
    if (!linked.As<Array>()->Get(context, i).ToLocal(&target)) return {};
    ModuleWrap* dep = Unwrap(target);
    if (dep != nullptr) return dep->module.Get(isolate);
    break;
  }
  ThrowLinkFailure(isolate, "request for '" + spec + "' is not linked");
  return {};
}

void Instantiate(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_OR_RETURN(wrap, args);
  if (!wrap->linked) {
    ThrowLinkFailure(isolate, "module is not linked");
    return;
  }
  Local<Context> context = ContextOf(isolate, wrap);
  Context::Scope context_scope(context);
  TryCatch try_catch(isolate);
  bool ok;
  if (!module->InstantiateModule(context, ResolveCallback).To(&ok)) {
    if (try_catch.HasCaught()) {
      // A missing export: the error points at the import statement.
      if (!try_catch.HasTerminated()) {
        contextify::SetArrowMessage(isolate, context, try_catch);
      }
      try_catch.ReThrow();
    }
    return;
  }
  args.GetReturnValue().Set(ok);
}

// evaluate([timeout[, breakOnSigint]]) -> the promise of evaluation
void Evaluate(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_OR_RETURN(wrap, args);
  Module::Status status = module->GetStatus();
  if (status != Module::kInstantiated && status != Module::kEvaluated &&
      status != Module::kErrored) {
    // V8 would abort (a module in a cycle still being evaluated, or one
    // not instantiated).
    ThrowStatusError(isolate, "must be one of linked, evaluated, or errored");
    return;
  }
  int64_t timeout = -1;
  if (args[0]->IsNumber()) {
    double t = args[0].As<v8::Number>()->Value();
    if (t >= 0 && t <= 4294967295.0) timeout = static_cast<int64_t>(t);
  }
  bool break_on_sigint = args[1]->IsTrue();
  Local<Context> caller = isolate->GetCurrentContext();
  Local<Context> context = ContextOf(isolate, wrap);
  Context::Scope context_scope(context);
  v8::MicrotaskQueue* queue = contextify::OwnMicrotaskQueue(context);
  Local<Value> result;
  if (!contextify::RunWatched(isolate, timeout, break_on_sigint, [&]() {
         MaybeLocal<Value> r = module->Evaluate(context);
         if (!r.IsEmpty() && queue != nullptr) {
           queue->PerformCheckpoint(isolate);
         }
         return r;
       }).ToLocal(&result)) {
    return;
  }
  // A context with a microtask queue of its own (microtaskMode
  // 'afterEvaluate') would run the reactions to its promise only when it
  // is evaluated again: a settled result is handed over as a promise of the
  // caller's context instead.
  if (queue != nullptr && result->IsPromise() &&
      result.As<Promise>()->State() != Promise::kPending) {
    Local<Promise> inner = result.As<Promise>();
    Local<Promise::Resolver> resolver;
    if (!Promise::Resolver::New(caller).ToLocal(&resolver)) return;
    if (inner->State() == Promise::kFulfilled) {
      if (resolver->Resolve(caller, inner->Result()).IsNothing()) return;
    } else {
      inner->MarkAsHandled();
      if (resolver->Reject(caller, inner->Result()).IsNothing()) return;
    }
    result = resolver->GetPromise();
  }
  args.GetReturnValue().Set(result);
}

void GetNamespace(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_OR_RETURN(wrap, args);
  if (module->GetStatus() < Module::kInstantiated) {
    ThrowStatusError(isolate, "must not be unlinked or linking");
    return;
  }
  args.GetReturnValue().Set(module->GetModuleNamespace());
}

void GetStatus(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_OR_RETURN(wrap, args);
  args.GetReturnValue().Set(static_cast<int>(module->GetStatus()));
}

void GetError(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_OR_RETURN(wrap, args);
  if (module->GetStatus() == Module::kErrored) {
    Local<Value> exception = module->GetException();
    // require() throws it again: a fatal error still shows where it was
    // thrown first.
    contextify::SetArrowMessageFromError(
        isolate, isolate->GetCurrentContext(), exception);
    args.GetReturnValue().Set(exception);
  }
}

// Whether evaluation would need more than one microtask checkpoint (top-
// level await somewhere in the graph).
void IsGraphAsync(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_OR_RETURN(wrap, args);
  if (module->GetStatus() < Module::kInstantiated) {
    ThrowStatusError(isolate, "must be instantiated");
    return;
  }
  args.GetReturnValue().Set(module->IsGraphAsync());
}

// createCachedData() -> Uint8Array: V8's code cache of a source-text module
// not evaluated yet.
void CreateCachedData(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_OR_RETURN(wrap, args);
  if (!module->IsSourceTextModule() ||
      module->GetStatus() >= Module::kEvaluating) {
    ThrowCoded(isolate, "ERR_VM_MODULE_CANNOT_CREATE_CACHED_DATA",
               Exception::Error,
               "Cached data cannot be created for a module which has been "
               "evaluated");
    return;
  }
  std::unique_ptr<ScriptCompiler::CachedData> cache(
      ScriptCompiler::CreateCodeCache(module->GetUnboundModuleScript()));
  size_t length = cache == nullptr ? 0 : cache->length;
  Local<v8::ArrayBuffer> buffer = v8::ArrayBuffer::New(isolate, length);
  if (length > 0) {
    memcpy(buffer->GetBackingStore()->Data(), cache->data, length);
  }
  args.GetReturnValue().Set(v8::Uint8Array::New(buffer, 0, length));
}

// ---------------------------------------------------------------------------
// hasTopLevelAwait(): V8 10.2 tells it only for an instantiated graph
// (IsGraphAsync), so a copy of the module is compiled and instantiated
// against stand-in synthetic modules, which export every name the copy
// asks for (learnt from V8's "does not provide an export named" errors).

struct StandInState {
  std::vector<Local<String>> names;
};
StandInState* stand_in_state = nullptr;

MaybeLocal<Module> ResolveStandIn(Local<Context> context, Local<String>,
                                  Local<FixedArray>, Local<Module>) {
  Isolate* isolate = context->GetIsolate();
  return Module::CreateSyntheticModule(
      isolate, FIXED_ONE_BYTE_STRING(isolate, "lode:stand-in"),
      stand_in_state->names, SyntheticEvaluationSteps);
}

Maybe<bool> SourceHasTopLevelAwait(Isolate* isolate, Local<Context> context,
                                   Local<String> source, Local<String> url) {
  constexpr char kMissing[] = "does not provide an export named '";
  StandInState state;
  state.names.push_back(FIXED_ONE_BYTE_STRING(isolate, "default"));
  Context::Scope context_scope(context);
  // The compiles below fail on purpose.
  NoAbortOnUncaughtScope no_abort(Environment::GetCurrent(context));
  for (int round = 0; round < 1024; round++) {
    TryCatch try_catch(isolate);
    ScriptOrigin origin(isolate, url, 0, 0, false, -1, Local<Value>(), false,
                        false, true);
    ScriptCompiler::Source src(source, origin);
    Local<Module> copy;
    if (!ScriptCompiler::CompileModule(isolate, &src).ToLocal(&copy)) {
      if (try_catch.HasTerminated()) {
        try_catch.ReThrow();
        return v8::Nothing<bool>();
      }
      return v8::Just(false);
    }
    stand_in_state = &state;
    Maybe<bool> instantiated = copy->InstantiateModule(context, ResolveStandIn);
    stand_in_state = nullptr;
    if (instantiated.FromMaybe(false)) return v8::Just(copy->IsGraphAsync());
    if (try_catch.HasTerminated()) {
      try_catch.ReThrow();
      return v8::Nothing<bool>();
    }
    if (!try_catch.HasCaught() || try_catch.Message().IsEmpty()) break;
    std::string message =
        Utf8Value(isolate, try_catch.Message()->Get()).ToString();
    size_t at = message.rfind(kMissing);
    if (at == std::string::npos || message.back() != '\'') break;
    at += sizeof(kMissing) - 1;
    std::string name = message.substr(at, message.size() - 1 - at);
    Local<String> name_str = Utf8String(isolate, name);
    for (Local<String> known : state.names) {
      if (known->StrictEquals(name_str)) return v8::Just(false);
    }
    state.names.push_back(name_str);
  }
  return v8::Just(false);
}

void HasTopLevelAwait(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_OR_RETURN(wrap, args);
  (void)module;
  if (!wrap->has_top_level_await.has_value()) {
    Local<Object> object = wrap->object.Get(isolate);
    Local<Value> source = object->GetInternalField(kSourceField);
    if (!source->IsString()) {
      args.GetReturnValue().Set(false);
      return;
    }
    bool result;
    if (!SourceHasTopLevelAwait(isolate, ContextOf(isolate, wrap),
                                source.As<String>(),
                                Utf8String(isolate, wrap->url))
             .To(&result)) {
      return;
    }
    wrap->has_top_level_await = result;
  }
  args.GetReturnValue().Set(*wrap->has_top_level_await);
}

// ---------------------------------------------------------------------------
// import() and import.meta.

MaybeLocal<Promise> ImportModuleDynamically(
    Local<Context> context, Local<v8::Data> host_defined_options,
    Local<Value> resource_name, Local<String> specifier,
    Local<FixedArray> import_assertions) {
  Isolate* isolate = context->GetIsolate();
  EscapableHandleScope scope(isolate);
  Environment* env = Environment::GetCurrent(context);
  if (env == nullptr) {
    isolate->ThrowException(Exception::Error(FIXED_ONE_BYTE_STRING(
        isolate, "import() is not available in this context")));
    return {};
  }
  ModuleWrapData* data = GetData(env);
  Local<Context> main = env->context();
  if (resource_name.IsEmpty()) resource_name = Undefined(isolate);
  // Code compiled without host-defined options (an eval run by a promise
  // job, with no script on the stack) goes by its context's import id; in
  // the main context it has none (undefined: vm's callback throws).
  Local<Value> id;
  contextify::ImportTarget target =
      contextify::ImportTargetOf(isolate, host_defined_options, &id);
  if (target == contextify::ImportTarget::kUnknown && context == main &&
      resource_name->IsString()) {
    // Code restored from the compile cache lost its options (V8 10.2):
    // a module of the loaders, which import through the loader.
    compile_cache::Handler* cache = compile_cache::GetHandler(env);
    if (cache != nullptr &&
        cache->WasRestored(Utf8Value(isolate, resource_name).ToString())) {
      target = contextify::ImportTarget::kLoader;
    }
  }
  if (target == contextify::ImportTarget::kUnknown) {
    target = contextify::ImportTarget::kVm;
    if (!contextify::ContextImportId(context).ToLocal(&id)) {
      id = Undefined(isolate);
    }
  }
  Local<Function> loader_import = data->import_callback.Get(isolate);
  Local<Function> vm_import = data->vm_import_callback.Get(isolate);
  Local<Value> result;
  bool ok = false;
  TryCatch try_catch(isolate);
  {
    Context::Scope main_scope(main);
    if (target == contextify::ImportTarget::kVm && !vm_import.IsEmpty()) {
      Local<Value> argv[] = {
          id, specifier,
          AssertionsObject(isolate, main, import_assertions,
                           kDynamicAssertionEntry),
          resource_name,
          loader_import.IsEmpty() ? Undefined(isolate).As<Value>()
                                  : loader_import.As<Value>()};
      ok = vm_import->Call(main, Undefined(isolate), 5, argv).ToLocal(&result);
    } else if (!loader_import.IsEmpty()) {
      Local<Value> argv[] = {
          specifier, resource_name,
          AssertionsObject(isolate, main, import_assertions,
                           kDynamicAssertionEntry)};
      ok = loader_import->Call(main, Undefined(isolate), 3, argv)
               .ToLocal(&result);
    } else {
      THROW_ERR_NOT_IMPLEMENTED(isolate, "import() is not available yet");
    }
  }
  if (!ok && try_catch.HasTerminated()) {
    try_catch.ReThrow();
    return {};
  }
  if (ok && context == main && result->IsPromise()) {
    return scope.Escape(result.As<Promise>());
  }
  // The promise import() gives belongs to the caller's context.
  Local<Promise::Resolver> resolver;
  if (!Promise::Resolver::New(context).ToLocal(&resolver)) return {};
  Maybe<bool> settled = ok ? resolver->Resolve(context, result)
                           : resolver->Reject(context, try_catch.Exception());
  if (settled.IsNothing()) return {};
  return scope.Escape(resolver->GetPromise());
}

void InitializeImportMeta(Local<Context> context, Local<Module> module,
                          Local<Object> meta) {
  Isolate* isolate = context->GetIsolate();
  Environment* env = Environment::GetCurrent(context);
  if (env == nullptr) return;
  ModuleWrap* wrap = FromModule(env, module);
  if (wrap == nullptr || wrap->object.IsEmpty()) return;
  ModuleWrapData* data = GetData(env);
  Local<Object> object = wrap->object.Get(isolate);
  Local<Value> id = object->GetInternalField(kImportIdField);
  Local<Context> main = env->context();
  Context::Scope main_scope(main);
  TryCatch try_catch(isolate);
  if (id->IsSymbol()) {
    Local<Function> callback = data->vm_meta_callback.Get(isolate);
    if (callback.IsEmpty()) return;
    Local<Value> argv[] = {id, meta, object};
    Ignore(callback->Call(main, Undefined(isolate), 3, argv));
  } else {
    Local<Function> callback = data->meta_callback.Get(isolate);
    if (callback.IsEmpty()) return;
    Local<Value> argv[] = {meta, object};
    Ignore(callback->Call(main, Undefined(isolate), 2, argv));
  }
  // A throwing callback leaves import.meta as it got it.
  if (try_catch.HasTerminated()) try_catch.ReThrow();
}

// setImportModuleDynamicallyCallback(loaderImport)
void SetImportModuleDynamicallyCallback(
    const FunctionCallbackInfo<Value>& args) {
  Environment* env = Environment::GetCurrent(args);
  if (!args[0]->IsFunction()) return;
  GetData(env)->import_callback.Reset(args.GetIsolate(),
                                      args[0].As<Function>());
  args.GetIsolate()->SetHostImportModuleDynamicallyCallback(
      ImportModuleDynamically);
}

// setInitializeImportMetaObjectCallback(loaderMeta)
void SetInitializeImportMetaObjectCallback(
    const FunctionCallbackInfo<Value>& args) {
  Environment* env = Environment::GetCurrent(args);
  if (!args[0]->IsFunction()) return;
  GetData(env)->meta_callback.Reset(args.GetIsolate(), args[0].As<Function>());
  args.GetIsolate()->SetHostInitializeImportMetaObjectCallback(
      InitializeImportMeta);
}

// setVmModuleCallbacks(vmImport, vmMeta): for code with an import id.
void SetVmModuleCallbacks(const FunctionCallbackInfo<Value>& args) {
  Environment* env = Environment::GetCurrent(args);
  Isolate* isolate = args.GetIsolate();
  if (!args[0]->IsFunction() || !args[1]->IsFunction()) {
    THROW_ERR_INVALID_ARG_TYPE(isolate, "The callbacks must be functions");
    return;
  }
  ModuleWrapData* data = GetData(env);
  data->vm_import_callback.Reset(isolate, args[0].As<Function>());
  data->vm_meta_callback.Reset(isolate, args[1].As<Function>());
  isolate->SetHostImportModuleDynamicallyCallback(ImportModuleDynamically);
  isolate->SetHostInitializeImportMetaObjectCallback(InitializeImportMeta);
}

void Initialize(Local<Object> target, Local<Value>, Local<Context> context,
                void*) {
  Isolate* isolate = context->GetIsolate();
  Local<FunctionTemplate> tmpl = NewFunctionTemplate(isolate, New);
  tmpl->InstanceTemplate()->SetInternalFieldCount(kWrapFieldCount);
  SetProtoMethod(isolate, tmpl, "setExport", SetExport);
  SetProtoMethod(isolate, tmpl, "getModuleRequests", GetModuleRequests);
  SetProtoMethod(isolate, tmpl, "getStaticDependencySpecifiers",
                 GetStaticDependencySpecifiers);
  SetProtoMethod(isolate, tmpl, "link", Link);
  SetProtoMethod(isolate, tmpl, "linkRequests", LinkRequests);
  SetProtoMethod(isolate, tmpl, "instantiate", Instantiate);
  SetProtoMethod(isolate, tmpl, "evaluate", Evaluate);
  SetProtoMethod(isolate, tmpl, "getNamespace", GetNamespace);
  SetProtoMethod(isolate, tmpl, "getStatus", GetStatus);
  SetProtoMethod(isolate, tmpl, "getError", GetError);
  SetProtoMethod(isolate, tmpl, "isGraphAsync", IsGraphAsync);
  SetProtoMethod(isolate, tmpl, "createCachedData", CreateCachedData);
  SetProtoMethod(isolate, tmpl, "hasTopLevelAwait", HasTopLevelAwait);
  SetConstructorFunction(context, target, "ModuleWrap", tmpl);
  SetMethod(context, target, "setImportModuleDynamicallyCallback",
            SetImportModuleDynamicallyCallback);
  SetMethod(context, target, "setInitializeImportMetaObjectCallback",
            SetInitializeImportMetaObjectCallback);
  SetMethod(context, target, "setVmModuleCallbacks", SetVmModuleCallbacks);
  SetConstant(context, target, "kUninstantiated", Module::kUninstantiated);
  SetConstant(context, target, "kInstantiating", Module::kInstantiating);
  SetConstant(context, target, "kInstantiated", Module::kInstantiated);
  SetConstant(context, target, "kEvaluating", Module::kEvaluating);
  SetConstant(context, target, "kEvaluated", Module::kEvaluated);
  SetConstant(context, target, "kErrored", Module::kErrored);
}

void RegisterExternalReferences(ExternalReferenceRegistry* registry) {
  registry->Register(New);
  registry->Register(SetExport);
  registry->Register(GetModuleRequests);
  registry->Register(GetStaticDependencySpecifiers);
  registry->Register(Link);
  registry->Register(LinkRequests);
  registry->Register(Instantiate);
  registry->Register(Evaluate);
  registry->Register(GetNamespace);
  registry->Register(GetStatus);
  registry->Register(GetError);
  registry->Register(IsGraphAsync);
  registry->Register(CreateCachedData);
  registry->Register(HasTopLevelAwait);
  registry->Register(SetImportModuleDynamicallyCallback);
  registry->Register(SetInitializeImportMetaObjectCallback);
  registry->Register(SetVmModuleCallbacks);
}

}  // namespace
}  // namespace lode::module_wrap

LODE_BINDING_CONTEXT_AWARE_INTERNAL(module_wrap, lode::module_wrap::Initialize)
LODE_BINDING_EXTERNAL_REFERENCE(module_wrap,
                                lode::module_wrap::RegisterExternalReferences)
