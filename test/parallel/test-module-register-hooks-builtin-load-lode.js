'use strict';

// module.registerHooks() hooks run for require() of builtins, with or
// without the node: scheme, on each require(): resolve gets the request
// and the default step gives the node: URL; load gets that URL with the
// format 'builtin', and the default step gives no source. The contexts
// are those of a require() (no import attributes, the CommonJS conditions
// in Node's order).

require('../common');
const assert = require('assert');
const { registerHooks } = require('module');

const seen = [];
const hook = registerHooks({
  resolve(specifier, context, nextResolve) {
    const result = nextResolve(specifier, context);
    seen.push(['resolve', specifier, result.url, result.format,
               Object.keys(context).join(), context.importAttributes,
               context.conditions.join()]);
    return result;
  },
  load(url, context, nextLoad) {
    const result = nextLoad(url, context);
    seen.push(['load', url, context.format, result.format, result.source,
               Object.keys(context).join(), context.conditions.join()]);
    return result;
  },
});

const conditions = 'require,node,node-addons,module-sync';
assert.strictEqual(require('fs'), require('node:fs'));
assert.strictEqual(typeof require('node:test'), 'function');
assert.deepStrictEqual(seen, [
  ['resolve', 'fs', 'node:fs', undefined, 'parentURL,importAttributes,conditions',
   undefined, conditions],
  ['load', 'node:fs', 'builtin', 'builtin', null,
   'format,importAttributes,conditions', conditions],
  ['resolve', 'node:fs', 'node:fs', undefined,
   'parentURL,importAttributes,conditions', undefined, conditions],
  ['load', 'node:fs', 'builtin', 'builtin', null,
   'format,importAttributes,conditions', conditions],
  ['resolve', 'node:test', 'node:test', undefined,
   'parentURL,importAttributes,conditions', undefined, conditions],
  ['load', 'node:test', 'builtin', 'builtin', null,
   'format,importAttributes,conditions', conditions],
]);

// An unknown node: name fails in the default resolve step.
assert.throws(() => require('node:no-such-builtin'),
              { code: 'ERR_UNKNOWN_BUILTIN_MODULE' });
hook.deregister();

// A load hook alone (no resolve hook) sees node: requests too; one that
// short-circuits with the format 'builtin', or none, gives the builtin.
const urls = [];
const loadOnly = registerHooks({
  load(url, context, nextLoad) {
    urls.push(url);
    if (url === 'node:os') return { shortCircuit: true };
    if (url === 'node:path') return { shortCircuit: true, format: 'builtin' };
    return nextLoad(url, context);
  },
});
assert.strictEqual(typeof require('node:util').inspect, 'function');
assert.strictEqual(typeof require('node:os').cpus, 'function');
assert.strictEqual(typeof require('path').join, 'function');
assert.deepStrictEqual(urls, ['node:util', 'node:os', 'node:path']);
loadOnly.deregister();

// A hook that neither calls its next step nor says shortCircuit (truthy)
// fails, for builtins as for files.
for (const shortCircuit of [undefined, false, 0]) {
  const resolveHook = registerHooks({
    resolve() { return { url: 'node:os', shortCircuit }; },
  });
  assert.throws(() => require('fs'), {
    code: 'ERR_INVALID_RETURN_PROPERTY_VALUE',
    name: 'TypeError',
    message: 'Expected true to be returned for the "shortCircuit" from the ' +
      `"resolve" hook but got ${shortCircuit === undefined ? 'undefined' :
        `type ${typeof shortCircuit} (${shortCircuit})`}.`,
  });
  resolveHook.deregister();
}
const loadHook = registerHooks({
  load(url, context, nextLoad) {
    if (url === 'node:fs') return { format: 'builtin' };
    return nextLoad(url, context);
  },
});
assert.throws(() => require('fs'), {
  code: 'ERR_INVALID_RETURN_PROPERTY_VALUE',
  message: 'Expected true to be returned for the "shortCircuit" from the ' +
    '"load" hook but got undefined.',
}, 'a load hook with no shortCircuit');
loadHook.deregister();
