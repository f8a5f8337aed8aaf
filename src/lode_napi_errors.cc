// Node-API: errors and exceptions (creating, throwing, catching), fatal
// errors and fatal exceptions.
#include <string>

#include "lode_napi.h"

using lode::FIXED_ONE_BYTE_STRING;
using lode::napi::ClearLastError;
using lode::napi::SetLastError;
using lode::napi::ToNapi;
using lode::napi::ToV8;
using v8::Exception;
using v8::Local;
using v8::String;
using v8::Value;

namespace {

using ErrorMaker = Local<Value> (*)(Local<String> message);

// Sets `error.code` from a JS string (code) or a C string (code_cstring).
napi_status SetErrorCode(napi_env env, Local<Value> error, napi_value code,
                         const char* code_cstring) {
  if (code == nullptr && code_cstring == nullptr) return napi_ok;
  Local<Value> code_value;
  if (code != nullptr) {
    code_value = ToV8(code);
    NAPI_RETURN_IF_FALSE(env, code_value->IsString(), napi_string_expected);
  } else {
    Local<String> str;
    NAPI_RETURN_IF_FALSE(
        env, String::NewFromUtf8(env->isolate, code_cstring).ToLocal(&str),
        napi_generic_failure);
    code_value = str;
  }
  v8::Maybe<bool> set = error.As<v8::Object>()->Set(
      env->context(), FIXED_ONE_BYTE_STRING(env->isolate, "code"), code_value);
  NAPI_RETURN_IF_FALSE(env, set.FromMaybe(false), napi_generic_failure);
  return napi_ok;
}

napi_status CreateError(napi_env env, ErrorMaker make, napi_value code,
                        napi_value msg, napi_value* result) {
  NAPI_CHECK_ENV_NOT_IN_GC(env);
  NAPI_CHECK_ARG(env, msg);
  NAPI_CHECK_ARG(env, result);
  Local<Value> message = ToV8(msg);
  NAPI_RETURN_IF_FALSE(env, message->IsString(), napi_string_expected);
  Local<Value> error = make(message.As<String>());
  NAPI_CALL_STATUS(SetErrorCode(env, error, code, nullptr));
  *result = ToNapi(error);
  return ClearLastError(env);
}

napi_status ThrowError(napi_env env, ErrorMaker make, const char* code,
                       const char* msg) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, msg);
  Local<String> message;
  NAPI_RETURN_IF_FALSE(env,
                       String::NewFromUtf8(env->isolate, msg).ToLocal(&message),
                       napi_generic_failure);
  Local<Value> error = make(message);
  NAPI_CALL_STATUS(SetErrorCode(env, error, nullptr, code));
  env->isolate->ThrowException(error);
  // The exception is now pending in the env (the TryCatch keeps it).
  return ClearLastError(env);
}

}  // namespace

extern "C" {

napi_status NAPI_CDECL napi_create_error(napi_env env, napi_value code,
                                         napi_value msg, napi_value* result) {
  return CreateError(env, Exception::Error, code, msg, result);
}

napi_status NAPI_CDECL napi_create_type_error(napi_env env, napi_value code,
                                              napi_value msg,
                                              napi_value* result) {
  return CreateError(env, Exception::TypeError, code, msg, result);
}

napi_status NAPI_CDECL napi_create_range_error(napi_env env, napi_value code,
                                               napi_value msg,
                                               napi_value* result) {
  return CreateError(env, Exception::RangeError, code, msg, result);
}

napi_status NAPI_CDECL node_api_create_syntax_error(napi_env env,
                                                    napi_value code,
                                                    napi_value msg,
                                                    napi_value* result) {
  return CreateError(env, Exception::SyntaxError, code, msg, result);
}

napi_status NAPI_CDECL napi_throw(napi_env env, napi_value error) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, error);
  env->isolate->ThrowException(ToV8(error));
  return ClearLastError(env);
}

napi_status NAPI_CDECL napi_throw_error(napi_env env, const char* code,
                                        const char* msg) {
  return ThrowError(env, Exception::Error, code, msg);
}

napi_status NAPI_CDECL napi_throw_type_error(napi_env env, const char* code,
                                             const char* msg) {
  return ThrowError(env, Exception::TypeError, code, msg);
}

napi_status NAPI_CDECL napi_throw_range_error(napi_env env, const char* code,
                                              const char* msg) {
  return ThrowError(env, Exception::RangeError, code, msg);
}

napi_status NAPI_CDECL node_api_throw_syntax_error(napi_env env,
                                                   const char* code,
                                                   const char* msg) {
  return ThrowError(env, Exception::SyntaxError, code, msg);
}

napi_status NAPI_CDECL napi_is_error(napi_env env, napi_value value,
                                     bool* result) {
  NAPI_CHECK_ENV_NOT_IN_GC(env);
  NAPI_CHECK_ARG(env, value);
  NAPI_CHECK_ARG(env, result);
  *result = ToV8(value)->IsNativeError();
  return ClearLastError(env);
}

napi_status NAPI_CDECL napi_is_exception_pending(napi_env env, bool* result) {
  // Must work while an exception is pending: no preamble.
  NAPI_CHECK_ENV_NOT_IN_GC(env);
  NAPI_CHECK_ARG(env, result);
  *result = !env->last_exception.IsEmpty();
  return ClearLastError(env);
}

napi_status NAPI_CDECL napi_get_and_clear_last_exception(napi_env env,
                                                         napi_value* result) {
  NAPI_CHECK_ENV_NOT_IN_GC(env);
  NAPI_CHECK_ARG(env, result);
  if (env->last_exception.IsEmpty()) {
    return napi_get_undefined(env, result);
  }
  *result = ToNapi(env->last_exception.Get(env->isolate));
  env->last_exception.Reset();
  return ClearLastError(env);
}

napi_status NAPI_CDECL napi_fatal_exception(napi_env env, napi_value err) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, err);
  lode::napi::TriggerFatalException(env, ToV8(err));
  return ClearLastError(env);
}

void NAPI_CDECL napi_fatal_error(const char* location, size_t location_len,
                                 const char* message, size_t message_len) {
  std::string where;
  std::string what;
  if (location != nullptr) {
    where = location_len == NAPI_AUTO_LENGTH
                ? std::string(location)
                : std::string(location, location_len);
  }
  if (message != nullptr) {
    what = message_len == NAPI_AUTO_LENGTH ? std::string(message)
                                           : std::string(message, message_len);
  }
  lode::errors::OnFatalError(where.c_str(), what.c_str());
  abort();
}

}  // extern "C"
