'use strict';

// Symbols shared by events.js and its users. An events.on() option keyed by
// kFirstEventParam makes the iterator yield each event's first argument
// instead of the array of all of them (readline's line iterator uses it).

const {
  Symbol,
} = primordials;

const kFirstEventParam = Symbol('kFirstEventParam');

module.exports = {
  kFirstEventParam,
};
