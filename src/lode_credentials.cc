// internalBinding('credentials'): user and group ids, and safeGetenv.
#include <grp.h>
#include <pwd.h>
#include <unistd.h>

#include <cstdlib>

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
using v8::Value;

namespace {

void SafeGetenv(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Utf8Value name(isolate, args[0]);
  // Not for set-uid programs: the environment is untrusted there.
  if (getuid() != geteuid() || getgid() != getegid()) return;
  const char* value = getenv(*name);
  if (value != nullptr) args.GetReturnValue().Set(Utf8String(isolate, value));
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

void Initialize(Local<Object> target, Local<Value>, Local<Context> context,
                void*) {
  SetMethodNoSideEffect(context, target, "safeGetenv", SafeGetenv);
  SetMethodNoSideEffect(context, target, "getuid", GetUid);
  SetMethodNoSideEffect(context, target, "geteuid", GetEuid);
  SetMethodNoSideEffect(context, target, "getgid", GetGid);
  SetMethodNoSideEffect(context, target, "getegid", GetEgid);
  SetMethodNoSideEffect(context, target, "getgroups", GetGroups);
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
}

}  // namespace
}  // namespace lode::credentials

LODE_BINDING_CONTEXT_AWARE_INTERNAL(credentials, lode::credentials::Initialize)
LODE_BINDING_EXTERNAL_REFERENCE(credentials,
                                lode::credentials::RegisterExternalReferences)
