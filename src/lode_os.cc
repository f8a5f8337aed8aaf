// internalBinding('os'): what node:os reports, from libuv.
#include "lode_os.h"

#include <sys/utsname.h>

#include <cstdio>

#include "env.h"
#include "lode_binding.h"
#include "lode_errors.h"
#include "util.h"

namespace lode::os {

using v8::Array;
using v8::Context;
using v8::Float64Array;
using v8::FunctionCallbackInfo;
using v8::Integer;
using v8::Isolate;
using v8::Local;
using v8::Object;
using v8::Value;

InterfaceAddressText DescribeInterfaceAddress(const uv_interface_address_t& a) {
  InterfaceAddressText text;
  char ip[INET6_ADDRSTRLEN] = "";
  char mask[INET6_ADDRSTRLEN] = "";
  if (a.address.address4.sin_family == AF_INET) {
    uv_ip4_name(&a.address.address4, ip, sizeof(ip));
    uv_ip4_name(&a.netmask.netmask4, mask, sizeof(mask));
    text.family = "IPv4";
    text.scopeid = -1;
  } else {
    uv_ip6_name(&a.address.address6, ip, sizeof(ip));
    uv_ip6_name(&a.netmask.netmask6, mask, sizeof(mask));
    text.family = "IPv6";
    text.scopeid = static_cast<int>(a.address.address6.sin6_scope_id);
  }
  text.address = ip;
  text.netmask = mask;
  char mac[18];
  snprintf(mac, sizeof(mac), "%02x:%02x:%02x:%02x:%02x:%02x",
           static_cast<unsigned char>(a.phys_addr[0]),
           static_cast<unsigned char>(a.phys_addr[1]),
           static_cast<unsigned char>(a.phys_addr[2]),
           static_cast<unsigned char>(a.phys_addr[3]),
           static_cast<unsigned char>(a.phys_addr[4]),
           static_cast<unsigned char>(a.phys_addr[5]));
  text.mac = mac;
  return text;
}

namespace {

// Node's convention for os: the JS caller passes a context object last; a
// failure fills it (errno, code, message, syscall) and lib/os.js throws
// ERR_SYSTEM_ERROR from it. Without one, the UV error is thrown directly.
void ReportError(const FunctionCallbackInfo<Value>& args, int err,
                 const char* syscall) {
  Isolate* isolate = args.GetIsolate();
  Local<Value> last = args.Length() > 0 ? args[args.Length() - 1]
                                        : v8::Undefined(isolate).As<Value>();
  if (!last->IsObject()) return ThrowUVException(isolate, err, syscall);
  Local<Context> context = isolate->GetCurrentContext();
  Local<Object> ctx = last.As<Object>();
  (void)(ctx->Set(context, OneByteString(isolate, "errno"),
                  Integer::New(isolate, err)).FromMaybe(false) &&
         ctx->Set(context, OneByteString(isolate, "code"),
                  OneByteString(isolate, uv_err_name(err))).FromMaybe(false) &&
         ctx->Set(context, OneByteString(isolate, "message"),
                  OneByteString(isolate, uv_strerror(err))).FromMaybe(false) &&
         ctx->Set(context, OneByteString(isolate, "syscall"),
                  OneByteString(isolate, syscall)).FromMaybe(false));
}

void GetHostname(const FunctionCallbackInfo<Value>& args) {
  char buf[UV_MAXHOSTNAMESIZE];
  size_t size = sizeof(buf);
  int err = uv_os_gethostname(buf, &size);
  if (err != 0) return ReportError(args, err, "uv_os_gethostname");
  args.GetReturnValue().Set(Utf8String(args.GetIsolate(), buf));
}

// [sysname, version, release, machine]
void GetOSInformation(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  uv_utsname_t info;
  int err = uv_os_uname(&info);
  if (err != 0) return ReportError(args, err, "uv_os_uname");
  Local<Value> values[] = {
      Utf8String(isolate, info.sysname), Utf8String(isolate, info.version),
      Utf8String(isolate, info.release), Utf8String(isolate, info.machine)};
  args.GetReturnValue().Set(Array::New(isolate, values, 4));
}

void GetHomeDirectory(const FunctionCallbackInfo<Value>& args) {
  char buf[4096];
  size_t size = sizeof(buf);
  int err = uv_os_homedir(buf, &size);
  if (err != 0) return ReportError(args, err, "uv_os_homedir");
  args.GetReturnValue().Set(Utf8String(args.GetIsolate(), buf));
}

void GetUptime(const FunctionCallbackInfo<Value>& args) {
  double uptime;
  int err = uv_uptime(&uptime);
  if (err != 0) return ReportError(args, err, "uv_uptime");
  args.GetReturnValue().Set(uptime);
}

void GetTotalMem(const FunctionCallbackInfo<Value>& args) {
  args.GetReturnValue().Set(static_cast<double>(uv_get_total_memory()));
}

void GetFreeMem(const FunctionCallbackInfo<Value>& args) {
  args.GetReturnValue().Set(static_cast<double>(uv_get_free_memory()));
}

void GetLoadAvg(const FunctionCallbackInfo<Value>& args) {
  CHECK(args[0]->IsFloat64Array());
  Local<Float64Array> arr = args[0].As<Float64Array>();
  CHECK_GE(arr->Length(), 3u);
  double* fields = reinterpret_cast<double*>(
      static_cast<char*>(arr->Buffer()->Data()) + arr->ByteOffset());
  uv_loadavg(fields);
}

// A flat array of 7 values per CPU: model, speed, user, nice, sys, idle,
// irq.
void GetCPUs(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  uv_cpu_info_t* cpus;
  int count;
  int err = uv_cpu_info(&cpus, &count);
  if (err != 0) return ReportError(args, err, "uv_cpu_info");
  std::vector<Local<Value>> values;
  for (int i = 0; i < count; i++) {
    uv_cpu_info_t* c = &cpus[i];
    values.push_back(Utf8String(isolate, c->model));
    values.push_back(v8::Number::New(isolate, c->speed));
    values.push_back(v8::Number::New(isolate, c->cpu_times.user));
    values.push_back(v8::Number::New(isolate, c->cpu_times.nice));
    values.push_back(v8::Number::New(isolate, c->cpu_times.sys));
    values.push_back(v8::Number::New(isolate, c->cpu_times.idle));
    values.push_back(v8::Number::New(isolate, c->cpu_times.irq));
  }
  uv_free_cpu_info(cpus, count);
  args.GetReturnValue().Set(Array::New(isolate, values.data(), values.size()));
}

void GetAvailableParallelism(const FunctionCallbackInfo<Value>& args) {
  args.GetReturnValue().Set(uv_available_parallelism());
}

// A flat array of 7 values per address: name, address, netmask, family,
// mac, internal, scopeid.
void GetInterfaceAddresses(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  uv_interface_address_t* addrs;
  int count;
  int err = uv_interface_addresses(&addrs, &count);
  if (err == UV_ENOSYS) {
    args.GetReturnValue().Set(Array::New(isolate));
    return;
  }
  if (err != 0) return ReportError(args, err, "uv_interface_addresses");
  std::vector<Local<Value>> values;
  for (int i = 0; i < count; i++) {
    const uv_interface_address_t& a = addrs[i];
    InterfaceAddressText text = DescribeInterfaceAddress(a);
    values.push_back(Utf8String(isolate, a.name));
    values.push_back(Utf8String(isolate, text.address));
    values.push_back(Utf8String(isolate, text.netmask));
    values.push_back(Utf8String(isolate, text.family));
    values.push_back(Utf8String(isolate, text.mac));
    values.push_back(v8::Boolean::New(isolate, a.is_internal));
    values.push_back(Integer::New(isolate, text.scopeid));
  }
  uv_free_interface_addresses(addrs, count);
  args.GetReturnValue().Set(Array::New(isolate, values.data(), values.size()));
}

// [uid, gid, username, homedir, shell]
void GetUserInfo(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  uv_passwd_t pwd;
  int err = uv_os_get_passwd(&pwd);
  if (err != 0) return ReportError(args, err, "uv_os_get_passwd");
  Local<Value> values[] = {
      v8::Integer::New(isolate, static_cast<int>(pwd.uid)),
      v8::Integer::New(isolate, static_cast<int>(pwd.gid)),
      Utf8String(isolate, pwd.username), Utf8String(isolate, pwd.homedir),
      pwd.shell ? Utf8String(isolate, pwd.shell).As<Value>()
                : v8::Null(isolate).As<Value>()};
  uv_os_free_passwd(&pwd);
  args.GetReturnValue().Set(Array::New(isolate, values, 5));
}

void GetPriority(const FunctionCallbackInfo<Value>& args) {
  int pid = args[0]->IsInt32() ? args[0].As<v8::Int32>()->Value() : 0;
  int priority;
  int err = uv_os_getpriority(pid, &priority);
  if (err != 0) return ReportError(args, err, "uv_os_getpriority");
  args.GetReturnValue().Set(priority);
}

void SetPriority(const FunctionCallbackInfo<Value>& args) {
  // -0 passes the JS int32 check but is no Int32 value to V8.
  Local<Context> context = args.GetIsolate()->GetCurrentContext();
  int pid;
  int priority;
  if (!args[0]->Int32Value(context).To(&pid) ||
      !args[1]->Int32Value(context).To(&priority)) {
    return;
  }
  int err = uv_os_setpriority(pid, priority);
  if (err != 0) return ReportError(args, err, "uv_os_setpriority");
}

#define LODE_OS_METHODS(V)                        \
  V(getHostname, GetHostname)                     \
  V(getOSInformation, GetOSInformation)           \
  V(getHomeDirectory, GetHomeDirectory)           \
  V(getUptime, GetUptime)                         \
  V(getTotalMem, GetTotalMem)                     \
  V(getFreeMem, GetFreeMem)                       \
  V(getLoadAvg, GetLoadAvg)                       \
  V(getCPUs, GetCPUs)                             \
  V(getAvailableParallelism, GetAvailableParallelism) \
  V(getInterfaceAddresses, GetInterfaceAddresses) \
  V(getUserInfo, GetUserInfo)                     \
  V(getPriority, GetPriority)                     \
  V(setPriority, SetPriority)

void Initialize(Local<Object> target, Local<Value>, Local<Context> context,
                void*) {
#define V(name, fn) SetMethod(context, target, #name, fn);
  LODE_OS_METHODS(V)
#undef V
}

void RegisterExternalReferences(ExternalReferenceRegistry* registry) {
#define V(name, fn) registry->Register(fn);
  LODE_OS_METHODS(V)
#undef V
}

}  // namespace
}  // namespace lode::os

LODE_BINDING_CONTEXT_AWARE_INTERNAL(os, lode::os::Initialize)
LODE_BINDING_EXTERNAL_REFERENCE(os, lode::os::RegisterExternalReferences)
