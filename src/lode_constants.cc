// internalBinding('constants'): os (errno, signals, priority, dlopen), fs
// and a few others, taken from the system headers at build time.
#include <dlfcn.h>
#include <fcntl.h>
#include <signal.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <utility>

#include "env.h"
#include "lode_binding.h"
#include "lode_crypto.h"
#include "util.h"
#include "uv.h"

namespace lode::zlib {
// In lode_zlib.cc: zlib.constants.
void DefineConstants(v8::Local<v8::Context> context,
                     v8::Local<v8::Object> target);
}  // namespace lode::zlib

namespace lode::constants {

using v8::Context;
using v8::Local;
using v8::Object;
using v8::Value;

namespace {

#define C(obj, name) SetConstant(context, obj, #name, name)

void DefineErrno(Local<Context> context, Local<Object> t) {
  C(t, E2BIG); C(t, EACCES); C(t, EADDRINUSE); C(t, EADDRNOTAVAIL);
  C(t, EAFNOSUPPORT); C(t, EAGAIN); C(t, EALREADY); C(t, EBADF);
  C(t, EBADMSG); C(t, EBUSY); C(t, ECANCELED); C(t, ECHILD);
  C(t, ECONNABORTED); C(t, ECONNREFUSED); C(t, ECONNRESET); C(t, EDEADLK);
  C(t, EDESTADDRREQ); C(t, EDOM); C(t, EDQUOT); C(t, EEXIST); C(t, EFAULT);
  C(t, EFBIG); C(t, EHOSTUNREACH); C(t, EIDRM); C(t, EILSEQ);
  C(t, EINPROGRESS); C(t, EINTR); C(t, EINVAL); C(t, EIO); C(t, EISCONN);
  C(t, EISDIR); C(t, ELOOP); C(t, EMFILE); C(t, EMLINK); C(t, EMSGSIZE);
  C(t, EMULTIHOP); C(t, ENAMETOOLONG); C(t, ENETDOWN); C(t, ENETRESET);
  C(t, ENETUNREACH); C(t, ENFILE); C(t, ENOBUFS); C(t, ENODATA);
  C(t, ENODEV); C(t, ENOENT); C(t, ENOEXEC); C(t, ENOLCK); C(t, ENOLINK);
  C(t, ENOMEM); C(t, ENOMSG); C(t, ENOPROTOOPT); C(t, ENOSPC); C(t, ENOSR);
  C(t, ENOSTR); C(t, ENOSYS); C(t, ENOTCONN); C(t, ENOTDIR);
  C(t, ENOTEMPTY); C(t, ENOTSOCK); C(t, ENOTSUP); C(t, ENOTTY); C(t, ENXIO);
  C(t, EOPNOTSUPP); C(t, EOVERFLOW); C(t, EPERM); C(t, EPIPE); C(t, EPROTO);
  C(t, EPROTONOSUPPORT); C(t, EPROTOTYPE); C(t, ERANGE); C(t, EROFS);
  C(t, ESPIPE); C(t, ESRCH); C(t, ESTALE); C(t, ETIME); C(t, ETIMEDOUT);
  C(t, ETXTBSY); C(t, EWOULDBLOCK); C(t, EXDEV);
}

void DefineSignals(Local<Context> context, Local<Object> t) {
  C(t, SIGHUP); C(t, SIGINT); C(t, SIGQUIT); C(t, SIGILL); C(t, SIGTRAP);
  C(t, SIGABRT); C(t, SIGIOT); C(t, SIGBUS); C(t, SIGFPE); C(t, SIGKILL);
  C(t, SIGUSR1); C(t, SIGSEGV); C(t, SIGUSR2); C(t, SIGPIPE); C(t, SIGALRM);
  C(t, SIGTERM); C(t, SIGCHLD); C(t, SIGSTKFLT); C(t, SIGCONT);
  C(t, SIGSTOP); C(t, SIGTSTP); C(t, SIGTTIN); C(t, SIGTTOU); C(t, SIGURG);
  C(t, SIGXCPU); C(t, SIGXFSZ); C(t, SIGVTALRM); C(t, SIGPROF);
  C(t, SIGWINCH); C(t, SIGIO); C(t, SIGPOLL); C(t, SIGPWR); C(t, SIGSYS);
}

void DefinePriority(Local<Context> context, Local<Object> t) {
  SetConstant(context, t, "PRIORITY_LOW", 19);
  SetConstant(context, t, "PRIORITY_BELOW_NORMAL", 10);
  SetConstant(context, t, "PRIORITY_NORMAL", 0);
  SetConstant(context, t, "PRIORITY_ABOVE_NORMAL", -7);
  SetConstant(context, t, "PRIORITY_HIGH", -14);
  SetConstant(context, t, "PRIORITY_HIGHEST", -20);
}

void DefineDlopen(Local<Context> context, Local<Object> t) {
  C(t, RTLD_LAZY); C(t, RTLD_NOW); C(t, RTLD_GLOBAL); C(t, RTLD_LOCAL);
  C(t, RTLD_DEEPBIND);
}

void DefineFs(Local<Context> context, Local<Object> t) {
  SetConstant(context, t, "UV_FS_SYMLINK_DIR", UV_FS_SYMLINK_DIR);
  SetConstant(context, t, "UV_FS_SYMLINK_JUNCTION", UV_FS_SYMLINK_JUNCTION);
  C(t, O_RDONLY); C(t, O_WRONLY); C(t, O_RDWR);
  SetConstant(context, t, "UV_DIRENT_UNKNOWN", UV_DIRENT_UNKNOWN);
  SetConstant(context, t, "UV_DIRENT_FILE", UV_DIRENT_FILE);
  SetConstant(context, t, "UV_DIRENT_DIR", UV_DIRENT_DIR);
  SetConstant(context, t, "UV_DIRENT_LINK", UV_DIRENT_LINK);
  SetConstant(context, t, "UV_DIRENT_FIFO", UV_DIRENT_FIFO);
  SetConstant(context, t, "UV_DIRENT_SOCKET", UV_DIRENT_SOCKET);
  SetConstant(context, t, "UV_DIRENT_CHAR", UV_DIRENT_CHAR);
  SetConstant(context, t, "UV_DIRENT_BLOCK", UV_DIRENT_BLOCK);
  C(t, S_IFMT); C(t, S_IFREG); C(t, S_IFDIR); C(t, S_IFCHR); C(t, S_IFBLK);
  C(t, S_IFIFO); C(t, S_IFLNK); C(t, S_IFSOCK);
  C(t, O_CREAT); C(t, O_EXCL);
  SetConstant(context, t, "UV_FS_O_FILEMAP", 0);
  C(t, O_NOCTTY); C(t, O_TRUNC); C(t, O_APPEND); C(t, O_DIRECTORY);
  C(t, O_NOATIME); C(t, O_NOFOLLOW); C(t, O_SYNC); C(t, O_DSYNC);
  C(t, O_DIRECT); C(t, O_NONBLOCK);
  C(t, S_IRWXU); C(t, S_IRUSR); C(t, S_IWUSR); C(t, S_IXUSR);
  C(t, S_IRWXG); C(t, S_IRGRP); C(t, S_IWGRP); C(t, S_IXGRP);
  C(t, S_IRWXO); C(t, S_IROTH); C(t, S_IWOTH); C(t, S_IXOTH);
  C(t, F_OK); C(t, R_OK); C(t, W_OK); C(t, X_OK);
  SetConstant(context, t, "UV_FS_COPYFILE_EXCL", UV_FS_COPYFILE_EXCL);
  SetConstant(context, t, "COPYFILE_EXCL", UV_FS_COPYFILE_EXCL);
  SetConstant(context, t, "UV_FS_COPYFILE_FICLONE", UV_FS_COPYFILE_FICLONE);
  SetConstant(context, t, "COPYFILE_FICLONE", UV_FS_COPYFILE_FICLONE);
  SetConstant(context, t, "UV_FS_COPYFILE_FICLONE_FORCE",
              UV_FS_COPYFILE_FICLONE_FORCE);
  SetConstant(context, t, "COPYFILE_FICLONE_FORCE",
              UV_FS_COPYFILE_FICLONE_FORCE);
}
#undef C

void Initialize(Local<Object> target, Local<Value>, Local<Context> context,
                void*) {
  v8::Isolate* isolate = context->GetIsolate();
  // Every object here has a null prototype, the binding's too, as in Node.
  auto null_object = [isolate]() {
    return Object::New(isolate, v8::Null(isolate), nullptr, nullptr, 0);
  };
  if (target->SetPrototype(context, v8::Null(isolate)).IsNothing()) return;
  Local<Object> os = null_object();
  Local<Object> err = null_object();
  Local<Object> sig = null_object();
  Local<Object> priority = null_object();
  Local<Object> dlopen = null_object();
  DefineErrno(context, err);
  DefineSignals(context, sig);
  DefinePriority(context, priority);
  DefineDlopen(context, dlopen);
  SetConstant(context, os, "UV_UDP_REUSEADDR", UV_UDP_REUSEADDR);
  SetValue(context, os, "dlopen", dlopen);
  SetValue(context, os, "errno", err);
  SetValue(context, os, "signals", sig);
  SetValue(context, os, "priority", priority);
  Local<Object> fs = null_object();
  DefineFs(context, fs);
  SetValue(context, target, "os", os);
  SetValue(context, target, "fs", fs);
  // The module loader's codes for files without an extension.
  Local<Object> internal = null_object();
  SetConstant(context, internal, "EXTENSIONLESS_FORMAT_JAVASCRIPT", 0);
  SetConstant(context, internal, "EXTENSIONLESS_FORMAT_WASM", 1);
  SetValue(context, target, "internal", internal);
  Local<Object> crypto_constants =
      Object::New(isolate, v8::Null(isolate), nullptr, nullptr, 0);
  crypto::DefineConstants(context, crypto_constants);
  SetValue(context, target, "crypto", crypto_constants);
  Local<Object> zlib_constants =
      Object::New(isolate, v8::Null(isolate), nullptr, nullptr, 0);
  zlib::DefineConstants(context, zlib_constants);
  SetValue(context, target, "zlib", zlib_constants);
  // The phases of trace events (internalBinding('trace_events').trace()).
  Local<Object> trace =
      Object::New(isolate, v8::Null(isolate), nullptr, nullptr, 0);
  const std::pair<const char*, char> phases[] = {
      {"TRACE_EVENT_PHASE_BEGIN", 'B'},
      {"TRACE_EVENT_PHASE_END", 'E'},
      {"TRACE_EVENT_PHASE_COMPLETE", 'X'},
      {"TRACE_EVENT_PHASE_INSTANT", 'I'},
      {"TRACE_EVENT_PHASE_ASYNC_BEGIN", 'S'},
      {"TRACE_EVENT_PHASE_ASYNC_STEP_INTO", 'T'},
      {"TRACE_EVENT_PHASE_ASYNC_STEP_PAST", 'p'},
      {"TRACE_EVENT_PHASE_ASYNC_END", 'F'},
      {"TRACE_EVENT_PHASE_NESTABLE_ASYNC_BEGIN", 'b'},
      {"TRACE_EVENT_PHASE_NESTABLE_ASYNC_END", 'e'},
      {"TRACE_EVENT_PHASE_NESTABLE_ASYNC_INSTANT", 'n'},
      {"TRACE_EVENT_PHASE_FLOW_BEGIN", 's'},
      {"TRACE_EVENT_PHASE_FLOW_STEP", 't'},
      {"TRACE_EVENT_PHASE_FLOW_END", 'f'},
      {"TRACE_EVENT_PHASE_METADATA", 'M'},
      {"TRACE_EVENT_PHASE_COUNTER", 'C'},
      {"TRACE_EVENT_PHASE_SAMPLE", 'P'},
      {"TRACE_EVENT_PHASE_CREATE_OBJECT", 'N'},
      {"TRACE_EVENT_PHASE_SNAPSHOT_OBJECT", 'O'},
      {"TRACE_EVENT_PHASE_DELETE_OBJECT", 'D'},
      {"TRACE_EVENT_PHASE_MEMORY_DUMP", 'v'},
      {"TRACE_EVENT_PHASE_MARK", 'R'},
      {"TRACE_EVENT_PHASE_CLOCK_SYNC", 'c'},
      {"TRACE_EVENT_PHASE_ENTER_CONTEXT", '('},
      {"TRACE_EVENT_PHASE_LEAVE_CONTEXT", ')'},
      {"TRACE_EVENT_PHASE_LINK_IDS", '='},
  };
  for (const auto& [name, phase] : phases) {
    SetConstant(context, trace, name, phase);
  }
  SetValue(context, target, "trace", trace);
}

void RegisterExternalReferences(ExternalReferenceRegistry*) {}

}  // namespace
}  // namespace lode::constants

LODE_BINDING_CONTEXT_AWARE_INTERNAL(constants, lode::constants::Initialize)
LODE_BINDING_EXTERNAL_REFERENCE(constants,
                                lode::constants::RegisterExternalReferences)
