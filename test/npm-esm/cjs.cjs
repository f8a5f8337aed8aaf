'use strict';
// ESM-only packages (chalk 5, nanoid 5, execa 9) loaded with require()
// (require(esm), no top-level await in their graphs) and dual packages
// (uuid 11, date-fns 4) from CommonJS; every line must read as under Node 24.
const path = require('node:path');
const { types } = require('node:util');
const scrub = (s) => String(s).split(__dirname).join('<dir>');
const rel = (p) => path.relative(__dirname, p.startsWith('file:') ? require('node:url').fileURLToPath(p) : p);
const out = (...args) => process.stdout.write(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a))).join(' ') + '\n');

out('require_module', process.features.require_module);

const chalkNs = require('chalk');
out('chalk namespace', types.isModuleNamespaceObject(chalkNs), Object.keys(chalkNs).sort(), chalkNs.__esModule);
const chalk = chalkNs.default;
out('chalk', chalk.level, chalk.red.bold('red bold'), new chalkNs.Chalk({ level: 3 }).bgHex('#102030')('bg'));

const nanoidNs = require('nanoid');
out('nanoid namespace', types.isModuleNamespaceObject(nanoidNs), Object.keys(nanoidNs).sort());
const id = nanoidNs.nanoid();
out('nanoid', id.length, /^[A-Za-z0-9_-]+$/.test(id), nanoidNs.customAlphabet('0123456789', 8)().length);
out('nanoid/non-secure', require('nanoid/non-secure').nanoid(10).length);

const execaNs = require('execa');
out('execa namespace', types.isModuleNamespaceObject(execaNs), Object.keys(execaNs).sort());
out('execaSync', execaNs.execaSync('echo', ['hi']).stdout);

for (const name of ['chalk', 'nanoid', 'execa', 'uuid', 'date-fns']) {
  out('resolve', name, rel(require.resolve(name)));
}
const uuid = require('uuid');
out('uuid', types.isModuleNamespaceObject(uuid), uuid.v5('lode', uuid.v5.DNS), uuid.validate(uuid.v1()));
out('uuid cached', require.cache[require.resolve('uuid')] !== undefined,
    Object.keys(require.cache).some((k) => k.includes(`uuid${path.sep}dist${path.sep}esm`)));
const df = require('date-fns');
out('date-fns', types.isModuleNamespaceObject(df), df.format(df.addDays(new Date(2023, 11, 31), 1), 'yyyy-MM-dd'));
out('cache has ESM-only entries', ['chalk', 'nanoid', 'execa'].map((n) => require.cache[require.resolve(n)] !== undefined));

(async () => {
  const echo = await execaNs.execa('echo', ['async hi']);
  out('execa', echo.stdout, echo.exitCode);
  const child = await execaNs.execaNode(path.join(__dirname, 'child.mjs'), ['ipc']);
  out('execaNode', child.stdout, child.ipcOutput);
  const imported = await import('nanoid');
  out('import() of required ESM is the same namespace', imported === nanoidNs);
  const uuidEsm = await import('uuid');
  out('import() of dual package takes the import entry', uuidEsm.v5 === uuid.v5, types.isModuleNamespaceObject(uuidEsm));
  const chalkEsm = await import('chalk');
  out('chalk same', chalkEsm === chalkNs, chalkEsm.default === chalk);
  try {
    require('uuid/dist/esm/index.js');
  } catch (err) {
    out('require unexported', err.code, scrub(err.message));
  }
})();
