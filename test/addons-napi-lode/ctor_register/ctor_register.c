// An addon that registers with napi_module_register() from a static
// constructor (the way NAPI_MODULE worked before Node-API 4's symbol).
#include <node_api.h>

static int loads = 0;

static napi_value Init(napi_env env, napi_value exports) {
  napi_value value;
  loads++;
  if (napi_create_int32(env, loads, &value) != napi_ok) return NULL;
  if (napi_set_named_property(env, exports, "loads", value) != napi_ok) {
    return NULL;
  }
  return exports;
}

static napi_module module = {NAPI_MODULE_VERSION, 0,    __FILE__, Init,
                             "ctor_register",     NULL, {0}};

__attribute__((constructor)) static void Register(void) {
  napi_module_register(&module);
}
