// Node-API: thread-safe functions. Any thread queues calls; the loop
// thread runs them (through call_js_cb) from a uv_async handle. The
// function lives while some thread holds it (acquire/release); once the
// last one releases it (or one aborts), the queue drains, the handle
// closes and the finalizer runs on the loop thread.
#include <condition_variable>
#include <queue>

#include "lode_async_wakeup.h"
#include "lode_napi.h"

namespace lode::napi {

using v8::Function;
using v8::Global;
using v8::HandleScope;
using v8::Local;
using v8::Object;
using v8::String;
using v8::Value;

namespace {

class ThreadsafeFunction {
 public:
  ThreadsafeFunction(napi_env env, Local<Function> func, Local<Object> resource,
                     Local<String> name, size_t max_queue_size,
                     size_t thread_count, void* context, void* finalize_data,
                     napi_finalize finalize_cb,
                     napi_threadsafe_function_call_js call_js_cb)
      : env_(env),
        async_context_(env, resource, name, false),
        max_queue_size_(max_queue_size),
        thread_count_(thread_count),
        context_(context),
        finalize_data_(finalize_data),
        finalize_cb_(finalize_cb),
        call_js_cb_(call_js_cb == nullptr ? DefaultCallJs : call_js_cb) {
    if (!func.IsEmpty()) func_.Reset(env->isolate, func);
    env->Ref();
    cleanup_ = AddCleanupHook(env->lode_env, nullptr, this,
                              [this] { CloseHandles(true); });
  }

  ~ThreadsafeFunction() {
    cleanup_->removed = true;
    env_->Unref();
  }

  bool Init() {
    if (uv_async_init(env_->lode_env->loop(), &async_, OnAsync) != 0) {
      return false;
    }
    async_.data = this;
    return true;
  }

  // ---- Any thread --------------------------------------------------------

  napi_status Push(void* data, napi_threadsafe_function_call_mode mode) {
    std::unique_lock<std::mutex> lock(mutex_);
    while (max_queue_size_ > 0 && queue_.size() >= max_queue_size_ &&
           !closing_) {
      if (mode == napi_tsfn_nonblocking) return napi_queue_full;
      room_.wait(lock);
    }
    if (closing_) {
      if (thread_count_ == 0) return napi_invalid_arg;
      thread_count_--;
      return napi_closing;
    }
    queue_.push(data);
    Send();
    return napi_ok;
  }

  napi_status Acquire() {
    std::lock_guard<std::mutex> lock(mutex_);
    if (closing_) return napi_closing;
    thread_count_++;
    return napi_ok;
  }

  napi_status Release(napi_threadsafe_function_release_mode mode) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (thread_count_ == 0) return napi_invalid_arg;
    thread_count_--;
    if ((thread_count_ == 0 || mode == napi_tsfn_abort) && !closing_) {
      closing_ = mode == napi_tsfn_abort;
      if (closing_ && max_queue_size_ > 0) room_.notify_all();
      Send();
    }
    return napi_ok;
  }

  void* context() const { return context_; }

  // ---- Loop thread -------------------------------------------------------

  void Ref() { uv_ref(reinterpret_cast<uv_handle_t*>(&async_)); }
  void Unref() { uv_unref(reinterpret_cast<uv_handle_t*>(&async_)); }

  // Closes the async handle; the finalizer runs from its close callback.
  void CloseHandles(bool set_closing) {
    if (set_closing) {
      std::lock_guard<std::mutex> lock(mutex_);
      closing_ = true;
      if (max_queue_size_ > 0) room_.notify_all();
    }
    if (handles_closing_) return;
    handles_closing_ = true;
    uv_close(reinterpret_cast<uv_handle_t*>(&async_), OnClosed);
  }

 private:
  static constexpr uint8_t kIdle = 0;
  static constexpr uint8_t kRunning = 1;
  static constexpr uint8_t kPending = 2;
  // Calls run per wake-up at most, so that the loop gets its turn.
  static constexpr int kMaxCallsPerWakeup = 1000;

  void Send() {
    uint8_t state = dispatch_state_.fetch_or(kPending);
    // A running Dispatch() sees kPending and goes round again.
    if (state & kRunning) return;
    WakeAsync(&async_);
  }

  static void OnAsync(uv_async_t* handle) {
    static_cast<ThreadsafeFunction*>(handle->data)->Dispatch();
  }

  void Dispatch() {
    bool more = true;
    int left = kMaxCallsPerWakeup;
    while (more && --left != 0) {
      dispatch_state_ = kRunning;
      more = DispatchOne();
      // Send() was called meanwhile: look again.
      if (dispatch_state_.exchange(kIdle) != kRunning) more = true;
      if (handles_closing_) return;
    }
    if (more) Send();
  }

  // Runs one queued call; whether more are queued.
  bool DispatchOne() {
    void* data = nullptr;
    bool popped = false;
    bool more = false;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (closing_) {
        CloseHandles(false);
        return false;
      }
      size_t size = queue_.size();
      if (size > 0) {
        data = queue_.front();
        queue_.pop();
        popped = true;
        // Threads wait only while the queue is full: all of them get to
        // try again whenever it stops being full.
        if (size == max_queue_size_ && max_queue_size_ > 0) {
          room_.notify_all();
        }
        size--;
      }
      if (size == 0) {
        if (thread_count_ == 0) {
          closing_ = true;
          if (max_queue_size_ > 0) room_.notify_all();
          CloseHandles(false);
        }
      } else {
        more = true;
      }
    }
    if (popped) Call(data);
    return more;
  }

  void Call(void* data) {
    if (env_->torn_down) return;
    HandleScope scope(env_->isolate);
    v8::Context::Scope context_scope(env_->context());
    InternalCallbackScope callback_scope(env_->lode_env);
    AsyncContext::Entered entered = async_context_.Enter();
    napi_value js_callback = nullptr;
    if (!func_.IsEmpty()) js_callback = ToNapi(func_.Get(env_->isolate));
    env_->CallbackIntoModule(false, [&](napi_env env) {
      call_js_cb_(env, js_callback, context_, data);
    });
    AsyncContext::Leave(env_->lode_env, entered);
  }

  static void OnClosed(uv_handle_t* handle) {
    static_cast<ThreadsafeFunction*>(handle->data)->Finalize();
  }

  void Finalize() {
    if (env_->torn_down) {
      // Closed by the Environment's teardown: no JS any more.
      if (finalize_cb_ != nullptr) {
        env_->CallFinalizer(finalize_cb_, finalize_data_, context_, false);
      }
      for (; !queue_.empty(); queue_.pop()) {
        call_js_cb_(nullptr, nullptr, context_, queue_.front());
      }
      delete this;
      return;
    }
    {
      HandleScope scope(env_->isolate);
      if (finalize_cb_ != nullptr) {
        v8::Context::Scope context_scope(env_->context());
        InternalCallbackScope callback_scope(env_->lode_env);
        AsyncContext::Entered entered = async_context_.Enter();
        env_->CallbackIntoModule(false, [&](napi_env env) {
          finalize_cb_(env, finalize_data_, context_);
        });
        AsyncContext::Leave(env_->lode_env, entered);
      }
      // Calls still queued are handed back for cleanup, without an env.
      for (; !queue_.empty(); queue_.pop()) {
        call_js_cb_(nullptr, nullptr, context_, queue_.front());
      }
    }
    delete this;
  }

  static void DefaultCallJs(napi_env env, napi_value cb, void*, void*) {
    if (env == nullptr || cb == nullptr) return;
    napi_value recv;
    if (napi_get_undefined(env, &recv) != napi_ok) {
      napi_throw_error(env, "ERR_NAPI_TSFN_GET_UNDEFINED",
                       "Failed to retrieve undefined value");
      return;
    }
    napi_status status = napi_call_function(env, recv, cb, 0, nullptr, nullptr);
    if (status != napi_ok && status != napi_pending_exception) {
      napi_throw_error(env, "ERR_NAPI_TSFN_CALL_JS",
                       "Failed to call JS callback");
    }
  }

  napi_env env_;
  AsyncContext async_context_;
  Global<Function> func_;
  CleanupHookEntry* cleanup_;

  std::mutex mutex_;
  std::condition_variable room_;
  std::queue<void*> queue_;
  uv_async_t async_;
  size_t max_queue_size_;
  size_t thread_count_;
  bool closing_ = false;
  std::atomic<uint8_t> dispatch_state_{kIdle};

  void* context_;
  void* finalize_data_;
  napi_finalize finalize_cb_;
  napi_threadsafe_function_call_js call_js_cb_;
  bool handles_closing_ = false;
};

ThreadsafeFunction* FromHandle(napi_threadsafe_function func) {
  return reinterpret_cast<ThreadsafeFunction*>(func);
}

}  // namespace
}  // namespace lode::napi

using lode::napi::ClearLastError;
using lode::napi::FromHandle;
using lode::napi::SetLastError;
using lode::napi::ToV8;
using v8::Local;
using v8::Object;
using v8::String;
using v8::Value;

extern "C" {

napi_status NAPI_CDECL napi_create_threadsafe_function(
    napi_env env, napi_value func, napi_value async_resource,
    napi_value async_resource_name, size_t max_queue_size,
    size_t initial_thread_count, void* thread_finalize_data,
    napi_finalize thread_finalize_cb, void* context,
    napi_threadsafe_function_call_js call_js_cb,
    napi_threadsafe_function* result) {
  NAPI_CHECK_ENV_NOT_IN_GC(env);
  NAPI_CHECK_ARG(env, async_resource_name);
  NAPI_RETURN_IF_FALSE(env, initial_thread_count > 0, napi_invalid_arg);
  NAPI_CHECK_ARG(env, result);
  Local<v8::Function> fn;
  if (func == nullptr) {
    NAPI_CHECK_ARG(env, call_js_cb);
  } else {
    Local<Value> value = ToV8(func);
    NAPI_RETURN_IF_FALSE(env, value->IsFunction(), napi_invalid_arg);
    fn = value.As<v8::Function>();
  }
  Local<Object> resource;
  Local<String> name;
  NAPI_CALL_STATUS(lode::napi::AsyncResourceArgs(
      env, async_resource, async_resource_name, &resource, &name));
  auto* tsfn = new lode::napi::ThreadsafeFunction(
      env, fn, resource, name, max_queue_size, initial_thread_count, context,
      thread_finalize_data, thread_finalize_cb, call_js_cb);
  if (!tsfn->Init()) {
    delete tsfn;
    return SetLastError(env, napi_generic_failure);
  }
  *result = reinterpret_cast<napi_threadsafe_function>(tsfn);
  return ClearLastError(env);
}

napi_status NAPI_CDECL napi_get_threadsafe_function_context(
    napi_threadsafe_function func, void** result) {
  if (func == nullptr || result == nullptr) return napi_invalid_arg;
  *result = FromHandle(func)->context();
  return napi_ok;
}

napi_status NAPI_CDECL
napi_call_threadsafe_function(napi_threadsafe_function func, void* data,
                              napi_threadsafe_function_call_mode is_blocking) {
  if (func == nullptr) return napi_invalid_arg;
  return FromHandle(func)->Push(data, is_blocking);
}

napi_status NAPI_CDECL
napi_acquire_threadsafe_function(napi_threadsafe_function func) {
  if (func == nullptr) return napi_invalid_arg;
  return FromHandle(func)->Acquire();
}

napi_status NAPI_CDECL napi_release_threadsafe_function(
    napi_threadsafe_function func, napi_threadsafe_function_release_mode mode) {
  if (func == nullptr) return napi_invalid_arg;
  return FromHandle(func)->Release(mode);
}

napi_status NAPI_CDECL napi_unref_threadsafe_function(
    node_api_basic_env env, napi_threadsafe_function func) {
  if (func == nullptr) return napi_invalid_arg;
  FromHandle(func)->Unref();
  return napi_ok;
}

napi_status NAPI_CDECL napi_ref_threadsafe_function(
    node_api_basic_env env, napi_threadsafe_function func) {
  if (func == nullptr) return napi_invalid_arg;
  FromHandle(func)->Ref();
  return napi_ok;
}

}  // extern "C"
