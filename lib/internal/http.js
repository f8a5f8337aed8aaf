'use strict';

// What Node's internal/http module offers other internals (and tests run
// with --expose-internals): the outgoing-headers symbol and the Date cache.

const {
  kOutHeaders,
  kNeedDrain,
  utcDate,
} = require('internal/http/outgoing');

module.exports = {
  kOutHeaders,
  kNeedDrain,
  utcDate,
};
