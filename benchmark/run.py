#!/usr/bin/env python3
"""Runs every benchmark in this folder (each benchmark/<name>.py that has a
main()) and prints their headline lines. Options after the names are passed
to every benchmark (e.g. --binary, --node, -n).

  benchmark/run.py                      # all
  benchmark/run.py startup -- -n 10     # only startup, 10 runs
"""

import importlib.util
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
NOT_BENCHMARKS = {'run', 'common'}


def discover():
    found = []
    for name in sorted(os.listdir(HERE)):
        stem, ext = os.path.splitext(name)
        if ext != '.py' or stem in NOT_BENCHMARKS or stem.startswith('_'):
            continue
        spec = importlib.util.spec_from_file_location(
            'benchmark_' + stem, os.path.join(HERE, name))
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        if callable(getattr(module, 'main', None)):
            found.append((stem, module))
    return found


def main(argv=None):
    argv = sys.argv[1:] if argv is None else list(argv)
    if argv and argv[0] in ('-h', '--help'):
        print(__doc__.strip())
        print('\nbenchmarks: %s' % ', '.join(n for n, _ in discover()))
        return 0
    if '--' in argv:
        i = argv.index('--')
        names, passed = argv[:i], argv[i + 1:]
    else:
        names, passed = _split(argv)
    benchmarks = discover()
    known = {n for n, _ in benchmarks}
    for n in names:
        if n not in known:
            print('unknown benchmark %s (have: %s)'
                  % (n, ', '.join(sorted(known))), file=sys.stderr)
            return 2
    status = 0
    for name, module in benchmarks:
        if names and name not in names:
            continue
        try:
            rc = module.main(list(passed))
        except SystemExit as e:  # argparse errors
            rc = e.code if isinstance(e.code, int) else 1
        status = status or (rc or 0)
    return status


def _split(argv):
    """Leading bare words are benchmark names; the rest is passed on."""
    names = []
    i = 0
    while i < len(argv) and not argv[i].startswith('-'):
        names.append(argv[i])
        i += 1
    return names, argv[i:]


if __name__ == '__main__':
    sys.exit(main())
