'use strict';

// A binary min-heap. `compare(a, b)` orders two items (negative: a first;
// the default compares them with <), and `setPosition(item, pos)`, when
// given, is told each item's slot so that removeAt(pos) can drop an item
// from the middle of the heap (timers use it for their lists).

const {
  Array,
} = primordials;

function defaultCompare(a, b) {
  return a < b ? -1 : (a > b ? 1 : 0);
}

class PriorityQueue {
  #compare;
  #setPosition;
  #heap = new Array(64);  // 1-based: heap[1] is the smallest item
  #size = 0;

  constructor(compare, setPosition) {
    this.#compare = compare !== undefined ? compare : defaultCompare;
    this.#setPosition = setPosition;
  }

  insert(item) {
    const pos = ++this.#size;
    if (pos === this.#heap.length) this.#heap.length *= 2;
    this.#heap[pos] = item;
    this.percolateUp(pos);
  }

  peek() {
    return this.#heap[1];
  }

  peekBottom() {
    return this.#heap[this.#size];
  }

  percolateDown(pos) {
    const compare = this.#compare;
    const setPosition = this.#setPosition;
    const heap = this.#heap;
    const size = this.#size;
    const item = heap[pos];
    const half = size >> 1;
    while (pos <= half) {
      let child = pos << 1;
      let childItem = heap[child];
      const right = child + 1;
      if (right <= size && compare(heap[right], childItem) < 0) {
        child = right;
        childItem = heap[right];
      }
      if (compare(item, childItem) <= 0) break;
      heap[pos] = childItem;
      if (setPosition !== undefined) setPosition(childItem, pos);
      pos = child;
    }
    heap[pos] = item;
    if (setPosition !== undefined) setPosition(item, pos);
  }

  percolateUp(pos) {
    const compare = this.#compare;
    const setPosition = this.#setPosition;
    const heap = this.#heap;
    const item = heap[pos];
    while (pos > 1) {
      const parentPos = pos >> 1;
      const parent = heap[parentPos];
      if (compare(parent, item) <= 0) break;
      heap[pos] = parent;
      if (setPosition !== undefined) setPosition(parent, pos);
      pos = parentPos;
    }
    heap[pos] = item;
    if (setPosition !== undefined) setPosition(item, pos);
  }

  removeAt(pos) {
    const heap = this.#heap;
    const size = --this.#size;
    heap[pos] = heap[size + 1];
    heap[size + 1] = undefined;
    if (size > 0 && pos <= size) {
      if (pos > 1 && this.#compare(heap[pos >> 1], heap[pos]) > 0) {
        this.percolateUp(pos);
      } else {
        this.percolateDown(pos);
      }
    }
  }

  shift() {
    const item = this.#heap[1];
    if (item === undefined) return;
    this.removeAt(1);
    return item;
  }
}

module.exports = PriorityQueue;
