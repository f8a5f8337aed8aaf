#include "lode_errors.h"

#include <unistd.h>

#include <cstdio>
#include <string>

#include "env.h"
#include "lode_binding.h"
#include "lode_contextify.h"
#include "lode_internals.h"
#include "lode_report.h"
#include "lode_tracing.h"
#include "lode_version.h"
#include "util.h"
#include "uv.h"

namespace lode {

using v8::Context;
using v8::Exception;
using v8::Function;
using v8::FunctionCallbackInfo;
using v8::HandleScope;
using v8::Integer;
using v8::Isolate;
using v8::Local;
using v8::MaybeLocal;
using v8::Message;
using v8::Object;
using v8::String;
using v8::TryCatch;
using v8::Value;

static Local<Value> MakeCodedError(Isolate* isolate, const char* code,
                                   Local<Value> (*ctor)(Local<String>),
                                   const std::string& message) {
  Local<Context> context = isolate->GetCurrentContext();
  Local<Value> err = ctor(Utf8String(isolate, message));
  Local<Object> obj = err.As<Object>();
  (void)obj->CreateDataProperty(context, FIXED_ONE_BYTE_STRING(isolate, "code"),
                                OneByteString(isolate, code));
  return err;
}

#define V(code, type)                                               \
  void THROW_##code(Isolate* isolate, const std::string& message) { \
    isolate->ThrowException(                                        \
        MakeCodedError(isolate, #code, Exception::type, message));  \
  }
LODE_ERRORS_WITH_CODE(V)
#undef V

namespace {

// Builds the error of UVException. With `assign`, the properties are set as
// by assignment (a setter a program put on Object.prototype runs); if one
// throws, its exception is left pending and the result is empty.
MaybeLocal<Object> MakeUVException(Isolate* isolate, int err,
                                   const char* syscall, const char* message,
                                   const char* path, const char* dest,
                                   bool assign) {
  Local<Context> context = isolate->GetCurrentContext();
  const char* code = uv_err_name(err);
  if (message == nullptr || message[0] == '\0') message = uv_strerror(err);
  std::string msg = std::string(code) + ": " + message + ", " + syscall;
  if (path != nullptr) msg += std::string(" '") + path + "'";
  if (dest != nullptr) msg += std::string(" -> '") + dest + "'";
  Local<Object> e = Exception::Error(Utf8String(isolate, msg)).As<Object>();
  TryCatch try_catch(isolate);
  auto put = [&](Local<String> key, Local<Value> value) {
    return assign ? e->Set(context, key, value).FromMaybe(false)
                  : e->CreateDataProperty(context, key, value).FromMaybe(false);
  };
  if (!put(FIXED_ONE_BYTE_STRING(isolate, "errno"),
           Integer::New(isolate, err)) ||
      !put(FIXED_ONE_BYTE_STRING(isolate, "code"),
           OneByteString(isolate, code)) ||
      !put(FIXED_ONE_BYTE_STRING(isolate, "syscall"),
           OneByteString(isolate, syscall)) ||
      (path != nullptr &&
       !put(FIXED_ONE_BYTE_STRING(isolate, "path"),
            Utf8String(isolate, path))) ||
      (dest != nullptr && !put(FIXED_ONE_BYTE_STRING(isolate, "dest"),
                               Utf8String(isolate, dest)))) {
    // A setter threw (assign only): that exception goes on to the caller.
    // Otherwise only an exhausted heap gets here; the error still carries
    // its message.
    if (try_catch.HasCaught()) {
      try_catch.ReThrow();
      return MaybeLocal<Object>();
    }
  }
  return e;
}

}  // namespace

Local<Value> UVException(Isolate* isolate, int err, const char* syscall,
                         const char* message, const char* path,
                         const char* dest) {
  // Own data properties: this error may be made on the loop, where a
  // setter a program put on Object.prototype must not run (or throw).
  return MakeUVException(isolate, err, syscall, message, path, dest, false)
      .ToLocalChecked();
}

void ThrowUVException(Isolate* isolate, int err, const char* syscall,
                      const char* message, const char* path, const char* dest) {
  // Thrown to the calling JS code, the properties are assigned as in Node:
  // a setter on Object.prototype that throws makes that the exception.
  Local<Object> e;
  if (!MakeUVException(isolate, err, syscall, message, path, dest, true)
           .ToLocal(&e)) {
    return;
  }
  isolate->ThrowException(e);
}

void ExitNow(int code) {
  tracing::StopAndFlush();
  fflush(stdout);
  fflush(stderr);
  _exit(code);
}

namespace errors {

// "file:line\nsource line\n    ^\n", as Node prints above a fatal error.
std::string GetErrorSource(Isolate* isolate, Local<Context> context,
                           Local<Message> message) {
  if (message.IsEmpty()) return "";
  Local<String> source_line;
  if (!message->GetSourceLine(context).ToLocal(&source_line)) return "";
  Utf8Value filename(isolate, message->GetScriptResourceName());
  int line = message->GetLineNumber(context).FromMaybe(0);
  std::string source = Utf8Value(isolate, source_line).ToString();
  int start = message->GetStartColumn(context).FromMaybe(0);
  int end = message->GetEndColumn(context).FromMaybe(start + 1);
  std::string out = std::string(*filename) + ":" + std::to_string(line) + "\n" +
                    source + "\n";
  // Keep tabs so the caret lines up under the source.
  for (int i = 0; i < start && i < static_cast<int>(source.size()); i++) {
    out += source[i] == '\t' ? '\t' : ' ';
  }
  if (end <= start) end = start + 1;
  for (int i = start; i < end; i++) out += '^';
  out += "\n";
  return out;
}

// What lib/ gave setGetSourceMapErrorSource(): called with (file name,
// 1-based line, 0-based column) of an uncaught error, it returns the
// original source line above a caret when a source map covers the place.
class SourceMapErrorSource : public BindingData {
 public:
  static constexpr const char* kKey = "errors:source_map_error_source";
  v8::Global<Function> callback;
  // setMaybeCacheGeneratedSourceMap(): called with the code of each eval()
  // and new Function() of the main context.
  v8::Global<Function> generated_code;
};

static SourceMapErrorSource* GetSourceMapData(Environment* env) {
  auto* data =
      env->GetBindingData<SourceMapErrorSource>(SourceMapErrorSource::kKey);
  if (data == nullptr) {
    data = env->SetBindingData(SourceMapErrorSource::kKey,
                               std::make_unique<SourceMapErrorSource>());
  }
  return data;
}

// V8 asks this about code made from strings in a context that forbids it.
// The main context forbids it only so that its eval'd code reaches the
// source map cache (see SetMaybeCacheGeneratedSourceMap): there it is
// allowed; any other context forbade it itself.
static v8::ModifyCodeGenerationFromStringsResult OnCodeGenerationFromStrings(
    Local<Context> context, Local<Value> source, bool) {
  Environment* env = Environment::GetCurrent(context);
  if (env == nullptr || context != env->context()) return {false, {}};
  auto* data =
      env->GetBindingData<SourceMapErrorSource>(SourceMapErrorSource::kKey);
  if (data != nullptr && !data->generated_code.IsEmpty() &&
      source->IsString() && env->can_call_into_js()) {
    Isolate* isolate = env->isolate();
    TryCatch try_catch(isolate);
    (void)data->generated_code.Get(isolate)->Call(
        context, v8::Undefined(isolate), 1, &source);
  }
  return {true, {}};
}

// The mapped "file:line\nsource line\n    ^\n" of an uncaught error, or
// "" (source maps off, no map, or the original source unreadable).
static std::string GetMappedErrorSource(Environment* env,
                                        Local<Message> message) {
  auto* data =
      env->GetBindingData<SourceMapErrorSource>(SourceMapErrorSource::kKey);
  if (data == nullptr || data->callback.IsEmpty() || message.IsEmpty() ||
      !env->can_call_into_js()) {
    return "";
  }
  Isolate* isolate = env->isolate();
  Local<Context> context = env->context();
  Local<Value> argv[] = {
      message->GetScriptResourceName(),
      Integer::New(isolate, message->GetLineNumber(context).FromMaybe(0)),
      Integer::New(isolate, message->GetStartColumn(context).FromMaybe(0)),
  };
  TryCatch try_catch(isolate);
  Local<Value> result;
  if (!data->callback.Get(isolate)
           ->Call(context, v8::Undefined(isolate), 3, argv)
           .ToLocal(&result) ||
      !result->IsString()) {
    return "";
  }
  return Utf8Value(isolate, result).ToString();
}

// How a fatal exception's text was made: formatFatalError's, or (when it
// got nothing out of an object whose stack getter and inspection threw) as
// in Node "name: message" when the object has both, else its string.
enum class FatalText { kFormatted, kNameMessage, kString };

static std::string FormatError(Environment* env, Local<Value> error,
                               FatalText* kind) {
  Isolate* isolate = env->isolate();
  Local<Context> context = env->context();
  Local<Function> fmt = env->format_fatal_error();
  *kind = FatalText::kFormatted;
  if (!fmt.IsEmpty() && env->can_call_into_js()) {
    TryCatch try_catch(isolate);
    Local<Value> result;
    if (fmt->Call(context, v8::Undefined(isolate), 1, &error)
            .ToLocal(&result)) {
      if (result->IsString()) return Utf8Value(isolate, result).ToString();
      if (result->IsUndefined() && error->IsObject()) {
        *kind = FatalText::kString;
        Local<Object> object = error.As<Object>();
        TryCatch inner(isolate);
        Local<Value> message;
        Local<Value> name;
        if (object->Get(context, FIXED_ONE_BYTE_STRING(isolate, "message"))
                .ToLocal(&message) &&
            !message->IsUndefined() &&
            object->Get(context, FIXED_ONE_BYTE_STRING(isolate, "name"))
                .ToLocal(&name) &&
            !name->IsUndefined()) {
          *kind = FatalText::kNameMessage;
          return Utf8Value(isolate, name).ToString() + ": " +
                 Utf8Value(isolate, message).ToString();
        }
        return Utf8Value(isolate, error).ToString();
      }
    }
  }
  if (error->IsObject()) {
    Local<Value> stack;
    TryCatch try_catch(isolate);
    if (error.As<Object>()
            ->Get(context, FIXED_ONE_BYTE_STRING(isolate, "stack"))
            .ToLocal(&stack) &&
        stack->IsString()) {
      return Utf8Value(isolate, stack).ToString();
    }
  }
  return Utf8Value(isolate, error).ToString();
}

// `with_report`: --report-uncaught-exception's report goes between the
// error and the version line (not before an abort: Node writes none then).
static void PrintUncaughtException(Environment* env, Local<Value> error,
                                   Local<Message> message,
                                   bool with_report = true) {
  Isolate* isolate = env->isolate();
  Local<Context> context = env->context();
  std::string source = GetMappedErrorSource(env, message);
  if (source.empty()) source = GetErrorSource(isolate, context, message);
  // Where an error rethrown by the loader was first thrown (see
  // contextify::SetArrowMessageFromError), or where a vm script (-e, stdin)
  // threw an object that is not an error (contextify's DecorateErrorStack).
  bool has_arrow = false;
  if (error->IsObject()) {
    TryCatch try_catch(isolate);
    Local<Value> arrow;
    if (error.As<Object>()
            ->GetPrivate(context,
                         v8::Private::ForApi(
                             isolate, FIXED_ONE_BYTE_STRING(
                                          isolate, "lode:arrow_message")))
            .ToLocal(&arrow) &&
        arrow->IsString()) {
      source = Utf8Value(isolate, arrow).ToString();
      has_arrow = true;
    }
  }
  // vm's displayErrors already put the source line in front of the stack.
  if (error->IsObject() &&
      error.As<Object>()
          ->HasPrivate(context,
                       v8::Private::ForApi(
                           isolate,
                           FIXED_ONE_BYTE_STRING(isolate, "lode:decorated")))
          .FromMaybe(false)) {
    source.clear();
  }
  FatalText kind;
  std::string formatted = FormatError(env, error, &kind);
  bool plain = kind != FatalText::kFormatted;
  bool is_error = error->IsNativeError();
  std::string out;
  if (kind == FatalText::kString && (is_error || has_arrow)) {
    // As in Node, a value printed as its string goes without the source
    // line it kept.
    out = formatted + "\n";
  } else if (is_error || has_arrow) {
    // Node prints a kept arrow and the value apart; a source line it finds
    // only now comes first, after a blank line (below).
    out = source + (source.empty() ? "" : "\n") + formatted + "\n";
  } else {
    out = "\n" + source + formatted + "\n";
  }
  if ((plain || !error->IsObject()) &&
      !env->options()->GetBool("--trace-uncaught")) {
    out +=
        "(Use `node --trace-uncaught ...` to show where the exception "
        "was thrown)\n";
  }
  fwrite(out.data(), 1, out.size(), stderr);
  fflush(stderr);
  // --report-uncaught-exception: the report comes after the error, before
  // where it was thrown and the version line, as in Node.
  if (with_report) report::OnUncaughtException(env, error);
  out.clear();
  // --trace-uncaught: where the value was thrown (for any value, an error
  // or not), as V8 recorded it.
  if (env->options()->GetBool("--trace-uncaught")) {
    Local<v8::StackTrace> trace = message->GetStackTrace();
    if (!trace.IsEmpty()) {
      out += "Thrown at:\n";
      for (int i = 0; i < trace->GetFrameCount(); i++) {
        out += "    at " + FrameText(isolate, trace->GetFrame(isolate, i)) +
               "\n";
      }
      out += "\n";
    }
  }
  out += "\nNode.js " LODE_NODE_VERSION_STRING "\n";
  fwrite(out.data(), 1, out.size(), stderr);
  fflush(stderr);
}

void TriggerUncaughtException(Isolate* isolate, Local<Value> error,
                              Local<Message> message, bool from_promise) {
  HandleScope scope(isolate);
  Environment* env = Environment::GetCurrent(isolate);
  if (env == nullptr) {
    Utf8Value str(isolate, error);
    fprintf(stderr, "Uncaught %s\n", *str);
    ExitNow(kGenericUserError);
  }
  if (!env->can_call_into_js()) return;
  Local<Context> context = env->context();
  Local<Function> handler = env->uncaught_exception_handler();
  int exit_code = kGenericUserError;
  if (!handler.IsEmpty()) {
    TryCatch try_catch(isolate);
    try_catch.SetVerbose(false);
    Local<Value> argv[] = {error, v8::Boolean::New(isolate, from_promise)};
    Local<Value> handled;
    if (!handler->Call(context, env->process_object(), 2, argv)
             .ToLocal(&handled)) {
      if (try_catch.HasTerminated()) return;
      // The handler itself threw: print that error, exit 7.
      PrintUncaughtException(env, try_catch.Exception(), try_catch.Message());
      env->Exit(kExceptionInFatalExceptionHandler);
      return;
    }
    if (handled->IsTrue()) return;
    if (handled->IsInt32()) exit_code = handled.As<v8::Int32>()->Value();
  }
  PrintUncaughtException(env, error, message);
  env->Exit(exit_code);
}

void PerIsolateMessageListener(Local<Message> message, Local<Value> error) {
  Isolate* isolate = message->GetIsolate();
  switch (message->ErrorLevel()) {
    case Isolate::kMessageWarning: {
      // As Node: process.emitWarning('<file>:<line> <text>', 'V8').
      Environment* env = Environment::GetCurrent(isolate);
      if (env == nullptr || !env->can_call_into_js()) break;
      v8::HandleScope scope(isolate);
      Local<Context> context = env->context();
      Utf8Value file(isolate, message->GetScriptOrigin().ResourceName());
      Utf8Value text(isolate, message->Get());
      std::string warning = std::string(*file) + ":" +
                            std::to_string(
                                message->GetLineNumber(context).FromMaybe(-1)) +
                            " " + *text;
      Local<Value> emit_warning;
      if (!env->process_object()
               ->Get(context, FIXED_ONE_BYTE_STRING(isolate, "emitWarning"))
               .ToLocal(&emit_warning) ||
          !emit_warning->IsFunction()) {
        break;
      }
      Local<Value> argv[] = {Utf8String(isolate, warning),
                             FIXED_ONE_BYTE_STRING(isolate, "V8")};
      // A warning handler that throws: the exception stays pending.
      if (emit_warning.As<v8::Function>()
              ->Call(context, env->process_object(), 2, argv)
              .IsEmpty()) {
        break;
      }
      break;
    }
    case Isolate::kMessageError:
      TriggerUncaughtException(isolate, error, message);
      break;
    default:
      break;
  }
}

void FatalException(Isolate* isolate, const TryCatch& try_catch) {
  HandleScope scope(isolate);
  Environment* env = Environment::GetCurrent(isolate);
  if (env != nullptr && !try_catch.Exception().IsEmpty()) {
    PrintUncaughtException(env, try_catch.Exception(), try_catch.Message());
  } else if (!try_catch.Exception().IsEmpty()) {
    Utf8Value str(isolate, try_catch.Exception());
    fprintf(stderr, "%s\n", *str);
  }
  ExitNow(kGenericUserError);
}

std::string FrameText(Isolate* isolate, Local<v8::StackFrame> frame) {
  std::string name = Utf8Value(isolate, frame->GetFunctionName()).ToString();
  std::string place =
      Utf8Value(isolate, frame->GetScriptNameOrSourceURL()).ToString() + ":" +
      std::to_string(frame->GetLineNumber()) + ":" +
      std::to_string(frame->GetColumn());
  return name.empty() ? place : name + " (" + place + ")";
}

// Under --abort-on-uncaught-exception V8 asks this before it aborts on an
// exception no JS handler catches: as in Node, the main thread aborts
// unless an uncaught-exception capture callback is set (a domain with an
// 'error' listener sets one) or C++ said it hands the error back to JS
// (NoAbortOnUncaughtScope); a worker never aborts (the error ends the
// worker). The V8 flag alone (v8.setFlagsFromString()) does not make lode
// abort, as it does not make Node.
bool ShouldAbortOnUncaughtException(Isolate* isolate) {
  Environment* env = Environment::GetCurrent(isolate);
  return env != nullptr && env->is_main_thread() &&
         env->options() != nullptr &&
         env->options()->GetBool("--abort-on-uncaught-exception") &&
         env->should_abort_on_uncaught() &&
         !env->inside_no_abort_on_uncaught_scope();
}

void OnFatalError(const char* location, const char* message) {
  fprintf(stderr, "FATAL ERROR: %s %s\n", location ? location : "",
          message ? message : "");
  fflush(stderr);
  report::OnFatalError(Isolate::TryGetCurrent(), message, "FatalError",
                       false);
  abort();
}

void OnOOMError(const char* location, bool is_heap_oom) {
  const char* message = is_heap_oom
                            ? "Allocation failed - JavaScript heap out of memory"
                            : "Allocation failed - process out of memory";
  fprintf(stderr, "FATAL ERROR: %s %s\n", location ? location : "", message);
  fflush(stderr);
  report::OnFatalError(Isolate::TryGetCurrent(), message, "OOMError", true);
  abort();
}

namespace {

void SetCallback(const FunctionCallbackInfo<Value>& args,
                 void (Environment::*setter)(Local<Function>)) {
  Environment* env = Environment::GetCurrent(args);
  CHECK(args[0]->IsFunction());
  (env->*setter)(args[0].As<Function>());
}

void SetUncaughtExceptionHandler(const FunctionCallbackInfo<Value>& args) {
  SetCallback(args, &Environment::set_uncaught_exception_handler);
}

void SetFormatFatalError(const FunctionCallbackInfo<Value>& args) {
  SetCallback(args, &Environment::set_format_fatal_error);
}

void SetPrepareStackTraceCallback(const FunctionCallbackInfo<Value>& args) {
  SetCallback(args, &Environment::set_prepare_stack_trace);
}

// setGetSourceMapErrorSource(fn): see GetMappedErrorSource.
void SetGetSourceMapErrorSource(const FunctionCallbackInfo<Value>& args) {
  Environment* env = Environment::GetCurrent(args);
  if (env == nullptr || !args[0]->IsFunction()) return;
  GetSourceMapData(env)->callback.Reset(args.GetIsolate(),
                                        args[0].As<Function>());
}

// setMaybeCacheGeneratedSourceMap(fn): the main context's eval() and new
// Function() code goes to `fn` first. V8 hands such code to the isolate's
// callback only in a context that forbids code from strings, so the main
// context is made to (the callback allows it there), unless it really
// forbids it (--disallow-code-generation-from-strings).
void SetMaybeCacheGeneratedSourceMap(const FunctionCallbackInfo<Value>& args) {
  Environment* env = Environment::GetCurrent(args);
  if (env == nullptr || !args[0]->IsFunction()) return;
  Isolate* isolate = args.GetIsolate();
  Local<Context> context = env->context();
  SourceMapErrorSource* data = GetSourceMapData(env);
  if (data->generated_code.IsEmpty()) {
    if (!context->IsCodeGenerationFromStringsAllowed()) return;
    isolate->SetModifyCodeGenerationFromStringsCallback(
        OnCodeGenerationFromStrings);
    // WebAssembly follows the strings' switch unless a callback decides.
    isolate->SetAllowWasmCodeGenerationCallback(
        contextify::AllowWasmCodeGenerationIn);
    context->AllowCodeGenerationFromStrings(false);
  }
  data->generated_code.Reset(isolate, args[0].As<Function>());
}

void TriggerUncaughtExceptionJS(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Local<Message> message = Exception::CreateMessage(isolate, args[0]);
  // lib/ caught this one (an immediate's, a queueMicrotask callback's, an
  // unhandled rejection): V8 never saw it uncaught. As Node does for the
  // errors its lib/ reports this way: the usual report, then abort().
  Environment* env = Environment::GetCurrent(isolate);
  if (env != nullptr && ShouldAbortOnUncaughtException(isolate)) {
    PrintUncaughtException(env, args[0], message, false);
    abort();
  }
  TriggerUncaughtException(isolate, args[0], message, args[1]->IsTrue());
}

// setShouldAbortOnUncaughtException(bool): false while the process has an
// uncaught-exception capture callback (see ShouldAbortOnUncaughtException).
void SetShouldAbortOnUncaughtException(
    const FunctionCallbackInfo<Value>& args) {
  Environment* env = Environment::GetCurrent(args);
  if (env == nullptr) return;
  env->set_should_abort_on_uncaught(args[0]->IsTrue());
}

// String(value) without running user code: for values whose toString may
// throw or have side effects.
void NoSideEffectsToString(const FunctionCallbackInfo<Value>& args) {
  Local<Context> context = args.GetIsolate()->GetCurrentContext();
  Local<String> result;
  if (args[0]->ToDetailString(context).ToLocal(&result)) {
    args.GetReturnValue().Set(result);
  }
}

void Initialize(Local<Object> target, Local<Value>, Local<Context> context,
                void*) {
  SetMethod(context, target, "setUncaughtExceptionHandler",
            SetUncaughtExceptionHandler);
  SetMethod(context, target, "setFormatFatalError", SetFormatFatalError);
  SetMethod(context, target, "setPrepareStackTraceCallback",
            SetPrepareStackTraceCallback);
  SetMethod(context, target, "triggerUncaughtException",
            TriggerUncaughtExceptionJS);
  SetMethod(context, target, "setGetSourceMapErrorSource",
            SetGetSourceMapErrorSource);
  SetMethod(context, target, "setMaybeCacheGeneratedSourceMap",
            SetMaybeCacheGeneratedSourceMap);
  SetMethodNoSideEffect(context, target, "noSideEffectsToString",
                        NoSideEffectsToString);
  SetMethod(context, target, "setShouldAbortOnUncaughtException",
            SetShouldAbortOnUncaughtException);
  Isolate* isolate = context->GetIsolate();
  Local<Object> codes = Object::New(isolate);
  SetConstant(context, codes, "kNoFailure", kNoFailure);
  SetConstant(context, codes, "kGenericUserError", kGenericUserError);
  SetConstant(context, codes, "kInternalJSParseError", kInternalJSParseError);
  SetConstant(context, codes, "kInternalJSEvaluationFailure",
              kInternalJSEvaluationFailure);
  SetConstant(context, codes, "kV8FatalError", kV8FatalError);
  SetConstant(context, codes, "kInvalidFatalExceptionMonkeyPatching",
              kInvalidFatalExceptionMonkeyPatching);
  SetConstant(context, codes, "kExceptionInFatalExceptionHandler",
              kExceptionInFatalExceptionHandler);
  SetConstant(context, codes, "kUnsettledTopLevelAwait",
              kUnsettledTopLevelAwait);
  SetConstant(context, codes, "kInvalidCommandLineArgument",
              kInvalidCommandLineArgument);
  SetConstant(context, codes, "kBootstrapFailure", kBootstrapFailure);
  SetConstant(context, codes, "kInvalidCommandLineArgument2",
              kInvalidCommandLineArgument2);
  SetConstant(context, codes, "kStartupSnapshotFailure",
              kStartupSnapshotFailure);
  SetConstant(context, codes, "kAbort", kAbort);
  SetValue(context, target, "exitCodes", codes);
}

void RegisterExternalReferences(ExternalReferenceRegistry* registry) {
  registry->Register(SetUncaughtExceptionHandler);
  registry->Register(SetFormatFatalError);
  registry->Register(SetPrepareStackTraceCallback);
  registry->Register(TriggerUncaughtExceptionJS);
  registry->Register(SetGetSourceMapErrorSource);
  registry->Register(SetMaybeCacheGeneratedSourceMap);
  registry->Register(NoSideEffectsToString);
  registry->Register(SetShouldAbortOnUncaughtException);
}

}  // namespace
}  // namespace errors
}  // namespace lode

LODE_BINDING_CONTEXT_AWARE_INTERNAL(errors, lode::errors::Initialize)
LODE_BINDING_EXTERNAL_REFERENCE(errors,
                                lode::errors::RegisterExternalReferences)
