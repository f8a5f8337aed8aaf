"""Helpers shared by the benchmarks in this folder (python3, stdlib only).

A benchmark is a file benchmark/<name>.py with a main(argv=None) that prints
one headline line, `<name>: lode X, node Y, ratio R (lower is better)`, and
returns an exit status. benchmark/run.py runs them all.
"""

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
FIXTURES = os.path.join(HERE, 'fixtures')
DEFAULT_BINARY = os.path.join(ROOT, 'out', 'Release', 'lode')

# Variables that would make either runtime do extra work.
SCRUBBED_ENV = ('NODE_OPTIONS', 'NODE_PATH', 'NODE_EXTRA_CA_CERTS',
                'NODE_COMPILE_CACHE', 'NODE_V8_COVERAGE', 'NODE_DEBUG',
                'NODE_DEBUG_NATIVE', 'NODE_REPL_HISTORY')


class BenchmarkError(Exception):
    pass


def add_common_args(parser, runs=30, warmup=3):
    parser.add_argument('--binary', default=DEFAULT_BINARY,
                        help='lode binary (default: out/Release/lode)')
    parser.add_argument('--node', default='node',
                        help='node to compare with (default: node in PATH)')
    parser.add_argument('-n', '--runs', type=int, default=runs,
                        help='measured runs of each (default: %(default)s)')
    parser.add_argument('--warmup', type=int, default=warmup,
                        help='unmeasured runs of each first '
                             '(default: %(default)s)')
    parser.add_argument('-v', '--verbose', action='store_true',
                        help='details (min, max, spread) on stderr')
    return parser


def parser_for(name, description, **defaults):
    parser = argparse.ArgumentParser(prog='benchmark/%s.py' % name,
                                     description=description)
    return add_common_args(parser, **defaults)


def resolve(binary, what):
    """Absolute path of an executable given as a path or a name in PATH."""
    if os.sep not in binary:
        found = shutil.which(binary)
        if found:
            return found
        candidate = os.path.join(ROOT, binary)
    else:
        candidate = os.path.abspath(binary)
        if not os.path.exists(candidate):
            candidate = os.path.join(ROOT, binary)
    if not os.path.isfile(candidate):
        raise BenchmarkError('%s binary %s not found' % (what, binary))
    return candidate


def clean_env():
    env = dict(os.environ)
    for key in SCRUBBED_ENV:
        env.pop(key, None)
    return env


def check_output(cmd, expected, env=None):
    """Runs cmd once and insists that its stdout is `expected`."""
    proc = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True,
                          env=env or clean_env(), cwd=ROOT, timeout=60)
    out = proc.stdout.decode('utf-8', 'replace')
    if proc.returncode != 0 or out != expected:
        raise BenchmarkError('%s: exit %d, stdout %r, stderr %r'
                             % (' '.join(cmd), proc.returncode, out[:200],
                                proc.stderr.decode('utf-8', 'replace')[:400]))


def time_once(cmd, env):
    """Wall time of one run in seconds (perf_counter around subprocess)."""
    start = time.perf_counter()
    proc = subprocess.run(cmd, stdin=subprocess.DEVNULL,
                          stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
                          env=env, cwd=ROOT)
    elapsed = time.perf_counter() - start
    if proc.returncode != 0:
        raise BenchmarkError('%s exited with %d' % (' '.join(cmd),
                                                   proc.returncode))
    return elapsed


def interleaved(commands, runs, warmup, env=None):
    """Times each command `runs` times, alternating between them (and
    rotating which goes first) so that machine noise hits all alike.
    commands: {label: argv}. Returns {label: [seconds, ...]}."""
    env = env or clean_env()
    labels = list(commands)
    for _ in range(warmup):
        for label in labels:
            time_once(commands[label], env)
    samples = {label: [] for label in labels}
    for i in range(runs):
        k = i % len(labels)
        for label in labels[k:] + labels[:k]:
            samples[label].append(time_once(commands[label], env))
    return samples


def median_ms(values):
    return statistics.median(values) * 1000.0


def describe(label, values, out=sys.stderr):
    ms = sorted(v * 1000.0 for v in values)
    spread = statistics.stdev(ms) if len(ms) > 1 else 0.0
    print('  %-5s median %.1f ms, min %.1f, max %.1f, stdev %.1f (%d runs)'
          % (label, statistics.median(ms), ms[0], ms[-1], spread, len(ms)),
          file=out)


def headline(name, lode_value, node_value, unit='ms'):
    """`name: lode X ms, node Y ms, ratio R (lower is better)`."""
    ratio = lode_value / node_value if node_value else float('inf')
    return ('%s: lode %.1f %s, node %.1f %s, ratio %.2f (lower is better)'
            % (name, lode_value, unit, node_value, unit, ratio))


def run_json(cmd, env=None):
    """Runs cmd once; its stdout is one JSON object."""
    import json
    proc = subprocess.run(cmd, stdin=subprocess.DEVNULL, capture_output=True,
                          env=env or clean_env(), cwd=ROOT, timeout=600)
    if proc.returncode != 0:
        raise BenchmarkError('%s exited with %d: %s'
                             % (' '.join(cmd), proc.returncode,
                                proc.stderr.decode('utf-8', 'replace')[-400:]))
    return json.loads(proc.stdout.decode('utf-8'))


def micro_parser(name, **defaults):
    """The options of an in-process benchmark (see micro())."""
    defaults.setdefault('runs', 5)
    defaults.setdefault('warmup', 1)
    parser = parser_for(name, 'In-process timings of %s under lode and node; '
                        'per-case ratios lode/node (lower is better).' % name,
                        **defaults)
    parser.add_argument('--filter', default='',
                        help='only the cases whose name contains this')
    parser.add_argument('--median', action='store_true',
                        help='compare the medians of the runs instead of '
                             'their minimums')
    return parser


def micro_samples(opts, fixture, env=None):
    """Runs the fixture under both runtimes, `opts.runs` times alternating,
    after `opts.warmup` unmeasured runs. Returns {'lode': [{case: ns}],
    'node': [...]}."""
    path = os.path.join(FIXTURES, fixture)
    lode = resolve(opts.binary, 'lode')
    node = resolve(opts.node, 'node')
    cmds = {'lode': [lode, path, opts.filter],
            'node': [node, path, opts.filter]}
    for _ in range(opts.warmup):
        for cmd in cmds.values():
            run_json(cmd, env)
    samples = {'lode': [], 'node': []}
    for i in range(opts.runs):
        order = ['lode', 'node'] if i % 2 == 0 else ['node', 'lode']
        for label in order:
            samples[label].append(run_json(cmds[label], env))
    return samples


def _amount(ns):
    if ns >= 1e7:
        return '%10.1f ms' % (ns / 1e6)
    if ns >= 1e4:
        return '%10.1f us' % (ns / 1e3)
    return '%10.1f ns' % ns


def case_line(case, lode_ns, node_ns):
    """One case's line: both medians and the ratio; returns the ratio."""
    ratio = lode_ns / node_ns if node_ns else float('inf')
    print('  %-44s lode %s  node %s  ratio %5.2f'
          % (case, _amount(lode_ns), _amount(node_ns), ratio), flush=True)
    return ratio


def micro_ratios(samples, estimate=min):
    """Prints each case's line; returns the ratios of the estimates (by
    default each runtime's fastest run: see benchmark/README.md)."""
    ratios = []
    for case in samples['lode'][0]:
        ratios.append(case_line(
            case, estimate([s[case] for s in samples['lode']]),
            estimate([s[case] for s in samples['node']])))
    return ratios


def summary(name, ratios):
    """The headline of a benchmark with several cases."""
    import math
    geo = math.exp(sum(math.log(r) for r in ratios) / len(ratios))
    return ('%s: %d cases, geometric mean ratio %.2f, worst %.2f '
            '(lower is better)' % (name, len(ratios), geo, max(ratios)))


def micro(name, fixture, argv=None, **defaults):
    """A benchmark whose cases time themselves inside the runtime: the
    fixture prints {case: nanoseconds per operation} (its fastest round).
    Both runtimes run it `runs` times, alternating; each case's ratio is of
    the fastest runs (of the medians with --median), and the headline is
    their geometric mean."""
    opts = micro_parser(name, **defaults).parse_args(argv)
    try:
        samples = micro_samples(opts, fixture)
    except BenchmarkError as e:
        print('%s: error: %s' % (name, e), flush=True)
        return 1
    estimate = statistics.median if opts.median else min
    if opts.verbose:
        print('medians:' if not opts.median else 'minimums:',
              file=sys.stderr)
        other = min if opts.median else statistics.median
        for case in samples['lode'][0]:
            print('  %-44s lode %s  node %s' % (
                case, _amount(other([s[case] for s in samples['lode']])),
                _amount(other([s[case] for s in samples['node']]))),
                file=sys.stderr)
    print(summary(name, micro_ratios(samples, estimate)), flush=True)
    return 0
