// internalBinding('tty_wrap'): whether an fd is a terminal and its size.
// The TTY stream handle comes with the streams issue.
#include <sys/ioctl.h>

#include "env.h"
#include "lode_binding.h"
#include "lode_errors.h"
#include "util.h"

namespace lode::tty_wrap {

using v8::Array;
using v8::Context;
using v8::FunctionCallbackInfo;
using v8::Local;
using v8::Object;
using v8::Value;

namespace {

void IsTTY(const FunctionCallbackInfo<Value>& args) {
  int fd = args[0]->IsInt32() ? args[0].As<v8::Int32>()->Value() : -1;
  args.GetReturnValue().Set(fd >= 0 && uv_guess_handle(fd) == UV_TTY);
}

// getWindowSize(fd, [cols, rows]) -> 0 or a negative errno.
void GetWindowSize(const FunctionCallbackInfo<Value>& args) {
  v8::Isolate* isolate = args.GetIsolate();
  Local<Context> context = isolate->GetCurrentContext();
  int fd = args[0]->IsInt32() ? args[0].As<v8::Int32>()->Value() : -1;
  CHECK(args[1]->IsArray());
  struct winsize ws;
  if (ioctl(fd, TIOCGWINSZ, &ws) != 0) {
    args.GetReturnValue().Set(uv_translate_sys_error(errno));
    return;
  }
  Local<Array> out = args[1].As<Array>();
  out->CreateDataProperty(context, 0, v8::Integer::New(isolate, ws.ws_col))
      .Check();
  out->CreateDataProperty(context, 1, v8::Integer::New(isolate, ws.ws_row))
      .Check();
  args.GetReturnValue().Set(0);
}

void Initialize(Local<Object> target, Local<Value>, Local<Context> context,
                void*) {
  SetMethodNoSideEffect(context, target, "isTTY", IsTTY);
  SetMethod(context, target, "getWindowSize", GetWindowSize);
}

void RegisterExternalReferences(ExternalReferenceRegistry* registry) {
  registry->Register(IsTTY);
  registry->Register(GetWindowSize);
}

}  // namespace
}  // namespace lode::tty_wrap

LODE_BINDING_CONTEXT_AWARE_INTERNAL(tty_wrap, lode::tty_wrap::Initialize)
LODE_BINDING_EXTERNAL_REFERENCE(tty_wrap,
                                lode::tty_wrap::RegisterExternalReferences)
