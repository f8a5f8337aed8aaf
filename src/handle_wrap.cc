#include "handle_wrap.h"

#include "lode_binding.h"

namespace lode {

using v8::Context;
using v8::FunctionCallbackInfo;
using v8::HandleScope;
using v8::Isolate;
using v8::Local;
using v8::Object;
using v8::Value;

const WrapType HandleWrap::kType = {"HandleWrap", nullptr};

HandleWrap::HandleWrap(Environment* env, Local<Object> object,
                       uv_handle_t* handle, const WrapType* type)
    : env_(env), handle_(handle) {
  object_.Reset(env->isolate(), object);
  SetWrapped(object, this, type);
  handle_->data = this;
  env->handle_wrap_queue().push_back(this);
  // At teardown every handle still open is closed.
}

HandleWrap::~HandleWrap() { env_->handle_wrap_queue().remove(this); }

const char* HandleWrap::resource_name() const {
  if (resource_name_ != nullptr) return resource_name_;
  switch (handle_->type) {
    case UV_TCP: return "TCPSocketWrap";
    case UV_NAMED_PIPE: return "PipeWrap";
    case UV_TTY: return "TTYWrap";
    case UV_UDP: return "UDPWrap";
    case UV_SIGNAL: return "SignalWrap";
    case UV_PROCESS: return "ProcessWrap";
    case UV_FS_EVENT: return "FSEventWrap";
    case UV_FS_POLL: return "StatWatcher";
    case UV_TIMER: return "Timer";
    default: return "HandleWrap";
  }
}

void HandleWrap::Close(Local<Value> callback) {
  if (state_ != kInitialized) return;
  state_ = kClosing;
  // Kept on the C++ side: a property on the object would run (or be taken
  // by) setters a program put on Object.prototype.
  if (!callback.IsEmpty() && callback->IsFunction()) {
    close_callback_.Reset(env_->isolate(), callback.As<v8::Function>());
  }
  uv_close(handle_, OnClose);
}

void HandleWrap::OnClose(uv_handle_t* handle) {
  HandleWrap* wrap = static_cast<HandleWrap*>(handle->data);
  Environment* env = wrap->env_;
  wrap->state_ = kClosed;
  if (env->can_call_into_js()) {
    Isolate* isolate = env->isolate();
    HandleScope scope(isolate);
    Context::Scope context_scope(env->context());
    Local<Object> obj = wrap->object();
    ClearWrapped(obj);
    if (!wrap->close_callback_.IsEmpty()) {
      Local<v8::Function> cb = wrap->close_callback_.Get(isolate);
      wrap->close_callback_.Reset();
      MakeCallback(env, obj, cb, 0, nullptr);
    }
  }
  delete wrap;
}

void HandleWrap::Ref(const FunctionCallbackInfo<Value>& args) {
  HandleWrap* wrap = Unwrap<HandleWrap>(args.This());
  if (wrap != nullptr && wrap->state_ == kInitialized) uv_ref(wrap->handle_);
}

void HandleWrap::Unref(const FunctionCallbackInfo<Value>& args) {
  HandleWrap* wrap = Unwrap<HandleWrap>(args.This());
  if (wrap != nullptr && wrap->state_ == kInitialized) uv_unref(wrap->handle_);
}

void HandleWrap::HasRef(const FunctionCallbackInfo<Value>& args) {
  HandleWrap* wrap = Unwrap<HandleWrap>(args.This());
  args.GetReturnValue().Set(wrap != nullptr && wrap->IsRefed());
}

void HandleWrap::CloseJS(const FunctionCallbackInfo<Value>& args) {
  HandleWrap* wrap = Unwrap<HandleWrap>(args.This());
  if (wrap != nullptr) wrap->Close(args[0]);
}

void HandleWrap::AddPrototypeMethods(Isolate* isolate,
                                     Local<v8::FunctionTemplate> t) {
  SetProtoMethod(isolate, t, "ref", Ref);
  SetProtoMethod(isolate, t, "unref", Unref);
  SetProtoMethod(isolate, t, "hasRef", HasRef);
  SetProtoMethod(isolate, t, "close", CloseJS);
}

void HandleWrap::RegisterExternalReferences(ExternalReferenceRegistry* r) {
  r->Register(Ref);
  r->Register(Unref);
  r->Register(HasRef);
  r->Register(CloseJS);
}

}  // namespace lode
