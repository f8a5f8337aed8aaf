#include "lode_binding.h"

#include <cstring>
#include <unordered_set>

// The list of bindings, called explicitly: static constructors are not
// reliable across static libraries.
#define LODE_BUILTIN_BINDINGS(V) \
  V(async_wrap)                  \
  V(builtins)                    \
  V(buffer)                      \
  V(cares_wrap)                  \
  V(constants)                   \
  V(compile_cache)               \
  V(contextify)                  \
  V(credentials)                 \
  V(crypto)                      \
  V(encoding_binding)            \
  V(errors)                      \
  V(fs)                          \
  V(fs_event_wrap)               \
  V(http_parser)                 \
  V(http2)                       \
  V(inspector)                   \
  V(js_stream)                   \
  V(locks)                       \
  V(messaging)                   \
  V(module_wrap)                 \
  V(options)                     \
  V(os)                          \
  V(performance)                 \
  V(permission)                  \
  V(report)                      \
  V(pipe_wrap)                   \
  V(process_methods)             \
  V(process_wrap)                \
  V(repl)                        \
  V(signal_wrap)                 \
  V(spawn_sync)                  \
  V(stream_wrap)                 \
  V(symbols)                     \
  V(task_queue)                  \
  V(tcp_wrap)                    \
  V(timers)                      \
  V(tls_wrap)                    \
  V(trace_events)                \
  V(tty_wrap)                    \
  V(types)                       \
  V(udp_wrap)                    \
  V(util)                        \
  V(uv)                          \
  V(zlib)                        \
  V(v8)                          \
  V(wasm_web_api)                \
  V(worker)

#define V(name)                                                          \
  void _lode_binding_init_##name(v8::Local<v8::Object>,                  \
                                 v8::Local<v8::Value>,                   \
                                 v8::Local<v8::Context>, void*);         \
  void _lode_binding_refs_##name(lode::ExternalReferenceRegistry*);
LODE_BUILTIN_BINDINGS(V)
#undef V

namespace lode {

const std::vector<intptr_t>& ExternalReferenceRegistry::external_references() {
  if (!sealed_) {
    // Shared callbacks (HandleWrap's ref/unref/close) are registered by
    // every binding that uses them: keep the first of each.
    std::vector<intptr_t> unique;
    std::unordered_set<intptr_t> seen;
    for (intptr_t ref : refs_) {
      if (seen.insert(ref).second) unique.push_back(ref);
    }
    refs_ = std::move(unique);
    refs_.push_back(0);
    sealed_ = true;
  }
  return refs_;
}

namespace binding {

static const BindingModule kBindings[] = {
#define V(name) {#name, _lode_binding_init_##name, _lode_binding_refs_##name},
    LODE_BUILTIN_BINDINGS(V)
#undef V
};

const BindingModule* Find(const char* name) {
  for (const BindingModule& mod : kBindings) {
    if (strcmp(mod.name, name) == 0) return &mod;
  }
  return nullptr;
}

const BindingModule* List(size_t* count) {
  *count = sizeof(kBindings) / sizeof(kBindings[0]);
  return kBindings;
}

void RegisterAllExternalReferences(ExternalReferenceRegistry* registry) {
  for (const BindingModule& mod : kBindings) {
    mod.register_external_references(registry);
  }
}

}  // namespace binding
}  // namespace lode
