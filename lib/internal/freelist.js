'use strict';

// A pool of reusable objects: alloc() hands back a freed one when there is
// one and makes a new one with `ctor` otherwise; free() keeps an object for
// reuse while fewer than `max` wait (it returns whether it kept it). The
// http parsers are pooled this way.

const {
  ArrayPrototypePop,
  ArrayPrototypePush,
  ReflectApply,
} = primordials;

class FreeList {
  constructor(name, max, ctor) {
    this.name = name;
    this.ctor = ctor;
    this.max = max;
    this.list = [];
  }

  alloc(...args) {
    if (this.list.length > 0) return ArrayPrototypePop(this.list);
    return ReflectApply(this.ctor, this, args);
  }

  free(obj) {
    if (this.list.length < this.max) {
      ArrayPrototypePush(this.list, obj);
      return true;
    }
    return false;
  }
}

module.exports = FreeList;
