'use strict';
const common = require('../common');
const assert = require('assert');
const inspector = require('inspector');
const inspectorPromises = require('inspector/promises');

// node:inspector's in-process sessions: replies come synchronously, through
// the callback of post(); errors of the protocol become ERR_INSPECTOR_COMMAND;
// what needs a worker throws.

assert.strictEqual(process.features.inspector, true);
assert.strictEqual(inspector.url(), undefined);
assert.throws(() => inspector.waitForDebugger(),
              { code: 'ERR_INSPECTOR_NOT_ACTIVE' });
assert.strictEqual(typeof inspector.console.log, 'function');

const session = new inspector.Session();
assert.throws(() => session.post('Runtime.evaluate'),
              { code: 'ERR_INSPECTOR_NOT_CONNECTED' });
session.connect();
assert.throws(() => session.connect(),
              { code: 'ERR_INSPECTOR_ALREADY_CONNECTED',
                message: 'The inspector session is already connected' });
assert.throws(() => session.post(1), { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => session.post('Runtime.evaluate', 'x'),
              { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => session.post('Runtime.evaluate', {}, 1),
              { code: 'ERR_INVALID_ARG_TYPE' });
assert.throws(() => session.connectToMainThread(),
              { code: 'ERR_INSPECTOR_NOT_WORKER' });

let sync = true;
session.post('Runtime.evaluate', { expression: '1 + 1' },
             common.mustCall((err, result) => {
               assert.strictEqual(sync, true);
               assert.strictEqual(err, null);
               assert.deepStrictEqual(result.result,
                                      { type: 'number', value: 2,
                                        description: '2' });
             }));
sync = false;

session.post('Nope.nothing', common.mustCall((err) => {
  assert.strictEqual(err.code, 'ERR_INSPECTOR_COMMAND');
  assert.strictEqual(err.message,
                     "Inspector error -32601: 'Nope.nothing' wasn't found");
}));

// Notifications: the method's own event, then 'inspectorNotification'.
const seen = [];
session.once('Runtime.executionContextCreated', common.mustCall((message) => {
  seen.push('method');
  assert.strictEqual(message.params.context.auxData.isDefault, true);
}));
session.once('inspectorNotification', common.mustCall((message) => {
  seen.push(message.method);
}));
session.post('Runtime.enable', common.mustCall());
assert.deepStrictEqual(seen, ['method', 'Runtime.executionContextCreated']);

// Precise coverage through the protocol.
function covered(n) { return n + 1; }
session.post('Profiler.enable');
session.post('Profiler.startPreciseCoverage',
             { callCount: true, detailed: true });
covered(1);
session.post('Profiler.takePreciseCoverage', common.mustCall((err, res) => {
  assert.strictEqual(err, null);
  const script = res.result.find((s) => s.url.endsWith(
    'test-inspector-session-lode.js'));
  assert(script);
  assert(script.functions.some((f) => f.functionName === 'covered'));
}));

// A reply still awaited at disconnect() fails on a later tick.
session.post('Runtime.evaluate',
             { expression: 'new Promise(() => {})', awaitPromise: true },
             common.mustCall((err) => {
               assert.strictEqual(err.code, 'ERR_INSPECTOR_COMMAND');
             }));
session.disconnect();
session.disconnect();
assert.throws(() => session.post('Runtime.evaluate'),
              { code: 'ERR_INSPECTOR_NOT_CONNECTED' });

// disconnect() from inside a reply's callback.
const inner = new inspector.Session();
inner.connect();
inner.post('Runtime.evaluate', { expression: '3' }, common.mustCall(() => {
  inner.disconnect();
}));

// inspector/promises.
(async () => {
  const s = new inspectorPromises.Session();
  s.connect();
  const { result } = await s.post('Runtime.evaluate',
                                  { expression: '2 + 3' });
  assert.strictEqual(result.value, 5);
  await assert.rejects(s.post('Nope.x'), { code: 'ERR_INSPECTOR_COMMAND' });
  s.disconnect();
})().then(common.mustCall());
