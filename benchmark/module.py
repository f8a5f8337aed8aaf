#!/usr/bin/env python3
"""Module loading: a generated graph of 500 CommonJS modules loaded with
require() and one of 500 ES modules loaded with import(), timed inside the
process (from before the require/import to its end), under lode and node,
runs alternating. Each graph is timed cold (no compile cache) and with the
compile cache on (NODE_COMPILE_CACHE, a directory per runtime filled by an
unmeasured run first). Prints each case and the ratios lode/node (lower is
better); the headline is the geometric mean over the cases.

The system node may predate the compile cache (Node 20 ignores
NODE_COMPILE_CACHE): --node24 adds a column for a Node 24, by default
/work/scratch/node24/package/bin/node when it exists."""

import math
import os
import shutil
import statistics
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402

DEFAULT_NODE24 = '/work/scratch/node24/package/bin/node'
MODULES = 500


def module_body(i, kind):
    """The code of module i: a few functions and a class, so that there is
    something to compile, and a value that depends on its children (i's
    children are 2i+1 and 2i+2: a tree that loads each module once)."""
    children = [c for c in (2 * i + 1, 2 * i + 2) if c < MODULES]
    if kind == 'cjs':
        head = ''.join("const c%d = require('./m%d.js');\n" % (c, c)
                       for c in children)
    else:
        head = ''.join("import c%d from './m%d.mjs';\n" % (c, c)
                       for c in children)
    total = ' + '.join(['base'] + ['c%d.value' % c for c in children])
    body = '''
'use strict';
const TABLE_%(i)d = [%(table)s];
function checksum%(i)d(values) {
  let h = 0x811c9dc5;
  for (const v of values) {
    h ^= v & 0xff;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}
function format%(i)d(value, width) {
  const s = String(value);
  return s.length >= width ? s : ' '.repeat(width - s.length) + s;
}
class Counter%(i)d {
  constructor(start) { this.count = start; this.history = []; }
  add(n) { this.count += n; this.history.push(n); return this; }
  reset() { const old = this.count; this.count = 0; return old; }
  get average() {
    if (this.history.length === 0) return 0;
    return this.history.reduce((a, b) => a + b, 0) / this.history.length;
  }
  toString() { return `Counter%(i)d(${format%(i)d(this.count, 6)})`; }
}
const options%(i)d = {
  name: 'module-%(i)d',
  enabled: %(enabled)s,
  retries: %(retries)d,
  tags: ['a%(i)d', 'b%(i)d', 'c%(i)d'],
  transform(x) { return typeof x === 'number' ? x * 2 : String(x); },
};
function unused%(i)d(list) {
  return list.filter((x) => x %% 3 === 0).map((x) => options%(i)d.transform(x))
    .sort((a, b) => a - b).slice(0, 10);
}
const base = checksum%(i)d(TABLE_%(i)d) %% 1000;
const value = %(total)s;
''' % {'i': i, 'table': ', '.join(str((i * 7 + k * 13) % 256)
                                     for k in range(16)),
       'enabled': 'true' if i % 2 else 'false', 'retries': i % 5,
       'total': total}
    if kind == 'cjs':
        tail = ('module.exports = { value, Counter: Counter%d, options: '
                'options%d, unused: unused%d };\n' % (i, i, i))
    else:
        tail = ('export default { value, Counter: Counter%d, options: '
                'options%d, unused: unused%d };\n' % (i, i, i))
    if kind == 'esm':
        body = body.replace("\n'use strict';\n", '\n')
    return head + body + tail


ENTRIES = {
    'cjs': ''''use strict';
const cpu = process.cpuUsage();
const start = process.hrtime.bigint();
const root = require('./m0.js');
const end = process.hrtime.bigint();
const { user, system } = process.cpuUsage(cpu);
console.log(JSON.stringify({ ms: Number(end - start) / 1e6,
                             cpu: (user + system) / 1e3,
                             value: root.value }));
''',
    'esm': ''''use strict';
const cpu = process.cpuUsage();
const start = process.hrtime.bigint();
import('./m0.mjs').then((ns) => {
  const end = process.hrtime.bigint();
  const { user, system } = process.cpuUsage(cpu);
  console.log(JSON.stringify({ ms: Number(end - start) / 1e6,
                               cpu: (user + system) / 1e3,
                               value: ns.default.value }));
});
''',
}


def generate(root):
    """Writes root/cjs (m*.js + main.js) and root/esm (m*.mjs + main.js)."""
    for kind in ('cjs', 'esm'):
        folder = os.path.join(root, kind)
        os.makedirs(folder)
        ext = '.js' if kind == 'cjs' else '.mjs'
        for i in range(MODULES):
            with open(os.path.join(folder, 'm%d%s' % (i, ext)), 'w') as f:
                f.write(module_body(i, kind))
        # A CommonJS entry in both: the graph is what is timed.
        with open(os.path.join(folder, 'main.js'), 'w') as f:
            f.write(ENTRIES[kind])
        with open(os.path.join(folder, 'package.json'), 'w') as f:
            f.write('{"type": "commonjs"}\n')


def run_case(cmd, env):
    """One run: (wall ms, CPU ms of the whole process, the graph's value)."""
    result = common.run_json(cmd, env)
    return result['ms'], result['cpu'], result['value']


def measure(runtimes, entry, envs, runs, warmup):
    """{label: (median wall ms, median CPU ms)}, runs alternating."""
    labels = list(runtimes)
    expected = None
    # Unmeasured runs first; the first one fills the cache directories.
    for _ in range(max(1, warmup)):
        for label in labels:
            _, _, value = run_case([runtimes[label], entry], envs[label])
            if expected is None:
                expected = value
            elif value != expected:
                raise common.BenchmarkError('%s %s: value %r, expected %r'
                                            % (label, entry, value, expected))
    wall = {label: [] for label in labels}
    cpu = {label: [] for label in labels}
    for i in range(runs):
        k = i % len(labels)
        for label in labels[k:] + labels[:k]:
            ms, cpu_ms, _ = run_case([runtimes[label], entry], envs[label])
            wall[label].append(ms)
            cpu[label].append(cpu_ms)
    return {label: (statistics.median(wall[label]),
                    statistics.median(cpu[label])) for label in labels}


def geomean(values):
    return math.exp(sum(math.log(v) for v in values) / len(values))


def main(argv=None):
    parser = common.parser_for('module', __doc__.strip(), runs=10, warmup=2)
    parser.add_argument('--node24', default=None,
                        help='a Node 24 for an extra column (default: %s '
                             'when present; "" for none)' % DEFAULT_NODE24)
    parser.add_argument('--keep', action='store_true',
                        help='keep the generated folder (path on stderr)')
    opts = parser.parse_args(argv)
    root = tempfile.mkdtemp(prefix='lode-bench-module-')
    results = {}
    try:
        runtimes = {'lode': common.resolve(opts.binary, 'lode'),
                    'node': common.resolve(opts.node, 'node')}
        node24 = opts.node24
        if node24 is None:
            node24 = DEFAULT_NODE24 if os.path.isfile(DEFAULT_NODE24) else ''
        if node24:
            runtimes['node24'] = common.resolve(node24, 'node24')
        generate(root)
        if opts.keep:
            print('module: files in %s' % root, file=sys.stderr)
        for kind in ('cjs', 'esm'):
            entry = os.path.join(root, kind, 'main.js')
            for cached in (False, True):
                envs = {}
                for label in runtimes:
                    env = common.clean_env()
                    if cached:
                        env['NODE_COMPILE_CACHE'] = os.path.join(
                            root, 'cache-' + label)
                    envs[label] = env
                case = '%s %s' % (kind, 'cached' if cached else 'cold')
                results[case] = measure(runtimes, entry, envs, opts.runs,
                                        opts.warmup)
    except common.BenchmarkError as e:
        print('module: error: %s' % e, flush=True)
        return 1
    finally:
        if not opts.keep:
            shutil.rmtree(root, ignore_errors=True)

    labels = list(runtimes)
    others = labels[1:]
    ratios = {(label, m): [] for label in others for m in (0, 1)}
    for case, medians in results.items():
        for m, metric in ((0, 'wall'), (1, 'cpu ')):
            parts = ['%s %6.1f' % (label, medians[label][m])
                     for label in labels]
            for label in others:
                ratio = medians['lode'][m] / medians[label][m]
                ratios[(label, m)].append(ratio)
                parts.append('lode/%s %.2f' % (label, ratio))
            print('  %-11s %s ms: %s' % (case, metric, '  '.join(parts)),
                  flush=True)
    summary = ['lode/%s %.2f (cpu %.2f)'
               % (label, geomean(ratios[(label, 0)]),
                  geomean(ratios[(label, 1)])) for label in others]
    print('module: %d cases, geometric mean ratio %s (lower is better)'
          % (len(results), ', '.join(summary)), flush=True)
    return 0


if __name__ == '__main__':
    sys.exit(main())
