/* Node-API, engine-neutral part: the types.
 *
 * lode's own copy of the declarations Node-API addons are compiled against.
 * Names, layouts and enum values are the documented ABI of Node.js'
 * js_native_api_types.h (Node 24); the text is lode's. Plain C: addons
 * include it from C and from C++. */
#ifndef SRC_JS_NATIVE_API_TYPES_H_
#define SRC_JS_NATIVE_API_TYPES_H_

#include <stddef.h>
#include <stdint.h>

/* NAPI_VERSION picks the API level an addon is built for. Without a choice
 * it is 8, the level every supported Node release has; NAPI_EXPERIMENTAL
 * asks for everything, experimental functions included. */
#define NAPI_VERSION_EXPERIMENTAL 2147483647
#ifndef NAPI_VERSION
#ifdef NAPI_EXPERIMENTAL
#define NAPI_VERSION NAPI_VERSION_EXPERIMENTAL
#else
#define NAPI_VERSION 8
#endif
#endif

#if !defined(__cplusplus) || (defined(_MSC_VER) && _MSC_VER < 1900)
typedef uint16_t char16_t;
#endif

#ifndef NAPI_CDECL
#ifdef _WIN32
#define NAPI_CDECL __cdecl
#else
#define NAPI_CDECL
#endif
#endif

/* Opaque handles. Each is a pointer to a distinct incomplete struct, so
 * that the compiler tells them apart. */
typedef struct napi_env__* napi_env;

/* The environment handed to finalizers that may run while the garbage
 * collector works. With NAPI_EXPERIMENTAL it is const, so that passing it to
 * a function that may run JavaScript is a compile-time error; the opt-out
 * macros keep the old, non-const type. */
#if !defined(NAPI_EXPERIMENTAL) ||                                  \
    (defined(NAPI_EXPERIMENTAL) &&                                  \
     (defined(NODE_API_EXPERIMENTAL_NOGC_ENV_OPT_OUT) ||            \
      defined(NODE_API_EXPERIMENTAL_BASIC_ENV_OPT_OUT)))
typedef struct napi_env__* node_api_nogc_env;
#else
typedef const struct napi_env__* node_api_nogc_env;
#endif
typedef node_api_nogc_env node_api_basic_env;

typedef struct napi_value__* napi_value;
typedef struct napi_ref__* napi_ref;
typedef struct napi_handle_scope__* napi_handle_scope;
typedef struct napi_escapable_handle_scope__* napi_escapable_handle_scope;
typedef struct napi_callback_info__* napi_callback_info;
typedef struct napi_deferred__* napi_deferred;

/* Property attributes (bit flags). */
typedef enum {
  napi_default = 0,
  napi_writable = 1 << 0,
  napi_enumerable = 1 << 1,
  napi_configurable = 1 << 2,

  /* napi_define_class only: the property goes on the constructor. */
  napi_static = 1 << 10,

#if NAPI_VERSION >= 8
  /* What a class method gets in JavaScript. */
  napi_default_method = napi_writable | napi_configurable,
  /* What `obj.x = v` gives a new property. */
  napi_default_jsproperty = napi_writable | napi_enumerable | napi_configurable,
#endif
} napi_property_attributes;

/* The result of napi_typeof: typeof, plus externals. */
typedef enum {
  napi_undefined,
  napi_null,
  napi_boolean,
  napi_number,
  napi_string,
  napi_symbol,
  napi_object,
  napi_function,
  napi_external,
  napi_bigint,
} napi_valuetype;

typedef enum {
  napi_int8_array,
  napi_uint8_array,
  napi_uint8_clamped_array,
  napi_int16_array,
  napi_uint16_array,
  napi_int32_array,
  napi_uint32_array,
  napi_float32_array,
  napi_float64_array,
  napi_bigint64_array,
  napi_biguint64_array,
} napi_typedarray_type;

/* Every Node-API function returns one of these. New values are only ever
 * added at the end. */
typedef enum {
  napi_ok,
  napi_invalid_arg,
  napi_object_expected,
  napi_string_expected,
  napi_name_expected,
  napi_function_expected,
  napi_number_expected,
  napi_boolean_expected,
  napi_array_expected,
  napi_generic_failure,
  napi_pending_exception,
  napi_cancelled,
  napi_escape_called_twice,
  napi_handle_scope_mismatch,
  napi_callback_scope_mismatch,
  napi_queue_full,
  napi_closing,
  napi_bigint_expected,
  napi_date_expected,
  napi_arraybuffer_expected,
  napi_detachable_arraybuffer_expected,
  napi_would_deadlock, /* reserved, never returned */
  napi_no_external_buffers_allowed,
  napi_cannot_run_js,
} napi_status;

/* A native function callable from JavaScript. */
typedef napi_value(NAPI_CDECL* napi_callback)(napi_env env,
                                              napi_callback_info info);

/* Called when the object a native pointer belongs to goes away. */
typedef void(NAPI_CDECL* napi_finalize)(napi_env env,
                                        void* finalize_data,
                                        void* finalize_hint);

/* A finalizer that only uses the basic (GC-safe) functions. */
#if !defined(NAPI_EXPERIMENTAL) ||                                  \
    (defined(NAPI_EXPERIMENTAL) &&                                  \
     (defined(NODE_API_EXPERIMENTAL_NOGC_ENV_OPT_OUT) ||            \
      defined(NODE_API_EXPERIMENTAL_BASIC_ENV_OPT_OUT)))
typedef napi_finalize node_api_nogc_finalize;
#else
typedef void(NAPI_CDECL* node_api_nogc_finalize)(node_api_nogc_env env,
                                                 void* finalize_data,
                                                 void* finalize_hint);
#endif
typedef node_api_nogc_finalize node_api_basic_finalize;

/* A finalizer that gets no environment: it may run on any thread. */
typedef void(NAPI_CDECL* node_api_noenv_finalize)(void* finalize_data,
                                                  void* finalize_hint);

/* One property for napi_define_properties / napi_define_class. The name is
 * utf8name when it is not NULL, else `name` (a string or a symbol). Exactly
 * one of method, getter/setter and value describes the property. */
typedef struct {
  const char* utf8name;
  napi_value name;

  napi_callback method;
  napi_callback getter;
  napi_callback setter;
  napi_value value;

  napi_property_attributes attributes;
  void* data;
} napi_property_descriptor;

/* What napi_get_last_error_info reports. */
typedef struct {
  const char* error_message;
  void* engine_reserved;
  uint32_t engine_error_code;
  napi_status error_code;
} napi_extended_error_info;

#if NAPI_VERSION >= 6
typedef enum {
  napi_key_include_prototypes,
  napi_key_own_only
} napi_key_collection_mode;

typedef enum {
  napi_key_all_properties = 0,
  napi_key_writable = 1,
  napi_key_enumerable = 1 << 1,
  napi_key_configurable = 1 << 2,
  napi_key_skip_strings = 1 << 3,
  napi_key_skip_symbols = 1 << 4
} napi_key_filter;

typedef enum {
  napi_key_keep_numbers,
  napi_key_numbers_to_strings
} napi_key_conversion;
#endif /* NAPI_VERSION >= 6 */

#if NAPI_VERSION >= 8
/* A 128-bit tag, compared by value by napi_check_object_type_tag. */
typedef struct {
  uint64_t lower;
  uint64_t upper;
} napi_type_tag;
#endif /* NAPI_VERSION >= 8 */

#endif /* SRC_JS_NATIVE_API_TYPES_H_ */
