'use strict';
// channel(), subscribe/unsubscribe (module and Channel), hasSubscribers,
// publish, and the inactive/active Channel switch.
const common = require('../common');
const assert = require('assert');
const dc = require('diagnostics_channel');

const name = 'test:pub-sub';
const channel = dc.channel(name);
assert.strictEqual(dc.channel(name), channel);
assert(channel instanceof dc.Channel);
assert.strictEqual(channel.hasSubscribers, false);
assert.strictEqual(dc.hasSubscribers(name), false);
assert.strictEqual(dc.hasSubscribers('test:never-made'), false);

const message = { data: 1 };
const subscriber = common.mustCall((msg, channelName) => {
  assert.strictEqual(msg, message);
  assert.strictEqual(channelName, name);
}, 2);

dc.subscribe(name, subscriber);
assert.strictEqual(channel.hasSubscribers, true);
assert.strictEqual(dc.hasSubscribers(name), true);
channel.publish(message);

assert.strictEqual(dc.unsubscribe(name, subscriber), true);
assert.strictEqual(dc.unsubscribe(name, subscriber), false);
assert.strictEqual(channel.hasSubscribers, false);
channel.publish(message);  // Nobody listens.

channel.subscribe(subscriber);
channel.publish(message);
assert.strictEqual(channel.unsubscribe(subscriber), true);
assert.strictEqual(dc.unsubscribe('test:never-made', subscriber), false);

// Symbols name channels too.
const sym = Symbol('test');
assert.strictEqual(dc.channel(sym).name, sym);

assert.throws(() => dc.channel(5), {
  code: 'ERR_INVALID_ARG_TYPE',
  message: 'The "channel" argument must be one of type string or symbol. ' +
           'Received type number (5)',
});
assert.throws(() => channel.subscribe(5), { code: 'ERR_INVALID_ARG_TYPE' });

// A throwing subscriber does not stop the others; its error becomes an
// uncaught exception on the next tick.
const other = dc.channel('test:throws');
other.subscribe(() => { throw new Error('subscriber'); });
other.subscribe(common.mustCall());
process.on('uncaughtException', common.mustCall((err) => {
  assert.strictEqual(err.message, 'subscriber');
}));
other.publish('x');

// Unsubscribing while publishing leaves the running publish as it was.
const sync = dc.channel('test:sync-unsubscribe');
const first = common.mustCall(() => sync.unsubscribe(second));
const second = common.mustCall();
sync.subscribe(first);
sync.subscribe(second);
sync.publish();
