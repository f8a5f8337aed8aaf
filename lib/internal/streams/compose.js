'use strict';

// compose(...streams): one Duplex whose writable side is the first stream
// and whose readable side is the last, with pipeline() in between.

const {
  ArrayIsArray,
  PromisePrototypeThen,
} = primordials;

const { pipeline } = require('internal/streams/pipeline');
const Duplex = require('internal/streams/duplex');
const { destroyer } = require('internal/streams/destroy');
const eos = require('internal/streams/end-of-stream');
const {
  isNodeStream,
  isReadable,
  isWritable,
  isWebStream,
  isTransformStream,
  isWritableStream,
  isReadableStream,
} = require('internal/streams/utils');
const {
  AbortError,
  codes: {
    ERR_INVALID_ARG_VALUE,
    ERR_MISSING_ARGS,
  },
} = require('internal/errors');

function compose(...streams) {
  if (streams.length === 1 && ArrayIsArray(streams[0])) {
    streams = streams[0];
  }

  if (streams.length === 0) {
    throw new ERR_MISSING_ARGS('streams');
  }

  if (streams.length === 1) {
    return Duplex.from(streams[0]);
  }

  const orgStreams = [...streams];

  if (typeof streams[0] === 'function') {
    streams[0] = Duplex.from(streams[0]);
  }

  if (typeof streams[streams.length - 1] === 'function') {
    const idx = streams.length - 1;
    streams[idx] = Duplex.from(streams[idx]);
  }

  for (let n = 0; n < streams.length; ++n) {
    if (!isNodeStream(streams[n]) && !isWebStream(streams[n])) {
      // Anything else is left for pipeline() to check.
      continue;
    }
    if (n < streams.length - 1 &&
        !(isReadable(streams[n]) || isReadableStream(streams[n]) ||
          isTransformStream(streams[n]))) {
      throw new ERR_INVALID_ARG_VALUE(
        `streams[${n}]`, orgStreams[n], 'must be readable');
    }
    if (n > 0 &&
        !(isWritable(streams[n]) || isWritableStream(streams[n]) ||
          isTransformStream(streams[n]))) {
      throw new ERR_INVALID_ARG_VALUE(
        `streams[${n}]`, orgStreams[n], 'must be writable');
    }
  }

  let ondrain;
  let onfinish;
  let onreadable;
  let onclose;
  let d;

  function onfinished(err) {
    const cb = onclose;
    onclose = null;

    if (cb) {
      cb(err);
    } else if (err) {
      d.destroy(err);
    } else if (!readable && !writable) {
      d.destroy();
    }
  }

  const head = streams[0];
  const tail = pipeline(streams, onfinished);

  const writable = !!(isWritable(head) || isWritableStream(head) ||
    isTransformStream(head));
  const readable = !!(isReadable(tail) || isReadableStream(tail) ||
    isTransformStream(tail));

  d = new Duplex({
    // Object mode follows the ends' own modes.
    writableObjectMode: !!head?.writableObjectMode,
    readableObjectMode: !!tail?.readableObjectMode,
    writable,
    readable,
  });

  if (writable && isNodeStream(head)) {
    d._write = function(chunk, encoding, callback) {
      if (head.write(chunk, encoding)) {
        callback();
      } else {
        ondrain = callback;
      }
    };

    d._final = function(callback) {
      head.end();
      onfinish = callback;
    };

    head.on('drain', function() {
      if (ondrain) {
        const cb = ondrain;
        ondrain = null;
        cb();
      }
    });

  } else if (writable && isWebStream(head)) {
    // A WritableStream (or TransformStream) head: writes go through its
    // writer, and the Duplex finishes when the tail does.
    const writer = (isTransformStream(head) ? head.writable : head)
      .getWriter();
    d._write = async function(chunk, encoding, callback) {
      try {
        await writer.ready;
        PromisePrototypeThen(writer.write(chunk), undefined, () => {});
        callback();
      } catch (err) {
        callback(err);
      }
    };

    d._final = async function(callback) {
      try {
        await writer.ready;
        PromisePrototypeThen(writer.close(), undefined, () => {});
        onfinish = callback;
      } catch (err) {
        callback(err);
      }
    };
  }

  if (writable) {
    // Written data has gone all the way through once the tail is done.
    eos(isTransformStream(tail) ? tail.readable : tail, () => {
      if (onfinish) {
        const cb = onfinish;
        onfinish = null;
        cb();
      }
    });
  }

  if (readable && isNodeStream(tail)) {
    tail.on('readable', function() {
      if (onreadable) {
        const cb = onreadable;
        onreadable = null;
        cb();
      }
    });

    tail.on('end', function() {
      d.push(null);
    });

    d._read = function() {
      while (true) {
        const buf = tail.read();
        if (buf === null) {
          onreadable = d._read;
          return;
        }

        if (!d.push(buf)) {
          return;
        }
      }
    };
  } else if (readable && isWebStream(tail)) {
    const reader = (isTransformStream(tail) ? tail.readable : tail)
      .getReader();
    d._read = async function() {
      while (true) {
        let result;
        try {
          result = await reader.read();
        } catch {
          // The pipeline reports the error.
          return;
        }
        if (result.done) {
          d.push(null);
          return;
        }
        if (!d.push(result.value)) {
          return;
        }
      }
    };
  }

  d._destroy = function(err, callback) {
    if (!err && onclose !== null) {
      err = new AbortError();
    }

    onreadable = null;
    ondrain = null;
    onfinish = null;

    if (onclose === null) {
      callback(err);
    } else {
      onclose = callback;
      if (isNodeStream(tail)) {
        destroyer(tail, err);
      }
    }
  };

  return d;
}

module.exports = compose;
