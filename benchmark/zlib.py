#!/usr/bin/env python3
"""gzip and gunzip of 100 MB under lode and node (benchmark/fixtures/zlib.js):
zlib.gzipSync/gunzipSync and createGzip/createGunzip streams; per-case
ratios and their geometric mean (lower is better)."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402


def main(argv=None):
    return common.micro('zlib', 'zlib.js', argv, runs=3, warmup=0)


if __name__ == '__main__':
    sys.exit(main())
