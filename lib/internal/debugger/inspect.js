'use strict';

// `lode inspect`: starts (or finds) the debuggee, connects the protocol
// client to it and runs the 'debug> ' REPL of ./inspect_repl.

const {
  ArrayPrototypeJoin,
  ArrayPrototypeMap,
  ArrayPrototypeSlice,
  DateNow,
  NumberParseInt,
  Promise,
  PromisePrototypeThen,
  PromiseResolve,
  RegExpPrototypeExec,
  RegExpPrototypeSymbolSplit,
} = primordials;

const { spawn } = require('child_process');
const net = require('net');
const { ERR_DEBUGGER_STARTUP_ERROR } = require('internal/errors').codes;
const { Client } = require('internal/debugger/inspect_client');
const { createRepl } = require('internal/debugger/inspect_repl');
const {
  exitCodes: { kGenericUserError, kInvalidCommandLineArgument },
} = internalBinding('errors');

const kDefaultPort = 9229;
const kDefaultHost = '127.0.0.1';

function delay(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

// Starts `lode --inspect-brk=<port> script ...` and resolves with the child
// and the host and port it reported on stderr (port 0 picks a free one).
function runScript(script, scriptArgs, inspectHost, inspectPort, onOutput) {
  return new Promise((resolve) => {
    const args = [`--inspect-brk=${inspectPort}`, script, ...scriptArgs];
    const child = spawn(process.execPath, args);
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', onOutput);
    child.stderr.on('data', onOutput);
    let stderr = '';
    let found = false;
    function waitForListening(chunk) {
      stderr += chunk;
      const match = RegExpPrototypeExec(
        /Debugger listening on ws:\/\/\[?(.+?)\]?:(\d+)\//, stderr);
      if (match !== null) {
        found = true;
        child.stderr.removeListener('data', waitForListening);
        resolve([child, NumberParseInt(match[2], 10), match[1]]);
      }
    }
    child.stderr.on('data', waitForListening);
    child.on('exit', () => {
      if (!found) resolve([child, inspectPort, inspectHost]);
    });
  });
}

// Resolves once nothing accepts connections on host:port any more (an
// old debuggee may still be going away); rejects after `timeout` ms.
function portIsFree(host, port, timeout = 3000) {
  if (port === 0) return PromiseResolve();
  const deadline = DateNow() + timeout;
  return new Promise((resolve, reject) => {
    function probe() {
      const socket = net.connect(port, host);
      socket.on('connect', () => {
        socket.destroy();
        if (DateNow() >= deadline) {
          reject(new ERR_DEBUGGER_STARTUP_ERROR(
            `Timeout (${timeout}) waiting for ${host}:${port} to be free`));
          return;
        }
        setTimeout(probe, 150);
      });
      socket.on('error', () => resolve());
    }
    probe();
  });
}

class NodeInspector {
  constructor(options, stdin, stdout) {
    this.options = options;
    this.stdin = stdin;
    this.stdout = stdout;
    this.paused = true;
    this.child = null;
    this.client = new Client();
    this.repl = null;
    this.domains = null;
    this._reconnect = null;
  }

  clearLine() {
    if (this.stdout.isTTY) {
      this.stdout.cursorTo(0);
      this.stdout.clearLine(1);
    } else {
      this.stdout.write('\b');
    }
  }

  print(text, appendNewline = false) {
    this.clearLine();
    this.stdout.write(appendNewline ? `${text}\n` : text);
  }

  childPrint(text) {
    const lines = RegExpPrototypeSymbolSplit(/\r\n|\r|\n/g, `${text}`);
    this.print(ArrayPrototypeJoin(
      ArrayPrototypeMap(lines, (line) => `< ${line}`), '\n'), true);
    if (!this.paused && this.repl !== null) this.repl.displayPrompt(true);
  }

  killChild() {
    this.client.reset();
    if (this.child !== null) {
      this.child.kill();
      this.child = null;
    }
  }

  async run() {
    this.killChild();
    const { host, port, script, scriptArgs } = this.options;
    let connectHost = host;
    let connectPort = port;
    if (script) {
      await portIsFree(host, port);
      const [child, actualPort, actualHost] = await runScript(
        script, scriptArgs, host, port, (text) => this.childPrint(text));
      this.child = child;
      connectPort = actualPort;
      connectHost = actualHost;
      child.on('exit', () => {
        if (this.child === child) this.child = null;
      });
    }
    this.print(`connecting to ${connectHost}:${connectPort} ..`);
    for (let attempt = 0; attempt < 5; attempt++) {
      this.print('.');
      try {
        await this.client.connect(connectPort, connectHost);
        this.print(' ok', true);
        return;
      } catch (err) {
        if (err?.code === 'ERR_DEBUGGER_ERROR' &&
            err.message === 'WebSocket secret mismatch') {
          throw err;
        }
        await delay(1000);
      }
    }
    this.print(' failed to connect, please retry', true);
    process.exit(kGenericUserError);
  }
}

function printUsage() {
  const invokedAs = `${process.argv0} ${process.argv[1]}`;
  process.stderr.write(`Usage: ${invokedAs} script.js\n` +
    `       ${invokedAs} <host>:<port>\n` +
    `       ${invokedAs} --port=<port> Use 0 for random port assignment\n` +
    `       ${invokedAs} -p <pid>\n`);
}

function parseArgv(args) {
  const target = args[0];
  let host = kDefaultHost;
  let port = kDefaultPort;
  let script = target;
  let scriptArgs = ArrayPrototypeSlice(args, 1);
  const hostMatch = RegExpPrototypeExec(/^([^:]+):(\d+)$/, target);
  const portMatch = RegExpPrototypeExec(/^--port=(\d+)$/, target);
  if (hostMatch !== null) {
    host = hostMatch[1];
    port = NumberParseInt(hostMatch[2], 10);
    script = null;
  } else if (portMatch !== null) {
    port = NumberParseInt(portMatch[1], 10);
    script = args[1];
    scriptArgs = ArrayPrototypeSlice(args, 2);
    if (!script) script = null;
  } else if (args.length === 2 && target === '-p' &&
             RegExpPrototypeExec(/^\d+$/, args[1]) !== null) {
    const pid = NumberParseInt(args[1], 10);
    try {
      process._debugProcess(pid);
    } catch (e) {
      if (e.code === 'ESRCH') {
        process.stderr.write(`Target process: ${pid} doesn't exist.\n`);
        process.exit(kGenericUserError);
      }
      throw e;
    }
    script = null;
  }
  return { host, port, script, scriptArgs };
}

function start(argv = ArrayPrototypeSlice(process.argv, 2),
               stdin = process.stdin, stdout = process.stdout) {
  if (argv.length < 1) {
    printUsage();
    process.exit(kInvalidCommandLineArgument);
  }
  const options = parseArgv(argv);
  const inspector = new NodeInspector(options, stdin, stdout);
  stdin.resume();
  function handleUnexpectedError(e) {
    if (e?.code !== 'ERR_DEBUGGER_STARTUP_ERROR') {
      process.stderr.write(`There was an internal error in Node.js. ` +
        `Please report this bug.\n${e?.message}\n${e?.stack}\n`);
    } else {
      process.stderr.write(`${e.message}\n`);
    }
    if (inspector.child) inspector.child.kill();
    process.exit(kGenericUserError);
  }
  process.on('uncaughtException', handleUnexpectedError);
  createRepl(inspector);
  PromisePrototypeThen(inspector.run(), () => inspector.onConnected(),
                       handleUnexpectedError);
}

module.exports = { start, NodeInspector };
