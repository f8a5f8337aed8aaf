'use strict';

// A binary min-heap of items ordered by `compare(a, b)` (below zero: a comes
// first; by default the < order). Slots are numbered from 1: slot 1 holds
// the first item and the children of slot n are 2n and 2n + 1. When
// `setPosition(item, slot)` is given, an item is told its slot each time it
// moves, so that removeAt(slot) can take it out of the middle: the timers
// keep their lists in such a heap.

const {
  ArrayPrototypePop,
  ArrayPrototypePush,
} = primordials;

function inLessThanOrder(a, b) {
  if (a < b) return -1;
  return a > b ? 1 : 0;
}

class PriorityQueue {
  #slots = [undefined];  // Slot 0 is never used.
  #compare;
  #setPosition;

  constructor(compare = inLessThanOrder, setPosition = undefined) {
    this.#compare = compare;
    this.#setPosition = setPosition;
  }

  #put(item, slot) {
    this.#slots[slot] = item;
    if (this.#setPosition !== undefined) this.#setPosition(item, slot);
  }

  insert(item) {
    ArrayPrototypePush(this.#slots, item);
    this.percolateUp(this.#slots.length - 1);
  }

  peek() {
    return this.#slots[1];
  }

  // The item in the last slot (one of the largest, not always the largest).
  peekBottom() {
    return this.#slots[this.#slots.length - 1];
  }

  // Moves the item in `slot` towards slot 1 while it goes before its parent.
  percolateUp(slot) {
    const slots = this.#slots;
    const item = slots[slot];
    while (slot > 1) {
      const parent = slot >> 1;
      if (this.#compare(slots[parent], item) <= 0) break;
      this.#put(slots[parent], slot);
      slot = parent;
    }
    this.#put(item, slot);
  }

  // Moves the item in `slot` away from slot 1 while a child goes before it.
  percolateDown(slot) {
    const slots = this.#slots;
    const last = slots.length - 1;
    const item = slots[slot];
    for (;;) {
      let child = slot * 2;
      if (child > last) break;
      if (child < last && this.#compare(slots[child + 1], slots[child]) < 0) {
        child++;
      }
      if (this.#compare(slots[child], item) >= 0) break;
      this.#put(slots[child], slot);
      slot = child;
    }
    this.#put(item, slot);
  }

  // Takes out the item in `slot`; the last item fills the hole and moves to
  // where the order wants it.
  removeAt(slot) {
    const slots = this.#slots;
    const moved = ArrayPrototypePop(slots);
    if (slot >= slots.length) return;  // The last slot itself was removed.
    slots[slot] = moved;
    if (slot > 1 && this.#compare(slots[slot >> 1], moved) > 0) {
      this.percolateUp(slot);
    } else {
      this.percolateDown(slot);
    }
  }

  shift() {
    if (this.#slots.length === 1) return undefined;
    const first = this.#slots[1];
    this.removeAt(1);
    return first;
  }
}

module.exports = PriorityQueue;
