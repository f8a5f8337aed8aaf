'use strict';
// Tab completion: REPL commands, globals and keywords, the properties of
// an object (own and inherited), and builtin module names in require('.
const common = require('../common');
const assert = require('assert');
const { startLines } = require('../common/repl-lode');

const { stream, server } = startLines();
stream.run(['var myObject = { alpha: 1, alps: 2, beta: 3 }',
            'var proxied = new Proxy({ secret: 1 }, {})']);

function completes(line, check) {
  server.complete(line, common.mustSucceed((result) => check(...result)));
}

completes('.he', (list, on) => {
  assert.deepStrictEqual(list, ['help']);
  assert.strictEqual(on, 'he');
});
completes('myObj', (list, on) => {
  assert.deepStrictEqual(list, ['myObject']);
  assert.strictEqual(on, 'myObj');
});
completes('myObject.al', (list, on) => {
  assert.deepStrictEqual(list, ['myObject.alpha', 'myObject.alps']);
  assert.strictEqual(on, 'myObject.al');
});
completes('myObject.', (list) => {
  assert.ok(list.includes('myObject.beta'));
  assert.ok(list.includes('myObject.hasOwnProperty'));
});
completes('typeo', (list) => assert.ok(list.includes('typeof')));
completes("require('pa", (list, on) => {
  assert.ok(list.includes('path'));
  assert.strictEqual(on, 'pa');
});
completes("require('node:pa", (list) => assert.ok(list.includes('node:path')));
// A proxy is not looked into (its traps could do anything).
completes('proxied.se', (list) => assert.deepStrictEqual(list, []));
// Nothing to complete after a closed expression.
completes('myObject)', (list) => assert.deepStrictEqual(list, []));
server.close();
