#!/usr/bin/env python3
"""HTTP throughput: a hello-world server (benchmark/fixtures/http_server.js)
under lode and under node, each loaded with wrk on 127.0.0.1 in the same
run, rounds alternating. Prints requests/sec and p99 latency of both; the
headline ratio is time per request, lode/node (lower is better).
Needs wrk (Debian: apt-get install wrk).

This file shadows the standard library's http package for whatever runs
from benchmark/ (run.py puts the folder first in sys.path): benchmarks
must not import http, http.client or urllib.request."""

import os
import re
import shutil
import socket
import ssl
import subprocess
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import common  # noqa: E402

SERVER = os.path.join(common.FIXTURES, 'http_server.js')
UNITS = {'us': 1e-3, 'ms': 1.0, 's': 1000.0}


def _fetch_root(port, tls):
    """One GET / with Connection: close; the whole answer (TLS without
    verification when tls: the benchmark's certificate is self-signed)."""
    raw = socket.create_connection(('127.0.0.1', port), timeout=10)
    sock = raw
    if tls:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_CLIENT)
        context.check_hostname = False
        context.verify_mode = ssl.CERT_NONE
        sock = context.wrap_socket(raw, server_hostname='localhost')
    with sock:
        sock.sendall(b'GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n')
        answer = b''
        while True:
            try:
                data = sock.recv(4096)
            except ssl.SSLError:
                break
            if not data:
                break
            answer += data
    return answer


def start_server(cmd, tls=False):
    """Starts a hello-world server (it prints 'listening PORT'), checks its
    answer to one request; returns (process, URL)."""
    proc = subprocess.Popen(cmd, stdin=subprocess.DEVNULL,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            env=common.clean_env(), cwd=common.ROOT)
    line = proc.stdout.readline().decode()
    if not line.startswith('listening '):
        proc.kill()
        raise common.BenchmarkError('%s did not start: %r %s' % (
            ' '.join(cmd), line, proc.stderr.read().decode()[-400:]))
    port = int(line.split()[1])
    answer = _fetch_root(port, tls)
    if not (answer.startswith(b'HTTP/1.1 200 OK\r\n') and
            (tls or b'\r\nContent-Length: 12\r\n' in answer) and
            answer.endswith(b'\r\n\r\nhello world\n')):
        proc.kill()
        raise common.BenchmarkError('%s: wrong answer %r' % (' '.join(cmd),
                                                             answer[:300]))
    return proc, '%s://127.0.0.1:%d/' % ('https' if tls else 'http', port)


def stop_server(proc):
    if proc.poll() is None:
        proc.terminate()
        try:
            proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()


def wrk(url, seconds, connections, threads):
    """Runs wrk once; returns (requests/sec, p99 latency in ms)."""
    proc = subprocess.run(['wrk', '-t%d' % threads, '-c%d' % connections,
                           '-d%ds' % seconds, '--latency', url],
                          capture_output=True, text=True,
                          timeout=seconds + 60)
    out = proc.stdout
    rps = re.search(r'^Requests/sec:\s+([\d.]+)', out, re.M)
    p99 = re.search(r'^\s+99%\s+([\d.]+)(us|ms|s)\s*$', out, re.M)
    if proc.returncode != 0 or not rps or not p99:
        raise common.BenchmarkError('wrk failed: %s %s' % (out[-400:],
                                                            proc.stderr))
    bad = re.search(r'Non-2xx or 3xx responses: (\d+)', out)
    if bad:
        raise common.BenchmarkError('%s non-2xx answers from %s'
                                    % (bad.group(1), url))
    return float(rps.group(1)), float(p99.group(1)) * UNITS[p99.group(2)]


def main(argv=None):
    parser = common.parser_for('http', __doc__.strip(), runs=3, warmup=1)
    parser.add_argument('-d', '--duration', type=int, default=5,
                        help='seconds of load per round (default: 5)')
    parser.add_argument('-c', '--connections', type=int, default=50,
                        help='keep-alive connections (default: 50)')
    parser.add_argument('-t', '--threads', type=int, default=1,
                        help='wrk threads (default: 1)')
    opts = parser.parse_args(argv)
    if not shutil.which('wrk'):
        print('http: skipped, wrk is not installed (apt-get install wrk)',
              flush=True)
        return 0
    procs = []
    try:
        lode = common.resolve(opts.binary, 'lode')
        node = common.resolve(opts.node, 'node')
        urls = {}
        for label, binary in (('lode', lode), ('node', node)):
            proc, urls[label] = start_server([binary, SERVER])
            procs.append(proc)
        for _ in range(opts.warmup):
            for label in urls:
                wrk(urls[label], 1, opts.connections, opts.threads)
        samples = {'lode': [], 'node': []}
        for i in range(opts.runs):
            order = ['lode', 'node'] if i % 2 == 0 else ['node', 'lode']
            for label in order:
                samples[label].append(wrk(urls[label], opts.duration,
                                          opts.connections, opts.threads))
    except common.BenchmarkError as e:
        print('http: error: %s' % e, flush=True)
        return 1
    finally:
        for proc in procs:
            stop_server(proc)
    result = {}
    for label, values in samples.items():
        rps = common.statistics.median(v[0] for v in values)
        p99 = common.statistics.median(v[1] for v in values)
        result[label] = (rps, p99)
        if opts.verbose:
            print('  %-5s %s' % (label, ', '.join(
                '%.0f req/s p99 %.2f ms' % v for v in values)),
                file=sys.stderr)
    (lode_rps, lode_p99), (node_rps, node_p99) = result['lode'], result['node']
    ratio = node_rps / lode_rps if lode_rps else float('inf')
    print('http: lode %.0f req/s p99 %.2f ms, node %.0f req/s p99 %.2f ms, '
          'ratio %.2f (time per request lode/node, lower is better)'
          % (lode_rps, lode_p99, node_rps, node_p99, ratio), flush=True)
    return 0


if __name__ == '__main__':
    sys.exit(main())
