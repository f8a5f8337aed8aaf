// internalBinding('messaging'): structured cloning with V8's
// ValueSerializer, behind the global structuredClone(), and the message
// format of the 'advanced' serialization of child_process IPC channels:
//   serializeMessage(value, bufferPrototype) -> Uint8Array: a 4-byte
//     big-endian length, then the ValueSerializer bytes. ArrayBufferViews
//     are written as host objects (type, length, bytes) so that a Buffer
//     that is a slice of a pool sends its own bytes only.
//   deserializeMessage(view, bufferPrototype) -> value; views whose type was
//     Buffer get bufferPrototype.
// The MessagePort half of the binding is in lode_message_port.cc.
#include <string.h>

#include <memory>
#include <vector>

#include "env.h"
#include "lode_message_port.h"
#include "lode_binding.h"
#include "lode_errors.h"
#include "util.h"

namespace lode::messaging {

using v8::Array;
using v8::ArrayBuffer;
using v8::Context;
using v8::FunctionCallbackInfo;
using v8::Isolate;
using v8::Just;
using v8::Local;
using v8::Maybe;
using v8::MaybeLocal;
using v8::Nothing;
using v8::Object;
using v8::SharedArrayBuffer;
using v8::String;
using v8::Value;
using v8::ValueDeserializer;
using v8::ValueSerializer;

namespace {


// structuredClone(value, transferList): transferList is an array of objects
// (converted in JS). The value goes through the same serialization as a
// message between ports: transferred ArrayBuffers and MessagePorts move to
// the clone, SharedArrayBuffers are shared.
void StructuredClone(const FunctionCallbackInfo<Value>& args) {
  Environment* env = Environment::GetCurrent(args);
  Local<Context> context = env->context();
  Message message;
  if (message.Serialize(env, context, args[0], args[1], nullptr)
          .IsNothing()) {
    return;
  }
  Local<Value> result;
  if (message.Deserialize(env, context, nullptr).ToLocal(&result)) {
    args.GetReturnValue().Set(result);
  }
}

// plainKind(value) -> 1 for an ordinary object (a literal, a class
// instance, what Object.create() returns: no internal slots, no embedder
// fields, not callable, not a proxy or other exotic object), 2 for an
// array, 3 for a Map, 4 for a Set, 5 for a Date (none of them a proxy),
// 0 for anything else. structuredClone's fast path copies those kinds
// itself (lib/internal/structured_clone.js).
void PlainKind(const FunctionCallbackInfo<Value>& args) {
  int kind = 0;
  if (args[0]->IsArray()) {
    kind = 2;
  } else if (args[0]->IsMap()) {
    kind = 3;
  } else if (args[0]->IsSet()) {
    kind = 4;
  } else if (args[0]->IsDate()) {
    kind = 5;
  } else if (args[0]->IsObject()) {
    using I = v8::internal::Internals;
    Local<Object> object = args[0].As<Object>();
    v8::internal::Address address =
        *reinterpret_cast<v8::internal::Address*>(*object);
    if (I::GetInstanceType(address) == I::kJSObjectType &&
        object->InternalFieldCount() == 0) {
      kind = 1;
    }
  }
  args.GetReturnValue().Set(kind);
}

// ---------------------------------------------------------------------------
// IPC 'advanced' serialization

enum ViewType : uint32_t {
  kInt8Array = 0,
  kUint8Array,
  kUint8ClampedArray,
  kInt16Array,
  kUint16Array,
  kInt32Array,
  kUint32Array,
  kFloat32Array,
  kFloat64Array,
  kDataView,
  kBigInt64Array,
  kBigUint64Array,
  kBuffer,
};

uint32_t ViewTypeOf(Local<Value> view, Local<Value> buffer_prototype) {
  if (view->IsUint8Array()) {
    Local<Value> proto = view.As<Object>()->GetPrototype();
    return proto->StrictEquals(buffer_prototype) ? kBuffer : kUint8Array;
  }
  if (view->IsInt8Array()) return kInt8Array;
  if (view->IsUint8ClampedArray()) return kUint8ClampedArray;
  if (view->IsInt16Array()) return kInt16Array;
  if (view->IsUint16Array()) return kUint16Array;
  if (view->IsInt32Array()) return kInt32Array;
  if (view->IsUint32Array()) return kUint32Array;
  if (view->IsFloat32Array()) return kFloat32Array;
  if (view->IsFloat64Array()) return kFloat64Array;
  if (view->IsBigInt64Array()) return kBigInt64Array;
  if (view->IsBigUint64Array()) return kBigUint64Array;
  return kDataView;
}

class IpcSerializerDelegate : public ValueSerializer::Delegate {
 public:
  IpcSerializerDelegate(Isolate* isolate, Local<Value> buffer_prototype)
      : isolate_(isolate), buffer_prototype_(buffer_prototype) {}

  void set_serializer(ValueSerializer* serializer) {
    serializer_ = serializer;
  }

  // Node throws a plain Error here, not a DataCloneError DOMException.
  void ThrowDataCloneError(Local<String> message) override {
    isolate_->ThrowException(v8::Exception::Error(message));
  }

  Maybe<bool> WriteHostObject(Isolate* isolate,
                              Local<Object> object) override {
    if (!object->IsArrayBufferView()) {
      ThrowDataCloneError(FIXED_ONE_BYTE_STRING(
          isolate, "Unserializable host object"));
      return Nothing<bool>();
    }
    Local<v8::ArrayBufferView> view = object.As<v8::ArrayBufferView>();
    size_t length = view->ByteLength();
    std::vector<uint8_t> bytes(length);
    if (length > 0) view->CopyContents(bytes.data(), length);
    serializer_->WriteUint32(ViewTypeOf(object, buffer_prototype_));
    serializer_->WriteUint32(static_cast<uint32_t>(length));
    serializer_->WriteRawBytes(bytes.data(), length);
    return Just(true);
  }

  Maybe<uint32_t> GetSharedArrayBufferId(
      Isolate* isolate, Local<SharedArrayBuffer> shared) override {
    ThrowDataCloneError(FIXED_ONE_BYTE_STRING(
        isolate, "#<SharedArrayBuffer> could not be cloned."));
    return Nothing<uint32_t>();
  }

 private:
  Isolate* isolate_;
  Local<Value> buffer_prototype_;
  ValueSerializer* serializer_ = nullptr;
};

class IpcDeserializerDelegate : public ValueDeserializer::Delegate {
 public:
  explicit IpcDeserializerDelegate(Local<Value> buffer_prototype)
      : buffer_prototype_(buffer_prototype) {}

  void set_deserializer(ValueDeserializer* deserializer) {
    deserializer_ = deserializer;
  }

  MaybeLocal<Object> ReadHostObject(Isolate* isolate) override {
    Local<Context> context = isolate->GetCurrentContext();
    uint32_t type;
    uint32_t length;
    const void* data;
    if (!deserializer_->ReadUint32(&type) ||
        !deserializer_->ReadUint32(&length) ||
        !deserializer_->ReadRawBytes(length, &data)) {
      isolate->ThrowException(v8::Exception::Error(FIXED_ONE_BYTE_STRING(
          isolate, "Unable to deserialize cloned data.")));
      return MaybeLocal<Object>();
    }
    Local<ArrayBuffer> ab = ArrayBuffer::New(isolate, length);
    if (length > 0) memcpy(ab->Data(), data, length);
    Local<Object> view;
    switch (type) {
      case kInt8Array: view = v8::Int8Array::New(ab, 0, length); break;
      case kUint8Array:
      case kBuffer: view = v8::Uint8Array::New(ab, 0, length); break;
      case kUint8ClampedArray:
        view = v8::Uint8ClampedArray::New(ab, 0, length);
        break;
      case kInt16Array: view = v8::Int16Array::New(ab, 0, length / 2); break;
      case kUint16Array:
        view = v8::Uint16Array::New(ab, 0, length / 2);
        break;
      case kInt32Array: view = v8::Int32Array::New(ab, 0, length / 4); break;
      case kUint32Array:
        view = v8::Uint32Array::New(ab, 0, length / 4);
        break;
      case kFloat32Array:
        view = v8::Float32Array::New(ab, 0, length / 4);
        break;
      case kFloat64Array:
        view = v8::Float64Array::New(ab, 0, length / 8);
        break;
      case kBigInt64Array:
        view = v8::BigInt64Array::New(ab, 0, length / 8);
        break;
      case kBigUint64Array:
        view = v8::BigUint64Array::New(ab, 0, length / 8);
        break;
      default: view = v8::DataView::New(ab, 0, length); break;
    }
    if (type == kBuffer && buffer_prototype_->IsObject() &&
        view->SetPrototype(context, buffer_prototype_).IsNothing()) {
      return MaybeLocal<Object>();
    }
    return view;
  }

 private:
  Local<Value> buffer_prototype_;
  ValueDeserializer* deserializer_ = nullptr;
};

void SerializeMessage(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Local<Context> context = isolate->GetCurrentContext();
  IpcSerializerDelegate delegate(isolate, args[1]);
  ValueSerializer serializer(isolate, &delegate);
  delegate.set_serializer(&serializer);
  serializer.SetTreatArrayBufferViewsAsHostObjects(true);
  serializer.WriteHeader();
  if (serializer.WriteValue(context, args[0]).IsNothing()) return;
  std::pair<uint8_t*, size_t> data = serializer.Release();
  if (data.second > 0xffffffffu) {
    free(data.first);
    THROW_ERR_OUT_OF_RANGE(isolate, "The message is too large to be sent.");
    return;
  }
  Local<ArrayBuffer> ab = ArrayBuffer::New(isolate, data.second + 4);
  uint8_t* out = static_cast<uint8_t*>(ab->Data());
  uint32_t size = static_cast<uint32_t>(data.second);
  out[0] = static_cast<uint8_t>(size >> 24);
  out[1] = static_cast<uint8_t>(size >> 16);
  out[2] = static_cast<uint8_t>(size >> 8);
  out[3] = static_cast<uint8_t>(size);
  memcpy(out + 4, data.first, data.second);
  free(data.first);
  args.GetReturnValue().Set(v8::Uint8Array::New(ab, 0, data.second + 4));
}

void DeserializeMessage(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Local<Context> context = isolate->GetCurrentContext();
  if (!args[0]->IsArrayBufferView()) {
    return THROW_ERR_INVALID_ARG_TYPE(isolate,
                                      "The message must be an "
                                      "ArrayBufferView");
  }
  Local<v8::ArrayBufferView> view = args[0].As<v8::ArrayBufferView>();
  std::vector<uint8_t> bytes(view->ByteLength());
  if (!bytes.empty()) view->CopyContents(bytes.data(), bytes.size());
  IpcDeserializerDelegate delegate(args[1]);
  ValueDeserializer deserializer(isolate, bytes.data(), bytes.size(),
                                 &delegate);
  delegate.set_deserializer(&deserializer);
  Local<Value> result;
  if (deserializer.ReadHeader(context).FromMaybe(false) &&
      deserializer.ReadValue(context).ToLocal(&result)) {
    args.GetReturnValue().Set(result);
  }
}

void Initialize(Local<Object> target, Local<Value>, Local<Context> context,
                void*) {
  SetMethod(context, target, "structuredClone", StructuredClone);
  SetMethodNoSideEffect(context, target, "plainKind", PlainKind);
  SetMethod(context, target, "serializeMessage", SerializeMessage);
  SetMethod(context, target, "deserializeMessage", DeserializeMessage);
  MessagePort::Initialize(target, context);
}

void RegisterExternalReferences(ExternalReferenceRegistry* registry) {
  registry->Register(StructuredClone);
  registry->Register(PlainKind);
  registry->Register(SerializeMessage);
  registry->Register(DeserializeMessage);
  MessagePort::RegisterExternalReferences(registry);
}

}  // namespace
}  // namespace lode::messaging

LODE_BINDING_CONTEXT_AWARE_INTERNAL(messaging, lode::messaging::Initialize)
LODE_BINDING_EXTERNAL_REFERENCE(messaging,
                                lode::messaging::RegisterExternalReferences)
