#!/usr/bin/env python3
"""Timings of fs work under lode and node (benchmark/fixtures/fs.js):
per-case ratios and their geometric mean (lower is better)."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402


def main(argv=None):
    return common.micro('fs', 'fs.js', argv)


if __name__ == '__main__':
    sys.exit(main())
