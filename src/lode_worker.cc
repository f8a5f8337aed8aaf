// internalBinding('worker'): worker threads. A Worker is a thread with its
// own libuv loop, isolate (made from the process's startup snapshot),
// context and Environment, which runs lib/internal/main/worker_thread.js.
// Parent and worker talk over one internal MessagePort pair (the script to
// run, stdio, errors); lib/internal/worker.js builds the public API on it.
//
// In the parent, the Worker object is a handle: a uv_async_t on the
// parent's loop that the thread signals when it has ended, so that the
// parent joins it and calls `onexit(code, customErrorCode, reason)`.
#include <string.h>

#include <algorithm>
#include <atomic>
#include <condition_variable>
#include <mutex>
#include <set>
#include <unordered_set>

#include "env.h"
#include "handle_wrap.h"
#include "libplatform/libplatform.h"
#include "lode_async_wakeup.h"
#include "lode_napi_context.h"
#include "lode_binding.h"
#include "lode_errors.h"
#include "lode_internals.h"
#include "lode_message_port.h"
#include "lode_options.h"
#include "lode_permission.h"
#include "lode_report.h"
#include "lode_snapshot.h"
#include "lode_tracing.h"
#include "uv.h"

extern char** environ;

namespace lode::worker {

using messaging::MessagePort;
using messaging::PortData;
using v8::Array;
using v8::Context;
using v8::Float64Array;
using v8::FunctionCallbackInfo;
using v8::FunctionTemplate;
using v8::HandleScope;
using v8::Integer;
using v8::Isolate;
using v8::Local;
using v8::Object;
using v8::String;
using v8::TryCatch;
using v8::Value;

namespace {

// The indices of resourceLimits (also in lib/internal/worker.js).
enum ResourceLimit {
  kMaxYoungGenerationSizeMb = 0,
  kMaxOldGenerationSizeMb,
  kCodeRangeSizeMb,
  kStackSizeMb,
  kTotalResourceLimitCount
};

constexpr double kMB = 1024 * 1024;
// The thread's stack, and the part of it kept free below V8's limit for
// the C++ frames under JS.
constexpr size_t kDefaultStackSize = 4 * 1024 * 1024;
constexpr size_t kStackBufferSize = 192 * 1024;

std::atomic<uint64_t> next_thread_id{1};

// Options the main thread alone decides (and V8 flags): a worker's
// execArgv may not carry them.
// Options of the whole process, which a worker cannot have its own of.
bool IsPerProcessOption(std::string name) {
  if (name.rfind("--no-", 0) == 0) name = "--" + name.substr(5);
  for (size_t i = 2; i < name.size(); i++) {
    if (name[i] == '_') name[i] = '-';
  }
  const OptionSpec* spec = FindOptionSpec(name);
  return spec != nullptr && spec->per_process;
}

class Worker;

// A parent's request for a worker's part of its diagnostic report,
// answered on the worker's thread.
struct SubreportRequest {
  std::string trigger;
  int depth;
  bool compact;
  std::string result;  // empty: the worker ended before it answered
  bool done = false;
};

// The workers each environment started, stopped and joined at its
// teardown.
struct WorkerList : public BindingData {
  std::set<Worker*> workers;
};

class Worker : public HandleWrap, public Environment::WorkerContext {
 public:
  Worker(Environment* env, Local<Object> object, Options options,
         std::shared_ptr<EnvVarStore> env_vars, const double* limits,
         std::string name);
  ~Worker() override;

  uint64_t thread_id() const override { return thread_id_; }
  void Exit(int code) override;

  // From the parent's thread: ends the worker's run (terminate()).
  void Stop();
  void StopAndJoin();
  void JoinThread();

  static void New(const FunctionCallbackInfo<Value>& args);
  static void StartThread(const FunctionCallbackInfo<Value>& args);
  static void StopThread(const FunctionCallbackInfo<Value>& args);
  static void GetResourceLimits(const FunctionCallbackInfo<Value>& args);
  static void LoopIdleTime(const FunctionCallbackInfo<Value>& args);
  static void LoopStartTime(const FunctionCallbackInfo<Value>& args);
  static void WorkerHasRef(const FunctionCallbackInfo<Value>& args);

  std::unique_ptr<PortData> TakeChildPortData() {
    return std::move(child_port_data_);
  }
  const double* resource_limits() const { return resource_limits_; }
  const std::string& name() const { return name_; }

  // From the parent's thread: the worker's subreport, made on its own
  // thread (between two JavaScript statements or in its idle loop); empty
  // when the worker's environment is not running (not yet, or stopping).
  std::string Subreport(const std::string& trigger, int depth, bool compact);

 private:
  static void OnSubreportInterrupt(Isolate* isolate, void* data);
  void AnswerSubreport();
  void AbandonSubreportAndEnv();

  void Run();
  bool RunEnvironmentInThread(Isolate* isolate);
  void ApplyResourceLimits(v8::ResourceConstraints* constraints);
  static void OnThreadExit(uv_async_t* handle);
  static void OnStopRequest(uv_async_t* handle);
  static size_t NearHeapLimit(void* data, size_t current_limit,
                              size_t initial_limit);

  uv_async_t exit_async_;
  int init_error_ = 0;
  uv_thread_t thread_;
  bool thread_started_ = false;
  bool thread_joined_ = false;
  const uint64_t thread_id_;
  std::string name_;
  std::string url_;  // the script's URL, for the inspector's NodeWorker
  bool own_exec_argv_ = false;  // options from execArgv, not the parent's
  report::ThreadSettings report_settings_;
  Options options_;
  std::shared_ptr<EnvVarStore> env_vars_;
  double resource_limits_[kTotalResourceLimitCount];
  size_t stack_size_ = kDefaultStackSize;
  std::unique_ptr<PortData> child_port_data_;
  uv_loop_t loop_;

  // Shared with the worker's thread.
  std::mutex mutex_;
  Environment* child_env_ = nullptr;
  Isolate* child_isolate_ = nullptr;
  uv_async_t stop_async_;
  bool stop_requested_ = false;
  bool exit_code_set_ = false;
  int exit_code_ = 0;
  const char* custom_error_ = nullptr;
  std::string custom_error_reason_;
  SubreportRequest* subreport_request_ = nullptr;
  std::condition_variable subreport_answered_;
  // When the worker's loop started (uv_hrtime() in ms), -1 before.
  std::atomic<double> loop_start_ms_{-1};
};

WorkerList* ListOf(Environment* env) {
  WorkerList* list = env->GetBindingData<WorkerList>("worker.list");
  if (list == nullptr) {
    list = env->SetBindingData("worker.list", std::make_unique<WorkerList>());
    env->AddCleanupHook([env] { StopSubWorkers(env); });
  }
  return list;
}

Worker::Worker(Environment* env, Local<Object> object, Options options,
               std::shared_ptr<EnvVarStore> env_vars, const double* limits,
               std::string name)
    : HandleWrap(env, object, reinterpret_cast<uv_handle_t*>(&exit_async_)),
      thread_id_(next_thread_id++),
      name_(std::move(name)),
      options_(std::move(options)),
      env_vars_(std::move(env_vars)) {
  init_error_ = uv_async_init(env->loop(), &exit_async_, OnThreadExit);
  exit_async_.data = static_cast<HandleWrap*>(this);
  set_resource_name("Worker");
  memcpy(resource_limits_, limits, sizeof(resource_limits_));
  ListOf(env)->workers.insert(this);
  // As in Node, a worker starts from its parent's report settings of now.
  report_settings_ = report::ThreadSettingsOf(env);
}

Worker::~Worker() {
  StopAndJoin();
  WorkerList* list = env()->GetBindingData<WorkerList>("worker.list");
  if (list != nullptr) list->workers.erase(this);
}

void Worker::ApplyResourceLimits(v8::ResourceConstraints* constraints) {
  constraints->ConfigureDefaults(uv_get_total_memory(),
                                 uv_get_constrained_memory());
  double* limits = resource_limits_;
  if (limits[kMaxYoungGenerationSizeMb] > 0) {
    constraints->set_max_young_generation_size_in_bytes(
        static_cast<size_t>(limits[kMaxYoungGenerationSizeMb] * kMB));
  } else {
    limits[kMaxYoungGenerationSizeMb] =
        constraints->max_young_generation_size_in_bytes() / kMB;
  }
  if (limits[kMaxOldGenerationSizeMb] > 0) {
    constraints->set_max_old_generation_size_in_bytes(
        static_cast<size_t>(limits[kMaxOldGenerationSizeMb] * kMB));
  } else {
    limits[kMaxOldGenerationSizeMb] =
        constraints->max_old_generation_size_in_bytes() / kMB;
  }
  if (limits[kCodeRangeSizeMb] > 0) {
    constraints->set_code_range_size_in_bytes(
        static_cast<size_t>(limits[kCodeRangeSizeMb] * kMB));
  } else {
    limits[kCodeRangeSizeMb] = constraints->code_range_size_in_bytes() / kMB;
  }
  if (limits[kStackSizeMb] > 0) {
    size_t bytes = static_cast<size_t>(limits[kStackSizeMb] * kMB);
    if (bytes > kStackBufferSize) {
      stack_size_ = bytes;
    } else {
      limits[kStackSizeMb] = stack_size_ / kMB;
    }
  } else {
    limits[kStackSizeMb] = stack_size_ / kMB;
  }
}

size_t Worker::NearHeapLimit(void* data, size_t current_limit,
                             size_t initial_limit) {
  Worker* worker = static_cast<Worker*>(data);
  {
    std::lock_guard<std::mutex> lock(worker->mutex_);
    if (worker->custom_error_ == nullptr) {
      worker->custom_error_ = "ERR_WORKER_OUT_OF_MEMORY";
      worker->custom_error_reason_ = "JS heap out of memory";
    }
  }
  worker->Stop();
  // Room for the termination to take effect instead of a fatal OOM.
  return current_limit + 16 * 1024 * 1024;
}

void Worker::Run() {
  Isolate::CreateParams params;
  params.array_buffer_allocator_shared = GetArrayBufferAllocator();
  params.external_references =
      GetExternalReferenceRegistry()->external_references().data();
  const v8::StartupData* snapshot = GetStartupSnapshot();
  params.snapshot_blob = const_cast<v8::StartupData*>(snapshot);
  ApplyResourceLimits(&params.constraints);

  // Out of file descriptors (or memory), the thread ends at once with
  // ERR_WORKER_INIT_FAILED, as in Node.
  int err = uv_loop_init(&loop_);
  if (err == 0) {
    err = uv_async_init(&loop_, &stop_async_, OnStopRequest);
    if (err != 0) CHECK_EQ(uv_loop_close(&loop_), 0);
  }
  if (err != 0) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      custom_error_ = "ERR_WORKER_INIT_FAILED";
      custom_error_reason_ = uv_err_name(err);
      exit_code_ = kGenericUserError;
      exit_code_set_ = true;
    }
    WakeAsync(&exit_async_);
    return;
  }
  uv_unref(reinterpret_cast<uv_handle_t*>(&stop_async_));
  Isolate* isolate = Isolate::New(params);
  SetIsolateHooks(isolate, false);
  {
    uintptr_t stack_top = reinterpret_cast<uintptr_t>(&params);
    isolate->SetStackLimit(stack_top - (stack_size_ - kStackBufferSize));
  }
  isolate->AddNearHeapLimitCallback(NearHeapLimit, this);

  int exit_code = 0;
  {
    Isolate::Scope isolate_scope(isolate);
    if (!RunEnvironmentInThread(isolate)) exit_code = kGenericUserError;
  }
  {
    std::lock_guard<std::mutex> lock(mutex_);
    child_isolate_ = nullptr;
    if (!exit_code_set_) {
      exit_code_ = exit_code;
      exit_code_set_ = true;
    }
  }
  isolate->RemoveNearHeapLimitCallback(NearHeapLimit, 0);
  v8::platform::NotifyIsolateShutdown(GetPlatform(), isolate);
  isolate->Dispose();

  // Whatever is left (requests on the threadpool, handles no wrap owns):
  // closed, then the loop.
  if (uv_loop_close(&loop_) == UV_EBUSY) {
    uv_walk(
        &loop_,
        [](uv_handle_t* handle, void*) {
          if (!uv_is_closing(handle)) uv_close(handle, nullptr);
        },
        nullptr);
    uv_run(&loop_, UV_RUN_DEFAULT);
    uv_loop_close(&loop_);
  }
  WakeAsync(&exit_async_);
}

bool Worker::RunEnvironmentInThread(Isolate* isolate) {
  HandleScope handle_scope(isolate);
  bool from_snapshot = GetStartupSnapshot() != nullptr;
  Local<Context> context =
      from_snapshot
          ? Context::FromSnapshot(isolate, kSnapshotContextIndex, {},
                                  napi::ContextExtensions())
                .ToLocalChecked()
          : Context::New(isolate, napi::ContextExtensions());
  Context::Scope context_scope(context);
  Environment env(isolate, &loop_, context, &options_, from_snapshot);
  env.set_worker_context(this);
  env.set_env_vars(env_vars_);
  report::InitializeThread(&env, report_settings_, own_exec_argv_);
  stop_async_.data = &env;
  // The thread's name in a trace: "[worker 1] WorkerThread", or the name
  // given to the Worker.
  tracing::SetThreadName("[worker " + std::to_string(thread_id_) + "] " +
                         (name_.empty() ? "WorkerThread" : name_));
  inspector::InspectorWorkerStarted(thread_id_, name_, url_);
  struct Unlisted {
    uint64_t id;
    ~Unlisted() { inspector::InspectorWorkerStopped(id); }
  } unlisted{thread_id_};

  bool stopped;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    child_env_ = &env;
    child_isolate_ = isolate;
    stopped = stop_requested_;
  }
  bool ok = !stopped;
  if (stopped) {
    // terminate() (or the parent's exit) came before the thread ran.
    env.set_stopping(true);
    env.set_can_call_into_js(false);
  } else {
    TryCatch try_catch(isolate);
    if (!LoadEnvironment(&env, from_snapshot)) {
      ok = false;
      if (try_catch.HasCaught() && !try_catch.HasTerminated()) {
        // Made outside the lock: it allocates, and the heap limit callback
        // takes the lock too.
        std::string reason = Utf8Value(isolate, try_catch.Exception()).ToString();
        std::lock_guard<std::mutex> lock(mutex_);
        if (custom_error_ == nullptr) {
          custom_error_ = "ERR_WORKER_INIT_FAILED";
          custom_error_reason_ = std::move(reason);
        }
      }
    } else {
      try_catch.Reset();
      try_catch.SetVerbose(true);
      InternalCallbackScope callback_scope(&env);
      if (env.RunBuiltinScript("internal/main/worker_thread").IsEmpty()) {
        callback_scope.MarkAsFailed();
      }
    }
  }
  if (ok && !env.is_stopping()) {
    loop_start_ms_ = static_cast<double>(uv_hrtime()) / 1e6;
    SpinEventLoop(&env);
    if (!env.is_stopping() && env.can_call_into_js()) {
      int code = EmitProcessExit(&env);
      std::lock_guard<std::mutex> lock(mutex_);
      if (!exit_code_set_) {
        exit_code_ = code;
        exit_code_set_ = true;
      }
    }
  }

  // Gone for a report too: in one step, so that no request comes between.
  AbandonSubreportAndEnv();
  env.set_can_call_into_js(false);
  env.set_stopping(true);
  isolate->CancelTerminateExecution();
  env.RunCleanup();
  env.CloseAllHandles();
  uv_close(reinterpret_cast<uv_handle_t*>(&stop_async_), nullptr);
  uv_run(&loop_, UV_RUN_NOWAIT);
  // Requests still on the threadpool (a dns lookup, an fs call) complete
  // against this Environment: they must finish before it goes. JS is off,
  // so their callbacks only free them.
  while (!env.active_requests().empty()) uv_run(&loop_, UV_RUN_ONCE);
  return ok;
}

void Worker::Exit(int code) {
  // On the worker's thread (process.exit(), a fatal exception).
  Environment* env;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    stop_requested_ = true;
    if (!exit_code_set_) {
      exit_code_ = code;
      exit_code_set_ = true;
    }
    env = child_env_;
  }
  if (env == nullptr) return;
  env->set_stopping(true);
  env->set_can_call_into_js(false);
  env->isolate()->TerminateExecution();
  uv_stop(env->loop());
}

void Worker::Stop() {
  std::lock_guard<std::mutex> lock(mutex_);
  stop_requested_ = true;
  if (!exit_code_set_) {
    exit_code_ = kGenericUserError;
    exit_code_set_ = true;
  }
  if (child_env_ != nullptr) {
    child_env_->set_stopping(true);
    child_env_->set_can_call_into_js(false);
    child_isolate_->TerminateExecution();
    WakeAsync(&stop_async_);
  }
}

// The wake-up of a worker's loop: a stop request, or a subreport asked for
// while the loop waits.
void Worker::OnStopRequest(uv_async_t* handle) {
  Environment* env = static_cast<Environment*>(handle->data);
  Worker* worker = static_cast<Worker*>(env->worker_context());
  worker->AnswerSubreport();
  std::lock_guard<std::mutex> lock(worker->mutex_);
  if (worker->stop_requested_) uv_stop(env->loop());
}

std::string Worker::Subreport(const std::string& trigger, int depth,
                              bool compact) {
  SubreportRequest request{trigger, depth, compact};
  std::unique_lock<std::mutex> lock(mutex_);
  // One request at a time; a worker that is stopping gives none.
  if (child_env_ == nullptr || stop_requested_ ||
      subreport_request_ != nullptr) {
    return "";
  }
  subreport_request_ = &request;
  WakeAsync(&stop_async_);
  child_isolate_->RequestInterrupt(OnSubreportInterrupt, this);
  subreport_answered_.wait(lock, [&] { return request.done; });
  return std::move(request.result);
}

void Worker::OnSubreportInterrupt(Isolate*, void* data) {
  static_cast<Worker*>(data)->AnswerSubreport();
}

// On the worker's thread: the first of the interrupt and the wake-up to
// arrive answers; the other finds nothing to do.
void Worker::AnswerSubreport() {
  SubreportRequest* request;
  Environment* env;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    request = subreport_request_;
    env = child_env_;
    if (request == nullptr || env == nullptr) return;
  }
  std::string text;
  {
    // Made outside the lock: it allocates, and the heap limit callback
    // takes the lock too.
    HandleScope scope(env->isolate());
    Context::Scope context_scope(env->context());
    std::string event = "Worker thread subreport [" +
                        (name_.empty() ? std::string("WorkerThread") : name_) +
                        "]";
    text = report::WorkerSubreport(env, event, request->trigger,
                                   request->depth, request->compact);
  }
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (subreport_request_ != request) return;
    request->result = std::move(text);
    request->done = true;
    subreport_request_ = nullptr;
  }
  subreport_answered_.notify_all();
}

// The worker's environment is going: no request finds it from now on, and
// one it did not answer gets an empty subreport.
void Worker::AbandonSubreportAndEnv() {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    child_env_ = nullptr;
    if (subreport_request_ == nullptr) return;
    subreport_request_->done = true;
    subreport_request_ = nullptr;
  }
  subreport_answered_.notify_all();
}

void Worker::JoinThread() {
  if (!thread_started_ || thread_joined_) return;
  CHECK_EQ(uv_thread_join(&thread_), 0);
  thread_joined_ = true;
}

void Worker::StopAndJoin() {
  Stop();
  JoinThread();
}

void Worker::OnThreadExit(uv_async_t* handle) {
  Worker* worker =
      static_cast<Worker*>(static_cast<HandleWrap*>(handle->data));
  worker->JoinThread();
  Environment* env = worker->env();
  if (worker->state() != kInitialized) return;
  if (env->can_call_into_js()) {
    Isolate* isolate = env->isolate();
    HandleScope scope(isolate);
    Context::Scope context_scope(env->context());
    Local<Value> argv[] = {
        Integer::New(isolate, worker->exit_code_),
        worker->custom_error_ != nullptr
            ? OneByteString(isolate, worker->custom_error_).As<Value>()
            : v8::Undefined(isolate).As<Value>(),
        worker->custom_error_ != nullptr
            ? Utf8String(isolate, worker->custom_error_reason_).As<Value>()
            : v8::Undefined(isolate).As<Value>()};
    MakeCallback(env, worker->object(), "onexit", 3, argv);
  }
  worker->Close();
}

// new Worker(execArgv | undefined, env, resourceLimits, name,
//            trackUnmanagedFds, url)
//   env: undefined for a copy of this environment's variables, true to
//   share them (SHARE_ENV), or a flat [key, value, ...] array.
// An invalid execArgv leaves `invalidExecArgv` (the flags) on the object.
void Worker::New(const FunctionCallbackInfo<Value>& args) {
  Environment* env = Environment::GetCurrent(args);
  Isolate* isolate = args.GetIsolate();
  Local<Context> context = env->context();
  CHECK(args.IsConstructCall());
  if (!permission::Check(isolate, permission::Scope::kWorkerThreads, "")) {
    return;
  }

  Options options;
  if (args[0]->IsArray()) {
    Local<Array> list = args[0].As<Array>();
    std::vector<std::string> strings = {env->options()->argv0};
    for (uint32_t i = 0; i < list->Length(); i++) {
      Local<Value> item;
      if (!list->Get(context, i).ToLocal(&item)) return;
      strings.push_back(Utf8Value(isolate, item).ToString());
    }
    std::vector<char*> argv;
    for (std::string& s : strings) argv.push_back(s.data());
    argv.push_back(nullptr);
    std::string error;
    std::vector<std::string> invalid;
    if (!ParseOptions(static_cast<int>(strings.size()), argv.data(), &options,
                      &error)) {
      invalid.assign(strings.begin() + 1, strings.end());
    } else {
      for (const std::string& arg : options.v8_args) invalid.push_back(arg);
      for (const std::string& arg : options.exec_argv) {
        std::string name = arg.substr(0, arg.find('='));
        if (IsPerProcessOption(name)) invalid.push_back(arg);
      }
      // A script among them is not an option either.
      for (size_t i = 1; i < options.argv.size(); i++) {
        invalid.push_back(options.argv[i]);
      }
    }
    if (!invalid.empty()) {
      std::vector<Local<Value>> values;
      for (const std::string& s : invalid) {
        values.push_back(Utf8String(isolate, s));
      }
      args.This()
          ->Set(context, FIXED_ONE_BYTE_STRING(isolate, "invalidExecArgv"),
                Array::New(isolate, values.data(), values.size()))
          .Check();
      return;
    }
    options.argv0 = env->options()->argv0;
  } else {
    options = *env->options();
    // Waiting for a debugger is asked of a worker by its own execArgv: one
    // that inherits the process's --inspect-brk or --inspect-wait (a
    // user's worker, the module hooks' thread) starts at once, as in Node.
    for (const char* name : {"--inspect-brk", "--inspect-wait"}) {
      auto it = options.values.find(name);
      if (it != options.values.end()) {
        OptionValue fresh;
        fresh.kind = it->second.kind;
        it->second = fresh;
      }
    }
  }
  // The worker has its own entry point: nothing of the parent's.
  options.argv = {options.argv0};
  options.has_eval = false;
  options.print_eval = false;
  options.force_repl = false;
  options.syntax_check_only = false;
  options.read_stdin = false;
  options.print_help = false;
  options.print_version = false;
  options.env_files.clear();
  for (const OptionSpec& spec : OptionSpecs()) {
    std::string name = spec.name;
    if (name == "--eval" || name == "--print" || name == "--test" ||
        name == "--run" || name == "--watch" || name == "--check" ||
        name == "--interactive") {
      auto it = options.values.find(name);
      if (it != options.values.end()) {
        OptionValue fresh;
        fresh.kind = it->second.kind;
        it->second = fresh;
      }
    }
  }

  std::shared_ptr<EnvVarStore> vars;
  if (args[1]->IsTrue()) {
    vars = env->env_vars();  // shared (null: the process's own)
  } else if (args[1]->IsArray()) {
    vars = std::make_shared<EnvVarStore>();
    Local<Array> list = args[1].As<Array>();
    for (uint32_t i = 0; i + 1 < list->Length(); i += 2) {
      Local<Value> key;
      Local<Value> value;
      if (!list->Get(context, i).ToLocal(&key) ||
          !list->Get(context, i + 1).ToLocal(&value)) {
        return;
      }
      vars->Set(Utf8Value(isolate, key).ToString(),
                Utf8Value(isolate, value).ToString());
    }
  } else {
    vars = std::make_shared<EnvVarStore>();
    if (env->env_vars() != nullptr) {
      for (auto& entry : env->env_vars()->Entries()) {
        vars->Set(entry.first, entry.second);
      }
    } else {
      std::lock_guard<std::mutex> lock(ProcessEnvMutex());
      for (char** e = environ; e != nullptr && *e != nullptr; e++) {
        const char* eq = strchr(*e, '=');
        if (eq == nullptr || eq == *e) continue;
        vars->Set(std::string(*e, eq - *e), eq + 1);
      }
    }
  }

  // A worker given its own variables or execArgv takes the options those
  // variables stand for from its own environment, as in Node
  // (NODE_PRESERVE_SYMLINKS=1 in `env` works with `execArgv: []` too, and
  // a variable its env clears no longer holds the parent's value); its
  // execArgv (or the parent's command line) still comes after them.
  if ((args[0]->IsArray() || args[1]->IsArray()) && vars != nullptr) {
    ApplyEnvVarOptions(&options,
                       [&vars](const char* variable, std::string* value) {
                         return vars->Get(variable, value);
                       });
  }

  // NODE_OPTIONS in a given environment is checked as Node checks it,
  // unless it is the parent's own (Node 24 leaves that one alone: a
  // process started with NODE_OPTIONS=--title=x may copy its env).
  std::string node_options;
  std::string parent_node_options;
  bool parent_has_node_options = false;
  if (env->env_vars() != nullptr) {
    parent_has_node_options =
        env->env_vars()->Get("NODE_OPTIONS", &parent_node_options);
  } else {
    std::lock_guard<std::mutex> lock(ProcessEnvMutex());
    const char* value = getenv("NODE_OPTIONS");
    if (value != nullptr) {
      parent_has_node_options = true;
      parent_node_options = value;
    }
  }
  if (args[1]->IsArray() && vars->Get("NODE_OPTIONS", &node_options) &&
      !node_options.empty() &&
      (!parent_has_node_options || node_options != parent_node_options)) {
    Options parsed;
    std::string error;
    std::string argv0 = env->options()->argv0;
    char* argv[] = {argv0.data(), nullptr};
    std::vector<std::string> invalid;
    std::vector<std::string> words;
    if (!ParseOptions(1, argv, node_options, &parsed, &error)) {
      // Node's message without the program name.
      const std::string prefix = argv0 + ": ";
      invalid.push_back(error.rfind(prefix, 0) == 0
                            ? error.substr(prefix.size())
                            : error);
    } else if (SplitNodeOptions(node_options, &words, &error)) {
      // V8's flags are ignored there; the process's own options are not
      // allowed.
      for (const std::string& word : words) {
        if (word.size() < 2 || word[0] != '-') continue;
        size_t eq = word.find('=');
        std::string name = word.substr(0, eq);
        if (IsPerProcessOption(name)) {
          invalid.push_back(name + (eq == std::string::npos ? "" : "=") +
                            " is not allowed in NODE_OPTIONS");
          break;
        }
      }
    }
    if (!invalid.empty()) {
      std::vector<Local<Value>> values;
      for (const std::string& s : invalid) {
        values.push_back(Utf8String(isolate, s));
      }
      args.This()
          ->Set(context, FIXED_ONE_BYTE_STRING(isolate, "invalidNodeOptions"),
                Array::New(isolate, values.data(), values.size()))
          .Check();
      return;
    }
    // The worker takes the options NODE_OPTIONS gives, as in Node; those
    // of its execArgv come after them.
    Options defaults;
    ParseOptions(1, argv, &defaults, &error);
    auto same = [](const OptionValue& a, const OptionValue& b) {
      return a.boolean == b.boolean && a.string == b.string &&
             a.list == b.list && a.integer == b.integer;
    };
    for (const auto& [name, value] : parsed.values) {
      const OptionValue& fallback = defaults.values[name];
      if (same(value, fallback)) continue;
      OptionValue& current = options.values[name];
      if (args[0]->IsArray() && !same(current, fallback)) continue;
      current = value;
    }
  }

  double limits[kTotalResourceLimitCount] = {0, 0, 0, 0};
  if (args[2]->IsFloat64Array()) {
    Local<Float64Array> array = args[2].As<Float64Array>();
    if (array->Length() == kTotalResourceLimitCount) {
      array->CopyContents(limits, sizeof(limits));
    }
  }
  std::string name =
      args[3]->IsString() ? Utf8Value(isolate, args[3]).ToString() : "";

  Worker* worker = new Worker(env, args.This(), std::move(options),
                              std::move(vars), limits, std::move(name));
  worker->own_exec_argv_ = args[0]->IsArray();
  if (args[5]->IsString()) {
    worker->url_ = Utf8Value(isolate, args[5]).ToString();
  }
  if (worker->init_error_ != 0) {
    // No handle to close: the wrap goes now.
    int err = worker->init_error_;
    ClearWrapped(args.This());
    delete worker;
    return ThrowUVException(isolate, err, "uv_async_init");
  }
  // The parent's end of the internal channel.
  MessagePort* port = MessagePort::New(env, context);
  if (port == nullptr) {
    worker->Close();
    return;
  }
  worker->child_port_data_ = std::make_unique<PortData>();
  PortData::Entangle(port->data(), worker->child_port_data_.get());
  args.This()
      ->Set(context, FIXED_ONE_BYTE_STRING(isolate, "messagePort"),
            port->object())
      .Check();
  args.This()
      ->Set(context, FIXED_ONE_BYTE_STRING(isolate, "threadId"),
            v8::Number::New(isolate, static_cast<double>(worker->thread_id_)))
      .Check();
}

void Worker::StartThread(const FunctionCallbackInfo<Value>& args) {
  Worker* worker = Unwrap<Worker>(args.This());
  if (worker == nullptr || worker->thread_started_ ||
      worker->state() != kInitialized) {
    return;
  }
  uv_thread_options_t thread_options;
  thread_options.flags = UV_THREAD_HAS_STACK_SIZE;
  thread_options.stack_size = worker->stack_size_;
  int err = uv_thread_create_ex(
      &worker->thread_, &thread_options,
      [](void* arg) { static_cast<Worker*>(arg)->Run(); }, worker);
  if (err != 0) {
    // As Node: the worker ends at once with ERR_WORKER_INIT_FAILED.
    std::lock_guard<std::mutex> lock(worker->mutex_);
    worker->custom_error_ = "ERR_WORKER_INIT_FAILED";
    worker->custom_error_reason_ = uv_strerror(err);
    worker->exit_code_ = kGenericUserError;
    worker->exit_code_set_ = true;
    WakeAsync(&worker->exit_async_);
    return;
  }
  worker->thread_started_ = true;
}

void Worker::StopThread(const FunctionCallbackInfo<Value>& args) {
  Worker* worker = Unwrap<Worker>(args.This());
  if (worker != nullptr) worker->Stop();
}

void Worker::GetResourceLimits(const FunctionCallbackInfo<Value>& args) {
  Worker* worker = Unwrap<Worker>(args.This());
  Isolate* isolate = args.GetIsolate();
  size_t bytes = sizeof(double) * kTotalResourceLimitCount;
  Local<v8::ArrayBuffer> ab = v8::ArrayBuffer::New(isolate, bytes);
  if (worker != nullptr) memcpy(ab->Data(), worker->resource_limits_, bytes);
  else memset(ab->Data(), 0, bytes);
  args.GetReturnValue().Set(
      Float64Array::New(ab, 0, kTotalResourceLimitCount));
}

struct EnvPort : public BindingData {
  v8::Global<Object> port;
};

// For worker.performance.eventLoopUtilization(): the worker's loop idle
// time so far and its start, in ms (libuv's metrics take a lock of their
// own, so the parent may read them).
void Worker::LoopIdleTime(const FunctionCallbackInfo<Value>& args) {
  Worker* worker = Unwrap<Worker>(args.This());
  if (worker == nullptr) return;
  std::lock_guard<std::mutex> lock(worker->mutex_);
  double idle = worker->child_env_ == nullptr
                    ? 0
                    : static_cast<double>(uv_metrics_idle_time(
                          &worker->loop_)) / 1e6;
  args.GetReturnValue().Set(idle);
}

void Worker::LoopStartTime(const FunctionCallbackInfo<Value>& args) {
  Worker* worker = Unwrap<Worker>(args.This());
  if (worker == nullptr) return;
  args.GetReturnValue().Set(worker->loop_start_ms_.load());
}

// hasRef(): as a handle's while the worker's handle is open; undefined
// once it has closed (after 'exit'), as Node's, whose worker object is gone
// by then.
void Worker::WorkerHasRef(const FunctionCallbackInfo<Value>& args) {
  Worker* worker = Unwrap<Worker>(args.This());
  if (worker == nullptr || worker->state() == kClosed) return;
  args.GetReturnValue().Set(worker->IsRefed());
}

// getEnvMessagePort(): in a worker, its end of the internal channel.
void GetEnvMessagePort(const FunctionCallbackInfo<Value>& args) {
  Environment* env = Environment::GetCurrent(args);
  Worker* worker = static_cast<Worker*>(env->worker_context());
  if (worker == nullptr) return;
  EnvPort* cached = env->GetBindingData<EnvPort>("worker.envport");
  if (cached != nullptr) {
    args.GetReturnValue().Set(cached->port.Get(env->isolate()));
    return;
  }
  std::unique_ptr<PortData> data = worker->TakeChildPortData();
  if (data == nullptr) return;
  MessagePort* port = MessagePort::New(env, env->context(), std::move(data));
  if (port == nullptr) return;
  auto holder = std::make_unique<EnvPort>();
  holder->port.Reset(env->isolate(), port->object());
  env->SetBindingData("worker.envport", std::move(holder));
  args.GetReturnValue().Set(port->object());
}

// trackUnmanagedFds: the fds a worker opened with fs.open() and has not
// closed are closed when its environment goes.
struct TrackedFds : public BindingData {
  std::unordered_set<int> fds;
};

TrackedFds* TrackedFdsOf(Environment* env) {
  TrackedFds* tracked = env->GetBindingData<TrackedFds>("worker.fds");
  if (tracked == nullptr) {
    tracked = env->SetBindingData("worker.fds", std::make_unique<TrackedFds>());
    env->AddCleanupHook([env] {
      TrackedFds* list = env->GetBindingData<TrackedFds>("worker.fds");
      for (int fd : list->fds) {
        uv_fs_t req;
        uv_fs_close(nullptr, &req, fd, nullptr);
        uv_fs_req_cleanup(&req);
      }
      list->fds.clear();
    });
  }
  return tracked;
}

// trackFd(fd) / untrackFd(fd): false when the fd was already (or was not)
// tracked, for the warnings Node gives then.
void TrackFd(const FunctionCallbackInfo<Value>& args) {
  Environment* env = Environment::GetCurrent(args);
  if (!args[0]->IsInt32()) return;
  bool inserted =
      TrackedFdsOf(env)->fds.insert(args[0].As<v8::Int32>()->Value()).second;
  args.GetReturnValue().Set(inserted);
}

void UntrackFd(const FunctionCallbackInfo<Value>& args) {
  Environment* env = Environment::GetCurrent(args);
  if (!args[0]->IsInt32()) return;
  bool erased =
      TrackedFdsOf(env)->fds.erase(args[0].As<v8::Int32>()->Value()) > 0;
  args.GetReturnValue().Set(erased);
}

void Initialize(Local<Object> target, Local<Value>, Local<Context> context,
                void*) {
  Isolate* isolate = context->GetIsolate();
  Environment* env = Environment::GetCurrent(context);
  Local<FunctionTemplate> t = NewFunctionTemplate(isolate, Worker::New);
  t->InstanceTemplate()->SetInternalFieldCount(kWrapFieldCount);
  HandleWrap::AddPrototypeMethods(isolate, t);
  SetProtoMethod(isolate, t, "startThread", Worker::StartThread);
  SetProtoMethod(isolate, t, "stopThread", Worker::StopThread);
  SetProtoMethod(isolate, t, "getResourceLimits", Worker::GetResourceLimits);
  SetProtoMethod(isolate, t, "loopIdleTime", Worker::LoopIdleTime);
  SetProtoMethod(isolate, t, "loopStartTime", Worker::LoopStartTime);
  SetProtoMethod(isolate, t, "hasRef", Worker::WorkerHasRef);
  SetConstructorFunction(context, target, "Worker", t);
  SetMethod(context, target, "getEnvMessagePort", GetEnvMessagePort);
  SetMethod(context, target, "trackFd", TrackFd);
  SetMethod(context, target, "untrackFd", UntrackFd);

  // What this thread is: read when the binding is loaded, which is never
  // during the snapshot's bootstrap.
  Worker* self = env == nullptr
                     ? nullptr
                     : static_cast<Worker*>(env->worker_context());
  SetValue(context, target, "isMainThread",
           v8::Boolean::New(isolate, self == nullptr));
  SetConstant(context, target, "threadId",
              self == nullptr ? 0 : static_cast<double>(self->thread_id()));
  SetString(context, target, "threadName",
            self == nullptr ? "" : self->name());
  Local<v8::ArrayBuffer> ab = v8::ArrayBuffer::New(
      isolate, sizeof(double) * kTotalResourceLimitCount);
  if (self != nullptr) {
    memcpy(ab->Data(), self->resource_limits(),
           sizeof(double) * kTotalResourceLimitCount);
  } else {
    memset(ab->Data(), 0, sizeof(double) * kTotalResourceLimitCount);
  }
  SetValue(context, target, "resourceLimits",
           Float64Array::New(ab, 0, kTotalResourceLimitCount));
  SetConstant(context, target, "kMaxYoungGenerationSizeMb",
              kMaxYoungGenerationSizeMb);
  SetConstant(context, target, "kMaxOldGenerationSizeMb",
              kMaxOldGenerationSizeMb);
  SetConstant(context, target, "kCodeRangeSizeMb", kCodeRangeSizeMb);
  SetConstant(context, target, "kStackSizeMb", kStackSizeMb);
  SetConstant(context, target, "kTotalResourceLimitCount",
              kTotalResourceLimitCount);
}

void RegisterExternalReferences(ExternalReferenceRegistry* registry) {
  registry->Register(Worker::New);
  registry->Register(Worker::StartThread);
  registry->Register(Worker::StopThread);
  registry->Register(Worker::GetResourceLimits);
  registry->Register(Worker::LoopIdleTime);
  registry->Register(Worker::LoopStartTime);
  registry->Register(Worker::WorkerHasRef);
  registry->Register(GetEnvMessagePort);
  registry->Register(TrackFd);
  registry->Register(UntrackFd);
  HandleWrap::RegisterExternalReferences(registry);
}

}  // namespace

std::vector<std::string> Subreports(Environment* env,
                                    const std::string& trigger, int depth,
                                    bool compact) {
  std::vector<std::string> subreports;
  WorkerList* list = env->GetBindingData<WorkerList>("worker.list");
  if (list == nullptr) return subreports;
  std::vector<Worker*> workers(list->workers.begin(), list->workers.end());
  for (Worker* worker : workers) {
    std::string text = worker->Subreport(trigger, depth, compact);
    if (!text.empty()) subreports.push_back(std::move(text));
  }
  return subreports;
}

void StopSubWorkers(Environment* env) {
  WorkerList* list = env->GetBindingData<WorkerList>("worker.list");
  if (list == nullptr) return;
  std::vector<Worker*> workers(list->workers.begin(), list->workers.end());
  for (Worker* worker : workers) worker->Stop();
  for (Worker* worker : workers) worker->JoinThread();
}

}  // namespace lode::worker

LODE_BINDING_CONTEXT_AWARE_INTERNAL(worker, lode::worker::Initialize)
LODE_BINDING_EXTERNAL_REFERENCE(worker,
                                lode::worker::RegisterExternalReferences)
