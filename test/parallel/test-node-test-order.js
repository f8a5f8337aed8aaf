'use strict';
require('../common');
const assert = require('assert');
const { test, describe, it, before, after, beforeEach, afterEach } =
  require('node:test');

// Tests run one after the other, after the file has loaded; suites run
// their bodies at once; hooks run outermost first (beforeEach) and innermost
// first (afterEach); subtests not awaited are waited for; the `concurrency`
// option lets subtests overlap.

const log = [];
process.on('exit', (code) => {
  assert.strictEqual(code, 0);
  assert.deepStrictEqual(log, [
    'root before', 'd body', 'file end',
    'root beforeEach t', 't body', 'root beforeEach t.a', 't body end',
    't beforeEach t.a', 't.a', 'root afterEach t.a',
    'root beforeEach t.b', 't beforeEach t.b', 't.b', 'root afterEach t.b',
    'root afterEach t', 't promise',
    'd before', 'root beforeEach d.a', 'd beforeEach d.a', 'd.a',
    'd afterEach d.a', 'root afterEach d.a', 'd after',
    'root beforeEach c', 'root beforeEach x', 'root beforeEach y',
    'x start', 'y start', 'y end', 'root afterEach y', 'x end',
    'root afterEach x', 'root afterEach c', 'c after',
    'root after',
  ]);
});

before(() => log.push('root before'));
after(() => log.push('root after'));
beforeEach((t) => log.push(`root beforeEach ${t.name}`));
afterEach((t) => log.push(`root afterEach ${t.name}`));

test('t', (t) => {
  log.push('t body');
  t.beforeEach((t) => log.push(`t beforeEach ${t.name}`));
  t.test('t.a', async () => { await null; log.push('t.a'); });
  t.test('t.b', () => log.push('t.b'));
  log.push('t body end');
}).then(() => log.push('t promise'));

describe('d', () => {
  log.push('d body');
  before(() => log.push('d before'));
  after(() => log.push('d after'));
  beforeEach((t) => log.push(`d beforeEach ${t.name}`));
  afterEach((t) => log.push(`d afterEach ${t.name}`));
  it('d.a', () => log.push('d.a'));
});

test('c', { concurrency: true }, (t) => {
  t.after(() => log.push('c after'));
  t.test('x', async () => {
    log.push('x start');
    await new Promise((resolve) => setTimeout(resolve, 10));
    log.push('x end');
  });
  t.test('y', async () => {
    log.push('y start');
    await null;
    log.push('y end');
  });
});

log.push('file end');
