// Flags: --expose-internals
'use strict';
// The http_parser binding parses as Node 24's llhttp 9.3 does although
// lode's llhttp is 8.1: line endings, obs-fold, header names, URLs, status
// codes, chunk framing, Transfer-Encoding with Content-Length, data after
// Connection: close, QUERY, RTSP/ICE responses; the same outcome when the
// bytes come one at a time; the lenient flags relax it as in 9.3.
require('../common');
const assert = require('assert');
const { internalBinding } = require('internal/test/binding');
const { HTTPParser, allMethods } = internalBinding('http_parser');

const { REQUEST, RESPONSE, kLenientAll } = HTTPParser;

// What the parser makes of `chunks`: 'ok' and the events, or the error as
// "CODE reason @bytesParsed".
function parse(type, lenient, chunks) {
  const parser = new HTTPParser();
  parser.initialize(type, {}, 0, lenient);
  const events = [];
  let body = '';
  parser[HTTPParser.kOnHeadersComplete] = (major, minor, headers, method,
                                           url, status) => {
    events.push(type === REQUEST ? `${allMethods[method]} ${url}` : status);
    return 0;
  };
  parser[HTTPParser.kOnBody] = (b) => body += b.toString('latin1');
  parser[HTTPParser.kOnMessageComplete] = () => {
    if (body) events.push(body);
    body = '';
    events.push('end');
  };
  for (const chunk of chunks) {
    const r = parser.execute(Buffer.from(chunk, 'latin1'));
    if (typeof r !== 'number') return `${r.code} ${r.reason} @${r.bytesParsed}`;
  }
  return ['ok', ...events].join('|');
}

const G = 'GET / HTTP/1.1\r\n';
const P = 'POST / HTTP/1.1\r\n';
const C = `${P}Transfer-Encoding: chunked\r\n\r\n`;
const TE = 'Transfer-Encoding: chunked\r\n';
const CL = 'Content-Length: 1\r\n';
const TOKEN = 'HPE_INVALID_HEADER_TOKEN';
const [R, S, L] = [[REQUEST, 0], [RESPONSE, 0], [REQUEST, kLenientAll]];
const cases = [
  [R, `${G}Host: a\r\n\rZ`, 'HPE_STRICT Expected LF after headers @26'],
  [R, `${G}x:\r${CL}\r\n`, 'HPE_STRICT Expected LF after CR @19'],
  [R, 'GET / HTTP/1.1\n\r\n',
   'HPE_INVALID_VERSION Expected CRLF after version @15'],
  [R, `${G}Host: a\r\n\n`, `${TOKEN} Invalid header field char @26`],
  [R, `${G}Host: a\n\r\n`,
   'HPE_CR_EXPECTED Missing expected CR after header value @23'],
  [R, `${G}X: a\r\n b\r\n\r\n`,
   `${TOKEN} Unexpected whitespace after header value @22`],
  [R, `${G}Foo Bar: x\r\n\r\n`, `${TOKEN} Invalid header token @19`],
  [R, 'GET /a\tb HTTP/1.1\r\n\r\n',
   'HPE_INVALID_URL Invalid characters in url @7'],
  [R, 'GET /a?\xe9 HTTP/1.1\r\n\r\n',
   'HPE_INVALID_URL Invalid char in url query @7'],
  [R, `${P}${CL}${TE}\r\n`, 'HPE_INVALID_TRANSFER_ENCODING ' +
   "Transfer-Encoding can't be present with Content-Length @54"],
  [R, `${P}${TE}${CL}\r\n`, 'HPE_INVALID_CONTENT_LENGTH ' +
   "Content-Length can't be present with Transfer-Encoding @60"],
  [R, `${C}5\nhello\r\n0\r\n\r\n`,
   'HPE_CR_EXPECTED Missing expected CR after chunk size @49'],
  [R, `${C}5\r\rhello`, 'HPE_STRICT Expected LF after chunk size @49'],
  [R, `${C}5\r\nhelloXX0\r\n\r\n`,
   'HPE_STRICT Expected LF after chunk data @55'],
  [R, `${C}5;a="b\\"c";d=e;f\r\nhello\r\n0\r\n\r\n`, 'ok|POST /|hello|end'],
  [R, `${G}Connection: close\r\n\r\n\r\nX`,
   'HPE_CLOSED_CONNECTION Data after `Connection: close` @40'],
  [R, `QUERY /q HTTP/1.1\r\n${CL}\r\nhQUERY /r HTTP/1.1\r\n\r\n`,
   'ok|QUERY /q|h|end|QUERY /r|end'],
  [R, 'QUERX / HTTP/1.1\r\n\r\n',
   'HPE_INVALID_METHOD Invalid method encountered @4'],
  [S, 'HTTQ/1.1 200 OK\r\n\r\n',
   'HPE_INVALID_CONSTANT Expected HTTP/, RTSP/ or ICE/ @3'],
  [S, 'HTTP/1.1 20 OK\r\n\r\n', 'HPE_INVALID_STATUS Invalid status code @11'],
  [S, `RTSP/1.0 200 OK\r\n${CL}\r\nz`, 'ok|200|z|end'],
  [S, `HTTP/1.1 204 No\r\n${CL}\r\nHTTP/1.1 200 OK\r\n\r\n`, 'ok|204|end|200'],
  // Lenient: 9.3's relaxations, not 8.1's.
  [L, 'GET / HTTP/1.1\n\nHost: a\nX: b\n c\n\n', 'ok|GET /|end'],
  [L, `${G}Host: a\r\n\rGET /2 HTTP/1.1\r\n\r\n`, 'ok|GET /|end|GET /2|end'],
  [L, `${C}5 \nhello0\r\n\r\n`, 'ok|POST /|hello|end'],
  [L, `${G}Foo Bar: x\r\n\r\n`, `${TOKEN} Invalid header token @19`],
];

const strip = (s) => s.replace(/ @\d+$/, '');
for (const [[type, lenient], input, expected] of cases) {
  const what = JSON.stringify(input);
  assert.strictEqual(parse(type, lenient, [input]), expected, what);
  // Byte by byte: the same, but for where the last piece failed.
  assert.strictEqual(strip(parse(type, lenient, input.split(''))),
                     strip(expected), what);
}
