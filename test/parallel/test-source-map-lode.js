'use strict';
// Source maps: module.SourceMap decodes a map, module.findSourceMap() finds
// the map of a loaded module once source maps are on, and
// --enable-source-maps maps stack traces, the source line of an uncaught
// error and util.getCallSites().
const common = require('../common');
const assert = require('assert');
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');
const { pathToFileURL } = require('url');
const Module = require('module');
const tmpdir = require('../common/tmpdir');

const { SourceMap, findSourceMap } = Module;

// "a.ts": line 1 "function hello() {", line 2 "  throw new Error('x');"
// compiled to one line "function hello(){throw new Error('x')}hello();"
// (column 17 of line 0 is `throw`, original line 1 column 2).
const map = {
  version: 3,
  sources: ['a.ts'],
  sourcesContent: [
    "function hello() {\n  throw new Error('x');\n}\nhello();\n",
  ],
  names: ['hello'],
  mappings: 'AAAA,SAASA,QACP,qBAEFA',
};

{
  const sm = new SourceMap(map, { lineLengths: [40] });
  assert.deepStrictEqual(sm.findEntry(0, 17), {
    generatedLine: 0, generatedColumn: 17, originalSource: 'a.ts',
    originalLine: 1, originalColumn: 2, name: undefined,
  });
  assert.deepStrictEqual(sm.findEntry(0, 9).name, 'hello');
  assert.deepStrictEqual(sm.findOrigin(1, 20), {
    name: undefined, fileName: 'a.ts', lineNumber: 2, columnNumber: 5,
  });
  assert.deepStrictEqual(sm.lineLengths, [40]);
  assert.notStrictEqual(sm.payload, map);
  assert.strictEqual(sm.payload.mappings, map.mappings);
  // Before the first segment, and a map without segments.
  assert.deepStrictEqual(new SourceMap({ ...map, mappings: 'C' })
    .findEntry(0, 0), {});
  assert.deepStrictEqual(new SourceMap({ ...map, mappings: ';;' })
    .findOrigin(1, 1), {});
  // VLQ: "B" is -0, which stands for -2^31.
  assert.strictEqual(new SourceMap({ sources: ['t'], mappings: 'AAAB' })
    .findEntry(0, 0).originalColumn, -2147483648);
  assert.throws(() => new SourceMap('x'), {
    code: 'ERR_INVALID_ARG_TYPE',
    message: 'The "payload" argument must be of type object. ' +
             "Received type string ('x')",
  });
}

{
  assert.deepStrictEqual(Module.getSourceMapsSupport(), {
    __proto__: null, enabled: false, nodeModules: false, generatedCode: false,
  });
  assert.strictEqual(process.sourceMapsEnabled, false);
  assert.throws(() => Module.setSourceMapsSupport(1),
                { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => Module.setSourceMapsSupport(true, { nodeModules: 1 }),
                { code: 'ERR_INVALID_ARG_TYPE' });
  assert.throws(() => process.setSourceMapsEnabled('yes'),
                { code: 'ERR_INVALID_ARG_TYPE' });
  assert.strictEqual(findSourceMap(__filename), undefined);
  assert.strictEqual(findSourceMap(''), undefined);
  assert.strictEqual(findSourceMap(42), undefined);
}

tmpdir.refresh();
const code = "function hello(){throw new Error('x')}hello();\n";
const inline = Buffer.from(JSON.stringify(map)).toString('base64');
const file = tmpdir.resolve('a.js');
fs.writeFileSync(
  file, `${code}//# sourceMappingURL=data:application/json;base64,${inline}\n`);
// A map on disk, next to the code; in a string, the comment does not count.
const onDisk = tmpdir.resolve('b.js');
fs.writeFileSync(tmpdir.resolve('b.js.map'), JSON.stringify(map));
fs.writeFileSync(onDisk, `${code}//# sourceMappingURL=b.js.map\n`);
const inString = tmpdir.resolve('c.js');
fs.writeFileSync(inString,
                 'module.exports = `\n//# sourceMappingURL=b.js.map\n`;\n');

{
  // Collected once source maps are on, before the module runs.
  process.setSourceMapsEnabled(true);
  assert.strictEqual(process.sourceMapsEnabled, true);
  assert.deepStrictEqual(Module.getSourceMapsSupport(), {
    __proto__: null, enabled: true, nodeModules: true, generatedCode: true,
  });
  assert.throws(() => require(file), (err) => {
    const sm = findSourceMap(file);
    assert.ok(sm instanceof SourceMap);
    // The sources are resolved against the module's URL.
    assert.strictEqual(sm.payload.sources[0],
                       pathToFileURL(tmpdir.resolve('a.ts')).href);
    assert.strictEqual(findSourceMap(pathToFileURL(file).href), sm);
    const frames = err.stack.split('\n');
    assert.strictEqual(frames[0], 'Error: x');
    assert.strictEqual(frames[1],
                       `    at hello (${tmpdir.resolve('a.ts')}:2:3)`);
    assert.strictEqual(frames[2], '    at Object.<anonymous> ' +
                       `(${tmpdir.resolve('a.ts')}:4:1)`);
    return true;
  });
  assert.throws(() => require(onDisk), /x/);
  assert.strictEqual(findSourceMap(onDisk).findEntry(0, 17).originalLine, 1);
  require(inString);
  assert.strictEqual(findSourceMap(inString), undefined);
  Module.setSourceMapsSupport(false);
  assert.strictEqual(process.sourceMapsEnabled, false);
}

{
  // The uncaught error shows the original line, and the stack is mapped.
  const child = spawnSync(process.execPath, ['--enable-source-maps', file]);
  const stderr = child.stderr.toString();
  assert.strictEqual(child.status, 1);
  assert.ok(stderr.startsWith(
    `${tmpdir.resolve('a.ts')}:2\n  throw new Error('x');\n  ^\n\nError: x\n` +
    `    at hello (${tmpdir.resolve('a.ts')}:2:3)\n`), stderr);
  // Without the flag, nothing is mapped.
  const plain = spawnSync(process.execPath, [file]);
  assert.doesNotMatch(plain.stderr.toString(), /a\.ts/);
}

{
  // util.getCallSites() maps through the map when source maps are on.
  const caller = tmpdir.resolve('sites.js');
  const callerMap = {
    version: 3, sources: ['sites.ts'], names: [],
    mappings: 'AAKA,SAAS',
  };
  fs.writeFileSync(
    caller,
    "const s = require('util').getCallSites(1)[0];" +
    'console.log(JSON.stringify([s.scriptName, s.lineNumber, s.column]));\n' +
    '//# sourceMappingURL=data:application/json;base64,' +
    Buffer.from(JSON.stringify(callerMap)).toString('base64'));
  const on = spawnSync(process.execPath, ['--enable-source-maps', caller]);
  assert.deepStrictEqual(JSON.parse(on.stdout),
                         [pathToFileURL(tmpdir.resolve('sites.ts')).href, 6,
                          10]);
  const off = spawnSync(process.execPath, [caller]);
  assert.deepStrictEqual(JSON.parse(off.stdout), [caller, 1, 27]);
}

{
  // eval'd code with a sourceURL and a map is mapped too.
  const evaluator = tmpdir.resolve('evaluator.js');
  fs.writeFileSync(
    evaluator,
    `try { eval(${JSON.stringify(code)} + '//# sourceURL=' + ` +
    `${JSON.stringify(tmpdir.resolve('gen.js'))} + '\\n' + ` +
    "'//# sourceMappingURL=data:application/json;base64,' + " +
    `${JSON.stringify(inline)}); } catch (err) { console.log(err.stack); }\n`);
  const child = spawnSync(process.execPath,
                          ['--enable-source-maps', evaluator]);
  const lines = child.stdout.toString().split('\n');
  assert.strictEqual(lines[1], `    at hello (${tmpdir.resolve('a.ts')}:2:3)`);
}

{
  // NODE_V8_COVERAGE files keep the maps of the modules under
  // "source-map-cache", also when the process kills itself with a signal.
  const dir = tmpdir.resolve('coverage');
  const killer = tmpdir.resolve('killer.js');
  fs.writeFileSync(killer, "process.kill(process.pid, 'SIGINT');\n" +
                   '//# sourceMappingURL=https://example.com/killer.map\n');
  const child = spawnSync(process.execPath, [killer], {
    env: { ...process.env, NODE_V8_COVERAGE: dir },
  });
  assert.strictEqual(child.signal, 'SIGINT');
  const files = fs.readdirSync(dir);
  assert.strictEqual(files.length, 1);
  const cache =
    JSON.parse(fs.readFileSync(path.join(dir, files[0])))['source-map-cache'];
  assert.deepStrictEqual(cache[pathToFileURL(killer).href], {
    lineLengths: [36, 51, 0],
    data: null,
    url: 'https://example.com/killer.map',
  });
}

common.mustCall()();
