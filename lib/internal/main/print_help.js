'use strict';

// `lode --help`: the options in Node's layout (two columns, help text
// wrapped to the terminal's width, or to 40 columns when stdout is not a
// terminal), then the environment variables lode reads.

const {
  ArrayPrototypeJoin,
  ArrayPrototypePush,
  ArrayPrototypeSort,
  MathFloor,
  MathMax,
  SafeSet,
  StringPrototypeEndsWith,
  StringPrototypeIncludes,
  StringPrototypeRepeat,
  StringPrototypeSlice,
  StringPrototypeSplit,
  StringPrototypeStartsWith,
} = primordials;

const {
  getCLIOptionsInfo,
  getOptionsFromBinding,
  types,
} = require('internal/options');

const envVars = [
  ['FORCE_COLOR', 'when set to \'true\', 1, 2, 3, or an empty string causes ' +
   'NO_COLOR and NODE_DISABLE_COLORS to be ignored.'],
  ['NO_COLOR', 'Alias for NODE_DISABLE_COLORS'],
  ['NODE_DEBUG', '\',\'-separated list of core modules that should print ' +
   'debug information'],
  ['NODE_DEBUG_NATIVE', '\',\'-separated list of C++ core debug categories ' +
   'that should print debug output'],
  ['NODE_DISABLE_COLORS', 'set to 1 to disable colors in the REPL'],
  ['NODE_EXTRA_CA_CERTS', 'path to additional CA certificates file. Only ' +
   'read once during process startup.'],
  ['NODE_NO_WARNINGS', 'set to 1 to silence process warnings'],
  ['NODE_PATH', '\':\'-separated list of directories prefixed to the ' +
   'module search path'],
  ['NODE_PENDING_DEPRECATION', 'set to 1 to emit pending deprecation ' +
   'warnings'],
  ['NODE_PENDING_PIPE_INSTANCES', 'set the number of pending pipe instance ' +
   'handles on Windows'],
  ['NODE_PRESERVE_SYMLINKS', 'set to 1 to preserve symbolic links when ' +
   'resolving and caching modules'],
  ['NODE_REDIRECT_WARNINGS', 'write warnings to path instead of stderr'],
  ['NODE_REPL_EXTERNAL_MODULE', 'path to a Node.js module which will be ' +
   'loaded in place of the built-in REPL'],
  ['NODE_REPL_HISTORY', 'path to the persistent REPL history file'],
  ['NODE_SKIP_PLATFORM_CHECK', 'set to 1 to skip the check for a supported ' +
   'platform during Node.js startup'],
  ['NODE_TLS_REJECT_UNAUTHORIZED', 'set to 0 to disable TLS certificate ' +
   'validation'],
  ['NODE_V8_COVERAGE', 'directory to output v8 coverage JSON to'],
  ['TZ', 'specify the timezone configuration'],
  ['UV_THREADPOOL_SIZE', 'sets the number of threads used in libuv\'s ' +
   'threadpool'],
];

// Words of `text` in lines of at most `width` characters (a longer word
// gets a line of its own).
function wrap(text, width) {
  const words = StringPrototypeSplit(text, ' ');
  const lines = [];
  let line = '';
  for (let i = 0; i < words.length; i++) {
    const word = words[i];
    if (line === '') {
      line = word;
    } else if (line.length + 1 + word.length <= width) {
      line += ` ${word}`;
    } else {
      ArrayPrototypePush(lines, line);
      line = word;
    }
  }
  ArrayPrototypePush(lines, line);
  return lines;
}

// One entry: the name in the first column (on a line of its own when it
// does not fit), the help wrapped in the second.
function formatEntry(out, indent, name, help, first, second) {
  const lines = wrap(help, second);
  const pad = StringPrototypeRepeat(' ', indent.length + first);
  if (name.length < first) {
    ArrayPrototypePush(out, indent + name +
                       StringPrototypeRepeat(' ', first - name.length) +
                       lines[0]);
  } else {
    ArrayPrototypePush(out, indent + name);
    ArrayPrototypePush(out, pad + lines[0]);
  }
  for (let i = 1; i < lines.length; i++) {
    ArrayPrototypePush(out, pad + lines[i]);
  }
}

function isInspectorOption(name) {
  return (StringPrototypeIncludes(name, 'inspect') &&
          name !== '--allow-inspector') || name === '--debug-port';
}

// The name as --help shows it: "--no-x" for a boolean that is on by
// default, "=..." for an option that takes a value.
function displayName(name, info) {
  if (name === '--print') return '--print [...]';
  switch (info.type) {
    case types.kBoolean:
      if (name === '--inspect' || name === '--inspect-brk' ||
          name === '--inspect-wait') {
        return `${name}[=[host:]port]`;
      }
      return info.defaultIsTrue ? `--no-${StringPrototypeSlice(name, 2)}` :
        name;
    case types.kHostPort:
      return `${name}=[host:]port`;
    case types.kV8Option:
    case types.kNoOp:
      return name;
    default:
      return `${name}=...`;
  }
}

// Entries [label, help] as two columns; the first one narrows when every
// label leaves it more than 4 columns to spare.
function formatSection(out, indent, entries, first, second) {
  let longest = 0;
  for (let i = 0; i < entries.length; i++) {
    longest = MathMax(longest, entries[i][0].length);
  }
  if (longest < first - 4) first = longest + 2;
  for (let i = 0; i < entries.length; i++) {
    formatEntry(out, indent, entries[i][0], entries[i][1], first, second);
  }
}

function formatOptions(options, aliases, values, unsupported, hasInspector,
                       columns) {
  // Three quarters of the terminal, at least 70 columns: 40 % of that for
  // the names, 57 % for the help.
  const width = MathMax(70, columns * 0.75);
  const first = MathFloor(width * 0.4);
  const second = MathFloor(width * 0.57);
  // The one-name aliases of each option ("-c" for "--check").
  const aliasesOf = { __proto__: null };
  for (const { 0: from, 1: to } of aliases) {
    if (to.length !== 1 || StringPrototypeEndsWith(from, '=')) continue;
    aliasesOf[to[0]] ??= [];
    ArrayPrototypePush(aliasesOf[to[0]], from);
  }
  const entries = [];
  for (const { 0: name, 1: info } of options) {
    if (info.helpText === '' || StringPrototypeStartsWith(name, '[')) continue;
    if (!hasInspector && isInspectorOption(name)) continue;
    const shown = displayName(name, info);
    let help = info.helpText;
    const value = values[name];
    if (info.type === types.kBoolean && typeof value === 'boolean' &&
        value !== info.defaultIsTrue) {
      help += ' (currently set)';
    }
    if (unsupported.has(name)) help += ' (not implemented in lode)';
    let label = shown;
    if (aliasesOf[name] !== undefined) {
      label = `${ArrayPrototypeJoin(aliasesOf[name], ', ')}, ${shown}`;
    }
    // Sorted by the name shown, without its "=..." part.
    const key = info.type === types.kBoolean && info.defaultIsTrue ?
      `--no-${StringPrototypeSlice(name, 2)}` : name;
    ArrayPrototypePush(entries, { key, label, help });
  }
  ArrayPrototypeSort(entries, (a, b) => (a.key < b.key ? -1 :
    a.key > b.key ? 1 : 0));
  const rows = [
    ['-', 'script read from stdin (default if no file name is provided, ' +
     'interactive mode if a tty)'],
    ['--', 'indicate the end of node options'],
  ];
  for (let i = 0; i < entries.length; i++) {
    ArrayPrototypePush(rows, [entries[i].label, entries[i].help]);
  }
  const out = [];
  formatSection(out, '  ', rows, first, second);
  ArrayPrototypePush(out, '  ');
  ArrayPrototypePush(out, 'Environment variables:');
  formatSection(out, '', envVars, first, second);
  return out;
}

function printHelp() {
  const { options, aliases } = getCLIOptionsInfo();
  const stdout = process.stdout;
  const lines = [
    'Usage: lode [options] [ script.js ] [arguments]',
    '',
    'Options:',
  ];
  const unsupported = new SafeSet();
  const raw = internalBinding('options').getCLIOptionsInfo().options;
  for (let i = 0; i < raw.length; i++) {
    if (raw[i][5] === 2) unsupported.add(raw[i][0]);
  }
  const body = formatOptions(options, aliases, getOptionsFromBinding(),
                             // lode has an inspector (process.features):
                             // its options are listed, those that need a
                             // websocket server marked not implemented.
                             unsupported, true,
                             stdout.isTTY ? stdout.columns : 0);
  for (let i = 0; i < body.length; i++) ArrayPrototypePush(lines, body[i]);
  ArrayPrototypePush(lines, '',
                     'Documentation can be found at https://nodejs.org/', '');
  // A reader that went away (`lode --help | head`) is not an error.
  stdout.on('error', () => {});
  stdout.write(ArrayPrototypeJoin(lines, '\n'));
}

printHelp();
