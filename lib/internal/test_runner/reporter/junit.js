'use strict';

// The 'junit' reporter: JUnit XML. A test with subtests becomes a
// <testsuite> with counts, any other test a <testcase> (with <skipped> or
// <failure> inside); diagnostics become comments. The document is written
// once the run has ended.

const {
  ArrayPrototypeFilter,
  ArrayPrototypePush,
  ArrayPrototypeSome,
  NumberPrototypeToFixed,
  ObjectKeys,
  RegExpPrototypeSymbolReplace,
  String,
  StringPrototypeRepeat,
} = primordials;

const { inspectWithNoCustomRetry } = require('internal/errors');

const inspectOptions = {
  __proto__: null, colors: false, breakLength: Infinity,
};
const kHeader = '<?xml version="1.0" encoding="utf-8"?>\n<testsuites>\n';

let hostname;

function escapeContent(text) {
  const ampersands = RegExpPrototypeSymbolReplace(/&/g, text, '&amp;');
  return RegExpPrototypeSymbolReplace(/</g, ampersands, '&lt;');
}

function escapeAttribute(text) {
  const oneLine = RegExpPrototypeSymbolReplace(/\n/g, text, '');
  return escapeContent(RegExpPrototypeSymbolReplace(/"/g, oneLine, '&quot;'));
}

function escapeComment(text) {
  return RegExpPrototypeSymbolReplace(/--/g, text, '&#45;&#45;');
}

function toXML(node) {
  if (typeof node === 'string') return `${escapeContent(node)}\n`;
  const pad = StringPrototypeRepeat('\t', node.nesting + 1);
  if (node.comment != null) {
    return `${pad}<!-- ${escapeComment(String(node.comment))} -->\n`;
  }
  let attrs = '';
  const keys = ObjectKeys(node.attrs);
  for (let i = 0; i < keys.length; i++) {
    if (i > 0) attrs += ' ';
    attrs += `${keys[i]}="${escapeAttribute(String(node.attrs[keys[i]]))}"`;
  }
  const children = node.children ?? [];
  if (children.length === 0) return `${pad}<${node.tag} ${attrs}/>\n`;
  let inner = '';
  for (let i = 0; i < children.length; i++) inner += toXML(children[i]);
  return `${pad}<${node.tag} ${attrs}>\n${inner}${pad}</${node.tag}>\n`;
}

function hasChild(node, tag, attr) {
  return (node.children &&
          ArrayPrototypeSome(node.children, (c) => c.tag === tag)) ||
    node.attrs?.[attr];
}

class JunitFormatter {
  #started = false;
  #current = null;
  #roots = [];

  #open(name, nesting) {
    const parent = this.#current;
    const node = {
      __proto__: null,
      attrs: { __proto__: null, name },
      nesting,
      parent,
      children: [],
    };
    if (parent !== null) ArrayPrototypePush(parent.children, node);
    else ArrayPrototypePush(this.#roots, node);
    this.#current = node;
  }

  #result(type, data) {
    if (this.#current === null) this.#open('root', 0);
    if (this.#current.attrs.name !== data.name ||
        this.#current.nesting !== data.nesting) {
      this.#open(data.name, data.nesting);
    }
    const node = this.#current;
    if (node.nesting === data.nesting) this.#current = node.parent;
    node.attrs.time =
      NumberPrototypeToFixed(data.details.duration_ms / 1000, 6);
    const tests = ArrayPrototypeFilter(node.children, (c) => c.comment == null);
    if (tests.length > 0) {
      node.tag = 'testsuite';
      node.attrs.disabled = 0;
      node.attrs.errors = 0;
      node.attrs.tests = tests.length;
      node.attrs.failures = ArrayPrototypeFilter(
        node.children, (c) => hasChild(c, 'failure', 'failures')).length;
      node.attrs.skipped = ArrayPrototypeFilter(
        node.children, (c) => hasChild(c, 'skipped', 'skipped')).length;
      hostname ??= require('os').hostname();
      node.attrs.hostname = hostname;
      return;
    }
    node.tag = 'testcase';
    node.attrs.classname = data.classname ?? 'test';
    if (data.file) node.attrs.file = data.file;
    const inner = data.nesting + 1;
    if (data.skip) {
      ArrayPrototypePush(node.children, {
        __proto__: null, nesting: inner, tag: 'skipped',
        attrs: { __proto__: null, type: 'skipped', message: data.skip },
      });
    }
    if (data.todo) {
      ArrayPrototypePush(node.children, {
        __proto__: null, nesting: inner, tag: 'skipped',
        attrs: { __proto__: null, type: 'todo', message: data.todo },
      });
    }
    if (type === 'test:fail') {
      const error = data.details?.error;
      ArrayPrototypePush(node.children, {
        __proto__: null,
        nesting: inner,
        tag: 'failure',
        attrs: {
          __proto__: null,
          type: error?.failureType || error?.code,
          message: error?.message ?? '',
        },
        children: [inspectWithNoCustomRetry(error, inspectOptions)],
      });
      node.attrs.failure = error?.message ?? '';
    }
  }

  format(event) {
    const { type, data } = event;
    switch (type) {
      case 'test:start':
        this.#open(data.name, data.nesting);
        break;
      case 'test:pass':
      case 'test:fail':
        this.#result(type, data);
        break;
      case 'test:diagnostic':
        ArrayPrototypePush(this.#current?.children ?? this.#roots, {
          __proto__: null, nesting: data.nesting, comment: data.message,
        });
        break;
      default:
        break;
    }
    if (this.#started) return '';
    this.#started = true;
    return kHeader;
  }

  end() {
    let out = this.#started ? '' : kHeader;
    this.#started = true;
    for (let i = 0; i < this.#roots.length; i++) out += toXML(this.#roots[i]);
    return `${out}</testsuites>\n`;
  }
}

// The public form: an async generator from events to text.
async function* junit(source) {
  const formatter = new JunitFormatter();
  yield '<?xml version="1.0" encoding="utf-8"?>\n';
  yield '<testsuites>\n';
  formatter.format({ __proto__: null, type: 'test:none', data: undefined });
  for await (const event of source) formatter.format(event);
  const rest = formatter.end();
  if (rest) yield rest;
}

module.exports = { JunitFormatter, junit };
