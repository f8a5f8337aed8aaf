// Node-API: primitives and their types (numbers, booleans, bigints,
// symbols, dates), conversions and comparisons, arrays.
#include <algorithm>
#include <climits>
#include <cmath>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "lode_napi.h"

using lode::napi::ClearLastError;
using lode::napi::SetLastError;
using lode::napi::ToNapi;
using lode::napi::ToV8;
using v8::BigInt;
using v8::Boolean;
using v8::Context;
using v8::Integer;
using v8::Isolate;
using v8::Local;
using v8::MaybeLocal;
using v8::Number;
using v8::Object;
using v8::String;
using v8::Value;

namespace {

// The body of the functions that cannot fail once their arguments are
// checked: `*result` is what `make` builds (called after the checks, so it
// may use env).
template <typename Make>
napi_status NewValue(napi_env env, napi_value* result, Make make) {
  if (!lode::napi::BasicFastPath(env) || result == nullptr) [[unlikely]] {
    NAPI_CHECK_ENV_NOT_IN_GC(env);
    NAPI_CHECK_ARG(env, result);
  }
  *result = ToNapi(make());
  return ClearLastError(env);
}

// Whether `value` is an int32 other than -0, which Number::New would make
// a small integer of (*integer). On x86-64: the value truncated to int32
// (cvttsd2si, defined for every input: out of range and NaN give INT32_MIN)
// and converted back is the same double bit for bit, which rules out
// fractions, -0 (its sign bit), NaN and out-of-range values in one compare.
inline bool IsInt32Number(double value, int32_t* integer) {
#if defined(__SSE2__)
  int32_t truncated = _mm_cvttsd_si32(_mm_set_sd(value));
  double back = truncated;
  uint64_t value_bits;
  uint64_t back_bits;
  memcpy(&value_bits, &value, sizeof(value));
  memcpy(&back_bits, &back, sizeof(back));
  if (value_bits != back_bits) return false;
  *integer = truncated;
  return true;
#else
  if (!(value >= INT32_MIN && value <= INT32_MAX)) return false;
  *integer = static_cast<int32_t>(value);
  return *integer == value && (*integer != 0 || !std::signbit(value));
#endif
}

// Number::New(value): a small integer (not -0) made in place, which gives
// the same Smi without Number::New's entry into the VM.
Local<Number> NewNumber(Isolate* isolate, double value) {
  int32_t integer;
  if (IsInt32Number(value, &integer)) {
    return lode::napi::NewHandle::Int32(isolate, integer);
  }
  return Number::New(isolate, value);
}

// napi_create_double beyond its inline fast path.
[[gnu::noinline]] napi_status CreateDouble(napi_env env, double value,
                                           napi_value* result) {
  return NewValue(env, result, [&] { return NewNumber(env->isolate, value); });
}

// napi_coerce_to_{number,object,string}: JS's conversion `convert`, which
// may run JS (valueOf, toString) and throw; `refused` when it gave nothing.
template <typename T>
napi_status Coerce(napi_env env, napi_value value, napi_value* result,
                   MaybeLocal<T> (Value::*convert)(Local<Context>) const,
                   napi_status refused) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, value);
  NAPI_CHECK_ARG(env, result);
  Local<T> converted;
  NAPI_RETURN_IF_FALSE(
      env, ((*ToV8(value))->*convert)(env->context()).ToLocal(&converted),
      refused);
  *result = ToNapi(converted);
  NAPI_RETURN_STATUS(env);
}

// napi_get_value_double beyond its inline fast path.
[[gnu::noinline]] napi_status GetValueDouble(napi_env env, napi_value value,
                                             double* result) {
  NAPI_CHECK_ENV_NOT_IN_GC(env);
  NAPI_CHECK_ARG(env, value);
  NAPI_CHECK_ARG(env, result);
  Local<Value> v = ToV8(value);
  int32_t small;
  if (lode::napi::SmallIntegerValue(v, &small)) {
    *result = small;
    return ClearLastError(env);
  }
  NAPI_RETURN_IF_FALSE(env, v->IsNumber(), napi_number_expected);
  *result = v.As<Number>()->Value();
  return ClearLastError(env);
}

}  // namespace

extern "C" {

napi_status NAPI_CDECL napi_get_undefined(napi_env env, napi_value* result) {
  return NewValue(env, result, [&] { return v8::Undefined(env->isolate); });
}

napi_status NAPI_CDECL napi_get_null(napi_env env, napi_value* result) {
  return NewValue(env, result, [&] { return v8::Null(env->isolate); });
}

napi_status NAPI_CDECL napi_get_global(napi_env env, napi_value* result) {
  return NewValue(env, result, [&] { return env->context()->Global(); });
}

napi_status NAPI_CDECL napi_get_boolean(napi_env env, bool value,
                                        napi_value* result) {
  return NewValue(env, result,
                  [&] { return Boolean::New(env->isolate, value); });
}

napi_status NAPI_CDECL napi_create_array(napi_env env, napi_value* result) {
  return NewValue(env, result, [&] { return v8::Array::New(env->isolate); });
}

napi_status NAPI_CDECL napi_create_array_with_length(napi_env env,
                                                     size_t length,
                                                     napi_value* result) {
  NAPI_CHECK_ENV_NOT_IN_GC(env);
  NAPI_CHECK_ARG(env, result);
  // V8 takes an int; a negative length gives an empty array.
  int v8_length = length > INT_MAX ? -1 : static_cast<int>(length);
  *result = ToNapi(v8::Array::New(env->isolate, v8_length));
  return ClearLastError(env);
}

napi_status NAPI_CDECL napi_create_double(napi_env env, double value,
                                          napi_value* result) {
  // A small integer inline: the checks, then one call (CreateHandle) with
  // nothing but env and result to keep across it; the rest out of line.
  int32_t integer;
  if (lode::napi::BasicFastPath(env) && result != nullptr &&
      IsInt32Number(value, &integer)) [[likely]] {
    *result = ToNapi(lode::napi::NewHandle::Int32(env->isolate, integer));
    return ClearLastError(env);
  }
  return CreateDouble(env, value, result);
}

napi_status NAPI_CDECL napi_create_int32(napi_env env, int32_t value,
                                         napi_value* result) {
  return NewValue(env, result, [&] {
    return lode::napi::NewHandle::Int32(env->isolate, value);
  });
}

napi_status NAPI_CDECL napi_create_uint32(napi_env env, uint32_t value,
                                          napi_value* result) {
  return NewValue(env, result, [&] {
    return Integer::NewFromUnsigned(env->isolate, value);
  });
}

napi_status NAPI_CDECL napi_create_int64(napi_env env, int64_t value,
                                         napi_value* result) {
  return NewValue(env, result, [&] {
    return NewNumber(env->isolate, static_cast<double>(value));
  });
}

napi_status NAPI_CDECL napi_create_bigint_int64(napi_env env, int64_t value,
                                                napi_value* result) {
  return NewValue(env, result,
                  [&] { return BigInt::New(env->isolate, value); });
}

napi_status NAPI_CDECL napi_create_bigint_uint64(napi_env env, uint64_t value,
                                                 napi_value* result) {
  return NewValue(env, result, [&] {
    return BigInt::NewFromUnsigned(env->isolate, value);
  });
}

napi_status NAPI_CDECL napi_create_bigint_words(napi_env env, int sign_bit,
                                                size_t word_count,
                                                const uint64_t* words,
                                                napi_value* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, words);
  NAPI_CHECK_ARG(env, result);
  NAPI_RETURN_IF_FALSE(env, word_count <= INT_MAX, napi_invalid_arg);
  Local<BigInt> value;
  bool ok = BigInt::NewFromWords(env->context(), sign_bit,
                                 static_cast<int>(word_count), words)
                .ToLocal(&value);
  NAPI_RETURN_IF_FALSE_WITH_PREAMBLE(env, ok, napi_generic_failure);
  *result = ToNapi(value);
  NAPI_RETURN_STATUS(env);
}

napi_status NAPI_CDECL napi_get_value_bigint_int64(napi_env env,
                                                   napi_value value,
                                                   int64_t* result,
                                                   bool* lossless) {
  NAPI_CHECK_ENV_NOT_IN_GC(env);
  NAPI_CHECK_ARG(env, value);
  NAPI_CHECK_ARG(env, result);
  NAPI_CHECK_ARG(env, lossless);
  Local<Value> v8_value = ToV8(value);
  NAPI_RETURN_IF_FALSE(env, v8_value->IsBigInt(), napi_bigint_expected);
  *result = v8_value.As<BigInt>()->Int64Value(lossless);
  return ClearLastError(env);
}

napi_status NAPI_CDECL napi_get_value_bigint_uint64(napi_env env,
                                                    napi_value value,
                                                    uint64_t* result,
                                                    bool* lossless) {
  NAPI_CHECK_ENV_NOT_IN_GC(env);
  NAPI_CHECK_ARG(env, value);
  NAPI_CHECK_ARG(env, result);
  NAPI_CHECK_ARG(env, lossless);
  Local<Value> v8_value = ToV8(value);
  NAPI_RETURN_IF_FALSE(env, v8_value->IsBigInt(), napi_bigint_expected);
  *result = v8_value.As<BigInt>()->Uint64Value(lossless);
  return ClearLastError(env);
}

napi_status NAPI_CDECL napi_get_value_bigint_words(napi_env env,
                                                   napi_value value,
                                                   int* sign_bit,
                                                   size_t* word_count,
                                                   uint64_t* words) {
  NAPI_CHECK_ENV_NOT_IN_GC(env);
  NAPI_CHECK_ARG(env, value);
  NAPI_CHECK_ARG(env, word_count);
  Local<Value> v8_value = ToV8(value);
  NAPI_RETURN_IF_FALSE(env, v8_value->IsBigInt(), napi_bigint_expected);
  Local<BigInt> big = v8_value.As<BigInt>();
  if (sign_bit == nullptr && words == nullptr) {
    // Only the size is asked for.
    *word_count = big->WordCount();
  } else {
    NAPI_CHECK_ARG(env, sign_bit);
    NAPI_CHECK_ARG(env, words);
    int count = static_cast<int>(std::min<size_t>(*word_count, INT_MAX));
    big->ToWordsArray(sign_bit, &count, words);
    *word_count = count;
  }
  return ClearLastError(env);
}

napi_status NAPI_CDECL napi_create_symbol(napi_env env, napi_value description,
                                          napi_value* result) {
  NAPI_CHECK_ENV_NOT_IN_GC(env);
  NAPI_CHECK_ARG(env, result);
  Isolate* isolate = env->isolate;
  if (description == nullptr) {
    *result = ToNapi(v8::Symbol::New(isolate));
  } else {
    Local<Value> desc = ToV8(description);
    NAPI_RETURN_IF_FALSE(env, desc->IsString(), napi_string_expected);
    *result = ToNapi(v8::Symbol::New(isolate, desc.As<String>()));
  }
  return ClearLastError(env);
}

napi_status NAPI_CDECL node_api_symbol_for(napi_env env,
                                           const char* utf8description,
                                           size_t length, napi_value* result) {
  NAPI_CHECK_ENV_NOT_IN_GC(env);
  NAPI_CHECK_ARG(env, result);
  napi_value description;
  NAPI_CALL_STATUS(
      napi_create_string_utf8(env, utf8description, length, &description));
  *result =
      ToNapi(v8::Symbol::For(env->isolate, ToV8(description).As<String>()));
  return ClearLastError(env);
}

napi_status NAPI_CDECL napi_typeof(napi_env env, napi_value value,
                                   napi_valuetype* result) {
  NAPI_CHECK_ENV_NOT_IN_GC(env);
  NAPI_CHECK_ARG(env, value);
  NAPI_CHECK_ARG(env, result);
  Local<Value> v = ToV8(value);
  int32_t small;
  if (lode::napi::SmallIntegerValue(v, &small) || v->IsNumber()) {
    *result = napi_number;
  } else if (v->IsBigInt()) {
    *result = napi_bigint;
  } else if (v->IsString()) {
    *result = napi_string;
  } else if (v->IsFunction()) {
    *result = napi_function;
  } else if (v->IsExternal()) {
    *result = napi_external;
  } else if (v->IsObject()) {
    *result = napi_object;
  } else if (v->IsBoolean()) {
    *result = napi_boolean;
  } else if (v->IsUndefined()) {
    *result = napi_undefined;
  } else if (v->IsSymbol()) {
    *result = napi_symbol;
  } else if (v->IsNull()) {
    *result = napi_null;
  } else {
    return SetLastError(env, napi_invalid_arg);
  }
  return ClearLastError(env);
}

napi_status NAPI_CDECL napi_get_value_double(napi_env env, napi_value value,
                                             double* result) {
  // A small integer inline (no saved registers); the rest out of line.
  int32_t small;
  if (lode::napi::BasicFastPath(env) && value != nullptr && result != nullptr &&
      lode::napi::SmallIntegerValue(ToV8(value), &small)) {
    *result = small;
    return ClearLastError(env);
  }
  return GetValueDouble(env, value, result);
}

napi_status NAPI_CDECL napi_get_value_int32(napi_env env, napi_value value,
                                            int32_t* result) {
  NAPI_CHECK_ENV_NOT_IN_GC(env);
  NAPI_CHECK_ARG(env, value);
  NAPI_CHECK_ARG(env, result);
  Local<Value> v = ToV8(value);
  if (lode::napi::SmallIntegerValue(v, result)) {
    // A small integer is its own value.
  } else if (v->IsInt32()) {
    *result = v.As<v8::Int32>()->Value();
  } else {
    NAPI_RETURN_IF_FALSE(env, v->IsNumber(), napi_number_expected);
    // A number converts without running JS (ToInt32 semantics).
    *result = v->Int32Value(Local<Context>()).FromJust();
  }
  return ClearLastError(env);
}

napi_status NAPI_CDECL napi_get_value_uint32(napi_env env, napi_value value,
                                             uint32_t* result) {
  NAPI_CHECK_ENV_NOT_IN_GC(env);
  NAPI_CHECK_ARG(env, value);
  NAPI_CHECK_ARG(env, result);
  Local<Value> v = ToV8(value);
  int32_t small;
  if (lode::napi::SmallIntegerValue(v, &small)) {
    // ToUint32 of a small integer: modulo 2^32.
    *result = static_cast<uint32_t>(small);
  } else if (v->IsUint32()) {
    *result = v.As<v8::Uint32>()->Value();
  } else {
    NAPI_RETURN_IF_FALSE(env, v->IsNumber(), napi_number_expected);
    *result = v->Uint32Value(Local<Context>()).FromJust();
  }
  return ClearLastError(env);
}

napi_status NAPI_CDECL napi_get_value_int64(napi_env env, napi_value value,
                                            int64_t* result) {
  NAPI_CHECK_ENV_NOT_IN_GC(env);
  NAPI_CHECK_ARG(env, value);
  NAPI_CHECK_ARG(env, result);
  Local<Value> v = ToV8(value);
  int32_t small;
  if (lode::napi::SmallIntegerValue(v, &small)) {
    *result = small;
    return ClearLastError(env);
  }
  if (v->IsInt32()) {
    *result = v.As<v8::Int32>()->Value();
    return ClearLastError(env);
  }
  NAPI_RETURN_IF_FALSE(env, v->IsNumber(), napi_number_expected);
  // NaN and the infinities give 0 (as int32 conversion does), not
  // INT64_MIN.
  double number = v.As<Number>()->Value();
  *result =
      std::isfinite(number) ? v->IntegerValue(Local<Context>()).FromJust() : 0;
  return ClearLastError(env);
}

napi_status NAPI_CDECL napi_get_value_bool(napi_env env, napi_value value,
                                           bool* result) {
  NAPI_CHECK_ENV_NOT_IN_GC(env);
  NAPI_CHECK_ARG(env, value);
  NAPI_CHECK_ARG(env, result);
  Local<Value> v = ToV8(value);
  NAPI_RETURN_IF_FALSE(env, v->IsBoolean(), napi_boolean_expected);
  *result = v.As<Boolean>()->Value();
  return ClearLastError(env);
}

napi_status NAPI_CDECL napi_coerce_to_bool(napi_env env, napi_value value,
                                           napi_value* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, value);
  NAPI_CHECK_ARG(env, result);
  *result = ToNapi(ToV8(value)->ToBoolean(env->isolate));
  NAPI_RETURN_STATUS(env);
}

napi_status NAPI_CDECL napi_coerce_to_number(napi_env env, napi_value value,
                                             napi_value* result) {
  return Coerce<Number>(env, value, result, &Value::ToNumber, napi_number_expected);
}

napi_status NAPI_CDECL napi_coerce_to_object(napi_env env, napi_value value,
                                             napi_value* result) {
  return Coerce<Object>(env, value, result, &Value::ToObject, napi_object_expected);
}

napi_status NAPI_CDECL napi_coerce_to_string(napi_env env, napi_value value,
                                             napi_value* result) {
  return Coerce<String>(env, value, result, &Value::ToString, napi_string_expected);
}

napi_status NAPI_CDECL napi_strict_equals(napi_env env, napi_value lhs,
                                          napi_value rhs, bool* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, lhs);
  NAPI_CHECK_ARG(env, rhs);
  NAPI_CHECK_ARG(env, result);
  *result = ToV8(lhs)->StrictEquals(ToV8(rhs));
  NAPI_RETURN_STATUS(env);
}

napi_status NAPI_CDECL napi_is_array(napi_env env, napi_value value,
                                     bool* result) {
  NAPI_CHECK_ENV_NOT_IN_GC(env);
  NAPI_CHECK_ARG(env, value);
  NAPI_CHECK_ARG(env, result);
  *result = ToV8(value)->IsArray();
  return ClearLastError(env);
}

napi_status NAPI_CDECL napi_get_array_length(napi_env env, napi_value value,
                                             uint32_t* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, value);
  NAPI_CHECK_ARG(env, result);
  Local<Value> v = ToV8(value);
  NAPI_RETURN_IF_FALSE(env, v->IsArray(), napi_array_expected);
  *result = v.As<v8::Array>()->Length();
  NAPI_RETURN_STATUS(env);
}

napi_status NAPI_CDECL napi_create_date(napi_env env, double time,
                                        napi_value* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, result);
  Local<Value> date;
  NAPI_RETURN_IF_FALSE(env, v8::Date::New(env->context(), time).ToLocal(&date),
                       napi_generic_failure);
  *result = ToNapi(date);
  NAPI_RETURN_STATUS(env);
}

napi_status NAPI_CDECL napi_is_date(napi_env env, napi_value value,
                                    bool* is_date) {
  NAPI_CHECK_ENV_NOT_IN_GC(env);
  NAPI_CHECK_ARG(env, value);
  NAPI_CHECK_ARG(env, is_date);
  *is_date = ToV8(value)->IsDate();
  return ClearLastError(env);
}

napi_status NAPI_CDECL napi_get_date_value(napi_env env, napi_value value,
                                           double* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, value);
  NAPI_CHECK_ARG(env, result);
  Local<Value> v = ToV8(value);
  NAPI_RETURN_IF_FALSE(env, v->IsDate(), napi_date_expected);
  *result = v.As<v8::Date>()->ValueOf();
  NAPI_RETURN_STATUS(env);
}

}  // extern "C"
