'use strict';

// File (https://w3c.github.io/FileAPI/#file-section): a Blob with a name
// and a modification time.

const {
  DateNow,
  NumberIsNaN,
  ObjectDefineProperties,
  SymbolToStringTag,
} = primordials;

const {
  codes: {
    ERR_INVALID_THIS,
    ERR_MISSING_ARGS,
  },
} = require('internal/errors');
const {
  customInspectSymbol: kInspect,
  kEnumerableProperty,
} = require('internal/util');
const { validateDictionary } = require('internal/validators');
const { Blob } = require('internal/blob');

let inspect;

class File extends Blob {
  #name;
  #lastModified;

  constructor(fileBits, fileName, options = undefined) {
    if (arguments.length < 2) {
      throw new ERR_MISSING_ARGS('fileBits', 'fileName');
    }
    validateDictionary(options, 'options');
    super(fileBits, options);
    let lastModified = options?.lastModified;
    if (lastModified === undefined) {
      lastModified = DateNow();
    } else {
      lastModified = +lastModified;
      if (NumberIsNaN(lastModified)) lastModified = 0;
    }
    this.#name = `${fileName}`;
    this.#lastModified = lastModified;
  }

  static #isFile(value) {
    return value != null && #name in value;
  }

  get name() {
    if (!File.#isFile(this)) throw new ERR_INVALID_THIS('File');
    return this.#name;
  }

  get lastModified() {
    if (!File.#isFile(this)) throw new ERR_INVALID_THIS('File');
    return this.#lastModified;
  }

  [kInspect](depth, options) {
    if (depth < 0) return '[File]';
    inspect ??= require('internal/util/inspect').inspect;
    const opts = {
      ...options,
      depth: options.depth == null ? null : options.depth - 1,
    };
    return `File ${inspect({
      size: this.size,
      type: this.type,
      name: this.#name,
      lastModified: this.#lastModified,
    }, opts)}`;
  }
}

ObjectDefineProperties(File.prototype, {
  name: kEnumerableProperty,
  lastModified: kEnumerableProperty,
  [SymbolToStringTag]: {
    __proto__: null, configurable: true, value: 'File',
  },
});

module.exports = {
  File,
};
