// Node-API: functions an addon creates (one native trampoline for all of
// them), calling functions and constructors, and what a callback learns
// about its call.
#include "lode_binding.h"
#include "lode_napi.h"

namespace lode::napi {

using v8::External;
using v8::Function;
using v8::FunctionCallbackInfo;
using v8::FunctionTemplate;
using v8::Global;
using v8::Isolate;
using v8::Local;
using v8::Signature;
using v8::Value;
using v8::WeakCallbackInfo;

namespace {

// The first argument slot of a call, read from FunctionCallbackInfo's own
// (protected) field: args[0] checks the count first and gives undefined's
// slot when there are no arguments, which the caller has already ruled out.
struct CallArgs : v8::FunctionCallbackInfo<Value> {
  static v8::internal::Address* Values(
      const v8::FunctionCallbackInfo<Value>& args) {
    return args.*(&CallArgs::values_);
  }
};

// napi_get_cb_info copies argument slots as FunctionCallbackInfo's
// operator[] finds them, without its bounds check per slot: V8 10.2's
// header (inline, so compiled into lode) has args[i] at values_ + i.
// Another V8 must be read again before this is built against it.
static_assert(V8_MAJOR_VERSION == 10 && V8_MINOR_VERSION == 2,
              "check FunctionCallbackInfo::operator[] (args[i] is values_ + i)");

// What a function made by an addon calls: kept in the External that is the
// function's data, freed when that is collected (or at env teardown).
class CallbackBundle final : public Tracked {
 public:
  static Local<External> New(napi_env env, napi_callback cb, void* data) {
    CallbackBundle* bundle = new CallbackBundle(env, cb, data);
    Local<External> external = External::New(env->isolate, bundle);
    // From() reads what External::Value() reads: make sure it does.
    CHECK(From(external) == bundle);
    bundle->handle_.Reset(env->isolate, external);
    bundle->handle_.SetWeak(bundle, OnCollected,
                            v8::WeakCallbackType::kParameter);
    bundle->Link(&env->reflist);
    return external;
  }

  // The bundle of a function's data. External::Value() is out of line in
  // V8 10.2 (a call through the PLT on every addon call); without pointer
  // compression an External keeps its pointer as a raw field right after
  // the JSObject header, which is where it is read here (New() checks it).
  static CallbackBundle* From(Local<Value> data) {
#ifdef V8_COMPRESS_POINTERS
    return static_cast<CallbackBundle*>(data.As<External>()->Value());
#else
    using v8::internal::Address;
    using v8::internal::Internals;
    Address object = *reinterpret_cast<const Address*>(*data);
    return reinterpret_cast<CallbackBundle*>(Internals::ReadRawField<Address>(
        object, Internals::kJSObjectHeaderSize));
#endif
  }

  void Finalize() override {
    handle_.Reset();
    Unlink();
    delete this;
  }

  napi_env env;
  napi_callback cb;
  void* data;

 private:
  CallbackBundle(napi_env e, napi_callback c, void* d)
      : env(e), cb(c), data(d) {}

  static void OnCollected(const WeakCallbackInfo<CallbackBundle>& info) {
    info.GetParameter()->Finalize();
  }

  Global<External> handle_;
};

// A napi_callback_info: the V8 call and the addon's data pointer.
struct CallInfo {
  const FunctionCallbackInfo<Value>& args;
  void* data;
};

// What InvokeCallback keeps in memory across the addon's call: the addon
// gets the address of `info`, and the scope counts are compared after it.
// The env stays in a register (one saved register costs less than reading
// it back from memory on the way out, which is on the critical path).
struct CallFrame {
  CallInfo info;
  int handle_scopes;
  int callback_scopes;
};

// The rare ends of a call into an addon, out of line.
[[gnu::noinline, gnu::cold]] void ReportOpenScopes() {
  lode::errors::OnFatalError(
      "Node-API",
      "an addon callback returned with a handle scope or "
      "callback scope still open");
}

[[gnu::noinline, gnu::cold]] void RethrowPending(napi_env env) {
  Local<Value> exception = env->last_exception.Get(env->isolate);
  env->last_exception.Reset();
  if (env->terminating()) return;
  env->isolate->ThrowException(exception);
}

}  // namespace

// The trampoline of every addon function: napi_env__::CallIntoModule's
// contract (the last error cleared, scopes checked, a pending exception
// rethrown to the JS caller), written out so that the hot path is short.
// Like Node's, it does not ask whether the environment can still call into
// JS: V8 only calls the function from running JS, and every Node-API call
// that would run JS checks for itself. (That check and a count of calls
// under way cost noop() 8 % of its time: two dependent loads and two
// read-modify-writes of the env on every call.)
void InvokeCallback(const FunctionCallbackInfo<Value>& args) {
  CallbackBundle* bundle = CallbackBundle::From(args.Data());
  napi_env env = bundle->env;
  CallFrame frame{
      {args, bundle->data}, env->open_handle_scopes, env->open_callback_scopes};
  ClearLastError(env);
  napi_value result =
      bundle->cb(env, reinterpret_cast<napi_callback_info>(&frame.info));
  if (env->open_handle_scopes != frame.handle_scopes ||
      env->open_callback_scopes != frame.callback_scopes) [[unlikely]] {
    ReportOpenScopes();
  }
  if (!env->last_exception.IsEmpty()) [[unlikely]] {
    RethrowPending(env);
    return;
  }
  if (result != nullptr) frame.info.args.GetReturnValue().Set(ToV8(result));
}

napi_status NewFunction(napi_env env, napi_callback cb, void* data,
                        Local<Function>* result) {
  Local<External> bundle = CallbackBundle::New(env, cb, data);
  if (!Function::New(env->context(), InvokeCallback, bundle).ToLocal(result)) {
    return SetLastError(env, napi_generic_failure);
  }
  return ClearLastError(env);
}

napi_status NewFunctionTemplate(napi_env env, napi_callback cb, void* data,
                                Local<FunctionTemplate>* result,
                                Local<Signature> signature) {
  Local<External> bundle = CallbackBundle::New(env, cb, data);
  *result =
      FunctionTemplate::New(env->isolate, InvokeCallback, bundle, signature);
  return ClearLastError(env);
}

void RegisterExternalReferences(ExternalReferenceRegistry* registry) {
  registry->Register(InvokeCallback);
}

}  // namespace lode::napi

using lode::napi::CallArgs;
using lode::napi::CallInfo;
using lode::napi::ClearLastError;
using lode::napi::SetLastError;
using lode::napi::ToNapi;
using lode::napi::ToV8;
using v8::Function;
using v8::Local;
using v8::Object;
using v8::Value;

extern "C" {

napi_status NAPI_CDECL napi_create_function(napi_env env, const char* utf8name,
                                            size_t length, napi_callback cb,
                                            void* callback_data,
                                            napi_value* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, result);
  NAPI_CHECK_ARG(env, cb);
  v8::EscapableHandleScope scope(env->isolate);
  Local<Function> fn;
  NAPI_CALL_STATUS(lode::napi::NewFunction(env, cb, callback_data, &fn));
  if (utf8name != nullptr) {
    NAPI_RETURN_IF_FALSE(env, length == NAPI_AUTO_LENGTH || length <= INT_MAX,
                         napi_invalid_arg);
    Local<v8::String> name;
    if (!v8::String::NewFromUtf8(env->isolate, utf8name,
                                 v8::NewStringType::kInternalized,
                                 static_cast<int>(length))
             .ToLocal(&name)) {
      return SetLastError(env, napi_generic_failure);
    }
    fn->SetName(name);
  }
  *result = ToNapi(scope.Escape(fn));
  NAPI_RETURN_STATUS(env);
}

napi_status NAPI_CDECL napi_get_cb_info(napi_env env, napi_callback_info cbinfo,
                                        size_t* argc, napi_value* argv,
                                        napi_value* this_arg, void** data) {
  NAPI_CHECK_ENV(env);
  if (cbinfo == nullptr || (argv != nullptr && argc == nullptr)) [[unlikely]] {
    return SetLastError(env, napi_invalid_arg);
  }
  const CallInfo* info = reinterpret_cast<const CallInfo*>(cbinfo);
  const v8::FunctionCallbackInfo<Value>& args = info->args;
  // The room is read before anything is written (an addon may pass the
  // same size_t for both directions). `this` and data are stored first, so
  // that the copy below has them off its hands (no saved registers).
  size_t room = argv != nullptr ? *argc : 0;
  if (this_arg != nullptr) *this_arg = ToNapi(args.This());
  if (data != nullptr) *data = info->data;
  size_t given = static_cast<size_t>(args.Length());
  if (argv != nullptr) {
    size_t filled = room < given ? room : given;
    // The arguments are consecutive handle slots (args[i] is values_ + i):
    // one address, then a store per slot, no bounds check per slot.
    v8::internal::Address* first = CallArgs::Values(args);
    for (size_t i = 0; i < filled; i++) {
      argv[i] = reinterpret_cast<napi_value>(first + i);
    }
    if (filled < room) [[unlikely]] {
      napi_value undefined = ToNapi(v8::Undefined(env->isolate));
      for (size_t i = filled; i < room; i++) argv[i] = undefined;
    }
  }
  if (argc != nullptr) *argc = given;
  return ClearLastError(env);
}

napi_status NAPI_CDECL napi_get_new_target(napi_env env,
                                           napi_callback_info cbinfo,
                                           napi_value* result) {
  NAPI_CHECK_ENV_NOT_IN_GC(env);
  NAPI_CHECK_ARG(env, cbinfo);
  NAPI_CHECK_ARG(env, result);
  const CallInfo* info = reinterpret_cast<const CallInfo*>(cbinfo);
  *result =
      info->args.IsConstructCall() ? ToNapi(info->args.NewTarget()) : nullptr;
  return ClearLastError(env);
}

napi_status NAPI_CDECL napi_call_function(napi_env env, napi_value recv,
                                          napi_value func, size_t argc,
                                          const napi_value* argv,
                                          napi_value* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, recv);
  if (argc > 0) NAPI_CHECK_ARG(env, argv);
  NAPI_CHECK_ARG(env, func);
  Local<Value> fn = ToV8(func);
  NAPI_RETURN_IF_FALSE(env, fn->IsFunction(), napi_invalid_arg);
  NAPI_RETURN_IF_FALSE(env, argc <= INT_MAX, napi_invalid_arg);
  Local<Value> ret;
  bool ok =
      fn.As<Function>()
          ->Call(env->context(), ToV8(recv), static_cast<int>(argc),
                 reinterpret_cast<Local<Value>*>(const_cast<napi_value*>(argv)))
          .ToLocal(&ret);
  NAPI_RETURN_IF_FALSE_WITH_PREAMBLE(env, ok, napi_generic_failure);
  if (result != nullptr) *result = ToNapi(ret);
  return ClearLastError(env);
}

napi_status NAPI_CDECL napi_new_instance(napi_env env, napi_value constructor,
                                         size_t argc, const napi_value* argv,
                                         napi_value* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, constructor);
  if (argc > 0) NAPI_CHECK_ARG(env, argv);
  NAPI_CHECK_ARG(env, result);
  Local<Value> ctor = ToV8(constructor);
  NAPI_RETURN_IF_FALSE(env, ctor->IsFunction(), napi_invalid_arg);
  NAPI_RETURN_IF_FALSE(env, argc <= INT_MAX, napi_invalid_arg);
  Local<Object> instance;
  if (!ctor.As<Function>()
           ->NewInstance(
               env->context(), static_cast<int>(argc),
               reinterpret_cast<Local<Value>*>(const_cast<napi_value*>(argv)))
           .ToLocal(&instance)) {
    return SetLastError(env, napi_pending_exception);
  }
  *result = ToNapi(instance);
  NAPI_RETURN_STATUS(env);
}

napi_status NAPI_CDECL napi_instanceof(napi_env env, napi_value object,
                                       napi_value constructor, bool* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, object);
  NAPI_CHECK_ARG(env, result);
  *result = false;
  NAPI_CHECK_ARG(env, constructor);
  v8::Local<v8::Context> context = env->context();
  Local<Object> ctor;
  if (!ToV8(constructor)->ToObject(context).ToLocal(&ctor)) {
    return SetLastError(env, napi_object_expected);
  }
  if (!ctor->IsFunction()) {
    napi_throw_type_error(env, "ERR_NAPI_CONS_FUNCTION",
                          "Constructor must be a function");
    return SetLastError(env, napi_function_expected);
  }
  v8::Maybe<bool> is = ToV8(object)->InstanceOf(context, ctor);
  NAPI_RETURN_IF_FALSE(env, is.IsJust(), napi_generic_failure);
  *result = is.FromJust();
  NAPI_RETURN_STATUS(env);
}

napi_status NAPI_CDECL napi_run_script(napi_env env, napi_value script,
                                       napi_value* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, script);
  NAPI_CHECK_ARG(env, result);
  Local<Value> source = ToV8(script);
  NAPI_RETURN_IF_FALSE(env, source->IsString(), napi_string_expected);
  v8::Local<v8::Context> context = env->context();
  Local<v8::Script> compiled;
  NAPI_RETURN_IF_FALSE(
      env,
      v8::Script::Compile(context, source.As<v8::String>()).ToLocal(&compiled),
      napi_generic_failure);
  Local<Value> value;
  NAPI_RETURN_IF_FALSE(env, compiled->Run(context).ToLocal(&value),
                       napi_generic_failure);
  *result = ToNapi(value);
  NAPI_RETURN_STATUS(env);
}

}  // extern "C"
