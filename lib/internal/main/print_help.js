'use strict';

// `lode --help`: our own text, listing what lode supports.

const { getOptionsHelp } = internalBinding('options');

const lines = [
  'Usage: lode [options] [ script.js ] [arguments]',
  '       lode [options] -e "script" [arguments]',
  '       lode [options] -p "script" [arguments]',
  '       lode [options] - [arguments]   (script read from standard input)',
  '',
  'lode is a Node.js-compatible JavaScript runtime.',
  '',
  'Options:',
];
const rows = getOptionsHelp();
let width = 0;
for (const [name] of rows) width = Math.max(width, name.length);
for (const [name, help] of rows) {
  lines.push(`  ${name.padEnd(width)}  ${help}`);
}
lines.push('', 'Options not listed are passed to V8 (see --v8-options).', '');
process.stdout.write(lines.join('\n'));
