// The registry of C++ binding modules reachable from lib/ through
// internalBinding(name). Adding a binding: write src/lode_<name>.cc ending in
// the two LODE_BINDING_* macros below, and add V(name) to
// LODE_BUILTIN_BINDINGS in lode_binding.cc.
#ifndef SRC_LODE_BINDING_H_
#define SRC_LODE_BINDING_H_

#include <cstdint>
#include <vector>

#include "v8.h"

namespace lode {

// Every native function a binding exposes is registered here, so that a V8
// startup snapshot of the bootstrap can refer to it.
class ExternalReferenceRegistry {
 public:
  template <typename T>
  void Register(T* address) {
    refs_.push_back(reinterpret_cast<intptr_t>(address));
  }
  // The zero-terminated list V8's SnapshotCreator and Isolate::CreateParams
  // take.
  const std::vector<intptr_t>& external_references();

 private:
  std::vector<intptr_t> refs_;
  bool sealed_ = false;
};

using BindingInitializer = void (*)(v8::Local<v8::Object> target,
                                    v8::Local<v8::Value> unused,
                                    v8::Local<v8::Context> context,
                                    void* priv);
using ExternalReferenceRegisterer = void (*)(ExternalReferenceRegistry*);

namespace binding {

struct BindingModule {
  const char* name;
  BindingInitializer initialize;
  ExternalReferenceRegisterer register_external_references;
};

// The binding called `name`, or nullptr.
const BindingModule* Find(const char* name);
const BindingModule* List(size_t* count);
void RegisterAllExternalReferences(ExternalReferenceRegistry* registry);

}  // namespace binding
}  // namespace lode

#define LODE_BINDING_CONTEXT_AWARE_INTERNAL(modname, fn)                    \
  void _lode_binding_init_##modname(v8::Local<v8::Object> target,          \
                                    v8::Local<v8::Value> unused,           \
                                    v8::Local<v8::Context> context,        \
                                    void* priv) {                          \
    fn(target, unused, context, priv);                                     \
  }

#define LODE_BINDING_EXTERNAL_REFERENCE(modname, fn)                        \
  void _lode_binding_refs_##modname(lode::ExternalReferenceRegistry* r) {  \
    fn(r);                                                                 \
  }

#endif  // SRC_LODE_BINDING_H_
