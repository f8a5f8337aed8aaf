'use strict';

// The REPL's history file: read when the REPL starts (newest entry first,
// one per line, a multi-line entry on one line with \r between its lines in
// reverse order), rewritten a moment after each line is entered, and closed
// when the REPL exits. Failures cost the persistence, never the REPL.

const {
  ArrayPrototypeJoin,
  Boolean,
  FunctionPrototypeBind,
  FunctionPrototypeCall,
  RegExpPrototypeSymbolSplit,
  StringPrototypeTrim,
} = primordials;

const path = require('path');
const fs = require('fs');
const os = require('os');
const { clearTimeout, setTimeout } = require('timers');
const { validateArray } = require('internal/validators');
const { LineHistory } = require('internal/readline/interface');

let debug = require('internal/util/debuglog').debuglog('repl', (fn) => {
  debug = fn;
});

// Lines pasted in one go are written once.
const kFlushDelayMs = 15;
// Where the history goes when NODE_REPL_HISTORY is not set.
const kDefaultFileName = '.lode_repl_history';

const kDisabledMessage =
  '\nPersistent history support disabled. Set the NODE_REPL_HISTORY ' +
  'environment\nvariable to a valid, user-writable path to enable.\n';

function tell(rl, message) {
  if (typeof rl._writeToOutput !== 'function') return;
  rl._writeToOutput(message);
  if (typeof rl._refreshLine === 'function') rl._refreshLine();
}

class ReplHistory extends LineHistory {
  #rl;
  #path;
  #handle = null;
  #timer = null;
  #writing = false;
  #again = false;
  #flushing = false;

  constructor(rl, options) {
    super(rl, { ...options, size: options.size ?? rl.historySize });
    this.#rl = rl;
    this.#path = typeof options.filePath === 'string' ?
      StringPrototypeTrim(options.filePath) : options.filePath;
  }

  get isFlushing() { return this.#flushing; }

  initialize(onReady) {
    const rl = this.#rl;
    if (this.#path === '') {
      this.#explainOnFirstUp();
      return onReady(null, rl);
    }
    if (!this.#path) {
      try {
        this.#path = path.join(os.homedir(), kDefaultFileName);
      } catch (err) {
        debug(err.stack);
        tell(rl, '\nError: Could not get the home directory.\n' +
                 'REPL session history will not be persisted.\n');
        this.#explainOnFirstUp();
        return onReady(null, rl);
      }
    }
    rl.pause();
    this.#open(onReady).catch((err) => this.#failed(err, onReady));
  }

  async #open(onReady) {
    const rl = this.#rl;
    try {
      // Created readable by its owner only, as shells do.
      await (await fs.promises.open(this.#path, 'a+', 0o600)).close();
      const data = await fs.promises.readFile(this.#path, 'utf8');
      this.history = data ?
        RegExpPrototypeSymbolSplit(/\r?\n+/, data, this.size) : [];
      validateArray(this.history, 'history');

      this.#handle = await fs.promises.open(this.#path, 'r+');
      await this.#handle.truncate(0);

      const onLine = FunctionPrototypeBind(this.#schedule, this);
      rl.on('line', onLine);
      rl.once('exit', () => this.#close(onLine));
      rl.once('flushHistory', () => {
        if (!rl.closed) {
          rl.resume();
          onReady(null, rl);
        }
      });
      await this.#flush();
    } catch (err) {
      // (Should reporting fail, initialize() reports that.)
      return this.#failed(err, onReady);
    }
  }

  #failed(err, onReady) {
    debug(err.stack);
    tell(this.#rl, '\nError: Could not open history file.\n' +
                   'REPL session history will not be persisted.\n');
    this.#explainOnFirstUp();
    this.#rl.resume();
    return onReady(null, this.#rl);
  }

  // Without a file, the first Up on an empty history says why.
  #explainOnFirstUp() {
    const rl = this.#rl;
    const historyPrev = rl._historyPrev;
    rl._historyPrev = () => {
      if (this.history.length === 0) tell(rl, kDisabledMessage);
      rl._historyPrev = historyPrev;
      return FunctionPrototypeCall(historyPrev, rl);
    };
  }

  #schedule() {
    this.#flushing = true;
    if (this.#timer) clearTimeout(this.#timer);
    this.#timer = setTimeout(() => this.#flush(), kFlushDelayMs);
  }

  async #flush() {
    this.#timer = null;
    if (this.#writing) {
      this.#again = true;
      return;
    }
    this.#writing = true;
    try {
      await this.#handle.write(ArrayPrototypeJoin(this.history, '\n'), 0,
                               'utf8');
    } catch (err) {
      this.#writing = false;
      debug('writing the history file failed:', err);
      return;
    }
    this.#writing = false;
    if (this.#again) {
      this.#again = false;
      this.#schedule();
      return;
    }
    this.#flushing = Boolean(this.#timer);
    if (!this.#flushing) this.#rl.emit('flushHistory');
  }

  async #close(onLine) {
    if (this.#flushing) {
      this.#rl.once('flushHistory', () => this.#close(onLine));
      return;
    }
    this.#rl.off('line', onLine);
    if (this.#handle !== null) {
      try {
        await this.#handle.close();
      } catch (err) {
        debug('closing the history file failed:', err);
      }
      this.#handle = null;
    }
  }
}

module.exports = {
  ReplHistory,
};
