// internalBinding('inspector'): V8's inspector for the isolate of this
// environment (main thread or worker), used in process only: lode has no
// websocket server, so no debugger front end can attach.
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
// The inspector itself is created on first use: a start without either
// pays nothing.
#include <uv.h>

#include <sys/stat.h>

#include <atomic>
#include <cerrno>
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
#include "lode_binding.h"
#include "lode_errors.h"
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

class Connection;
class CoverageSession;
class ProfileSession;

// One environment's inspector, its client and its sessions.
class Agent : public BindingData, public v8_inspector::V8InspectorClient {
 public:
  static constexpr const char* kKey = "inspector";

  explicit Agent(Environment* env) : env_(env) {
    Isolate* isolate = env->isolate();
    HandleScope scope(isolate);
    inspector_ = V8Inspector::create(isolate, this);
    // Named as Node names it: the executable and the process id.
    char exe[4096];
    size_t size = sizeof(exe);
    if (uv_exepath(exe, &size) != 0) size = 0;
    std::string name = std::string(exe, size) + "[" +
                       std::to_string(uv_os_getpid()) + "]";
    v8_inspector::V8ContextInfo info(
        env->context(), kContextGroupId,
        StringView(reinterpret_cast<const uint8_t*>(name.data()),
                   name.size()));
    static const char kAux[] = "{\"isDefault\":true}";
    info.auxData = StringView(reinterpret_cast<const uint8_t*>(kAux),
                              sizeof(kAux) - 1);
    inspector_->contextCreated(info);
  }
  ~Agent() override;

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
  // A pause (a `debugger` statement with the debugger on, Debugger.pause)
  // has no front end to wait for: execution goes on once the session saw
  // Debugger.paused, as with Node's in-thread sessions.
  void runMessageLoopOnPause(int) override {}

 private:
  Environment* env_;
  std::unique_ptr<V8Inspector> inspector_;
  std::set<Connection*> connections_;
  std::unique_ptr<CoverageSession> coverage_;
  std::unique_ptr<ProfileSession> cpu_profile_;
  std::unique_ptr<ProfileSession> heap_profile_;
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
  coverage_.reset();
  cpu_profile_.reset();
  heap_profile_.reset();
  std::set<Connection*> connections = std::move(connections_);
  for (Connection* connection : connections) delete connection;
  inspector_.reset();
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

// mkdir -p of `dir`: 0, or the libuv error of the first folder that could
// not be made.
int MakeDirectories(const std::string& dir) {
  for (size_t end = dir.find('/', 1);; end = dir.find('/', end + 1)) {
    std::string prefix = dir.substr(0, end);
    uv_fs_t req;
    int err = uv_fs_mkdir(nullptr, &req, prefix.c_str(), 0777, nullptr);
    uv_fs_req_cleanup(&req);
    if (err == UV_EEXIST) {
      uv_fs_t stat_req;
      err = uv_fs_stat(nullptr, &stat_req, prefix.c_str(), nullptr);
      if (err == 0 && !S_ISDIR(stat_req.statbuf.st_mode)) err = UV_ENOTDIR;
      uv_fs_req_cleanup(&stat_req);
    }
    if (err != 0) return err;
    if (end == std::string::npos) return 0;
  }
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

// The UTF-8 form of a protocol message kept as UTF-16.
std::string ToUtf8(const std::u16string& text) {
  std::string out;
  out.reserve(text.size());
  for (size_t i = 0; i < text.size(); i++) {
    uint32_t c = text[i];
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.size() &&
        text[i + 1] >= 0xdc00 && text[i + 1] <= 0xdfff) {
      c = 0x10000 + ((c - 0xd800) << 10) + (text[i + 1] - 0xdc00);
      i++;
    } else if (c >= 0xd800 && c <= 0xdfff) {
      c = 0xfffd;
    }
    if (c < 0x80) {
      out.push_back(static_cast<char>(c));
    } else if (c < 0x800) {
      out.push_back(static_cast<char>(0xc0 | (c >> 6)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3f)));
    } else if (c < 0x10000) {
      out.push_back(static_cast<char>(0xe0 | (c >> 12)));
      out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3f)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3f)));
    } else {
      out.push_back(static_cast<char>(0xf0 | (c >> 18)));
      out.push_back(static_cast<char>(0x80 | ((c >> 12) & 0x3f)));
      out.push_back(static_cast<char>(0x80 | ((c >> 6) & 0x3f)));
      out.push_back(static_cast<char>(0x80 | (c & 0x3f)));
    }
  }
  return out;
}

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
    std::string text = ToUtf8(response_);
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
    response_ = ToU16(message->string());
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
  std::u16string response_;
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

// ---- JS functions ---------------------------------------------------------

void ConnectionNew(const FunctionCallbackInfo<Value>& args) {
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

void Initialize(Local<Object> target, Local<Value>, Local<Context> context,
                void*) {
  Isolate* isolate = context->GetIsolate();
  Local<FunctionTemplate> connection =
      NewFunctionTemplate(isolate, ConnectionNew);
  connection->InstanceTemplate()->SetInternalFieldCount(kWrapFieldCount);
  SetProtoMethod(isolate, connection, "dispatch", ConnectionDispatch);
  SetProtoMethod(isolate, connection, "disconnect", ConnectionDisconnect);
  SetConstructorFunction(context, target, "Connection", connection);
  SetMethod(context, target, "takeCoverage", TakeCoverage);
  SetMethod(context, target, "writeCoverage", WriteCoverage);
  SetMethod(context, target, "setSourceMapCacheGetter",
            SetSourceMapCacheGetter);
  SetMethod(context, target, "stopCoverage", StopCoverage);
  SetMethod(context, target, "isCoverageRunning", IsCoverageRunning);
}

void RegisterExternalReferences(ExternalReferenceRegistry* registry) {
  registry->Register(ConnectionNew);
  registry->Register(ConnectionDispatch);
  registry->Register(ConnectionDisconnect);
  registry->Register(TakeCoverage);
  registry->Register(WriteCoverage);
  registry->Register(SetSourceMapCacheGetter);
  registry->Register(StopCoverage);
  registry->Register(IsCoverageRunning);
}

}  // namespace lode::inspector

LODE_BINDING_CONTEXT_AWARE_INTERNAL(inspector, lode::inspector::Initialize)
LODE_BINDING_EXTERNAL_REFERENCE(inspector,
                                lode::inspector::RegisterExternalReferences)
