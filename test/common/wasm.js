'use strict';

// Small WebAssembly binaries for tests, without a toolchain. Functions take
// and return i32s; a body is raw instruction bytes (0x20 n: local.get n,
// 0x10 n: call n, 0x6a: i32.add, 0x23 n: global.get n).
//
//   wasmModule({
//     imports: [{ module: './dep.mjs', name: 'f', kind: 'func', params: 1 }],
//     functions: [{ params: 2, body: [0x20, 0, 0x20, 1, 0x6a] }],
//     globals: [{ value: 42, mutable: false }],
//     exports: [{ name: 'add', kind: 'func', index: 1 }],
//     start: undefined,  // or a function index
//   })  ->  Buffer

const kKinds = { func: 0, global: 3 };
const kI32 = 0x7f;

function uleb(n) {
  const out = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n !== 0) byte |= 0x80;
    out.push(byte);
  } while (n !== 0);
  return out;
}

function sleb(n) {
  const out = [];
  for (;;) {
    const byte = n & 0x7f;
    n >>= 7;
    if ((n === 0 && !(byte & 0x40)) || (n === -1 && (byte & 0x40))) {
      out.push(byte);
      return out;
    }
    out.push(byte | 0x80);
  }
}

function name(s) {
  const bytes = [...Buffer.from(s)];
  return [...uleb(bytes.length), ...bytes];
}

function section(id, items) {
  const content = [...uleb(items.length), ...items.flat()];
  return [id, ...uleb(content.length), ...content];
}

function wasmModule({ imports = [], functions = [], globals = [],
                      exports = [], start } = {}) {
  // One function type per parameter count, all returning an i32 (a
  // start function takes none and returns none: type 0).
  const types = [[0x60, 0, 0]];
  const typeOf = (params) => {
    const type = [0x60, ...uleb(params), ...Array(params).fill(kI32), 1, kI32];
    let index = types.findIndex((t) => t.join() === type.join());
    if (index === -1) index = types.push(type) - 1;
    return index;
  };
  const importItems = imports.map((i) => [
    ...name(i.module), ...name(i.name), kKinds[i.kind],
    ...(i.kind === 'func' ?
      uleb(i.void ? 0 : typeOf(i.params ?? 0)) :
      [kI32, i.mutable ? 1 : 0]),
  ]);
  const functionTypes = functions.map((f) => uleb(f.void ? 0 : typeOf(f.params ?? 0)));
  const bytes = [0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00];
  bytes.push(...section(1, types));
  if (imports.length) bytes.push(...section(2, importItems));
  if (functions.length) bytes.push(...section(3, functionTypes));
  if (globals.length) {
    bytes.push(...section(6, globals.map((g) =>
      [kI32, g.mutable ? 1 : 0, 0x41, ...sleb(g.value), 0x0b])));
  }
  if (exports.length) {
    bytes.push(...section(7, exports.map((e) =>
      [...name(e.name), kKinds[e.kind], ...uleb(e.index)])));
  }
  if (start !== undefined) bytes.push(8, ...uleb(uleb(start).length), ...uleb(start));
  if (functions.length) {
    bytes.push(...section(10, functions.map((f) => {
      const body = [0, ...f.body, 0x0b];
      return [...uleb(body.length), ...body];
    })));
  }
  return Buffer.from(bytes);
}

module.exports = { wasmModule };
