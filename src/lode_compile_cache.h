// The on-disk compile cache (module.enableCompileCache(), NODE_COMPILE_CACHE):
// V8's code cache of each CommonJS and ES module file lode compiles, kept
// in a directory and handed back to V8 on later runs so that they skip
// parsing and bytecode generation.
//
// Layout: <dir>/<tag>/<key>, where <tag> names everything that makes a code
// cache unusable elsewhere (lode and Node versions, architecture, V8's
// cached-data tag, which covers V8's version and flags, and the user id),
// and <key> is a 64-bit hash of the module kind and file name, in hex. A
// cache file starts with a fixed header (see lode_compile_cache.cc), then
// the file name it belongs to, then V8's data; every part is checked
// before V8 sees the data, and anything that does not match is a miss.
#ifndef SRC_LODE_COMPILE_CACHE_H_
#define SRC_LODE_COMPILE_CACHE_H_

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>

#include "env.h"
#include "v8.h"

namespace lode::compile_cache {

enum class CodeKind : uint8_t { kCommonJS = 0, kESM = 1 };

// module.constants.compileCacheStatus, in Node's order.
enum class EnableStatus : uint8_t {
  kFailed = 0,
  kEnabled = 1,
  kAlreadyEnabled = 2,
  kDisabled = 3,
};

// One compiled file's cache, in memory from its first compile until the
// cache is written out.
struct Entry {
  CodeKind kind;
  std::string source_name;  // as given: a path (CommonJS) or a URL (ESM)
  std::string key_name;     // what the key hashes (relative when portable)
  std::string cache_path;
  uint32_t code_length = 0;
  uint32_t code_hash = 0;
  // V8's data: read from disk (accepted or not yet tried) or produced after
  // this run's compile. Null when there is none yet.
  std::unique_ptr<v8::ScriptCompiler::CachedData> data;
  bool produced = false;   // `data` is new in this run: write it out
  bool persisted = false;  // and it was written

  const char* kind_name() const {
    return kind == CodeKind::kCommonJS ? "CommonJS" : "ESM";
  }
};

class Handler : public BindingData {
 public:
  explicit Handler(bool debug) : debug_(debug) {}

  // The cache of `code` compiled as `filename`: read from disk the first
  // time this file is seen (or after its source changed). Never null.
  Entry* Lookup(v8::Isolate* isolate, v8::Local<v8::String> code,
                v8::Local<v8::String> filename, CodeKind kind);
  // A view of the entry's data for V8 to consume (the entry keeps owning
  // the bytes), or null when there is nothing to try.
  static v8::ScriptCompiler::CachedData* DataForCompile(Entry* entry);
  // After a successful compile: keeps an accepted cache, otherwise makes a
  // new one from what V8 just compiled.
  void AfterCompile(Entry* entry, v8::Local<v8::Function> fn, bool rejected);
  void AfterCompile(Entry* entry, v8::Local<v8::Module> module,
                    bool rejected);
  // Writes every cache produced in this run, then forgets all entries.
  void Persist();

  // Whether the code of `source_name` came from a cache file. V8 10.2 does
  // not keep a script's host-defined options through its code cache, so
  // import() in such code cannot tell its referrer: module_wrap asks here.
  bool WasRestored(const std::string& source_name) const {
    return restored_.count(source_name) != 0;
  }

  const std::string& directory() const { return directory_; }
  bool debug() const { return debug_; }

  // Sets up <base>/<tag>. Fills `message` on failure.
  bool Open(const std::string& base, bool portable, std::string* message);

 private:
  void Debug(const char* format, ...) const
      __attribute__((format(printf, 2, 3)));
  void ReadCacheFile(Entry* entry);
  void KeepNew(Entry* entry, v8::ScriptCompiler::CachedData* data,
               bool rejected);

  bool debug_;
  bool portable_ = false;
  std::string directory_;  // <base>/<tag>
  std::unordered_map<uint64_t, std::unique_ptr<Entry>> entries_;
  std::unordered_set<std::string> restored_;
};

// The environment's handler, or null when the cache is off.
Handler* GetHandler(Environment* env);

}  // namespace lode::compile_cache

#endif  // SRC_LODE_COMPILE_CACHE_H_
