// internalBinding('js_stream'): JSStream, a stream handle whose I/O is done
// by JavaScript (lib/internal/js_stream_socket.js puts a Duplex behind a
// net.Socket with it). It has the methods of a stream handle (see
// stream_base.h) and turns them into calls of its own JS hooks:
//   readStart() / readStop() -> this.onreadstart() / this.onreadstop()
//   writeBuffer, writev, write*String(req, data)
//       -> this.onwrite(req, [Uint8Array...]); a write is always
//          asynchronous: JS ends it with finishWrite(req, status).
//   shutdown(req) -> this.onshutdown(req); ended by finishShutdown(req,
//       status).
// The JS side hands data read from the Duplex to readBuffer(view) and its
// end to emitEOF(); both reach this.onread as a libuv read would.
// Getters: fd (always -1), bytesRead, bytesWritten, _externalStream (a
// v8::External for the C++ object).
// A C++ listener (TLSWrap, see stream_base.h) may take the stream over:
// readBuffer/emitEOF then reach it instead of onread, and its raw writes
// and shutdowns go through the same onwrite/onshutdown hooks with request
// objects of their own, which finishWrite/finishShutdown hand back to it.
#include <string.h>

#include <string>
#include <vector>

#include "env.h"
#include "lode_binding.h"
#include "lode_errors.h"
#include "stream_base.h"
#include "util.h"

namespace lode::js_stream {

using v8::Array;
using v8::ArrayBuffer;
using v8::Context;
using v8::External;
using v8::Function;
using v8::FunctionCallbackInfo;
using v8::FunctionTemplate;
using v8::Global;
using v8::Integer;
using v8::Isolate;
using v8::Local;
using v8::Object;
using v8::String;
using v8::Value;

// A string chunk's bytes, as the libuv stream handles write them.
using stream_strings::AppendString;
using stream_strings::EncodingOf;
using stream_strings::kAscii;
using stream_strings::kLatin1;
using stream_strings::kUcs2;
using stream_strings::kUtf8;

namespace {

const WrapType kJSStreamType = {"JSStream", nullptr};

// The private key that marks the request objects of a listener's raw writes
// and shutdowns.
Local<v8::Private> RawRequestKey(Isolate* isolate) {
  return v8::Private::ForApi(
      isolate, FIXED_ONE_BYTE_STRING(isolate, "lode:jsStreamRawRequest"));
}

// The C++ side of one JSStream: its byte counters, and the transport a
// listener drives. It lives as long as its JS object (a weak reference
// deletes it with the object; a listener holds the object strongly).
class JSStream : public StreamTransport {
 public:
  JSStream(Isolate* isolate, Local<Object> object) : isolate_(isolate) {
    object_.Reset(isolate, object);
    object_.SetWeak(this, OnGC, v8::WeakCallbackType::kParameter);
    SetWrapped(object, this, &kJSStreamType);
  }
  ~JSStream() override { NotifyDestroyed(); }

  static JSStream* From(Local<Object> object) {
    return static_cast<JSStream*>(GetWrapped(object, &kJSStreamType));
  }

  int TransportReadStart() override { return CallHook("onreadstart", 0, {}); }
  int TransportReadStop() override { return CallHook("onreadstop", 0, {}); }

  int TransportWrite(std::string data, bool* async) override {
    *async = false;
    if (data.empty()) return 0;
    v8::HandleScope scope(isolate_);
    Local<Object> req = NewRawRequest();
    Local<ArrayBuffer> ab = ArrayBuffer::New(isolate_, data.size());
    memcpy(ab->Data(), data.data(), data.size());
    Local<Value> chunk = v8::Uint8Array::New(ab, 0, data.size());
    Local<Value> argv[] = {req, Array::New(isolate_, &chunk, 1)};
    int err = CallHook("onwrite", 2, argv);
    if (err == 0) {
      bytes_written += static_cast<double>(data.size());
      *async = true;
    }
    return err;
  }

  int TransportShutdown() override {
    v8::HandleScope scope(isolate_);
    Local<Value> argv[] = {NewRawRequest()};
    return CallHook("onshutdown", 1, argv);
  }

  bool TransportIsAlive() const override { return true; }

  Local<Object> object() const { return object_.Get(isolate_); }

  double bytes_read = 0;
  double bytes_written = 0;

 private:
  Local<Object> NewRawRequest() {
    Local<Context> context = isolate_->GetCurrentContext();
    Local<Object> req = Object::New(isolate_);
    req->SetPrivate(context, RawRequestKey(isolate_), v8::True(isolate_))
        .Check();
    return req;
  }

  // this[name](...argv) from C++: an int result, UV_EPROTO when the hook
  // is missing or threw (the exception then takes the uncaught path).
  int CallHook(const char* name, int argc, std::vector<Local<Value>> argv) {
    v8::HandleScope scope(isolate_);
    Environment* env = Environment::GetCurrent(isolate_);
    Local<Value> ret;
    if (!MakeCallback(env, object(), name, argc, argv.data()).ToLocal(&ret)) {
      return UV_EPROTO;
    }
    return ret->IsInt32() ? ret.As<v8::Int32>()->Value() : 0;
  }
  int CallHook(const char* name, int argc, Local<Value>* argv) {
    return CallHook(name, argc, std::vector<Local<Value>>(argv, argv + argc));
  }

  static void OnGC(const v8::WeakCallbackInfo<JSStream>& info) {
    JSStream* self = info.GetParameter();
    self->object_.Reset();
    delete self;
  }

  Isolate* isolate_;
  Global<Object> object_;
};

bool IsRawRequest(Isolate* isolate, Local<Value> req) {
  if (!req->IsObject()) return false;
  Local<Value> mark;
  return req.As<Object>()
             ->GetPrivate(isolate->GetCurrentContext(),
                          RawRequestKey(isolate))
             .ToLocal(&mark) &&
         mark->IsTrue();
}

// The methods' signature makes V8 check the receiver; this guards the
// pointer all the same.
#define UNWRAP_JS_STREAM(args)                      \
  JSStream* stream = JSStream::From((args).This()); \
  if (stream == nullptr) return;

void New(const FunctionCallbackInfo<Value>& args) {
  if (!args.IsConstructCall()) {
    Isolate* isolate = args.GetIsolate();
    isolate->ThrowException(v8::Exception::TypeError(FIXED_ONE_BYTE_STRING(
        isolate, "Class constructor JSStream cannot be invoked without "
                 "'new'")));
    return;
  }
  new JSStream(args.GetIsolate(), args.This());
}

// Calls this[name](...args) and returns its result as an int (0 when the
// hook returned nothing); false when it threw.
bool CallHook(const FunctionCallbackInfo<Value>& args, const char* name,
              int argc, Local<Value>* argv, int32_t* result) {
  Isolate* isolate = args.GetIsolate();
  Local<Context> context = isolate->GetCurrentContext();
  Local<Object> self = args.This();
  Local<Value> fn;
  if (!self->Get(context, OneByteString(isolate, name)).ToLocal(&fn)) {
    return false;
  }
  if (!fn->IsFunction()) {
    THROW_ERR_INVALID_STATE(isolate, (std::string("JSStream has no ") + name +
                                      " function")
                                         .c_str());
    return false;
  }
  Local<Value> ret;
  if (!fn.As<Function>()->Call(context, self, argc, argv).ToLocal(&ret)) {
    return false;
  }
  *result = ret->IsInt32() ? ret.As<v8::Int32>()->Value() : 0;
  return true;
}

void ReadStart(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_JS_STREAM(args);
  static_cast<void>(stream);
  int32_t result;
  if (CallHook(args, "onreadstart", 0, nullptr, &result)) {
    args.GetReturnValue().Set(result);
  }
}

void ReadStop(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_JS_STREAM(args);
  static_cast<void>(stream);
  int32_t result;
  if (CallHook(args, "onreadstop", 0, nullptr, &result)) {
    args.GetReturnValue().Set(result);
  }
}

void Shutdown(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_JS_STREAM(args);
  static_cast<void>(stream);
  if (!args[0]->IsObject()) {
    return THROW_ERR_INVALID_ARG_TYPE(args.GetIsolate(),
                                      "First argument must be an object");
  }
  Local<Value> argv[] = {args[0]};
  int32_t result;
  if (CallHook(args, "onshutdown", 1, argv, &result)) {
    args.GetReturnValue().Set(result);
  }
}

Local<v8::Uint8Array> CopyBytes(Isolate* isolate, const char* data,
                                size_t length) {
  Local<ArrayBuffer> ab = ArrayBuffer::New(isolate, length);
  if (length > 0) memcpy(ab->Data(), data, length);
  return v8::Uint8Array::New(ab, 0, length);
}

Local<v8::Uint8Array> CopyView(Isolate* isolate, Local<Value> value) {
  Local<v8::ArrayBufferView> view = value.As<v8::ArrayBufferView>();
  size_t length = view->ByteLength();
  Local<ArrayBuffer> ab = ArrayBuffer::New(isolate, length);
  if (length > 0) view->CopyContents(ab->Data(), length);
  return v8::Uint8Array::New(ab, 0, length);
}

// Hands the chunks to this.onwrite(req, chunks) and fills streamBaseState
// as a queued libuv write would.
void DoWrite(const FunctionCallbackInfo<Value>& args, JSStream* stream,
             Local<Array> chunks, double total) {
  Isolate* isolate = args.GetIsolate();
  Environment* env = Environment::GetCurrent(args);
  Local<Value> argv[] = {args[0], chunks};
  int32_t result;
  if (!CallHook(args, "onwrite", 2, argv, &result)) return;
  stream->bytes_written += total;
  int32_t* state = LibuvStreamWrap::State(env);
  state[kBytesWritten] = static_cast<int32_t>(total);
  state[kLastWriteWasAsync] = 1;
  args.GetReturnValue().Set(Integer::New(isolate, result));
}

void WriteBuffer(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_JS_STREAM(args);
  Isolate* isolate = args.GetIsolate();
  if (!args[0]->IsObject() || !args[1]->IsArrayBufferView()) {
    return THROW_ERR_INVALID_ARG_TYPE(isolate,
                                      "Second argument must be a buffer");
  }
  Local<v8::Uint8Array> copy = CopyView(isolate, args[1]);
  Local<Value> items[] = {copy};
  DoWrite(args, stream, Array::New(isolate, items, 1),
          static_cast<double>(copy->ByteLength()));
}

void Writev(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_JS_STREAM(args);
  Isolate* isolate = args.GetIsolate();
  Local<Context> context = isolate->GetCurrentContext();
  if (!args[0]->IsObject() || !args[1]->IsArray()) {
    return THROW_ERR_INVALID_ARG_TYPE(isolate, "Invalid writev arguments");
  }
  Local<Array> list = args[1].As<Array>();
  bool all_buffers = args[2]->IsTrue();
  Local<Array> chunks = Array::New(isolate);
  uint32_t count = 0;
  double total = 0;
  uint32_t n = list->Length();
  for (uint32_t i = 0; i < n; i++) {
    Local<Value> chunk;
    if (!list->Get(context, i).ToLocal(&chunk)) return;
    Local<v8::Uint8Array> bytes;
    if (chunk->IsArrayBufferView()) {
      bytes = CopyView(isolate, chunk);
    } else if (!all_buffers) {
      Local<Value> enc;
      if (!list->Get(context, i + 1).ToLocal(&enc)) return;
      std::string data;
      if (!AppendString(isolate, chunk, EncodingOf(isolate, enc), &data)) {
        return;
      }
      bytes = CopyBytes(isolate, data.data(), data.size());
    }
    if (!all_buffers) i++;
    if (bytes.IsEmpty()) continue;
    total += static_cast<double>(bytes->ByteLength());
    if (chunks->Set(context, count++, bytes).IsNothing()) return;
  }
  DoWrite(args, stream, chunks, total);
}

template <int kEncoding>
void WriteString(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_JS_STREAM(args);
  Isolate* isolate = args.GetIsolate();
  if (!args[0]->IsObject()) {
    return THROW_ERR_INVALID_ARG_TYPE(isolate,
                                      "First argument must be an object");
  }
  std::string data;
  if (!AppendString(isolate, args[1], kEncoding, &data)) return;
  Local<Value> items[] = {CopyBytes(isolate, data.data(), data.size())};
  DoWrite(args, stream, Array::New(isolate, items, 1),
          static_cast<double>(data.size()));
}

// req.oncomplete(status, handle, error) for finishWrite/finishShutdown.
void Complete(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Environment* env = Environment::GetCurrent(args);
  if (!args[0]->IsObject()) {
    return THROW_ERR_INVALID_ARG_TYPE(isolate,
                                      "First argument must be an object");
  }
  int status = args[1]->IsInt32() ? args[1].As<v8::Int32>()->Value() : 0;
  Local<Value> argv[3] = {Integer::New(isolate, status), args.This(),
                          v8::Undefined(isolate)};
  if (status < 0) argv[2] = OneByteString(isolate, uv_err_name(status));
  MakeCallback(env, args[0].As<Object>(), "oncomplete", 3, argv);
}

int StatusOf(Local<Value> value) {
  return value->IsInt32() ? value.As<v8::Int32>()->Value() : 0;
}

void FinishWrite(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_JS_STREAM(args);
  if (IsRawRequest(args.GetIsolate(), args[0])) {
    if (stream->listener() != nullptr) {
      stream->listener()->OnStreamAfterWrite(StatusOf(args[1]));
    }
    return;
  }
  Complete(args);
}

void FinishShutdown(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_JS_STREAM(args);
  if (IsRawRequest(args.GetIsolate(), args[0])) {
    if (stream->listener() != nullptr) {
      stream->listener()->OnStreamAfterShutdown(StatusOf(args[1]));
    }
    return;
  }
  Complete(args);
}

// readBuffer(view): the bytes arrive through this.onread, as read data.
void ReadBuffer(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_JS_STREAM(args);
  Isolate* isolate = args.GetIsolate();
  Environment* env = Environment::GetCurrent(args);
  if (!args[0]->IsArrayBufferView()) {
    return THROW_ERR_INVALID_ARG_TYPE(
        isolate, "The \"buffer\" argument must be an ArrayBufferView");
  }
  if (stream->listener() != nullptr) {
    Local<v8::ArrayBufferView> view = args[0].As<v8::ArrayBufferView>();
    size_t length = view->ByteLength();
    if (length == 0) return;
    std::string bytes(length, '\0');
    view->CopyContents(bytes.data(), length);
    stream->bytes_read += static_cast<double>(length);
    stream->listener()->OnStreamRead(static_cast<ssize_t>(length),
                                     bytes.data());
    return;
  }
  Local<v8::Uint8Array> copy = CopyView(isolate, args[0]);
  size_t length = copy->ByteLength();
  if (length == 0) return;
  stream->bytes_read += static_cast<double>(length);
  int32_t* state = LibuvStreamWrap::State(env);
  state[kReadBytesOrError] = static_cast<int32_t>(length);
  state[kArrayBufferOffset] = 0;
  Local<Value> argv[] = {copy->Buffer()};
  MakeCallback(env, args.This(), "onread", 1, argv);
}

void EmitEOF(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_JS_STREAM(args);
  if (stream->listener() != nullptr) {
    stream->listener()->OnStreamRead(UV_EOF, nullptr);
    return;
  }
  Environment* env = Environment::GetCurrent(args);
  int32_t* state = LibuvStreamWrap::State(env);
  state[kReadBytesOrError] = UV_EOF;
  state[kArrayBufferOffset] = 0;
  Local<Value> argv[] = {v8::Undefined(args.GetIsolate())};
  MakeCallback(env, args.This(), "onread", 1, argv);
}

void GetFd(const FunctionCallbackInfo<Value>& args) {
  args.GetReturnValue().Set(-1);
}

void GetBytesRead(const FunctionCallbackInfo<Value>& args) {
  JSStream* stream = JSStream::From(args.This());
  args.GetReturnValue().Set(stream == nullptr ? 0 : stream->bytes_read);
}

void GetBytesWritten(const FunctionCallbackInfo<Value>& args) {
  JSStream* stream = JSStream::From(args.This());
  args.GetReturnValue().Set(stream == nullptr ? 0 : stream->bytes_written);
}

void GetExternalStream(const FunctionCallbackInfo<Value>& args) {
  JSStream* stream = JSStream::From(args.This());
  if (stream == nullptr) return;
  args.GetReturnValue().Set(External::New(args.GetIsolate(), stream));
}

void AddGetter(Isolate* isolate, Local<FunctionTemplate> t, const char* name,
               v8::FunctionCallback getter) {
  Local<FunctionTemplate> fn = FunctionTemplate::New(
      isolate, getter, Local<Value>(), v8::Signature::New(isolate, t), 0,
      v8::ConstructorBehavior::kThrow, v8::SideEffectType::kHasNoSideEffect);
  t->PrototypeTemplate()->SetAccessorProperty(
      OneByteString(isolate, name), fn, Local<FunctionTemplate>(),
      static_cast<v8::PropertyAttribute>(v8::ReadOnly | v8::DontDelete));
}

void Initialize(Local<Object> target, Local<Value>, Local<Context> context,
                void*) {
  Isolate* isolate = context->GetIsolate();
  Local<FunctionTemplate> t = NewFunctionTemplate(isolate, New);
  t->InstanceTemplate()->SetInternalFieldCount(kWrapFieldCount);
  SetProtoMethod(isolate, t, "finishWrite", FinishWrite);
  SetProtoMethod(isolate, t, "finishShutdown", FinishShutdown);
  SetProtoMethod(isolate, t, "readBuffer", ReadBuffer);
  SetProtoMethod(isolate, t, "emitEOF", EmitEOF);
  SetProtoMethod(isolate, t, "readStart", ReadStart);
  SetProtoMethod(isolate, t, "readStop", ReadStop);
  SetProtoMethod(isolate, t, "shutdown", Shutdown);
  SetProtoMethod(isolate, t, "writev", Writev);
  SetProtoMethod(isolate, t, "writeBuffer", WriteBuffer);
  SetProtoMethod(isolate, t, "writeAsciiString", WriteString<kAscii>);
  SetProtoMethod(isolate, t, "writeUtf8String", WriteString<kUtf8>);
  SetProtoMethod(isolate, t, "writeUcs2String", WriteString<kUcs2>);
  SetProtoMethod(isolate, t, "writeLatin1String", WriteString<kLatin1>);
  AddGetter(isolate, t, "fd", GetFd);
  AddGetter(isolate, t, "_externalStream", GetExternalStream);
  AddGetter(isolate, t, "bytesRead", GetBytesRead);
  AddGetter(isolate, t, "bytesWritten", GetBytesWritten);
  t->PrototypeTemplate()->Set(OneByteString(isolate, "isStreamBase"),
                              v8::True(isolate));
  SetConstructorFunction(context, target, "JSStream", t);
}

void RegisterExternalReferences(ExternalReferenceRegistry* registry) {
  registry->Register(New);
  registry->Register(FinishWrite);
  registry->Register(FinishShutdown);
  registry->Register(ReadBuffer);
  registry->Register(EmitEOF);
  registry->Register(ReadStart);
  registry->Register(ReadStop);
  registry->Register(Shutdown);
  registry->Register(Writev);
  registry->Register(WriteBuffer);
  registry->Register(WriteString<kAscii>);
  registry->Register(WriteString<kUtf8>);
  registry->Register(WriteString<kUcs2>);
  registry->Register(WriteString<kLatin1>);
  registry->Register(GetFd);
  registry->Register(GetExternalStream);
  registry->Register(GetBytesRead);
  registry->Register(GetBytesWritten);
}

}  // namespace
}  // namespace lode::js_stream

namespace lode {

StreamTransport* JSStreamTransportFromObject(v8::Local<v8::Object> object) {
  return js_stream::JSStream::From(object);
}

}  // namespace lode

LODE_BINDING_CONTEXT_AWARE_INTERNAL(js_stream, lode::js_stream::Initialize)
LODE_BINDING_EXTERNAL_REFERENCE(js_stream,
                                lode::js_stream::RegisterExternalReferences)
