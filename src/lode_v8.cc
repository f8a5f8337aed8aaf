// internalBinding('v8'): heap figures, V8 flags, heap snapshots and the
// Serializer/Deserializer classes over V8's ValueSerializer, for node:v8.
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "env.h"
#include "lode_binding.h"
#include "lode_errors.h"
#include "lode_v8_profiler.h"
#include "util.h"
#include "v8-profiler.h"

namespace lode::v8_binding {

using v8::ArrayBuffer;
using v8::ArrayBufferView;
using v8::BigInt;
using v8::Context;
using v8::Float64Array;
using v8::Function;
using v8::FunctionCallbackInfo;
using v8::FunctionTemplate;
using v8::Global;
using v8::HeapCodeStatistics;
using v8::HeapSpaceStatistics;
using v8::HeapStatistics;
using v8::Integer;
using v8::Isolate;
using v8::Just;
using v8::Local;
using v8::Maybe;
using v8::MaybeLocal;
using v8::Nothing;
using v8::Number;
using v8::Object;
using v8::SharedArrayBuffer;
using v8::String;
using v8::Uint32;
using v8::Value;
using v8::ValueDeserializer;
using v8::ValueSerializer;

namespace {

// Fills a Float64Array of at least `n` elements; false when `value` is not.
double* Slots(Local<Value> value, size_t n) {
  if (!value->IsFloat64Array()) return nullptr;
  Local<Float64Array> array = value.As<Float64Array>();
  if (array->Length() < n) return nullptr;
  return reinterpret_cast<double*>(
      static_cast<char*>(array->Buffer()->Data()) + array->ByteOffset());
}

// The order lib/v8.js reads them in.
void UpdateHeapStatistics(const FunctionCallbackInfo<Value>& args) {
  double* out = Slots(args[0], 14);
  if (out == nullptr) return;
  HeapStatistics s;
  args.GetIsolate()->GetHeapStatistics(&s);
  out[0] = static_cast<double>(s.total_heap_size());
  out[1] = static_cast<double>(s.total_heap_size_executable());
  out[2] = static_cast<double>(s.total_physical_size());
  out[3] = static_cast<double>(s.total_available_size());
  out[4] = static_cast<double>(s.used_heap_size());
  out[5] = static_cast<double>(s.heap_size_limit());
  out[6] = static_cast<double>(s.malloced_memory());
  out[7] = static_cast<double>(s.peak_malloced_memory());
  out[8] = static_cast<double>(s.does_zap_garbage());
  out[9] = static_cast<double>(s.number_of_native_contexts());
  out[10] = static_cast<double>(s.number_of_detached_contexts());
  out[11] = static_cast<double>(s.total_global_handles_size());
  out[12] = static_cast<double>(s.used_global_handles_size());
  out[13] = static_cast<double>(s.external_memory());
}

// [name, size, used, available, physical] for each space, flattened: the
// names as an array, the figures in the Float64Array passed in (resized by
// the caller to 4 * the count returned by heapSpaceCount()).
void HeapSpaceCount(const FunctionCallbackInfo<Value>& args) {
  args.GetReturnValue().Set(Integer::NewFromUnsigned(
      args.GetIsolate(),
      static_cast<uint32_t>(args.GetIsolate()->NumberOfHeapSpaces())));
}

void UpdateHeapSpaceStatistics(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  size_t count = isolate->NumberOfHeapSpaces();
  double* out = Slots(args[0], count * 4);
  if (out == nullptr) return;
  std::vector<Local<Value>> names;
  for (size_t i = 0; i < count; i++) {
    HeapSpaceStatistics s;
    isolate->GetHeapSpaceStatistics(&s, i);
    names.push_back(OneByteString(isolate, s.space_name()));
    out[i * 4] = static_cast<double>(s.space_size());
    out[i * 4 + 1] = static_cast<double>(s.space_used_size());
    out[i * 4 + 2] = static_cast<double>(s.space_available_size());
    out[i * 4 + 3] = static_cast<double>(s.physical_space_size());
  }
  args.GetReturnValue().Set(
      v8::Array::New(isolate, names.data(), names.size()));
}

void UpdateHeapCodeStatistics(const FunctionCallbackInfo<Value>& args) {
  double* out = Slots(args[0], 4);
  if (out == nullptr) return;
  HeapCodeStatistics s;
  args.GetIsolate()->GetHeapCodeAndMetadataStatistics(&s);
  out[0] = static_cast<double>(s.code_and_metadata_size());
  out[1] = static_cast<double>(s.bytecode_and_metadata_size());
  out[2] = static_cast<double>(s.external_script_source_size());
  out[3] = static_cast<double>(s.cpu_profiler_metadata_size());
}

void CachedDataVersionTag(const FunctionCallbackInfo<Value>& args) {
  args.GetReturnValue().Set(Integer::NewFromUnsigned(
      args.GetIsolate(), v8::ScriptCompiler::CachedDataVersionTag()));
}

// lib/v8.js has checked that the argument is a string.
void SetFlagsFromString(const FunctionCallbackInfo<Value>& args) {
  Utf8Value flags(args.GetIsolate(), args[0]);
  v8::V8::SetFlagsFromString(flags.c_str(), flags.length());
}

void IsStringOneByteRepresentation(const FunctionCallbackInfo<Value>& args) {
  args.GetReturnValue().Set(args[0]->IsString() &&
                            args[0].As<String>()->IsOneByte());
}

// A heap snapshot as its JSON text.
class StringStream : public v8::OutputStream {
 public:
  void EndOfStream() override {}
  WriteResult WriteAsciiChunk(char* data, int size) override {
    text.append(data, size);
    return kContinue;
  }
  std::string text;
};

void BuildHeapSnapshot(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  v8::HeapProfiler* profiler = isolate->GetHeapProfiler();
  const v8::HeapSnapshot* snapshot = profiler->TakeHeapSnapshot();
  if (snapshot == nullptr) return;
  StringStream stream;
  snapshot->Serialize(&stream, v8::HeapSnapshot::kJSON);
  const_cast<v8::HeapSnapshot*>(snapshot)->Delete();
  Local<String> text;
  if (String::NewFromUtf8(isolate, stream.text.data(),
                          v8::NewStringType::kNormal,
                          static_cast<int>(stream.text.size()))
          .ToLocal(&text)) {
    args.GetReturnValue().Set(text);
  }
}

// An Error (or TypeError) carrying a Node error code.
void ThrowWithCode(Isolate* isolate, bool type_error, const char* code,
                   const std::string& message) {
  Local<String> text = Utf8String(isolate, message);
  Local<Value> error = type_error ? v8::Exception::TypeError(text)
                                  : v8::Exception::Error(text);
  if (code != nullptr) {
    if (error.As<Object>()
            ->Set(isolate->GetCurrentContext(), OneByteString(isolate, "code"),
                  OneByteString(isolate, code))
            .IsNothing()) {
      return;
    }
  }
  isolate->ThrowException(error);
}

bool RequireConstructCall(const FunctionCallbackInfo<Value>& args,
                          const char* name) {
  if (args.IsConstructCall()) return true;
  ThrowWithCode(args.GetIsolate(), true, "ERR_CONSTRUCT_CALL_REQUIRED",
                std::string("Class constructor ") + name +
                    " cannot be invoked without 'new'");
  return false;
}

// Looks up this[name]: false when the lookup threw; *fn is left empty when
// the property is not a function.
bool Hook(Isolate* isolate, Local<Object> self, const char* name,
          Local<Function>* fn) {
  Local<Value> value;
  if (!self->Get(isolate->GetCurrentContext(), OneByteString(isolate, name))
           .ToLocal(&value)) {
    return false;
  }
  if (value->IsFunction()) *fn = value.As<Function>();
  return true;
}

// ---- Serializer -------------------------------------------------------

const WrapType kSerializerType = {"Serializer", nullptr};
const WrapType kDeserializerType = {"Deserializer", nullptr};

// The C++ side of one JS Serializer; it lives as long as its object. The
// delegate hooks call the object's _writeHostObject, _getDataCloneError and
// _getSharedArrayBufferId methods.
class SerializerContext : public ValueSerializer::Delegate {
 public:
  SerializerContext(Isolate* isolate, Local<Object> object)
      : isolate_(isolate), serializer_(isolate, this) {
    object_.Reset(isolate, object);
    object_.SetWeak(this, OnGC, v8::WeakCallbackType::kParameter);
    SetWrapped(object, this, &kSerializerType);
  }
  ~SerializerContext() override = default;

  static SerializerContext* From(Local<Value> value) {
    return static_cast<SerializerContext*>(
        GetWrapped(value, &kSerializerType));
  }

  void ThrowDataCloneError(Local<String> message) override {
    Local<Object> self = object_.Get(isolate_);
    Local<Function> fn;
    Local<Value> error;
    Local<Value> argv[] = {message};
    if (!Hook(isolate_, self, "_getDataCloneError", &fn)) return;
    if (fn.IsEmpty()) {
      isolate_->ThrowException(v8::Exception::Error(message));
      return;
    }
    if (fn->Call(isolate_->GetCurrentContext(), self, 1, argv)
            .ToLocal(&error)) {
      isolate_->ThrowException(error);
    }
  }

  Maybe<bool> WriteHostObject(Isolate* isolate, Local<Object> object) override {
    Local<Object> self = object_.Get(isolate);
    Local<Function> fn;
    if (!Hook(isolate, self, "_writeHostObject", &fn)) return Nothing<bool>();
    if (fn.IsEmpty()) {
      return ValueSerializer::Delegate::WriteHostObject(isolate, object);
    }
    Local<Value> argv[] = {object};
    Local<Value> ret;
    if (!fn->Call(isolate->GetCurrentContext(), self, 1, argv).ToLocal(&ret)) {
      return Nothing<bool>();
    }
    return Just(true);
  }

  Maybe<uint32_t> GetSharedArrayBufferId(
      Isolate* isolate, Local<SharedArrayBuffer> buffer) override {
    Local<Object> self = object_.Get(isolate);
    Local<Function> fn;
    if (!Hook(isolate, self, "_getSharedArrayBufferId", &fn)) return Nothing<uint32_t>();
    if (fn.IsEmpty()) {
      return ValueSerializer::Delegate::GetSharedArrayBufferId(isolate,
                                                               buffer);
    }
    Local<Context> context = isolate->GetCurrentContext();
    Local<Value> argv[] = {buffer};
    Local<Value> ret;
    if (!fn->Call(context, self, 1, argv).ToLocal(&ret)) {
      return Nothing<uint32_t>();
    }
    return ret->Uint32Value(context);
  }

  static void OnGC(const v8::WeakCallbackInfo<SerializerContext>& info) {
    SerializerContext* self = info.GetParameter();
    self->object_.Reset();
    delete self;
  }

 private:
  Isolate* isolate_;
  Global<Object> object_;

 public:
  ValueSerializer serializer_;
};

#define UNWRAP_SERIALIZER(args)                                     \
  SerializerContext* ctx = SerializerContext::From((args).This()); \
  if (ctx == nullptr) return;

void SerializerNew(const FunctionCallbackInfo<Value>& args) {
  if (!RequireConstructCall(args, "Serializer")) return;
  new SerializerContext(args.GetIsolate(), args.This());
}

void WriteHeader(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_SERIALIZER(args);
  ctx->serializer_.WriteHeader();
}

void WriteValue(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_SERIALIZER(args);
  Maybe<bool> ok = ctx->serializer_.WriteValue(
      args.GetIsolate()->GetCurrentContext(), args[0]);
  if (ok.IsJust()) args.GetReturnValue().Set(ok.FromJust());
}

void SetTreatArrayBufferViewsAsHostObjects(
    const FunctionCallbackInfo<Value>& args) {
  UNWRAP_SERIALIZER(args);
  ctx->serializer_.SetTreatArrayBufferViewsAsHostObjects(
      args[0]->BooleanValue(args.GetIsolate()));
}

// The bytes written so far, as an ArrayBuffer that takes over their memory;
// lib/v8.js makes a Buffer of it.
void ReleaseBuffer(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_SERIALIZER(args);
  std::pair<uint8_t*, size_t> data = ctx->serializer_.Release();
  std::unique_ptr<v8::BackingStore> store = ArrayBuffer::NewBackingStore(
      data.first, data.second,
      [](void* bytes, size_t, void*) { std::free(bytes); }, nullptr);
  args.GetReturnValue().Set(
      ArrayBuffer::New(args.GetIsolate(), std::move(store)));
}

void SerializerTransferArrayBuffer(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_SERIALIZER(args);
  Isolate* isolate = args.GetIsolate();
  uint32_t id;
  if (!args[0]->Uint32Value(isolate->GetCurrentContext()).To(&id)) return;
  if (!args[1]->IsArrayBuffer()) {
    return THROW_ERR_INVALID_ARG_TYPE(isolate,
                                      "arrayBuffer must be an ArrayBuffer");
  }
  ctx->serializer_.TransferArrayBuffer(id, args[1].As<ArrayBuffer>());
}

void WriteUint32(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_SERIALIZER(args);
  uint32_t value;
  if (!args[0]->Uint32Value(args.GetIsolate()->GetCurrentContext())
           .To(&value)) {
    return;
  }
  ctx->serializer_.WriteUint32(value);
}

void WriteUint64(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_SERIALIZER(args);
  Local<Context> context = args.GetIsolate()->GetCurrentContext();
  uint32_t hi, lo;
  if (!args[0]->Uint32Value(context).To(&hi) ||
      !args[1]->Uint32Value(context).To(&lo)) {
    return;
  }
  ctx->serializer_.WriteUint64((static_cast<uint64_t>(hi) << 32) | lo);
}

void WriteDouble(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_SERIALIZER(args);
  double value;
  if (!args[0]->NumberValue(args.GetIsolate()->GetCurrentContext())
           .To(&value)) {
    return;
  }
  ctx->serializer_.WriteDouble(value);
}

void WriteRawBytes(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_SERIALIZER(args);
  if (!args[0]->IsArrayBufferView()) {
    return THROW_ERR_INVALID_ARG_TYPE(
        args.GetIsolate(), "source must be a TypedArray or a DataView");
  }
  Local<ArrayBufferView> view = args[0].As<ArrayBufferView>();
  size_t length = view->ByteLength();
  std::vector<uint8_t> bytes(length);
  if (length > 0) view->CopyContents(bytes.data(), length);
  ctx->serializer_.WriteRawBytes(bytes.data(), length);
}

// ---- Deserializer -----------------------------------------------------

class DeserializerContext : public ValueDeserializer::Delegate {
 public:
  DeserializerContext(Isolate* isolate, Local<Object> object,
                      std::vector<uint8_t>&& data)
      : isolate_(isolate),
        data_(std::move(data)),
        deserializer_(isolate, data_.data(), data_.size(), this) {
    object_.Reset(isolate, object);
    object_.SetWeak(this, OnGC, v8::WeakCallbackType::kParameter);
    SetWrapped(object, this, &kDeserializerType);
  }
  ~DeserializerContext() override = default;

  static DeserializerContext* From(Local<Value> value) {
    return static_cast<DeserializerContext*>(
        GetWrapped(value, &kDeserializerType));
  }

  MaybeLocal<Object> ReadHostObject(Isolate* isolate) override {
    Local<Object> self = object_.Get(isolate);
    Local<Function> fn;
    if (!Hook(isolate, self, "_readHostObject", &fn)) return MaybeLocal<Object>();
    if (fn.IsEmpty()) {
      return ValueDeserializer::Delegate::ReadHostObject(isolate);
    }
    // V8 10.2 forbids running JS while it deserializes; the host object
    // hook is the one place where that is meant to happen.
    Isolate::AllowJavascriptExecutionScope allow_js(isolate);
    Local<Value> ret;
    if (!fn->Call(isolate->GetCurrentContext(), self, 0, nullptr)
             .ToLocal(&ret)) {
      return MaybeLocal<Object>();
    }
    if (!ret->IsObject()) {
      isolate->ThrowException(v8::Exception::TypeError(FIXED_ONE_BYTE_STRING(
          isolate, "readHostObject must return an object")));
      return MaybeLocal<Object>();
    }
    return ret.As<Object>();
  }

  const uint8_t* data() const { return data_.data(); }

 private:
  static void OnGC(const v8::WeakCallbackInfo<DeserializerContext>& info) {
    DeserializerContext* self = info.GetParameter();
    self->object_.Reset();
    delete self;
  }

  Isolate* isolate_;
  Global<Object> object_;
  // A copy of the input, so the JS side may drop or change its buffer.
  std::vector<uint8_t> data_;

 public:
  ValueDeserializer deserializer_;
};

#define UNWRAP_DESERIALIZER(args)                                       \
  DeserializerContext* ctx = DeserializerContext::From((args).This()); \
  if (ctx == nullptr) return;

void DeserializerNew(const FunctionCallbackInfo<Value>& args) {
  if (!RequireConstructCall(args, "Deserializer")) return;
  Isolate* isolate = args.GetIsolate();
  if (!args[0]->IsArrayBufferView()) {
    return THROW_ERR_INVALID_ARG_TYPE(
        isolate, "buffer must be a TypedArray or a DataView");
  }
  Local<ArrayBufferView> view = args[0].As<ArrayBufferView>();
  std::vector<uint8_t> data(view->ByteLength());
  if (!data.empty()) view->CopyContents(data.data(), data.size());
  if (args.This()
          ->Set(isolate->GetCurrentContext(),
                FIXED_ONE_BYTE_STRING(isolate, "buffer"), view)
          .IsNothing()) {
    return;
  }
  new DeserializerContext(isolate, args.This(), std::move(data));
}

void ReadHeader(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_DESERIALIZER(args);
  Maybe<bool> ok =
      ctx->deserializer_.ReadHeader(args.GetIsolate()->GetCurrentContext());
  if (ok.IsJust()) args.GetReturnValue().Set(ok.FromJust());
}

void ReadValue(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_DESERIALIZER(args);
  Local<Value> value;
  if (ctx->deserializer_.ReadValue(args.GetIsolate()->GetCurrentContext())
          .ToLocal(&value)) {
    args.GetReturnValue().Set(value);
  }
}

void DeserializerTransferArrayBuffer(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_DESERIALIZER(args);
  Isolate* isolate = args.GetIsolate();
  uint32_t id;
  if (!args[0]->Uint32Value(isolate->GetCurrentContext()).To(&id)) return;
  if (args[1]->IsArrayBuffer()) {
    ctx->deserializer_.TransferArrayBuffer(id, args[1].As<ArrayBuffer>());
  } else if (args[1]->IsSharedArrayBuffer()) {
    ctx->deserializer_.TransferSharedArrayBuffer(
        id, args[1].As<SharedArrayBuffer>());
  } else {
    THROW_ERR_INVALID_ARG_TYPE(
        isolate, "arrayBuffer must be an ArrayBuffer or SharedArrayBuffer");
  }
}

void GetWireFormatVersion(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_DESERIALIZER(args);
  args.GetReturnValue().Set(ctx->deserializer_.GetWireFormatVersion());
}

void ThrowReadFailed(Isolate* isolate, const char* what) {
  isolate->ThrowException(v8::Exception::Error(OneByteString(isolate, what)));
}

void ReadUint32(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_DESERIALIZER(args);
  uint32_t value;
  if (!ctx->deserializer_.ReadUint32(&value)) {
    return ThrowReadFailed(args.GetIsolate(), "ReadUint32() failed");
  }
  args.GetReturnValue().Set(value);
}

// [hi, lo], as Node gives it.
void ReadUint64(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_DESERIALIZER(args);
  Isolate* isolate = args.GetIsolate();
  uint64_t value;
  if (!ctx->deserializer_.ReadUint64(&value)) {
    return ThrowReadFailed(isolate, "ReadUint64() failed");
  }
  Local<Value> parts[] = {
      Integer::NewFromUnsigned(isolate, static_cast<uint32_t>(value >> 32)),
      Integer::NewFromUnsigned(isolate, static_cast<uint32_t>(value))};
  args.GetReturnValue().Set(v8::Array::New(isolate, parts, 2));
}

void ReadDouble(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_DESERIALIZER(args);
  double value;
  if (!ctx->deserializer_.ReadDouble(&value)) {
    return ThrowReadFailed(args.GetIsolate(), "ReadDouble() failed");
  }
  args.GetReturnValue().Set(value);
}

// Skips `length` bytes and returns where they start in this.buffer.
void ReadRawBytesOffset(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_DESERIALIZER(args);
  Isolate* isolate = args.GetIsolate();
  int64_t length;
  if (!args[0]->IntegerValue(isolate->GetCurrentContext()).To(&length)) {
    return;
  }
  const void* bytes;
  if (length < 0 || !ctx->deserializer_.ReadRawBytes(
                        static_cast<size_t>(length), &bytes)) {
    return ThrowReadFailed(isolate, "ReadRawBytes() failed");
  }
  args.GetReturnValue().Set(static_cast<double>(
      static_cast<const uint8_t*>(bytes) - ctx->data()));
}

#define SERIALIZER_METHODS(V)                                         \
  V("writeHeader", WriteHeader)                                       \
  V("writeValue", WriteValue)                                         \
  V("releaseBuffer", ReleaseBuffer)                                   \
  V("transferArrayBuffer", SerializerTransferArrayBuffer)             \
  V("writeUint32", WriteUint32)                                       \
  V("writeUint64", WriteUint64)                                       \
  V("writeDouble", WriteDouble)                                       \
  V("writeRawBytes", WriteRawBytes)                                   \
  V("_setTreatArrayBufferViewsAsHostObjects",                         \
    SetTreatArrayBufferViewsAsHostObjects)

#define DESERIALIZER_METHODS(V)                                       \
  V("readHeader", ReadHeader)                                         \
  V("readValue", ReadValue)                                           \
  V("getWireFormatVersion", GetWireFormatVersion)                     \
  V("transferArrayBuffer", DeserializerTransferArrayBuffer)           \
  V("readUint32", ReadUint32)                                         \
  V("readUint64", ReadUint64)                                         \
  V("readDouble", ReadDouble)                                         \
  V("_readRawBytes", ReadRawBytesOffset)

#define FUNCTIONS(V)                                                  \
  V("updateHeapStatistics", UpdateHeapStatistics)                     \
  V("heapSpaceCount", HeapSpaceCount)                                 \
  V("updateHeapSpaceStatistics", UpdateHeapSpaceStatistics)           \
  V("updateHeapCodeStatistics", UpdateHeapCodeStatistics)             \
  V("cachedDataVersionTag", CachedDataVersionTag)                     \
  V("setFlagsFromString", SetFlagsFromString)                         \
  V("isStringOneByteRepresentation", IsStringOneByteRepresentation)   \
  V("buildHeapSnapshot", BuildHeapSnapshot)

}  // namespace

void Initialize(Local<Object> target, Local<Value>, Local<Context> context,
                void*) {
  Isolate* isolate = context->GetIsolate();
#define V(name, fn) SetMethod(context, target, name, fn);
  FUNCTIONS(V)
#undef V

  Local<FunctionTemplate> ser = NewFunctionTemplate(isolate, SerializerNew);
  ser->InstanceTemplate()->SetInternalFieldCount(kWrapFieldCount);
#define V(name, fn) SetProtoMethod(isolate, ser, name, fn);
  SERIALIZER_METHODS(V)
#undef V
  SetConstructorFunction(context, target, "Serializer", ser);

  Local<FunctionTemplate> des = NewFunctionTemplate(isolate, DeserializerNew);
  des->InstanceTemplate()->SetInternalFieldCount(kWrapFieldCount);
#define V(name, fn) SetProtoMethod(isolate, des, name, fn);
  DESERIALIZER_METHODS(V)
#undef V
  SetConstructorFunction(context, target, "Deserializer", des);

  InitializeProfilers(context, target);
}

void RegisterExternalReferences(ExternalReferenceRegistry* registry) {
  registry->Register(SerializerNew);
  registry->Register(DeserializerNew);
#define V(name, fn) registry->Register(fn);
  FUNCTIONS(V)
  SERIALIZER_METHODS(V)
  DESERIALIZER_METHODS(V)
#undef V
  RegisterProfilerReferences(registry);
}

}  // namespace lode::v8_binding

LODE_BINDING_CONTEXT_AWARE_INTERNAL(v8, lode::v8_binding::Initialize)
LODE_BINDING_EXTERNAL_REFERENCE(v8, lode::v8_binding::RegisterExternalReferences)
