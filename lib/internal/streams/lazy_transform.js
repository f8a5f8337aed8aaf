'use strict';

// A Transform stream whose stream state is only built when first touched:
// Hash, Hmac and the ciphers are mostly used through update()/digest(), and
// should not pay for a stream they never use.

const {
  FunctionPrototypeCall,
  ObjectDefineProperties,
  ObjectDefineProperty,
  ObjectSetPrototypeOf,
} = primordials;

const stream = require('stream');

function LazyTransform(options) {
  this._options = options;
}
ObjectSetPrototypeOf(LazyTransform.prototype, stream.Transform.prototype);
ObjectSetPrototypeOf(LazyTransform, stream.Transform);

// Reading either state builds the Transform on the object, which replaces
// both accessors with own data properties.
function stateGetter(key) {
  return function() {
    FunctionPrototypeCall(stream.Transform, this, this._options);
    // Strings written go to _transform as they are, with their encoding.
    this._writableState.decodeStrings = false;
    return this[key];
  };
}

function stateSetter(key) {
  return function(value) {
    ObjectDefineProperty(this, key, {
      __proto__: null,
      value,
      writable: true,
      enumerable: true,
      configurable: true,
    });
  };
}

ObjectDefineProperties(LazyTransform.prototype, {
  _readableState: {
    __proto__: null,
    get: stateGetter('_readableState'),
    set: stateSetter('_readableState'),
    enumerable: true,
    configurable: true,
  },
  _writableState: {
    __proto__: null,
    get: stateGetter('_writableState'),
    set: stateSetter('_writableState'),
    enumerable: true,
    configurable: true,
  },
});

module.exports = LazyTransform;
