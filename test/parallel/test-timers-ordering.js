'use strict';
// Node's order: synchronous code, then nextTick, then promise microtasks,
// then (first loop iteration) due timers or immediates, with ticks and
// microtasks drained after every callback.
require('../common');
const assert = require('assert');

const order = [];
setTimeout(() => {
  order.push('timeout 1');
  process.nextTick(() => order.push('tick in timeout 1'));
  Promise.resolve().then(() => order.push('micro in timeout 1'));
}, 1);
setTimeout(() => order.push('timeout 2'), 1);
setImmediate(() => {
  order.push('immediate 1');
  setImmediate(() => order.push('immediate from immediate'));
});
setImmediate(() => order.push('immediate 2'));
Promise.resolve().then(() => order.push('micro'));
process.nextTick(() => order.push('tick'));
order.push('sync');

setTimeout(() => {
  const timeouts = order.filter((e) => e.includes('timeout'));
  assert.deepStrictEqual(timeouts, [
    'timeout 1', 'tick in timeout 1', 'micro in timeout 1', 'timeout 2',
  ]);
  assert.deepStrictEqual(order.slice(0, 3), ['sync', 'tick', 'micro']);
  const immediates = order.filter((e) => e.startsWith('immediate'));
  assert.deepStrictEqual(immediates, [
    'immediate 1', 'immediate 2', 'immediate from immediate',
  ]);
}, 50);
