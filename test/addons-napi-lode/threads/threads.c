// lode's own Node-API test addon: async work on the thread pool, and a
// thread-safe function called from several threads at once.
#include <node_api.h>
#include <pthread.h>
#include <stdlib.h>

#define CALL(env, call)                                          \
  do {                                                           \
    if ((call) != napi_ok) {                                     \
      napi_throw_error((env), "ERR_LODE_TEST", #call " failed"); \
      return NULL;                                               \
    }                                                            \
  } while (0)

#define CALL_VOID(env, call)       \
  do {                             \
    if ((call) != napi_ok) return; \
  } while (0)

static pthread_t main_thread;

// ---- Async work
// ---------------------------------------------------------------

typedef struct {
  napi_async_work work;
  napi_ref callback;
  int64_t n;
  int64_t sum;
  int on_other_thread;
} SumWork;

static void SumExecute(napi_env env, void* data) {
  SumWork* w = data;
  w->on_other_thread = !pthread_equal(pthread_self(), main_thread);
  int64_t sum = 0;
  for (int64_t i = 1; i <= w->n; i++) sum += i;
  w->sum = sum;
}

static void SumComplete(napi_env env, napi_status status, void* data) {
  SumWork* w = data;
  napi_value callback, global, argv[3], ignored;
  CALL_VOID(env, napi_get_reference_value(env, w->callback, &callback));
  CALL_VOID(env, napi_get_global(env, &global));
  CALL_VOID(env, napi_create_int32(env, status, &argv[0]));
  CALL_VOID(env, napi_create_int64(env, w->sum, &argv[1]));
  CALL_VOID(env, napi_get_boolean(env, w->on_other_thread, &argv[2]));
  napi_delete_reference(env, w->callback);
  napi_delete_async_work(env, w->work);
  free(w);
  napi_call_function(env, global, callback, 3, argv, &ignored);
}

// sum(n, callback): callback(status, 1 + ... + n, ranOnAnotherThread).
static napi_value Sum(napi_env env, napi_callback_info info) {
  size_t argc = 2;
  napi_value argv[2], name;
  CALL(env, napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  SumWork* w = calloc(1, sizeof(SumWork));
  CALL(env, napi_get_value_int64(env, argv[0], &w->n));
  CALL(env, napi_create_reference(env, argv[1], 1, &w->callback));
  CALL(env, napi_create_string_utf8(env, "LodeSum", NAPI_AUTO_LENGTH, &name));
  CALL(env, napi_create_async_work(env, NULL, name, SumExecute, SumComplete, w,
                                   &w->work));
  CALL(env, napi_queue_async_work(env, w->work));
  return NULL;
}

// ---- Thread-safe function from several threads
// -------------------------------

#define MAX_THREADS 16

typedef struct {
  napi_threadsafe_function tsfn;
  napi_ref done;
  pthread_t threads[MAX_THREADS];
  int thread_count;
  int calls_per_thread;
  int64_t calls;
  int64_t sum;
  int failures;
} Fanout;

typedef struct {
  Fanout* fanout;
  int index;
} Worker;

static void* WorkerMain(void* arg) {
  Worker* worker = arg;
  Fanout* fanout = worker->fanout;
  for (int i = 0; i < fanout->calls_per_thread; i++) {
    // Small queue, blocking calls: threads wait for the loop thread.
    intptr_t value = (intptr_t)(worker->index * 1000000 + i);
    if (napi_call_threadsafe_function(fanout->tsfn, (void*)value,
                                      napi_tsfn_blocking) != napi_ok) {
      __atomic_add_fetch(&fanout->failures, 1, __ATOMIC_SEQ_CST);
    }
  }
  napi_release_threadsafe_function(fanout->tsfn, napi_tsfn_release);
  free(worker);
  return NULL;
}

// On the loop thread, once per call: the JS callback gets (value).
static void CallJs(napi_env env, napi_value js_cb, void* context, void* data) {
  Fanout* fanout = context;
  if (env == NULL) return;
  fanout->calls++;
  fanout->sum += (intptr_t)data;
  napi_value undefined, argv[1];
  CALL_VOID(env, napi_get_undefined(env, &undefined));
  CALL_VOID(env, napi_create_int64(env, (intptr_t)data, &argv[0]));
  napi_call_function(env, undefined, js_cb, 1, argv, NULL);
}

// After the last release: join the threads, report (calls, sum, failures).
static void FanoutFinalize(napi_env env, void* data, void* hint) {
  Fanout* fanout = data;
  for (int i = 0; i < fanout->thread_count; i++) {
    pthread_join(fanout->threads[i], NULL);
  }
  napi_value done, undefined, argv[3];
  if (napi_get_reference_value(env, fanout->done, &done) == napi_ok &&
      napi_get_undefined(env, &undefined) == napi_ok &&
      napi_create_int64(env, fanout->calls, &argv[0]) == napi_ok &&
      napi_create_int64(env, fanout->sum, &argv[1]) == napi_ok &&
      napi_create_int32(env, fanout->failures, &argv[2]) == napi_ok) {
    napi_call_function(env, undefined, done, 3, argv, NULL);
  }
  napi_delete_reference(env, fanout->done);
  free(fanout);
}

// fanout(threads, callsPerThread, onCall, done)
static napi_value StartFanout(napi_env env, napi_callback_info info) {
  size_t argc = 4;
  napi_value argv[4], name;
  CALL(env, napi_get_cb_info(env, info, &argc, argv, NULL, NULL));
  Fanout* fanout = calloc(1, sizeof(Fanout));
  CALL(env, napi_get_value_int32(env, argv[0], &fanout->thread_count));
  CALL(env, napi_get_value_int32(env, argv[1], &fanout->calls_per_thread));
  if (fanout->thread_count < 1 || fanout->thread_count > MAX_THREADS) {
    free(fanout);
    napi_throw_range_error(env, NULL, "1 to 16 threads");
    return NULL;
  }
  CALL(env, napi_create_reference(env, argv[3], 1, &fanout->done));
  CALL(env,
       napi_create_string_utf8(env, "LodeFanout", NAPI_AUTO_LENGTH, &name));
  CALL(env, napi_create_threadsafe_function(
                env, argv[2], NULL, name, 4, fanout->thread_count, fanout,
                FanoutFinalize, fanout, CallJs, &fanout->tsfn));
  for (int i = 0; i < fanout->thread_count; i++) {
    Worker* worker = malloc(sizeof(Worker));
    worker->fanout = fanout;
    worker->index = i;
    pthread_create(&fanout->threads[i], NULL, WorkerMain, worker);
  }
  return NULL;
}

NAPI_MODULE_INIT() {
  main_thread = pthread_self();
  napi_property_descriptor props[] = {
      {"sum", NULL, Sum, NULL, NULL, NULL, napi_enumerable, NULL},
      {"fanout", NULL, StartFanout, NULL, NULL, NULL, napi_enumerable, NULL},
  };
  CALL(env, napi_define_properties(env, exports, sizeof(props) / sizeof(*props),
                                   props));
  return exports;
}
