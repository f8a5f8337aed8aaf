// internalBinding('process_methods'): the process.* functions that need the
// operating system: cwd, hrtime, memory and CPU usage, kill, exit.
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#include "env.h"
#include "lode_binding.h"
#include "lode_errors.h"
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
using v8::Object;
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

void Chdir(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  CHECK(args[0]->IsString());
  Utf8Value path(isolate, args[0]);
  int err = uv_chdir(*path);
  if (err != 0) {
    // Node's message: "ENOENT: no such file or directory, chdir <cwd> -> 'x'"
    char buf[4096];
    size_t size = sizeof(buf);
    std::string cwd = uv_cwd(buf, &size) == 0 ? std::string(buf, size) : "";
    ThrowUVException(isolate, err, "chdir", nullptr, cwd.c_str(), *path);
  }
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
  fields[4] = static_cast<double>(stats.external_memory());
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
  args.GetReturnValue().Set(uv_kill(pid, sig));
}

void ReallyExit(const FunctionCallbackInfo<Value>& args) {
  Environment* env = Environment::GetCurrent(args);
  int code = args[0]->IsInt32() ? args[0].As<v8::Int32>()->Value() : 0;
  env->set_can_call_into_js(false);
  ExitNow(code);
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

void Initialize(Local<Object> target, Local<Value>, Local<Context> context,
                void*) {
  SetMethodNoSideEffect(context, target, "cwd", Cwd);
  SetMethod(context, target, "chdir", Chdir);
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
}

void RegisterExternalReferences(ExternalReferenceRegistry* registry) {
  registry->Register(Cwd);
  registry->Register(Chdir);
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
}

}  // namespace
}  // namespace lode::process_methods

LODE_BINDING_CONTEXT_AWARE_INTERNAL(process_methods,
                                    lode::process_methods::Initialize)
LODE_BINDING_EXTERNAL_REFERENCE(
    process_methods, lode::process_methods::RegisterExternalReferences)
