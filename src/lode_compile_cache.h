// The on-disk compile cache (module.enableCompileCache(), NODE_COMPILE_CACHE):
// V8's code cache of each CommonJS and ES module file lode compiles, kept
// in a directory and handed back to V8 on later runs so that they skip
// parsing and bytecode generation; and for TypeScript files, the
// JavaScript amaro made of them, so that later runs skip that too.
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

// What a cache file holds: V8's code cache of a module (CommonJS, ESM), or
// the JavaScript that TypeScript became (the transpile cache, so that a
// later run skips amaro too), per the way it was made.
enum class CodeKind : uint8_t {
  kCommonJS = 0,
  kESM = 1,
  kStrippedTypeScript = 2,
  kTransformedTypeScript = 3,
  kTransformedTypeScriptWithSourceMaps = 4,
};

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
  std::string source_name;  // as given: a path (CommonJS), a URL (ESM),
                            // either or '[eval]' (TypeScript)
  std::string key_name;     // what the key hashes (relative when portable)
  std::string cache_path;
  uint32_t code_length = 0;
  uint32_t code_hash = 0;
  // V8's data (for the TypeScript kinds: the JavaScript, as UTF-8): read
  // from disk (accepted or not yet tried), or serialized from this run's
  // compile (kept from this run's transpile) when written out. Null when
  // there is none yet.
  std::unique_ptr<v8::ScriptCompiler::CachedData> data;
  // What this run compiled when there was no usable cache. Serialized only
  // when the cache is written (at exit or flush), so that the functions
  // that ran by then are in it too: a later run then compiles none of
  // them, where a cache taken right after the compile holds only the
  // top-level code.
  v8::Global<v8::Function> function;
  // (A module's script is taken at once: V8 has no way to reach it once
  // the module has been evaluated.)
  v8::Global<v8::UnboundModuleScript> module_script;
  bool produced = false;   // `data` is (or will be) new: write it out
  bool persisted = false;  // and it was written

  const char* kind_name() const {
    switch (kind) {
      case CodeKind::kCommonJS: return "CommonJS";
      case CodeKind::kESM: return "ESM";
      case CodeKind::kStrippedTypeScript: return "StrippedTypeScript";
      case CodeKind::kTransformedTypeScript: return "TransformedTypeScript";
      case CodeKind::kTransformedTypeScriptWithSourceMaps:
        return "TransformedTypeScriptWithSourceMaps";
    }
    return "?";
  }
};

class Handler : public BindingData {
 public:
  Handler(v8::Isolate* isolate, bool debug)
      : isolate_(isolate), debug_(debug) {}

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
  // The transpile cache: the JavaScript kept for `entry` (a TypeScript
  // kind), or an empty handle; Keep() stores what this run made.
  v8::Local<v8::Value> Transpiled(Entry* entry);
  void Keep(Entry* entry, v8::Local<v8::String> transpiled);
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

  // Sets up <base>/<tag>. Fills `message` on failure. Under --permission
  // the directory must be readable and writable, as in Node.
  bool Open(const Options* options, const std::string& base, bool portable,
            std::string* message);

 private:
  void Debug(const char* format, ...) const
      __attribute__((format(printf, 2, 3)));
  void ReadCacheFile(Entry* entry);
  // Whether the entry's data from disk stays; logs what happens.
  bool KeepsData(Entry* entry, bool rejected);
  void Serialize(Entry* entry);

  v8::Isolate* isolate_;
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
