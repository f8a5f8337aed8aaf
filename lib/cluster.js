'use strict';

// node:cluster. A process started by cluster.fork() has NODE_UNIQUE_ID in
// its environment and is a worker; any other is a primary. (The variable
// is removed at start-up, after this module has been loaded once.)

const { ObjectPrototypeHasOwnProperty } = primordials;

module.exports = ObjectPrototypeHasOwnProperty(process.env, 'NODE_UNIQUE_ID') ?
  require('internal/cluster/child') :
  require('internal/cluster/primary');
