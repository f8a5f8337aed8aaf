// Flags: --zero-fill-buffers
'use strict';
require('../common');
const assert = require('assert');

// With --zero-fill-buffers every unsafe allocation starts zeroed: pool
// slices, buffers too big for the pool, and allocUnsafeSlow of any size,
// even after the memory they may reuse was dirtied.

const zeroed = (b) => b.every((x) => x === 0);

for (let round = 0; round < 20; round++) {
  const sizes = [1, 63, 64, 100, 1000, 4095, 4096, 5000, 65536];
  for (const size of sizes) {
    const a = Buffer.allocUnsafe(size);
    assert.strictEqual(a.length, size);
    assert(zeroed(a), `allocUnsafe(${size})`);
    a.fill(0xab);
    const b = Buffer.allocUnsafeSlow(size);
    assert.strictEqual(b.length, size);
    assert(zeroed(b), `allocUnsafeSlow(${size})`);
    b.fill(0xcd);
  }
  // A string shorter than its reserved pool room leaves the rest clean for
  // the next slice.
  Buffer.from('x'.repeat(round * 50), 'utf8');
  assert(zeroed(Buffer.allocUnsafe(32)));
}
