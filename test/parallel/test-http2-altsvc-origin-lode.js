'use strict';
// ALTSVC (RFC 7838) and ORIGIN (RFC 8336) frames: a server session sends
// them with altsvc()/origin() (and options.origins at the start), a client
// session emits 'altsvc' (value, origin, stream id) and, over TLS,
// 'origin' (the origins, added to originSet; a 421 answer takes the
// request's origin out). Arguments are checked as Node checks them.
const common = require('../common');
const fixtures = require('../common/fixtures');
const assert = require('assert');
const http2 = require('http2');

const read = (f) => fixtures.readKey(`../keys-lode/${f}`);

function checkArguments(session) {
  for (const bad of [0, -1, 1.5, 2 ** 32, Infinity]) {
    assert.throws(() => session.altsvc('h2=":8000"', bad), {
      code: 'ERR_OUT_OF_RANGE',
      message: 'The value of "originOrStream" is out of range. It must be ' +
               `> 0 && < 4294967296. Received ${bad}`,
    });
  }
  assert.throws(() => session.altsvc(1), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => session.altsvc('clear', true),
                { code: 'ERR_INVALID_ARG_TYPE' });
  for (const bad of ['h2="\u0100"', 'h2="a\\b:1"', 'a\u007f']) {
    assert.throws(() => session.altsvc(bad), {
      code: 'ERR_INVALID_CHAR', message: 'Invalid character in alt',
    });
  }
  for (const origin of ['abc:', { origin: 'null' }, { origin: '' }]) {
    assert.throws(() => session.altsvc('h2=":8000"', origin),
                  { code: 'ERR_HTTP2_ALTSVC_INVALID_ORIGIN' });
  }
  assert.throws(() => session.altsvc('x'.repeat(16383)), {
    code: 'ERR_HTTP2_ALTSVC_LENGTH',
    message: 'HTTP/2 ALTSVC frames are limited to 16382 bytes',
  });
  assert.throws(() => session.origin(1), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => session.origin('foo://bar'),
                { code: 'ERR_HTTP2_INVALID_ORIGIN' });
  assert.throws(() => session.origin('no url'), { code: 'ERR_INVALID_URL' });
  assert.throws(() => session.origin(`https://a${'b'.repeat(16382)}`),
                { code: 'ERR_HTTP2_ORIGIN_LENGTH' });
}

// Plain text: ALTSVC arrives, ORIGIN is ignored.
{
  const server = http2.createServer();
  server.on('session', common.mustCall((session) => {
    checkArguments(session);
    session.altsvc('h2=":8000"', 'https://example.org:8111/path');
    session.altsvc('h2=":8001"', { origin: 'https://a.example' });
    session.origin('https://example.org');
  }));
  server.on('stream', common.mustCall((stream) => {
    stream.session.altsvc('clear', stream.id);
    stream.respond();
    stream.end();
  }));
  server.listen(0, common.mustCall(() => {
    const client = http2.connect(`http://localhost:${server.address().port}`);
    const seen = [];
    client.on('altsvc', (alt, origin, id) => seen.push([alt, origin, id]));
    client.on('origin', common.mustNotCall());
    const req = client.request();
    req.resume();
    req.on('close', common.mustCall(() => {
      assert.deepStrictEqual(seen, [
        ['h2=":8000"', 'https://example.org:8111', 0],
        ['h2=":8001"', 'https://a.example', 0],
        ['clear', '', 1],
      ]);
      assert.strictEqual(client.originSet, undefined);
      client.close();
      server.close();
    }));
  }));
}

// TLS: options.origins, origin(), and a 421 answer.
{
  const server = http2.createSecureServer({
    key: read('server-key.pem'),
    cert: read('server-cert.pem'),
    origins: ['https://foo.example/a/b'],
  });
  server.on('stream', common.mustCall((stream) => {
    stream.respond({ ':status': 421 });
    stream.end();
  }));
  server.on('session', common.mustCall((session) => {
    session.origin(new URL('https://bar.example:444/x'));
  }));
  server.listen(0, common.mustCall(() => {
    const own = `https://localhost:${server.address().port}`;
    const client = http2.connect(own, { rejectUnauthorized: false });
    const frames = [];
    client.on('origin', common.mustCall((origins) => {
      frames.push(origins);
      if (frames.length < 2) return;
      assert.deepStrictEqual(frames, [['https://foo.example'],
                                      ['https://bar.example:444']]);
      assert.deepStrictEqual(client.originSet, [
        own, 'https://foo.example', 'https://bar.example:444',
      ]);
      const req = client.request({ ':authority': 'foo.example' });
      req.on('response', common.mustCall((headers) => {
        assert.strictEqual(headers[':status'], 421);
        assert.deepStrictEqual(client.originSet,
                               [own, 'https://bar.example:444']);
      }));
      req.resume();
      req.on('close', common.mustCall(() => {
        client.close();
        server.close();
      }));
    }, 2));
  }));
}
