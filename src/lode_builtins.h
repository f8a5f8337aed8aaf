// The lib/ sources embedded by tools/js2c.py, and their compilation into
// functions. At run time lode never reads lib/ from disk.
#ifndef SRC_LODE_BUILTINS_H_
#define SRC_LODE_BUILTINS_H_

#include <cstddef>
#include <cstdint>

#include "v8.h"

namespace lode::builtins {

struct BuiltinSource {
  const char* id;
  const void* data;  // uint8_t Latin-1 or uint16_t UTF-16 code units
  size_t length;     // in code units
  bool one_byte;
};

extern const BuiltinSource kBuiltinSources[];
extern const size_t kBuiltinSourceCount;

const BuiltinSource* Find(const char* id);
v8::MaybeLocal<v8::String> GetSource(v8::Isolate* isolate,
                                     const BuiltinSource* source);

// Compiles builtin `id` as a function of `params` (the module wrapper
// parameters for ordinary lib/ files); `eager`: its inner functions too,
// instead of on their first call.
v8::MaybeLocal<v8::Function> CompileBuiltin(
    v8::Local<v8::Context> context, const char* id, size_t param_count,
    const char* const params[], bool eager = false);

// The parameters every ordinary lib/ file is compiled with.
extern const char* const kModuleParams[];
extern const size_t kModuleParamCount;

}  // namespace lode::builtins

#endif  // SRC_LODE_BUILTINS_H_
