'use strict';
// lightningcss (a Rust addon): minify with a source map and browser
// targets, a syntax error with its location, and a JS visitor called from
// native code.
const { transform, bundle, browserslistToTargets } = require('lightningcss');
const css = Buffer.from('.foo { color: #ff0000; margin: 0px 0px 0px 0px; }\n.bar { display: flex; user-select: none }\n.foo { background: rgba(0,0,0,.5) }');
const { code, map } = transform({ filename: 'style.css', code: css, minify: true, sourceMap: true, targets: { chrome: 80 << 16 } });
console.log(code.toString());
console.log(map && map.length > 0);
try { transform({ filename: 'bad.css', code: Buffer.from('.a { color: ; } }}'), errorRecovery: false }); } catch (e) { console.log('err', e.message, e.fileName, JSON.stringify(e.loc)); }
const r = transform({ filename: 'x.css', code: Buffer.from('.a{width:calc(1px + 2px)}'), minify: true, visitor: { Length(l) { return { unit: l.unit, value: l.value * 2 }; } } });
console.log(r.code.toString());
