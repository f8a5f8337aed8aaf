#!/usr/bin/env python3
"""Timings of worker_threads under lode and node (benchmark/fixtures/worker.js):
starting a worker (until its first message and its exit), and 100,000
postMessage round trips main -> worker -> main, one at a time and pipelined:
per-case ratios and their geometric mean (lower is better)."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402


def main(argv=None):
    return common.micro('worker', 'worker.js', argv, runs=3, warmup=0)


if __name__ == '__main__':
    sys.exit(main())
