#include "util.h"

#include <fcntl.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

#include <net/if.h>
#include <netinet/in.h>

#include "lode_string_utf8.h"
#include "uv.h"

namespace lode {

using v8::Context;
using v8::FunctionCallback;
using v8::FunctionTemplate;
using v8::Isolate;
using v8::Local;
using v8::NewStringType;
using v8::Object;
using v8::SideEffectType;
using v8::String;
using v8::Value;

void Abort(const char* file, int line, const char* expr) {
  fprintf(stderr, "lode: %s:%d: internal check failed: %s\n", file, line, expr);
  fflush(stderr);
  abort();
}

Utf8Value::Utf8Value(Isolate* isolate, Local<Value> value) {
  if (value.IsEmpty()) return;
  Local<String> str;
  if (value->IsString()) {
    str = value.As<String>();
  } else if (!value->ToString(isolate->GetCurrentContext()).ToLocal(&str)) {
    return;
  }
  AppendUtf8(isolate, str, &data_);
}

TwoByteValue::TwoByteValue(Isolate* isolate, Local<Value> value) {
  Local<String> str;
  if (value.IsEmpty() ||
      !value->ToString(isolate->GetCurrentContext()).ToLocal(&str)) {
    return;
  }
  data_.resize(str->Length());
  str->Write(isolate, data_.data(), 0, str->Length(),
             String::NO_NULL_TERMINATION);
}

static Local<String> Name(Isolate* isolate, const char* name) {
  return String::NewFromUtf8(isolate, name, NewStringType::kInternalized)
      .ToLocalChecked();
}

Local<FunctionTemplate> NewFunctionTemplate(Isolate* isolate,
                                            FunctionCallback callback,
                                            v8::ConstructorBehavior behavior) {
  return FunctionTemplate::New(isolate, callback, Local<Value>(),
                               v8::Local<v8::Signature>(), 0, behavior);
}

static void SetMethodImpl(Local<Context> context, Local<Object> target,
                          const char* name, FunctionCallback callback,
                          SideEffectType side_effect) {
  Isolate* isolate = context->GetIsolate();
  Local<FunctionTemplate> t = FunctionTemplate::New(
      isolate, callback, Local<Value>(), v8::Local<v8::Signature>(), 0,
      v8::ConstructorBehavior::kThrow, side_effect);
  Local<String> key = Name(isolate, name);
  Local<v8::Function> fn = t->GetFunction(context).ToLocalChecked();
  fn->SetName(key);
  target->CreateDataProperty(context, key, fn).Check();
}

void SetMethod(Local<Context> context, Local<Object> target, const char* name,
               FunctionCallback callback) {
  SetMethodImpl(context, target, name, callback,
                SideEffectType::kHasSideEffect);
}

void SetMethodNoSideEffect(Local<Context> context, Local<Object> target,
                           const char* name, FunctionCallback callback) {
  SetMethodImpl(context, target, name, callback,
                SideEffectType::kHasNoSideEffect);
}

void SetProtoMethod(Isolate* isolate, Local<FunctionTemplate> t,
                    const char* name, FunctionCallback callback) {
  Local<v8::Signature> signature = v8::Signature::New(isolate, t);
  Local<FunctionTemplate> m =
      FunctionTemplate::New(isolate, callback, Local<Value>(), signature, 0,
                            v8::ConstructorBehavior::kThrow);
  Local<String> key = Name(isolate, name);
  m->SetClassName(key);
  t->PrototypeTemplate()->Set(key, m);
}

void SetConstructorFunction(Local<Context> context, Local<Object> target,
                            const char* name, Local<FunctionTemplate> tmpl) {
  Isolate* isolate = context->GetIsolate();
  Local<String> key = Name(isolate, name);
  tmpl->SetClassName(key);
  target
      ->CreateDataProperty(context, key,
                           tmpl->GetFunction(context).ToLocalChecked())
      .Check();
}

void SetValue(Local<Context> context, Local<Object> target, const char* name,
              Local<Value> value) {
  target->CreateDataProperty(context, Name(context->GetIsolate(), name), value)
      .Check();
}

void SetString(Local<Context> context, Local<Object> target, const char* name,
               std::string_view value) {
  SetValue(context, target, name, Utf8String(context->GetIsolate(), value));
}

int ReadFileSync(std::string* result, const char* path) {
  int fd = open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return uv_translate_sys_error(errno);
  result->clear();
  char buf[65536];
  for (;;) {
    ssize_t n = read(fd, buf, sizeof(buf));
    if (n < 0) {
      if (errno == EINTR) continue;
      int err = uv_translate_sys_error(errno);
      close(fd);
      return err;
    }
    if (n == 0) break;
    result->append(buf, n);
  }
  close(fd);
  return 0;
}

bool SockaddrToJS(Isolate* isolate, const sockaddr* addr, Local<Object> out) {
  Local<Context> context = isolate->GetCurrentContext();
  char ip[INET6_ADDRSTRLEN + IF_NAMESIZE + 2] = "";
  int port = 0;
  const char* family = "";
  if (addr->sa_family == AF_INET6) {
    const sockaddr_in6* a6 = reinterpret_cast<const sockaddr_in6*>(addr);
    uv_inet_ntop(AF_INET6, &a6->sin6_addr, ip, sizeof(ip));
    // A scope id is kept as in Node: fe80::1%lo.
    if (a6->sin6_scope_id != 0) {
      char scope[IF_NAMESIZE + 1];
      size_t len = sizeof(scope);
      if (uv_if_indextoname(a6->sin6_scope_id, scope, &len) == 0) {
        size_t used = strlen(ip);
        snprintf(ip + used, sizeof(ip) - used, "%%%s", scope);
      }
    }
    port = ntohs(a6->sin6_port);
    family = "IPv6";
  } else if (addr->sa_family == AF_INET) {
    const sockaddr_in* a4 = reinterpret_cast<const sockaddr_in*>(addr);
    uv_inet_ntop(AF_INET, &a4->sin_addr, ip, sizeof(ip));
    port = ntohs(a4->sin_port);
    family = "IPv4";
  }
  return out->CreateDataProperty(context, OneByteString(isolate, "address"),
                                 OneByteString(isolate, ip))
             .FromMaybe(false) &&
         out->CreateDataProperty(context, OneByteString(isolate, "family"),
                                 OneByteString(isolate, family))
             .FromMaybe(false) &&
         out->CreateDataProperty(context, OneByteString(isolate, "port"),
                                 v8::Integer::New(isolate, port))
             .FromMaybe(false);
}

int MakeDirectories(const std::string& path) {
  for (size_t pos = 1; pos <= path.size(); pos++) {
    if (pos != path.size() && path[pos] != '/') continue;
    std::string prefix = path.substr(0, pos);
    if (mkdir(prefix.c_str(), 0777) != 0 && errno != EEXIST) {
      return uv_translate_sys_error(errno);
    }
  }
  struct stat st;
  if (stat(path.c_str(), &st) != 0) return uv_translate_sys_error(errno);
  if (!S_ISDIR(st.st_mode)) return UV_ENOTDIR;
  return 0;
}

bool ListHasCategory(const std::string& list, const char* category) {
  size_t start = 0;
  while (start <= list.size()) {
    size_t end = list.find(',', start);
    if (end == std::string::npos) end = list.size();
    if (strcasecmp(list.substr(start, end - start).c_str(), category) == 0) {
      return true;
    }
    start = end + 1;
  }
  return false;
}

}  // namespace lode
