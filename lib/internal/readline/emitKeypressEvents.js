'use strict';

// readline.emitKeypressEvents(stream[, interface]): decodes the stream's
// 'data' into 'keypress' events (see emitKeys in internal/readline/utils).
// The decoding only runs while someone listens to 'keypress'.

const {
  SafeStringIterator,
  Symbol,
} = primordials;

const { StringDecoder } = require('string_decoder');
const { clearTimeout, setTimeout } = require('timers');
const {
  charLengthAt,
  CSI: { kEscape },
  emitKeys,
} = require('internal/readline/utils');
const { kSawKeyPress } = require('internal/readline/interface');

const kKeypressDecoder = Symbol('keypress-decoder');
const kEscapeDecoder = Symbol('escape-decoder');

// As GNU readline's keyseq-timeout: a lone ESC is a key after 500ms.
const kDefaultEscapeCodeTimeout = 500;

function startDecoder(stream) {
  const decoder = emitKeys(stream);
  decoder.next();
  stream[kEscapeDecoder] = decoder;
}

function emitKeypressEvents(stream, iface = {}) {
  if (stream[kKeypressDecoder]) return;

  stream[kKeypressDecoder] = new StringDecoder('utf8');
  startDecoder(stream);

  const { escapeCodeTimeout = kDefaultEscapeCodeTimeout } = iface;
  const flushEscape = () => stream[kEscapeDecoder].next('');
  let escapeTimer;

  function onData(chunk) {
    if (stream.listenerCount('keypress') === 0) {
      // Nobody listens any more: wait for the next 'keypress' listener.
      stream.removeListener('data', onData);
      stream.on('newListener', onNewListener);
      return;
    }
    const text = stream[kKeypressDecoder].write(chunk);
    if (!text) return;
    clearTimeout(escapeTimer);

    // A chunk of one character is a key press; more is a paste, during
    // which tab completion stays off until its last character.
    iface[kSawKeyPress] = charLengthAt(text, 0) === text.length;
    iface.isCompletionEnabled = false;

    let seen = 0;
    for (const ch of new SafeStringIterator(text)) {
      seen += ch.length;
      const last = seen === text.length;
      if (last) iface.isCompletionEnabled = true;
      try {
        stream[kEscapeDecoder].next(ch);
        if (last && ch === kEscape) {
          escapeTimer = setTimeout(flushEscape, escapeCodeTimeout);
        }
      } catch (err) {
        // A 'keypress' listener threw inside the generator, which ended it:
        // start a fresh one before passing the error on.
        startDecoder(stream);
        throw err;
      }
    }
  }

  function onNewListener(event) {
    if (event !== 'keypress') return;
    stream.on('data', onData);
    stream.removeListener('newListener', onNewListener);
  }

  if (stream.listenerCount('keypress') > 0) {
    stream.on('data', onData);
  } else {
    stream.on('newListener', onNewListener);
  }
}

module.exports = emitKeypressEvents;
