// Start-up pieces shared by lode's main path (lode.cc) and the snapshot
// builder (lode_snapshot.cc).
#ifndef SRC_LODE_INTERNALS_H_
#define SRC_LODE_INTERNALS_H_

#include <memory>
#include <string>
#include <vector>

#include "lode_binding.h"
#include "v8.h"

namespace lode {

class Environment;

// Creates the V8 platform (once per process) and initializes V8.
// The V8 flags every lode start (and the snapshot builder) sets before any
// from the command line.
void SetDefaultV8Flags();
void InitializeV8(int thread_pool_size);

// The V8 platform of the process.
v8::Platform* GetPlatform();

// Every native function lode exposes to JS, for V8's snapshot machinery.
ExternalReferenceRegistry* GetExternalReferenceRegistry();

// The isolate-wide hooks: message listener, promise rejections, stack
// traces, fatal errors.
void SetIsolateHooks(v8::Isolate* isolate, bool building_snapshot);

namespace types {
// Empties deep equality's per-map cache (lode_types.cc) before each GC.
void AddIsolateHooks(v8::Isolate* isolate);
}  // namespace types

// Runs internal/per_context/modern_builtins in `context` (the main
// context, and every vm context): the built-ins V8 10.2 lacks. False with a
// JS exception pending when it threw.
bool InstallModernBuiltins(v8::Local<v8::Context> context);

// --disable-proto=delete|throw: removes Object.prototype.__proto__ of
// `context`, or makes both its accessors throw ERR_PROTO_ACCESS (the main
// context at each start, every vm context when made). False with a JS
// exception pending when it failed.
bool ApplyDisableProto(Environment* env, v8::Local<v8::Context> context);

// Runs the bootstrap stages that depend on nothing of the run (primordials,
// the process object, realm, node) and keeps what the run needs in the
// environment (require, internalBinding, primordials, process). False with
// a JS exception pending when a stage threw.
bool BootstrapEnvironment(Environment* env);

// The startup snapshot this process runs from (nullptr: --no-node-snapshot,
// or a build without one). Every isolate of the process (workers too) is
// made from it.
const v8::StartupData* GetStartupSnapshot();

// The ArrayBuffer allocator every isolate of the process shares, so that a
// backing store moved to another thread is freed by the allocator that made
// it whichever isolate ends first.
std::shared_ptr<v8::ArrayBuffer::Allocator> GetArrayBufferAllocator();

// The bytes of ArrayBuffer memory that allocator holds now, for all
// isolates of the process (process.memoryUsage().arrayBuffers).
size_t ArrayBufferAllocatedBytes();
// Adds to (or, negative, takes from) that count, for ArrayBuffer memory
// made outside the allocator (stores with a deleter of their own).
void CountArrayBufferBytes(int64_t delta);

// The memory of ArrayBuffers: malloc's (calloc's when `zero_fill`), except
// that blocks of several MiB are mappings of their own that take huge pages
// (see src/lode.cc). What AllocateBytes gave is freed by FreeBytes with the
// same length; nullptr when the memory cannot be had.
void* AllocateBytes(size_t length, bool zero_fill);
void FreeBytes(void* data, size_t length);

// A backing store of `length` bytes made through the process's allocator,
// its memory left as malloc leaves it unless `zero_fill`; nullptr when the
// memory cannot be had. Made by the allocator, it is counted by V8 as the
// memory of `new ArrayBuffer()` is: a young-generation GC reclaims such
// stores once enough of them were made, where one made with
// ArrayBuffer::NewBackingStore(data, length, deleter) only counts towards
// the external-memory limit that starts a full mark-sweep.
std::unique_ptr<v8::BackingStore> NewUnsafeBackingStore(v8::Isolate* isolate,
                                                        size_t length,
                                                        bool zero_fill);

// Gets `env` ready for its main script: the values the snapshot kept (or
// the bootstrap run from the sources), process.argv and the rest of the
// run's process object, internal/bootstrap/runtime. False when that threw;
// the exception is left in `try_catch`.
bool LoadEnvironment(Environment* env, bool from_snapshot);

namespace errors {
// "file:line\nsource line\n    ^\n" of `message`, as printed above an
// error ("" without a source line; lode_errors.cc).
std::string GetErrorSource(v8::Isolate* isolate,
                           v8::Local<v8::Context> context,
                           v8::Local<v8::Message> message);
}  // namespace errors

namespace inspector {
// Starts V8's precise coverage for `env` when NODE_V8_COVERAGE or
// --experimental-test-coverage asks for it (lode_inspector.cc).
void StartCoverageIfRequested(Environment* env);
// --cpu-prof and --heap-prof: start the profilers, written at exit.
void StartProfilesIfRequested(Environment* env);
// --inspect, --inspect-brk, --inspect-wait: the debugger front end's
// server, started before the main script (which waits for a debugger with
// the last two).
void StartInspectorIfRequested(Environment* env);
// The workers of the process, for the main thread's NodeWorker domain
// (any thread; lode_worker.cc, while a worker's environment runs).
void InspectorWorkerStarted(uint64_t thread_id, const std::string& name,
                            const std::string& url);
void InspectorWorkerStopped(uint64_t thread_id);
// A vm context, for the debuggers (Runtime.executionContextCreated).
void InspectorContextCreated(Environment* env, v8::Local<v8::Context> context,
                             const std::string& name,
                             const std::string& origin);
// Whether the main script's first statement pauses (--inspect-brk with
// the server running).
bool InspectorBreakOnStart(Environment* env);
// Pauses the attached debuggers at the next statement ("Break on start").
void InspectorPauseOnNextStatement(Environment* env);
// process.debugPort.
int GetDebugPort(Environment* env);
void SetDebugPort(Environment* env, int port);
}  // namespace inspector

namespace wasm_web_api {
// WebAssembly.compileStreaming()/instantiateStreaming() (see
// lode_wasm_web_api.cc); before the isolate's first context.
void SetStreamingCallback(v8::Isolate* isolate);
}  // namespace wasm_web_api

namespace worker {
// The diagnostic report's "workers": each running worker's subreport,
// made on its thread, indented for `depth`.
std::vector<std::string> Subreports(Environment* env,
                                    const std::string& trigger, int depth,
                                    bool compact);
// Stops the workers `env` started and waits for their threads to end.
void StopSubWorkers(Environment* env);
}  // namespace worker

}  // namespace lode

#endif  // SRC_LODE_INTERNALS_H_
