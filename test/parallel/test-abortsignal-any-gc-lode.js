// Flags: --expose-gc
'use strict';
// AbortSignal.any(): a composite signal with 'abort' listeners is kept
// alive while a source can still abort it, and collected once every source
// is gone (it can never fire then); with a live source it stays.
const common = require('../common');
const assert = require('assert');

const handler = () => {};

function makeOrphans() {
  const refs = [];
  for (let i = 0; i < 20; i++) {
    const source = new AbortController();
    const composite = AbortSignal.any([source.signal]);
    composite.addEventListener('abort', handler);
    // A composite of a composite follows it to the same source.
    const nested = AbortSignal.any([composite]);
    nested.addEventListener('abort', handler);
    refs.push(new WeakRef(composite), new WeakRef(nested));
  }
  return refs;
}

const kept = new AbortController();
const pinned = new WeakRef((() => {
  const composite = AbortSignal.any([kept.signal]);
  composite.addEventListener('abort', common.mustCall());
  return composite;
})());

const orphans = makeOrphans();

// Finalization callbacks run between turns: collect over a few of them.
let rounds = 0;
function check() {
  globalThis.gc();
  const alive = orphans.filter((ref) => ref.deref() !== undefined).length;
  if (alive > 0 && ++rounds < 20) {
    setImmediate(check);
    return;
  }
  assert.strictEqual(alive, 0);
  // The one whose source lives is still there, and still fires.
  assert.notStrictEqual(pinned.deref(), undefined);
  kept.abort();
}
setImmediate(check);

// A timeout source is kept by the composite that waits for it: it fires
// after a collection, as in Node (nothing else holds the timeout signal).
(() => {
  const composite = AbortSignal.any([new AbortController().signal,
                                     AbortSignal.timeout(30)]);
  composite.addEventListener('abort', common.mustCall(() => {
    assert.strictEqual(composite.reason.name, 'TimeoutError');
  }));
})();
setImmediate(() => globalThis.gc());
// AbortSignal.timeout() does not keep the process alive.
setTimeout(() => {}, 200);
