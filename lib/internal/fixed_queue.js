'use strict';

// A FIFO queue made of fixed-size ring buffers linked in a list: pushes and
// shifts are cheap and never move the items already queued (one big array
// would be copied as it grows). process.nextTick's queue is one.
//
// `head` is the buffer pushes go to, `tail` the one shifts come from; a full
// head gets a new buffer after it, an emptied tail gives way to the next.
// A buffer keeps one slot free, so that top === bottom means empty.

const {
  Array,
  ArrayPrototypeFill,
} = primordials;

const kSize = 2048;
const kMask = kSize - 1;

class FixedCircularBuffer {
  constructor() {
    this.bottom = 0;
    this.top = 0;
    // Filled, not holey: V8 keeps it in packed elements.
    this.list = ArrayPrototypeFill(new Array(kSize), undefined);
    this.next = null;
  }

  isEmpty() { return this.top === this.bottom; }

  isFull() { return ((this.top + 1) & kMask) === this.bottom; }

  push(data) {
    this.list[this.top] = data;
    this.top = (this.top + 1) & kMask;
  }

  shift() {
    const item = this.list[this.bottom];
    if (item === undefined) return null;
    this.list[this.bottom] = undefined;
    this.bottom = (this.bottom + 1) & kMask;
    return item;
  }
}

class FixedQueue {
  constructor() {
    this.head = this.tail = new FixedCircularBuffer();
  }

  isEmpty() { return this.head.isEmpty(); }

  push(data) {
    if (this.head.isFull()) {
      this.head = this.head.next = new FixedCircularBuffer();
    }
    this.head.push(data);
  }

  shift() {
    const tail = this.tail;
    const item = tail.shift();
    if (tail.isEmpty() && tail.next !== null) {
      this.tail = tail.next;
      tail.next = null;
    }
    return item;
  }
}

module.exports = FixedQueue;
