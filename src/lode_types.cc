// internalBinding('types'): V8's own type checks, behind util.types.
#include "env.h"
#include "lode_binding.h"
#include "util.h"

namespace lode::types {

using v8::Context;
using v8::FunctionCallbackInfo;
using v8::Local;
using v8::Object;
using v8::Value;

namespace {

// In Node's order: util.types lists its keys in it.
#define LODE_TYPE_CHECKS(V) \
  V(ArgumentsObject)        \
  V(ArrayBuffer)            \
  V(AsyncFunction)          \
  V(BigIntObject)           \
  V(BooleanObject)          \
  V(DataView)               \
  V(Date)                   \
  V(External)               \
  V(GeneratorFunction)      \
  V(GeneratorObject)        \
  V(Map)                    \
  V(MapIterator)            \
  V(ModuleNamespaceObject)  \
  V(NativeError)            \
  V(NumberObject)           \
  V(Promise)                \
  V(Proxy)                  \
  V(RegExp)                 \
  V(Set)                    \
  V(SetIterator)            \
  V(SharedArrayBuffer)      \
  V(StringObject)           \
  V(SymbolObject)           \
  V(WeakMap)                \
  V(WeakSet)

#define V(type)                                                  \
  void Is##type(const FunctionCallbackInfo<Value>& args) {       \
    args.GetReturnValue().Set(args[0]->Is##type());              \
  }
LODE_TYPE_CHECKS(V)
#undef V

void IsAnyArrayBuffer(const FunctionCallbackInfo<Value>& args) {
  args.GetReturnValue().Set(args[0]->IsArrayBuffer() ||
                            args[0]->IsSharedArrayBuffer());
}

void IsBoxedPrimitive(const FunctionCallbackInfo<Value>& args) {
  Local<Value> v = args[0];
  args.GetReturnValue().Set(v->IsNumberObject() || v->IsStringObject() ||
                            v->IsBooleanObject() || v->IsBigIntObject() ||
                            v->IsSymbolObject());
}

// One call for deep equality's question "is this a value whose contents
// live in internal slots?" instead of nine: comparing plain objects asks it
// for every object met.
void IsSpecialObject(const FunctionCallbackInfo<Value>& args) {
  Local<Value> v = args[0];
  args.GetReturnValue().Set(
      v->IsArray() || v->IsArrayBufferView() || v->IsSet() || v->IsMap() ||
      v->IsDate() || v->IsRegExp() || v->IsArrayBuffer() ||
      v->IsSharedArrayBuffer() || v->IsNumberObject() ||
      v->IsStringObject() || v->IsBooleanObject() || v->IsBigIntObject() ||
      v->IsSymbolObject() || v->IsNativeError());
}

void Initialize(Local<Object> target, Local<Value>, Local<Context> context,
                void*) {
#define V(type) SetMethodNoSideEffect(context, target, "is" #type, Is##type);
  LODE_TYPE_CHECKS(V)
#undef V
  SetMethodNoSideEffect(context, target, "isAnyArrayBuffer", IsAnyArrayBuffer);
  SetMethodNoSideEffect(context, target, "isBoxedPrimitive", IsBoxedPrimitive);
  SetMethodNoSideEffect(context, target, "isSpecialObject", IsSpecialObject);
}

void RegisterExternalReferences(ExternalReferenceRegistry* registry) {
#define V(type) registry->Register(Is##type);
  LODE_TYPE_CHECKS(V)
#undef V
  registry->Register(IsAnyArrayBuffer);
  registry->Register(IsBoxedPrimitive);
  registry->Register(IsSpecialObject);
}

}  // namespace
}  // namespace lode::types

LODE_BINDING_CONTEXT_AWARE_INTERNAL(types, lode::types::Initialize)
LODE_BINDING_EXTERNAL_REFERENCE(types, lode::types::RegisterExternalReferences)
