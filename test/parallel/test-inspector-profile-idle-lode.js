'use strict';
// A CPU profile taken through an in-process session shows the time the
// event loop waited as "(idle)".
const common = require('../common');
const assert = require('assert');
const { Session } = require('inspector');

const session = new Session();
session.connect();
session.post('Profiler.enable');
session.post('Profiler.start');
setTimeout(common.mustCall(() => {
  session.post('Profiler.stop', common.mustCall((err, { profile }) => {
    assert.ifError(err);
    const names = profile.nodes.map((node) => node.callFrame.functionName);
    assert.ok(names.includes('(idle)'), names.join());
    session.disconnect();
  }));
}), 300);
