// internalBinding('contextify'): compiling user code. The CommonJS loader
// compiles each file as a function of the module wrapper's parameters, so
// line and column numbers in stack traces match the file. vm's contexts
// come with the ESM and vm issue.
#include "env.h"
#include "lode_binding.h"
#include "lode_errors.h"
#include "util.h"

namespace lode::contextify {

using v8::Array;
using v8::Context;
using v8::Function;
using v8::FunctionCallbackInfo;
using v8::Integer;
using v8::Isolate;
using v8::Local;
using v8::Object;
using v8::Script;
using v8::ScriptCompiler;
using v8::ScriptOrigin;
using v8::String;
using v8::Value;

namespace {

// compileFunction(code, filename, params[, lineOffset, columnOffset])
void CompileFunction(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Local<Context> context = isolate->GetCurrentContext();
  CHECK(args[0]->IsString());
  CHECK(args[1]->IsString());
  CHECK(args[2]->IsArray());
  Local<Array> params_arr = args[2].As<Array>();
  std::vector<Local<String>> params;
  for (uint32_t i = 0; i < params_arr->Length(); i++) {
    Local<Value> p;
    if (!params_arr->Get(context, i).ToLocal(&p)) return;
    CHECK(p->IsString());
    params.push_back(p.As<String>());
  }
  int line_offset = args[3]->IsInt32() ? args[3].As<v8::Int32>()->Value() : 0;
  int column_offset =
      args[4]->IsInt32() ? args[4].As<v8::Int32>()->Value() : 0;
  ScriptOrigin origin(isolate, args[1], line_offset, column_offset);
  ScriptCompiler::Source source(args[0].As<String>(), origin);
  Local<Function> fn;
  if (ScriptCompiler::CompileFunction(context, &source, params.size(),
                                      params.data(), 0, nullptr)
          .ToLocal(&fn)) {
    args.GetReturnValue().Set(fn);
  }
}

// compileScript(code, filename): compiles and runs in the current context,
// for -e, -p and stdin.
void RunScript(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Local<Context> context = isolate->GetCurrentContext();
  CHECK(args[0]->IsString());
  ScriptOrigin origin(isolate, args[1]);
  ScriptCompiler::Source source(args[0].As<String>(), origin);
  Local<Script> script;
  if (!ScriptCompiler::Compile(context, &source).ToLocal(&script)) return;
  Local<Value> result;
  if (script->Run(context).ToLocal(&result)) {
    args.GetReturnValue().Set(result);
  }
}

// checkSyntax(code, filename, asFunctionParams): compiles without running,
// for `lode --check`.
void CheckSyntax(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Local<Context> context = isolate->GetCurrentContext();
  CHECK(args[0]->IsString());
  ScriptOrigin origin(isolate, args[1]);
  ScriptCompiler::Source source(args[0].As<String>(), origin);
  Local<String> params[] = {
      FIXED_ONE_BYTE_STRING(isolate, "exports"),
      FIXED_ONE_BYTE_STRING(isolate, "require"),
      FIXED_ONE_BYTE_STRING(isolate, "module"),
      FIXED_ONE_BYTE_STRING(isolate, "__filename"),
      FIXED_ONE_BYTE_STRING(isolate, "__dirname")};
  Local<Function> fn;
  if (ScriptCompiler::CompileFunction(context, &source, 5, params, 0, nullptr)
          .ToLocal(&fn)) {
    args.GetReturnValue().Set(true);
  }
}

void Initialize(Local<Object> target, Local<Value>, Local<Context> context,
                void*) {
  SetMethod(context, target, "compileFunction", CompileFunction);
  SetMethod(context, target, "runScript", RunScript);
  SetMethod(context, target, "checkSyntax", CheckSyntax);
}

void RegisterExternalReferences(ExternalReferenceRegistry* registry) {
  registry->Register(CompileFunction);
  registry->Register(RunScript);
  registry->Register(CheckSyntax);
}

}  // namespace
}  // namespace lode::contextify

LODE_BINDING_CONTEXT_AWARE_INTERNAL(contextify, lode::contextify::Initialize)
LODE_BINDING_EXTERNAL_REFERENCE(contextify,
                                lode::contextify::RegisterExternalReferences)
