#!/usr/bin/env python3
"""Startup time: hello world, and `--test` on an empty test file, under lode
and node, interleaved; prints the medians and the ratio lode/node of each
(lower is better)."""

import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402

HELLO = os.path.join(common.FIXTURES, 'hello.js')
EMPTY = os.path.join(common.FIXTURES, 'empty.js')


def check_test_run(cmd):
    """`--test` prints a report whose form differs between versions of node
    (TAP or spec): it must exit 0 and count one passing test file."""
    proc = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True,
                          env=common.clean_env(), cwd=common.ROOT, timeout=60)
    out = proc.stdout.decode('utf-8', 'replace')
    if proc.returncode != 0 or 'pass 1' not in out or 'fail 0' not in out:
        raise common.BenchmarkError(
            '%s: exit %d, stdout %r, stderr %r'
            % (' '.join(cmd), proc.returncode, out[:400],
               proc.stderr.decode('utf-8', 'replace')[:400]))


def main(argv=None):
    parser = common.parser_for('startup', __doc__.strip())
    opts = parser.parse_args(argv)
    try:
        lode = common.resolve(opts.binary, 'lode')
        node = common.resolve(opts.node, 'node')
        hello = {'lode': [lode, HELLO], 'node': [node, HELLO]}
        test = {'lode': [lode, '--test', EMPTY],
                'node': [node, '--test', EMPTY]}
        for cmd in hello.values():
            common.check_output(cmd, 'hello world\n')
        for cmd in test.values():
            check_test_run(cmd)
        cases = [('startup', common.interleaved(hello, opts.runs,
                                                opts.warmup)),
                 ('startup --test', common.interleaved(test, opts.runs,
                                                       opts.warmup))]
    except common.BenchmarkError as e:
        print('startup: error: %s' % e, flush=True)
        return 1
    for name, samples in cases:
        if opts.verbose:
            print(name, file=sys.stderr)
            for label, values in samples.items():
                common.describe(label, values)
        print(common.headline(name, common.median_ms(samples['lode']),
                              common.median_ms(samples['node'])), flush=True)
    return 0


if __name__ == '__main__':
    sys.exit(main())
