// internalBinding('fs_event_wrap'): the two libuv watchers behind fs.watch
// and fs.watchFile.
//   FSEvent      a uv_fs_event_t (inotify on Linux): start(path, persistent,
//                recursive, encoding) returns 0 or a negative errno; each
//                event calls onchange(status, eventType, filename).
//   StatWatcher  a uv_fs_poll_t: start(path, interval) returns 0 or an
//                errno; each change calls onchange(status, stats), stats
//                holding the new then the previous 18 stat fields (a
//                Float64Array, or a BigInt64Array when constructed with
//                `new StatWatcher(true)`).
// File names come back as strings, or as raw bytes (a Uint8Array) when the
// encoding asked for is not UTF-8: JS decodes those itself.
#include <cstring>
#include <string>

#include "handle_wrap.h"
#include "lode_binding.h"
#include "lode_permission.h"
#include "util.h"

namespace lode::fs_event_wrap {

using v8::ArrayBuffer;
using v8::BigInt64Array;
using v8::Context;
using v8::Float64Array;
using v8::FunctionCallbackInfo;
using v8::FunctionTemplate;
using v8::HandleScope;
using v8::Integer;
using v8::Isolate;
using v8::Local;
using v8::Object;
using v8::String;
using v8::Uint8Array;
using v8::Value;

namespace {

constexpr size_t kStatFields = 18;

std::string PathArg(Isolate* isolate, Local<Value> v) {
  if (v->IsArrayBufferView()) {
    Local<v8::ArrayBufferView> view = v.As<v8::ArrayBufferView>();
    std::string out(view->ByteLength(), '\0');
    view->CopyContents(out.data(), out.size());
    return out;
  }
  return Utf8Value(isolate, v).ToString();
}

class FSEventWrap : public HandleWrap {
 public:
  FSEventWrap(Environment* env, Local<Object> object)
      : HandleWrap(env, object, reinterpret_cast<uv_handle_t*>(&handle_)) {
    CHECK_EQ(uv_fs_event_init(env->loop(), &handle_), 0);
  }

  static void New(const FunctionCallbackInfo<Value>& args) {
    CHECK(args.IsConstructCall());
    new FSEventWrap(Environment::GetCurrent(args), args.This());
  }

  // start(path, persistent, recursive, encoding)
  static void Start(const FunctionCallbackInfo<Value>& args) {
    FSEventWrap* wrap = Unwrap<FSEventWrap>(args.This());
    if (wrap == nullptr || wrap->state() != kInitialized) {
      args.GetReturnValue().Set(UV_EINVAL);
      return;
    }
    if (wrap->started_) {
      args.GetReturnValue().Set(0);
      return;
    }
    Isolate* isolate = args.GetIsolate();
    std::string path = PathArg(isolate, args[0]);
    if (!permission::Check(isolate, permission::Scope::kFileSystemRead,
                           path)) {
      return;
    }
    bool persistent = args[1]->IsTrue() || args[1]->IsUndefined();
    unsigned flags = args[2]->IsTrue() ? UV_FS_EVENT_RECURSIVE : 0;
    wrap->raw_ = false;
    if (args[3]->IsString()) {
      Utf8Value enc(isolate, args[3]);
      wrap->raw_ = enc.view() != "utf8" && enc.view() != "utf-8";
    }
    int err = uv_fs_event_start(&wrap->handle_, OnEvent, path.c_str(), flags);
    if (err == 0) {
      wrap->started_ = true;
      if (!persistent) uv_unref(wrap->handle());
    }
    args.GetReturnValue().Set(err);
  }

  static void Initialized(const FunctionCallbackInfo<Value>& args) {
    FSEventWrap* wrap = Unwrap<FSEventWrap>(args.This());
    args.GetReturnValue().Set(wrap != nullptr && wrap->started_);
  }

 private:
  static void OnEvent(uv_fs_event_t* handle, const char* filename, int events,
                      int status) {
    FSEventWrap* wrap = static_cast<FSEventWrap*>(handle->data);
    Environment* env = wrap->env();
    if (!env->can_call_into_js() || wrap->state() != kInitialized) return;
    Isolate* isolate = env->isolate();
    HandleScope scope(isolate);
    Context::Scope context_scope(env->context());
    const char* type = "";
    if (status == 0) type = (events & UV_RENAME) ? "rename" : "change";
    Local<Value> argv[3] = {
        Integer::New(isolate, status),
        String::NewFromUtf8(isolate, type).ToLocalChecked(),
        v8::Null(isolate)};
    if (filename != nullptr) {
      size_t len = strlen(filename);
      if (wrap->raw_) {
        Local<ArrayBuffer> ab = ArrayBuffer::New(isolate, len);
        if (len > 0) memcpy(ab->Data(), filename, len);
        argv[2] = Uint8Array::New(ab, 0, len);
      } else {
        Local<String> name;
        if (String::NewFromUtf8(isolate, filename, v8::NewStringType::kNormal,
                                static_cast<int>(len)).ToLocal(&name)) {
          argv[2] = name;
        }
      }
    }
    MakeCallback(env, wrap->object(), "onchange", 3, argv);
  }

  uv_fs_event_t handle_;
  bool started_ = false;
  bool raw_ = false;
};

template <typename T>
void FillStats(T* f, const uv_stat_t* s) {
  const uint64_t v[kStatFields] = {
      s->st_dev,  s->st_mode,    s->st_nlink,        s->st_uid,
      s->st_gid,  s->st_rdev,    s->st_blksize,      s->st_ino,
      s->st_size, s->st_blocks,
      static_cast<uint64_t>(s->st_atim.tv_sec),
      static_cast<uint64_t>(s->st_atim.tv_nsec),
      static_cast<uint64_t>(s->st_mtim.tv_sec),
      static_cast<uint64_t>(s->st_mtim.tv_nsec),
      static_cast<uint64_t>(s->st_ctim.tv_sec),
      static_cast<uint64_t>(s->st_ctim.tv_nsec),
      static_cast<uint64_t>(s->st_birthtim.tv_sec),
      static_cast<uint64_t>(s->st_birthtim.tv_nsec)};
  for (size_t i = 0; i < kStatFields; i++) f[i] = static_cast<T>(v[i]);
}

class StatWatcher : public HandleWrap {
 public:
  StatWatcher(Environment* env, Local<Object> object, bool bigint)
      : HandleWrap(env, object, reinterpret_cast<uv_handle_t*>(&handle_)),
        bigint_(bigint) {
    CHECK_EQ(uv_fs_poll_init(env->loop(), &handle_), 0);
  }

  static void New(const FunctionCallbackInfo<Value>& args) {
    CHECK(args.IsConstructCall());
    new StatWatcher(Environment::GetCurrent(args), args.This(),
                    args[0]->IsTrue());
  }

  // start(path, interval)
  static void Start(const FunctionCallbackInfo<Value>& args) {
    StatWatcher* wrap = Unwrap<StatWatcher>(args.This());
    if (wrap == nullptr || wrap->state() != kInitialized) {
      args.GetReturnValue().Set(UV_EINVAL);
      return;
    }
    if (uv_is_active(wrap->handle())) {
      args.GetReturnValue().Set(0);
      return;
    }
    std::string path = PathArg(args.GetIsolate(), args[0]);
    if (!permission::Check(args.GetIsolate(),
                           permission::Scope::kFileSystemRead, path)) {
      return;
    }
    unsigned interval = args[1]->IsUint32()
                            ? args[1].As<v8::Uint32>()->Value()
                            : 5007;
    args.GetReturnValue().Set(
        uv_fs_poll_start(&wrap->handle_, OnChange, path.c_str(), interval));
  }

 private:
  static void OnChange(uv_fs_poll_t* handle, int status,
                       const uv_stat_t* prev, const uv_stat_t* curr) {
    StatWatcher* wrap = static_cast<StatWatcher*>(handle->data);
    Environment* env = wrap->env();
    if (!env->can_call_into_js() || wrap->state() != kInitialized) return;
    Isolate* isolate = env->isolate();
    HandleScope scope(isolate);
    Context::Scope context_scope(env->context());
    Local<ArrayBuffer> ab = ArrayBuffer::New(isolate, 2 * kStatFields * 8);
    Local<Value> stats;
    if (wrap->bigint_) {
      int64_t* f = static_cast<int64_t*>(ab->Data());
      FillStats(f, curr);
      FillStats(f + kStatFields, prev);
      stats = BigInt64Array::New(ab, 0, 2 * kStatFields);
    } else {
      double* f = static_cast<double*>(ab->Data());
      FillStats(f, curr);
      FillStats(f + kStatFields, prev);
      stats = Float64Array::New(ab, 0, 2 * kStatFields);
    }
    Local<Value> argv[2] = {Integer::New(isolate, status), stats};
    MakeCallback(env, wrap->object(), "onchange", 2, argv);
  }

  uv_fs_poll_t handle_;
  bool bigint_;
};

void Initialize(Local<Object> target, Local<Value>, Local<Context> context,
                void*) {
  Isolate* isolate = context->GetIsolate();

  Local<FunctionTemplate> t = NewFunctionTemplate(isolate, FSEventWrap::New);
  t->InstanceTemplate()->SetInternalFieldCount(kWrapFieldCount);
  HandleWrap::AddPrototypeMethods(isolate, t);
  SetProtoMethod(isolate, t, "start", FSEventWrap::Start);
  t->PrototypeTemplate()->SetAccessorProperty(
      String::NewFromUtf8Literal(isolate, "initialized"),
      NewFunctionTemplate(isolate, FSEventWrap::Initialized));
  SetConstructorFunction(context, target, "FSEvent", t);

  Local<FunctionTemplate> s = NewFunctionTemplate(isolate, StatWatcher::New);
  s->InstanceTemplate()->SetInternalFieldCount(kWrapFieldCount);
  HandleWrap::AddPrototypeMethods(isolate, s);
  SetProtoMethod(isolate, s, "start", StatWatcher::Start);
  SetConstructorFunction(context, target, "StatWatcher", s);
}

void RegisterExternalReferences(ExternalReferenceRegistry* registry) {
  registry->Register(FSEventWrap::New);
  registry->Register(FSEventWrap::Start);
  registry->Register(FSEventWrap::Initialized);
  registry->Register(StatWatcher::New);
  registry->Register(StatWatcher::Start);
  HandleWrap::RegisterExternalReferences(registry);
}

}  // namespace
}  // namespace lode::fs_event_wrap

LODE_BINDING_CONTEXT_AWARE_INTERNAL(fs_event_wrap,
                                    lode::fs_event_wrap::Initialize)
LODE_BINDING_EXTERNAL_REFERENCE(
    fs_event_wrap, lode::fs_event_wrap::RegisterExternalReferences)
