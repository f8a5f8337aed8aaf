'use strict';

// Transferring web streams within one thread (structuredClone with the
// stream in `transfer`). The original is locked and feeds, or is fed by,
// a new stream of the same kind; each chunk is structured-cloned on the
// way, as it would be through a MessagePort. Transfer through postMessage
// (to another thread) is not done yet: doc/status.md.

const {
  PromisePrototypeThen,
} = primordials;

const { lazyDOMException } = require('internal/util');
const {
  codes: { ERR_NOT_IMPLEMENTED },
} = require('internal/errors');

function cloneChunk(chunk) {
  const { structuredClone } = require('internal/structured_clone');
  return structuredClone(chunk);
}

function lockedError(kind) {
  return lazyDOMException(`Cannot transfer a locked ${kind}`,
                          'DataCloneError');
}

function isWebStream(value) {
  const { isReadableStream } = require('internal/webstreams/readablestream');
  const { isWritableStream } = require('internal/webstreams/writablestream');
  const { isTransformStream } =
    require('internal/webstreams/transformstream');
  return isReadableStream(value) || isWritableStream(value) ||
    isTransformStream(value);
}

function checkTransferable(stream) {
  const { isReadableStream } = require('internal/webstreams/readablestream');
  const { isWritableStream } = require('internal/webstreams/writablestream');
  if (isReadableStream(stream)) {
    if (stream.locked) throw lockedError('ReadableStream');
  } else if (isWritableStream(stream)) {
    if (stream.locked) throw lockedError('WritableStream');
  } else {
    if (stream.readable.locked) throw lockedError('ReadableStream');
    if (stream.writable.locked) throw lockedError('WritableStream');
  }
}

function transferReadable(original) {
  const { ReadableStream } = require('internal/webstreams/readablestream');
  const reader = original.getReader();
  return new ReadableStream({
    pull(controller) {
      return PromisePrototypeThen(reader.read(), ({ value, done }) => {
        if (done) {
          // As a finished pipe does, the original is let go.
          reader.releaseLock();
          controller.close();
          return;
        }
        let copy;
        try {
          copy = cloneChunk(value);
        } catch (err) {
          // What reaches the reader is not the clone's own error.
          controller.error(lazyDOMException(
            'Internal transferred ReadableStream error', 'DataCloneError'));
          PromisePrototypeThen(reader.cancel(err), undefined, () => {});
          return;
        }
        controller.enqueue(copy);
      }, (err) => controller.error(err));
    },
    cancel(reason) {
      return reader.cancel(reason);
    },
  }, { highWaterMark: 0 });
}

function transferWritable(original) {
  const { WritableStream } = require('internal/webstreams/writablestream');
  const writer = original.getWriter();
  return new WritableStream({
    write(chunk) {
      return writer.write(cloneChunk(chunk));
    },
    close() {
      return writer.close();
    },
    abort(reason) {
      return writer.abort(reason);
    },
  });
}

// [kTransfer]() of a web stream: a locked one cannot go; sending one to
// another thread is not done yet.
function transferToOtherThread(stream) {
  checkTransferable(stream);
  throw new ERR_NOT_IMPLEMENTED('postMessage of a Blob, File or web stream');
}

// The stream that stands for `stream` in a clone (checkTransferable first).
function transferStream(stream) {
  const { isReadableStream } = require('internal/webstreams/readablestream');
  const { isWritableStream } = require('internal/webstreams/writablestream');
  if (isReadableStream(stream)) return transferReadable(stream);
  if (isWritableStream(stream)) return transferWritable(stream);
  const { newTransformStreamOfPair } =
    require('internal/webstreams/transformstream');
  return newTransformStreamOfPair(transferReadable(stream.readable),
                                  transferWritable(stream.writable));
}

module.exports = {
  checkTransferable,
  isWebStream,
  transferStream,
  transferToOtherThread,
};
