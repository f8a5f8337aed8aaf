// internalBinding('util'): what util.inspect and friends need from V8 that
// JS cannot see (promise state, proxy internals, iterator previews).
#include <uv.h>

#include <cmath>

#include "env.h"
#include "lode_binding.h"
#include "lode_errors.h"
#include "lode_internals.h"
#include "lode_v8_layout.h"
#include "util.h"

namespace lode::util {

using v8::Array;
using v8::Context;
using v8::Function;
using v8::FunctionCallbackInfo;
using v8::Integer;
using v8::Isolate;
using v8::KeyCollectionMode;
using v8::Local;
using v8::Object;
using v8::Promise;
using v8::PropertyFilter;
using v8::Proxy;
using v8::StackFrame;
using v8::StackTrace;
using v8::String;
using v8::Value;

namespace {

enum PromiseState { kPending = 0, kFulfilled = 1, kRejected = 2 };

void GetPromiseDetails(const FunctionCallbackInfo<Value>& args) {
  if (!args[0]->IsPromise()) return;
  Isolate* isolate = args.GetIsolate();
  Local<Promise> promise = args[0].As<Promise>();
  int state = promise->State() == Promise::kPending     ? kPending
              : promise->State() == Promise::kFulfilled ? kFulfilled
                                                        : kRejected;
  Local<Value> values[2] = {Integer::New(isolate, state)};
  size_t count = 1;
  if (state != kPending) values[count++] = promise->Result();
  args.GetReturnValue().Set(Array::New(isolate, values, count));
}

void GetProxyDetails(const FunctionCallbackInfo<Value>& args) {
  if (!args[0]->IsProxy()) return;
  Isolate* isolate = args.GetIsolate();
  Local<Proxy> proxy = args[0].As<Proxy>();
  if (args.Length() == 1 || args[1]->IsTrue()) {
    Local<Value> values[] = {proxy->GetTarget(), proxy->GetHandler()};
    args.GetReturnValue().Set(Array::New(isolate, values, 2));
  } else {
    args.GetReturnValue().Set(proxy->GetTarget());
  }
}

void PreviewEntries(const FunctionCallbackInfo<Value>& args) {
  if (!args[0]->IsObject()) return;
  Isolate* isolate = args.GetIsolate();
  bool is_key_value;
  Local<Array> entries;
  if (!args[0].As<Object>()->PreviewEntries(&is_key_value).ToLocal(&entries)) {
    return;
  }
  if (args.Length() < 2 || !args[1]->IsTrue()) {
    args.GetReturnValue().Set(entries);
    return;
  }
  Local<Value> values[] = {entries, v8::Boolean::New(isolate, is_key_value)};
  args.GetReturnValue().Set(Array::New(isolate, values, 2));
}

// The position among args[from..to) of an array with the same map as
// `object`, or -1. lib/ passes arrays nothing ever changes, one per elements
// kind, so their maps are the context's initial array maps. An array with
// such a map has no own property but its indices and `length` (adding any,
// changing `length`'s attributes or the prototype, freezing, or defining an
// accessor or a non-default attribute on an index gives it another map).
int ReferenceArrayIndex(const FunctionCallbackInfo<Value>& args,
                        Local<Object> object, int from, int to) {
  if (!object->IsArray()) return -1;
  v8_layout::Address map = v8_layout::MapOf(v8_layout::RawOf(object));
  for (int i = from; i < to && i < args.Length(); i++) {
    if (!args[i]->IsArray()) continue;
    if (v8_layout::MapOf(v8_layout::RawOf(args[i])) == map) return i;
  }
  return -1;
}

bool HasReferenceArrayMap(const FunctionCallbackInfo<Value>& args,
                          Local<Object> object) {
  return ReferenceArrayIndex(args, object, 2, args.Length()) != -1;
}

// getArrayShape(value, packed1, packed2, packed3, holey1, holey2, holey3):
// 1 when `value` has the map of one of the packed reference arrays (every
// index below `length` is then an own, writable, enumerable, configurable
// data property), 2 for one of the holey ones (the same, for the indices
// that are present), 0 for anything else, proxies included. inspect reads
// such an array's items directly instead of asking for a descriptor each.
void GetArrayShape(const FunctionCallbackInfo<Value>& args) {
  int shape = 0;
  if (args[0]->IsObject()) {
    int at = ReferenceArrayIndex(args, args[0].As<Object>(), 1, 7);
    if (at != -1) shape = at < 4 ? 1 : 2;
  }
  args.GetReturnValue().Set(shape);
}

// getOwnNonIndexProperties(object, filter[, ...referenceArrays])
void GetOwnNonIndexProperties(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Local<Context> context = isolate->GetCurrentContext();
  if (!args[0]->IsObject() || !args[1]->IsUint32()) return;
  Local<Object> object = args[0].As<Object>();
  PropertyFilter filter =
      static_cast<PropertyFilter>(args[1].As<v8::Uint32>()->Value());
  // `length`, the only other own property, is not enumerable.
  if ((filter & v8::ONLY_ENUMERABLE) != 0 &&
      HasReferenceArrayMap(args, object)) {
    args.GetReturnValue().Set(Array::New(isolate, 0));
    return;
  }
  Local<Array> properties;
  if (!object
           ->GetPropertyNames(context, KeyCollectionMode::kOwnOnly, filter,
                              v8::IndexFilter::kSkipIndices)
           .ToLocal(&properties)) {
    return;
  }
  args.GetReturnValue().Set(properties);
}

void GetConstructorName(const FunctionCallbackInfo<Value>& args) {
  if (!args[0]->IsObject()) return;
  args.GetReturnValue().Set(args[0].As<Object>()->GetConstructorName());
}

void GetExternalValue(const FunctionCallbackInfo<Value>& args) {
  if (!args[0]->IsExternal()) return;
  void* ptr = args[0].As<v8::External>()->Value();
  args.GetReturnValue().Set(v8::BigInt::NewFromUnsigned(
      args.GetIsolate(), reinterpret_cast<uint64_t>(ptr)));
}

void IsConstructor(const FunctionCallbackInfo<Value>& args) {
  args.GetReturnValue().Set(args[0]->IsFunction() &&
                            args[0].As<Function>()->IsConstructor());
}

// The current stack as plain objects, for util.getCallSites().
void GetCallSites(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Local<Context> context = isolate->GetCurrentContext();
  int frames = args[0]->IsInt32() ? args[0].As<v8::Int32>()->Value() : 8;
  if (frames < 1) frames = 1;
  if (frames > 200) frames = 200;
  // Skip this function's JS caller (util.getCallSites itself).
  Local<StackTrace> trace = StackTrace::CurrentStackTrace(isolate, frames + 1);
  Local<Array> result = Array::New(isolate);
  uint32_t n = 0;
  for (int i = 1; i < trace->GetFrameCount(); i++) {
    Local<StackFrame> frame = trace->GetFrame(isolate, i);
    Local<Object> site = Object::New(isolate);
    Local<String> fn_name = frame->GetFunctionName();
    Local<String> script = frame->GetScriptNameOrSourceURL();
    SetValue(context, site, "functionName",
             fn_name.IsEmpty() ? String::Empty(isolate) : fn_name);
    SetValue(context, site, "scriptId",
             Utf8String(isolate, std::to_string(frame->GetScriptId())));
    SetValue(context, site, "scriptName",
             script.IsEmpty() ? String::Empty(isolate) : script);
    SetConstant(context, site, "lineNumber", frame->GetLineNumber());
    SetConstant(context, site, "columnNumber", frame->GetColumn());
    SetConstant(context, site, "column", frame->GetColumn());
    result->CreateDataProperty(context, n++, site).Check();
  }
  args.GetReturnValue().Set(result);
}

// Whether a typed array or DataView has its ArrayBuffer yet (small ones
// live on V8's heap until `.buffer` is read).
void ArrayBufferViewHasBuffer(const FunctionCallbackInfo<Value>& args) {
  if (!args[0]->IsArrayBufferView()) return;
  args.GetReturnValue().Set(args[0].As<v8::ArrayBufferView>()->HasBuffer());
}

// getEvalSource(line, column): the source of the eval'd code that has a
// frame at that position on the current stack (for assert.ok's message,
// which quotes the failing call), or undefined.
void GetEvalSource(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  if (!args[0]->IsInt32() || !args[1]->IsInt32()) return;
  int line = args[0].As<v8::Int32>()->Value();
  int column = args[1].As<v8::Int32>()->Value();
  Local<StackTrace> trace =
      StackTrace::CurrentStackTrace(isolate, 64, StackTrace::kDetailed);
  for (int i = 0; i < trace->GetFrameCount(); i++) {
    Local<StackFrame> frame = trace->GetFrame(isolate, i);
    if (frame->IsEval() && frame->GetLineNumber() == line &&
        frame->GetColumn() == column) {
      Local<String> source = frame->GetScriptSource();
      if (!source.IsEmpty()) args.GetReturnValue().Set(source);
      return;
    }
  }
}

void Sleep(const FunctionCallbackInfo<Value>& args) {
  CHECK(args[0]->IsUint32());
  uv_sleep(args[0].As<v8::Uint32>()->Value());
}

void GuessHandleType(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  int fd = args[0]->IsInt32() ? args[0].As<v8::Int32>()->Value() : -1;
  if (fd < 0) {
    args.GetReturnValue().Set(FIXED_ONE_BYTE_STRING(isolate, "INVALID"));
    return;
  }
  const char* type;
  switch (uv_guess_handle(fd)) {
    case UV_TCP: type = "TCP"; break;
    case UV_TTY: type = "TTY"; break;
    case UV_UDP: type = "UDP"; break;
    case UV_FILE: type = "FILE"; break;
    case UV_NAMED_PIPE: type = "PIPE"; break;
    case UV_UNKNOWN_HANDLE: type = "UNKNOWN"; break;
    default: type = "UNKNOWN";
  }
  args.GetReturnValue().Set(OneByteString(isolate, type));
}

// Whether a value's [[Prototype]] chain could run user code when read (for
// inspect's decision to show getters).
void IsInsideNodeModules(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Local<StackTrace> trace = StackTrace::CurrentStackTrace(isolate, 10);
  bool result = false;
  for (int i = 0; i < trace->GetFrameCount(); i++) {
    Utf8Value name(isolate, trace->GetFrame(isolate, i)->GetScriptName());
    std::string_view s = name.view();
    if (s.rfind("node:", 0) == 0 || s.empty()) continue;
    result = s.find("/node_modules/") != std::string_view::npos;
    break;
  }
  args.GetReturnValue().Set(result);
}

void FreeSharedArrayBufferMemory(void* data, size_t length, void*) {
  GetArrayBufferAllocator()->Free(data, length);
}

// constructSharedArrayBuffer(length): a SharedArrayBuffer even where the
// constructor is not exposed (--enable-sharedarraybuffer-per-context).
// RangeErrors as V8's own constructor throws them.
void ConstructSharedArrayBuffer(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Local<Context> context = isolate->GetCurrentContext();
  // ToIndex(length).
  double number = 0;
  if (!args[0]->IsUndefined() &&
      !args[0]->NumberValue(context).To(&number)) {
    return;
  }
  number = std::isnan(number) ? 0 : std::trunc(number);
  constexpr double kMaxSafeInteger = 9007199254740991.0;
  if (number < 0 || number > kMaxSafeInteger) {
    isolate->ThrowException(v8::Exception::RangeError(
        FIXED_ONE_BYTE_STRING(isolate, "Invalid array buffer length")));
    return;
  }
  const int64_t length = static_cast<int64_t>(number);
  std::unique_ptr<v8::BackingStore> store;
  if (length == 0) {
    store = v8::SharedArrayBuffer::NewBackingStore(isolate, 0);
  } else {
    void* data = GetArrayBufferAllocator()->Allocate(
        static_cast<size_t>(length));
    if (data == nullptr) {
      isolate->ThrowException(v8::Exception::RangeError(
          FIXED_ONE_BYTE_STRING(isolate, "Array buffer allocation failed")));
      return;
    }
    store = v8::SharedArrayBuffer::NewBackingStore(
        data, static_cast<size_t>(length), FreeSharedArrayBufferMemory,
        nullptr);
  }
  args.GetReturnValue().Set(
      v8::SharedArrayBuffer::New(isolate, std::move(store)));
}

void Initialize(Local<Object> target, Local<Value>, Local<Context> context,
                void*) {
  SetMethod(context, target, "constructSharedArrayBuffer",
            ConstructSharedArrayBuffer);
  SetMethodNoSideEffect(context, target, "getPromiseDetails",
                        GetPromiseDetails);
  SetMethodNoSideEffect(context, target, "getProxyDetails", GetProxyDetails);
  SetMethodNoSideEffect(context, target, "previewEntries", PreviewEntries);
  SetMethodNoSideEffect(context, target, "getOwnNonIndexProperties",
                        GetOwnNonIndexProperties);
  SetMethodNoSideEffect(context, target, "getArrayShape", GetArrayShape);
  SetMethodNoSideEffect(context, target, "getConstructorName",
                        GetConstructorName);
  SetMethodNoSideEffect(context, target, "getExternalValue",
                        GetExternalValue);
  SetMethodNoSideEffect(context, target, "isConstructor", IsConstructor);
  SetMethodNoSideEffect(context, target, "getCallSites", GetCallSites);
  SetMethodNoSideEffect(context, target, "arrayBufferViewHasBuffer",
                        ArrayBufferViewHasBuffer);
  SetMethodNoSideEffect(context, target, "getEvalSource", GetEvalSource);
  SetMethod(context, target, "sleep", Sleep);
  SetMethodNoSideEffect(context, target, "guessHandleType", GuessHandleType);
  SetMethodNoSideEffect(context, target, "isInsideNodeModules",
                        IsInsideNodeModules);
  Isolate* isolate = context->GetIsolate();
  Local<Object> constants = Object::New(isolate);
  SetConstant(context, constants, "kPending", kPending);
  SetConstant(context, constants, "kFulfilled", kFulfilled);
  SetConstant(context, constants, "kRejected", kRejected);
  SetConstant(context, constants, "ALL_PROPERTIES",
              PropertyFilter::ALL_PROPERTIES);
  SetConstant(context, constants, "ONLY_WRITABLE",
              PropertyFilter::ONLY_WRITABLE);
  SetConstant(context, constants, "ONLY_ENUMERABLE",
              PropertyFilter::ONLY_ENUMERABLE);
  SetConstant(context, constants, "ONLY_CONFIGURABLE",
              PropertyFilter::ONLY_CONFIGURABLE);
  SetConstant(context, constants, "SKIP_STRINGS",
              PropertyFilter::SKIP_STRINGS);
  SetConstant(context, constants, "SKIP_SYMBOLS",
              PropertyFilter::SKIP_SYMBOLS);
  SetValue(context, target, "constants", constants);

  // Keys lib/ and C++ share for what no reflection may see. They come from
  // V8's registry of API private symbols, so C++ finds the same symbol by
  // its name ("lode:decorated" is also what lode_contextify.cc and the
  // fatal-exception printer use).
  Local<Object> private_symbols = Object::New(isolate);
  static const char* const kPrivateSymbols[][2] = {
      {"arrow_message_private_symbol", "lode:arrow_message"},
      {"decorated_private_symbol", "lode:decorated"},
      {"contextify_context_private_symbol", "lode:vm:context"},
      {"untransferable_object_private_symbol", "lode:untransferable"},
  };
  for (const auto& entry : kPrivateSymbols) {
    Local<v8::Private> key =
        v8::Private::ForApi(isolate, OneByteString(isolate, entry[1]));
    // A private symbol is a Symbol inside V8; handed to JS as a value, it
    // works as a property key.
    SetValue(context, private_symbols, entry[0],
             *reinterpret_cast<Local<Value>*>(&key));
  }
  SetValue(context, target, "privateSymbols", private_symbols);
}

void RegisterExternalReferences(ExternalReferenceRegistry* registry) {
  registry->Register(ConstructSharedArrayBuffer);
  registry->Register(GetPromiseDetails);
  registry->Register(GetProxyDetails);
  registry->Register(GetArrayShape);
  registry->Register(PreviewEntries);
  registry->Register(GetOwnNonIndexProperties);
  registry->Register(GetConstructorName);
  registry->Register(GetExternalValue);
  registry->Register(IsConstructor);
  registry->Register(GetCallSites);
  registry->Register(ArrayBufferViewHasBuffer);
  registry->Register(GetEvalSource);
  registry->Register(Sleep);
  registry->Register(GuessHandleType);
  registry->Register(IsInsideNodeModules);
}

}  // namespace
}  // namespace lode::util

LODE_BINDING_CONTEXT_AWARE_INTERNAL(util, lode::util::Initialize)
LODE_BINDING_EXTERNAL_REFERENCE(util, lode::util::RegisterExternalReferences)
