'use strict';
// @swc/core (a Rust addon): TypeScript to ES5/CommonJS, an async transform
// with minification, minifySync and parseSync.
const swc = require('@swc/core');
const src = 'const f = async (x: number): Promise<number> => x ** 2;\nclass A { #p = 1; get p() { return this.#p; } }\nexport default f;\n';
const r = swc.transformSync(src, { jsc: { parser: { syntax: 'typescript' }, target: 'es5' }, module: { type: 'commonjs' } });
console.log(r.code.length > 0, r.code.split('\n').slice(0, 6).join('\n'));
swc.transform(src, { jsc: { parser: { syntax: 'typescript' }, target: 'es2015' }, minify: true }).then((r) => {
  console.log(r.code);
  const m = swc.minifySync('function foo(a){ var bbb = a + 1; return bbb * 2 }\nconsole.log(foo(3))');
  console.log(m.code);
  const ast = swc.parseSync('let x = 1', { syntax: 'ecmascript' });
  console.log(ast.type, ast.body[0].type);
}).catch((e) => { console.error('FAIL', e); process.exitCode = 1; });
