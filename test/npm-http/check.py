#!/usr/bin/env python3
"""Starts each app of test/npm-http (express, fastify) under a runtime, sends
it the same requests over one keep-alive connection with Python's
http.client, and prints status, headers (all but Date, in the order and
case the server sent them) and bodies. make test-npm-http compares the
output under lode with expected.txt (recorded with Node 24.12.0).
express-als-app.js (a request id in AsyncLocalStorage) gets 20 requests at
once instead, each on its own connection, and answers with the ids it saw.

  check.py --runtime out/Release/lode --dir out/npm-http-check
"""

import argparse
import http.client
import json
import os
import subprocess
import sys
import threading

APPS = ('express', 'fastify', 'express-als')
CONCURRENT_APPS = {'express-als'}
CONCURRENT = 20
# (method, path, extra headers, body); the etag of /cached is filled in.
REQUESTS = [
    ('GET', '/', {}, None),
    ('HEAD', '/', {}, None),
    ('GET', '/json', {}, None),
    ('GET', '/nope', {}, None),
    ('POST', '/echo', {'Content-Type': 'application/json'},
     json.dumps({'name': 'lode', 'n': [1, 2]})),
    ('GET', '/users/42', {}, None),
    ('GET', '/search?q=lode&page=2&tag=a&tag=b', {}, None),
    ('GET', '/stream', {}, None),
    ('GET', '/cached', {}, None),
    ('GET', '/cached', {'If-None-Match': None}, None),
]
SKIPPED_HEADERS = {'date'}


def concurrent_requests(port, app, out):
    paths = ['/work?id=%d' % i for i in range(CONCURRENT)]
    paths += ['/fail?id=f%d' % i for i in range(3)]
    answers = [None] * len(paths)

    def one(i):
        try:
            conn = http.client.HTTPConnection('127.0.0.1', port, timeout=20)
            conn.request('GET', paths[i])
            res = conn.getresponse()
            answers[i] = '%d %s\n%s' % (res.status, res.reason,
                                        res.read().decode('utf-8', 'replace'))
            conn.close()
        except Exception as e:  # noqa: BLE001 - reported in the output
            answers[i] = 'error: %s' % e

    threads = [threading.Thread(target=one, args=(i,))
               for i in range(len(paths))]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for path, answer in zip(paths, answers):
        out.append('== %s GET %s' % (app, path))
        out.append(answer)


def run_app(runtime, workdir, app, out):
    proc = subprocess.Popen([runtime, '%s-app.js' % app], cwd=workdir,
                            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE)
    try:
        line = proc.stdout.readline().decode()
        if not line.startswith('listening '):
            proc.wait(timeout=10)
            err = proc.stderr.read().decode('utf-8', 'replace')
            errors = [l for l in err.splitlines() if 'Error' in l]
            out.append('== %s did not start: %s' % (
                app, errors[0] if errors else line or err[-400:]))
            return
        port = int(line.split()[1])
        if app in CONCURRENT_APPS:
            concurrent_requests(port, app, out)
        else:
            keep_alive_requests(port, app, out)
    finally:
        if proc.poll() is None:
            proc.terminate()
        try:
            _, err = proc.communicate(timeout=10)
        except subprocess.TimeoutExpired:
            proc.kill()
            _, err = proc.communicate()
    out.append('== %s exit %s%s' % (app, proc.returncode,
                                    ', stderr: ' + err.decode() if err else ''))


def keep_alive_requests(port, app, out):
    conn = http.client.HTTPConnection('127.0.0.1', port, timeout=10)
    etag = None
    for method, path, headers, body in REQUESTS:
        headers = dict(headers)
        if headers.get('If-None-Match', '') is None:
            headers['If-None-Match'] = etag or '"none"'
        conn.request(method, path, body=body, headers=headers)
        res = conn.getresponse()
        data = res.read()
        out.append('== %s %s %s' % (app, method, path))
        out.append('%d %s' % (res.status, res.reason))
        for name, value in res.getheaders():
            if name.lower() not in SKIPPED_HEADERS:
                out.append('%s: %s' % (name, value))
            if name.lower() == 'etag':
                etag = value
        out.append('')
        out.append(data.decode('utf-8', 'replace'))
    conn.close()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split('\n\n')[0])
    ap.add_argument('--runtime', required=True)
    ap.add_argument('--dir', required=True,
                    help='folder with node_modules and the apps')
    args = ap.parse_args()
    out = []
    for app in APPS:
        run_app(os.path.abspath(args.runtime), args.dir, app, out)
    sys.stdout.write('\n'.join(out) + '\n')
    return 0


if __name__ == '__main__':
    sys.exit(main())
