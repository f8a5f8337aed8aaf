// Node-API: the env and its lifetime (teardown, finalizer queue, cleanup
// hooks, instance data), the native task queues of an Environment, the
// last-error record and the version queries.
#include <atomic>
#include <list>

#include "lode_async_wakeup.h"
#include "lode_errors.h"
#include "lode_napi.h"
#include "lode_version.h"

namespace lode::napi {

using v8::Context;
using v8::Function;
using v8::HandleScope;
using v8::Isolate;
using v8::Local;
using v8::MaybeLocal;
using v8::Object;
using v8::String;
using v8::TryCatch;
using v8::Value;

// ---- Tracked lists --------------------------------------------------------

void Tracked::Link(Tracked* list_head) {
  prev_ = list_head;
  next_ = list_head->next_;
  if (next_ != nullptr) next_->prev_ = this;
  list_head->next_ = this;
}

void Tracked::Unlink() {
  if (prev_ != nullptr) prev_->next_ = next_;
  if (next_ != nullptr) next_->prev_ = prev_;
  prev_ = nullptr;
  next_ = nullptr;
}

void Tracked::FinalizeAll(Tracked* list_head) {
  // Each Finalize() unlinks its object (and may delete others).
  while (list_head->next_ != nullptr) list_head->next_->Finalize();
}

TrackedFinalizer* TrackedFinalizer::New(napi_env env, napi_finalize cb,
                                        void* data, void* hint) {
  TrackedFinalizer* finalizer = new TrackedFinalizer(env, cb, data, hint);
  finalizer->Link(&env->finalizing_reflist);
  return finalizer;
}

TrackedFinalizer::~TrackedFinalizer() {
  Unlink();
  if (env_->instance_data == this) env_->instance_data = nullptr;
  env_->DequeueFinalizer(this);
}

void TrackedFinalizer::Finalize() {
  Unlink();
  FinalizerCall call = call_;
  call_ = FinalizerCall();
  if (call.callback != nullptr) {
    env_->CallFinalizer(call.callback, call.data, call.hint);
  }
  delete this;
}

// ---- The state all addons of an Environment share ---------------------------

class ThreadsafeQueue {
 public:
  std::mutex mutex;
  uv_async_t* async = nullptr;  // null once the Environment is gone
  std::vector<std::function<void(bool)>> tasks;
};

class EnvState : public BindingData {
 public:
  explicit EnvState(Environment* env);

  Environment* env;
  v8::Global<Object> helpers;
  std::vector<std::function<void()>> immediates;
  uv_check_t check;
  uv_idle_t idle;
  uv_async_t async;
  bool immediates_active = false;
  bool closed = false;
  std::shared_ptr<ThreadsafeQueue> queue = std::make_shared<ThreadsafeQueue>();
  std::list<CleanupHookEntry> hooks;

  void RunImmediates();
  void Close();
};

namespace {

void OnCheck(uv_check_t* handle) {
  static_cast<EnvState*>(handle->data)->RunImmediates();
}

void OnIdle(uv_idle_t*) {}

void OnAsync(uv_async_t* handle) {
  EnvState* state = static_cast<EnvState*>(handle->data);
  std::vector<std::function<void(bool)>> tasks;
  {
    std::lock_guard<std::mutex> lock(state->queue->mutex);
    tasks.swap(state->queue->tasks);
  }
  if (tasks.empty()) return;
  Isolate* isolate = state->env->isolate();
  HandleScope scope(isolate);
  Context::Scope context_scope(state->env->context());
  for (auto& task : tasks) task(true);
}

}  // namespace

EnvState::EnvState(Environment* environment) : env(environment) {
  uv_loop_t* loop = env->loop();
  CHECK_EQ(uv_check_init(loop, &check), 0);
  check.data = this;
  CHECK_EQ(uv_idle_init(loop, &idle), 0);
  idle.data = this;
  CHECK_EQ(uv_async_init(loop, &async, OnAsync), 0);
  async.data = this;
  uv_unref(reinterpret_cast<uv_handle_t*>(&async));
  queue->async = &async;
  // Registered first, so it runs last: after every addon's teardown.
  env->AddCleanupHook([this] { Close(); });
}

void EnvState::RunImmediates() {
  Isolate* isolate = env->isolate();
  HandleScope scope(isolate);
  Context::Scope context_scope(env->context());
  // A task may queue more: run until none is left.
  while (!immediates.empty()) {
    std::vector<std::function<void()>> tasks;
    tasks.swap(immediates);
    InternalCallbackScope callback_scope(env);
    for (auto& task : tasks) task();
  }
  if (immediates_active) {
    immediates_active = false;
    uv_check_stop(&check);
    uv_idle_stop(&idle);
  }
}

void EnvState::Close() {
  if (closed) return;
  closed = true;
  std::vector<std::function<void(bool)>> tasks;
  {
    std::lock_guard<std::mutex> lock(queue->mutex);
    queue->async = nullptr;
    tasks.swap(queue->tasks);
  }
  for (auto& task : tasks) task(false);
  immediates.clear();
  uv_close(reinterpret_cast<uv_handle_t*>(&check), nullptr);
  uv_close(reinterpret_cast<uv_handle_t*>(&idle), nullptr);
  uv_close(reinterpret_cast<uv_handle_t*>(&async), nullptr);
}

EnvState* GetEnvState(Environment* env) {
  EnvState* state = env->GetBindingData<EnvState>("napi");
  if (state == nullptr) {
    state = env->SetBindingData("napi", std::make_unique<EnvState>(env));
  }
  return state;
}

void SetImmediate(Environment* env, std::function<void()> task) {
  EnvState* state = GetEnvState(env);
  if (state->closed) return;
  state->immediates.push_back(std::move(task));
  if (!state->immediates_active) {
    state->immediates_active = true;
    uv_check_start(&state->check, OnCheck);
    // Keeps the loop from blocking in poll until the check handle ran.
    uv_idle_start(&state->idle, OnIdle);
  }
}

std::shared_ptr<ThreadsafeQueue> GetThreadsafeQueue(Environment* env) {
  return GetEnvState(env)->queue;
}

void PostTask(const std::shared_ptr<ThreadsafeQueue>& queue,
              std::function<void(bool alive)> task) {
  {
    std::lock_guard<std::mutex> lock(queue->mutex);
    if (queue->async != nullptr) {
      queue->tasks.push_back(std::move(task));
      WakeAsync(queue->async);
      return;
    }
  }
  task(false);
}

MaybeLocal<Object> GetHelpers(Environment* env) {
  EnvState* state = GetEnvState(env);
  Isolate* isolate = env->isolate();
  if (state->helpers.IsEmpty()) {
    Local<Value> id = FIXED_ONE_BYTE_STRING(isolate, "internal/napi");
    Local<Value> exports;
    if (!env->builtin_require()
             ->Call(env->context(), v8::Undefined(isolate), 1, &id)
             .ToLocal(&exports)) {
      return MaybeLocal<Object>();
    }
    CHECK(exports->IsObject());
    state->helpers.Reset(isolate, exports.As<Object>());
  }
  return state->helpers.Get(isolate);
}

MaybeLocal<Value> CallHelper(Environment* env, const char* name, int argc,
                             Local<Value>* argv) {
  Isolate* isolate = env->isolate();
  Local<Context> context = env->context();
  Local<Object> helpers;
  Local<Value> fn;
  if (!GetHelpers(env).ToLocal(&helpers) ||
      !helpers->Get(context, OneByteString(isolate, name)).ToLocal(&fn)) {
    return MaybeLocal<Value>();
  }
  CHECK(fn->IsFunction());
  return fn.As<Function>()->Call(context, v8::Undefined(isolate), argc, argv);
}

Local<Object> GetBufferPrototype(napi_env env) {
  Local<Object> helpers;
  Local<Value> proto;
  if (!GetHelpers(env->lode_env).ToLocal(&helpers) ||
      !helpers
           ->Get(env->context(),
                 FIXED_ONE_BYTE_STRING(env->isolate, "bufferPrototype"))
           .ToLocal(&proto) ||
      !proto->IsObject()) {
    return Local<Object>();
  }
  return proto.As<Object>();
}

CleanupHookEntry* AddCleanupHook(Environment* env, void (*fn)(void*), void* arg,
                                 std::function<void()> run) {
  EnvState* state = GetEnvState(env);
  state->hooks.push_back(CleanupHookEntry{std::move(run), fn, arg, false});
  CleanupHookEntry* entry = &state->hooks.back();
  env->AddCleanupHook([entry] {
    if (entry->removed) return;
    entry->removed = true;
    entry->run();
  });
  return entry;
}

bool RemoveCleanupHook(Environment* env, void (*fn)(void*), void* arg) {
  EnvState* state = GetEnvState(env);
  for (CleanupHookEntry& entry : state->hooks) {
    if (!entry.removed && entry.fn == fn && entry.arg == arg) {
      entry.removed = true;
      return true;
    }
  }
  return false;
}

// ---- Exceptions no JS frame can catch ---------------------------------------

void TriggerFatalException(napi_env env, Local<Value> error) {
  if (env->terminating()) return;
  Local<v8::Message> message =
      v8::Exception::CreateMessage(env->isolate, error);
  errors::TriggerUncaughtException(env->isolate, error, message);
}

void HandleCallbackException(napi_env env, bool enforce,
                             Local<Value> exception) {
  if (env->terminating()) return;
  if (!enforce && env->module_api_version != NAPI_VERSION_EXPERIMENTAL &&
      !env->lode_env->options()->GetBool(
          "--force-node-api-uncaught-exceptions-policy")) {
    Isolate* isolate = env->isolate;
    TryCatch try_catch(isolate);
    Local<Value> argv[] = {
        FIXED_ONE_BYTE_STRING(
            isolate,
            "Uncaught N-API callback exception detected, please run node "
            "with option --force-node-api-uncaught-exceptions-policy=true to "
            "handle those exceptions properly."),
        FIXED_ONE_BYTE_STRING(isolate, "DEP0168")};
    (void)CallHelper(env->lode_env, "emitDeprecation", 2, argv);
    return;
  }
  TriggerFatalException(env, exception);
}

}  // namespace lode::napi

// ---- napi_env__ -------------------------------------------------------------

using lode::napi::ClearLastError;
using lode::napi::SetLastError;
using lode::napi::Unconst;

napi_env__::napi_env__(lode::Environment* env, v8::Local<v8::Context> context,
                       std::string file, int32_t api_version)
    : isolate(env->isolate()),
      lode_env(env),
      context_handle(env->isolate(), context),
      module_api_version(api_version),
      filename(std::move(file)) {
  memset(store_of_entry, kNoStore, sizeof(store_of_entry));
  lode::napi::InitStoreFunctions(this);
}

napi_env__::~napi_env__() = default;

bool napi_env__::terminating() const {
  return !can_call_into_js() || isolate->IsExecutionTerminating();
}

void napi_env__::CallFinalizer(napi_finalize cb, void* data, void* hint,
                               bool enforce) {
  if (torn_down) {
    // No JS runs any more (the isolate may be going away): the addon gets
    // its data back, in whatever scope the caller has.
    CallIntoModule([&](napi_env env) { cb(env, data, hint); },
                   [](napi_env, v8::Local<v8::Value>) {});
    return;
  }
  v8::HandleScope handle_scope(isolate);
  v8::Context::Scope context_scope(context());
  CallbackIntoModule(enforce, [&](napi_env env) { cb(env, data, hint); });
}

void napi_env__::ReportGCAccess() const {
  if (module_api_version == NAPI_VERSION_EXPERIMENTAL) {
    lode::errors::OnFatalError(
        nullptr,
        "Finalizer is calling a function that may affect GC state.\n"
        "The finalizers are run directly from GC and must not affect GC "
        "state.\n"
        "Use `node_api_post_finalizer` from inside of the finalizer to work "
        "around this issue.\n"
        "It schedules the call as a new task in the event loop.");
  }
}

void napi_env__::InvokeFinalizerFromGC(lode::napi::Tracked* finalizer) {
  if (module_api_version != NAPI_VERSION_EXPERIMENTAL) {
    EnqueueFinalizer(finalizer);
    return;
  }
  // Basic finalizers run right away, inside GC: they may only use what
  // does not touch the JS heap (CheckGCAccess enforces it).
  bool saved = in_gc_finalizer;
  in_gc_finalizer = true;
  finalizer->Finalize();
  in_gc_finalizer = saved;
}

void napi_env__::EnqueueFinalizer(lode::napi::Tracked* finalizer) {
  pending_finalizers.push_back(finalizer);
  if (finalization_scheduled || torn_down) return;
  finalization_scheduled = true;
  Ref();
  lode::napi::SetImmediate(lode_env, [this] {
    finalization_scheduled = false;
    DrainFinalizerQueue();
    Unref();
  });
}

void napi_env__::DequeueFinalizer(lode::napi::Tracked* finalizer) {
  for (auto it = pending_finalizers.begin(); it != pending_finalizers.end();
       ++it) {
    if (*it == finalizer) {
      pending_finalizers.erase(it);
      return;
    }
  }
}

void napi_env__::DrainFinalizerQueue() {
  while (!pending_finalizers.empty()) {
    lode::napi::Tracked* finalizer = pending_finalizers.front();
    pending_finalizers.erase(pending_finalizers.begin());
    finalizer->Finalize();
  }
}

void napi_env__::TearDown() {
  if (torn_down) return;
  // Finalizers the GC already asked for come first, then everything else:
  // references with finalizers before the others, which those finalizers
  // may delete.
  DrainFinalizerQueue();
  torn_down = true;
  lode::napi::Tracked::FinalizeAll(&finalizing_reflist);
  lode::napi::Tracked::FinalizeAll(&reflist);
  pending_finalizers.clear();
  // What outlives this (external memory, strings) may free the env after
  // the isolate is gone: no V8 handle may be left by then.
  last_exception.Reset();
  context_handle.Reset();
  key_cache.Clear();
  empty_object.Reset();
  for (v8::Global<v8::Function>& store : store_functions) store.Reset();
  store_entries = nullptr;
  store_entries_memory.reset();
  Unref();
}

// ---- C API ------------------------------------------------------------------

namespace {

// Indexed by napi_status.
const char* const kErrorMessages[] = {
    nullptr,
    "Invalid argument",
    "An object was expected",
    "A string was expected",
    "A string or symbol was expected",
    "A function was expected",
    "A number was expected",
    "A boolean was expected",
    "An array was expected",
    "Unknown failure",
    "An exception is pending",
    "The async work item was cancelled",
    "napi_escape_handle already called on scope",
    "Invalid handle scope usage",
    "Invalid callback scope usage",
    "Thread-safe function queue is full",
    "Thread-safe function handle is closing",
    "A bigint was expected",
    "A date was expected",
    "An arraybuffer was expected",
    "A detachable arraybuffer was expected",
    "Main thread would deadlock",
    "External buffers are not allowed",
    "Cannot run JavaScript",
};
static_assert(sizeof(kErrorMessages) / sizeof(kErrorMessages[0]) ==
                  napi_cannot_run_js + 1,
              "one message per napi_status");

struct AsyncCleanupHook {
  napi_env env;
  napi_async_cleanup_hook hook;
  void* arg;
  lode::napi::CleanupHookEntry* entry = nullptr;
  bool started = false;
  bool done = false;
};

}  // namespace

// A napi_async_cleanup_hook_handle is an AsyncCleanupHook.
struct napi_async_cleanup_hook_handle__ {};

extern "C" {

napi_status NAPI_CDECL napi_get_last_error_info(
    node_api_basic_env basic_env, const napi_extended_error_info** result) {
  napi_env env = Unconst(basic_env);
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, result);
  int code = env->last_error.error_code;
  if (code < 0 || code > napi_cannot_run_js) code = napi_generic_failure;
  env->last_error.error_message = kErrorMessages[code];
  if (env->last_error.error_code == napi_ok) {
    // ClearLastError leaves the engine fields as the last error set them.
    env->last_error.engine_error_code = 0;
    env->last_error.engine_reserved = nullptr;
  }
  *result = &env->last_error;
  return napi_ok;
}

napi_status NAPI_CDECL napi_set_instance_data(node_api_basic_env basic_env,
                                              void* data,
                                              napi_finalize finalize_cb,
                                              void* finalize_hint) {
  napi_env env = Unconst(basic_env);
  NAPI_CHECK_ENV(env);
  // Data set before is replaced without running its finalizer.
  delete env->instance_data;
  env->instance_data =
      lode::napi::TrackedFinalizer::New(env, finalize_cb, data, finalize_hint);
  return ClearLastError(env);
}

napi_status NAPI_CDECL napi_get_instance_data(node_api_basic_env basic_env,
                                              void** data) {
  napi_env env = Unconst(basic_env);
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, data);
  *data = env->instance_data == nullptr ? nullptr : env->instance_data->data();
  return ClearLastError(env);
}

napi_status NAPI_CDECL napi_get_version(node_api_basic_env basic_env,
                                        uint32_t* result) {
  napi_env env = Unconst(basic_env);
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, result);
  *result = lode::napi::kSupportedVersion;
  return ClearLastError(env);
}

napi_status NAPI_CDECL napi_get_node_version(node_api_basic_env basic_env,
                                             const napi_node_version** result) {
  napi_env env = Unconst(basic_env);
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, result);
  static const napi_node_version version = {LODE_NODE_MAJOR_VERSION,
                                            LODE_NODE_MINOR_VERSION,
                                            LODE_NODE_PATCH_VERSION, "node"};
  *result = &version;
  return ClearLastError(env);
}

napi_status NAPI_CDECL napi_get_uv_event_loop(node_api_basic_env basic_env,
                                              struct uv_loop_s** loop) {
  napi_env env = Unconst(basic_env);
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, loop);
  *loop = env->lode_env->loop();
  return ClearLastError(env);
}

napi_status NAPI_CDECL node_api_get_module_file_name(
    node_api_basic_env basic_env, const char** result) {
  napi_env env = Unconst(basic_env);
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, result);
  *result = env->filename.c_str();
  return ClearLastError(env);
}

napi_status NAPI_CDECL napi_adjust_external_memory(node_api_basic_env basic_env,
                                                   int64_t change_in_bytes,
                                                   int64_t* adjusted_value) {
  napi_env env = Unconst(basic_env);
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, adjusted_value);
  *adjusted_value =
      env->isolate->AdjustAmountOfExternalAllocatedMemory(change_in_bytes);
  return ClearLastError(env);
}

napi_status NAPI_CDECL napi_add_env_cleanup_hook(node_api_basic_env basic_env,
                                                 napi_cleanup_hook fun,
                                                 void* arg) {
  napi_env env = Unconst(basic_env);
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, fun);
  lode::napi::AddCleanupHook(env->lode_env, fun, arg, [fun, arg] { fun(arg); });
  return napi_ok;
}

napi_status NAPI_CDECL napi_remove_env_cleanup_hook(
    node_api_basic_env basic_env, napi_cleanup_hook fun, void* arg) {
  napi_env env = Unconst(basic_env);
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, fun);
  lode::napi::RemoveCleanupHook(env->lode_env, fun, arg);
  return napi_ok;
}

napi_status NAPI_CDECL napi_add_async_cleanup_hook(
    node_api_basic_env basic_env, napi_async_cleanup_hook hook, void* arg,
    napi_async_cleanup_hook_handle* remove_handle) {
  napi_env env = Unconst(basic_env);
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, hook);
  AsyncCleanupHook* data = new AsyncCleanupHook{env, hook, arg};
  env->Ref();
  auto handle = reinterpret_cast<napi_async_cleanup_hook_handle>(data);
  // At teardown the hook starts; the addon calls
  // napi_remove_async_cleanup_hook when it is done, and teardown runs the
  // loop until then.
  data->entry =
      lode::napi::AddCleanupHook(env->lode_env, nullptr, data, [data, handle] {
        data->started = true;
        uv_loop_t* loop = data->env->lode_env->loop();
        data->hook(handle, data->arg);
        while (!data->done) {
          if (uv_run(loop, UV_RUN_ONCE) == 0 && !data->done) break;
        }
        if (data->done) {
          data->env->Unref();
          delete data;
        }
      });
  if (remove_handle != nullptr) *remove_handle = handle;
  return ClearLastError(env);
}

napi_status NAPI_CDECL
napi_remove_async_cleanup_hook(napi_async_cleanup_hook_handle remove_handle) {
  if (remove_handle == nullptr) return napi_invalid_arg;
  AsyncCleanupHook* data = reinterpret_cast<AsyncCleanupHook*>(remove_handle);
  if (data->started) {
    // Teardown waits for this; it frees the record.
    data->done = true;
    return napi_ok;
  }
  data->entry->removed = true;
  data->env->Unref();
  delete data;
  return napi_ok;
}

napi_status NAPI_CDECL node_api_post_finalizer(node_api_basic_env basic_env,
                                               napi_finalize finalize_cb,
                                               void* finalize_data,
                                               void* finalize_hint) {
  napi_env env = Unconst(basic_env);
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, finalize_cb);
  env->EnqueueFinalizer(lode::napi::TrackedFinalizer::New(
      env, finalize_cb, finalize_data, finalize_hint));
  return ClearLastError(env);
}

}  // extern "C"
