#include "lode_spawn.h"

#include <errno.h>
#include <algorithm>
#include <fcntl.h>
#include <limits.h>
#include <pthread.h>
#include <sched.h>
#include <signal.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <string>
#include <vector>

extern char** environ;

namespace lode {

namespace {

// Everything the child needs, prepared by the parent: between clone() and
// execve() the child runs on borrowed memory and must not allocate, take a
// lock or go through a PLT entry that was never resolved, so it makes raw
// system calls only (syscall() and __errno_location(), which Sys() reads,
// are resolved by the probe below).
struct ChildPlan {
  const char* file;
  char* const* argv;
  char* const* envp;
  const char* path;        // PATH of envp (nullptr: unset)
  const char* cwd;         // nullptr: keep the parent's
  bool detached;
  int stdio_count;
  int* fds;                // [stdio_count]: the fd the child gets at i, -1
  char* candidate;         // room for "<PATH entry>/<file>"
  size_t candidate_size;
  char** script_argv;      // { "/bin/sh", <candidate>, argv[1...], NULL }
  int error;               // set by the child: a negative errno
};

// The child's error exit: what libuv's child writes to its error pipe,
// written here into the plan the parent reads once it runs again.
[[noreturn]] void ChildFail(ChildPlan* plan, int err) {
  plan->error = -err;
  syscall(SYS_exit_group, 127);
  __builtin_unreachable();
}

long Sys(long nr, long a = 0, long b = 0, long c = 0, long d = 0) {
  long r = syscall(nr, a, b, c, d);
  return r == -1 ? -errno : r;
}

// The kernel's struct sigaction on Linux (rt_sigaction takes this one).
struct KernelSigaction {
  void (*handler)(int);
  unsigned long flags;
  void (*restorer)();
  uint64_t mask;
};

// A file the kernel refuses to run (ENOEXEC) is run by /bin/sh, as
// execvp() does.
long ChildScript(ChildPlan* plan, const char* path) {
  plan->script_argv[1] = const_cast<char*>(path);
  return Sys(SYS_execve, reinterpret_cast<long>(plan->script_argv[0]),
             reinterpret_cast<long>(plan->script_argv),
             reinterpret_cast<long>(plan->envp));
}

// String helpers of the child. Volatile accesses: the compiler must not
// turn these loops into calls of libc (whose PLT entries may be unresolved).
size_t ChildStrlen(const char* s, size_t max) {
  const volatile char* p = s;
  size_t n = 0;
  while (n < max && p[n] != '\0') n++;
  return n;
}

char* ChildCopy(char* out, const char* in, size_t n) {
  volatile char* d = out;
  const volatile char* s = in;
  for (size_t i = 0; i < n; i++) d[i] = s[i];
  return out + n;
}

// execvp() of glibc, with the PATH of the child's environment: an entry
// that lacks the file, or is not a directory, is skipped; EACCES is
// remembered and reported when no entry works; other errors end the search.
// Returns the (negative) errno to report.
long ChildExecvp(ChildPlan* plan) {
  const char* file = plan->file;
  if (file[0] == '\0') return -ENOENT;
  size_t file_len = ChildStrlen(file, static_cast<size_t>(-1));
  bool has_slash = false;
  for (size_t i = 0; i < file_len; i++) {
    if (static_cast<const volatile char*>(file)[i] == '/') has_slash = true;
  }
  if (has_slash) {
    long r = Sys(SYS_execve, reinterpret_cast<long>(file),
                 reinterpret_cast<long>(plan->argv),
                 reinterpret_cast<long>(plan->envp));
    if (r == -ENOEXEC) r = ChildScript(plan, file);
    return r;
  }
  if (file_len > NAME_MAX) return -ENAMETOOLONG;
  const char* path = plan->path != nullptr ? plan->path : "/bin:/usr/bin";
  bool got_eacces = false;
  const char* p = path;
  for (;;) {
    const char* end = p;
    while (*static_cast<const volatile char*>(end) != '\0' &&
           *static_cast<const volatile char*>(end) != ':') {
      end++;
    }
    size_t len = static_cast<size_t>(end - p);
    // An entry longer than the room is skipped (glibc: PATH_MAX).
    if (len + 1 + file_len + 1 <= plan->candidate_size) {
      char* out = ChildCopy(plan->candidate, p, len);
      if (len > 0) out = ChildCopy(out, "/", 1);
      ChildCopy(out, file, file_len + 1);
      long r = Sys(SYS_execve, reinterpret_cast<long>(plan->candidate),
                   reinterpret_cast<long>(plan->argv),
                   reinterpret_cast<long>(plan->envp));
      switch (-r) {
        case EACCES:
          got_eacces = true;
          break;
        case ENOENT:
        case ESTALE:
        case ENOTDIR:
        case ENODEV:
        case ETIMEDOUT:
          break;
        case ENOEXEC:
          return ChildScript(plan, plan->candidate);
        default:
          return r;
      }
    }
    if (*end == '\0') break;
    p = end + 1;
  }
  return got_eacces ? -EACCES : -ENOENT;
}

// What libuv's child does before exec (src/unix/process.c of libuv 1.44,
// uv__process_child_init), step by step.
int ChildMain(void* arg) {
  ChildPlan* plan = static_cast<ChildPlan*>(arg);
  // Every classic signal back to its default action (even ignored ones);
  // the parent blocked them all around clone(), so no handler of the
  // parent can run here first.
  KernelSigaction dfl = {};
  dfl.handler = SIG_DFL;
  for (int n = 1; n < 32; n++) {
    if (n == SIGKILL || n == SIGSTOP) continue;
    long r = Sys(SYS_rt_sigaction, n, reinterpret_cast<long>(&dfl), 0, 8);
    if (r < 0) ChildFail(plan, static_cast<int>(-r));
  }

  if (plan->detached) Sys(SYS_setsid);

  int count = plan->stdio_count;
  int* fds = plan->fds;
  // An fd lower than the slot it goes to could be replaced by an earlier
  // slot (stdout and stderr swapped): move it out of the way first.
  for (int fd = 0; fd < count; fd++) {
    int use_fd = fds[fd];
    if (use_fd < 0 || use_fd >= fd) continue;
    long r = Sys(SYS_fcntl, use_fd, F_DUPFD_CLOEXEC, count);
    if (r < 0) ChildFail(plan, static_cast<int>(-r));
    fds[fd] = static_cast<int>(r);
  }

  for (int fd = 0; fd < count; fd++) {
    int close_fd = -1;
    int use_fd = fds[fd];
    if (use_fd < 0) {
      if (fd >= 3) continue;
      // stdin, stdout and stderr go to /dev/null when ignored.
      Sys(SYS_close, fd);
      long r = Sys(SYS_openat, AT_FDCWD, reinterpret_cast<long>("/dev/null"),
                   fd == 0 ? O_RDONLY : O_RDWR);
      if (r < 0) ChildFail(plan, static_cast<int>(-r));
      use_fd = static_cast<int>(r);
      close_fd = use_fd;
    }
    int target = fd;
    if (fd == use_fd) {
      if (close_fd == -1) {
        long r = Sys(SYS_ioctl, use_fd, FIONCLEX);
        if (r < 0) ChildFail(plan, static_cast<int>(-r));
      }
    } else {
      long r = Sys(SYS_dup3, use_fd, fd, 0);
      if (r < 0) ChildFail(plan, static_cast<int>(-r));
      target = static_cast<int>(r);
    }
    // The child's stdio is blocking (this changes the open file the parent
    // shares, as it does under libuv).
    if (target <= 2 && close_fd == -1) {
      long fl = Sys(SYS_fcntl, target, F_GETFL);
      if (fl >= 0 && (fl & O_NONBLOCK)) {
        Sys(SYS_fcntl, target, F_SETFL, fl & ~O_NONBLOCK);
      }
    }
    if (close_fd >= count) Sys(SYS_close, close_fd);
  }

  if (plan->cwd != nullptr) {
    long r = Sys(SYS_chdir, reinterpret_cast<long>(plan->cwd));
    if (r < 0) ChildFail(plan, static_cast<int>(-r));
  }

  uint64_t empty = 0;
  long r = Sys(SYS_rt_sigprocmask, SIG_SETMASK, reinterpret_cast<long>(&empty),
               0, 8);
  if (r < 0) ChildFail(plan, static_cast<int>(-r));

  r = ChildExecvp(plan);
  ChildFail(plan, static_cast<int>(-r));
}

// The child's stack: one per thread that spawns, kept for the next spawn.
class ChildStack {
 public:
  static constexpr size_t kSize = 64 * 1024;
  // Below the stack: an overflow faults instead of writing into whatever
  // mapping lies under it (the child shares the parent's memory).
  static constexpr size_t kGuard = 4096;
  ~ChildStack() {
    if (base_ != nullptr) munmap(base_, kGuard + kSize);
  }
  void* Top() {
    if (base_ == nullptr) {
      void* p = mmap(nullptr, kGuard + kSize, PROT_READ | PROT_WRITE,
                     MAP_PRIVATE | MAP_ANONYMOUS | MAP_STACK, -1, 0);
      if (p == MAP_FAILED) return nullptr;
      if (mprotect(p, kGuard, PROT_NONE) != 0) {
        munmap(p, kGuard + kSize);
        return nullptr;
      }
      base_ = p;
    }
    return static_cast<char*>(base_) + kGuard + kSize;
  }

 private:
  void* base_ = nullptr;
};

thread_local ChildStack child_stack;

// Blocks until the child `pid` has exited (or was reaped elsewhere), and
// reaps it.
void WaitForExit(int pid) {
  int status;
  while (waitpid(pid, &status, 0) == -1 && errno == EINTR) {
  }
}

int ProbeChild(void*) {
  syscall(SYS_exit_group, 0);
  return 0;
}

// Whether this kernel (and a seccomp filter, if any) lets us start a child
// the way SpawnWithoutFork() does and watch it through a pidfd: tried once
// with a child that exits at once. This also resolves the PLT entries of
// syscall() and __errno_location(), the only libc functions the child
// calls.
bool ProbeSpawnWithoutFork() {
  long fd = syscall(SYS_pidfd_open, getpid(), 0);
  volatile int errno_now = errno;  // resolves __errno_location()
  (void)errno_now;
  if (fd < 0) return false;
  close(static_cast<int>(fd));
  void* stack_top = child_stack.Top();
  if (stack_top == nullptr) return false;
  sigset_t all;
  sigset_t saved;
  sigfillset(&all);
  pthread_sigmask(SIG_BLOCK, &all, &saved);
  int pidfd = -1;
  int pid = clone(ProbeChild, stack_top,
                  CLONE_VM | CLONE_VFORK | CLONE_PIDFD | SIGCHLD, nullptr,
                  &pidfd);
  pthread_sigmask(SIG_SETMASK, &saved, nullptr);
  if (pid == -1) return false;
  WaitForExit(pid);
  if (pidfd < 0) return false;
  close(pidfd);
  return true;
}

// libuv's uv__process_init_stdio(): the parent's and the child's fd of one
// slot.
int InitStdio(const uv_stdio_container_t& c, int fds[2]) {
  int mask = UV_IGNORE | UV_CREATE_PIPE | UV_INHERIT_FD | UV_INHERIT_STREAM;
  switch (c.flags & mask) {
    case UV_IGNORE:
      return 0;
    case UV_CREATE_PIPE:
      if (c.data.stream == nullptr || c.data.stream->type != UV_NAMED_PIPE) {
        return UV_EINVAL;
      }
      return uv_socketpair(SOCK_STREAM, 0, fds, 0, 0);
    case UV_INHERIT_FD:
    case UV_INHERIT_STREAM: {
      int fd = -1;
      if (c.flags & UV_INHERIT_FD) {
        fd = c.data.fd;
      } else if (c.data.stream == nullptr ||
                 uv_fileno(reinterpret_cast<uv_handle_t*>(c.data.stream),
                           &fd) != 0) {
        fd = -1;
      }
      if (fd == -1) return UV_EINVAL;
      fds[1] = fd;
      return 0;
    }
    default:
      return UV_EINVAL;
  }
}

}  // namespace

bool CanSpawnWithoutFork(const uv_process_options_t& options) {
  if (options.flags & (UV_PROCESS_SETUID | UV_PROCESS_SETGID)) return false;
  static const bool works = ProbeSpawnWithoutFork();
  if (!works) return false;
  struct sigaction current;
  if (sigaction(SIGCHLD, nullptr, &current) != 0) return false;
  if (!(current.sa_flags & SA_SIGINFO) && current.sa_handler == SIG_IGN) {
    return false;
  }
  if (current.sa_flags & SA_NOCLDWAIT) return false;
  return true;
}

int SpawnWithoutFork(uv_loop_t* loop, const uv_process_options_t& options,
                     SpawnedChild* child) {
  child->pid = 0;
  child->pidfd = -1;
  int stdio_count = options.stdio_count < 3 ? 3 : options.stdio_count;
  std::vector<int> pipes(2 * static_cast<size_t>(stdio_count), -1);
  auto parent_end = [&](int i) -> int& { return pipes[2 * i]; };
  auto child_end = [&](int i) -> int& { return pipes[2 * i + 1]; };

  for (int i = 0; i < options.stdio_count; i++) {
    int err = InitStdio(options.stdio[i], &pipes[2 * i]);
    if (err != 0) {
      for (int j = 0; j < stdio_count; j++) {
        if (j < options.stdio_count &&
            (options.stdio[j].flags & (UV_INHERIT_FD | UV_INHERIT_STREAM))) {
          continue;
        }
        if (parent_end(j) != -1) close(parent_end(j));
        if (child_end(j) != -1) close(child_end(j));
      }
      return err;
    }
  }

  char** envp = options.env != nullptr ? options.env : environ;
  const char* path = nullptr;
  for (char** e = envp; e != nullptr && *e != nullptr; e++) {
    if (strncmp(*e, "PATH=", 5) == 0) {
      path = *e + 5;
      break;
    }
  }
  size_t argc = 0;
  while (options.args[argc] != nullptr) argc++;
  // { "/bin/sh", <candidate>, argv[1...], NULL }: room for the candidate
  // and the NULL even when args is empty.
  std::vector<char*> script_argv(std::max<size_t>(argc, 1) + 2, nullptr);
  script_argv[0] = const_cast<char*>("/bin/sh");
  for (size_t i = 1; i < argc; i++) script_argv[i + 1] = options.args[i];
  std::vector<int> child_fds(static_cast<size_t>(stdio_count));
  for (int i = 0; i < stdio_count; i++) child_fds[i] = child_end(i);
  std::string candidate(PATH_MAX + NAME_MAX + 2, '\0');

  ChildPlan plan;
  plan.file = options.file;
  plan.argv = options.args;
  plan.envp = envp;
  plan.path = path;
  plan.cwd = options.cwd;
  plan.detached = (options.flags & UV_PROCESS_DETACHED) != 0;
  plan.stdio_count = stdio_count;
  plan.fds = child_fds.data();
  plan.candidate = candidate.data();
  plan.candidate_size = candidate.size();
  plan.script_argv = script_argv.data();
  plan.error = 0;

  int exec_error = 0;
  void* stack_top = child_stack.Top();
  if (stack_top == nullptr) {
    exec_error = UV_ENOMEM;
  } else {
    sigset_t all;
    sigset_t saved;
    sigfillset(&all);
    pthread_sigmask(SIG_BLOCK, &all, &saved);
    // libuv holds this around its fork(): no fd of another thread's
    // (non-O_CLOEXEC) open is half made meanwhile.
    uv_rwlock_wrlock(&loop->cloexec_lock);
    int pidfd = -1;
    int pid = clone(ChildMain, stack_top,
                    CLONE_VM | CLONE_VFORK | CLONE_PIDFD | SIGCHLD, &plan,
                    &pidfd);
    int clone_errno = errno;
    uv_rwlock_wrunlock(&loop->cloexec_lock);
    pthread_sigmask(SIG_SETMASK, &saved, nullptr);
    if (pid == -1) {
      exec_error = -clone_errno;
    } else if (plan.error != 0) {
      // The child has exited (exec failed): reap it, report its error.
      exec_error = plan.error;
      WaitForExit(pid);
      if (pidfd >= 0) close(pidfd);
    } else {
      child->pid = pid;
      child->pidfd = pidfd;
    }
  }

  // As uv_spawn(): the parent's ends become the streams, whether exec
  // worked or not.
  int err = 0;
  for (int i = 0; i < options.stdio_count; i++) {
    const uv_stdio_container_t& c = options.stdio[i];
    if (!(c.flags & UV_CREATE_PIPE) || parent_end(i) < 0) continue;
    close(child_end(i));
    child_end(i) = -1;
    if (err == 0) {
      err = uv_pipe_open(reinterpret_cast<uv_pipe_t*>(c.data.stream),
                         parent_end(i));
      if (err == 0) parent_end(i) = -1;
    }
    if (parent_end(i) >= 0) {
      close(parent_end(i));
      parent_end(i) = -1;
    }
  }
  return err != 0 ? err : exec_error;
}

void KillAndReap(int pid) {
  kill(pid, SIGKILL);
  WaitForExit(pid);
}

int ReapChild(int pid, int64_t* exit_status, int* term_signal) {
  int status = 0;
  int r;
  do {
    r = waitpid(pid, &status, WNOHANG);
  } while (r == -1 && errno == EINTR);
  if (r == 0) return 0;
  if (r == -1) return -errno;
  *exit_status = WIFEXITED(status) ? WEXITSTATUS(status) : 0;
  *term_signal = WIFSIGNALED(status) ? WTERMSIG(status) : 0;
  return 1;
}

}  // namespace lode
