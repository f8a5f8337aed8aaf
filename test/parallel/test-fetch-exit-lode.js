'use strict';
// A fetch whose body was read does not keep the process alive: the idle
// kept-alive connection is not waited for (the server would keep it a
// minute).
const common = require('../common');
const assert = require('assert');
const http = require('http');
const { execFile } = require('child_process');

const server = http.createServer((req, res) => res.end('body'));
server.keepAliveTimeout = 60000;

server.listen(0, common.mustCall(() => {
  const url = `http://127.0.0.1:${server.address().port}/`;
  const script = `fetch(${JSON.stringify(url)}).then((r) => r.text())` +
    '.then((text) => console.log(text));';
  const start = Date.now();
  execFile(process.execPath, ['-e', script], common.mustSucceed((stdout) => {
    assert.strictEqual(stdout, 'body\n');
    assert.ok(Date.now() - start < 30000);
    server.close();
  }));
}));
