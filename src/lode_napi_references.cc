// Node-API: references, napi_wrap and friends, externals, finalizers on
// objects, and handle scopes.
#include "lode_napi.h"

namespace lode::napi {

using v8::External;
using v8::Global;
using v8::Isolate;
using v8::Local;
using v8::Object;
using v8::Private;
using v8::Value;
using v8::WeakCallbackInfo;
using v8::WeakCallbackType;

namespace {

// Objects and (non-registered) symbols can be held weakly; anything else
// is gone as soon as its refcount drops to 0.
bool CanBeHeldWeakly(Local<Value> value) {
  return value->IsObject() || value->IsSymbol();
}

}  // namespace

Local<Private> WrapperKey(Isolate* isolate) {
  return Private::ForApi(isolate,
                         FIXED_ONE_BYTE_STRING(isolate, "lode:napi:wrapper"));
}

Local<Private> TypeTagKey(Isolate* isolate) {
  return Private::ForApi(isolate,
                         FIXED_ONE_BYTE_STRING(isolate, "lode:napi:type_tag"));
}

Reference::Reference(napi_env env, Local<Value> value, uint32_t refcount,
                     Ownership ownership, FinalizerCall call)
    : env_(env),
      value_(env->isolate, value),
      refcount_(refcount),
      ownership_(ownership),
      can_be_weak_(CanBeHeldWeakly(value)),
      has_finalizer_(call.callback != nullptr),
      call_(call) {
  if (refcount_ == 0) MakeWeak();
}

Reference* Reference::New(napi_env env, Local<Value> value,
                          uint32_t initial_refcount, Ownership ownership,
                          napi_finalize cb, void* data, void* hint) {
  Reference* ref = new Reference(env, value, initial_refcount, ownership,
                                 FinalizerCall{cb, data, hint});
  ref->Link(cb != nullptr ? &env->finalizing_reflist : &env->reflist);
  return ref;
}

Reference::~Reference() {
  value_.Reset();
  Unlink();
  if (env_ != nullptr && has_finalizer_) env_->DequeueFinalizer(this);
}

uint32_t Reference::Ref() {
  // Collected (or its finalizer is queued): stays at 0.
  if (value_.IsEmpty()) return 0;
  if (++refcount_ == 1 && can_be_weak_) value_.ClearWeak();
  return refcount_;
}

uint32_t Reference::Unref() {
  if (value_.IsEmpty() || refcount_ == 0) return 0;
  if (--refcount_ == 0) MakeWeak();
  return refcount_;
}

Local<Value> Reference::Get(Isolate* isolate) {
  if (value_.IsEmpty()) return Local<Value>();
  return value_.Get(isolate);
}

void Reference::MakeWeak() {
  if (can_be_weak_) {
    value_.SetWeak(this, OnCollected, WeakCallbackType::kParameter);
  } else {
    value_.Reset();
  }
}

void Reference::OnCollected(const WeakCallbackInfo<Reference>& info) {
  Reference* ref = info.GetParameter();
  // V8 wants the handle reset inside the callback.
  ref->value_.Reset();
  if (ref->has_finalizer_) {
    ref->env_->InvokeFinalizerFromGC(ref);
  } else {
    ref->Finalize();
  }
}

void Reference::Finalize() {
  value_.Reset();
  bool delete_me = ownership_ == Ownership::kRuntime;
  Unlink();
  napi_env env = env_;
  FinalizerCall call = call_;
  call_ = FinalizerCall();
  // After teardown the env may go before the addon deletes this.
  if (env->torn_down) env_ = nullptr;
  // The finalizer may delete this (a userland reference) itself.
  if (call.callback != nullptr) {
    env->CallFinalizer(call.callback, call.data, call.hint);
  }
  if (delete_me) delete this;
}

namespace {

// What a napi_create_external value points to: the addon's pointer and a
// type tag (an External cannot carry private properties).
struct ExternalData {
  void* data;
  napi_type_tag tag{0, 0};
  bool tagged = false;
  Global<Value> handle;

  static void OnCollected(const WeakCallbackInfo<ExternalData>& info) {
    ExternalData* self = info.GetParameter();
    self->handle.Reset();
    delete self;
  }
};

// napi_handle_scope and napi_escapable_handle_scope: V8 scopes cannot be
// allocated by themselves, but as members they can.
struct HandleScopeBox {
  explicit HandleScopeBox(Isolate* isolate) : scope(isolate) {}
  v8::HandleScope scope;
};

struct EscapableHandleScopeBox {
  explicit EscapableHandleScopeBox(Isolate* isolate) : scope(isolate) {}
  v8::EscapableHandleScope scope;
  bool escaped = false;
};

enum class UnwrapMode { kKeep, kRemove };

napi_status Unwrap(napi_env env, napi_value js_object, void** result,
                   UnwrapMode mode) {
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, js_object);
  if (mode == UnwrapMode::kKeep) NAPI_CHECK_ARG(env, result);
  Local<Value> value = ToV8(js_object);
  NAPI_RETURN_IF_FALSE(env, value->IsObject(), napi_invalid_arg);
  Local<Object> obj = value.As<Object>();
  Local<v8::Context> context = env->context();
  Local<Value> wrapped;
  if (!obj->GetPrivate(context, WrapperKey(env->isolate)).ToLocal(&wrapped)) {
    return SetLastError(env, napi_pending_exception);
  }
  NAPI_RETURN_IF_FALSE(env, wrapped->IsExternal(), napi_invalid_arg);
  Reference* ref = static_cast<Reference*>(wrapped.As<External>()->Value());
  if (result != nullptr) *result = ref->data();
  if (mode == UnwrapMode::kRemove) {
    (void)obj->DeletePrivate(context, WrapperKey(env->isolate));
    if (ref->ownership() == Reference::Ownership::kUserland) {
      ref->ResetFinalizer();
    } else {
      delete ref;
    }
  }
  NAPI_RETURN_STATUS(env);
}

}  // namespace

bool CheckExternalTypeTag(Local<Value> value, const napi_type_tag* tag,
                          bool set, bool* result) {
  ExternalData* data =
      static_cast<ExternalData*>(value.As<External>()->Value());
  if (set) {
    if (data->tagged) return false;
    data->tag = *tag;
    data->tagged = true;
    return true;
  }
  *result = data->tagged && data->tag.lower == tag->lower &&
            data->tag.upper == tag->upper;
  return true;
}

}  // namespace lode::napi

using lode::napi::ClearLastError;
using lode::napi::ExternalData;
using lode::napi::Reference;
using lode::napi::SetLastError;
using lode::napi::ToNapi;
using lode::napi::ToV8;
using lode::napi::Unconst;
using v8::Local;
using v8::Value;

extern "C" {

napi_status NAPI_CDECL napi_create_reference(napi_env env, napi_value value,
                                             uint32_t initial_refcount,
                                             napi_ref* result) {
  NAPI_CHECK_ENV_NOT_IN_GC(env);
  NAPI_CHECK_ARG(env, value);
  NAPI_CHECK_ARG(env, result);
  Local<Value> v8_value = ToV8(value);
  // Before level 10 only objects, functions and symbols qualify.
  if (env->module_api_version < 10) {
    NAPI_RETURN_IF_FALSE(env, v8_value->IsObject() || v8_value->IsSymbol(),
                         napi_invalid_arg);
  }
  Reference* ref = Reference::New(env, v8_value, initial_refcount,
                                  Reference::Ownership::kUserland);
  *result = reinterpret_cast<napi_ref>(ref);
  return ClearLastError(env);
}

napi_status NAPI_CDECL napi_delete_reference(node_api_basic_env basic_env,
                                             napi_ref ref) {
  napi_env env = Unconst(basic_env);
  NAPI_CHECK_ENV(env);
  NAPI_CHECK_ARG(env, ref);
  delete reinterpret_cast<Reference*>(ref);
  return ClearLastError(env);
}

napi_status NAPI_CDECL napi_reference_ref(napi_env env, napi_ref ref,
                                          uint32_t* result) {
  NAPI_CHECK_ENV_NOT_IN_GC(env);
  NAPI_CHECK_ARG(env, ref);
  uint32_t count = reinterpret_cast<Reference*>(ref)->Ref();
  if (result != nullptr) *result = count;
  return ClearLastError(env);
}

napi_status NAPI_CDECL napi_reference_unref(napi_env env, napi_ref ref,
                                            uint32_t* result) {
  NAPI_CHECK_ENV_NOT_IN_GC(env);
  NAPI_CHECK_ARG(env, ref);
  Reference* reference = reinterpret_cast<Reference*>(ref);
  NAPI_RETURN_IF_FALSE(env, reference->refcount() > 0, napi_generic_failure);
  uint32_t count = reference->Unref();
  if (result != nullptr) *result = count;
  return ClearLastError(env);
}

napi_status NAPI_CDECL napi_get_reference_value(napi_env env, napi_ref ref,
                                                napi_value* result) {
  NAPI_CHECK_ENV_NOT_IN_GC(env);
  NAPI_CHECK_ARG(env, ref);
  NAPI_CHECK_ARG(env, result);
  Local<Value> value = reinterpret_cast<Reference*>(ref)->Get(env->isolate);
  *result = value.IsEmpty() ? nullptr : ToNapi(value);
  return ClearLastError(env);
}

napi_status NAPI_CDECL napi_wrap(napi_env env, napi_value js_object,
                                 void* native_object,
                                 node_api_basic_finalize basic_finalize_cb,
                                 void* finalize_hint, napi_ref* result) {
  napi_finalize finalize_cb =
      reinterpret_cast<napi_finalize>(basic_finalize_cb);
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, js_object);
  Local<Value> value = ToV8(js_object);
  NAPI_RETURN_IF_FALSE(env, value->IsObject(), napi_invalid_arg);
  v8::Local<v8::Object> obj = value.As<v8::Object>();
  v8::Local<v8::Context> context = env->context();
  v8::Local<v8::Private> key = lode::napi::WrapperKey(env->isolate);
  // An object is wrapped once.
  NAPI_RETURN_IF_FALSE(env, !obj->HasPrivate(context, key).FromMaybe(true),
                       napi_invalid_arg);
  Reference* ref;
  if (result != nullptr) {
    // The addon gets the reference; it must delete it from the finalizer,
    // so a finalizer is required.
    NAPI_CHECK_ARG(env, finalize_cb);
    ref = Reference::New(env, obj, 0, Reference::Ownership::kUserland,
                         finalize_cb, native_object, finalize_hint);
    *result = reinterpret_cast<napi_ref>(ref);
  } else {
    ref = Reference::New(env, obj, 0, Reference::Ownership::kRuntime,
                         finalize_cb, native_object, finalize_hint);
  }
  if (!obj->SetPrivate(context, key, v8::External::New(env->isolate, ref))
           .FromMaybe(false)) {
    return SetLastError(env, try_catch.HasCaught() ? napi_pending_exception
                                                   : napi_generic_failure);
  }
  NAPI_RETURN_STATUS(env);
}

napi_status NAPI_CDECL napi_unwrap(napi_env env, napi_value obj,
                                   void** result) {
  return lode::napi::Unwrap(env, obj, result, lode::napi::UnwrapMode::kKeep);
}

napi_status NAPI_CDECL napi_remove_wrap(napi_env env, napi_value obj,
                                        void** result) {
  return lode::napi::Unwrap(env, obj, result, lode::napi::UnwrapMode::kRemove);
}

napi_status NAPI_CDECL napi_create_external(
    napi_env env, void* data, node_api_basic_finalize basic_finalize_cb,
    void* finalize_hint, napi_value* result) {
  napi_finalize finalize_cb =
      reinterpret_cast<napi_finalize>(basic_finalize_cb);
  NAPI_PREAMBLE(env);
  NAPI_CHECK_ARG(env, result);
  ExternalData* external_data = new ExternalData{data};
  Local<v8::External> external = v8::External::New(env->isolate, external_data);
  external_data->handle.Reset(env->isolate, external);
  external_data->handle.SetWeak(external_data, ExternalData::OnCollected,
                                v8::WeakCallbackType::kParameter);
  if (finalize_cb != nullptr) {
    // Deletes itself once the finalizer ran.
    Reference::New(env, external, 0, Reference::Ownership::kRuntime,
                   finalize_cb, data, finalize_hint);
  }
  *result = ToNapi(external);
  return ClearLastError(env);
}

napi_status NAPI_CDECL napi_get_value_external(napi_env env, napi_value value,
                                               void** result) {
  NAPI_CHECK_ENV_NOT_IN_GC(env);
  NAPI_CHECK_ARG(env, value);
  NAPI_CHECK_ARG(env, result);
  Local<Value> v8_value = ToV8(value);
  NAPI_RETURN_IF_FALSE(env, v8_value->IsExternal(), napi_invalid_arg);
  *result =
      static_cast<ExternalData*>(v8_value.As<v8::External>()->Value())->data;
  return ClearLastError(env);
}

napi_status NAPI_CDECL
napi_add_finalizer(napi_env env, napi_value js_object, void* finalize_data,
                   node_api_basic_finalize basic_finalize_cb,
                   void* finalize_hint, napi_ref* result) {
  napi_finalize finalize_cb =
      reinterpret_cast<napi_finalize>(basic_finalize_cb);
  NAPI_CHECK_ENV_NOT_IN_GC(env);
  NAPI_CHECK_ARG(env, js_object);
  NAPI_CHECK_ARG(env, finalize_cb);
  Local<Value> value = ToV8(js_object);
  NAPI_RETURN_IF_FALSE(env, value->IsObject(), napi_invalid_arg);
  Reference* ref =
      Reference::New(env, value, 0,
                     result == nullptr ? Reference::Ownership::kRuntime
                                       : Reference::Ownership::kUserland,
                     finalize_cb, finalize_data, finalize_hint);
  if (result != nullptr) *result = reinterpret_cast<napi_ref>(ref);
  return ClearLastError(env);
}

napi_status NAPI_CDECL napi_open_handle_scope(napi_env env,
                                              napi_handle_scope* result) {
  NAPI_CHECK_ENV_NOT_IN_GC(env);
  NAPI_CHECK_ARG(env, result);
  *result = reinterpret_cast<napi_handle_scope>(
      new lode::napi::HandleScopeBox(env->isolate));
  env->open_handle_scopes++;
  return ClearLastError(env);
}

napi_status NAPI_CDECL napi_close_handle_scope(napi_env env,
                                               napi_handle_scope scope) {
  NAPI_CHECK_ENV_NOT_IN_GC(env);
  NAPI_CHECK_ARG(env, scope);
  if (env->open_handle_scopes == 0) return napi_handle_scope_mismatch;
  env->open_handle_scopes--;
  delete reinterpret_cast<lode::napi::HandleScopeBox*>(scope);
  return ClearLastError(env);
}

napi_status NAPI_CDECL napi_open_escapable_handle_scope(
    napi_env env, napi_escapable_handle_scope* result) {
  NAPI_CHECK_ENV_NOT_IN_GC(env);
  NAPI_CHECK_ARG(env, result);
  *result = reinterpret_cast<napi_escapable_handle_scope>(
      new lode::napi::EscapableHandleScopeBox(env->isolate));
  env->open_handle_scopes++;
  return ClearLastError(env);
}

napi_status NAPI_CDECL napi_close_escapable_handle_scope(
    napi_env env, napi_escapable_handle_scope scope) {
  NAPI_CHECK_ENV_NOT_IN_GC(env);
  NAPI_CHECK_ARG(env, scope);
  if (env->open_handle_scopes == 0) return napi_handle_scope_mismatch;
  delete reinterpret_cast<lode::napi::EscapableHandleScopeBox*>(scope);
  env->open_handle_scopes--;
  return ClearLastError(env);
}

napi_status NAPI_CDECL napi_escape_handle(napi_env env,
                                          napi_escapable_handle_scope scope,
                                          napi_value escapee,
                                          napi_value* result) {
  NAPI_CHECK_ENV_NOT_IN_GC(env);
  NAPI_CHECK_ARG(env, scope);
  NAPI_CHECK_ARG(env, escapee);
  NAPI_CHECK_ARG(env, result);
  auto* box = reinterpret_cast<lode::napi::EscapableHandleScopeBox*>(scope);
  NAPI_RETURN_IF_FALSE(env, !box->escaped, napi_escape_called_twice);
  box->escaped = true;
  *result = ToNapi(box->scope.Escape(ToV8(escapee)));
  return ClearLastError(env);
}

}  // extern "C"
