// lode's Node-API test addon for the UTF-8 property names of
// napi_{set,get,has}_named_property: every name is copied into the same
// buffer before the call, so that a runtime caching keys by address would
// hand out a stale key.
#include <node_api.h>
#include <string.h>

#define NAME_MAX_BYTES 256

static char name_buffer[NAME_MAX_BYTES];

// Copies the string `value` into name_buffer; false if it does not fit.
static int CopyName(napi_env env, napi_value value) {
  size_t length = 0;
  if (napi_get_value_string_utf8(env, value, name_buffer, sizeof(name_buffer),
                                 &length) != napi_ok) {
    return 0;
  }
  return length + 1 < sizeof(name_buffer);
}

// setNamed(obj, names): obj[names[i]] = i through napi_set_named_property.
static napi_value SetNamed(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2];
  uint32_t count = 0;
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  if (argc < 2 || napi_get_array_length(env, argv[1], &count) != napi_ok) {
    napi_throw_type_error(env, NULL, "setNamed(obj, names)");
    return NULL;
  }
  for (uint32_t i = 0; i < count; i++) {
    napi_value name;
    napi_value index;
    napi_get_element(env, argv[1], i, &name);
    if (!CopyName(env, name)) {
      napi_throw_range_error(env, NULL, "name too long");
      return NULL;
    }
    napi_create_uint32(env, i, &index);
    if (napi_set_named_property(env, argv[0], name_buffer, index) != napi_ok) {
      return NULL;
    }
  }
  return NULL;
}

// getNamed(obj, names): [[has, value], ...] through
// napi_has_named_property and napi_get_named_property.
static napi_value GetNamed(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2];
  uint32_t count = 0;
  napi_value result;
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  if (argc < 2 || napi_get_array_length(env, argv[1], &count) != napi_ok) {
    napi_throw_type_error(env, NULL, "getNamed(obj, names)");
    return NULL;
  }
  napi_create_array_with_length(env, count, &result);
  for (uint32_t i = 0; i < count; i++) {
    napi_value name;
    napi_value pair;
    napi_value value;
    napi_value has_value;
    bool has = false;
    napi_get_element(env, argv[1], i, &name);
    if (!CopyName(env, name)) {
      napi_throw_range_error(env, NULL, "name too long");
      return NULL;
    }
    if (napi_has_named_property(env, argv[0], name_buffer, &has) != napi_ok ||
        napi_get_named_property(env, argv[0], name_buffer, &value) !=
            napi_ok) {
      return NULL;
    }
    napi_get_boolean(env, has, &has_value);
    napi_create_array_with_length(env, 2, &pair);
    napi_set_element(env, pair, 0, has_value);
    napi_set_element(env, pair, 1, value);
    napi_set_element(env, result, i, pair);
  }
  return result;
}

NAPI_MODULE_INIT() {
  napi_property_descriptor props[] = {
    { "setNamed", NULL, SetNamed, NULL, NULL, NULL, napi_enumerable, NULL },
    { "getNamed", NULL, GetNamed, NULL, NULL, NULL, napi_enumerable, NULL },
  };
  if (napi_define_properties(env, exports, sizeof(props) / sizeof(props[0]),
                             props) != napi_ok) {
    return NULL;
  }
  return exports;
}
