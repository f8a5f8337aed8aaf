'use strict';

// node:inspector/promises: node:inspector with a Session whose post()
// returns a promise of the reply's result.

const {
  Promise,
} = primordials;

const inspector = require('inspector');

class Session extends inspector.Session {
  post(method, params) {
    return new Promise((resolve, reject) => {
      super.post(method, params, (err, result) => {
        if (err) reject(err);
        else resolve(result);
      });
    });
  }
}

module.exports = {
  open: inspector.open,
  close: inspector.close,
  url: inspector.url,
  waitForDebugger: inspector.waitForDebugger,
  console: inspector.console,
  Session,
};
