// internalBinding('options'): the parsed command line for
// lib/internal/options.js (getOptionValue).
#include "env.h"
#include "lode_binding.h"
#include "lode_options.h"
#include "util.h"

#include <cstdlib>
#include <cstring>

namespace lode::options_binding {

using v8::Array;
using v8::Context;
using v8::FunctionCallbackInfo;
using v8::Isolate;
using v8::Local;
using v8::Object;
using v8::Value;

namespace {

// "[host:]port" as Node's { host, port } (host 127.0.0.1, port 9229 when
// absent).
Local<Value> HostPort(Isolate* isolate, const std::string& text) {
  Local<Context> context = isolate->GetCurrentContext();
  std::string host = "127.0.0.1";
  int port = 9229;
  ParseHostPort(text, &host, &port);
  Local<Object> result = Object::New(isolate);
  SetValue(context, result, "host", Utf8String(isolate, host));
  SetValue(context, result, "port",
           v8::Number::New(isolate, static_cast<double>(port)));
  return result;
}

Local<Value> ToJS(Isolate* isolate, const OptionValue& v) {
  switch (v.kind) {
    case OptionKind::kBoolean:
      return v8::Boolean::New(isolate, v.boolean);
    case OptionKind::kString:
      return Utf8String(isolate, v.string);
    case OptionKind::kHostPort:
      return HostPort(isolate, v.string);
    case OptionKind::kInteger:
    case OptionKind::kUInteger:
      return v8::Number::New(isolate, static_cast<double>(v.integer));
    case OptionKind::kStringList: {
      std::vector<Local<Value>> items;
      for (const std::string& s : v.list)
        items.push_back(Utf8String(isolate, s));
      return Array::New(isolate, items.data(), items.size());
    }
    case OptionKind::kV8:
    case OptionKind::kNoOp:
      break;
  }
  return v8::Undefined(isolate);
}

// { '--name': value, ... } for every known option.
void GetCLIOptionsValues(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Local<Context> context = isolate->GetCurrentContext();
  Environment* env = Environment::GetCurrent(args);
  const Options* options = env->options();
  // Made in one go, in dictionary mode (hundreds of properties added one by
  // one cost a map transition each, and this runs on every start).
  std::vector<Local<v8::Name>> names;
  std::vector<Local<Value>> values;
  names.reserve(options->values.size());
  values.reserve(options->values.size());
  for (const auto& [name, value] : options->values) {
    names.push_back(v8::String::NewFromUtf8(isolate, name.data(),
                                            v8::NewStringType::kInternalized,
                                            static_cast<int>(name.size()))
                        .ToLocalChecked());
    values.push_back(ToJS(isolate, value));
  }
  Local<Object> result = Object::New(isolate, v8::Null(isolate), names.data(),
                                     values.data(), names.size());
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

// Node's numbering of the kinds (the binding's `types`).
int KindNumber(OptionKind kind) {
  switch (kind) {
    case OptionKind::kNoOp: return 0;
    case OptionKind::kV8: return 1;
    case OptionKind::kBoolean: return 2;
    case OptionKind::kInteger: return 3;
    case OptionKind::kUInteger: return 4;
    case OptionKind::kString: return 5;
    case OptionKind::kHostPort: return 6;
    case OptionKind::kStringList: return 7;
  }
  return 0;
}

// { options: [[name, help, envVarSettings, type, defaultIsTrue, support],
//   ...], aliases: [[from, [to, ...]], ...] }; lib/internal/options.js
// makes Node's Maps of them. support: 0 honoured, 1 accepted without
// effect, 2 not implemented.
void GetCLIOptionsInfo(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Local<Context> context = isolate->GetCurrentContext();
  std::vector<Local<Value>> rows;
  for (const OptionSpec& spec : OptionSpecs()) {
    Local<Value> row[] = {
        Utf8String(isolate, spec.name),
        Utf8String(isolate, spec.help),
        v8::Integer::New(isolate, spec.env_allowed ? 0 : 1),
        v8::Integer::New(isolate, KindNumber(spec.kind)),
        v8::Boolean::New(isolate, spec.kind == OptionKind::kBoolean &&
                                      strcmp(spec.default_value, "true") == 0),
        v8::Integer::New(isolate, static_cast<int>(spec.support)),
    };
    rows.push_back(Array::New(isolate, row, 6));
  }
  std::vector<Local<Value>> aliases;
  for (const OptionAlias& alias : OptionAliases()) {
    std::vector<Local<Value>> to;
    for (const char* name : alias.to) to.push_back(Utf8String(isolate, name));
    Local<Value> pair[] = {Utf8String(isolate, alias.from),
                           Array::New(isolate, to.data(), to.size())};
    aliases.push_back(Array::New(isolate, pair, 2));
  }
  Local<Object> result = Object::New(isolate);
  SetValue(context, result, "options",
           Array::New(isolate, rows.data(), rows.size()));
  SetValue(context, result, "aliases",
           Array::New(isolate, aliases.data(), aliases.size()));
  args.GetReturnValue().Set(result);
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
  SetMethodNoSideEffect(context, target, "getCLIOptionsInfo",
                        GetCLIOptionsInfo);
  SetMethodNoSideEffect(context, target, "getNodeOptionsAllowedFlags",
                        GetNodeOptionsAllowedFlags);
}

void RegisterExternalReferences(ExternalReferenceRegistry* registry) {
  registry->Register(GetCLIOptionsValues);
  registry->Register(GetCLIOptionsInfo);
  registry->Register(GetNodeOptionsAllowedFlags);
}

}  // namespace
}  // namespace lode::options_binding

LODE_BINDING_CONTEXT_AWARE_INTERNAL(options, lode::options_binding::Initialize)
LODE_BINDING_EXTERNAL_REFERENCE(
    options, lode::options_binding::RegisterExternalReferences)
