// The diagnostic report: internalBinding('report') for process.report, the
// fatal-error and out-of-memory reports, and a worker's subreport. The
// document's layout (sections, field names, report version 5) is the one
// Node 24 documents in doc/api/report.md; each setting is the process's or
// a thread's, as Node keeps it.
#include "lode_report.h"

#include <cxxabi.h>
#include <dlfcn.h>
#include <execinfo.h>
#include <fcntl.h>
#include <gnu/libc-version.h>
#include <link.h>
#include <netdb.h>
#include <sys/resource.h>
#include <sys/time.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cinttypes>
#include <climits>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <mutex>
#include <optional>
#include <string_view>
#include <type_traits>
#include <unordered_map>
#include <vector>

#include "env.h"
#include "handle_wrap.h"
#include "json_text.h"
#include "lode_binding.h"
#include "lode_errors.h"
#include "lode_internals.h"
#include "lode_options.h"
#include "lode_os.h"
#include "lode_permission.h"
#include "lode_process_object.h"
#include "lode_version.h"
#include "spawn_options.h"
#include "util.h"
#include "uv.h"

extern char** environ;

namespace lode::report {

using v8::Context;
using v8::FunctionCallbackInfo;
using v8::HandleScope;
using v8::HeapSpaceStatistics;
using v8::HeapStatistics;
using v8::Isolate;
using v8::Local;
using v8::Object;
using v8::StackFrame;
using v8::StackTrace;
using v8::String;
using v8::Value;

namespace {

// ---- Settings ------------------------------------------------------------

// The settings Node keeps for the whole process (a worker that changes one
// changes it for all): where reports go, their layout, fatal errors.
struct ProcessSettings {
  std::string directory;
  std::string filename;
  bool compact = false;
  bool on_fatal_error = false;
};

std::mutex g_process_settings_mutex;
ProcessSettings g_process_settings;
// A thread's settings as the command line gives them: the main thread's at
// its start, and those of a report made where no environment runs.
ThreadSettings g_command_line_thread_settings;
std::vector<std::string> g_command_line;
uint64_t g_start_time_ns = 0;  // for the CPU consumption percentages
std::atomic<int> g_sequence{0};

ProcessSettings CurrentProcessSettings() {
  std::lock_guard<std::mutex> lock(g_process_settings_mutex);
  return g_process_settings;
}

// The settings of one environment's thread, kept with the environment.
struct ThreadSettingsData : public BindingData {
  explicit ThreadSettingsData(const ThreadSettings& s) : settings(s) {}
  ThreadSettings settings;
};

ThreadSettings* ThreadSettingsFor(Environment* env) {
  auto* data = env->GetBindingData<ThreadSettingsData>("report.settings");
  if (data == nullptr) {
    data = env->SetBindingData(
        "report.settings",
        std::make_unique<ThreadSettingsData>(g_command_line_thread_settings));
  }
  return &data->settings;
}

// Everything a report of `env`'s thread (or of no thread) follows.
struct Settings : ProcessSettings, ThreadSettings {};

Settings CurrentSettings(Environment* env) {
  Settings settings;
  static_cast<ProcessSettings&>(settings) = CurrentProcessSettings();
  static_cast<ThreadSettings&>(settings) =
      env != nullptr ? *ThreadSettingsFor(env) : g_command_line_thread_settings;
  return settings;
}

// ---- JSON text -----------------------------------------------------------

// Writes one JSON document: pretty (two spaces a level, as Node's reports)
// or compact (one line). `depth` is the indentation of the document itself,
// for a subreport written into its parent's "workers" list.
class JsonWriter {
 public:
  JsonWriter(std::string* out, bool compact, int depth)
      : out_(out), compact_(compact), depth_(depth) {}

  void Key(std::string_view key) {
    Separate();
    AppendJsonString(out_, key);
    out_->append(compact_ ? ":" : ": ");
    after_key_ = true;
  }

  void StartObject() { Open('{'); }
  void EndObject() { Close('}'); }
  void StartArray() { Open('['); }
  void EndArray() { Close(']'); }

  void String(std::string_view text) {
    Separate();
    AppendJsonString(out_, text);
  }
  void Null() { Literal("null"); }
  void Bool(bool value) { Literal(value ? "true" : "false"); }
  void Int(int64_t value) { Literal(std::to_string(value)); }
  void UInt(uint64_t value) { Literal(std::to_string(value)); }
  // Six significant digits, as Node's reports write their figures.
  void Double(double value) {
    char buf[32];
    snprintf(buf, sizeof(buf), "%g", std::isfinite(value) ? value : 0.0);
    Literal(buf);
  }
  // A document made by another writer at this writer's depth.
  void Raw(std::string_view text) { Literal(text); }

  void Pair(std::string_view key, std::string_view value) {
    Key(key);
    String(value);
  }
  void EmptyObject(std::string_view key) {
    Key(key);
    StartObject();
    EndObject();
  }
  void Flag(std::string_view key, bool value) {
    Key(key);
    Bool(value);
  }
  template <typename T>
  void Number(std::string_view key, T value) {
    Key(key);
    if constexpr (std::is_floating_point_v<T>) {
      Double(value);
    } else if constexpr (std::is_signed_v<T>) {
      Int(value);
    } else {
      UInt(value);
    }
  }

  int depth() const { return depth_; }

 private:
  void Literal(std::string_view text) {
    Separate();
    out_->append(text);
  }

  void Open(char bracket) {
    Separate();
    out_->push_back(bracket);
    has_items_.push_back(false);
    depth_++;
  }

  // The closing bracket on a line of its own, an empty container's too (as
  // in Node's reports).
  void Close(char bracket) {
    has_items_.pop_back();
    depth_--;
    NewLine();
    out_->push_back(bracket);
  }

  // What comes before a key or a list item: the comma after the previous
  // one and, when pretty, a new line at this depth.
  void Separate() {
    if (after_key_) {
      after_key_ = false;
      return;
    }
    if (has_items_.empty()) return;
    if (has_items_.back()) out_->push_back(',');
    has_items_.back() = true;
    NewLine();
  }

  void NewLine() {
    if (compact_) return;
    out_->push_back('\n');
    out_->append(static_cast<size_t>(depth_) * 2, ' ');
  }

  std::string* out_;
  bool compact_;
  int depth_;
  bool after_key_ = false;
  std::vector<bool> has_items_;
};

// ---- Sections ------------------------------------------------------------

// What one report is asked for.
struct Request {
  Isolate* isolate = nullptr;   // the thread's, or nullptr (no JS thread)
  Environment* env = nullptr;   // the thread's environment, if any
  std::string event;
  std::string trigger;
  std::string filename;         // the header's "filename"; empty: null
  Local<Value> error;           // the JavaScript error, if one was given
  bool js_stack_usable = true;  // false when the JS heap is exhausted
  // A fatal error's: no waiting for workers or for the environment's lock,
  // and every native frame named, whatever it costs.
  bool fatal = false;

  // A report of `env`'s thread, which runs JavaScript.
  static Request Of(Environment* env, std::string event, std::string trigger) {
    Request r;
    r.isolate = env->isolate();
    r.env = env;
    r.event = std::move(event);
    r.trigger = std::move(trigger);
    return r;
  }
};

// An address as the report writes one ("0x" and 16 hex digits).
std::string HexAddress(const void* address) {
  char text[32];
  snprintf(text, sizeof(text), "0x%016" PRIxPTR,
           reinterpret_cast<uintptr_t>(address));
  return text;
}

std::string EventTime(const struct timeval& now, bool for_filename) {
  struct tm tm;
  time_t seconds = now.tv_sec;
  localtime_r(&seconds, &tm);
  char buf[64];
  strftime(buf, sizeof(buf),
           for_filename ? "%Y%m%d.%H%M%S" : "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

void WriteCpus(JsonWriter* w) {
  w->Key("cpus");
  w->StartArray();
  uv_cpu_info_t* cpus = nullptr;
  int count = 0;
  if (uv_cpu_info(&cpus, &count) == 0) {
    for (int i = 0; i < count; i++) {
      w->StartObject();
      w->Pair("model", cpus[i].model);
      w->Number("speed", cpus[i].speed);
      w->Number("user", cpus[i].cpu_times.user);
      w->Number("nice", cpus[i].cpu_times.nice);
      w->Number("sys", cpus[i].cpu_times.sys);
      w->Number("idle", cpus[i].cpu_times.idle);
      w->Number("irq", cpus[i].cpu_times.irq);
      w->EndObject();
    }
    uv_free_cpu_info(cpus, count);
  }
  w->EndArray();
}

void WriteNetworkInterfaces(JsonWriter* w) {
  w->Key("networkInterfaces");
  w->StartArray();
  uv_interface_address_t* addrs = nullptr;
  int count = 0;
  if (uv_interface_addresses(&addrs, &count) == 0) {
    for (int i = 0; i < count; i++) {
      const uv_interface_address_t& a = addrs[i];
      os::InterfaceAddressText text = os::DescribeInterfaceAddress(a);
      w->StartObject();
      w->Pair("name", a.name);
      w->Flag("internal", a.is_internal != 0);
      w->Pair("mac", text.mac);
      w->Pair("address", text.address);
      w->Pair("netmask", text.netmask);
      w->Pair("family", text.family);
      if (text.scopeid >= 0) w->Number("scopeid", text.scopeid);
      w->EndObject();
    }
    uv_free_interface_addresses(addrs, count);
  }
  w->EndArray();
}

void WriteHeader(JsonWriter* w, const Request& r, const Settings& settings,
                 const struct timeval& now) {
  w->Key("header");
  w->StartObject();
  w->Number("reportVersion", 5);
  w->Pair("event", r.event);
  w->Pair("trigger", r.trigger);
  w->Key("filename");
  if (r.filename.empty()) {
    w->Null();
  } else {
    w->String(r.filename);
  }
  w->Pair("dumpEventTime", EventTime(now, false));
  w->Pair("dumpEventTimeStamp",
          std::to_string(static_cast<uint64_t>(now.tv_sec) * 1000 +
                         now.tv_usec / 1000));
  w->Number("processId", uv_os_getpid());
  w->Key("threadId");
  if (r.env != nullptr) {
    w->UInt(r.env->thread_id());
  } else {
    w->Null();
  }
  char cwd[PATH_MAX];
  size_t cwd_size = sizeof(cwd);
  w->Pair("cwd", uv_cwd(cwd, &cwd_size) == 0 ? cwd : "");
  w->Key("commandLine");
  w->StartArray();
  for (const std::string& arg : g_command_line) w->String(arg);
  w->EndArray();
  w->Pair("nodejsVersion", LODE_NODE_VERSION_STRING);
  w->Pair("glibcVersionRuntime", gnu_get_libc_version());
  w->Pair("glibcVersionCompiler", std::to_string(__GLIBC__) + "." +
                                      std::to_string(__GLIBC_MINOR__));
  w->Number("wordSize", sizeof(void*) * 8);
  w->Pair("arch", "x64");
  w->Pair("platform", "linux");
  w->Key("componentVersions");
  w->StartObject();
  // In name order, as Node's report lists them.
  auto versions = ComponentVersions();
  std::sort(versions.begin(), versions.end(), [](const auto& a, const auto& b) {
    return strcmp(a.first, b.first) < 0;
  });
  for (const auto& [name, version] : versions) w->Pair(name, version);
  w->EndObject();
  w->Key("release");
  w->StartObject();
  for (const auto& [name, value] : ReleaseInfo()) w->Pair(name, value);
  w->EndObject();
  uv_utsname_t uname;
  if (uv_os_uname(&uname) == 0) {
    w->Pair("osName", uname.sysname);
    w->Pair("osRelease", uname.release);
    w->Pair("osVersion", uname.version);
    w->Pair("osMachine", uname.machine);
  }
  WriteCpus(w);
  if (!settings.exclude_network) WriteNetworkInterfaces(w);
  char host[UV_MAXHOSTNAMESIZE];
  size_t host_size = sizeof(host);
  w->Pair("host", uv_os_gethostname(host, &host_size) == 0 ? host : "");
  w->EndObject();
}

void WriteNoStack(JsonWriter* w) {
  w->Pair("message", "No stack.");
  w->Key("stack");
  w->StartArray();
  w->String("Unavailable.");
  w->EndArray();
  w->EmptyObject("errorProperties");
}

// An error object's own enumerable properties (not its stack, message or
// indices), each as String(value); one whose string cannot be made (a
// symbol, a throwing toString) is left out, as Node leaves it.
void WriteErrorProperties(JsonWriter* w, Isolate* isolate,
                          Local<Context> context, Local<Object> error) {
  w->Key("errorProperties");
  w->StartObject();
  v8::TryCatch try_catch(isolate);
  Local<v8::Array> names;
  if (error
          ->GetPropertyNames(context, v8::KeyCollectionMode::kOwnOnly,
                             static_cast<v8::PropertyFilter>(
                                 v8::ONLY_ENUMERABLE | v8::SKIP_SYMBOLS),
                             v8::IndexFilter::kSkipIndices)
          .ToLocal(&names)) {
    for (uint32_t i = 0; i < names->Length(); i++) {
      Local<Value> name;
      Local<Value> value;
      Local<String> text;
      if (!names->Get(context, i).ToLocal(&name) ||
          !error->Get(context, name).ToLocal(&value) ||
          !value->ToString(context).ToLocal(&text)) {
        try_catch.Reset();
        continue;
      }
      std::string key = Utf8Value(isolate, name).ToString();
      if (key == "stack" || key == "message") continue;
      w->Pair(key, Utf8Value(isolate, text).ToString());
    }
  }
  w->EndObject();
}

// The error's text: an object's `stack` (an object without a string stack
// has "No stack."), a primitive's string. Its first line is the message;
// each later line that a new line ends is a frame (as in Node, the text
// after the last new line is not one).
void WriteErrorStack(JsonWriter* w, const Request& r) {
  w->Key("javascriptStack");
  w->StartObject();
  Isolate* isolate = r.isolate;
  if (isolate == nullptr || !r.js_stack_usable || r.error.IsEmpty() ||
      !isolate->InContext()) {
    WriteNoStack(w);
    w->EndObject();
    return;
  }
  HandleScope scope(isolate);
  Local<Context> context = isolate->GetCurrentContext();
  std::string text;
  if (r.error->IsObject()) {
    v8::TryCatch try_catch(isolate);
    Local<Value> stack;
    if (!r.error.As<Object>()
             ->Get(context, FIXED_ONE_BYTE_STRING(isolate, "stack"))
             .ToLocal(&stack) ||
        !stack->IsString()) {
      WriteNoStack(w);
      w->EndObject();
      return;
    }
    text = Utf8Value(isolate, stack).ToString();
  } else {
    v8::TryCatch try_catch(isolate);
    Local<String> string;
    if (r.error->ToDetailString(context).ToLocal(&string)) {
      text = Utf8Value(isolate, string).ToString();
    }
  }
  size_t end = text.find('\n');
  w->Pair("message", text.substr(0, end));
  if (end != std::string::npos) {
    w->Key("stack");
    w->StartArray();
    size_t start = end + 1;
    while ((end = text.find('\n', start)) != std::string::npos) {
      std::string_view line(text.data() + start, end - start);
      size_t first = line.find_first_not_of(" \t\r\f\v");
      w->String(first == std::string_view::npos ? "" : line.substr(first));
      start = end + 1;
    }
    w->EndArray();
  }
  if (r.error->IsObject()) {
    WriteErrorProperties(w, isolate, context, r.error.As<Object>());
  } else {
    w->EmptyObject("errorProperties");
  }
  w->EndObject();
}

// A report made for no error (a fatal error, a signal's, a worker's
// subreport): the JavaScript frames running, under the trigger's name, or
// "No stack." when there are none (an idle thread).
void WriteCurrentStack(JsonWriter* w, Isolate* isolate,
                       const std::string& trigger) {
  w->Key("javascriptStack");
  w->StartObject();
  HandleScope scope(isolate);
  Local<StackTrace> trace = StackTrace::CurrentStackTrace(isolate, 10);
  if (trace->GetFrameCount() == 0) {
    WriteNoStack(w);
    w->EndObject();
    return;
  }
  w->Pair("message", trigger);
  w->Key("stack");
  w->StartArray();
  for (int i = 0; i < trace->GetFrameCount(); i++) {
    // Node's form, an anonymous function's empty name included.
    Local<StackFrame> frame = trace->GetFrame(isolate, i);
    w->String("at " + Utf8Value(isolate, frame->GetFunctionName()).ToString() +
              " (" +
              Utf8Value(isolate, frame->GetScriptNameOrSourceURL()).ToString() +
              ":" + std::to_string(frame->GetLineNumber()) + ":" +
              std::to_string(frame->GetColumn()) + ")");
  }
  w->EndArray();
  w->EmptyObject("errorProperties");
  w->EndObject();
}

void WriteHeap(JsonWriter* w, Isolate* isolate) {
  HeapStatistics heap;
  isolate->GetHeapStatistics(&heap);
  w->Key("javascriptHeap");
  w->StartObject();
  const std::pair<const char*, uint64_t> totals[] = {
      {"totalMemory", heap.total_heap_size()},
      {"executableMemory", heap.total_heap_size_executable()},
      {"totalCommittedMemory", heap.total_physical_size()},
      {"availableMemory", heap.total_available_size()},
      {"totalGlobalHandlesMemory", heap.total_global_handles_size()},
      {"usedGlobalHandlesMemory", heap.used_global_handles_size()},
      {"usedMemory", heap.used_heap_size()},
      {"memoryLimit", heap.heap_size_limit()},
      {"mallocedMemory", heap.malloced_memory()},
      {"externalMemory", heap.external_memory()},
      {"peakMallocedMemory", heap.peak_malloced_memory()},
      {"nativeContextCount", heap.number_of_native_contexts()},
      {"detachedContextCount", heap.number_of_detached_contexts()},
      {"doesZapGarbage", heap.does_zap_garbage()},
  };
  for (const auto& [name, value] : totals) {
    w->Number(name, value);
  }
  w->Key("heapSpaces");
  w->StartObject();
  for (size_t i = 0; i < isolate->NumberOfHeapSpaces(); i++) {
    HeapSpaceStatistics space;
    if (!isolate->GetHeapSpaceStatistics(&space, i)) continue;
    w->Key(space.space_name());
    w->StartObject();
    w->Number("memorySize", space.space_size());
    w->Number("committedMemory", space.physical_space_size());
    w->Number("capacity",
              space.space_used_size() + space.space_available_size());
    w->Number("used", space.space_used_size());
    w->Number("available", space.space_available_size());
    w->EndObject();
  }
  w->EndObject();
  w->EndObject();
}

// The loaded object (the executable or a library) an address lies in.
struct CodeObject {
  const char* path = nullptr;  // "" for the executable
  bool found = false;
};

CodeObject FindCodeObject(uintptr_t pc) {
  struct Search {
    uintptr_t pc;
    CodeObject result;
  } search{pc, {}};
  dl_iterate_phdr(
      [](struct dl_phdr_info* info, size_t, void* data) {
        auto* s = static_cast<Search*>(data);
        for (int i = 0; i < info->dlpi_phnum; i++) {
          const ElfW(Phdr)& segment = info->dlpi_phdr[i];
          if (segment.p_type != PT_LOAD) continue;
          uintptr_t start = info->dlpi_addr + segment.p_vaddr;
          if (s->pc >= start && s->pc < start + segment.p_memsz) {
            s->result = {info->dlpi_name, true};
            return 1;
          }
        }
        return 0;
      },
      &search);
  return search.result;
}

// Each frame's address and "symbol [object]". dladdr() finds a symbol by
// reading the object's whole symbol table: cheap for lode's own, about half
// a millisecond a frame for libnode's 58,000, which a report of a fatal error
// can afford and process.report.getReport() (that detect-libc calls at
// load time) cannot: there libnode's frames get their object only.
void WriteNativeStack(JsonWriter* w, bool name_every_frame) {
  w->Key("nativeStack");
  w->StartArray();
  void* frames[64];
  int count = backtrace(frames, 64);
  std::string executable;
  // The first frame is this function.
  for (int i = 1; i < count; i++) {
    w->StartObject();
    w->Pair("pc", HexAddress(frames[i]));
    std::string symbol;
    CodeObject object = FindCodeObject(reinterpret_cast<uintptr_t>(frames[i]));
    bool is_executable = object.found && object.path[0] == '\0';
    Dl_info info;
    if ((is_executable || name_every_frame) && dladdr(frames[i], &info) != 0 &&
        info.dli_sname != nullptr) {
      int status = 0;
      char* demangled =
          abi::__cxa_demangle(info.dli_sname, nullptr, nullptr, &status);
      symbol = status == 0 ? demangled : info.dli_sname;
      free(demangled);
    }
    if (is_executable) {
      if (executable.empty()) {
        char path[PATH_MAX];
        size_t size = sizeof(path);
        if (uv_exepath(path, &size) == 0) executable.assign(path, size);
      }
      symbol += " [" + executable + "]";
    } else if (object.found) {
      symbol += std::string(" [") + object.path + "]";
    }
    w->Pair("symbol", symbol);
    w->EndObject();
  }
  w->EndArray();
}

// uv_timeval_t and struct timeval alike.
template <typename Timeval>
double Seconds(const Timeval& t) {
  return t.tv_sec + t.tv_usec / 1e6;
}

void WriteCpuFigures(JsonWriter* w, double user, double kernel) {
  // Over the whole seconds the process has run, at least one (Node's
  // figures; a fraction of a second would make a start-up look busy).
  double uptime = std::max<uint64_t>(
      1, (uv_hrtime() - g_start_time_ns) / 1000000000);
  w->Number("userCpuSeconds", user);
  w->Number("kernelCpuSeconds", kernel);
  w->Number("cpuConsumptionPercent", (user + kernel) / uptime * 100);
  w->Number("userCpuConsumptionPercent", user / uptime * 100);
  w->Number("kernelCpuConsumptionPercent", kernel / uptime * 100);
}

void WriteFsActivity(JsonWriter* w, uint64_t reads, uint64_t writes) {
  w->Key("fsActivity");
  w->StartObject();
  w->Number("reads", reads);
  w->Number("writes", writes);
  w->EndObject();
}

void WriteResourceUsage(JsonWriter* w) {
  w->Key("resourceUsage");
  w->StartObject();
  uint64_t free_memory = uv_get_free_memory();
  uint64_t constrained = uv_get_constrained_memory();
  size_t rss = 0;
  uv_resident_set_memory(&rss);
  w->Number("free_memory", free_memory);
  w->Number("total_memory", uv_get_total_memory());
  w->Number("rss", rss);
  if (constrained != 0) {
    w->Number("constrained_memory", constrained);
  }
  // libuv 1.44 has no uv_get_available_memory(): what a cgroup limit
  // leaves, or the free memory.
  uint64_t available = free_memory;
  if (constrained != 0 && constrained != UINT64_MAX && constrained > rss &&
      constrained - rss < available) {
    available = constrained - rss;
  }
  w->Number("available_memory", available);
  uv_rusage_t usage;
  if (uv_getrusage(&usage) == 0) {
    WriteCpuFigures(w, Seconds(usage.ru_utime), Seconds(usage.ru_stime));
    w->Number("maxRss", usage.ru_maxrss * 1024);
    w->Key("pageFaults");
    w->StartObject();
    w->Number("IORequired", usage.ru_majflt);
    w->Number("IONotRequired", usage.ru_minflt);
    w->EndObject();
    WriteFsActivity(w, usage.ru_inblock, usage.ru_oublock);
  }
  w->EndObject();

  struct rusage thread_usage;
  if (getrusage(RUSAGE_THREAD, &thread_usage) == 0) {
    w->Key("uvthreadResourceUsage");
    w->StartObject();
    WriteCpuFigures(w, Seconds(thread_usage.ru_utime),
                    Seconds(thread_usage.ru_stime));
    WriteFsActivity(w, thread_usage.ru_inblock, thread_usage.ru_oublock);
    w->EndObject();
  }
}

// A socket's end: its address, and the name the resolver gives it unless
// the network is left out (then the address: no DNS query is made); null
// when the socket has no such end.
void WriteEndpoint(JsonWriter* w, const char* key, uv_handle_t* handle,
                   bool peer, bool exclude_network) {
  struct sockaddr_storage addr;
  int len = sizeof(addr);
  auto* sa = reinterpret_cast<struct sockaddr*>(&addr);
  int err;
  if (handle->type == UV_TCP) {
    auto* tcp = reinterpret_cast<uv_tcp_t*>(handle);
    err = peer ? uv_tcp_getpeername(tcp, sa, &len)
               : uv_tcp_getsockname(tcp, sa, &len);
  } else {
    auto* udp = reinterpret_cast<uv_udp_t*>(handle);
    err = peer ? uv_udp_getpeername(udp, sa, &len)
               : uv_udp_getsockname(udp, sa, &len);
  }
  w->Key(key);
  char ip[INET6_ADDRSTRLEN];
  int port;
  bool v4 = addr.ss_family == AF_INET;
  if (err != 0) {
    w->Null();
    return;
  } else if (v4) {
    const auto* a4 = reinterpret_cast<const struct sockaddr_in*>(&addr);
    uv_ip4_name(a4, ip, sizeof(ip));
    port = ntohs(a4->sin_port);
  } else if (addr.ss_family == AF_INET6) {
    const auto* a6 = reinterpret_cast<const struct sockaddr_in6*>(&addr);
    uv_ip6_name(a6, ip, sizeof(ip));
    port = ntohs(a6->sin6_port);
  } else {
    w->Null();
    return;
  }
  w->StartObject();
  char host[NI_MAXHOST];
  if (!exclude_network &&
      getnameinfo(sa, v4 ? sizeof(struct sockaddr_in)
                         : sizeof(struct sockaddr_in6),
                  host, sizeof(host), nullptr, 0, NI_NAMEREQD) == 0) {
    w->Pair("host", host);
  } else {
    w->Pair("host", ip);
  }
  w->Pair(v4 ? "ip4" : "ip6", ip);
  w->Number("port", port);
  w->EndObject();
}

// A Unix socket's end: its path, or null.
void WritePipeEndpoint(JsonWriter* w, const char* key, uv_handle_t* handle,
                       bool peer) {
  char path[PATH_MAX];
  size_t size = sizeof(path);
  auto* pipe = reinterpret_cast<uv_pipe_t*>(handle);
  int err = peer ? uv_pipe_getpeername(pipe, path, &size)
                 : uv_pipe_getsockname(pipe, path, &size);
  w->Key(key);
  if (err == 0 && size > 0) {
    w->String(std::string_view(path, size));
  } else {
    w->Null();
  }
}

struct WalkState {
  JsonWriter* writer;
  bool exclude_network;
  // The handles that watch a child process (a poll on its pidfd, see
  // process_wrap.cc), reported as Node reports its uv_process_t.
  std::unordered_map<const uv_handle_t*, int> child_pids;
};

// What Node's report shows of a socket, pipe or terminal, in its order:
// the ends, the buffer sizes, the descriptor, the write queue.
void WriteIoFields(JsonWriter* w, uv_handle_t* handle, bool exclude_network) {
  uv_handle_type type = handle->type;
  if (type == UV_TCP || type == UV_UDP) {
    WriteEndpoint(w, "localEndpoint", handle, false, exclude_network);
    WriteEndpoint(w, "remoteEndpoint", handle, true, exclude_network);
  } else if (type == UV_NAMED_PIPE) {
    WritePipeEndpoint(w, "localEndpoint", handle, false);
    WritePipeEndpoint(w, "remoteEndpoint", handle, true);
  }
  if (type != UV_TTY) {
    int send_size = 0;
    int recv_size = 0;
    if (uv_send_buffer_size(handle, &send_size) == 0) {
      w->Number("sendBufferSize", send_size);
    }
    if (uv_recv_buffer_size(handle, &recv_size) == 0) {
      w->Number("recvBufferSize", recv_size);
    }
  }
  uv_os_fd_t fd;
  if (uv_fileno(handle, &fd) == 0) {
    w->Number("fd", fd);
    static const char* const kStdio[] = {"stdin", "stdout", "stderr"};
    if (fd >= 0 && fd <= 2) w->Pair("stdio", kStdio[fd]);
  }
  if (type == UV_UDP) {
    auto* udp = reinterpret_cast<uv_udp_t*>(handle);
    w->Number("writeQueueSize", uv_udp_get_send_queue_size(udp));
    w->Number("writeQueueCount", uv_udp_get_send_queue_count(udp));
    return;
  }
  uv_stream_t* stream = reinterpret_cast<uv_stream_t*>(handle);
  w->Number("writeQueueSize", uv_stream_get_write_queue_size(stream));
  w->Flag("readable", uv_is_readable(stream) != 0);
  w->Flag("writable", uv_is_writable(stream) != 0);
}

void WriteHandle(uv_handle_t* handle, void* arg) {
  WalkState* state = static_cast<WalkState*>(arg);
  JsonWriter* w = state->writer;
  auto child = state->child_pids.find(handle);
  w->StartObject();
  w->Pair("type", child != state->child_pids.end()
                      ? "process"
                      : uv_handle_type_name(handle->type));
  w->Flag("is_active", uv_is_active(handle) != 0);
  w->Flag("is_referenced", uv_has_ref(handle) != 0);
  w->Pair("address", HexAddress(handle));
  if (child != state->child_pids.end()) {
    w->Number("pid", child->second);
    w->EndObject();
    return;
  }
  switch (handle->type) {
    case UV_TIMER: {
      uv_timer_t* timer = reinterpret_cast<uv_timer_t*>(handle);
      uint64_t due = timer->timeout;
      uint64_t now = uv_now(handle->loop);
      w->Number("repeat", uv_timer_get_repeat(timer));
      w->Number("firesInMsFromNow", static_cast<int64_t>(due - now));
      w->Flag("expired", now >= due);
      break;
    }
    case UV_TCP:
    case UV_UDP:
    case UV_NAMED_PIPE:
    case UV_TTY:
      WriteIoFields(w, handle, state->exclude_network);
      break;
    case UV_FS_EVENT:
    case UV_FS_POLL: {
      char path[PATH_MAX];
      size_t size = sizeof(path);
      int err = handle->type == UV_FS_EVENT
                    ? uv_fs_event_getpath(
                          reinterpret_cast<uv_fs_event_t*>(handle), path, &size)
                    : uv_fs_poll_getpath(
                          reinterpret_cast<uv_fs_poll_t*>(handle), path, &size);
      if (err == 0) w->Pair("filename", std::string(path, size));
      break;
    }
    case UV_SIGNAL: {
      int signum = reinterpret_cast<uv_signal_t*>(handle)->signum;
      w->Number("signum", signum);
      w->Pair("signal", SignalName(signum));
      break;
    }
    case UV_PROCESS:
      w->Number("pid", reinterpret_cast<uv_process_t*>(handle)->pid);
      break;
    default:
      break;
  }
  w->EndObject();
}

void WriteLibuv(JsonWriter* w, Environment* env, bool exclude_network) {
  w->Key("libuv");
  w->StartArray();
  if (env != nullptr) {
    uv_loop_t* loop = env->loop();
    WalkState state{w, exclude_network, {}};
    for (const HandleWrap* wrap : env->handle_wrap_queue()) {
      if (int pid = wrap->child_pid()) state.child_pids[wrap->handle()] = pid;
    }
    uv_walk(loop, WriteHandle, &state);
    w->StartObject();
    w->Pair("type", "loop");
    w->Flag("is_active", uv_loop_alive(loop) != 0);
    w->Pair("address", HexAddress(loop));
    w->Number("loopIdleTimeSeconds",
              static_cast<double>(uv_metrics_idle_time(loop)) / 1e9);
    w->EndObject();
  }
  w->EndArray();
}

// The process's environment (Node's report shows it in every thread, a
// worker with its own process.env included), copied under the lock its
// writers take; a dying thread that cannot take it at once shows none
// rather than wait.
void WriteEnvironmentVariables(JsonWriter* w, bool dying) {
  std::vector<std::pair<std::string, std::string>> entries;
  {
    std::unique_lock<std::mutex> lock(ProcessEnvMutex(), std::defer_lock);
    if (dying ? lock.try_lock() : (lock.lock(), true)) {
      for (char** entry = environ; *entry != nullptr; entry++) {
        const char* eq = strchr(*entry, '=');
        if (eq == nullptr) continue;
        entries.emplace_back(std::string(*entry, eq - *entry), eq + 1);
      }
    }
  }
  w->Key("environmentVariables");
  w->StartObject();
  for (const auto& [name, value] : entries) w->Pair(name, value);
  w->EndObject();
}

void WriteUserLimits(JsonWriter* w) {
  static const struct {
    const char* name;
    int resource;
  } kLimits[] = {
      {"core_file_size_blocks", RLIMIT_CORE},
      {"data_seg_size_bytes", RLIMIT_DATA},
      {"file_size_blocks", RLIMIT_FSIZE},
      {"max_locked_memory_bytes", RLIMIT_MEMLOCK},
      {"max_memory_size_bytes", RLIMIT_RSS},
      {"open_files", RLIMIT_NOFILE},
      {"stack_size_bytes", RLIMIT_STACK},
      {"cpu_time_seconds", RLIMIT_CPU},
      {"max_user_processes", RLIMIT_NPROC},
      {"virtual_memory_bytes", RLIMIT_AS},
  };
  w->Key("userLimits");
  w->StartObject();
  for (const auto& limit : kLimits) {
    struct rlimit value;
    if (getrlimit(limit.resource, &value) != 0) continue;
    w->Key(limit.name);
    w->StartObject();
    for (const auto& [key, bound] :
         {std::pair{"soft", value.rlim_cur}, std::pair{"hard", value.rlim_max}}) {
      w->Key(key);
      if (bound == RLIM_INFINITY) {
        w->String("unlimited");
      } else {
        w->UInt(bound);
      }
    }
    w->EndObject();
  }
  w->EndObject();
}

void WriteSharedObjects(JsonWriter* w) {
  w->Key("sharedObjects");
  w->StartArray();
  dl_iterate_phdr(
      [](struct dl_phdr_info* info, size_t, void* data) {
        if (info->dlpi_name != nullptr && info->dlpi_name[0] != '\0') {
          static_cast<JsonWriter*>(data)->String(info->dlpi_name);
        }
        return 0;
      },
      w);
  w->EndArray();
}

void WriteReport(JsonWriter* w, const Request& r, const Settings& settings) {
  struct timeval now;
  gettimeofday(&now, nullptr);
  w->StartObject();
  WriteHeader(w, r, settings, now);
  if (r.isolate != nullptr && r.js_stack_usable && r.error.IsEmpty() &&
      r.isolate->InContext()) {
    WriteCurrentStack(w, r.isolate, r.trigger);
  } else {
    WriteErrorStack(w, r);
  }
  if (r.isolate != nullptr) WriteHeap(w, r.isolate);
  WriteNativeStack(w, r.fatal);
  WriteResourceUsage(w);
  WriteLibuv(w, r.env, settings.exclude_network);
  w->Key("workers");
  w->StartArray();
  if (r.env != nullptr && !r.fatal) {
    for (const std::string& subreport : worker::Subreports(
             r.env, r.trigger, w->depth(), settings.compact)) {
      w->Raw(subreport);
    }
  }
  w->EndArray();
  if (!settings.exclude_env) WriteEnvironmentVariables(w, r.fatal);
  WriteUserLimits(w);
  WriteSharedObjects(w);
  w->EndObject();
}

// The whole document, indented for `depth` unless compact.
std::string ReportText(const Request& r, const Settings& settings,
                       int depth = 0) {
  std::string text;
  JsonWriter writer(&text, settings.compact, depth);
  WriteReport(&writer, r, settings);
  return text;
}

std::string DefaultFilename(Environment* env) {
  struct timeval now;
  gettimeofday(&now, nullptr);
  char seq[16];
  snprintf(seq, sizeof(seq), "%03d", ++g_sequence);
  return "report." + EventTime(now, true) + "." +
         std::to_string(uv_os_getpid()) + "." +
         std::to_string(env != nullptr ? env->thread_id() : 0) + "." + seq +
         ".json";
}

void WriteAll(FILE* out, const std::string& text) {
  fwrite(text.data(), 1, text.size(), out);
  fflush(out);
}

// Writes a report to its file (or stdout/stderr); returns the file's name,
// or "" when the file could not be opened.
std::string WriteToFile(Request* r, const std::string& requested) {
  Settings settings = CurrentSettings(r->env);
  std::string filename = requested;
  if (filename.empty()) filename = settings.filename;
  if (filename.empty()) filename = DefaultFilename(r->env);
  bool to_stdout = filename == "stdout";
  bool to_stderr = filename == "stderr";
  r->filename = filename;

  std::string text = ReportText(*r, settings);
  text.push_back('\n');

  if (to_stdout || to_stderr) {
    WriteAll(to_stdout ? stdout : stderr, text);
    if (to_stdout) fprintf(stderr, "\nNode.js report completed\n");
    return filename;
  }
  // As in Node, a folder that is set comes in front of any name, even an
  // absolute one.
  std::string path = filename;
  if (!settings.directory.empty()) path = settings.directory + "/" + filename;
  FILE* file = fopen(path.c_str(), "w");
  if (file == nullptr) {
    int err = errno;
    if (settings.directory.empty()) {
      fprintf(stderr, "\nFailed to open Node.js report file: %s (errno: %d)\n",
              filename.c_str(), err);
    } else {
      fprintf(stderr,
              "\nFailed to open Node.js report file: %s directory: %s "
              "(errno: %d)\n",
              filename.c_str(), settings.directory.c_str(), err);
    }
    return "";
  }
  fprintf(stderr, "\nWriting Node.js report to file: %s\n", filename.c_str());
  WriteAll(file, text);
  fclose(file);
  fprintf(stderr, "Node.js report completed\n");
  return filename;
}

// ---- internalBinding('report') -------------------------------------------

// writeReport(event, trigger, file, error): the file's name.
void WriteReportJS(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Request r = Request::Of(Environment::GetCurrent(args),
                          Utf8Value(isolate, args[0]).ToString(),
                          Utf8Value(isolate, args[1]).ToString());
  std::string file =
      args[2]->IsString() ? Utf8Value(isolate, args[2]).ToString() : "";
  r.error = args[3];
  // --permission, as Node checks it: the name given (stdout and stderr
  // too), or else the working directory (not the report folder: Node's
  // hole, kept so that the same grants give the same result).
  if (permission::IsEnabled()) {
    std::string resource = file;
    if (resource.empty()) {
      char cwd[PATH_MAX];
      size_t size = sizeof(cwd);
      if (uv_cwd(cwd, &size) == 0) resource.assign(cwd, size);
    }
    if (!permission::Check(isolate, permission::Scope::kFileSystemWrite,
                           resource)) {
      return;
    }
  }
  args.GetReturnValue().Set(Utf8String(isolate, WriteToFile(&r, file)));
}

// getReport(error): the report as JSON text.
void GetReportJS(const FunctionCallbackInfo<Value>& args) {
  Request r = Request::Of(Environment::GetCurrent(args), "JavaScript API",
                          "GetReport");
  r.error = args[0];
  Settings settings = CurrentSettings(r.env);
  settings.compact = true;  // the subreports too: the text is parsed
  Local<String> result;
  if (ToV8String(args.GetIsolate(), ReportText(r, settings)).ToLocal(&result)) {
    args.GetReturnValue().Set(result);
  }
}

// internalBinding('report')'s getX/setX pairs: (Name, field) of the
// process's settings and of the calling thread's.
#define LODE_REPORT_PROCESS_SETTINGS(V) \
  V(Directory, directory)               \
  V(Filename, filename)                 \
  V(Compact, compact)                   \
  V(ReportOnFatalError, on_fatal_error)

#define LODE_REPORT_THREAD_SETTINGS(V)                \
  V(Signal, signal)                                   \
  V(ExcludeNetwork, exclude_network)                  \
  V(ExcludeEnv, exclude_env)                          \
  V(ReportOnSignal, on_signal)                        \
  V(ReportOnUncaughtException, on_uncaught_exception)

// A setting as JavaScript sees it, and back (JS has checked the type).
Local<Value> ToJS(Isolate* isolate, const std::string& value) {
  return Utf8String(isolate, value);
}
Local<Value> ToJS(Isolate* isolate, bool value) {
  return v8::Boolean::New(isolate, value);
}
void FromJS(Isolate* isolate, Local<Value> value, std::string* out) {
  CHECK(value->IsString());
  *out = Utf8Value(isolate, value).ToString();
}
void FromJS(Isolate*, Local<Value> value, bool* out) {
  CHECK(value->IsBoolean());
  *out = value->IsTrue();
}

#define V(Name, field)                                                    \
  void Get##Name(const FunctionCallbackInfo<Value>& args) {               \
    args.GetReturnValue().Set(                                            \
        ToJS(args.GetIsolate(), CurrentProcessSettings().field));         \
  }                                                                       \
  void Set##Name(const FunctionCallbackInfo<Value>& args) {               \
    decltype(ProcessSettings::field) value;                               \
    FromJS(args.GetIsolate(), args[0], &value);                           \
    std::lock_guard<std::mutex> lock(g_process_settings_mutex);           \
    g_process_settings.field = std::move(value);                          \
  }
LODE_REPORT_PROCESS_SETTINGS(V)
#undef V

#define V(Name, field)                                                    \
  void Get##Name(const FunctionCallbackInfo<Value>& args) {               \
    Environment* env = Environment::GetCurrent(args);                     \
    args.GetReturnValue().Set(                                            \
        ToJS(args.GetIsolate(), ThreadSettingsFor(env)->field));          \
  }                                                                       \
  void Set##Name(const FunctionCallbackInfo<Value>& args) {               \
    Environment* env = Environment::GetCurrent(args);                     \
    FromJS(args.GetIsolate(), args[0], &ThreadSettingsFor(env)->field);   \
  }
LODE_REPORT_THREAD_SETTINGS(V)
#undef V

#define LODE_REPORT_METHODS(V) \
  V(writeReport, WriteReportJS) \
  V(getReport, GetReportJS)

void Initialize(Local<Object> target, Local<Value>, Local<Context> context,
                void*) {
#define V(name, fn) SetMethod(context, target, #name, fn);
  LODE_REPORT_METHODS(V)
#undef V
#define V(Name, field)                                   \
  SetMethod(context, target, "get" #Name, Get##Name);   \
  SetMethod(context, target, "set" #Name, Set##Name);
  LODE_REPORT_PROCESS_SETTINGS(V)
  LODE_REPORT_THREAD_SETTINGS(V)
#undef V
}

void RegisterExternalReferences(ExternalReferenceRegistry* registry) {
#define V(name, fn) registry->Register(fn);
  LODE_REPORT_METHODS(V)
#undef V
#define V(Name, field)           \
  registry->Register(Get##Name); \
  registry->Register(Set##Name);
  LODE_REPORT_PROCESS_SETTINGS(V)
  LODE_REPORT_THREAD_SETTINGS(V)
#undef V
}

// The thread settings `options` turn on (a worker's own execArgv, the
// command line; --report-signal turns --report-on-signal on when parsed).
void ApplyOptions(const Options& options, ThreadSettings* settings) {
  if (options.GetBool("--report-on-signal")) {
    settings->on_signal = true;
    settings->signal = options.GetString("--report-signal");
  }
  if (options.GetBool("--report-uncaught-exception")) {
    settings->on_uncaught_exception = true;
  }
  if (options.GetBool("--report-exclude-network")) {
    settings->exclude_network = true;
  }
  if (options.GetBool("--report-exclude-env")) settings->exclude_env = true;
}

}  // namespace

void Configure(const Options& options, int argc, char** argv) {
  g_start_time_ns = uv_hrtime();
  g_command_line.assign(argv, argv + argc);
  ApplyOptions(options, &g_command_line_thread_settings);
  std::lock_guard<std::mutex> lock(g_process_settings_mutex);
  g_process_settings.directory = options.GetString("--report-dir");
  g_process_settings.filename = options.GetString("--report-filename");
  g_process_settings.compact = options.GetBool("--report-compact");
  g_process_settings.on_fatal_error =
      options.GetBool("--report-on-fatalerror");
}

ThreadSettings ThreadSettingsOf(Environment* env) {
  return *ThreadSettingsFor(env);
}

void InitializeThread(Environment* env, const ThreadSettings& inherited,
                      bool own_options) {
  ThreadSettings settings = inherited;
  // What reports leave out Node keeps per environment: a worker takes it
  // from its options (its execArgv, or the command line), not its parent.
  settings.exclude_network =
      env->options()->GetBool("--report-exclude-network");
  settings.exclude_env = env->options()->GetBool("--report-exclude-env");
  if (own_options) ApplyOptions(*env->options(), &settings);
  env->SetBindingData("report.settings",
                      std::make_unique<ThreadSettingsData>(settings));
}

void OnFatalError(Isolate* isolate, const char* message, const char* trigger,
                  bool heap_exhausted) {
  if (!CurrentProcessSettings().on_fatal_error) return;
  Request r;
  r.isolate = isolate;
  r.event = message != nullptr ? message : "";
  r.trigger = trigger;
  r.js_stack_usable = !heap_exhausted;
  r.fatal = true;
  // The scope first: a fatal error can be V8's "no HandleScope", and
  // GetCurrent() makes a handle.
  std::optional<HandleScope> scope;
  if (isolate != nullptr) scope.emplace(isolate);
  if (isolate != nullptr && isolate->InContext()) {
    r.env = Environment::GetCurrent(isolate);
  }
  WriteToFile(&r, "");
}

void OnUncaughtException(Environment* env, Local<Value> error) {
  if (!ThreadSettingsFor(env)->on_uncaught_exception) return;
  Request r = Request::Of(env, "Exception", "Exception");
  r.error = error;
  HandleScope scope(r.isolate);
  WriteToFile(&r, "");
}

std::string WorkerSubreport(Environment* env, const std::string& event,
                            const std::string& trigger, int depth,
                            bool compact) {
  Settings settings = CurrentSettings(env);
  settings.compact = compact;
  return ReportText(Request::Of(env, event, trigger), settings, depth);
}

}  // namespace lode::report

LODE_BINDING_CONTEXT_AWARE_INTERNAL(report, lode::report::Initialize)
LODE_BINDING_EXTERNAL_REFERENCE(report,
                                lode::report::RegisterExternalReferences)
