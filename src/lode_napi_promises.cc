// Node-API: promises (a deferred is the promise's resolver, kept until it
// is settled).
#include "lode_napi.h"

using lode::napi::ClearLastError;
using lode::napi::SetLastError;
using lode::napi::ToNapi;
using lode::napi::ToV8;
using v8::Global;
using v8::Local;
using v8::Promise;

namespace {

napi_status Settle(napi_env env, napi_deferred deferred, napi_value value,
                   bool resolve) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, deferred);
  NAPI_CHECK_ARG(env, value);
  auto* handle = reinterpret_cast<Global<Promise::Resolver>*>(deferred);
  Local<Promise::Resolver> resolver = handle->Get(env->isolate);
  v8::Maybe<bool> done = resolve
                             ? resolver->Resolve(env->context(), ToV8(value))
                             : resolver->Reject(env->context(), ToV8(value));
  delete handle;
  NAPI_RETURN_IF_FALSE(env, done.FromMaybe(false), napi_generic_failure);
  NAPI_RETURN_STATUS(env);
}

}  // namespace

extern "C" {

napi_status NAPI_CDECL napi_create_promise(napi_env env,
                                           napi_deferred* deferred,
                                           napi_value* promise) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, deferred);
  NAPI_CHECK_ARG(env, promise);
  Local<Promise::Resolver> resolver;
  NAPI_RETURN_IF_FALSE(
      env, Promise::Resolver::New(env->context()).ToLocal(&resolver),
      napi_generic_failure);
  *deferred = reinterpret_cast<napi_deferred>(
      new Global<Promise::Resolver>(env->isolate, resolver));
  *promise = ToNapi(resolver->GetPromise());
  NAPI_RETURN_STATUS(env);
}

napi_status NAPI_CDECL napi_resolve_deferred(napi_env env,
                                             napi_deferred deferred,
                                             napi_value resolution) {
  return Settle(env, deferred, resolution, true);
}

napi_status NAPI_CDECL napi_reject_deferred(napi_env env,
                                            napi_deferred deferred,
                                            napi_value rejection) {
  return Settle(env, deferred, rejection, false);
}

napi_status NAPI_CDECL napi_is_promise(napi_env env, napi_value value,
                                       bool* is_promise) {
  NAPI_CHECK_ENV_NOT_IN_GC(env);
  NAPI_CHECK_ARG(env, value);
  NAPI_CHECK_ARG(env, is_promise);
  *is_promise = ToV8(value)->IsPromise();
  return ClearLastError(env);
}

}  // extern "C"
