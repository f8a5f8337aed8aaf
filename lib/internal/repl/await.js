'use strict';

// Top-level await in the REPL: an input that awaits outside any function is
// run as the body of an async arrow function. Its declarations are hoisted
// out of the wrapper (and turned into assignments inside) so that they
// outlive the call, and its last expression becomes the returned value,
// boxed as { value } so that a promise result is not awaited twice.

const {
  ArrayPrototypeJoin,
  ArrayPrototypePop,
  ArrayPrototypePush,
  ObjectKeys,
  RegExpPrototypeSymbolReplace,
  StringPrototypeEndsWith,
  StringPrototypeIncludes,
  StringPrototypeIndexOf,
  StringPrototypeRepeat,
  StringPrototypeSplit,
  StringPrototypeStartsWith,
  SyntaxError,
} = primordials;

const { Parser } = require('internal/deps/acorn/acorn/dist/acorn');
const walk = require('internal/deps/acorn/acorn-walk/dist/walk');

const kPrefix = '(async () => { ';
const kSuffix = ' })()';

// The source as an array of code units, each of which can gain text before
// or after it, or be replaced.
class Edits {
  constructor(text) {
    this.units = StringPrototypeSplit(text, '');
  }
  before(pos, text) {
    this.units[pos] = text + this.units[pos];
  }
  after(pos, text) {
    this.units[pos] += text;
  }
  replace(from, to, text) {
    for (let i = from; i < to; i++) this.units[i] = '';
    this.units[from] = text;
  }
  toString() {
    return ArrayPrototypeJoin(this.units, '');
  }
}

// Names bound by a declaration's pattern, in source order.
function boundNames(pattern, names) {
  if (pattern == null) return names;
  if (pattern.type === 'Identifier') {
    ArrayPrototypePush(names, pattern.name);
  } else if (pattern.type === 'ObjectPattern') {
    const properties = pattern.properties;
    for (let i = 0; i < properties.length; i++) {
      boundNames(properties[i].value || properties[i].argument, names);
    }
  } else if (pattern.type === 'ArrayPattern') {
    const elements = pattern.elements;
    for (let i = 0; i < elements.length; i++) boundNames(elements[i], names);
  }
  return names;
}

function rewriteDeclaration(node, state) {
  const parentType = state.ancestors[state.ancestors.length - 2].type;
  const loopHead = parentType === 'ForOfStatement' ||
                   parentType === 'ForInStatement';
  const kind = node.kind;
  if (kind !== 'var' && !state.atTopLevel()) return;

  // `var x of` -> `x of`; elsewhere `let a = 1, b` -> `void ( (a = 1),
  // (b=undefined))`.
  let keyword;
  if (kind === 'var' && loopHead) {
    keyword = '';
  } else {
    keyword = node.declarations.length === 1 ? 'void' : 'void (';
  }
  state.edits.replace(node.start,
                      node.start + kind.length + (loopHead ? 1 : 0), keyword);
  if (!loopHead) {
    for (let i = 0; i < node.declarations.length; i++) {
      const declaration = node.declarations[i];
      state.edits.before(declaration.start, '(');
      state.edits.after(declaration.end - 1,
                        declaration.init ? ')' : '=undefined)');
    }
    if (node.declarations.length !== 1) {
      const last = node.declarations[node.declarations.length - 1];
      state.edits.after(last.end - 1, ')');
    }
  }

  const names = [];
  for (let i = 0; i < node.declarations.length; i++) {
    boundNames(node.declarations[i].id, names);
  }
  if (names.length > 0) {
    ArrayPrototypePush(state.hoisted,
                       `${kind === 'var' ? 'var' : 'let'} ` +
                       `${ArrayPrototypeJoin(names, ', ')}; `);
  }
}

const skip = () => {};
const handlers = {
  __proto__: null,
  AwaitExpression(node, state, c) {
    state.awaits = true;
    walk.base.AwaitExpression(node, state, c);
  },
  ForOfStatement(node, state, c) {
    if (node.await) state.awaits = true;
    walk.base.ForOfStatement(node, state, c);
  },
  ReturnStatement(node, state, c) {
    state.returns = true;
    walk.base.ReturnStatement(node, state, c);
  },
  // A function's body is its own: not walked.
  FunctionDeclaration(node, state) {
    state.edits.before(node.start,
                       `this.${node.id.name} = ${node.id.name}; `);
    ArrayPrototypePush(state.hoisted, `var ${node.id.name}; `);
  },
  FunctionExpression: skip,
  ArrowFunctionExpression: skip,
  MethodDefinition: skip,
  ClassDeclaration(node, state, c) {
    if (state.atTopLevel()) {
      state.edits.before(node.start, `${node.id.name}=`);
      ArrayPrototypePush(state.hoisted, `let ${node.id.name}; `);
    }
    walk.base.ClassDeclaration(node, state, c);
  },
  VariableDeclaration(node, state, c) {
    rewriteDeclaration(node, state);
    walk.base.VariableDeclaration(node, state, c);
  },
};

// Every node type, keeping the chain of ancestors in state.ancestors.
const visitors = {};
const types = ObjectKeys(walk.base);
for (let i = 0; i < types.length; i++) {
  const type = types[i];
  const handler = handlers[type] || walk.base[type];
  visitors[type] = (node, state, c) => {
    const ancestors = state.ancestors;
    const entered = ancestors[ancestors.length - 1] !== node;
    if (entered) ArrayPrototypePush(ancestors, node);
    handler(node, state, c);
    if (entered) ArrayPrototypePop(ancestors);
  };
}

// The SyntaxError for a parse error in the user's part of the wrapped code,
// in V8's layout (source line, caret, message).
function syntaxErrorFor(src, error) {
  const line = error.loc.line;
  const column = line === 1 ? error.loc.column - kPrefix.length :
    error.loc.column;
  let message = `\n${StringPrototypeSplit(src, '\n', line)[line - 1]}\n` +
    `${StringPrototypeRepeat(' ', column)}^\n\n` +
    RegExpPrototypeSymbolReplace(/ \([^)]+\)/, error.message, '');
  if (StringPrototypeEndsWith(message, 'Unexpected token')) {
    const at = error.pos - kPrefix.length;
    message += ` '${src[at] ?? src[src.length - 1]}'`;
  }
  // eslint-disable-next-line no-restricted-syntax
  return new SyntaxError(message);
}

// The async-wrapped form of `src`, or null when it needs none (no await
// outside functions, or a top-level return).
function processTopLevelAwait(src) {
  const wrapped = `${kPrefix}${src}${kSuffix}`;
  let ast;
  try {
    ast = Parser.parse(wrapped, { ecmaVersion: 'latest' });
  } catch (error) {
    if (StringPrototypeStartsWith(error.message, 'Unterminated ')) {
      const { Recoverable } = require('repl');
      throw new Recoverable(error);
    }
    // An error before the first await is V8's to report, when it runs the
    // code unwrapped; so are the ones caused by `await` as an identifier.
    const awaitAt = StringPrototypeIndexOf(src, 'await');
    const errorAt = error.pos - kPrefix.length;
    if (awaitAt > errorAt) return null;
    if (errorAt === awaitAt + 6 &&
        StringPrototypeIncludes(error.message,
                                'Expecting Unicode escape sequence')) {
      return null;
    }
    if (errorAt === awaitAt + 7 &&
        StringPrototypeIncludes(error.message, 'Unexpected token')) {
      return null;
    }
    throw syntaxErrorFor(src, error);
  }

  const body = ast.body[0].expression.callee.body;
  const state = {
    edits: new Edits(wrapped),
    ancestors: [],
    hoisted: [],
    awaits: false,
    returns: false,
    atTopLevel() {
      return this.ancestors[this.ancestors.length - 2] === body;
    },
  };
  walk.recursive(body, state, visitors);
  if (!state.awaits || state.returns) return null;

  // The last statement, when an expression, gives the result.
  const statements = body.body;
  for (let i = statements.length - 1; i >= 0; i--) {
    const statement = statements[i];
    if (statement.type === 'EmptyStatement') continue;
    if (statement.type === 'ExpressionStatement') {
      state.edits.before(statement.expression.start, '{ value: (');
      state.edits.before(statement.start, 'return ');
      state.edits.after(statement.expression.end - 1, ') }');
    }
    break;
  }
  return ArrayPrototypeJoin(state.hoisted, '') + state.edits.toString();
}

module.exports = {
  processTopLevelAwait,
};
