// Node-API: loading addons. process.dlopen(module, filename, flags) opens
// the library and finds its entry point the two ways addons declare one:
// the napi_register_module_v1 symbol (NAPI_MODULE), or a napi_module handed
// to napi_module_register() by a static constructor while the library
// loads. Addons written against V8/NAN (node_module_register, or a
// node_register_module_v<ABI> symbol) get a clear error: lode runs Node-API
// addons only.
#include <dlfcn.h>

#include <mutex>
#include <string>
#include <unordered_map>

#include "lode_errors.h"
#include "lode_napi.h"
#include "lode_version.h"

namespace lode::napi {

using v8::Context;
using v8::FunctionCallbackInfo;
using v8::Isolate;
using v8::Local;
using v8::Object;
using v8::String;
using v8::Value;

namespace {

// What the static constructors of the library being opened registered
// (dlopen runs them on the calling thread).
thread_local napi_module* pending_napi_module = nullptr;
thread_local bool pending_legacy_module = false;
thread_local int pending_legacy_version = 0;

// Libraries registered through napi_module_register: opening one again
// does not run its constructors again.
std::mutex& RegisteredMutex() {
  static std::mutex* mutex = new std::mutex();
  return *mutex;
}
std::unordered_map<void*, napi_module*>& RegisteredModules() {
  static auto* modules = new std::unordered_map<void*, napi_module*>();
  return *modules;
}

// A file: URL for an absolute path (node_api_get_module_file_name).
std::string FileUrl(const std::string& path) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string url = "file://";
  for (unsigned char c : path) {
    bool keep = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
                (c >= '0' && c <= '9') ||
                strchr("/-._~!$&'()*+,;=:@", c) != nullptr;
    if (c == 0) break;
    if (keep) {
      url += static_cast<char>(c);
    } else {
      url += '%';
      url += kHex[c >> 4];
      url += kHex[c & 15];
    }
  }
  return url;
}

// Runs an addon's entry point on `exports` and, when it returns another
// object, makes that module.exports.
void RegisterAddon(Environment* lode_env, Local<Object> module,
                   Local<Object> exports, napi_addon_register_func init,
                   int32_t api_version) {
  Isolate* isolate = lode_env->isolate();
  Local<Context> context = lode_env->context();
  if (init == nullptr) {
    isolate->ThrowException(v8::Exception::Error(
        FIXED_ONE_BYTE_STRING(isolate, "Module has no declared entry point.")));
    return;
  }
  std::string filename;
  Local<Value> filename_value;
  if (module->Get(context, FIXED_ONE_BYTE_STRING(isolate, "filename"))
          .ToLocal(&filename_value) &&
      filename_value->IsString()) {
    filename = FileUrl(Utf8Value(isolate, filename_value).ToString());
  }
  // The shared state first: its teardown must come after the env's.
  GetEnvState(lode_env);
  napi_env env = new napi_env__(lode_env, context, filename, api_version);
  lode_env->AddCleanupHook([env] { env->TearDown(); });

  napi_value returned = nullptr;
  env->CallIntoModuleThrow(
      [&](napi_env e) { returned = init(e, ToNapi(exports)); });
  if (returned != nullptr && returned != ToNapi(exports)) {
    napi_set_named_property(env, ToNapi(module), "exports", returned);
  }
}

}  // namespace

void DLOpen(const FunctionCallbackInfo<Value>& args) {
  Environment* env = Environment::GetCurrent(args);
  Isolate* isolate = args.GetIsolate();
  Local<Context> context = isolate->GetCurrentContext();
  if (args.Length() < 2) {
    return THROW_ERR_MISSING_ARGS(isolate,
                                  "process.dlopen needs at least 2 arguments");
  }
  const Options* options = env->options();
  if (!options->GetBool("--addons") || (options->GetBool("--permission") &&
                                        !options->GetBool("--allow-addons"))) {
    Local<Value> error = v8::Exception::Error(FIXED_ONE_BYTE_STRING(
        isolate,
        "Cannot load native addon because loading addons is disabled."));
    if (error.As<Object>()
            ->Set(context, FIXED_ONE_BYTE_STRING(isolate, "code"),
                  FIXED_ONE_BYTE_STRING(isolate, "ERR_DLOPEN_DISABLED"))
            .IsJust()) {
      isolate->ThrowException(error);
    }
    return;
  }
  int32_t flags = RTLD_LAZY;
  if (args.Length() > 2 && !args[2]->Int32Value(context).To(&flags)) {
    return THROW_ERR_INVALID_ARG_TYPE(isolate,
                                      "flag argument must be an integer.");
  }
  Local<Object> module;
  Local<Value> exports_value;
  Local<Object> exports;
  if (!args[0]->ToObject(context).ToLocal(&module) ||
      !module->Get(context, FIXED_ONE_BYTE_STRING(isolate, "exports"))
           .ToLocal(&exports_value) ||
      !exports_value->ToObject(context).ToLocal(&exports)) {
    return;
  }
  Local<String> filename_value;
  if (!args[1]->ToString(context).ToLocal(&filename_value)) return;
  Utf8Value filename(isolate, filename_value);

  pending_napi_module = nullptr;
  pending_legacy_module = false;
  dlerror();
  void* handle = dlopen(*filename, flags);
  if (handle == nullptr) {
    const char* error = dlerror();
    return THROW_ERR_DLOPEN_FAILED(isolate,
                                   error != nullptr ? error : "dlopen failed");
  }
  napi_module* registered = pending_napi_module;
  pending_napi_module = nullptr;
  bool legacy = pending_legacy_module;
  pending_legacy_module = false;

  if (registered != nullptr) {
    std::lock_guard<std::mutex> lock(RegisteredMutex());
    RegisteredModules()[handle] = registered;
  } else {
    std::lock_guard<std::mutex> lock(RegisteredMutex());
    auto it = RegisteredModules().find(handle);
    if (it != RegisteredModules().end()) registered = it->second;
  }
  if (registered != nullptr) {
    return RegisterAddon(env, module, exports, registered->nm_register_func,
                         kDefaultModuleVersion);
  }

  auto init = reinterpret_cast<napi_addon_register_func>(
      dlsym(handle, "napi_register_module_v1"));
  if (init != nullptr) {
    int32_t version = kDefaultModuleVersion;
    auto get_version = reinterpret_cast<node_api_addon_get_api_version_func>(
        dlsym(handle, "node_api_module_get_api_version_v1"));
    if (get_version != nullptr) version = get_version();
    return RegisterAddon(env, module, exports, init, version);
  }

  // A context-aware V8/NAN addon exports node_register_module_v<ABI>, the
  // ABI of the Node it was built for.
  int legacy_version = legacy ? pending_legacy_version : 0;
  for (int abi = 1; !legacy && abi <= LODE_NODE_MODULE_VERSION + 100; abi++) {
    std::string symbol = "node_register_module_v" + std::to_string(abi);
    if (dlsym(handle, symbol.c_str()) != nullptr) {
      legacy = true;
      legacy_version = abi;
    }
  }
  std::string message;
  if (legacy) {
    message = "The module '" + filename.ToString() +
              "' is an addon for the V8/NAN C++ API (NODE_MODULE_VERSION " +
              std::to_string(legacy_version) + ")";
    message +=
        ". lode loads Node-API addons only; a Node-API build of the "
        "package (or one using node-addon-api) works.";
  } else {
    message = "Module did not self-register: '" + filename.ToString() + "'.";
  }
  dlclose(handle);
  THROW_ERR_DLOPEN_FAILED(isolate, message);
}

}  // namespace lode::napi

extern "C" {

void NAPI_CDECL napi_module_register(napi_module* mod) {
  lode::napi::pending_napi_module = mod;
}

// The registration call of V8/NAN addons (node.h's NODE_MODULE): lode
// notes it, so that loading such an addon fails with a clear message
// instead of running code written against another runtime's internals.
NAPI_EXTERN void node_module_register(void* mod) {
  lode::napi::pending_legacy_module = true;
  lode::napi::pending_legacy_version =
      mod == nullptr ? 0 : *static_cast<int*>(mod);
}

}  // extern "C"

// Every function lode exports to addons. Referencing them here links every
// lode_napi_*.cc object into the executable (it is built from a static
// library), so that -rdynamic exports them all.
extern "C" {
__attribute__((used)) const void* lode_napi_exported_functions[] = {
    reinterpret_cast<const void*>(&napi_acquire_threadsafe_function),
    reinterpret_cast<const void*>(&napi_add_async_cleanup_hook),
    reinterpret_cast<const void*>(&napi_add_env_cleanup_hook),
    reinterpret_cast<const void*>(&napi_add_finalizer),
    reinterpret_cast<const void*>(&napi_adjust_external_memory),
    reinterpret_cast<const void*>(&napi_async_destroy),
    reinterpret_cast<const void*>(&napi_async_init),
    reinterpret_cast<const void*>(&napi_call_function),
    reinterpret_cast<const void*>(&napi_call_threadsafe_function),
    reinterpret_cast<const void*>(&napi_cancel_async_work),
    reinterpret_cast<const void*>(&napi_check_object_type_tag),
    reinterpret_cast<const void*>(&napi_close_callback_scope),
    reinterpret_cast<const void*>(&napi_close_escapable_handle_scope),
    reinterpret_cast<const void*>(&napi_close_handle_scope),
    reinterpret_cast<const void*>(&napi_coerce_to_bool),
    reinterpret_cast<const void*>(&napi_coerce_to_number),
    reinterpret_cast<const void*>(&napi_coerce_to_object),
    reinterpret_cast<const void*>(&napi_coerce_to_string),
    reinterpret_cast<const void*>(&napi_create_array),
    reinterpret_cast<const void*>(&napi_create_array_with_length),
    reinterpret_cast<const void*>(&napi_create_arraybuffer),
    reinterpret_cast<const void*>(&napi_create_async_work),
    reinterpret_cast<const void*>(&napi_create_bigint_int64),
    reinterpret_cast<const void*>(&napi_create_bigint_uint64),
    reinterpret_cast<const void*>(&napi_create_bigint_words),
    reinterpret_cast<const void*>(&napi_create_buffer),
    reinterpret_cast<const void*>(&napi_create_buffer_copy),
    reinterpret_cast<const void*>(&napi_create_dataview),
    reinterpret_cast<const void*>(&napi_create_date),
    reinterpret_cast<const void*>(&napi_create_double),
    reinterpret_cast<const void*>(&napi_create_error),
    reinterpret_cast<const void*>(&napi_create_external),
    reinterpret_cast<const void*>(&napi_create_external_arraybuffer),
    reinterpret_cast<const void*>(&napi_create_external_buffer),
    reinterpret_cast<const void*>(&napi_create_function),
    reinterpret_cast<const void*>(&napi_create_int32),
    reinterpret_cast<const void*>(&napi_create_int64),
    reinterpret_cast<const void*>(&napi_create_object),
    reinterpret_cast<const void*>(&napi_create_object_with_properties),
    reinterpret_cast<const void*>(&napi_create_promise),
    reinterpret_cast<const void*>(&napi_create_range_error),
    reinterpret_cast<const void*>(&napi_create_reference),
    reinterpret_cast<const void*>(&napi_create_string_latin1),
    reinterpret_cast<const void*>(&napi_create_string_utf16),
    reinterpret_cast<const void*>(&napi_create_string_utf8),
    reinterpret_cast<const void*>(&napi_create_symbol),
    reinterpret_cast<const void*>(&napi_create_threadsafe_function),
    reinterpret_cast<const void*>(&napi_create_type_error),
    reinterpret_cast<const void*>(&napi_create_typedarray),
    reinterpret_cast<const void*>(&napi_create_uint32),
    reinterpret_cast<const void*>(&napi_define_class),
    reinterpret_cast<const void*>(&napi_define_properties),
    reinterpret_cast<const void*>(&napi_delete_async_work),
    reinterpret_cast<const void*>(&napi_delete_element),
    reinterpret_cast<const void*>(&napi_delete_property),
    reinterpret_cast<const void*>(&napi_delete_reference),
    reinterpret_cast<const void*>(&napi_detach_arraybuffer),
    reinterpret_cast<const void*>(&napi_escape_handle),
    reinterpret_cast<const void*>(&napi_fatal_error),
    reinterpret_cast<const void*>(&napi_fatal_exception),
    reinterpret_cast<const void*>(&napi_get_all_property_names),
    reinterpret_cast<const void*>(&napi_get_and_clear_last_exception),
    reinterpret_cast<const void*>(&napi_get_array_length),
    reinterpret_cast<const void*>(&napi_get_arraybuffer_info),
    reinterpret_cast<const void*>(&napi_get_boolean),
    reinterpret_cast<const void*>(&napi_get_buffer_info),
    reinterpret_cast<const void*>(&napi_get_cb_info),
    reinterpret_cast<const void*>(&napi_get_dataview_info),
    reinterpret_cast<const void*>(&napi_get_date_value),
    reinterpret_cast<const void*>(&napi_get_element),
    reinterpret_cast<const void*>(&napi_get_global),
    reinterpret_cast<const void*>(&napi_get_instance_data),
    reinterpret_cast<const void*>(&napi_get_last_error_info),
    reinterpret_cast<const void*>(&napi_get_named_property),
    reinterpret_cast<const void*>(&napi_get_new_target),
    reinterpret_cast<const void*>(&napi_get_node_version),
    reinterpret_cast<const void*>(&napi_get_null),
    reinterpret_cast<const void*>(&napi_get_property),
    reinterpret_cast<const void*>(&napi_get_property_names),
    reinterpret_cast<const void*>(&napi_get_prototype),
    reinterpret_cast<const void*>(&napi_get_reference_value),
    reinterpret_cast<const void*>(&napi_get_threadsafe_function_context),
    reinterpret_cast<const void*>(&napi_get_typedarray_info),
    reinterpret_cast<const void*>(&napi_get_undefined),
    reinterpret_cast<const void*>(&napi_get_uv_event_loop),
    reinterpret_cast<const void*>(&napi_get_value_bigint_int64),
    reinterpret_cast<const void*>(&napi_get_value_bigint_uint64),
    reinterpret_cast<const void*>(&napi_get_value_bigint_words),
    reinterpret_cast<const void*>(&napi_get_value_bool),
    reinterpret_cast<const void*>(&napi_get_value_double),
    reinterpret_cast<const void*>(&napi_get_value_external),
    reinterpret_cast<const void*>(&napi_get_value_int32),
    reinterpret_cast<const void*>(&napi_get_value_int64),
    reinterpret_cast<const void*>(&napi_get_value_string_latin1),
    reinterpret_cast<const void*>(&napi_get_value_string_utf16),
    reinterpret_cast<const void*>(&napi_get_value_string_utf8),
    reinterpret_cast<const void*>(&napi_get_value_uint32),
    reinterpret_cast<const void*>(&napi_get_version),
    reinterpret_cast<const void*>(&napi_has_element),
    reinterpret_cast<const void*>(&napi_has_named_property),
    reinterpret_cast<const void*>(&napi_has_own_property),
    reinterpret_cast<const void*>(&napi_has_property),
    reinterpret_cast<const void*>(&napi_instanceof),
    reinterpret_cast<const void*>(&napi_is_array),
    reinterpret_cast<const void*>(&napi_is_arraybuffer),
    reinterpret_cast<const void*>(&napi_is_buffer),
    reinterpret_cast<const void*>(&napi_is_dataview),
    reinterpret_cast<const void*>(&napi_is_date),
    reinterpret_cast<const void*>(&napi_is_detached_arraybuffer),
    reinterpret_cast<const void*>(&napi_is_error),
    reinterpret_cast<const void*>(&napi_is_exception_pending),
    reinterpret_cast<const void*>(&napi_is_promise),
    reinterpret_cast<const void*>(&napi_is_typedarray),
    reinterpret_cast<const void*>(&napi_make_callback),
    reinterpret_cast<const void*>(&napi_module_register),
    reinterpret_cast<const void*>(&napi_new_instance),
    reinterpret_cast<const void*>(&napi_object_freeze),
    reinterpret_cast<const void*>(&napi_object_seal),
    reinterpret_cast<const void*>(&napi_open_callback_scope),
    reinterpret_cast<const void*>(&napi_open_escapable_handle_scope),
    reinterpret_cast<const void*>(&napi_open_handle_scope),
    reinterpret_cast<const void*>(&napi_queue_async_work),
    reinterpret_cast<const void*>(&napi_ref_threadsafe_function),
    reinterpret_cast<const void*>(&napi_reference_ref),
    reinterpret_cast<const void*>(&napi_reference_unref),
    reinterpret_cast<const void*>(&napi_reject_deferred),
    reinterpret_cast<const void*>(&napi_release_threadsafe_function),
    reinterpret_cast<const void*>(&napi_remove_async_cleanup_hook),
    reinterpret_cast<const void*>(&napi_remove_env_cleanup_hook),
    reinterpret_cast<const void*>(&napi_remove_wrap),
    reinterpret_cast<const void*>(&napi_resolve_deferred),
    reinterpret_cast<const void*>(&napi_run_script),
    reinterpret_cast<const void*>(&napi_set_element),
    reinterpret_cast<const void*>(&napi_set_instance_data),
    reinterpret_cast<const void*>(&napi_set_named_property),
    reinterpret_cast<const void*>(&napi_set_property),
    reinterpret_cast<const void*>(&napi_strict_equals),
    reinterpret_cast<const void*>(&napi_throw),
    reinterpret_cast<const void*>(&napi_throw_error),
    reinterpret_cast<const void*>(&napi_throw_range_error),
    reinterpret_cast<const void*>(&napi_throw_type_error),
    reinterpret_cast<const void*>(&napi_type_tag_object),
    reinterpret_cast<const void*>(&napi_typeof),
    reinterpret_cast<const void*>(&napi_unref_threadsafe_function),
    reinterpret_cast<const void*>(&napi_unwrap),
    reinterpret_cast<const void*>(&napi_wrap),
    reinterpret_cast<const void*>(&node_api_create_buffer_from_arraybuffer),
    reinterpret_cast<const void*>(&node_api_create_external_sharedarraybuffer),
    reinterpret_cast<const void*>(&node_api_create_external_string_latin1),
    reinterpret_cast<const void*>(&node_api_create_external_string_utf16),
    reinterpret_cast<const void*>(&node_api_create_object_with_properties),
    reinterpret_cast<const void*>(&node_api_create_property_key_latin1),
    reinterpret_cast<const void*>(&node_api_create_property_key_utf16),
    reinterpret_cast<const void*>(&node_api_create_property_key_utf8),
    reinterpret_cast<const void*>(&node_api_create_sharedarraybuffer),
    reinterpret_cast<const void*>(&node_api_create_syntax_error),
    reinterpret_cast<const void*>(&node_api_get_module_file_name),
    reinterpret_cast<const void*>(&node_api_is_sharedarraybuffer),
    reinterpret_cast<const void*>(&node_api_post_finalizer),
    reinterpret_cast<const void*>(&node_api_symbol_for),
    reinterpret_cast<const void*>(&node_api_throw_syntax_error),
    reinterpret_cast<const void*>(&node_module_register),
    nullptr,
};
}  // extern "C"
