'use strict';
require('../common');
const assert = require('assert');
const path = require('path');
const { spawnSync } = require('child_process');

// The option combinations --check, --test and --watch refuse, each a
// usage error (exit code 9) with Node's message.

const cases = [
  [['--check', '-e', '1'], 'either --check or --eval can be used, not both'],
  [['--test', '--check', 'x.js'], 'either --test or --check can be used, not both'],
  [['--test', '-e', '1'], 'either --test or --eval can be used, not both'],
  [['--test', '-i'], 'either --test or --interactive can be used, not both'],
  [['--test', '--watch-path=.'], '--watch-path cannot be used in combination with --test'],
  [['--test', '--test-isolation=thread'], 'invalid value for --test-isolation'],
  [['--watch', '--check', 'x.js'], 'either --watch or --check can be used, not both'],
  [['--watch', '-p', '1'], 'either --watch or --eval can be used, not both'],
  [['--watch', '--test-force-exit', 'x.js'],
   'either --watch or --test-force-exit can be used, not both'],
];

for (const [args, message] of cases) {
  const child = spawnSync(process.execPath, args, { encoding: 'utf8' });
  assert.strictEqual(child.status, 9, args.join(' '));
  assert.strictEqual(child.stdout, '');
  assert.strictEqual(child.stderr, `${process.execPath}: ${message}\n`);
}

// --run comes first: the others do not matter then.
const child = spawnSync(process.execPath, ['--run', 'x', '--watch', 'y.js'],
                        { cwd: path.parse(process.cwd()).root, encoding: 'utf8' });
assert.strictEqual(child.status, 1);
assert.match(child.stderr, /^Can't find package\.json for directory /);
