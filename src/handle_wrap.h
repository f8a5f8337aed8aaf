// A JS object that owns one libuv handle. The JS object stays alive (strong
// reference) while the handle is open; memory is freed only in the close
// callback, never earlier.
#ifndef SRC_HANDLE_WRAP_H_
#define SRC_HANDLE_WRAP_H_

#include "env.h"
#include "util.h"
#include "uv.h"
#include "v8.h"

namespace lode {

class HandleWrap {
 public:
  enum State { kInitialized, kClosing, kClosed };

  // The kinds of handle, for GetWrapped (see util.h).
  static const WrapType kType;

  HandleWrap(Environment* env, v8::Local<v8::Object> object,
             uv_handle_t* handle, const WrapType* type = &kType);
  virtual ~HandleWrap();

  Environment* env() const { return env_; }
  v8::Local<v8::Object> object() const { return object_.Get(env_->isolate()); }
  uv_handle_t* handle() const { return handle_; }
  State state() const { return state_; }

  // What process.getActiveResourcesInfo() calls this handle, as Node does
  // ('TCPSocketWrap', 'PipeWrap', 'TTYWrap', ...): by default from the libuv
  // handle type; a subclass sets its own where the type is not enough.
  const char* resource_name() const;
  void set_resource_name(const char* name) { resource_name_ = name; }
  // The child's process id when this handle stands for a child process
  // (ProcessWrap's handle may be a poll on a pidfd), else 0: what the
  // diagnostic report shows it as.
  virtual int child_pid() const { return 0; }
  // Whether the handle keeps the loop alive (what hasRef() returns).
  bool IsRefed() const {
    return state_ != kClosed && uv_has_ref(handle_) != 0;
  }

  // The C++ object of a receiver (`args.This()`, whose kind V8's signature
  // has checked). For objects passed as arguments use GetWrapped.
  template <typename T>
  static T* Unwrap(v8::Local<v8::Object> object) {
    return static_cast<T*>(
        static_cast<HandleWrap*>(GetWrapped(object, &kType)));
  }

  // The prototype methods every handle has: ref, unref, hasRef, close.
  static void AddPrototypeMethods(v8::Isolate* isolate,
                                  v8::Local<v8::FunctionTemplate> t);
  static void RegisterExternalReferences(class ExternalReferenceRegistry* r);
  void Close(v8::Local<v8::Value> callback = v8::Local<v8::Value>());

 private:
  static void Ref(const v8::FunctionCallbackInfo<v8::Value>& args);
  static void Unref(const v8::FunctionCallbackInfo<v8::Value>& args);
  static void HasRef(const v8::FunctionCallbackInfo<v8::Value>& args);
  static void CloseJS(const v8::FunctionCallbackInfo<v8::Value>& args);
  static void OnClose(uv_handle_t* handle);

  Environment* env_;
  v8::Global<v8::Object> object_;
  v8::Global<v8::Function> close_callback_;
  uv_handle_t* handle_;
  State state_ = kInitialized;
  const char* resource_name_ = nullptr;
};

}  // namespace lode

#endif  // SRC_HANDLE_WRAP_H_
