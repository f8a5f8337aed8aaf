'use strict';
// util.MIMEType and util.MIMEParams: parsing as the MIME Sniffing standard
// says, serialization, the setters' checks and their error positions.
require('../common');
const assert = require('assert');
const { MIMEType, MIMEParams } = require('util');

const mime = new MIMEType(' Text/HTML ; Charset="utf-8"; x="a\\"b"; y=; ' +
                          'charset=ignored; bad name=1;q="é"');
assert.strictEqual(mime.type, 'text');
assert.strictEqual(mime.subtype, 'html');
assert.strictEqual(mime.essence, 'text/html');
assert.deepStrictEqual([...mime.params],
                       [['charset', 'utf-8'], ['x', 'a"b'], ['q', 'é']]);
assert.strictEqual(`${mime}`, 'text/html;charset=utf-8;x="a\\"b";q="é"');
assert.strictEqual(JSON.stringify({ mime }),
                   '{"mime":"text/html;charset=utf-8;x=\\"a\\\\\\"b\\";q=\\"é\\""}');
assert.strictEqual(mime.params, mime.params);
assert.strictEqual(mime.params.get('missing'), null);
assert.strictEqual(`${mime.params}`, 'charset=utf-8;x="a\\"b";q="é"');

mime.type = 'APPLICATION';
mime.subtype = 'JSON';
mime.params.delete('x');
mime.params.delete('q');
mime.params.set('Empty', '');
assert.strictEqual(`${mime}`, 'application/json;charset=utf-8;Empty=""');
assert.strictEqual(mime.params.has('empty'), false);

function syntax(production, input, index) {
  const at = index === -1 ? '' : ` at ${index}`;
  return {
    name: 'TypeError',
    code: 'ERR_INVALID_MIME_SYNTAX',
    message: `The MIME syntax for a ${production} in "${input}" is invalid${at}`,
  };
}
assert.throws(() => new MIMEType('text'), syntax('type', 'text', -1));
assert.throws(() => new MIMEType(' a /b'), syntax('type', ' a /b', 1));
assert.throws(() => new MIMEType('a/'), syntax('subtype', 'a/', -1));
assert.throws(() => new MIMEType('a/b c'), syntax('subtype', 'a/b c', 1));
assert.throws(() => { mime.type = 'x/'; }, syntax('type', 'x/', 1));
assert.throws(() => { mime.subtype = ''; }, syntax('subtype', '', -1));
assert.throws(() => mime.params.set('a=', 'x'),
              syntax('parameter name', 'a=', 1));
assert.throws(() => mime.params.set('a', 'x\n'),
              syntax('parameter value', 'x\n', 1));
assert.throws(() => MIMEParams.prototype.get.call({}, 'a'), {
  name: 'TypeError',
  message: 'Receiver must be an instance of class MIMEParams',
});

const params = new MIMEParams();
params.set('a', 'b c');
assert.strictEqual(`${params}`, 'a="b c"');
assert.deepStrictEqual([...params.keys()], ['a']);
assert.deepStrictEqual([...params.values()], ['b c']);
assert.strictEqual(MIMEParams.prototype[Symbol.iterator],
                   MIMEParams.prototype.entries);
