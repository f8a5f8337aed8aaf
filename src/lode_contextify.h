// What the vm machinery in lode_contextify.cc lends to other bindings
// (module_wrap: vm.SourceTextModule and vm.SyntheticModule compile, link and
// run in vm contexts too).
#ifndef SRC_LODE_CONTEXTIFY_H_
#define SRC_LODE_CONTEXTIFY_H_

#include <cstdint>
#include <functional>

#include "v8.h"

namespace lode {
class Environment;
}  // namespace lode

namespace lode::contextify {

// The context behind `object` when it is a contextified object (what
// vm.createContext returned); false otherwise.
bool ContextFromContextifiedObject(v8::Local<v8::Context> current,
                                   v8::Local<v8::Value> object,
                                   v8::Local<v8::Context>* out);

// The microtask queue of a vm context created with microtaskMode
// 'afterEvaluate', or nullptr (the isolate's default queue).
v8::MicrotaskQueue* OwnMicrotaskQueue(v8::Local<v8::Context> context);

// The import() id (a symbol) vm.createContext gave `context`: what code
// without a referrer script (an eval run from a promise job) imports with.
// Empty for the main context.
v8::MaybeLocal<v8::Value> ContextImportId(v8::Local<v8::Context> context);

// The host-defined options compiled code carries, which decide what its
// import() goes to: vm's callbacks for an import id (a symbol; see
// lib/internal/vm/callbacks.js), the ESM loader for anything else (the
// code of CommonJS modules, -e and the loader's own modules).
v8::Local<v8::PrimitiveArray> ImportOptions(v8::Isolate* isolate,
                                            v8::Local<v8::Value> id);

enum class ImportTarget { kLoader, kVm, kUnknown };
// Which one `options` (from V8's import() callback) stand for; with kVm,
// `*id` is the import id. kUnknown: code compiled without them (an eval
// run with no script on the stack).
ImportTarget ImportTargetOf(v8::Isolate* isolate,
                            v8::Local<v8::Data> options,
                            v8::Local<v8::Value>* id);

// Runs `run` watched by a timeout (milliseconds, -1 for none) and by SIGINT
// when `break_on_sigint`; when one of them stopped it, throws Node's
// ERR_SCRIPT_EXECUTION_TIMEOUT or ERR_SCRIPT_EXECUTION_INTERRUPTED.
v8::MaybeLocal<v8::Value> RunWatched(
    v8::Isolate* isolate, int64_t timeout, bool break_on_sigint,
    const std::function<v8::MaybeLocal<v8::Value>()>& run);

// Keeps the "file:line\nsource\n   ^^^\n" text of the exception `try_catch`
// caught under the private arrow-message symbol of the error, where
// lib/internal/util.js decorateErrorStack() finds it (a link error of an ES
// module shows the import statement that failed this way).
void SetArrowMessage(v8::Isolate* isolate, v8::Local<v8::Context> context,
                     const v8::TryCatch& try_catch);

// The same for an error object thrown earlier (an ES module's evaluation
// error that require() throws again): the place its stack trace starts at.
// Nothing when it already has one.
void SetArrowMessageFromError(v8::Isolate* isolate,
                              v8::Local<v8::Context> context,
                              v8::Local<v8::Value> error);

// Whether WebAssembly may be compiled in `context` (vm's codeGeneration
// option); the isolate's AllowWasmCodeGenerationCallback.
bool AllowWasmCodeGenerationIn(v8::Local<v8::Context> context,
                               v8::Local<v8::String> source);

// Installs promise hooks (init, before, after, resolve; an empty handle
// clears that one) in `main` and in every vm context of the environment,
// those made later included: promises made in a vm context then carry
// AsyncLocalStorage's frame and async_hooks ids too, as in Node.
void SetPromiseHooks(Environment* env, v8::Local<v8::Context> main,
                     const v8::Local<v8::Function> (&hooks)[4]);

}  // namespace lode::contextify

#endif  // SRC_LODE_CONTEXTIFY_H_
