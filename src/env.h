// The per-thread runtime state: the isolate's context, the libuv loop, the
// JS callbacks C++ calls into, and the shared arrays for ticks, timers and
// immediates. State that belongs to one binding lives in that binding.
#ifndef SRC_ENV_H_
#define SRC_ENV_H_

#include <atomic>
#include <functional>
#include <iterator>
#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <unordered_map>
#include <vector>

#include "lode_options.h"
#include "util.h"
#include "uv.h"
#include "v8.h"

namespace lode {

class HandleWrap;
class ActiveRequest;

// State a binding keeps for one environment (a constructor, a shared
// array): owned by the environment and destroyed with it, so that no
// process-wide V8 handle outlives an isolate or ends up in the snapshot.
class BindingData {
 public:
  virtual ~BindingData() = default;
};

// Indices of the shared Int32Array `tickInfo` (also in lib/internal/
// process/task_queues.js).
enum TickInfoField { kHasTickScheduled = 0, kHasRejectionToWarn, kTickFields };
// Indices of the shared Uint32Array `immediateInfo` (lib/internal/timers.js).
enum ImmediateInfoField {
  kImmediateCount = 0,
  kImmediateRefCount,
  kImmediateHasOutstanding,
  kImmediateFields
};

// The variables of a worker's process.env when it has its own (a copy, or
// the object given as `env`); workers started with SHARE_ENV share their
// parent's store. The main thread (and whoever shares with it) uses the
// process's own environment, under ProcessEnvMutex().
class EnvVarStore {
 public:
  bool Get(const std::string& key, std::string* value);
  void Set(const std::string& key, const std::string& value);
  void Delete(const std::string& key);
  std::vector<std::pair<std::string, std::string>> Entries();

 private:
  std::mutex mutex_;
  std::map<std::string, std::string> vars_;
};
// Guards getenv/setenv/unsetenv/environ: workers run on other threads.
std::mutex& ProcessEnvMutex();

// Embedder data slot of the context that holds the Environment pointer.
constexpr int kContextEmbedderDataIndex = 32;

// The JS functions bootstrap hands to C++.
#define LODE_ENV_CALLBACKS(V)                     \
  V(builtin_require)                              \
  V(internal_binding)                             \
  V(tick_callback)                                \
  V(process_immediate)                            \
  V(process_timers)                               \
  V(prepare_stack_trace)                          \
  V(promise_reject_callback)                      \
  V(uncaught_exception_handler)                   \
  V(emit_process_event)                           \
  V(format_fatal_error)

class Environment {
 public:
  // What an environment running in a worker thread knows of its worker
  // (lode_worker.cc).
  class WorkerContext {
   public:
    virtual ~WorkerContext() = default;
    virtual uint64_t thread_id() const = 0;
    // process.exit() or a fatal error in the worker: ends its thread only.
    // Called on the worker's own thread.
    virtual void Exit(int code) = 0;
  };

  // `from_snapshot`: the context comes from the startup snapshot, which
  // already holds the shared arrays (see AdoptSharedArrays).
  Environment(v8::Isolate* isolate, uv_loop_t* loop,
              v8::Local<v8::Context> context, const Options* options,
              bool from_snapshot = false);
  ~Environment();
  LODE_DISALLOW_COPY(Environment);

  static Environment* GetCurrent(v8::Isolate* isolate);
  static Environment* GetCurrent(v8::Local<v8::Context> context);
  template <typename T>
  static Environment* GetCurrent(const v8::FunctionCallbackInfo<T>& info) {
    return GetCurrent(info.GetIsolate()->GetCurrentContext());
  }

  v8::Isolate* isolate() const { return isolate_; }
  v8::Local<v8::Context> context() const {
    return context_.Get(isolate_);
  }
  uv_loop_t* loop() const { return loop_; }
  const Options* options() const { return options_; }

  v8::Local<v8::Object> process_object() const {
    return process_object_.Get(isolate_);
  }
  void set_process_object(v8::Local<v8::Object> process) {
    process_object_.Reset(isolate_, process);
  }
  v8::Local<v8::Object> primordials() const {
    return primordials_.Get(isolate_);
  }
  void set_primordials(v8::Local<v8::Object> primordials) {
    primordials_.Reset(isolate_, primordials);
  }

  // Runs lib/ module `id` as a program (the internal/main/* scripts):
  // compiled and called directly, so that user stack traces end there as
  // in Node, not in the builtin loader.
  v8::MaybeLocal<v8::Value> RunBuiltinScript(const char* id);

  // The function of lib/ module `id`: the one compiled ahead if there is
  // one (see CompileBuiltinAhead), else compiled now (`eager`: with its
  // inner functions, instead of each on its first call).
  v8::MaybeLocal<v8::Function> CompileBuiltin(const char* id,
                                              bool eager = false);
  // Compiles module `id` now, with all its inner functions, and keeps the
  // function for CompileBuiltin: called by the bootstrap for the scripts
  // every start runs, so that the startup snapshot holds their bytecode.
  bool CompileBuiltinAhead(const char* id);
  // id -> function of the modules compiled ahead (a null-prototype object,
  // made on first use; kept with the snapshot's context).
  v8::Local<v8::Object> compiled_builtins();
  void set_compiled_builtins(v8::Local<v8::Object> compiled) {
    compiled_builtins_.Reset(isolate_, compiled);
  }

#define V(name)                                                 \
  v8::Local<v8::Function> name() const {                        \
    return name##_.Get(isolate_);                               \
  }                                                             \
  void set_##name(v8::Local<v8::Function> fn) {                 \
    name##_.Reset(isolate_, fn);                                \
  }
  LODE_ENV_CALLBACKS(V)
#undef V

  // The shared arrays: created at construction, read by both sides.
  int32_t* tick_info() { return tick_info_data_; }
  uint32_t* immediate_info() { return immediate_info_data_; }
  v8::Local<v8::Int32Array> tick_info_array() const {
    return tick_info_array_.Get(isolate_);
  }
  v8::Local<v8::Uint32Array> immediate_info_array() const {
    return immediate_info_array_.Get(isolate_);
  }
  // Takes over the arrays the snapshot's bindings hold.
  void AdoptSharedArrays(v8::Local<v8::Int32Array> tick_info,
                         v8::Local<v8::Uint32Array> immediate_info);

  // internalBinding() results, created once each.
  v8::MaybeLocal<v8::Object> GetBinding(const char* name);

  // Timers: one uv timer for all JS timers, as in Node.
  void ScheduleTimer(int64_t duration_ms);
  void ToggleTimerRef(bool ref);
  void ToggleImmediateRef(bool ref);
  // The loop's time in ms since this environment began (Node's timer base:
  // timers' start and expiry values stay small).
  uint64_t GetNowMs();
  uint64_t TimerNowMs() const { return uv_now(loop_) - timer_base_ms_; }

  // Runs `fn` at teardown, in reverse order of registration.
  void AddCleanupHook(std::function<void()> fn);
  void RunCleanup();
  // Runs `fn` once when the environment ends, whether normally or through
  // Exit() (process.exit(), a fatal exception), before handles close. For
  // work that must not be lost (the compile cache): no JS runs then.
  void AddAtExitHook(std::function<void()> fn);
  void RunAtExitHooks();

  std::list<HandleWrap*>& handle_wrap_queue() { return handle_wraps_; }
  // The requests in flight, for process._getActiveRequests().
  std::list<ActiveRequest*>& active_requests() { return active_requests_; }

  // The BindingData a binding keeps under `key`, or nullptr.
  template <typename T>
  T* GetBindingData(const char* key) {
    auto it = binding_data_.find(key);
    return it == binding_data_.end() ? nullptr
                                     : static_cast<T*>(it->second.get());
  }
  template <typename T>
  T* SetBindingData(const char* key, std::unique_ptr<T> data) {
    T* raw = data.get();
    binding_data_[key] = std::move(data);
    return raw;
  }

  // Workers: null on the main thread.
  WorkerContext* worker_context() const { return worker_context_; }
  void set_worker_context(WorkerContext* context) {
    worker_context_ = context;
  }
  bool is_main_thread() const { return worker_context_ == nullptr; }
  uint64_t thread_id() const {
    return worker_context_ == nullptr ? 0 : worker_context_->thread_id();
  }
  // process.env's variables: null for the process's own environment.
  const std::shared_ptr<EnvVarStore>& env_vars() const { return env_vars_; }
  void set_env_vars(std::shared_ptr<EnvVarStore> vars) {
    env_vars_ = std::move(vars);
  }
  // Ends the process (the main thread, after stopping its workers) or the
  // worker thread this environment runs in, with `code`.
  void Exit(int code);
  // Closes every handle still open and runs the loop until they are gone
  // (a worker's teardown; the main thread just exits).
  void CloseAllHandles();

  // Set when process.exit() or a fatal error starts tearing down: no more
  // JS runs after that. A worker's parent may set them from its thread.
  bool can_call_into_js() const { return can_call_into_js_; }
  void set_can_call_into_js(bool v) { can_call_into_js_ = v; }
  bool is_stopping() const { return stopping_; }
  void set_stopping(bool v) { stopping_ = v; }

  // DEP0104 (a non-string assigned to process.env) is emitted once.
  bool env_var_warning_emitted() const { return env_var_warning_emitted_; }
  void set_env_var_warning_emitted() { env_var_warning_emitted_ = true; }

  int exit_code() const { return exit_code_; }
  void set_exit_code(int code) { exit_code_ = code; }

  int callback_scope_depth() const { return callback_scope_depth_; }

  // --abort-on-uncaught-exception: V8 asks ShouldAbortOnUncaughtException()
  // (lode.cc) before it aborts on an exception no JS handler catches. The
  // process's uncaught-exception capture callback (and so an active domain
  // with an 'error' listener) turns the abort off, and so does a
  // NoAbortOnUncaughtScope: C++ that catches and hands the error to JS.
  bool should_abort_on_uncaught() const { return should_abort_on_uncaught_; }
  void set_should_abort_on_uncaught(bool v) { should_abort_on_uncaught_ = v; }
  bool inside_no_abort_on_uncaught_scope() const {
    return no_abort_on_uncaught_depth_ > 0;
  }

  // Runs the tasks V8 posted to this isolate's foreground (finalization
  // registry callbacks, GC follow-ups). Returns whether any ran.
  bool RunPlatformTasks();

  // Interned strings used on hot paths.
  v8::Local<v8::String> onclose_string() const {
    return onclose_string_.Get(isolate_);
  }

  // The loop start time, for process.uptime().
  uint64_t start_time_ns() const { return start_time_ns_; }

  // Embedder-private symbol for the C++ pointer of wrapped objects.
  double time_origin() const { return time_origin_; }

 private:
  friend class InternalCallbackScope;
  friend class NoAbortOnUncaughtScope;
  static void RunTimers(uv_timer_t* handle);
  static void CheckImmediate(uv_check_t* handle);
  static void PumpPlatformTasks(uv_prepare_t* handle);
  static void OnPlatformDelayedTaskDue(uv_timer_t* handle);
  static void OnPlatformWakeup(uv_async_t* handle);

  v8::Isolate* isolate_;
  uv_loop_t* loop_;
  v8::Global<v8::Context> context_;
  const Options* options_;
  v8::Global<v8::Object> process_object_;
  v8::Global<v8::Object> primordials_;
  v8::Global<v8::Object> compiled_builtins_;
#define V(name) v8::Global<v8::Function> name##_;
  LODE_ENV_CALLBACKS(V)
#undef V
  v8::Global<v8::Int32Array> tick_info_array_;
  v8::Global<v8::Uint32Array> immediate_info_array_;
  int32_t* tick_info_data_ = nullptr;
  uint32_t* immediate_info_data_ = nullptr;
  v8::Global<v8::String> onclose_string_;

  std::unordered_map<std::string, v8::Global<v8::Object>> bindings_;
  std::vector<std::function<void()>> cleanup_hooks_;
  std::vector<std::function<void()>> at_exit_hooks_;
  std::list<HandleWrap*> handle_wraps_;
  std::list<ActiveRequest*> active_requests_;
  std::unordered_map<std::string, std::unique_ptr<BindingData>> binding_data_;

  uv_timer_t timer_handle_;
  uint64_t timer_base_ms_ = 0;
  uv_check_t immediate_check_handle_;
  uv_idle_t immediate_idle_handle_;
  uv_prepare_t platform_tasks_handle_;
  // uv_now() of the loop when PumpPlatformTasks last pumped.
  uint64_t platform_tasks_pumped_at_ = UINT64_MAX;
  // Signalled by the platform when a foreground task is posted for this
  // isolate from another thread: a uv_async_send() there writes the
  // handle's `pending` field, so the handle has cache lines of its own
  // (every Node-API call reads can_call_into_js_).
  alignas(64) uv_async_t platform_wakeup_handle_;
  // Fires when the earliest delayed V8 task comes due (unref'ed, as the
  // other platform handles).
  uv_timer_t platform_delayed_timer_;
  alignas(64) bool timer_ref_ = true;

  std::atomic<bool> can_call_into_js_{true};
  std::atomic<bool> stopping_{false};
  WorkerContext* worker_context_ = nullptr;
  std::shared_ptr<EnvVarStore> env_vars_;
  bool env_var_warning_emitted_ = false;
  int exit_code_ = 0;
  int callback_scope_depth_ = 0;
  bool should_abort_on_uncaught_ = true;
  int no_abort_on_uncaught_depth_ = 0;
  uint64_t start_time_ns_;
  double time_origin_;
};

// An asynchronous request in flight (an fs call, a connect) whose JS object
// process._getActiveRequests() lists; `name` is what
// process.getActiveResourcesInfo() reports for it ('FSReqCallback', ...).
// Listed from construction to destruction.
class ActiveRequest {
 public:
  ActiveRequest(Environment* env, const char* name) : env_(env), name_(name) {
    env->active_requests().push_back(this);
    position_ = std::prev(env->active_requests().end());
  }
  virtual ~ActiveRequest() { env_->active_requests().erase(position_); }
  LODE_DISALLOW_COPY(ActiveRequest);

  const char* resource_name() const { return name_; }
  virtual v8::Local<v8::Object> request_object() const = 0;

 private:
  Environment* env_;
  const char* name_;
  std::list<ActiveRequest*>::iterator position_;
};

// Around every call from the loop into JS: when the outermost one closes it
// runs the nextTick queue and the microtasks, in Node's order.
class InternalCallbackScope {
 public:
  explicit InternalCallbackScope(Environment* env);
  ~InternalCallbackScope();
  void Close();
  void MarkAsFailed() { failed_ = true; }

 private:
  Environment* env_;
  bool closed_ = false;
  bool failed_ = false;
};

// While one is open, an exception thrown in this environment does not stop
// the process under --abort-on-uncaught-exception: for C++ that catches an
// error (a compile's SyntaxError) and hands it to JS, which may catch it.
class NoAbortOnUncaughtScope {
 public:
  explicit NoAbortOnUncaughtScope(Environment* env) : env_(env) {
    if (env_ != nullptr) env_->no_abort_on_uncaught_depth_++;
  }
  ~NoAbortOnUncaughtScope() {
    if (env_ != nullptr) env_->no_abort_on_uncaught_depth_--;
  }
  LODE_DISALLOW_COPY(NoAbortOnUncaughtScope);

 private:
  Environment* env_;
};

// Calls `fn` on `recv` from the event loop. An exception goes to the
// uncaught-exception machinery; the result is empty then.
v8::MaybeLocal<v8::Value> MakeCallback(Environment* env,
                                       v8::Local<v8::Object> recv,
                                       v8::Local<v8::Function> fn, int argc,
                                       v8::Local<v8::Value> argv[]);
v8::MaybeLocal<v8::Value> MakeCallback(Environment* env,
                                       v8::Local<v8::Object> recv,
                                       const char* method, int argc,
                                       v8::Local<v8::Value> argv[]);

// Runs the event loop until it is empty and 'beforeExit' adds nothing.
// Returns the exit code.
int SpinEventLoop(Environment* env);
// Emits 'exit' and returns the final exit code.
int EmitProcessExit(Environment* env);

}  // namespace lode

#endif  // SRC_ENV_H_
