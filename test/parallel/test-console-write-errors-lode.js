'use strict';
require('../common');
const assert = require('assert');
const { Console } = require('console');
const EventEmitter = require('events');

// With ignoreErrors (the default) a write that throws or emits 'error' is
// swallowed; a one-shot 'error' listener guards each write and is removed
// afterwards. With ignoreErrors: false, errors reach the caller.
{
  const s = new EventEmitter();
  s.write = () => { throw new Error('write failed'); };
  const c = new Console(s);
  c.log('x');
  c.error('y');
  assert.strictEqual(s.listenerCount('error'), 0);
  assert.throws(() => new Console({ stdout: s, ignoreErrors: false }).log('x'),
                { message: 'write failed' });
}

{
  const s = new EventEmitter();
  s.write = function() { this.emit('error', new Error('emitted')); };
  new Console(s).log('x');
  assert.strictEqual(s.listenerCount('error'), 0);
}

// The write gets a callback; if it later reports an error that was not
// emitted yet, a one-shot listener is added so the coming 'error' event is
// not fatal.
{
  const s = new EventEmitter();
  s._writableState = { errorEmitted: false };
  const calls = [];
  s.write = (chunk, cb) => { calls.push([chunk, cb]); return true; };
  const c = new Console(s);
  c.log('a');
  c.warn('b');
  assert.deepStrictEqual(calls.map((call) => call[0]), ['a\n', 'b\n']);
  assert.strictEqual(typeof calls[0][1], 'function');
  assert.notStrictEqual(calls[0][1], calls[1][1]);
  assert.strictEqual(s.listenerCount('error'), 0);
  calls[0][1](null);
  assert.strictEqual(s.listenerCount('error'), 0);
  calls[0][1](new Error('late'));
  assert.strictEqual(s.listenerCount('error'), 1);
  s.emit('error', new Error('late'));
  assert.strictEqual(s.listenerCount('error'), 0);
}

// A user's listener is left alone and still sees the error.
{
  const s = new EventEmitter();
  const seen = [];
  s.on('error', (err) => seen.push(err.message));
  s.write = function() { this.emit('error', new Error('e')); };
  new Console(s).log('x');
  assert.deepStrictEqual(seen, ['e']);
  assert.strictEqual(s.listenerCount('error'), 1);
}

// Without ignoreErrors the write gets no callback and may be a bare object.
{
  const args = [];
  const bare = { write(...a) { args.push(a); } };
  new Console({ stdout: bare, ignoreErrors: false }).log('x');
  assert.deepStrictEqual(args, [['x\n']]);
}

// A stack overflow is never swallowed.
{
  const s = new EventEmitter();
  s.write = () => { const f = () => f(); f(); };
  assert.throws(() => new Console(s).log('x'), RangeError);
}
