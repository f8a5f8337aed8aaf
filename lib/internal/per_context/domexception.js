'use strict';

// DOMException (WebIDL): an Error whose name picks a legacy numeric code.
// In lode this is an ordinary builtin module, required lazily (through
// internal/util's lazyDOMExceptionClass and the DOMException global).

const {
  ErrorCaptureStackTrace,
  Error,
  ObjectDefineProperties,
  ObjectDefineProperty,
  ObjectSetPrototypeOf,
  ReflectConstruct,
  SafeMap,
  SafeWeakMap,
  SymbolToStringTag,
  TypeError,
} = primordials;

// Error names with a legacy code, in code order (1..25); the names without
// one are listed so that their code is 0.
const kLegacyCodes = [
  ['IndexSizeError', 'INDEX_SIZE_ERR', 1],
  [null, 'DOMSTRING_SIZE_ERR', 2],
  ['HierarchyRequestError', 'HIERARCHY_REQUEST_ERR', 3],
  ['WrongDocumentError', 'WRONG_DOCUMENT_ERR', 4],
  ['InvalidCharacterError', 'INVALID_CHARACTER_ERR', 5],
  [null, 'NO_DATA_ALLOWED_ERR', 6],
  ['NoModificationAllowedError', 'NO_MODIFICATION_ALLOWED_ERR', 7],
  ['NotFoundError', 'NOT_FOUND_ERR', 8],
  ['NotSupportedError', 'NOT_SUPPORTED_ERR', 9],
  ['InUseAttributeError', 'INUSE_ATTRIBUTE_ERR', 10],
  ['InvalidStateError', 'INVALID_STATE_ERR', 11],
  ['SyntaxError', 'SYNTAX_ERR', 12],
  ['InvalidModificationError', 'INVALID_MODIFICATION_ERR', 13],
  ['NamespaceError', 'NAMESPACE_ERR', 14],
  ['InvalidAccessError', 'INVALID_ACCESS_ERR', 15],
  [null, 'VALIDATION_ERR', 16],
  ['TypeMismatchError', 'TYPE_MISMATCH_ERR', 17],
  ['SecurityError', 'SECURITY_ERR', 18],
  ['NetworkError', 'NETWORK_ERR', 19],
  ['AbortError', 'ABORT_ERR', 20],
  ['URLMismatchError', 'URL_MISMATCH_ERR', 21],
  ['QuotaExceededError', 'QUOTA_EXCEEDED_ERR', 22],
  ['TimeoutError', 'TIMEOUT_ERR', 23],
  ['InvalidNodeTypeError', 'INVALID_NODE_TYPE_ERR', 24],
  ['DataCloneError', 'DATA_CLONE_ERR', 25],
];

const codeByName = new SafeMap();
for (let i = 0; i < kLegacyCodes.length; i++) {
  const { 0: name, 2: code } = kLegacyCodes[i];
  if (name !== null) codeByName.set(name, code);
}

// The brand-check error. It is built here rather than in internal/errors so
// that this file stays free of dependencies; the message is Node's.
function invalidThis() {
  // eslint-disable-next-line no-restricted-syntax
  const err = new TypeError('Value of "this" must be of DOMException');
  err.code = 'ERR_INVALID_THIS';
  return err;
}

// The state of each instance, keyed by the instance. The instance itself is
// made by the Error constructor, so that it is a native error (as in Node:
// Error.isError and util.types.isNativeError hold for it) while its
// prototype is DOMException.prototype.
const internals = new SafeWeakMap();

// Whether any DOMException was made yet: until then structuredClone() need
// not look for them.
let anyCreated = false;

class DOMException {
  constructor(message = '', options = 'Error') {
    const self = ReflectConstruct(Error, [], new.target);
    // Error() gave it an own empty message; DOMException's is a getter.
    delete self.message;
    const state = { name: 'Error', message: `${message}` };
    if (options !== null && typeof options === 'object') {
      state.name = `${options.name}`;
      if ('cause' in options) {
        ObjectDefineProperty(self, 'cause', {
          __proto__: null,
          value: options.cause,
          writable: true,
          enumerable: false,
          configurable: true,
        });
      }
    } else {
      state.name = `${options}`;
    }
    internals.set(self, state);
    anyCreated = true;
    // The stack starts at this constructor, as Node's does.
    ErrorCaptureStackTrace(self);
    return self;
  }

  get name() {
    const state = internals.get(this);
    if (state === undefined) throw invalidThis();
    return state.name;
  }

  get message() {
    const state = internals.get(this);
    if (state === undefined) throw invalidThis();
    return state.message;
  }

  get code() {
    const state = internals.get(this);
    if (state === undefined) throw invalidThis();
    return codeByName.get(state.name) ?? 0;
  }
}

ObjectSetPrototypeOf(DOMException.prototype, Error.prototype);

{
  const enumerableGetter = { __proto__: null, enumerable: true };
  ObjectDefineProperties(DOMException.prototype, {
    [SymbolToStringTag]: {
      __proto__: null, configurable: true, value: 'DOMException',
    },
    name: enumerableGetter,
    message: enumerableGetter,
    code: enumerableGetter,
  });
}

for (let i = 0; i < kLegacyCodes.length; i++) {
  const { 1: constant, 2: code } = kLegacyCodes[i];
  const desc = {
    __proto__: null,
    enumerable: true,
    configurable: false,
    writable: false,
    value: code,
  };
  ObjectDefineProperty(DOMException, constant, desc);
  ObjectDefineProperty(DOMException.prototype, constant, desc);
}

function isDOMException(value) {
  return internals.has(value);
}

// Turns `error` (the structured clone of a DOMException, which V8 makes a
// plain Error) back into a DOMException with the original's name and
// message; its own stack stays (as in Node, a cause does not).
function adoptAsDOMException(error, original) {
  const { name, message } = internals.get(original);
  ObjectSetPrototypeOf(error, DOMException.prototype);
  delete error.message;
  delete error.cause;
  internals.set(error, { name, message });
}

module.exports = {
  DOMException,
  isDOMException,
  adoptAsDOMException,
  anyDOMExceptionCreated: () => anyCreated,
};
