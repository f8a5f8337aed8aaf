// internalBinding('module_wrap'): V8's ES modules for the loader in
// lib/internal/modules/esm. A ModuleWrap object wraps one v8::Module, either
// a source-text module (new ModuleWrap(url, source)) or a synthetic module
// with a fixed list of export names whose values JS sets (new
// ModuleWrap(url, exportNames), setExport). JS resolves and loads the
// dependencies, hands them to link(), then calls instantiate() and
// evaluate(). The map from v8::Module to its wrapper, and the JS callbacks
// for import() and import.meta, are per-environment state (BindingData),
// set up when the binding is first used at run time.
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "env.h"
#include "lode_binding.h"
#include "lode_errors.h"
#include "lode_internals.h"
#include "util.h"

namespace lode::module_wrap {

using v8::Array;
using v8::Context;
using v8::FixedArray;
using v8::Function;
using v8::FunctionCallbackInfo;
using v8::FunctionTemplate;
using v8::Global;
using v8::Integer;
using v8::Isolate;
using v8::Local;
using v8::MaybeLocal;
using v8::Module;
using v8::ModuleRequest;
using v8::Object;
using v8::Promise;
using v8::ScriptCompiler;
using v8::ScriptOrigin;
using v8::String;
using v8::TryCatch;
using v8::Undefined;
using v8::Value;

struct ModuleWrap {
  Global<Module> module;
  Global<Object> object;
  std::unordered_map<std::string, ModuleWrap*> linked;
};

class ModuleWrapData : public BindingData {
 public:
  ~ModuleWrapData() override {
    for (auto& entry : by_hash) delete entry.second;
  }
  std::unordered_multimap<int, ModuleWrap*> by_hash;
  Global<Function> import_callback;
  Global<Function> meta_callback;
};

ModuleWrapData* GetData(Environment* env) {
  ModuleWrapData* data = env->GetBindingData<ModuleWrapData>("module_wrap");
  if (data != nullptr) return data;
  return env->SetBindingData("module_wrap",
                             std::make_unique<ModuleWrapData>());
}

ModuleWrap* FromModule(Environment* env, Local<Module> module) {
  ModuleWrapData* data = GetData(env);
  auto range = data->by_hash.equal_range(module->GetIdentityHash());
  for (auto it = range.first; it != range.second; ++it) {
    if (it->second->module.Get(env->isolate()) == module) return it->second;
  }
  return nullptr;
}

ModuleWrap* Unwrap(Local<Object> object) {
  if (object->InternalFieldCount() < 1) return nullptr;
  return static_cast<ModuleWrap*>(
      object->GetAlignedPointerFromInternalField(0));
}

// A synthetic module runs the JS function the loader stored as the
// wrapper's `evaluationSteps` (a CommonJS module runs, its exports are set).
MaybeLocal<Value> SyntheticEvaluationSteps(Local<Context> context,
                                           Local<Module> module) {
  Isolate* isolate = context->GetIsolate();
  Environment* env = Environment::GetCurrent(context);
  ModuleWrap* wrap = env == nullptr ? nullptr : FromModule(env, module);
  if (wrap != nullptr) {
    Local<Object> object = wrap->object.Get(isolate);
    Local<Value> steps;
    if (!object->Get(context, Utf8String(isolate, "evaluationSteps"))
             .ToLocal(&steps)) {
      return {};
    }
    if (steps->IsFunction() &&
        steps.As<Function>()->Call(context, object, 0, nullptr).IsEmpty()) {
      return {};
    }
  }
  Local<Promise::Resolver> resolver;
  if (!Promise::Resolver::New(context).ToLocal(&resolver)) return {};
  if (resolver->Resolve(context, Undefined(context->GetIsolate()))
          .IsNothing()) {
    return {};
  }
  return resolver->GetPromise();
}

// new ModuleWrap(url, source) or new ModuleWrap(url, exportNames)
void New(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Environment* env = Environment::GetCurrent(args);
  Local<Context> context = env->context();
  if (!args.IsConstructCall() || !args[0]->IsString()) {
    THROW_ERR_INVALID_ARG_TYPE(isolate, "new ModuleWrap(url, source)");
    return;
  }
  Local<String> url = args[0].As<String>();
  Local<Module> module;
  if (args[1]->IsArray()) {
    Local<Array> names = args[1].As<Array>();
    std::vector<Local<String>> exports;
    for (uint32_t i = 0; i < names->Length(); i++) {
      Local<Value> name;
      if (!names->Get(context, i).ToLocal(&name)) return;
      Local<String> str;
      if (!name->ToString(context).ToLocal(&str)) return;
      exports.push_back(str);
    }
    module = Module::CreateSyntheticModule(isolate, url, exports,
                                           SyntheticEvaluationSteps);
  } else {
    Local<String> source;
    if (!args[1]->ToString(context).ToLocal(&source)) return;
    int line_offset = args[2]->IsInt32() ? args[2].As<Integer>()->Value() : 0;
    ScriptOrigin origin(isolate, url, line_offset, 0, false, -1,
                        Local<Value>(), false, false, true);
    ScriptCompiler::Source src(source, origin);
    if (!ScriptCompiler::CompileModule(isolate, &src).ToLocal(&module)) {
      return;
    }
  }
  Local<Object> that = args.This();
  ModuleWrap* wrap = new ModuleWrap();
  wrap->module.Reset(isolate, module);
  wrap->object.Reset(isolate, that);
  that->SetAlignedPointerInInternalField(0, wrap);
  GetData(env)->by_hash.emplace(module->GetIdentityHash(), wrap);
  args.GetReturnValue().Set(that);
}

#define UNWRAP_OR_RETURN(wrap, args)                  \
  ModuleWrap* wrap = Unwrap((args).This());           \
  if (wrap == nullptr) return;                        \
  Isolate* isolate = (args).GetIsolate();             \
  Local<Module> module = wrap->module.Get(isolate);   \
  Local<Context> context = isolate->GetCurrentContext();

void SetExport(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_OR_RETURN(wrap, args);
  Local<String> name;
  if (!args[0]->ToString(context).ToLocal(&name)) return;
  (void)module->SetSyntheticModuleExport(isolate, name, args[1]);
}

void GetStaticDependencySpecifiers(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_OR_RETURN(wrap, args);
  std::vector<Local<Value>> out;
  if (module->IsSourceTextModule()) {
    Local<FixedArray> requests = module->GetModuleRequests();
    for (int i = 0; i < requests->Length(); i++) {
      Local<ModuleRequest> request =
          requests->Get(context, i).As<ModuleRequest>();
      out.push_back(request->GetSpecifier());
    }
  }
  args.GetReturnValue().Set(Array::New(isolate, out.data(), out.size()));
}

// link(specifiers, wraps): what each import specifier resolved to.
void Link(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_OR_RETURN(wrap, args);
  (void)module;
  if (!args[0]->IsArray() || !args[1]->IsArray()) return;
  Local<Array> specifiers = args[0].As<Array>();
  Local<Array> wraps = args[1].As<Array>();
  for (uint32_t i = 0; i < specifiers->Length(); i++) {
    Local<Value> spec;
    Local<Value> target;
    if (!specifiers->Get(context, i).ToLocal(&spec) ||
        !wraps->Get(context, i).ToLocal(&target)) {
      return;
    }
    if (!target->IsObject()) continue;
    ModuleWrap* dep = Unwrap(target.As<Object>());
    if (dep == nullptr) continue;
    wrap->linked[Utf8Value(isolate, spec).ToString()] = dep;
  }
}

MaybeLocal<Module> ResolveCallback(Local<Context> context,
                                   Local<String> specifier,
                                   Local<FixedArray> import_assertions,
                                   Local<Module> referrer) {
  Isolate* isolate = context->GetIsolate();
  Environment* env = Environment::GetCurrent(context);
  ModuleWrap* wrap = env == nullptr ? nullptr : FromModule(env, referrer);
  std::string spec = Utf8Value(isolate, specifier).ToString();
  if (wrap != nullptr) {
    auto it = wrap->linked.find(spec);
    if (it != wrap->linked.end()) return it->second->module.Get(isolate);
  }
  isolate->ThrowException(v8::Exception::Error(
      Utf8String(isolate, "request for '" + spec + "' is not linked")));
  return {};
}

void Instantiate(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_OR_RETURN(wrap, args);
  bool ok;
  if (!module->InstantiateModule(context, ResolveCallback).To(&ok)) return;
  args.GetReturnValue().Set(ok);
}

void Evaluate(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_OR_RETURN(wrap, args);
  Module::Status status = module->GetStatus();
  if (status == Module::kUninstantiated || status == Module::kInstantiating ||
      status == Module::kEvaluating) {
    // V8 would abort: a module in a cycle that is still being evaluated.
    THROW_ERR_INVALID_STATE(isolate, "module cannot be evaluated now");
    return;
  }
  Local<Value> result;
  if (!module->Evaluate(context).ToLocal(&result)) return;
  args.GetReturnValue().Set(result);
}

void GetNamespace(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_OR_RETURN(wrap, args);
  if (module->GetStatus() < Module::kInstantiated) {
    THROW_ERR_INVALID_STATE(isolate, "module is not instantiated");
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
    args.GetReturnValue().Set(module->GetException());
  }
}

// Whether evaluation would need more than one microtask checkpoint (top-
// level await somewhere in the graph); before instantiation: unknown.
void IsGraphAsync(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_OR_RETURN(wrap, args);
  args.GetReturnValue().Set(module->IsGraphAsync());
}

MaybeLocal<Promise> ImportModuleDynamically(
    Local<Context> context, Local<v8::Data> host_defined_options,
    Local<Value> resource_name, Local<String> specifier,
    Local<FixedArray> import_assertions) {
  Isolate* isolate = context->GetIsolate();
  Environment* env = Environment::GetCurrent(context);
  if (env == nullptr) return {};
  ModuleWrapData* data = GetData(env);
  Local<Function> callback = data->import_callback.Get(isolate);
  if (resource_name.IsEmpty()) resource_name = Undefined(isolate);
  Local<Value> argv[] = {specifier, resource_name};
  Local<Value> result;
  if (!callback->Call(context, Undefined(isolate), 2, argv).ToLocal(&result)) {
    return {};
  }
  if (result->IsPromise()) return result.As<Promise>();
  Local<Promise::Resolver> resolver;
  if (!Promise::Resolver::New(context).ToLocal(&resolver)) return {};
  if (resolver->Resolve(context, result).IsNothing()) return {};
  return resolver->GetPromise();
}

void InitializeImportMeta(Local<Context> context, Local<Module> module,
                          Local<Object> meta) {
  Isolate* isolate = context->GetIsolate();
  Environment* env = Environment::GetCurrent(context);
  if (env == nullptr) return;
  ModuleWrap* wrap = FromModule(env, module);
  Local<Function> callback = GetData(env)->meta_callback.Get(isolate);
  if (wrap == nullptr || callback.IsEmpty()) return;
  Local<Value> argv[] = {meta, wrap->object.Get(isolate)};
  (void)callback->Call(context, Undefined(isolate), 2, argv);
}

void SetImportModuleDynamicallyCallback(
    const FunctionCallbackInfo<Value>& args) {
  Environment* env = Environment::GetCurrent(args);
  if (!args[0]->IsFunction()) return;
  GetData(env)->import_callback.Reset(args.GetIsolate(),
                                      args[0].As<Function>());
  args.GetIsolate()->SetHostImportModuleDynamicallyCallback(
      ImportModuleDynamically);
}

void SetInitializeImportMetaObjectCallback(
    const FunctionCallbackInfo<Value>& args) {
  Environment* env = Environment::GetCurrent(args);
  if (!args[0]->IsFunction()) return;
  GetData(env)->meta_callback.Reset(args.GetIsolate(), args[0].As<Function>());
  args.GetIsolate()->SetHostInitializeImportMetaObjectCallback(
      InitializeImportMeta);
}

void Initialize(Local<Object> target, Local<Value>, Local<Context> context,
                void*) {
  Isolate* isolate = context->GetIsolate();
  Local<FunctionTemplate> tmpl = NewFunctionTemplate(isolate, New);
  tmpl->InstanceTemplate()->SetInternalFieldCount(1);
  SetProtoMethod(isolate, tmpl, "setExport", SetExport);
  SetProtoMethod(isolate, tmpl, "getStaticDependencySpecifiers",
                 GetStaticDependencySpecifiers);
  SetProtoMethod(isolate, tmpl, "link", Link);
  SetProtoMethod(isolate, tmpl, "instantiate", Instantiate);
  SetProtoMethod(isolate, tmpl, "evaluate", Evaluate);
  SetProtoMethod(isolate, tmpl, "getNamespace", GetNamespace);
  SetProtoMethod(isolate, tmpl, "getStatus", GetStatus);
  SetProtoMethod(isolate, tmpl, "getError", GetError);
  SetProtoMethod(isolate, tmpl, "isGraphAsync", IsGraphAsync);
  SetConstructorFunction(context, target, "ModuleWrap", tmpl);
  SetMethod(context, target, "setImportModuleDynamicallyCallback",
            SetImportModuleDynamicallyCallback);
  SetMethod(context, target, "setInitializeImportMetaObjectCallback",
            SetInitializeImportMetaObjectCallback);
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
  registry->Register(GetStaticDependencySpecifiers);
  registry->Register(Link);
  registry->Register(Instantiate);
  registry->Register(Evaluate);
  registry->Register(GetNamespace);
  registry->Register(GetStatus);
  registry->Register(GetError);
  registry->Register(IsGraphAsync);
  registry->Register(SetImportModuleDynamicallyCallback);
  registry->Register(SetInitializeImportMetaObjectCallback);
}

}  // namespace lode::module_wrap

LODE_BINDING_CONTEXT_AWARE_INTERNAL(module_wrap, lode::module_wrap::Initialize)
LODE_BINDING_EXTERNAL_REFERENCE(module_wrap,
                                lode::module_wrap::RegisterExternalReferences)
