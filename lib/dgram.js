'use strict';

// UDP sockets. The implementation is in internal/dgram.

const {
  _createSocketHandle,
  createSocket,
  Socket,
} = require('internal/dgram');
const { deprecate } = require('internal/util');

module.exports = {
  _createSocketHandle: deprecate(_createSocketHandle,
                                 'dgram._createSocketHandle() is deprecated',
                                 'DEP0112'),
  createSocket,
  Socket,
};
