// internalBinding('process_wrap'): Process, the handle behind a ChildProcess.
// `spawn(options)` starts the child and returns 0 or a negative errno (the
// JS side decides whether that is thrown or emitted); `kill(signal)` returns
// the same; when the child ends, `onexit(exitStatus, signalName)` is called
// with signalName '' for a normal exit. The libuv handle only exists from
// spawn() on, so the HandleWrap is created there. Where it can, spawn()
// starts the child without fork() (lode_spawn.h) and watches it through a
// pidfd with a uv_poll_t; otherwise (uid/gid) it uses uv_spawn().
#include <signal.h>
#include <unistd.h>

#include "handle_wrap.h"
#include "lode_binding.h"
#include "lode_errors.h"
#include "lode_permission.h"
#include "lode_spawn.h"
#include "spawn_options.h"
#include "stream_base.h"
#include "util.h"

namespace lode::process_wrap {

using v8::Context;
using v8::FunctionCallbackInfo;
using v8::FunctionTemplate;
using v8::HandleScope;
using v8::Integer;
using v8::Isolate;
using v8::Local;
using v8::Number;
using v8::Object;
using v8::Value;

namespace {

class ProcessWrap : public HandleWrap {
 public:
  ProcessWrap(Environment* env, Local<Object> object)
      : HandleWrap(env, object, reinterpret_cast<uv_handle_t*>(&handle_)) {
    set_resource_name("ProcessWrap");
  }
  ~ProcessWrap() override {
    if (pending_exit_ != nullptr) pending_exit_->wrap = nullptr;
    if (pidfd_ >= 0) close(pidfd_);
  }

  int child_pid() const override { return pid_ > 0 ? pid_ : 0; }

  static void New(const FunctionCallbackInfo<Value>& args) {
    CHECK(args.IsConstructCall());
    args.This()->SetAlignedPointerInInternalField(kWrapPointerField, nullptr);
  }

  static void Spawn(const FunctionCallbackInfo<Value>& args) {
    Environment* env = Environment::GetCurrent(args);
    Isolate* isolate = args.GetIsolate();
    Local<Context> context = isolate->GetCurrentContext();
    Local<Object> self = args.This();
    if (Unwrap<ProcessWrap>(self) != nullptr) {
      args.GetReturnValue().Set(UV_EINVAL);
      return;
    }
    if (!args[0]->IsObject()) {
      return THROW_ERR_INVALID_ARG_TYPE(isolate,
                                        "The \"options\" argument must be "
                                        "of type object.");
    }
    SpawnOptions options;
    if (!options.Parse(isolate, context, args[0].As<Object>())) return;
    if (!permission::Check(isolate, permission::Scope::kChildProcess,
                           options.file())) {
      return;
    }

    std::vector<SpawnStdio>& stdio = options.stdio();
    std::vector<uv_stdio_container_t> containers(stdio.size());
    for (size_t i = 0; i < stdio.size(); i++) {
      uv_stdio_container_t& c = containers[i];
      const SpawnStdio& s = stdio[i];
      if (s.type == SpawnStdio::kWrap) {
        uv_stream_t* stream =
            s.handle.IsEmpty() ? nullptr : StreamFromObject(s.handle);
        if (stream == nullptr) {
          c.flags = UV_IGNORE;
          continue;
        }
        // A new pipe is a socketpair that both sides may read and write
        // (as in Node): libuv makes the parent's end writable only with
        // UV_READABLE_PIPE, readable only with UV_WRITABLE_PIPE.
        int flags = UV_CREATE_PIPE | UV_READABLE_PIPE | UV_WRITABLE_PIPE;
        // A handle that is already connected (a socket) is passed as is.
        if (uv_is_readable(stream) || uv_is_writable(stream)) {
          flags = UV_INHERIT_STREAM;
        }
        c.flags = static_cast<uv_stdio_flags>(flags);
        c.data.stream = stream;
      } else if (s.type == SpawnStdio::kFd) {
        c.flags = UV_INHERIT_FD;
        c.data.fd = s.fd;
      } else {
        c.flags = UV_IGNORE;
      }
    }

    ProcessWrap* wrap = new ProcessWrap(env, self);
    uv_process_options_t uv_options;
    memset(&uv_options, 0, sizeof(uv_options));
    options.Fill(&uv_options);
    uv_options.exit_cb = OnExit;
    uv_options.stdio_count = static_cast<int>(containers.size());
    uv_options.stdio = containers.data();
    int err;
    if (CanSpawnWithoutFork(uv_options)) {
      err = wrap->SpawnWithPidfd(env->loop(), uv_options);
    } else {
      err = uv_spawn(env->loop(), &wrap->handle_.process, &uv_options);
      if (err == 0) wrap->pid_ = wrap->handle_.process.pid;
    }
    wrap->handle()->data = static_cast<HandleWrap*>(wrap);
    if (err == 0) {
      SetValue(context, self, "pid", Integer::New(isolate, wrap->pid_));
    }
    args.GetReturnValue().Set(err);
  }

  static void Kill(const FunctionCallbackInfo<Value>& args) {
    ProcessWrap* wrap = Unwrap<ProcessWrap>(args.This());
    if (wrap == nullptr || wrap->state() != kInitialized) {
      args.GetReturnValue().Set(UV_ESRCH);
      return;
    }
    int signum = args[0]->IsInt32() ? args[0].As<v8::Int32>()->Value()
                                    : SIGTERM;
    // pid 0 would be our own process group.
    if (wrap->pid_ <= 0) {
      args.GetReturnValue().Set(UV_ESRCH);
      return;
    }
    args.GetReturnValue().Set(uv_kill(wrap->pid_, signum));
  }

 private:
  // The handle is a uv_poll_t on the child's pidfd, or uv_spawn()'s
  // uv_process_t, or (the child never started) an idle handle that is
  // never started: something to close.
  union Handle {
    uv_process_t process;
    uv_poll_t poll;
    uv_idle_t idle;
  };

  int SpawnWithPidfd(uv_loop_t* loop, const uv_process_options_t& options) {
    SpawnedChild child;
    int err = SpawnWithoutFork(loop, options, &child);
    if (child.pid <= 0) {
      uv_idle_init(loop, &handle_.idle);
      return err;
    }
    int r = uv_poll_init(loop, &handle_.poll, child.pidfd);
    bool polling = r == 0;
    if (polling) r = uv_poll_start(&handle_.poll, UV_READABLE, OnPidfd);
    if (r != 0) {
      // Not watchable: the child must not outlive this unnoticed.
      KillAndReap(child.pid);
      if (polling) {
        // The poll handle is in the loop now: it stays the handle (closed
        // with the wrap, its fd after it).
        pidfd_ = child.pidfd;
      } else {
        close(child.pidfd);
        uv_idle_init(loop, &handle_.idle);
      }
      return r;
    }
    pid_ = child.pid;
    pidfd_ = child.pidfd;
    return err;
  }

  // An exit seen on the pidfd is reported from the loop's check phase, as
  // libuv reports its children's (their SIGCHLD is handled after the other
  // I/O of the same poll): output the child wrote before it exited is read
  // before 'exit'.
  struct PendingExit {
    uv_check_t check;
    ProcessWrap* wrap;
    int64_t exit_status;
    int term_signal;
  };

  void DeferExit(int64_t exit_status, int term_signal) {
    PendingExit* pending = new PendingExit{{}, this, exit_status, term_signal};
    uv_check_init(env()->loop(), &pending->check);
    pending->check.data = pending;
    uv_check_start(&pending->check, OnPendingExit);
    pending_exit_ = pending;
  }

  static void OnPendingExit(uv_check_t* check) {
    PendingExit* pending = static_cast<PendingExit*>(check->data);
    uv_check_stop(check);
    uv_close(reinterpret_cast<uv_handle_t*>(check), [](uv_handle_t* handle) {
      delete static_cast<PendingExit*>(handle->data);
    });
    ProcessWrap* wrap = pending->wrap;
    if (wrap == nullptr) return;
    wrap->pending_exit_ = nullptr;
    wrap->Exited(pending->exit_status, pending->term_signal);
  }

  static void OnPidfd(uv_poll_t* poll, int, int) {
    ProcessWrap* wrap =
        static_cast<ProcessWrap*>(static_cast<HandleWrap*>(poll->data));
    int64_t exit_status = 0;
    int term_signal = 0;
    int r = ReapChild(wrap->pid_, &exit_status, &term_signal);
    if (r == 0) return;
    uv_poll_stop(poll);
    // Reaped by someone else (ECHILD): as libuv, nothing is reported.
    if (r < 0) return;
    wrap->DeferExit(exit_status, term_signal);
  }

  static void OnExit(uv_process_t* process, int64_t exit_status,
                     int term_signal) {
    ProcessWrap* wrap =
        static_cast<ProcessWrap*>(static_cast<HandleWrap*>(process->data));
    wrap->Exited(exit_status, term_signal);
  }

  void Exited(int64_t exit_status, int term_signal) {
    ProcessWrap* wrap = this;
    Environment* env = wrap->env();
    if (!env->can_call_into_js()) return;
    Isolate* isolate = env->isolate();
    HandleScope scope(isolate);
    Context::Scope context_scope(env->context());
    Local<Value> argv[2] = {
        Number::New(isolate, static_cast<double>(exit_status)),
        OneByteString(isolate, SignalName(term_signal).c_str()),
    };
    MakeCallback(env, wrap->object(), "onexit", 2, argv);
  }

  Handle handle_;
  int pid_ = 0;
  int pidfd_ = -1;
  PendingExit* pending_exit_ = nullptr;
};

void Initialize(Local<Object> target, Local<Value>, Local<Context> context,
                void*) {
  Isolate* isolate = context->GetIsolate();
  Local<FunctionTemplate> t = NewFunctionTemplate(isolate, ProcessWrap::New);
  t->InstanceTemplate()->SetInternalFieldCount(kWrapFieldCount);
  HandleWrap::AddPrototypeMethods(isolate, t);
  SetProtoMethod(isolate, t, "spawn", ProcessWrap::Spawn);
  SetProtoMethod(isolate, t, "kill", ProcessWrap::Kill);
  SetConstructorFunction(context, target, "Process", t);
}

void RegisterExternalReferences(ExternalReferenceRegistry* registry) {
  registry->Register(ProcessWrap::New);
  registry->Register(ProcessWrap::Spawn);
  registry->Register(ProcessWrap::Kill);
  HandleWrap::RegisterExternalReferences(registry);
}

}  // namespace
}  // namespace lode::process_wrap

LODE_BINDING_CONTEXT_AWARE_INTERNAL(process_wrap,
                                    lode::process_wrap::Initialize)
LODE_BINDING_EXTERNAL_REFERENCE(process_wrap,
                                lode::process_wrap::RegisterExternalReferences)
