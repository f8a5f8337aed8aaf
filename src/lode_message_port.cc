// MessagePort, MessageChannel and BroadcastChannel (see the header), part
// of internalBinding('messaging'). The JS side is lib/internal/worker/io.js,
// which gives the port its EventTarget behaviour and hands C++ the
// functions it calls through the binding object: `oninit(port)` after a
// port is made, `emitMessage(payload, ports, type, objects, ...pairs)` for
// each message (ports undefined when it brought none; objects and pairs as
// Message::ReadPlain gives them), `onclose()` once the handle is closed
// and `toTransferList(transfer)` for a postMessage() transfer argument that
// is not an array. structured_clone.js hands over its checkPortMessage
// through `setPortMessageCheck(fn)` once postMessage() needs it.
#include "lode_message_port.h"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <cstring>
#include <unordered_map>

#include "lode_async_wakeup.h"
#include "lode_binding.h"
#include "lode_errors.h"
#include "stream_base.h"
#include "util.h"

namespace lode::messaging {

using v8::Array;
using v8::ArrayBuffer;
using v8::Context;
using v8::External;
using v8::Function;
using v8::FunctionCallbackInfo;
using v8::FunctionTemplate;
using v8::HandleScope;
using v8::Isolate;
using v8::Just;
using v8::Local;
using v8::Maybe;
using v8::MaybeLocal;
using v8::NewStringType;
using v8::Nothing;
using v8::Object;
using v8::SharedArrayBuffer;
using v8::String;
using v8::TryCatch;
using v8::Value;
using v8::ValueDeserializer;
using v8::ValueSerializer;

const WrapType MessagePort::kType = {"MessagePort", &HandleWrap::kType};

namespace {

// What a host object in the byte stream is.
enum HostObjectTag : uint32_t { kTransferredPort = 1, kClonedObject = 2 };

// The kind of the objects made by the `Cloneable` constructor (classes of
// lib/ such as KeyObject, CryptoKey and X509Certificate build their
// instances with it): V8 hands them to the delegates as host objects.
const WrapType kCloneableType = {"Cloneable", nullptr};

bool IsCloneable(Local<Object> object) {
  if (object->InternalFieldCount() < kWrapFieldCount ||
      object->GetInternalField(kWrapTypeField)->IsUndefined()) {
    return false;
  }
  return object->GetAlignedPointerFromInternalField(kWrapTypeField) ==
         &kCloneableType;
}

constexpr const char* kTransferableModule = "internal/worker/js_transferable";

// Only C++ can make a v8::External: the MessagePort constructor refuses
// every call that does not pass this one.
int construct_token;

// A function a lib module left on internalBinding('messaging'), looked up
// through the environment (so it works whether the binding came from the
// snapshot): io.js's port callbacks, or js_transferable.js's
// cloneHostObject(object) -> [deserializeInfo, data] and
// deserializeHostObject(deserializeInfo, data) -> object.
MaybeLocal<Function> PortCallback(
    Environment* env, const char* name,
    const char* module_id = "internal/worker/io") {
  Local<Function> fn;
  if (BindingConstructor(env, "messaging", name).ToLocal(&fn)) return fn;
  // The module not loaded yet in this environment: load it and look again.
  Isolate* isolate = env->isolate();
  if (!env->can_call_into_js()) return MaybeLocal<Function>();
  Local<Value> id = OneByteString(isolate, module_id);
  if (env->builtin_require()
          ->Call(env->context(), v8::Undefined(isolate), 1, &id)
          .IsEmpty()) {
    return MaybeLocal<Function>();
  }
  return BindingConstructor(env, "messaging", name);
}

Local<v8::Private> UntransferablePrivate(Isolate* isolate) {
  return v8::Private::ForApi(
      isolate, FIXED_ONE_BYTE_STRING(isolate, "lode:untransferable"));
}

// A DOMException named DataCloneError, as the HTML standard and Node throw.
void ThrowDataCloneException(Isolate* isolate, Local<String> message) {
  Environment* env = Environment::GetCurrent(isolate);
  Local<Context> context = isolate->GetCurrentContext();
  if (env != nullptr && env->can_call_into_js()) {
    Local<Value> id = FIXED_ONE_BYTE_STRING(
        isolate, "internal/per_context/domexception");
    Local<Value> module;
    Local<Value> ctor;
    Local<Value> error;
    Local<Value> argv[] = {message,
                           FIXED_ONE_BYTE_STRING(isolate, "DataCloneError")};
    if (env->builtin_require()
            ->Call(context, v8::Undefined(isolate), 1, &id)
            .ToLocal(&module) &&
        module->IsObject() &&
        module.As<Object>()
            ->Get(context, FIXED_ONE_BYTE_STRING(isolate, "DOMException"))
            .ToLocal(&ctor) &&
        ctor->IsFunction() &&
        ctor.As<Function>()->NewInstance(context, 2, argv).ToLocal(&error)) {
      isolate->ThrowException(error);
    }
    return;
  }
  isolate->ThrowException(v8::Exception::Error(message));
}

void ThrowDataClone(Isolate* isolate, const char* message) {
  ThrowDataCloneException(isolate, OneByteString(isolate, message));
}

// Whether `value` is a MessagePort object, even one whose handle has
// closed (its C++ side is gone then, its kind is not).
bool IsPortObject(Local<Value> value) {
  if (!value->IsObject()) return false;
  Local<Object> object = value.As<Object>();
  if (object->InternalFieldCount() < kWrapFieldCount ||
      object->GetInternalField(kWrapTypeField)->IsUndefined()) {
    return false;
  }
  return object->GetAlignedPointerFromInternalField(kWrapTypeField) ==
         &MessagePort::kType;
}

}  // namespace

// ---------------------------------------------------------------------------
// Serialization

class SerializerDelegate : public ValueSerializer::Delegate {
 public:
  // `cloned` lists the objects of message->cloned_objects_ (shared with
  // the serializers of their data).
  SerializerDelegate(Isolate* isolate, Message* message,
                     const std::vector<MessagePort*>* ports,
                     std::vector<Local<Object>>* cloned)
      : isolate_(isolate), message_(message), ports_(ports),
        cloned_(cloned) {}

  void set_serializer(ValueSerializer* serializer) {
    serializer_ = serializer;
  }

  void ThrowDataCloneError(Local<String> message) override {
    ThrowDataCloneException(isolate_, message);
  }

  Maybe<bool> WriteHostObject(Isolate* isolate,
                              Local<Object> object) override {
    MessagePort* port = MessagePort::FromObject(object);
    if (port != nullptr) {
      for (size_t i = 0; i < ports_->size(); i++) {
        if ((*ports_)[i] == port) {
          serializer_->WriteUint32(kTransferredPort);
          serializer_->WriteUint32(static_cast<uint32_t>(i));
          return Just(true);
        }
      }
      ThrowDataClone(isolate, "Object that needs transfer was found in "
                              "message but not listed in transferList");
      return Nothing<bool>();
    }
    // An object of lib/ that can be cloned: its data, as the JS side gives
    // it, is written in its place (and read back through it).
    if (IsCloneable(object)) return WriteCloneable(isolate, object);
    // Any other object of C++ (a stream handle, ...): Node's DataCloneError.
    ThrowDataClone(isolate, "Cannot clone object of unsupported type.");
    return Nothing<bool>();
  }

  // An object of lib/ goes as the index of its entry in
  // message_->cloned_objects_, made the first time it is met: the
  // function that remakes it and its data, serialized by a serializer of
  // its own (the deserializer cannot run JS, so the receiver remakes these
  // objects before it reads the value).
  Maybe<bool> WriteCloneable(Isolate* isolate, Local<Object> object) {
    for (size_t i = 0; i < cloned_->size(); i++) {
      if ((*cloned_)[i] == object) {
        serializer_->WriteUint32(kClonedObject);
        serializer_->WriteUint32(static_cast<uint32_t>(i));
        return Just(true);
      }
    }
    if (std::find(in_progress_.begin(), in_progress_.end(), object) !=
        in_progress_.end()) {
      ThrowDataClone(isolate, "Cannot clone object of unsupported type.");
      return Nothing<bool>();
    }
    Environment* env = Environment::GetCurrent(isolate);
    Local<Context> context = isolate->GetCurrentContext();
    Local<Function> clone;
    Local<Value> argv[] = {object};
    Local<Value> parts;
    Local<Value> info;
    Local<Value> data;
    if (env == nullptr ||
        !PortCallback(env, "cloneHostObject", kTransferableModule)
             .ToLocal(&clone)) {
      if (!isolate->IsExecutionTerminating()) {
        ThrowDataClone(isolate, "Cannot clone object of unsupported type.");
      }
      return Nothing<bool>();
    }
    if (!clone->Call(context, v8::Undefined(isolate), 1, argv)
             .ToLocal(&parts)) {
      return Nothing<bool>();
    }
    if (!parts->IsArray() ||
        !parts.As<Array>()->Get(context, 0).ToLocal(&info) ||
        !info->IsString() ||
        !parts.As<Array>()->Get(context, 1).ToLocal(&data)) {
      ThrowDataClone(isolate, "Cannot clone object of unsupported type.");
      return Nothing<bool>();
    }
    Message::ClonedObject entry;
    entry.info = *Utf8Value(isolate, info);
    {
      SerializerDelegate nested(isolate, message_, ports_, cloned_);
      nested.in_progress_ = in_progress_;
      nested.in_progress_.push_back(object);
      ValueSerializer serializer(isolate, &nested);
      nested.set_serializer(&serializer);
      serializer.WriteHeader();
      if (serializer.WriteValue(context, data).IsNothing()) {
        return Nothing<bool>();
      }
      std::pair<uint8_t*, size_t> bytes = serializer.Release();
      entry.data.assign(bytes.first, bytes.first + bytes.second);
      free(bytes.first);
    }
    message_->cloned_objects_.push_back(std::move(entry));
    cloned_->push_back(object);
    serializer_->WriteUint32(kClonedObject);
    serializer_->WriteUint32(
        static_cast<uint32_t>(message_->cloned_objects_.size() - 1));
    return Just(true);
  }

  // A WebAssembly.Module goes as its compiled code, shared.
  Maybe<uint32_t> GetWasmModuleTransferId(
      Isolate* isolate, Local<v8::WasmModuleObject> module) override {
    message_->wasm_modules_.push_back(module->GetCompiledModule());
    return Just(static_cast<uint32_t>(message_->wasm_modules_.size() - 1));
  }

  Maybe<uint32_t> GetSharedArrayBufferId(
      Isolate* isolate, Local<SharedArrayBuffer> shared) override {
    std::shared_ptr<v8::BackingStore> store = shared->GetBackingStore();
    auto& list = message_->shared_array_buffers_;
    for (size_t i = 0; i < list.size(); i++) {
      if (list[i] == store) return Just(static_cast<uint32_t>(i));
    }
    list.push_back(std::move(store));
    return Just(static_cast<uint32_t>(list.size() - 1));
  }

 private:
  Isolate* isolate_;
  Message* message_;
  const std::vector<MessagePort*>* ports_;
  std::vector<Local<Object>>* cloned_;
  // The objects whose data is being serialized (an object found in its
  // own data cannot be cloned).
  std::vector<Local<Object>> in_progress_;
  ValueSerializer* serializer_ = nullptr;
};

class DeserializerDelegate : public ValueDeserializer::Delegate {
 public:
  DeserializerDelegate(Message* message, std::vector<Local<Object>>* ports,
                       const std::vector<Local<Object>>* cloned)
      : message_(message), ports_(ports), cloned_(cloned) {}

  void set_deserializer(ValueDeserializer* deserializer) {
    deserializer_ = deserializer;
  }

  MaybeLocal<Object> ReadHostObject(Isolate* isolate) override {
    uint32_t tag;
    uint32_t index;
    if (!deserializer_->ReadUint32(&tag)) {
      ThrowDataClone(isolate, "Unable to deserialize cloned data.");
      return MaybeLocal<Object>();
    }
    if (tag == kClonedObject && deserializer_->ReadUint32(&index) &&
        index < cloned_->size()) {
      return (*cloned_)[index];
    }
    if (tag == kTransferredPort &&
        deserializer_->ReadUint32(&index) && index < ports_->size() &&
        !(*ports_)[index].IsEmpty()) {
      return (*ports_)[index];
    }
    ThrowDataClone(isolate, "Unable to deserialize cloned data.");
    return MaybeLocal<Object>();
  }

  MaybeLocal<v8::WasmModuleObject> GetWasmModuleFromId(
      Isolate* isolate, uint32_t id) override {
    if (id < message_->wasm_modules_.size()) {
      return v8::WasmModuleObject::FromCompiledModule(
          isolate, message_->wasm_modules_[id]);
    }
    ThrowDataClone(isolate, "Unable to deserialize cloned data.");
    return MaybeLocal<v8::WasmModuleObject>();
  }

  MaybeLocal<SharedArrayBuffer> GetSharedArrayBufferFromId(
      Isolate* isolate, uint32_t id) override {
    if (id < message_->shared_array_buffers_.size()) {
      return SharedArrayBuffer::New(isolate,
                                    message_->shared_array_buffers_[id]);
    }
    ThrowDataClone(isolate, "Unable to deserialize cloned data.");
    return MaybeLocal<SharedArrayBuffer>();
  }

 private:
  Message* message_;
  std::vector<Local<Object>>* ports_;
  const std::vector<Local<Object>>* cloned_;
  ValueDeserializer* deserializer_ = nullptr;
};

std::unique_ptr<Message> Message::CloseMessage() {
  auto message = std::make_unique<Message>();
  message->is_close_ = true;
  return message;
}

bool Message::TransfersPortOf(SiblingGroup* group) const {
  for (const std::unique_ptr<PortData>& data : ports_) {
    if (data != nullptr && data->group() == group) return true;
  }
  return false;
}

std::unique_ptr<Message> Message::Copy() const {
  auto copy = std::make_unique<Message>();
  if (size_ > 0) {
    copy->data_.reset(static_cast<uint8_t*>(malloc(size_)));
    CHECK_NE(copy->data_.get(), nullptr);
    memcpy(copy->data_.get(), data_.get(), size_);
    copy->size_ = size_;
  }
  copy->shared_array_buffers_ = shared_array_buffers_;
  for (const v8::CompiledWasmModule& module : wasm_modules_) {
    copy->wasm_modules_.push_back(module);
  }
  copy->cloned_objects_ = cloned_objects_;
  copy->is_close_ = is_close_;
  return copy;
}

Maybe<bool> Message::Serialize(Environment* env, Local<Context> context,
                               Local<Value> value,
                               Local<Value> transfer_list,
                               MessagePort* source) {
  Isolate* isolate = env->isolate();
  std::vector<Local<ArrayBuffer>> buffers;
  std::vector<MessagePort*> ports;
  if (!transfer_list.IsEmpty() && transfer_list->IsArray()) {
    Local<Array> list = transfer_list.As<Array>();
    uint32_t length = list->Length();
    for (uint32_t i = 0; i < length; i++) {
      Local<Value> item;
      if (!list->Get(context, i).ToLocal(&item)) return Nothing<bool>();
      if (item->IsArrayBuffer()) {
        Local<ArrayBuffer> ab = item.As<ArrayBuffer>();
        if (std::find(buffers.begin(), buffers.end(), ab) != buffers.end()) {
          ThrowDataClone(isolate,
                         "Transfer list contains duplicate ArrayBuffer");
          return Nothing<bool>();
        }
        bool untransferable;
        if (!ab->HasPrivate(context, UntransferablePrivate(isolate))
                 .To(&untransferable)) {
          return Nothing<bool>();
        }
        if (untransferable || !ab->IsDetachable() || ab->WasDetached()) {
          ThrowDataClone(isolate,
                         "Cannot transfer object of unsupported type.");
          return Nothing<bool>();
        }
        buffers.push_back(ab);
        continue;
      }
      MessagePort* port = MessagePort::FromObject(item);
      if (port != nullptr) {
        if (port == source) {
          ThrowDataClone(isolate, "Transfer list contains source port");
          return Nothing<bool>();
        }
        if (port->IsDetached()) {
          ThrowDataClone(isolate,
                         "MessagePort in transfer list is already detached");
          return Nothing<bool>();
        }
        if (std::find(ports.begin(), ports.end(), port) != ports.end()) {
          ThrowDataClone(isolate,
                         "Transfer list contains duplicate MessagePort");
          return Nothing<bool>();
        }
        bool untransferable;
        if (!item.As<Object>()
                 ->HasPrivate(context, UntransferablePrivate(isolate))
                 .To(&untransferable)) {
          return Nothing<bool>();
        }
        if (untransferable) {
          ThrowDataClone(isolate,
                         "Cannot transfer object of unsupported type.");
          return Nothing<bool>();
        }
        ports.push_back(port);
        continue;
      }
      if (IsPortObject(item)) {
        ThrowDataClone(isolate,
                       "MessagePort in transfer list is already detached");
        return Nothing<bool>();
      }
      ThrowDataClone(isolate, "Found invalid value in transferList.");
      return Nothing<bool>();
    }
  }

  std::vector<Local<Object>> cloned;
  SerializerDelegate delegate(isolate, this, &ports, &cloned);
  ValueSerializer serializer(isolate, &delegate);
  delegate.set_serializer(&serializer);
  for (size_t i = 0; i < buffers.size(); i++) {
    serializer.TransferArrayBuffer(static_cast<uint32_t>(i), buffers[i]);
  }
  serializer.WriteHeader();
  if (serializer.WriteValue(context, value).IsNothing()) {
    shared_array_buffers_.clear();
    wasm_modules_.clear();
    cloned_objects_.clear();
    return Nothing<bool>();
  }
  std::pair<uint8_t*, size_t> data = serializer.Release();
  data_.reset(data.first);
  size_ = data.second;

  // Nothing can fail from here on: what is transferred moves.
  for (Local<ArrayBuffer> ab : buffers) {
    array_buffers_.push_back(ab->GetBackingStore());
    ab->Detach();
  }
  for (MessagePort* port : ports) ports_.push_back(port->Detach());
  return Just(true);
}

bool Message::RemakeClonedObjects(Environment* env, Local<Context> context,
                                  std::vector<Local<Object>>* ports,
                                  std::vector<Local<Object>>* cloned) {
  Isolate* isolate = env->isolate();
  Local<Function> remake;
  if (!PortCallback(env, "deserializeHostObject", kTransferableModule)
           .ToLocal(&remake)) {
    if (!isolate->IsExecutionTerminating()) {
      ThrowDataClone(isolate, "Unable to deserialize cloned data.");
    }
    return false;
  }
  for (const ClonedObject& entry : cloned_objects_) {
    DeserializerDelegate delegate(this, ports, cloned);
    ValueDeserializer deserializer(isolate, entry.data.data(),
                                   entry.data.size(), &delegate);
    delegate.set_deserializer(&deserializer);
    Local<Value> argv[2];
    Local<Value> result;
    if (!deserializer.ReadHeader(context).FromMaybe(false) ||
        !deserializer.ReadValue(context).ToLocal(&argv[1])) {
      return false;
    }
    if (!String::NewFromUtf8(isolate, entry.info.data(),
                             NewStringType::kNormal,
                             static_cast<int>(entry.info.size()))
             .ToLocal(&argv[0]) ||
        !remake->Call(context, v8::Undefined(isolate), 2, argv)
             .ToLocal(&result)) {
      return false;
    }
    if (!result->IsObject()) {
      ThrowDataClone(isolate, "Unable to deserialize cloned data.");
      return false;
    }
    cloned->push_back(result.As<Object>());
  }
  return true;
}

MaybeLocal<Value> Message::Deserialize(Environment* env,
                                       Local<Context> context,
                                       Local<Value>* port_list) {
  // No handle scope of its own: the value and the port list both go back
  // to the caller's.
  Isolate* isolate = env->isolate();
  // The ports come to life first: the value may refer to them.
  std::vector<Local<Object>> ports;
  for (std::unique_ptr<PortData>& data : ports_) {
    MessagePort* port = MessagePort::New(env, context, std::move(data));
    if (port == nullptr) {
      // The others must not leak either: they close with this message.
      ports_.clear();
      for (Local<Object> made : ports) MessagePort::FromObject(made)->
          CloseAndDisentangle();
      return MaybeLocal<Value>();
    }
    ports.push_back(port->object());
  }
  ports_.clear();

  // Then the objects of lib/ cloned through [kClone], each from its data
  // (JS runs here, which it cannot inside V8's deserializer).
  std::vector<Local<Object>> cloned;
  if (!cloned_objects_.empty() &&
      !RemakeClonedObjects(env, context, &ports, &cloned)) {
    for (Local<Object> made : ports) {
      MessagePort* port = MessagePort::FromObject(made);
      if (port != nullptr) port->CloseAndDisentangle();
    }
    return MaybeLocal<Value>();
  }

  DeserializerDelegate delegate(this, &ports, &cloned);
  ValueDeserializer deserializer(isolate, data_.get(), size_, &delegate);
  delegate.set_deserializer(&deserializer);
  for (size_t i = 0; i < array_buffers_.size(); i++) {
    Local<ArrayBuffer> ab = ArrayBuffer::New(isolate, array_buffers_[i]);
    deserializer.TransferArrayBuffer(static_cast<uint32_t>(i), ab);
  }
  array_buffers_.clear();
  Local<Value> result;
  if (!deserializer.ReadHeader(context).FromMaybe(false) ||
      !deserializer.ReadValue(context).ToLocal(&result)) {
    for (Local<Object> made : ports) {
      MessagePort* port = MessagePort::FromObject(made);
      if (port != nullptr) port->CloseAndDisentangle();
    }
    return MaybeLocal<Value>();
  }
  if (port_list != nullptr) {
    if (ports.empty()) {
      // The usual case: io.js makes the (empty) list only if an event
      // needs it.
      *port_list = v8::Undefined(isolate);
    } else {
      std::vector<Local<Value>> values(ports.begin(), ports.end());
      *port_list = Array::New(isolate, values.data(), values.size());
    }
  }
  return result;
}

// ---------------------------------------------------------------------------
// Plain data, read without V8's deserializer

namespace {

// The tags of V8's wire format (version 13 and later) that PlainReader
// knows; any other makes it give up.
enum PlainTag : uint8_t {
  kTagVersion = 0xFF,
  kTagPadding = '\0',
  kTagUndefined = '_',
  kTagNull = '0',
  kTagTrue = 'T',
  kTagFalse = 'F',
  kTagInt32 = 'I',
  kTagUint32 = 'U',
  kTagDouble = 'N',
  kTagOneByteString = '"',
  kTagTwoByteString = 'c',
  kTagBeginObject = 'o',
  kTagEndObject = '{',
  kTagBeginDenseArray = 'A',
  kTagEndDenseArray = '$',
};

// Deeper or larger messages are left to V8's deserializer.
constexpr int kPlainMaxDepth = 64;
constexpr size_t kPlainMaxValues = 4096;
// The properties of a message's value given to emitMessage as arguments.
constexpr uint32_t kPlainMaxRootPairs = 16;

class PlainReader {
 public:
  PlainReader(Isolate* isolate, PortEnvData* env_data, const uint8_t* data,
              size_t size)
      : isolate_(isolate),
        env_data_(env_data),
        stack_(env_data->plain_stack),
        slots_(env_data->plain_slots),
        objects_(env_data->plain_objects),
        position_(data),
        end_(data + size) {
    if (env_data_->plain_keys == nullptr) {
      env_data_->plain_keys =
          std::make_unique<PortEnvData::PlainKey[]>(PortEnvData::kPlainKeySlots);
    }
  }

  ~PlainReader() {
    stack_.clear();
    slots_.clear();
    objects_.clear();
  }

  // The value itself may be an object of few properties with no object
  // in them (the usual message): its keys and values are then appended to
  // `*pairs` instead, and `*value` is undefined.
  bool Read(Local<Value>* value, Local<Value>* objects,
            std::vector<Local<Value>>* pairs) {
    uint8_t byte;
    uint32_t version;
    if (!ReadByte(&byte) || byte != kTagVersion || !ReadVarint(&version) ||
        version < 13 || version > 15) {
      return false;
    }
    bool is_object;
    if (!ReadValue(0, &is_object) || position_ != end_) return false;
    if (root_pairs_) {
      pairs->insert(pairs->end(), stack_.begin(), stack_.end());
      *value = v8::Undefined(isolate_);
      *objects = v8::True(isolate_);
      return true;
    }
    *value = stack_.back();
    if (is_object) AddObject(*value, v8::Undefined(isolate_), 0);
    if (objects_.empty()) {
      *objects = v8::Undefined(isolate_);
    } else {
      *objects = Array::New(isolate_, objects_.data(), objects_.size());
    }
    return true;
  }

 private:
  bool ReadByte(uint8_t* byte) {
    if (position_ >= end_) return false;
    *byte = *position_++;
    return true;
  }

  bool ReadTag(uint8_t* tag) {
    do {
      if (!ReadByte(tag)) return false;
    } while (*tag == kTagPadding);
    return true;
  }

  bool PeekTag(uint8_t* tag) {
    const uint8_t* saved = position_;
    bool ok = ReadTag(tag);
    position_ = saved;
    return ok;
  }

  bool ReadVarint(uint32_t* out) {
    uint32_t value = 0;
    for (unsigned shift = 0; shift < 35; shift += 7) {
      uint8_t byte;
      if (!ReadByte(&byte)) return false;
      if (shift == 28 && (byte & 0x70) != 0) return false;  // Too large.
      value |= static_cast<uint32_t>(byte & 0x7F) << shift;
      if ((byte & 0x80) == 0) {
        *out = value;
        return true;
      }
    }
    return false;
  }

  // A string's bytes: `length` of them, all there.
  bool ReadBytes(uint32_t length, const uint8_t** bytes) {
    if (length > static_cast<size_t>(end_ - position_)) return false;
    *bytes = position_;
    position_ += length;
    return true;
  }

  bool Push(Local<Value> value) {
    stack_.push_back(value);
    return true;
  }

  bool PushTwoByte(uint32_t byte_length, NewStringType type) {
    const uint8_t* bytes;
    if (byte_length % 2 != 0 || !ReadBytes(byte_length, &bytes)) return false;
    // The serializer aligns the characters (a padding tag before them):
    // copied only when they are not.
    const int length = static_cast<int>(byte_length / 2);
    const uint16_t* chars = reinterpret_cast<const uint16_t*>(bytes);
    std::vector<uint16_t> copy;
    if (reinterpret_cast<uintptr_t>(bytes) % alignof(uint16_t) != 0) {
      copy.resize(length);
      memcpy(copy.data(), bytes, byte_length);
      chars = copy.data();
    }
    Local<String> string;
    return String::NewFromTwoByte(isolate_, chars, type, length)
               .ToLocal(&string) &&
           Push(string);
  }

  // A property name: a string, internalized.
  bool PushKey() {
    uint8_t tag;
    uint32_t length;
    if (!ReadTag(&tag) || !ReadVarint(&length)) return false;
    if (tag == kTagTwoByteString) {
      return PushTwoByte(length, NewStringType::kInternalized);
    }
    const uint8_t* bytes;
    if (tag != kTagOneByteString || !ReadBytes(length, &bytes)) return false;
    uint32_t hash = 2166136261u;  // FNV-1a
    for (uint32_t i = 0; i < length; i++) hash = (hash ^ bytes[i]) * 16777619u;
    PortEnvData::PlainKey& slot =
        env_data_->plain_keys[hash % PortEnvData::kPlainKeySlots];
    if (slot.text.size() == length &&
        memcmp(slot.text.data(), bytes, length) == 0 && !slot.name.IsEmpty()) {
      return Push(slot.name.Get(isolate_));
    }
    Local<String> key;
    if (!String::NewFromOneByte(isolate_, bytes, NewStringType::kInternalized,
                                static_cast<int>(length))
             .ToLocal(&key)) {
      return false;
    }
    slot.text.assign(reinterpret_cast<const char*>(bytes), length);
    slot.name.Reset(isolate_, key);
    return Push(key);
  }

  void AddObject(Local<Value> pairs, Local<Value> holder, uint32_t index) {
    objects_.push_back(pairs);
    objects_.push_back(holder);
    objects_.push_back(v8::Integer::NewFromUnsigned(isolate_, index));
  }

  // Replaces the stack from `base` on with an array of what was there;
  // the objects among them (their key/value arrays, at the indices
  // slots_[slot_base...]) are noted as held there.
  void MakeArray(size_t base, size_t slot_base) {
    Local<Array> array =
        Array::New(isolate_, stack_.data() + base, stack_.size() - base);
    for (size_t i = slot_base; i < slots_.size(); i++) {
      AddObject(stack_[base + slots_[i]], array, slots_[i]);
    }
    slots_.resize(slot_base);
    stack_.resize(base);
    stack_.push_back(array);
  }

  // Reads one value onto the stack; *is_object when it is an object (given
  // as its key/value array).
  bool ReadValue(int depth, bool* is_object) {
    *is_object = false;
    if (++values_ > kPlainMaxValues) return false;
    uint8_t tag;
    if (!ReadTag(&tag)) return false;
    switch (tag) {
      case kTagUndefined:
        return Push(v8::Undefined(isolate_));
      case kTagNull:
        return Push(v8::Null(isolate_));
      case kTagTrue:
        return Push(v8::True(isolate_));
      case kTagFalse:
        return Push(v8::False(isolate_));
      case kTagInt32: {
        uint32_t zigzag;
        if (!ReadVarint(&zigzag)) return false;
        int32_t value = static_cast<int32_t>((zigzag >> 1) ^ -(zigzag & 1));
        return Push(v8::Integer::New(isolate_, value));
      }
      case kTagUint32: {
        uint32_t value;
        if (!ReadVarint(&value)) return false;
        return Push(v8::Integer::NewFromUnsigned(isolate_, value));
      }
      case kTagDouble: {
        const uint8_t* bytes;
        double value;
        if (!ReadBytes(sizeof(value), &bytes)) return false;
        memcpy(&value, bytes, sizeof(value));
        return Push(v8::Number::New(isolate_, value));
      }
      case kTagOneByteString: {
        uint32_t length;
        const uint8_t* bytes;
        Local<String> string;
        return ReadVarint(&length) && ReadBytes(length, &bytes) &&
               String::NewFromOneByte(isolate_, bytes, NewStringType::kNormal,
                                      static_cast<int>(length))
                   .ToLocal(&string) &&
               Push(string);
      }
      case kTagTwoByteString: {
        uint32_t byte_length;
        return ReadVarint(&byte_length) &&
               PushTwoByte(byte_length, NewStringType::kNormal);
      }
      case kTagBeginObject: {
        if (depth >= kPlainMaxDepth) return false;
        size_t base = stack_.size();
        size_t slot_base = slots_.size();
        uint32_t count = 0;
        for (;;) {
          uint8_t next;
          if (!PeekTag(&next)) return false;
          if (next == kTagEndObject) break;
          bool value_is_object;
          if (!PushKey() || !ReadValue(depth + 1, &value_is_object)) {
            return false;
          }
          if (value_is_object) {
            slots_.push_back(static_cast<uint32_t>(stack_.size() - 1 - base));
          }
          count++;
        }
        uint32_t expected;
        if (!ReadTag(&tag) || !ReadVarint(&expected) || expected != count) {
          return false;
        }
        *is_object = true;
        // No object in it, directly or in its arrays.
        if (depth == 0 && slots_.size() == slot_base && objects_.empty() &&
            count <= kPlainMaxRootPairs) {
          root_pairs_ = true;  // Left on the stack.
          return true;
        }
        MakeArray(base, slot_base);
        return true;
      }
      case kTagBeginDenseArray: {
        if (depth >= kPlainMaxDepth) return false;
        uint32_t length;
        if (!ReadVarint(&length) ||
            length > static_cast<size_t>(end_ - position_)) {
          return false;
        }
        size_t base = stack_.size();
        size_t slot_base = slots_.size();
        for (uint32_t i = 0; i < length; i++) {
          bool item_is_object;
          if (!ReadValue(depth + 1, &item_is_object)) return false;
          if (item_is_object) slots_.push_back(i);
        }
        // No other property: the end tag, then 0 and the length.
        uint32_t properties;
        uint32_t expected_length;
        if (!ReadTag(&tag) || tag != kTagEndDenseArray ||
            !ReadVarint(&properties) || properties != 0 ||
            !ReadVarint(&expected_length) || expected_length != length) {
          return false;
        }
        MakeArray(base, slot_base);
        return true;
      }
      default:
        return false;
    }
  }

  Isolate* isolate_;
  PortEnvData* env_data_;
  std::vector<Local<Value>>& stack_;
  std::vector<uint32_t>& slots_;
  std::vector<Local<Value>>& objects_;
  const uint8_t* position_;
  const uint8_t* end_;
  size_t values_ = 0;
  bool root_pairs_ = false;
};

}  // namespace

bool Message::ReadPlain(Isolate* isolate, PortEnvData* env_data,
                        Local<Value>* value, Local<Value>* objects,
                        std::vector<Local<Value>>* pairs) {
  if (is_close_ || data_ == nullptr || !array_buffers_.empty() ||
      !shared_array_buffers_.empty() || !ports_.empty() ||
      !wasm_modules_.empty()) {
    return false;
  }
  // Out of memory aside, making strings and arrays cannot fail; any
  // exception is dropped and V8's deserializer takes over.
  TryCatch try_catch(isolate);
  PlainReader reader(isolate, env_data, data_.get(), size_);
  size_t size = pairs->size();
  if (reader.Read(value, objects, pairs) && !try_catch.HasCaught()) {
    return true;
  }
  pairs->resize(size);
  return false;
}

// ---------------------------------------------------------------------------
// Sibling groups and port data

namespace {

std::mutex named_groups_mutex;
std::unordered_map<std::string, std::weak_ptr<SiblingGroup>>* named_groups;

}  // namespace

std::shared_ptr<SiblingGroup> SiblingGroup::Named(const std::string& name) {
  std::lock_guard<std::mutex> lock(named_groups_mutex);
  if (named_groups == nullptr) {
    named_groups =
        new std::unordered_map<std::string, std::weak_ptr<SiblingGroup>>();
  }
  std::shared_ptr<SiblingGroup> group = (*named_groups)[name].lock();
  if (group == nullptr) {
    group = std::make_shared<SiblingGroup>(name);
    (*named_groups)[name] = group;
  }
  return group;
}

SiblingGroup::~SiblingGroup() {
  if (name_.empty()) return;
  std::lock_guard<std::mutex> lock(named_groups_mutex);
  auto it = named_groups->find(name_);
  // A new group of the same name may have replaced this one already.
  if (it != named_groups->end() && it->second.expired()) {
    named_groups->erase(it);
  }
}

void SiblingGroup::Entangle(PortData* data) {
  std::lock_guard<std::mutex> lock(mutex_);
  members_.push_back(data);
}

void SiblingGroup::Disentangle(PortData* data) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = std::find(members_.begin(), members_.end(), data);
  if (it == members_.end()) return;
  members_.erase(it);
  // The other end of a channel closes too, once it has read what came
  // before.
  if (!IsNamed()) {
    for (PortData* other : members_) {
      other->AddToIncomingQueue(Message::CloseMessage());
    }
  }
}

bool SiblingGroup::Dispatch(PortData* source,
                            std::unique_ptr<Message> message,
                            bool* elsewhere) {
  // The receivers are woken once the group's mutex is free too.
  std::shared_ptr<PortWaker> first;
  std::vector<std::shared_ptr<PortWaker>> more;
  const uv_loop_t* here = source != nullptr ? source->owner_loop() : nullptr;
  const uv_loop_t* there = nullptr;
  bool crossed = false;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    PortData* last = nullptr;
    for (PortData* member : members_) {
      if (member == source) continue;
      if (last != nullptr) {
        std::shared_ptr<PortWaker> waker =
            last->Enqueue(message->Copy(), &there);
        if (waker != nullptr) more.push_back(std::move(waker));
        if (there != nullptr && there != here) crossed = true;
      }
      last = member;
    }
    if (last == nullptr) return false;
    first = last->Enqueue(std::move(message), &there);
    if (there != nullptr && there != here) crossed = true;
  }
  if (elsewhere != nullptr) *elsewhere = crossed;
  if (first != nullptr) first->Wake();
  for (const std::shared_ptr<PortWaker>& waker : more) waker->Wake();
  return true;
}

PortData::~PortData() { Disentangle(); }

void PortData::Entangle(PortData* a, PortData* b) {
  auto group = std::make_shared<SiblingGroup>();
  a->JoinGroup(group);
  b->JoinGroup(group);
}

void PortData::JoinGroup(std::shared_ptr<SiblingGroup> group) {
  group_ = std::move(group);
  group_->Entangle(this);
}

void PortData::Disentangle() {
  std::shared_ptr<SiblingGroup> group = std::move(group_);
  if (group != nullptr) group->Disentangle(this);
}

void PortData::AddToIncomingQueue(std::unique_ptr<Message> message) {
  std::shared_ptr<PortWaker> waker = Enqueue(std::move(message));
  if (waker != nullptr) waker->Wake();
}

std::shared_ptr<PortWaker> PortData::Enqueue(
    std::unique_ptr<Message> message, const uv_loop_t** owner_loop) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (owner_loop != nullptr) *owner_loop = owner_loop_;
  bool was_empty = queue_.empty();
  queue_.push_back(std::move(message));
  queued_.store(true, std::memory_order_release);
  return was_empty ? waker_ : nullptr;
}

std::unique_ptr<Message> PortData::TakeMessage(bool include_all) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (queue_.empty()) return nullptr;
  if (!include_all && !queue_.front()->is_close()) return nullptr;
  std::unique_ptr<Message> message = std::move(queue_.front());
  queue_.pop_front();
  if (queue_.empty()) queued_.store(false, std::memory_order_relaxed);
  return message;
}

void PortData::TakeAll(std::deque<std::unique_ptr<Message>>* out) {
  std::lock_guard<std::mutex> lock(mutex_);
  queued_.store(false, std::memory_order_relaxed);
  if (out->empty()) {
    out->swap(queue_);
    return;
  }
  for (std::unique_ptr<Message>& message : queue_) {
    out->push_back(std::move(message));
  }
  queue_.clear();
}

void PortData::PutBack(std::deque<std::unique_ptr<Message>>* batch) {
  if (batch->empty()) return;
  std::lock_guard<std::mutex> lock(mutex_);
  while (!batch->empty()) {
    queue_.push_front(std::move(batch->back()));
    batch->pop_back();
  }
  queued_.store(true, std::memory_order_relaxed);
}

size_t PortData::QueueSize() {
  std::lock_guard<std::mutex> lock(mutex_);
  return queue_.size();
}

void PortData::SetOwner(MessagePort* owner) {
  std::shared_ptr<PortWaker> waker;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    waker_ = owner != nullptr ? owner->waker() : nullptr;
    owner_loop_ = owner != nullptr ? owner->env()->loop() : nullptr;
    if (!queue_.empty()) waker = waker_;
  }
  if (waker != nullptr) waker->Wake();
}

// ---------------------------------------------------------------------------
// MessagePort

MessagePort::MessagePort(Environment* env, Local<Object> object)
    : HandleWrap(env, object, reinterpret_cast<uv_handle_t*>(&async_),
                 &kType) {
  init_error_ = uv_async_init(env->loop(), &async_, OnAsync);
  async_.data = static_cast<HandleWrap*>(this);
  if (init_error_ == 0) waker_ = std::make_shared<PortWaker>(&async_);
  set_resource_name("MessagePort");
  // Unref'ed until a 'message' listener comes (io.js refs it then).
  if (init_error_ == 0) uv_unref(reinterpret_cast<uv_handle_t*>(&async_));
}

MessagePort::~MessagePort() {
  if (data_ != nullptr) {
    // A closed port tells its peer now that its own 'close' has been
    // emitted (CloseAndDisentangle).
    data_->SetOwner(nullptr);
    data_->Disentangle();
    data_.reset();
  }
  if (waker_ != nullptr) waker_->Clear();
  if (env_data_ != nullptr) env_data_->Forget(this);
}

void MessagePort::NewJS(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  if (!args.IsConstructCall() || !args[0]->IsExternal() ||
      args[0].As<External>()->Value() != &construct_token) {
    return THROW_ERR_CONSTRUCT_CALL_INVALID(isolate,
                                            "Constructor cannot be called");
  }
  new MessagePort(Environment::GetCurrent(args), args.This());
}

MessagePort* MessagePort::New(Environment* env, Local<Context> context,
                              std::unique_ptr<PortData> data) {
  Isolate* isolate = env->isolate();
  Local<Function> ctor;
  if (!BindingConstructor(env, "messaging", "MessagePort").ToLocal(&ctor)) {
    return nullptr;
  }
  Local<Value> token = External::New(isolate, &construct_token);
  Local<Object> object;
  if (!ctor->NewInstance(context, 1, &token).ToLocal(&object)) return nullptr;
  MessagePort* port = FromObject(object);
  CHECK_NE(port, nullptr);
  if (port->init_error_ != 0) {
    // Out of file descriptors: no handle to close, the wrap goes now.
    int err = port->init_error_;
    ClearWrapped(object);
    delete port;
    ThrowUVException(isolate, err, "uv_async_init");
    return nullptr;
  }
  if (data == nullptr) data = std::make_unique<PortData>();
  port->env_data_ = PortEnvData::Get(env);
  port->data_ = std::move(data);
  port->data_->SetOwner(port);
  Local<Function> oninit;
  if (!PortCallback(env, "oninit").ToLocal(&oninit) ||
      oninit->Call(context, object, 0, nullptr).IsEmpty()) {
    port->CloseAndDisentangle();
    return nullptr;
  }
  return port;
}

std::unique_ptr<PortData> MessagePort::Detach() {
  // What this port took from the queue and did not deliver goes with it.
  if (data_ != nullptr) data_->PutBack(&batch_);
  std::unique_ptr<PortData> data = std::move(data_);
  if (data != nullptr) data->SetOwner(nullptr);
  receiving_ = false;
  // A port given away no longer holds the loop, even while its handle
  // closes (hasRef() is false at once, as in Node).
  if (state() == kInitialized) uv_unref(handle());
  CloseAndDisentangle();
  return data;
}

void MessagePort::CloseAndDisentangle() {
  if (data_ != nullptr) data_->SetOwner(nullptr);
  // A sender that took the waker before the owner went wakes nobody now.
  if (waker_ != nullptr) waker_->Clear();
  if (env_data_ != nullptr) env_data_->Forget(this);
  if (state() != kInitialized) {
    if (data_ != nullptr) data_->Disentangle();
    return;
  }
  // The peer hears of the close when the handle has closed (the destructor
  // disentangles): as in Node, the port closed first emits 'close' first,
  // and its peer is still open, and referenced, at that moment.
  Environment* env = this->env();
  Local<Function> onclose;
  if (env->can_call_into_js()) {
    TryCatch try_catch(env->isolate());
    if (!PortCallback(env, "onclose").ToLocal(&onclose)) {
      onclose = Local<Function>();
    }
  }
  Close(onclose);
}

void PortWaker::Wake() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (async_ != nullptr) WakeAsync(async_);
}

void PortWaker::Clear() {
  std::lock_guard<std::mutex> lock(mutex_);
  async_ = nullptr;
}

// On the owning thread, the handle open.
void MessagePort::TriggerAsync() { WakeAsync(&async_); }

void MessagePort::Start() {
  receiving_ = true;
  if (data_ != nullptr && HasQueued()) TriggerAsync();
}

void MessagePort::Stop() { receiving_ = false; }

void MessagePort::OnAsync(uv_async_t* handle) {
  MessagePort* port = static_cast<MessagePort*>(
      static_cast<HandleWrap*>(handle->data));
  port->OnMessage();
}

MaybeLocal<Value> MessagePort::ReceiveMessage(Local<Context> context,
                                              std::unique_ptr<Message> message,
                                              Local<Value>* ports) {
  return message->Deserialize(env(), context, ports);
}

std::unique_ptr<Message> MessagePort::NextMessage(bool include_all) {
  if (batch_.empty()) {
    if (!include_all) return data_->TakeMessage(false);
    data_->TakeAll(&batch_);
    if (batch_.empty()) return nullptr;
  }
  if (!include_all && !batch_.front()->is_close()) return nullptr;
  std::unique_ptr<Message> message = std::move(batch_.front());
  batch_.pop_front();
  return message;
}

void MessagePort::OnMessage() {
  Environment* env = this->env();
  if (!env->can_call_into_js() || data_ == nullptr) return;
  Isolate* isolate = env->isolate();
  HandleScope scope(isolate);
  Local<Context> context = env->context();
  Context::Scope context_scope(context);
  // Looked up once per port: each wake-up delivers few messages (often
  // one), and the lookup by name costs about as much as a small message.
  Local<Function> emit;
  if (emit_message_.IsEmpty()) {
    TryCatch try_catch(isolate);
    if (!PortCallback(env, "emitMessage").ToLocal(&emit)) return;
    emit_message_.Reset(isolate, emit);
  } else {
    emit = emit_message_.Get(isolate);
  }
  if (env_data_ == nullptr) env_data_ = PortEnvData::Get(env);
  if (env_data_->message_type.IsEmpty()) {
    env_data_->message_type.Reset(
        isolate, String::NewFromOneByte(
                     isolate, reinterpret_cast<const uint8_t*>("message"),
                     v8::NewStringType::kInternalized, 7)
                     .ToLocalChecked());
  }
  Local<String> message_type = env_data_->message_type.Get(isolate);
  // A bounded batch, so that a port flooded from another thread does not
  // starve the rest of the loop; what is left comes next turn. The queue
  // is taken whole (one lock for all of it): the budget is at least what
  // was queued when the batch began.
  if (receiving_ && batch_.empty()) data_->TakeAll(&batch_);
  size_t budget = std::max<size_t>(batch_.size(), 1000);
  for (;;) {
    // A port closed by a listener still delivers what had arrived before.
    if (data_ == nullptr || state() == kClosed || !env->can_call_into_js()) {
      return;
    }
    std::unique_ptr<Message> message = NextMessage(receiving_);
    if (message == nullptr) return;
    if (message->is_close()) {
      CloseAndDisentangle();
      return;
    }
    HandleScope inner(isolate);
    Local<Value> ports;
    Local<Value> payload;
    Local<Value> type = message_type;
    Local<Value> objects = v8::Undefined(isolate);
    // emitMessage's arguments after the first four.
    std::vector<Local<Value>>& pairs = env_data_->plain_argv;
    pairs.resize(4);
    if (message->ReadPlain(isolate, env_data_, &payload, &objects, &pairs)) {
      ports = v8::Undefined(isolate);  // Plain data brings no port.
    } else {
      TryCatch try_catch(isolate);
      if (!ReceiveMessage(context, std::move(message), &ports)
               .ToLocal(&payload)) {
        if (try_catch.HasTerminated() || !env->can_call_into_js()) return;
        payload = try_catch.HasCaught() ? try_catch.Exception()
                                        : v8::Undefined(isolate).As<Value>();
        ports = Array::New(isolate);
        type = FIXED_ONE_BYTE_STRING(isolate, "messageerror");
      }
    }
    pairs[0] = payload;
    pairs[1] = ports;
    pairs[2] = type;
    pairs[3] = objects;
    // The arguments are V8's once the call has begun: a nested OnMessage
    // may reuse the vector.
    if (MakeCallback(env, object(), emit, static_cast<int>(pairs.size()),
                     pairs.data())
            .IsEmpty() &&
        isolate->IsExecutionTerminating()) {
      return;
    }
    if (--budget == 0) break;
  }
  if (data_ != nullptr && receiving_ && HasQueued()) TriggerAsync();
}

// Waiting for an answer. A message between threads costs two wake-ups
// per round trip: the sender writes the receiver loop's eventfd and the
// receiver's thread, asleep in epoll_wait, is scheduled again; on an idle
// CPU (a virtual one most of all) that takes longer than handling a small
// message. A port that posts while it is receiving usually gets an answer
// soon (a request and its reply, a worker echoing): before its loop blocks
// next, it polls its queue for a few microseconds and delivers what came
// in that time itself. The eventfd write of the sender still wakes the
// loop afterwards, for nothing (the queue is empty then). A wait that saw
// nothing makes the next ones rarer (each miss doubles the number of
// chances skipped, up to 63), so a port whose peer does not answer
// quickly costs little; one that did get an answer starts over.
namespace {
constexpr uint64_t kAnswerWaitNs = 50 * 1000;
constexpr uint32_t kMaxAwaitMisses = 6;

inline void CpuRelax() {
#if defined(__x86_64__) || defined(__i386__)
  __builtin_ia32_pause();
#elif defined(__aarch64__)
  asm volatile("yield");
#endif
}
}  // namespace

void PortEnvData::ExpectAnswer(Environment* env, MessagePort* port) {
  if (before_poll_closed_ || !env->can_call_into_js()) return;
  answer_port_ = port;
  if (before_poll_ == nullptr) {
    auto* handle = new uv_prepare_t;
    if (uv_prepare_init(env->loop(), handle) != 0) {
      delete handle;
      return;
    }
    handle->data = this;
    uv_unref(reinterpret_cast<uv_handle_t*>(handle));
    before_poll_ = handle;
    env->AddCleanupHook([this]() {
      answer_port_ = nullptr;
      before_poll_closed_ = true;
      uv_close(reinterpret_cast<uv_handle_t*>(before_poll_),
               [](uv_handle_t* h) {
                 delete reinterpret_cast<uv_prepare_t*>(h);
               });
      before_poll_ = nullptr;
    });
  }
  uv_prepare_start(before_poll_, BeforePoll);
}

void PortEnvData::BeforePoll(uv_prepare_t* handle) {
  PortEnvData* self = static_cast<PortEnvData*>(handle->data);
  uv_prepare_stop(handle);  // Until a port posts again.
  MessagePort* port = self->answer_port_;
  self->answer_port_ = nullptr;
  if (port != nullptr) port->AwaitAnswer();
}

void MessagePort::AwaitAnswer() {
  if (!receiving_ || data_ == nullptr || state() != kInitialized ||
      !batch_.empty() || env_data_ == nullptr) {
    return;
  }
  Environment* env = this->env();
  if (!env->can_call_into_js()) return;
  uv_loop_t* loop = env->loop();
  // Only when the loop would block: it has nothing else to do now.
  if (uv_backend_timeout(loop) == 0) return;
  if (env_data_->await_skips_ > 0) {
    env_data_->await_skips_--;
    return;
  }
  uint64_t start = uv_hrtime();
  while (!data_->MaybeQueued()) {
    if (uv_hrtime() - start >= kAnswerWaitNs) {
      uint32_t misses = env_data_->await_misses_;
      if (misses < kMaxAwaitMisses) env_data_->await_misses_ = ++misses;
      env_data_->await_skips_ = (1u << misses) - 1;
      return;
    }
    CpuRelax();
  }
  env_data_->await_misses_ = 0;
  uv_update_time(loop);
  OnMessage();
}

PortEnvData* PortEnvData::Get(Environment* env) {
  PortEnvData* data = env->GetBindingData<PortEnvData>("messaging.ports");
  if (data == nullptr) {
    data = env->SetBindingData("messaging.ports",
                               std::make_unique<PortEnvData>());
  }
  return data;
}

// setPortMessageCheck(fn): postMessage() calls fn(value, transfer) before
// serializing from now on.
void MessagePort::SetPortMessageCheck(
    const FunctionCallbackInfo<Value>& args) {
  if (!args[0]->IsFunction()) return;
  Environment* env = Environment::GetCurrent(args);
  PortEnvData::Get(env)->check_message.Reset(args.GetIsolate(),
                                            args[0].As<Function>());
}

// port.postMessage(value[, transferList | { transfer }]): the method
// itself (as in Node), JS is only called for what is not an array.
void MessagePort::PostMessage(const FunctionCallbackInfo<Value>& args) {
  Environment* env = Environment::GetCurrent(args);
  Isolate* isolate = args.GetIsolate();
  Local<Context> context = isolate->GetCurrentContext();
  MessagePort* port = FromObject(args.This());
  if (args.Length() == 0) {
    return THROW_ERR_MISSING_ARGS(
        isolate, "Not enough arguments to MessagePort.postMessage");
  }
  Local<Value> transfer = args[1];
  if (transfer->IsNull()) {
    transfer = v8::Undefined(isolate);
  } else if (!transfer->IsUndefined() && !transfer->IsArray()) {
    // An iterable, or { transfer }: io.js's toTransferList makes the list
    // (or throws Node's errors).
    Local<Function> convert;
    if (!PortCallback(env, "toTransferList").ToLocal(&convert) ||
        !convert->Call(context, v8::Undefined(isolate), 1, &transfer)
             .ToLocal(&transfer)) {
      return;
    }
  }
  PortEnvData* checks = port != nullptr && port->env_data_ != nullptr
                            ? port->env_data_
                            : PortEnvData::Get(env);
  if (!checks->check_message.IsEmpty()) {
    Local<Value> argv[] = {args[0], transfer};
    if (checks->check_message.Get(isolate)
            ->Call(context, v8::Undefined(isolate), 2, argv)
            .IsEmpty()) {
      return;
    }
  }
  auto message = std::make_unique<Message>();
  // A closed port still serializes, so that what the transfer list names
  // is detached as it would be otherwise.
  if (message->Serialize(env, context, args[0], transfer, port)
          .IsNothing()) {
    return;
  }
  // A closing port sends nothing, though it is still linked to its peer
  // until its handle has closed (CloseAndDisentangle).
  if (port == nullptr || port->state() != kInitialized ||
      port->data_ == nullptr || port->data_->group() == nullptr) {
    return;
  }
  if (message->TransfersPortOf(port->data_->group())) {
    // The receiving end was sent to itself: nobody can read this message,
    // and the channel is gone. Node warns about it.
    message.reset();
    port->CloseAndDisentangle();
    Local<Value> emit;
    Local<Value> text = FIXED_ONE_BYTE_STRING(
        isolate,
        "The target port was posted to itself, and the communication "
        "channel was lost");
    if (env->process_object()
            ->Get(context, FIXED_ONE_BYTE_STRING(isolate, "emitWarning"))
            .ToLocal(&emit) &&
        emit->IsFunction()) {
      (void)emit.As<Function>()->Call(context, env->process_object(), 1,
                                      &text);
    }
    return;
  }
  bool elsewhere = false;
  if (port->data_->group()->Dispatch(port->data_.get(), std::move(message),
                                     &elsewhere) &&
      elsewhere && port->receiving_ && port->env_data_ != nullptr) {
    port->env_data_->ExpectAnswer(env, port);
  }
}

void MessagePort::StartJS(const FunctionCallbackInfo<Value>& args) {
  MessagePort* port = FromObject(args.This());
  if (port != nullptr && port->state() == kInitialized) port->Start();
}

void MessagePort::StopJS(const FunctionCallbackInfo<Value>& args) {
  MessagePort* port = FromObject(args[0]);
  if (port != nullptr) port->Stop();
}

void MessagePort::CloseJS(const FunctionCallbackInfo<Value>& args) {
  MessagePort* port = FromObject(args.This());
  if (port != nullptr) port->CloseAndDisentangle();
}

// drainMessagePort(port): delivers what is queued now.
void MessagePort::Drain(const FunctionCallbackInfo<Value>& args) {
  MessagePort* port = FromObject(args[0]);
  if (port != nullptr && port->state() == kInitialized) port->OnMessage();
}

// receiveMessageOnPort(port): [value] for the next message, or undefined.
void MessagePort::ReceiveMessageJS(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  MessagePort* port = FromObject(args[0]);
  if (port == nullptr) {
    return THROW_ERR_INVALID_ARG_TYPE(
        isolate, "The \"port\" argument must be a MessagePort instance");
  }
  if (port->data_ == nullptr) return;
  // What the port took from its queue comes first.
  std::unique_ptr<Message> message;
  if (!port->batch_.empty()) {
    if (port->batch_.front()->is_close()) return;  // Left for the port.
    message = std::move(port->batch_.front());
    port->batch_.pop_front();
  } else {
    message = port->data_->TakeMessage(true);
    if (message == nullptr) return;
    if (message->is_close()) {
      // Left for the port itself, which closes on it.
      port->data_->AddToIncomingQueue(std::move(message));
      return;
    }
  }
  Local<Context> context = isolate->GetCurrentContext();
  Local<Value> value;
  if (!port->ReceiveMessage(context, std::move(message), nullptr)
           .ToLocal(&value)) {
    return;
  }
  args.GetReturnValue().Set(Array::New(isolate, &value, 1));
}

void MessagePort::RefJS(const FunctionCallbackInfo<Value>& args) {
  MessagePort* port = FromObject(args.This());
  if (port != nullptr && port->state() == kInitialized) {
    uv_ref(port->handle());
  }
}

// A closing port may still be unref'ed (its hasRef() says so at once).
void MessagePort::UnrefJS(const FunctionCallbackInfo<Value>& args) {
  MessagePort* port = FromObject(args.This());
  if (port != nullptr && port->state() != kClosed) {
    uv_unref(port->handle());
  }
}

// hasRef(): as Node's, true while a referenced port is closing, false once
// it has closed, undefined once its C++ side is gone (inspect shows it
// inactive then).
void MessagePort::HasRefJS(const FunctionCallbackInfo<Value>& args) {
  MessagePort* port = FromObject(args.This());
  if (port == nullptr) return;
  args.GetReturnValue().Set(port->IsRefed());
}

void MessagePort::CheckMessagePort(const FunctionCallbackInfo<Value>& args) {
  args.GetReturnValue().Set(IsPortObject(args[0]));
}

void MessagePort::MoveToContext(const FunctionCallbackInfo<Value>& args) {
  THROW_ERR_NOT_IMPLEMENTED(args.GetIsolate(),
                            "The worker_threads.moveMessagePortToContext API "
                            "is not implemented in lode yet");
}

// createMessageChannel() -> [port1, port2]
void MessagePort::MessageChannel(const FunctionCallbackInfo<Value>& args) {
  Environment* env = Environment::GetCurrent(args);
  Local<Context> context = env->context();
  MessagePort* port1 = New(env, context);
  if (port1 == nullptr) return;
  MessagePort* port2 = New(env, context);
  if (port2 == nullptr) {
    port1->CloseAndDisentangle();
    return;
  }
  PortData::Entangle(port1->data(), port2->data());
  Local<Value> ports[] = {port1->object(), port2->object()};
  args.GetReturnValue().Set(Array::New(env->isolate(), ports, 2));
}

// broadcastChannel(name) -> a port in the group of that name.
void MessagePort::BroadcastChannel(const FunctionCallbackInfo<Value>& args) {
  Environment* env = Environment::GetCurrent(args);
  Utf8Value name(args.GetIsolate(), args[0]);
  auto data = std::make_unique<PortData>();
  // The group's name must never be empty: that marks a channel.
  data->JoinGroup(SiblingGroup::Named(std::string("#") + *name));
  MessagePort* port = New(env, env->context(), std::move(data));
  if (port != nullptr) args.GetReturnValue().Set(port->object());
}

// new Cloneable(): an object the serializers treat as a host object (see
// kCloneableType). Only lib/ reaches it, through Reflect.construct with its
// own class as new.target.
void MessagePort::NewCloneable(const FunctionCallbackInfo<Value>& args) {
  if (!args.IsConstructCall()) {
    return THROW_ERR_CONSTRUCT_CALL_INVALID(args.GetIsolate(),
                                            "Constructor cannot be called");
  }
  Local<Object> self = args.This();
  if (self->InternalFieldCount() < kWrapFieldCount) return;
  SetWrapped(self, nullptr, &kCloneableType);
}

void MessagePort::Initialize(Local<Object> target, Local<Context> context) {
  Isolate* isolate = context->GetIsolate();
  Local<FunctionTemplate> cloneable = NewFunctionTemplate(isolate, NewCloneable);
  cloneable->InstanceTemplate()->SetInternalFieldCount(kWrapFieldCount);
  SetConstructorFunction(context, target, "Cloneable", cloneable);
  Local<FunctionTemplate> t = NewFunctionTemplate(isolate, NewJS);
  t->InstanceTemplate()->SetInternalFieldCount(kWrapFieldCount);
  // Its own ref/unref/hasRef/close rather than HandleWrap's: one
  // definition per name on the prototype.
  SetProtoMethod(isolate, t, "ref", RefJS);
  SetProtoMethod(isolate, t, "unref", UnrefJS);
  SetProtoMethod(isolate, t, "postMessage", PostMessage);
  SetProtoMethod(isolate, t, "start", StartJS);
  SetProtoMethod(isolate, t, "close", CloseJS);
  SetProtoMethod(isolate, t, "hasRef", HasRefJS);
  SetConstructorFunction(context, target, "MessagePort", t);
  SetMethod(context, target, "createMessageChannel", MessageChannel);
  SetMethod(context, target, "broadcastChannel", BroadcastChannel);
  SetMethod(context, target, "drainMessagePort", Drain);
  SetMethod(context, target, "receiveMessageOnPort", ReceiveMessageJS);
  SetMethod(context, target, "stopMessagePort", StopJS);
  SetMethod(context, target, "checkMessagePort", CheckMessagePort);
  SetMethod(context, target, "moveMessagePortToContext", MoveToContext);
  SetMethod(context, target, "setPortMessageCheck", SetPortMessageCheck);
}

void MessagePort::RegisterExternalReferences(ExternalReferenceRegistry* r) {
  r->Register(NewJS);
  r->Register(NewCloneable);
  r->Register(PostMessage);
  r->Register(StartJS);
  r->Register(CloseJS);
  r->Register(HasRefJS);
  r->Register(RefJS);
  r->Register(UnrefJS);
  r->Register(MessageChannel);
  r->Register(BroadcastChannel);
  r->Register(Drain);
  r->Register(ReceiveMessageJS);
  r->Register(StopJS);
  r->Register(CheckMessagePort);
  r->Register(MoveToContext);
  r->Register(SetPortMessageCheck);
  HandleWrap::RegisterExternalReferences(r);
}

}  // namespace lode::messaging
