'use strict';
// AbortSignal: an aborted signal rejects at once with its reason (an
// AbortError DOMException by default); aborting while waiting for the
// response rejects the fetch; aborting later errors the body.
const common = require('../common');
const assert = require('assert');
const http = require('http');

const server = http.createServer(common.mustCall((req, res) => {
  if (req.url === '/partial') {
    res.write('partial');
  } else {
    req.resume();  // Never answers.
  }
}, 2));

server.listen(0, common.mustCall(async () => {
  const base = `http://127.0.0.1:${server.address().port}`;

  await assert.rejects(fetch(base, { signal: AbortSignal.abort() }), {
    name: 'AbortError', message: 'This operation was aborted',
  });
  const reason = new Error('my reason');
  await assert.rejects(fetch(base, { signal: AbortSignal.abort(reason) }),
                       (err) => err === reason);
  // The signal of a Request given to fetch counts too.
  const request = new Request(base, { signal: AbortSignal.abort('string') });
  await assert.rejects(fetch(request), (err) => err === 'string');

  const waiting = new AbortController();
  const pending = fetch(`${base}/hang`, { signal: waiting.signal });
  setTimeout(() => waiting.abort(), 50);
  await assert.rejects(pending, { name: 'AbortError' });

  const reading = new AbortController();
  const response = await fetch(`${base}/partial`, { signal: reading.signal });
  const reader = response.body.getReader();
  const { value } = await reader.read();
  assert.strictEqual(Buffer.from(value).toString(), 'partial');
  reading.abort(new Error('late'));
  await assert.rejects(reader.read(), { message: 'late' });
  server.close();
  server.closeAllConnections();
}));
