// A log-linear bucketed histogram of non-negative integers, with the value
// layout and precision rules Node's histograms have (HdrHistogram's): values
// are kept to `figures` significant decimal digits; each power-of-two range
// above the first is split into the same number of equal slots. No V8 here:
// the JS objects around it are in lode_histogram.cc.
#ifndef SRC_LODE_HISTOGRAM_H_
#define SRC_LODE_HISTOGRAM_H_

#include <cmath>
#include <cstddef>
#include <cstdint>

#include "util.h"
#include "v8.h"

namespace lode {

class ExternalReferenceRegistry;

class Histogram {
 public:
  // lowest >= 1, highest >= 2 * lowest, 1 <= figures <= 5 (checked by the
  // caller: see Histogram::ValidRange).
  Histogram(int64_t lowest, int64_t highest, int figures);
  ~Histogram();
  LODE_DISALLOW_COPY(Histogram);

  static bool ValidRange(int64_t lowest, int64_t highest, int figures);

  // Counts `value`; a value below 0 or above `highest` is not kept and
  // counts as exceeding. Returns whether it was kept.
  bool Record(int64_t value);
  // Records the nanoseconds since the previous call (nothing the first
  // time). Returns them.
  int64_t RecordDelta();
  // Adds every value of `other`; those this one cannot hold are dropped.
  void Add(const Histogram& other);
  void Reset();

  uint64_t count() const { return count_; }
  uint64_t exceeds() const { return exceeds_; }
  // INT64_MAX when empty, as Node reports it.
  int64_t Min() const;
  // 0 when empty.
  int64_t Max() const;
  // NaN when empty.
  double Mean() const;
  double Stddev() const;
  // 0 < percentile <= 100; when empty, the top of the first slot.
  int64_t ValueAtPercentile(double percentile) const;
  // Calls fn(percentile, value) for the percentiles 0, 50, 75, 87.5, ...
  // (each step halves the distance to 100) at which the cumulative count
  // reaches a new slot, then for 100.
  template <typename Fn>
  void ForEachPercentile(Fn fn) const;

  size_t memory_size() const {
    return sizeof(*this) + sizeof(int64_t) * counts_len_;
  }

 private:
  int32_t IndexOf(int64_t value) const;
  int64_t ValueAtIndex(int32_t index) const;
  int32_t BucketOf(int64_t value) const;
  int64_t SlotSize(int64_t value) const;
  int64_t LowestEquivalent(int64_t value) const;
  int64_t HighestEquivalent(int64_t value) const {
    return LowestEquivalent(value) + SlotSize(value) - 1;
  }
  int64_t MedianEquivalent(int64_t value) const {
    return LowestEquivalent(value) + (SlotSize(value) >> 1);
  }
  bool AddCount(int64_t value, int64_t n);

  int64_t highest_;
  int32_t unit_magnitude_;          // log2 of the lowest value's slot
  int32_t half_count_magnitude_;    // log2 of the slots per half bucket
  int32_t half_count_;
  int64_t slot_mask_;
  int32_t counts_len_;
  int64_t* counts_;
  int64_t total_ = 0;               // values kept
  int64_t min_value_;               // smallest non-zero value kept
  int64_t max_value_ = 0;
  uint64_t count_ = 0;              // what `count` reports
  uint64_t exceeds_ = 0;
  uint64_t prev_ = 0;               // for RecordDelta
};

template <typename Fn>
void Histogram::ForEachPercentile(Fn fn) const {
  // Walks the slots in value order. A percentile is reported at the first
  // slot where the share of values counted so far reaches it; the next
  // percentile to report moves half of the remaining way to 100 (in steps
  // of powers of two), so several may fall on one slot.
  int64_t cumulative = 0;
  int64_t value = 0;
  int32_t index = -1;
  double target = 0;
  for (;;) {
    if (index >= 0 && counts_[index] != 0 &&
        target <= 100.0 * static_cast<double>(cumulative) /
                      static_cast<double>(total_)) {
      fn(target, value);
      if (cumulative >= total_ || target >= 100) break;
      int64_t halvings = static_cast<int64_t>(
          std::log(100 / (100 - target)) / std::log(2.0));
      target += 100 / std::pow(2.0, static_cast<double>(halvings + 1));
      continue;
    }
    if (cumulative >= total_ || ++index >= counts_len_) break;
    cumulative += counts_[index];
    value = ValueAtIndex(index);
  }
  fn(100.0, value);
}

namespace histogram {
// Adds the Histogram and ELDHistogram classes to internalBinding
// ('performance').
void Initialize(v8::Local<v8::Context> context, v8::Local<v8::Object> target);
void RegisterExternalReferences(ExternalReferenceRegistry* registry);
}  // namespace histogram

}  // namespace lode

#endif  // SRC_LODE_HISTOGRAM_H_
