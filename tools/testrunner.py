"""Shared core of tools/test.py and tools/node-compat (python3, stdlib only).

Runs JavaScript test files the way Node's own test harness does:

  * command: BINARY <flags of the file's first "// Flags:" line> <abs path>
  * cwd: the folder that contains test/
  * "// Env: K=V ..." adds environment variables
  * each worker gets its own short temporary folder, exported as
    NODE_TEST_DIR and TMPDIR; TEST_SERIAL_ID, TEST_THREAD_ID and
    TEST_PARALLEL are set per test
  * variables that change the runtime's behaviour from outside
    (NODE_OPTIONS, NODE_PATH, NODE_EXTRA_CA_CERTS, proxies, ...) are removed
  * every test runs in a new session; on timeout the whole process group is
    killed (leftover children are reaped after a normal exit too)
  * pass = exit status 0; a test that printed "1..0 # Skipped" is a skip
"""

import os
import queue
import re
import shlex
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time

FLAGS_RE = re.compile(r'//\s+Flags:(.*)')
ENV_RE = re.compile(r'//\s+Env:(.*)')
TEST_NAME_RE = re.compile(r'^test-.*\.m?js$')
SKIP_MARK = '1..0 # Skipped'

# Removed from the environment of every test.
SCRUBBED_ENV = (
    'NODE_OPTIONS', 'NODE_PATH', 'NODE_EXTRA_CA_CERTS', 'NODE_COMPILE_CACHE',
    'NODE_DISABLE_COMPILE_CACHE', 'NODE_USE_ENV_PROXY', 'NODE_REPL_HISTORY',
    'NODE_REPL_EXTERNAL_MODULE', 'NODE_DEBUG', 'NODE_DEBUG_NATIVE',
    'NODE_V8_COVERAGE', 'NODE_PENDING_DEPRECATION', 'NODE_NO_WARNINGS',
    'NODE_REDIRECT_WARNINGS', 'NODE_TLS_REJECT_UNAUTHORIZED',
    'NODE_SKIP_FLAG_CHECK', 'NODE_TEST_CONTEXT', 'UV_THREADPOOL_SIZE',
    'SSL_CERT_FILE', 'SSL_CERT_DIR', 'OPENSSL_CONF', 'FORCE_COLOR',
    'NO_COLOR', 'NODE_DISABLE_COLORS',
    'http_proxy', 'https_proxy', 'ftp_proxy', 'all_proxy', 'no_proxy',
    'HTTP_PROXY', 'HTTPS_PROXY', 'FTP_PROXY', 'ALL_PROXY', 'NO_PROXY',
)

PASS, FAIL, SKIP, TIMEOUT = 'pass', 'fail', 'skip', 'timeout'


class TestCase:
    """One test file: where it is and what its header asks for."""

    def __init__(self, path, name):
        self.path = os.path.abspath(path)  # absolute path of the file
        self.name = name                   # display name, e.g. parallel/test-x.js
        self.flags = []
        self.env = {}
        self._read_header()

    def _read_header(self):
        try:
            with open(self.path, encoding='utf-8', errors='replace') as f:
                source = f.read()
        except OSError:
            return
        # Like upstream: the first match anywhere in the file.
        m = FLAGS_RE.search(source)
        if m:
            self.flags = m.group(1).strip().split()
        m = ENV_RE.search(source)
        if m:
            for pair in m.group(1).strip().split():
                key, sep, value = pair.partition('=')
                if sep:
                    self.env[key] = value

    def command(self, binary):
        return [binary] + self.flags + [self.path]

    def rerun_line(self, binary, cwd):
        """A shell line that reruns this test by hand."""
        rel = os.path.relpath(self.path, cwd)
        if rel.startswith('..'):
            rel = self.path
        parts = ['%s=%s' % (k, shlex.quote(v)) for k, v in self.env.items()]
        parts += [shlex.quote(binary)] + [shlex.quote(f) for f in self.flags]
        parts.append(shlex.quote(rel))
        return 'cd %s && %s' % (shlex.quote(cwd), ' '.join(parts))


class Result:
    def __init__(self, test, status, exit_code, duration, stdout, stderr):
        self.test = test
        self.status = status
        self.exit_code = exit_code
        self.duration = duration
        self.stdout = stdout
        self.stderr = stderr

    @property
    def output(self):
        out = self.stdout
        if out and self.stderr and not out.endswith('\n'):
            out += '\n'
        return out + self.stderr

    def describe_exit(self):
        if self.status == TIMEOUT:
            return 'timed out after %.0fs' % self.duration
        code = self.exit_code
        if code is not None and code < 0:
            try:
                return 'killed by %s' % signal.Signals(-code).name
            except ValueError:
                return 'killed by signal %d' % -code
        return 'exit %s' % code


def scrubbed_environ():
    env = dict(os.environ)
    for key in SCRUBBED_ENV:
        env.pop(key, None)
    return env


def truncate_lines(text, max_lines, max_chars=16000):
    """At most max_lines lines of text: when longer, the first quarter and
    the last three quarters (errors and stacks are usually at the end)."""
    lines = text.splitlines()
    if len(lines) > max_lines:
        head = max_lines // 4
        tail = max_lines - head
        lines = (lines[:head] +
                 ['[... %d lines omitted ...]' % (len(lines) - max_lines)] +
                 lines[-tail:])
    text = '\n'.join(lines)
    if len(text) > max_chars:
        half = max_chars // 2
        text = text[:half] + '\n[... output truncated ...]\n' + text[-half:]
    return text


def kill_group(pgid):
    try:
        os.killpg(pgid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError):
        pass


def run_one(test, binary, cwd, env, workdir, outdir, timeout, running=None):
    """Runs one test in its own session, stdout/stderr into files (as
    upstream does, so no child can block on a full pipe)."""
    out_path = os.path.join(outdir, 'stdout')
    err_path = os.path.join(outdir, 'stderr')
    start = time.perf_counter()
    timed_out = False
    with open(out_path, 'w+b') as out_f, open(err_path, 'w+b') as err_f:
        try:
            proc = subprocess.Popen(test.command(binary), cwd=cwd, env=env,
                                    stdin=subprocess.DEVNULL, stdout=out_f,
                                    stderr=err_f, start_new_session=True)
        except OSError as e:
            return Result(test, FAIL, None, 0.0, '',
                          'cannot run %s: %s\n' % (binary, e))
        if running is not None:
            running.add(proc.pid)
        try:
            code = proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            timed_out = True
            kill_group(proc.pid)
            code = proc.wait()
        duration = time.perf_counter() - start
        # Children the test left behind share its process group.
        kill_group(proc.pid)
        if running is not None:
            running.discard(proc.pid)
        out_f.seek(0)
        stdout = out_f.read().decode('utf-8', 'replace')
        err_f.seek(0)
        stderr = err_f.read().decode('utf-8', 'replace')
    if timed_out:
        status = TIMEOUT
    elif code == 0:
        status = SKIP if is_skip(stdout) else PASS
    else:
        status = FAIL
    return Result(test, status, code, duration, stdout, stderr)


def is_skip(stdout):
    for line in stdout.splitlines():
        if line.startswith(SKIP_MARK):
            return True
    return False


def clear_dir(path):
    try:
        names = os.listdir(path)
    except OSError:
        return
    for name in names:
        full = os.path.join(path, name)
        if os.path.isdir(full) and not os.path.islink(full):
            shutil.rmtree(full, ignore_errors=True)
        else:
            try:
                os.unlink(full)
            except OSError:
                pass


def run_tests(tests, binary, cwd, jobs, timeout, on_result=None,
              extra_env=None):
    """Runs tests and returns their results in the order of `tests`.

    Tests whose `parallel` attribute is true run first, `jobs` at a time with
    TEST_PARALLEL=1; the others then run one at a time with TEST_PARALLEL=0
    (they may use fixed ports). on_result(result, done, total) is called from
    the calling thread as results arrive."""
    base_env = scrubbed_environ()
    if extra_env:
        base_env.update(extra_env)
    # Short paths: unix socket names are limited to 108 bytes.
    root = tempfile.mkdtemp(prefix='lt', dir='/tmp')
    results = [None] * len(tests)
    running = set()
    state = {'done': 0}
    para = [(i, t) for i, t in enumerate(tests) if getattr(t, 'parallel', True)]
    serial = [(i, t) for i, t in enumerate(tests)
              if not getattr(t, 'parallel', True)]
    try:
        for batch, njobs in ((para, max(1, jobs)), (serial, 1)):
            if batch:
                _run_batch(batch, binary, cwd, njobs, timeout, base_env, root,
                           running, results, state, len(tests), on_result)
    except KeyboardInterrupt:
        state['stop'] = True
        for pid in list(running):
            kill_group(pid)
        raise
    finally:
        shutil.rmtree(root, ignore_errors=True)
    return results


def _run_batch(batch, binary, cwd, jobs, timeout, base_env, root, running,
               results, state, total, on_result):
    jobs = min(jobs, len(batch))
    parallel = '1' if jobs > 1 else '0'
    todo = queue.Queue()
    for item in batch:
        todo.put(item)
    done_q = queue.Queue()

    def worker(thread_id):
        workdir = os.path.join(root, str(thread_id))
        outdir = os.path.join(root, 'out%d' % thread_id)
        os.makedirs(workdir, exist_ok=True)
        os.makedirs(outdir, exist_ok=True)
        while not state.get('stop'):
            try:
                index, test = todo.get_nowait()
            except queue.Empty:
                break
            env = dict(base_env)
            env.update({
                'NODE_TEST_DIR': workdir,
                'TMPDIR': workdir,
                'TEST_SERIAL_ID': str(index),
                'TEST_THREAD_ID': str(thread_id),
                'TEST_PARALLEL': parallel,
            })
            env.update(test.env)
            if state.get('stop'):
                break
            try:
                result = run_one(test, binary, cwd, env, workdir, outdir,
                                 timeout, running)
            except Exception as e:  # keep the pool alive whatever happens
                result = Result(test, FAIL, None, 0.0, '',
                                'runner error: %r\n' % (e,))
            clear_dir(workdir)
            done_q.put((index, result))

    threads = [threading.Thread(target=worker, args=(i,), daemon=True)
               for i in range(jobs)]
    for t in threads:
        t.start()
    for _ in range(len(batch)):
        index, result = done_q.get()
        results[index] = result
        state['done'] += 1
        if on_result:
            on_result(result, state['done'], total)
    for t in threads:
        t.join()


class Progress:
    """A one-line counter on stderr when it is a terminal."""

    def __init__(self, enabled=None):
        self.enabled = sys.stderr.isatty() if enabled is None else enabled
        self.counts = {PASS: 0, FAIL: 0, SKIP: 0, TIMEOUT: 0}
        self.shown = False

    def update(self, result, done, total):
        self.counts[result.status] += 1
        if not self.enabled:
            return
        c = self.counts
        sys.stderr.write('\r\033[K[%d/%d] %d passed, %d failed, %d skipped'
                         % (done, total, c[PASS], c[FAIL] + c[TIMEOUT],
                            c[SKIP]))
        sys.stderr.flush()
        self.shown = True

    def clear(self):
        if self.shown:
            sys.stderr.write('\r\033[K')
            sys.stderr.flush()
            self.shown = False


def default_jobs():
    try:
        return len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        return os.cpu_count() or 1


def list_test_dir(directory):
    """Test files directly inside directory (test-*.js / test-*.mjs)."""
    try:
        names = os.listdir(directory)
    except OSError:
        return []
    return sorted(n for n in names if TEST_NAME_RE.match(n) and
                  os.path.isfile(os.path.join(directory, n)))
