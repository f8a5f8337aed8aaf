// Flags: --experimental-eventsource
'use strict';
const common = require('../common');
const assert = require('assert');
const http = require('http');

// EventSource (only under --experimental-eventsource, as in Node 24), each
// expectation checked against Node 24: the class's shape and errors, the
// request, the event stream format (BOM, CR/LF/CRLF, data/event/id/retry,
// comments, unknown fields), reconnection after the stream ends with
// `retry`'s delay and Last-Event-ID, and the responses that fail the
// connection for good (not 200, not text/event-stream).

process.on('warning', common.mustCall((w) => {
  assert.strictEqual(w.code, 'UNDICI-ES');
  assert.strictEqual(w.message,
                     'EventSource is experimental, expect them to change at any time.');
}));

const d = Object.getOwnPropertyDescriptor(globalThis, 'EventSource');
assert.strictEqual(d.enumerable, false);
assert.strictEqual(d.writable, true);
assert.strictEqual(Object.getPrototypeOf(EventSource), EventTarget);
assert.deepStrictEqual(Object.getOwnPropertyNames(EventSource.prototype), [
  'constructor', 'readyState', 'url', 'withCredentials', 'close', 'onopen',
  'onmessage', 'onerror', 'CONNECTING', 'OPEN', 'CLOSED',
]);
for (const [name, value] of [['CONNECTING', 0], ['OPEN', 1], ['CLOSED', 2]]) {
  assert.strictEqual(EventSource[name], value);
  assert.strictEqual(EventSource.prototype[name], value);
}
assert.throws(() => new EventSource(), {
  name: 'TypeError',
  message: 'EventSource constructor: 1 argument required, but 0 found.',
});
assert.throws(() => new EventSource('not a url'), (err) => {
  assert(err instanceof DOMException);
  assert.strictEqual(err.name, 'SyntaxError');
  assert.strictEqual(err.message, 'TypeError: Invalid URL');
  return true;
});
assert.throws(() => new EventSource('http://127.0.0.1:1/', 5), {
  name: 'TypeError',
  message: 'EventSource constructor: Expected 5 to be one of: Null, ' +
    'Undefined, Object.',
});
assert.throws(() => EventSource.prototype.close.call({}),
              { code: 'ERR_INVALID_THIS' });

// close() before the connection: CLOSED, no event.
const early = new EventSource('http://127.0.0.1:1/', { withCredentials: 1 });
assert.strictEqual(early.withCredentials, true);
assert.strictEqual(early.readyState, EventSource.CONNECTING);
early.onerror = common.mustNotCall();
early.close();
assert.strictEqual(early.readyState, EventSource.CLOSED);

let count = 0;
const server = http.createServer((req, res) => {
  assert.strictEqual(req.headers.accept, 'text/event-stream');
  assert.strictEqual(req.headers['cache-control'], 'no-cache');
  assert.strictEqual(req.headers.pragma, 'no-cache');
  if (req.url === '/404') {
    res.writeHead(404);
    res.end();
    return;
  }
  if (req.url === '/html') {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('data: no\n\n');
    return;
  }
  count++;
  res.writeHead(200, { 'content-type': 'text/event-stream; charset=utf-8' });
  if (count === 1) {
    assert.strictEqual(req.headers['last-event-id'], undefined);
    res.write('\uFEFFdata: a\r\ndata:  b\n\nid: 7\nevent: custom\ndata: c\r');
    res.write('\r: comment\nretry: 100\nfoo: bar\ndata\n\nda');
    setTimeout(() => res.end('ta: x\r\n\r\nid: 8\ndata: ✓\n\nid\n\n' +
                             'data: incomplete'), 20);
  } else {
    // id\n\n reset the last event ID: none is sent.
    assert.strictEqual(req.headers['last-event-id'], undefined);
    res.end('id: 9\ndata: second\n\n');
  }
});

server.listen(0, '127.0.0.1', common.mustCall(() => {
  const base = `http://127.0.0.1:${server.address().port}`;
  const es = new EventSource(`${base}/stream`);
  assert.strictEqual(es.url, `${base}/stream`);
  assert.strictEqual(es.withCredentials, false);
  const events = [];
  const start = Date.now();
  es.onopen = common.mustCall((e) => {
    assert.strictEqual(es.readyState, EventSource.OPEN);
    events.push('open');
  }, 2);
  es.onmessage = (e) => {
    assert(e instanceof MessageEvent);
    assert.strictEqual(e.origin, base);
    events.push(`message ${JSON.stringify(e.data)} ${e.lastEventId}`);
  };
  es.addEventListener('custom', (e) => {
    events.push(`custom ${e.data} ${e.lastEventId}`);
  });
  es.onerror = common.mustCall(() => {
    assert.strictEqual(es.readyState, EventSource.CONNECTING);
    events.push('error');
    if (count < 2) return;
    // The reconnection waited for `retry: 100`.
    assert(Date.now() - start >= 100);
    es.close();
    assert.strictEqual(es.readyState, EventSource.CLOSED);
    assert.deepStrictEqual(events, [
      'open',
      'message "a\\n b" ',
      'custom c 7',
      'message "" 7',
      'message "x" 7',
      'message "✓" 8',
      'error',
      'open',
      'message "second" 9',
      'error',
    ]);
    failing(base);
  }, 2);
}));

function failing(base) {
  const notFound = new EventSource(`${base}/404`);
  notFound.onopen = common.mustNotCall();
  notFound.onerror = common.mustCall(() => {
    assert.strictEqual(notFound.readyState, EventSource.CLOSED);
    const html = new EventSource(`${base}/html`);
    html.onmessage = common.mustNotCall();
    html.onerror = common.mustCall(() => {
      assert.strictEqual(html.readyState, EventSource.CLOSED);
      server.close();
      reconnectionTime();
    });
  });
}

// { node: { reconnectionTime } } replaces the 3 s default; a `node` that is
// not an object throws as Node 24's dictionary conversion does.
assert.throws(() => new EventSource('http://127.0.0.1:1/', { node: 5 }), {
  name: 'TypeError',
  message: 'EventSource constructor: Expected 5 to be one of: Null, ' +
    'Undefined, Object.',
});
function reconnectionTime() {
  let requests = 0;
  const quick = http.createServer((req, res) => {
    requests++;
    res.writeHead(200, { 'content-type': 'text/event-stream' });
    res.end('data: hi\n\n');
  });
  quick.listen(0, '127.0.0.1', common.mustCall(() => {
    const start = Date.now();
    const es = new EventSource(`http://127.0.0.1:${quick.address().port}/`,
                               { node: { reconnectionTime: 20 } });
    es.onerror = common.mustCall(() => {
      if (requests < 3) return;
      es.close();
      assert.ok(Date.now() - start < 2500);
      quick.close();
      exitsWhileWaiting();
    }, 3);
  }));
}

// Waiting to reconnect does not keep the process alive.
function exitsWhileWaiting() {
  const { spawn } = require('child_process');
  const child = spawn(process.execPath, ['--experimental-eventsource',
                                         '--no-warnings', '-e', `
    const server = require('http').createServer((req, res) => {
      res.writeHead(200, {
        'content-type': 'text/event-stream', 'connection': 'close',
      });
      res.end('data: hi\\n\\n');
      server.close();
    });
    server.listen(0, '127.0.0.1', () => {
      const es = new EventSource('http://127.0.0.1:' + server.address().port);
      es.onerror = () => console.log('error', es.readyState);
    });`]);
  let out = '';
  child.stdout.on('data', (chunk) => { out += chunk; });
  const timer = setTimeout(() => child.kill(), 2000);
  child.on('exit', common.mustCall((code, signal) => {
    clearTimeout(timer);
    assert.strictEqual(signal, null);
    assert.strictEqual(out, 'error 0\n');
  }));
}
