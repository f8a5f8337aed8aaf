#include "env.h"

#include <chrono>

#include "handle_wrap.h"
#include "lode_binding.h"
#include "lode_builtins.h"
#include "lode_internals.h"
#include "libplatform/libplatform.h"
#include "lode_errors.h"
#include "lode_perf.h"
#include "lode_platform.h"
#include "lode_tracing.h"
#include "sync_trace.h"

namespace lode {

using v8::ArrayBuffer;
using v8::Context;
using v8::Function;
using v8::HandleScope;
using v8::Int32Array;
using v8::Integer;
using v8::Isolate;
using v8::Local;
using v8::MaybeLocal;
using v8::Number;
using v8::Object;
using v8::String;
using v8::Uint32Array;
using v8::Value;

namespace {
// The category group of the environment's own spans (node.environment).
const uint8_t* const kTraceEnvironment =
    tracing::GetCategoryGroupEnabled("node,node.environment");
}  // namespace

Environment::Environment(Isolate* isolate, uv_loop_t* loop,
                         Local<Context> context, const Options* options,
                         bool from_snapshot)
    : isolate_(isolate), loop_(loop), options_(options) {
  context_.Reset(isolate, context);
  context->SetAlignedPointerInEmbedderData(kContextEmbedderDataIndex, this);
  start_time_ns_ = uv_hrtime();
  uv_update_time(loop);
  timer_base_ms_ = uv_now(loop);
  time_origin_ = std::chrono::duration<double, std::milli>(
                     std::chrono::system_clock::now().time_since_epoch())
                     .count();

  if (!from_snapshot) {
    Local<ArrayBuffer> tick_ab =
        ArrayBuffer::New(isolate, kTickFields * sizeof(int32_t));
    Local<ArrayBuffer> imm_ab =
        ArrayBuffer::New(isolate, kImmediateFields * sizeof(uint32_t));
    AdoptSharedArrays(Int32Array::New(tick_ab, 0, kTickFields),
                      Uint32Array::New(imm_ab, 0, kImmediateFields));
    memset(tick_info_data_, 0, kTickFields * sizeof(int32_t));
    memset(immediate_info_data_, 0, kImmediateFields * sizeof(uint32_t));
  }
  onclose_string_.Reset(isolate, FIXED_ONE_BYTE_STRING(isolate, "onclose"));

  CHECK_EQ(uv_timer_init(loop_, &timer_handle_), 0);
  timer_handle_.data = this;
  uv_unref(reinterpret_cast<uv_handle_t*>(&timer_handle_));
  CHECK_EQ(uv_check_init(loop_, &immediate_check_handle_), 0);
  immediate_check_handle_.data = this;
  uv_unref(reinterpret_cast<uv_handle_t*>(&immediate_check_handle_));
  CHECK_EQ(uv_check_start(&immediate_check_handle_, CheckImmediate), 0);
  // An active idle handle keeps uv_run from blocking in poll while
  // immediates are queued.
  CHECK_EQ(uv_idle_init(loop_, &immediate_idle_handle_), 0);
  immediate_idle_handle_.data = this;
  // Before each poll, V8's pending foreground tasks run (unref'ed: they do
  // not keep the process alive by themselves).
  CHECK_EQ(uv_prepare_init(loop_, &platform_tasks_handle_), 0);
  platform_tasks_handle_.data = this;
  uv_unref(reinterpret_cast<uv_handle_t*>(&platform_tasks_handle_));
  CHECK_EQ(uv_prepare_start(&platform_tasks_handle_, PumpPlatformTasks), 0);
  CHECK_EQ(uv_async_init(loop_, &platform_wakeup_handle_, OnPlatformWakeup),
           0);
  platform_wakeup_handle_.data = this;
  uv_unref(reinterpret_cast<uv_handle_t*>(&platform_wakeup_handle_));
  CHECK_EQ(uv_timer_init(loop_, &platform_delayed_timer_), 0);
  platform_delayed_timer_.data = this;
  uv_unref(reinterpret_cast<uv_handle_t*>(&platform_delayed_timer_));
  if (LodePlatform* platform = GetLodePlatform()) {
    platform->RegisterIsolate(isolate, &platform_wakeup_handle_);
  }
}

void Environment::AdoptSharedArrays(Local<Int32Array> tick_info,
                                    Local<Uint32Array> immediate_info) {
  CHECK_EQ(tick_info->Length(), static_cast<size_t>(kTickFields));
  CHECK_EQ(immediate_info->Length(), static_cast<size_t>(kImmediateFields));
  tick_info_array_.Reset(isolate_, tick_info);
  immediate_info_array_.Reset(isolate_, immediate_info);
  tick_info_data_ = reinterpret_cast<int32_t*>(
      static_cast<char*>(tick_info->Buffer()->Data()) +
      tick_info->ByteOffset());
  immediate_info_data_ = reinterpret_cast<uint32_t*>(
      static_cast<char*>(immediate_info->Buffer()->Data()) +
      immediate_info->ByteOffset());
}

Environment::~Environment() {
  // In case RunCleanup did not run: the platform must not signal a handle
  // that is gone.
  if (LodePlatform* platform = GetLodePlatform()) {
    platform->UnregisterIsolate(isolate_);
  }
  context()->SetAlignedPointerInEmbedderData(kContextEmbedderDataIndex,
                                             nullptr);
}

Environment* Environment::GetCurrent(Isolate* isolate) {
  if (!isolate->InContext()) return nullptr;
  return GetCurrent(isolate->GetCurrentContext());
}

Environment* Environment::GetCurrent(Local<Context> context) {
  if (context.IsEmpty() ||
      context->GetNumberOfEmbedderDataFields() <= kContextEmbedderDataIndex) {
    return nullptr;
  }
  return static_cast<Environment*>(
      context->GetAlignedPointerFromEmbedderData(kContextEmbedderDataIndex));
}

MaybeLocal<Object> Environment::GetBinding(const char* name) {
  auto it = bindings_.find(name);
  if (it != bindings_.end()) return it->second.Get(isolate_);
  const binding::BindingModule* mod = binding::Find(name);
  if (mod == nullptr) return MaybeLocal<Object>();
  Local<Context> ctx = context();
  Local<Object> exports = Object::New(isolate_);
  mod->initialize(exports, v8::Undefined(isolate_), ctx, nullptr);
  bindings_[name].Reset(isolate_, exports);
  return exports;
}

Local<Object> Environment::compiled_builtins() {
  if (compiled_builtins_.IsEmpty()) {
    compiled_builtins_.Reset(
        isolate_, Object::New(isolate_, v8::Null(isolate_), nullptr, nullptr,
                              0));
  }
  return compiled_builtins_.Get(isolate_);
}

MaybeLocal<Function> Environment::CompileBuiltin(const char* id,
                                                 bool eager) {
  Local<Context> ctx = context();
  if (!compiled_builtins_.IsEmpty()) {
    Local<Value> fn;
    if (!compiled_builtins()
             ->Get(ctx, v8::String::NewFromUtf8(isolate_, id)
                            .ToLocalChecked())
             .ToLocal(&fn)) {
      return MaybeLocal<Function>();
    }
    if (fn->IsFunction()) return fn.As<Function>();
  }
  return builtins::CompileBuiltin(ctx, id, builtins::kModuleParamCount,
                                  builtins::kModuleParams, eager);
}

bool Environment::CompileBuiltinAhead(const char* id) {
  Local<Context> ctx = context();
  Local<Function> fn;
  return builtins::CompileBuiltin(ctx, id, builtins::kModuleParamCount,
                                  builtins::kModuleParams, true)
             .ToLocal(&fn) &&
         compiled_builtins()
             ->Set(ctx, v8::String::NewFromUtf8(isolate_, id)
                            .ToLocalChecked(), fn)
             .IsJust();
}

MaybeLocal<Value> Environment::RunBuiltinScript(const char* id) {
  Local<Context> ctx = context();
  Local<Function> fn;
  if (!CompileBuiltin(id).ToLocal(&fn)) return MaybeLocal<Value>();
  Local<Object> exports = Object::New(isolate_);
  Local<Object> module = Object::New(isolate_);
  if (module->Set(ctx, FIXED_ONE_BYTE_STRING(isolate_, "exports"), exports)
          .IsNothing()) {
    return MaybeLocal<Value>();
  }
  Local<Value> args[] = {exports, builtin_require(), module,
                         process_object(), internal_binding(), primordials()};
  return fn->Call(ctx, v8::Undefined(isolate_), arraysize(args), args);
}

uint64_t Environment::GetNowMs() {
  uv_update_time(loop_);
  return TimerNowMs();
}

void Environment::ScheduleTimer(int64_t duration_ms) {
  if (duration_ms < 1) duration_ms = 1;
  uv_timer_start(&timer_handle_, RunTimers, duration_ms, 0);
}

void Environment::ToggleTimerRef(bool ref) {
  timer_ref_ = ref;
  if (ref) {
    uv_ref(reinterpret_cast<uv_handle_t*>(&timer_handle_));
  } else {
    uv_unref(reinterpret_cast<uv_handle_t*>(&timer_handle_));
  }
}

void Environment::ToggleImmediateRef(bool ref) {
  if (ref) {
    uv_idle_start(&immediate_idle_handle_, [](uv_idle_t*) {});
  } else {
    uv_idle_stop(&immediate_idle_handle_);
  }
}

// The JS side keeps the timer lists; it returns the next expiry: 0 for
// none, positive when a ref'ed timer is due then, negative (the same
// magnitude) when only unref'ed timers remain.
void Environment::RunTimers(uv_timer_t* handle) {
  tracing::ScopedEvent trace(kTraceEnvironment, "RunTimers");
  Environment* env = static_cast<Environment*>(handle->data);
  if (!env->can_call_into_js()) return;
  Isolate* isolate = env->isolate();
  HandleScope scope(isolate);
  Local<Context> context = env->context();
  Context::Scope context_scope(context);
  // The ticks and microtasks of the timers run when this scope closes, after
  // the uv timer is rescheduled below: they may schedule timers themselves.
  InternalCallbackScope callback_scope(env);
  Local<Function> cb = env->process_timers();
  Local<Value> arg =
      Number::New(isolate, static_cast<double>(env->TimerNowMs()));
  Local<Value> ret;
  // An exception went through the uncaught-exception path (and was
  // handled, or the process has exited): call again for the timers left.
  do {
    if (!cb->Call(context, env->process_object(), 1, &arg).ToLocal(&ret)) {
      ret = Local<Value>();
    }
  } while (ret.IsEmpty() && env->can_call_into_js());
  if (!env->can_call_into_js()) {
    callback_scope.MarkAsFailed();
    return;
  }
  int64_t expiry = static_cast<int64_t>(ret.As<Number>()->Value());
  if (expiry != 0) {
    int64_t duration =
        std::abs(expiry) - static_cast<int64_t>(env->TimerNowMs());
    env->ScheduleTimer(duration > 0 ? duration : 1);
    env->ToggleTimerRef(expiry > 0);
  } else {
    uv_timer_stop(&env->timer_handle_);
    // A timer started later (an unref'd one: insert() only schedules)
    // must not find the handle still holding the loop.
    env->ToggleTimerRef(false);
  }
}

void Environment::CheckImmediate(uv_check_t* handle) {
  tracing::ScopedEvent trace(kTraceEnvironment, "CheckImmediate");
  // Where Node runs its native immediates (lode queues none of its own
  // here: the span is empty).
  {
    tracing::ScopedEvent native(kTraceEnvironment,
                                "RunAndClearNativeImmediates");
  }
  Environment* env = static_cast<Environment*>(handle->data);
  uint32_t* info = env->immediate_info();
  if (info[kImmediateCount] == 0 || !env->can_call_into_js()) return;
  HandleScope scope(env->isolate());
  Context::Scope context_scope(env->context());
  MakeCallback(env, env->process_object(), env->process_immediate(), 0,
               nullptr);
  if (info[kImmediateRefCount] == 0) env->ToggleImmediateRef(false);
}

bool Environment::RunPlatformTasks() {
  v8::Platform* platform = GetPlatform();
  if (platform == nullptr || !can_call_into_js()) return false;
  HandleScope scope(isolate_);
  Context::Scope context_scope(context());
  InternalCallbackScope callback_scope(this);
  bool ran = false;
  double pumped_at = platform->MonotonicallyIncreasingTime();
  while (v8::platform::PumpMessageLoop(platform, isolate_)) ran = true;
  // The delayed tasks that are not due yet: a timer for the earliest.
  if (LodePlatform* lode_platform = GetLodePlatform()) {
    double next = lode_platform->NextDelayedDeadline(isolate_, pumped_at);
    if (next == 0) {
      uv_timer_stop(&platform_delayed_timer_);
    } else {
      double ms = (next - pumped_at) * 1000;
      uv_timer_start(&platform_delayed_timer_, OnPlatformDelayedTaskDue,
                     ms > 0 ? static_cast<uint64_t>(ms) + 1 : 0, 0);
    }
  }
  return ran;
}

void Environment::OnPlatformDelayedTaskDue(uv_timer_t* handle) {
  static_cast<Environment*>(handle->data)->RunPlatformTasks();
}

// Before each poll of the loop: runs the delayed tasks that came due (the
// others wake the loop, see OnPlatformWakeup), at most once per
// millisecond of loop time. Pumping costs about as much as delivering a
// small message, and a loop woken by messages turns many times a
// millisecond.
void Environment::PumpPlatformTasks(uv_prepare_t* handle) {
  Environment* env = static_cast<Environment*>(handle->data);
  uint64_t now = uv_now(env->loop_);
  if (now == env->platform_tasks_pumped_at_) return;
  env->platform_tasks_pumped_at_ = now;
  env->RunPlatformTasks();
}

void Environment::OnPlatformWakeup(uv_async_t* handle) {
  static_cast<Environment*>(handle->data)->RunPlatformTasks();
}

void Environment::AddCleanupHook(std::function<void()> fn) {
  cleanup_hooks_.push_back(std::move(fn));
}

void Environment::AddAtExitHook(std::function<void()> fn) {
  at_exit_hooks_.push_back(std::move(fn));
}

void Environment::RunAtExitHooks() {
  tracing::ScopedEvent trace(kTraceEnvironment, "AtExit");
  while (!at_exit_hooks_.empty()) {
    auto hooks = std::move(at_exit_hooks_);
    at_exit_hooks_.clear();
    for (auto it = hooks.rbegin(); it != hooks.rend(); ++it) (*it)();
  }
}

void Environment::RunCleanup() {
  {
    tracing::ScopedEvent trace(kTraceEnvironment, "RunCleanup");
    {
      tracing::ScopedEvent native(kTraceEnvironment,
                                  "RunAndClearNativeImmediates");
    }
    RunAtExitHooks();
    while (!cleanup_hooks_.empty()) {
      auto hooks = std::move(cleanup_hooks_);
      cleanup_hooks_.clear();
      for (auto it = hooks.rbegin(); it != hooks.rend(); ++it) (*it)();
    }
    uv_close(reinterpret_cast<uv_handle_t*>(&timer_handle_), nullptr);
    uv_close(reinterpret_cast<uv_handle_t*>(&immediate_check_handle_),
             nullptr);
    uv_close(reinterpret_cast<uv_handle_t*>(&immediate_idle_handle_),
             nullptr);
    uv_close(reinterpret_cast<uv_handle_t*>(&platform_tasks_handle_),
             nullptr);
    if (LodePlatform* platform = GetLodePlatform()) {
      platform->UnregisterIsolate(isolate_);
    }
    uv_close(reinterpret_cast<uv_handle_t*>(&platform_wakeup_handle_),
             nullptr);
    uv_close(reinterpret_cast<uv_handle_t*>(&platform_delayed_timer_),
             nullptr);
    uv_run(loop_, UV_RUN_NOWAIT);
  }
  trace_events::OnEnvironmentCleanedUp(this);
}

std::mutex& ProcessEnvMutex() {
  static std::mutex* mutex = new std::mutex();
  return *mutex;
}

bool EnvVarStore::Get(const std::string& key, std::string* value) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = vars_.find(key);
  if (it == vars_.end()) return false;
  *value = it->second;
  return true;
}

void EnvVarStore::Set(const std::string& key, const std::string& value) {
  std::lock_guard<std::mutex> lock(mutex_);
  vars_[key] = value;
}

void EnvVarStore::Delete(const std::string& key) {
  std::lock_guard<std::mutex> lock(mutex_);
  vars_.erase(key);
}

std::vector<std::pair<std::string, std::string>> EnvVarStore::Entries() {
  std::lock_guard<std::mutex> lock(mutex_);
  return {vars_.begin(), vars_.end()};
}

void Environment::Exit(int code) {
  set_can_call_into_js(false);
  RunAtExitHooks();
  if (worker_context_ != nullptr) {
    worker_context_->Exit(code);
    return;
  }
  // Workers first: none may still run when the process goes.
  worker::StopSubWorkers(this);
  ExitNow(code);
}

void Environment::CloseAllHandles() {
  // Closing one may close others (a port closes its peer's wrap lazily):
  // take a copy each round.
  for (int round = 0; round < 8 && !handle_wraps_.empty(); round++) {
    std::vector<HandleWrap*> wraps(handle_wraps_.begin(), handle_wraps_.end());
    for (HandleWrap* wrap : wraps) wrap->Close();
    uv_run(loop_, UV_RUN_NOWAIT);
  }
}

InternalCallbackScope::InternalCallbackScope(Environment* env) : env_(env) {
  env_->callback_scope_depth_++;
}

InternalCallbackScope::~InternalCallbackScope() {
  Close();
  env_->callback_scope_depth_--;
}

void InternalCallbackScope::Close() {
  if (closed_) return;
  closed_ = true;
  if (failed_ || !env_->can_call_into_js()) return;
  if (env_->callback_scope_depth_ > 1) return;
  Isolate* isolate = env_->isolate();
  int32_t* tick_info = env_->tick_info();
  if (tick_info[kHasTickScheduled] == 0) {
    isolate->PerformMicrotaskCheckpoint();
    if (!env_->can_call_into_js()) return;
  }
  if (tick_info[kHasTickScheduled] == 0 &&
      tick_info[kHasRejectionToWarn] == 0) {
    return;
  }
  HandleScope scope(isolate);
  Local<Context> context = env_->context();
  Local<Function> tick = env_->tick_callback();
  if (tick.IsEmpty()) return;
  // An exception here has already gone through the uncaught-exception
  // path (the message listener); nothing more to do.
  (void)tick->Call(context, env_->process_object(), 0, nullptr);
}

MaybeLocal<Value> MakeCallback(Environment* env, Local<Object> recv,
                               Local<Function> fn, int argc,
                               Local<Value> argv[]) {
  if (!env->can_call_into_js()) return MaybeLocal<Value>();
  InternalCallbackScope scope(env);
  MaybeLocal<Value> ret = fn->Call(env->context(), recv, argc, argv);
  if (ret.IsEmpty()) scope.MarkAsFailed();
  return ret;
}

MaybeLocal<Value> MakeCallback(Environment* env, Local<Object> recv,
                               const char* method, int argc,
                               Local<Value> argv[]) {
  // An internalized name: found in V8's string table as it is made, so the
  // lookup below needs no copy of it (this runs once per completed request).
  Local<String> name;
  Local<Value> fn;
  if (!String::NewFromUtf8(env->isolate(), method,
                           v8::NewStringType::kInternalized)
           .ToLocal(&name) ||
      !recv->Get(env->context(), name).ToLocal(&fn) || !fn->IsFunction()) {
    return MaybeLocal<Value>();
  }
  return MakeCallback(env, recv, fn.As<Function>(), argc, argv);
}

static bool EmitProcessEvent(Environment* env, const char* event,
                             int code, Local<Value>* result) {
  Isolate* isolate = env->isolate();
  Local<Value> args[] = {OneByteString(isolate, event),
                         Integer::New(isolate, code)};
  InternalCallbackScope scope(env);
  if (!env->emit_process_event()
           ->Call(env->context(), env->process_object(), 2, args)
           .ToLocal(result)) {
    scope.MarkAsFailed();
    return false;
  }
  return true;
}

// Waits for the platform's worker tasks, then runs the foreground tasks
// they left, until there are none: whether any ran.
static bool DrainPlatformTasks(Environment* env) {
  LodePlatform* platform = GetLodePlatform();
  bool ran = false;
  for (;;) {
    if (platform != nullptr) platform->WaitForWorkerTasks();
    if (!env->RunPlatformTasks()) break;
    ran = true;
    if (env->is_stopping() || uv_loop_alive(env->loop())) break;
  }
  return ran;
}

int SpinEventLoop(Environment* env) {
  Isolate* isolate = env->isolate();
  HandleScope scope(isolate);
  Context::Scope context_scope(env->context());
  performance::Mark(env, performance::kLoopStart);
  SetSyncTraceActive(env->options()->GetBool("--trace-sync-io"));
  for (;;) {
    if (env->is_stopping()) break;
    uv_run(env->loop(), UV_RUN_DEFAULT);
    if (env->is_stopping() || !env->can_call_into_js()) break;
    // Background work V8 still does (an asynchronous WebAssembly compile)
    // and the foreground tasks left when the loop ran down may start new
    // work: they go first.
    if (DrainPlatformTasks(env) && uv_loop_alive(env->loop())) continue;
    Local<Value> ignored;
    {
      tracing::ScopedEvent trace(kTraceEnvironment, "BeforeExit");
      EmitProcessEvent(env, "beforeExit", 0, &ignored);
    }
    if (env->is_stopping() || !env->can_call_into_js()) break;
    if (!uv_loop_alive(env->loop())) break;
  }
  SetSyncTraceActive(false);
  performance::Mark(env, performance::kLoopExit);
  return env->exit_code();
}

int EmitProcessExit(Environment* env) {
  Isolate* isolate = env->isolate();
  HandleScope scope(isolate);
  Context::Scope context_scope(env->context());
  if (!env->can_call_into_js()) return env->exit_code();
  Local<Value> result;
  if (EmitProcessEvent(env, "exit", 0, &result) && result->IsInt32()) {
    env->set_exit_code(result.As<v8::Int32>()->Value());
  }
  return env->exit_code();
}

}  // namespace lode
