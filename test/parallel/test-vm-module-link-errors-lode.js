'use strict';
// Flags: --experimental-vm-modules --no-warnings
// The errors of link(): a linker result that is not a module, a module of
// another context, an errored module (ERR_VM_MODULE_LINK_FAILURE with the
// error as cause), a bad linker, and linking twice.
const common = require('../common');
const assert = require('assert');
const { SourceTextModule, createContext } = require('vm');

(async () => {
  for (const value of [undefined, null, {}, 5, SourceTextModule.prototype]) {
    await assert.rejects(new SourceTextModule('import "x";').link(() => value),
                         { code: 'ERR_VM_MODULE_NOT_MODULE',
                           message: 'Provided module is not an instance of Module' });
  }
  const failed = new SourceTextModule('import "x";');
  await assert.rejects(failed.link(() => ({})), (err) => {
    assert.strictEqual(failed.status, 'errored');
    assert.strictEqual(failed.error, err);
    return err.code === 'ERR_VM_MODULE_NOT_MODULE';
  });

  const other = new SourceTextModule('', { context: createContext() });
  await assert.rejects(new SourceTextModule('import "x";').link(() => other),
                       { code: 'ERR_VM_MODULE_DIFFERENT_CONTEXT',
                         message: 'Linked modules must use the same context' });

  const thrown = new Error('boom');
  globalThis.thrown = thrown;
  const errored = new SourceTextModule('throw globalThis.thrown;');
  await errored.link(common.mustNotCall());
  await assert.rejects(errored.evaluate(), thrown);
  delete globalThis.thrown;
  await assert.rejects(new SourceTextModule('import "bad";').link(() => errored), {
    name: 'Error',
    code: 'ERR_VM_MODULE_LINK_FAILURE',
    message: "request for 'bad' resolved to an errored module",
    cause: thrown,
  });

  for (const linker of [undefined, null, {}, 'f']) {
    await assert.rejects(new SourceTextModule('').link(linker),
                         { code: 'ERR_INVALID_ARG_TYPE', name: 'TypeError' });
  }
  const m = new SourceTextModule('');
  const first = m.link(common.mustNotCall());
  await assert.rejects(m.link(common.mustNotCall()), {
    code: 'ERR_VM_MODULE_STATUS', message: 'Module status must be unlinked',
  });
  await first;
  await assert.rejects(m.link(common.mustNotCall()), {
    code: 'ERR_VM_MODULE_ALREADY_LINKED',
    message: 'Module has already been linked',
  });
  // A missing export fails instantiation with V8's SyntaxError.
  await assert.rejects(
    new SourceTextModule('import { nope } from "m";')
      .link(() => new SourceTextModule('')),
    SyntaxError);
})().then(common.mustCall());
