#include "lode_builtins.h"

#include <cstring>
#include <string>
#include <vector>

#include "env.h"
#include "lode_binding.h"
#include "lode_errors.h"
#include "lode_snapshot.h"
#include "util.h"

namespace lode::builtins {

using v8::Array;
using v8::Context;
using v8::Function;
using v8::FunctionCallbackInfo;
using v8::Isolate;
using v8::Local;
using v8::MaybeLocal;
using v8::Object;
using v8::ScriptCompiler;
using v8::ScriptOrigin;
using v8::String;
using v8::Value;

const char* const kModuleParams[] = {"exports",         "require",
                                     "module",          "process",
                                     "internalBinding", "primordials"};
const size_t kModuleParamCount = arraysize(kModuleParams);

namespace {

// The embedded sources live as long as the process: V8 refers to them
// without copying. There is one resource per builtin, made once and never
// freed (Dispose does nothing): strings share it, and the startup snapshot
// refers to it through the external reference table instead of carrying a
// copy of the source.
class OneByteResource : public String::ExternalOneByteStringResource {
 public:
  OneByteResource(const uint8_t* data, size_t length)
      : data_(reinterpret_cast<const char*>(data)), length_(length) {}
  const char* data() const override { return data_; }
  size_t length() const override { return length_; }
  void Dispose() override {}

 private:
  const char* data_;
  size_t length_;
};

class TwoByteResource : public String::ExternalStringResource {
 public:
  TwoByteResource(const uint16_t* data, size_t length)
      : data_(data), length_(length) {}
  const uint16_t* data() const override { return data_; }
  size_t length() const override { return length_; }
  void Dispose() override {}

 private:
  const uint16_t* data_;
  size_t length_;
};

// The resource of builtin `index`, as the pointer V8 keeps in the string.
void* ResourceFor(size_t index) {
  static std::vector<void*>* resources = [] {
    auto* all = new std::vector<void*>(kBuiltinSourceCount);
    for (size_t i = 0; i < kBuiltinSourceCount; i++) {
      const BuiltinSource& s = kBuiltinSources[i];
      if (s.one_byte) {
        (*all)[i] = static_cast<String::ExternalOneByteStringResource*>(
            new OneByteResource(static_cast<const uint8_t*>(s.data),
                                s.length));
      } else {
        (*all)[i] = static_cast<String::ExternalStringResource*>(
            new TwoByteResource(static_cast<const uint16_t*>(s.data),
                                s.length));
      }
    }
    return all;
  }();
  return (*resources)[index];
}

}  // namespace

const BuiltinSource* Find(const char* id) {
  // The table is sorted by id (js2c sorts by path).
  size_t lo = 0, hi = kBuiltinSourceCount;
  while (lo < hi) {
    size_t mid = (lo + hi) / 2;
    int c = strcmp(kBuiltinSources[mid].id, id);
    if (c == 0) return &kBuiltinSources[mid];
    if (c < 0) {
      lo = mid + 1;
    } else {
      hi = mid;
    }
  }
  // Fall back to a linear scan in case path order and id order differ.
  for (size_t i = 0; i < kBuiltinSourceCount; i++) {
    if (strcmp(kBuiltinSources[i].id, id) == 0) return &kBuiltinSources[i];
  }
  return nullptr;
}

MaybeLocal<String> GetSource(Isolate* isolate, const BuiltinSource* source) {
  void* resource = ResourceFor(source - kBuiltinSources);
  if (source->one_byte) {
    return String::NewExternalOneByte(
        isolate, static_cast<String::ExternalOneByteStringResource*>(resource));
  }
  return String::NewExternalTwoByte(
      isolate, static_cast<String::ExternalStringResource*>(resource));
}

namespace {

// The embedded code cache of builtin number `index` (see
// GetEmbeddedCodeCache), if there is one.
bool CodeCacheFor(size_t index, const uint8_t** data, int* length) {
  const v8::StartupData* blob = GetEmbeddedCodeCache();
  if (blob == nullptr || blob->raw_size < 4) return false;
  size_t size = static_cast<size_t>(blob->raw_size);
  uint32_t count;
  memcpy(&count, blob->data, sizeof(count));
  size_t at = 4 + index * 8;
  if (count != kBuiltinSourceCount || at + 8 > size) return false;
  uint32_t offset;
  uint32_t bytes;
  memcpy(&offset, blob->data + at, sizeof(offset));
  memcpy(&bytes, blob->data + at + 4, sizeof(bytes));
  if (bytes == 0 || offset > size || bytes > size - offset) return false;
  *data = reinterpret_cast<const uint8_t*>(blob->data + offset);
  *length = static_cast<int>(bytes);
  return true;
}

}  // namespace

MaybeLocal<Function> CompileBuiltin(Local<Context> context, const char* id,
                                    size_t param_count,
                                    const char* const params[], bool eager) {
  Isolate* isolate = context->GetIsolate();
  const BuiltinSource* builtin = Find(id);
  if (builtin == nullptr) {
    THROW_ERR_UNKNOWN_BUILTIN_MODULE(
        isolate, std::string("No such built-in module: ") + id);
    return MaybeLocal<Function>();
  }
  Local<String> code;
  if (!GetSource(isolate, builtin).ToLocal(&code)) return {};
  std::string name = std::string("node:") + id;
  ScriptOrigin origin(isolate, Utf8String(isolate, name), 0, 0, true);
  // The build's code cache, made for the module parameters: used for an
  // ordinary module (V8 checks that it fits this V8, its flags and the
  // source, and compiles from the source when not).
  ScriptCompiler::CachedData* cached = nullptr;
  const uint8_t* cache_data;
  int cache_length;
  if (!eager && params == kModuleParams &&
      CodeCacheFor(builtin - kBuiltinSources, &cache_data, &cache_length)) {
    cached = new ScriptCompiler::CachedData(
        cache_data, cache_length, ScriptCompiler::CachedData::BufferNotOwned);
  }
  ScriptCompiler::Source source(code, origin, cached);  // owns `cached`
  std::vector<Local<String>> args;
  for (size_t i = 0; i < param_count; i++) {
    args.push_back(OneByteString(isolate, params[i]));
  }
  return ScriptCompiler::CompileFunction(
      context, &source, args.size(), args.data(), 0, nullptr,
      eager ? ScriptCompiler::kEagerCompile
            : (cached != nullptr ? ScriptCompiler::kConsumeCodeCache
                                 : ScriptCompiler::kNoCompileOptions));
}

namespace {

// compileFunction(id[, eager]): the module function of builtin `id`.
void CompileFunctionJS(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  CHECK(args[0]->IsString());
  Utf8Value id(isolate, args[0]);
  Local<Function> fn;
  if (Environment::GetCurrent(args)
          ->CompileBuiltin(*id, args[1]->IsTrue())
          .ToLocal(&fn)) {
    args.GetReturnValue().Set(fn);
  }
}

// compileAhead(id): see Environment::CompileBuiltinAhead.
void CompileAheadJS(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  if (!args[0]->IsString()) {
    THROW_ERR_INVALID_ARG_TYPE(isolate,
                               "The \"id\" argument must be a string");
    return;
  }
  Utf8Value id(isolate, args[0]);
  if (Find(*id) == nullptr) {
    THROW_ERR_UNKNOWN_BUILTIN_MODULE(
        isolate, std::string("No such built-in module: ") + *id);
    return;
  }
  Environment::GetCurrent(args)->CompileBuiltinAhead(*id);
}

void HasBuiltin(const FunctionCallbackInfo<Value>& args) {
  Utf8Value id(args.GetIsolate(), args[0]);
  args.GetReturnValue().Set(Find(*id) != nullptr);
}

void GetBuiltinSource(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Utf8Value id(isolate, args[0]);
  const BuiltinSource* source = Find(*id);
  Local<String> str;
  if (source != nullptr && GetSource(isolate, source).ToLocal(&str)) {
    args.GetReturnValue().Set(str);
  }
}

void Initialize(Local<Object> target, Local<Value>, Local<Context> context,
                void*) {
  Isolate* isolate = context->GetIsolate();
  Local<Array> ids = Array::New(isolate, kBuiltinSourceCount);
  for (size_t i = 0; i < kBuiltinSourceCount; i++) {
    ids->CreateDataProperty(context, i,
                            OneByteString(isolate, kBuiltinSources[i].id))
        .Check();
  }
  SetValue(context, target, "builtinIds", ids);
  SetMethod(context, target, "compileFunction", CompileFunctionJS);
  SetMethod(context, target, "compileAhead", CompileAheadJS);
  SetMethodNoSideEffect(context, target, "hasBuiltin", HasBuiltin);
  SetMethodNoSideEffect(context, target, "getSource", GetBuiltinSource);
}

void RegisterExternalReferences(ExternalReferenceRegistry* registry) {
  for (size_t i = 0; i < kBuiltinSourceCount; i++) {
    registry->Register(ResourceFor(i));
  }
  registry->Register(CompileFunctionJS);
  registry->Register(CompileAheadJS);
  registry->Register(HasBuiltin);
  registry->Register(GetBuiltinSource);
}

}  // namespace
}  // namespace lode::builtins

LODE_BINDING_CONTEXT_AWARE_INTERNAL(builtins, lode::builtins::Initialize)
LODE_BINDING_EXTERNAL_REFERENCE(builtins,
                                lode::builtins::RegisterExternalReferences)
