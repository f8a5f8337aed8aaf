'use strict';

// pipeline(source, ...transforms, destination, callback): pipes streams,
// iterables and generator functions together, destroys them all on error
// and calls back once with the first error (or the destination's value).

const {
  ArrayIsArray,
  ArrayPrototypePush,
  ArrayPrototypeShift,
  FunctionPrototypeCall,
  Promise,
  PromisePrototypeThen,
  SymbolAsyncIterator,
  SymbolDispose = primordials.SymbolFor('nodejs.dispose'),
} = primordials;

const eos = require('internal/streams/end-of-stream');
const { once } = require('internal/util');
const destroyImpl = require('internal/streams/destroy');
const {
  AbortError,
  aggregateTwoErrors,
  codes: {
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_RETURN_VALUE,
    ERR_MISSING_ARGS,
    ERR_STREAM_DESTROYED,
    ERR_STREAM_PREMATURE_CLOSE,
    ERR_STREAM_UNABLE_TO_PIPE,
  },
} = require('internal/errors');
const {
  validateFunction,
  validateAbortSignal,
} = require('internal/validators');
const {
  isDestroyed,
  isIterable,
  isReadable,
  isReadableNodeStream,
  isNodeStream,
  isTransformStream,
  isWebStream,
  newAbortController,
  isReadableStream,
  isReadableFinished,
} = require('internal/streams/utils');

let PassThrough;
let Readable;
let Duplex;
let addAbortListener;

// Destroys `stream` (unless it already finished) when the pipeline fails.
function destroyer(stream, reading, writing) {
  let finished = false;
  stream.on('close', () => {
    finished = true;
  });

  const cleanup = eos(stream, { readable: reading, writable: writing },
                      (err) => {
                        finished = !err;
                      });

  return {
    destroy: (err) => {
      if (finished) return;
      finished = true;
      destroyImpl.destroyer(stream, err || new ERR_STREAM_DESTROYED('pipe'));
    },
    cleanup,
  };
}

function popCallback(streams) {
  validateFunction(streams[streams.length - 1], 'streams[stream.length - 1]');
  return streams.pop();
}

function makeAsyncIterable(val) {
  if (isIterable(val)) {
    return val;
  } else if (isReadableNodeStream(val)) {
    return fromReadable(val);
  }
  throw new ERR_INVALID_ARG_TYPE(
    'val', ['Readable', 'Iterable', 'AsyncIterable'], val);
}

async function* fromReadable(val) {
  Readable ??= require('internal/streams/readable');
  yield* FunctionPrototypeCall(Readable.prototype[SymbolAsyncIterator], val);
}

// Writes an (async) iterable into a Node writable, honouring backpressure.
async function pumpToNode(iterable, writable, finish, { end }) {
  let error;
  let onresolve = null;

  const resume = (err) => {
    if (err) error = err;
    if (onresolve) {
      const callback = onresolve;
      onresolve = null;
      callback();
    }
  };

  const wait = () => new Promise((resolve, reject) => {
    if (error) {
      reject(error);
    } else {
      onresolve = () => {
        if (error) {
          reject(error);
        } else {
          resolve();
        }
      };
    }
  });

  writable.on('drain', resume);
  const cleanup = eos(writable, { readable: false }, resume);

  try {
    if (writable.writableNeedDrain) {
      await wait();
    }

    for await (const chunk of iterable) {
      if (!writable.write(chunk)) {
        await wait();
      }
    }

    if (end) {
      writable.end();
      await wait();
    }

    finish();
  } catch (err) {
    finish(error !== err ? aggregateTwoErrors(error, err) : err);
  } finally {
    cleanup();
    writable.off('drain', resume);
  }
}

// Writes an (async) iterable into a WritableStream (or a TransformStream's
// writable side), waiting for the writer to be ready before each chunk.
async function pumpToWeb(readable, writable, finish, { end }) {
  if (isTransformStream(writable)) {
    writable = writable.writable;
  }
  const writer = writable.getWriter();
  try {
    for await (const chunk of readable) {
      await writer.ready;
      PromisePrototypeThen(writer.write(chunk), undefined, () => {});
    }
    await writer.ready;
    if (end) {
      await writer.close();
    }
    finish();
  } catch (err) {
    try {
      await writer.abort(err);
      finish(err);
    } catch (abortErr) {
      finish(abortErr);
    }
  }
}

function pipeline(...streams) {
  return pipelineImpl(streams, once(popCallback(streams)));
}

function pipelineImpl(streams, callback, opts) {
  if (streams.length === 1 && ArrayIsArray(streams[0])) {
    streams = streams[0];
  }

  if (streams.length < 2) {
    throw new ERR_MISSING_ARGS('streams');
  }

  const ac = newAbortController();
  const signal = ac.signal;
  const outerSignal = opts?.signal;

  // Cleanups for a last stream that is still readable: the caller keeps
  // using it after the pipeline is done.
  const lastStreamCleanup = [];

  validateAbortSignal(outerSignal, 'options.signal');

  function abort() {
    finishImpl(new AbortError());
  }

  let disposable;
  if (outerSignal) {
    addAbortListener ??=
      require('internal/events/abort_listener').addAbortListener;
    disposable = addAbortListener(outerSignal, abort);
  }

  let error;
  let value;
  const destroys = [];

  let finishCount = 0;

  function finish(err) {
    finishImpl(err, --finishCount === 0);
  }

  function finishOnlyHandleError(err) {
    finishImpl(err, false);
  }

  function finishImpl(err, final) {
    if (err && (!error || error.code === 'ERR_STREAM_PREMATURE_CLOSE')) {
      error = err;
    }

    if (!error && !final) {
      return;
    }

    while (destroys.length) {
      ArrayPrototypeShift(destroys)(error);
    }

    disposable?.[SymbolDispose]();
    ac.abort();

    if (final) {
      if (!error) {
        for (let i = 0; i < lastStreamCleanup.length; i++) {
          lastStreamCleanup[i]();
        }
      }
      process.nextTick(callback, error, value);
    }
  }

  let ret;
  for (let i = 0; i < streams.length; i++) {
    const stream = streams[i];
    const reading = i < streams.length - 1;
    const writing = i > 0;
    const end = reading || opts?.end !== false;
    const isLastStream = i === streams.length - 1;

    if (isNodeStream(stream)) {
      if (end) {
        const { destroy, cleanup } = destroyer(stream, reading, writing);
        ArrayPrototypePush(destroys, destroy);

        if (isReadable(stream) && isLastStream) {
          ArrayPrototypePush(lastStreamCleanup, cleanup);
        }
      }

      // Errors after the pipeline is done must not crash the process.
      function onError(err) {
        if (err && err.name !== 'AbortError' &&
            err.code !== 'ERR_STREAM_PREMATURE_CLOSE') {
          finishOnlyHandleError(err);
        }
      }
      stream.on('error', onError);
      if (isReadable(stream) && isLastStream) {
        ArrayPrototypePush(lastStreamCleanup, () => {
          stream.removeListener('error', onError);
        });
      }
    }

    if (i === 0) {
      if (typeof stream === 'function') {
        ret = stream({ signal });
        if (!isIterable(ret)) {
          throw new ERR_INVALID_RETURN_VALUE(
            'Iterable, AsyncIterable or Stream', 'source', ret);
        }
      } else if (isIterable(stream) || isReadableNodeStream(stream) ||
                 isTransformStream(stream)) {
        ret = stream;
      } else {
        Duplex ??= require('internal/streams/duplex');
        ret = Duplex.from(stream);
      }
    } else if (typeof stream === 'function') {
      if (isTransformStream(ret)) {
        ret = makeAsyncIterable(ret?.readable);
      } else {
        ret = makeAsyncIterable(ret);
      }
      ret = stream(ret, { signal });

      if (reading) {
        if (!isIterable(ret, true)) {
          throw new ERR_INVALID_RETURN_VALUE(
            'AsyncIterable', `transform[${i - 1}]`, ret);
        }
      } else {
        // The last function's result (a promise or an iterable) becomes
        // the pipeline's readable end.
        PassThrough ??= require('internal/streams/passthrough');
        const pt = new PassThrough({ objectMode: true });

        const then = ret?.then;
        if (typeof then === 'function') {
          finishCount++;
          FunctionPrototypeCall(then, ret, (val) => {
            value = val;
            if (val != null) {
              pt.write(val);
            }
            if (end) {
              pt.end();
            }
            process.nextTick(finish);
          }, (err) => {
            pt.destroy(err);
            process.nextTick(finish, err);
          });
        } else if (isIterable(ret, true)) {
          finishCount++;
          pumpToNode(ret, pt, finish, { end });
        } else if (isReadableStream(ret) || isTransformStream(ret)) {
          const toRead = ret.readable || ret;
          finishCount++;
          pumpToNode(toRead, pt, finish, { end });
        } else {
          throw new ERR_INVALID_RETURN_VALUE(
            'AsyncIterable or Promise', 'destination', ret);
        }

        ret = pt;

        const { destroy, cleanup } = destroyer(ret, false, true);
        ArrayPrototypePush(destroys, destroy);
        if (isLastStream) {
          ArrayPrototypePush(lastStreamCleanup, cleanup);
        }
      }
    } else if (isNodeStream(stream)) {
      if (isReadableNodeStream(ret)) {
        if (isDestroyed(stream) || stream.closed === true) {
          throw new ERR_STREAM_UNABLE_TO_PIPE();
        }
        // The source's end and the destination's finish; with end: false
        // only the source's end.
        finishCount += end ? 2 : 1;
        const cleanup = pipe(ret, stream, finish, finishOnlyHandleError,
                             { end });
        if (isReadable(stream) && isLastStream) {
          ArrayPrototypePush(lastStreamCleanup, cleanup);
        }
      } else if (isTransformStream(ret) || isReadableStream(ret)) {
        const toRead = ret.readable || ret;
        finishCount++;
        pumpToNode(toRead, stream, finish, { end });
      } else if (isIterable(ret)) {
        finishCount++;
        pumpToNode(ret, stream, finish, { end });
      } else {
        throw new ERR_INVALID_ARG_TYPE(
          'val',
          ['Readable', 'Iterable', 'AsyncIterable', 'ReadableStream',
           'TransformStream'],
          ret);
      }
      ret = stream;
    } else if (isWebStream(stream)) {
      // A WritableStream or TransformStream destination: the source is
      // written into it through a writer.
      if (isReadableNodeStream(ret)) {
        finishCount++;
        pumpToWeb(makeAsyncIterable(ret), stream, finish, { end });
      } else if (isReadableStream(ret) || isIterable(ret)) {
        finishCount++;
        pumpToWeb(ret, stream, finish, { end });
      } else if (isTransformStream(ret)) {
        finishCount++;
        pumpToWeb(ret.readable, stream, finish, { end });
      } else {
        throw new ERR_INVALID_ARG_TYPE(
          'val',
          ['Readable', 'Iterable', 'AsyncIterable', 'ReadableStream',
           'TransformStream'],
          ret);
      }
      ret = stream;
    } else {
      Duplex ??= require('internal/streams/duplex');
      ret = Duplex.from(stream);
    }
  }

  if (signal?.aborted || outerSignal?.aborted) {
    process.nextTick(abort);
  }

  return ret;
}

function pipe(src, dst, finish, finishOnlyHandleError, { end }) {
  let ended = false;
  dst.on('close', () => {
    if (!ended) {
      // The destination closed before the source ended. Its own finished()
      // callback accounts for it; this only records the error.
      finishOnlyHandleError(new ERR_STREAM_PREMATURE_CLOSE());
    }
  });

  src.pipe(dst, { end: false });

  if (end) {
    function endFn() {
      ended = true;
      dst.end();
    }

    if (isReadableFinished(src)) {
      process.nextTick(endFn);
    } else {
      src.once('end', endFn);
    }

    eos(src, { readable: true, writable: false }, (err) => {
      const rState = src._readableState;
      if (err && err.code === 'ERR_STREAM_PREMATURE_CLOSE' &&
          rState && rState.ended && !rState.errored && !rState.errorEmitted) {
        // Some streams close right after 'end' without our listener having
        // seen it: wait for the real outcome.
        src.once('end', finish).once('error', finish);
      } else {
        finish(err);
      }
    });
    return eos(dst, { readable: false, writable: true }, finish);
  }

  // The destination stays open: done when the source is, and only its
  // errors matter.
  eos(src, { readable: true, writable: false }, finish);
  return eos(dst, { readable: false, writable: true }, finishOnlyHandleError);
}

module.exports = { pipelineImpl, pipeline };
