'use strict';

// The REPL that `lode` starts on a terminal (and with -i): node:repl with
// the settings the environment gives (NODE_NO_READLINE, NODE_REPL_MODE,
// NODE_REPL_HISTORY, NODE_REPL_HISTORY_SIZE) and a history file.

const {
  Number,
  NumberIsNaN,
  NumberParseInt,
  StringPrototypeToLowerCase,
  StringPrototypeTrim,
} = primordials;

const REPL = require('repl');
const { kStandaloneREPL } = require('internal/repl/utils');

function createInternalRepl(env, opts, cb) {
  if (typeof opts === 'function') {
    cb = opts;
    opts = null;
  }
  opts = {
    [kStandaloneREPL]: true,
    ignoreUndefined: false,
    useGlobal: true,
    breakEvalOnSigint: true,
    ...opts,
  };

  if (NumberParseInt(env.NODE_NO_READLINE)) opts.terminal = false;

  if (env.NODE_REPL_MODE) {
    const mode = StringPrototypeTrim(
      StringPrototypeToLowerCase(env.NODE_REPL_MODE));
    opts.replMode = mode === 'strict' ? REPL.REPL_MODE_STRICT :
      mode === 'sloppy' ? REPL.REPL_MODE_SLOPPY : undefined;
  }
  opts.replMode ??= REPL.REPL_MODE_SLOPPY;

  const size = Number(env.NODE_REPL_HISTORY_SIZE);
  opts.size = !NumberIsNaN(size) && size > 0 ? size : 1000;

  const terminal = 'terminal' in opts ? opts.terminal : process.stdout.isTTY;
  // No history file when the REPL is not on a terminal.
  opts.filePath = terminal ? env.NODE_REPL_HISTORY : '';

  const repl = REPL.start(opts);
  repl.setupHistory({
    filePath: opts.filePath,
    size: opts.size,
    onHistoryFileLoaded: cb,
  });
}

module.exports = { __proto__: REPL };
module.exports.createInternalRepl = createInternalRepl;
