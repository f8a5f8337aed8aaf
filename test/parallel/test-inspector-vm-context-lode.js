'use strict';
// A vm context is announced to the sessions (Runtime.executionContextCreated)
// with its name and origin, and a debugger statement in it pauses.
const common = require('../common');
const assert = require('assert');
const vm = require('vm');
const { Session } = require('inspector');

const session = new Session();
session.connect();
const created = [];
session.on('Runtime.executionContextCreated',
           ({ params: { context } }) => created.push(context));
session.post('Runtime.enable');
assert.strictEqual(created.length, 1);
assert.strictEqual(created[0].auxData.isDefault, true);
assert.strictEqual(created[0].name, `${process.argv0}[${process.pid}]`);

vm.createContext({}, { name: 'lode context', origin: 'https://lode.test' });
assert.strictEqual(created.length, 2);
assert.strictEqual(created[1].name, 'lode context');
assert.strictEqual(created[1].origin, 'https://lode.test');
assert.strictEqual(created[1].auxData.isDefault, false);

// Names and origins outside ASCII reach the session as written, not as
// their UTF-8 bytes read one by one.
vm.createContext({}, { name: 'contexte café ☕ 𝄞', origin: 'https://é.test' });
assert.strictEqual(created.length, 3);
assert.strictEqual(created[2].name, 'contexte café ☕ 𝄞');
assert.strictEqual(created[2].origin, 'https://é.test');

session.post('Debugger.enable');
session.once('Debugger.paused', common.mustCall());
vm.runInNewContext('debugger', {});
session.disconnect();
