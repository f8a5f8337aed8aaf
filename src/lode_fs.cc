// internalBinding('fs'): file-system calls through libuv. Each function
// runs synchronously (and throws Node's UVException) when its request
// argument is undefined, and on the threadpool when it is an FSReqCallback
// whose `oncomplete(err, result)` is called from the loop. Buffers handed to
// an asynchronous call are kept alive by the request until it completes.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "env.h"
#include "lode_binding.h"
#include "lode_errors.h"
#include "lode_internals.h"
#include "lode_permission.h"
#include "lode_scratch.h"
#include "lode_string_utf8.h"
#include "lode_tracing.h"
#include "sync_trace.h"
#include "util.h"

namespace lode {

namespace {
thread_local bool sync_trace_active = false;
}  // namespace

void SetSyncTraceActive(bool active) { sync_trace_active = active; }

void MaybePrintSyncTrace(v8::Isolate* isolate) {
  if (!sync_trace_active) return;
  v8::HandleScope scope(isolate);
  std::string out = "(node:" + std::to_string(uv_os_getpid()) +
                    ") WARNING: Detected use of sync API\n";
  v8::Local<v8::StackTrace> trace = v8::StackTrace::CurrentStackTrace(
      isolate, 10, v8::StackTrace::kDetailed);
  for (int i = 0; i < trace->GetFrameCount(); i++) {
    v8::Local<v8::StackFrame> frame = trace->GetFrame(isolate, i);
    if (!frame->IsEval()) {
      out += "    at " + errors::FrameText(isolate, frame) + "\n";
      continue;
    }
    std::string line_column = std::to_string(frame->GetLineNumber()) + ":" +
                              std::to_string(frame->GetColumn());
    out += frame->GetScriptId() == v8::Message::kNoScriptIdInfo
               ? "    at [eval]:" + line_column + "\n"
               : "    at [eval] (" +
                     Utf8Value(isolate, frame->GetScriptNameOrSourceURL())
                         .ToString() +
                     ":" + line_column + ")\n";
  }
  fputs(out.c_str(), stderr);
  fflush(stderr);
}

}  // namespace lode

namespace lode::fs {

using v8::Array;
using v8::ArrayBuffer;
using v8::ArrayBufferView;
using v8::BigInt64Array;
using v8::Context;
using v8::Float64Array;
using v8::FunctionCallbackInfo;
using v8::FunctionTemplate;
using v8::Global;
using v8::HandleScope;
using v8::Integer;
using v8::Isolate;
using v8::Local;
using v8::Number;
using v8::Object;
using v8::ObjectTemplate;
using v8::String;
using v8::Uint8Array;
using v8::Value;

namespace {

constexpr size_t kStatFields = 18;
constexpr size_t kStatFsFields = 7;

// --- Trace events (node.fs.sync, node.fs.async, node.fs_dir.*) -----------

// libuv's name of an operation, which Node's async events carry.
const char* FsTypeName(uv_fs_type type) {
  switch (type) {
    case UV_FS_OPEN: return "open";
    case UV_FS_CLOSE: return "close";
    case UV_FS_READ: return "read";
    case UV_FS_WRITE: return "write";
    case UV_FS_SENDFILE: return "sendfile";
    case UV_FS_STAT: return "stat";
    case UV_FS_LSTAT: return "lstat";
    case UV_FS_FSTAT: return "fstat";
    case UV_FS_FTRUNCATE: return "ftruncate";
    case UV_FS_UTIME: return "utime";
    case UV_FS_FUTIME: return "futime";
    case UV_FS_LUTIME: return "lutime";
    case UV_FS_ACCESS: return "access";
    case UV_FS_CHMOD: return "chmod";
    case UV_FS_FCHMOD: return "fchmod";
    case UV_FS_FSYNC: return "fsync";
    case UV_FS_FDATASYNC: return "fdatasync";
    case UV_FS_UNLINK: return "unlink";
    case UV_FS_RMDIR: return "rmdir";
    case UV_FS_MKDIR: return "mkdir";
    case UV_FS_MKDTEMP: return "mkdtemp";
    case UV_FS_MKSTEMP: return "mkstemp";
    case UV_FS_RENAME: return "rename";
    case UV_FS_SCANDIR: return "scandir";
    case UV_FS_LINK: return "link";
    case UV_FS_SYMLINK: return "symlink";
    case UV_FS_READLINK: return "readlink";
    case UV_FS_CHOWN: return "chown";
    case UV_FS_FCHOWN: return "fchown";
    case UV_FS_LCHOWN: return "lchown";
    case UV_FS_REALPATH: return "realpath";
    case UV_FS_COPYFILE: return "copyfile";
    case UV_FS_OPENDIR: return "opendir";
    case UV_FS_READDIR: return "readdir";
    case UV_FS_CLOSEDIR: return "closedir";
    case UV_FS_STATFS: return "statfs";
    default: return "unknown";
  }
}

bool IsDirOp(uv_fs_type type) {
  return type == UV_FS_OPENDIR || type == UV_FS_READDIR ||
         type == UV_FS_CLOSEDIR;
}

const uint8_t* AsyncTraceFlag(uv_fs_type type) {
  return IsDirOp(type)
             ? LODE_TRACE_FLAG("node,node.fs_dir,node.fs_dir.async")
             : LODE_TRACE_FLAG("node,node.fs,node.fs.async");
}

bool SyncTraceOn() {
  return tracing::IsEnabled(LODE_TRACE_FLAG("node,node.fs,node.fs.sync")) ||
         tracing::IsEnabled(
             LODE_TRACE_FLAG("node,node.fs_dir,node.fs_dir.sync"));
}

// A synchronous call: 'B' and 'E' events named "fs.sync.<call>" with the
// names of Node's fs*Sync functions (readdir, utimes, ...).
void TraceSyncCall(uv_fs_type type, int64_t began, int64_t result) {
  const uint8_t* flag =
      IsDirOp(type) ? LODE_TRACE_FLAG("node,node.fs_dir,node.fs_dir.sync")
                    : LODE_TRACE_FLAG("node,node.fs,node.fs.sync");
  if (!tracing::IsEnabled(flag)) return;
  const char* name = FsTypeName(type);
  switch (type) {
    case UV_FS_SCANDIR: name = "readdir"; break;
    case UV_FS_UTIME: name = "utimes"; break;
    case UV_FS_FUTIME: name = "futimes"; break;
    case UV_FS_LUTIME: name = "lutimes"; break;
    default: break;
  }
  std::string full = std::string(IsDirOp(type) ? "fs_dir.sync." : "fs.sync.") +
                     name;
  tracing::AddEvent('B', flag, full, false, 0, {}, began);
  std::vector<tracing::Arg> args;
  if (type == UV_FS_READ && result >= 0) {
    args.push_back(tracing::IntArg("bytesRead", result));
  }
  tracing::AddEvent('E', flag, full, false, 0, std::move(args));
}

// A synchronous uv_fs call made by C++ itself (writeFileUtf8, ...).
template <typename F>
int TracedSync(uv_fs_type type, F&& call) {
  if (!tracing::IsEnabled(LODE_TRACE_FLAG("node,node.fs,node.fs.sync"))) {
    return call();
  }
  int64_t began = tracing::NowMicros();
  int result = call();
  TraceSyncCall(type, began, result);
  return result;
}

// An asynchronous operation made of several calls on the threadpool
// (readFileAll, writeFileAll): a nestable async span per call.
template <typename F>
int TracedAsync(uv_fs_type type, const void* id, F&& call) {
  const uint8_t* flag = AsyncTraceFlag(type);
  if (!tracing::IsEnabled(flag)) return call();
  uint64_t trace_id = reinterpret_cast<uintptr_t>(id);
  tracing::AddEvent('b', flag, FsTypeName(type), true, trace_id);
  int result = call();
  tracing::AddEvent('e', flag, FsTypeName(type), true, trace_id,
                    {tracing::IntArg("result", result)});
  return result;
}

// Builds the JS result of a finished request (sync or async).
using ResultFn = std::function<Local<Value>(Isolate*, uv_fs_t*)>;

// An in-flight async request: keeps the JS req object (and any buffers) alive
// until the callback has run, then frees itself.
class FSReq : public ActiveRequest {
 public:
  FSReq(Environment* env, Local<Object> req, const char* syscall,
        std::string path, std::string dest)
      : ActiveRequest(env, "FSReqCallback"), env_(env), syscall_(syscall),
        path_(std::move(path)), dest_(std::move(dest)) {
    req_.Reset(env->isolate(), req);
    uv_req_.data = this;
  }
  ~FSReq() override { uv_fs_req_cleanup(&uv_req_); }
  LODE_DISALLOW_COPY(FSReq);

  Local<Object> request_object() const override {
    return req_.Get(env_->isolate());
  }

  uv_fs_t* req() { return &uv_req_; }
  ResultFn result;
  std::string data;  // bytes a write reads from, kept with the request
  Global<Value> keep_alive;
  // The memory of the views the threadpool reads or writes: held here so
  // that a buffer detached meanwhile (transfer(), postMessage) cannot free
  // it under the request.
  std::vector<std::shared_ptr<v8::BackingStore>> stores;
  // Runs when libuv is done with the request, success or not.
  std::function<void()> on_done;

  // Records the start of the request's span once libuv queued it.
  void TraceBegin(const std::string& path) {
    const uint8_t* flag = AsyncTraceFlag(uv_req_.fs_type);
    if (!tracing::IsEnabled(flag)) return;
    traced_ = true;
    std::vector<tracing::Arg> args;
    if (!path.empty()) args.push_back(tracing::StringArg("path", path));
    tracing::AddEvent('b', flag, FsTypeName(uv_req_.fs_type), true,
                      reinterpret_cast<uintptr_t>(this), std::move(args));
  }

  static void OnComplete(uv_fs_t* uv_req) {
    std::unique_ptr<FSReq> self(static_cast<FSReq*>(uv_req->data));
    if (self->traced_) {
      tracing::AddEvent('e', AsyncTraceFlag(uv_req->fs_type),
                        FsTypeName(uv_req->fs_type), true,
                        reinterpret_cast<uintptr_t>(self.get()),
                        {tracing::IntArg("result", uv_req->result)});
    }
    if (self->on_done) self->on_done();
    Environment* env = self->env_;
    if (!env->can_call_into_js()) return;
    Isolate* isolate = env->isolate();
    HandleScope scope(isolate);
    Context::Scope context_scope(env->context());
    Local<Object> req = self->req_.Get(isolate);
    Local<Value> argv[2] = {v8::Null(isolate), v8::Undefined(isolate)};
    if (uv_req->result < 0) {
      argv[0] = UVException(
          isolate, static_cast<int>(uv_req->result), self->syscall_, nullptr,
          self->path_.empty() ? nullptr : self->path_.c_str(),
          self->dest_.empty() ? nullptr : self->dest_.c_str());
    } else if (self->result) {
      argv[1] = self->result(isolate, uv_req);
    }
    // Node passes only the error when there is no result.
    MakeCallback(env, req, "oncomplete", argv[1]->IsUndefined() ? 1 : 2,
                 argv);
  }

 private:
  Environment* env_;
  Global<Object> req_;
  const char* syscall_;
  std::string path_;
  std::string dest_;
  uv_fs_t uv_req_;
  bool traced_ = false;
};

struct SyncReq {
  uv_fs_t req;
  SyncReq() { req.type = UV_FS; req.fs_type = UV_FS_UNKNOWN; }
  ~SyncReq() { uv_fs_req_cleanup(&req); }
};

template <typename T>
void FillStats(T* f, const uv_stat_t* s) {
  f[0] = static_cast<T>(s->st_dev);
  f[1] = static_cast<T>(s->st_mode);
  f[2] = static_cast<T>(s->st_nlink);
  f[3] = static_cast<T>(s->st_uid);
  f[4] = static_cast<T>(s->st_gid);
  f[5] = static_cast<T>(s->st_rdev);
  f[6] = static_cast<T>(s->st_blksize);
  f[7] = static_cast<T>(s->st_ino);
  f[8] = static_cast<T>(s->st_size);
  f[9] = static_cast<T>(s->st_blocks);
  f[10] = static_cast<T>(s->st_atim.tv_sec);
  f[11] = static_cast<T>(s->st_atim.tv_nsec);
  f[12] = static_cast<T>(s->st_mtim.tv_sec);
  f[13] = static_cast<T>(s->st_mtim.tv_nsec);
  f[14] = static_cast<T>(s->st_ctim.tv_sec);
  f[15] = static_cast<T>(s->st_ctim.tv_nsec);
  f[16] = static_cast<T>(s->st_birthtim.tv_sec);
  f[17] = static_cast<T>(s->st_birthtim.tv_nsec);
}

// A new Float64Array of the 18 stat fields, or a BigInt64Array for bigint
// stats (asynchronous results: each request has its own).
Local<Value> StatsArray(Isolate* isolate, const uv_stat_t* s, bool bigint) {
  Local<ArrayBuffer> ab = ArrayBuffer::New(isolate, kStatFields * 8);
  if (bigint) {
    FillStats(static_cast<int64_t*>(ab->Data()), s);
    return BigInt64Array::New(ab, 0, kStatFields);
  }
  FillStats(static_cast<double*>(ab->Data()), s);
  return Float64Array::New(ab, 0, kStatFields);
}

// The arrays a synchronous stat returns, one of each kind per environment
// (as Node's statValues / bigintStatValues): JS reads the fields before its
// next binding call, so a stat costs no ArrayBuffer.
struct SyncStats : public BindingData {
  Global<Float64Array> doubles;
  Global<BigInt64Array> bigints;
  double* double_data = nullptr;
  int64_t* bigint_data = nullptr;
};

Local<Value> SyncStatsArray(Isolate* isolate, const uv_stat_t* s,
                            bool bigint) {
  Environment* env = Environment::GetCurrent(isolate);
  if (env == nullptr) return StatsArray(isolate, s, bigint);
  SyncStats* arrays = env->GetBindingData<SyncStats>("fs_sync_stats");
  if (arrays == nullptr) {
    arrays = env->SetBindingData("fs_sync_stats",
                                 std::make_unique<SyncStats>());
    Local<ArrayBuffer> dab = ArrayBuffer::New(isolate, kStatFields * 8);
    arrays->doubles.Reset(isolate, Float64Array::New(dab, 0, kStatFields));
    arrays->double_data = static_cast<double*>(dab->Data());
    Local<ArrayBuffer> bab = ArrayBuffer::New(isolate, kStatFields * 8);
    arrays->bigints.Reset(isolate, BigInt64Array::New(bab, 0, kStatFields));
    arrays->bigint_data = static_cast<int64_t*>(bab->Data());
  }
  if (bigint) {
    FillStats(arrays->bigint_data, s);
    return arrays->bigints.Get(isolate);
  }
  FillStats(arrays->double_data, s);
  return arrays->doubles.Get(isolate);
}

Local<Value> StatFsArray(Isolate* isolate, const uv_statfs_t* s, bool bigint) {
  Local<ArrayBuffer> ab = ArrayBuffer::New(isolate, kStatFsFields * 8);
  uint64_t v[kStatFsFields] = {s->f_type,  s->f_bsize, s->f_blocks,
                               s->f_bfree, s->f_bavail, s->f_files,
                               s->f_ffree};
  for (size_t i = 0; i < kStatFsFields; i++) {
    if (bigint) {
      static_cast<int64_t*>(ab->Data())[i] = static_cast<int64_t>(v[i]);
    } else {
      static_cast<double*>(ab->Data())[i] = static_cast<double>(v[i]);
    }
  }
  if (bigint) return BigInt64Array::New(ab, 0, kStatFsFields);
  return Float64Array::New(ab, 0, kStatFsFields);
}

// A file name as a string, or as the raw bytes when JS asked for 'buffer'
// (it then decodes other encodings itself).
Local<Value> NameValue(Isolate* isolate, const char* s, size_t len,
                       bool raw) {
  if (!raw) {
    Local<String> str;
    if (String::NewFromUtf8(isolate, s, v8::NewStringType::kNormal,
                            static_cast<int>(len)).ToLocal(&str)) {
      return str;
    }
    return String::Empty(isolate);
  }
  Local<ArrayBuffer> ab = ArrayBuffer::New(isolate, len);
  if (len > 0) memcpy(ab->Data(), s, len);
  return Uint8Array::New(ab, 0, len);
}

bool WantsRaw(Isolate* isolate, Local<Value> encoding) {
  if (!encoding->IsString()) return false;
  Utf8Value enc(isolate, encoding);
  return enc.view() == "buffer";
}

std::string PathArg(Isolate* isolate, Local<Value> v) {
  if (v->IsArrayBufferView()) {
    Local<ArrayBufferView> view = v.As<ArrayBufferView>();
    std::string out(view->ByteLength(), '\0');
    view->CopyContents(out.data(), out.size());
    return out;
  }
  Local<String> str;
  if (v->IsString()) {
    str = v.As<String>();
  } else if (!v->ToString(isolate->GetCurrentContext()).ToLocal(&str)) {
    return std::string();
  }
  // One pass, no count first: paths are short.
  std::string out;
  AppendUtf8(isolate, str, &out);
  return out;
}

int FdArg(Local<Value> v) {
  return v->IsInt32() ? v.As<v8::Int32>()->Value() : -1;
}

int IntArg(Local<Value> v, int fallback) {
  if (v->IsInt32()) return v.As<v8::Int32>()->Value();
  if (v->IsUint32()) return static_cast<int>(v.As<v8::Uint32>()->Value());
  return fallback;
}

int64_t Int64Arg(Local<Value> v, int64_t fallback) {
  if (v.IsEmpty()) return fallback;
  if (v->IsBigInt()) return v.As<v8::BigInt>()->Int64Value();
  if (v->IsNumber()) {
    double d = v.As<Number>()->Value();
    if (d != d) return fallback;  // NaN
    if (d >= 9.2e18) return INT64_MAX;
    if (d <= -9.2e18) return INT64_MIN;
    return static_cast<int64_t>(d);
  }
  return fallback;
}

double DoubleArg(Local<Value> v, double fallback) {
  return v->IsNumber() ? v.As<Number>()->Value() : fallback;
}

// The file position: a number or bigint >= 0, else "the current position".
int64_t PositionArg(Local<Value> v) {
  int64_t pos = Int64Arg(v, -1);
  return pos < 0 ? -1 : pos;
}

Local<Value> IntResult(Isolate* isolate, uv_fs_t* req) {
  return Number::New(isolate, static_cast<double>(req->result));
}

// --- The permission model ------------------------------------------------

using permission::Scope;

// A refused call: the ERR_ACCESS_DENIED error goes to the request's
// oncomplete (the asynchronous form, at once, as in Node) or is thrown (the
// synchronous form, or req_index -1: calls Node refuses by throwing either
// way).
void Refuse(const FunctionCallbackInfo<Value>& args, int req_index,
            Local<Value> error) {
  Isolate* isolate = args.GetIsolate();
  if (req_index < 0 || !args[req_index]->IsObject()) {
    isolate->ThrowException(error);
    return;
  }
  Local<Context> context = isolate->GetCurrentContext();
  Local<Object> req = args[req_index].As<Object>();
  Local<Value> oncomplete;
  if (req->Get(context, FIXED_ONE_BYTE_STRING(isolate, "oncomplete"))
          .ToLocal(&oncomplete) &&
      oncomplete->IsFunction()) {
    (void)oncomplete.As<v8::Function>()->Call(context, req, 1, &error);
  }
}

// Whether --permission lets the call touch `path` in `scope`; if not, the
// call is refused.
bool Permitted(const FunctionCallbackInfo<Value>& args, int req_index,
               Scope scope, const std::string& path) {
  if (!permission::IsEnabled() || permission::IsPathGranted(scope, path)) {
    return true;
  }
  Refuse(args, req_index,
         permission::AccessDeniedError(args.GetIsolate(), scope, path));
  return false;
}

// fchmod and fchown change a file through an fd that may have been opened
// only for reading: refused whenever the model is on.
bool FdChangePermitted(const FunctionCallbackInfo<Value>& args,
                       int req_index, const char* api) {
  if (!permission::IsEnabled()) return true;
  Refuse(args, req_index,
         permission::AccessDeniedError(
             args.GetIsolate(),
             std::string(api) +
                 " API is disabled when Permission Model is enabled."));
  return false;
}

// open()'s flags say what a call may do: read unless O_WRONLY, write unless
// O_RDONLY without a flag that writes anyway (O_APPEND, O_CREAT, O_TRUNC).
bool OpenReads(int flags) { return (flags & O_ACCMODE) != O_WRONLY; }
bool OpenWrites(int flags) {
  return (flags & O_ACCMODE) != O_RDONLY ||
         (flags & (O_APPEND | O_CREAT | O_TRUNC)) != 0;
}

bool OpenPermitted(const FunctionCallbackInfo<Value>& args, int req_index,
                   const std::string& path, int flags) {
  if (!permission::IsEnabled()) return true;
  return (!OpenReads(flags) ||
          Permitted(args, req_index, Scope::kFileSystemRead, path)) &&
         (!OpenWrites(flags) ||
          Permitted(args, req_index, Scope::kFileSystemWrite, path));
}

// Runs a uv_fs call synchronously or asynchronously. `call` is given the
// loop and callback (both null for the sync form). The sync result (or the
// thrown error) is set on `args` directly.
template <typename Call>
void Dispatch(const FunctionCallbackInfo<Value>& args, int req_index,
              const char* syscall, const std::string& path,
              const std::string& dest, Call call, ResultFn on_result,
              Local<Value> keep_alive = Local<Value>(),
              std::string* data = nullptr,
              std::vector<std::shared_ptr<v8::BackingStore>>* stores =
                  nullptr,
              std::function<void()> on_done = nullptr) {
  Isolate* isolate = args.GetIsolate();
  Local<Value> req_value = args[req_index];
  if (req_value->IsObject()) {
    Environment* env = Environment::GetCurrent(args);
    FSReq* req = new FSReq(env, req_value.As<Object>(), syscall, path, dest);
    req->result = std::move(on_result);
    if (!keep_alive.IsEmpty()) req->keep_alive.Reset(isolate, keep_alive);
    if (data != nullptr) req->data = std::move(*data);
    if (stores != nullptr) req->stores = std::move(*stores);
    req->on_done = std::move(on_done);
    int err = call(env->loop(), req->req(), FSReq::OnComplete, req);
    if (err < 0) {
      // libuv did not queue it: report through the same path as any
      // failure of the call itself.
      req->req()->result = err;
      FSReq::OnComplete(req->req());
    } else {
      req->TraceBegin(path);
    }
    return;
  }
  MaybePrintSyncTrace(isolate);
  SyncReq sync;
  int64_t began = SyncTraceOn() ? tracing::NowMicros() : 0;
  int err = call(nullptr, &sync.req, nullptr, nullptr);
  TraceSyncCall(sync.req.fs_type, began, err);
  if (err < 0) {
    ThrowUVException(isolate, err, syscall, nullptr,
                     path.empty() ? nullptr : path.c_str(),
                     dest.empty() ? nullptr : dest.c_str());
    return;
  }
  if (on_result) args.GetReturnValue().Set(on_result(isolate, &sync.req));
}

#define CALL(expr)                                                        \
  [&](uv_loop_t * loop, uv_fs_t * req, uv_fs_cb cb, FSReq * r) -> int {   \
    (void)r;                                                              \
    return expr;                                                          \
  }

// --- Work that is not one uv_fs call (mkdir -p) ---------------------------

class WorkReq : public ActiveRequest {
 public:
  WorkReq(Environment* env, Local<Object> req, const char* syscall,
          std::string path)
      : ActiveRequest(env, "FSReqCallback"), env_(env), syscall_(syscall),
        path_(std::move(path)) {
    req_.Reset(env->isolate(), req);
    work_.data = this;
  }
  Local<Object> request_object() const override {
    return req_.Get(env_->isolate());
  }
  std::function<int(std::string*)> work;
  std::function<Local<Value>(Isolate*, const std::string&)> result;

  int Queue() {
    return uv_queue_work(env_->loop(), &work_, DoWork, AfterWork);
  }

 private:
  static void DoWork(uv_work_t* w) {
    WorkReq* self = static_cast<WorkReq*>(w->data);
    self->err_ = self->work(&self->out_);
  }
  static void AfterWork(uv_work_t* w, int status) {
    std::unique_ptr<WorkReq> self(static_cast<WorkReq*>(w->data));
    Environment* env = self->env_;
    if (!env->can_call_into_js()) return;
    Isolate* isolate = env->isolate();
    HandleScope scope(isolate);
    Context::Scope context_scope(env->context());
    int err = status < 0 ? status : self->err_;
    Local<Value> argv[2] = {v8::Null(isolate), v8::Undefined(isolate)};
    if (err < 0) {
      argv[0] = UVException(isolate, err, self->syscall_, nullptr,
                            self->path_.c_str());
    } else if (self->result) {
      argv[1] = self->result(isolate, self->out_);
    }
    MakeCallback(env, self->req_.Get(isolate), "oncomplete",
                 argv[1]->IsUndefined() ? 1 : 2, argv);
  }

  Environment* env_;
  Global<Object> req_;
  const char* syscall_;
  std::string path_;
  uv_work_t work_;
  int err_ = 0;
  std::string out_;
};

std::string DirName(const std::string& path) {
  size_t end = path.size();
  while (end > 1 && path[end - 1] == '/') end--;
  size_t slash = path.rfind('/', end - 1);
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  size_t keep = slash;
  while (keep > 1 && path[keep - 1] == '/') keep--;
  return path.substr(0, keep);
}

// mkdir -p: creates `path` and any missing parents; `first` receives the
// topmost directory it created (empty when all existed).
int MkdirP(const std::string& path, int mode, std::string* first,
           int depth = 0) {
  if (depth > 4096) return UV_ENAMETOOLONG;
  uv_fs_t req;
  int err = uv_fs_mkdir(nullptr, &req, path.c_str(), mode, nullptr);
  uv_fs_req_cleanup(&req);
  if (err == 0) {
    if (first->empty()) *first = path;
    return 0;
  }
  if (err == UV_EEXIST || err == UV_EISDIR || err == UV_EROFS ||
      err == UV_EPERM || err == UV_EACCES) {
    uv_fs_t st;
    int serr = uv_fs_stat(nullptr, &st, path.c_str(), nullptr);
    bool is_dir = serr == 0 && S_ISDIR(st.statbuf.st_mode);
    uv_fs_req_cleanup(&st);
    if (is_dir) return 0;
    if (err == UV_EEXIST && serr == 0) return UV_EEXIST;
    return err;
  }
  if (err != UV_ENOENT) return err;
  std::string parent = DirName(path);
  if (parent == path) return err;
  int perr = MkdirP(parent, mode, first, depth + 1);
  if (perr < 0) return perr;
  err = uv_fs_mkdir(nullptr, &req, path.c_str(), mode, nullptr);
  uv_fs_req_cleanup(&req);
  if (err == 0) {
    if (first->empty()) *first = path;
    return 0;
  }
  if (err == UV_EEXIST) {
    uv_fs_t st;
    int serr = uv_fs_stat(nullptr, &st, path.c_str(), nullptr);
    bool is_dir = serr == 0 && S_ISDIR(st.statbuf.st_mode);
    uv_fs_req_cleanup(&st);
    if (is_dir) return 0;
  }
  return err;
}

// --- Bindings ---------------------------------------------------------------

// 0 for a file, 1 for a directory, a negative errno otherwise; never throws
// (the module loader probes many paths).
void InternalModuleStat(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Utf8Value path(isolate, args[args.Length() > 1 ? 1 : 0]);
  struct stat st;
  if (stat(*path, &st) != 0) {
    args.GetReturnValue().Set(-ENOENT);
    return;
  }
  args.GetReturnValue().Set(S_ISDIR(st.st_mode) ? 1 : 0);
}

// The fd of readFileUtf8/writeFileUtf8's first argument: an fd as given
// (*owned false), or a path opened with `flags` (and O_CLOEXEC) and `mode`
// (*owned true: the caller closes it). false with the open's error thrown.
bool OpenPathOrFd(Isolate* isolate, Local<Value> target, int flags, int mode,
                  int* fd, bool* owned) {
  if (target->IsInt32()) {
    *fd = target.As<v8::Int32>()->Value();
    *owned = false;
    return true;
  }
  std::string path = PathArg(isolate, target);
  if (permission::IsEnabled() &&
      ((OpenReads(flags) &&
        !permission::Check(isolate, Scope::kFileSystemRead, path)) ||
       (OpenWrites(flags) &&
        !permission::Check(isolate, Scope::kFileSystemWrite, path)))) {
    return false;
  }
  uv_fs_t req;
  *fd = TracedSync(UV_FS_OPEN, [&]() {
    return uv_fs_open(nullptr, &req, path.c_str(), flags | O_CLOEXEC, mode,
                      nullptr);
  });
  uv_fs_req_cleanup(&req);
  if (*fd < 0) {
    ThrowUVException(isolate, *fd, "open", nullptr, path.c_str());
    return false;
  }
  *owned = true;
  return true;
}

// readFileUtf8(pathOrFd, flags): a whole file as UTF-8 text.
void ReadFileUtf8(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  int fd;
  bool owned;
  if (!OpenPathOrFd(isolate, args[0], IntArg(args[1], O_RDONLY), 0666, &fd,
                    &owned)) {
    return;
  }
  std::string data;
  char buf[65536];
  int err = 0;
  for (;;) {
    ssize_t n = read(fd, buf, sizeof(buf));
    if (n < 0) {
      if (errno == EINTR) continue;
      err = uv_translate_sys_error(errno);
      break;
    }
    if (n == 0) break;
    data.append(buf, n);
  }
  if (owned) close(fd);
  if (err < 0) return ThrowUVException(isolate, err, "read");
  Local<String> str;
  if (ToV8String(isolate, data).ToLocal(&str)) {
    args.GetReturnValue().Set(str);
  } else {
    THROW_ERR_STRING_TOO_LONG(
        isolate, "Cannot create a string longer than 0x1fffffe8 characters");
  }
}

// realpath(path, encoding, req)
void RealPath(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  std::string path = PathArg(isolate, args[0]);
  bool raw = WantsRaw(isolate, args[1]);
  // Not checked, as in Node: it tells only where a path leads.
  Dispatch(args, 2, "realpath", path, "",
           CALL(uv_fs_realpath(loop, req, path.c_str(), cb)),
           [raw](Isolate* isolate, uv_fs_t* req) {
             const char* p = static_cast<const char*>(req->ptr);
             return NameValue(isolate, p, strlen(p), raw);
           });
}

// readlink(path, encoding, req)
void ReadLink(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  std::string path = PathArg(isolate, args[0]);
  bool raw = WantsRaw(isolate, args[1]);
  if (!Permitted(args, 2, Scope::kFileSystemRead, path)) return;
  Dispatch(args, 2, "readlink", path, "",
           CALL(uv_fs_readlink(loop, req, path.c_str(), cb)),
           [raw](Isolate* isolate, uv_fs_t* req) {
             const char* p = static_cast<const char*>(req->ptr);
             return NameValue(isolate, p, strlen(p), raw);
           });
}

// stat(path, bigint, req, throwIfNoEntry) and lstat(...)
template <bool kLstat>
void StatImpl(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  std::string path = PathArg(isolate, args[0]);
  bool bigint = args[1]->IsTrue();
  const char* syscall = kLstat ? "lstat" : "stat";
  if (permission::IsEnabled()) {
    if (!kLstat) {
      if (!Permitted(args, 2, Scope::kFileSystemRead, path)) return;
    } else if (args[4]->IsTrue() &&
               !permission::IsPathGranted(Scope::kFileSystemRead, path)) {
      // lstat is checked only when fs.lstat asks (args[4]), not in
      // realpath's walk through the folders above a granted path; Node's
      // message there is the short one.
      Refuse(args, 2,
             permission::AccessDeniedError(
                 isolate, "Access to this API has been restricted",
                 Scope::kFileSystemRead, path));
      return;
    }
  }
  if (!args[2]->IsObject() && args[3]->IsFalse()) {
    MaybePrintSyncTrace(isolate);
    SyncReq sync;
    int err = kLstat
                  ? uv_fs_lstat(nullptr, &sync.req, path.c_str(), nullptr)
                  : uv_fs_stat(nullptr, &sync.req, path.c_str(), nullptr);
    if (err == UV_ENOENT || err == UV_ENOTDIR) return;
    if (err < 0) {
      return ThrowUVException(isolate, err, syscall, nullptr, path.c_str());
    }
    args.GetReturnValue().Set(
        SyncStatsArray(isolate, &sync.req.statbuf, bigint));
    return;
  }
  bool sync = !args[2]->IsObject();
  Dispatch(args, 2, syscall, path, "",
           CALL(kLstat ? uv_fs_lstat(loop, req, path.c_str(), cb)
                       : uv_fs_stat(loop, req, path.c_str(), cb)),
           [bigint, sync](Isolate* isolate, uv_fs_t* req) {
             return sync ? SyncStatsArray(isolate, &req->statbuf, bigint)
                         : StatsArray(isolate, &req->statbuf, bigint);
           });
}

// fstat(fd, bigint, req)
void FStat(const FunctionCallbackInfo<Value>& args) {
  int fd = FdArg(args[0]);
  bool bigint = args[1]->IsTrue();
  bool sync = !args[2]->IsObject();
  Dispatch(args, 2, "fstat", "", "", CALL(uv_fs_fstat(loop, req, fd, cb)),
           [bigint, sync](Isolate* isolate, uv_fs_t* req) {
             return sync ? SyncStatsArray(isolate, &req->statbuf, bigint)
                         : StatsArray(isolate, &req->statbuf, bigint);
           });
}

// statfs(path, bigint, req)
void StatFs(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  std::string path = PathArg(isolate, args[0]);
  bool bigint = args[1]->IsTrue();
  if (!Permitted(args, 2, Scope::kFileSystemRead, path)) return;
  Dispatch(args, 2, "statfs", path, "",
           CALL(uv_fs_statfs(loop, req, path.c_str(), cb)),
           [bigint](Isolate* isolate, uv_fs_t* req) {
             return StatFsArray(isolate,
                                static_cast<uv_statfs_t*>(req->ptr), bigint);
           });
}

// open(path, flags, mode, req)
void Open(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  std::string path = PathArg(isolate, args[0]);
  int flags = IntArg(args[1], O_RDONLY) | O_CLOEXEC;
  int mode = IntArg(args[2], 0666);
  if (!OpenPermitted(args, 3, path, flags)) return;
  Dispatch(args, 3, "open", path, "",
           CALL(uv_fs_open(loop, req, path.c_str(), flags, mode, cb)),
           IntResult);
}

// close(fd, req)
void Close(const FunctionCallbackInfo<Value>& args) {
  int fd = FdArg(args[0]);
  Dispatch(args, 1, "close", "", "", CALL(uv_fs_close(loop, req, fd, cb)),
           nullptr);
}

// A view's bytes [offset, offset + length), or false after throwing.
bool ViewRange(Isolate* isolate, Local<Value> value, Local<Value> off_v,
               Local<Value> len_v, uv_buf_t* buf,
               std::vector<std::shared_ptr<v8::BackingStore>>* stores) {
  if (!value->IsArrayBufferView()) {
    THROW_ERR_INVALID_ARG_TYPE(isolate, "The \"buffer\" argument must be an "
                               "instance of Buffer, TypedArray, or DataView");
    return false;
  }
  Local<ArrayBufferView> view = value.As<ArrayBufferView>();
  size_t byte_length = view->ByteLength();
  int64_t offset = Int64Arg(off_v, 0);
  int64_t length = Int64Arg(len_v, static_cast<int64_t>(byte_length));
  if (offset < 0 || length < 0 ||
      static_cast<uint64_t>(offset) > byte_length ||
      static_cast<uint64_t>(length) > byte_length - offset ||
      length > INT32_MAX) {
    THROW_ERR_OUT_OF_RANGE(isolate, "The value of \"length\" is out of range.");
    return false;
  }
  std::shared_ptr<v8::BackingStore> store =
      view->Buffer()->GetBackingStore();
  char* base = byte_length == 0
                   ? nullptr
                   : static_cast<char*>(store->Data()) + view->ByteOffset();
  stores->push_back(std::move(store));
  *buf = uv_buf_init(base == nullptr ? nullptr : base + offset,
                     static_cast<unsigned>(length));
  return true;
}

// read(fd, buffer, offset, length, position, req)
void Read(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  int fd = FdArg(args[0]);
  uv_buf_t buf;
  std::vector<std::shared_ptr<v8::BackingStore>> stores;
  // Runs when libuv is done with the request, success or not.
  std::function<void()> on_done;
  if (!ViewRange(isolate, args[1], args[2], args[3], &buf, &stores)) return;
  int64_t position = PositionArg(args[4]);
  Dispatch(args, 5, "read", "", "",
           CALL(uv_fs_read(loop, req, fd, &buf, 1, position, cb)), IntResult,
           args[1], nullptr, &stores);
}

// writeBuffer(fd, buffer, offset, length, position, req)
void WriteBuffer(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  int fd = FdArg(args[0]);
  uv_buf_t buf;
  std::vector<std::shared_ptr<v8::BackingStore>> stores;
  // Runs when libuv is done with the request, success or not.
  std::function<void()> on_done;
  if (!ViewRange(isolate, args[1], args[2], args[3], &buf, &stores)) return;
  int64_t position = PositionArg(args[4]);
  Dispatch(args, 5, "write", "", "",
           CALL(uv_fs_write(loop, req, fd, &buf, 1, position, cb)), IntResult,
           args[1], nullptr, &stores);
}

// Collects the views of `array` as uv buffers; false after throwing. All
// elements are read first: a getter on a later index must not be able to
// free the memory of an earlier view (and the stores keep it alive anyway).
bool ViewList(Isolate* isolate, Local<Value> value,
              std::vector<uv_buf_t>* bufs,
              std::vector<std::shared_ptr<v8::BackingStore>>* stores) {
  if (!value->IsArray()) {
    THROW_ERR_INVALID_ARG_TYPE(isolate,
                               "The \"buffers\" argument must be an array");
    return false;
  }
  Local<Array> array = value.As<Array>();
  Local<Context> context = isolate->GetCurrentContext();
  std::vector<Local<Value>> items;
  for (uint32_t i = 0; i < array->Length(); i++) {
    Local<Value> item;
    if (!array->Get(context, i).ToLocal(&item)) return false;
    items.push_back(item);
  }
  for (Local<Value> item : items) {
    uv_buf_t buf;
    if (!ViewRange(isolate, item, v8::Undefined(isolate),
                   v8::Undefined(isolate), &buf, stores)) {
      return false;
    }
    bufs->push_back(buf);
  }
  return true;
}

// readBuffers(fd, buffers, position, req)
void ReadBuffers(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  int fd = FdArg(args[0]);
  std::vector<uv_buf_t> bufs;
  std::vector<std::shared_ptr<v8::BackingStore>> stores;
  // Runs when libuv is done with the request, success or not.
  std::function<void()> on_done;
  if (!ViewList(isolate, args[1], &bufs, &stores)) return;
  int64_t position = PositionArg(args[2]);
  Dispatch(args, 3, "read", "", "",
           CALL(uv_fs_read(loop, req, fd, bufs.data(),
                           static_cast<unsigned>(bufs.size()), position, cb)),
           IntResult, args[1], nullptr, &stores);
}

// writeBuffers(fd, buffers, position, req)
void WriteBuffers(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  int fd = FdArg(args[0]);
  std::vector<uv_buf_t> bufs;
  std::vector<std::shared_ptr<v8::BackingStore>> stores;
  // Runs when libuv is done with the request, success or not.
  std::function<void()> on_done;
  if (!ViewList(isolate, args[1], &bufs, &stores)) return;
  int64_t position = PositionArg(args[2]);
  Dispatch(args, 3, "write", "", "",
           CALL(uv_fs_write(loop, req, fd, bufs.data(),
                            static_cast<unsigned>(bufs.size()), position, cb)),
           IntResult, args[1], nullptr, &stores);
}

// writeString(fd, string, position, req): UTF-8; JS encodes the others.
// The synchronous form writes everything (stdio relies on that).
void WriteString(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  int fd = FdArg(args[0]);
  Utf8Value str(isolate, args[1]);
  int64_t position = PositionArg(args[2]);
  if (args[3]->IsObject()) {
    std::string data = str.ToString();
    Dispatch(args, 3, "write", "", "",
             [&](uv_loop_t* loop, uv_fs_t* req, uv_fs_cb cb, FSReq* r) {
               uv_buf_t b = uv_buf_init(
                   r->data.data(), static_cast<unsigned>(r->data.size()));
               return uv_fs_write(loop, req, fd, &b, 1, position, cb);
             },
             IntResult, Local<Value>(), &data);
    return;
  }
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

// writeFileUtf8(pathOrFd, string, flags, mode): writeFileSync of a string
// as UTF-8 in one call: open (unless given an fd), write it all, close.
// Errors are those of the open, write and close calls.
void WriteFileUtf8(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  if (!args[1]->IsString()) {
    THROW_ERR_INVALID_ARG_TYPE(isolate,
                               "The \"data\" argument must be of type string");
    return;
  }
  Local<String> str = args[1].As<String>();
  int fd;
  bool owned;
  if (!OpenPathOrFd(isolate, args[0],
                    IntArg(args[2], O_WRONLY | O_CREAT | O_TRUNC),
                    IntArg(args[3], 0666), &fd, &owned)) {
    return;
  }
  // The bytes, on the stack when small: room for three per UTF-16 unit
  // while that fits there, the exact count past it.
  size_t units = static_cast<size_t>(str->Length());
  size_t room = units <= Scratch<char>::kStackElements / 3
                    ? units * 3
                    : Utf8LengthOf(isolate, str);
  Scratch<char> bytes(room);
  size_t length = WriteWholeUtf8(
      isolate, str, reinterpret_cast<uint8_t*>(bytes.data()), room);
  size_t written = 0;
  int err = 0;
  while (written < length) {
    uv_fs_t req;
    size_t chunk = length - written;
    if (chunk > INT32_MAX) chunk = INT32_MAX;
    uv_buf_t buf =
        uv_buf_init(bytes.data() + written, static_cast<unsigned>(chunk));
    int n = TracedSync(UV_FS_WRITE, [&]() {
      return uv_fs_write(nullptr, &req, fd, &buf, 1, -1, nullptr);
    });
    uv_fs_req_cleanup(&req);
    if (n < 0) {
      err = n;
      break;
    }
    written += static_cast<size_t>(n);
  }
  if (owned) {
    uv_fs_t req;
    int cerr = TracedSync(UV_FS_CLOSE, [&]() {
      return uv_fs_close(nullptr, &req, fd, nullptr);
    });
    uv_fs_req_cleanup(&req);
    if (err == 0 && cerr < 0) {
      return ThrowUVException(isolate, cerr, "close");
    }
  }
  if (err < 0) return ThrowUVException(isolate, err, "write");
}

// --- Whole files for fs.promises (readFile / writeFile of a path) ----------

constexpr int64_t kIoMaxLength = 2147483647;  // 2 ** 31 - 1, as in JS
constexpr size_t kReadUnknownChunk = 64 * 1024;
constexpr size_t kWriteMaxChunk = 512 * 1024;

// fs.promises.readFile/writeFile of a path as one threadpool job: open, read
// or write everything, (fsync,) close in the worker thread, then one
// callback, instead of a trip through the loop per call. The error is that
// of the first call that failed, named as the separate calls name it (the
// path only on the open's); the close after a failure is not reported.
class WholeFileReq : public ActiveRequest {
 public:
  WholeFileReq(Environment* env, Local<Object> req, std::string path)
      : ActiveRequest(env, "FSReqCallback"), env_(env),
        path_(std::move(path)) {
    req_.Reset(env->isolate(), req);
    work_.data = this;
  }
  ~WholeFileReq() override {
    if (block_ > 0) {
      FreeBytes(out_, block_);
    } else {
      free(out_);
    }
  }
  LODE_DISALLOW_COPY(WholeFileReq);

  Local<Object> request_object() const override {
    return req_.Get(env_->isolate());
  }

  bool reading = false;
  int flags = O_RDONLY;
  int mode = 0666;
  bool flush = false;
  // The bytes a write takes: `bytes` (a string's UTF-8), or those of a view
  // whose memory `store` keeps alive.
  std::string bytes;
  const char* src = nullptr;
  size_t src_length = 0;
  std::shared_ptr<v8::BackingStore> store;
  Global<Value> keep_alive;

  int Queue() {
    return uv_queue_work(env_->loop(), &work_, DoWork, AfterWork);
  }

 private:
  static void DoWork(uv_work_t* w) {
    static_cast<WholeFileReq*>(w->data)->Run();
  }

  // Sets err_ and syscall_ when `result` is an error; true when it is not.
  bool Check(int result, const char* syscall) {
    if (result >= 0) return true;
    err_ = result;
    syscall_ = syscall;
    return false;
  }

  void Run() {
    uv_fs_t req;
    int fd = TracedAsync(UV_FS_OPEN, this, [&]() {
      return uv_fs_open(nullptr, &req, path_.c_str(), flags | O_CLOEXEC, mode,
                        nullptr);
    });
    uv_fs_req_cleanup(&req);
    if (!Check(fd, "open")) return;
    bool ok = reading ? ReadAll(fd) : WriteAll(fd);
    if (ok && flush) {
      int r = TracedAsync(UV_FS_FSYNC, this, [&]() {
        return uv_fs_fsync(nullptr, &req, fd, nullptr);
      });
      uv_fs_req_cleanup(&req);
      ok = Check(r, "fsync");
    }
    int r = TracedAsync(UV_FS_CLOSE, this, [&]() {
      return uv_fs_close(nullptr, &req, fd, nullptr);
    });
    uv_fs_req_cleanup(&req);
    if (ok) Check(r, "close");
  }

  bool Grow(size_t capacity) {
    char* p = static_cast<char*>(realloc(out_, capacity));
    if (p == nullptr) return Check(UV_ENOMEM, "read");
    out_ = p;
    capacity_ = capacity;
    return true;
  }

  // A regular file of known size is read into one block of that size, up
  // to that size (bytes appended meanwhile are not read); anything else
  // (pipes, character devices, /proc files of size 0) until end of file.
  bool ReadAll(int fd) {
    uv_fs_t req;
    int r = TracedAsync(UV_FS_FSTAT, this, [&]() {
      return uv_fs_fstat(nullptr, &req, fd, nullptr);
    });
    uint64_t mode = req.statbuf.st_mode;
    int64_t size = static_cast<int64_t>(req.statbuf.st_size);
    uv_fs_req_cleanup(&req);
    if (!Check(r, "fstat")) return false;
    if (!S_ISREG(mode) || size < 0) size = 0;
    if (size > kIoMaxLength) {
      too_large_ = size;
      return true;
    }
    bool known = size > 0;
    if (known) {
      // One block of the exact size, from the ArrayBuffer allocator's
      // source (huge pages for a large one); never resized.
      out_ = static_cast<char*>(AllocateBytes(static_cast<size_t>(size),
                                              false));
      if (out_ == nullptr) return Check(UV_ENOMEM, "read");
      block_ = capacity_ = static_cast<size_t>(size);
    }
    for (;;) {
      if (known && length_ == capacity_) break;
      if (!known && capacity_ - length_ < kReadUnknownChunk) {
        // Doubling, but never far past the largest size accepted.
        size_t next = capacity_ == 0 ? kReadUnknownChunk : capacity_ * 2;
        size_t limit = static_cast<size_t>(kIoMaxLength) + kReadUnknownChunk;
        if (next > limit) next = limit;
        if (!Grow(next)) return false;
      }
      size_t want = capacity_ - length_;
      if (!known && want > kReadUnknownChunk) want = kReadUnknownChunk;
      uv_buf_t buf = uv_buf_init(out_ + length_, static_cast<unsigned>(want));
      int n = TracedAsync(UV_FS_READ, this, [&]() {
        return uv_fs_read(nullptr, &req, fd, &buf, 1, -1, nullptr);
      });
      uv_fs_req_cleanup(&req);
      if (!Check(n, "read")) return false;
      if (n == 0) break;
      length_ += static_cast<size_t>(n);
      if (!known && static_cast<int64_t>(length_) > kIoMaxLength) {
        too_large_ = static_cast<int64_t>(length_);
        return true;
      }
    }
    return true;
  }

  bool WriteAll(int fd) {
    const char* data = src != nullptr ? src : bytes.data();
    size_t length = src != nullptr ? src_length : bytes.size();
    size_t done = 0;
    while (done < length) {
      size_t chunk = length - done;
      if (chunk > kWriteMaxChunk) chunk = kWriteMaxChunk;
      uv_fs_t req;
      uv_buf_t buf = uv_buf_init(const_cast<char*>(data) + done,
                                 static_cast<unsigned>(chunk));
      int n = TracedAsync(UV_FS_WRITE, this, [&]() {
        return uv_fs_write(nullptr, &req, fd, &buf, 1, -1, nullptr);
      });
      uv_fs_req_cleanup(&req);
      if (!Check(n, "write")) return false;
      done += static_cast<size_t>(n);
    }
    return true;
  }

  static void AfterWork(uv_work_t* w, int status) {
    std::unique_ptr<WholeFileReq> self(static_cast<WholeFileReq*>(w->data));
    Environment* env = self->env_;
    if (!env->can_call_into_js()) return;
    Isolate* isolate = env->isolate();
    HandleScope scope(isolate);
    Context::Scope context_scope(env->context());
    if (status < 0) self->Check(status, "open");
    Local<Value> argv[2] = {v8::Null(isolate), v8::Undefined(isolate)};
    if (self->err_ < 0) {
      bool open = strcmp(self->syscall_, "open") == 0;
      argv[0] = UVException(isolate, self->err_, self->syscall_, nullptr,
                            open ? self->path_.c_str() : nullptr);
    } else if (self->reading) {
      argv[1] = self->Result(isolate);
    }
    MakeCallback(env, self->req_.Get(isolate), "oncomplete",
                 argv[1]->IsUndefined() ? 1 : 2, argv);
  }

  // The bytes read as an ArrayBuffer, or the size of a file too large to
  // read (JS throws ERR_FS_FILE_TOO_LARGE).
  Local<Value> Result(Isolate* isolate) {
    if (too_large_ >= 0) {
      return Number::New(isolate, static_cast<double>(too_large_));
    }
    if (length_ == 0) return ArrayBuffer::New(isolate, 0);
    std::unique_ptr<v8::BackingStore> backing;
    // Counted in process.memoryUsage().arrayBuffers as the allocator's
    // blocks are, until V8 lets the store go.
    CountArrayBufferBytes(static_cast<int64_t>(length_));
    if (block_ > 0) {
      // A file that came out shorter keeps its block (freed whole).
      backing = ArrayBuffer::NewBackingStore(
          out_, length_,
          [](void* data, size_t length, void* block) {
            CountArrayBufferBytes(-static_cast<int64_t>(length));
            FreeBytes(data, reinterpret_cast<size_t>(block));
          },
          reinterpret_cast<void*>(block_));
      block_ = 0;
    } else {
      if (length_ < capacity_) Grow(length_);  // a shorter block
      backing = ArrayBuffer::NewBackingStore(
          out_, length_,
          [](void* data, size_t length, void*) {
            CountArrayBufferBytes(-static_cast<int64_t>(length));
            free(data);
          },
          nullptr);
    }
    out_ = nullptr;
    return ArrayBuffer::New(isolate, std::move(backing));
  }

  Environment* env_;
  Global<Object> req_;
  std::string path_;
  uv_work_t work_;
  const char* syscall_ = "open";
  int err_ = 0;
  char* out_ = nullptr;
  size_t length_ = 0;
  size_t capacity_ = 0;
  size_t block_ = 0;  // out_'s length when AllocateBytes made it
  int64_t too_large_ = -1;
};

// The request object readFileAll/writeFileAll complete through; throws
// when `value` is none.
bool IsReqArg(Isolate* isolate, Local<Value> value) {
  if (value->IsObject()) return true;
  THROW_ERR_INVALID_ARG_TYPE(isolate,
                             "The \"req\" argument must be an object");
  return false;
}

// readFileAll(path, flags, req): oncomplete(err, arrayBuffer) or, for a file
// larger than kIoMaxLength, oncomplete(null, itsSize).
void ReadFileAll(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  if (!IsReqArg(isolate, args[2])) return;
  Environment* env = Environment::GetCurrent(args);
  std::string path = PathArg(isolate, args[0]);
  int flags = IntArg(args[1], O_RDONLY);
  if (!OpenPermitted(args, 2, path, flags)) return;
  auto req = std::make_unique<WholeFileReq>(env, args[2].As<Object>(),
                                            std::move(path));
  req->reading = true;
  req->flags = flags;
  int err = req->Queue();
  if (err < 0) return ThrowUVException(isolate, err, "open");
  req.release();
}

// writeFileAll(path, data, flags, mode, flush, req): `data` a string
// (written as UTF-8) or an ArrayBufferView.
void WriteFileAll(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  if (!IsReqArg(isolate, args[5])) return;
  Environment* env = Environment::GetCurrent(args);
  std::string path = PathArg(isolate, args[0]);
  if (!OpenPermitted(args, 5, path,
                     IntArg(args[2], O_WRONLY | O_CREAT | O_TRUNC))) {
    return;
  }
  auto req = std::make_unique<WholeFileReq>(env, args[5].As<Object>(),
                                            std::move(path));
  if (args[1]->IsString()) {
    req->bytes = Utf8Value(isolate, args[1]).ToString();
  } else if (args[1]->IsArrayBufferView()) {
    Local<ArrayBufferView> view = args[1].As<ArrayBufferView>();
    req->src_length = view->ByteLength();
    if (req->src_length > 0) {
      req->store = view->Buffer()->GetBackingStore();
      req->src = static_cast<const char*>(req->store->Data()) +
                 view->ByteOffset();
    } else {
      req->src = "";
    }
    req->keep_alive.Reset(isolate, args[1]);
  } else {
    THROW_ERR_INVALID_ARG_TYPE(isolate, "The \"data\" argument must be of "
                               "type string or an instance of "
                               "ArrayBufferView");
    return;
  }
  req->flags = IntArg(args[2], O_WRONLY | O_CREAT | O_TRUNC);
  req->mode = IntArg(args[3], 0666);
  req->flush = args[4]->IsTrue();
  int err = req->Queue();
  if (err < 0) return ThrowUVException(isolate, err, "open");
  req.release();
}

// mkdir(path, mode, recursive, req): with `recursive`, the result is the
// first directory created (undefined when none was).
void Mkdir(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  std::string path = PathArg(isolate, args[0]);
  int mode = IntArg(args[1], 0777);
  if (!Permitted(args, -1, Scope::kFileSystemWrite, path)) return;
  if (!args[2]->IsTrue()) {
    Dispatch(args, 3, "mkdir", path, "",
             CALL(uv_fs_mkdir(loop, req, path.c_str(), mode, cb)), nullptr);
    return;
  }
  auto result = [](Isolate* isolate, const std::string& first) {
    if (first.empty()) return Local<Value>(v8::Undefined(isolate));
    return Local<Value>(Utf8String(isolate, first));
  };
  if (args[3]->IsObject()) {
    Environment* env = Environment::GetCurrent(args);
    WorkReq* req = new WorkReq(env, args[3].As<Object>(), "mkdir", path);
    req->work = [path, mode](std::string* out) {
      return MkdirP(path, mode, out);
    };
    req->result = result;
    int err = req->Queue();
    if (err < 0) {
      delete req;
      ThrowUVException(isolate, err, "mkdir", nullptr, path.c_str());
    }
    return;
  }
  std::string first;
  int err = MkdirP(path, mode, &first);
  if (err < 0) {
    return ThrowUVException(isolate, err, "mkdir", nullptr, path.c_str());
  }
  args.GetReturnValue().Set(result(isolate, first));
}

// mkdtemp(prefix, encoding, req): the prefix gets six random characters.
void Mkdtemp(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  std::string tmpl = PathArg(isolate, args[0]) + "XXXXXX";
  bool raw = WantsRaw(isolate, args[1]);
  if (!Permitted(args, 2, Scope::kFileSystemWrite, tmpl)) return;
  Dispatch(args, 2, "mkdtemp", tmpl, "",
           CALL(uv_fs_mkdtemp(loop, req, tmpl.c_str(), cb)),
           [raw](Isolate* isolate, uv_fs_t* req) {
             return NameValue(isolate, req->path, strlen(req->path), raw);
           });
}

#define LODE_PATH_CALL(Name, syscall, uvcall)                             \
  void Name(const FunctionCallbackInfo<Value>& args) {                    \
    std::string path = PathArg(args.GetIsolate(), args[0]);               \
    if (!Permitted(args, 1, Scope::kFileSystemWrite, path)) return;       \
    Dispatch(args, 1, syscall, path, "",                                  \
             CALL(uvcall(loop, req, path.c_str(), cb)), nullptr);         \
  }
LODE_PATH_CALL(Rmdir, "rmdir", uv_fs_rmdir)
LODE_PATH_CALL(Unlink, "unlink", uv_fs_unlink)
#undef LODE_PATH_CALL

#define LODE_FD_CALL(Name, syscall, uvcall)                               \
  void Name(const FunctionCallbackInfo<Value>& args) {                    \
    int fd = FdArg(args[0]);                                              \
    Dispatch(args, 1, syscall, "", "", CALL(uvcall(loop, req, fd, cb)),   \
             nullptr);                                                    \
  }
LODE_FD_CALL(Fsync, "fsync", uv_fs_fsync)
LODE_FD_CALL(Fdatasync, "fdatasync", uv_fs_fdatasync)
#undef LODE_FD_CALL

#define LODE_TWO_PATH_CALL(Name, syscall, uvcall)                          \
  void Name(const FunctionCallbackInfo<Value>& args) {                     \
    Isolate* isolate = args.GetIsolate();                                  \
    std::string from = PathArg(isolate, args[0]);                          \
    std::string to = PathArg(isolate, args[1]);                            \
    if (!Permitted(args, 2, Scope::kFileSystemRead, from) ||               \
        !Permitted(args, 2, Scope::kFileSystemWrite, from) ||              \
        !Permitted(args, 2, Scope::kFileSystemWrite, to)) {                \
      return;                                                              \
    }                                                                      \
    Dispatch(args, 2, syscall, from, to,                                   \
             CALL(uvcall(loop, req, from.c_str(), to.c_str(), cb)),        \
             nullptr);                                                     \
  }
LODE_TWO_PATH_CALL(Rename, "rename", uv_fs_rename)
LODE_TWO_PATH_CALL(Link, "link", uv_fs_link)
#undef LODE_TWO_PATH_CALL

// symlink(target, path, flags, req)
void Symlink(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  std::string target = PathArg(isolate, args[0]);
  std::string path = PathArg(isolate, args[1]);
  int flags = IntArg(args[2], 0);
  // A relative target would be resolved from the link's folder, which the
  // grants cannot follow: refused.
  if (permission::IsEnabled() && (target.empty() || target[0] != '/')) {
    Refuse(args, 3,
           permission::AccessDeniedError(isolate,
                                         "relative symbolic link target"));
    return;
  }
  if (!Permitted(args, 3, Scope::kFileSystemRead, target) ||
      !Permitted(args, 3, Scope::kFileSystemWrite, target) ||
      !Permitted(args, 3, Scope::kFileSystemWrite, path)) {
    return;
  }
  Dispatch(args, 3, "symlink", target, path,
           CALL(uv_fs_symlink(loop, req, target.c_str(), path.c_str(), flags,
                              cb)),
           nullptr);
}

// The mode of access() and copyFile(): an int32 in [0, 7] or nullish, checked
// here with Node's own messages for it.
bool ValidMode(Isolate* isolate, Local<Value> v, int* mode) {
  if (v->IsNullOrUndefined()) {
    *mode = 0;
    return true;
  }
  if (!v->IsInt32()) {
    THROW_ERR_INVALID_ARG_TYPE(isolate, "mode must be int32 or null/undefined");
    return false;
  }
  *mode = v.As<v8::Int32>()->Value();
  if (*mode < 0 || *mode > 7) {
    THROW_ERR_OUT_OF_RANGE(isolate, "mode is out of range: >= 0 && <= 7");
    return false;
  }
  return true;
}

// copyFile(src, dest, mode, req)
void CopyFile(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  std::string src = PathArg(isolate, args[0]);
  std::string dest = PathArg(isolate, args[1]);
  int mode;
  if (!ValidMode(isolate, args[2], &mode)) return;
  if (!Permitted(args, 3, Scope::kFileSystemRead, src) ||
      !Permitted(args, 3, Scope::kFileSystemWrite, dest)) {
    return;
  }
  Dispatch(args, 3, "copyfile", src, dest,
           CALL(uv_fs_copyfile(loop, req, src.c_str(), dest.c_str(), mode,
                               cb)),
           nullptr);
}

// access(path, mode, req)
void Access(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  std::string path = PathArg(isolate, args[0]);
  int mode;
  if (!ValidMode(isolate, args[1], &mode)) return;
  if (!Permitted(args, 2, Scope::kFileSystemRead, path)) return;
  Dispatch(args, 2, "access", path, "",
           CALL(uv_fs_access(loop, req, path.c_str(), mode, cb)), nullptr);
}

void ExistsSync(const FunctionCallbackInfo<Value>& args) {
  std::string path = PathArg(args.GetIsolate(), args[0]);
  if (!Permitted(args, -1, Scope::kFileSystemRead, path)) return;
  args.GetReturnValue().Set(access(path.c_str(), F_OK) == 0);
}

// chmod(path, mode, req), fchmod(fd, mode, req), lchmod is absent on Linux.
void Chmod(const FunctionCallbackInfo<Value>& args) {
  std::string path = PathArg(args.GetIsolate(), args[0]);
  int mode = IntArg(args[1], 0);
  if (!Permitted(args, -1, Scope::kFileSystemWrite, path)) return;
  Dispatch(args, 2, "chmod", path, "",
           CALL(uv_fs_chmod(loop, req, path.c_str(), mode, cb)), nullptr);
}

void FChmod(const FunctionCallbackInfo<Value>& args) {
  int fd = FdArg(args[0]);
  int mode = IntArg(args[1], 0);
  if (!FdChangePermitted(args, 2, "fchmod")) return;
  Dispatch(args, 2, "fchmod", "", "",
           CALL(uv_fs_fchmod(loop, req, fd, mode, cb)), nullptr);
}

uv_uid_t IdArg(Local<Value> v) {
  return static_cast<uv_uid_t>(static_cast<uint32_t>(Int64Arg(v, -1)));
}

// chown(path, uid, gid, req), lchown(...), fchown(fd, uid, gid, req)
template <bool kLchown>
void ChownImpl(const FunctionCallbackInfo<Value>& args) {
  std::string path = PathArg(args.GetIsolate(), args[0]);
  uv_uid_t uid = IdArg(args[1]);
  uv_gid_t gid = static_cast<uv_gid_t>(IdArg(args[2]));
  if (!Permitted(args, 3, Scope::kFileSystemWrite, path)) return;
  Dispatch(args, 3, kLchown ? "lchown" : "chown", path, "",
           CALL(kLchown ? uv_fs_lchown(loop, req, path.c_str(), uid, gid, cb)
                        : uv_fs_chown(loop, req, path.c_str(), uid, gid, cb)),
           nullptr);
}

void FChown(const FunctionCallbackInfo<Value>& args) {
  int fd = FdArg(args[0]);
  uv_uid_t uid = IdArg(args[1]);
  uv_gid_t gid = static_cast<uv_gid_t>(IdArg(args[2]));
  if (!FdChangePermitted(args, 3, "fchown")) return;
  Dispatch(args, 3, "fchown", "", "",
           CALL(uv_fs_fchown(loop, req, fd, uid, gid, cb)), nullptr);
}

// utimes(path, atime, mtime, req), lutimes(...), futimes(fd, ...): seconds.
template <bool kLutimes>
void UtimesImpl(const FunctionCallbackInfo<Value>& args) {
  std::string path = PathArg(args.GetIsolate(), args[0]);
  double atime = DoubleArg(args[1], 0);
  double mtime = DoubleArg(args[2], 0);
  if (!Permitted(args, -1, Scope::kFileSystemWrite, path)) return;
  Dispatch(args, 3, kLutimes ? "lutime" : "utime", path, "",
           CALL(kLutimes
                    ? uv_fs_lutime(loop, req, path.c_str(), atime, mtime, cb)
                    : uv_fs_utime(loop, req, path.c_str(), atime, mtime, cb)),
           nullptr);
}

void FUtimes(const FunctionCallbackInfo<Value>& args) {
  int fd = FdArg(args[0]);
  double atime = DoubleArg(args[1], 0);
  double mtime = DoubleArg(args[2], 0);
  Dispatch(args, 3, "futime", "", "",
           CALL(uv_fs_futime(loop, req, fd, atime, mtime, cb)), nullptr);
}

// ftruncate(fd, length, req)
void FTruncate(const FunctionCallbackInfo<Value>& args) {
  int fd = FdArg(args[0]);
  int64_t len = Int64Arg(args[1], 0);
  Dispatch(args, 2, "ftruncate", "", "",
           CALL(uv_fs_ftruncate(loop, req, fd, len, cb)), nullptr);
}

// readdir(path, encoding, withFileTypes, req): names, or [names, types].
Local<Value> DirentsResult(Isolate* isolate, uv_fs_t* req, bool with_types,
                           bool raw) {
  std::vector<Local<Value>> names;
  std::vector<Local<Value>> types;
  // scandir's result is the number of entries.
  if (req->result > 0) {
    names.reserve(static_cast<size_t>(req->result));
    if (with_types) types.reserve(static_cast<size_t>(req->result));
  }
  uv_dirent_t ent;
  while (uv_fs_scandir_next(req, &ent) != UV_EOF) {
    names.push_back(NameValue(isolate, ent.name, strlen(ent.name), raw));
    if (with_types) types.push_back(Integer::New(isolate, ent.type));
  }
  Local<Array> names_arr = Array::New(isolate, names.data(), names.size());
  if (!with_types) return names_arr;
  Local<Value> pair[] = {names_arr,
                         Array::New(isolate, types.data(), types.size())};
  return Array::New(isolate, pair, 2);
}

void ReadDir(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  std::string path = PathArg(isolate, args[0]);
  bool raw = WantsRaw(isolate, args[1]);
  bool with_types = args[2]->IsTrue();
  if (!Permitted(args, 3, Scope::kFileSystemRead, path)) return;
  Dispatch(args, 3, "scandir", path, "",
           CALL(uv_fs_scandir(loop, req, path.c_str(), 0, cb)),
           [with_types, raw](Isolate* isolate, uv_fs_t* req) {
             return DirentsResult(isolate, req, with_types, raw);
           });
}

// --- Dir handles (opendir) --------------------------------------------------

struct DirState {
  uv_dir_t* dir = nullptr;
  std::vector<uv_dirent_t> dirents;
  // An asynchronous read is in flight: its buffer and `dir` are in use.
  bool busy = false;
};

// Dir handles are plain objects with one internal field. The template is
// made per call: a template kept in a process-wide Global would break the
// startup snapshot and a second isolate.
Local<ObjectTemplate> DirTemplate(Isolate* isolate) {
  Local<ObjectTemplate> t = ObjectTemplate::New(isolate);
  t->SetInternalFieldCount(kWrapFieldCount);
  return t;
}

const WrapType kDirType = {"Dir", nullptr};

DirState* UnwrapDir(Local<Value> v) {
  return static_cast<DirState*>(GetWrapped(v, &kDirType));
}

// opendir(path, encoding, req) -> a handle for dirRead/dirClose.
void OpenDir(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  std::string path = PathArg(isolate, args[0]);
  if (!Permitted(args, 2, Scope::kFileSystemRead, path)) return;
  // Node reports a failed opendir without the path.
  Dispatch(args, 2, "opendir", "", "",
           CALL(uv_fs_opendir(loop, req, path.c_str(), cb)),
           [](Isolate* isolate, uv_fs_t* req) -> Local<Value> {
             Local<Object> obj;
             if (!DirTemplate(isolate)
                      ->NewInstance(isolate->GetCurrentContext())
                      .ToLocal(&obj)) {
               return v8::Undefined(isolate);
             }
             DirState* state = new DirState();
             state->dir = static_cast<uv_dir_t*>(req->ptr);
             SetWrapped(obj, state, &kDirType);
             return obj;
           });
}

// dirRead(handle, encoding, bufferSize, req) -> [name, type, ...] or null.
void DirRead(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  DirState* state = UnwrapDir(args[0]);
  if (state == nullptr || state->dir == nullptr) {
    return THROW_ERR_INVALID_STATE(isolate, "Invalid state: Directory handle "
                                   "was closed");
  }
  if (state->busy) {
    return THROW_ERR_INVALID_STATE(isolate, "Invalid state: Directory "
                                   "operation already in progress");
  }
  bool raw = WantsRaw(isolate, args[1]);
  int size = IntArg(args[2], 32);
  if (size < 1) size = 1;
  if (size > 4096) size = 4096;
  state->dirents.resize(size);
  state->dir->dirents = state->dirents.data();
  state->dir->nentries = state->dirents.size();
  uv_dir_t* dir = state->dir;
  // Set before dispatching: a request libuv refuses completes at once.
  if (args[3]->IsObject()) state->busy = true;
  Dispatch(args, 3, "scandir", "", "",
           CALL(uv_fs_readdir(loop, req, dir, cb)),
           [raw, dir](Isolate* isolate, uv_fs_t* req) -> Local<Value> {
             if (req->result == 0) return v8::Null(isolate);
             std::vector<Local<Value>> out;
             for (ssize_t i = 0; i < req->result; i++) {
               const uv_dirent_t& ent = dir->dirents[i];
               out.push_back(NameValue(isolate, ent.name, strlen(ent.name),
                                       raw));
               out.push_back(Integer::New(isolate, ent.type));
             }
             // Free the names now: the callback may close the directory
             // (freeing `dir`) before the request itself is cleaned up.
             uv_fs_req_cleanup(req);
             return Array::New(isolate, out.data(), out.size());
           },
           args[0], nullptr, nullptr,
           args[3]->IsObject() ? std::function<void()>([state]() {
             state->busy = false;
           }) : nullptr);
}

// dirClose(handle, req)
void DirClose(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  DirState* state = UnwrapDir(args[0]);
  if (state == nullptr || state->dir == nullptr) {
    return THROW_ERR_INVALID_STATE(isolate, "Invalid state: Directory handle "
                                   "was closed");
  }
  if (state->busy) {
    return THROW_ERR_INVALID_STATE(isolate, "Invalid state: Directory "
                                   "operation already in progress");
  }
  uv_dir_t* dir = state->dir;
  state->dir = nullptr;
  ClearWrapped(args[0].As<Object>());
  // The dirents vector must outlive the closedir; it goes with the state.
  std::shared_ptr<DirState> owned(state);
  Dispatch(args, 1, "closedir", "", "",
           CALL(uv_fs_closedir(loop, req, dir, cb)),
           [owned](Isolate* isolate, uv_fs_t*) -> Local<Value> {
             return v8::Undefined(isolate);
           });
  // Dispatch returns a value for the sync form only; keep it undefined.
  args.GetReturnValue().SetUndefined();
}

#undef CALL

void Initialize(Local<Object> target, Local<Value>, Local<Context> context,
                void*) {
  Isolate* isolate = context->GetIsolate();
  SetMethodNoSideEffect(context, target, "internalModuleStat",
                        InternalModuleStat);
  SetMethod(context, target, "readFileUtf8", ReadFileUtf8);
  SetMethod(context, target, "realpath", RealPath);
  SetMethod(context, target, "readlink", ReadLink);
  SetMethod(context, target, "stat", StatImpl<false>);
  SetMethod(context, target, "lstat", StatImpl<true>);
  SetMethod(context, target, "fstat", FStat);
  SetMethod(context, target, "statfs", StatFs);
  SetMethod(context, target, "open", Open);
  SetMethod(context, target, "close", Close);
  SetMethod(context, target, "read", Read);
  SetMethod(context, target, "readBuffers", ReadBuffers);
  SetMethod(context, target, "writeBuffer", WriteBuffer);
  SetMethod(context, target, "writeBuffers", WriteBuffers);
  SetMethod(context, target, "writeString", WriteString);
  SetMethod(context, target, "writeFileUtf8", WriteFileUtf8);
  SetMethod(context, target, "readFileAll", ReadFileAll);
  SetMethod(context, target, "writeFileAll", WriteFileAll);
  SetMethod(context, target, "mkdir", Mkdir);
  SetMethod(context, target, "mkdtemp", Mkdtemp);
  SetMethod(context, target, "rmdir", Rmdir);
  SetMethod(context, target, "unlink", Unlink);
  SetMethod(context, target, "fsync", Fsync);
  SetMethod(context, target, "fdatasync", Fdatasync);
  SetMethod(context, target, "rename", Rename);
  SetMethod(context, target, "link", Link);
  SetMethod(context, target, "symlink", Symlink);
  SetMethod(context, target, "copyFile", CopyFile);
  SetMethod(context, target, "access", Access);
  SetMethod(context, target, "existsSync", ExistsSync);
  SetMethod(context, target, "chmod", Chmod);
  SetMethod(context, target, "fchmod", FChmod);
  SetMethod(context, target, "chown", ChownImpl<false>);
  SetMethod(context, target, "lchown", ChownImpl<true>);
  SetMethod(context, target, "fchown", FChown);
  SetMethod(context, target, "utimes", UtimesImpl<false>);
  SetMethod(context, target, "lutimes", UtimesImpl<true>);
  SetMethod(context, target, "futimes", FUtimes);
  SetMethod(context, target, "ftruncate", FTruncate);
  SetMethod(context, target, "readdir", ReadDir);
  SetMethod(context, target, "opendir", OpenDir);
  SetMethod(context, target, "dirRead", DirRead);
  SetMethod(context, target, "dirClose", DirClose);
  // The request object async calls take: `oncomplete` is set by JS.
  Local<FunctionTemplate> req = FunctionTemplate::New(isolate);
  SetConstructorFunction(context, target, "FSReqCallback", req);
  SetConstant(context, target, "kFsStatsFieldsNumber", kStatFields);
  SetConstant(context, target, "kFsStatFsFieldsNumber", kStatFsFields);
}

void RegisterExternalReferences(ExternalReferenceRegistry* registry) {
  registry->Register(InternalModuleStat);
  registry->Register(ReadFileUtf8);
  registry->Register(RealPath);
  registry->Register(ReadLink);
  registry->Register(StatImpl<false>);
  registry->Register(StatImpl<true>);
  registry->Register(FStat);
  registry->Register(StatFs);
  registry->Register(Open);
  registry->Register(Close);
  registry->Register(Read);
  registry->Register(ReadBuffers);
  registry->Register(WriteBuffer);
  registry->Register(WriteBuffers);
  registry->Register(WriteString);
  registry->Register(WriteFileUtf8);
  registry->Register(ReadFileAll);
  registry->Register(WriteFileAll);
  registry->Register(Mkdir);
  registry->Register(Mkdtemp);
  registry->Register(Rmdir);
  registry->Register(Unlink);
  registry->Register(Fsync);
  registry->Register(Fdatasync);
  registry->Register(Rename);
  registry->Register(Link);
  registry->Register(Symlink);
  registry->Register(CopyFile);
  registry->Register(Access);
  registry->Register(ExistsSync);
  registry->Register(Chmod);
  registry->Register(FChmod);
  registry->Register(ChownImpl<false>);
  registry->Register(ChownImpl<true>);
  registry->Register(FChown);
  registry->Register(UtimesImpl<false>);
  registry->Register(UtimesImpl<true>);
  registry->Register(FUtimes);
  registry->Register(FTruncate);
  registry->Register(ReadDir);
  registry->Register(OpenDir);
  registry->Register(DirRead);
  registry->Register(DirClose);
}

}  // namespace
}  // namespace lode::fs

LODE_BINDING_CONTEXT_AWARE_INTERNAL(fs, lode::fs::Initialize)
LODE_BINDING_EXTERNAL_REFERENCE(fs, lode::fs::RegisterExternalReferences)
