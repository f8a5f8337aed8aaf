#!/usr/bin/env python3
"""Lode's test runner: runs JavaScript test files (and optionally a Catch2
cctest binary) against a lode binary and prints one summary line.

Examples:
  tools/test.py                                  # test/parallel, all CPUs
  tools/test.py test/parallel/test-path-*.js     # a glob
  tools/test.py --cctest out/Release/cctest test/parallel
  tools/test.py --binary node -j2 /tmp/mytests   # another binary, a folder

Each test runs as `BINARY <"// Flags:" of the file> <absolute path>` with the
repository root as working directory, "// Env: K=V" added to the
environment, its own temporary folder (NODE_TEST_DIR and TMPDIR),
TEST_SERIAL_ID / TEST_THREAD_ID / TEST_PARALLEL set, and NODE_OPTIONS,
NODE_PATH, NODE_EXTRA_CA_CERTS, NODE_COMPILE_CACHE and proxy variables
removed. Each test runs in its own session; on timeout its whole process
group is killed. Exit status 0 passes; printing "1..0 # Skipped" skips.
Tests in a folder named `sequential` run one at a time after the others.

The last line of output is always `N passed, N failed` (`, N skipped` is
appended when tests skipped). The exit status is 1 when anything failed.
"""

import argparse
import glob
import os
import re
import shlex
import shutil
import subprocess
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import testrunner  # noqa: E402
from testrunner import PASS, FAIL, SKIP, TIMEOUT  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_BINARY = os.path.join('out', 'Release', 'lode')
DEFAULT_DIRS = [os.path.join('test', 'parallel')]
OUTPUT_LINES = 60


def resolve_binary(value):
    """Absolute path of the binary: a bare name is looked up in PATH, a
    relative path is tried from the current folder, then the repository."""
    if os.sep not in value:
        found = shutil.which(value)
        if found:
            return found
        return os.path.join(ROOT, value)
    if os.path.isabs(value):
        return value
    here = os.path.abspath(value)
    if os.path.exists(here):
        return here
    return os.path.join(ROOT, value)


def display_name(path):
    rel = os.path.relpath(path, ROOT)
    return path if rel.startswith('..') else rel


def collect(args):
    """Test files for the given paths, folders or globs (in that order,
    without duplicates). Returns (tests, unmatched arguments)."""
    files = []
    unmatched = []
    for arg in args or DEFAULT_DIRS:
        found = []
        candidates = [arg] if os.path.isabs(arg) else [
            os.path.abspath(arg), os.path.join(ROOT, arg)]
        for cand in candidates:
            if os.path.isdir(cand):
                found = [os.path.join(cand, n)
                         for n in testrunner.list_test_dir(cand)]
                break
            if os.path.isfile(cand):
                found = [cand]
                break
            if glob.has_magic(cand):
                found = sorted(p for p in glob.glob(cand)
                               if os.path.isfile(p) and
                               re.search(r'\.m?js$', p))
                if found:
                    break
        if not found and (args and not os.path.isdir(candidates[-1])):
            unmatched.append(arg)
        files.extend(found)
    seen = set()
    tests = []
    for path in files:
        path = os.path.realpath(path)
        if path in seen:
            continue
        seen.add(path)
        test = testrunner.TestCase(path, display_name(path))
        test.parallel = os.path.basename(os.path.dirname(path)) != 'sequential'
        tests.append(test)
    return tests, unmatched


# Catch2 (v2 and v3) console summaries.
CATCH_ALL_PASSED_RE = re.compile(
    r'All tests passed \((\d+) assertions? in (\d+) test cases?\)')
CATCH_SUMMARY_RE = re.compile(r'^test cases:(.*)$', re.M | re.I)
CATCH_COUNT_RE = re.compile(r'(\d+)\s+(passed|failed as expected|failed|skipped)')


def parse_catch2(output):
    """(passed, failed, skipped) test cases from a Catch2 summary, or None
    when there is no summary (e.g. the binary crashed)."""
    m = CATCH_ALL_PASSED_RE.search(output)
    if m:
        return int(m.group(2)), 0, 0
    if 'No tests ran' in output:
        return 0, 0, 0
    matches = CATCH_SUMMARY_RE.findall(output)
    if not matches:
        return None
    counts = {'passed': 0, 'failed': 0, 'failed as expected': 0, 'skipped': 0}
    for number, label in CATCH_COUNT_RE.findall(matches[-1]):
        counts[label] = int(number)
    return (counts['passed'] + counts['failed as expected'],
            counts['failed'], counts['skipped'])


def run_cctest(path, timeout):
    """Runs a Catch2 binary; returns (passed, failed, skipped, report)."""
    binary = resolve_binary(path)
    cmd = [binary]
    start = time.perf_counter()
    try:
        proc = subprocess.run(cmd, cwd=ROOT, stdin=subprocess.DEVNULL,
                              stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                              env=testrunner.scrubbed_environ(),
                              timeout=timeout, start_new_session=True)
    except FileNotFoundError:
        return 0, 1, 0, '=== FAIL cctest: %s not found' % path
    except subprocess.TimeoutExpired as e:
        out = (e.output or b'').decode('utf-8', 'replace')
        return 0, 1, 0, ('=== FAIL cctest (timed out after %ds)\n%s'
                         % (timeout, testrunner.truncate_lines(out, OUTPUT_LINES)))
    duration = time.perf_counter() - start
    output = proc.stdout.decode('utf-8', 'replace')
    counts = parse_catch2(output)
    if counts is None:
        passed, failed, skipped = 0, 1, 0
    else:
        passed, failed, skipped = counts
        if proc.returncode != 0 and failed == 0:
            failed = 1  # crashed after the summary or a non-Catch failure
    report = ''
    if failed:
        report = ('=== FAIL cctest (exit %s, %.2fs): %d test case(s) failed\n%s\n'
                  'Command: cd %s && %s'
                  % (proc.returncode, duration, failed,
                     tail_lines(output, OUTPUT_LINES), shlex.quote(ROOT),
                     shlex.quote(display_name(binary))))
    return passed, failed, skipped, report


def tail_lines(text, n):
    """Catch2 puts the details of failures before the summary; keep the end."""
    lines = text.splitlines()
    if len(lines) > n:
        lines = ['[... %d lines omitted ...]' % (len(lines) - n)] + lines[-n:]
    return '\n'.join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(
        prog='tools/test.py',
        description=__doc__.split('\n\n')[0],
        epilog='\n\n'.join(__doc__.split('\n\n')[1:]),
        formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument('paths', nargs='*', metavar='PATH',
                        help='test files, folders (their test-*.js and '
                             'test-*.mjs files) or globs; default: '
                             'test/parallel')
    parser.add_argument('--binary', default=DEFAULT_BINARY,
                        help='runtime to test (default: %(default)s; a bare '
                             'name is looked up in PATH)')
    parser.add_argument('-j', '--jobs', type=int,
                        default=testrunner.default_jobs(),
                        help='tests run at the same time (default: the '
                             'number of CPUs, %(default)s)')
    parser.add_argument('--timeout', type=float, default=60,
                        help='seconds before a test is killed (default: '
                             '%(default)s)')
    parser.add_argument('--cctest', metavar='PATH',
                        help='also run this Catch2 binary and add its test '
                             'cases to the counts')
    parser.add_argument('--cctest-timeout', type=float, default=300,
                        help='seconds allowed for the cctest binary '
                             '(default: %(default)s)')
    parser.add_argument('-v', '--verbose', action='store_true',
                        help='print a line for every test, not only failures')
    opts = parser.parse_args(argv)

    binary = resolve_binary(opts.binary)
    tests, unmatched = collect(opts.paths)
    for arg in unmatched:
        print('error: no test files match %s' % arg, file=sys.stderr)
    if unmatched and not tests:
        return 2
    if tests and not os.path.exists(binary):
        print('error: binary %s does not exist (build it, or pass --binary)'
              % opts.binary, file=sys.stderr)
        return 2

    passed = failed = skipped = 0
    if opts.cctest:
        p, f, s, report = run_cctest(opts.cctest, opts.cctest_timeout)
        passed, failed, skipped = passed + p, failed + f, skipped + s
        if report:
            print(report, flush=True)
        elif opts.verbose:
            print('ok cctest: %d test cases' % p, flush=True)

    progress = testrunner.Progress()
    shown_binary = display_name(binary)

    def on_result(result, done, total):
        progress.update(result, done, total)
        if result.status in (FAIL, TIMEOUT):
            progress.clear()
            text = testrunner.truncate_lines(result.output, OUTPUT_LINES)
            print('=== FAIL %s (%s, %.2fs)' % (result.test.name,
                                               result.describe_exit(),
                                               result.duration))
            if text:
                print(text)
            print('Command: %s' % result.test.rerun_line(shown_binary, ROOT),
                  flush=True)
        elif opts.verbose:
            progress.clear()
            print('%s %s (%.2fs)' % ('ok  ' if result.status == PASS
                                     else 'skip', result.test.name,
                                     result.duration), flush=True)

    try:
        results = testrunner.run_tests(tests, binary, ROOT, opts.jobs,
                                       opts.timeout, on_result)
    except KeyboardInterrupt:
        progress.clear()
        print('interrupted', file=sys.stderr)
        return 130
    progress.clear()
    for r in results:
        if r.status == PASS:
            passed += 1
        elif r.status == SKIP:
            skipped += 1
        else:
            failed += 1
    line = '%d passed, %d failed' % (passed, failed)
    if skipped:
        line += ', %d skipped' % skipped
    print(line, flush=True)
    return 1 if failed or unmatched else 0


if __name__ == '__main__':
    sys.exit(main())
