// Flags: --expose-internals --expose-gc
'use strict';
// internalBinding('http_parser') under misuse: exceptions in callbacks,
// pause/resume, close() or execute() from a callback, bad arguments,
// ConnectionsList, collection by GC. None may crash.
require('../common');
const assert = require('assert');
const { internalBinding } = require('internal/test/binding');
const { HTTPParser, ConnectionsList } = internalBinding('http_parser');
const { REQUEST, RESPONSE, kOnHeadersComplete, kOnMessageComplete } =
  HTTPParser;

const get = (path) => Buffer.from(`GET ${path} HTTP/1.1\r\n\r\n`);

function newParser(type = REQUEST, list) {
  const parser = new HTTPParser();
  parser.initialize(type, {}, 0, 0, list);
  return parser;
}

// A callback's exception comes out of execute(); the parser then stays in
// the error state.
{
  const parser = newParser();
  parser[kOnHeadersComplete] = () => { throw new Error('boom'); };
  assert.throws(() => parser.execute(get('/')), /boom/);
  assert.strictEqual(parser.execute(get('/')).code, 'HPE_CB_HEADERS_COMPLETE');
}

// pause() in a callback takes effect at the next execute().
{
  const parser = newParser();
  const urls = [];
  parser[kOnHeadersComplete] = (a, b, c, d, url) => {
    urls.push(url);
    parser.pause();
  };
  const two = Buffer.concat([get('/1'), get('/2')]);
  assert.strictEqual(parser.execute(two), two.length);
  assert.strictEqual(parser.execute(get('/3')).code, 'HPE_PAUSED');
  parser.resume();
  parser.execute(get('/4'));
  assert.deepStrictEqual(urls, ['/1', '/2', '/4']);
}

// execute() from a callback (a 1xx answer followed at once by the real
// one), and close() from a callback.
{
  const parser = newParser(RESPONSE);
  const codes = [];
  parser[kOnHeadersComplete] = (a, b, c, d, e, code) => {
    codes.push(code);
    if (code === 100) {
      parser.execute(
        Buffer.from('HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n'));
      return 1;
    }
  };
  parser.execute(Buffer.from('HTTP/1.1 100 Continue\r\n\r\n'));
  assert.deepStrictEqual(codes, [100, 200]);

  const closing = newParser();
  let ends = 0;
  closing[kOnHeadersComplete] = () => closing.close();
  closing[kOnMessageComplete] = () => ends++;
  closing.execute(Buffer.concat([get('/a'), get('/b')]));
  assert.strictEqual(ends, 2);
  // Closed: every method does nothing.
  assert.strictEqual(closing.execute(get('/c')), undefined);
  closing.close();
  closing.initialize(REQUEST, {});
}

// Bad arguments throw instead of aborting.
{
  const parser = new HTTPParser();
  assert.throws(() => parser.execute('GET'), { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => parser.initialize(7, {}),
                { code: 'ERR_INVALID_ARG_VALUE' });
  assert.throws(() => parser.initialize(REQUEST, {}, 0, 0, {}),
                { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => HTTPParser(), TypeError);
  assert.throws(() => HTTPParser.prototype.finish.call({}), TypeError);
  assert.throws(() => new ConnectionsList().expired('1', 2),
                { code: 'ERR_INVALID_ARG_TYPE' });
  // Before initialize() the parser takes either kind of message.
  assert.strictEqual(parser.execute(get('/')), 18);
}

// ConnectionsList: idle, active and expired parsers.
{
  const list = new ConnectionsList();
  const idle = newParser(REQUEST, list);
  const slow = newParser(REQUEST, list);
  idle.execute(get('/'));
  slow.execute(Buffer.from('GET / HTTP/1.1\r\n'));
  assert.deepStrictEqual(list.all().length, 2);
  assert.deepStrictEqual(list.idle(), [idle]);
  assert.deepStrictEqual(list.active(), [slow]);
  assert.strictEqual(slow.headersCompleted(), false);
  assert.deepStrictEqual(list.expired(0, 0), []);
  setTimeout(() => {
    assert.ok(slow.duration() >= 20);
    assert.deepStrictEqual(list.expired(10, 0), [slow]);
    assert.deepStrictEqual(list.active(), []);
    slow.remove();
    assert.deepStrictEqual(list.all(), [idle]);
  }, 30);
}

// Parsers and lists are collected; a list may go before its parsers.
{
  let list = new ConnectionsList();
  const kept = [];
  for (let i = 0; i < 200; i++) {
    const parser = newParser(REQUEST, list);
    if (i % 2) kept.push(parser);
  }
  globalThis.gc();
  assert.ok(list.all().length < 200);
  list = null;
  globalThis.gc();
  for (const parser of kept) parser.execute(get('/'));
}
