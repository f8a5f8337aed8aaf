// V8 10.2 without pointer compression lays a typed array out as the
// JSObject header (map, properties, elements), then buffer, byte_offset,
// byte_length, a 32-bit bit_field (bit 0: tracks a resizable buffer's
// length, bit 1: backed by a resizable buffer) padded to 8 bytes,
// length, external_pointer and base_pointer. For bytes outside the heap
// base_pointer is Smi zero and external_pointer is the address of the
// first byte; for bytes inside the heap (small arrays made by JS)
// base_pointer is the ByteArray that holds them, which a GC may move, so
// those go to the API (whose Buffer() moves them out of the heap first).
// An ArrayBuffer is the JSObject header, byte_length, max_byte_length,
// backing_store, extension, then its bit_field (bit 2: detached); a view
// keeps its offsets when its buffer is detached, so the buffer's bit is
// read too.
//
// All of this is checked once, on the first call, against what the API
// says of arrays made for the purpose: the instance type typed arrays
// share (DataViews must not have it), each field of two views, the
// detached bit before and after a detach, base_pointer on an array whose
// bytes are in the heap (made by a script: the API makes none), and the
// length-tracking bit where resizable buffers exist. If any of it does not hold, the
// fast path stays off for the life of the process.
#include "lode_typed_array_span.h"

#include <atomic>
#include <mutex>

#include "env.h"
#include "lode_v8_layout.h"

namespace lode {

namespace {

using v8::ArrayBuffer;
using v8::Isolate;
using v8::Local;
using v8::Value;
using I = v8::internal::Internals;
using A = v8::internal::Address;

#ifndef V8_COMPRESS_POINTERS
constexpr int kHeader = I::kJSObjectHeaderSize;
constexpr int kViewBufferOffset = kHeader;
constexpr int kViewByteOffsetOffset = kHeader + 8;
constexpr int kViewByteLengthOffset = kHeader + 16;
constexpr int kViewBitFieldOffset = kHeader + 24;
constexpr int kTypedArrayLengthOffset = kHeader + 32;
constexpr int kTypedArrayExternalOffset = kHeader + 40;
constexpr int kTypedArrayBaseOffset = kHeader + 48;
constexpr int kBufferBitFieldOffset = kHeader + 32;
constexpr uint32_t kViewResizableBits = 3;
constexpr uint32_t kBufferDetachedBit = 4;

enum LayoutState { kUnchecked, kUsable, kUnusable };
std::atomic<int> g_state{kUnchecked};
// The instance type of every typed array (JS_TYPED_ARRAY_TYPE), read from
// a Uint8Array by the check.
int g_typed_array_type = -1;

using v8_layout::InstanceTypeOf;
using v8_layout::RawOf;

// One view's fields against the API's answers.
bool ViewMatches(Local<v8::TypedArray> view, Local<ArrayBuffer> buffer,
                 size_t byte_offset, size_t byte_length, size_t length) {
  A raw = RawOf(view);
  uint8_t* bytes = static_cast<uint8_t*>(buffer->Data());
  return view->ByteOffset() == byte_offset &&
         view->ByteLength() == byte_length && view->Length() == length &&
         I::ReadRawField<A>(raw, kViewBufferOffset) == RawOf(buffer) &&
         I::ReadRawField<size_t>(raw, kViewByteOffsetOffset) == byte_offset &&
         I::ReadRawField<size_t>(raw, kViewByteLengthOffset) == byte_length &&
         (I::ReadRawField<uint32_t>(raw, kViewBitFieldOffset) &
          kViewResizableBits) == 0 &&
         I::ReadRawField<size_t>(raw, kTypedArrayLengthOffset) == length &&
         I::ReadRawField<A>(raw, kTypedArrayExternalOffset) ==
             reinterpret_cast<A>(bytes + byte_offset) &&
         I::ReadRawField<A>(raw, kTypedArrayBaseOffset) == 0;
}

bool LayoutHolds(Isolate* isolate) {
  v8::HandleScope scope(isolate);
  Local<ArrayBuffer> buffer = ArrayBuffer::New(isolate, 64);
  Local<v8::Uint8Array> bytes = v8::Uint8Array::New(buffer, 8, 16);
  Local<v8::Uint16Array> shorts = v8::Uint16Array::New(buffer, 2, 3);
  Local<v8::DataView> data_view = v8::DataView::New(buffer, 4, 8);
  int type = InstanceTypeOf(RawOf(bytes));
  if (type != InstanceTypeOf(RawOf(shorts)) ||
      type == InstanceTypeOf(RawOf(data_view)) ||
      type == InstanceTypeOf(RawOf(buffer))) {
    return false;
  }
  if (!ViewMatches(bytes, buffer, 8, 16, 16) ||
      !ViewMatches(shorts, buffer, 2, 6, 3)) {
    return false;
  }
  Local<ArrayBuffer> detached = ArrayBuffer::New(isolate, 32);
  Local<v8::Uint8Array> orphan = v8::Uint8Array::New(detached, 4, 8);
  if (!ViewMatches(orphan, detached, 4, 8, 8) || !detached->IsDetachable()) {
    return false;
  }
  A detached_raw = RawOf(detached);
  if ((I::ReadRawField<uint32_t>(detached_raw, kBufferBitFieldOffset) &
       kBufferDetachedBit) != 0) {
    return false;
  }
  detached->Detach();
  if ((I::ReadRawField<uint32_t>(detached_raw, kBufferBitFieldOffset) &
       kBufferDetachedBit) == 0 ||
      orphan->ByteLength() != 0) {
    return false;
  }
  // Bytes JS keeps in V8's heap (a small array made by JS) must be told
  // apart by base_pointer, and a view tracking a resizable buffer's length
  // by its bit_field (where such buffers exist: --harmony-rab-gsab).
  // Made with the constructors the bootstrap captured (primordials), never
  // with the program's globals: nothing it put there (a getter on
  // Uint8Array, a replaced ArrayBuffer) may see the probe or change it.
  Local<v8::Context> context = isolate->GetCurrentContext();
  if (context.IsEmpty()) return false;
  Environment* env = Environment::GetCurrent(context);
  if (env == nullptr || env->primordials().IsEmpty()) return false;
  Local<Value> constructors[2];
  const char* names[2] = {"Uint8Array", "ArrayBuffer"};
  for (int i = 0; i < 2; i++) {
    if (!env->primordials()
             ->Get(context, v8::String::NewFromUtf8(isolate, names[i])
                                .ToLocalChecked())
             .ToLocal(&constructors[i]) ||
        !constructors[i]->IsFunction()) {
      return false;
    }
  }
  Local<v8::String> source = v8::String::NewFromUtf8Literal(
      isolate,
      "const b = new ArrayBuffer(8, { maxByteLength: 16 });"
      "return [new Uint8Array(4),"
      "        b.resizable === true ? new Uint8Array(b) : undefined];");
  Local<v8::String> params[] = {
      v8::String::NewFromUtf8Literal(isolate, "Uint8Array"),
      v8::String::NewFromUtf8Literal(isolate, "ArrayBuffer")};
  v8::TryCatch try_catch(isolate);
  v8::ScriptCompiler::Source script_source(source);
  Local<v8::Function> probe;
  Local<Value> made;
  if (!v8::ScriptCompiler::CompileFunction(context, &script_source, 2, params)
           .ToLocal(&probe) ||
      !probe->Call(context, v8::Undefined(isolate), 2, constructors)
           .ToLocal(&made) ||
      !made->IsArray()) {
    return false;
  }
  Local<v8::Array> pair = made.As<v8::Array>();
  Local<Value> in_heap;
  Local<Value> tracking;
  if (!pair->Get(context, 0).ToLocal(&in_heap) ||
      !pair->Get(context, 1).ToLocal(&tracking) ||
      !in_heap->IsUint8Array()) {
    return false;
  }
  A in_heap_raw = RawOf(in_heap);
  if (InstanceTypeOf(in_heap_raw) != type ||
      in_heap.As<v8::Uint8Array>()->HasBuffer() ||
      I::ReadRawField<A>(in_heap_raw, kTypedArrayBaseOffset) == 0 ||
      !I::HasHeapObjectTag(
          I::ReadRawField<A>(in_heap_raw, kTypedArrayBaseOffset))) {
    return false;
  }
  if (!tracking->IsUndefined() &&
      (!tracking->IsUint8Array() ||
       (I::ReadRawField<uint32_t>(RawOf(tracking), kViewBitFieldOffset) &
        kViewResizableBits) == 0)) {
    return false;
  }
  g_typed_array_type = type;
  return true;
}

[[gnu::noinline]] bool CheckLayout() {
  static std::mutex mutex;
  std::lock_guard<std::mutex> lock(mutex);
  if (g_state.load(std::memory_order_acquire) == kUnchecked) {
    Isolate* isolate = Isolate::GetCurrent();
    bool holds = isolate != nullptr && LayoutHolds(isolate);
    g_state.store(holds ? kUsable : kUnusable,
                  std::memory_order_release);
  }
  return g_state.load(std::memory_order_relaxed) == kUsable;
}
#endif  // V8_COMPRESS_POINTERS

}  // namespace

bool ReadTypedArraySpan(Local<Value> value, uint8_t** data, size_t* length) {
#ifdef V8_COMPRESS_POINTERS
  return false;
#else
  int state = g_state.load(std::memory_order_acquire);
  if (state != kUsable) [[unlikely]] {
    if (state == kUnusable || !CheckLayout()) return false;
  }
  A raw = RawOf(value);
  if (!I::HasHeapObjectTag(raw) || InstanceTypeOf(raw) != g_typed_array_type) {
    return false;
  }
  if (I::ReadRawField<A>(raw, kTypedArrayBaseOffset) != 0 ||
      (I::ReadRawField<uint32_t>(raw, kViewBitFieldOffset) &
       kViewResizableBits) != 0) {
    return false;
  }
  A buffer = I::ReadRawField<A>(raw, kViewBufferOffset);
  if ((I::ReadRawField<uint32_t>(buffer, kBufferBitFieldOffset) &
       kBufferDetachedBit) != 0) {
    return false;
  }
  *length = I::ReadRawField<size_t>(raw, kViewByteLengthOffset);
  *data = reinterpret_cast<uint8_t*>(
      I::ReadRawField<A>(raw, kTypedArrayExternalOffset));
  return true;
#endif
}

}  // namespace lode
