'use strict';

// Deprecated (DEP0125) public name of the Duplex-to-stream-handle adapter.

module.exports = require('internal/js_stream_socket');

process.emitWarning('The _stream_wrap module is deprecated.',
                    'DeprecationWarning', 'DEP0125');
