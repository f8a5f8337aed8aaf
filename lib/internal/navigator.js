'use strict';

// globalThis.navigator (https://html.spec.whatwg.org/#the-navigator-object),
// the part of it a server-side runtime can answer. Every value is computed
// when first read, so that merely touching `navigator` reads nothing of
// the process.

const {
  ObjectDefineProperties,
  ObjectFreeze,
  StringPrototypeIndexOf,
  StringPrototypeSlice,
  StringPrototypeToUpperCase,
  Symbol,
} = primordials;

const {
  codes: { ERR_ILLEGAL_CONSTRUCTOR },
} = require('internal/errors');
const { kEnumerableProperty } = require('internal/util');

const kInitialize = Symbol('kInitialize');

// The platform string browsers report for an OS and CPU (process.platform,
// process.arch).
function getNavigatorPlatform(arch, platform) {
  switch (platform) {
    case 'darwin':
      // Browsers on macOS say so whatever the CPU.
      return 'MacIntel';
    case 'win32':
      return 'Win32';
    case 'linux':
      if (arch === 'ia32') return 'Linux i686';
      if (arch === 'x64') return 'Linux x86_64';
      return `Linux ${arch}`;
    case 'freebsd':
    case 'openbsd': {
      const name = platform === 'freebsd' ? 'FreeBSD' : 'OpenBSD';
      if (arch === 'ia32') return `${name} i386`;
      if (arch === 'x64') return `${name} amd64`;
      return `${name} ${arch}`;
    }
    case 'sunos':
      return arch === 'ia32' ? 'SunOS i86pc' : `SunOS ${arch}`;
    case 'aix':
      return 'AIX';
    default:
      return `${StringPrototypeToUpperCase(platform[0])}` +
        `${StringPrototypeSlice(platform, 1)} ${arch}`;
  }
}

// The locale ICU picked from the environment (LC_ALL, LC_MESSAGES, LANG).
function defaultLocale() {
  if (typeof Intl !== 'object' || Intl === null) return 'en-US';
  // eslint-disable-next-line no-restricted-globals
  return new Intl.DateTimeFormat().resolvedOptions().locale || 'en-US';
}

class Navigator {
  #hardwareConcurrency;
  #languages;
  #locks;

  constructor(key = undefined) {
    if (key !== kInitialize) throw new ERR_ILLEGAL_CONSTRUCTOR();
  }

  get hardwareConcurrency() {
    this.#hardwareConcurrency ??= require('os').availableParallelism();
    return this.#hardwareConcurrency;
  }

  get locks() {
    // Read through a private field, so that reading it from
    // Navigator.prototype throws as Web IDL wants.
    this.#locks ??= require('internal/locks').locks;
    return this.#locks;
  }

  get language() {
    return defaultLocale();
  }

  get languages() {
    this.#languages ??= ObjectFreeze([this.language]);
    return this.#languages;
  }

  get userAgent() {
    const version = process.version;
    return `Node.js/${StringPrototypeSlice(version, 1,
                                          StringPrototypeIndexOf(version, '.'))}`;
  }

  get platform() {
    return getNavigatorPlatform(process.arch, process.platform);
  }
}

ObjectDefineProperties(Navigator.prototype, {
  hardwareConcurrency: kEnumerableProperty,
  locks: kEnumerableProperty,
  language: kEnumerableProperty,
  languages: kEnumerableProperty,
  userAgent: kEnumerableProperty,
  platform: kEnumerableProperty,
});

let navigator;

module.exports = {
  getNavigatorPlatform,
  get navigator() {
    navigator ??= new Navigator(kInitialize);
    return navigator;
  },
  Navigator,
};
