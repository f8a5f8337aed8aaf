// Node-API inside lode: what the src/lode_napi_*.cc files share.
//
// Every addon load gets its own napi_env (an instance of napi_env__ below):
// it belongs to one Environment (one thread), carries the status of the
// last call, the exception an addon left pending, the references and
// finalizers the addon made, and its instance data. The napi_* functions
// themselves are defined with C linkage in the lode_napi_*.cc files; lode
// is linked with -rdynamic, so an addon's undefined napi_* symbols resolve
// to them (the executable comes first in the global lookup scope, ahead of
// the napi_* that libnode also exports).
//
// Conventions, as Node documents them:
// - a null env gives napi_invalid_arg without touching any state;
// - every other failure is recorded for napi_get_last_error_info;
// - a JS exception thrown inside a call is caught, kept in the env and
//   reported as napi_pending_exception; it is rethrown to JS when the
//   addon's callback returns.
#ifndef SRC_LODE_NAPI_H_
#define SRC_LODE_NAPI_H_

#ifndef NAPI_EXPERIMENTAL
#define NAPI_EXPERIMENTAL
#endif

#include <atomic>
#include <cstring>
#include <functional>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "env.h"
#include "lode_errors.h"
#include "node_api.h"
#include "uv.h"
#include "v8.h"

namespace lode {
class ExternalReferenceRegistry;
}

namespace lode::napi {

// The highest Node-API level lode implements (process.versions.napi), and
// the level an addon without node_api_module_get_api_version_v1 gets.
constexpr int32_t kSupportedVersion = 10;
constexpr int32_t kDefaultModuleVersion = 8;

// ---- Handles ------------------------------------------------------------
// A napi_value is the address of a V8 handle slot, as a Local is.
static_assert(sizeof(v8::Local<v8::Value>) == sizeof(napi_value),
              "a napi_value must hold a v8::Local");

inline napi_value ToNapi(v8::Local<v8::Value> value) {
  return reinterpret_cast<napi_value>(*value);
}

inline v8::Local<v8::Value> ToV8(napi_value value) {
  v8::Local<v8::Value> local;
  memcpy(static_cast<void*>(&local), &value, sizeof(value));
  return local;
}

// A handle to what a strong Global holds, read through the Global's own
// slot (no new handle): only while the Global is neither reset nor weak.
template <typename T>
inline v8::Local<T> StrongLocal(const v8::Global<T>& global) {
  v8::Local<T> local;
  static_assert(sizeof(local) == sizeof(global), "a Global is one slot");
  memcpy(static_cast<void*>(&local), static_cast<const void*>(&global),
         sizeof(local));
  return local;
}

// Whether `value` is a small integer (a Smi, which V8 keeps in the handle's
// slot itself, not on the heap), and then which: read as V8's own inline
// accessors do, without a call into V8.
inline bool SmallIntegerValue(v8::Local<v8::Value> value, int32_t* result) {
  using v8::internal::Internals;
  v8::internal::Address raw =
      *reinterpret_cast<const v8::internal::Address*>(*value);
  if (Internals::HasHeapObjectTag(raw)) return false;
  *result = Internals::SmiValue(raw);
  return true;
}

// A new handle in the current HandleScope holding `value` (a Smi or a
// heap object's address): what Integer::New and Local::New make, with one
// call into V8 (HandleScope::CreateHandle) instead of two.
class NewHandle : public v8::HandleScope {
 public:
  template <typename T>
  static v8::Local<T> Of(v8::Isolate* isolate, v8::internal::Address value) {
    v8::internal::Address* slot =
        CreateHandle(reinterpret_cast<v8::internal::Isolate*>(isolate), value);
    v8::Local<T> local;
    static_assert(sizeof(local) == sizeof(slot), "a Local is one pointer");
    memcpy(static_cast<void*>(&local), &slot, sizeof(slot));
    return local;
  }
  // Integer::New(isolate, value) when the value is a Smi (always, unless
  // Smis are 31 bits).
  static v8::Local<v8::Integer> Int32(v8::Isolate* isolate, int32_t value) {
    using v8::internal::Internals;
    if (!Internals::IsValidSmi(value)) [[unlikely]] {
      return v8::Integer::New(isolate, value);
    }
    return Of<v8::Integer>(isolate, Internals::IntToSmi(value));
  }
};

// Whether `value` is an object whose ToObject() is itself, by its instance
// type (ordinary and API objects; others answer false and take the
// ToObject() call).
inline bool IsPlainObject(v8::Local<v8::Value> value) {
  using v8::internal::Internals;
  v8::internal::Address raw =
      *reinterpret_cast<const v8::internal::Address*>(*value);
  if (!Internals::HasHeapObjectTag(raw)) return false;
  int type = Internals::GetInstanceType(raw);
  return type == Internals::kJSObjectType ||
         (type >= Internals::kFirstJSApiObjectType &&
          type <= Internals::kLastJSApiObjectType);
}

// ---- Tracked objects ----------------------------------------------------
// Something an env must finalize when it is torn down (references,
// finalizers, function data): kept in one of the env's intrusive lists.
class Tracked {
 public:
  Tracked() = default;
  virtual ~Tracked() = default;
  LODE_DISALLOW_COPY(Tracked);

  // The env is going away: run what is owed and leave the list.
  virtual void Finalize() = 0;

  void Link(Tracked* list_head);
  void Unlink();
  // Finalizes every member of the list whose head is `list_head`.
  static void FinalizeAll(Tracked* list_head);

 private:
  Tracked* next_ = nullptr;
  Tracked* prev_ = nullptr;
};

// The head of a list of Tracked objects.
class TrackedList final : public Tracked {
 public:
  void Finalize() override {}
};

// A native finalizer owed to an addon: callback, data, hint.
struct FinalizerCall {
  napi_finalize callback = nullptr;
  void* data = nullptr;
  void* hint = nullptr;
};

// A finalizer that only waits for its turn (node_api_post_finalizer,
// instance data).
class TrackedFinalizer final : public Tracked {
 public:
  static TrackedFinalizer* New(napi_env env, napi_finalize cb, void* data,
                               void* hint);
  ~TrackedFinalizer() override;
  void* data() const { return call_.data; }
  // Runs the finalizer (once) and deletes this.
  void Finalize() override;

 private:
  TrackedFinalizer(napi_env env, napi_finalize cb, void* data, void* hint)
      : env_(env), call_{cb, data, hint} {}
  napi_env env_;
  FinalizerCall call_;
};

// napi_ref, and what napi_wrap / napi_add_finalizer / napi_create_external
// keep: a handle whose refcount decides whether it is strong (> 0) or weak
// (0), with an optional finalizer that runs once the value is collected.
class Reference final : public Tracked {
 public:
  // kRuntime: lode deletes it after finalizing; kUserland: the addon deletes
  // it with napi_delete_reference.
  enum class Ownership { kRuntime, kUserland };

  static Reference* New(napi_env env, v8::Local<v8::Value> value,
                        uint32_t initial_refcount, Ownership ownership,
                        napi_finalize cb = nullptr, void* data = nullptr,
                        void* hint = nullptr);
  ~Reference() override;

  uint32_t Ref();
  uint32_t Unref();
  uint32_t refcount() const { return refcount_; }
  // Empty once a weak value has been collected.
  v8::Local<v8::Value> Get(v8::Isolate* isolate);
  void* data() const { return call_.data; }
  Ownership ownership() const { return ownership_; }
  // napi_remove_wrap: the finalizer will not run any more.
  void ResetFinalizer() { call_ = FinalizerCall(); }

  // Collected or torn down: runs the finalizer, deletes a runtime-owned
  // reference.
  void Finalize() override;

 private:
  Reference(napi_env env, v8::Local<v8::Value> value, uint32_t refcount,
            Ownership ownership, FinalizerCall call);
  static void OnCollected(const v8::WeakCallbackInfo<Reference>& info);
  void MakeWeak();

  napi_env env_;
  v8::Global<v8::Value> value_;
  uint32_t refcount_;
  Ownership ownership_;
  bool can_be_weak_;
  bool has_finalizer_;
  FinalizerCall call_;
};

// ---- Property keys ------------------------------------------------------
// The internalized strings of the UTF-8 names an addon gives
// napi_set_named_property and friends, which name the same few keys on
// every call (V8 would decode each again and look it up in its string
// table). A small direct-mapped cache indexed by a hash of the text and
// checked against the text itself: another name only misses.
//
// A hit is a handle to the entry's own Global slot (no new handle per
// call), so an entry, once filled, keeps its key until Clear() at teardown:
// a name whose slot is taken is not cached (replacing the key could change
// a handle a caller still uses).
class KeyCache {
 public:
  static constexpr size_t kEntries = 64;
  static constexpr size_t kMaxLength = 30;

  KeyCache() = default;
  LODE_DISALLOW_COPY(KeyCache);

  // The key of the NUL-terminated `str`, or an empty handle; `*slot` is
  // its entry's index (a key keeps its entry while cached). Inline: one
  // pass over at most kMaxLength + 1 bytes, no call.
  v8::Local<v8::String> Find(const char* str, size_t* slot) const {
    uint32_t hash = kHashSeed;
    size_t length = 0;
    while (str[length] != '\0') {
      if (length == kMaxLength) return v8::Local<v8::String>();
      hash = HashStep(hash, str[length]);
      length++;
    }
    *slot = Slot(hash);
    return Match(entries_[*slot], str, length);
  }
  // The key whose UTF-8 text is str[0, length) (length <= kMaxLength), or
  // an empty handle.
  v8::Local<v8::String> Get(const char* str, size_t length) const {
    return Match(entries_[Slot(Hash(str, length))], str, length);
  }
  // Caches `key` for str[0, length) if its slot is free.
  void Put(v8::Isolate* isolate, const char* str, size_t length,
           v8::Local<v8::String> key) {
    Entry& entry = entries_[Slot(Hash(str, length))];
    if (!entry.key.IsEmpty()) return;
    entry.length = static_cast<uint8_t>(length);
    memcpy(entry.text, str, length);
    entry.key.Reset(isolate, key);
  }
  // Before the isolate goes: no handle may outlive it.
  void Clear() {
    for (Entry& entry : entries_) entry.key.Reset();
  }

 private:
  struct Entry {
    uint8_t length = 0;
    char text[kMaxLength];
    v8::Global<v8::String> key;
  };
  static constexpr uint32_t kHashSeed = 2166136261u;  // FNV-1a
  static uint32_t HashStep(uint32_t hash, char c) {
    return (hash ^ static_cast<uint8_t>(c)) * 16777619u;
  }
  static uint32_t Hash(const char* str, size_t length) {
    uint32_t hash = kHashSeed;
    for (size_t i = 0; i < length; i++) hash = HashStep(hash, str[i]);
    return hash;
  }
  static size_t Slot(uint32_t hash) { return (hash ^ (hash >> 16)) % kEntries; }
  static v8::Local<v8::String> Match(const Entry& entry, const char* str,
                                     size_t length) {
    if (entry.length != length || entry.key.IsEmpty()) {
      return v8::Local<v8::String>();
    }
    for (size_t i = 0; i < length; i++) {
      if (entry.text[i] != str[i]) return v8::Local<v8::String>();
    }
    return StrongLocal(entry.key);
  }
  Entry entries_[kEntries];
};

// ---- Per-Environment state ----------------------------------------------
// What all addons of one Environment share: the JS helpers of
// internal/napi, and the queues of native work run from the loop.
class EnvState;
EnvState* GetEnvState(Environment* env);

// Runs `task` on the loop thread soon (from a check handle that keeps the
// loop alive until it ran), with a HandleScope and the context entered.
void SetImmediate(Environment* env, std::function<void()> task);

// A queue other threads hand tasks to; the loop thread runs them. It
// outlives the Environment: tasks posted after teardown get `alive` false
// and run on the posting thread.
class ThreadsafeQueue;
std::shared_ptr<ThreadsafeQueue> GetThreadsafeQueue(Environment* env);
void PostTask(const std::shared_ptr<ThreadsafeQueue>& queue,
              std::function<void(bool alive)> task);

// The exports of lib/internal/napi.js, or an empty handle with an
// exception pending.
v8::MaybeLocal<v8::Object> GetHelpers(Environment* env);
// Calls helper `name` of lib/internal/napi.js.
v8::MaybeLocal<v8::Value> CallHelper(Environment* env, const char* name,
                                     int argc, v8::Local<v8::Value>* argv);

// Adds a cleanup hook of `env` that napi_remove_env_cleanup_hook can
// remove by (fn, arg). An `async_done` flag makes teardown wait (running
// the loop) until it is set.
struct CleanupHookEntry {
  std::function<void()> run;
  void (*fn)(void*) = nullptr;
  void* arg = nullptr;
  bool removed = false;
};
CleanupHookEntry* AddCleanupHook(Environment* env, void (*fn)(void*), void* arg,
                                 std::function<void()> run);
bool RemoveCleanupHook(Environment* env, void (*fn)(void*), void* arg);

// The one native callback behind every function an addon creates
// (registered for the startup snapshot).
void InvokeCallback(const v8::FunctionCallbackInfo<v8::Value>& info);
void RegisterExternalReferences(ExternalReferenceRegistry* registry);

// process.dlopen(module, filename, flags).
void DLOpen(const v8::FunctionCallbackInfo<v8::Value>& args);

// Private keys on objects: the napi_wrap reference and the type tag.
v8::Local<v8::Private> WrapperKey(v8::Isolate* isolate);
v8::Local<v8::Private> TypeTagKey(v8::Isolate* isolate);

// The type tag of a napi_create_external value: sets it (false if it has
// one) or compares it (into *result).
bool CheckExternalTypeTag(v8::Local<v8::Value> external,
                          const napi_type_tag* tag, bool set, bool* result);

// Makes a function calling `cb` (napi_create_function, methods,
// accessors), or its template for classes.
napi_status NewFunction(napi_env env, napi_callback cb, void* data,
                        v8::Local<v8::Function>* result);
napi_status NewFunctionTemplate(
    napi_env env, napi_callback cb, void* data,
    v8::Local<v8::FunctionTemplate>* result,
    v8::Local<v8::Signature> signature = v8::Local<v8::Signature>());

// Fills env->store_functions from the env's context, if it was made with
// ContextExtensions().
void InitStoreFunctions(napi_env env);

// Reports an exception no JS frame can catch: 'uncaughtException', or the
// fatal path.
void TriggerFatalException(napi_env env, v8::Local<v8::Value> error);

// The Buffer prototype (FastBuffer.prototype) of `env`, or empty.
v8::Local<v8::Object> GetBufferPrototype(napi_env env);

}  // namespace lode::napi

// ---- The env ------------------------------------------------------------
struct napi_env__ {
  napi_env__(lode::Environment* env, v8::Local<v8::Context> context,
             std::string filename, int32_t module_api_version);
  LODE_DISALLOW_COPY(napi_env__);

  v8::Isolate* const isolate;
  lode::Environment* const lode_env;
  // Strong until TearDown resets it (after the last finalizer ran): read
  // through its own slot, no new handle per call.
  v8::Global<v8::Context> context_handle;
  v8::Local<v8::Context> context() const {
    return lode::napi::StrongLocal(context_handle);
  }

  // The env lives while anything refers to it (the Environment until its
  // teardown, external buffers, thread-safe functions, tasks).
  void Ref() { refs++; }
  void Unref() {
    if (--refs == 0) delete this;
  }

  // Inline: every call into an addon and every napi_ function that may run
  // JS asks. After teardown the Environment may be gone: nothing of it is
  // touched.
  bool can_call_into_js() const {
    return !torn_down && lode_env->can_call_into_js();
  }
  bool terminating() const;

  // Calls into the addon: clears the last error, checks that the addon
  // closed the handle scopes it opened, and hands an exception it left
  // pending to `on_exception`.
  template <typename Call, typename OnException>
  void CallIntoModule(Call&& call, OnException&& on_exception);
  // The same, where an exception is rethrown to the JS caller.
  template <typename Call>
  void CallIntoModuleThrow(Call&& call);
  // The same from the loop (async work, thread-safe functions, deferred
  // finalizers): an exception becomes an uncaught exception, or, for
  // addons older than the experimental level without
  // --force-node-api-uncaught-exceptions-policy and `enforce` false, a
  // DEP0168 warning.
  template <typename Call>
  void CallbackIntoModule(bool enforce, Call&& call);

  // Runs a finalizer now, in its own handle scope.
  void CallFinalizer(napi_finalize cb, void* data, void* hint,
                     bool enforce = true);

  // Finalizers the GC asked for run from the loop, not from inside GC;
  // experimental-level addons get theirs immediately (basic finalizers).
  void InvokeFinalizerFromGC(lode::napi::Tracked* finalizer);
  void EnqueueFinalizer(lode::napi::Tracked* finalizer);
  void DequeueFinalizer(lode::napi::Tracked* finalizer);
  void DrainFinalizerQueue();

  // A finalizer that runs inside GC may only use the basic functions
  // (checked inline by every other napi_ function; the report is not).
  void CheckGCAccess() const {
    if (in_gc_finalizer) ReportGCAccess();
  }

  // At Environment teardown: finalizes everything, then drops the
  // Environment's reference.
  void TearDown();

  v8::Global<v8::Value> last_exception;
  napi_extended_error_info last_error{};
  int open_handle_scopes = 0;
  int open_callback_scopes = 0;
  std::atomic<int> refs{1};
  int32_t module_api_version;
  bool in_gc_finalizer = false;
  bool torn_down = false;
  std::string filename;  // a file: URL
  // References with finalizers are finalized first at teardown: their
  // finalizers may delete references of the other list.
  lode::napi::TrackedList reflist;
  lode::napi::TrackedList finalizing_reflist;
  lode::napi::TrackedFinalizer* instance_data = nullptr;
  std::vector<lode::napi::Tracked*> pending_finalizers;
  bool finalization_scheduled = false;
  // Emptied at teardown (and not filled after it).
  lode::napi::KeyCache key_cache;
  // An empty object made by Object::New in the env's context, which
  // napi_create_object copies (reset at teardown).
  v8::Global<v8::Object> empty_object;
  // The store functions of the env's context (lode_napi_objects.cc), if
  // it has them: kKeyedStores copies, each handed to one cached key on its
  // first napi_set_named_property (store_of_entry, by key_cache entry), and
  // the generic one last (reset at teardown).
  static constexpr size_t kKeyedStores = 16;
  static constexpr size_t kStoreFunctions = kKeyedStores + 1;
  static constexpr uint8_t kNoStore = 0xff;
  v8::Global<v8::Function> store_functions[kStoreFunctions];
  // The count of entries into the store functions (an Int32Array's
  // element, off the V8 heap), with its memory; set with store_functions.
  std::shared_ptr<v8::BackingStore> store_entries_memory;
  int32_t* store_entries = nullptr;
  uint8_t store_of_entry[lode::napi::KeyCache::kEntries];
  uint8_t next_keyed_store = 0;

 private:
  ~napi_env__();
  // A fatal error for experimental-level addons (theirs run inside GC).
  void ReportGCAccess() const;
};

namespace lode::napi {

// ---- Async contexts -----------------------------------------------------
// The async-hooks identity of napi_async_init, async work and thread-safe
// functions: ids, the resource, the async context frame it was made in.
// `weak_resource`: the resource belongs to the addon, which may let it be
// collected (a fresh object stands in after that).
class AsyncContext {
 public:
  AsyncContext(napi_env env, v8::Local<v8::Object> resource,
               v8::Local<v8::String> type, bool weak_resource);
  ~AsyncContext();
  LODE_DISALLOW_COPY(AsyncContext);

  // Enters the context around a callback; Leave takes what Enter returned.
  // Leave needs no AsyncContext: the callback may have destroyed it.
  struct Entered {
    double async_id = 0;
    v8::Local<v8::Value> prior;
  };
  Entered Enter();
  static void Leave(Environment* env, const Entered& entered);

  v8::Local<v8::Object> resource();
  napi_env env() const { return env_; }

 private:
  static void OnResourceCollected(const v8::WeakCallbackInfo<AsyncContext>&);

  napi_env env_;
  double async_id_ = 0;
  double trigger_async_id_ = 0;
  v8::Global<v8::Object> resource_;
  v8::Global<v8::Value> frame_;
};

// The resource (a new object when none is given) and the name of an async
// resource, as napi_async_init and friends take them.
napi_status AsyncResourceArgs(napi_env env, napi_value async_resource,
                              napi_value async_resource_name,
                              v8::Local<v8::Object>* resource,
                              v8::Local<v8::String>* name);

// ---- Status bookkeeping -------------------------------------------------
// Only the code: the engine fields mean something next to an error code
// (SetLastError sets all three), and napi_get_last_error_info clears them
// when it reports napi_ok. One store on every call's success path.
inline napi_status ClearLastError(napi_env env) {
  env->last_error.error_code = napi_ok;
  return napi_ok;
}

inline napi_status SetLastError(napi_env env, napi_status status,
                                uint32_t engine_code = 0,
                                void* engine_reserved = nullptr) {
  env->last_error.error_code = status;
  env->last_error.engine_error_code = engine_code;
  env->last_error.engine_reserved = engine_reserved;
  return status;
}

// Whether a basic call (one that needs no JS) may take its fast path: the
// env is given and no GC finalizer is running (the slow path reports both).
inline bool BasicFastPath(napi_env env) {
  return env != nullptr && !env->in_gc_finalizer;
}

inline napi_env Unconst(node_api_basic_env env) {
  return const_cast<napi_env>(env);
}

// Catches what JS throws during one napi call and keeps it in the env.
class CallTryCatch : public v8::TryCatch {
 public:
  explicit CallTryCatch(napi_env env) : v8::TryCatch(env->isolate), env_(env) {}
  ~CallTryCatch() {
    if (!clean_ && HasCaught()) {
      env_->last_exception.Reset(env_->isolate, Exception());
    }
  }

  // The call completed without an exception (HasCaught() is false): the
  // destructor need not ask V8.
  void MarkClean() { clean_ = true; }

 private:
  napi_env env_;
  bool clean_ = false;
};

}  // namespace lode::napi

#define NAPI_CHECK_ENV(env)                        \
  do {                                             \
    if ((env) == nullptr) return napi_invalid_arg; \
  } while (0)

#define NAPI_RETURN_IF_FALSE(env, condition, status)      \
  do {                                                    \
    if (!(condition)) {                                   \
      return ::lode::napi::SetLastError((env), (status)); \
    }                                                     \
  } while (0)

#define NAPI_CHECK_ARG(env, arg) \
  NAPI_RETURN_IF_FALSE((env), ((arg) != nullptr), napi_invalid_arg)

// Functions that must not run inside a GC finalizer.
#define NAPI_CHECK_ENV_NOT_IN_GC(env) \
  NAPI_CHECK_ENV(env);                \
  (env)->CheckGCAccess()

// Functions that may run JS: refuse while an exception is pending or JS
// cannot run, and catch what JS throws (`try_catch` is in scope after).
#define NAPI_PREAMBLE(env)                                     \
  NAPI_CHECK_ENV_NOT_IN_GC(env);                               \
  NAPI_RETURN_IF_FALSE((env), (env)->last_exception.IsEmpty(), \
                       napi_pending_exception);                \
  NAPI_RETURN_IF_FALSE((env), (env)->can_call_into_js(),       \
                       (env)->module_api_version >= 10         \
                           ? napi_cannot_run_js                \
                           : napi_pending_exception);          \
  ::lode::napi::ClearLastError(env);                           \
  ::lode::napi::CallTryCatch try_catch(env)

// After NAPI_PREAMBLE: the status of the call.
#define NAPI_RETURN_STATUS(env)                                          \
  return try_catch.HasCaught()                                           \
             ? ::lode::napi::SetLastError((env), napi_pending_exception) \
             : ::lode::napi::ClearLastError(env)

// After NAPI_PREAMBLE: fails with `status`, or with napi_pending_exception
// when JS threw.
#define NAPI_RETURN_IF_FALSE_WITH_PREAMBLE(env, condition, status)           \
  do {                                                                       \
    if (!(condition)) {                                                      \
      return ::lode::napi::SetLastError(                                     \
          (env), try_catch.HasCaught() ? napi_pending_exception : (status)); \
    }                                                                        \
  } while (0)

#define NAPI_CALL_STATUS(call)              \
  do {                                      \
    napi_status status_ = (call);           \
    if (status_ != napi_ok) return status_; \
  } while (0)

// ---- napi_env__ templates -----------------------------------------------
template <typename Call, typename OnException>
void napi_env__::CallIntoModule(Call&& call, OnException&& on_exception) {
  int scopes_before = open_handle_scopes;
  int callback_scopes_before = open_callback_scopes;
  lode::napi::ClearLastError(this);
  call(this);
  if (open_handle_scopes != scopes_before ||
      open_callback_scopes != callback_scopes_before) {
    lode::errors::OnFatalError(
        "Node-API",
        "an addon callback returned with a handle scope or "
        "callback scope still open");
  }
  if (!last_exception.IsEmpty()) {
    v8::Local<v8::Value> exception = last_exception.Get(isolate);
    last_exception.Reset();
    on_exception(this, exception);
  }
}

template <typename Call>
void napi_env__::CallIntoModuleThrow(Call&& call) {
  CallIntoModule(call, [](napi_env env, v8::Local<v8::Value> exception) {
    if (env->terminating()) return;
    env->isolate->ThrowException(exception);
  });
}

namespace lode::napi {
// The policy of napi_env__::CallbackIntoModule for an exception.
void HandleCallbackException(napi_env env, bool enforce,
                             v8::Local<v8::Value> exception);
}  // namespace lode::napi

template <typename Call>
void napi_env__::CallbackIntoModule(bool enforce, Call&& call) {
  CallIntoModule(call, [enforce](napi_env env, v8::Local<v8::Value> error) {
    lode::napi::HandleCallbackException(env, enforce, error);
  });
}

#endif  // SRC_LODE_NAPI_H_
