'use strict';
// Messages larger than a pipe read arrive whole and in order, in both
// serialization modes; send() reports a full queue by returning false.
const common = require('../common');
const assert = require('assert');
const { fork } = require('child_process');

const SIZE = 1024 * 1024 + 7;

if (process.argv[2] === 'child') {
  let count = 0;
  process.on('message', (message) => {
    if (message === 'end') {
      process.send(count, () => process.disconnect());
      return;
    }
    assert.strictEqual(message.length, SIZE);
    assert.strictEqual(message[SIZE - 1], String(count % 10));
    count++;
  });
} else {
  for (const serialization of ['json', 'advanced']) {
    const child = fork(__filename, ['child'], { serialization });
    let returned = true;
    for (let i = 0; i < 4; i++) {
      returned = child.send('x'.repeat(SIZE - 1) + (i % 10)) && returned;
    }
    // 4 MB cannot all be written at once.
    assert.strictEqual(returned, false);
    child.send('end');
    child.on('message', common.mustCall((count) => {
      assert.strictEqual(count, 4);
    }));
    child.on('exit', common.mustCall((code) => assert.strictEqual(code, 0)));
  }
}
