// internalBinding('compile_cache') and the cache the CommonJS and ESM
// compilers consult (see lode_compile_cache.h for the layout).
#include "lode_compile_cache.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#include <cerrno>
#include <cstdarg>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <vector>

#include "lode_binding.h"
#include "lode_errors.h"
#include "lode_string_utf8.h"
#include "lode_version.h"
#include "util.h"
#include "zlib.h"

namespace lode::compile_cache {

using v8::Array;
using v8::Context;
using v8::FunctionCallbackInfo;
using v8::Integer;
using v8::Isolate;
using v8::Local;
using v8::Object;
using v8::ScriptCompiler;
using v8::String;
using v8::Value;

namespace {

constexpr const char* kBindingKey = "compile_cache";

// The fixed start of a cache file. Native byte order: the directory tag
// names the architecture.
struct FileHeader {
  uint32_t magic;
  uint32_t format;
  uint32_t kind;
  uint32_t code_length;
  uint32_t code_hash;
  uint32_t name_length;
  uint32_t data_length;
  uint32_t data_hash;  // CRC-32 of the name and the data
};
constexpr uint32_t kMagic = 0x4343444c;  // "LDCC"
// Bumped whenever the layout changes: older files become misses.
constexpr uint32_t kFormat = 1;
// Nothing V8 produces comes near this; a header claiming more is corrupt.
constexpr uint32_t kMaxDataLength = 1u << 30;
constexpr uint32_t kMaxNameLength = 1u << 16;

uint32_t Crc32(uint32_t crc, const void* data, size_t length) {
  const Bytef* bytes = static_cast<const Bytef*>(data);
  while (length > 0) {
    uInt chunk = length > (1u << 30) ? (1u << 30) : static_cast<uInt>(length);
    crc = static_cast<uint32_t>(crc32(crc, bytes, chunk));
    bytes += chunk;
    length -= chunk;
  }
  return crc;
}

// FNV-1a, 64 bits: the file name of a cache entry.
uint64_t KeyOf(CodeKind kind, const std::string& name) {
  uint64_t hash = 0xcbf29ce484222325ull;
  auto mix = [&hash](uint8_t byte) {
    hash ^= byte;
    hash *= 0x100000001b3ull;
  };
  mix(static_cast<uint8_t>(kind));
  for (char c : name) mix(static_cast<uint8_t>(c));
  return hash;
}

std::string Hex(uint64_t value, int digits) {
  static const char kDigits[] = "0123456789abcdef";
  std::string out(digits, '0');
  for (int i = digits - 1; i >= 0; i--) {
    out[i] = kDigits[value & 0xf];
    value >>= 4;
  }
  return out;
}

const char* ArchName() {
#if defined(__x86_64__)
  return "x64";
#elif defined(__aarch64__)
  return "arm64";
#elif defined(__i386__)
  return "ia32";
#elif defined(__arm__)
  return "arm";
#elif defined(__riscv)
  return "riscv64";
#elif defined(__powerpc64__)
  return "ppc64";
#elif defined(__s390x__)
  return "s390x";
#else
  return "unknown";
#endif
}

std::string VersionTag() {
  return std::string("lode-") + LODE_VERSION + "-" + LODE_NODE_VERSION_STRING +
         "-" + ArchName() + "-" + Hex(ScriptCompiler::CachedDataVersionTag(), 8) +
         "-" + std::to_string(getuid());
}

// An environment variable as this environment's process.env sees it.
bool GetEnvVar(Environment* env, const char* name, std::string* value) {
  if (env->env_vars() != nullptr) return env->env_vars()->Get(name, value);
  std::lock_guard<std::mutex> lock(ProcessEnvMutex());
  const char* found = getenv(name);
  if (found == nullptr) return false;
  *value = found;
  return true;
}

// NODE_DEBUG_NATIVE is a comma-separated list of categories.
bool DebugEnabled(Environment* env) {
  std::string list;
  return GetEnvVar(env, "NODE_DEBUG_NATIVE", &list) &&
         ListHasCategory(list, "COMPILE_CACHE");
}

std::string ResolvePath(const std::string& dir) {
  std::filesystem::path path(dir);
  if (!path.is_absolute()) {
    char cwd[4096];
    size_t size = sizeof(cwd);
    if (uv_cwd(cwd, &size) == 0) path = std::filesystem::path(cwd) / path;
  }
  std::string out = path.lexically_normal().string();
  while (out.size() > 1 && out.back() == '/') out.pop_back();
  return out;
}

// "file:///a/b%20c.mjs" -> "/a/b c.mjs"; anything else as is.
std::string FileUrlToPath(const std::string& name) {
  if (name.compare(0, 7, "file://") != 0) return name;
  std::string out;
  size_t i = 7;
  // file://localhost/x and file:///x
  if (name.compare(i, 9, "localhost") == 0) i += 9;
  for (; i < name.size(); i++) {
    char c = name[i];
    if (c == '%' && i + 2 < name.size() && isxdigit(name[i + 1]) &&
        isxdigit(name[i + 2])) {
      out.push_back(static_cast<char>(
          std::stoi(name.substr(i + 1, 2), nullptr, 16)));
      i += 2;
    } else {
      out.push_back(c);
    }
  }
  return out;
}

// Whether --allow-fs-read or --allow-fs-write (`flag`) covers `path`: "*",
// the path itself or a folder above it. Lode has no permission model
// otherwise; only the compile cache asks, because Node's does.
bool PermissionGranted(const Options* options, const char* flag,
                       const std::string& path) {
  auto found = options->values.find(flag);
  if (found == options->values.end()) return false;
  for (const std::string& item : found->second.list) {
    if (item == "*") return true;
    std::string allowed = ResolvePath(item);
    if (path == allowed || allowed == "/" ||
        (path.compare(0, allowed.size(), allowed) == 0 &&
         path.size() > allowed.size() && path[allowed.size()] == '/')) {
      return true;
    }
  }
  return false;
}

// Reads exactly `length` bytes at `offset`; false on error or end of file.
bool ReadExactly(int fd, void* buffer, size_t length, off_t offset) {
  char* out = static_cast<char*>(buffer);
  while (length > 0) {
    ssize_t n = pread(fd, out, length, offset);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    out += n;
    length -= n;
    offset += n;
  }
  return true;
}

bool WriteAll(int fd, struct iovec* iov, int count) {
  while (count > 0) {
    ssize_t n = writev(fd, iov, count);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return false;
    while (count > 0 && static_cast<size_t>(n) >= iov->iov_len) {
      n -= iov->iov_len;
      iov++;
      count--;
    }
    if (count > 0) {
      iov->iov_base = static_cast<char*>(iov->iov_base) + n;
      iov->iov_len -= n;
    }
  }
  return true;
}

// The hash of a source string, over its own representation (one byte per
// character for Latin-1 strings): no UTF-8 conversion on the hot path.
void HashSource(Isolate* isolate, Local<String> code, uint32_t* length,
                uint32_t* hash) {
  static thread_local std::vector<uint8_t> scratch;
  int chars = code->Length();
  *length = static_cast<uint32_t>(chars);
  if (code->IsOneByte()) {
    scratch.resize(static_cast<size_t>(chars) + 1);
    scratch[0] = 1;
    code->WriteOneByte(isolate, scratch.data() + 1, 0, chars,
                       String::NO_NULL_TERMINATION);
  } else {
    scratch.resize(static_cast<size_t>(chars) * 2 + 1);
    scratch[0] = 2;
    code->Write(isolate, reinterpret_cast<uint16_t*>(scratch.data() + 1), 0,
                chars, String::NO_NULL_TERMINATION);
  }
  *hash = Crc32(0, scratch.data(), scratch.size());
  // A huge module should not pin its copy for the rest of the run.
  if (scratch.capacity() > (4u << 20)) std::vector<uint8_t>().swap(scratch);
}

}  // namespace

Handler* GetHandler(Environment* env) {
  return env->GetBindingData<Handler>(kBindingKey);
}

void Handler::Debug(const char* format, ...) const {
  if (!debug_) return;
  va_list args;
  va_start(args, format);
  vfprintf(stderr, format, args);
  va_end(args);
}

bool Handler::Open(const Options* options, const std::string& base,
                   bool portable, std::string* message) {
  std::string tag = VersionTag();
  std::string directory = base + "/" + tag;
  Debug("[compile cache] resolved path %s + %s -> %s\n", base.c_str(),
        tag.c_str(), directory.c_str());
  if (options != nullptr && options->GetBool("--permission")) {
    for (const char* access : {"write", "read"}) {
      std::string flag = std::string("--allow-fs-") + access;
      if (!PermissionGranted(options, flag.c_str(), directory)) {
        *message = "Skipping compile cache because " + std::string(access) +
                   " permission for " + directory + " is not granted";
        return false;
      }
    }
  }
  int err = MakeDirectories(directory);
  Debug("[compile cache] creating cache directory %s...%s\n",
        directory.c_str(), err != 0 ? uv_strerror(err) : "success");
  if (err != 0) {
    *message = std::string("Cannot create cache directory: ") +
               uv_strerror(err);
    return false;
  }
  directory_ = std::move(directory);
  portable_ = portable;
  return true;
}

Entry* Handler::Lookup(Isolate* isolate, Local<String> code,
                       Local<String> filename, CodeKind kind) {
  Utf8Value name(isolate, filename);
  std::string key_name = name.ToString();
  if (portable_) {
    std::string path = FileUrlToPath(key_name);
    if (!path.empty() && path[0] == '/') {
      std::string relative =
          std::filesystem::path(path)
              .lexically_normal()
              .lexically_relative(std::filesystem::path(directory_))
              .string();
      if (!relative.empty()) {
        key_name = relative;
        Debug("[compile cache] using relative path %s from %s\n",
              key_name.c_str(), directory_.c_str());
      }
    }
  }
  uint32_t code_length, code_hash;
  HashSource(isolate, code, &code_length, &code_hash);

  uint64_t key = KeyOf(kind, key_name);
  auto found = entries_.find(key);
  if (found != entries_.end()) {
    Entry* entry = found->second.get();
    if (entry->kind == kind && entry->key_name == key_name &&
        entry->code_hash == code_hash && entry->code_length == code_length) {
      return entry;
    }
    entries_.erase(found);  // the source changed within this run
  }
  auto entry = std::make_unique<Entry>();
  entry->kind = kind;
  entry->source_name = name.ToString();
  entry->key_name = std::move(key_name);
  entry->cache_path = directory_ + "/" + Hex(key, 16);
  entry->code_length = code_length;
  entry->code_hash = code_hash;
  Entry* result = entry.get();
  entries_.emplace(key, std::move(entry));
  ReadCacheFile(result);
  return result;
}

void Handler::ReadCacheFile(Entry* entry) {
  Debug("[compile cache] reading cache from %s for %s %s...",
        entry->cache_path.c_str(), entry->kind_name(),
        entry->source_name.c_str());
  int fd = open(entry->cache_path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    Debug(" %s\n", uv_strerror(uv_translate_sys_error(errno)));
    return;
  }
  struct Closer {
    int fd;
    ~Closer() { close(fd); }
  } closer{fd};

  struct stat st;
  if (fstat(fd, &st) != 0) {
    Debug(" %s\n", uv_strerror(uv_translate_sys_error(errno)));
    return;
  }
  FileHeader header;
  if (static_cast<uint64_t>(st.st_size) < sizeof(header) ||
      !ReadExactly(fd, &header, sizeof(header), 0)) {
    Debug(" reading header failed, file size %lld\n",
          static_cast<long long>(st.st_size));  // NOLINT(runtime/int)
    return;
  }
  if (header.magic != kMagic || header.format != kFormat) {
    Debug(" not a cache file of this format\n");
    return;
  }
  if (header.kind != static_cast<uint32_t>(entry->kind)) {
    Debug(" module kind mismatch\n");
    return;
  }
  if (header.code_length != entry->code_length) {
    Debug(" code length mismatch: expected %u, actual %u\n",
          entry->code_length, header.code_length);
    return;
  }
  if (header.code_hash != entry->code_hash) {
    Debug(" code hash mismatch: expected %u, actual %u\n", entry->code_hash,
          header.code_hash);
    return;
  }
  if (header.name_length > kMaxNameLength ||
      header.data_length > kMaxDataLength ||
      static_cast<uint64_t>(st.st_size) !=
          sizeof(header) + static_cast<uint64_t>(header.name_length) +
              header.data_length) {
    Debug(" size mismatch: file has %lld bytes\n",
          static_cast<long long>(st.st_size));  // NOLINT(runtime/int)
    return;
  }
  std::string name(header.name_length, '\0');
  std::unique_ptr<uint8_t[]> data(new uint8_t[header.data_length + 1]);
  if (!ReadExactly(fd, name.data(), name.size(), sizeof(header)) ||
      !ReadExactly(fd, data.get(), header.data_length,
                   sizeof(header) + header.name_length)) {
    Debug(" truncated\n");
    return;
  }
  uint32_t hash = Crc32(0, name.data(), name.size());
  hash = Crc32(hash, data.get(), header.data_length);
  if (hash != header.data_hash) {
    Debug(" cache hash mismatch: expected %u, actual %u\n", header.data_hash,
          hash);
    return;
  }
  if (name != entry->key_name) {
    Debug(" belongs to %s\n", name.c_str());
    return;
  }
  entry->data = std::make_unique<ScriptCompiler::CachedData>(
      data.release(), static_cast<int>(header.data_length),
      ScriptCompiler::CachedData::BufferOwned);
  Debug(" success, size=%u\n", header.data_length);
}

ScriptCompiler::CachedData* Handler::DataForCompile(Entry* entry) {
  if (entry == nullptr || entry->data == nullptr) return nullptr;
  return new ScriptCompiler::CachedData(
      entry->data->data, entry->data->length,
      ScriptCompiler::CachedData::BufferNotOwned);
}

bool Handler::KeepsData(Entry* entry, bool rejected) {
  Debug("[compile cache] V8 code cache for %s %s was %s, ", entry->kind_name(),
        entry->source_name.c_str(),
        rejected ? "rejected"
                 : (entry->data == nullptr ? "not initialized" : "accepted"));
  if (entry->data != nullptr && !rejected) {
    Debug("keeping the in-memory entry\n");
    restored_.insert(entry->source_name);
    return true;
  }
  Debug("%s the in-memory entry\n",
        entry->data == nullptr ? "initializing" : "refreshing");
  entry->data.reset();
  entry->function.Reset();
  entry->module_script.Reset();
  entry->produced = true;
  entry->persisted = false;
  return false;
}

void Handler::AfterCompile(Entry* entry, Local<v8::Function> fn,
                           bool rejected) {
  if (!KeepsData(entry, rejected)) entry->function.Reset(isolate_, fn);
}

void Handler::AfterCompile(Entry* entry, Local<v8::Module> module,
                           bool rejected) {
  if (!KeepsData(entry, rejected)) {
    entry->module_script.Reset(isolate_, module->GetUnboundModuleScript());
  }
}

Local<Value> Handler::Transpiled(Entry* entry) {
  if (entry->data == nullptr) {
    Debug("[compile cache] no transpile cache for %s %s\n", entry->kind_name(),
          entry->source_name.c_str());
    return Local<Value>();
  }
  Debug("[compile cache] retrieving transpile cache for %s %s...",
        entry->kind_name(), entry->source_name.c_str());
  Local<String> code;
  if (!String::NewFromUtf8(isolate_,
                           reinterpret_cast<const char*>(entry->data->data),
                           v8::NewStringType::kNormal, entry->data->length)
           .ToLocal(&code)) {
    Debug("failed\n");
    return Local<Value>();
  }
  Debug("success\n");
  return code;
}

void Handler::Keep(Entry* entry, Local<String> transpiled) {
  Debug("[compile cache] saving transpilation cache for %s %s\n",
        entry->kind_name(), entry->source_name.c_str());
  size_t length = Utf8LengthOf(isolate_, transpiled);
  std::unique_ptr<uint8_t[]> bytes(new uint8_t[length]);
  WriteWholeUtf8(isolate_, transpiled, bytes.get(), length);
  entry->data = std::make_unique<ScriptCompiler::CachedData>(
      bytes.release(), static_cast<int>(length),
      ScriptCompiler::CachedData::BufferOwned);
  entry->produced = true;
  entry->persisted = false;
}

void Handler::Serialize(Entry* entry) {
  ScriptCompiler::CachedData* data = nullptr;
  if (!entry->function.IsEmpty()) {
    data = ScriptCompiler::CreateCodeCacheForFunction(
        entry->function.Get(isolate_));
  } else if (!entry->module_script.IsEmpty()) {
    data = ScriptCompiler::CreateCodeCache(entry->module_script.Get(isolate_));
  } else {
    return;
  }
  entry->function.Reset();
  entry->module_script.Reset();
  if (data != nullptr && data->length > 0) entry->data.reset(data);
  else delete data;
}

void Handler::Persist() {
  v8::HandleScope handle_scope(isolate_);
  for (auto& pair : entries_) {
    Entry* entry = pair.second.get();
    Serialize(entry);
    const char* kind = entry->kind_name();
    const char* source = entry->source_name.c_str();
    if (entry->data == nullptr) {
      Debug("[compile cache] skip persisting %s %s because the cache was not "
            "initialized\n", kind, source);
      continue;
    }
    if (!entry->produced) {
      Debug("[compile cache] skip persisting %s %s because cache was the "
            "same\n", kind, source);
      continue;
    }
    if (entry->persisted) {
      Debug("[compile cache] skip persisting %s %s because cache was already "
            "persisted\n", kind, source);
      continue;
    }
    FileHeader header;
    header.magic = kMagic;
    header.format = kFormat;
    header.kind = static_cast<uint32_t>(entry->kind);
    header.code_length = entry->code_length;
    header.code_hash = entry->code_hash;
    header.name_length = static_cast<uint32_t>(entry->key_name.size());
    header.data_length = static_cast<uint32_t>(entry->data->length);
    header.data_hash = Crc32(
        Crc32(0, entry->key_name.data(), entry->key_name.size()),
        entry->data->data, entry->data->length);

    // Written to a temporary file first and renamed, so that a reader in
    // another process never sees half a file.
    std::string temp = entry->cache_path + ".XXXXXX";
    Debug("[compile cache] writing cache for %s %s to %s...", kind, source,
          entry->cache_path.c_str());
    int fd = mkstemp(temp.data());
    if (fd < 0) {
      Debug("failed: %s\n", uv_strerror(uv_translate_sys_error(errno)));
      continue;
    }
    struct iovec iov[3] = {
        {&header, sizeof(header)},
        {const_cast<char*>(entry->key_name.data()), entry->key_name.size()},
        {const_cast<uint8_t*>(entry->data->data),
         static_cast<size_t>(entry->data->length)},
    };
    bool ok = WriteAll(fd, iov, 3);
    int err = ok ? 0 : errno;
    if (close(fd) != 0 && ok) {
      ok = false;
      err = errno;
    }
    if (ok && rename(temp.c_str(), entry->cache_path.c_str()) != 0) {
      ok = false;
      err = errno;
    }
    if (!ok) {
      unlink(temp.c_str());
      Debug("failed: %s\n", uv_strerror(uv_translate_sys_error(err)));
      continue;
    }
    Debug("success\n");
    entry->persisted = true;
  }
  Debug("[compile cache] Clear deserialized cache.\n");
  entries_.clear();
}

namespace {

// enable(directory, portable) -> [status, message, directory]
void Enable(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Environment* env = Environment::GetCurrent(args);
  if (!args[0]->IsString()) {
    THROW_ERR_INVALID_ARG_TYPE(isolate, "cacheDir should be a string");
    return;
  }
  EnableStatus status;
  std::string message;
  std::string directory;
  bool debug = DebugEnabled(env);
  std::string ignored;
  if (GetEnvVar(env, "NODE_DISABLE_COMPILE_CACHE", &ignored)) {
    status = EnableStatus::kDisabled;
    message = "Disabled by NODE_DISABLE_COMPILE_CACHE";
    if (debug) fprintf(stderr, "[compile cache] %s.\n", message.c_str());
  } else if (Handler* existing = GetHandler(env)) {
    status = EnableStatus::kAlreadyEnabled;
    directory = existing->directory();
  } else {
    std::string base = ResolvePath(*Utf8Value(isolate, args[0]));
    auto handler = std::make_unique<Handler>(isolate, debug);
    if (handler->Open(env->options(), base, args[1]->IsTrue(), &message)) {
      status = EnableStatus::kEnabled;
      directory = base;
      env->SetBindingData(kBindingKey, std::move(handler));
      // Written when the environment ends, however it ends.
      env->AddAtExitHook([env]() {
        if (Handler* h = GetHandler(env)) h->Persist();
      });
    } else {
      status = EnableStatus::kFailed;
      if (debug) fprintf(stderr, "[compile cache] %s\n", message.c_str());
    }
  }
  Local<Value> result[] = {
      Integer::New(isolate, static_cast<int>(status)),
      message.empty() ? v8::Undefined(isolate).As<Value>()
                      : Utf8String(isolate, message).As<Value>(),
      directory.empty() ? v8::Undefined(isolate).As<Value>()
                        : Utf8String(isolate, directory).As<Value>(),
  };
  args.GetReturnValue().Set(Array::New(isolate, result, 3));
}

// The TypeScript kinds JS may name (a number outside them is refused).
bool TranspileKindArg(Local<Value> value, CodeKind* kind) {
  if (!value->IsInt32()) return false;
  int32_t n = value.As<v8::Int32>()->Value();
  if (n < static_cast<int32_t>(CodeKind::kStrippedTypeScript) ||
      n > static_cast<int32_t>(CodeKind::kTransformedTypeScriptWithSourceMaps)) {
    return false;
  }
  *kind = static_cast<CodeKind>(n);
  return true;
}

// The transpile-cache entry that (source, filename, kind) arguments name,
// or null when the cache is off or the arguments are not those.
Entry* TranspileEntry(const FunctionCallbackInfo<Value>& args,
                      Handler** handler) {
  *handler = GetHandler(Environment::GetCurrent(args));
  CodeKind kind;
  if (*handler == nullptr || !args[0]->IsString() || !args[1]->IsString() ||
      !TranspileKindArg(args[2], &kind)) {
    return nullptr;
  }
  return (*handler)->Lookup(args.GetIsolate(), args[0].As<String>(),
                            args[1].As<String>(), kind);
}

// getTranspiled(source, filename, kind) -> the JavaScript kept for that
// TypeScript, null when there is none (keepTranspiled() it once made),
// undefined when the compile cache is off.
void GetTranspiled(const FunctionCallbackInfo<Value>& args) {
  Handler* handler;
  Entry* entry = TranspileEntry(args, &handler);
  if (entry == nullptr) return;
  Local<Value> code = handler->Transpiled(entry);
  if (code.IsEmpty()) {
    args.GetReturnValue().SetNull();
  } else {
    args.GetReturnValue().Set(code);
  }
}

// keepTranspiled(source, filename, kind, javascript)
void KeepTranspiled(const FunctionCallbackInfo<Value>& args) {
  Handler* handler;
  Entry* entry = TranspileEntry(args, &handler);
  if (entry == nullptr || !args[3]->IsString()) return;
  handler->Keep(entry, args[3].As<String>());
}

void GetCacheDir(const FunctionCallbackInfo<Value>& args) {
  Handler* handler = GetHandler(Environment::GetCurrent(args));
  args.GetReturnValue().Set(
      handler == nullptr ? String::Empty(args.GetIsolate())
                         : Utf8String(args.GetIsolate(), handler->directory()));
}

void Flush(const FunctionCallbackInfo<Value>& args) {
  Environment* env = Environment::GetCurrent(args);
  Handler* handler = GetHandler(env);
  bool debug = handler != nullptr ? handler->debug() : DebugEnabled(env);
  if (debug) {
    fprintf(stderr, "[compile cache] module.flushCompileCache() requested.\n");
  }
  if (handler != nullptr) handler->Persist();
  if (debug) {
    fprintf(stderr, "[compile cache] module.flushCompileCache() finished.\n");
  }
}

void Initialize(Local<Object> target, Local<Value>, Local<Context> context,
                void*) {
  SetMethod(context, target, "enable", Enable);
  SetMethod(context, target, "getCacheDir", GetCacheDir);
  SetMethod(context, target, "flush", Flush);
  SetMethod(context, target, "getTranspiled", GetTranspiled);
  SetMethod(context, target, "keepTranspiled", KeepTranspiled);
  Isolate* isolate = context->GetIsolate();
  Local<Object> kinds = Object::New(isolate);
  SetConstant(context, kinds, "STRIPPED",
              static_cast<int>(CodeKind::kStrippedTypeScript));
  SetConstant(context, kinds, "TRANSFORMED",
              static_cast<int>(CodeKind::kTransformedTypeScript));
  SetConstant(context, kinds, "TRANSFORMED_WITH_SOURCE_MAPS",
              static_cast<int>(CodeKind::kTransformedTypeScriptWithSourceMaps));
  SetValue(context, target, "transpileKinds", kinds);
  Local<Object> status = Object::New(isolate);
  SetConstant(context, status, "FAILED",
              static_cast<int>(EnableStatus::kFailed));
  SetConstant(context, status, "ENABLED",
              static_cast<int>(EnableStatus::kEnabled));
  SetConstant(context, status, "ALREADY_ENABLED",
              static_cast<int>(EnableStatus::kAlreadyEnabled));
  SetConstant(context, status, "DISABLED",
              static_cast<int>(EnableStatus::kDisabled));
  SetValue(context, target, "status", status);
}

void RegisterExternalReferences(ExternalReferenceRegistry* registry) {
  registry->Register(Enable);
  registry->Register(GetCacheDir);
  registry->Register(Flush);
  registry->Register(GetTranspiled);
  registry->Register(KeepTranspiled);
}

}  // namespace
}  // namespace lode::compile_cache

LODE_BINDING_CONTEXT_AWARE_INTERNAL(compile_cache,
                                    lode::compile_cache::Initialize)
LODE_BINDING_EXTERNAL_REFERENCE(compile_cache,
                                lode::compile_cache::RegisterExternalReferences)
