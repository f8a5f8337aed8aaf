// Starting a child process without fork(). libuv 1.44 forks, and fork()
// copies the page tables of the whole process (V8's heap, libnode, ICU...):
// about 220 us per child here, plus a copy-on-write fault on every page the
// parent writes afterwards. SpawnWithoutFork() starts the child with
// clone(CLONE_VM | CLONE_VFORK) instead: the child borrows the parent's
// memory until it calls execve() (the calling thread waits meanwhile), and
// does on its way exactly what libuv's child does (signal dispositions,
// setsid, stdio, cwd, PATH search in the child's environment, signal mask).
// libuv does not know these children: the caller watches the returned pidfd
// (readable once the child has exited) and reaps it with ReapChild().
#ifndef SRC_LODE_SPAWN_H_
#define SRC_LODE_SPAWN_H_

#include <stdint.h>

#include "uv.h"

namespace lode {

// Whether SpawnWithoutFork() can do what `options` asks: not uid/gid (the
// caller uses uv_spawn() then), and the kernel has pidfds and SIGCHLD is
// not ignored (children would be reaped behind our back).
bool CanSpawnWithoutFork(const uv_process_options_t& options);

struct SpawnedChild {
  int pid = 0;     // > 0 when the child started (it must be reaped)
  int pidfd = -1;  // close-on-exec; the caller closes it
};

// uv_spawn() without fork(): same stdio containers, same errors (0 or a
// negative errno), and as in uv_spawn() the UV_CREATE_PIPE streams are
// opened even when exec failed. `options.exit_cb` is not used.
int SpawnWithoutFork(uv_loop_t* loop, const uv_process_options_t& options,
                     SpawnedChild* child);

// waitpid(pid, WNOHANG) for a child started above: 1 with its exit status
// and signal decoded as libuv does, 0 while it runs, or a negative errno.
int ReapChild(int pid, int64_t* exit_status, int* term_signal);

// For a child started above that cannot be watched (its pidfd could not be
// polled): kills it and reaps it, so that it never outlives its spawner
// unnoticed.
void KillAndReap(int pid);

}  // namespace lode

#endif  // SRC_LODE_SPAWN_H_
