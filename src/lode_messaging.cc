// internalBinding('messaging'): structured cloning with V8's
// ValueSerializer, behind the global structuredClone(). MessagePort and
// MessageChannel come with worker_threads.
#include "env.h"
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

// V8 calls these when it meets what it cannot clone. The error is marked so
// that lib/internal/structured_clone.js turns it into a DOMException named
// DataCloneError, as the HTML standard (and Node) do.
class SerializerDelegate : public ValueSerializer::Delegate {
 public:
  explicit SerializerDelegate(Isolate* isolate) : isolate_(isolate) {}

  void ThrowDataCloneError(Local<String> message) override {
    Local<Context> context = isolate_->GetCurrentContext();
    Local<Object> err = v8::Exception::Error(message).As<Object>();
    err->CreateDataProperty(context, FIXED_ONE_BYTE_STRING(isolate_, "code"),
                            FIXED_ONE_BYTE_STRING(isolate_, "DataCloneError"))
        .Check();
    isolate_->ThrowException(err);
  }

  Maybe<uint32_t> GetSharedArrayBufferId(
      Isolate* isolate, Local<SharedArrayBuffer> shared) override {
    ThrowDataCloneError(FIXED_ONE_BYTE_STRING(
        isolate, "#<SharedArrayBuffer> could not be cloned."));
    return Nothing<uint32_t>();
  }

 private:
  Isolate* isolate_;
};

// structuredClone(value, transferList): transferList holds ArrayBuffers
// only (validated in JS); they are detached after the copy.
void StructuredClone(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Local<Context> context = isolate->GetCurrentContext();
  std::vector<Local<ArrayBuffer>> transfers;
  if (args[1]->IsArray()) {
    Local<Array> list = args[1].As<Array>();
    for (uint32_t i = 0; i < list->Length(); i++) {
      Local<Value> item;
      if (!list->Get(context, i).ToLocal(&item)) return;
      if (!item->IsArrayBuffer()) {
        THROW_ERR_INVALID_ARG_TYPE(isolate,
                                   "Found invalid value in transferList.");
        return;
      }
      transfers.push_back(item.As<ArrayBuffer>());
    }
  }
  SerializerDelegate delegate(isolate);
  ValueSerializer serializer(isolate, &delegate);
  for (size_t i = 0; i < transfers.size(); i++) {
    serializer.TransferArrayBuffer(static_cast<uint32_t>(i), transfers[i]);
  }
  serializer.WriteHeader();
  if (serializer.WriteValue(context, args[0]).IsNothing()) return;
  std::pair<uint8_t*, size_t> data = serializer.Release();

  // The transferred buffers move: new buffers own the contents, the old
  // ones are detached.
  std::vector<Local<ArrayBuffer>> moved;
  for (Local<ArrayBuffer> ab : transfers) {
    if (!ab->IsDetachable()) {
      free(data.first);
      THROW_ERR_INVALID_STATE(isolate,
                              "An ArrayBuffer is not detachable and could "
                              "not be cloned.");
      return;
    }
    std::shared_ptr<v8::BackingStore> store = ab->GetBackingStore();
    ab->Detach();
    moved.push_back(ArrayBuffer::New(isolate, store));
  }

  ValueDeserializer deserializer(isolate, data.first, data.second);
  for (size_t i = 0; i < moved.size(); i++) {
    deserializer.TransferArrayBuffer(static_cast<uint32_t>(i), moved[i]);
  }
  Local<Value> result;
  bool ok = deserializer.ReadHeader(context).FromMaybe(false) &&
            deserializer.ReadValue(context).ToLocal(&result);
  free(data.first);
  if (ok) args.GetReturnValue().Set(result);
}

void Initialize(Local<Object> target, Local<Value>, Local<Context> context,
                void*) {
  SetMethod(context, target, "structuredClone", StructuredClone);
}

void RegisterExternalReferences(ExternalReferenceRegistry* registry) {
  registry->Register(StructuredClone);
}

}  // namespace
}  // namespace lode::messaging

LODE_BINDING_CONTEXT_AWARE_INTERNAL(messaging, lode::messaging::Initialize)
LODE_BINDING_EXTERNAL_REFERENCE(messaging,
                                lode::messaging::RegisterExternalReferences)
