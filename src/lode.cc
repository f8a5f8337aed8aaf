// From main() to user code and back: process setup, V8 and its isolate, the
// bootstrap stages of lib/, the event loop, and teardown.
#include "lode.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/mman.h>
#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <mutex>
#include <unordered_map>

#if defined(__SANITIZE_ADDRESS__)
#include <sanitizer/lsan_interface.h>
#endif

#include "env.h"
#include "libplatform/libplatform.h"
#include "lode_binding.h"
#include "lode_block_cache.h"
#include "lode_builtins.h"
#include "lode_crypto.h"
#include "lode_errors.h"
#include "lode_internals.h"
#include "lode_napi_context.h"
#include "lode_options.h"
#include "lode_permission.h"
#include "lode_report.h"
#include "lode_perf.h"
#include "lode_platform.h"
#include "lode_process_object.h"
#include "lode_snapshot.h"
#include "lode_tracing.h"
#include "lode_version.h"
#include "uv.h"

namespace lode {

namespace buffer {
// Defined in lode_buffer.cc (internalBinding('buffer') has them too).
void DetachArrayBuffer(const v8::FunctionCallbackInfo<v8::Value>& args);
void IsArrayBufferDetached(const v8::FunctionCallbackInfo<v8::Value>& args);
}  // namespace buffer

using v8::Array;
using v8::Context;
using v8::Function;
using v8::FunctionCallbackInfo;
using v8::HandleScope;
using v8::Isolate;
using v8::Local;
using v8::MaybeLocal;
using v8::Object;
using v8::PromiseRejectEvent;
using v8::PromiseRejectMessage;
using v8::String;
using v8::TryCatch;
using v8::Value;

namespace {

std::unique_ptr<LodePlatform> g_platform;

void ResetStdio() {
  // A child started with SIGPIPE ignored or blocked signals would inherit
  // them; Node resets these so that programs behave the same everywhere.
  signal(SIGPIPE, SIG_IGN);
  // A write past RLIMIT_FSIZE then fails with EFBIG instead of killing the
  // process.
  signal(SIGXFSZ, SIG_IGN);
  sigset_t set;
  sigemptyset(&set);
  sigprocmask(SIG_SETMASK, &set, nullptr);
}

// node.promises.rejections: a counter of the rejections without a handler
// and of the handlers added after the rejection, for the whole process.
void TraceRejection(v8::PromiseRejectEvent event) {
  static std::atomic<int64_t> unhandled{0};
  static std::atomic<int64_t> handled_after{0};
  if (event == v8::kPromiseRejectWithNoHandler) {
    unhandled++;
  } else if (event == v8::kPromiseHandlerAddedAfterReject) {
    handled_after++;
  } else {
    return;
  }
  const uint8_t* flag =
      LODE_TRACE_FLAG("node,node.promises,node.promises.rejections");
  if (!tracing::IsEnabled(flag)) return;
  tracing::AddEvent('C', flag, "rejections", false, 0,
                    {tracing::IntArg("unhandled", unhandled.load()),
                     tracing::IntArg("handledAfter", handled_after.load())});
}

void PromiseRejectCallback(PromiseRejectMessage message) {
  TraceRejection(message.GetEvent());
  Local<v8::Promise> promise = message.GetPromise();
  Isolate* isolate = promise->GetIsolate();
  Environment* env = Environment::GetCurrent(isolate);
  if (env == nullptr || !env->can_call_into_js()) return;
  Local<Function> callback = env->promise_reject_callback();
  if (callback.IsEmpty()) return;
  Local<Value> value = message.GetValue();
  if (value.IsEmpty()) value = v8::Undefined(isolate);
  Local<Value> args[] = {
      v8::Integer::New(isolate, static_cast<int>(message.GetEvent())),
      promise, value};
  TryCatch try_catch(isolate);
  if (!callback->Call(env->context(), v8::Undefined(isolate), 3, args)
           .IsEmpty() ||
      !try_catch.HasCaught() || try_catch.HasTerminated()) {
    return;
  }
  // What lib/ threw (a stack overflow deep in a recursion, say) cannot
  // become an uncaught exception here: shown on stderr, as Node does.
  std::string text = errors::GetErrorSource(isolate, env->context(),
                                            try_catch.Message());
  Local<Value> exception = try_catch.Exception();
  std::string shown;
  Local<String> string;
  if (!exception.IsEmpty() &&
      exception->ToString(env->context()).ToLocal(&string)) {
    shown = Utf8Value(isolate, string).ToString();
  }
  fprintf(stderr, "Exception in PromiseRejectCallback:\n%s\n%s\n\n",
          text.c_str(), shown.c_str());
  fflush(stderr);
}

// import() until the ES module loader exists: a promise rejected with a
// clear error instead of V8's bare "Not supported".
MaybeLocal<v8::Promise> ImportModuleDynamically(
    Local<Context> context, Local<v8::Data> host_defined_options,
    Local<Value> resource_name, Local<String> specifier,
    Local<v8::FixedArray> import_assertions) {
  Isolate* isolate = context->GetIsolate();
  Local<v8::Promise::Resolver> resolver;
  if (!v8::Promise::Resolver::New(context).ToLocal(&resolver)) return {};
  v8::TryCatch try_catch(isolate);
  THROW_ERR_NOT_IMPLEMENTED(
      isolate, "The import() API is not implemented in lode yet");
  Local<Value> error = try_catch.Exception();
  try_catch.Reset();
  if (resolver->Reject(context, error).IsNothing()) return {};
  return resolver->GetPromise();
}

MaybeLocal<Value> PrepareStackTraceCallback(Local<Context> context,
                                            Local<Value> error,
                                            Local<Array> trace) {
  Isolate* isolate = context->GetIsolate();
  Environment* env = Environment::GetCurrent(context);
  if (env == nullptr || env->prepare_stack_trace().IsEmpty()) {
    // Before bootstrap installs its own: V8's format.
    std::string out = Utf8Value(isolate, error).ToString();
    for (uint32_t i = 0; i < trace->Length(); i++) {
      Local<Value> frame;
      if (!trace->Get(context, i).ToLocal(&frame)) continue;
      out += "\n    at " + Utf8Value(isolate, frame).ToString();
    }
    return Utf8String(isolate, out);
  }
  Local<Value> args[] = {context->Global(), error, trace};
  // V8 reads `stack` expecting what this throws (a throwing
  // Error.prepareStackTrace) to be pending when it returns. Without a
  // TryCatch of its own, a C++ caller's TryCatch (vm's displayErrors reading
  // the stack) takes the exception straight away, and V8 aborts on a CHECK.
  // Caught and rethrown here, it is scheduled, and V8 makes it pending
  // again when this callback returns.
  v8::TryCatch try_catch(isolate);
  MaybeLocal<Value> result = env->prepare_stack_trace()->Call(
      context, v8::Undefined(isolate), 3, args);
  if (try_catch.HasCaught()) try_catch.ReThrow();
  return result;
}

void GetInternalBinding(const FunctionCallbackInfo<Value>& args) {
  Environment* env = Environment::GetCurrent(args);
  Isolate* isolate = args.GetIsolate();
  Utf8Value name(isolate, args[0]);
  Local<Object> binding;
  if (env->GetBinding(*name).ToLocal(&binding)) {
    args.GetReturnValue().Set(binding);
    return;
  }
  if (!isolate->IsExecutionTerminating()) {
    THROW_ERR_INVALID_MODULE(isolate,
                             std::string("No such binding: ") + *name);
  }
}

// isConstructor(value): whether `value` has a [[Construct]] method; used by
// internal/per_context/modern_builtins, which runs before internalBinding
// exists.
void IsConstructorForBuiltins(const FunctionCallbackInfo<Value>& args) {
  args.GetReturnValue().Set(args[0]->IsFunction() &&
                            args[0].As<Function>()->IsConstructor());
}

// Object.prototype.__proto__ under --disable-proto=throw: both accessors.
void ThrowProtoAccess(const FunctionCallbackInfo<Value>& args) {
  THROW_ERR_PROTO_ACCESS(args.GetIsolate(),
                         "Accessing Object.prototype.__proto__ has been "
                         "disallowed with --disable-proto=throw");
}

// isError(value): whether `value` has an [[ErrorData]] slot (Error.isError).
void IsErrorForBuiltins(const FunctionCallbackInfo<Value>& args) {
  args.GetReturnValue().Set(args[0]->IsNativeError());
}

// The object internal/per_context/modern_builtins gets as `natives`.
Local<Object> CreateModernBuiltinsNatives(Local<Context> context) {
  Isolate* isolate = context->GetIsolate();
  Local<Object> natives = Object::New(isolate);
  const struct {
    const char* name;
    v8::FunctionCallback callback;
  } functions[] = {
      {"detachArrayBuffer", buffer::DetachArrayBuffer},
      {"isArrayBufferDetached", buffer::IsArrayBufferDetached},
      {"isConstructor", IsConstructorForBuiltins},
      {"isError", IsErrorForBuiltins},
  };
  for (const auto& f : functions) {
    Local<Function> fn =
        v8::FunctionTemplate::New(isolate, f.callback, Local<Value>(),
                                  Local<v8::Signature>(), 0,
                                  v8::ConstructorBehavior::kThrow)
            ->GetFunction(context)
            .ToLocalChecked();
    natives->Set(context, OneByteString(isolate, f.name), fn)
        .Check();
  }
  return natives;
}

// Runs builtin `id` compiled with `params`, called with `args`.
MaybeLocal<Value> RunBootstrapScript(Environment* env, const char* id,
                                     std::vector<const char*> params,
                                     std::vector<Local<Value>> args) {
  Local<Context> context = env->context();
  Local<Function> fn;
  // Eagerly: most of their functions run on every start, and compiled now
  // they are in the snapshot.
  if (!builtins::CompileBuiltin(context, id, params.size(), params.data(),
                                true)
           .ToLocal(&fn)) {
    return MaybeLocal<Value>();
  }
  return fn->Call(context, v8::Undefined(env->isolate()), args.size(),
                  args.data());
}

// Which lib/internal/main/ script runs the program.
const char* SelectMainScript(const Options& options) {
  if (options.print_help) return "internal/main/print_help";
  if (options.has_eval && !options.force_repl) {
    return "internal/main/eval_string";
  }
  if (options.syntax_check_only) return "internal/main/check_syntax";
  if (!options.GetString("--run").empty()) return "internal/main/run";
  if (options.GetBool("--test")) return "internal/main/test_runner";
  if (options.GetBool("--watch")) return "internal/main/watch_mode";
  // `lode inspect ...`: the command-line debugger client.
  if (options.argv.size() > 1 && options.argv[1] == "inspect") {
    return "internal/main/inspect";
  }
  // An empty script name, as "-", reads the program from stdin (Node's
  // rule).
  if (options.argv.size() > 1 && options.argv[1] != "-" &&
      !options.argv[1].empty() && !options.read_stdin) {
    return "internal/main/run_main_module";
  }
  if (options.force_repl || (!options.read_stdin && uv_guess_handle(0) ==
                                                        UV_TTY)) {
    return "internal/main/repl";
  }
  return "internal/main/eval_stdin";
}

// `user_snapshot`: the isolate comes from a --snapshot-blob file, whose
// deserialize callbacks and main function run instead of the main script.
int RunEnvironment(Isolate* isolate, const Options& options,
                   bool from_snapshot, bool user_snapshot) {
  HandleScope handle_scope(isolate);
  Local<Context> context;
  if (user_snapshot) {
    context = Context::FromSnapshot(isolate, kSnapshotContextIndex,
                                    UserSnapshotFieldsDeserializer(),
                                    napi::ContextExtensions())
                  .ToLocalChecked();
  } else if (from_snapshot) {
    context = Context::FromSnapshot(isolate, kSnapshotContextIndex, {},
                                    napi::ContextExtensions())
                  .ToLocalChecked();
  } else {
    context = Context::New(isolate, napi::ContextExtensions());
  }
  Context::Scope context_scope(context);
  uv_loop_t* loop = uv_default_loop();
  Environment env(isolate, loop, context, &options, from_snapshot);

  {
    TryCatch try_catch(isolate);
    if (!LoadEnvironment(&env, from_snapshot)) {
      if (try_catch.HasCaught()) errors::FatalException(isolate, try_catch);
      return kBootstrapFailure;
    }
    // From here on exceptions go through the message listener to the
    // uncaught-exception machinery, as they do for any callback.
    try_catch.Reset();
    try_catch.SetVerbose(true);
    InternalCallbackScope callback_scope(&env);
    const char* main_script = SelectMainScript(options);
    if (user_snapshot) {
      Local<Value> has_main;
      if (!CallStartupSnapshotHook(&env, "runDeserializeCallbacks")
               .ToLocal(&has_main)) {
        main_script = nullptr;
      } else if (has_main->IsTrue()) {
        main_script = "internal/main/snapshot_main";
      }
    }
    if (main_script == nullptr ||
        env.RunBuiltinScript(main_script).IsEmpty()) {
      callback_scope.MarkAsFailed();
    }
  }
  int exit_code = SpinEventLoop(&env);
  exit_code = EmitProcessExit(&env);
  env.set_can_call_into_js(false);
  env.RunCleanup();
  return exit_code;
}

const v8::StartupData* g_startup_snapshot = nullptr;

// The main isolate's initial semi-space size (see Start()). The young
// generation V8 sizes from it is two semi-spaces and a large-object space
// of the same size.
constexpr size_t kInitialSemiSpaceSize = 4 * 1024 * 1024;

}  // namespace

// The default platform that queues the tasks (what PumpMessageLoop and
// NotifyIsolateShutdown need); V8 itself runs on the LodePlatform around it.
v8::Platform* GetPlatform() {
  return g_platform == nullptr ? nullptr : g_platform->inner();
}

const v8::StartupData* GetStartupSnapshot() { return g_startup_snapshot; }

// Large blocks. A block of many megabytes (a file read whole, a big
// Buffer) that malloc gets from mmap is filled one 4 KiB page at a time:
// each first touch faults, and the kernel zeroes, charges and maps that one
// page; for 32 MiB that is 8192 faults, more time than the copying itself.
// Blocks from kLargeBlock up are mapped here instead, aligned to 2 MiB and
// marked for transparent huge pages (where the system allows them only on
// request), so a fault maps 2 MiB. A mapping is zeroed already: it serves
// calloc's requests as well. The table tells FreeBytes which blocks are
// mappings; it is small (only blocks this large are in it) and shared by
// all threads, as backing stores move between them.
namespace {
constexpr size_t kHugePage = 2 * 1024 * 1024;
constexpr size_t kLargeBlock = 4 * 1024 * 1024;

std::mutex& LargeBlocksMutex() {
  static std::mutex* mutex = new std::mutex();
  return *mutex;
}
std::unordered_map<void*, size_t>& LargeBlocks() {
  static auto* blocks = new std::unordered_map<void*, size_t>();
  return *blocks;
}

void* MapLargeBlock(size_t length) {
#if defined(__linux__) && defined(MADV_HUGEPAGE)
  if (length > SIZE_MAX - 2 * kHugePage) return nullptr;
  size_t size = (length + kHugePage - 1) & ~(kHugePage - 1);
  // Mapped with a huge page to spare, so that an aligned start exists.
  char* raw = static_cast<char*>(mmap(nullptr, size + kHugePage,
                                      PROT_READ | PROT_WRITE,
                                      MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
  if (raw == MAP_FAILED) return nullptr;
  uintptr_t start = (reinterpret_cast<uintptr_t>(raw) + kHugePage - 1) &
                    ~static_cast<uintptr_t>(kHugePage - 1);
  char* data = reinterpret_cast<char*>(start);
  size_t head = data - raw;
  if (head > 0) munmap(raw, head);
  if (kHugePage - head > 0) munmap(data + size, kHugePage - head);
  madvise(data, size, MADV_HUGEPAGE);
  {
    std::lock_guard<std::mutex> lock(LargeBlocksMutex());
    LargeBlocks().emplace(data, size);
  }
  return data;
#else
  (void)length;
  return nullptr;
#endif
}
}  // namespace

void* AllocateBytes(size_t length, bool zero_fill) {
  if (length >= kLargeBlock) {
    void* data = MapLargeBlock(length);
    if (data != nullptr) return data;
  }
  void* data = AllocateCachedBlock(length, zero_fill);
  if (data != nullptr) return data;
  return zero_fill ? calloc(length, 1) : malloc(length);
}

void FreeBytes(void* data, size_t length) {
  if (data != nullptr && length >= kLargeBlock) {
    size_t size = 0;
    {
      std::lock_guard<std::mutex> lock(LargeBlocksMutex());
      auto it = LargeBlocks().find(data);
      if (it != LargeBlocks().end()) {
        size = it->second;
        LargeBlocks().erase(it);
      }
    }
    if (size > 0) {
      munmap(data, size);
      return;
    }
  }
  if (data != nullptr && FreeCachedBlock(data, length)) return;
  free(data);
}

namespace {

// Memory a thread hands to the allocator for the next allocation of that
// size it makes (NewUnsafeBackingStore): V8 then owns it as if it had
// allocated it itself.
thread_local void* t_adopted_data = nullptr;
thread_local size_t t_adopted_length = 0;

// The bytes the allocator has handed out and not yet got back
// (process.memoryUsage().arrayBuffers), all isolates together: the sum of
// per-thread counts. An isolate's thread allocates while V8's sweeper
// thread frees; with one shared counter each allocation waited for the
// cache line the sweeper had just written, and any locked add waits for
// the block's zeroing to drain (together a tenth of Buffer.alloc's time).
// The first kCountSlots threads own a slot, which only they write; later
// threads share one more slot through atomic adds.
constexpr unsigned kCountSlots = 32;
struct alignas(64) ByteCount {
  std::atomic<int64_t> bytes{0};
};
ByteCount g_array_buffer_bytes[kCountSlots + 1];
std::atomic<unsigned> g_next_count_slot{0};
thread_local ByteCount* t_byte_count = nullptr;

void AddArrayBufferBytes(int64_t delta) {
  ByteCount* count = t_byte_count;
  if (count == nullptr) {
    unsigned slot = g_next_count_slot.fetch_add(1, std::memory_order_relaxed);
    count = &g_array_buffer_bytes[slot < kCountSlots ? slot : kCountSlots];
    t_byte_count = count;
  }
  if (count != &g_array_buffer_bytes[kCountSlots]) {
    // This thread's own slot: a plain read and write, no lock.
    count->bytes.store(count->bytes.load(std::memory_order_relaxed) + delta,
                       std::memory_order_relaxed);
  } else {
    count->bytes.fetch_add(delta, std::memory_order_relaxed);
  }
}

// V8's ArrayBuffer memory through AllocateBytes/FreeBytes (recycled small
// blocks, mapped large ones, malloc's for the rest), and the memory a
// thread hands over in advance (adopted, NewUnsafeBackingStore).
class LodeArrayBufferAllocator final : public v8::ArrayBuffer::Allocator {
 public:
  void* Allocate(size_t length) override {
    void* data = TakeAdopted(length);
    if (data == nullptr) data = AllocateBytes(length, true);
    Count(data, length);
    return data;
  }
  void* AllocateUninitialized(size_t length) override {
    void* data = TakeAdopted(length);
    if (data == nullptr) data = AllocateBytes(length, false);
    Count(data, length);
    return data;
  }
  void Free(void* data, size_t length) override {
    if (data != nullptr) AddArrayBufferBytes(-static_cast<int64_t>(length));
    FreeBytes(data, length);
  }

 private:
  static void Count(void* data, size_t length) {
    if (data != nullptr) AddArrayBufferBytes(static_cast<int64_t>(length));
  }

  static void* TakeAdopted(size_t length) {
    void* data = t_adopted_data;
    if (data == nullptr || length != t_adopted_length) return nullptr;
    t_adopted_data = nullptr;
    return data;
  }
};

}  // namespace

std::shared_ptr<v8::ArrayBuffer::Allocator> GetArrayBufferAllocator() {
  // Never freed: backing stores may outlive any one isolate.
  static auto* allocator = new std::shared_ptr<v8::ArrayBuffer::Allocator>(
      std::make_shared<LodeArrayBufferAllocator>());
  return *allocator;
}

void CountArrayBufferBytes(int64_t delta) { AddArrayBufferBytes(delta); }

size_t ArrayBufferAllocatedBytes() {
  int64_t bytes = 0;
  for (const ByteCount& count : g_array_buffer_bytes) {
    bytes += count.bytes.load(std::memory_order_relaxed);
  }
  return bytes > 0 ? static_cast<size_t>(bytes) : 0;
}

std::unique_ptr<v8::BackingStore> NewUnsafeBackingStore(v8::Isolate* isolate,
                                                        size_t length,
                                                        bool zero_fill) {
  if (length == 0) return v8::ArrayBuffer::NewBackingStore(isolate, 0);
  void* data = AllocateBytes(length, zero_fill);
  if (data == nullptr) return nullptr;
  t_adopted_data = data;
  t_adopted_length = length;
  std::unique_ptr<v8::BackingStore> store =
      v8::ArrayBuffer::NewBackingStore(isolate, length);
  if (t_adopted_data != nullptr) {
    // V8 did not ask for it (it always does for a non-empty store).
    FreeBytes(t_adopted_data, length);
    t_adopted_data = nullptr;
  }
  return store;
}

// --completion-bash: a bash completion function offering every option and
// alias, as Node prints it.
static void PrintBashCompletion() {
  std::string words;
  for (const OptionSpec& spec : OptionSpecs()) {
    if (!words.empty()) words += ' ';
    words += spec.name;
  }
  for (const OptionAlias& alias : OptionAliases()) {
    words += ' ';
    words += alias.from;
  }
  printf(
      "_node_complete() {\n"
      "  local cur_word options\n"
      "  cur_word=\"${COMP_WORDS[COMP_CWORD]}\"\n"
      "  if [[ \"${cur_word}\" == -* ]] ; then\n"
      "    COMPREPLY=( $(compgen -W '%s' -- \"${cur_word}\") )\n"
      "    return 0\n"
      "  else\n"
      "    COMPREPLY=( $(compgen -f \"${cur_word}\") )\n"
      "    return 0\n"
      "  fi\n"
      "}\n"
      "complete -o filenames -o nospace -o bashdefault -F _node_complete "
      "node node_g\n",
      words.c_str());
}

bool LoadEnvironment(Environment* env, bool from_snapshot) {
  Local<Context> context = env->context();
  // --trace-uncaught: V8 keeps where each uncaught exception was thrown.
  if (env->options()->GetBool("--trace-uncaught")) {
    env->isolate()->SetCaptureStackTraceForUncaughtExceptions(true);
  }
  performance::StartTimeline(env);
  trace_events::OnEnvironmentCreated(env);
  if (from_snapshot) {
    // What the build-time bootstrap left with the context.
    env->set_builtin_require(context->GetDataFromSnapshotOnce<Function>(
        kSnapshotRequireBuiltin).ToLocalChecked());
    env->set_internal_binding(context->GetDataFromSnapshotOnce<Function>(
        kSnapshotInternalBinding).ToLocalChecked());
    env->set_primordials(context->GetDataFromSnapshotOnce<Object>(
        kSnapshotPrimordials).ToLocalChecked());
    env->set_process_object(context->GetDataFromSnapshotOnce<Object>(
        kSnapshotProcessObject).ToLocalChecked());
    env->AdoptSharedArrays(
        context->GetDataFromSnapshotOnce<v8::Int32Array>(kSnapshotTickInfo)
            .ToLocalChecked(),
        context->GetDataFromSnapshotOnce<v8::Uint32Array>(
            kSnapshotImmediateInfo).ToLocalChecked());
    env->set_compiled_builtins(context->GetDataFromSnapshotOnce<Object>(
        kSnapshotCompiledBuiltins).ToLocalChecked());
  } else if (!BootstrapEnvironment(env)) {
    return false;
  }
  PatchProcessObject(env, env->process_object());
  if (!ApplyDisableProto(env, context)) return false;
  // Before any user code is compiled, so that all of it has block
  // coverage.
  inspector::StartCoverageIfRequested(env);
  inspector::StartProfilesIfRequested(env);
  if (env->RunBuiltinScript("internal/bootstrap/runtime").IsEmpty()) {
    return false;
  }
  // The debugger's server (--inspect*), once the callbacks it may need
  // are in place, before the main script.
  inspector::StartInspectorIfRequested(env);
  // The bootstrap ends where the main script starts (Node marks it after
  // the main script's preparation, which would load the perf binding on
  // every start here).
  performance::Mark(env, performance::kBootstrapComplete);
  trace_events::OnEnvironmentStarted(env);
  return true;
}

void SetDefaultV8Flags() {
  // V8 verifies its own snapshot's checksum at every start unless told not
  // to; the snapshot is part of the library we load, so the check buys
  // nothing (Node turns it off too).
  v8::V8::SetFlagsFromString("--no-verify-snapshot-checksum");
  // Import attributes (`import x from './x.json' with { type: 'json' }`):
  // this V8 parses them behind a flag; Node 24 has them always.
  v8::V8::SetFlagsFromString("--harmony-import-attributes");
  // WebAssembly functions are compiled when first called, as Node 24's V8
  // does by default: this V8 compiles a whole module up front, which takes
  // seconds for a large one (amaro's 2.6 MB TypeScript parser: 1.7 s
  // against 80 ms lazily).
  v8::V8::SetFlagsFromString("--wasm-lazy-compilation");
}

void InitializeV8(int thread_pool_size) {
  g_platform = std::make_unique<LodePlatform>(thread_pool_size);
  v8::V8::InitializePlatform(g_platform.get());
  v8::V8::Initialize();
  napi::RegisterContextExtension();
}

ExternalReferenceRegistry* GetExternalReferenceRegistry() {
  static ExternalReferenceRegistry* registry = [] {
    auto* r = new ExternalReferenceRegistry();
    binding::RegisterAllExternalReferences(r);
    RegisterProcessObjectExternalReferences(r);
    r->Register(GetInternalBinding);
    r->Register(IsConstructorForBuiltins);
    r->Register(IsErrorForBuiltins);
    r->Register(ThrowProtoAccess);
    return r;
  }();
  return registry;
}

void SetIsolateHooks(Isolate* isolate, bool building_snapshot) {
  isolate->SetMicrotasksPolicy(v8::MicrotasksPolicy::kExplicit);
  // The listener list lives in the heap: one added while building the
  // snapshot would be in it, and then twice at run time.
  if (!building_snapshot) {
    isolate->AddMessageListenerWithErrorLevel(
        errors::PerIsolateMessageListener,
        Isolate::kMessageError | Isolate::kMessageWarning);
  }
  isolate->SetPromiseRejectCallback(PromiseRejectCallback);
  isolate->SetAbortOnUncaughtExceptionCallback(
      errors::ShouldAbortOnUncaughtException);
  isolate->SetPrepareStackTraceCallback(PrepareStackTraceCallback);
  isolate->SetFatalErrorHandler(errors::OnFatalError);
  isolate->SetOOMErrorHandler(errors::OnOOMError);
  isolate->SetHostImportModuleDynamicallyCallback(ImportModuleDynamically);
  types::AddIsolateHooks(isolate);
  wasm_web_api::SetStreamingCallback(isolate);
}

bool InstallModernBuiltins(Local<Context> context) {
  const char* params[] = {"natives"};
  Local<Function> fn;
  if (!builtins::CompileBuiltin(context, "internal/per_context/modern_builtins",
                                1, params)
           .ToLocal(&fn)) {
    return false;
  }
  Local<Value> natives = CreateModernBuiltinsNatives(context);
  return !fn->Call(context, v8::Undefined(context->GetIsolate()), 1, &natives)
              .IsEmpty();
}

bool ApplyDisableProto(Environment* env, Local<Context> context) {
  const std::string mode = env->options()->GetString("--disable-proto");
  if (mode != "delete" && mode != "throw") return true;
  Isolate* isolate = context->GetIsolate();
  Context::Scope context_scope(context);
  // An object made in `context` has its Object.prototype.
  Local<Value> prototype = Object::New(isolate)->GetPrototype();
  if (!prototype->IsObject()) return false;
  Local<String> key = FIXED_ONE_BYTE_STRING(isolate, "__proto__");
  if (mode == "delete") {
    return prototype.As<Object>()->Delete(context, key).IsJust();
  }
  Local<Function> thrower;
  if (!Function::New(context, ThrowProtoAccess, Local<Value>(), 0,
                     v8::ConstructorBehavior::kThrow)
           .ToLocal(&thrower)) {
    return false;
  }
  prototype.As<Object>()->SetAccessorProperty(key, thrower, thrower,
                                              v8::DontEnum);
  return true;
}

bool BootstrapEnvironment(Environment* env) {
  Isolate* isolate = env->isolate();
  Local<Context> context = env->context();
  // The builtins newer than V8 10.2 go onto the intrinsics first, so that
  // primordials capture them too.
  if (!InstallModernBuiltins(context)) return false;
  Local<Object> primordials = Object::New(isolate);
  env->set_primordials(primordials);
  if (RunBootstrapScript(env, "internal/per_context/primordials",
                         {"primordials"}, {primordials})
          .IsEmpty()) {
    return false;
  }
  Local<Object> process = CreateProcessObject(env);
  env->set_process_object(process);
  Local<Function> get_binding =
      v8::FunctionTemplate::New(isolate, GetInternalBinding)
          ->GetFunction(context)
          .ToLocalChecked();
  Local<Value> require;
  if (!RunBootstrapScript(env, "internal/bootstrap/realm",
                          {"process", "getInternalBinding", "primordials"},
                          {process, get_binding, primordials})
           .ToLocal(&require) ||
      !require->IsFunction()) {
    return false;
  }
  Local<Function> require_fn = require.As<Function>();
  env->set_builtin_require(require_fn);
  Local<Value> realm_id =
      FIXED_ONE_BYTE_STRING(isolate, "internal/bootstrap/realm");
  Local<Value> realm;
  Local<Value> internal_binding;
  if (!require_fn->Call(context, v8::Undefined(isolate), 1, &realm_id)
           .ToLocal(&realm) ||
      !realm.As<Object>()
           ->Get(context, FIXED_ONE_BYTE_STRING(isolate, "internalBinding"))
           .ToLocal(&internal_binding)) {
    return false;
  }
  env->set_internal_binding(internal_binding.As<Function>());
  Local<Value> id = FIXED_ONE_BYTE_STRING(isolate, "internal/bootstrap/node");
  return !require_fn->Call(context, v8::Undefined(isolate), 1, &id).IsEmpty();
}

int Start(int argc, char** argv) {
  performance::MarkProcess(performance::kNodeStart);
  argv = uv_setup_args(argc, argv);
  ResetStdio();

  Options options;
  std::string error;
  const char* node_options = getenv("NODE_OPTIONS");
  if (!ParseOptions(argc, argv, node_options ? node_options : "", &options,
                    &error)) {
    fprintf(stderr, "%s\n", error.c_str());
    return kInvalidCommandLineArgument;
  }
  {
    // Checked apart from the other options, with Node's exit code.
    const std::string mode = options.GetString("--disable-proto");
    if (!mode.empty() && mode != "delete" && mode != "throw") {
      fprintf(stderr, "%s: invalid mode passed to --disable-proto\n",
              argv[0]);
      return kInvalidCommandLineArgument2;
    }
  }
  // Node 24 has no security fix that can be reverted: any CVE is unknown.
  for (const std::string& cve : options.values["--security-revert"].list) {
    fprintf(stderr, "%s: Error: Attempt to revert an unknown CVE [%s]\n",
            argv[0], cve.c_str());
    return kInvalidCommandLineArgument2;
  }
  // The env files are read by internal/bootstrap/runtime; one that cannot
  // be opened stops the start here, as in Node.
  for (const Options::EnvFile& file : options.env_files) {
    int fd = open(file.path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd >= 0) {
      close(fd);
      continue;
    }
    if (file.optional) {
      fprintf(stderr, "%s not found. Continuing without it.\n",
              file.path.c_str());
      continue;
    }
    fprintf(stderr, "%s: %s: not found\n", argv[0], file.path.c_str());
    return kInvalidCommandLineArgument;
  }
  permission::Configure(options);
  report::Configure(options, argc, argv);
  if (options.print_version) {
    printf("%s\n", LODE_NODE_VERSION_STRING);
    return 0;
  }
  if (options.GetBool("--completion-bash")) {
    PrintBashCompletion();
    return 0;
  }
  if (int code = crypto::InitializeProcess(options, argv[0])) return code;

  SetDefaultV8Flags();
  if (options.GetBool("--abort-on-uncaught-exception")) {
    v8::V8::SetFlagsFromString("--abort-on-uncaught-exception");
  }

  // V8 takes the options lode does not know; any it does not know either is
  // a bad option.
  std::vector<std::string> v8_args = options.v8_args;
  {
    std::vector<char*> v8_argv;
    v8_argv.push_back(argv[0]);
    for (std::string& arg : v8_args) v8_argv.push_back(arg.data());
    int v8_argc = static_cast<int>(v8_argv.size());
    v8::V8::SetFlagsFromCommandLine(&v8_argc, v8_argv.data(), true);
    for (int i = 1; i < v8_argc; i++) {
      fprintf(stderr, "%s: bad option: %s\n", argv[0], v8_argv[i]);
    }
    if (v8_argc > 1) return kInvalidCommandLineArgument;
  }
  if (options.print_v8_help) {
    v8::V8::SetFlagsFromString("--help");
    return 0;
  }

  InitializeV8(
      static_cast<int>(options.values.at("--v8-pool-size").integer));
  performance::MarkProcess(performance::kV8Start);
  // The tracing agent starts (a thread, a file) only when categories are
  // given.
  tracing::StartFromCommandLine(
      options.GetString("--trace-event-categories"),
      options.GetString("--trace-event-file-pattern"));

  // The startup snapshot, unless --no-node-snapshot (Node's flag) asks for
  // a bootstrap from the embedded sources.
  const v8::StartupData* snapshot =
      options.GetBool("--node-snapshot") ? GetEmbeddedSnapshot() : nullptr;
  g_startup_snapshot = snapshot;

  // User snapshots: --build-snapshot makes one (and ends the process),
  // --snapshot-blob alone starts from one (workers still start from the
  // embedded snapshot).
  if (options.GetBool("--build-snapshot") ||
      !options.GetString("--build-snapshot-config").empty()) {
    g_startup_snapshot = GetEmbeddedSnapshot();
    ExitNow(BuildUserSnapshot(&options));
  }
  static v8::StartupData user_blob = {nullptr, 0};
  const std::string blob_path = options.GetString("--snapshot-blob");
  if (!blob_path.empty()) {
    uint32_t code_cache_count = 0;
    std::string blob_error;
    if (!ReadUserSnapshot(blob_path, &user_blob, &code_cache_count,
                          &blob_error)) {
      fprintf(stderr, "%s\n", blob_error.c_str());
      return kStartupSnapshotFailure;
    }
  }
  const bool user_snapshot = user_blob.data != nullptr;

  Isolate::CreateParams params;
  params.array_buffer_allocator_shared = GetArrayBufferAllocator();
  params.external_references =
      GetExternalReferenceRegistry()->external_references().data();
  params.snapshot_blob =
      user_snapshot ? &user_blob : const_cast<v8::StartupData*>(snapshot);
  // Young generation: semi-spaces start at 4 MiB instead of V8 10.2's 1 MiB.
  // Every scavenge walks the snapshot's object caches (about half a million
  // instructions however little survives), so programs that allocate many
  // short-lived strings or buffers paid that cost four times as often.
  // --min-semi-space-size still overrides this; the maximum is unchanged.
  params.constraints.set_initial_young_generation_size_in_bytes(
      3 * kInitialSemiSpaceSize);
  Isolate* isolate = Isolate::New(params);
  SetIsolateHooks(isolate, false);

  int exit_code;
  {
    Isolate::Scope isolate_scope(isolate);
    exit_code = RunEnvironment(isolate, options,
                               user_snapshot || snapshot != nullptr,
                               user_snapshot);
  }
  // Tearing V8 down costs time and buys nothing at exit, except under
  // sanitizers where it lets leak checks see a clean heap. ExitNow() ends
  // with _exit(), which skips LeakSanitizer's own check at exit: it runs
  // here (and exits with its own status when something leaked).
#if defined(__SANITIZE_ADDRESS__)
  isolate->Dispose();
  v8::V8::Dispose();
  v8::V8::DisposePlatform();
  __lsan_do_leak_check();
#endif
  ExitNow(exit_code);
}

}  // namespace lode
