// lode's Node-API test addon for the fast paths of napi_create_object, the
// number getters and creators and napi_typeof: each function hands back
// what the runtime answered, status included, so the test can hold it to
// Node's answers.
#include <node_api.h>

// Builds { status, value } (value only when the status is napi_ok).
static napi_value Answer(napi_env env, napi_status status, napi_value value) {
  napi_value result;
  napi_value status_value;
  napi_create_object(env, &result);
  napi_create_int32(env, (int32_t)status, &status_value);
  napi_set_named_property(env, result, "status", status_value);
  if (status == napi_ok) napi_set_named_property(env, result, "value", value);
  return result;
}

static napi_value FirstArgument(napi_env env, napi_callback_info info) {
  size_t argc = 1;
  napi_value arg = NULL;
  napi_get_cb_info(env, info, &argc, &arg, NULL, NULL);
  return arg;
}

// getDouble(v) / getInt32(v) / getUint32(v) / getInt64(v): the number
// napi_get_value_* reads from v (int64 as a string: it may not fit a
// double).
static napi_value GetDouble(napi_env env, napi_callback_info info) {
  double d = 0;
  napi_value value = NULL;
  napi_status status =
      napi_get_value_double(env, FirstArgument(env, info), &d);
  if (status == napi_ok) napi_create_double(env, d, &value);
  return Answer(env, status, value);
}

static napi_value GetInt32(napi_env env, napi_callback_info info) {
  int32_t i = 0;
  napi_value value = NULL;
  napi_status status = napi_get_value_int32(env, FirstArgument(env, info), &i);
  if (status == napi_ok) napi_create_int32(env, i, &value);
  return Answer(env, status, value);
}

static napi_value GetUint32(napi_env env, napi_callback_info info) {
  uint32_t u = 0;
  napi_value value = NULL;
  napi_status status =
      napi_get_value_uint32(env, FirstArgument(env, info), &u);
  if (status == napi_ok) napi_create_uint32(env, u, &value);
  return Answer(env, status, value);
}

static napi_value GetInt64(napi_env env, napi_callback_info info) {
  int64_t i = 0;
  napi_value value = NULL;
  napi_status status = napi_get_value_int64(env, FirstArgument(env, info), &i);
  if (status == napi_ok) napi_create_bigint_int64(env, i, &value);
  return Answer(env, status, value);
}

// createDouble(v): napi_create_double of the double v holds.
static napi_value CreateDouble(napi_env env, napi_callback_info info) {
  double d = 0;
  napi_value value = NULL;
  napi_get_value_double(env, FirstArgument(env, info), &d);
  napi_create_double(env, d, &value);
  return value;
}

// createInt64(big): napi_create_int64 of the BigInt big (lossless).
static napi_value CreateInt64(napi_env env, napi_callback_info info) {
  int64_t i = 0;
  bool lossless = false;
  napi_value value = NULL;
  napi_get_value_bigint_int64(env, FirstArgument(env, info), &i, &lossless);
  napi_create_int64(env, i, &value);
  return value;
}

// typeOf(v): napi_typeof's answer.
static napi_value TypeOf(napi_env env, napi_callback_info info) {
  napi_valuetype type = napi_undefined;
  napi_value value = NULL;
  napi_status status = napi_typeof(env, FirstArgument(env, info), &type);
  napi_create_int32(env, (int32_t)type, &value);
  return Answer(env, status, value);
}

// createObject(): napi_create_object.
static napi_value CreateObject(napi_env env, napi_callback_info info) {
  napi_value obj = NULL;
  (void)info;
  napi_create_object(env, &obj);
  return obj;
}

// callAndCreate(fn): calls fn(), then returns a new object (fn may have
// run JS in another context meanwhile).
static napi_value CallAndCreate(napi_env env, napi_callback_info info) {
  napi_value global;
  napi_value obj = NULL;
  napi_get_global(env, &global);
  if (napi_call_function(env, global, FirstArgument(env, info), 0, NULL,
                         NULL) != napi_ok) {
    return NULL;
  }
  napi_create_object(env, &obj);
  return obj;
}

NAPI_MODULE_INIT() {
  napi_property_descriptor props[] = {
    { "getDouble", NULL, GetDouble, NULL, NULL, NULL, napi_enumerable, NULL },
    { "getInt32", NULL, GetInt32, NULL, NULL, NULL, napi_enumerable, NULL },
    { "getUint32", NULL, GetUint32, NULL, NULL, NULL, napi_enumerable, NULL },
    { "getInt64", NULL, GetInt64, NULL, NULL, NULL, napi_enumerable, NULL },
    { "createDouble", NULL, CreateDouble, NULL, NULL, NULL, napi_enumerable,
      NULL },
    { "createInt64", NULL, CreateInt64, NULL, NULL, NULL, napi_enumerable,
      NULL },
    { "typeOf", NULL, TypeOf, NULL, NULL, NULL, napi_enumerable, NULL },
    { "createObject", NULL, CreateObject, NULL, NULL, NULL, napi_enumerable,
      NULL },
    { "callAndCreate", NULL, CallAndCreate, NULL, NULL, NULL, napi_enumerable,
      NULL },
  };
  if (napi_define_properties(env, exports, sizeof(props) / sizeof(props[0]),
                             props) != napi_ok) {
    return NULL;
  }
  return exports;
}
