// internalBinding('wasm_web_api'): WebAssembly.compileStreaming() and
// instantiateStreaming(). V8 installs both on the WebAssembly object of
// every context created once the isolate has a streaming callback; that
// callback hands the source (a Response or a promise of one) to
// lib/internal/wasm_web_api.js together with a state object, through which
// the JS side feeds the body's chunks to V8's streaming compiler.
#include <memory>
#include <unordered_set>

#include "env.h"
#include "lode_binding.h"
#include "lode_errors.h"
#include "util.h"

namespace lode::wasm_web_api {

using v8::Context;
using v8::Exception;
using v8::Function;
using v8::FunctionCallbackInfo;
using v8::Global;
using v8::Isolate;
using v8::Local;
using v8::MaybeLocal;
using v8::Object;
using v8::ObjectTemplate;
using v8::Value;
using v8::WasmStreaming;
using v8::WeakCallbackInfo;
using v8::WeakCallbackType;

namespace {

constexpr char kKey[] = "wasm_web_api";

struct StreamingState;

struct ApiData : public BindingData {
  ~ApiData() override;
  // lib/internal/wasm_web_api.js's startStreaming(state, source).
  Global<Function> implementation;
  // The states whose object was not collected yet. Weak callbacks do not
  // run when an isolate is disposed (a worker ending while a body is still
  // being fed), so the environment frees what is left here.
  std::unordered_set<StreamingState*> states;
};

// One streaming compilation: V8's end of it, alive until the state object
// is collected (V8 keeps what it needs once Finish or Abort was called)
// or the environment ends.
struct StreamingState {
  std::shared_ptr<WasmStreaming> streaming;
  Global<Object> object;
  ApiData* owner = nullptr;
  bool done = false;
};

ApiData::~ApiData() {
  for (StreamingState* state : states) {
    // No JS runs any more: the compilation is dropped without settling its
    // promise (an empty reason), which also ends V8's compile job now
    // rather than at isolate disposal.
    if (!state->done) state->streaming->Abort(MaybeLocal<Value>());
    state->object.Reset();
    delete state;
  }
}

const WrapType kStreamingStateType = {"WasmStreamingState", nullptr};

void StateGone(const WeakCallbackInfo<StreamingState>& info) {
  StreamingState* state = info.GetParameter();
  state->owner->states.erase(state);
  state->object.Reset();
  delete state;
}

// The state of args[0], or nullptr (after throwing) when it is not one or
// the compilation already ended.
StreamingState* Unwrap(const FunctionCallbackInfo<Value>& args) {
  auto* state = static_cast<StreamingState*>(
      GetWrapped(args[0], &kStreamingStateType));
  if (state == nullptr) {
    THROW_ERR_INVALID_ARG_TYPE(args.GetIsolate(),
                               "Invalid WebAssembly streaming state");
    return nullptr;
  }
  if (state->done) {
    THROW_ERR_INVALID_STATE(args.GetIsolate(),
                            "WebAssembly streaming has ended");
    return nullptr;
  }
  return state;
}

// Rejects the compilation with the exception `try_catch` caught. On
// termination there is nothing to reject with: the compilation is dropped
// and the termination goes on.
void AbortAfterException(v8::TryCatch* try_catch, WasmStreaming* streaming) {
  if (try_catch->HasCaught() && !try_catch->HasTerminated()) {
    streaming->Abort(try_catch->Exception());
    return;
  }
  streaming->Abort(MaybeLocal<Value>());
  if (try_catch->HasCaught()) try_catch->ReThrow();
}

// The JS side (internal/wasm_web_api's startStreaming), loaded the first
// time an environment streams; nullptr with an exception pending (or none,
// if the module lacks the function) when it cannot be had.
ApiData* LoadImplementation(Environment* env) {
  Isolate* isolate = env->isolate();
  Local<Context> context = env->context();
  Local<Value> id = FIXED_ONE_BYTE_STRING(isolate, "internal/wasm_web_api");
  Local<Value> exports;
  Local<Value> start;
  if (!env->builtin_require()
           ->Call(context, v8::Undefined(isolate), 1, &id)
           .ToLocal(&exports) ||
      !exports->IsObject() ||
      !exports.As<Object>()
           ->Get(context, FIXED_ONE_BYTE_STRING(isolate, "startStreaming"))
           .ToLocal(&start) ||
      !start->IsFunction()) {
    return nullptr;
  }
  ApiData* data = env->SetBindingData(kKey, std::make_unique<ApiData>());
  data->implementation.Reset(isolate, start.As<Function>());
  return data;
}

// The callback V8 calls for compileStreaming()/instantiateStreaming().
void StartStreaming(const FunctionCallbackInfo<Value>& info) {
  Isolate* isolate = info.GetIsolate();
  Local<Context> context = isolate->GetCurrentContext();
  std::shared_ptr<WasmStreaming> streaming =
      WasmStreaming::Unpack(isolate, info.Data());
  Environment* env = Environment::GetCurrent(context);
  if (env == nullptr || !env->can_call_into_js()) {
    // A context lode does not run JS in (or one shutting down).
    streaming->Abort(Exception::TypeError(FIXED_ONE_BYTE_STRING(
        isolate, "WebAssembly streaming is not available here")));
    return;
  }
  // V8 calls this as a promise reaction whose result nobody sees: an
  // exception here (the JS side not loaded, the state object not made, the
  // JS side throwing synchronously) must reject the compilation's own
  // promise, or it would never settle.
  v8::TryCatch try_catch(isolate);
  ApiData* data = env->GetBindingData<ApiData>(kKey);
  if (data == nullptr) data = LoadImplementation(env);
  if (data == nullptr) {
    AbortAfterException(&try_catch, streaming.get());
    return;
  }
  Local<ObjectTemplate> tmpl = ObjectTemplate::New(isolate);
  tmpl->SetInternalFieldCount(kWrapFieldCount);
  Local<Object> object;
  if (!tmpl->NewInstance(context).ToLocal(&object)) {
    AbortAfterException(&try_catch, streaming.get());
    return;
  }
  auto* state = new StreamingState();
  state->streaming = std::move(streaming);
  state->owner = data;
  data->states.insert(state);
  SetWrapped(object, state, &kStreamingStateType);
  state->object.Reset(isolate, object);
  state->object.SetWeak(state, StateGone, WeakCallbackType::kParameter);
  Local<Value> argv[] = {object, info[0]};
  if (data->implementation.Get(isolate)
          ->Call(context, v8::Undefined(isolate), 2, argv)
          .IsEmpty()) {
    state->done = true;
    AbortAfterException(&try_catch, state->streaming.get());
  }
}

// setImplementation(startStreaming): what StartStreaming calls instead of
// internal/wasm_web_api's (tests give one that throws).
void SetImplementation(const FunctionCallbackInfo<Value>& args) {
  Environment* env = Environment::GetCurrent(args);
  CHECK(args[0]->IsFunction());
  ApiData* data = env->GetBindingData<ApiData>(kKey);
  if (data == nullptr) {
    data = env->SetBindingData(kKey, std::make_unique<ApiData>());
  }
  data->implementation.Reset(args.GetIsolate(), args[0].As<Function>());
}

// setURL(state, url): the URL stack traces name the module's functions by.
void SetURL(const FunctionCallbackInfo<Value>& args) {
  StreamingState* state = Unwrap(args);
  if (state == nullptr) return;
  CHECK(args[1]->IsString());
  Utf8Value url(args.GetIsolate(), args[1]);
  state->streaming->SetUrl(*url, url.length());
}

// push(state, chunk): bytes of the body (an ArrayBufferView or an
// ArrayBuffer, as Node takes them), in order.
void Push(const FunctionCallbackInfo<Value>& args) {
  StreamingState* state = Unwrap(args);
  if (state == nullptr) return;
  std::shared_ptr<v8::BackingStore> store;
  size_t offset = 0;
  size_t length = 0;
  if (args[1]->IsArrayBufferView()) {
    Local<v8::ArrayBufferView> view = args[1].As<v8::ArrayBufferView>();
    store = view->Buffer()->GetBackingStore();
    offset = view->ByteOffset();
    length = view->ByteLength();
  } else if (args[1]->IsArrayBuffer()) {
    Local<v8::ArrayBuffer> buffer = args[1].As<v8::ArrayBuffer>();
    store = buffer->GetBackingStore();
    length = buffer->ByteLength();
  } else {
    return THROW_ERR_INVALID_ARG_TYPE(
        args.GetIsolate(),
        "chunk must be an ArrayBufferView or an ArrayBuffer");
  }
  const uint8_t* bytes = static_cast<const uint8_t*>(store->Data()) + offset;
  state->streaming->OnBytesReceived(bytes, length);
}

// finish(state): the body ended; V8 compiles what it got.
void Finish(const FunctionCallbackInfo<Value>& args) {
  StreamingState* state = Unwrap(args);
  if (state == nullptr) return;
  state->done = true;
  state->streaming->Finish();
}

// abort(state, reason): the promise of the compilation rejects with reason.
void Abort(const FunctionCallbackInfo<Value>& args) {
  StreamingState* state = Unwrap(args);
  if (state == nullptr) return;
  state->done = true;
  state->streaming->Abort(MaybeLocal<Value>(args[1]));
}

#define LODE_WASM_WEB_API_METHODS(V)          \
  V(setImplementation, SetImplementation)     \
  V(setURL, SetURL)                           \
  V(push, Push)                               \
  V(finish, Finish)                           \
  V(abort, Abort)

void Initialize(Local<Object> target, Local<Value>, Local<Context> context,
                void*) {
#define V(name, fn) SetMethod(context, target, #name, fn);
  LODE_WASM_WEB_API_METHODS(V)
#undef V
}

void RegisterExternalReferences(ExternalReferenceRegistry* registry) {
#define V(name, fn) registry->Register(fn);
  LODE_WASM_WEB_API_METHODS(V)
#undef V
}

}  // namespace

// Set on every isolate (lode.cc's SetIsolateHooks), before its contexts
// are made: V8 installs the streaming functions only then.
void SetStreamingCallback(Isolate* isolate) {
  isolate->SetWasmStreamingCallback(StartStreaming);
}

}  // namespace lode::wasm_web_api

LODE_BINDING_CONTEXT_AWARE_INTERNAL(wasm_web_api,
                                    lode::wasm_web_api::Initialize)
LODE_BINDING_EXTERNAL_REFERENCE(wasm_web_api,
                                lode::wasm_web_api::RegisterExternalReferences)
