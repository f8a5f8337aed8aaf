// lode's own Node-API test addon: values, strings, errors, objects and
// classes, wrap/finalize, type tags, and where its napi_* calls land.
#define _GNU_SOURCE
#define NAPI_VERSION 10
#include <dlfcn.h>
#include <node_api.h>
#include <stdlib.h>
#include <string.h>

#define CALL(env, call)                                            \
  do {                                                             \
    if ((call) != napi_ok) {                                       \
      const napi_extended_error_info* info;                        \
      napi_get_last_error_info((env), &info);                      \
      bool pending;                                                \
      napi_is_exception_pending((env), &pending);                  \
      if (!pending) {                                              \
        napi_throw_error(                                          \
            (env), "ERR_LODE_TEST",                                \
            info->error_message ? info->error_message : "failed"); \
      }                                                            \
      return NULL;                                                 \
    }                                                              \
  } while (0)

static napi_value Args(napi_env env, napi_callback_info info, size_t n,
                       napi_value* argv) {
  size_t argc = n;
  napi_get_cb_info(env, info, &argc, argv, NULL, NULL);
  return NULL;
}

static napi_value Str(napi_env env, const char* s) {
  napi_value v;
  napi_create_string_utf8(env, s, NAPI_AUTO_LENGTH, &v);
  return v;
}

static napi_value Num(napi_env env, double d) {
  napi_value v;
  napi_create_double(env, d, &v);
  return v;
}

// The shared object that defines the napi_* functions this addon calls,
// and what the versions queries answer (lode's, not Node 18's).
static napi_value WhereIs(napi_env env, napi_callback_info info) {
  napi_value result;
  CALL(env, napi_create_object(env, &result));
  Dl_info where;
  const char* file = "";
  if (dladdr((void*)&napi_create_object, &where) && where.dli_fname) {
    file = where.dli_fname;
  }
  CALL(env, napi_set_named_property(env, result, "napiFile", Str(env, file)));
  uint32_t version;
  CALL(env, napi_get_version(env, &version));
  CALL(env,
       napi_set_named_property(env, result, "napiVersion", Num(env, version)));
  const napi_node_version* node;
  CALL(env, napi_get_node_version(env, &node));
  CALL(env, napi_set_named_property(env, result, "nodeMajor",
                                    Num(env, node->major)));
  const char* url;
  CALL(env, node_api_get_module_file_name(env, &url));
  CALL(env, napi_set_named_property(env, result, "moduleFile", Str(env, url)));
  return result;
}

static napi_value Add(napi_env env, napi_callback_info info) {
  napi_value argv[2];
  Args(env, info, 2, argv);
  double a, b;
  CALL(env, napi_get_value_double(env, argv[0], &a));
  CALL(env, napi_get_value_double(env, argv[1], &b));
  return Num(env, a + b);
}

// What bad arguments give: the statuses, never a crash.
static napi_value BadArgs(napi_env env, napi_callback_info info) {
  napi_value list;
  CALL(env, napi_create_array(env, &list));
  napi_value obj;
  CALL(env, napi_create_object(env, &obj));
  napi_value str = Str(env, "x");
  double d;
  bool b;
  napi_status statuses[] = {
      napi_create_object(NULL, &obj),
      napi_create_object(env, NULL),
      napi_get_value_double(env, str, &d),
      napi_get_value_bool(env, obj, &b),
      napi_set_named_property(env, obj, NULL, str),
      napi_get_named_property(env, NULL, "x", &str),
      napi_call_function(env, obj, obj, 0, NULL, NULL),
      napi_create_reference(env, NULL, 1, NULL),
      napi_delete_reference(env, NULL),
      napi_unwrap(env, obj, (void**)&d),
      napi_get_arraybuffer_info(env, obj, NULL, NULL),
      napi_get_buffer_info(env, obj, NULL, NULL),
      napi_create_threadsafe_function(env, NULL, NULL, str, 0, 1, NULL, NULL,
                                      NULL, NULL, NULL),
  };
  for (uint32_t i = 0; i < sizeof(statuses) / sizeof(*statuses); i++) {
    CALL(env, napi_set_element(env, list, i, Num(env, statuses[i])));
  }
  return list;
}

static napi_value LastError(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  Args(env, info, 1, argv);
  int32_t ignored;
  napi_get_value_int32(env, argv[0], &ignored);
  const napi_extended_error_info* error;
  CALL(env, napi_get_last_error_info(env, &error));
  // The record is the env's: the next call overwrites it.
  napi_status status = error->error_code;
  const char* message = error->error_message ? error->error_message : "";
  napi_value result;
  CALL(env, napi_create_object(env, &result));
  CALL(env, napi_set_named_property(env, result, "status", Num(env, status)));
  CALL(env, napi_set_named_property(env, result, "message", Str(env, message)));
  return result;
}

// Strings: UTF-8 length, a copy into 5 bytes (cut before a character that
// does not fit), the UTF-16 length, and Latin-1 back and forth.
static napi_value Strings(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  Args(env, info, 1, argv);
  size_t utf8_len, utf16_len, copied;
  CALL(env, napi_get_value_string_utf8(env, argv[0], NULL, 0, &utf8_len));
  CALL(env, napi_get_value_string_utf16(env, argv[0], NULL, 0, &utf16_len));
  char small[5];
  CALL(env,
       napi_get_value_string_utf8(env, argv[0], small, sizeof(small), &copied));
  napi_value result, cut;
  CALL(env, napi_create_object(env, &result));
  CALL(env, napi_create_string_utf8(env, small, copied, &cut));
  CALL(env,
       napi_set_named_property(env, result, "utf8Length", Num(env, utf8_len)));
  CALL(env, napi_set_named_property(env, result, "utf16Length",
                                    Num(env, utf16_len)));
  CALL(env, napi_set_named_property(env, result, "cut", cut));
  napi_value latin1;
  CALL(env, napi_create_string_latin1(env, "caf\xe9", 4, &latin1));
  CALL(env, napi_set_named_property(env, result, "latin1", latin1));
  char16_t units[] = {0xd83d, 0xde00, 0};
  napi_value utf16;
  CALL(env, napi_create_string_utf16(env, units, NAPI_AUTO_LENGTH, &utf16));
  CALL(env, napi_set_named_property(env, result, "utf16", utf16));
  return result;
}

static napi_value ThrowKind(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  Args(env, info, 1, argv);
  char kind[16];
  size_t len;
  CALL(env, napi_get_value_string_utf8(env, argv[0], kind, sizeof(kind), &len));
  if (strcmp(kind, "type") == 0) {
    napi_throw_type_error(env, "ERR_T", "type message");
  } else if (strcmp(kind, "range") == 0) {
    napi_throw_range_error(env, "ERR_R", "range message");
  } else if (strcmp(kind, "syntax") == 0) {
    node_api_throw_syntax_error(env, NULL, "syntax message");
  } else if (strcmp(kind, "value") == 0) {
    napi_throw(env, Num(env, 42));
  } else {
    napi_throw_error(env, "ERR_E", "error message");
  }
  return NULL;
}

// Calls fn; an exception it throws is caught and returned as { caught }.
static napi_value CatchFrom(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  Args(env, info, 1, argv);
  napi_value global, result;
  CALL(env, napi_get_global(env, &global));
  napi_status status =
      napi_call_function(env, global, argv[0], 0, NULL, &result);
  bool pending;
  CALL(env, napi_is_exception_pending(env, &pending));
  if (!pending) return result;
  napi_value error, wrapper;
  CALL(env, napi_get_and_clear_last_exception(env, &error));
  CALL(env, napi_create_object(env, &wrapper));
  CALL(env, napi_set_named_property(env, wrapper, "caught", error));
  CALL(env, napi_set_named_property(env, wrapper, "status", Num(env, status)));
  return wrapper;
}

// argsOf(...args): what napi_get_cb_info gives a callback with room for
// three arguments: [argc, argv[0], argv[1], argv[2], this, data].
static napi_value ArgsOf(napi_env env, napi_callback_info info) {
  napi_value argv[3] = {NULL, NULL, NULL};
  napi_value self, result, count;
  void* data;
  size_t argc = 3;
  CALL(env, napi_get_cb_info(env, info, &argc, argv, &self, &data));
  CALL(env, napi_create_array_with_length(env, 6, &result));
  CALL(env, napi_create_uint32(env, (uint32_t)argc, &count));
  CALL(env, napi_set_element(env, result, 0, count));
  for (uint32_t i = 0; i < 3; i++) {
    CALL(env, napi_set_element(env, result, i + 1, argv[i]));
  }
  CALL(env, napi_set_element(env, result, 4, self));
  CALL(env, napi_set_element(env, result, 5, Str(env, (const char*)data)));
  return result;
}

// ---- A class wrapping a native counter -----------------------------------

static int finalized = 0;

typedef struct {
  int count;
} Counter;

static void CounterFinalize(napi_env env, void* data, void* hint) {
  free(data);
  finalized++;
}

static napi_value CounterNew(napi_env env, napi_callback_info info) {
  napi_value argv[1], self, target;
  size_t argc = 1;
  CALL(env, napi_get_cb_info(env, info, &argc, argv, &self, NULL));
  CALL(env, napi_get_new_target(env, info, &target));
  if (target == NULL) {
    napi_throw_type_error(env, NULL, "Counter needs new");
    return NULL;
  }
  Counter* counter = malloc(sizeof(Counter));
  counter->count = 0;
  if (argc > 0) {
    napi_valuetype type;
    CALL(env, napi_typeof(env, argv[0], &type));
    if (type == napi_number) {
      CALL(env, napi_get_value_int32(env, argv[0], &counter->count));
    }
  }
  CALL(env, napi_wrap(env, self, counter, CounterFinalize, NULL, NULL));
  return self;
}

static napi_value CounterIncrement(napi_env env, napi_callback_info info) {
  napi_value self;
  CALL(env, napi_get_cb_info(env, info, NULL, NULL, &self, NULL));
  Counter* counter;
  CALL(env, napi_unwrap(env, self, (void**)&counter));
  counter->count++;
  return self;
}

static napi_value CounterValue(napi_env env, napi_callback_info info) {
  napi_value self;
  CALL(env, napi_get_cb_info(env, info, NULL, NULL, &self, NULL));
  Counter* counter;
  CALL(env, napi_unwrap(env, self, (void**)&counter));
  return Num(env, counter->count);
}

static napi_value Finalized(napi_env env, napi_callback_info info) {
  return Num(env, finalized);
}

// ---- Type tags -------------------------------------------------------------

static const napi_type_tag kTag = {0x1234567890abcdefULL,
                                   0xfedcba0987654321ULL};

static napi_value Tag(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  Args(env, info, 1, argv);
  napi_status status = napi_type_tag_object(env, argv[0], &kTag);
  bool pending;
  napi_is_exception_pending(env, &pending);
  if (pending) return NULL;
  return Num(env, status);
}

static napi_value HasTag(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  Args(env, info, 1, argv);
  bool result;
  CALL(env, napi_check_object_type_tag(env, argv[0], &kTag, &result));
  napi_value value;
  CALL(env, napi_get_boolean(env, result, &value));
  return value;
}

// ---- Misc
// --------------------------------------------------------------------

static napi_value RunScript(napi_env env, napi_callback_info info) {
  napi_value argv[1], result;
  Args(env, info, 1, argv);
  CALL(env, napi_run_script(env, argv[0], &result));
  return result;
}

static napi_value BigIntWords(napi_env env, napi_callback_info info) {
  napi_value argv[1];
  Args(env, info, 1, argv);
  int sign;
  uint64_t words[4];
  size_t count = 4;
  CALL(env, napi_get_value_bigint_words(env, argv[0], &sign, &count, words));
  napi_value result;
  CALL(env, napi_create_bigint_words(env, !sign, count, words, &result));
  return result;
}

static napi_value Resolved(napi_env env, napi_callback_info info) {
  napi_value argv[1], promise;
  Args(env, info, 1, argv);
  napi_deferred deferred;
  CALL(env, napi_create_promise(env, &deferred, &promise));
  CALL(env, napi_resolve_deferred(env, deferred, argv[0]));
  return promise;
}

static napi_value BufferOf(napi_env env, napi_callback_info info) {
  napi_value argv[1], buffer;
  Args(env, info, 1, argv);
  char text[64];
  size_t len;
  CALL(env, napi_get_value_string_utf8(env, argv[0], text, sizeof(text), &len));
  void* data;
  CALL(env, napi_create_buffer_copy(env, len, text, &data, &buffer));
  return buffer;
}

NAPI_MODULE_INIT() {
  napi_property_descriptor props[] = {
      {"whereIs", NULL, WhereIs, NULL, NULL, NULL, napi_enumerable, NULL},
      {"argsOf", NULL, ArgsOf, NULL, NULL, NULL, napi_enumerable,
       (void*)"argsOf data"},
      {"add", NULL, Add, NULL, NULL, NULL, napi_enumerable, NULL},
      {"badArgs", NULL, BadArgs, NULL, NULL, NULL, napi_enumerable, NULL},
      {"lastError", NULL, LastError, NULL, NULL, NULL, napi_enumerable, NULL},
      {"strings", NULL, Strings, NULL, NULL, NULL, napi_enumerable, NULL},
      {"throwKind", NULL, ThrowKind, NULL, NULL, NULL, napi_enumerable, NULL},
      {"catchFrom", NULL, CatchFrom, NULL, NULL, NULL, napi_enumerable, NULL},
      {"finalized", NULL, Finalized, NULL, NULL, NULL, napi_enumerable, NULL},
      {"tag", NULL, Tag, NULL, NULL, NULL, napi_enumerable, NULL},
      {"hasTag", NULL, HasTag, NULL, NULL, NULL, napi_enumerable, NULL},
      {"runScript", NULL, RunScript, NULL, NULL, NULL, napi_enumerable, NULL},
      {"negate", NULL, BigIntWords, NULL, NULL, NULL, napi_enumerable, NULL},
      {"resolved", NULL, Resolved, NULL, NULL, NULL, napi_enumerable, NULL},
      {"bufferOf", NULL, BufferOf, NULL, NULL, NULL, napi_enumerable, NULL},
      {"answer", NULL, NULL, NULL, NULL, Num(env, 42), napi_default, NULL},
  };
  CALL(env, napi_define_properties(env, exports, sizeof(props) / sizeof(*props),
                                   props));
  napi_property_descriptor members[] = {
      {"increment", NULL, CounterIncrement, NULL, NULL, NULL,
       napi_default_method, NULL},
      {"value", NULL, NULL, CounterValue, NULL, NULL, napi_enumerable, NULL},
      {"kind", NULL, NULL, NULL, NULL, Str(env, "counter"),
       napi_static | napi_enumerable, NULL},
  };
  napi_value counter;
  CALL(env, napi_define_class(env, "Counter", NAPI_AUTO_LENGTH, CounterNew,
                              NULL, sizeof(members) / sizeof(*members), members,
                              &counter));
  CALL(env, napi_set_named_property(env, exports, "Counter", counter));
  return exports;
}
