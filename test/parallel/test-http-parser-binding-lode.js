// Flags: --expose-internals
'use strict';
// internalBinding('http_parser'): requests in pieces, header batches,
// chunked responses, pipelining, parse errors, header overflow, upgrades.
require('../common');
const assert = require('assert');
const { internalBinding } = require('internal/test/binding');
const { HTTPParser, methods, allMethods } = internalBinding('http_parser');

const {
  REQUEST, RESPONSE, kOnMessageBegin, kOnHeaders, kOnHeadersComplete,
  kOnBody, kOnMessageComplete,
} = HTTPParser;
assert.deepStrictEqual([REQUEST, RESPONSE, HTTPParser.kOnExecute], [1, 2, 5]);
assert.strictEqual(HTTPParser.kLenientAll, 1023);

// Method numbers index the method lists.
assert.strictEqual(methods[1], 'GET');
assert.strictEqual(methods[24], 'M-SEARCH');
assert.strictEqual(allMethods[35], 'DESCRIBE');
assert.ok(methods.includes('QUERY'));

// A parser that records what it is told.
function makeParser(type, ...init) {
  const parser = new HTTPParser();
  parser.initialize(type, {}, ...init);
  const events = [];
  parser[kOnMessageBegin] = () => events.push(['begin']);
  parser[kOnHeaders] = (headers, url) => events.push(['headers', headers, url]);
  parser[kOnHeadersComplete] = (...args) => {
    events.push(['complete', ...args]);
    return parser.headersResult || 0;
  };
  parser[kOnBody] = (b) => {
    assert.ok(Buffer.isBuffer(b));
    events.push(['body', b.toString('latin1')]);
  };
  parser[kOnMessageComplete] = () => events.push(['end']);
  return { parser, events };
}

// A request cut anywhere: names, values and the URL are put together.
{
  const text = 'POST /pa?th HTTP/1.1\r\nHost: a.example\r\n' +
               'X-Long:  v1 v2 \t\r\nContent-Length: 5\r\n\r\nhello';
  for (const cut of [1, 7, 13, 25, 30, text.length - 2]) {
    const { parser, events } = makeParser(REQUEST);
    assert.strictEqual(parser.execute(Buffer.from(text.slice(0, cut))), cut);
    const rest = Buffer.from(text.slice(cut));
    assert.strictEqual(parser.execute(rest), rest.length);
    const body = events.filter((e) => e[0] === 'body').map((e) => e[1]);
    assert.strictEqual(body.join(''), 'hello');
    assert.deepStrictEqual(events.find((e) => e[0] === 'complete'), [
      'complete', 1, 1,
      ['Host', 'a.example', 'X-Long', 'v1 v2', 'Content-Length', '5'],
      methods.indexOf('POST'), '/pa?th', undefined, undefined, false, true,
    ]);
    assert.deepStrictEqual(events.at(-1), ['end']);
  }
}

// More than 31 pairs go to kOnHeaders in batches; kOnHeadersComplete then
// gets no headers and no URL.
{
  let text = 'GET /many HTTP/1.1\r\n';
  for (let i = 0; i < 40; i++) text += `H${i}: v${i}\r\n`;
  const { parser, events } = makeParser(REQUEST);
  parser.execute(Buffer.from(text + '\r\n'));
  const batches = events.filter((e) => e[0] === 'headers');
  assert.strictEqual(batches.length, 2);
  assert.strictEqual(batches[0][1].length, 62);
  assert.strictEqual(batches[0][2], '/many');
  assert.deepStrictEqual(batches[1][1].slice(0, 2), ['H31', 'v31']);
  assert.strictEqual(batches[1][1].length + batches[0][1].length, 80);
  const complete = events.find((e) => e[0] === 'complete');
  assert.strictEqual(complete[3], undefined);
  assert.strictEqual(complete[5], undefined);
}

// A chunked response with a trailer; the status line's parts.
{
  const { parser, events } = makeParser(RESPONSE);
  const text = 'HTTP/1.1 201 Made It\r\nTransfer-Encoding: chunked\r\n\r\n' +
               '3\r\nabc\r\n2;ext=1\r\nde\r\n0\r\nX-Trailer: t\r\n\r\n';
  assert.strictEqual(parser.execute(Buffer.from(text)), text.length);
  assert.deepStrictEqual(events.map((e) => e[0]),
                         ['begin', 'complete', 'body', 'body', 'headers',
                          'end']);
  const complete = events[1];
  assert.deepStrictEqual(complete.slice(4, 8),
                         [undefined, undefined, 201, 'Made It']);
  assert.deepStrictEqual(events[4][1], ['X-Trailer', 't']);
  assert.strictEqual(parser.finish(), undefined);
}

// Pipelined requests in one buffer; a response without a length ends at
// finish().
{
  const { parser, events } = makeParser(REQUEST);
  const text = 'GET /1 HTTP/1.1\r\n\r\nGET /2 HTTP/1.1\r\n\r\n' +
               'HEAD /3 HTTP/1.0\r\n\r\n';
  assert.strictEqual(parser.execute(Buffer.from(text)), text.length);
  const completes = events.filter((e) => e[0] === 'complete');
  assert.deepStrictEqual(completes.map((e) => e[5]), ['/1', '/2', '/3']);
  assert.deepStrictEqual(completes.map((e) => e[9]), [true, true, false]);
  assert.strictEqual(events.filter((e) => e[0] === 'end').length, 3);

  const res = makeParser(RESPONSE);
  res.parser.execute(Buffer.from('HTTP/1.0 200 OK\r\n\r\nto the end'));
  assert.strictEqual(res.events.at(-1)[0], 'body');
  assert.strictEqual(res.parser.finish(), undefined);
  assert.deepStrictEqual(res.events.at(-1), ['end']);
}

// Parse errors: an Error with code, reason and bytesParsed.
{
  const { parser } = makeParser(REQUEST);
  const err = parser.execute(Buffer.from('GET / HTTP/1.1\r\n\r\nBAD\x01 /'));
  assert.ok(err instanceof Error);
  assert.strictEqual(err.message, 'Parse Error');
  assert.strictEqual(err.code, 'HPE_INVALID_METHOD');
  assert.strictEqual(err.reason, 'Invalid method encountered');
  assert.strictEqual(err.bytesParsed, 19);

  const smuggle = makeParser(REQUEST).parser.execute(Buffer.from(
    'POST / HTTP/1.1\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\n'));
  assert.strictEqual(smuggle.code, 'HPE_UNEXPECTED_CONTENT_LENGTH');

  const eof = makeParser(RESPONSE).parser;
  eof.execute(Buffer.from('HTTP/1.1 200 OK\r\nContent-Length: 9\r\n\r\nab'));
  assert.strictEqual(eof.finish().code, 'HPE_INVALID_EOF_STATE');
}

// Header overflow: the start line and headers count against the limit.
{
  const big = 'GET / HTTP/1.1\r\nX: ' + 'a'.repeat(200) + '\r\n\r\n';
  const err = makeParser(REQUEST, 100).parser.execute(Buffer.from(big));
  assert.strictEqual(err.code, 'HPE_HEADER_OVERFLOW');
  assert.strictEqual(makeParser(REQUEST, 300).parser.execute(
    Buffer.from(big)), big.length);
  // 0 means the default of 16 KiB.
  const huge = 'GET / HTTP/1.1\r\nX: ' + 'a'.repeat(17000) + '\r\n\r\n';
  assert.strictEqual(makeParser(REQUEST, 0).parser.execute(
    Buffer.from(huge)).code, 'HPE_HEADER_OVERFLOW');
}

// Upgrade and CONNECT: execute() stops after the headers.
{
  const head = 'GET /ws HTTP/1.1\r\nConnection: Upgrade\r\nUpgrade: x\r\n\r\n';
  const { parser, events } = makeParser(REQUEST);
  assert.strictEqual(parser.execute(Buffer.from(head + 'binary')),
                     head.length);
  assert.strictEqual(events.find((e) => e[0] === 'complete')[8], true);

  const connect = 'CONNECT h:443 HTTP/1.1\r\nHost: h\r\n\r\n';
  assert.strictEqual(makeParser(REQUEST).parser.execute(
    Buffer.from(connect + 'tunnel')), connect.length);

  // 2 from kOnHeadersComplete: no body, and the rest is another protocol.
  const res = makeParser(RESPONSE);
  res.parser.headersResult = 2;
  const text = 'HTTP/1.1 200 OK\r\nContent-Length: 4\r\n\r\n';
  assert.strictEqual(res.parser.execute(Buffer.from(text + 'abcd')),
                     text.length);
  assert.strictEqual(res.events.some((e) => e[0] === 'body'), false);
}
