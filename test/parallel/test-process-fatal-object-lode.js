'use strict';
require('../common');
const assert = require('assert');
const path = require('path');
const { spawnSync } = require('child_process');
const tmpdir = require('../common/tmpdir');

// An uncaught value that is not an error has no stack to carry its source
// line. Code run the way vm runs it (-e, -p, stdin, vm with displayErrors)
// keeps that line on an object it throws, and the fatal exception prints
// it, a blank line, then the value; a file's own code, or a primitive,
// prints a blank line first, then the line, then the value. Byte for byte
// as Node 24 prints them.
tmpdir.refresh();
const version = `\nNode.js ${process.version}\n`;
const use = '(Use `node --trace-uncaught ...` to show where the exception ' +
  'was thrown)\n';

function run(code, how) {
  let args;
  let input;
  let name;
  if (how === 'file') {
    name = path.join(tmpdir.path, 'fatal-object.js');
    require('fs').writeFileSync(name, code);
    args = [name];
  } else if (how === 'stdin') {
    name = '[stdin]';
    args = ['-'];
    input = code;
  } else {
    name = '[eval]';
    args = [how, code];
  }
  const { status, stderr } = spawnSync(process.execPath, args,
                                       { encoding: 'utf8', input });
  assert.strictEqual(status, 1, stderr);
  return { name, stderr };
}

const objects = [
  ['{}', '{}'],
  ['{a: 1}', '{ a: 1 }'],
  ['Object.create(null)', '[Object: null prototype] {}'],
  ['[1]', '[ 1 ]'],
];
for (const [value, printed] of objects) {
  const code = `throw ${value}`;
  const caret = `${code}\n^\n`;
  for (const how of ['-e', '-p', 'stdin']) {
    const { name, stderr } = run(code, how);
    assert.strictEqual(stderr, `${name}:1\n${caret}\n${printed}\n${version}`);
  }
  const { name, stderr } = run(code, 'file');
  assert.strictEqual(stderr, `\n${name}:1\n${caret}${printed}\n${version}`);
}

for (const [value, printed] of [['null', 'null'], ['1', '1']]) {
  const code = `throw ${value}`;
  for (const how of ['-e', 'file']) {
    const { name, stderr } = run(code, how);
    assert.strictEqual(stderr,
                       `\n${name}:1\n${code}\n^\n${printed}\n${use}${version}`);
  }
}

// The line kept is where vm's script threw the object, even when the
// program throws it again from elsewhere.
{
  const inner = 'throw {b: 2}';
  const code = 'try { require("vm").runInThisContext(' +
    `${JSON.stringify(inner)}) } catch (e) { throw e }`;
  const { stderr } = run(code, 'file');
  assert.strictEqual(stderr,
                     `evalmachine.<anonymous>:1\n${inner}\n^\n\n{ b: 2 }\n` +
                     version);
}

// The value is inspected as Node inspects it there: its own inspect method
// ignored, five levels deep.
{
  const code = 'throw {[Symbol.for("nodejs.util.inspect.custom")]() ' +
    '{ return "custom" }, a: {b: {c: {d: {e: {f: 1}}}}}}';
  const { stderr } = run(code, '-e');
  assert.match(stderr, /\n\{\n {2}a: \{\n/);
  assert.match(stderr, /c: \{ d: \{ e: \{ f: 1 \} \} \}/);
  assert.doesNotMatch(stderr, /custom"?\n/);
}

// An object whose stack getter throws cannot be inspected: it prints as
// "name: message" after the line it kept, or as its string alone, then the
// --trace-uncaught hint.
{
  const named = 'throw {name: "N", message: "m", get stack() { throw 1 }}';
  let { name, stderr } = run(named, '-e');
  assert.strictEqual(stderr,
                     `${name}:1\n${named}\n^\n\nN: m\n${use}${version}`);
  const bare = 'throw {get stack() { throw 1 }}';
  ({ name, stderr } = run(bare, '-e'));
  assert.strictEqual(stderr, `[object Object]\n${use}${version}`);
  ({ name, stderr } = run(bare, 'file'));
  assert.strictEqual(
    stderr, `\n${name}:1\n${bare}\n^\n[object Object]\n${use}${version}`);
}
