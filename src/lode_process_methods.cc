// internalBinding('process_methods'): the process.* functions that need the
// operating system: cwd, hrtime, memory and CPU usage, kill, exit, execve,
// dlopen, and the lists of live handles and requests.
#include <dirent.h>
#include <dlfcn.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <cstring>
#include <string>
#include <vector>

#include "env.h"
#include "handle_wrap.h"
#include "lode_binding.h"
#include "lode_errors.h"
#include "lode_internals.h"
#include "lode_napi.h"
#include "lode_options.h"
#include "lode_permission.h"
#include "util.h"

namespace lode::process_methods {

using v8::ArrayBuffer;
using v8::BigInt;
using v8::Context;
using v8::Float64Array;
using v8::Function;
using v8::FunctionCallbackInfo;
using v8::HeapStatistics;
using v8::Isolate;
using v8::Local;
using v8::Array;
using v8::Object;
using v8::StackTrace;
using v8::String;
using v8::Uint32Array;
using v8::Value;

namespace {

void Cwd(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  char buf[4096];
  size_t size = sizeof(buf);
  int err = uv_cwd(buf, &size);
  if (err != 0) return ThrowUVException(isolate, err, "uv_cwd");
  args.GetReturnValue().Set(Utf8String(isolate, std::string_view(buf, size)));
}

// Counts the process's successful chdir() calls: a worker keeps the cwd it
// read until the count changes (its process.cwd() reads the count through
// a SharedArrayBuffer over this, with Atomics.load).
alignas(8) int32_t cwd_generation = 0;

void Chdir(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  if (!args[0]->IsString()) return;
  Utf8Value path(isolate, args[0]);
  if (!permission::Check(isolate, permission::Scope::kFileSystemRead,
                         path.view())) {
    return;
  }
  int err = uv_chdir(*path);
  if (err == 0) __atomic_fetch_add(&cwd_generation, 1, __ATOMIC_SEQ_CST);
  if (err != 0) {
    // Node's message: "ENOENT: no such file or directory, chdir <cwd> -> 'x'"
    char buf[4096];
    size_t size = sizeof(buf);
    std::string cwd = uv_cwd(buf, &size) == 0 ? std::string(buf, size) : "";
    ThrowUVException(isolate, err, "chdir", nullptr, cwd.c_str(), *path);
  }
}

// getCwdGeneration(): a SharedArrayBuffer over that count (process-wide,
// never freed).
void GetCwdGeneration(const FunctionCallbackInfo<Value>& args) {
  std::shared_ptr<v8::BackingStore> store =
      v8::SharedArrayBuffer::NewBackingStore(
          &cwd_generation, sizeof(cwd_generation),
          v8::BackingStore::EmptyDeleter, nullptr);
  args.GetReturnValue().Set(
      v8::SharedArrayBuffer::New(args.GetIsolate(), std::move(store)));
}

void Umask(const FunctionCallbackInfo<Value>& args) {
  uint32_t old;
  if (args[0]->IsUndefined()) {
    old = umask(0);
    umask(static_cast<mode_t>(old));
  } else {
    uint32_t mask;
    if (!args[0]->Uint32Value(args.GetIsolate()->GetCurrentContext())
             .To(&mask)) {
      return;
    }
    old = umask(static_cast<mode_t>(mask));
  }
  args.GetReturnValue().Set(old);
}

// Fills the caller's Uint32Array with [seconds high, seconds low, nanos].
void Hrtime(const FunctionCallbackInfo<Value>& args) {
  CHECK(args[0]->IsUint32Array());
  Local<Uint32Array> arr = args[0].As<Uint32Array>();
  CHECK_GE(arr->Length(), 3u);
  uint32_t* fields = reinterpret_cast<uint32_t*>(
      static_cast<char*>(arr->Buffer()->Data()) + arr->ByteOffset());
  uint64_t t = uv_hrtime();
  uint64_t sec = t / 1000000000;
  fields[0] = static_cast<uint32_t>(sec >> 32);
  fields[1] = static_cast<uint32_t>(sec & 0xffffffff);
  fields[2] = static_cast<uint32_t>(t % 1000000000);
}

void HrtimeBigInt(const FunctionCallbackInfo<Value>& args) {
  args.GetReturnValue().Set(
      BigInt::NewFromUnsigned(args.GetIsolate(), uv_hrtime()));
}

double* Float64Fields(Local<Value> value, size_t count) {
  CHECK(value->IsFloat64Array());
  Local<Float64Array> arr = value.As<Float64Array>();
  CHECK_GE(arr->Length(), count);
  return reinterpret_cast<double*>(
      static_cast<char*>(arr->Buffer()->Data()) + arr->ByteOffset());
}

// [rss, heapTotal, heapUsed, external, arrayBuffers]
void MemoryUsage(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  double* fields = Float64Fields(args[0], 5);
  size_t rss = 0;
  uv_resident_set_memory(&rss);
  HeapStatistics stats;
  isolate->GetHeapStatistics(&stats);
  fields[0] = static_cast<double>(rss);
  fields[1] = static_cast<double>(stats.total_heap_size());
  fields[2] = static_cast<double>(stats.used_heap_size());
  fields[3] = static_cast<double>(stats.external_memory());
  fields[4] = static_cast<double>(ArrayBufferAllocatedBytes());
}

void Rss(const FunctionCallbackInfo<Value>& args) {
  size_t rss = 0;
  int err = uv_resident_set_memory(&rss);
  if (err != 0) {
    return ThrowUVException(args.GetIsolate(), err, "uv_resident_set_memory");
  }
  args.GetReturnValue().Set(static_cast<double>(rss));
}

// [user, system] in microseconds.
void CpuUsage(const FunctionCallbackInfo<Value>& args) {
  double* fields = Float64Fields(args[0], 2);
  uv_rusage_t ru;
  int err = uv_getrusage(&ru);
  if (err != 0) return ThrowUVException(args.GetIsolate(), err, "uv_getrusage");
  fields[0] = 1e6 * ru.ru_utime.tv_sec + ru.ru_utime.tv_usec;
  fields[1] = 1e6 * ru.ru_stime.tv_sec + ru.ru_stime.tv_usec;
}

// The 16 fields of process.resourceUsage(), in Node's order.
void ResourceUsage(const FunctionCallbackInfo<Value>& args) {
  double* f = Float64Fields(args[0], 16);
  uv_rusage_t ru;
  int err = uv_getrusage(&ru);
  if (err != 0) return ThrowUVException(args.GetIsolate(), err, "uv_getrusage");
  f[0] = 1e6 * ru.ru_utime.tv_sec + ru.ru_utime.tv_usec;
  f[1] = 1e6 * ru.ru_stime.tv_sec + ru.ru_stime.tv_usec;
  f[2] = static_cast<double>(ru.ru_maxrss);
  f[3] = static_cast<double>(ru.ru_ixrss);
  f[4] = static_cast<double>(ru.ru_idrss);
  f[5] = static_cast<double>(ru.ru_isrss);
  f[6] = static_cast<double>(ru.ru_minflt);
  f[7] = static_cast<double>(ru.ru_majflt);
  f[8] = static_cast<double>(ru.ru_nswap);
  f[9] = static_cast<double>(ru.ru_inblock);
  f[10] = static_cast<double>(ru.ru_oublock);
  f[11] = static_cast<double>(ru.ru_msgsnd);
  f[12] = static_cast<double>(ru.ru_msgrcv);
  f[13] = static_cast<double>(ru.ru_nsignals);
  f[14] = static_cast<double>(ru.ru_nvcsw);
  f[15] = static_cast<double>(ru.ru_nivcsw);
}

void Kill(const FunctionCallbackInfo<Value>& args) {
  // JS lets through values such as '123', true and -0 that are int32s
  // after ToInt32, as Node does.
  Local<Context> context = args.GetIsolate()->GetCurrentContext();
  int pid;
  int sig;
  if (!args[0]->Int32Value(context).To(&pid) ||
      !args[1]->Int32Value(context).To(&sig)) {
    return;
  }
  // _kill(pid, sig, killsItself): see killsItself() in
  // lib/internal/process/per_thread.js.
  if (args[2]->IsTrue()) {
    Environment* env = Environment::GetCurrent(args);
    if (env != nullptr) env->RunAtExitHooks();
  }
  args.GetReturnValue().Set(uv_kill(pid, sig));
}

// --trace-exit: where the environment was ended from, on stderr, as
// many frames as Error.stackTraceLimit allows.
void PrintExitTrace(Environment* env, int code) {
  Isolate* isolate = env->isolate();
  v8::HandleScope scope(isolate);
  Local<Context> context = env->context();
  int limit = 10;
  Local<Value> error_ctor;
  Local<Value> value;
  if (context->Global()
          ->Get(context, OneByteString(isolate, "Error"))
          .ToLocal(&error_ctor) &&
      error_ctor->IsObject() &&
      error_ctor.As<v8::Object>()
          ->Get(context, OneByteString(isolate, "stackTraceLimit"))
          .ToLocal(&value) &&
      value->IsNumber()) {
    double number = value.As<v8::Number>()->Value();
    // NaN keeps the default (a cast of it would be undefined).
    if (number == number) {
      limit = number < 0 ? 0 : number > 1000 ? 1000 : static_cast<int>(number);
    }
  }
  std::string out = "(node:" + std::to_string(uv_os_getpid());
  if (env->thread_id() != 0) {
    out += ", thread:" + std::to_string(env->thread_id());
  }
  out += ") WARNING: Exited the environment with code " +
         std::to_string(code) + "\n";
  Local<v8::StackTrace> trace =
      v8::StackTrace::CurrentStackTrace(isolate, limit);
  for (int i = 0; i < trace->GetFrameCount(); i++) {
    out += "    at " + errors::FrameText(isolate, trace->GetFrame(isolate, i)) +
           "\n";
  }
  out += "\n";
  fputs(out.c_str(), stderr);
  fflush(stderr);
}

void ReallyExit(const FunctionCallbackInfo<Value>& args) {
  Environment* env = Environment::GetCurrent(args);
  int code = args[0]->IsInt32() ? args[0].As<v8::Int32>()->Value() : 0;
  if (env->options()->GetBool("--trace-exit")) PrintExitTrace(env, code);
  // A worker's process.exit() ends its thread only.
  env->Exit(code);
}

void Uptime(const FunctionCallbackInfo<Value>& args) {
  Environment* env = Environment::GetCurrent(args);
  double uptime = static_cast<double>(uv_hrtime() - env->start_time_ns());
  args.GetReturnValue().Set(uptime / 1e9);
}

// Writes straight to fd 2, bypassing streams: for debugging core itself.
void RawDebug(const FunctionCallbackInfo<Value>& args) {
  Utf8Value str(args.GetIsolate(), args[0]);
  fprintf(stderr, "%s\n", *str);
  fflush(stderr);
}

void SetEmitProcessEvent(const FunctionCallbackInfo<Value>& args) {
  Environment* env = Environment::GetCurrent(args);
  CHECK(args[0]->IsFunction());
  env->set_emit_process_event(args[0].As<Function>());
}

void AvailableMemory(const FunctionCallbackInfo<Value>& args) {
  args.GetReturnValue().Set(static_cast<double>(uv_get_free_memory()));
}

void ConstrainedMemory(const FunctionCallbackInfo<Value>& args) {
  args.GetReturnValue().Set(static_cast<double>(uv_get_constrained_memory()));
}

void Abort(const FunctionCallbackInfo<Value>& args) {
  fflush(stdout);
  fflush(stderr);
  abort();
}

// [user, system] in microseconds, for the calling thread only.
void ThreadCpuUsage(const FunctionCallbackInfo<Value>& args) {
  double* fields = Float64Fields(args[0], 2);
  struct rusage ru;
  if (getrusage(RUSAGE_THREAD, &ru) != 0) {
    return ThrowUVException(args.GetIsolate(), uv_translate_sys_error(errno),
                            "getrusage");
  }
  fields[0] = 1e6 * ru.ru_utime.tv_sec + ru.ru_utime.tv_usec;
  fields[1] = 1e6 * ru.ru_stime.tv_sec + ru.ru_stime.tv_usec;
}

// The JS objects of the requests in flight (FSReqCallback, ...).
void GetActiveRequests(const FunctionCallbackInfo<Value>& args) {
  Environment* env = Environment::GetCurrent(args);
  std::vector<Local<Value>> list;
  for (ActiveRequest* req : env->active_requests()) {
    list.push_back(req->request_object());
  }
  args.GetReturnValue().Set(
      Array::New(args.GetIsolate(), list.data(), list.size()));
}

void GetActiveRequestsInfo(const FunctionCallbackInfo<Value>& args) {
  Environment* env = Environment::GetCurrent(args);
  Isolate* isolate = args.GetIsolate();
  std::vector<Local<Value>> list;
  for (ActiveRequest* req : env->active_requests()) {
    list.push_back(OneByteString(isolate, req->resource_name()));
  }
  args.GetReturnValue().Set(Array::New(isolate, list.data(), list.size()));
}

// The JS objects of the handles that keep the loop alive, closing ones
// included as in Node (the handle objects; JS replaces each by its owner,
// the net.Socket or ChildProcess).
void GetActiveHandles(const FunctionCallbackInfo<Value>& args) {
  Environment* env = Environment::GetCurrent(args);
  std::vector<Local<Value>> list;
  for (HandleWrap* wrap : env->handle_wrap_queue()) {
    if (!wrap->IsRefed()) continue;
    list.push_back(wrap->object());
  }
  args.GetReturnValue().Set(
      Array::New(args.GetIsolate(), list.data(), list.size()));
}

void GetActiveHandlesInfo(const FunctionCallbackInfo<Value>& args) {
  Environment* env = Environment::GetCurrent(args);
  Isolate* isolate = args.GetIsolate();
  std::vector<Local<Value>> list;
  for (HandleWrap* wrap : env->handle_wrap_queue()) {
    if (!wrap->IsRefed()) continue;
    list.push_back(OneByteString(isolate, wrap->resource_name()));
  }
  args.GetReturnValue().Set(Array::New(isolate, list.data(), list.size()));
}

std::vector<std::string> StringList(Isolate* isolate, Local<Value> value) {
  std::vector<std::string> out;
  if (!value->IsArray()) return out;
  Local<Context> context = isolate->GetCurrentContext();
  Local<Array> arr = value.As<Array>();
  for (uint32_t i = 0; i < arr->Length(); i++) {
    Local<Value> item;
    if (!arr->Get(context, i).ToLocal(&item)) return {};
    out.push_back(Utf8Value(isolate, item).ToString());
  }
  return out;
}

// What Node prints when execve() itself fails (the process cannot go on
// in a sane state): the message and the JS stack, then abort().
[[noreturn]] void ExecveFailed(Isolate* isolate, int err) {
  std::string out;
  Local<StackTrace> trace = StackTrace::CurrentStackTrace(isolate, 10);
  auto frame_text = [&](Local<v8::StackFrame> frame) {
    Utf8Value script(isolate, frame->GetScriptName());
    std::string where = std::string(*script) + ":" +
                        std::to_string(frame->GetLineNumber()) + ":" +
                        std::to_string(frame->GetColumn());
    Local<String> fn_name = frame->GetFunctionName();
    if (fn_name.IsEmpty() || fn_name->Length() == 0) return where;
    return Utf8Value(isolate, fn_name).ToString() + " (" + where + ")";
  };
  if (trace->GetFrameCount() > 0) {
    Local<v8::StackFrame> top = trace->GetFrame(isolate, 0);
    Utf8Value script(isolate, top->GetScriptName());
    out += std::string(*script) + ":" + std::to_string(top->GetLineNumber()) +
           "\n\n";
  }
  out += std::string("process.execve failed with error code ") +
         uv_err_name(uv_translate_sys_error(err)) + "\n\n";
  out += "----- JavaScript stack trace -----\n\n";
  for (int i = 0; i < trace->GetFrameCount(); i++) {
    out += std::to_string(i + 1) + ": " +
           frame_text(trace->GetFrame(isolate, i)) + "\n";
  }
  out += "\n\n";
  fwrite(out.data(), 1, out.size(), stderr);
  fflush(stderr);
  abort();
}

// Descriptors other than stdio do not survive execve(), as in Node: the
// new program gets a clean table (a listening socket is released).
void CloseOnExecAll() {
  DIR* dir = opendir("/proc/self/fd");
  if (dir != nullptr) {
    int dir_fd = dirfd(dir);
    std::vector<int> fds;
    while (dirent* entry = readdir(dir)) {
      int fd = atoi(entry->d_name);
      if (fd > 2 && fd != dir_fd) fds.push_back(fd);
    }
    closedir(dir);
    for (int fd : fds) {
      int flags = fcntl(fd, F_GETFD);
      if (flags != -1) fcntl(fd, F_SETFD, flags | FD_CLOEXEC);
    }
    return;
  }
  long max_fd = sysconf(_SC_OPEN_MAX);
  for (long fd = 3; fd < max_fd; fd++) {
    int flags = fcntl(static_cast<int>(fd), F_GETFD);
    if (flags != -1) fcntl(static_cast<int>(fd), F_SETFD, flags | FD_CLOEXEC);
  }
}

// execve(file, args, env): JS has validated the strings (no NUL bytes).
// Returns only on failure, by aborting.
void Execve(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Utf8Value file(isolate, args[0]);
  if (!permission::Check(isolate, permission::Scope::kChildProcess,
                         file.view())) {
    return;
  }
  std::vector<std::string> argv_strings = StringList(isolate, args[1]);
  std::vector<std::string> env_strings = StringList(isolate, args[2]);
  std::vector<char*> argv;
  for (std::string& s : argv_strings) argv.push_back(s.data());
  argv.push_back(nullptr);
  std::vector<char*> envp;
  for (std::string& s : env_strings) envp.push_back(s.data());
  envp.push_back(nullptr);

  fflush(stdout);
  fflush(stderr);
  CloseOnExecAll();
  // libuv made the stdio descriptors non-blocking; the new program
  // expects them as a process normally gets them.
  for (int fd = 0; fd <= 2; fd++) {
    int flags = fcntl(fd, F_GETFL);
    if (flags != -1 && (flags & O_NONBLOCK)) {
      fcntl(fd, F_SETFL, flags & ~O_NONBLOCK);
    }
  }
  // The signals lode ignores or blocks are restored to their defaults.
  signal(SIGPIPE, SIG_DFL);
  signal(SIGXFSZ, SIG_DFL);
  sigset_t set;
  sigemptyset(&set);
  sigprocmask(SIG_SETMASK, &set, nullptr);
  execve(*file, argv.data(), envp.data());
  int err = errno;
  signal(SIGPIPE, SIG_IGN);
  signal(SIGXFSZ, SIG_IGN);
  ExecveFailed(isolate, err);
}

void Initialize(Local<Object> target, Local<Value>, Local<Context> context,
                void*) {
  SetMethodNoSideEffect(context, target, "cwd", Cwd);
  SetMethod(context, target, "chdir", Chdir);
  SetMethod(context, target, "getCwdGeneration", GetCwdGeneration);
  SetMethod(context, target, "umask", Umask);
  SetMethod(context, target, "hrtime", Hrtime);
  SetMethod(context, target, "hrtimeBigInt", HrtimeBigInt);
  SetMethod(context, target, "memoryUsage", MemoryUsage);
  SetMethod(context, target, "rss", Rss);
  SetMethod(context, target, "cpuUsage", CpuUsage);
  SetMethod(context, target, "resourceUsage", ResourceUsage);
  SetMethod(context, target, "kill", Kill);
  SetMethod(context, target, "reallyExit", ReallyExit);
  SetMethodNoSideEffect(context, target, "uptime", Uptime);
  SetMethod(context, target, "rawDebug", RawDebug);
  SetMethod(context, target, "setEmitProcessEvent", SetEmitProcessEvent);
  SetMethod(context, target, "availableMemory", AvailableMemory);
  SetMethod(context, target, "constrainedMemory", ConstrainedMemory);
  SetMethod(context, target, "abort", Abort);
  SetMethod(context, target, "threadCpuUsage", ThreadCpuUsage);
  SetMethod(context, target, "_getActiveRequests", GetActiveRequests);
  SetMethod(context, target, "_getActiveRequestsInfo", GetActiveRequestsInfo);
  SetMethod(context, target, "_getActiveHandles", GetActiveHandles);
  SetMethod(context, target, "_getActiveHandlesInfo", GetActiveHandlesInfo);
  SetMethod(context, target, "execve", Execve);
  SetMethod(context, target, "dlopen", napi::DLOpen);
}

void RegisterExternalReferences(ExternalReferenceRegistry* registry) {
  registry->Register(Cwd);
  registry->Register(Chdir);
  registry->Register(GetCwdGeneration);
  registry->Register(Umask);
  registry->Register(Hrtime);
  registry->Register(HrtimeBigInt);
  registry->Register(MemoryUsage);
  registry->Register(Rss);
  registry->Register(CpuUsage);
  registry->Register(ResourceUsage);
  registry->Register(Kill);
  registry->Register(ReallyExit);
  registry->Register(Uptime);
  registry->Register(RawDebug);
  registry->Register(SetEmitProcessEvent);
  registry->Register(AvailableMemory);
  registry->Register(ConstrainedMemory);
  registry->Register(Abort);
  registry->Register(ThreadCpuUsage);
  registry->Register(GetActiveRequests);
  registry->Register(GetActiveRequestsInfo);
  registry->Register(GetActiveHandles);
  registry->Register(GetActiveHandlesInfo);
  registry->Register(Execve);
  registry->Register(napi::DLOpen);
  napi::RegisterExternalReferences(registry);
}

}  // namespace
}  // namespace lode::process_methods

LODE_BINDING_CONTEXT_AWARE_INTERNAL(process_methods,
                                    lode::process_methods::Initialize)
LODE_BINDING_EXTERNAL_REFERENCE(
    process_methods, lode::process_methods::RegisterExternalReferences)
