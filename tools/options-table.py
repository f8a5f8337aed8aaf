#!/usr/bin/env python3
"""Writes src/lode_options_table.inc, lode's table of command line options.

The names, kinds, help texts and NODE_OPTIONS rules are Node 24's (they are
behaviour users see: `--help`, "bad option", "is not allowed in
NODE_OPTIONS"), read from a JSON description that Node 24 itself prints:

  node --expose-internals --no-warnings tools/options-table-dump.js > info.json
  tools/options-table.py info.json > src/lode_options_table.inc

What lode does with an option (honours it, accepts it without effect, or
refuses it as not implemented) is lode's, kept in the sets below.
"""
import json
import sys

KINDS = {0: 'N', 1: 'V', 2: 'B', 3: 'I', 4: 'U', 5: 'S', 6: 'H', 7: 'L'}

# Per-process options (Node refuses them in a worker's execArgv and in the
# NODE_OPTIONS of a worker's env), found by trying each one in a Worker.
PER_PROCESS = {
    '--completion-bash', '--debug-arraybuffer-allocations', '--disable-proto',
    '--disable-wasm-trap-handler', '--enable-fips', '--experimental-sea-config',
    '--force-fips', '--help', '--icu-data-dir', '--node-memory-debug',
    '--node-snapshot', '--openssl-config', '--openssl-legacy-provider',
    '--openssl-shared-config', '--report-compact', '--report-dir',
    '--report-filename', '--report-on-fatalerror', '--run', '--secure-heap',
    '--secure-heap-min', '--security-revert', '--snapshot-blob',
    '--title', '--tls-cipher-list',
    '--trace-event-categories', '--trace-event-file-pattern', '--trace-sigint',
    '--use-bundled-ca', '--use-largepages', '--use-openssl-ca',
    '--use-system-ca', '--v8-options', '--v8-pool-size', '--version',
    '--zero-fill-buffers', '--debug', '--debug-brk',
    '--experimental-shadow-realm', '--build-snapshot',
    '--build-snapshot-config',
}

# Options lode refuses at start-up ("not implemented in lode"), exit code 9.
UNSUPPORTED = {
    '--enable-fips', '--force-fips', '--openssl-config',
    '--openssl-legacy-provider', '--openssl-shared-config', '--secure-heap',
    '--secure-heap-min', '--prof-process',
    '--experimental-sea-config', '--report-on-signal',
    '--report-uncaught-exception', '--report-on-fatalerror',
    '--heapsnapshot-near-heap-limit', '--heapsnapshot-signal',
    '--experimental-webstorage', '--localstorage-file', '--completion-bash',
    '--use-largepages', '--experimental-addon-modules', '--security-revert',
    '--trace-promises',
    '--debug', '--debug-brk',
    '--inspect', '--inspect-brk', '--inspect-wait',
    '--inspect-brk-node', '--max-old-space-size-percentage',
    '--experimental-inspector-network-resource', '--entry-url',
    '--experimental-worker-inspection', '--experimental-config-file',
    '--experimental-default-config-file',
}

# Accepted, but lode does nothing with them (listed in doc/status.md).
NO_EFFECT = {
    '--trace-sync-io', '--track-heap-objects', '--disable-sigusr1',
    '--disable-wasm-trap-handler', '--debug-arraybuffer-allocations',
    '--verify-base-objects', '--force-async-hooks-checks', '--icu-data-dir',
    '--diagnostic-dir', '--report-dir', '--report-filename',
    '--report-compact', '--report-signal', '--report-exclude-env',
    '--report-exclude-network', '--inspect-publish-uid', '--v8-pool-size',
    '--use-bundled-ca',
}

# lode's values where they differ from Node's.
DEFAULTS = {
    '--warnings': True, '--expose-internals': False, '--eval': '',
    '--print': False, '--strip-types': True, '--node-snapshot': True,
    '--inspect-port': '127.0.0.1:9229', '[has_eval_string]': None,
    '[has_env_file_string]': None, '[ssl_openssl_cert_store]': None,
}
# Kinds lode keeps its own way: lib/ reads --abort-on-uncaught-exception.
KIND_OVERRIDES = {'--abort-on-uncaught-exception': 'B'}
# Options lode adds (V8 flags Node 24's V8 has and V8 10.2 lacks, taken
# so that the command lines of Node's tests parse).
EXTRA = [
    ('--js-source-phase-imports', 'B', '', '', False, False, 'noeffect'),
    ('--perf-basic-prof-path', 'S', '', '', False, False, 'noeffect'),
]


def c_string(s):
    return json.dumps(s, ensure_ascii=True)


def main():
    info = json.load(open(sys.argv[1]))
    rows = []
    for o in info['options']:
        name = o['name']
        if name.startswith('['):
            continue
        kind = KIND_OVERRIDES.get(name, KINDS[o['type']])
        value = DEFAULTS.get(name, o.get('value'))
        if kind == 'B':
            default = 'true' if (value if name in DEFAULTS
                                 else o['defaultIsTrue'] or value) else ''
        elif kind in ('S', 'H'):
            default = value or ''
        elif kind in ('I', 'U'):
            default = str(value or 0)
        else:
            default = ''
        support = ('unsupported' if name in UNSUPPORTED else
                   'noeffect' if name in NO_EFFECT else 'yes')
        rows.append((name, kind, default, o['helpText'],
                     o['envVarSettings'] == 0, name in PER_PROCESS, support))
    rows.extend(EXTRA)
    rows.sort()
    print('// Generated by tools/options-table.py from Node 24\'s option list;')
    print('// do not edit by hand. Columns: name, kind, default, help,')
    print('// allowed in NODE_OPTIONS, per-process, what lode does with it.')
    for name, kind, default, help_text, env, per_process, support in rows:
        sup = {'yes': 'kSupported', 'noeffect': 'kNoEffect',
               'unsupported': 'kUnsupported'}[support]
        print(f'{{{c_string(name)}, {kind}, {c_string(default)},\n'
              f' {c_string(help_text)},\n'
              f' {"E" if env else "D"}, {"P" if per_process else "T"}, {sup}}},')


main()
