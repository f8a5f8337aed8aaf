// Reads of V8 10.2's heap objects that its API offers no call for, or only
// an out-of-line one: an object's address, its map, the map's instance
// type. Only what v8-internal.h's Internals describes is read here; the
// callers that read further into an object check that layout once against
// the API (src/lode_types.cc, src/lode_typed_array_span.cc).
#ifndef SRC_LODE_V8_LAYOUT_H_
#define SRC_LODE_V8_LAYOUT_H_

#include "v8.h"

namespace lode::v8_layout {

using Address = v8::internal::Address;
using Internals = v8::internal::Internals;

// The tagged address a handle holds (a Smi's bits for a small integer).
inline Address RawOf(v8::Local<v8::Value> value) {
  return *reinterpret_cast<const Address*>(*value);
}

// The map of a heap object (its tagged address).
inline Address MapOf(Address object) {
  return Internals::ReadTaggedPointerField(object,
                                           Internals::kHeapObjectMapOffset);
}

inline int InstanceTypeOfMap(Address map) {
  return Internals::ReadRawField<uint16_t>(map,
                                           Internals::kMapInstanceTypeOffset);
}

inline int InstanceTypeOf(Address object) {
  return InstanceTypeOfMap(MapOf(object));
}

}  // namespace lode::v8_layout

#endif  // SRC_LODE_V8_LAYOUT_H_
