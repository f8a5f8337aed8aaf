// Node-API: async contexts (napi_async_init, napi_make_callback, callback
// scopes) and async work on the libuv thread pool.
#include <climits>

#include "lode_napi.h"

namespace lode::napi {

using v8::Array;
using v8::Context;
using v8::Function;
using v8::HandleScope;
using v8::Isolate;
using v8::Local;
using v8::MaybeLocal;
using v8::Number;
using v8::Object;
using v8::String;
using v8::TryCatch;
using v8::Value;

AsyncContext::AsyncContext(napi_env env, Local<Object> resource,
                           Local<String> type, bool weak_resource)
    : env_(env) {
  Isolate* isolate = env->isolate;
  resource_.Reset(isolate, resource);
  if (weak_resource) {
    resource_.SetWeak(this, OnResourceCollected,
                      v8::WeakCallbackType::kParameter);
  }
  if (!env->can_call_into_js()) return;
  TryCatch try_catch(isolate);
  Local<Value> argv[] = {resource, type};
  Local<Value> ids;
  if (CallHelper(env->lode_env, "asyncInit", 2, argv).ToLocal(&ids) &&
      ids->IsArray()) {
    Local<Context> context = env->context();
    Local<Array> array = ids.As<Array>();
    Local<Value> id;
    Local<Value> trigger;
    Local<Value> frame;
    if (array->Get(context, 0).ToLocal(&id) &&
        array->Get(context, 1).ToLocal(&trigger) &&
        array->Get(context, 2).ToLocal(&frame) && id->IsNumber() &&
        trigger->IsNumber()) {
      async_id_ = id.As<Number>()->Value();
      trigger_async_id_ = trigger.As<Number>()->Value();
      frame_.Reset(isolate, frame);
    }
  }
}

AsyncContext::~AsyncContext() {
  resource_.Reset();
  if (async_id_ <= 0 || env_->torn_down) return;
  // May run inside GC (an addon's finalizer): the destroy hooks run later.
  Environment* env = env_->lode_env;
  double id = async_id_;
  SetImmediate(env, [env, id] {
    Isolate* isolate = env->isolate();
    if (!env->can_call_into_js()) return;
    TryCatch try_catch(isolate);
    Local<Value> argv[] = {Number::New(isolate, id)};
    (void)CallHelper(env, "asyncDestroy", 1, argv);
  });
}

void AsyncContext::OnResourceCollected(
    const v8::WeakCallbackInfo<AsyncContext>& info) {
  info.GetParameter()->resource_.Reset();
}

Local<Object> AsyncContext::resource() {
  Isolate* isolate = env_->isolate;
  if (resource_.IsEmpty()) {
    // The addon's resource was collected: callbacks get a fresh one.
    resource_.Reset(isolate, Object::New(isolate));
  }
  return resource_.Get(isolate);
}

AsyncContext::Entered AsyncContext::Enter() {
  Entered entered;
  if (async_id_ <= 0 || !env_->can_call_into_js()) return entered;
  Isolate* isolate = env_->isolate;
  Local<Value> frame = frame_.IsEmpty() ? Local<Value>(v8::Undefined(isolate))
                                        : frame_.Get(isolate);
  Local<Value> argv[] = {Number::New(isolate, async_id_),
                         Number::New(isolate, trigger_async_id_), resource(),
                         frame};
  TryCatch try_catch(isolate);
  Local<Value> prior;
  if (CallHelper(env_->lode_env, "asyncEnter", 4, argv).ToLocal(&prior)) {
    entered.async_id = async_id_;
    entered.prior = prior;
  }
  return entered;
}

void AsyncContext::Leave(Environment* env, const Entered& entered) {
  if (entered.async_id <= 0 || !env->can_call_into_js()) return;
  Isolate* isolate = env->isolate();
  Local<Value> argv[] = {Number::New(isolate, entered.async_id), entered.prior};
  TryCatch try_catch(isolate);
  (void)CallHelper(env, "asyncLeave", 2, argv);
}

namespace {

napi_status UvStatus(int code) {
  switch (code) {
    case 0:
      return napi_ok;
    case UV_EINVAL:
      return napi_invalid_arg;
    case UV_ECANCELED:
      return napi_cancelled;
    default:
      return napi_generic_failure;
  }
}

// How napi_queue_async_work and napi_cancel_async_work end: the status for
// libuv's result, with the libuv code kept as the engine error code.
napi_status FinishUv(napi_env env, int err) {
  napi_status status = UvStatus(err);
  if (status != napi_ok) return SetLastError(env, status, err);
  return ClearLastError(env);
}

// napi_async_work: `execute` on a pool thread, then `complete` on the loop
// thread inside the work's async context.
class Work {
 public:
  Work(napi_env env, Local<Object> resource, Local<String> name,
       napi_async_execute_callback execute,
       napi_async_complete_callback complete, void* data)
      : env_(env),
        context_(env, resource, name, false),
        execute_(execute),
        complete_(complete),
        data_(data) {
    memset(&req_, 0, sizeof(req_));
    req_.data = this;
  }

  int Queue() {
    return uv_queue_work(env_->lode_env->loop(), &req_, Execute, Complete);
  }
  int Cancel() { return uv_cancel(reinterpret_cast<uv_req_t*>(&req_)); }

 private:
  static void Execute(uv_work_t* req) {
    Work* work = static_cast<Work*>(req->data);
    work->execute_(work->env_, work->data_);
  }

  static void Complete(uv_work_t* req, int status) {
    Work* work = static_cast<Work*>(req->data);
    if (work->complete_ == nullptr) return;
    napi_env env = work->env_;
    Environment* lode_env = env->lode_env;
    HandleScope scope(env->isolate);
    Context::Scope context_scope(env->context());
    InternalCallbackScope callback_scope(lode_env);
    AsyncContext::Entered entered = work->context_.Enter();
    napi_async_complete_callback complete = work->complete_;
    void* data = work->data_;
    // `complete` usually deletes the work: nothing of it is used after.
    env->CallbackIntoModule(
        true, [&](napi_env e) { complete(e, UvStatus(status), data); });
    AsyncContext::Leave(lode_env, entered);
  }

  napi_env env_;
  AsyncContext context_;
  napi_async_execute_callback execute_;
  napi_async_complete_callback complete_;
  void* data_;
  uv_work_t req_;
};

// A napi_callback_scope: the callback scope of the loop (ticks and
// microtasks run when the outermost one closes) and the async context.
struct CallbackScope {
  explicit CallbackScope(Environment* env) : scope(env) {}
  InternalCallbackScope scope;
  AsyncContext::Entered entered;
};

napi_status ToObject(napi_env env, napi_value value, Local<Object>* result) {
  NAPI_CHECK_ARG(env, value);
  NAPI_RETURN_IF_FALSE(env,
                       ToV8(value)->ToObject(env->context()).ToLocal(result),
                       napi_object_expected);
  return napi_ok;
}

napi_status ToString(napi_env env, napi_value value, Local<String>* result) {
  NAPI_CHECK_ARG(env, value);
  NAPI_RETURN_IF_FALSE(env,
                       ToV8(value)->ToString(env->context()).ToLocal(result),
                       napi_string_expected);
  return napi_ok;
}

}  // namespace

napi_status AsyncResourceArgs(napi_env env, napi_value async_resource,
                              napi_value async_resource_name,
                              Local<Object>* resource, Local<String>* name) {
  if (async_resource != nullptr) {
    NAPI_CALL_STATUS(ToObject(env, async_resource, resource));
  } else {
    *resource = Object::New(env->isolate);
  }
  return ToString(env, async_resource_name, name);
}

}  // namespace lode::napi

using lode::FIXED_ONE_BYTE_STRING;
using lode::napi::AsyncContext;
using lode::napi::ClearLastError;
using lode::napi::SetLastError;
using lode::napi::ToNapi;
using lode::napi::ToV8;
using lode::napi::Unconst;
using v8::Local;
using v8::Object;
using v8::String;
using v8::Value;

extern "C" {

napi_status NAPI_CDECL napi_async_init(napi_env env, napi_value async_resource,
                                       napi_value async_resource_name,
                                       napi_async_context* result) {
  NAPI_CHECK_ENV_NOT_IN_GC(env);
  NAPI_CHECK_ARG(env, async_resource_name);
  NAPI_CHECK_ARG(env, result);
  Local<Object> resource;
  Local<String> name;
  NAPI_CALL_STATUS(lode::napi::AsyncResourceArgs(
      env, async_resource, async_resource_name, &resource, &name));
  *result = reinterpret_cast<napi_async_context>(
      new AsyncContext(env, resource, name, async_resource != nullptr));
  return ClearLastError(env);
}

napi_status NAPI_CDECL napi_async_destroy(napi_env env,
                                          napi_async_context async_context) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, async_context);
  delete reinterpret_cast<AsyncContext*>(async_context);
  return ClearLastError(env);
}

napi_status NAPI_CDECL napi_make_callback(napi_env env,
                                          napi_async_context async_context,
                                          napi_value recv, napi_value func,
                                          size_t argc, const napi_value* argv,
                                          napi_value* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, recv);
  if (argc > 0) NAPI_CHECK_ARG(env, argv);
  Local<Object> receiver;
  NAPI_CALL_STATUS(lode::napi::ToObject(env, recv, &receiver));
  NAPI_CHECK_ARG(env, func);
  Local<Value> fn = ToV8(func);
  NAPI_RETURN_IF_FALSE(env, fn->IsFunction(), napi_invalid_arg);
  NAPI_RETURN_IF_FALSE(env, argc <= INT_MAX, napi_invalid_arg);
  Local<Value>* args =
      reinterpret_cast<Local<Value>*>(const_cast<napi_value*>(argv));
  lode::Environment* lode_env = env->lode_env;
  v8::MaybeLocal<Value> ret;
  Local<Value> domain;
  if (async_context == nullptr &&
      receiver
          ->Get(env->context(), FIXED_ONE_BYTE_STRING(env->isolate, "domain"))
          .ToLocal(&domain) &&
      domain->IsObject()) {
    // A receiver with a domain: the call runs inside it (domain module).
    lode::InternalCallbackScope scope(lode_env);
    Local<Value> helper_args[] = {receiver, fn,
                                  v8::Array::New(env->isolate, args, argc)};
    ret = lode::napi::CallHelper(lode_env, "domainCallback", 3, helper_args);
    if (ret.IsEmpty()) scope.MarkAsFailed();
  } else if (async_context == nullptr) {
    ret = lode::MakeCallback(lode_env, receiver, fn.As<v8::Function>(),
                             static_cast<int>(argc), args);
  } else {
    AsyncContext* context = reinterpret_cast<AsyncContext*>(async_context);
    lode::InternalCallbackScope scope(lode_env);
    AsyncContext::Entered entered = context->Enter();
    ret = fn.As<v8::Function>()->Call(env->context(), receiver,
                                      static_cast<int>(argc), args);
    if (ret.IsEmpty()) scope.MarkAsFailed();
    // Left even after a throw: the exception goes back to the JS caller.
    AsyncContext::Leave(lode_env, entered);
  }
  if (try_catch.HasCaught()) return SetLastError(env, napi_pending_exception);
  Local<Value> value;
  NAPI_RETURN_IF_FALSE(env, ret.ToLocal(&value), napi_generic_failure);
  if (result != nullptr) *result = ToNapi(value);
  NAPI_RETURN_STATUS(env);
}

napi_status NAPI_CDECL napi_open_callback_scope(
    napi_env env, napi_value /* resource_object, unused */,
    napi_async_context context, napi_callback_scope* result) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, result);
  auto* scope = new lode::napi::CallbackScope(env->lode_env);
  if (context != nullptr) {
    scope->entered = reinterpret_cast<AsyncContext*>(context)->Enter();
  }
  env->open_callback_scopes++;
  *result = reinterpret_cast<napi_callback_scope>(scope);
  return ClearLastError(env);
}

napi_status NAPI_CDECL napi_close_callback_scope(napi_env env,
                                                 napi_callback_scope scope) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, scope);
  if (env->open_callback_scopes == 0) return napi_callback_scope_mismatch;
  env->open_callback_scopes--;
  auto* callback_scope = reinterpret_cast<lode::napi::CallbackScope*>(scope);
  AsyncContext::Leave(env->lode_env, callback_scope->entered);
  delete callback_scope;
  return ClearLastError(env);
}

napi_status NAPI_CDECL napi_create_async_work(
    napi_env env, napi_value async_resource, napi_value async_resource_name,
    napi_async_execute_callback execute, napi_async_complete_callback complete,
    void* data, napi_async_work* result) {
  NAPI_CHECK_ENV_NOT_IN_GC(env);
  NAPI_CHECK_ARG(env, execute);
  NAPI_CHECK_ARG(env, result);
  Local<Object> resource;
  Local<String> name;
  NAPI_CALL_STATUS(lode::napi::AsyncResourceArgs(
      env, async_resource, async_resource_name, &resource, &name));
  *result = reinterpret_cast<napi_async_work>(
      new lode::napi::Work(env, resource, name, execute, complete, data));
  return ClearLastError(env);
}

napi_status NAPI_CDECL napi_delete_async_work(napi_env env,
                                              napi_async_work work) {
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, work);
  delete reinterpret_cast<lode::napi::Work*>(work);
  return ClearLastError(env);
}

napi_status NAPI_CDECL napi_queue_async_work(node_api_basic_env basic_env,
                                             napi_async_work work) {
  napi_env env = Unconst(basic_env);
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, work);
  return lode::napi::FinishUv(
      env, reinterpret_cast<lode::napi::Work*>(work)->Queue());
}

napi_status NAPI_CDECL napi_cancel_async_work(node_api_basic_env basic_env,
                                              napi_async_work work) {
  napi_env env = Unconst(basic_env);
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, work);
  return lode::napi::FinishUv(
      env, reinterpret_cast<lode::napi::Work*>(work)->Cancel());
}

}  // extern "C"
