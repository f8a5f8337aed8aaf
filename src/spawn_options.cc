#include "spawn_options.h"

#include <string.h>

#include "lode_errors.h"

namespace lode {

using v8::Array;
using v8::ArrayBufferView;
using v8::Context;
using v8::Isolate;
using v8::Local;
using v8::Object;
using v8::String;
using v8::Value;

namespace {

bool Get(Local<Context> context, Local<Object> obj, const char* key,
         Local<Value>* out) {
  Isolate* isolate = context->GetIsolate();
  return obj->Get(context, OneByteString(isolate, key)).ToLocal(out);
}

bool StringList(Isolate* isolate, Local<Context> context, Local<Value> value,
                std::vector<std::string>* out) {
  if (!value->IsArray()) return true;
  Local<Array> list = value.As<Array>();
  uint32_t n = list->Length();
  for (uint32_t i = 0; i < n; i++) {
    Local<Value> item;
    if (!list->Get(context, i).ToLocal(&item)) return false;
    Local<String> str;
    if (!item->ToString(context).ToLocal(&str)) return false;
    out->push_back(Utf8Value(isolate, str).ToString());
  }
  return true;
}

bool ParseStdio(Isolate* isolate, Local<Context> context, Local<Value> value,
                std::vector<SpawnStdio>* out) {
  if (!value->IsArray()) return true;
  Local<Array> list = value.As<Array>();
  uint32_t n = list->Length();
  for (uint32_t i = 0; i < n; i++) {
    Local<Value> item;
    if (!list->Get(context, i).ToLocal(&item)) return false;
    SpawnStdio entry;
    if (!item->IsObject()) {
      out->push_back(entry);
      continue;
    }
    Local<Object> obj = item.As<Object>();
    Local<Value> type_v;
    if (!Get(context, obj, "type", &type_v)) return false;
    std::string type = Utf8Value(isolate, type_v).ToString();
    if (type == "pipe" || type == "overlapped") {
      entry.type = SpawnStdio::kPipe;
      Local<Value> v;
      if (!Get(context, obj, "readable", &v)) return false;
      entry.readable = v->BooleanValue(isolate);
      if (!Get(context, obj, "writable", &v)) return false;
      entry.writable = v->BooleanValue(isolate);
      if (!Get(context, obj, "input", &v)) return false;
      if (!v->IsUndefined() && !v->IsNull() &&
          !BytesOf(isolate, v, &entry.input)) {
        return false;
      }
      Local<Value> handle;
      if (!Get(context, obj, "handle", &handle)) return false;
      if (handle->IsObject()) {
        entry.type = SpawnStdio::kWrap;
        entry.handle = handle.As<Object>();
      }
    } else if (type == "wrap") {
      entry.type = SpawnStdio::kWrap;
      Local<Value> handle;
      if (!Get(context, obj, "handle", &handle)) return false;
      if (handle->IsObject()) entry.handle = handle.As<Object>();
    } else if (type == "fd" || type == "inherit") {
      entry.type = SpawnStdio::kFd;
      Local<Value> fd;
      if (!Get(context, obj, "fd", &fd)) return false;
      entry.fd = fd->IsInt32() ? fd.As<v8::Int32>()->Value()
                               : static_cast<int>(i);
    }
    out->push_back(entry);
  }
  return true;
}

}  // namespace

bool BytesOf(Isolate* isolate, Local<Value> value, std::string* out) {
  if (value->IsArrayBufferView()) {
    Local<ArrayBufferView> view = value.As<ArrayBufferView>();
    out->resize(view->ByteLength());
    if (!out->empty()) view->CopyContents(out->data(), out->size());
    return true;
  }
  if (value->IsString()) {
    *out = Utf8Value(isolate, value).ToString();
    return true;
  }
  THROW_ERR_INVALID_ARG_TYPE(isolate,
                             "The input must be a string or an "
                             "ArrayBufferView");
  return false;
}

bool SpawnOptions::Parse(Isolate* isolate, Local<Context> context,
                         Local<Object> options) {
  Local<Value> v;
  if (!Get(context, options, "file", &v)) return false;
  file_ = Utf8Value(isolate, v).ToString();
  if (!Get(context, options, "args", &v)) return false;
  if (!StringList(isolate, context, v, &args_)) return false;
  if (!Get(context, options, "envPairs", &v)) return false;
  if (v->IsArray()) {
    has_env_ = true;
    if (!StringList(isolate, context, v, &env_)) return false;
  }
  if (!Get(context, options, "cwd", &v)) return false;
  if (v->IsString() && v.As<String>()->Length() > 0) {
    has_cwd_ = true;
    cwd_ = Utf8Value(isolate, v).ToString();
  }
  if (!Get(context, options, "uid", &v)) return false;
  if (v->IsInt32()) {
    flags_ |= UV_PROCESS_SETUID;
    uid_ = static_cast<uv_uid_t>(v.As<v8::Int32>()->Value());
  }
  if (!Get(context, options, "gid", &v)) return false;
  if (v->IsInt32()) {
    flags_ |= UV_PROCESS_SETGID;
    gid_ = static_cast<uv_gid_t>(v.As<v8::Int32>()->Value());
  }
  if (!Get(context, options, "detached", &v)) return false;
  if (v->BooleanValue(isolate)) flags_ |= UV_PROCESS_DETACHED;
  if (!Get(context, options, "windowsHide", &v)) return false;
  if (v->BooleanValue(isolate)) flags_ |= UV_PROCESS_WINDOWS_HIDE;
  if (!Get(context, options, "windowsVerbatimArguments", &v)) return false;
  if (v->BooleanValue(isolate)) {
    flags_ |= UV_PROCESS_WINDOWS_VERBATIM_ARGUMENTS;
  }
  if (!Get(context, options, "stdio", &v)) return false;
  return ParseStdio(isolate, context, v, &stdio_);
}

void SpawnOptions::Fill(uv_process_options_t* out) {
  argv_.clear();
  for (std::string& a : args_) argv_.push_back(a.data());
  // uv_spawn() needs argv[0]; the JS side always sends it, but be safe.
  if (argv_.empty()) argv_.push_back(file_.data());
  argv_.push_back(nullptr);
  envp_.clear();
  for (std::string& e : env_) envp_.push_back(e.data());
  envp_.push_back(nullptr);
  out->file = file_.c_str();
  out->args = argv_.data();
  out->env = has_env_ ? envp_.data() : nullptr;
  out->cwd = has_cwd_ ? cwd_.c_str() : nullptr;
  out->flags = flags_;
  out->uid = uid_;
  out->gid = gid_;
}

std::string SignalName(int signum) {
  if (signum <= 0) return "";
  const char* abbrev = sigabbrev_np(signum);
  if (abbrev == nullptr) return "";
  return std::string("SIG") + abbrev;
}

}  // namespace lode
