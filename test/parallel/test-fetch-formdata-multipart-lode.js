'use strict';
// A FormData body goes out as multipart/form-data (names escaped, line
// breaks normalized) and formData() parses it back, Files included.
const common = require('../common');
const assert = require('assert');

(async () => {
  const form = new FormData();
  form.append('text', 'line1\nline2');
  form.append('q"\n', 'v');
  form.append('file', new Blob(['bytes\r\n'], { type: 'app/x' }), 'f"1.bin');
  form.append('plain', new Blob(['p']));

  const request = new Request('http://x/', { method: 'POST', body: form });
  const type = request.headers.get('content-type');
  const match = /^multipart\/form-data; boundary=(.+)$/.exec(type);
  assert.ok(match, type);
  const boundary = match[1];
  const text = await request.clone().text();
  assert.strictEqual(text, [
    `--${boundary}`,
    'Content-Disposition: form-data; name="text"', '', 'line1\r\nline2',
    `--${boundary}`,
    'Content-Disposition: form-data; name="q%22%0D%0A"', '', 'v',
    `--${boundary}`,
    'Content-Disposition: form-data; name="file"; filename="f%221.bin"',
    'Content-Type: app/x', '', 'bytes\r\n',
    `--${boundary}`,
    'Content-Disposition: form-data; name="plain"; filename="blob"',
    'Content-Type: application/octet-stream', '', 'p',
    `--${boundary}--`, '',
  ].join('\r\n'));

  const parsed = await request.formData();
  assert.strictEqual(parsed.get('text'), 'line1\r\nline2');
  assert.strictEqual(parsed.get('q"\r\n'), 'v');
  const file = parsed.get('file');
  assert.ok(file instanceof File);
  assert.strictEqual(file.name, 'f"1.bin');
  assert.strictEqual(file.type, 'app/x');
  assert.strictEqual(await file.text(), 'bytes\r\n');

  // A body from elsewhere, with a part that has no Content-Type.
  const body = '--B\r\nContent-Disposition: form-data; name="x"\r\n\r\n' +
    'val\r\n--B\r\nContent-Disposition: form-data; name="f"; ' +
    'filename="a.txt"\r\n\r\nfile\r\ncontent\r\n--B--\r\n';
  const other = await new Response(body, {
    headers: { 'content-type': 'multipart/form-data; boundary=B' },
  }).formData();
  assert.strictEqual(other.get('x'), 'val');
  assert.strictEqual(other.get('f').type, 'text/plain');
  assert.strictEqual(await other.get('f').text(), 'file\r\ncontent');

  await assert.rejects(new Response('garbage', {
    headers: { 'content-type': 'multipart/form-data; boundary=B' },
  }).formData(), {
    name: 'TypeError', message: 'Failed to parse body as FormData.',
  });
})().then(common.mustCall());
