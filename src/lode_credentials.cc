// internalBinding('credentials'): user and group ids (read and set), and
// safeGetenv. The setters take a numeric id or a name; JS has validated the
// type and reports an unknown name (ERR_UNKNOWN_CREDENTIAL).
#include <grp.h>
#include <pwd.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string>
#include <vector>

#include "env.h"
#include "lode_binding.h"
#include "lode_errors.h"
#include "util.h"

namespace lode::credentials {

using v8::Array;
using v8::Context;
using v8::FunctionCallbackInfo;
using v8::Isolate;
using v8::Local;
using v8::Object;
using v8::String;
using v8::Value;

namespace {

void SafeGetenv(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Utf8Value name(isolate, args[0]);
  // Not for set-uid programs: the environment is untrusted there.
  if (getuid() != geteuid() || getgid() != getegid()) return;
  Environment* env = Environment::GetCurrent(args);
  std::string value;
  if (env != nullptr && env->env_vars() != nullptr) {
    if (!env->env_vars()->Get(*name, &value)) return;
  } else {
    std::lock_guard<std::mutex> lock(ProcessEnvMutex());
    const char* found = getenv(*name);
    if (found == nullptr) return;
    value = found;
  }
  args.GetReturnValue().Set(Utf8String(isolate, value));
}

void GetUid(const FunctionCallbackInfo<Value>& args) {
  args.GetReturnValue().Set(static_cast<uint32_t>(getuid()));
}
void GetEuid(const FunctionCallbackInfo<Value>& args) {
  args.GetReturnValue().Set(static_cast<uint32_t>(geteuid()));
}
void GetGid(const FunctionCallbackInfo<Value>& args) {
  args.GetReturnValue().Set(static_cast<uint32_t>(getgid()));
}
void GetEgid(const FunctionCallbackInfo<Value>& args) {
  args.GetReturnValue().Set(static_cast<uint32_t>(getegid()));
}

void GetGroups(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  int n = getgroups(0, nullptr);
  if (n < 0) return ThrowUVException(isolate, uv_translate_sys_error(errno),
                                     "getgroups");
  std::vector<gid_t> groups(n);
  n = getgroups(n, groups.data());
  if (n < 0) return ThrowUVException(isolate, uv_translate_sys_error(errno),
                                     "getgroups");
  std::vector<Local<Value>> values;
  gid_t egid = getegid();
  bool seen_egid = false;
  for (int i = 0; i < n; i++) {
    if (groups[i] == egid) seen_egid = true;
    values.push_back(v8::Integer::NewFromUnsigned(isolate, groups[i]));
  }
  if (!seen_egid) values.push_back(v8::Integer::NewFromUnsigned(isolate, egid));
  args.GetReturnValue().Set(Array::New(isolate, values.data(), values.size()));
}

// Node's old-style errno error: "EPERM, Operation not permitted" with
// errno (positive), code and syscall.
void ThrowErrno(Isolate* isolate, int errnum, const char* syscall) {
  Local<Context> context = isolate->GetCurrentContext();
  const char* code = uv_err_name(uv_translate_sys_error(errnum));
  std::string message = std::string(code) + ", " + strerror(errnum);
  Local<Object> error =
      v8::Exception::Error(Utf8String(isolate, message)).As<Object>();
  error->CreateDataProperty(context, FIXED_ONE_BYTE_STRING(isolate, "errno"),
                            v8::Integer::New(isolate, errnum)).Check();
  error->CreateDataProperty(context, FIXED_ONE_BYTE_STRING(isolate, "code"),
                            OneByteString(isolate, code)).Check();
  error->CreateDataProperty(context, FIXED_ONE_BYTE_STRING(isolate, "syscall"),
                            OneByteString(isolate, syscall)).Check();
  isolate->ThrowException(error);
}

constexpr uint64_t kNotFound = ~uint64_t{0};

// A numeric id as is, or the id of a user (group) name; kNotFound for an
// unknown name.
uint64_t UidOf(Isolate* isolate, Local<Value> value) {
  if (value->IsUint32()) return value.As<v8::Uint32>()->Value();
  Utf8Value name(isolate, value);
  std::vector<char> buf(16384);
  passwd pwd;
  passwd* result = nullptr;
  if (getpwnam_r(*name, &pwd, buf.data(), buf.size(), &result) != 0 ||
      result == nullptr) {
    return kNotFound;
  }
  return result->pw_uid;
}

uint64_t GidOf(Isolate* isolate, Local<Value> value) {
  if (value->IsUint32()) return value.As<v8::Uint32>()->Value();
  Utf8Value name(isolate, value);
  std::vector<char> buf(16384);
  group grp;
  group* result = nullptr;
  if (getgrnam_r(*name, &grp, buf.data(), buf.size(), &result) != 0 ||
      result == nullptr) {
    return kNotFound;
  }
  return result->gr_gid;
}

// Each returns 0, or 1 when the name is unknown.
template <bool kUser, int (*fn)(unsigned int), const char* kSyscall>
void SetId(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  uint64_t id = kUser ? UidOf(isolate, args[0]) : GidOf(isolate, args[0]);
  if (id == kNotFound) {
    args.GetReturnValue().Set(1);
    return;
  }
  if (fn(static_cast<unsigned int>(id)) != 0) {
    return ThrowErrno(isolate, errno, kSyscall);
  }
  args.GetReturnValue().Set(0);
}

int CallSetuid(unsigned int id) { return setuid(id); }
int CallSeteuid(unsigned int id) { return seteuid(id); }
int CallSetgid(unsigned int id) { return setgid(id); }
int CallSetegid(unsigned int id) { return setegid(id); }
constexpr char kSetuid[] = "setuid";
constexpr char kSeteuid[] = "seteuid";
constexpr char kSetgid[] = "setgid";
constexpr char kSetegid[] = "setegid";

// setgroups(groups): 0, or 1 + the index of the first unknown group name.
void SetGroups(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Local<Context> context = isolate->GetCurrentContext();
  CHECK(args[0]->IsArray());
  Local<v8::Array> list = args[0].As<v8::Array>();
  std::vector<gid_t> groups(list->Length());
  for (uint32_t i = 0; i < list->Length(); i++) {
    Local<Value> item;
    if (!list->Get(context, i).ToLocal(&item)) return;
    uint64_t gid = GidOf(isolate, item);
    if (gid == kNotFound) {
      args.GetReturnValue().Set(i + 1);
      return;
    }
    groups[i] = static_cast<gid_t>(gid);
  }
  if (setgroups(groups.size(), groups.data()) != 0) {
    return ThrowErrno(isolate, errno, "setgroups");
  }
  args.GetReturnValue().Set(0);
}

// initgroups(user, extraGroup): 0, 1 for an unknown user id, 2 for an
// unknown group.
void InitGroups(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  std::string user;
  if (args[0]->IsUint32()) {
    std::vector<char> buf(16384);
    passwd pwd;
    passwd* result = nullptr;
    if (getpwuid_r(args[0].As<v8::Uint32>()->Value(), &pwd, buf.data(),
                   buf.size(), &result) != 0 ||
        result == nullptr) {
      args.GetReturnValue().Set(1);
      return;
    }
    user = result->pw_name;
  } else {
    user = Utf8Value(isolate, args[0]).ToString();
  }
  uint64_t gid = GidOf(isolate, args[1]);
  if (gid == kNotFound) {
    args.GetReturnValue().Set(2);
    return;
  }
  if (initgroups(user.c_str(), static_cast<gid_t>(gid)) != 0) {
    return ThrowErrno(isolate, errno, "initgroups");
  }
  args.GetReturnValue().Set(0);
}

void Initialize(Local<Object> target, Local<Value>, Local<Context> context,
                void*) {
  SetMethodNoSideEffect(context, target, "safeGetenv", SafeGetenv);
  SetMethodNoSideEffect(context, target, "getuid", GetUid);
  SetMethodNoSideEffect(context, target, "geteuid", GetEuid);
  SetMethodNoSideEffect(context, target, "getgid", GetGid);
  SetMethodNoSideEffect(context, target, "getegid", GetEgid);
  SetMethodNoSideEffect(context, target, "getgroups", GetGroups);
  SetMethod(context, target, "setuid", SetId<true, CallSetuid, kSetuid>);
  SetMethod(context, target, "seteuid", SetId<true, CallSeteuid, kSeteuid>);
  SetMethod(context, target, "setgid", SetId<false, CallSetgid, kSetgid>);
  SetMethod(context, target, "setegid", SetId<false, CallSetegid, kSetegid>);
  SetMethod(context, target, "setgroups", SetGroups);
  SetMethod(context, target, "initgroups", InitGroups);
  SetValue(context, target, "implementsPosixCredentials",
           v8::True(context->GetIsolate()));
}

void RegisterExternalReferences(ExternalReferenceRegistry* registry) {
  registry->Register(SafeGetenv);
  registry->Register(GetUid);
  registry->Register(GetEuid);
  registry->Register(GetGid);
  registry->Register(GetEgid);
  registry->Register(GetGroups);
  registry->Register(SetId<true, CallSetuid, kSetuid>);
  registry->Register(SetId<true, CallSeteuid, kSeteuid>);
  registry->Register(SetId<false, CallSetgid, kSetgid>);
  registry->Register(SetId<false, CallSetegid, kSetegid>);
  registry->Register(SetGroups);
  registry->Register(InitGroups);
}

}  // namespace
}  // namespace lode::credentials

LODE_BINDING_CONTEXT_AWARE_INTERNAL(credentials, lode::credentials::Initialize)
LODE_BINDING_EXTERNAL_REFERENCE(credentials,
                                lode::credentials::RegisterExternalReferences)
