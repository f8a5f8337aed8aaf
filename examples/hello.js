'use strict';
// The smallest lode program: `out/Release/lode examples/hello.js`.
const os = require('os');
const path = require('path');

console.log(`Hello from lode ${process.versions.lode} ` +
            `(Node.js ${process.version} compatible) on ${os.platform()}`);
console.log('running', path.basename(__filename), 'with args', process.argv.slice(2));
setTimeout(() => console.log('and timers work'), 10);
