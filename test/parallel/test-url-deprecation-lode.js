'use strict';
const common = require('../common');
const assert = require('assert');
const url = require('url');

// url.parse() warns once (DEP0169); an invalid port warns once (DEP0170).
const seen = [];
process.on('warning', (warning) => seen.push([warning.code, warning.message]));
url.parse('http://a/');
url.parse('http://b/');
url.parse('http://a:b/');
url.parse('http://a:c/');
url.resolve('/a', 'b');
new URL('http://not-legacy/');

// Warnings are emitted on the next tick.
setImmediate(common.mustCall(() => {
  assert.deepStrictEqual(seen, [
    ['DEP0169', '`url.parse()` behavior is not standardized and prone to errors ' +
      'that have security implications. Use the WHATWG URL API instead. CVEs ' +
      'are not issued for `url.parse()` vulnerabilities.'],
    ['DEP0170', 'The URL http://a:b/ is invalid. Future versions of Node.js ' +
      'will throw an error.'],
  ]);
}));
