/* Node-API, Node.js part: the types.
 *
 * lode's own copy of the declarations (the documented ABI of Node.js 24's
 * node_api_types.h). */
#ifndef SRC_NODE_API_TYPES_H_
#define SRC_NODE_API_TYPES_H_

#include "js_native_api_types.h"

typedef struct napi_callback_scope__* napi_callback_scope;
typedef struct napi_async_context__* napi_async_context;
typedef struct napi_async_work__* napi_async_work;

/* An environment cleanup hook (napi_add_env_cleanup_hook). */
typedef void(NAPI_CDECL* napi_cleanup_hook)(void* arg);

#if NAPI_VERSION >= 4
typedef struct napi_threadsafe_function__* napi_threadsafe_function;

typedef enum {
  napi_tsfn_release,
  napi_tsfn_abort
} napi_threadsafe_function_release_mode;

typedef enum {
  napi_tsfn_nonblocking,
  napi_tsfn_blocking
} napi_threadsafe_function_call_mode;
#endif /* NAPI_VERSION >= 4 */

/* Async work: `execute` runs on a thread of the pool, `complete` on the
 * loop thread afterwards. */
typedef void(NAPI_CDECL* napi_async_execute_callback)(napi_env env,
                                                      void* data);
typedef void(NAPI_CDECL* napi_async_complete_callback)(napi_env env,
                                                       napi_status status,
                                                       void* data);

#if NAPI_VERSION >= 4
/* Runs on the loop thread for each call queued to a thread-safe function;
 * env and js_callback are NULL when the function is being torn down. */
typedef void(NAPI_CDECL* napi_threadsafe_function_call_js)(
    napi_env env, napi_value js_callback, void* context, void* data);
#endif /* NAPI_VERSION >= 4 */

typedef struct {
  uint32_t major;
  uint32_t minor;
  uint32_t patch;
  const char* release;
} napi_node_version;

#if NAPI_VERSION >= 8
typedef struct napi_async_cleanup_hook_handle__*
    napi_async_cleanup_hook_handle;
typedef void(NAPI_CDECL* napi_async_cleanup_hook)(
    napi_async_cleanup_hook_handle handle, void* data);
#endif /* NAPI_VERSION >= 8 */

#endif /* SRC_NODE_API_TYPES_H_ */
