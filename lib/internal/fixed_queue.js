'use strict';

// A first-in first-out queue kept in segments of 2047 items, linked from the
// oldest (`tail`, where shift() reads) to the newest (`head`, where push()
// writes). A segment is an array filled from its start and read from its
// start; once read to the end it is dropped, unless it is the only one, in
// which case it starts over. Items are never moved, and no array grows:
// process.nextTick's queue is one of these.

const {
  Array,
  ArrayPrototypeFill,
} = primordials;

const kSegmentItems = 2047;

class QueueSegment {
  constructor() {
    // Filled with undefined so that V8 keeps the array packed, not holey.
    this.list = ArrayPrototypeFill(new Array(kSegmentItems + 1), undefined);
    this.read = 0;
    this.write = 0;
    this.next = null;
  }

  isEmpty() { return this.read === this.write; }

  isFull() { return this.write === kSegmentItems; }
}

class FixedQueue {
  constructor() {
    this.head = this.tail = new QueueSegment();
  }

  isEmpty() { return this.tail.isEmpty(); }

  push(data) {
    let segment = this.head;
    if (segment.isFull()) {
      segment = segment.next = this.head = new QueueSegment();
    }
    segment.list[segment.write++] = data;
  }

  // The oldest item, or null when there is none.
  shift() {
    const segment = this.tail;
    if (segment.isEmpty()) return null;
    const item = segment.list[segment.read];
    segment.list[segment.read++] = undefined;
    if (segment.isEmpty()) {
      if (segment.next !== null) {
        this.tail = segment.next;
        segment.next = null;
      } else {
        segment.read = segment.write = 0;
      }
    }
    return item;
  }
}

module.exports = FixedQueue;
