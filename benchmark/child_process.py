#!/usr/bin/env python3
"""Timings of child_process work under lode and node (benchmark/fixtures/child_process.js):
per-case ratios and their geometric mean (lower is better)."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402


def main(argv=None):
    return common.micro('child_process', 'child_process.js', argv)


if __name__ == '__main__':
    sys.exit(main())
