// The histogram itself, and the two JS handle classes around it that
// internalBinding('performance') exports: Histogram (createHistogram()) and
// ELDHistogram (monitorEventLoopDelay(): a uv timer that records the time
// between its ticks). lib/internal/histogram.js validates the arguments.
#include "lode_histogram.h"

#include <cstdlib>
#include <cstring>
#include <limits>
#include <unordered_set>

#include "env.h"
#include "lode_binding.h"
#include "lode_errors.h"

namespace lode {

using v8::BigInt;
using v8::Context;
using v8::FunctionCallbackInfo;
using v8::FunctionTemplate;
using v8::Isolate;
using v8::Local;
using v8::Number;
using v8::Object;
using v8::Value;

namespace {

constexpr int64_t kInt64Max = std::numeric_limits<int64_t>::max();

int32_t FloorLog2(uint64_t v) { return 63 - __builtin_clzll(v); }

// log2 of the number of slots in half of a bucket: every value up to
// 2 * 10^figures (times the unit) must get a slot of its own, so a bucket
// has the next power of two of slots.
int32_t HalfCountMagnitude(int figures) {
  int64_t exact_limit = 2;
  for (int i = 0; i < figures; i++) exact_limit *= 10;
  int32_t magnitude = FloorLog2(static_cast<uint64_t>(exact_limit));
  if ((int64_t{1} << magnitude) < exact_limit) magnitude++;
  return (magnitude > 1 ? magnitude : 1) - 1;
}

}  // namespace

// --- The histogram. ----------------------------------------------------------

bool Histogram::ValidRange(int64_t lowest, int64_t highest, int figures) {
  if (lowest < 1 || figures < 1 || figures > 5) return false;
  if (lowest > highest / 2) return false;
  // The slot of the lowest value times the slots of a bucket must leave
  // room in an int64 for the buckets that double it.
  return FloorLog2(static_cast<uint64_t>(lowest)) +
             HalfCountMagnitude(figures) <= 61;
}

Histogram::Histogram(int64_t lowest, int64_t highest, int figures)
    : highest_(highest) {
  half_count_magnitude_ = HalfCountMagnitude(figures);
  unit_magnitude_ = FloorLog2(static_cast<uint64_t>(lowest));
  int32_t slot_count = int32_t{1} << (half_count_magnitude_ + 1);
  half_count_ = slot_count / 2;
  slot_mask_ = (static_cast<int64_t>(slot_count) - 1) << unit_magnitude_;
  // Each further bucket doubles the range and reuses the upper half of the
  // slots; count the buckets up to `highest`.
  int64_t first_untracked = static_cast<int64_t>(slot_count) << unit_magnitude_;
  int32_t buckets = 1;
  while (first_untracked <= highest) {
    if (first_untracked > kInt64Max / 2) {
      buckets++;
      break;
    }
    first_untracked <<= 1;
    buckets++;
  }
  counts_len_ = (buckets + 1) * half_count_;
  // calloc: the pages of a large table stay untouched until used.
  counts_ = static_cast<int64_t*>(calloc(counts_len_, sizeof(int64_t)));
  CHECK_NE(counts_, nullptr);
  min_value_ = kInt64Max;
}

Histogram::~Histogram() { free(counts_); }

int32_t Histogram::BucketOf(int64_t value) const {
  int32_t bits =
      64 - __builtin_clzll(static_cast<uint64_t>(value | slot_mask_));
  return bits - unit_magnitude_ - (half_count_magnitude_ + 1);
}

int32_t Histogram::IndexOf(int64_t value) const {
  int32_t bucket = BucketOf(value);
  int32_t slot = static_cast<int32_t>(value >> (bucket + unit_magnitude_));
  return ((bucket + 1) << half_count_magnitude_) + (slot - half_count_);
}

int64_t Histogram::ValueAtIndex(int32_t index) const {
  int32_t bucket = (index >> half_count_magnitude_) - 1;
  int32_t slot = (index & (half_count_ - 1)) + half_count_;
  if (bucket < 0) {
    slot -= half_count_;
    bucket = 0;
  }
  return static_cast<int64_t>(slot) << (bucket + unit_magnitude_);
}

int64_t Histogram::SlotSize(int64_t value) const {
  int32_t bucket = BucketOf(value);
  int64_t slot = value >> (bucket + unit_magnitude_);
  if (slot >= 2 * half_count_) bucket++;
  return int64_t{1} << (unit_magnitude_ + bucket);
}

int64_t Histogram::LowestEquivalent(int64_t value) const {
  int32_t bucket = BucketOf(value);
  int64_t slot = value >> (bucket + unit_magnitude_);
  return slot << (bucket + unit_magnitude_);
}

bool Histogram::AddCount(int64_t value, int64_t n) {
  if (value < 0 || value > highest_) return false;
  int32_t index = IndexOf(value);
  if (index < 0 || index >= counts_len_) return false;
  counts_[index] += n;
  total_ += n;
  if (value != 0 && value < min_value_) min_value_ = value;
  if (value > max_value_) max_value_ = value;
  return true;
}

bool Histogram::Record(int64_t value) {
  if (AddCount(value, 1)) {
    count_++;
    return true;
  }
  exceeds_++;
  return false;
}

int64_t Histogram::RecordDelta() {
  uint64_t now = uv_hrtime();
  int64_t delta = 0;
  if (prev_ > 0 && now >= prev_) {
    delta = static_cast<int64_t>(now - prev_);
    Record(delta);
  }
  prev_ = now;
  return delta;
}

void Histogram::Add(const Histogram& other) {
  count_ += other.count_;
  exceeds_ += other.exceeds_;
  if (other.prev_ > prev_) prev_ = other.prev_;
  int64_t seen = 0;
  for (int32_t i = 0; i < other.counts_len_ && seen < other.total_; i++) {
    int64_t n = other.counts_[i];
    if (n == 0) continue;
    seen += n;
    AddCount(other.ValueAtIndex(i), n);
  }
}

void Histogram::Reset() {
  memset(counts_, 0, sizeof(int64_t) * counts_len_);
  total_ = 0;
  min_value_ = kInt64Max;
  max_value_ = 0;
  count_ = 0;
  exceeds_ = 0;
  prev_ = 0;
}

int64_t Histogram::Min() const {
  if (counts_[0] > 0) return 0;
  if (min_value_ == kInt64Max) return kInt64Max;
  return LowestEquivalent(min_value_);
}

int64_t Histogram::Max() const {
  if (max_value_ == 0) return 0;
  return HighestEquivalent(max_value_);
}

double Histogram::Mean() const {
  // Each slot counts as the middle of its range; the sum wraps as an
  // int64 would.
  uint64_t sum = 0;
  int64_t seen = 0;
  for (int32_t i = 0; i < counts_len_ && seen < total_; i++) {
    int64_t n = counts_[i];
    if (n == 0) continue;
    seen += n;
    sum += static_cast<uint64_t>(n) *
           static_cast<uint64_t>(MedianEquivalent(ValueAtIndex(i)));
  }
  return static_cast<double>(static_cast<int64_t>(sum)) /
         static_cast<double>(total_);
}

double Histogram::Stddev() const {
  double mean = Mean();
  double sum = 0;
  int64_t seen = 0;
  for (int32_t i = 0; i < counts_len_ && seen < total_; i++) {
    int64_t n = counts_[i];
    if (n == 0) continue;
    seen += n;
    double dev =
        static_cast<double>(MedianEquivalent(ValueAtIndex(i))) - mean;
    sum += dev * dev * static_cast<double>(n);
  }
  return std::sqrt(sum / static_cast<double>(total_));
}

int64_t Histogram::ValueAtPercentile(double percentile) const {
  double requested = percentile < 100 ? percentile : 100;
  int64_t wanted = static_cast<int64_t>(
      requested / 100 * static_cast<double>(total_) + 0.5);
  if (wanted < 1) wanted = 1;
  int64_t running = 0;
  for (int32_t i = 0; i < counts_len_; i++) {
    running += counts_[i];
    if (running >= wanted) return HighestEquivalent(ValueAtIndex(i));
  }
  // Nothing recorded: the top of the first slot.
  return HighestEquivalent(0);
}

// --- The JS handles. ---------------------------------------------------------

namespace histogram {
namespace {

const WrapType kHistogramType = {"Histogram", nullptr};
const WrapType kIntervalType = {"ELDHistogram", &kHistogramType};

// The C++ side of a Histogram handle. Collected with its JS object.
class HistogramHandle {
 public:
  HistogramHandle(Environment* env, Local<Object> object, int64_t lowest,
                  int64_t highest, int figures, const WrapType* type)
      : env_(env), histogram_(lowest, highest, figures) {
    object_.Reset(env->isolate(), object);
    object_.SetWeak(this, OnGC, v8::WeakCallbackType::kParameter);
    SetWrapped(object, this, type);
    env->isolate()->AdjustAmountOfExternalAllocatedMemory(
        static_cast<int64_t>(histogram_.memory_size()));
  }
  virtual ~HistogramHandle() {
    env_->isolate()->AdjustAmountOfExternalAllocatedMemory(
        -static_cast<int64_t>(histogram_.memory_size()));
  }
  LODE_DISALLOW_COPY(HistogramHandle);

  Histogram* histogram() { return &histogram_; }
  Environment* env() const { return env_; }

  // The receiver's handle (V8's signature has checked its kind).
  static HistogramHandle* From(const FunctionCallbackInfo<Value>& args) {
    return static_cast<HistogramHandle*>(
        GetWrapped(args.This(), &kHistogramType));
  }

 protected:
  // By default the object is gone and so is the histogram; an interval
  // histogram first closes its timer.
  virtual void Collect() { delete this; }
  v8::Global<Object> object_;

 private:
  static void OnGC(const v8::WeakCallbackInfo<HistogramHandle>& info) {
    HistogramHandle* self = info.GetParameter();
    self->object_.Reset();
    self->Collect();
  }

  Environment* env_;
  Histogram histogram_;
};

class IntervalHistogram;

// The interval histograms still open, closed at teardown.
class IntervalSet : public BindingData {
 public:
  std::unordered_set<IntervalHistogram*> open;
};

IntervalSet* GetIntervalSet(Environment* env);

// monitorEventLoopDelay(): an unref'ed uv timer that records the time
// between two of its ticks; a busy loop makes that longer than the
// resolution.
class IntervalHistogram : public HistogramHandle {
 public:
  IntervalHistogram(Environment* env, Local<Object> object, uint64_t interval)
      : HistogramHandle(env, object, 1, kInt64Max, 3, &kIntervalType),
        interval_(interval) {
    CHECK_EQ(uv_timer_init(env->loop(), &timer_), 0);
    timer_.data = this;
    uv_unref(reinterpret_cast<uv_handle_t*>(&timer_));
    GetIntervalSet(env)->open.insert(this);
  }

  void Start() {
    if (enabled_ || closing_) return;
    enabled_ = true;
    // As in Node, the first tick after a re-enable measures from the last
    // tick before the disable.
    uv_timer_start(&timer_, OnTimer, interval_, interval_);
  }

  void Stop() {
    if (!enabled_ || closing_) return;
    enabled_ = false;
    uv_timer_stop(&timer_);
  }

  // Closes the timer; the close callback frees everything.
  void Close() {
    if (closing_) return;
    closing_ = true;
    GetIntervalSet(env())->open.erase(this);
    uv_close(reinterpret_cast<uv_handle_t*>(&timer_), OnClose);
  }

 protected:
  void Collect() override { Close(); }

 private:
  static void OnTimer(uv_timer_t* timer) {
    static_cast<IntervalHistogram*>(timer->data)->histogram()->RecordDelta();
  }
  static void OnClose(uv_handle_t* handle) {
    IntervalHistogram* self = static_cast<IntervalHistogram*>(handle->data);
    if (!self->object_.IsEmpty()) {
      // Closed at teardown while the object lived: it keeps no pointer.
      v8::HandleScope scope(self->env()->isolate());
      ClearWrapped(self->object_.Get(self->env()->isolate()));
    }
    delete self;
  }

  uv_timer_t timer_;
  uint64_t interval_;
  bool enabled_ = false;
  bool closing_ = false;
};

IntervalSet* GetIntervalSet(Environment* env) {
  IntervalSet* set = env->GetBindingData<IntervalSet>("eld_histograms");
  if (set != nullptr) return set;
  set = env->SetBindingData("eld_histograms", std::make_unique<IntervalSet>());
  env->AddCleanupHook([env]() {
    IntervalSet* s = env->GetBindingData<IntervalSet>("eld_histograms");
    std::vector<IntervalHistogram*> open(s->open.begin(), s->open.end());
    for (IntervalHistogram* h : open) h->Close();
  });
  return set;
}

// An int64 from a Number or a BigInt argument (validated in JS).
int64_t ToInt64(Local<Value> value) {
  if (value->IsBigInt()) return value.As<BigInt>()->Int64Value();
  if (value->IsNumber()) {
    double d = value.As<Number>()->Value();
    if (d >= 9.2233720368547758e18) return kInt64Max;
    return static_cast<int64_t>(d);
  }
  return 0;
}

// new Histogram(lowest, highest, figures)
void NewHistogram(const FunctionCallbackInfo<Value>& args) {
  Environment* env = Environment::GetCurrent(args);
  if (!args.IsConstructCall()) return;
  int64_t lowest = ToInt64(args[0]);
  int64_t highest = ToInt64(args[1]);
  int figures = args[2]->IsInt32() ? args[2].As<v8::Int32>()->Value() : 0;
  if (!Histogram::ValidRange(lowest, highest, figures)) {
    return THROW_ERR_OUT_OF_RANGE(env->isolate(),
                                  "The histogram range is invalid");
  }
  new HistogramHandle(env, args.This(), lowest, highest, figures,
                      &kHistogramType);
}

// new ELDHistogram(resolutionMs): a safe integer >= 1 (checked in JS).
void NewInterval(const FunctionCallbackInfo<Value>& args) {
  Environment* env = Environment::GetCurrent(args);
  if (!args.IsConstructCall()) return;
  CHECK(args[0]->IsNumber());
  double interval = args[0].As<Number>()->Value();
  CHECK_GE(interval, 1);
  new IntervalHistogram(env, args.This(), static_cast<uint64_t>(interval));
}

void SetNumber(const FunctionCallbackInfo<Value>& args, double value) {
  args.GetReturnValue().Set(value);
}

void SetBigInt(const FunctionCallbackInfo<Value>& args, int64_t value) {
  args.GetReturnValue().Set(BigInt::New(args.GetIsolate(), value));
}

void SetBigIntUnsigned(const FunctionCallbackInfo<Value>& args,
                       uint64_t value) {
  args.GetReturnValue().Set(BigInt::NewFromUnsigned(args.GetIsolate(), value));
}

#define HISTOGRAM_GETTER(Name, expr, setter)                         \
  void Name(const FunctionCallbackInfo<Value>& args) {               \
    HistogramHandle* handle = HistogramHandle::From(args);           \
    if (handle == nullptr) return;                                   \
    Histogram* h = handle->histogram();                              \
    setter(args, expr);                                              \
  }
HISTOGRAM_GETTER(GetCount, static_cast<double>(h->count()), SetNumber)
HISTOGRAM_GETTER(GetCountBigInt, h->count(), SetBigIntUnsigned)
HISTOGRAM_GETTER(GetMin, static_cast<double>(h->Min()), SetNumber)
HISTOGRAM_GETTER(GetMinBigInt, h->Min(), SetBigInt)
HISTOGRAM_GETTER(GetMax, static_cast<double>(h->Max()), SetNumber)
HISTOGRAM_GETTER(GetMaxBigInt, h->Max(), SetBigInt)
HISTOGRAM_GETTER(GetExceeds, static_cast<double>(h->exceeds()), SetNumber)
HISTOGRAM_GETTER(GetExceedsBigInt, h->exceeds(), SetBigIntUnsigned)
HISTOGRAM_GETTER(GetMean, h->Mean(), SetNumber)
HISTOGRAM_GETTER(GetStddev, h->Stddev(), SetNumber)
#undef HISTOGRAM_GETTER

void GetPercentile(const FunctionCallbackInfo<Value>& args) {
  HistogramHandle* handle = HistogramHandle::From(args);
  if (handle == nullptr) return;
  CHECK(args[0]->IsNumber());
  double p = args[0].As<Number>()->Value();
  args.GetReturnValue().Set(
      static_cast<double>(handle->histogram()->ValueAtPercentile(p)));
}

void GetPercentileBigInt(const FunctionCallbackInfo<Value>& args) {
  HistogramHandle* handle = HistogramHandle::From(args);
  if (handle == nullptr) return;
  CHECK(args[0]->IsNumber());
  double p = args[0].As<Number>()->Value();
  SetBigInt(args, handle->histogram()->ValueAtPercentile(p));
}

// percentiles(map): fills the Map the caller owns.
template <bool kBigInt>
void GetPercentiles(const FunctionCallbackInfo<Value>& args) {
  HistogramHandle* handle = HistogramHandle::From(args);
  if (handle == nullptr) return;
  CHECK(args[0]->IsMap());
  Isolate* isolate = args.GetIsolate();
  Local<Context> context = isolate->GetCurrentContext();
  Local<v8::Map> map = args[0].As<v8::Map>();
  bool ok = true;
  handle->histogram()->ForEachPercentile([&](double key, int64_t value) {
    if (!ok) return;
    Local<Value> v = kBigInt ? BigInt::New(isolate, value).As<Value>()
                             : Number::New(isolate, static_cast<double>(value))
                                   .As<Value>();
    ok = !map->Set(context, Number::New(isolate, key), v).IsEmpty();
  });
}

void Reset(const FunctionCallbackInfo<Value>& args) {
  HistogramHandle* handle = HistogramHandle::From(args);
  if (handle != nullptr) handle->histogram()->Reset();
}

// record(value): a safe integer >= 1, or a BigInt (checked here).
void Record(const FunctionCallbackInfo<Value>& args) {
  HistogramHandle* handle = HistogramHandle::From(args);
  if (handle == nullptr) return;
  int64_t value;
  if (args[0]->IsBigInt()) {
    bool lossless;
    value = args[0].As<BigInt>()->Int64Value(&lossless);
    if (!lossless || value < 1) {
      return THROW_ERR_OUT_OF_RANGE(args.GetIsolate(), "value is out of range");
    }
  } else {
    CHECK(args[0]->IsNumber());
    value = static_cast<int64_t>(args[0].As<Number>()->Value());
  }
  handle->histogram()->Record(value);
}

void RecordDelta(const FunctionCallbackInfo<Value>& args) {
  HistogramHandle* handle = HistogramHandle::From(args);
  if (handle != nullptr) handle->histogram()->RecordDelta();
}

// add(other): `other` is checked to be a histogram handle in JS; here too.
void Add(const FunctionCallbackInfo<Value>& args) {
  HistogramHandle* handle = HistogramHandle::From(args);
  HistogramHandle* other =
      static_cast<HistogramHandle*>(GetWrapped(args[0], &kHistogramType));
  if (handle == nullptr || other == nullptr) {
    return THROW_ERR_INVALID_ARG_TYPE(
        args.GetIsolate(),
        "The \"other\" argument must be an instance of RecordableHistogram");
  }
  handle->histogram()->Add(*other->histogram());
}

void Start(const FunctionCallbackInfo<Value>& args) {
  auto* handle = static_cast<IntervalHistogram*>(
      GetWrapped(args.This(), &kIntervalType));
  if (handle != nullptr) handle->Start();
}

void Stop(const FunctionCallbackInfo<Value>& args) {
  auto* handle = static_cast<IntervalHistogram*>(
      GetWrapped(args.This(), &kIntervalType));
  if (handle != nullptr) handle->Stop();
}

}  // namespace

void Initialize(Local<Context> context, Local<Object> target) {
  Isolate* isolate = context->GetIsolate();
  Local<FunctionTemplate> t = NewFunctionTemplate(isolate, NewHistogram);
  t->InstanceTemplate()->SetInternalFieldCount(kWrapFieldCount);
  SetProtoMethod(isolate, t, "count", GetCount);
  SetProtoMethod(isolate, t, "countBigInt", GetCountBigInt);
  SetProtoMethod(isolate, t, "min", GetMin);
  SetProtoMethod(isolate, t, "minBigInt", GetMinBigInt);
  SetProtoMethod(isolate, t, "max", GetMax);
  SetProtoMethod(isolate, t, "maxBigInt", GetMaxBigInt);
  SetProtoMethod(isolate, t, "exceeds", GetExceeds);
  SetProtoMethod(isolate, t, "exceedsBigInt", GetExceedsBigInt);
  SetProtoMethod(isolate, t, "mean", GetMean);
  SetProtoMethod(isolate, t, "stddev", GetStddev);
  SetProtoMethod(isolate, t, "percentile", GetPercentile);
  SetProtoMethod(isolate, t, "percentileBigInt", GetPercentileBigInt);
  SetProtoMethod(isolate, t, "percentiles", GetPercentiles<false>);
  SetProtoMethod(isolate, t, "percentilesBigInt", GetPercentiles<true>);
  SetProtoMethod(isolate, t, "reset", Reset);
  SetProtoMethod(isolate, t, "record", Record);
  SetProtoMethod(isolate, t, "recordDelta", RecordDelta);
  SetProtoMethod(isolate, t, "add", Add);
  SetConstructorFunction(context, target, "Histogram", t);

  Local<FunctionTemplate> eld = NewFunctionTemplate(isolate, NewInterval);
  eld->Inherit(t);
  eld->InstanceTemplate()->SetInternalFieldCount(kWrapFieldCount);
  SetProtoMethod(isolate, eld, "start", Start);
  SetProtoMethod(isolate, eld, "stop", Stop);
  SetConstructorFunction(context, target, "ELDHistogram", eld);
}

void RegisterExternalReferences(ExternalReferenceRegistry* registry) {
  registry->Register(NewHistogram);
  registry->Register(NewInterval);
  registry->Register(GetCount);
  registry->Register(GetCountBigInt);
  registry->Register(GetMin);
  registry->Register(GetMinBigInt);
  registry->Register(GetMax);
  registry->Register(GetMaxBigInt);
  registry->Register(GetExceeds);
  registry->Register(GetExceedsBigInt);
  registry->Register(GetMean);
  registry->Register(GetStddev);
  registry->Register(GetPercentile);
  registry->Register(GetPercentileBigInt);
  registry->Register(GetPercentiles<false>);
  registry->Register(GetPercentiles<true>);
  registry->Register(Reset);
  registry->Register(Record);
  registry->Register(RecordDelta);
  registry->Register(Add);
  registry->Register(Start);
  registry->Register(Stop);
}

}  // namespace histogram
}  // namespace lode
