'use strict';

// The messages cluster's primary and workers exchange over the IPC channel.
// They are internal messages (cmd 'NODE_CLUSTER'), so neither side's
// 'message' listeners see them. A message sent with a callback carries a
// sequence number; the answer names it in `ack` and goes to that callback
// instead of the ordinary handler.

const {
  ReflectApply,
  SafeMap,
} = primordials;

const pendingReplies = new SafeMap();
let nextSeq = 0;

function sendMessage(target, message, handle, onReply) {
  if (!target.connected) return false;
  const seq = nextSeq++;
  if (typeof onReply === 'function') pendingReplies.set(seq, onReply);
  return target.send({ ...message, cmd: 'NODE_CLUSTER', seq }, handle);
}

// An 'internalMessage' listener for `worker`: replies go to their
// callbacks, anything else to `handler`, called with `worker` as this.
function messageHandler(worker, handler) {
  return function onInternalMessage(message, handle) {
    if (message === null || typeof message !== 'object' ||
        message.cmd !== 'NODE_CLUSTER') {
      return;
    }
    let fn = handler;
    if (message.ack !== undefined) {
      const onReply = pendingReplies.get(message.ack);
      if (onReply !== undefined) {
        pendingReplies.delete(message.ack);
        fn = onReply;
      }
    }
    ReflectApply(fn, worker, [message, handle]);
  };
}

module.exports = { messageHandler, sendMessage };
