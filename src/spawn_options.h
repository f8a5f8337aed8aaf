// Reading the options object that lib/internal/child_process.js hands to
// internalBinding('spawn_sync').spawn() and Process#spawn(): file, args,
// envPairs, cwd, uid, gid, detached and stdio, turned into the strings and
// arrays uv_spawn() takes. Shared by spawn_sync.cc and process_wrap.cc.
#ifndef SRC_SPAWN_OPTIONS_H_
#define SRC_SPAWN_OPTIONS_H_

#include <string>
#include <vector>

#include "env.h"
#include "util.h"
#include "uv.h"
#include "v8.h"

namespace lode {

// One entry of options.stdio as the JS side normalized it.
struct SpawnStdio {
  enum Type { kIgnore, kFd, kPipe, kWrap };
  Type type = kIgnore;
  int fd = -1;                      // kFd
  bool readable = false;            // kPipe: the child reads from it
  bool writable = false;            // kPipe: the child writes to it
  std::string input;                // kPipe (sync only): bytes to send
  v8::Local<v8::Object> handle;     // kWrap: a stream handle object
};

class SpawnOptions {
 public:
  // Reads `options`. Returns false when a JS exception is pending.
  bool Parse(v8::Isolate* isolate, v8::Local<v8::Context> context,
             v8::Local<v8::Object> options);

  // Points `out` at the strings held here; stdio is left to the caller.
  void Fill(uv_process_options_t* out);

  const std::string& file() const { return file_; }
  std::vector<SpawnStdio>& stdio() { return stdio_; }

 private:
  std::string file_;
  std::vector<std::string> args_;
  std::vector<std::string> env_;
  std::string cwd_;
  bool has_env_ = false;
  bool has_cwd_ = false;
  unsigned int flags_ = 0;
  uv_uid_t uid_ = 0;
  uv_gid_t gid_ = 0;
  std::vector<char*> argv_;
  std::vector<char*> envp_;
  std::vector<SpawnStdio> stdio_;
};

// "SIGTERM" for 15; "" for 0 or an unknown number.
std::string SignalName(int signum);

// The bytes of a string (UTF-8) or of an ArrayBufferView.
bool BytesOf(v8::Isolate* isolate, v8::Local<v8::Value> value,
             std::string* out);

}  // namespace lode

#endif  // SRC_SPAWN_OPTIONS_H_
