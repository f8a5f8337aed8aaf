'use strict';
// rollup's parser is a Rust addon (@rollup/rollup-<platform>): parse
// synchronously and on a worker thread, report a syntax error, then bundle
// project/ (tree-shaking drops the unused export).
const path = require('path');
const { rollup } = require('rollup');
const { parseAst, parseAstAsync } = require('rollup/parseAst');

(async () => {
  const ast = parseAst('const a = 1 + 2; export { a };');
  console.log(ast.type, ast.body.length, ast.body[0].type, ast.end);
  const asyncAst = await parseAstAsync('let [x, ...y] = [1, 2, 3];');
  console.log(asyncAst.body[0].declarations[0].id.type);
  try {
    parseAst('let = ;');
  } catch (e) {
    console.log('error', e.code, e.message);
  }
  const bundle = await rollup({
    input: path.join(__dirname, 'project', 'main.js'),
    logLevel: 'silent',
  });
  const { output } = await bundle.generate({ format: 'cjs' });
  console.log(output[0].code);
  await bundle.close();
})().catch((e) => { console.error('FAIL', e); process.exitCode = 1; });
