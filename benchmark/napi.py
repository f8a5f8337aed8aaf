#!/usr/bin/env python3
"""Node-API call cost under lode and node: 1,000,000 calls of each function
of a trivial addon (benchmark/fixtures/napi/binding.c) timed in-process
(benchmark/fixtures/napi.js); per-case ratios and their geometric mean (lower
is better).

The addon is compiled once against lode's Node-API headers (src/, what
`make install-headers` installs) into out/napi-bench/napi_bench.node; the
same file is loaded by both runtimes (Node-API is ABI-stable)."""

import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402

SOURCE = os.path.join(common.FIXTURES, 'napi', 'binding.c')
OUT_DIR = os.path.join(common.ROOT, 'out', 'napi-bench')
ADDON = os.path.join(OUT_DIR, 'napi_bench.node')
HEADERS = os.path.join(common.ROOT, 'src')


def build_addon():
    """Compiles the addon when it is missing or older than its source or
    lode's node_api.h; raises BenchmarkError when the compiler fails."""
    deps = [SOURCE, os.path.join(HEADERS, 'node_api.h'),
            os.path.join(HEADERS, 'js_native_api.h')]
    if (os.path.exists(ADDON) and
            os.path.getmtime(ADDON) >= max(os.path.getmtime(d) for d in deps)):
        return
    os.makedirs(OUT_DIR, exist_ok=True)
    cmd = [os.environ.get('CC', 'cc'), '-std=gnu11', '-O2', '-fPIC',
           '-shared', '-pthread', '-DNODE_GYP_MODULE_NAME=napi_bench',
           '-DBUILDING_NODE_EXTENSION', '-I' + HEADERS, SOURCE, '-o', ADDON]
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        raise common.BenchmarkError('building the addon failed: %s\n%s'
                                    % (' '.join(cmd), proc.stderr))


def main(argv=None):
    try:
        build_addon()
    except common.BenchmarkError as e:
        print('napi: error: %s' % e, flush=True)
        return 1
    # Ten runs of each, not five: noop()'s margin (5-9 %) is smaller than
    # what a busy virtual CPU adds to a whole run here (1.5 times, for
    # seconds), and in a sample of 60 alternating runs the fastest of five
    # still came from such a stretch for one runtime in a quarter of the
    # windows; of ten, in none.
    return common.micro('napi', 'napi.js', argv, runs=10)


if __name__ == '__main__':
    sys.exit(main())
