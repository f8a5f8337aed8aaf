#!/usr/bin/env python3
"""Startup time: hello world under lode and node, interleaved; prints the
medians and the ratio lode/node (lower is better)."""

import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402

HELLO = os.path.join(common.FIXTURES, 'hello.js')


def main(argv=None):
    parser = common.parser_for('startup', __doc__.strip())
    opts = parser.parse_args(argv)
    try:
        lode = common.resolve(opts.binary, 'lode')
        node = common.resolve(opts.node, 'node')
        commands = {'lode': [lode, HELLO], 'node': [node, HELLO]}
        for cmd in commands.values():
            common.check_output(cmd, 'hello world\n')
        samples = common.interleaved(commands, opts.runs, opts.warmup)
    except common.BenchmarkError as e:
        print('startup: error: %s' % e, flush=True)
        return 1
    if opts.verbose:
        for label, values in samples.items():
            common.describe(label, values)
    print(common.headline('startup', common.median_ms(samples['lode']),
                          common.median_ms(samples['node'])), flush=True)
    return 0


if __name__ == '__main__':
    sys.exit(main())
