// internalBinding('spawn_sync'): spawn(options) runs one child to the end on
// a private libuv loop, so nothing else of the process runs meanwhile. It
// feeds `input` to the child's pipes, collects what the child writes, and
// enforces `timeout` and `maxBuffer` by killing the child with `killSignal`.
// Returns { [error], status, signal, output, pid }; `output` holds one
// Uint8Array per pipe the child writes to (null for the other slots), or is
// null when the child never started.
#include <signal.h>
#include <unistd.h>

#include <memory>

#include "env.h"
#include "lode_binding.h"
#include "lode_errors.h"
#include "lode_permission.h"
#include "lode_spawn.h"
#include "spawn_options.h"
#include "util.h"

namespace lode::spawn_sync {

using v8::Array;
using v8::ArrayBuffer;
using v8::BackingStore;
using v8::Context;
using v8::FunctionCallbackInfo;
using v8::Integer;
using v8::Isolate;
using v8::Local;
using v8::Number;
using v8::Object;
using v8::Uint8Array;
using v8::Value;

namespace {

class SyncRunner;

// One stdio slot the parent talks to through a pipe.
struct SyncPipe {
  SyncRunner* runner = nullptr;
  uv_pipe_t handle;
  bool child_reads = false;
  bool child_writes = false;
  std::string input;
  std::string output;
  uv_write_t write_req;
  uv_shutdown_t shutdown_req;
  bool writing_done = true;
  bool reading_done = true;
  bool closing = false;
  char buf[65536];
};

class SyncRunner {
 public:
  SyncRunner(double timeout, double max_buffer, int kill_signal)
      : timeout_(timeout), max_buffer_(max_buffer),
        kill_signal_(kill_signal) {
    memset(&process_, 0, sizeof(process_));
    memset(&poll_, 0, sizeof(poll_));
    memset(&timer_, 0, sizeof(timer_));
  }
  ~SyncRunner() {
    if (pidfd_ >= 0) close(pidfd_);
  }

  // Runs the child described by `options` until it and its pipes are done.
  void Run(SpawnOptions* options);

  Local<Object> BuildResult(Isolate* isolate, Local<Context> context);

 private:
  void SetError(int err) {
    if (error_ == 0) error_ = err;
  }
  void Kill();
  void ClosePipe(SyncPipe* pipe);
  void MaybeClosePipe(SyncPipe* pipe) {
    if (pipe->writing_done && pipe->reading_done) ClosePipe(pipe);
  }
  void CloseTimer();

  static void OnExit(uv_process_t* process, int64_t exit_status,
                     int term_signal);
  static void OnPidfd(uv_poll_t* poll, int status, int events);
  void Exited(int64_t exit_status, int term_signal);
  int SpawnChild(uv_process_options_t* options);
  static void OnTimeout(uv_timer_t* timer);
  static void OnAlloc(uv_handle_t* handle, size_t suggested, uv_buf_t* buf);
  static void OnRead(uv_stream_t* stream, ssize_t nread, const uv_buf_t* buf);
  static void OnWrite(uv_write_t* req, int status);
  static void OnShutdown(uv_shutdown_t* req, int status);

  double timeout_;
  double max_buffer_;
  int kill_signal_;
  uv_loop_t loop_;
  uv_process_t process_;  // uv_spawn()'s child (uid/gid)
  uv_poll_t poll_;        // or the pidfd of one started without fork()
  bool use_pidfd_ = false;
  int pid_ = 0;
  int pidfd_ = -1;
  uv_timer_t timer_;
  bool spawned_ = false;
  bool exited_ = false;
  bool killed_ = false;
  bool timer_open_ = false;
  int error_ = 0;
  int64_t exit_status_ = -1;
  int term_signal_ = 0;
  double buffered_ = 0;
  std::vector<std::unique_ptr<SyncPipe>> pipes_;
};

void SyncRunner::Run(SpawnOptions* options) {
  // A private loop needs file descriptors; out of them (EMFILE) the spawn
  // fails with that error, as in Node, instead of aborting.
  int loop_err = uv_loop_init(&loop_);
  if (loop_err != 0) {
    error_ = loop_err;
    return;
  }
  loop_.data = this;

  std::vector<SpawnStdio>& stdio = options->stdio();
  std::vector<uv_stdio_container_t> containers(stdio.size());
  pipes_.resize(stdio.size());
  for (size_t i = 0; i < stdio.size(); i++) {
    uv_stdio_container_t& c = containers[i];
    const SpawnStdio& s = stdio[i];
    if (s.type == SpawnStdio::kPipe) {
      // Default-initialized: make_unique<SyncPipe>() would zero the 64 KiB
      // read buffer of every pipe of every spawn first.
      std::unique_ptr<SyncPipe> pipe(new SyncPipe);
      pipe->runner = this;
      pipe->child_reads = s.readable;
      pipe->child_writes = s.writable;
      pipe->input = s.input;
      CHECK_EQ(uv_pipe_init(&loop_, &pipe->handle, 0), 0);
      pipe->handle.data = pipe.get();
      int flags = UV_CREATE_PIPE;
      if (s.readable) flags |= UV_READABLE_PIPE;
      if (s.writable) flags |= UV_WRITABLE_PIPE;
      c.flags = static_cast<uv_stdio_flags>(flags);
      c.data.stream = reinterpret_cast<uv_stream_t*>(&pipe->handle);
      pipes_[i] = std::move(pipe);
    } else if (s.type == SpawnStdio::kFd) {
      c.flags = UV_INHERIT_FD;
      c.data.fd = s.fd;
    } else {
      c.flags = UV_IGNORE;
    }
  }

  uv_process_options_t uv_options;
  memset(&uv_options, 0, sizeof(uv_options));
  options->Fill(&uv_options);
  uv_options.exit_cb = OnExit;
  uv_options.stdio_count = static_cast<int>(containers.size());
  uv_options.stdio = containers.data();
  int err = SpawnChild(&uv_options);
  if (err < 0) {
    SetError(err);
    for (auto& pipe : pipes_) {
      if (pipe) ClosePipe(pipe.get());
    }
  } else {
    spawned_ = true;
    if (timeout_ > 0) {
      CHECK_EQ(uv_timer_init(&loop_, &timer_), 0);
      timer_.data = this;
      timer_open_ = true;
      uv_timer_start(&timer_, OnTimeout, static_cast<uint64_t>(timeout_), 0);
      uv_unref(reinterpret_cast<uv_handle_t*>(&timer_));
    }
    for (auto& owned : pipes_) {
      SyncPipe* pipe = owned.get();
      if (pipe == nullptr) continue;
      if (pipe->child_writes) {
        pipe->reading_done = false;
        int r = uv_read_start(reinterpret_cast<uv_stream_t*>(&pipe->handle),
                              OnAlloc, OnRead);
        if (r < 0) {
          SetError(r);
          pipe->reading_done = true;
        }
      }
      if (pipe->child_reads) {
        pipe->writing_done = false;
        uv_stream_t* stream = reinterpret_cast<uv_stream_t*>(&pipe->handle);
        int r = 0;
        if (!pipe->input.empty()) {
          uv_buf_t buf = uv_buf_init(pipe->input.data(),
                                     static_cast<unsigned>(pipe->input.size()));
          pipe->write_req.data = pipe;
          r = uv_write(&pipe->write_req, stream, &buf, 1, OnWrite);
        }
        if (r == 0) {
          pipe->shutdown_req.data = pipe;
          r = uv_shutdown(&pipe->shutdown_req, stream, OnShutdown);
        }
        if (r < 0) {
          if (r != UV_EPIPE) SetError(r);
          pipe->writing_done = true;
        }
      }
      MaybeClosePipe(pipe);
    }
  }

  uv_run(&loop_, UV_RUN_DEFAULT);
  // Anything still open (a pipe a grandchild holds) is closed now.
  if (uv_loop_close(&loop_) == UV_EBUSY) {
    uv_walk(&loop_, [](uv_handle_t* h, void*) {
      if (!uv_is_closing(h)) uv_close(h, nullptr);
    }, nullptr);
    uv_run(&loop_, UV_RUN_DEFAULT);
    // Nothing is left to run: closing can no longer fail with EBUSY.
    uv_loop_close(&loop_);
  }
}

// Starts the child: without fork() where possible, else with uv_spawn().
// On failure no handle is left open.
int SyncRunner::SpawnChild(uv_process_options_t* options) {
  if (!CanSpawnWithoutFork(*options)) {
    int err = uv_spawn(&loop_, &process_, options);
    process_.data = this;
    if (err < 0) {
      uv_close(reinterpret_cast<uv_handle_t*>(&process_), nullptr);
    } else {
      pid_ = process_.pid;
    }
    return err;
  }
  use_pidfd_ = true;
  SpawnedChild child;
  int err = SpawnWithoutFork(&loop_, *options, &child);
  if (child.pid <= 0) return err;
  pid_ = child.pid;
  pidfd_ = child.pidfd;
  int r = uv_poll_init(&loop_, &poll_, pidfd_);
  if (r == 0) {
    poll_.data = this;
    r = uv_poll_start(&poll_, UV_READABLE, OnPidfd);
    if (r != 0) uv_close(reinterpret_cast<uv_handle_t*>(&poll_), nullptr);
  }
  if (r != 0) {
    // Not watchable: the child must not outlive this unnoticed.
    KillAndReap(pid_);
    return r;
  }
  if (err < 0) {
    // A pipe could not be opened: stop the child as a timeout would.
    uv_kill(pid_, SIGKILL);
  }
  return err;
}

void SyncRunner::Kill() {
  if (killed_) return;
  killed_ = true;
  if (!exited_) {
    int r = uv_kill(pid_, kill_signal_);
    if (r < 0 && r != UV_ESRCH) {
      SetError(r);
      uv_kill(pid_, SIGKILL);
    }
  }
  for (auto& pipe : pipes_) {
    if (pipe) ClosePipe(pipe.get());
  }
  CloseTimer();
}

void SyncRunner::ClosePipe(SyncPipe* pipe) {
  if (pipe->closing) return;
  pipe->closing = true;
  uv_close(reinterpret_cast<uv_handle_t*>(&pipe->handle), nullptr);
}

void SyncRunner::CloseTimer() {
  if (!timer_open_) return;
  timer_open_ = false;
  uv_close(reinterpret_cast<uv_handle_t*>(&timer_), nullptr);
}

void SyncRunner::OnExit(uv_process_t* process, int64_t exit_status,
                        int term_signal) {
  static_cast<SyncRunner*>(process->data)->Exited(exit_status, term_signal);
}

void SyncRunner::OnPidfd(uv_poll_t* poll, int, int) {
  SyncRunner* self = static_cast<SyncRunner*>(poll->data);
  int64_t exit_status = 0;
  int term_signal = 0;
  int r = ReapChild(self->pid_, &exit_status, &term_signal);
  if (r == 0) return;
  if (r < 0) {
    // Reaped by someone else: no status to report, but do not wait forever.
    uv_close(reinterpret_cast<uv_handle_t*>(poll), nullptr);
    self->CloseTimer();
    return;
  }
  self->Exited(exit_status, term_signal);
}

void SyncRunner::Exited(int64_t exit_status, int term_signal) {
  exited_ = true;
  exit_status_ = exit_status;
  term_signal_ = term_signal;
  if (use_pidfd_) {
    uv_close(reinterpret_cast<uv_handle_t*>(&poll_), nullptr);
  } else {
    uv_close(reinterpret_cast<uv_handle_t*>(&process_), nullptr);
  }
  CloseTimer();
}

void SyncRunner::OnTimeout(uv_timer_t* timer) {
  SyncRunner* self = static_cast<SyncRunner*>(timer->data);
  self->SetError(UV_ETIMEDOUT);
  self->Kill();
}

void SyncRunner::OnAlloc(uv_handle_t* handle, size_t, uv_buf_t* buf) {
  SyncPipe* pipe = static_cast<SyncPipe*>(handle->data);
  *buf = uv_buf_init(pipe->buf, sizeof(pipe->buf));
}

void SyncRunner::OnRead(uv_stream_t* stream, ssize_t nread,
                        const uv_buf_t* buf) {
  SyncPipe* pipe = static_cast<SyncPipe*>(stream->data);
  SyncRunner* self = pipe->runner;
  if (nread > 0) {
    pipe->output.append(buf->base, static_cast<size_t>(nread));
    self->buffered_ += static_cast<double>(nread);
    if (self->max_buffer_ > 0 && self->buffered_ > self->max_buffer_) {
      self->SetError(UV_ENOBUFS);
      self->Kill();
    }
    return;
  }
  if (nread == 0) return;
  if (nread != UV_EOF) self->SetError(static_cast<int>(nread));
  uv_read_stop(stream);
  pipe->reading_done = true;
  self->MaybeClosePipe(pipe);
}

void SyncRunner::OnWrite(uv_write_t* req, int status) {
  SyncPipe* pipe = static_cast<SyncPipe*>(req->data);
  // A child that exits without reading its input is not an error.
  if (status < 0 && status != UV_EPIPE && status != UV_ECANCELED) {
    pipe->runner->SetError(status);
  }
}

void SyncRunner::OnShutdown(uv_shutdown_t* req, int status) {
  SyncPipe* pipe = static_cast<SyncPipe*>(req->data);
  if (status < 0 && status != UV_ENOTCONN && status != UV_EPIPE &&
      status != UV_ECANCELED) {
    pipe->runner->SetError(status);
  }
  pipe->writing_done = true;
  if (!pipe->closing) pipe->runner->MaybeClosePipe(pipe);
}

Local<Object> SyncRunner::BuildResult(Isolate* isolate,
                                      Local<Context> context) {
  Local<Object> result = Object::New(isolate);
  if (error_ != 0) {
    SetValue(context, result, "error", Integer::New(isolate, error_));
  }
  if (exited_ && term_signal_ == 0) {
    SetValue(context, result, "status",
             Number::New(isolate, static_cast<double>(exit_status_)));
  } else {
    SetValue(context, result, "status", v8::Null(isolate));
  }
  if (term_signal_ > 0) {
    SetString(context, result, "signal", SignalName(term_signal_));
  } else {
    SetValue(context, result, "signal", v8::Null(isolate));
  }
  if (spawned_) {
    Local<Array> output = Array::New(isolate, static_cast<int>(pipes_.size()));
    for (size_t i = 0; i < pipes_.size(); i++) {
      SyncPipe* pipe = pipes_[i].get();
      Local<Value> item = v8::Null(isolate);
      if (pipe != nullptr && pipe->child_writes) {
        size_t len = pipe->output.size();
        std::unique_ptr<BackingStore> store =
            ArrayBuffer::NewBackingStore(isolate, len);
        if (len > 0) memcpy(store->Data(), pipe->output.data(), len);
        Local<ArrayBuffer> ab = ArrayBuffer::New(isolate, std::move(store));
        item = Uint8Array::New(ab, 0, len);
      }
      output->CreateDataProperty(context, static_cast<uint32_t>(i), item).Check();
    }
    SetValue(context, result, "output", output);
    SetValue(context, result, "pid", Integer::New(isolate, pid_));
  } else {
    SetValue(context, result, "output", v8::Null(isolate));
    SetValue(context, result, "pid", Integer::New(isolate, 0));
  }
  return result;
}

double NumberOption(Local<Context> context, Local<Object> options,
                    const char* key, bool* ok) {
  Local<Value> v;
  if (!options->Get(context, OneByteString(context->GetIsolate(), key))
           .ToLocal(&v)) {
    *ok = false;
    return 0;
  }
  return v->IsNumber() ? v.As<Number>()->Value() : 0;
}

void Spawn(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Local<Context> context = isolate->GetCurrentContext();
  if (!args[0]->IsObject()) {
    return THROW_ERR_INVALID_ARG_TYPE(isolate,
                                      "The \"options\" argument must be of "
                                      "type object.");
  }
  Local<Object> options = args[0].As<Object>();
  SpawnOptions spawn_options;
  if (!spawn_options.Parse(isolate, context, options)) return;
  if (!permission::Check(isolate, permission::Scope::kChildProcess,
                         spawn_options.file())) {
    return;
  }
  bool ok = true;
  double timeout = NumberOption(context, options, "timeout", &ok);
  double max_buffer = NumberOption(context, options, "maxBuffer", &ok);
  double kill_signal = NumberOption(context, options, "killSignal", &ok);
  if (!ok) return;
  SyncRunner runner(timeout, max_buffer,
                    kill_signal > 0 ? static_cast<int>(kill_signal) : SIGTERM);
  runner.Run(&spawn_options);
  args.GetReturnValue().Set(runner.BuildResult(isolate, context));
}

void Initialize(Local<Object> target, Local<Value>, Local<Context> context,
                void*) {
  SetMethod(context, target, "spawn", Spawn);
}

void RegisterExternalReferences(ExternalReferenceRegistry* registry) {
  registry->Register(Spawn);
}

}  // namespace
}  // namespace lode::spawn_sync

LODE_BINDING_CONTEXT_AWARE_INTERNAL(spawn_sync, lode::spawn_sync::Initialize)
LODE_BINDING_EXTERNAL_REFERENCE(spawn_sync,
                                lode::spawn_sync::RegisterExternalReferences)
