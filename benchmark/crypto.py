#!/usr/bin/env python3
"""Bulk crypto and HTTPS under lode and node, in one run:
benchmark/fixtures/crypto.js times, inside each runtime, SHA-256 of 100 MB
(64 KiB updates, and one buffer) and AES-256-GCM encryption of 100 MB
(64 KiB updates, final, auth tag); then benchmark/fixtures/https_server.js
(a hello-world https.createServer with a self-signed RSA-2048 certificate
made by the openssl command in a temporary folder) runs under each and is
loaded by wrk, rounds alternating as in http.py. Per-case ratios lode/node
(for HTTPS: time per request) and their geometric mean, lower is better.
Without wrk or openssl the HTTPS case is skipped."""

import importlib.util
import os
import shutil
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
import common  # noqa: E402

SERVER = os.path.join(common.FIXTURES, 'https_server.js')


def _http_module():
    # benchmark/http.py, for its wrk() (not the standard library's http).
    spec = importlib.util.spec_from_file_location(
        'benchmark_http', os.path.join(HERE, 'http.py'))
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def make_certificate(folder):
    key = os.path.join(folder, 'key.pem')
    cert = os.path.join(folder, 'cert.pem')
    proc = subprocess.run(
        ['openssl', 'req', '-x509', '-newkey', 'rsa:2048', '-nodes',
         '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=localhost'],
        capture_output=True, text=True)
    if proc.returncode != 0:
        raise common.BenchmarkError('openssl req failed: %s' % proc.stderr)
    return key, cert


def https_rounds(opts):
    """{'lode': [(req/s, p99 ms)], 'node': [...]}."""
    http = _http_module()
    lode = common.resolve(opts.binary, 'lode')
    node = common.resolve(opts.node, 'node')
    procs = []
    with tempfile.TemporaryDirectory(prefix='lode-bench-https-') as folder:
        key, cert = make_certificate(folder)
        try:
            urls = {}
            for label, binary in (('lode', lode), ('node', node)):
                proc, urls[label] = http.start_server(
                    [binary, SERVER, key, cert], tls=True)
                procs.append(proc)
            for label in urls:
                http.wrk(urls[label], 1, opts.connections, opts.threads)
            samples = {'lode': [], 'node': []}
            for i in range(opts.wrk_rounds):
                order = ['lode', 'node'] if i % 2 == 0 else ['node', 'lode']
                for label in order:
                    samples[label].append(http.wrk(
                        urls[label], opts.duration, opts.connections,
                        opts.threads))
            return samples
        finally:
            for proc in procs:
                http.stop_server(proc)


def main(argv=None):
    parser = common.micro_parser('crypto', runs=3, warmup=0)
    parser.description = __doc__.strip()
    parser.add_argument('-d', '--duration', type=int, default=5,
                        help='seconds of wrk load per round (default: 5)')
    parser.add_argument('-c', '--connections', type=int, default=50,
                        help='keep-alive connections (default: 50)')
    parser.add_argument('-t', '--threads', type=int, default=1,
                        help='wrk threads (default: 1)')
    parser.add_argument('--wrk-rounds', type=int, default=3,
                        help='wrk rounds of each server (default: 3)')
    opts = parser.parse_args(argv)
    want_https = opts.filter in 'https hello world'
    try:
        ratios = []
        if opts.filter != 'https':
            samples = common.micro_samples(opts, 'crypto.js')
            if samples['lode'][0]:
                ratios = common.micro_ratios(samples)
        if want_https and shutil.which('wrk') and shutil.which('openssl'):
            rounds = https_rounds(opts)
            med = {label: common.statistics.median(v[0] for v in values)
                   for label, values in rounds.items()}
            if opts.verbose:
                for label, values in rounds.items():
                    print('  %-5s %s' % (label, ', '.join(
                        '%.0f req/s p99 %.2f ms' % v for v in values)),
                        file=sys.stderr)
            # Time per request, as the other cases are times.
            ratios.append(common.case_line(
                'https hello world under wrk (per request)',
                1e9 / med['lode'], 1e9 / med['node']))
            print('  %-44s lode %7.0f req/s   node %7.0f req/s'
                  % ('', med['lode'], med['node']), flush=True)
        elif want_https:
            print('  https: skipped, needs wrk and openssl', flush=True)
    except common.BenchmarkError as e:
        print('crypto: error: %s' % e, flush=True)
        return 1
    if not ratios:
        print('crypto: error: no case matches %r' % opts.filter, flush=True)
        return 1
    print(common.summary('crypto', ratios), flush=True)
    return 0


if __name__ == '__main__':
    sys.exit(main())
