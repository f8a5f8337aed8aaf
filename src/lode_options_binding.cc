// internalBinding('options'): the parsed command line for
// lib/internal/options.js (getOptionValue).
#include "env.h"
#include "lode_binding.h"
#include "lode_options.h"
#include "util.h"

namespace lode::options_binding {

using v8::Array;
using v8::Context;
using v8::FunctionCallbackInfo;
using v8::Isolate;
using v8::Local;
using v8::Object;
using v8::Value;

namespace {

Local<Value> ToJS(Isolate* isolate, const OptionValue& v) {
  switch (v.kind) {
    case OptionKind::kBoolean:
      return v8::Boolean::New(isolate, v.boolean);
    case OptionKind::kString:
      return Utf8String(isolate, v.string);
    case OptionKind::kInteger:
      return v8::Number::New(isolate, static_cast<double>(v.integer));
    case OptionKind::kStringList: {
      std::vector<Local<Value>> items;
      for (const std::string& s : v.list)
        items.push_back(Utf8String(isolate, s));
      return Array::New(isolate, items.data(), items.size());
    }
  }
  return v8::Undefined(isolate);
}

// { '--name': value, ... } for every known option.
void GetCLIOptionsValues(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Local<Context> context = isolate->GetCurrentContext();
  Environment* env = Environment::GetCurrent(args);
  const Options* options = env->options();
  Local<Object> result = Object::New(isolate);
  for (const auto& [name, value] : options->values) {
    result
        ->CreateDataProperty(context, Utf8String(isolate, name),
                             ToJS(isolate, value))
        .Check();
  }
  SetValue(context, result, "[has_eval_string]",
           v8::Boolean::New(isolate, options->has_eval));
  SetValue(context, result, "[print_eval]",
           v8::Boolean::New(isolate, options->print_eval));
  SetValue(context, result, "[force_repl]",
           v8::Boolean::New(isolate, options->force_repl));
  // [[path, optional], ...] in command line order.
  std::vector<Local<Value>> env_files;
  for (const Options::EnvFile& file : options->env_files) {
    Local<Value> pair[] = {Utf8String(isolate, file.path),
                           v8::Boolean::New(isolate, file.optional)};
    env_files.push_back(Array::New(isolate, pair, 2));
  }
  SetValue(context, result, "[env_files]",
           Array::New(isolate, env_files.data(), env_files.size()));
  std::vector<Local<Value>> dash_dash_args;
  for (const std::string& arg : options->dash_dash_args) {
    dash_dash_args.push_back(Utf8String(isolate, arg));
  }
  SetValue(context, result, "[dash_dash_args]",
           Array::New(isolate, dash_dash_args.data(), dash_dash_args.size()));
  args.GetReturnValue().Set(result);
}

// [[name, help], ...] for --help.
void GetOptionsHelp(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  std::vector<Local<Value>> rows;
  for (const OptionSpec& spec : OptionSpecs()) {
    if (spec.help[0] == '\0') continue;
    Local<Value> pair[] = {Utf8String(isolate, spec.name),
                           Utf8String(isolate, spec.help)};
    rows.push_back(Array::New(isolate, pair, 2));
  }
  args.GetReturnValue().Set(Array::New(isolate, rows.data(), rows.size()));
}

// The flags process.allowedNodeEnvironmentFlags lists.
void GetNodeOptionsAllowedFlags(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  std::vector<Local<Value>> names;
  for (const std::string& name : NodeOptionsAllowedFlags())
    names.push_back(Utf8String(isolate, name));
  args.GetReturnValue().Set(Array::New(isolate, names.data(), names.size()));
}

void Initialize(Local<Object> target, Local<Value>, Local<Context> context,
                void*) {
  SetMethodNoSideEffect(context, target, "getCLIOptionsValues",
                        GetCLIOptionsValues);
  SetMethodNoSideEffect(context, target, "getOptionsHelp", GetOptionsHelp);
  SetMethodNoSideEffect(context, target, "getNodeOptionsAllowedFlags",
                        GetNodeOptionsAllowedFlags);
}

void RegisterExternalReferences(ExternalReferenceRegistry* registry) {
  registry->Register(GetCLIOptionsValues);
  registry->Register(GetOptionsHelp);
  registry->Register(GetNodeOptionsAllowedFlags);
}

}  // namespace
}  // namespace lode::options_binding

LODE_BINDING_CONTEXT_AWARE_INTERNAL(options, lode::options_binding::Initialize)
LODE_BINDING_EXTERNAL_REFERENCE(
    options, lode::options_binding::RegisterExternalReferences)
