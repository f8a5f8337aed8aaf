// ESM-only packages (chalk 5, nanoid 5, execa 9) and dual packages (uuid 11,
// date-fns 4) imported from an ES module; every line must read as under
// Node 24. Run from the install directory with FORCE_COLOR=1.
import chalk, { Chalk, supportsColor } from 'chalk';
import { nanoid, customAlphabet, urlAlphabet } from 'nanoid';
import { nanoid as nanoidNonSecure } from 'nanoid/non-secure';
import { execa, execaNode, execaSync, $ } from 'execa';
import * as uuid from 'uuid';
import * as dateFns from 'date-fns';
import { addDays, format } from 'date-fns';
import { enUS } from 'date-fns/locale';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import path from 'node:path';
import { types } from 'node:util';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(import.meta.url);
const rel = (p) => path.relative(here, p.startsWith('file:') ? fileURLToPath(p) : p);
const scrub = (s) => String(s).split(here).join('<dir>');

// chalk
console.log('chalk level', chalk.level, supportsColor && supportsColor.level);
console.log(JSON.stringify(chalk.red.bold('red bold')), JSON.stringify(chalk.bgBlue.underline('u')));
console.log(JSON.stringify(new Chalk({ level: 3 }).hex('#ff8800')('hex')),
            JSON.stringify(new Chalk({ level: 1 }).rgb(10, 200, 30)('ansi16')),
            JSON.stringify(new Chalk({ level: 0 }).green('plain')));

// nanoid
const id = nanoid();
console.log('nanoid', id.length, /^[A-Za-z0-9_-]+$/.test(id), nanoid(5).length, urlAlphabet.length);
const ab = customAlphabet('ab', 12)();
console.log('customAlphabet', ab.length, /^[ab]+$/.test(ab), nanoidNonSecure().length);
const many = new Set();
for (let i = 0; i < 1000; i++) many.add(nanoid());
console.log('unique', many.size);

// execa
const echo = await execa('echo', ['hi']);
console.log('execa echo', JSON.stringify(echo.stdout), echo.exitCode, echo.failed, echo.command);
const sync = execaSync('echo', ['sync hi']);
console.log('execaSync', JSON.stringify(sync.stdout));
const tpl = await $`echo ${'template arg'}`;
console.log('$', JSON.stringify(tpl.stdout));
const piped = await execa('echo', ['one\ntwo\nthree']).pipe('sort', ['-r']);
console.log('pipe', JSON.stringify(piped.stdout));
const lines = await execa({ lines: true })`printf a\\nb\\nc`;
console.log('lines', JSON.stringify(lines.stdout));
const input = await execa('cat', { input: 'from stdin' });
console.log('input', JSON.stringify(input.stdout));
const child = await execa(process.execPath, [path.join(here, 'child.mjs'), 'plain']);
console.log('runtime script', JSON.stringify(child.stdout));
const viaNode = await execaNode(path.join(here, 'child.mjs'), ['ipc']);
console.log('execaNode', JSON.stringify(viaNode.stdout), JSON.stringify(viaNode.ipcOutput));
const failed = await execa('sh', ['-c', 'echo oops >&2; exit 3'], { reject: false });
console.log('failed', failed.exitCode, failed.failed, JSON.stringify(failed.stderr), JSON.stringify(failed.shortMessage));
try {
  await execa('lode-no-such-command-xyz');
} catch (err) {
  console.log('ENOENT', err.name, err.code, err.failed, JSON.stringify(err.shortMessage));
}
const killed = await execa('sleep', ['5'], { timeout: 100, reject: false });
console.log('timeout', killed.timedOut, killed.isTerminated, killed.signal);

// dual packages: import and require take different entries
for (const name of ['uuid', 'date-fns', 'date-fns/locale', 'nanoid', 'chalk', 'execa']) {
  console.log('resolve', name, rel(import.meta.resolve(name)), rel(require.resolve(name)));
}
const uuidCjs = require('uuid');
const dfCjs = require('date-fns');
console.log('uuid import namespace', types.isModuleNamespaceObject(uuid), 'require namespace', types.isModuleNamespaceObject(uuidCjs), uuid.v5 === uuidCjs.v5);
console.log('uuid loaded', Object.keys(require.cache).filter((k) => k.includes('uuid')).map(rel).sort().slice(0, 3));
console.log('uuid v5', uuid.v5('lode', uuid.v5.DNS), uuidCjs.v5('lode', uuidCjs.v5.DNS), uuid.validate(uuid.v4()), uuid.version(uuid.v7()), uuid.NIL);
console.log('date-fns', format(addDays(new Date(2024, 0, 30), 3), 'yyyy-MM-dd EEEE', { locale: enUS }),
            dfCjs.format(dfCjs.addDays(new Date(2024, 1, 28), 1), 'yyyy-MM-dd'), dateFns.addDays === dfCjs.addDays,
            types.isModuleNamespaceObject(dateFns), types.isModuleNamespaceObject(dfCjs));
console.log('date-fns loaded', Object.keys(require.cache).filter((k) => k.includes('date-fns')).map(rel).sort().slice(0, 2));
for (const spec of ['uuid/dist/esm/index.js', 'chalk/source/vendor/ansi-styles/index.js', 'nanoid/nope']) {
  try {
    require.resolve(spec);
  } catch (err) {
    console.log('require.resolve', spec, err.code, scrub(err.message));
  }
  try {
    import.meta.resolve(spec);
  } catch (err) {
    console.log('import.meta.resolve', spec, err.code, scrub(err.message));
  }
}
const dyn = await import('uuid');
console.log('dynamic import same namespace', dyn === uuid);
