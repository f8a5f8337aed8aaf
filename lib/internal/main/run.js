'use strict';

// `lode --run <script> [-- args]`: runs a script of the nearest package.json
// with `sh -c`, from that package.json's folder. Every node_modules/.bin
// folder from the current directory up goes in front of PATH, and the
// script sees NODE_RUN_SCRIPT_NAME and NODE_RUN_PACKAGE_JSON_PATH. Like
// Node, nothing of the program's own setup (--require, ...) runs first.

const {
  ArrayIsArray,
  ArrayPrototypeJoin,
  ArrayPrototypePush,
  JSONParse,
  ObjectKeys,
  ObjectPrototypeHasOwnProperty,
  RegExpPrototypeExec,
  RegExpPrototypeSymbolReplace,
  StringPrototypeReplaceAll,
  StringPrototypeToUpperCase,
} = primordials;

const { getOptionValue } = require('internal/options');

const kGenericUserError = 1;

// Characters that make an argument need quoting for the shell.
const kNeedsQuotes = /[\t\n\r "#$&'()*;<>?\\`|~]/;
const kLeadingQuotePairs = /^(?:'')+(?!$)/;

// An argument as Node's task runner hands it to the shell: as it is when
// harmless, otherwise in single quotes. (Node escapes a single quote inside
// with a backslash, which sh does not accept inside quotes; that quirk is
// kept so that the same command lines behave the same.)
function escapeShell(arg) {
  if (arg === '') return '\'\'';
  if (RegExpPrototypeExec(kNeedsQuotes, arg) === null) return arg;
  let text = `'${StringPrototypeReplaceAll(arg, '\'', '\\\'')}'`;
  text = RegExpPrototypeSymbolReplace(kLeadingQuotePairs, text, '');
  text = StringPrototypeReplaceAll(text, '\\\'\'\'', '\\\'');
  return text;
}

function isDirectory(fs, path) {
  try {
    return fs.statSync(path).isDirectory();
  } catch {
    return false;
  }
}

function readText(fs, path) {
  try {
    return fs.readFileSync(path, 'utf8');
  } catch {
    return '';
  }
}

// The nearest package.json from `cwd` up (the file system root excluded, as
// in Node), its text, and the node_modules/.bin folders on the way.
function findPackageJson(fs, path, cwd) {
  const bins = [];
  let found = null;
  let text = '';
  const root = path.parse(cwd).root;
  for (let dir = cwd; dir !== root; dir = path.dirname(dir)) {
    const bin = path.join(dir, 'node_modules', '.bin');
    if (isDirectory(fs, bin)) ArrayPrototypePush(bins, bin);
    if (text === '') {
      found = path.join(dir, 'package.json');
      text = readText(fs, found);
    }
  }
  if (text === '') return null;
  return { __proto__: null, file: found, text, bins };
}

function fail(message) {
  process.stderr.write(message);
  process.exitCode = kGenericUserError;
}

function runScript(name) {
  const fs = require('fs');
  const path = require('path');
  const cwd = process.cwd();
  const pkg = findPackageJson(fs, path, cwd);
  if (pkg === null) {
    fail(`Can't find package.json for directory ${cwd}\n`);
    return;
  }
  const { file, text, bins } = pkg;
  let json;
  try {
    json = JSONParse(text);
  } catch {
    fail(`Can't parse ${file}\n`);
    return;
  }
  if (json === null || typeof json !== 'object' || ArrayIsArray(json)) {
    fail(`Root value unexpected not an object for ${file}\n\n`);
    return;
  }
  const scripts = json.scripts;
  if (scripts === null || typeof scripts !== 'object' ||
      ArrayIsArray(scripts)) {
    fail(`Can't find "scripts" field in ${file}\n`);
    return;
  }
  if (!ObjectPrototypeHasOwnProperty(scripts, name)) {
    let message = `Missing script: "${name}" for ${file}\n\n` +
      'Available scripts are:\n';
    const keys = ObjectKeys(scripts);
    for (let i = 0; i < keys.length; i++) {
      const value = scripts[keys[i]];
      if (typeof value === 'string') message += `  ${keys[i]}: ${value}\n`;
    }
    fail(message);
    return;
  }
  if (typeof scripts[name] !== 'string') {
    fail(`Script "${name}" is unexpectedly not a string for ${file}\n\n`);
    return;
  }

  let command = scripts[name];
  const extra = getOptionValue('[dash_dash_args]');
  for (let i = 0; i < extra.length; i++) {
    command += ` ${escapeShell(extra[i])}`;
  }

  const env = { __proto__: null };
  const prefix = bins.length > 0 ? `${ArrayPrototypeJoin(bins, ':')}:` : '';
  const names = ObjectKeys(process.env);
  for (let i = 0; i < names.length; i++) {
    const key = names[i];
    env[key] = StringPrototypeToUpperCase(key) === 'PATH' ?
      prefix + process.env[key] : process.env[key];
  }
  env.NODE_RUN_SCRIPT_NAME = name;
  env.NODE_RUN_PACKAGE_JSON_PATH = file;

  const { spawnSync } = require('child_process');
  const result = spawnSync('/bin/sh', ['-c', command], {
    __proto__: null,
    cwd: path.dirname(file),
    env,
    stdio: 'inherit',
  });
  if (result.error) {
    process.stderr.write(`Error: ${result.error.message}\n`);
    return;
  }
  // Node reports any failure of the script as 1, and a script killed by a
  // signal as a success.
  process.exitCode = result.status > 0 ? kGenericUserError : 0;
}

runScript(getOptionValue('--run'));
