// See lode_tracing.h.
#include "lode_tracing.h"

#include <fcntl.h>
#include <sys/syscall.h>
#include <time.h>
#include <unistd.h>
#include <uv.h>

#include <algorithm>
#include <cinttypes>
#include <cmath>
#include <condition_variable>
#include <cstdio>
#include <cstring>
#include <deque>
#include <memory>
#include <mutex>
#include <map>
#include <set>
#include <thread>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "json_text.h"
#include "lode_platform.h"
#include "lode_version.h"

namespace lode::tracing {

namespace {

// V8's flag bit for "record this group" (kEnabledForRecording).
constexpr uint8_t kEnabledForRecording = 1;
// Category groups lode can tell apart; one more than that all share a
// flag that stays 0.
constexpr size_t kMaxGroups = 1000;
constexpr size_t kExhaustedIndex = 0;
constexpr size_t kMetadataIndex = 1;
// Who records: the file (the command line and the trace_events module), and
// the inspector's NodeTracing sessions (clients 1 to 31).
constexpr int kFileClient = 0;
constexpr int kMaxClients = 32;
// Events a file holds before the next rotation starts another.
constexpr size_t kEventsPerFile = 1 << 19;
// Events the writer thread lets pile up before it writes them (it also
// writes what it has once a second).
constexpr size_t kWriteBatch = 4096;

// V8's argument types (trace_event_common.h).
constexpr uint8_t kTypeBool = 1;
constexpr uint8_t kTypeUint = 2;
constexpr uint8_t kTypeInt = 3;
constexpr uint8_t kTypeDouble = 4;
constexpr uint8_t kTypePointer = 5;
constexpr uint8_t kTypeString = 6;
constexpr uint8_t kTypeCopyString = 7;
constexpr uint8_t kTypeConvertable = 8;
// V8's event flags.
constexpr unsigned kFlagHasId = 1 << 1;
constexpr unsigned kFlagBindToEnclosing = 1 << 5;
constexpr unsigned kFlagFlowIn = 1 << 6;
constexpr unsigned kFlagFlowOut = 1 << 7;
constexpr unsigned kFlagHasLocalId = 1 << 10;
constexpr unsigned kFlagHasGlobalId = 1 << 11;

std::string DoubleJson(double value) {
  if (std::isnan(value)) return "\"NaN\"";
  if (std::isinf(value)) return value < 0 ? "\"-Infinity\"" : "\"Infinity\"";
  char buf[40];
  snprintf(buf, sizeof(buf), "%.17g", value);
  std::string out = buf;
  if (out.find_first_of(".eE") == std::string::npos) out += ".0";
  return out;
}

int CurrentTid() {
  thread_local int tid = static_cast<int>(syscall(SYS_gettid));
  return tid;
}

int64_t ThreadCpuMicros() {
  timespec ts;
  if (clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts) != 0) return 0;
  return static_cast<int64_t>(ts.tv_sec) * 1000000 + ts.tv_nsec / 1000;
}

std::vector<std::string> SplitCommas(const std::string& list) {
  std::vector<std::string> out;
  size_t start = 0;
  while (start <= list.size()) {
    size_t comma = list.find(',', start);
    if (comma == std::string::npos) comma = list.size();
    std::string item = list.substr(start, comma - start);
    size_t b = item.find_first_not_of(" \t");
    size_t e = item.find_last_not_of(" \t");
    if (b != std::string::npos) out.push_back(item.substr(b, e - b + 1));
    start = comma + 1;
  }
  return out;
}

// The category groups and their flags, and the enabled categories.
class Registry {
 public:
  Registry() {
    memset(flags_, 0, sizeof(flags_));
    memset(masks_, 0, sizeof(masks_));
    names_[kExhaustedIndex] = "__exhausted";
    names_[kMetadataIndex] = "__metadata";
    count_ = 2;
  }

  const uint8_t* Lookup(const char* group) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = index_.find(group);
    if (it != index_.end()) return &flags_[it->second];
    if (count_ >= kMaxGroups) return &flags_[kExhaustedIndex];
    size_t i = count_++;
    names_[i] = group;
    index_.emplace(names_[i], i);
    SetGroup(i);
    return &flags_[i];
  }

  size_t IndexOf(const uint8_t* flag) const {
    size_t i = static_cast<size_t>(flag - flags_);
    return i < kMaxGroups ? i : kExhaustedIndex;
  }
  const std::string& NameAt(size_t i) const { return names_[i]; }

  // The clients (a bit each) that record the events of the group at
  // `index`.
  uint32_t ClientsOf(size_t index) const {
    return __atomic_load_n(&masks_[index], __ATOMIC_RELAXED);
  }

  void Enable(int client, const std::vector<std::string>& categories) {
    std::lock_guard<std::mutex> lock(mutex_);
    for (const std::string& c : categories) clients_[client].insert(c);
    UpdateFlags();
  }
  void Disable(int client, const std::vector<std::string>& categories) {
    std::lock_guard<std::mutex> lock(mutex_);
    std::multiset<std::string>& enabled = clients_[client];
    for (const std::string& c : categories) {
      auto it = enabled.find(c);
      if (it != enabled.end()) enabled.erase(it);
    }
    UpdateFlags();
  }
  void DisableAll(int client) {
    std::lock_guard<std::mutex> lock(mutex_);
    clients_.erase(client);
    UpdateFlags();
  }
  std::string Enabled() {
    std::lock_guard<std::mutex> lock(mutex_);
    const std::multiset<std::string>& enabled = clients_[kFileClient];
    std::set<std::string> unique(enabled.begin(), enabled.end());
    std::string out;
    for (const std::string& c : unique) {
      if (!out.empty()) out += ',';
      out += c;
    }
    return out;
  }

 private:
  uint32_t GroupMask(const std::string& group) const {
    uint32_t mask = 0;
    std::vector<std::string> parts = SplitCommas(group);
    for (const auto& [client, enabled] : clients_) {
      for (const std::string& c : parts) {
        if (enabled.count(c) != 0) {
          mask |= 1u << client;
          break;
        }
      }
    }
    return mask;
  }
  void SetGroup(size_t i) {
    uint32_t mask = GroupMask(names_[i]);
    __atomic_store_n(&masks_[i], mask, __ATOMIC_RELAXED);
    __atomic_store_n(&flags_[i], mask != 0 ? kEnabledForRecording : 0,
                     __ATOMIC_RELAXED);
  }
  void UpdateFlags() {
    for (size_t i = kMetadataIndex + 1; i < count_; i++) SetGroup(i);
  }

  std::mutex mutex_;
  uint8_t flags_[kMaxGroups];
  uint32_t masks_[kMaxGroups];
  std::string names_[kMaxGroups];
  size_t count_;
  std::unordered_map<std::string, size_t> index_;
  // The categories each client enabled (a category enabled twice stays
  // until disabled twice).
  std::map<int, std::multiset<std::string>> clients_;
};

Registry* GetRegistry() {
  // Never destroyed: V8's threads may look a group up while the process
  // exits.
  static Registry* registry = new Registry();
  return registry;
}

struct Event {
  char phase;
  size_t category;
  std::string name;
  std::string scope;
  unsigned flags = 0;
  uint64_t id = 0;
  uint64_t bind_id = 0;
  int tid;
  int64_t ts;
  int64_t tts;
  int64_t dur = 0;
  int64_t tdur = 0;
  bool open = false;  // an 'X' event whose duration is not known yet
  uint32_t clients = 0;  // who records it (Registry::ClientsOf)
  std::string args;   // the members of "args", rendered
};

class Agent {
 public:
  bool recording() {
    std::lock_guard<std::mutex> lock(mutex_);
    return started_ && !stopping_;
  }

  void EnsureStarted() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (started_) return;
      started_ = true;
      thread_ = std::thread([this]() { WriterMain(); });
    }
    char title[512];
    if (uv_get_process_title(title, sizeof(title)) == 0) {
      SetProcessName(title);
    }
    std::string version = LODE_NODE_VERSION_STRING;
    if (!version.empty() && version[0] == 'v') version.erase(0, 1);
    std::string args = "\"node\":";
    AppendJsonString(&args, version);
    AddMetadata("version", args);
    SetThreadName("JavaScriptMainThread");
    // Names for the platform's worker threads: each task names the thread
    // it runs on.
    if (LodePlatform* platform = GetLodePlatform()) {
      int n = platform->NumberOfWorkerThreads();
      for (int i = 0; i < n; i++) {
        platform->CallOnWorkerThread(std::make_unique<NameThreadTask>());
      }
    }
    NotifyObservers(true);
  }

  void set_file_pattern(const std::string& pattern) {
    std::lock_guard<std::mutex> lock(mutex_);
    pattern_ = pattern;
  }

  uint64_t Add(Event event) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (event.clients & ~1u) {
      // The inspector's sessions get it rendered (a complete event with
      // its duration still unknown).
      std::string json;
      Render(event, &json);
      for (auto& [id, events] : memory_clients_) {
        if (event.clients & (1u << id)) events.push_back(json);
      }
    }
    if (!(event.clients & 1u) || !started_ || stopping_) return 0;
    pending_.push_back(std::move(event));
    uint64_t handle = base_ + pending_.size();
    if (pending_.size() >= kWriteBatch) wake_.notify_one();
    return handle;
  }

  void UpdateDuration(uint64_t handle, int64_t now, int64_t cpu_now) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (handle == 0 || handle - 1 < base_) return;
    uint64_t i = handle - 1 - base_;
    if (i >= pending_.size()) return;
    Event& e = pending_[i];
    e.dur = now - e.ts;
    e.tdur = cpu_now - e.tts;
    e.open = false;
  }

  void AddMetadataEvent(Event event) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (!started_ || stopping_) return;
    // A file already open gets it now; every later file starts with it.
    if (fd_ >= 0) pending_.push_back(event);
    metadata_.push_back(std::move(event));
  }

  bool NameThreadOnce(int tid, const std::string& name) {
    std::lock_guard<std::mutex> lock(mutex_);
    return named_threads_.insert(std::to_string(tid) + ":" + name).second;
  }

  void Stop() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      if (!started_ || stopping_) return;
      stopping_ = true;
    }
    NotifyObservers(false);
    wake_.notify_one();
    if (thread_.joinable() &&
        thread_.get_id() != std::this_thread::get_id()) {
      thread_.join();
    }
  }

  void AddObserver(v8::TracingController::TraceStateObserver* observer) {
    bool now;
    {
      std::lock_guard<std::mutex> lock(observers_mutex_);
      observers_.insert(observer);
      now = notified_enabled_;
    }
    if (now) observer->OnTraceEnabled();
  }
  void RemoveObserver(v8::TracingController::TraceStateObserver* observer) {
    std::lock_guard<std::mutex> lock(observers_mutex_);
    observers_.erase(observer);
  }

  int pid() const { return pid_; }

  int StartMemoryClient() {
    std::lock_guard<std::mutex> lock(mutex_);
    for (int id = 1; id < kMaxClients; id++) {
      if (memory_clients_.count(id) == 0) {
        memory_clients_[id];
        return id;
      }
    }
    return -1;
  }
  std::vector<std::string> StopMemoryClient(int id) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = memory_clients_.find(id);
    if (it == memory_clients_.end()) return {};
    std::vector<std::string> events = std::move(it->second);
    memory_clients_.erase(it);
    return events;
  }

 private:
  class NameThreadTask final : public v8::Task {
   public:
    void Run() override { SetThreadName("PlatformWorkerThread"); }
  };

  void NotifyObservers(bool enabled) {
    std::vector<v8::TracingController::TraceStateObserver*> copy;
    {
      std::lock_guard<std::mutex> lock(observers_mutex_);
      notified_enabled_ = enabled;
      copy.assign(observers_.begin(), observers_.end());
    }
    for (auto* observer : copy) {
      if (enabled) {
        observer->OnTraceEnabled();
      } else {
        observer->OnTraceDisabled();
      }
    }
  }

  std::string FileName() const {
    std::string name = pattern_;
    const std::pair<std::string, std::string> tokens[] = {
        {"${pid}", std::to_string(pid_)},
        {"${rotation}", std::to_string(rotation_)}};
    for (const auto& [token, value] : tokens) {
      size_t at = 0;
      while ((at = name.find(token, at)) != std::string::npos) {
        name.replace(at, token.size(), value);
        at += value.size();
      }
    }
    return name;
  }

  void Render(const Event& e, std::string* out) const {
    Registry* registry = GetRegistry();
    char buf[160];
    snprintf(buf, sizeof(buf),
             "{\"pid\":%d,\"tid\":%d,\"ts\":%" PRId64 ",\"tts\":%" PRId64
             ",\"ph\":\"",
             pid_, e.tid, e.ts, e.tts);
    out->append(buf);
    out->push_back(e.phase);
    out->append("\",\"cat\":");
    AppendJsonString(out, registry->NameAt(e.category));
    out->append(",\"name\":");
    AppendJsonString(out, e.name);
    snprintf(buf, sizeof(buf), ",\"dur\":%" PRId64 ",\"tdur\":%" PRId64,
             e.dur, e.tdur);
    out->append(buf);
    if (e.flags & (kFlagHasId | kFlagHasLocalId | kFlagHasGlobalId)) {
      snprintf(buf, sizeof(buf), ",\"id\":\"0x%" PRIx64 "\"", e.id);
      out->append(buf);
    }
    if (!e.scope.empty()) {
      out->append(",\"scope\":");
      AppendJsonString(out, e.scope);
    }
    if (e.flags & kFlagBindToEnclosing) out->append(",\"bp\":\"e\"");
    if (e.bind_id != 0) {
      snprintf(buf, sizeof(buf), ",\"bind_id\":\"0x%" PRIx64 "\"",
               e.bind_id);
      out->append(buf);
    }
    if (e.flags & kFlagFlowIn) out->append(",\"flow_in\":true");
    if (e.flags & kFlagFlowOut) out->append(",\"flow_out\":true");
    out->append(",\"args\":{");
    out->append(e.args);
    out->append("}}");
  }

  void WriteAll(const std::string& data) {
    size_t done = 0;
    while (done < data.size()) {
      ssize_t n = write(fd_, data.data() + done, data.size() - done);
      if (n < 0) {
        if (errno == EINTR) continue;
        return;
      }
      done += static_cast<size_t>(n);
    }
  }

  // On the writer thread, with the lock held: opens the next file, if
  // none is open, and returns the metadata events it must start with.
  bool OpenIfNeeded(std::vector<Event>* metadata) {
    if (fd_ >= 0 && events_in_file_ < kEventsPerFile) return false;
    if (fd_ >= 0) {
      WriteAll("]}");
      close(fd_);
      fd_ = -1;
    }
    rotation_++;
    std::string name = FileName();
    fd_ = open(name.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd_ < 0) {
      fprintf(stderr, "lode: could not open trace file %s: %s\n",
              name.c_str(), strerror(errno));
      return false;
    }
    events_in_file_ = 0;
    WriteAll("{\"traceEvents\":[");
    *metadata = metadata_;
    return true;
  }

  void WriteEvents(const std::vector<Event>& events) {
    std::string out;
    for (const Event& e : events) {
      if (events_in_file_ > 0) out.push_back(',');
      Render(e, &out);
      events_in_file_++;
    }
    if (fd_ >= 0) WriteAll(out);
  }

  void WriterMain() {
    std::unique_lock<std::mutex> lock(mutex_);
    for (;;) {
      wake_.wait_for(lock, std::chrono::seconds(1), [this]() {
        return stopping_ || pending_.size() >= kWriteBatch;
      });
      bool stopping = stopping_;
      // What can go: everything at the end; otherwise up to the first 'X'
      // event still open (its duration is not known yet).
      size_t n = pending_.size();
      if (!stopping) {
        for (size_t i = 0; i < n; i++) {
          if (pending_[i].open) {
            n = i;
            break;
          }
        }
      }
      std::vector<Event> batch;
      batch.reserve(n);
      for (size_t i = 0; i < n; i++) {
        batch.push_back(std::move(pending_.front()));
        pending_.pop_front();
      }
      base_ += n;
      if (!batch.empty() || stopping) {
        size_t start = 0;
        while (start < batch.size() || (stopping && fd_ < 0)) {
          std::vector<Event> metadata;
          bool opened = OpenIfNeeded(&metadata);
          if (fd_ < 0) break;
          if (opened) {
            lock.unlock();
            WriteEvents(metadata);
            lock.lock();
          }
          size_t room = kEventsPerFile > events_in_file_
                            ? kEventsPerFile - events_in_file_
                            : 1;
          size_t end = std::min(batch.size(), start + room);
          std::vector<Event> part(
              std::make_move_iterator(batch.begin() + start),
              std::make_move_iterator(batch.begin() + end));
          lock.unlock();
          WriteEvents(part);
          lock.lock();
          start = end;
          if (start >= batch.size()) break;
        }
      }
      if (stopping && pending_.empty()) break;
    }
    if (fd_ >= 0) {
      WriteAll("]}");
      close(fd_);
      fd_ = -1;
    }
  }

  std::mutex mutex_;
  std::condition_variable wake_;
  bool started_ = false;
  bool stopping_ = false;
  int pid_ = static_cast<int>(uv_os_getpid());
  std::thread thread_;
  std::string pattern_ = "node_trace.${rotation}.log";
  std::deque<Event> pending_;
  uint64_t base_ = 0;  // the sequence number of pending_.front()
  std::vector<Event> metadata_;
  std::unordered_set<std::string> named_threads_;
  std::map<int, std::vector<std::string>> memory_clients_;
  int fd_ = -1;
  int rotation_ = 0;
  size_t events_in_file_ = 0;

  std::mutex observers_mutex_;
  std::set<v8::TracingController::TraceStateObserver*> observers_;
  bool notified_enabled_ = false;
};

Agent* GetAgent() {
  static Agent* agent = new Agent();
  return agent;
}

std::string RenderV8Arg(uint8_t type, uint64_t value,
                        v8::ConvertableToTraceFormat* convertable) {
  union {
    uint64_t u;
    int64_t i;
    double d;
    const char* s;
    const void* p;
    bool b;
  } v;
  v.u = value;
  switch (type) {
    case kTypeBool: return v.u != 0 ? "true" : "false";
    case kTypeUint: return std::to_string(v.u);
    case kTypeInt: return std::to_string(v.i);
    case kTypeDouble: return DoubleJson(v.d);
    case kTypePointer: {
      char buf[32];
      snprintf(buf, sizeof(buf), "\"0x%" PRIx64 "\"", v.u);
      return buf;
    }
    case kTypeString:
    case kTypeCopyString: {
      std::string out;
      if (v.s == nullptr) return "\"\"";
      AppendJsonString(&out, v.s);
      return out;
    }
    case kTypeConvertable: {
      std::string out;
      if (convertable != nullptr) convertable->AppendAsTraceFormat(&out);
      return out.empty() ? "null" : out;
    }
    default: return "null";
  }
}

class Controller final : public v8::TracingController {
 public:
  const uint8_t* GetCategoryGroupEnabled(const char* name) override {
    return GetRegistry()->Lookup(name);
  }

  uint64_t AddTraceEvent(
      char phase, const uint8_t* flag, const char* name, const char* scope,
      uint64_t id, uint64_t bind_id, int32_t num_args,
      const char** arg_names, const uint8_t* arg_types,
      const uint64_t* arg_values,
      std::unique_ptr<v8::ConvertableToTraceFormat>* arg_convertables,
      unsigned int flags) override {
    return AddTraceEventWithTimestamp(phase, flag, name, scope, id, bind_id,
                                      num_args, arg_names, arg_types,
                                      arg_values, arg_convertables, flags,
                                      NowMicros());
  }

  uint64_t AddTraceEventWithTimestamp(
      char phase, const uint8_t* flag, const char* name, const char* scope,
      uint64_t id, uint64_t bind_id, int32_t num_args,
      const char** arg_names, const uint8_t* arg_types,
      const uint64_t* arg_values,
      std::unique_ptr<v8::ConvertableToTraceFormat>* arg_convertables,
      unsigned int flags, int64_t timestamp) override {
    if (!IsEnabled(flag)) return 0;
    Event e;
    e.phase = phase;
    e.category = GetRegistry()->IndexOf(flag);
    e.name = name != nullptr ? name : "";
    if (scope != nullptr) e.scope = scope;
    e.flags = flags;
    e.id = id;
    e.bind_id = bind_id;
    e.tid = CurrentTid();
    e.ts = timestamp;
    e.tts = ThreadCpuMicros();
    e.open = phase == 'X';
    e.clients = GetRegistry()->ClientsOf(e.category);
    for (int32_t i = 0; i < num_args && i < 2; i++) {
      if (i > 0) e.args.push_back(',');
      AppendJsonString(&e.args, arg_names[i]);
      e.args.push_back(':');
      e.args.append(RenderV8Arg(
          arg_types[i], arg_values[i],
          arg_convertables != nullptr ? arg_convertables[i].get() : nullptr));
    }
    return GetAgent()->Add(std::move(e));
  }

  void UpdateTraceEventDuration(const uint8_t* flag, const char* name,
                                uint64_t handle) override {
    UpdateDuration(handle);
  }

  void AddTraceStateObserver(TraceStateObserver* observer) override {
    GetAgent()->AddObserver(observer);
  }
  void RemoveTraceStateObserver(TraceStateObserver* observer) override {
    GetAgent()->RemoveObserver(observer);
  }
};

}  // namespace

v8::TracingController* GetTracingController() {
  static Controller* controller = new Controller();
  return controller;
}

const uint8_t* GetCategoryGroupEnabled(const char* group) {
  return GetRegistry()->Lookup(group);
}

void StartFromCommandLine(const std::string& categories,
                          const std::string& file_pattern) {
  if (!file_pattern.empty()) GetAgent()->set_file_pattern(file_pattern);
  std::vector<std::string> list = SplitCommas(categories);
  if (list.empty()) return;
  EnableCategories(list);
}

void EnableCategories(const std::vector<std::string>& categories) {
  if (categories.empty()) return;
  GetAgent()->EnsureStarted();
  GetRegistry()->Enable(kFileClient, categories);
}

void DisableCategories(const std::vector<std::string>& categories) {
  GetRegistry()->Disable(kFileClient, categories);
}

std::string GetEnabledCategories() { return GetRegistry()->Enabled(); }

void StopAndFlush() { GetAgent()->Stop(); }

int StartInspectorClient(const std::vector<std::string>& categories) {
  int id = GetAgent()->StartMemoryClient();
  if (id < 0) return -1;
  GetRegistry()->Enable(id, categories);
  return id;
}

std::vector<std::string> StopInspectorClient(int id) {
  if (id <= kFileClient || id >= kMaxClients) return {};
  GetRegistry()->DisableAll(id);
  return GetAgent()->StopMemoryClient(id);
}

bool IsRecording() { return GetAgent()->recording(); }

int64_t NowMicros() { return static_cast<int64_t>(uv_hrtime() / 1000); }

Arg IntArg(const char* name, int64_t value) {
  return Arg{name, std::to_string(value)};
}

Arg StringArg(const char* name, const std::string& value) {
  Arg arg{name, ""};
  AppendJsonString(&arg.json, value);
  return arg;
}

Arg JsonArg(const char* name, std::string json) {
  return Arg{name, std::move(json)};
}

uint64_t AddEvent(char phase, const uint8_t* flag, const std::string& name,
                  bool has_id, uint64_t id, std::vector<Arg> args,
                  int64_t timestamp_us) {
  if (!IsEnabled(flag)) return 0;
  Event e;
  e.phase = phase;
  e.category = GetRegistry()->IndexOf(flag);
  e.name = name;
  e.flags = has_id ? kFlagHasId : 0;
  e.id = id;
  e.tid = CurrentTid();
  e.ts = timestamp_us >= 0 ? timestamp_us : NowMicros();
  e.tts = ThreadCpuMicros();
  e.open = phase == 'X';
  e.clients = GetRegistry()->ClientsOf(e.category);
  for (size_t i = 0; i < args.size(); i++) {
    if (i > 0) e.args.push_back(',');
    AppendJsonString(&e.args, args[i].name);
    e.args.push_back(':');
    e.args.append(args[i].json);
  }
  return GetAgent()->Add(std::move(e));
}

void UpdateDuration(uint64_t handle) {
  if (handle == 0) return;
  GetAgent()->UpdateDuration(handle, NowMicros(), ThreadCpuMicros());
}

void AddMetadata(const char* name, const std::string& args_json) {
  Agent* agent = GetAgent();
  if (!agent->recording()) return;
  Event e;
  e.phase = 'M';
  e.category = kMetadataIndex;
  e.name = name;
  e.tid = CurrentTid();
  e.ts = NowMicros();
  e.tts = ThreadCpuMicros();
  e.args = args_json;
  agent->AddMetadataEvent(std::move(e));
}

void SetThreadName(const std::string& name) {
  Agent* agent = GetAgent();
  if (!agent->recording()) return;
  if (!agent->NameThreadOnce(CurrentTid(), name)) return;
  std::string args = "\"name\":";
  AppendJsonString(&args, name);
  AddMetadata("thread_name", args);
}

void SetProcessName(const std::string& name) {
  std::string args = "\"name\":";
  AppendJsonString(&args, name);
  AddMetadata("process_name", args);
}

void TraceWorkQueued(const char* name, const void* id) {
  const uint8_t* flag = LODE_TRACE_FLAG(
      "node,node.threadpoolwork,node.threadpoolwork.async");
  if (!IsEnabled(flag)) return;
  AddEvent('b', flag, name, true, reinterpret_cast<uintptr_t>(id));
}

void TraceWorkDone(const char* name, const void* id, int status) {
  const uint8_t* flag = LODE_TRACE_FLAG(
      "node,node.threadpoolwork,node.threadpoolwork.async");
  if (!IsEnabled(flag)) return;
  AddEvent('e', flag, name, true, reinterpret_cast<uintptr_t>(id),
           {IntArg("result", status)});
}

ScopedWorkTrace::ScopedWorkTrace(const char* name) : name_(name) {
  const uint8_t* flag =
      LODE_TRACE_FLAG("node,node.threadpoolwork,node.threadpoolwork.sync");
  if (!IsEnabled(flag)) return;
  traced_ = true;
  AddEvent('B', flag, name_, false, 0);
}

ScopedWorkTrace::~ScopedWorkTrace() {
  if (!traced_) return;
  AddEvent('E',
           LODE_TRACE_FLAG("node,node.threadpoolwork,node.threadpoolwork.sync"),
           name_, false, 0);
}

}  // namespace lode::tracing
