// The `process` object as C++ creates it: the values only C++ knows
// (versions, execPath, argv, the live env). lib/internal/bootstrap/node.js
// adds the rest.
#include "lode_process_object.h"

#include <unistd.h>
#include <zstd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <ctime>

#include "env.h"
#include "lode_config.h"
#include "lode_errors.h"
#include "lode_options.h"
#include "lode_tracing.h"
#include "lode_internals.h"
#include "lode_version.h"
#include "uv.h"

extern char** environ;

namespace lode {

using v8::Array;
using v8::Context;
using v8::EscapableHandleScope;
using v8::FunctionTemplate;
using v8::Integer;
using v8::Isolate;
using v8::Local;
using v8::Name;
using v8::NamedPropertyHandlerConfiguration;
using v8::Object;
using v8::ObjectTemplate;
using v8::PropertyCallbackInfo;
using v8::String;
using v8::Value;

namespace {

Local<Array> ToArray(Isolate* isolate, const std::vector<std::string>& v) {
  std::vector<Local<Value>> items;
  items.reserve(v.size());
  for (const std::string& s : v) items.push_back(Utf8String(isolate, s));
  return Array::New(isolate, items.data(), items.size());
}

// process.env: a live view of the C environment (or of a worker's own
// variables). Values are coerced to strings on assignment, as in Node.
std::shared_ptr<EnvVarStore> EnvStoreOf(Isolate* isolate) {
  Environment* env = Environment::GetCurrent(isolate);
  return env == nullptr ? nullptr : env->env_vars();
}

// `value` may be null: whether the variable is set, without copying it.
bool LookupEnv(Isolate* isolate, const char* key, std::string* value) {
  std::shared_ptr<EnvVarStore> store = EnvStoreOf(isolate);
  if (store != nullptr) {
    std::string ignored;
    return store->Get(key, value != nullptr ? value : &ignored);
  }
  std::lock_guard<std::mutex> lock(ProcessEnvMutex());
  const char* found = getenv(key);
  if (found == nullptr) return false;
  if (value != nullptr) *value = found;
  return true;
}

// --trace-env (and --trace-env-js-stack, which adds the JS stack, and
// --trace-env-native-stack, whose native stack lode does not print): each
// access to process.env on stderr, as Node prints it.
enum class EnvTracing { kUnknown, kOff, kOn, kWithJsStack };

// Which of them this thread's environment asked for, read from its options
// once (an isolate per thread): process.env is read often, the options'
// map is not cheap.
EnvTracing EnvTracingOf(Isolate* isolate) {
  thread_local Isolate* known_isolate = nullptr;
  thread_local EnvTracing known = EnvTracing::kUnknown;
  if (isolate == known_isolate) return known;
  Environment* env = Environment::GetCurrent(isolate);
  if (env == nullptr) return EnvTracing::kOff;
  const Options* options = env->options();
  if (options->GetBool("--trace-env-js-stack")) {
    known = EnvTracing::kWithJsStack;
  } else if (options->GetBool("--trace-env") ||
             options->GetBool("--trace-env-native-stack")) {
    known = EnvTracing::kOn;
  } else {
    known = EnvTracing::kOff;
  }
  known_isolate = isolate;
  return known;
}

void TraceEnv(Isolate* isolate, const char* operation, const char* key) {
  EnvTracing tracing = EnvTracingOf(isolate);
  if (tracing == EnvTracing::kOff) [[likely]] return;
  bool js_stack = tracing == EnvTracing::kWithJsStack;
  std::string out = std::string("[--trace-env] ") + operation;
  if (key != nullptr) out += std::string(" \"") + key + "\"";
  out += "\n";
  if (js_stack) {
    v8::HandleScope scope(isolate);
    out += "\n----- JavaScript stack trace -----\n\n";
    Local<v8::StackTrace> trace = v8::StackTrace::CurrentStackTrace(isolate, 10);
    for (int i = 0; i < trace->GetFrameCount(); i++) {
      out += std::to_string(i + 1) + ": " +
             errors::FrameText(isolate, trace->GetFrame(isolate, i)) + "\n";
    }
    out += "\n\n";
  }
  fputs(out.c_str(), stderr);
  fflush(stderr);
}

void EnvGetter(Local<Name> property, const PropertyCallbackInfo<Value>& info) {
  if (property->IsSymbol()) return;
  Isolate* isolate = info.GetIsolate();
  Utf8Value key(isolate, property);
  TraceEnv(isolate, "get", *key);
  std::string value;
  if (LookupEnv(isolate, *key, &value)) {
    info.GetReturnValue().Set(Utf8String(isolate, value));
  }
}

// V8 caches the local time zone: a change of TZ must reach Date.
void OnEnvChanged(Isolate* isolate, const char* key) {
  if (strcmp(key, "TZ") != 0) return;
  tzset();
  isolate->DateTimeConfigurationChangeNotification(
      Isolate::TimeZoneDetection::kRedetect);
}

// DEP0104, under --pending-deprecation (or NODE_PENDING_DEPRECATION=1),
// once per environment.
bool MaybeWarnNonStringEnvValue(Environment* env, Local<Value> value) {
  if (value->IsString() || value->IsNumber() || value->IsBoolean()) {
    return true;
  }
  if (env == nullptr || env->env_var_warning_emitted()) return true;
  std::string pending;
  if (!env->options()->GetBool("--pending-deprecation") &&
      (!LookupEnv(env->isolate(), "NODE_PENDING_DEPRECATION", &pending) ||
       pending != "1")) {
    return true;
  }
  env->set_env_var_warning_emitted();
  Isolate* isolate = env->isolate();
  Local<Context> context = env->context();
  Local<Value> emit_warning;
  if (!env->process_object()
           ->Get(context, FIXED_ONE_BYTE_STRING(isolate, "emitWarning"))
           .ToLocal(&emit_warning)) {
    return false;
  }
  if (!emit_warning->IsFunction()) return true;
  Local<Value> argv[] = {
      FIXED_ONE_BYTE_STRING(
          isolate,
          "Assigning any value other than a string, number, or boolean to a "
          "process.env property is deprecated. Please make sure to convert "
          "the value to a string before setting process.env with it."),
      FIXED_ONE_BYTE_STRING(isolate, "DeprecationWarning"),
      FIXED_ONE_BYTE_STRING(isolate, "DEP0104")};
  return !emit_warning.As<v8::Function>()
              ->Call(context, env->process_object(), 3, argv)
              .IsEmpty();
}

void EnvSetter(Local<Name> property, Local<Value> value,
               const PropertyCallbackInfo<Value>& info) {
  Isolate* isolate = info.GetIsolate();
  if (property->IsSymbol()) {
    isolate->ThrowException(v8::Exception::TypeError(FIXED_ONE_BYTE_STRING(
        isolate, "Cannot convert a Symbol value to a string")));
    return;
  }
  if (!MaybeWarnNonStringEnvValue(Environment::GetCurrent(isolate), value)) {
    return;
  }
  Local<String> str;
  if (!value->ToString(isolate->GetCurrentContext()).ToLocal(&str)) return;
  Utf8Value key(isolate, property);
  Utf8Value val(isolate, str);
  TraceEnv(isolate, "set", *key);
  if (key.length() > 0 && strchr(*key, '=') == nullptr) {
    std::shared_ptr<EnvVarStore> store = EnvStoreOf(isolate);
    if (store != nullptr) {
      store->Set(*key, *val);
    } else {
      {
        std::lock_guard<std::mutex> lock(ProcessEnvMutex());
        setenv(*key, *val, 1);
      }
      OnEnvChanged(isolate, *key);
    }
  }
  info.GetReturnValue().Set(value);
}

void EnvQuery(Local<Name> property, const PropertyCallbackInfo<Integer>& info) {
  if (property->IsSymbol()) return;
  Utf8Value key(info.GetIsolate(), property);
  TraceEnv(info.GetIsolate(), "query", *key);
  if (LookupEnv(info.GetIsolate(), *key, nullptr)) {
    info.GetReturnValue().Set(Integer::New(info.GetIsolate(), v8::None));
  }
}

void EnvDeleter(Local<Name> property,
                const PropertyCallbackInfo<v8::Boolean>& info) {
  if (property->IsString()) {
    Utf8Value key(info.GetIsolate(), property);
    TraceEnv(info.GetIsolate(), "delete", *key);
    std::shared_ptr<EnvVarStore> store = EnvStoreOf(info.GetIsolate());
    if (store != nullptr) {
      store->Delete(*key);
    } else {
      {
        std::lock_guard<std::mutex> lock(ProcessEnvMutex());
        unsetenv(*key);
      }
      OnEnvChanged(info.GetIsolate(), *key);
    }
  }
  info.GetReturnValue().Set(true);
}

void EnvEnumerator(const PropertyCallbackInfo<Array>& info) {
  Isolate* isolate = info.GetIsolate();
  TraceEnv(isolate, "enumerate environment variables", nullptr);
  std::vector<std::string> keys;
  std::shared_ptr<EnvVarStore> store = EnvStoreOf(isolate);
  if (store != nullptr) {
    for (auto& entry : store->Entries()) keys.push_back(entry.first);
  } else {
    std::lock_guard<std::mutex> lock(ProcessEnvMutex());
    for (char** e = environ; e != nullptr && *e != nullptr; e++) {
      const char* eq = strchr(*e, '=');
      if (eq == nullptr || eq == *e) continue;
      keys.emplace_back(*e, eq - *e);
    }
  }
  info.GetReturnValue().Set(ToArray(isolate, keys));
}

void EnvDefiner(Local<Name> property, const v8::PropertyDescriptor& desc,
                const PropertyCallbackInfo<Value>& info) {
  Isolate* isolate = info.GetIsolate();
  // Only a complete data descriptor whose attributes are all true.
  if (desc.has_get() || desc.has_set()) {
    return THROW_ERR_INVALID_OBJECT_DEFINE_PROPERTY(
        isolate,
        "'process.env' does not accept an accessor(getter/setter) "
        "descriptor");
  }
  if (!desc.has_value() || !desc.has_configurable() || !desc.configurable() ||
      !desc.has_enumerable() || !desc.enumerable() || !desc.has_writable() ||
      !desc.writable()) {
    return THROW_ERR_INVALID_OBJECT_DEFINE_PROPERTY(
        isolate,
        "'process.env' only accepts a configurable, writable, and enumerable "
        "data descriptor");
  }
  EnvSetter(property, desc.value(), info);
}

void TitleGetter(Local<Name>, const PropertyCallbackInfo<Value>& info) {
  char buf[512];
  if (uv_get_process_title(buf, sizeof(buf)) != 0) buf[0] = '\0';
  info.GetReturnValue().Set(Utf8String(info.GetIsolate(), buf));
}

void TitleSetter(Local<Name>, Local<Value> value,
                 const PropertyCallbackInfo<void>& info) {
  Utf8Value title(info.GetIsolate(), value);
  uv_set_process_title(*title);
  tracing::SetProcessName(*title);
}

// process.debugPort: the inspector's port (--inspect-port, or the one its
// server got).
void DebugPortGetter(Local<Name>, const PropertyCallbackInfo<Value>& info) {
  Environment* env = Environment::GetCurrent(info.GetIsolate());
  if (env == nullptr) return;
  info.GetReturnValue().Set(inspector::GetDebugPort(env));
}

void DebugPortSetter(Local<Name>, Local<Value> value,
                     const PropertyCallbackInfo<void>& info) {
  Isolate* isolate = info.GetIsolate();
  Environment* env = Environment::GetCurrent(isolate);
  if (env == nullptr) return;
  int32_t port;
  if (!value->Int32Value(isolate->GetCurrentContext()).To(&port)) return;
  if ((port != 0 && port < 1024) || port > 65535) {
    THROW_ERR_OUT_OF_RANGE(
        isolate, "process.debugPort must be 0 or in range 1024 to 65535");
    return;
  }
  inspector::SetDebugPort(env, port);
}

void PpidGetter(Local<Name>, const PropertyCallbackInfo<Value>& info) {
  info.GetReturnValue().Set(static_cast<double>(uv_os_getppid()));
}

}  // namespace

std::string GetExecPath(const char* argv0) {
  char buf[4096];
  size_t size = sizeof(buf);
  if (uv_exepath(buf, &size) == 0) return std::string(buf, size);
  return argv0;
}

std::vector<std::pair<const char*, std::string>> ComponentVersions() {
  return {
      {"node", LODE_NODE_VERSION_STRING + 1},
      {"lode", LODE_VERSION},
      {"v8", v8::V8::GetVersion()},
      {"uv", uv_version_string()},
      {"zlib", LODE_DEP_VERSION_ZLIB},
      {"brotli", LODE_DEP_VERSION_BROTLI},
      // The loaded library's own version (configure only checks it exists).
      {"zstd", ZSTD_versionString()},
      {"amaro", LODE_DEP_VERSION_AMARO},
      {"ares", LODE_DEP_VERSION_ARES},
      {"modules", std::to_string(LODE_NODE_MODULE_VERSION)},
      {"nghttp2", LODE_DEP_VERSION_NGHTTP2},
      {"napi", std::to_string(LODE_NAPI_VERSION)},
      {"llhttp", LODE_DEP_VERSION_LLHTTP},
      {"openssl", LODE_DEP_VERSION_OPENSSL},
      {"icu", LODE_DEP_VERSION_ICU},
      {"unicode", "15.0"},
  };
}

std::vector<std::pair<const char*, std::string>> ReleaseInfo() {
  // The release lode matches: its sources and headers (node-gyp reads
  // headersUrl; Node-API addons built against those headers load in lode).
  const std::string base = std::string("https://nodejs.org/download/release/") +
                           LODE_NODE_VERSION_STRING + "/node-" +
                           LODE_NODE_VERSION_STRING;
  return {{"name", "node"},
          {"lts", LODE_NODE_RELEASE_LTS},
          {"sourceUrl", base + ".tar.gz"},
          {"headersUrl", base + "-headers.tar.gz"}};
}

Local<Object> CreateProcessObject(Environment* env) {
  Isolate* isolate = env->isolate();
  EscapableHandleScope scope(isolate);
  Local<Context> context = env->context();
  Local<FunctionTemplate> process_template = FunctionTemplate::New(isolate);
  process_template->SetClassName(FIXED_ONE_BYTE_STRING(isolate, "process"));
  Local<Object> process = process_template->GetFunction(context)
                              .ToLocalChecked()
                              ->NewInstance(context)
                              .ToLocalChecked();

  SetString(context, process, "version", LODE_NODE_VERSION_STRING);

  Local<Object> versions = Object::New(isolate);
  for (const auto& [name, version] : ComponentVersions()) {
    SetString(context, versions, name, version.c_str());
  }
  SetValue(context, process, "versions", versions);

  SetString(context, process, "arch", "x64");
  SetString(context, process, "platform", "linux");

  Local<Object> release = Object::New(isolate);
  for (const auto& [name, value] : ReleaseInfo()) {
    SetString(context, release, name, value.c_str());
  }
  SetValue(context, process, "release", release);

  process
      ->SetAccessor(context, FIXED_ONE_BYTE_STRING(isolate, "title"),
                    TitleGetter, TitleSetter, Local<Value>(), v8::DEFAULT,
                    v8::None)
      .Check();
  process
      ->SetAccessor(context, FIXED_ONE_BYTE_STRING(isolate, "ppid"), PpidGetter,
                    nullptr, Local<Value>(), v8::DEFAULT, v8::None)
      .Check();
  process
      ->SetAccessor(context, FIXED_ONE_BYTE_STRING(isolate, "debugPort"),
                    DebugPortGetter, DebugPortSetter, Local<Value>(),
                    v8::DEFAULT, v8::None)
      .Check();

  Local<ObjectTemplate> env_template = ObjectTemplate::New(isolate);
  env_template->SetHandler(NamedPropertyHandlerConfiguration(
      EnvGetter, EnvSetter, EnvQuery, EnvDeleter, EnvEnumerator, EnvDefiner,
      nullptr, Local<Value>(), v8::PropertyHandlerFlags::kHasNoSideEffect));
  SetValue(context, process, "env",
           env_template->NewInstance(context).ToLocalChecked());

  return scope.Escape(process);
}

void PatchProcessObject(Environment* env, Local<Object> process) {
  Isolate* isolate = env->isolate();
  v8::HandleScope scope(isolate);
  Local<Context> context = env->context();
  const Options* options = env->options();
  // As in Node: argv[0] is the absolute executable path, and argv0 keeps
  // what the program was started as.
  std::string exec_path = GetExecPath(options->argv0.c_str());
  std::vector<std::string> argv = options->argv;
  if (!argv.empty()) argv[0] = exec_path;
  SetValue(context, process, "argv", ToArray(isolate, argv));
  SetString(context, process, "argv0", options->argv0);
  SetValue(context, process, "execArgv", ToArray(isolate, options->exec_argv));
  SetString(context, process, "execPath", exec_path);
  SetConstant(context, process, "pid", uv_os_getpid());
}

void RegisterProcessObjectExternalReferences(
    ExternalReferenceRegistry* registry) {
  registry->Register(EnvGetter);
  registry->Register(EnvSetter);
  registry->Register(EnvQuery);
  registry->Register(EnvDeleter);
  registry->Register(EnvEnumerator);
  registry->Register(EnvDefiner);
  registry->Register(TitleGetter);
  registry->Register(TitleSetter);
  registry->Register(PpidGetter);
  registry->Register(DebugPortGetter);
  registry->Register(DebugPortSetter);
}

}  // namespace lode
