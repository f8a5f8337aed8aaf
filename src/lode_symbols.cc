// internalBinding('symbols'): symbols core modules share to tag objects
// (owner_symbol, async_id_symbol, ...), one set per realm.
#include "env.h"
#include "lode_binding.h"
#include "util.h"

namespace lode::symbols {

using v8::Context;
using v8::Local;
using v8::Object;
using v8::Symbol;
using v8::Value;

namespace {

#define LODE_SHARED_SYMBOLS(V) \
  V(async_id_symbol)           \
  V(handle_onclose_symbol)     \
  V(no_message_symbol)         \
  V(messaging_deserialize_symbol) \
  V(messaging_transfer_symbol) \
  V(messaging_clone_symbol)    \
  V(messaging_transfer_list_symbol) \
  V(oninit_symbol)             \
  V(owner_symbol)              \
  V(onpskexchange_symbol)      \
  V(resource_symbol)           \
  V(trigger_async_id_symbol)   \
  V(source_text_module_default_hdo) \
  V(vm_context_no_contextify)  \
  V(vm_dynamic_import_default_internal) \
  V(vm_dynamic_import_main_context_default) \
  V(vm_dynamic_import_missing_flag) \
  V(vm_dynamic_import_no_callback) \
  V(entry_point_module_private_symbol) \
  V(fs_use_promises_symbol)    \
  V(imported_cjs_symbol)

void Initialize(Local<Object> target, Local<Value>, Local<Context> context,
                void*) {
  v8::Isolate* isolate = context->GetIsolate();
#define V(name) \
  SetValue(context, target, #name,                                   \
           Symbol::New(isolate, FIXED_ONE_BYTE_STRING(isolate, #name)));
  LODE_SHARED_SYMBOLS(V)
#undef V
}

void RegisterExternalReferences(ExternalReferenceRegistry*) {}

}  // namespace
}  // namespace lode::symbols

LODE_BINDING_CONTEXT_AWARE_INTERNAL(symbols, lode::symbols::Initialize)
LODE_BINDING_EXTERNAL_REFERENCE(symbols,
                                lode::symbols::RegisterExternalReferences)
