// internalBinding('fs'): file-system calls through libuv. Each function
// runs synchronously (and throws Node's UVException) when its last argument
// is undefined, and on the threadpool when it is an FSReqCallback whose
// `oncomplete(err, result)` is called from the loop.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <memory>

#include "env.h"
#include "lode_binding.h"
#include "lode_errors.h"
#include "util.h"

namespace lode::fs {

using v8::Array;
using v8::ArrayBuffer;
using v8::Context;
using v8::Float64Array;
using v8::Function;
using v8::FunctionCallbackInfo;
using v8::FunctionTemplate;
using v8::Global;
using v8::HandleScope;
using v8::Integer;
using v8::Isolate;
using v8::Local;
using v8::Object;
using v8::String;
using v8::Value;

namespace {

constexpr size_t kStatFields = 18;

// An in-flight async request: keeps the JS req object alive until the
// callback has run, then frees itself.
class FSReq {
 public:
  FSReq(Environment* env, Local<Object> req, const char* syscall,
        std::string path, std::string dest = "")
      : env_(env), syscall_(syscall), path_(std::move(path)),
        dest_(std::move(dest)) {
    req_.Reset(env->isolate(), req);
    uv_req_.data = this;
  }
  ~FSReq() { uv_fs_req_cleanup(&uv_req_); }

  uv_fs_t* req() { return &uv_req_; }
  Environment* env() { return env_; }
  const char* path() { return path_.c_str(); }
  std::function<Local<Value>(FSReq*)> result;
  std::string buffer;  // scratch data kept alive with the request
  Global<Value> keep_alive;

  static void OnComplete(uv_fs_t* uv_req) {
    std::unique_ptr<FSReq> self(static_cast<FSReq*>(uv_req->data));
    Environment* env = self->env_;
    Isolate* isolate = env->isolate();
    HandleScope scope(isolate);
    Context::Scope context_scope(env->context());
    Local<Object> req = self->req_.Get(isolate);
    Local<Value> argv[2] = {v8::Null(isolate), v8::Undefined(isolate)};
    if (uv_req->result < 0) {
      argv[0] = UVException(isolate, static_cast<int>(uv_req->result),
                            self->syscall_, nullptr,
                            self->path_.empty() ? nullptr : self->path_.c_str(),
                            self->dest_.empty() ? nullptr : self->dest_.c_str());
    } else if (self->result) {
      argv[1] = self->result(self.get());
    }
    MakeCallback(env, req, "oncomplete", 2, argv);
  }

 private:
  Environment* env_;
  Global<Object> req_;
  const char* syscall_;
  std::string path_;
  std::string dest_;
  uv_fs_t uv_req_;
};

void FillStats(double* fields, const uv_stat_t* s) {
  fields[0] = static_cast<double>(s->st_dev);
  fields[1] = static_cast<double>(s->st_mode);
  fields[2] = static_cast<double>(s->st_nlink);
  fields[3] = static_cast<double>(s->st_uid);
  fields[4] = static_cast<double>(s->st_gid);
  fields[5] = static_cast<double>(s->st_rdev);
  fields[6] = static_cast<double>(s->st_blksize);
  fields[7] = static_cast<double>(s->st_ino);
  fields[8] = static_cast<double>(s->st_size);
  fields[9] = static_cast<double>(s->st_blocks);
  fields[10] = static_cast<double>(s->st_atim.tv_sec);
  fields[11] = static_cast<double>(s->st_atim.tv_nsec);
  fields[12] = static_cast<double>(s->st_mtim.tv_sec);
  fields[13] = static_cast<double>(s->st_mtim.tv_nsec);
  fields[14] = static_cast<double>(s->st_ctim.tv_sec);
  fields[15] = static_cast<double>(s->st_ctim.tv_nsec);
  fields[16] = static_cast<double>(s->st_birthtim.tv_sec);
  fields[17] = static_cast<double>(s->st_birthtim.tv_nsec);
}

Local<Value> StatsArray(Isolate* isolate, const uv_stat_t* s) {
  Local<ArrayBuffer> ab = ArrayBuffer::New(isolate, kStatFields * 8);
  FillStats(static_cast<double*>(ab->Data()), s);
  return Float64Array::New(ab, 0, kStatFields);
}

// Runs a uv_fs call synchronously or asynchronously. `call` is given the
// loop and callback (both null for the sync form). Returns true when the
// sync call succeeded and `req` holds the result.
struct SyncReq {
  uv_fs_t req;
  ~SyncReq() { uv_fs_req_cleanup(&req); }
};

template <typename Call>
bool Dispatch(const FunctionCallbackInfo<Value>& args, int req_index,
              const char* syscall, const std::string& path,
              const std::string& dest, SyncReq* sync, Call call,
              std::function<Local<Value>(FSReq*)> on_result = nullptr) {
  Environment* env = Environment::GetCurrent(args);
  Isolate* isolate = args.GetIsolate();
  Local<Value> req_value = args[req_index];
  if (req_value->IsObject()) {
    FSReq* req = new FSReq(env, req_value.As<Object>(), syscall, path, dest);
    req->result = std::move(on_result);
    int err = call(env->loop(), req->req(), FSReq::OnComplete);
    if (err < 0) {
      req->req()->result = err;
      // libuv did not queue it: report on the next tick of the loop through
      // the same path as any failure.
      FSReq::OnComplete(req->req());
    }
    return false;
  }
  int err = call(nullptr, &sync->req, nullptr);
  if (err < 0) {
    ThrowUVException(isolate, err, syscall, nullptr,
                     path.empty() ? nullptr : path.c_str(),
                     dest.empty() ? nullptr : dest.c_str());
    return false;
  }
  return true;
}

std::string PathArg(Isolate* isolate, Local<Value> v) {
  return Utf8Value(isolate, v).ToString();
}

int IntArg(Local<Value> v, int fallback = 0) {
  return v->IsInt32() ? v.As<v8::Int32>()->Value() : fallback;
}

// 0 for a file, 1 for a directory, a negative errno otherwise; never throws
// (the module loader probes many paths).
void InternalModuleStat(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Utf8Value path(isolate, args[args.Length() > 1 ? 1 : 0]);
  struct stat st;
  int rc = stat(*path, &st);
  if (rc != 0) {
    args.GetReturnValue().Set(-ENOENT);
    return;
  }
  args.GetReturnValue().Set(S_ISDIR(st.st_mode) ? 1 : 0);
}

// Reads a whole file as UTF-8 text.
void ReadFileUtf8(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  if (args[0]->IsInt32()) {
    int fd = args[0].As<v8::Int32>()->Value();
    std::string data;
    char buf[65536];
    for (;;) {
      ssize_t n = read(fd, buf, sizeof(buf));
      if (n < 0) {
        if (errno == EINTR) continue;
        return ThrowUVException(isolate, uv_translate_sys_error(errno),
                                "read");
      }
      if (n == 0) break;
      data.append(buf, n);
    }
    Local<String> str;
    if (ToV8String(isolate, data).ToLocal(&str)) {
      args.GetReturnValue().Set(str);
    } else {
      THROW_ERR_STRING_TOO_LONG(isolate, "Cannot create a string longer "
                                "than 0x1fffffe8 characters");
    }
    return;
  }
  Utf8Value path(isolate, args[0]);
  std::string data;
  int err = ReadFileSync(&data, *path);
  if (err != 0) {
    uv_fs_t req;
    // Node reports the failing call as "open".
    ThrowUVException(isolate, err, "open", nullptr, *path);
    (void)req;
    return;
  }
  Local<String> str;
  if (ToV8String(isolate, data).ToLocal(&str)) {
    args.GetReturnValue().Set(str);
  } else {
    THROW_ERR_STRING_TOO_LONG(
        isolate, "Cannot create a string longer than 0x1fffffe8 characters");
  }
}

void RealPath(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  std::string path = PathArg(isolate, args[0]);
  SyncReq sync;
  auto result = [](FSReq* r) -> Local<Value> {
    return Utf8String(r->env()->isolate(),
                      static_cast<const char*>(r->req()->ptr));
  };
  if (Dispatch(args, 2, "realpath", path, "", &sync,
               [&](uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb) {
                 return uv_fs_realpath(loop, req, path.c_str(), cb);
               }, result)) {
    args.GetReturnValue().Set(
        Utf8String(isolate, static_cast<const char*>(sync.req.ptr)));
  }
}

template <bool kLstat>
void StatImpl(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  std::string path = PathArg(isolate, args[0]);
  // args[1]: bigint (handled in JS), args[2]: req, args[3]: throwIfNoEntry
  bool throw_if_no_entry = !args[3]->IsFalse();
  SyncReq sync;
  auto result = [](FSReq* r) -> Local<Value> {
    return StatsArray(r->env()->isolate(), &r->req()->statbuf);
  };
  if (!args[2]->IsObject() && !throw_if_no_entry) {
    int err = kLstat ? uv_fs_lstat(nullptr, &sync.req, path.c_str(), nullptr)
                     : uv_fs_stat(nullptr, &sync.req, path.c_str(), nullptr);
    if (err == UV_ENOENT || err == UV_ENOTDIR) return;
    if (err < 0) {
      return ThrowUVException(isolate, err, kLstat ? "lstat" : "stat",
                              nullptr, path.c_str());
    }
    args.GetReturnValue().Set(StatsArray(isolate, &sync.req.statbuf));
    return;
  }
  if (Dispatch(args, 2, kLstat ? "lstat" : "stat", path, "", &sync,
               [&](uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb) {
                 return kLstat ? uv_fs_lstat(loop, req, path.c_str(), cb)
                               : uv_fs_stat(loop, req, path.c_str(), cb);
               }, result)) {
    args.GetReturnValue().Set(StatsArray(isolate, &sync.req.statbuf));
  }
}

void FStat(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  int fd = IntArg(args[0]);
  SyncReq sync;
  auto result = [](FSReq* r) -> Local<Value> {
    return StatsArray(r->env()->isolate(), &r->req()->statbuf);
  };
  if (Dispatch(args, 2, "fstat", "", "", &sync,
               [&](uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb) {
                 return uv_fs_fstat(loop, req, fd, cb);
               }, result)) {
    args.GetReturnValue().Set(StatsArray(isolate, &sync.req.statbuf));
  }
}

void Open(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  std::string path = PathArg(isolate, args[0]);
  int flags = IntArg(args[1]);
  int mode = IntArg(args[2], 0666);
  SyncReq sync;
  auto result = [](FSReq* r) -> Local<Value> {
    return Integer::New(r->env()->isolate(),
                        static_cast<int>(r->req()->result));
  };
  if (Dispatch(args, 3, "open", path, "", &sync,
               [&](uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb) {
                 return uv_fs_open(loop, req, path.c_str(), flags, mode, cb);
               }, result)) {
    args.GetReturnValue().Set(static_cast<int>(sync.req.result));
  }
}

void Close(const FunctionCallbackInfo<Value>& args) {
  int fd = IntArg(args[0]);
  SyncReq sync;
  Dispatch(args, 1, "close", "", "", &sync,
           [&](uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb) {
             return uv_fs_close(loop, req, fd, cb);
           });
}

// read(fd, buffer, offset, length, position, req)
void Read(const FunctionCallbackInfo<Value>& args) {
  int fd = IntArg(args[0]);
  CHECK(args[1]->IsArrayBufferView());
  Local<v8::ArrayBufferView> view = args[1].As<v8::ArrayBufferView>();
  size_t offset = static_cast<size_t>(args[2].As<v8::Number>()->Value());
  size_t length = static_cast<size_t>(args[3].As<v8::Number>()->Value());
  CHECK_LE(offset + length, view->ByteLength());
  int64_t position = args[4]->IsNumber()
                         ? static_cast<int64_t>(args[4].As<v8::Number>()->Value())
                         : -1;
  char* data = static_cast<char*>(view->Buffer()->Data()) +
               view->ByteOffset() + offset;
  uv_buf_t buf = uv_buf_init(data, static_cast<unsigned>(length));
  SyncReq sync;
  auto result = [](FSReq* r) -> Local<Value> {
    return Integer::New(r->env()->isolate(),
                        static_cast<int>(r->req()->result));
  };
  if (args[5]->IsObject()) {
    // Keep the buffer alive while the threadpool writes into it.
  }
  if (Dispatch(args, 5, "read", "", "", &sync,
               [&](uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb) {
                 return uv_fs_read(loop, req, fd, &buf, 1, position, cb);
               }, result)) {
    args.GetReturnValue().Set(static_cast<double>(sync.req.result));
  }
}

// writeBuffer(fd, buffer, offset, length, position, req)
void WriteBuffer(const FunctionCallbackInfo<Value>& args) {
  int fd = IntArg(args[0]);
  CHECK(args[1]->IsArrayBufferView());
  Local<v8::ArrayBufferView> view = args[1].As<v8::ArrayBufferView>();
  size_t offset = static_cast<size_t>(args[2].As<v8::Number>()->Value());
  size_t length = static_cast<size_t>(args[3].As<v8::Number>()->Value());
  CHECK_LE(offset + length, view->ByteLength());
  int64_t position = args[4]->IsNumber()
                         ? static_cast<int64_t>(args[4].As<v8::Number>()->Value())
                         : -1;
  char* data = static_cast<char*>(view->Buffer()->Data()) +
               view->ByteOffset() + offset;
  uv_buf_t buf = uv_buf_init(data, static_cast<unsigned>(length));
  SyncReq sync;
  auto result = [](FSReq* r) -> Local<Value> {
    return Integer::New(r->env()->isolate(),
                        static_cast<int>(r->req()->result));
  };
  if (Dispatch(args, 5, "write", "", "", &sync,
               [&](uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb) {
                 return uv_fs_write(loop, req, fd, &buf, 1, position, cb);
               }, result)) {
    args.GetReturnValue().Set(static_cast<double>(sync.req.result));
  }
}

// writeString(fd, string, position, req): UTF-8 only; JS encodes others.
void WriteString(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  int fd = IntArg(args[0]);
  Utf8Value str(isolate, args[1]);
  int64_t position = args[2]->IsNumber()
                         ? static_cast<int64_t>(args[2].As<v8::Number>()->Value())
                         : -1;
  if (args[3]->IsObject()) {
    Environment* env = Environment::GetCurrent(args);
    FSReq* req = new FSReq(env, args[3].As<Object>(), "write", "");
    req->buffer = str.ToString();
    uv_buf_t buf = uv_buf_init(req->buffer.data(),
                               static_cast<unsigned>(req->buffer.size()));
    req->result = [](FSReq* r) -> Local<Value> {
      return Integer::New(r->env()->isolate(),
                          static_cast<int>(r->req()->result));
    };
    int err = uv_fs_write(env->loop(), req->req(), fd, &buf, 1, position,
                          FSReq::OnComplete);
    if (err < 0) {
      req->req()->result = err;
      FSReq::OnComplete(req->req());
    }
    return;
  }
  // Synchronous: loop until everything is written (EAGAIN on a
  // non-blocking pipe is retried, as Node does for stdio).
  size_t written = 0;
  while (written < str.length()) {
    uv_fs_t req;
    uv_buf_t buf = uv_buf_init(const_cast<char*>(*str) + written,
                               static_cast<unsigned>(str.length() - written));
    int n = uv_fs_write(nullptr, &req, fd, &buf, 1, position, nullptr);
    uv_fs_req_cleanup(&req);
    if (n == UV_EAGAIN) continue;
    if (n < 0) return ThrowUVException(isolate, n, "write");
    written += n;
    if (position >= 0) position += n;
  }
  args.GetReturnValue().Set(static_cast<double>(written));
}

void Mkdir(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  std::string path = PathArg(isolate, args[0]);
  int mode = IntArg(args[1], 0777);
  SyncReq sync;
  Dispatch(args, 3, "mkdir", path, "", &sync,
           [&](uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb) {
             return uv_fs_mkdir(loop, req, path.c_str(), mode, cb);
           });
}

#define LODE_PATH_CALL(Name, syscall, uvcall)                             \
  void Name(const FunctionCallbackInfo<Value>& args) {                    \
    Isolate* isolate = args.GetIsolate();                                 \
    std::string path = PathArg(isolate, args[0]);                         \
    SyncReq sync;                                                         \
    Dispatch(args, 1, syscall, path, "", &sync,                           \
             [&](uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb) {            \
               return uvcall(loop, req, path.c_str(), cb);                \
             });                                                          \
  }
LODE_PATH_CALL(Rmdir, "rmdir", uv_fs_rmdir)
LODE_PATH_CALL(Unlink, "unlink", uv_fs_unlink)
#undef LODE_PATH_CALL

void Rename(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  std::string from = PathArg(isolate, args[0]);
  std::string to = PathArg(isolate, args[1]);
  SyncReq sync;
  Dispatch(args, 2, "rename", from, to, &sync,
           [&](uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb) {
             return uv_fs_rename(loop, req, from.c_str(), to.c_str(), cb);
           });
}

void Access(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  std::string path = PathArg(isolate, args[0]);
  int mode = IntArg(args[1]);
  SyncReq sync;
  Dispatch(args, 2, "access", path, "", &sync,
           [&](uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb) {
             return uv_fs_access(loop, req, path.c_str(), mode, cb);
           });
}

void ExistsSync(const FunctionCallbackInfo<Value>& args) {
  Utf8Value path(args.GetIsolate(), args[0]);
  args.GetReturnValue().Set(access(*path, F_OK) == 0);
}

Local<Value> DirentsResult(Isolate* isolate, uv_fs_t* req, bool with_types) {
  Local<Context> context = isolate->GetCurrentContext();
  std::vector<Local<Value>> names;
  std::vector<Local<Value>> types;
  uv_dirent_t ent;
  while (uv_fs_scandir_next(req, &ent) != UV_EOF) {
    names.push_back(Utf8String(isolate, ent.name));
    types.push_back(Integer::New(isolate, ent.type));
  }
  Local<Array> names_arr = Array::New(isolate, names.data(), names.size());
  if (!with_types) return names_arr;
  Local<Value> pair[] = {names_arr,
                         Array::New(isolate, types.data(), types.size())};
  (void)context;
  return Array::New(isolate, pair, 2);
}

// readdir(path, encoding, withFileTypes, req)
void ReadDir(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  std::string path = PathArg(isolate, args[0]);
  bool with_types = args[2]->IsTrue();
  SyncReq sync;
  auto result = [with_types](FSReq* r) -> Local<Value> {
    return DirentsResult(r->env()->isolate(), r->req(), with_types);
  };
  if (Dispatch(args, 3, "scandir", path, "", &sync,
               [&](uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb) {
                 return uv_fs_scandir(loop, req, path.c_str(), 0, cb);
               }, result)) {
    args.GetReturnValue().Set(DirentsResult(isolate, &sync.req, with_types));
  }
}

void Initialize(Local<Object> target, Local<Value>, Local<Context> context,
                void*) {
  Isolate* isolate = context->GetIsolate();
  SetMethodNoSideEffect(context, target, "internalModuleStat",
                        InternalModuleStat);
  SetMethod(context, target, "readFileUtf8", ReadFileUtf8);
  SetMethod(context, target, "realpath", RealPath);
  SetMethod(context, target, "stat", StatImpl<false>);
  SetMethod(context, target, "lstat", StatImpl<true>);
  SetMethod(context, target, "fstat", FStat);
  SetMethod(context, target, "open", Open);
  SetMethod(context, target, "close", Close);
  SetMethod(context, target, "read", Read);
  SetMethod(context, target, "writeBuffer", WriteBuffer);
  SetMethod(context, target, "writeString", WriteString);
  SetMethod(context, target, "mkdir", Mkdir);
  SetMethod(context, target, "rmdir", Rmdir);
  SetMethod(context, target, "unlink", Unlink);
  SetMethod(context, target, "rename", Rename);
  SetMethod(context, target, "access", Access);
  SetMethod(context, target, "existsSync", ExistsSync);
  SetMethod(context, target, "readdir", ReadDir);
  // The request object async calls take: `oncomplete` is set by JS.
  Local<FunctionTemplate> req = FunctionTemplate::New(isolate);
  SetConstructorFunction(context, target, "FSReqCallback", req);
  SetConstant(context, target, "kFsStatsFieldsNumber", kStatFields);
}

void RegisterExternalReferences(ExternalReferenceRegistry* registry) {
  registry->Register(InternalModuleStat);
  registry->Register(ReadFileUtf8);
  registry->Register(RealPath);
  registry->Register(StatImpl<false>);
  registry->Register(StatImpl<true>);
  registry->Register(FStat);
  registry->Register(Open);
  registry->Register(Close);
  registry->Register(Read);
  registry->Register(WriteBuffer);
  registry->Register(WriteString);
  registry->Register(Mkdir);
  registry->Register(Rmdir);
  registry->Register(Unlink);
  registry->Register(Rename);
  registry->Register(Access);
  registry->Register(ExistsSync);
  registry->Register(ReadDir);
}

}  // namespace
}  // namespace lode::fs

LODE_BINDING_CONTEXT_AWARE_INTERNAL(fs, lode::fs::Initialize)
LODE_BINDING_EXTERNAL_REFERENCE(fs, lode::fs::RegisterExternalReferences)
