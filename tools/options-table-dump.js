'use strict';
// Run with Node 24: node --expose-internals --no-warnings THIS > info.json
// Prints Node's option list (names, kinds, help, NODE_OPTIONS rules and
// default values) for tools/options-table.py.
const { internalBinding } = require('internal/test/binding');
const binding = internalBinding('options');
const info = binding.getCLIOptionsInfo();
const values = binding.getCLIOptionsValues();
const options = [];
for (const [name, entry] of info.options) {
  options.push({ name, ...entry, value: values[name] });
}
options.sort((a, b) => (a.name < b.name ? -1 : 1));
console.log(JSON.stringify({ options, aliases: [...info.aliases] }, null, 1));
