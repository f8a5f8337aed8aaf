'use strict';
// buf.indexOf with a needle of several bytes in a haystack full of its first
// byte: first match, offsets, no match.
require('../common');
const assert = require('assert');

const hay = Buffer.from('hello world, this is lode '.repeat(2560));
assert.strictEqual(hay.indexOf('lode x'), -1);
assert.strictEqual(hay.indexOf('lode '), 21);
assert.strictEqual(hay.indexOf('is l', 100), 122);
assert.strictEqual(hay.indexOf('hello', 1), 26);
assert.strictEqual(hay.indexOf('lode ', hay.length - 5), hay.length - 5);
assert.strictEqual(hay.indexOf('lode ', hay.length - 4), -1);
assert.strictEqual(hay.indexOf(Buffer.from('world,'), -30), hay.length - 20);
assert.strictEqual(Buffer.from('abcabc').indexOf('bc', 2), 4);
assert.strictEqual(Buffer.from('abc').indexOf('abc'), 0);
assert.strictEqual(Buffer.from('aab').indexOf('ab'), 1);
