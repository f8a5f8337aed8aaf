// The bytes of a typed array read from V8's object layout. The API asks
// for four calls into the V8 library (Buffer(), which also makes a handle,
// Data(), ByteOffset(), ByteLength()): about a fifth of the time of a small
// buf.toString() or Buffer.from(). The layout is not part of V8's API, so
// it is checked once against the API's answers (see the .cc file), and
// anything it does not cover goes to the API.
#ifndef SRC_LODE_TYPED_ARRAY_SPAN_H_
#define SRC_LODE_TYPED_ARRAY_SPAN_H_

#include <cstddef>
#include <cstdint>

#include "v8.h"

namespace lode {

// True, with `*data` and `*length` what Buffer()->Data() + ByteOffset()
// and ByteLength() would give, when `value` is a typed array (not a
// DataView) whose bytes live outside V8's heap (so they do not move in a
// GC), whose buffer is not detached and which does not track the length of
// a resizable buffer. False, and nothing set, for anything else, and always
// when the layout check failed: the caller then asks the API.
// The first call checks the layout in the current isolate.
bool ReadTypedArraySpan(v8::Local<v8::Value> value, uint8_t** data,
                        size_t* length);

}  // namespace lode

#endif  // SRC_LODE_TYPED_ARRAY_SPAN_H_
