// internalBinding('types'): V8's own type checks, behind util.types.
#include "env.h"
#include "lode_binding.h"
#include "lode_v8_layout.h"
#include "util.h"

namespace lode::types {

using v8::Context;
using v8::Isolate;
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

// Deep equality asks, for every pair of objects it meets, whether either
// has own symbol-keyed properties; V8 answers that only by collecting the
// keys into a new array (about 800 instructions an object). The answer
// depends only on the object's map as long as the object keeps its named
// properties in the map's descriptors (fast mode), so it is kept per map.
// A map can die in any GC and its address go to another map, so the cache
// is emptied before every GC. One cache a thread: each isolate runs on its
// own thread, and its GC callbacks run there.
constexpr int kShapeCacheSize = 256;
// Tagged map pointers end in 01 (heap object tag, 4-byte alignment at
// least): bit 1 is free to say "has own symbol keys".
constexpr uintptr_t kHasSymbols = 2;
struct ShapeCache {
  uintptr_t entries[kShapeCacheSize] = {};
  bool checked = false;  // the layout self-check below ran
  bool usable = false;   // and read the maps as expected
};
thread_local ShapeCache t_shape_cache;

using I = v8::internal::Internals;
using A = v8::internal::Address;

A MapOf(Local<Object> object) {
  return v8_layout::MapOf(v8_layout::RawOf(object));
}

// V8 10.2 keeps the map's bit_field3 right after its instance type and
// two one-byte bit fields; is_dictionary_map follows enum_length (10 bits),
// number_of_own_descriptors (10) and is_prototype_map (1).
constexpr int kMapBitField3Offset = I::kMapInstanceTypeOffset + 4;
constexpr uint32_t kIsDictionaryMapBit = 1u << 21;

bool IsDictionaryMap(A map) {
  return (I::ReadRawField<uint32_t>(map, kMapBitField3Offset) &
          kIsDictionaryMapBit) != 0;
}

// The offsets above are not part of V8's API: check them once on objects
// whose state is known (a fresh object is fast, one that lost a property
// other than its last is in dictionary mode), and leave the cache unused
// if they do not hold.
bool CheckLayout(Isolate* isolate, Local<Context> context) {
  v8::HandleScope scope(isolate);
  Local<Object> fast = Object::New(isolate);
  Local<Object> slow = Object::New(isolate);
  for (const char* name : {"a", "b", "c"}) {
    Local<v8::String> key =
        v8::String::NewFromUtf8(isolate, name).ToLocalChecked();
    if (fast->Set(context, key, key).IsNothing() ||
        slow->Set(context, key, key).IsNothing()) {
      return false;
    }
  }
  Local<v8::String> a = v8::String::NewFromUtf8Literal(isolate, "a");
  if (slow->Delete(context, a).IsNothing()) return false;
  A fast_map = MapOf(fast);
  A slow_map = MapOf(slow);
  return v8_layout::InstanceTypeOfMap(fast_map) == I::kJSObjectType &&
         v8_layout::InstanceTypeOfMap(slow_map) == I::kJSObjectType &&
         !IsDictionaryMap(fast_map) && IsDictionaryMap(slow_map);
}

void ClearShapeCache(Isolate*, v8::GCType, v8::GCCallbackFlags, void*) {
  for (uintptr_t& entry : t_shape_cache.entries) entry = 0;
}

enum ShapeKind { kNotKnown = 0, kOrdinary = 1, kOrdinaryMapOrSet = 2 };

// kOrdinary: an ordinary object (no internal slots) in fast mode without
// own symbol keys; kOrdinaryMapOrSet: the same, or such a Map or Set.
int ShapeOf(Local<Context> context, Local<Value> value) {
  if (!value->IsObject()) return kNotKnown;
  Local<Object> object = value.As<Object>();
  A map = MapOf(object);
  int kind;
  if (v8_layout::InstanceTypeOfMap(map) == I::kJSObjectType) {
    kind = kOrdinary;
  } else if (value->IsMap() || value->IsSet()) {
    kind = kOrdinaryMapOrSet;
  } else {
    return kNotKnown;
  }
  if (IsDictionaryMap(map)) return kNotKnown;
  uintptr_t& entry = t_shape_cache.entries[(map >> 3) % kShapeCacheSize];
  if ((entry & ~kHasSymbols) != map) {
    Local<v8::Array> symbols;
    if (!object
             ->GetPropertyNames(context, v8::KeyCollectionMode::kOwnOnly,
                                v8::SKIP_STRINGS, v8::IndexFilter::kSkipIndices)
             .ToLocal(&symbols)) {
      return kNotKnown;
    }
    bool has_symbols = symbols->Length() != 0;
    // GetPropertyNames allocates: a GC it caused emptied the cache, and
    // only a map that is still the object's may go in.
    if (MapOf(object) == map) entry = map | (has_symbols ? kHasSymbols : 0);
    return has_symbols ? kNotKnown : kind;
  }
  return (entry & kHasSymbols) != 0 ? kNotKnown : kind;
}

// symbolFreePair(a, b): kOrdinary when both are, kOrdinaryMapOrSet when
// both are at least that, else kNotKnown (the caller then asks V8 for the
// symbols as usual).
void SymbolFreePair(const FunctionCallbackInfo<Value>& args) {
  ShapeCache& cache = t_shape_cache;
  Isolate* isolate = args.GetIsolate();
  Local<Context> context = isolate->GetCurrentContext();
  if (!cache.checked) {
    cache.checked = true;
    cache.usable = CheckLayout(isolate, context);
  }
  int result = kNotKnown;
  if (cache.usable) {
    int a = ShapeOf(context, args[0]);
    if (a != kNotKnown) {
      int b = ShapeOf(context, args[1]);
      if (b != kNotKnown) result = a > b ? a : b;
    }
  }
  args.GetReturnValue().Set(result);
}

void Initialize(Local<Object> target, Local<Value>, Local<Context> context,
                void*) {
#define V(type) SetMethodNoSideEffect(context, target, "is" #type, Is##type);
  LODE_TYPE_CHECKS(V)
#undef V
  SetMethodNoSideEffect(context, target, "isAnyArrayBuffer", IsAnyArrayBuffer);
  SetMethodNoSideEffect(context, target, "isBoxedPrimitive", IsBoxedPrimitive);
  SetMethodNoSideEffect(context, target, "isSpecialObject", IsSpecialObject);
  SetMethodNoSideEffect(context, target, "symbolFreePair", SymbolFreePair);
}

void RegisterExternalReferences(ExternalReferenceRegistry* registry) {
#define V(type) registry->Register(Is##type);
  LODE_TYPE_CHECKS(V)
#undef V
  registry->Register(IsAnyArrayBuffer);
  registry->Register(IsBoxedPrimitive);
  registry->Register(IsSpecialObject);
  registry->Register(SymbolFreePair);
}

}  // namespace

void AddIsolateHooks(Isolate* isolate) {
  // Another isolate may have run on this thread before (the snapshot
  // builder's): its map addresses mean nothing here.
  ClearShapeCache(isolate, v8::kGCTypeAll, v8::kNoGCCallbackFlags, nullptr);
  isolate->AddGCPrologueCallback(ClearShapeCache, nullptr);
}

}  // namespace lode::types

LODE_BINDING_CONTEXT_AWARE_INTERNAL(types, lode::types::Initialize)
LODE_BINDING_EXTERNAL_REFERENCE(types, lode::types::RegisterExternalReferences)
