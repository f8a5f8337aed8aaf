'use strict';
require('../common');
const assert = require('assert');
const qs = require('querystring');

function parse(...args) {
  const out = qs.parse(...args);
  assert.strictEqual(Object.getPrototypeOf(out), null);
  return { ...out };
}

assert.deepStrictEqual(parse('a=1&a=2&a=3&b=x+y&c'), { a: ['1', '2', '3'], b: 'x y', c: '' });
assert.deepStrictEqual(parse('&&'), {});
assert.deepStrictEqual(parse('='), { '': '' });
assert.deepStrictEqual(parse('a&b=&=c'), { a: '', b: '', '': 'c' });
assert.deepStrictEqual(parse('a==b'), { a: '=b' });
assert.deepStrictEqual(parse('%E9%41=%zz&%C3%A9=%'), { '\uFFFDA': '%zz', 'é': '%' });
assert.deepStrictEqual(Object.entries(qs.parse('__proto__=1&constructor=2')),
                       [['__proto__', '1'], ['constructor', '2']]);
assert.deepStrictEqual(parse(5), {});
assert.deepStrictEqual(parse(''), {});

// Separators of any length.
assert.deepStrictEqual(parse('a:1;b:2', ';', ':'), { a: '1', b: '2' });
assert.deepStrictEqual(parse('a==1&&b==2', '&&', '=='), { a: '1', b: '2' });
assert.deepStrictEqual(parse('a=1&b=2', '', ''), { a: '1', b: '2' });

// maxKeys: 1000 by default, <= 0 or NaN for no limit.
assert.deepStrictEqual(parse('a=1&b=2&c=3', null, null, { maxKeys: 2 }), { a: '1', b: '2' });
assert.deepStrictEqual(parse('a=1&b=2&c=3', null, null, { maxKeys: 0 }),
                       { a: '1', b: '2', c: '3' });
assert.strictEqual(Object.keys(qs.parse('x&'.repeat(1500))).length, 1);
let many = '';
for (let i = 0; i < 1500; i++) many += `k${i}=${i}&`;
assert.strictEqual(Object.keys(qs.parse(many)).length, 1000);
assert.strictEqual(Object.keys(qs.parse(many, null, null, { maxKeys: NaN })).length, 1500);

// A custom decoder sees '+' as %20; when it throws, unescape() takes over.
assert.deepStrictEqual(parse('a+b=c+d&%zz=%41', null, null,
                             { decodeURIComponent: (s) => `[${s}]` }),
                       { '[a%20b]': '[c%20d]', '[%zz]': '[%41]' });
assert.deepStrictEqual(parse('a=%41%zz', null, null, {
  decodeURIComponent: () => { throw new Error('no'); },
}), { a: 'A%zz' });

// unescape() and unescapeBuffer().
assert.strictEqual(qs.unescape('a%20b+c'), 'a b+c');
assert.strictEqual(qs.unescape('a%zz+c', true), 'a%zz c');
assert.deepStrictEqual([...qs.unescapeBuffer('a%41%4g%%2+b%')],
                       [0x61, 0x41, 0x25, 0x34, 0x67, 0x25, 0x25, 0x32, 0x2B, 0x62, 0x25]);
assert.deepStrictEqual([...qs.unescapeBuffer('a+b', true)], [0x61, 0x20, 0x62]);
assert.strictEqual(qs.decode, qs.parse);
