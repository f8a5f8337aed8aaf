// Node-API: objects and their properties, property descriptors, classes,
// integrity levels and type tags.
#include <climits>
#include <string>
#include <vector>

#include "lode_napi.h"
#include "lode_napi_context.h"

namespace lode::napi {

using v8::Context;
using v8::Function;
using v8::FunctionTemplate;
using v8::Isolate;
using v8::Local;
using v8::Name;
using v8::Object;
using v8::PropertyAttribute;
using v8::PropertyDescriptor;
using v8::String;
using v8::Value;

[[gnu::noinline]] napi_status ToObjectSlow(napi_env env,
                                           Local<Context> context,
                                           napi_value value,
                                           Local<Object>* result) {
  NAPI_CHECK_ARG(env, value);
  NAPI_RETURN_IF_FALSE(env, ToV8(value)->ToObject(context).ToLocal(result),
                       napi_object_expected);
  return napi_ok;
}

// ToObject(value): an object is itself (checked inline), the rest converts.
inline napi_status ToObject(napi_env env, Local<Context> context,
                            napi_value value, Local<Object>* result) {
  if (value != nullptr && IsPlainObject(ToV8(value))) {
    *result = ToV8(value).As<Object>();
    return napi_ok;
  }
  return ToObjectSlow(env, context, value, result);
}

napi_status NewInternalizedUtf8(napi_env env, const char* str, size_t length,
                                Local<String>* result) {
  NAPI_CHECK_ARG(env, str);
  // A NUL-terminated name was looked up in the cache already (NamedKey).
  NAPI_RETURN_IF_FALSE(env, length == NAPI_AUTO_LENGTH || length <= INT_MAX,
                       napi_invalid_arg);
  size_t size = length == NAPI_AUTO_LENGTH ? strlen(str) : length;
  NAPI_RETURN_IF_FALSE(env, size <= INT_MAX, napi_generic_failure);
  bool cacheable = size <= KeyCache::kMaxLength && !env->torn_down;
  if (cacheable && length != NAPI_AUTO_LENGTH) {
    *result = env->key_cache.Get(str, size);
    if (!result->IsEmpty()) return napi_ok;
  }
  NAPI_RETURN_IF_FALSE(
      env,
      String::NewFromUtf8(env->isolate, str, v8::NewStringType::kInternalized,
                          static_cast<int>(size))
          .ToLocal(result),
      napi_generic_failure);
  if (cacheable) env->key_cache.Put(env->isolate, str, size, *result);
  return napi_ok;
}

// The index in env->store_functions of the generic one (any key).
constexpr size_t kAnyKeyStore = napi_env__::kStoreFunctions - 1;

// The store function of the key cached in entry `slot`: the copy it was
// given, or the next free one, or (all taken) the generic one.
inline size_t KeyedStore(napi_env env, size_t slot) {
  uint8_t store = env->store_of_entry[slot];
  if (store == napi_env__::kNoStore) [[unlikely]] {
    store = env->next_keyed_store < napi_env__::kKeyedStores
                ? env->next_keyed_store++
                : static_cast<uint8_t>(kAnyKeyStore);
    env->store_of_entry[slot] = store;
  }
  return store;
}

// The key of a NUL-terminated name (napi_{set,get,has}_named_property): a
// cached key inline, else NewInternalizedUtf8. `*store`: the index of the
// store function for that key (KeyedStore, else the generic one).
inline napi_status NamedKey(napi_env env, const char* utf8name,
                            Local<String>* result, size_t* store = nullptr) {
  if (utf8name != nullptr && !env->torn_down) {
    size_t slot;
    *result = env->key_cache.Find(utf8name, &slot);
    if (!result->IsEmpty()) {
      if (store != nullptr) *store = KeyedStore(env, slot);
      return napi_ok;
    }
  }
  if (store != nullptr) *store = kAnyKeyStore;
  return NewInternalizedUtf8(env, utf8name, NAPI_AUTO_LENGTH, result);
}

// napi_create_object's object. Object::New lays a new object out from the
// Object function of the current context; in the env's own context (where
// the addon's functions run) a copy of an empty object made there once is
// the same object (same map, prototype, no properties or elements) for
// less work. With another context current: Object::New, as before.
Local<Object> NewEmptyObject(napi_env env) {
  Isolate* isolate = env->isolate;
  bool own_context =
      !env->torn_down &&
      isolate->GetCurrentContext() == env->context_handle;
  if (!own_context) return Object::New(isolate);
  if (env->empty_object.IsEmpty()) {
    env->empty_object.Reset(isolate, Object::New(isolate));
  }
  return StrongLocal(env->empty_object)->Clone();
}

// ---- The store functions -------------------------------------------------
// napi_set_named_property and napi_set_property are [[Set]] with the object
// as receiver. V8's Object::Set does that in the runtime (a property
// lookup along the prototype chain, a transition search and a map
// migration, ~1,400 instructions per new property); the same assignment
// made by JS code goes through V8's store IC, which caches those steps, and
// costs less even with the call into JS around it. So each context made
// with ContextExtensions() gets functions doing `object[key] = value`
// (sloppy mode: a failed assignment is ignored, as Object::Set ignores it).
// They come from a V8 extension because V8 hides the frames of extension
// code from stack traces, Function.prototype.caller and the debugger, so a
// setter or a Proxy trap they reach sees the same stack as under
// Object::Set; a JS function of our own would show up there. CPU profiles
// and heap snapshots do show them (frames named `object.<computed>`, url
// lode/napi-store): V8 does not hide extension code there.
//
// There are napi_env__::kStoreFunctions copies of the function, each with
// its own IC: the first kKeyedStores cached keys an env stores by name get
// one each (KeyedStore), so that IC sees one key (and, for objects an addon
// builds alike, one map: its monomorphic fast case, ~230 instructions less
// than the megamorphic one); the last copy takes every other key. Envs of
// one context share the copies (another env's keys make an IC polymorphic,
// not wrong). Not one copy per cache entry: V8 compiles extension code
// eagerly, ~20,000 instructions per copy at every context's start.

namespace {

constexpr char kStoreExtensionName[] = "lode/napi-store";

// `native function` hands the entry counter and the copies to
// KeepStoreFunctions once, as the context is made; nothing is left in the
// global scope. Only sloppy-mode copies are handed over: under --use-strict
// V8 compiles extension code as strict, where a refused assignment throws
// (Object::Set ignores it), so envs of such a context keep Object::Set.
// Each copy counts its entries before storing: SetProperty tells by the
// count whether its body ran. Made once, and kept for the process (V8
// holds on to an extension's source).
const char* StoreExtensionSource() {
  static const std::string* source = [] {
    auto* text = new std::string(
        "(function() {\n"
        "  native function keep();\n"
        "  if ((function() { return this; })() === undefined) return;\n"
        "  const entries = new Int32Array(1);\n"
        "  keep(entries,\n    ");
    for (size_t i = 0; i < napi_env__::kStoreFunctions; i++) {
      if (i > 0) *text += ",\n    ";
      *text +=
          "function(object, key, value) { entries[0]++; object[key] = value; }";
    }
    *text += ");\n})();";
    return text;
  }();
  return source->c_str();
}

Local<v8::Private> StoreFunctionsKey(Isolate* isolate) {
  return v8::Private::ForApi(
      isolate, FIXED_ONE_BYTE_STRING(isolate, "lode:napi:store"));
}

// keep(entries, ...copies): an array of them on the new context's global
// object under a private key, where napi envs made in that context find it.
void KeepStoreFunctions(const v8::FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  constexpr size_t kValues = napi_env__::kStoreFunctions + 1;
  if (static_cast<size_t>(args.Length()) != kValues) return;
  Local<Value> values[kValues];
  for (size_t i = 0; i < kValues; i++) values[i] = args[static_cast<int>(i)];
  Local<Context> context = isolate->GetCurrentContext();
  // Should this fail (never expected), envs store through Object::Set.
  static_cast<void>(
      context->Global()
          ->SetPrivate(context, StoreFunctionsKey(isolate),
                       v8::Array::New(isolate, values, kValues))
          .FromMaybe(false));
}

class StoreExtension final : public v8::Extension {
 public:
  StoreExtension()
      : v8::Extension(kStoreExtensionName, StoreExtensionSource()) {}
  v8::Local<FunctionTemplate> GetNativeFunctionTemplate(
      Isolate* isolate, Local<String> name) override {
    return FunctionTemplate::New(isolate, KeepStoreFunctions);
  }
};

}  // namespace

void RegisterContextExtension() {
  v8::RegisterExtension(std::make_unique<StoreExtension>());
}

v8::ExtensionConfiguration* ContextExtensions() {
  static const char* names[] = {kStoreExtensionName};
  static v8::ExtensionConfiguration config(1, names);
  return &config;
}

void InitStoreFunctions(napi_env env) {
  Isolate* isolate = env->isolate;
  v8::HandleScope scope(isolate);
  Local<Context> context = env->context();
  Local<Value> kept;
  if (!context->Global()
           ->GetPrivate(context, StoreFunctionsKey(isolate))
           .ToLocal(&kept) ||
      !kept->IsArray()) {
    return;
  }
  Local<v8::Array> values = kept.As<v8::Array>();
  Local<Value> entries;
  if (!values->Get(context, 0).ToLocal(&entries) ||
      !entries->IsInt32Array() || entries.As<v8::Int32Array>()->Length() != 1) {
    return;
  }
  Local<Function> functions[napi_env__::kStoreFunctions];
  for (size_t i = 0; i < napi_env__::kStoreFunctions; i++) {
    Local<Value> fn;
    if (!values->Get(context, static_cast<uint32_t>(i + 1)).ToLocal(&fn) ||
        !fn->IsFunction()) {
      return;
    }
    functions[i] = fn.As<Function>();
  }
  // Buffer() moves a small typed array's elements off the V8 heap, where
  // they stay put: C++ reads the count through a plain pointer.
  Local<v8::Int32Array> counter = entries.As<v8::Int32Array>();
  env->store_entries_memory = counter->Buffer()->GetBackingStore();
  env->store_entries = reinterpret_cast<int32_t*>(
      static_cast<char*>(env->store_entries_memory->Data()) +
      counter->ByteOffset());
  for (size_t i = 0; i < napi_env__::kStoreFunctions; i++) {
    env->store_functions[i].Reset(isolate, functions[i]);
  }
}

// [[Set]] of key on obj, as Object::Set, by store function `store`: false
// with the exception (if any) left in try_catch.
//
// V8 checks the stack as it enters a JS function, so near the stack limit
// a call to the store function can throw a RangeError where Object::Set
// (no check) stores. Only that case is retried with Object::Set: the count
// of entries is unchanged when the body never ran. Any other failure (a
// setter or trap threw, even a RangeError) is the store's own.
inline bool SetProperty(napi_env env, Local<Context> context, Local<Object> obj,
                        Local<Value> key, Local<Value> value,
                        v8::TryCatch& try_catch,
                        size_t store = kAnyKeyStore) {
  const v8::Global<Function>& function = env->store_functions[store];
  if (function.IsEmpty()) [[unlikely]] {
    return obj->Set(context, key, value).IsJust();
  }
  const int32_t entries = *env->store_entries;
  Local<Value> argv[] = {obj, key, value};
  if (!StrongLocal(function)
           ->Call(context, v8::Undefined(env->isolate), 3, argv)
           .IsEmpty()) [[likely]] {
    return true;
  }
  if (*env->store_entries != entries || !try_catch.HasCaught() ||
      !try_catch.CanContinue() || try_catch.HasTerminated()) {
    return false;
  }
  try_catch.Reset();
  return obj->Set(context, key, value).IsJust();
}

namespace {

napi_status DescriptorName(napi_env env, const napi_property_descriptor* p,
                           Local<Name>* result) {
  if (p->utf8name != nullptr) {
    Local<String> name;
    NAPI_CALL_STATUS(NamedKey(env, p->utf8name, &name));
    *result = name;
    return napi_ok;
  }
  NAPI_RETURN_IF_FALSE(env, p->name != nullptr, napi_name_expected);
  Local<Value> name = ToV8(p->name);
  NAPI_RETURN_IF_FALSE(env, name->IsName(), napi_name_expected);
  *result = name.As<Name>();
  return napi_ok;
}

// Template attributes for a descriptor. Accessors ignore napi_writable
// (V8 would make a setter-less accessor throw on assignment otherwise).
PropertyAttribute TemplateAttributes(const napi_property_descriptor* p) {
  unsigned attributes = v8::None;
  if (p->getter == nullptr && p->setter == nullptr &&
      (p->attributes & napi_writable) == 0) {
    attributes |= v8::ReadOnly;
  }
  if ((p->attributes & napi_enumerable) == 0) attributes |= v8::DontEnum;
  if ((p->attributes & napi_configurable) == 0) attributes |= v8::DontDelete;
  return static_cast<PropertyAttribute>(attributes);
}

}  // namespace

// Defines the properties of `object` (napi_define_properties, and a class's
// static members).
napi_status DefineProperties(napi_env env, Local<Object> obj,
                             size_t property_count,
                             const napi_property_descriptor* properties,
                             v8::TryCatch& try_catch) {
  Local<Context> context = env->context();
  for (size_t i = 0; i < property_count; i++) {
    const napi_property_descriptor* p = &properties[i];
    Local<Name> name;
    NAPI_CALL_STATUS(DescriptorName(env, p, &name));
    bool enumerable = (p->attributes & napi_enumerable) != 0;
    bool configurable = (p->attributes & napi_configurable) != 0;
    if (p->getter != nullptr || p->setter != nullptr) {
      Local<Function> getter;
      Local<Function> setter;
      if (p->getter != nullptr) {
        NAPI_CALL_STATUS(NewFunction(env, p->getter, p->data, &getter));
      }
      if (p->setter != nullptr) {
        NAPI_CALL_STATUS(NewFunction(env, p->setter, p->data, &setter));
      }
      PropertyDescriptor descriptor(getter, setter);
      descriptor.set_enumerable(enumerable);
      descriptor.set_configurable(configurable);
      bool ok = obj->DefineProperty(context, name, descriptor).FromMaybe(false);
      if (!ok) {
        return SetLastError(env, try_catch.HasCaught() ? napi_pending_exception
                                                       : napi_invalid_arg);
      }
    } else if (p->method != nullptr) {
      Local<Function> method;
      NAPI_CALL_STATUS(NewFunction(env, p->method, p->data, &method));
      PropertyDescriptor descriptor(method,
                                    (p->attributes & napi_writable) != 0);
      descriptor.set_enumerable(enumerable);
      descriptor.set_configurable(configurable);
      bool ok = obj->DefineProperty(context, name, descriptor).FromMaybe(false);
      if (!ok) {
        return SetLastError(env, try_catch.HasCaught() ? napi_pending_exception
                                                       : napi_generic_failure);
      }
    } else {
      NAPI_RETURN_IF_FALSE(env, p->value != nullptr, napi_invalid_arg);
      Local<Value> value = ToV8(p->value);
      bool ok;
      if (enumerable && configurable && (p->attributes & napi_writable)) {
        ok = obj->CreateDataProperty(context, name, value).FromMaybe(false);
      } else {
        PropertyDescriptor descriptor(value,
                                      (p->attributes & napi_writable) != 0);
        descriptor.set_enumerable(enumerable);
        descriptor.set_configurable(configurable);
        ok = obj->DefineProperty(context, name, descriptor).FromMaybe(false);
      }
      if (!ok) {
        return SetLastError(env, try_catch.HasCaught() ? napi_pending_exception
                                                       : napi_invalid_arg);
      }
    }
  }
  return napi_ok;
}

}  // namespace lode::napi

using lode::FIXED_ONE_BYTE_STRING;
using lode::napi::ClearLastError;
using lode::napi::SetLastError;
using lode::napi::ToNapi;
using lode::napi::ToObject;
using lode::napi::ToV8;
using v8::Context;
using v8::Local;
using v8::Name;
using v8::Object;
using v8::String;
using v8::Value;

namespace {

napi_status CreateObjectWithProperties(napi_env env,
                                       napi_value prototype_or_null,
                                       const napi_value* property_names,
                                       const napi_value* property_values,
                                       size_t property_count,
                                       napi_value* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, result);
  if (property_count > 0) {
    NAPI_CHECK_ARG(env, property_names);
    NAPI_CHECK_ARG(env, property_values);
  }
  v8::Isolate* isolate = env->isolate;
  Local<Value> prototype = prototype_or_null == nullptr
                               ? Local<Value>(v8::Null(isolate))
                               : ToV8(prototype_or_null);
  NAPI_RETURN_IF_FALSE(env, prototype->IsObject() || prototype->IsNull(),
                       napi_invalid_arg);
  for (size_t i = 0; i < property_count; i++) {
    NAPI_RETURN_IF_FALSE(
        env, property_names[i] != nullptr && ToV8(property_names[i])->IsName(),
        napi_name_expected);
    NAPI_CHECK_ARG(env, property_values[i]);
  }
  Local<Object> obj = Object::New(isolate, prototype, nullptr, nullptr, 0);
  Local<Context> context = env->context();
  for (size_t i = 0; i < property_count; i++) {
    bool ok =
        obj->CreateDataProperty(context, ToV8(property_names[i]).As<Name>(),
                                ToV8(property_values[i]))
            .FromMaybe(false);
    NAPI_RETURN_IF_FALSE_WITH_PREAMBLE(env, ok, napi_generic_failure);
  }
  *result = ToNapi(obj);
  NAPI_RETURN_STATUS(env);
}

}  // namespace

extern "C" {

napi_status NAPI_CDECL napi_create_object(napi_env env, napi_value* result) {
  if (!lode::napi::BasicFastPath(env) || result == nullptr) [[unlikely]] {
    NAPI_CHECK_ENV_NOT_IN_GC(env);
    NAPI_CHECK_ARG(env, result);
  }
  *result = ToNapi(lode::napi::NewEmptyObject(env));
  return ClearLastError(env);
}

napi_status NAPI_CDECL napi_create_object_with_properties(
    napi_env env, napi_value prototype_or_null,
    const napi_value* property_names, const napi_value* property_values,
    size_t property_count, napi_value* result) {
  return CreateObjectWithProperties(env, prototype_or_null, property_names,
                                    property_values, property_count, result);
}

napi_status NAPI_CDECL node_api_create_object_with_properties(
    napi_env env, napi_value prototype_or_null,
    const napi_value* property_names, const napi_value* property_values,
    size_t property_count, napi_value* result) {
  return CreateObjectWithProperties(env, prototype_or_null, property_names,
                                    property_values, property_count, result);
}

napi_status NAPI_CDECL napi_get_prototype(napi_env env, napi_value object,
                                          napi_value* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, result);
  Local<Object> obj;
  NAPI_CALL_STATUS(ToObject(env, env->context(), object, &obj));
  *result = ToNapi(obj->GetPrototype());
  NAPI_RETURN_STATUS(env);
}

napi_status NAPI_CDECL napi_get_all_property_names(
    napi_env env, napi_value object, napi_key_collection_mode key_mode,
    napi_key_filter key_filter, napi_key_conversion key_conversion,
    napi_value* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, result);
  Local<Context> context = env->context();
  Local<Object> obj;
  NAPI_CALL_STATUS(ToObject(env, context, object, &obj));
  unsigned filter = v8::ALL_PROPERTIES;
  if (key_filter & napi_key_writable) filter |= v8::ONLY_WRITABLE;
  if (key_filter & napi_key_enumerable) filter |= v8::ONLY_ENUMERABLE;
  if (key_filter & napi_key_configurable) filter |= v8::ONLY_CONFIGURABLE;
  if (key_filter & napi_key_skip_strings) filter |= v8::SKIP_STRINGS;
  if (key_filter & napi_key_skip_symbols) filter |= v8::SKIP_SYMBOLS;
  v8::KeyCollectionMode collection;
  switch (key_mode) {
    case napi_key_include_prototypes:
      collection = v8::KeyCollectionMode::kIncludePrototypes;
      break;
    case napi_key_own_only:
      collection = v8::KeyCollectionMode::kOwnOnly;
      break;
    default:
      return SetLastError(env, napi_invalid_arg);
  }
  v8::KeyConversionMode conversion;
  switch (key_conversion) {
    case napi_key_keep_numbers:
      conversion = v8::KeyConversionMode::kKeepNumbers;
      break;
    case napi_key_numbers_to_strings:
      conversion = v8::KeyConversionMode::kConvertToString;
      break;
    default:
      return SetLastError(env, napi_invalid_arg);
  }
  Local<v8::Array> names;
  bool ok = obj->GetPropertyNames(context, collection,
                                  static_cast<v8::PropertyFilter>(filter),
                                  v8::IndexFilter::kIncludeIndices, conversion)
                .ToLocal(&names);
  NAPI_RETURN_IF_FALSE_WITH_PREAMBLE(env, ok, napi_generic_failure);
  *result = ToNapi(names);
  NAPI_RETURN_STATUS(env);
}

napi_status NAPI_CDECL napi_get_property_names(napi_env env, napi_value object,
                                               napi_value* result) {
  return napi_get_all_property_names(
      env, object, napi_key_include_prototypes,
      static_cast<napi_key_filter>(napi_key_enumerable | napi_key_skip_symbols),
      napi_key_numbers_to_strings, result);
}

napi_status NAPI_CDECL napi_set_property(napi_env env, napi_value object,
                                         napi_value key, napi_value value) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, key);
  NAPI_CHECK_ARG(env, value);
  Local<Context> context = env->context();
  Local<Object> obj;
  NAPI_CALL_STATUS(ToObject(env, context, object, &obj));
  bool ok =
      lode::napi::SetProperty(env, context, obj, ToV8(key), ToV8(value),
                              try_catch);
  NAPI_RETURN_IF_FALSE_WITH_PREAMBLE(env, ok, napi_generic_failure);
  NAPI_RETURN_STATUS(env);
}

napi_status NAPI_CDECL napi_has_property(napi_env env, napi_value object,
                                         napi_value key, bool* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, result);
  NAPI_CHECK_ARG(env, key);
  Local<Context> context = env->context();
  Local<Object> obj;
  NAPI_CALL_STATUS(ToObject(env, context, object, &obj));
  v8::Maybe<bool> has = obj->Has(context, ToV8(key));
  NAPI_RETURN_IF_FALSE_WITH_PREAMBLE(env, has.IsJust(), napi_generic_failure);
  *result = has.FromJust();
  NAPI_RETURN_STATUS(env);
}

napi_status NAPI_CDECL napi_get_property(napi_env env, napi_value object,
                                         napi_value key, napi_value* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, key);
  NAPI_CHECK_ARG(env, result);
  Local<Context> context = env->context();
  Local<Object> obj;
  NAPI_CALL_STATUS(ToObject(env, context, object, &obj));
  Local<Value> value;
  bool ok = obj->Get(context, ToV8(key)).ToLocal(&value);
  NAPI_RETURN_IF_FALSE_WITH_PREAMBLE(env, ok, napi_generic_failure);
  *result = ToNapi(value);
  NAPI_RETURN_STATUS(env);
}

napi_status NAPI_CDECL napi_delete_property(napi_env env, napi_value object,
                                            napi_value key, bool* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, key);
  Local<Context> context = env->context();
  Local<Object> obj;
  NAPI_CALL_STATUS(ToObject(env, context, object, &obj));
  v8::Maybe<bool> deleted = obj->Delete(context, ToV8(key));
  NAPI_RETURN_IF_FALSE_WITH_PREAMBLE(env, deleted.IsJust(),
                                     napi_generic_failure);
  if (result != nullptr) *result = deleted.FromJust();
  NAPI_RETURN_STATUS(env);
}

napi_status NAPI_CDECL napi_has_own_property(napi_env env, napi_value object,
                                             napi_value key, bool* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, key);
  NAPI_CHECK_ARG(env, result);
  Local<Context> context = env->context();
  Local<Object> obj;
  NAPI_CALL_STATUS(ToObject(env, context, object, &obj));
  Local<Value> k = ToV8(key);
  NAPI_RETURN_IF_FALSE(env, k->IsName(), napi_name_expected);
  v8::Maybe<bool> has = obj->HasOwnProperty(context, k.As<Name>());
  NAPI_RETURN_IF_FALSE_WITH_PREAMBLE(env, has.IsJust(), napi_generic_failure);
  *result = has.FromJust();
  NAPI_RETURN_STATUS(env);
}

napi_status NAPI_CDECL napi_set_named_property(napi_env env, napi_value object,
                                               const char* utf8name,
                                               napi_value value) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, value);
  Local<Context> context = env->context();
  Local<Object> obj;
  NAPI_CALL_STATUS(ToObject(env, context, object, &obj));
  Local<String> key;
  size_t store;
  NAPI_CALL_STATUS(lode::napi::NamedKey(env, utf8name, &key, &store));
  // The store fails only with an exception caught: only then is the
  // TryCatch asked.
  if (lode::napi::SetProperty(env, context, obj, key, ToV8(value), try_catch,
                              store))
      [[likely]] {
    try_catch.MarkClean();
    return ClearLastError(env);
  }
  return SetLastError(env, try_catch.HasCaught() ? napi_pending_exception
                                                 : napi_generic_failure);
}

napi_status NAPI_CDECL napi_has_named_property(napi_env env, napi_value object,
                                               const char* utf8name,
                                               bool* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, result);
  Local<Context> context = env->context();
  Local<Object> obj;
  NAPI_CALL_STATUS(ToObject(env, context, object, &obj));
  Local<String> key;
  NAPI_CALL_STATUS(lode::napi::NamedKey(env, utf8name, &key));
  v8::Maybe<bool> has = obj->Has(context, key);
  NAPI_RETURN_IF_FALSE_WITH_PREAMBLE(env, has.IsJust(), napi_generic_failure);
  *result = has.FromJust();
  NAPI_RETURN_STATUS(env);
}

napi_status NAPI_CDECL napi_get_named_property(napi_env env, napi_value object,
                                               const char* utf8name,
                                               napi_value* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, result);
  Local<Context> context = env->context();
  Local<String> key;
  NAPI_CALL_STATUS(lode::napi::NamedKey(env, utf8name, &key));
  Local<Object> obj;
  NAPI_CALL_STATUS(ToObject(env, context, object, &obj));
  Local<Value> value;
  bool ok = obj->Get(context, key).ToLocal(&value);
  NAPI_RETURN_IF_FALSE_WITH_PREAMBLE(env, ok, napi_generic_failure);
  *result = ToNapi(value);
  NAPI_RETURN_STATUS(env);
}

napi_status NAPI_CDECL napi_set_element(napi_env env, napi_value object,
                                        uint32_t index, napi_value value) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, value);
  Local<Context> context = env->context();
  Local<Object> obj;
  NAPI_CALL_STATUS(ToObject(env, context, object, &obj));
  bool ok = obj->Set(context, index, ToV8(value)).FromMaybe(false);
  NAPI_RETURN_IF_FALSE_WITH_PREAMBLE(env, ok, napi_generic_failure);
  NAPI_RETURN_STATUS(env);
}

napi_status NAPI_CDECL napi_has_element(napi_env env, napi_value object,
                                        uint32_t index, bool* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, result);
  Local<Context> context = env->context();
  Local<Object> obj;
  NAPI_CALL_STATUS(ToObject(env, context, object, &obj));
  v8::Maybe<bool> has = obj->Has(context, index);
  NAPI_RETURN_IF_FALSE_WITH_PREAMBLE(env, has.IsJust(), napi_generic_failure);
  *result = has.FromJust();
  NAPI_RETURN_STATUS(env);
}

napi_status NAPI_CDECL napi_get_element(napi_env env, napi_value object,
                                        uint32_t index, napi_value* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, result);
  Local<Context> context = env->context();
  Local<Object> obj;
  NAPI_CALL_STATUS(ToObject(env, context, object, &obj));
  Local<Value> value;
  bool ok = obj->Get(context, index).ToLocal(&value);
  NAPI_RETURN_IF_FALSE_WITH_PREAMBLE(env, ok, napi_generic_failure);
  *result = ToNapi(value);
  NAPI_RETURN_STATUS(env);
}

napi_status NAPI_CDECL napi_delete_element(napi_env env, napi_value object,
                                           uint32_t index, bool* result) {
  NAPI_PREAMBLE(env);
  Local<Context> context = env->context();
  Local<Object> obj;
  NAPI_CALL_STATUS(ToObject(env, context, object, &obj));
  v8::Maybe<bool> deleted = obj->Delete(context, index);
  NAPI_RETURN_IF_FALSE_WITH_PREAMBLE(env, deleted.IsJust(),
                                     napi_generic_failure);
  if (result != nullptr) *result = deleted.FromJust();
  NAPI_RETURN_STATUS(env);
}

napi_status NAPI_CDECL
napi_define_properties(napi_env env, napi_value object, size_t property_count,
                       const napi_property_descriptor* properties) {
  NAPI_PREAMBLE(env);
  if (property_count > 0) NAPI_CHECK_ARG(env, properties);
  Local<Object> obj;
  NAPI_CALL_STATUS(ToObject(env, env->context(), object, &obj));
  NAPI_CALL_STATUS(lode::napi::DefineProperties(env, obj, property_count,
                                                properties, try_catch));
  NAPI_RETURN_STATUS(env);
}

napi_status NAPI_CDECL napi_define_class(
    napi_env env, const char* utf8name, size_t length,
    napi_callback constructor, void* callback_data, size_t property_count,
    const napi_property_descriptor* properties, napi_value* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, result);
  NAPI_CHECK_ARG(env, constructor);
  if (property_count > 0) NAPI_CHECK_ARG(env, properties);
  v8::Isolate* isolate = env->isolate;
  v8::EscapableHandleScope scope(isolate);
  Local<v8::FunctionTemplate> tpl;
  NAPI_CALL_STATUS(
      lode::napi::NewFunctionTemplate(env, constructor, callback_data, &tpl));
  Local<String> class_name;
  NAPI_CALL_STATUS(
      lode::napi::NewInternalizedUtf8(env, utf8name, length, &class_name));
  tpl->SetClassName(class_name);

  std::vector<napi_property_descriptor> statics;
  // Prototype values that are objects: templates only take primitives, so
  // these go on the prototype object once the class exists.
  std::vector<std::pair<Local<Name>, size_t>> object_values;
  for (size_t i = 0; i < property_count; i++) {
    const napi_property_descriptor* p = &properties[i];
    if ((p->attributes & napi_static) != 0) {
      statics.push_back(*p);
      continue;
    }
    Local<Name> name;
    NAPI_CALL_STATUS(lode::napi::DescriptorName(env, p, &name));
    v8::PropertyAttribute attributes = lode::napi::TemplateAttributes(p);
    if (p->getter != nullptr || p->setter != nullptr) {
      Local<v8::FunctionTemplate> getter;
      Local<v8::FunctionTemplate> setter;
      if (p->getter != nullptr) {
        NAPI_CALL_STATUS(
            lode::napi::NewFunctionTemplate(env, p->getter, p->data, &getter));
      }
      if (p->setter != nullptr) {
        NAPI_CALL_STATUS(
            lode::napi::NewFunctionTemplate(env, p->setter, p->data, &setter));
      }
      tpl->PrototypeTemplate()->SetAccessorProperty(name, getter, setter,
                                                    attributes);
    } else if (p->method != nullptr) {
      Local<v8::FunctionTemplate> method;
      NAPI_CALL_STATUS(lode::napi::NewFunctionTemplate(
          env, p->method, p->data, &method, v8::Signature::New(isolate, tpl)));
      tpl->PrototypeTemplate()->Set(name, method, attributes);
    } else {
      NAPI_RETURN_IF_FALSE(env, p->value != nullptr, napi_invalid_arg);
      Local<Value> value = ToV8(p->value);
      if (value->IsObject()) {
        object_values.emplace_back(name, i);
      } else {
        tpl->PrototypeTemplate()->Set(name, value, attributes);
      }
    }
  }

  Local<Context> context = env->context();
  Local<v8::Function> cls;
  NAPI_RETURN_IF_FALSE_WITH_PREAMBLE(
      env, tpl->GetFunction(context).ToLocal(&cls), napi_generic_failure);
  if (!object_values.empty()) {
    Local<Value> proto;
    NAPI_RETURN_IF_FALSE_WITH_PREAMBLE(
        env,
        cls->Get(context, FIXED_ONE_BYTE_STRING(isolate, "prototype"))
                .ToLocal(&proto) &&
            proto->IsObject(),
        napi_generic_failure);
    for (auto& [name, index] : object_values) {
      const napi_property_descriptor* p = &properties[index];
      v8::PropertyDescriptor descriptor(ToV8(p->value),
                                        (p->attributes & napi_writable) != 0);
      descriptor.set_enumerable((p->attributes & napi_enumerable) != 0);
      descriptor.set_configurable((p->attributes & napi_configurable) != 0);
      bool ok = proto.As<Object>()
                    ->DefineProperty(context, name, descriptor)
                    .FromMaybe(false);
      NAPI_RETURN_IF_FALSE_WITH_PREAMBLE(env, ok, napi_generic_failure);
    }
  }
  *result = ToNapi(scope.Escape(cls));
  if (!statics.empty()) {
    NAPI_CALL_STATUS(lode::napi::DefineProperties(
        env, ToV8(*result).As<Object>(), statics.size(), statics.data(),
        try_catch));
  }
  NAPI_RETURN_STATUS(env);
}

napi_status NAPI_CDECL napi_object_freeze(napi_env env, napi_value object) {
  NAPI_PREAMBLE(env);
  Local<Context> context = env->context();
  Local<Object> obj;
  NAPI_CALL_STATUS(ToObject(env, context, object, &obj));
  bool ok = obj->SetIntegrityLevel(context, v8::IntegrityLevel::kFrozen)
                .FromMaybe(false);
  NAPI_RETURN_IF_FALSE_WITH_PREAMBLE(env, ok, napi_generic_failure);
  NAPI_RETURN_STATUS(env);
}

napi_status NAPI_CDECL napi_object_seal(napi_env env, napi_value object) {
  NAPI_PREAMBLE(env);
  Local<Context> context = env->context();
  Local<Object> obj;
  NAPI_CALL_STATUS(ToObject(env, context, object, &obj));
  bool ok = obj->SetIntegrityLevel(context, v8::IntegrityLevel::kSealed)
                .FromMaybe(false);
  NAPI_RETURN_IF_FALSE_WITH_PREAMBLE(env, ok, napi_generic_failure);
  NAPI_RETURN_STATUS(env);
}

napi_status NAPI_CDECL napi_type_tag_object(napi_env env,
                                            napi_value object_or_external,
                                            const napi_type_tag* type_tag) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, object_or_external);
  Local<Value> value = ToV8(object_or_external);
  Local<Context> context = env->context();
  if (value->IsExternal()) {
    NAPI_CHECK_ARG(env, type_tag);
    bool ok = lode::napi::CheckExternalTypeTag(value, type_tag, true, nullptr);
    NAPI_RETURN_IF_FALSE_WITH_PREAMBLE(env, ok, napi_invalid_arg);
    NAPI_RETURN_STATUS(env);
  }
  Local<Object> obj;
  NAPI_RETURN_IF_FALSE_WITH_PREAMBLE(
      env, value->ToObject(context).ToLocal(&obj), napi_object_expected);
  NAPI_RETURN_IF_FALSE_WITH_PREAMBLE(env, type_tag != nullptr,
                                     napi_invalid_arg);
  v8::Local<v8::Private> key = lode::napi::TypeTagKey(env->isolate);
  v8::Maybe<bool> has = obj->HasPrivate(context, key);
  NAPI_RETURN_IF_FALSE_WITH_PREAMBLE(env, has.IsJust(), napi_generic_failure);
  NAPI_RETURN_IF_FALSE_WITH_PREAMBLE(env, !has.FromJust(), napi_invalid_arg);
  Local<v8::BigInt> tag;
  NAPI_RETURN_IF_FALSE_WITH_PREAMBLE(
      env,
      v8::BigInt::NewFromWords(context, 0, 2,
                               reinterpret_cast<const uint64_t*>(type_tag))
          .ToLocal(&tag),
      napi_generic_failure);
  NAPI_RETURN_IF_FALSE_WITH_PREAMBLE(
      env, obj->SetPrivate(context, key, tag).FromMaybe(false),
      napi_generic_failure);
  NAPI_RETURN_STATUS(env);
}

napi_status NAPI_CDECL napi_check_object_type_tag(napi_env env,
                                                  napi_value object_or_external,
                                                  const napi_type_tag* type_tag,
                                                  bool* result) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, object_or_external);
  Local<Value> value = ToV8(object_or_external);
  Local<Context> context = env->context();
  if (value->IsExternal()) {
    NAPI_CHECK_ARG(env, type_tag);
    NAPI_CHECK_ARG(env, result);
    lode::napi::CheckExternalTypeTag(value, type_tag, false, result);
    NAPI_RETURN_STATUS(env);
  }
  Local<Object> obj;
  NAPI_RETURN_IF_FALSE_WITH_PREAMBLE(
      env, value->ToObject(context).ToLocal(&obj), napi_object_expected);
  NAPI_RETURN_IF_FALSE_WITH_PREAMBLE(env, type_tag != nullptr,
                                     napi_invalid_arg);
  NAPI_RETURN_IF_FALSE_WITH_PREAMBLE(env, result != nullptr, napi_invalid_arg);
  Local<Value> tag;
  NAPI_RETURN_IF_FALSE_WITH_PREAMBLE(
      env,
      obj->GetPrivate(context, lode::napi::TypeTagKey(env->isolate))
          .ToLocal(&tag),
      napi_generic_failure);
  *result = false;
  if (tag->IsBigInt()) {
    int sign = 0;
    int count = 2;
    uint64_t words[2] = {0, 0};
    tag.As<v8::BigInt>()->ToWordsArray(&sign, &count, words);
    // Fewer words mean the high ones are zero.
    if (sign == 0) {
      *result = words[0] == type_tag->lower &&
                (count < 2 ? 0 : words[1]) == type_tag->upper &&
                (count > 0 || type_tag->lower == 0);
    }
  }
  NAPI_RETURN_STATUS(env);
}

}  // extern "C"
