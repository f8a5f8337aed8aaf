// Node-API: strings in Latin-1, UTF-8 and UTF-16, external strings and
// property keys, and copying strings out.
#include <algorithm>
#include <climits>
#include <string_view>
#include <type_traits>

#include "lode_napi.h"
#include "lode_string_utf8.h"

namespace lode::napi {

using v8::Isolate;
using v8::Local;
using v8::MaybeLocal;
using v8::NewStringType;
using v8::String;
using v8::Value;

namespace {

// The checks every string constructor shares.
napi_status CheckNewString(napi_env env, const void* str, size_t length,
                           napi_value* result) {
  if (length > 0) NAPI_CHECK_ARG(env, str);
  NAPI_CHECK_ARG(env, result);
  NAPI_RETURN_IF_FALSE(env, length == NAPI_AUTO_LENGTH || length <= INT_MAX,
                       napi_invalid_arg);
  return napi_ok;
}

template <typename Make>
napi_status NewString(napi_env env, const void* str, size_t length,
                      napi_value* result, Make make) {
  NAPI_CHECK_ENV_NOT_IN_GC(env);
  NAPI_CALL_STATUS(CheckNewString(env, str, length, result));
  Local<String> value;
  NAPI_RETURN_IF_FALSE(env, make(env->isolate).ToLocal(&value),
                       napi_generic_failure);
  *result = ToNapi(value);
  return ClearLastError(env);
}

// napi_create_string_* (kNormal) and node_api_create_property_key_*
// (kInternalized, which property lookups find faster) in each encoding.
napi_status NewLatin1(napi_env env, const char* str, size_t length,
                      napi_value* result, NewStringType type) {
  return NewString(env, str, length, result, [&](Isolate* isolate) {
    return String::NewFromOneByte(isolate,
                                  reinterpret_cast<const uint8_t*>(str), type,
                                  static_cast<int>(length));
  });
}

napi_status NewUtf8(napi_env env, const char* str, size_t length,
                    napi_value* result, NewStringType type) {
  return NewString(env, str, length, result, [&](Isolate* isolate) {
    return String::NewFromUtf8(isolate, str, type, static_cast<int>(length));
  });
}

napi_status NewUtf16(napi_env env, const char16_t* str, size_t length,
                     napi_value* result, NewStringType type) {
  return NewString(env, str, length, result, [&](Isolate* isolate) {
    return String::NewFromTwoByte(isolate,
                                  reinterpret_cast<const uint16_t*>(str), type,
                                  static_cast<int>(length));
  });
}

// An external string's memory belongs to the addon: its finalizer runs
// (from the loop) when V8 lets go of the string.
template <typename Base, typename Char>
class ExternalResource final : public Base, public Tracked {
 public:
  ExternalResource(napi_env env, Char* data, size_t length, napi_finalize cb,
                   void* hint)
      : env_(env),
        data_(data),
        length_(length),
        call_{cb, const_cast<void*>(static_cast<const void*>(data)), hint} {
    Link(cb != nullptr ? &env->finalizing_reflist : &env->reflist);
    env->Ref();
  }

  ~ExternalResource() override {
    Unlink();
    FinalizerCall call = call_;
    if (call.callback != nullptr) {
      if (env_->torn_down) {
        env_->CallFinalizer(call.callback, call.data, call.hint);
      } else {
        // V8 disposes the resource inside GC: the finalizer runs later.
        env_->EnqueueFinalizer(
            TrackedFinalizer::New(env_, call.callback, call.data, call.hint));
      }
    }
    env_->Unref();
  }

  // At env teardown: the string may outlive the env, whose finalizers then
  // run without JS.
  void Finalize() override { Unlink(); }

  // V8 refused the resource: the addon keeps its memory.
  void Forget() {
    Unlink();
    call_ = FinalizerCall();
  }

  const Char* data() const override { return data_; }
  size_t length() const override { return length_; }

 private:
  napi_env env_;
  Char* data_;
  size_t length_;
  FinalizerCall call_;
};

using ExternalOneByte =
    ExternalResource<String::ExternalOneByteStringResource, const char>;
using ExternalTwoByte =
    ExternalResource<String::ExternalStringResource, const uint16_t>;

// The body of node_api_create_external_string_{latin1,utf16}: V8 takes the
// addon's characters as they are (`copied` is always false), or refuses
// them, and then none of the resource's finalizing may run.
template <typename Char>
napi_status NewExternalString(napi_env env, Char* str, size_t length,
                              node_api_basic_finalize basic_finalize_callback,
                              void* finalize_hint, napi_value* result,
                              bool* copied) {
  constexpr bool kOneByte = sizeof(Char) == 1;
  using Resource =
      std::conditional_t<kOneByte, ExternalOneByte, ExternalTwoByte>;
  using Data = std::conditional_t<kOneByte, const char*, const uint16_t*>;
  napi_finalize finalize_callback =
      reinterpret_cast<napi_finalize>(basic_finalize_callback);
  NAPI_CHECK_ENV_NOT_IN_GC(env);
  NAPI_CALL_STATUS(CheckNewString(env, str, length, result));
  if (length == NAPI_AUTO_LENGTH) {
    length = std::basic_string_view<Char>(str).length();
  }
  auto* resource = new Resource(env, reinterpret_cast<Data>(str), length,
                                finalize_callback, finalize_hint);
  MaybeLocal<String> made;
  if constexpr (kOneByte) {
    made = String::NewExternalOneByte(env->isolate, resource);
  } else {
    made = String::NewExternalTwoByte(env->isolate, resource);
  }
  Local<String> value;
  if (!made.ToLocal(&value)) {
    resource->Forget();
    delete resource;
    return SetLastError(env, napi_generic_failure);
  }
  if (copied != nullptr) *copied = false;
  *result = ToNapi(value);
  return ClearLastError(env);
}

}  // namespace

}  // namespace lode::napi

using lode::napi::ClearLastError;
using lode::napi::SetLastError;
using lode::napi::ToNapi;
using lode::napi::ToV8;
using v8::Isolate;
using v8::Local;
using v8::NewStringType;
using v8::String;
using v8::Value;

extern "C" {

napi_status NAPI_CDECL napi_create_string_latin1(napi_env env, const char* str,
                                                 size_t length,
                                                 napi_value* result) {
  return lode::napi::NewLatin1(env, str, length, result,
                               NewStringType::kNormal);
}

napi_status NAPI_CDECL napi_create_string_utf8(napi_env env, const char* str,
                                               size_t length,
                                               napi_value* result) {
  return lode::napi::NewUtf8(env, str, length, result, NewStringType::kNormal);
}

napi_status NAPI_CDECL napi_create_string_utf16(napi_env env,
                                                const char16_t* str,
                                                size_t length,
                                                napi_value* result) {
  return lode::napi::NewUtf16(env, str, length, result,
                              NewStringType::kNormal);
}

napi_status NAPI_CDECL node_api_create_property_key_latin1(napi_env env,
                                                           const char* str,
                                                           size_t length,
                                                           napi_value* result) {
  return lode::napi::NewLatin1(env, str, length, result,
                               NewStringType::kInternalized);
}

napi_status NAPI_CDECL node_api_create_property_key_utf8(napi_env env,
                                                         const char* str,
                                                         size_t length,
                                                         napi_value* result) {
  return lode::napi::NewUtf8(env, str, length, result,
                             NewStringType::kInternalized);
}

napi_status NAPI_CDECL node_api_create_property_key_utf16(napi_env env,
                                                          const char16_t* str,
                                                          size_t length,
                                                          napi_value* result) {
  return lode::napi::NewUtf16(env, str, length, result,
                              NewStringType::kInternalized);
}

napi_status NAPI_CDECL node_api_create_external_string_latin1(
    napi_env env, char* str, size_t length,
    node_api_basic_finalize basic_finalize_callback, void* finalize_hint,
    napi_value* result, bool* copied) {
  return lode::napi::NewExternalString(env, str, length,
                                       basic_finalize_callback, finalize_hint,
                                       result, copied);
}

napi_status NAPI_CDECL node_api_create_external_string_utf16(
    napi_env env, char16_t* str, size_t length,
    node_api_basic_finalize basic_finalize_callback, void* finalize_hint,
    napi_value* result, bool* copied) {
  return lode::napi::NewExternalString(env, str, length,
                                       basic_finalize_callback, finalize_hint,
                                       result, copied);
}

napi_status NAPI_CDECL napi_get_value_string_latin1(napi_env env,
                                                    napi_value value, char* buf,
                                                    size_t bufsize,
                                                    size_t* result) {
  NAPI_CHECK_ENV_NOT_IN_GC(env);
  NAPI_CHECK_ARG(env, value);
  Local<Value> v8_value = ToV8(value);
  NAPI_RETURN_IF_FALSE(env, v8_value->IsString(), napi_string_expected);
  Local<String> str = v8_value.As<String>();
  if (buf == nullptr) {
    NAPI_CHECK_ARG(env, result);
    *result = str->Length();
  } else if (bufsize != 0) {
    int room = static_cast<int>(std::min<size_t>(bufsize - 1, INT_MAX));
    int copied =
        str->WriteOneByte(env->isolate, reinterpret_cast<uint8_t*>(buf), 0,
                          room, String::NO_NULL_TERMINATION);
    buf[copied] = '\0';
    if (result != nullptr) *result = copied;
  } else if (result != nullptr) {
    *result = 0;
  }
  return ClearLastError(env);
}

napi_status NAPI_CDECL napi_get_value_string_utf8(napi_env env,
                                                  napi_value value, char* buf,
                                                  size_t bufsize,
                                                  size_t* result) {
  NAPI_CHECK_ENV_NOT_IN_GC(env);
  NAPI_CHECK_ARG(env, value);
  Local<Value> v8_value = ToV8(value);
  NAPI_RETURN_IF_FALSE(env, v8_value->IsString(), napi_string_expected);
  Local<String> str = v8_value.As<String>();
  if (buf == nullptr) {
    NAPI_CHECK_ARG(env, result);
    *result = lode::Utf8LengthOf(env->isolate, str);
  } else if (bufsize != 0) {
    // Stops before a character that does not fit whole.
    size_t copied = lode::WriteUtf8(
        env->isolate, str, reinterpret_cast<uint8_t*>(buf), bufsize - 1);
    buf[copied] = '\0';
    if (result != nullptr) *result = copied;
  } else if (result != nullptr) {
    *result = 0;
  }
  return ClearLastError(env);
}

napi_status NAPI_CDECL napi_get_value_string_utf16(napi_env env,
                                                   napi_value value,
                                                   char16_t* buf,
                                                   size_t bufsize,
                                                   size_t* result) {
  NAPI_CHECK_ENV_NOT_IN_GC(env);
  NAPI_CHECK_ARG(env, value);
  Local<Value> v8_value = ToV8(value);
  NAPI_RETURN_IF_FALSE(env, v8_value->IsString(), napi_string_expected);
  Local<String> str = v8_value.As<String>();
  if (buf == nullptr) {
    NAPI_CHECK_ARG(env, result);
    *result = str->Length();
  } else if (bufsize != 0) {
    int room = static_cast<int>(std::min<size_t>(bufsize - 1, INT_MAX));
    int copied = str->Write(env->isolate, reinterpret_cast<uint16_t*>(buf), 0,
                            room, String::NO_NULL_TERMINATION);
    buf[copied] = 0;
    if (result != nullptr) *result = copied;
  } else if (result != nullptr) {
    *result = 0;
  }
  return ClearLastError(env);
}

}  // extern "C"
