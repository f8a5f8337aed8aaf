'use strict';

// PerformanceResourceTiming and performance.markResourceTiming(), which
// fetch (and anything timing a resource load) calls with the Fetch
// standard's timing info:
// https://w3c.github.io/resource-timing/#dfn-mark-resource-timing

const {
  ObjectDefineProperties,
  Symbol,
  SymbolToStringTag,
} = primordials;

const {
  assert,
  codes: { ERR_ILLEGAL_CONSTRUCTOR },
} = require('internal/errors');
const {
  PerformanceEntry,
  kSkipThrow,
} = require('internal/perf/performance_entry');
const { enqueue, bufferResourceTiming } = require('internal/perf/observe');
const { validateThisInternalField } = require('internal/validators');
const { kEnumerableProperty } = require('internal/util');

const kCacheMode = Symbol('kCacheMode');
const kRequestedUrl = Symbol('kRequestedUrl');
const kTimingInfo = Symbol('kTimingInfo');
const kInitiatorType = Symbol('kInitiatorType');
const kDeliveryType = Symbol('kDeliveryType');
const kResponseStatus = Symbol('kResponseStatus');

function timing(entry) {
  validateThisInternalField(entry, kTimingInfo, 'PerformanceResourceTiming');
  return entry[kTimingInfo];
}

class PerformanceResourceTiming extends PerformanceEntry {
  constructor(skipThrow = undefined, name = undefined, type = undefined) {
    if (skipThrow !== kSkipThrow) throw new ERR_ILLEGAL_CONSTRUCTOR();
    super(skipThrow, name, type);
  }

  get name() {
    validateThisInternalField(this, kRequestedUrl,
                              'PerformanceResourceTiming');
    return this[kRequestedUrl];
  }

  get startTime() { return timing(this).startTime; }

  get duration() {
    const info = timing(this);
    return info.endTime - info.startTime;
  }

  get initiatorType() {
    validateThisInternalField(this, kInitiatorType,
                              'PerformanceResourceTiming');
    return this[kInitiatorType];
  }

  get workerStart() { return timing(this).finalServiceWorkerStartTime; }
  get redirectStart() { return timing(this).redirectStartTime; }
  get redirectEnd() { return timing(this).redirectEndTime; }
  get fetchStart() { return timing(this).postRedirectStartTime; }

  get domainLookupStart() {
    return timing(this).finalConnectionTimingInfo?.domainLookupStartTime;
  }

  get domainLookupEnd() {
    return timing(this).finalConnectionTimingInfo?.domainLookupEndTime;
  }

  get connectStart() {
    return timing(this).finalConnectionTimingInfo?.connectionStartTime;
  }

  get connectEnd() {
    return timing(this).finalConnectionTimingInfo?.connectionEndTime;
  }

  get secureConnectionStart() {
    return timing(this).finalConnectionTimingInfo?.secureConnectionStartTime;
  }

  get nextHopProtocol() {
    return timing(this).finalConnectionTimingInfo?.ALPNNegotiatedProtocol;
  }

  get requestStart() { return timing(this).finalNetworkRequestStartTime; }
  get responseStart() { return timing(this).finalNetworkResponseStartTime; }
  get responseEnd() { return timing(this).endTime; }
  get encodedBodySize() { return timing(this).encodedBodySize; }
  get decodedBodySize() { return timing(this).decodedBodySize; }

  // A local cache hit transferred nothing; a revalidated one only headers
  // (300 bytes, as the spec suggests).
  get transferSize() {
    const info = timing(this);
    if (this[kCacheMode] === 'local') return 0;
    if (this[kCacheMode] === 'validated') return 300;
    return info.encodedBodySize + 300;
  }

  get deliveryType() {
    timing(this);
    return this[kDeliveryType];
  }

  get responseStatus() {
    timing(this);
    return this[kResponseStatus];
  }

  toJSON() {
    validateThisInternalField(this, kInitiatorType,
                              'PerformanceResourceTiming');
    return {
      name: this.name,
      entryType: this.entryType,
      startTime: this.startTime,
      duration: this.duration,
      initiatorType: this[kInitiatorType],
      nextHopProtocol: this.nextHopProtocol,
      workerStart: this.workerStart,
      redirectStart: this.redirectStart,
      redirectEnd: this.redirectEnd,
      fetchStart: this.fetchStart,
      domainLookupStart: this.domainLookupStart,
      domainLookupEnd: this.domainLookupEnd,
      connectStart: this.connectStart,
      connectEnd: this.connectEnd,
      secureConnectionStart: this.secureConnectionStart,
      requestStart: this.requestStart,
      responseStart: this.responseStart,
      responseEnd: this.responseEnd,
      transferSize: this.transferSize,
      encodedBodySize: this.encodedBodySize,
      decodedBodySize: this.decodedBodySize,
      deliveryType: this.deliveryType,
      responseStatus: this.responseStatus,
    };
  }
}
ObjectDefineProperties(PerformanceResourceTiming.prototype, {
  initiatorType: kEnumerableProperty,
  nextHopProtocol: kEnumerableProperty,
  workerStart: kEnumerableProperty,
  redirectStart: kEnumerableProperty,
  redirectEnd: kEnumerableProperty,
  fetchStart: kEnumerableProperty,
  domainLookupStart: kEnumerableProperty,
  domainLookupEnd: kEnumerableProperty,
  connectStart: kEnumerableProperty,
  connectEnd: kEnumerableProperty,
  secureConnectionStart: kEnumerableProperty,
  requestStart: kEnumerableProperty,
  responseStart: kEnumerableProperty,
  responseEnd: kEnumerableProperty,
  transferSize: kEnumerableProperty,
  encodedBodySize: kEnumerableProperty,
  decodedBodySize: kEnumerableProperty,
  deliveryType: kEnumerableProperty,
  responseStatus: kEnumerableProperty,
  toJSON: kEnumerableProperty,
  [SymbolToStringTag]: {
    __proto__: null,
    configurable: true,
    value: 'PerformanceResourceTiming',
  },
});

// markResourceTiming(timingInfo, requestedUrl, initiatorType, global,
// cacheMode, bodyInfo, responseStatus[, deliveryType]): the timing info is
// taken as fetch made it (not validated, as the spec says).
function markResourceTiming(timingInfo, requestedUrl, initiatorType, global,
                            cacheMode, bodyInfo, responseStatus,
                            deliveryType = '') {
  assert(cacheMode === '' || cacheMode === 'local',
         'cache must be an empty string or \'local\'');
  const entry =
    new PerformanceResourceTiming(kSkipThrow, requestedUrl, 'resource');
  entry[kInitiatorType] = initiatorType;
  entry[kRequestedUrl] = requestedUrl;
  entry[kTimingInfo] = timingInfo;
  entry[kCacheMode] = cacheMode;
  entry[kDeliveryType] = deliveryType;
  entry[kResponseStatus] = responseStatus;
  enqueue(entry);
  bufferResourceTiming(entry);
  return entry;
}

module.exports = {
  PerformanceResourceTiming,
  markResourceTiming,
};
