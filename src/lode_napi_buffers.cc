// Node-API: ArrayBuffer, SharedArrayBuffer, TypedArray, DataView and
// Buffer: creating them (over memory of lode's or of the addon's),
// reading their layout, detaching.
#include "lode_internals.h"
#include "lode_napi.h"

namespace lode::napi {

using v8::ArrayBuffer;
using v8::BackingStore;
using v8::Context;
using v8::Local;
using v8::Object;
using v8::SharedArrayBuffer;
using v8::Uint8Array;
using v8::Value;

namespace {

// Memory of an addon's handed to an ArrayBuffer. V8 may let go of it on
// any thread: the finalizer is posted to the loop.
struct ExternalMemory {
  napi_env env;
  napi_finalize cb;
  void* hint;
  std::shared_ptr<ThreadsafeQueue> queue;

  static void Free(void* data, size_t, void* deleter_data) {
    ExternalMemory* self = static_cast<ExternalMemory*>(deleter_data);
    // `alive` false: the Environment is gone (the env is torn down then,
    // and CallFinalizer calls the finalizer without entering V8).
    PostTask(self->queue, [self, data](bool) {
      napi_env env = self->env;
      if (self->cb != nullptr) env->CallFinalizer(self->cb, data, self->hint);
      env->Unref();
      delete self;
    });
  }
};

void FreeWithAllocator(void* data, size_t length, void*) {
  GetArrayBufferAllocator()->Free(data, length);
}

// A zero-filled ArrayBuffer, or an empty handle when the memory is not
// there (instead of V8's out-of-memory crash).
Local<ArrayBuffer> NewArrayBuffer(napi_env env, size_t length) {
  if (length == 0) return ArrayBuffer::New(env->isolate, 0);
  void* data = GetArrayBufferAllocator()->Allocate(length);
  if (data == nullptr) return Local<ArrayBuffer>();
  std::unique_ptr<BackingStore> store =
      ArrayBuffer::NewBackingStore(data, length, FreeWithAllocator, nullptr);
  return ArrayBuffer::New(env->isolate, std::move(store));
}

napi_status ThrowAllocationFailed(napi_env env) {
  napi_throw_range_error(env, nullptr, "Array buffer allocation failed");
  return SetLastError(env, napi_pending_exception);
}

Local<ArrayBuffer> NewExternalArrayBuffer(napi_env env, void* data,
                                          size_t length, napi_finalize cb,
                                          void* hint) {
  env->Ref();
  ExternalMemory* memory =
      new ExternalMemory{env, cb, hint, GetThreadsafeQueue(env->lode_env)};
  std::unique_ptr<BackingStore> store =
      ArrayBuffer::NewBackingStore(data, length, ExternalMemory::Free, memory);
  Local<ArrayBuffer> ab = ArrayBuffer::New(env->isolate, std::move(store));
  // The addon owns the memory: postMessage() may not move it elsewhere
  // (the private key lode_message_port.cc checks).
  (void)ab->SetPrivate(
      env->context(),
      v8::Private::ForApi(
          env->isolate,
          FIXED_ONE_BYTE_STRING(env->isolate, "lode:untransferable")),
      v8::True(env->isolate));
  return ab;
}

// A Buffer (a Uint8Array with Buffer.prototype) over `ab`.
napi_status NewBuffer(napi_env env, Local<ArrayBuffer> ab, size_t offset,
                      size_t length, Local<Object>* result) {
  Local<Uint8Array> view = Uint8Array::New(ab, offset, length);
  Local<Object> proto = GetBufferPrototype(env);
  if (proto.IsEmpty() ||
      !view->SetPrototype(env->context(), proto).FromMaybe(false)) {
    return SetLastError(env, napi_generic_failure);
  }
  *result = view;
  return napi_ok;
}

bool IsAnyArrayBuffer(Local<Value> value) {
  return value->IsArrayBuffer() || value->IsSharedArrayBuffer();
}

template <typename T>
napi_status MakeTypedArray(napi_env env, Local<Value> buffer, size_t offset,
                           size_t length, size_t element_size,
                           const char* type_name, Local<Value>* result) {
  size_t byte_length = buffer->IsArrayBuffer()
                           ? buffer.As<ArrayBuffer>()->ByteLength()
                           : buffer.As<SharedArrayBuffer>()->ByteLength();
  if (element_size > 1 && offset % element_size != 0) {
    std::string message = std::string("start offset of ") + type_name +
                          " should be a multiple of " +
                          std::to_string(element_size);
    napi_throw_range_error(env, "ERR_NAPI_INVALID_TYPEDARRAY_ALIGNMENT",
                           message.c_str());
    return SetLastError(env, napi_generic_failure);
  }
  if (length > (SIZE_MAX - offset) / element_size ||
      length * element_size + offset > byte_length) {
    napi_throw_range_error(env, "ERR_NAPI_INVALID_TYPEDARRAY_LENGTH",
                           "Invalid typed array length");
    return SetLastError(env, napi_generic_failure);
  }
  if (buffer->IsArrayBuffer()) {
    *result = T::New(buffer.As<ArrayBuffer>(), offset, length);
  } else {
    *result = T::New(buffer.As<SharedArrayBuffer>(), offset, length);
  }
  return napi_ok;
}

}  // namespace
}  // namespace lode::napi

using lode::napi::ClearLastError;
using lode::napi::SetLastError;
using lode::napi::ToNapi;
using lode::napi::ToV8;
using v8::ArrayBuffer;
using v8::Local;
using v8::Object;
using v8::SharedArrayBuffer;
using v8::Value;

extern "C" {

napi_status NAPI_CDECL napi_is_arraybuffer(napi_env env, napi_value value,
                                           bool* result) {
  NAPI_CHECK_ENV_NOT_IN_GC(env);
  NAPI_CHECK_ARG(env, value);
  NAPI_CHECK_ARG(env, result);
  *result = ToV8(value)->IsArrayBuffer();
  return ClearLastError(env);
}

napi_status NAPI_CDECL napi_create_arraybuffer(napi_env env, size_t byte_length,
                                               void** data,
                                               napi_value* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, result);
  Local<ArrayBuffer> ab = lode::napi::NewArrayBuffer(env, byte_length);
  if (ab.IsEmpty()) return lode::napi::ThrowAllocationFailed(env);
  if (data != nullptr) *data = ab->Data();
  *result = ToNapi(ab);
  NAPI_RETURN_STATUS(env);
}

napi_status NAPI_CDECL napi_create_external_arraybuffer(
    napi_env env, void* external_data, size_t byte_length,
    node_api_basic_finalize finalize_cb, void* finalize_hint,
    napi_value* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, result);
  Local<ArrayBuffer> ab = lode::napi::NewExternalArrayBuffer(
      env, external_data, byte_length,
      reinterpret_cast<napi_finalize>(finalize_cb), finalize_hint);
  *result = ToNapi(ab);
  NAPI_RETURN_STATUS(env);
}

napi_status NAPI_CDECL napi_get_arraybuffer_info(napi_env env,
                                                 napi_value arraybuffer,
                                                 void** data,
                                                 size_t* byte_length) {
  NAPI_CHECK_ENV_NOT_IN_GC(env);
  NAPI_CHECK_ARG(env, arraybuffer);
  Local<Value> value = ToV8(arraybuffer);
  if (value->IsArrayBuffer()) {
    Local<ArrayBuffer> ab = value.As<ArrayBuffer>();
    if (data != nullptr) *data = ab->Data();
    if (byte_length != nullptr) *byte_length = ab->ByteLength();
  } else if (value->IsSharedArrayBuffer()) {
    Local<SharedArrayBuffer> sab = value.As<SharedArrayBuffer>();
    if (data != nullptr) *data = sab->Data();
    if (byte_length != nullptr) *byte_length = sab->ByteLength();
  } else {
    return SetLastError(env, napi_invalid_arg);
  }
  return ClearLastError(env);
}

napi_status NAPI_CDECL node_api_is_sharedarraybuffer(napi_env env,
                                                     napi_value value,
                                                     bool* result) {
  NAPI_CHECK_ENV_NOT_IN_GC(env);
  NAPI_CHECK_ARG(env, value);
  NAPI_CHECK_ARG(env, result);
  *result = ToV8(value)->IsSharedArrayBuffer();
  return ClearLastError(env);
}

napi_status NAPI_CDECL node_api_create_sharedarraybuffer(napi_env env,
                                                         size_t byte_length,
                                                         void** data,
                                                         napi_value* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, result);
  std::unique_ptr<v8::BackingStore> store;
  if (byte_length > 0) {
    void* memory = lode::GetArrayBufferAllocator()->Allocate(byte_length);
    if (memory == nullptr) return lode::napi::ThrowAllocationFailed(env);
    store = SharedArrayBuffer::NewBackingStore(
        memory, byte_length, lode::napi::FreeWithAllocator, nullptr);
  } else {
    store = SharedArrayBuffer::NewBackingStore(env->isolate, 0);
  }
  Local<SharedArrayBuffer> sab =
      SharedArrayBuffer::New(env->isolate, std::move(store));
  if (data != nullptr) *data = sab->Data();
  *result = ToNapi(sab);
  NAPI_RETURN_STATUS(env);
}

napi_status NAPI_CDECL node_api_create_external_sharedarraybuffer(
    napi_env env, void* external_data, size_t byte_length,
    node_api_noenv_finalize finalize_cb, void* finalize_hint,
    napi_value* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, result);
  // The finalizer takes no env: it runs where V8 lets go of the memory.
  struct Hint {
    node_api_noenv_finalize cb;
    void* hint;
  };
  Hint* hint = new Hint{finalize_cb, finalize_hint};
  std::unique_ptr<v8::BackingStore> store = SharedArrayBuffer::NewBackingStore(
      external_data, byte_length,
      [](void* data, size_t, void* deleter_data) {
        Hint* h = static_cast<Hint*>(deleter_data);
        if (h->cb != nullptr) h->cb(data, h->hint);
        delete h;
      },
      hint);
  *result = ToNapi(SharedArrayBuffer::New(env->isolate, std::move(store)));
  NAPI_RETURN_STATUS(env);
}

napi_status NAPI_CDECL napi_is_typedarray(napi_env env, napi_value value,
                                          bool* result) {
  NAPI_CHECK_ENV_NOT_IN_GC(env);
  NAPI_CHECK_ARG(env, value);
  NAPI_CHECK_ARG(env, result);
  *result = ToV8(value)->IsTypedArray();
  return ClearLastError(env);
}

napi_status NAPI_CDECL napi_create_typedarray(
    napi_env env, napi_typedarray_type type, size_t length,
    napi_value arraybuffer, size_t byte_offset, napi_value* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, arraybuffer);
  NAPI_CHECK_ARG(env, result);
  Local<Value> buffer = ToV8(arraybuffer);
  NAPI_RETURN_IF_FALSE(env, lode::napi::IsAnyArrayBuffer(buffer),
                       napi_invalid_arg);
  Local<Value> array;
  using lode::napi::MakeTypedArray;
#define V(Type, size)                                                     \
  MakeTypedArray<v8::Type>(env, buffer, byte_offset, length, size, #Type, \
                           &array)
  switch (type) {
    case napi_int8_array:
      NAPI_CALL_STATUS(V(Int8Array, 1));
      break;
    case napi_uint8_array:
      NAPI_CALL_STATUS(V(Uint8Array, 1));
      break;
    case napi_uint8_clamped_array:
      NAPI_CALL_STATUS(V(Uint8ClampedArray, 1));
      break;
    case napi_int16_array:
      NAPI_CALL_STATUS(V(Int16Array, 2));
      break;
    case napi_uint16_array:
      NAPI_CALL_STATUS(V(Uint16Array, 2));
      break;
    case napi_int32_array:
      NAPI_CALL_STATUS(V(Int32Array, 4));
      break;
    case napi_uint32_array:
      NAPI_CALL_STATUS(V(Uint32Array, 4));
      break;
    case napi_float32_array:
      NAPI_CALL_STATUS(V(Float32Array, 4));
      break;
    case napi_float64_array:
      NAPI_CALL_STATUS(V(Float64Array, 8));
      break;
    case napi_bigint64_array:
      NAPI_CALL_STATUS(V(BigInt64Array, 8));
      break;
    case napi_biguint64_array:
      NAPI_CALL_STATUS(V(BigUint64Array, 8));
      break;
    default:
      return SetLastError(env, napi_invalid_arg);
  }
#undef V
  *result = ToNapi(array);
  NAPI_RETURN_STATUS(env);
}

napi_status NAPI_CDECL napi_get_typedarray_info(
    napi_env env, napi_value typedarray, napi_typedarray_type* type,
    size_t* length, void** data, napi_value* arraybuffer, size_t* byte_offset) {
  NAPI_CHECK_ENV_NOT_IN_GC(env);
  NAPI_CHECK_ARG(env, typedarray);
  Local<Value> value = ToV8(typedarray);
  NAPI_RETURN_IF_FALSE(env, value->IsTypedArray(), napi_invalid_arg);
  Local<v8::TypedArray> array = value.As<v8::TypedArray>();
  if (type != nullptr) {
    if (value->IsInt8Array()) {
      *type = napi_int8_array;
    } else if (value->IsUint8Array()) {
      *type = napi_uint8_array;
    } else if (value->IsUint8ClampedArray()) {
      *type = napi_uint8_clamped_array;
    } else if (value->IsInt16Array()) {
      *type = napi_int16_array;
    } else if (value->IsUint16Array()) {
      *type = napi_uint16_array;
    } else if (value->IsInt32Array()) {
      *type = napi_int32_array;
    } else if (value->IsUint32Array()) {
      *type = napi_uint32_array;
    } else if (value->IsFloat32Array()) {
      *type = napi_float32_array;
    } else if (value->IsFloat64Array()) {
      *type = napi_float64_array;
    } else if (value->IsBigInt64Array()) {
      *type = napi_bigint64_array;
    } else if (value->IsBigUint64Array()) {
      *type = napi_biguint64_array;
    }
  }
  if (length != nullptr) *length = array->Length();
  if (data != nullptr || arraybuffer != nullptr) {
    // Buffer() may allocate the backing store of an on-heap array.
    Local<ArrayBuffer> buffer = array->Buffer();
    if (data != nullptr) {
      *data = buffer->Data() == nullptr
                  ? nullptr
                  : static_cast<uint8_t*>(buffer->Data()) + array->ByteOffset();
    }
    if (arraybuffer != nullptr) *arraybuffer = ToNapi(buffer);
  }
  if (byte_offset != nullptr) *byte_offset = array->ByteOffset();
  return ClearLastError(env);
}

napi_status NAPI_CDECL napi_create_dataview(napi_env env, size_t byte_length,
                                            napi_value arraybuffer,
                                            size_t byte_offset,
                                            napi_value* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, arraybuffer);
  NAPI_CHECK_ARG(env, result);
  Local<Value> value = ToV8(arraybuffer);
  NAPI_RETURN_IF_FALSE(env, lode::napi::IsAnyArrayBuffer(value),
                       napi_invalid_arg);
  size_t total = value->IsArrayBuffer()
                     ? value.As<ArrayBuffer>()->ByteLength()
                     : value.As<SharedArrayBuffer>()->ByteLength();
  if (byte_length > total || byte_offset > total - byte_length) {
    napi_throw_range_error(
        env, "ERR_NAPI_INVALID_DATAVIEW_ARGS",
        "byte_offset + byte_length should be less than or equal to the size "
        "in bytes of the array passed in");
    return SetLastError(env, napi_pending_exception);
  }
  Local<v8::DataView> view =
      value->IsArrayBuffer()
          ? v8::DataView::New(value.As<ArrayBuffer>(), byte_offset, byte_length)
          : v8::DataView::New(value.As<SharedArrayBuffer>(), byte_offset,
                              byte_length);
  *result = ToNapi(view);
  NAPI_RETURN_STATUS(env);
}

napi_status NAPI_CDECL napi_is_dataview(napi_env env, napi_value value,
                                        bool* result) {
  NAPI_CHECK_ENV_NOT_IN_GC(env);
  NAPI_CHECK_ARG(env, value);
  NAPI_CHECK_ARG(env, result);
  *result = ToV8(value)->IsDataView();
  return ClearLastError(env);
}

napi_status NAPI_CDECL napi_get_dataview_info(napi_env env, napi_value dataview,
                                              size_t* byte_length, void** data,
                                              napi_value* arraybuffer,
                                              size_t* byte_offset) {
  NAPI_CHECK_ENV_NOT_IN_GC(env);
  NAPI_CHECK_ARG(env, dataview);
  Local<Value> value = ToV8(dataview);
  NAPI_RETURN_IF_FALSE(env, value->IsDataView(), napi_invalid_arg);
  Local<v8::DataView> view = value.As<v8::DataView>();
  if (byte_length != nullptr) *byte_length = view->ByteLength();
  if (data != nullptr || arraybuffer != nullptr) {
    Local<ArrayBuffer> buffer = view->Buffer();
    if (data != nullptr) {
      *data = buffer->Data() == nullptr
                  ? nullptr
                  : static_cast<uint8_t*>(buffer->Data()) + view->ByteOffset();
    }
    if (arraybuffer != nullptr) *arraybuffer = ToNapi(buffer);
  }
  if (byte_offset != nullptr) *byte_offset = view->ByteOffset();
  return ClearLastError(env);
}

napi_status NAPI_CDECL napi_detach_arraybuffer(napi_env env,
                                               napi_value arraybuffer) {
  NAPI_CHECK_ENV_NOT_IN_GC(env);
  NAPI_CHECK_ARG(env, arraybuffer);
  Local<Value> value = ToV8(arraybuffer);
  NAPI_RETURN_IF_FALSE(env, value->IsArrayBuffer(), napi_arraybuffer_expected);
  Local<ArrayBuffer> ab = value.As<ArrayBuffer>();
  NAPI_RETURN_IF_FALSE(env, ab->IsDetachable(),
                       napi_detachable_arraybuffer_expected);
  ab->Detach();
  return ClearLastError(env);
}

napi_status NAPI_CDECL napi_is_detached_arraybuffer(napi_env env,
                                                    napi_value arraybuffer,
                                                    bool* result) {
  NAPI_CHECK_ENV_NOT_IN_GC(env);
  NAPI_CHECK_ARG(env, arraybuffer);
  NAPI_CHECK_ARG(env, result);
  Local<Value> value = ToV8(arraybuffer);
  // As Node reports it: an ArrayBuffer without memory counts as detached.
  *result =
      value->IsArrayBuffer() && (value.As<ArrayBuffer>()->WasDetached() ||
                                 value.As<ArrayBuffer>()->Data() == nullptr);
  return ClearLastError(env);
}

// ---- Buffers ---------------------------------------------------------------

napi_status NAPI_CDECL napi_create_buffer(napi_env env, size_t length,
                                          void** data, napi_value* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, result);
  Local<ArrayBuffer> ab = lode::napi::NewArrayBuffer(env, length);
  if (ab.IsEmpty()) return lode::napi::ThrowAllocationFailed(env);
  Local<Object> buffer;
  NAPI_CALL_STATUS(lode::napi::NewBuffer(env, ab, 0, length, &buffer));
  if (data != nullptr) *data = ab->Data();
  *result = ToNapi(buffer);
  NAPI_RETURN_STATUS(env);
}

napi_status NAPI_CDECL
napi_create_external_buffer(napi_env env, size_t length, void* data,
                            node_api_basic_finalize finalize_cb,
                            void* finalize_hint, napi_value* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, result);
  Local<ArrayBuffer> ab = lode::napi::NewExternalArrayBuffer(
      env, data, length, reinterpret_cast<napi_finalize>(finalize_cb),
      finalize_hint);
  Local<Object> buffer;
  NAPI_CALL_STATUS(lode::napi::NewBuffer(env, ab, 0, length, &buffer));
  *result = ToNapi(buffer);
  NAPI_RETURN_STATUS(env);
}

napi_status NAPI_CDECL napi_create_buffer_copy(napi_env env, size_t length,
                                               const void* data,
                                               void** result_data,
                                               napi_value* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, result);
  if (length > 0) NAPI_CHECK_ARG(env, data);
  Local<ArrayBuffer> ab = lode::napi::NewArrayBuffer(env, length);
  if (ab.IsEmpty()) return lode::napi::ThrowAllocationFailed(env);
  if (length > 0) memcpy(ab->Data(), data, length);
  Local<Object> buffer;
  NAPI_CALL_STATUS(lode::napi::NewBuffer(env, ab, 0, length, &buffer));
  if (result_data != nullptr) *result_data = ab->Data();
  *result = ToNapi(buffer);
  NAPI_RETURN_STATUS(env);
}

napi_status NAPI_CDECL node_api_create_buffer_from_arraybuffer(
    napi_env env, napi_value arraybuffer, size_t byte_offset,
    size_t byte_length, napi_value* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, arraybuffer);
  NAPI_CHECK_ARG(env, result);
  Local<Value> value = ToV8(arraybuffer);
  NAPI_RETURN_IF_FALSE(env, value->IsArrayBuffer(), napi_arraybuffer_expected);
  Local<ArrayBuffer> ab = value.As<ArrayBuffer>();
  if (byte_length > ab->ByteLength() ||
      byte_offset > ab->ByteLength() - byte_length) {
    napi_throw_range_error(env, "ERR_OUT_OF_RANGE",
                           "The byte offset + length is out of range");
    return SetLastError(env, napi_pending_exception);
  }
  Local<Object> buffer;
  NAPI_CALL_STATUS(
      lode::napi::NewBuffer(env, ab, byte_offset, byte_length, &buffer));
  *result = ToNapi(buffer);
  NAPI_RETURN_STATUS(env);
}

napi_status NAPI_CDECL napi_is_buffer(napi_env env, napi_value value,
                                      bool* result) {
  NAPI_CHECK_ENV_NOT_IN_GC(env);
  NAPI_CHECK_ARG(env, value);
  NAPI_CHECK_ARG(env, result);
  *result = ToV8(value)->IsArrayBufferView();
  return ClearLastError(env);
}

napi_status NAPI_CDECL napi_get_buffer_info(napi_env env, napi_value value,
                                            void** data, size_t* length) {
  NAPI_CHECK_ENV_NOT_IN_GC(env);
  NAPI_CHECK_ARG(env, value);
  Local<Value> v8_value = ToV8(value);
  NAPI_RETURN_IF_FALSE(env, v8_value->IsArrayBufferView(), napi_invalid_arg);
  Local<v8::ArrayBufferView> view = v8_value.As<v8::ArrayBufferView>();
  if (data != nullptr) {
    // CopyContents would copy; the backing store gives the live bytes.
    std::shared_ptr<v8::BackingStore> store = view->Buffer()->GetBackingStore();
    *data = store->Data() == nullptr
                ? nullptr
                : static_cast<uint8_t*>(store->Data()) + view->ByteOffset();
  }
  if (length != nullptr) *length = view->ByteLength();
  return ClearLastError(env);
}

}  // extern "C"
