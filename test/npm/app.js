'use strict';
// Uses real npm packages the way programs do; its output under lode must be
// identical to Node 24's (expected.txt, recorded with Node 24.12.0).
// Run with: make test-npm
const _ = require('lodash');
const semver = require('semver');
const { Command } = require('commander');
const chalk = require('chalk');
const yargs = require('yargs/yargs');
const { hideBin } = require('yargs/helpers');

console.log(_.chunk([1, 2, 3, 4, 5], 2), _.camelCase('Foo Bar-baz'), _.uniq([3, 1, 3]));
console.log(_.groupBy(['one', 'two', 'three'], 'length'));
console.log(_.template('hello <%= user %>!')({ user: 'lode' }));
console.log(_.debounce, _.cloneDeep({ a: [1, { b: 2 }] }));
console.log(semver.satisfies('1.2.3', '^1.0.0'), semver.inc('1.2.3', 'minor'),
            semver.valid('v2.0.0'), semver.coerce('v3.4'), semver.gt('1.10.0', '1.9.0'));
console.log(semver.sort(['1.2.10', '1.2.2', '0.9.0']));

const program = new Command();
program.name('demo').version('1.0.0').option('-d, --debug', 'debug').option('-n, --name <name>', 'name', 'x')
  .argument('[files...]').action((files, opts) => console.log('commander:', files, opts));
program.parse(['node', 'demo', '-d', '--name', 'lode', 'a.txt', 'b.txt']);
console.log(program.helpInformation());

console.log(chalk.red('red'), chalk.level, chalk.supportsColor);
const c = new chalk.Instance({ level: 1 });
console.log(JSON.stringify(c.bold.green('bold green')));

const argv = yargs(hideBin(['node', 'x', '--port', '8080', '-v', 'serve', '--tags', 'a', '--tags', 'b']))
  .option('port', { type: 'number' }).option('v', { type: 'boolean' }).array('tags').parse();
console.log(argv);
console.log(yargs().scriptName('tool').command('serve', 'start it').help().getHelp ? 'has getHelp' : 'no');
