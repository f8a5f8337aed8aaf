// lode's Node-API test addon for napi_set_named_property and
// napi_set_property: each call answers the napi_status of the store, so the
// test sees what the addon sees (an exception the store caught is rethrown
// to JS when the function returns, as always).
#include <node_api.h>

#define NAME_MAX_BYTES 64

static napi_value Status(napi_env env, napi_status status) {
  napi_value result = NULL;
  napi_create_int32(env, (int32_t)status, &result);
  return result;
}

// setNamed(obj, name, value): napi_set_named_property's status.
static napi_value SetNamed(napi_env env, napi_callback_info info) {
  size_t argc = 3;
  napi_value argv[3];
  char name[NAME_MAX_BYTES];
  size_t length = 0;
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok ||
      argc < 3 ||
      napi_get_value_string_utf8(env, argv[1], name, sizeof(name), &length) !=
          napi_ok) {
    napi_throw_type_error(env, NULL, "setNamed(obj, name, value)");
    return NULL;
  }
  return Status(env, napi_set_named_property(env, argv[0], name, argv[2]));
}

// setProperty(obj, key, value): napi_set_property's status.
static napi_value SetProperty(napi_env env, napi_callback_info info) {
  size_t argc = 3;
  napi_value argv[3];
  if (napi_get_cb_info(env, info, &argc, argv, NULL, NULL) != napi_ok ||
      argc < 3) {
    napi_throw_type_error(env, NULL, "setProperty(obj, key, value)");
    return NULL;
  }
  return Status(env, napi_set_property(env, argv[0], argv[1], argv[2]));
}

// point(x): a new object with x and y (= 1) set by name, as addons build
// their results.
static napi_value Point(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value x = NULL;
  napi_value y = NULL;
  napi_value obj = NULL;
  if (napi_get_cb_info(env, info, &argc, &x, NULL, NULL) != napi_ok ||
      argc < 1 || napi_create_object(env, &obj) != napi_ok ||
      napi_create_int32(env, 1, &y) != napi_ok ||
      napi_set_named_property(env, obj, "x", x) != napi_ok ||
      napi_set_named_property(env, obj, "y", y) != napi_ok) {
    return NULL;
  }
  return obj;
}

NAPI_MODULE_INIT() {
  napi_property_descriptor props[] = {
    { "setNamed", NULL, SetNamed, NULL, NULL, NULL, napi_enumerable, NULL },
    { "setProperty", NULL, SetProperty, NULL, NULL, NULL, napi_enumerable,
      NULL },
    { "point", NULL, Point, NULL, NULL, NULL, napi_enumerable, NULL },
  };
  if (napi_define_properties(env, exports, sizeof(props) / sizeof(props[0]),
                             props) != napi_ok) {
    return NULL;
  }
  return exports;
}
