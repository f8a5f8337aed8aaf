// internalBinding('inspector'): V8's inspector for the isolate of this
// environment (main thread or worker), its in-process sessions and the
// debugger front end's sessions over WebSocket (lode_inspector_server.cc).
//
// - `new Connection(onMessage)`: a protocol session; `dispatch(json)` hands
//   V8 one message and V8 answers synchronously, through onMessage(json),
//   with the response and any notifications; notifications that come later
//   (console calls, parsed scripts) reach onMessage when V8 sends them.
//   `disconnect()` ends the session.
// - Coverage (NODE_V8_COVERAGE, `--experimental-test-coverage`): a session
//   of its own, started before the main script when either is set, that
//   keeps V8's precise block coverage on. `takeCoverage()` returns
//   `{"result":[...],"timestamp":...}` as a JSON text (file: URLs for
//   absolute paths, as Node's files have); `writeCoverage()` writes it to
//   NODE_V8_COVERAGE/coverage-<pid>-<ms>-<threadId>.json, as the at-exit
//   hook does; `stopCoverage()` ends the collection.
// - Profiles (--cpu-prof, --heap-prof): a session of its own per profiler,
//   started before the main script, that writes V8's profile as JSON
//   (.cpuprofile, .heapprofile, named as Node names them) to the working
//   directory or --cpu-prof-dir / --heap-prof-dir when the environment
//   exits (end of the loop, process.exit(), a signal the process sends
//   itself; a worker's end).
//
// - The debugger front end (--inspect*, inspector.open()): `open(port,
//   host)`, `close()`, `url()`, `isEnabled()`, `waitForDebugger()`. The
//   server's IO thread queues what debuggers send; the main thread takes
//   it from its loop (uv_async), from running JavaScript (an interrupt) or,
//   while paused or waiting for a debugger, by blocking on the queue.
//   Each WebSocket session has a V8 session of its own; the NodeRuntime
//   domain (enable, disable, notifyWhenWaitingForDisconnect) is answered
//   here. At exit, attached debuggers are waited for ("Waiting for the
//   debugger to disconnect...").
// - `callAndPauseOnStart(fn, thisArg, ...args)` (--inspect-brk),
//   `consoleCall(inspectorMethod, nodeMethod, ...args)` (the global
//   console's methods), `setConsoleExtensionInstaller(fn)` (`require` for
//   a debugger's evaluations).
//
// The inspector itself is created on first use: a start without any of
// these pays nothing.
#include <uv.h>

#include <sys/stat.h>

#include <atomic>
#include <csignal>

#include <cerrno>
#include <chrono>
#include <condition_variable>
#include <deque>
#include <map>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <memory>
#include <mutex>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "env.h"
#include "json_text.h"
#include "lode_binding.h"
#include "lode_permission.h"
#include "lode_errors.h"
#include "lode_inspector_server.h"
#include "lode_internals.h"
#include "lode_options.h"
#include "util.h"
#include "v8-inspector.h"

namespace lode::inspector {

using v8::Context;
using v8::Function;
using v8::FunctionCallbackInfo;
using v8::FunctionTemplate;
using v8::Global;
using v8::HandleScope;
using v8::Isolate;
using v8::Local;
using v8::Object;
using v8::TryCatch;
using v8::String;
using v8::Value;
using v8_inspector::StringBuffer;
using v8_inspector::StringView;
using v8_inspector::V8Inspector;
using v8_inspector::V8InspectorSession;

namespace {

constexpr int kContextGroupId = 1;

Local<String> ToV8(Isolate* isolate, const StringView& view) {
  Local<String> result;
  bool ok = view.is8Bit()
                ? String::NewFromOneByte(isolate, view.characters8(),
                                         v8::NewStringType::kNormal,
                                         static_cast<int>(view.length()))
                      .ToLocal(&result)
                : String::NewFromTwoByte(isolate, view.characters16(),
                                         v8::NewStringType::kNormal,
                                         static_cast<int>(view.length()))
                      .ToLocal(&result);
  return ok ? result : String::Empty(isolate);
}

// A UTF-16 copy of a protocol message, as V8 sent it.
std::u16string ToU16(const StringView& view) {
  std::u16string out;
  out.resize(view.length());
  for (size_t i = 0; i < view.length(); i++) {
    out[i] = view.is8Bit() ? view.characters8()[i] : view.characters16()[i];
  }
  return out;
}

// A UTF-16 copy of a UTF-8 text (a debugger's message); a byte that does
// not start a valid sequence becomes U+FFFD.
std::u16string Utf8ToU16(const std::string& in) {
  std::u16string out;
  out.reserve(in.size());
  const auto* s = reinterpret_cast<const uint8_t*>(in.data());
  size_t n = in.size();
  size_t i = 0;
  while (i < n) {
    uint8_t b = s[i];
    if (b < 0x80) {
      out.push_back(b);
      i++;
      continue;
    }
    size_t extra;
    uint32_t cp;
    if ((b & 0xE0) == 0xC0) {
      extra = 1;
      cp = b & 0x1F;
    } else if ((b & 0xF0) == 0xE0) {
      extra = 2;
      cp = b & 0x0F;
    } else if ((b & 0xF8) == 0xF0) {
      extra = 3;
      cp = b & 0x07;
    } else {
      out.push_back(0xFFFD);
      i++;
      continue;
    }
    bool ok = i + extra < n;
    for (size_t k = 1; ok && k <= extra; k++) {
      if ((s[i + k] & 0xC0) != 0x80) ok = false;
      cp = (cp << 6) | (s[i + k] & 0x3F);
    }
    static const uint32_t kMin[] = {0, 0x80, 0x800, 0x10000};
    if (!ok || cp < kMin[extra] || cp > 0x10FFFF ||
        (cp >= 0xD800 && cp <= 0xDFFF)) {
      out.push_back(0xFFFD);
      i++;
      continue;
    }
    if (cp >= 0x10000) {
      cp -= 0x10000;
      out.push_back(static_cast<char16_t>(0xD800 + (cp >> 10)));
      out.push_back(static_cast<char16_t>(0xDC00 + (cp & 0x3FF)));
    } else {
      out.push_back(static_cast<char16_t>(cp));
    }
    i += extra + 1;
  }
  return out;
}

// A protocol message as UTF-8 (for the socket); a lone surrogate becomes
// U+FFFD.
std::string ToUtf8(const StringView& view) {
  std::string out;
  out.reserve(view.length());
  size_t n = view.length();
  for (size_t i = 0; i < n; i++) {
    uint32_t c = view.is8Bit() ? view.characters8()[i]
                               : view.characters16()[i];
    if (c >= 0xD800 && c <= 0xDBFF && !view.is8Bit() && i + 1 < n &&
        view.characters16()[i + 1] >= 0xDC00 &&
        view.characters16()[i + 1] <= 0xDFFF) {
      c = 0x10000 + ((c - 0xD800) << 10) + (view.characters16()[i + 1] - 0xDC00);
      i++;
    } else if (c >= 0xD800 && c <= 0xDFFF) {
      c = 0xFFFD;
    }
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
    } else if (c < 0x800) {
      out.push_back(static_cast<char>(0xC0 | (c >> 6)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else if (c < 0x10000) {
      out.push_back(static_cast<char>(0xE0 | (c >> 12)));
      out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    } else {
      out.push_back(static_cast<char>(0xF0 | (c >> 18)));
      out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3F)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3F)));
    }
  }
  return out;
}

// Whether `view` holds the ASCII text `needle`.
bool ViewContains(const StringView& view, const char* needle) {
  size_t n = strlen(needle);
  if (view.length() < n) return false;
  for (size_t i = 0; i + n <= view.length(); i++) {
    size_t j = 0;
    while (j < n) {
      uint16_t c = view.is8Bit() ? view.characters8()[i + j]
                                 : view.characters16()[i + j];
      if (c != static_cast<uint8_t>(needle[j])) break;
      j++;
    }
    if (j == n) return true;
  }
  return false;
}

StringView ViewOf(const std::string& ascii) {
  return StringView(reinterpret_cast<const uint8_t*>(ascii.data()),
                    ascii.size());
}

// A view of a UTF-8 text for V8's inspector, which reads an 8-bit view as
// Latin-1: non-ASCII text is handed over as UTF-16 (held by `storage`,
// which must outlive the view).
StringView Utf8View(const std::string& utf8, std::u16string* storage) {
  for (unsigned char c : utf8) {
    if (c >= 0x80) {
      *storage = Utf8ToU16(utf8);
      return StringView(reinterpret_cast<const uint16_t*>(storage->data()),
                        storage->size());
    }
  }
  return ViewOf(utf8);
}

// The host and port of --inspect-port (process.debugPort), and the
// installer of the console's `require`: kept apart from the Agent so that
// reading them creates no inspector.
struct Settings : public BindingData {
  static constexpr const char* kKey = "inspector_settings";
  std::string host = "127.0.0.1";
  int port = 9229;
  Global<Function> console_extension_installer;
  // internal/inspector_async_hook's enable() and disable().
  Global<Function> async_hook_enable;
  Global<Function> async_hook_disable;

  static Settings* Get(Environment* env) {
    Settings* settings = env->GetBindingData<Settings>(kKey);
    if (settings == nullptr) {
      auto created = std::make_unique<Settings>();
      ParseHostPort(env->options()->GetString("--inspect-port"),
                    &created->host, &created->port);
      settings = env->SetBindingData(kKey, std::move(created));
    }
    return settings;
  }
};

class Connection;
class CoverageSession;
class ProfileSession;
class Agent;
class WsSession;

// What the IO thread hands the main thread, and how it wakes it: the loop
// (uv_async), running JavaScript (an interrupt) or a paused/waiting
// thread (the condition variable).
struct IoQueue {
  std::mutex mutex;
  std::condition_variable cv;
  std::deque<ServerEvent> events;
  bool interrupt_requested = false;
  uv_async_t* async = nullptr;  // on the main loop, closed after the server
  Isolate* isolate = nullptr;
  Agent* agent = nullptr;  // main thread only; null once the server stopped
  // The main thread's queue, which outlives its server: it also takes the
  // sessions of workers (connectToMainThread). Its agent is made on demand.
  Environment* env = nullptr;
};

// The worker's end of a session a worker opened into the main thread's
// inspector: the main thread pushes the replies and notifications, the
// worker's loop (or an interrupt of its running JavaScript) takes them.
struct HubPeer {
  std::mutex mutex;
  std::deque<std::string> messages;
  uv_async_t* async = nullptr;  // on the worker's loop; null once closed
  Isolate* isolate = nullptr;   // the worker's, alive while async is set
  bool interrupt_requested = false;
  int id = 0;
  // Worker thread only.
  void* connection = nullptr;
  bool disconnected = false;
};

// The main thread's queue while its environment runs; the workers of the
// process, as NodeWorker.attachedToWorker describes them.
struct WorkerTarget {
  uint64_t thread_id;
  int id;
  std::string title;
  std::string url;
};
std::mutex g_hub_mutex;
std::shared_ptr<IoQueue> g_main_queue;
int g_next_hub_session = 0;
std::vector<WorkerTarget> g_workers;
int g_next_worker_target = 0;

void OnInterrupt(Isolate*, void* data);

// Closes a wake-up handle made with `new` and frees it once libuv is done
// with it; its callback sees no data meanwhile.
void CloseAndDeleteAsync(uv_async_t* async) {
  async->data = nullptr;
  uv_close(reinterpret_cast<uv_handle_t*>(async),
           [](uv_handle_t* h) { delete reinterpret_cast<uv_async_t*>(h); });
}

// Hands the main thread (or a worker's own server loop) an event and wakes
// it: its loop, its running JavaScript, or its pause.
void PostEvent(const std::shared_ptr<IoQueue>& io, ServerEvent event) {
  bool interrupt;
  {
    std::lock_guard<std::mutex> lock(io->mutex);
    io->events.push_back(std::move(event));
    interrupt = !io->interrupt_requested;
    io->interrupt_requested = true;
    if (io->async != nullptr) uv_async_send(io->async);
  }
  io->cv.notify_all();
  // Running JavaScript (a busy loop) takes the message too.
  if (interrupt) {
    io->isolate->RequestInterrupt(OnInterrupt,
                                  new std::shared_ptr<IoQueue>(io));
  }
}

// From a worker: an event for the main thread; false when it is gone.
bool PostToMainThread(ServerEvent event) {
  std::lock_guard<std::mutex> lock(g_hub_mutex);
  if (g_main_queue == nullptr) return false;
  PostEvent(g_main_queue, std::move(event));
  return true;
}

void OnPeerInterrupt(Isolate*, void* data);

// From the main thread: a reply or notification for a worker's session.
void PushToPeer(const std::shared_ptr<HubPeer>& peer, std::string text) {
  std::lock_guard<std::mutex> lock(peer->mutex);
  if (peer->async == nullptr) return;
  peer->messages.push_back(std::move(text));
  uv_async_send(peer->async);
  if (!peer->interrupt_requested) {
    peer->interrupt_requested = true;
    peer->isolate->RequestInterrupt(OnPeerInterrupt,
                                    new std::shared_ptr<HubPeer>(peer));
  }
}

// One environment's inspector, its client and its sessions.
class Agent : public BindingData, public v8_inspector::V8InspectorClient {
 public:
  static constexpr const char* kKey = "inspector";

  explicit Agent(Environment* env) : env_(env) {
    Isolate* isolate = env->isolate();
    HandleScope scope(isolate);
    inspector_ = V8Inspector::create(isolate, this);
    // Named as Node names it: the process title (argv[0] as given) and the
    // process id.
    char exe[4096];
    size_t size = sizeof(exe);
    if (uv_get_process_title(exe, size) == 0) {
      size = strlen(exe);
    } else if (uv_exepath(exe, &size) != 0) {
      size = 0;
    }
    std::string name = std::string(exe, size) + "[" +
                       std::to_string(uv_os_getpid()) + "]";
    if (!env->is_main_thread()) {
      name = "Worker[" + std::to_string(env->thread_id()) + "]";
    }
    std::u16string name16;
    v8_inspector::V8ContextInfo info(env->context(), kContextGroupId,
                                     Utf8View(name, &name16));
    static const char kAux[] = "{\"isDefault\":true}";
    info.auxData = StringView(reinterpret_cast<const uint8_t*>(kAux),
                              sizeof(kAux) - 1);
    inspector_->contextCreated(info);
    std::lock_guard<std::mutex> lock(g_hub_mutex);
    if (g_main_queue != nullptr && g_main_queue->env == env) {
      AttachQueue(g_main_queue);
    }
  }
  ~Agent() override;

  // While the loop waits for events, a CPU profile shows "(idle)": V8 is
  // told around the poll, from the first Profiler.start on (as in Node).
  bool idle_notifier_started() const { return idle_prepare_ != nullptr; }
  void StartIdleNotifier() {
    if (idle_prepare_ != nullptr) return;
    idle_prepare_ = new uv_prepare_t;
    idle_check_ = new uv_check_t;
    uv_prepare_init(env_->loop(), idle_prepare_);
    uv_check_init(env_->loop(), idle_check_);
    idle_prepare_->data = env_->isolate();
    idle_check_->data = env_->isolate();
    uv_prepare_start(idle_prepare_, [](uv_prepare_t* handle) {
      static_cast<Isolate*>(handle->data)->SetIdle(true);
    });
    uv_check_start(idle_check_, [](uv_check_t* handle) {
      static_cast<Isolate*>(handle->data)->SetIdle(false);
    });
    uv_unref(reinterpret_cast<uv_handle_t*>(idle_prepare_));
    uv_unref(reinterpret_cast<uv_handle_t*>(idle_check_));
    uv_prepare_t* prepare = idle_prepare_;
    uv_check_t* check = idle_check_;
    env_->AddCleanupHook([prepare, check]() {
      uv_close(reinterpret_cast<uv_handle_t*>(prepare), [](uv_handle_t* h) {
        delete reinterpret_cast<uv_prepare_t*>(h);
      });
      uv_close(reinterpret_cast<uv_handle_t*>(check), [](uv_handle_t* h) {
        delete reinterpret_cast<uv_check_t*>(h);
      });
    });
  }

  // The main thread's queue (see IoQueue).
  void AttachQueue(const std::shared_ptr<IoQueue>& io) {
    if (io_ != nullptr) return;
    io_ = io;
    io_->agent = this;
  }

  static Agent* Get(Environment* env) {
    Agent* agent = env->GetBindingData<Agent>(kKey);
    if (agent == nullptr) {
      agent = env->SetBindingData(kKey, std::make_unique<Agent>(env));
    }
    return agent;
  }
  static Agent* Existing(Environment* env) {
    return env->GetBindingData<Agent>(kKey);
  }

  std::unique_ptr<V8InspectorSession> Connect(V8Inspector::Channel* channel) {
    return inspector_->connect(kContextGroupId, channel, StringView());
  }

  Environment* env() const { return env_; }
  std::set<Connection*>& connections() { return connections_; }
  std::unique_ptr<CoverageSession>& coverage() { return coverage_; }
  std::unique_ptr<ProfileSession>& cpu_profile() { return cpu_profile_; }
  std::unique_ptr<ProfileSession>& heap_profile() { return heap_profile_; }
  Server* server() const { return server_.get(); }
  bool waiting_for_frontend() const { return waiting_for_frontend_; }
  bool HasSessions() const {
    return !connections_.empty() || !ws_sessions_.empty();
  }

  // The debugger front end's server.
  bool StartServer(const std::string& host, int port);
  void StopServer();
  bool WaitForFrontend();
  void WaitForDisconnect();
  void PauseOnNextStatement(const char* reason);
  void DrainEvents();
  void Drain();
  void SendToSession(int id, std::string text) {
    if (server_ != nullptr) server_->Send(id, std::move(text));
  }
  // Whether a debugger is attached through the server (the sessions of
  // workers do not count).
  bool HasServerSessions() const;

  // V8InspectorClient
  double currentTimeMS() override {
    uv_timeval64_t tv;
    if (uv_gettimeofday(&tv) != 0) return 0;
    return static_cast<double>(tv.tv_sec) * 1000 +
           static_cast<double>(tv.tv_usec) / 1000;
  }
  v8::Local<v8::Context> ensureDefaultContextInGroup(int) override {
    return env_->context();
  }
  // A pause waits for a debugger's commands while one is attached; with
  // in-process sessions only, execution goes on once they saw
  // Debugger.paused, as with Node's in-thread sessions.
  void runMessageLoopOnPause(int) override;
  void quitMessageLoopOnPause() override { paused_ = false; }
  // Scripts named by an absolute path are reported by their file: URL, as
  // in Node.
  std::unique_ptr<StringBuffer> resourceNameToUrl(
      const StringView& resource_name) override;
  void runIfWaitingForDebugger(int) override {
    waiting_for_frontend_ = false;
  }
  // Async call stacks: the async hook that reports tasks runs while a
  // session wants them.
  void maxAsyncCallStackDepthChanged(int depth) override {
    Settings* settings = env_->GetBindingData<Settings>(Settings::kKey);
    if (settings == nullptr) return;
    Global<Function>& fn = depth > 0 ? settings->async_hook_enable
                                     : settings->async_hook_disable;
    if (fn.IsEmpty() || !env_->can_call_into_js()) return;
    Isolate* isolate = env_->isolate();
    HandleScope scope(isolate);
    TryCatch try_catch(isolate);
    if (fn.Get(isolate)
            ->Call(env_->context(), v8::Undefined(isolate), 0, nullptr)
            .IsEmpty()) {
      return;
    }
  }
  V8Inspector* inspector() const { return inspector_.get(); }
  // `require` for expressions a debugger evaluates (lib/inspector.js
  // installs it).
  void installAdditionalCommandLineAPI(Local<Context> context,
                                       Local<Object> api) override {
    Settings* settings = env_->GetBindingData<Settings>(Settings::kKey);
    if (settings == nullptr ||
        settings->console_extension_installer.IsEmpty()) {
      return;
    }
    Isolate* isolate = env_->isolate();
    TryCatch try_catch(isolate);
    Local<Value> arg = api;
    if (settings->console_extension_installer.Get(isolate)
            ->Call(context, v8::Undefined(isolate), 1, &arg)
            .IsEmpty()) {
      return;
    }
  }

 private:
  bool WaitForEvent();
  void HandleEvent(ServerEvent event);
  void ReleaseRetired();

  Environment* env_;
  std::unique_ptr<V8Inspector> inspector_;
  std::set<Connection*> connections_;
  std::unique_ptr<CoverageSession> coverage_;
  std::unique_ptr<ProfileSession> cpu_profile_;
  std::unique_ptr<ProfileSession> heap_profile_;
  // The server and its sessions (main thread only).
  std::unique_ptr<Server> server_;
  std::shared_ptr<IoQueue> io_;
  bool io_owned_ = false;  // a worker's, made for its server
  uv_prepare_t* idle_prepare_ = nullptr;  // StartIdleNotifier()
  uv_check_t* idle_check_ = nullptr;
  std::map<int, std::unique_ptr<WsSession>> ws_sessions_;
  // Sessions whose socket closed while V8 was inside one of their
  // dispatches: deleted once out of it.
  std::vector<std::unique_ptr<WsSession>> retired_;
  bool waiting_for_frontend_ = false;
  bool paused_ = false;
  bool in_pause_loop_ = false;
  bool stop_requested_ = false;
  bool exit_hook_added_ = false;
  int dispatch_depth_ = 0;
};

// A debugger's session over the WebSocket server.
class WsSession : public V8Inspector::Channel {
 public:
  WsSession(Agent* agent, int id, std::shared_ptr<HubPeer> peer = nullptr)
      : agent_(agent), id_(id), peer_(std::move(peer)) {
    session_ = agent->Connect(this);
  }

  void Dispatch(const std::string& message);
  void Send(std::string text) {
    if (closed_) return;
    if (peer_ != nullptr) {
      PushToPeer(peer_, std::move(text));
    } else {
      agent_->SendToSession(id_, std::move(text));
    }
  }
  bool from_worker() const { return peer_ != nullptr; }
  void SchedulePause(const char* reason) {
    std::string text = reason;
    session_->schedulePauseOnNextStatement(ViewOf(text), ViewOf(text));
  }

  void sendResponse(int, std::unique_ptr<StringBuffer> message) override {
    Send(ToUtf8(message->string()));
  }
  void sendNotification(std::unique_ptr<StringBuffer> message) override {
    Send(ToUtf8(message->string()));
  }
  void flushProtocolNotifications() override {}

  bool node_runtime_enabled = false;
  bool notify_when_waiting_for_disconnect = false;
  void set_closed() { closed_ = true; }

 private:
  bool HandleNodeMethod(const std::string& message);

  Agent* agent_;
  int id_;
  std::shared_ptr<HubPeer> peer_;
  bool closed_ = false;
  std::unique_ptr<V8InspectorSession> session_;
};

// ---- Connection -----------------------------------------------------------

const WrapType kConnectionType = {"InspectorConnection", nullptr};

class Connection : public V8Inspector::Channel {
 public:
  Connection(Environment* env, Local<Object> object, Local<Function> callback)
      : env_(env) {
    Isolate* isolate = env->isolate();
    object_.Reset(isolate, object);
    object_.SetWeak(this, OnGC, v8::WeakCallbackType::kParameter);
    callback_.Reset(isolate, callback);
    SetWrapped(object, this, &kConnectionType);
    Agent* agent = Agent::Get(env);
    agent->connections().insert(this);
    session_ = agent->Connect(this);
  }

  ~Connection() override {
    session_.reset();
    if (!object_.IsEmpty()) {
      HandleScope scope(env_->isolate());
      ClearWrapped(object_.Get(env_->isolate()));
    }
    object_.Reset();
    callback_.Reset();
  }

  static Connection* From(Local<Value> value) {
    return static_cast<Connection*>(GetWrapped(value, &kConnectionType));
  }

  void Dispatch(const StringView& message) {
    if (session_ == nullptr) return;
    // The first Profiler.start starts the idle notifier; once it runs, no
    // message needs to be looked through for it.
    Agent* agent = Agent::Get(env_);
    if (!agent->idle_notifier_started() &&
        ViewContains(message, "\"Profiler.start\"")) {
      agent->StartIdleNotifier();
    }
    depth_++;
    session_->dispatchProtocolMessage(message);
    depth_--;
    // disconnect() from inside a callback: the session goes once V8 is
    // out of it.
    if (depth_ == 0 && closing_) session_.reset();
  }

  void Disconnect() {
    if (depth_ > 0) {
      closing_ = true;
    } else {
      session_.reset();
    }
  }

  bool connected() const { return session_ != nullptr && !closing_; }

  void sendResponse(int, std::unique_ptr<StringBuffer> message) override {
    Deliver(message->string());
  }
  void sendNotification(std::unique_ptr<StringBuffer> message) override {
    Deliver(message->string());
  }
  void flushProtocolNotifications() override {}


 private:
  void Deliver(const StringView& message) {
    if (closing_ || !env_->can_call_into_js()) return;
    Isolate* isolate = env_->isolate();
    HandleScope scope(isolate);
    Local<Context> context = env_->context();
    Context::Scope context_scope(context);
    Local<Value> arg = ToV8(isolate, message);
    Local<Function> callback = callback_.Get(isolate);
    // lib/inspector.js catches what the listeners throw; whatever still
    // escapes is dropped here rather than left pending inside V8's
    // dispatcher.
    v8::TryCatch try_catch(isolate);
    if (callback->Call(context, object_.Get(isolate), 1, &arg).IsEmpty()) {
      return;
    }
  }

  static void OnGC(const v8::WeakCallbackInfo<Connection>& info) {
    Connection* self = info.GetParameter();
    self->object_.Reset();
    Agent* agent = Agent::Existing(self->env_);
    if (agent != nullptr) agent->connections().erase(self);
    delete self;
  }

  Environment* env_;
  Global<Object> object_;
  Global<Function> callback_;
  std::unique_ptr<V8InspectorSession> session_;
  int depth_ = 0;
  bool closing_ = false;
};

// ---- Coverage -------------------------------------------------------------

class CoverageSession : public V8Inspector::Channel {
 public:
  explicit CoverageSession(Agent* agent) {
    session_ = agent->Connect(this);
    Post("{\"id\":1,\"method\":\"Profiler.enable\"}");
    Post("{\"id\":2,\"method\":\"Profiler.startPreciseCoverage\","
         "\"params\":{\"callCount\":true,\"detailed\":true}}");
  }

  // The result of Profiler.takePreciseCoverage as V8 wrote it:
  // {"id":N,"result":{"result":[...],"timestamp":T}}.
  std::u16string Take() {
    response_.clear();
    Post("{\"id\":3,\"method\":\"Profiler.takePreciseCoverage\"}");
    return std::move(response_);
  }

  void Stop() {
    Post("{\"id\":4,\"method\":\"Profiler.stopPreciseCoverage\"}");
    Post("{\"id\":5,\"method\":\"Profiler.disable\"}");
  }

  void sendResponse(int, std::unique_ptr<StringBuffer> message) override {
    response_ = ToU16(message->string());
  }
  void sendNotification(std::unique_ptr<StringBuffer>) override {}
  void flushProtocolNotifications() override {}

  std::string directory;
  // Returns what the file keeps under "source-map-cache" (set by
  // lib/internal/source_map/source_map_cache.js).
  v8::Global<Function> source_map_cache_getter;

 private:
  void Post(const char* json) {
    session_->dispatchProtocolMessage(
        StringView(reinterpret_cast<const uint8_t*>(json), strlen(json)));
  }

  std::unique_ptr<V8InspectorSession> session_;
  std::u16string response_;
};

Agent::~Agent() {
  HandleScope scope(env_->isolate());
  dispatch_depth_ = 0;
  StopServer();
  coverage_.reset();
  cpu_profile_.reset();
  heap_profile_.reset();
  std::set<Connection*> connections = std::move(connections_);
  for (Connection* connection : connections) delete connection;
  inspector_.reset();
  if (io_ != nullptr && !io_owned_) io_->agent = nullptr;
}

bool Agent::HasServerSessions() const {
  for (auto& entry : ws_sessions_) {
    if (!entry.second->from_worker()) return true;
  }
  return false;
}

// ---- The debugger front end ------------------------------------------------

const char kHelpLine[] = "For help, see: https://nodejs.org/en/docs/inspector";

std::string NewUuid() {
  uint8_t b[16];
  if (uv_random(nullptr, nullptr, b, sizeof(b), 0, nullptr) != 0) {
    uint64_t t = uv_hrtime() ^ (static_cast<uint64_t>(uv_os_getpid()) << 32);
    for (int i = 0; i < 16; i++) {
      t = t * 6364136223846793005ull + 1442695040888963407ull;
      b[i] = static_cast<uint8_t>(t >> 56);
    }
  }
  b[6] = static_cast<uint8_t>((b[6] & 0x0F) | 0x40);
  b[8] = static_cast<uint8_t>((b[8] & 0x3F) | 0x80);
  static const char kHex[] = "0123456789abcdef";
  std::string out;
  for (int i = 0; i < 16; i++) {
    if (i == 4 || i == 6 || i == 8 || i == 10) out.push_back('-');
    out.push_back(kHex[b[i] >> 4]);
    out.push_back(kHex[b[i] & 15]);
  }
  return out;
}

void OnInterrupt(Isolate*, void* data) {
  std::unique_ptr<std::shared_ptr<IoQueue>> holder(
      static_cast<std::shared_ptr<IoQueue>*>(data));
  IoQueue* queue = holder->get();
  {
    std::lock_guard<std::mutex> lock(queue->mutex);
    queue->interrupt_requested = false;
  }
  if (queue->agent != nullptr) queue->agent->DrainEvents();
}

void OnMainAsync(uv_async_t* handle) {
  auto* queue = static_cast<IoQueue*>(handle->data);
  if (queue == nullptr) return;
  if (queue->agent == nullptr && queue->env != nullptr &&
      queue->env->can_call_into_js()) {
    // A worker connected before anything here used the inspector.
    HandleScope scope(queue->env->isolate());
    Context::Scope context_scope(queue->env->context());
    Agent::Get(queue->env);
  }
  if (queue->agent != nullptr) queue->agent->DrainEvents();
}

bool Agent::StartServer(const std::string& host, int port) {
  if (server_ != nullptr) return true;
  std::shared_ptr<IoQueue> io = io_;
  bool owned = io == nullptr;
  if (owned) {
    io = std::make_shared<IoQueue>();
    io->isolate = env_->isolate();
    io->agent = this;
    io->async = new uv_async_t;
    uv_async_init(env_->loop(), io->async, OnMainAsync);
    io->async->data = io.get();
    uv_unref(reinterpret_cast<uv_handle_t*>(io->async));
  }

  ServerTarget target;
  target.id = NewUuid();
  const Options* options = env_->options();
  std::string script = options->argv.size() > 1 && !options->has_eval
                           ? options->argv[1]
                           : "";
  if (script.empty()) {
    target.title = options->argv0 + "[" + std::to_string(uv_os_getpid()) +
                   "]";
  } else {
    target.title = script;
  }
  target.url = "file://";
  if (!script.empty()) {
    uv_fs_t req;
    if (uv_fs_realpath(nullptr, &req, script.c_str(), nullptr) == 0) {
      target.url += static_cast<const char*>(req.ptr);
    }
    uv_fs_req_cleanup(&req);
  }

  int err = 0;
  bool resolve_failed = false;
  server_ = Server::Start(
      host, port, std::move(target),
      [io](ServerEvent event) { PostEvent(io, std::move(event)); },
      &err, &resolve_failed);
  if (server_ == nullptr) {
    if (owned) {
      CloseAndDeleteAsync(io->async);
    }
    if (resolve_failed) {
      fprintf(stderr, "Unable to resolve \"%s\": %s\n", host.c_str(),
              uv_strerror(err));
    } else {
      fprintf(stderr, "Starting inspector on %s failed: %s\n",
              FormatHostPort(host, port).c_str(), uv_strerror(err));
    }
    fflush(stderr);
    return false;
  }
  io_ = std::move(io);
  io_owned_ = owned;
  Settings::Get(env_)->port = server_->port();
  fprintf(stderr, "Debugger listening on %s\n%s\n",
          server_->WebSocketUrl().c_str(), kHelpLine);
  fflush(stderr);
  if (!exit_hook_added_) {
    exit_hook_added_ = true;
    Environment* env = env_;
    env_->AddAtExitHook([env]() {
      Agent* agent = Agent::Existing(env);
      if (agent != nullptr) agent->WaitForDisconnect();
    });
  }
  return true;
}

void Agent::StopServer() {
  if (server_ == nullptr) return;
  if (dispatch_depth_ > 0) {
    // From inside a session's dispatch: once V8 is out of it.
    stop_requested_ = true;
    return;
  }
  server_.reset();  // joins the IO thread
  if (io_owned_) {
    io_->agent = nullptr;
    {
      std::lock_guard<std::mutex> lock(io_->mutex);
      io_->events.clear();
    }
    CloseAndDeleteAsync(io_->async);
    io_.reset();
    io_owned_ = false;
  } else {
    // The main thread's queue stays, for the sessions of workers.
    std::lock_guard<std::mutex> lock(io_->mutex);
    std::deque<ServerEvent> kept;
    for (ServerEvent& event : io_->events) {
      if (event.peer != nullptr || event.session < 0) {
        kept.push_back(std::move(event));
      }
    }
    io_->events = std::move(kept);
  }
  for (auto it = ws_sessions_.begin(); it != ws_sessions_.end();) {
    if (it->second->from_worker()) {
      ++it;
      continue;
    }
    it->second->set_closed();
    it = ws_sessions_.erase(it);
  }
  retired_.clear();
  waiting_for_frontend_ = false;
  paused_ = false;
}

bool Agent::WaitForEvent() {
  if (io_ == nullptr) return false;
  std::shared_ptr<IoQueue> io = io_;
  std::unique_lock<std::mutex> lock(io->mutex);
  // A worker being terminated (or a process.exit() of the main thread
  // stopping it) ends the wait.
  while (io->events.empty()) {
    if (env_->is_stopping()) return false;
    io->cv.wait_for(lock, std::chrono::milliseconds(100));
  }
  return true;
}

void Agent::DrainEvents() {
  // Not from inside a dispatch (an interrupt while V8 runs a debugger's
  // evaluation): the loop that dispatches takes them.
  if (dispatch_depth_ > 0) return;
  Drain();
}

void Agent::Drain() {
  if (io_ == nullptr) return;
  Isolate* isolate = env_->isolate();
  HandleScope scope(isolate);
  Context::Scope context_scope(env_->context());
  // Only the events queued when this drain began: sessions (workers' ones
  // through connectToMainThread) that post faster than they are answered
  // would otherwise hold the thread here. Later ones wake the loop again.
  size_t budget;
  {
    std::lock_guard<std::mutex> lock(io_->mutex);
    budget = io_->events.size();
  }
  for (; budget > 0; budget--) {
    ServerEvent event;
    {
      if (io_ == nullptr) break;
      std::lock_guard<std::mutex> lock(io_->mutex);
      if (io_->events.empty()) break;
      event = std::move(io_->events.front());
      io_->events.pop_front();
    }
    dispatch_depth_++;
    HandleEvent(std::move(event));
    dispatch_depth_--;
  }
  if (io_ != nullptr) {
    std::lock_guard<std::mutex> lock(io_->mutex);
    if (!io_->events.empty() && io_->async != nullptr) {
      uv_async_send(io_->async);
    }
  }
  if (dispatch_depth_ == 0 && !in_pause_loop_) {
    retired_.clear();
    if (stop_requested_) {
      stop_requested_ = false;
      StopServer();
    }
  }
}

void Agent::HandleEvent(ServerEvent event) {
  switch (event.kind) {
    case ServerEvent::kConnect:
      if (event.peer != nullptr) {
        ws_sessions_[event.session] = std::make_unique<WsSession>(
            this, event.session,
            std::static_pointer_cast<HubPeer>(event.peer));
        break;
      }
      ws_sessions_[event.session] =
          std::make_unique<WsSession>(this, event.session);
      fprintf(stderr, "Debugger attached.\n");
      fflush(stderr);
      break;
    case ServerEvent::kMessage: {
      auto it = ws_sessions_.find(event.session);
      if (it != ws_sessions_.end()) it->second->Dispatch(event.text);
      break;
    }
    case ServerEvent::kDisconnect: {
      auto it = ws_sessions_.find(event.session);
      if (it == ws_sessions_.end()) break;
      std::unique_ptr<WsSession> session = std::move(it->second);
      ws_sessions_.erase(it);
      session->set_closed();
      if (dispatch_depth_ > 1 || in_pause_loop_) {
        retired_.push_back(std::move(session));
      }
      break;
    }
  }
}

void Agent::runMessageLoopOnPause(int) {
  if (in_pause_loop_ || ws_sessions_.empty()) return;
  in_pause_loop_ = true;
  paused_ = true;
  while (paused_ && !ws_sessions_.empty() && io_ != nullptr) {
    if (!WaitForEvent()) break;
    Drain();
  }
  in_pause_loop_ = false;
  // Sessions that went while paused are deleted from the loop.
  if (!retired_.empty() && io_ != nullptr) {
    std::lock_guard<std::mutex> lock(io_->mutex);
    if (io_->async != nullptr) uv_async_send(io_->async);
  }
}

bool Agent::WaitForFrontend() {
  if (server_ == nullptr) return false;
  waiting_for_frontend_ = true;
  for (auto& entry : ws_sessions_) {
    if (entry.second->node_runtime_enabled) {
      entry.second->Send(
          "{\"method\":\"NodeRuntime.waitingForDebugger\",\"params\":{}}");
    }
  }
  while (waiting_for_frontend_ && io_ != nullptr) {
    if (!WaitForEvent()) break;
    Drain();
  }
  waiting_for_frontend_ = false;
  return true;
}

void Agent::WaitForDisconnect() {
  if (server_ == nullptr) return;
  server_->set_print_ending(false);
  if (HasServerSessions()) {
    fprintf(stderr, "Waiting for the debugger to disconnect...\n");
    fflush(stderr);
  }
  bool notified = false;
  for (auto& entry : ws_sessions_) {
    if (entry.second->notify_when_waiting_for_disconnect) {
      entry.second->Send(
          "{\"method\":\"NodeRuntime.waitingForDisconnect\",\"params\":{}}");
      notified = true;
    }
  }
  // The sessions that asked to be told get that instead of the context's
  // end; the others get it once those have gone.
  auto destroy_context = [&]() {
    HandleScope scope(env_->isolate());
    inspector_->contextDestroyed(env_->context());
  };
  if (!notified) destroy_context();
  server_->StopAccepting();
  // An exit asked for from inside a dispatch or a pause (a debugger's
  // process.exit()) does not wait: the debugger that asked would be waited
  // for from inside its own command, forever. Node exits at once there too.
  if (dispatch_depth_ > 0 || in_pause_loop_) {
    StopServer();
    return;
  }
  while (HasServerSessions() && io_ != nullptr) {
    if (!WaitForEvent()) break;
    Drain();
    if (notified) {
      bool waiting = false;
      for (auto& entry : ws_sessions_) {
        if (entry.second->notify_when_waiting_for_disconnect) waiting = true;
      }
      if (!waiting) {
        notified = false;
        destroy_context();
      }
    }
  }
  StopServer();
}

void Agent::PauseOnNextStatement(const char* reason) {
  for (auto& entry : ws_sessions_) entry.second->SchedulePause(reason);
}

void WsSession::Dispatch(const std::string& message) {
  if (closed_) return;
  if (!agent_->idle_notifier_started() &&
      message.find("\"Profiler.start\"") != std::string::npos) {
    agent_->StartIdleNotifier();
  }
  if ((message.find("\"NodeRuntime.") != std::string::npos ||
       message.find("\"NodeWorker.") != std::string::npos) &&
      HandleNodeMethod(message)) {
    return;
  }
  std::u16string text = Utf8ToU16(message);
  session_->dispatchProtocolMessage(
      StringView(reinterpret_cast<const uint16_t*>(text.data()),
                 text.size()));
}

// The NodeRuntime domain, which V8 does not know: true when `message` was
// one of its methods (and answered).
bool WsSession::HandleNodeMethod(const std::string& message) {
  Environment* env = agent_->env();
  Isolate* isolate = env->isolate();
  HandleScope scope(isolate);
  Local<Context> context = env->context();
  TryCatch try_catch(isolate);
  Local<String> text;
  Local<Value> parsed;
  Local<Value> method_value;
  Local<Value> id_value;
  if (!String::NewFromUtf8(isolate, message.data(),
                           v8::NewStringType::kNormal,
                           static_cast<int>(message.size()))
           .ToLocal(&text) ||
      !v8::JSON::Parse(context, text).ToLocal(&parsed) ||
      !parsed->IsObject() ||
      !parsed.As<Object>()
           ->Get(context, OneByteString(isolate, "method"))
           .ToLocal(&method_value) ||
      !method_value->IsString() ||
      !parsed.As<Object>()
           ->Get(context, OneByteString(isolate, "id"))
           .ToLocal(&id_value) ||
      !id_value->IsInt32()) {
    return false;
  }
  std::string method = Utf8Value(isolate, method_value).ToString();
  if (method.rfind("NodeRuntime.", 0) != 0 &&
      method.rfind("NodeWorker.", 0) != 0) {
    return false;
  }
  std::string id = std::to_string(id_value.As<v8::Int32>()->Value());
  std::string ok = "{\"id\":" + id + ",\"result\":{}}";
  if (method == "NodeWorker.enable") {
    // The workers of the process, newest first; their own sessions
    // (NodeWorker.sendMessageToWorker) are not there (doc/status.md).
    std::vector<WorkerTarget> workers;
    {
      std::lock_guard<std::mutex> lock(g_hub_mutex);
      workers = g_workers;
    }
    for (auto it = workers.rbegin(); it != workers.rend(); ++it) {
      std::string target_id = std::to_string(it->id);
      Send("{\"method\":\"NodeWorker.attachedToWorker\",\"params\":{"
           "\"sessionId\":" + JsonString(target_id) +
           ",\"workerInfo\":{\"workerId\":" + JsonString(target_id) +
           ",\"type\":\"worker\",\"title\":" + JsonString(it->title) +
           ",\"url\":" + JsonString(it->url) +
           "},\"waitingForDebugger\":false}}");
    }
    Send(ok);
  } else if (method == "NodeWorker.disable") {
    Send(ok);
  } else if (method == "NodeRuntime.enable") {
    node_runtime_enabled = true;
    if (agent_->waiting_for_frontend()) {
      Send("{\"method\":\"NodeRuntime.waitingForDebugger\",\"params\":{}}");
    }
    Send(ok);
  } else if (method == "NodeRuntime.disable") {
    node_runtime_enabled = false;
    Send(ok);
  } else if (method == "NodeRuntime.notifyWhenWaitingForDisconnect") {
    Local<Value> params;
    Local<Value> enabled;
    bool value = false;
    if (parsed.As<Object>()
            ->Get(context, OneByteString(isolate, "params"))
            .ToLocal(&params) &&
        params->IsObject() &&
        params.As<Object>()
            ->Get(context, OneByteString(isolate, "enabled"))
            .ToLocal(&enabled)) {
      value = enabled->IsTrue();
    }
    notify_when_waiting_for_disconnect = value;
    Send(ok);
  } else {
    Send("{\"id\":" + id + ",\"error\":{\"code\":-32601,\"message\":" +
         JsonString("'" + method + "' wasn't found") + "}}");
  }
  return true;
}

// An absolute path as a file: URL, percent-encoding what a URL path cannot
// hold as is.
std::string PathToFileURL(const std::string& path) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out = "file://";
  for (unsigned char c : path) {
    if (c <= 0x20 || c >= 0x7f || c == '"' || c == '#' || c == '%' ||
        c == '<' || c == '>' || c == '?' || c == '[' || c == '\\' ||
        c == ']' || c == '^' || c == '`' || c == '{' || c == '|' ||
        c == '}') {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    } else {
      out.push_back(static_cast<char>(c));
    }
  }
  return out;
}

std::unique_ptr<StringBuffer> Agent::resourceNameToUrl(
    const StringView& resource_name) {
  std::string name = ToUtf8(resource_name);
  if (name.empty() || name[0] != '/') return nullptr;
  std::string url = PathToFileURL(name);
  return StringBuffer::create(ViewOf(url));
}

// The source maps of the modules loaded, under "source-map-cache" of a
// coverage file, as Node writes them (when the JS side asked for it).
void AddSourceMapCache(Environment* env, Local<Object> result) {
  Agent* agent = Agent::Existing(env);
  Isolate* isolate = env->isolate();
  // At exit JS is otherwise off (can_call_into_js() is false): the getter
  // is lib/'s own code and runs no user code, as in Node.
  if (agent == nullptr || agent->coverage() == nullptr ||
      agent->coverage()->source_map_cache_getter.IsEmpty() ||
      isolate->IsExecutionTerminating()) {
    return;
  }
  Local<Context> context = env->context();
  Local<Function> getter =
      agent->coverage()->source_map_cache_getter.Get(isolate);
  TryCatch try_catch(isolate);
  Local<Value> cache;
  if (!getter->Call(context, v8::Undefined(isolate), 0, nullptr)
           .ToLocal(&cache) ||
      !cache->IsObject()) {
    return;
  }
  // A failure leaves the file without it.
  if (result->Set(context, OneByteString(isolate, "source-map-cache"), cache)
          .IsNothing()) {
    return;
  }
}

// The coverage taken now, as a JSON text {"result":[...],"timestamp":T},
// or an empty handle when no coverage runs.
v8::MaybeLocal<String> TakeCoverageJSON(Environment* env,
                                        bool with_source_maps = false) {
  Agent* agent = Agent::Existing(env);
  if (agent == nullptr || agent->coverage() == nullptr) return {};
  Isolate* isolate = env->isolate();
  Local<Context> context = env->context();
  std::u16string text = agent->coverage()->Take();
  Local<String> string;
  if (!String::NewFromTwoByte(isolate,
                              reinterpret_cast<const uint16_t*>(text.data()),
                              v8::NewStringType::kNormal,
                              static_cast<int>(text.size()))
           .ToLocal(&string)) {
    return {};
  }
  Local<Value> parsed;
  if (!v8::JSON::Parse(context, string).ToLocal(&parsed) ||
      !parsed->IsObject()) {
    return {};
  }
  Local<Value> result;
  if (!parsed.As<Object>()
           ->Get(context, OneByteString(isolate, "result"))
           .ToLocal(&result) ||
      !result->IsObject()) {
    return {};
  }
  Local<Value> scripts;
  if (result.As<Object>()
          ->Get(context, OneByteString(isolate, "result"))
          .ToLocal(&scripts) &&
      scripts->IsArray()) {
    Local<v8::Array> array = scripts.As<v8::Array>();
    Local<String> url_key = OneByteString(isolate, "url");
    for (uint32_t i = 0; i < array->Length(); i++) {
      Local<Value> entry;
      Local<Value> url;
      if (!array->Get(context, i).ToLocal(&entry) || !entry->IsObject() ||
          !entry.As<Object>()->Get(context, url_key).ToLocal(&url) ||
          !url->IsString()) {
        continue;
      }
      Utf8Value path(isolate, url);
      if (path.length() == 0 || path.c_str()[0] != '/') continue;
      if (entry.As<Object>()
              ->Set(context, url_key,
                    Utf8String(isolate, PathToFileURL(path.ToString())))
              .IsNothing()) {
        return {};
      }
    }
  }
  if (with_source_maps) AddSourceMapCache(env, result.As<Object>());
  return v8::JSON::Stringify(context, result);
}

bool WriteCoverageFile(Environment* env) {
  Agent* agent = Agent::Existing(env);
  if (agent == nullptr || agent->coverage() == nullptr ||
      agent->coverage()->directory.empty()) {
    return false;
  }
  Isolate* isolate = env->isolate();
  HandleScope scope(isolate);
  Context::Scope context_scope(env->context());
  Local<String> json;
  if (!TakeCoverageJSON(env, true).ToLocal(&json)) return false;
  const std::string& dir = agent->coverage()->directory;
  // As Node: the folder is made with its parents; when it cannot be, a
  // line on stderr says so and the process goes on.
  int err = MakeDirectories(dir);
  if (err != 0) {
    fprintf(stderr, "%s: Failed to create coverage profile directory %s\n",
            uv_err_name(err), dir.c_str());
    return false;
  }
  uv_timeval64_t tv;
  uv_gettimeofday(&tv);
  int64_t ms = tv.tv_sec * 1000 + tv.tv_usec / 1000;
  std::string path = dir + "/coverage-" + std::to_string(uv_os_getpid()) +
                     "-" + std::to_string(ms) + "-" +
                     std::to_string(env->thread_id()) + ".json";
  Utf8Value text(isolate, json);
  FILE* file = fopen(path.c_str(), "w");
  bool written = file != nullptr &&
                 fwrite(text.c_str(), 1, text.length(), file) ==
                     text.length();
  if (file != nullptr && fclose(file) != 0) written = false;
  if (!written) {
    fprintf(stderr, "%s: Failed to write coverage profile %s\n",
            uv_err_name(uv_translate_sys_error(errno)), path.c_str());
    // A half-written file would only be skipped as bad JSON later.
    remove(path.c_str());
  }
  return written;
}

// ---- --cpu-prof and --heap-prof -------------------------------------------

// Node's name for a diagnostic file made now:
// <prefix>.<yyyymmdd>.<hhmmss>.<pid>.<thread id>.<seq>.<ext>, the sequence
// number counting the files of the process.
std::string DiagnosticFileName(Environment* env, const char* prefix,
                               const char* ext) {
  static std::atomic<int> sequence{0};
  time_t now = time(nullptr);
  struct tm local;
  localtime_r(&now, &local);
  char stamp[32];
  snprintf(stamp, sizeof(stamp), "%04d%02d%02d.%02d%02d%02d",
           local.tm_year + 1900, local.tm_mon + 1, local.tm_mday,
           local.tm_hour, local.tm_min, local.tm_sec);
  char seq[16];
  snprintf(seq, sizeof(seq), "%03d", ++sequence);
  return std::string(prefix) + "." + stamp + "." +
         std::to_string(uv_os_getpid()) + "." +
         std::to_string(env->thread_id()) + "." + seq + "." + ext;
}

// A session of its own that runs one of V8's profilers from the start of
// the environment (before the main script) and writes the profile V8
// hands back, as JSON, when the environment exits.
class ProfileSession : public V8Inspector::Channel {
 public:
  ProfileSession(Agent* agent, const char* kind, std::string directory,
                 std::string name, const std::vector<std::string>& start,
                 std::string stop)
      : kind_(kind),
        directory_(std::move(directory)),
        name_(std::move(name)),
        stop_(std::move(stop)) {
    session_ = agent->Connect(this);
    for (const std::string& message : start) Post(message);
  }

  // Stops the profiler and writes the profile (once).
  void Finish() {
    if (session_ == nullptr) return;
    response_.clear();
    Post(stop_);
    session_.reset();
    const std::string& text = response_;
    // V8 answers {"id":N,"result":{"profile":{...}}} without blanks.
    static const char kPrefix[] = "\"result\":{\"profile\":";
    size_t start = text.find(kPrefix);
    size_t end = text.size();
    if (start == std::string::npos || end < 3 || text[end - 1] != '}' ||
        text[end - 2] != '}') {
      fprintf(stderr, "Failed to get 'result' from %s profile response:\n%s\n",
              kind_, text.c_str());
      return;
    }
    start += sizeof(kPrefix) - 1;
    std::string profile = text.substr(start, end - 2 - start);
    int err = MakeDirectories(directory_);
    if (err != 0) {
      fprintf(stderr, "%s: Failed to create %s profile directory %s\n",
              uv_err_name(err), kind_, directory_.c_str());
      return;
    }
    std::string path = directory_ + "/" + name_;
    FILE* file = fopen(path.c_str(), "w");
    bool written = file != nullptr &&
                   fwrite(profile.data(), 1, profile.size(), file) ==
                       profile.size();
    if (file != nullptr && fclose(file) != 0) written = false;
    if (!written) {
      fprintf(stderr, "%s: Failed to write %s profile %s\n",
              uv_err_name(uv_translate_sys_error(errno)), kind_,
              path.c_str());
      remove(path.c_str());
    }
  }

  void sendResponse(int, std::unique_ptr<StringBuffer> message) override {
    response_ = ToUtf8(message->string());
  }
  void sendNotification(std::unique_ptr<StringBuffer>) override {}
  void flushProtocolNotifications() override {}

 private:
  void Post(const std::string& json) {
    session_->dispatchProtocolMessage(StringView(
        reinterpret_cast<const uint8_t*>(json.data()), json.size()));
  }

  const char* kind_;
  std::string directory_;
  std::string name_;
  std::string stop_;
  std::unique_ptr<V8InspectorSession> session_;
  std::string response_;  // V8's last answer, as UTF-8
};

// Writes the profiles of --cpu-prof and --heap-prof (at exit).
void FinishProfiles(Environment* env) {
  Agent* agent = Agent::Existing(env);
  if (agent == nullptr) return;
  Isolate* isolate = env->isolate();
  HandleScope scope(isolate);
  Context::Scope context_scope(env->context());
  if (agent->cpu_profile() != nullptr) {
    agent->cpu_profile()->Finish();
    agent->cpu_profile().reset();
  }
  if (agent->heap_profile() != nullptr) {
    agent->heap_profile()->Finish();
    agent->heap_profile().reset();
  }
}

// ---- Session.connectToMainThread() ------------------------------------------
// A worker's session into the main thread's inspector. Its messages go on
// the main thread's queue (dispatched there as the server's are, a pause
// included); the replies come back through a HubPeer and are handed to
// the callback from the worker's loop, or from an interrupt of its running
// JavaScript (lib/inspector.js defers them to a microtask).

const WrapType kMainThreadConnectionType = {"InspectorMainThreadConnection",
                                            nullptr};

void CloseHubPeer(const std::shared_ptr<HubPeer>& peer) {
  if (peer->disconnected) return;
  peer->disconnected = true;
  peer->connection = nullptr;
  ServerEvent event;
  event.kind = ServerEvent::kDisconnect;
  event.session = peer->id;
  PostToMainThread(std::move(event));
  uv_async_t* async;
  {
    std::lock_guard<std::mutex> lock(peer->mutex);
    async = peer->async;
    peer->async = nullptr;
    peer->messages.clear();
  }
  if (async != nullptr) CloseAndDeleteAsync(async);
}

class MainThreadConnection {
 public:
  MainThreadConnection(Environment* env, Local<Object> object,
                       Local<Function> callback, std::shared_ptr<HubPeer> peer)
      : env_(env), peer_(std::move(peer)) {
    Isolate* isolate = env->isolate();
    object_.Reset(isolate, object);
    object_.SetWeak(this, OnGC, v8::WeakCallbackType::kParameter);
    callback_.Reset(isolate, callback);
    SetWrapped(object, this, &kMainThreadConnectionType);
    peer_->connection = this;
  }

  ~MainThreadConnection() {
    CloseHubPeer(peer_);
    if (!object_.IsEmpty()) {
      HandleScope scope(env_->isolate());
      ClearWrapped(object_.Get(env_->isolate()));
    }
  }

  static MainThreadConnection* From(Local<Value> value) {
    return static_cast<MainThreadConnection*>(
        GetWrapped(value, &kMainThreadConnectionType));
  }

  void Dispatch(std::string text) {
    if (peer_->disconnected) return;
    ServerEvent event;
    event.kind = ServerEvent::kMessage;
    event.session = peer_->id;
    event.text = std::move(text);
    PostToMainThread(std::move(event));
  }

  void Disconnect() { CloseHubPeer(peer_); }

  // What the main thread sent: `from_loop` when called from the worker's
  // loop (the microtasks run after), else from an interrupt.
  void DeliverPending(bool from_loop) {
    std::deque<std::string> messages;
    {
      std::lock_guard<std::mutex> lock(peer_->mutex);
      messages.swap(peer_->messages);
    }
    if (messages.empty() || !env_->can_call_into_js()) return;
    Isolate* isolate = env_->isolate();
    HandleScope scope(isolate);
    Local<Context> context = env_->context();
    Context::Scope context_scope(context);
    for (const std::string& text : messages) {
      if (peer_->disconnected) break;
      Local<Value> arg;
      if (!String::NewFromUtf8(isolate, text.data(),
                               v8::NewStringType::kNormal,
                               static_cast<int>(text.size()))
               .ToLocal(&arg)) {
        continue;
      }
      Local<Function> callback = callback_.Get(isolate);
      Local<Object> recv = object_.Get(isolate);
      if (from_loop) {
        if (MakeCallback(env_, recv, callback, 1, &arg).IsEmpty()) return;
      } else {
        TryCatch try_catch(isolate);
        if (callback->Call(context, recv, 1, &arg).IsEmpty()) return;
      }
    }
  }

 private:
  static void OnGC(const v8::WeakCallbackInfo<MainThreadConnection>& info) {
    MainThreadConnection* self = info.GetParameter();
    self->object_.Reset();
    delete self;
  }

  Environment* env_;
  std::shared_ptr<HubPeer> peer_;
  Global<Object> object_;
  Global<Function> callback_;
};

void OnPeerAsync(uv_async_t* handle) {
  auto* peer = static_cast<HubPeer*>(handle->data);
  if (peer == nullptr || peer->connection == nullptr) return;
  {
    std::lock_guard<std::mutex> lock(peer->mutex);
    peer->interrupt_requested = false;
  }
  static_cast<MainThreadConnection*>(peer->connection)->DeliverPending(true);
}

void OnPeerInterrupt(Isolate*, void* data) {
  std::unique_ptr<std::shared_ptr<HubPeer>> holder(
      static_cast<std::shared_ptr<HubPeer>*>(data));
  HubPeer* peer = holder->get();
  if (peer->connection == nullptr) return;
  {
    std::lock_guard<std::mutex> lock(peer->mutex);
    peer->interrupt_requested = false;
  }
  static_cast<MainThreadConnection*>(peer->connection)->DeliverPending(false);
}

void MainThreadConnectionNew(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  if (!args.IsConstructCall()) {
    THROW_ERR_CONSTRUCT_CALL_INVALID(isolate, "Constructor cannot be called");
    return;
  }
  if (!args[0]->IsFunction()) {
    THROW_ERR_INVALID_ARG_TYPE(isolate,
                               "The \"callback\" argument must be a function");
    return;
  }
  Environment* env = Environment::GetCurrent(args);
  if (env == nullptr || env->is_main_thread()) return;
  auto peer = std::make_shared<HubPeer>();
  peer->isolate = isolate;
  peer->async = new uv_async_t;
  uv_async_init(env->loop(), peer->async, OnPeerAsync);
  peer->async->data = peer.get();
  uv_unref(reinterpret_cast<uv_handle_t*>(peer->async));
  {
    std::lock_guard<std::mutex> lock(g_hub_mutex);
    peer->id = --g_next_hub_session;
  }
  new MainThreadConnection(env, args.This(), args[0].As<Function>(), peer);
  // The worker's teardown ends the session (its JS object may outlive it).
  std::weak_ptr<HubPeer> weak = peer;
  env->AddCleanupHook([weak]() {
    if (std::shared_ptr<HubPeer> peer = weak.lock()) CloseHubPeer(peer);
  });
  ServerEvent event;
  event.kind = ServerEvent::kConnect;
  event.session = peer->id;
  event.peer = peer;
  if (!PostToMainThread(std::move(event))) CloseHubPeer(peer);
}

void MainThreadConnectionDispatch(const FunctionCallbackInfo<Value>& args) {
  MainThreadConnection* connection = MainThreadConnection::From(args.This());
  if (connection == nullptr || !args[0]->IsString()) return;
  connection->Dispatch(Utf8Value(args.GetIsolate(), args[0]).ToString());
}

void MainThreadConnectionDisconnect(const FunctionCallbackInfo<Value>& args) {
  MainThreadConnection* connection = MainThreadConnection::From(args.This());
  if (connection != nullptr) connection->Disconnect();
}

// The main thread's queue, from its start: workers may connect to it at
// any time.
void SetUpMainThreadQueue(Environment* env) {
  auto io = std::make_shared<IoQueue>();
  io->isolate = env->isolate();
  io->env = env;
  io->async = new uv_async_t;
  uv_async_init(env->loop(), io->async, OnMainAsync);
  io->async->data = io.get();
  uv_unref(reinterpret_cast<uv_handle_t*>(io->async));
  {
    std::lock_guard<std::mutex> lock(g_hub_mutex);
    g_main_queue = io;
  }
  Agent* agent = Agent::Existing(env);
  if (agent != nullptr) agent->AttachQueue(io);
  env->AddCleanupHook([io]() {
    {
      std::lock_guard<std::mutex> lock(g_hub_mutex);
      if (g_main_queue == io) g_main_queue.reset();
    }
    uv_async_t* async;
    {
      std::lock_guard<std::mutex> lock(io->mutex);
      async = io->async;
      io->async = nullptr;
      io->events.clear();
    }
    if (async != nullptr) CloseAndDeleteAsync(async);
  });
}

// ---- JS functions ---------------------------------------------------------

void ConnectionNew(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  if (!args.IsConstructCall()) {
    THROW_ERR_CONSTRUCT_CALL_INVALID(isolate, "Constructor cannot be called");
    return;
  }
  if (!permission::Check(isolate, permission::Scope::kInspector,
                         "Connect")) {
    return;
  }
  if (!args[0]->IsFunction()) {
    THROW_ERR_INVALID_ARG_TYPE(isolate,
                               "The \"callback\" argument must be a function");
    return;
  }
  Environment* env = Environment::GetCurrent(args);
  if (env == nullptr) return;
  new Connection(env, args.This(), args[0].As<Function>());
}

void ConnectionDispatch(const FunctionCallbackInfo<Value>& args) {
  Connection* connection = Connection::From(args.This());
  if (connection == nullptr || !args[0]->IsString()) return;
  TwoByteValue message(args.GetIsolate(), args[0]);
  connection->Dispatch(StringView(message.data(), message.length()));
}

void ConnectionDisconnect(const FunctionCallbackInfo<Value>& args) {
  Connection* connection = Connection::From(args.This());
  if (connection != nullptr) connection->Disconnect();
}

// open(port, host): starts the server (the port and host of --inspect-port
// for what is not given). What fails is reported on stderr, as in Node.
void Open(const FunctionCallbackInfo<Value>& args) {
  Environment* env = Environment::GetCurrent(args);
  if (env == nullptr) return;
  if (!permission::Check(args.GetIsolate(), permission::Scope::kInspector,
                         "StartIoThread")) {
    return;
  }
  Settings* settings = Settings::Get(env);
  if (args[0]->IsUint32()) {
    uint32_t port = args[0].As<v8::Uint32>()->Value();
    if (port <= 65535) settings->port = static_cast<int>(port);
  }
  if (args[1]->IsString()) {
    settings->host = Utf8Value(args.GetIsolate(), args[1]).ToString();
  }
  Agent::Get(env)->StartServer(settings->host, settings->port);
}

void Close(const FunctionCallbackInfo<Value>& args) {
  Environment* env = Environment::GetCurrent(args);
  if (env == nullptr) return;
  Agent* agent = Agent::Existing(env);
  if (agent != nullptr) agent->StopServer();
}

void Url(const FunctionCallbackInfo<Value>& args) {
  Environment* env = Environment::GetCurrent(args);
  if (env == nullptr) return;
  Agent* agent = Agent::Existing(env);
  if (agent == nullptr || agent->server() == nullptr) return;
  args.GetReturnValue().Set(
      Utf8String(args.GetIsolate(), agent->server()->WebSocketUrl()));
}

void IsEnabled(const FunctionCallbackInfo<Value>& args) {
  Environment* env = Environment::GetCurrent(args);
  if (env == nullptr) return;
  Agent* agent = Agent::Existing(env);
  args.GetReturnValue().Set(agent != nullptr && agent->server() != nullptr);
}

// waitForDebugger(): false when no server runs; else blocks until a
// debugger sends Runtime.runIfWaitingForDebugger.
void WaitForDebugger(const FunctionCallbackInfo<Value>& args) {
  Environment* env = Environment::GetCurrent(args);
  if (env == nullptr) return;
  Agent* agent = Agent::Existing(env);
  args.GetReturnValue().Set(agent != nullptr && agent->WaitForFrontend());
}

// callAndPauseOnStart(fn, thisArg, ...args): fn's first statement pauses
// the attached debuggers (--inspect-brk), as "Break on start".
void CallAndPauseOnStart(const FunctionCallbackInfo<Value>& args) {
  Environment* env = Environment::GetCurrent(args);
  if (env == nullptr || !args[0]->IsFunction()) return;
  if (!permission::Check(args.GetIsolate(), permission::Scope::kInspector,
                         "PauseOnNextJavascriptStatement")) {
    return;
  }
  Agent* agent = Agent::Existing(env);
  if (agent != nullptr && agent->server() != nullptr) {
    agent->PauseOnNextStatement("Break on start");
  }
  std::vector<Local<Value>> call_args;
  for (int i = 2; i < args.Length(); i++) call_args.push_back(args[i]);
  Local<Value> result;
  if (args[0]
          .As<Function>()
          ->Call(args.GetIsolate()->GetCurrentContext(), args[1],
                 static_cast<int>(call_args.size()), call_args.data())
          .ToLocal(&result)) {
    args.GetReturnValue().Set(result);
  }
}

// consoleCall(inspectorMethod, nodeMethod, ...args), bound to the global
// console: V8's console method (which reports to the sessions) when a
// session or the server is there, then Node's. Being native, it adds no frame to the
// stack trace V8 reports.
void ConsoleCall(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  if (args.Length() < 2 || !args[0]->IsFunction() || !args[1]->IsFunction()) {
    return;
  }
  Local<Context> context = isolate->GetCurrentContext();
  // The arguments after the two methods: on the stack for the usual few
  // (every console call of the program comes through here).
  constexpr int kStackArgs = 8;
  const int argc = args.Length() - 2;
  Local<Value> stack_args[kStackArgs];
  std::vector<Local<Value>> heap_args;
  Local<Value>* call_args = stack_args;
  if (argc > kStackArgs) {
    heap_args.resize(argc);
    call_args = heap_args.data();
  }
  for (int i = 0; i < argc; i++) call_args[i] = args[i + 2];
  Environment* env = Environment::GetCurrent(args);
  Agent* agent = env == nullptr ? nullptr : Agent::Existing(env);
  // With the server running, V8 keeps the messages for the debuggers
  // that come later (replayed on Runtime.enable), as in Node.
  if (agent != nullptr &&
      (agent->HasSessions() || agent->server() != nullptr)) {
    if (args[0]
            .As<Function>()
            ->Call(context, args.This(), argc, call_args)
            .IsEmpty()) {
      return;
    }
  }
  Local<Value> result;
  if (args[1]
          .As<Function>()
          ->Call(context, args.This(), argc, call_args)
          .ToLocal(&result)) {
    args.GetReturnValue().Set(result);
  }
}

// registerAsyncHook(enable, disable) (internal/bootstrap/runtime).
void RegisterAsyncHook(const FunctionCallbackInfo<Value>& args) {
  Environment* env = Environment::GetCurrent(args);
  if (env == nullptr || !args[0]->IsFunction() || !args[1]->IsFunction()) {
    return;
  }
  Settings* settings = Settings::Get(env);
  settings->async_hook_enable.Reset(args.GetIsolate(),
                                    args[0].As<Function>());
  settings->async_hook_disable.Reset(args.GetIsolate(),
                                     args[1].As<Function>());
}

// asyncTaskScheduled(name, id, recurring), asyncTaskStarted(id),
// asyncTaskFinished(id), asyncTaskCanceled(id): the async hook's reports.
// An id becomes an even pseudo-pointer, as V8 only compares them.
void* TaskOf(Local<Value> id) {
  double n = id->IsNumber() ? id.As<v8::Number>()->Value() : 0;
  return reinterpret_cast<void*>(static_cast<uintptr_t>(n) << 1);
}

V8Inspector* InspectorOf(const FunctionCallbackInfo<Value>& args) {
  Environment* env = Environment::GetCurrent(args);
  Agent* agent = env == nullptr ? nullptr : Agent::Existing(env);
  return agent == nullptr ? nullptr : agent->inspector();
}

void AsyncTaskScheduled(const FunctionCallbackInfo<Value>& args) {
  V8Inspector* inspector = InspectorOf(args);
  if (inspector == nullptr || !args[0]->IsString()) return;
  TwoByteValue name(args.GetIsolate(), args[0]);
  inspector->asyncTaskScheduled(StringView(name.data(), name.length()),
                                TaskOf(args[1]), args[2]->IsTrue());
}

void AsyncTaskStarted(const FunctionCallbackInfo<Value>& args) {
  V8Inspector* inspector = InspectorOf(args);
  if (inspector != nullptr) inspector->asyncTaskStarted(TaskOf(args[0]));
}

void AsyncTaskFinished(const FunctionCallbackInfo<Value>& args) {
  V8Inspector* inspector = InspectorOf(args);
  if (inspector != nullptr) inspector->asyncTaskFinished(TaskOf(args[0]));
}

void AsyncTaskCanceled(const FunctionCallbackInfo<Value>& args) {
  V8Inspector* inspector = InspectorOf(args);
  if (inspector != nullptr) inspector->asyncTaskCanceled(TaskOf(args[0]));
}

void SetConsoleExtensionInstaller(const FunctionCallbackInfo<Value>& args) {
  Environment* env = Environment::GetCurrent(args);
  if (env == nullptr || !args[0]->IsFunction()) return;
  Settings::Get(env)->console_extension_installer.Reset(
      args.GetIsolate(), args[0].As<Function>());
}

void TakeCoverage(const FunctionCallbackInfo<Value>& args) {
  Environment* env = Environment::GetCurrent(args);
  if (env == nullptr) return;
  Local<String> json;
  if (TakeCoverageJSON(env).ToLocal(&json)) args.GetReturnValue().Set(json);
}

// setSourceMapCacheGetter(fn): what coverage files keep of source maps.
void SetSourceMapCacheGetter(const FunctionCallbackInfo<Value>& args) {
  Environment* env = Environment::GetCurrent(args);
  if (env == nullptr || !args[0]->IsFunction()) return;
  Agent* agent = Agent::Existing(env);
  if (agent == nullptr || agent->coverage() == nullptr) return;
  agent->coverage()->source_map_cache_getter.Reset(args.GetIsolate(),
                                                   args[0].As<Function>());
}

void WriteCoverage(const FunctionCallbackInfo<Value>& args) {
  Environment* env = Environment::GetCurrent(args);
  if (env == nullptr) return;
  args.GetReturnValue().Set(WriteCoverageFile(env));
}

void StopCoverage(const FunctionCallbackInfo<Value>& args) {
  Environment* env = Environment::GetCurrent(args);
  if (env == nullptr) return;
  Agent* agent = Agent::Existing(env);
  if (agent == nullptr || agent->coverage() == nullptr) return;
  agent->coverage()->Stop();
  agent->coverage().reset();
}

void IsCoverageRunning(const FunctionCallbackInfo<Value>& args) {
  Environment* env = Environment::GetCurrent(args);
  if (env == nullptr) return;
  Agent* agent = Agent::Existing(env);
  args.GetReturnValue().Set(agent != nullptr && agent->coverage() != nullptr);
}

}  // namespace

void StartCoverageIfRequested(Environment* env) {
  std::string directory;
  bool found = false;
  if (env->env_vars() != nullptr) {
    found = env->env_vars()->Get("NODE_V8_COVERAGE", &directory);
  } else {
    std::lock_guard<std::mutex> lock(ProcessEnvMutex());
    const char* value = getenv("NODE_V8_COVERAGE");
    if (value != nullptr) {
      found = true;
      directory = value;
    }
  }
  bool test_coverage =
      env->options()->GetBool("--experimental-test-coverage");
  if ((!found || directory.empty()) && !test_coverage) return;
  if (!directory.empty() && directory[0] != '/') {
    char cwd[4096];
    size_t size = sizeof(cwd);
    if (uv_cwd(cwd, &size) == 0) directory = std::string(cwd) + "/" + directory;
  }
  Isolate* isolate = env->isolate();
  HandleScope scope(isolate);
  Context::Scope context_scope(env->context());
  Agent* agent = Agent::Get(env);
  agent->coverage() = std::make_unique<CoverageSession>(agent);
  agent->coverage()->directory = directory;
  if (!directory.empty()) {
    env->AddAtExitHook([env]() { WriteCoverageFile(env); });
  }
}

void StartProfilesIfRequested(Environment* env) {
  const Options* options = env->options();
  bool cpu = options->GetBool("--cpu-prof");
  bool heap = options->GetBool("--heap-prof");
  if (!cpu && !heap) return;
  std::string cwd;
  char buffer[4096];
  size_t size = sizeof(buffer);
  if (uv_cwd(buffer, &size) == 0) cwd.assign(buffer, size);
  // A relative folder is taken from the working directory at start-up.
  auto folder = [&](const char* name) {
    std::string dir = options->GetString(name);
    if (dir.empty()) return cwd;
    if (dir[0] == '/') return dir;
    return cwd + "/" + dir;
  };
  auto interval = [&](const char* name) {
    auto it = options->values.find(name);
    return it == options->values.end() ? 0 : it->second.integer;
  };
  Isolate* isolate = env->isolate();
  HandleScope scope(isolate);
  Context::Scope context_scope(env->context());
  Agent* agent = Agent::Get(env);
  if (cpu) {
    std::string name = options->GetString("--cpu-prof-name");
    if (name.empty()) name = DiagnosticFileName(env, "CPU", "cpuprofile");
    // As in Node, --cpu-prof-name (only) may hold the process id.
    const std::string pid = std::to_string(uv_os_getpid());
    for (size_t at = name.find("${pid}"); at != std::string::npos;
         at = name.find("${pid}", at + pid.size())) {
      name.replace(at, 6, pid);
    }
    agent->cpu_profile() = std::make_unique<ProfileSession>(
        agent, "CPU", folder("--cpu-prof-dir"), name,
        std::vector<std::string>{
            "{\"id\":1,\"method\":\"Profiler.enable\"}",
            "{\"id\":2,\"method\":\"Profiler.setSamplingInterval\","
            "\"params\":{\"interval\":" +
                std::to_string(interval("--cpu-prof-interval")) + "}}",
            "{\"id\":3,\"method\":\"Profiler.start\"}"},
        "{\"id\":4,\"method\":\"Profiler.stop\"}");
  }
  if (heap) {
    std::string name = options->GetString("--heap-prof-name");
    if (name.empty()) name = DiagnosticFileName(env, "Heap", "heapprofile");
    agent->heap_profile() = std::make_unique<ProfileSession>(
        agent, "heap", folder("--heap-prof-dir"), name,
        std::vector<std::string>{
            "{\"id\":1,\"method\":\"HeapProfiler.enable\"}",
            "{\"id\":2,\"method\":\"HeapProfiler.startSampling\","
            "\"params\":{\"samplingInterval\":" +
                std::to_string(interval("--heap-prof-interval")) + "}}"},
        "{\"id\":3,\"method\":\"HeapProfiler.stopSampling\"}");
  }
  env->AddAtExitHook([env]() { FinishProfiles(env); });
}

namespace {

// SIGUSR1 (process._debugProcess(pid) of another process) starts the
// server in a running process, as in Node.
void OnSigusr1(uv_signal_t* handle, int) {
  auto* env = static_cast<Environment*>(handle->data);
  if (!env->can_call_into_js()) return;
  Isolate* isolate = env->isolate();
  HandleScope scope(isolate);
  Context::Scope context_scope(env->context());
  Settings* settings = Settings::Get(env);
  Agent::Get(env)->StartServer(settings->host, settings->port);
}

}  // namespace

void InspectorContextCreated(Environment* env, Local<Context> context,
                             const std::string& name,
                             const std::string& origin) {
  Agent* agent = Agent::Existing(env);
  if (agent == nullptr) return;
  std::u16string name16;
  std::u16string origin16;
  v8_inspector::V8ContextInfo info(context, kContextGroupId,
                                   Utf8View(name, &name16));
  info.origin = Utf8View(origin, &origin16);
  static const char kAux[] = "{\"isDefault\":false}";
  info.auxData = StringView(reinterpret_cast<const uint8_t*>(kAux),
                            sizeof(kAux) - 1);
  // V8 reports its end (Runtime.executionContextDestroyed) once collected.
  agent->inspector()->contextCreated(info);
}

void InspectorWorkerStarted(uint64_t thread_id, const std::string& name,
                            const std::string& url) {
  std::lock_guard<std::mutex> lock(g_hub_mutex);
  g_workers.push_back(
      {thread_id, ++g_next_worker_target,
       "[worker " + std::to_string(thread_id) + "] " +
           (name.empty() ? std::string("WorkerThread") : name),
       url});
}

void InspectorWorkerStopped(uint64_t thread_id) {
  std::lock_guard<std::mutex> lock(g_hub_mutex);
  for (auto it = g_workers.begin(); it != g_workers.end(); ++it) {
    if (it->thread_id == thread_id) {
      g_workers.erase(it);
      return;
    }
  }
}

void StartInspectorIfRequested(Environment* env) {
  const Options* options = env->options();
  if (env->is_main_thread()) SetUpMainThreadQueue(env);
  // V8's inspector from the start (as in Node), so that every script of
  // the user is in its context: a session connected later finds them, and
  // their breakpoints by URL are hit. About 35,000 instructions at start.
  {
    HandleScope scope(env->isolate());
    Agent::Get(env);
  }
  if (!env->is_main_thread()) {
    // A worker started with --inspect-brk or --inspect-wait waits for a
    // debugger, which would come through the main thread's NodeWorker
    // domain (which lode lacks): it waits until terminated, as a Node
    // worker nobody attaches to does.
    if (options->GetBool("--inspect-brk") ||
        options->GetBool("--inspect-wait")) {
      while (!env->is_stopping()) uv_sleep(50);
    }
    return;
  }
  if (!options->GetBool("--disable-sigusr1")) {
    auto* signal = new uv_signal_t;
    uv_signal_init(env->loop(), signal);
    signal->data = env;
    uv_signal_start(signal, OnSigusr1, SIGUSR1);
    uv_unref(reinterpret_cast<uv_handle_t*>(signal));
    env->AddCleanupHook([signal]() {
      uv_close(reinterpret_cast<uv_handle_t*>(signal), [](uv_handle_t* h) {
        delete reinterpret_cast<uv_signal_t*>(h);
      });
    });
  }
  bool brk = options->GetBool("--inspect-brk");
  bool wait = options->GetBool("--inspect-wait");
  if (!options->GetBool("--inspect") && !brk && !wait) return;
  // Under --permission without --allow-inspector there is no server; a
  // --inspect-brk pause is refused when the entry runs.
  if (!permission::IsGranted(permission::Scope::kInspector)) return;
  Isolate* isolate = env->isolate();
  HandleScope scope(isolate);
  Context::Scope context_scope(env->context());
  Settings* settings = Settings::Get(env);
  Agent* agent = Agent::Get(env);
  if (agent->StartServer(settings->host, settings->port) && (brk || wait)) {
    agent->WaitForFrontend();
  }
}

bool InspectorBreakOnStart(Environment* env) {
  Agent* agent = Agent::Existing(env);
  return agent != nullptr && agent->server() != nullptr &&
         env->options()->GetBool("--inspect-brk");
}

void InspectorPauseOnNextStatement(Environment* env) {
  Agent* agent = Agent::Existing(env);
  if (agent != nullptr && agent->server() != nullptr) {
    agent->PauseOnNextStatement("Break on start");
  }
}

int GetDebugPort(Environment* env) { return Settings::Get(env)->port; }

void SetDebugPort(Environment* env, int port) {
  Settings::Get(env)->port = port;
}

void Initialize(Local<Object> target, Local<Value>, Local<Context> context,
                void*) {
  Isolate* isolate = context->GetIsolate();
  Local<FunctionTemplate> connection =
      NewFunctionTemplate(isolate, ConnectionNew);
  connection->InstanceTemplate()->SetInternalFieldCount(kWrapFieldCount);
  SetProtoMethod(isolate, connection, "dispatch", ConnectionDispatch);
  SetProtoMethod(isolate, connection, "disconnect", ConnectionDisconnect);
  SetConstructorFunction(context, target, "Connection", connection);
  Local<FunctionTemplate> main_connection =
      NewFunctionTemplate(isolate, MainThreadConnectionNew);
  main_connection->InstanceTemplate()->SetInternalFieldCount(
      kWrapFieldCount);
  SetProtoMethod(isolate, main_connection, "dispatch",
                 MainThreadConnectionDispatch);
  SetProtoMethod(isolate, main_connection, "disconnect",
                 MainThreadConnectionDisconnect);
  SetConstructorFunction(context, target, "MainThreadConnection",
                         main_connection);
  SetMethod(context, target, "takeCoverage", TakeCoverage);
  SetMethod(context, target, "writeCoverage", WriteCoverage);
  SetMethod(context, target, "setSourceMapCacheGetter",
            SetSourceMapCacheGetter);
  SetMethod(context, target, "stopCoverage", StopCoverage);
  SetMethod(context, target, "isCoverageRunning", IsCoverageRunning);
  SetMethod(context, target, "open", Open);
  SetMethod(context, target, "close", Close);
  SetMethod(context, target, "url", Url);
  SetMethod(context, target, "isEnabled", IsEnabled);
  SetMethod(context, target, "waitForDebugger", WaitForDebugger);
  SetMethod(context, target, "callAndPauseOnStart", CallAndPauseOnStart);
  SetMethod(context, target, "consoleCall", ConsoleCall);
  SetMethod(context, target, "setConsoleExtensionInstaller",
            SetConsoleExtensionInstaller);
  SetMethod(context, target, "registerAsyncHook", RegisterAsyncHook);
  SetMethod(context, target, "asyncTaskScheduled", AsyncTaskScheduled);
  SetMethod(context, target, "asyncTaskStarted", AsyncTaskStarted);
  SetMethod(context, target, "asyncTaskFinished", AsyncTaskFinished);
  SetMethod(context, target, "asyncTaskCanceled", AsyncTaskCanceled);
}

void RegisterExternalReferences(ExternalReferenceRegistry* registry) {
  registry->Register(ConnectionNew);
  registry->Register(ConnectionDispatch);
  registry->Register(ConnectionDisconnect);
  registry->Register(MainThreadConnectionNew);
  registry->Register(MainThreadConnectionDispatch);
  registry->Register(MainThreadConnectionDisconnect);
  registry->Register(TakeCoverage);
  registry->Register(WriteCoverage);
  registry->Register(SetSourceMapCacheGetter);
  registry->Register(StopCoverage);
  registry->Register(IsCoverageRunning);
  registry->Register(Open);
  registry->Register(Close);
  registry->Register(Url);
  registry->Register(IsEnabled);
  registry->Register(WaitForDebugger);
  registry->Register(CallAndPauseOnStart);
  registry->Register(ConsoleCall);
  registry->Register(SetConsoleExtensionInstaller);
  registry->Register(RegisterAsyncHook);
  registry->Register(AsyncTaskScheduled);
  registry->Register(AsyncTaskStarted);
  registry->Register(AsyncTaskFinished);
  registry->Register(AsyncTaskCanceled);
}

}  // namespace lode::inspector

LODE_BINDING_CONTEXT_AWARE_INTERNAL(inspector, lode::inspector::Initialize)
LODE_BINDING_EXTERNAL_REFERENCE(inspector,
                                lode::inspector::RegisterExternalReferences)
