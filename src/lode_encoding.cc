// internalBinding('encoding_binding'): the native halves of TextEncoder and
// TextDecoder. UTF-8 encoding goes through V8's own writer; decoding has
// fast paths for UTF-8, UTF-16LE and windows-1252/latin1, and everything
// else (and streaming) goes through an ICU converter.
#include <unicode/ucnv.h>
#include <unicode/ucnv_cb.h>
#include <unicode/utypes.h>

#include <cstring>
#include <memory>
#include <vector>

#include "env.h"
#include "lode_binding.h"
#include "lode_errors.h"
#include "lode_scratch.h"
#include "lode_string_utf8.h"
#include "util.h"

namespace lode::encoding {

using v8::ArrayBuffer;
using v8::ArrayBufferView;
using v8::BackingStore;
using v8::Context;
using v8::FunctionCallbackInfo;
using v8::Global;
using v8::Isolate;
using v8::Local;
using v8::MaybeLocal;
using v8::NewStringType;
using v8::Object;
using v8::ObjectTemplate;
using v8::String;
using v8::Uint32Array;
using v8::Uint8Array;
using v8::Value;
using v8::WeakCallbackInfo;
using v8::WeakCallbackType;

namespace {

// The bytes of an ArrayBuffer, a view or a SharedArrayBuffer.
struct Bytes {
  const uint8_t* data = nullptr;
  size_t length = 0;
  bool ok = false;
};

Bytes GetBytes(Local<Value> value) {
  Bytes out;
  if (value->IsArrayBufferView()) {
    Local<ArrayBufferView> view = value.As<ArrayBufferView>();
    std::shared_ptr<BackingStore> store = view->Buffer()->GetBackingStore();
    out.data = static_cast<const uint8_t*>(store->Data()) + view->ByteOffset();
    out.length = view->ByteLength();
    out.ok = true;
  } else if (value->IsArrayBuffer()) {
    std::shared_ptr<BackingStore> store =
        value.As<ArrayBuffer>()->GetBackingStore();
    out.data = static_cast<const uint8_t*>(store->Data());
    out.length = store->ByteLength();
    out.ok = true;
  } else if (value->IsSharedArrayBuffer()) {
    std::shared_ptr<BackingStore> store =
        value.As<v8::SharedArrayBuffer>()->GetBackingStore();
    out.data = static_cast<const uint8_t*>(store->Data());
    out.length = store->ByteLength();
    out.ok = true;
  }
  if (out.data == nullptr) out.data = reinterpret_cast<const uint8_t*>("");
  return out;
}

bool CheckBytes(Isolate* isolate, const Bytes& bytes) {
  if (bytes.ok) return true;
  THROW_ERR_INVALID_ARG_TYPE(
      isolate,
      "The \"input\" argument must be an instance of ArrayBuffer or "
      "ArrayBufferView.");
  return false;
}

// encodeUtf8String(string) -> Uint8Array; lone surrogates become U+FFFD.
void EncodeUtf8String(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  if (!args[0]->IsString()) {
    return THROW_ERR_INVALID_ARG_TYPE(isolate,
                                      "The \"input\" argument must be a "
                                      "string.");
  }
  Local<String> str = args[0].As<String>();
  // Counted, then written straight into a store of that size (vector
  // loops for a two-byte string; the result's buffer is exactly its bytes,
  // as in Node).
  size_t length = Utf8LengthOf(isolate, str);
  std::unique_ptr<BackingStore> store =
      ArrayBuffer::NewBackingStore(isolate, length);
  WriteWholeUtf8(isolate, str, static_cast<uint8_t*>(store->Data()), length);
  Local<ArrayBuffer> ab = ArrayBuffer::New(isolate, std::move(store));
  args.GetReturnValue().Set(Uint8Array::New(ab, 0, length));
}

// encodeInto(string, dest Uint8Array, result Uint32Array): writes as many
// whole characters as fit; result[0] = UTF-16 units read, result[1] = bytes
// written.
void EncodeInto(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  if (!args[0]->IsString() || !args[1]->IsUint8Array() ||
      !args[2]->IsUint32Array() || args[2].As<Uint32Array>()->Length() < 2) {
    return THROW_ERR_INVALID_ARG_TYPE(isolate,
                                      "encodeInto: invalid arguments");
  }
  Local<String> str = args[0].As<String>();
  Local<Uint8Array> dest = args[1].As<Uint8Array>();
  Local<Uint32Array> result = args[2].As<Uint32Array>();
  std::shared_ptr<BackingStore> store = dest->Buffer()->GetBackingStore();
  char* data = static_cast<char*>(store->Data()) + dest->ByteOffset();
  size_t capacity = dest->ByteLength();
  int read = 0;
  size_t written = WriteUtf8(isolate, str, reinterpret_cast<uint8_t*>(data),
                             capacity, &read);
  std::shared_ptr<BackingStore> rstore = result->Buffer()->GetBackingStore();
  uint32_t* out = reinterpret_cast<uint32_t*>(
      static_cast<char*>(rstore->Data()) + result->ByteOffset());
  out[0] = static_cast<uint32_t>(read);
  out[1] = static_cast<uint32_t>(written);
}

// The WHATWG UTF-8 decoder's validity check, without decoding.
bool IsValidUtf8(const uint8_t* p, size_t n) {
  size_t i = 0;
  while (i < n) {
    uint8_t c = p[i];
    if (c < 0x80) {
      i++;
      continue;
    }
    size_t need;
    uint8_t lo = 0x80, hi = 0xBF;
    if (c >= 0xC2 && c <= 0xDF) {
      need = 1;
    } else if (c >= 0xE0 && c <= 0xEF) {
      need = 2;
      if (c == 0xE0) lo = 0xA0;
      if (c == 0xED) hi = 0x9F;
    } else if (c >= 0xF0 && c <= 0xF4) {
      need = 3;
      if (c == 0xF0) lo = 0x90;
      if (c == 0xF4) hi = 0x8F;
    } else {
      return false;
    }
    if (i + need >= n) return false;
    if (p[i + 1] < lo || p[i + 1] > hi) return false;
    for (size_t k = 2; k <= need; k++) {
      if (p[i + k] < 0x80 || p[i + k] > 0xBF) return false;
    }
    i += need + 1;
  }
  return true;
}

// decodeUTF8(input, ignoreBOM, fatal) -> string, or undefined when fatal and
// the input is not valid UTF-8. The whole input: no streaming state.
void DecodeUTF8(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Bytes bytes = GetBytes(args[0]);
  if (!CheckBytes(isolate, bytes)) return;
  bool ignore_bom = args[1]->IsTrue();
  bool fatal = args[2]->IsTrue();
  const uint8_t* p = bytes.data;
  size_t n = bytes.length;
  if (fatal && !IsValidUtf8(p, n)) return;
  if (!ignore_bom && n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) {
    p += 3;
    n -= 3;
  }
  if (n > static_cast<size_t>(String::kMaxLength)) {
    return THROW_ERR_STRING_TOO_LONG(
        isolate, "Cannot create a string longer than 0x1fffffe8 characters");
  }
  Local<String> out;
  if (!String::NewFromUtf8(isolate, reinterpret_cast<const char*>(p),
                           NewStringType::kNormal, static_cast<int>(n))
           .ToLocal(&out)) {
    return;
  }
  args.GetReturnValue().Set(out);
}

// decodeUTF16LE(input, ignoreBOM, fatal) -> string or undefined (fatal and
// invalid). Lone surrogates and an odd last byte become U+FFFD.
void DecodeUTF16LE(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Bytes bytes = GetBytes(args[0]);
  if (!CheckBytes(isolate, bytes)) return;
  bool ignore_bom = args[1]->IsTrue();
  bool fatal = args[2]->IsTrue();
  size_t units = bytes.length / 2;
  bool odd = bytes.length % 2 != 0;
  if (fatal && odd) return;
  std::vector<uint16_t> buf;
  buf.reserve(units + 1);
  for (size_t i = 0; i < units; i++) {
    uint16_t u = static_cast<uint16_t>(bytes.data[2 * i] |
                                       (bytes.data[2 * i + 1] << 8));
    if (u >= 0xD800 && u <= 0xDBFF) {
      if (i + 1 < units) {
        uint16_t next = static_cast<uint16_t>(
            bytes.data[2 * i + 2] | (bytes.data[2 * i + 3] << 8));
        if (next >= 0xDC00 && next <= 0xDFFF) {
          buf.push_back(u);
          buf.push_back(next);
          i++;
          continue;
        }
      }
      if (fatal) return;
      buf.push_back(0xFFFD);
    } else if (u >= 0xDC00 && u <= 0xDFFF) {
      if (fatal) return;
      buf.push_back(0xFFFD);
    } else {
      buf.push_back(u);
    }
  }
  if (odd) buf.push_back(0xFFFD);
  size_t start = 0;
  if (!ignore_bom && !buf.empty() && buf[0] == 0xFEFF) start = 1;
  Local<String> out;
  if (!String::NewFromTwoByte(isolate, buf.data() + start,
                              NewStringType::kNormal,
                              static_cast<int>(buf.size() - start))
           .ToLocal(&out)) {
    return;
  }
  args.GetReturnValue().Set(out);
}

// decodeLatin1(input, ignoreBOM, fatal) -> string, Node's binding: each
// byte is the code point of the same value (Node 24 decodes 'windows-1252'
// this way outside of streaming). It never fails, so `fatal` changes
// nothing. With ignoreBOM, a leading 0xFF byte is dropped, as Node 24 does.
void DecodeLatin1(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Bytes bytes = GetBytes(args[0]);
  if (!CheckBytes(isolate, bytes)) return;
  if (args[1]->IsTrue() && bytes.length > 0 && bytes.data[0] == 0xFF) {
    bytes.data++;
    bytes.length--;
  }
  Local<String> out;
  if (!String::NewFromOneByte(isolate, bytes.data, NewStringType::kNormal,
                              static_cast<int>(bytes.length))
           .ToLocal(&out)) {
    return;
  }
  args.GetReturnValue().Set(out);
}

// An ICU converter owned by a JS object; closed when the object is
// collected.
struct Converter {
  UConverter* conv = nullptr;
  bool fatal = false;
  bool gb18030 = false;
  Global<Object> object;
  bool unicode = false;     // UTF-8/UTF-16: strip a leading BOM
  bool ignore_bom = false;
  bool bom_checked = false;  // the first character of the stream was seen

  ~Converter() {
    if (conv != nullptr) ucnv_close(conv);
  }
};

void ConverterGone(const WeakCallbackInfo<Converter>& info) {
  Converter* c = info.GetParameter();
  c->object.Reset();
  delete c;
}

const WrapType kConverterType = {"Converter", nullptr};

Converter* Unwrap(Local<Value> value) {
  return static_cast<Converter*>(GetWrapped(value, &kConverterType));
}

// ICU's to-Unicode error callback: U+FFFD for a bad sequence (ICU's own
// substitution may be U+001A), or a stop when the decoder is fatal. The
// WHATWG gb18030 decoder maps the single byte 0x80 to U+20AC, which ICU's
// converter rejects.
void OnToUnicodeError(const void* context, UConverterToUnicodeArgs* args,
                      const char* code_units, int32_t length,
                      UConverterCallbackReason reason, UErrorCode* err) {
  if (reason > UCNV_IRREGULAR) return;  // reset, close, clone
  const Converter* c = static_cast<const Converter*>(context);
  if (c->gb18030 && length == 1 &&
      static_cast<uint8_t>(code_units[0]) == 0x80) {
    static const UChar kEuro = 0x20AC;
    *err = U_ZERO_ERROR;
    ucnv_cbToUWriteUChars(args, &kEuro, 1, 0, err);
    return;
  }
  if (c->fatal) return;  // *err stays set: the conversion stops
  static const UChar kReplacement = 0xFFFD;
  *err = U_ZERO_ERROR;
  ucnv_cbToUWriteUChars(args, &kReplacement, 1, 0, err);
}

// hasConverter(name) -> whether ICU knows the encoding.
void HasConverter(const FunctionCallbackInfo<Value>& args) {
  Utf8Value name(args.GetIsolate(), args[0]);
  UErrorCode status = U_ZERO_ERROR;
  UConverter* conv = ucnv_open(*name, &status);
  bool ok = U_SUCCESS(status);
  if (conv != nullptr) ucnv_close(conv);
  args.GetReturnValue().Set(ok);
}

// getConverter(name, fatal, ignoreBOM) -> converter object, or undefined.
void GetConverter(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Local<Context> context = isolate->GetCurrentContext();
  Utf8Value name(isolate, args[0]);
  UErrorCode status = U_ZERO_ERROR;
  UConverter* conv = ucnv_open(*name, &status);
  if (U_FAILURE(status)) {
    if (conv != nullptr) ucnv_close(conv);
    return;
  }
  Local<ObjectTemplate> tmpl = ObjectTemplate::New(isolate);
  tmpl->SetInternalFieldCount(kWrapFieldCount);
  Local<Object> obj;
  if (!tmpl->NewInstance(context).ToLocal(&obj)) {
    ucnv_close(conv);
    return;
  }
  Converter* c = new Converter();
  c->conv = conv;
  c->fatal = args[1]->IsTrue();
  c->ignore_bom = args[2]->IsTrue();
  c->gb18030 = strcmp(*name, "gb18030") == 0;
  status = U_ZERO_ERROR;
  ucnv_setToUCallBack(conv, OnToUnicodeError, c, nullptr, nullptr, &status);
  const char* canonical = ucnv_getName(conv, &status);
  if (canonical != nullptr) {
    c->unicode = strncmp(canonical, "UTF-8", 5) == 0 ||
                 strncmp(canonical, "UTF-16", 6) == 0;
  }
  SetWrapped(obj, c, &kConverterType);
  c->object.Reset(isolate, obj);
  c->object.SetWeak(c, ConverterGone, WeakCallbackType::kParameter);
  args.GetReturnValue().Set(obj);
}

// decode(converter, input, flush) -> string, or undefined when the
// converter is fatal and the input is invalid (the converter is then reset).
void Decode(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Converter* c = Unwrap(args[0]);
  if (c == nullptr) {
    return THROW_ERR_INVALID_ARG_TYPE(isolate, "Invalid converter");
  }
  Bytes bytes = GetBytes(args[1]);
  if (!CheckBytes(isolate, bytes)) return;
  bool flush = args[2]->IsTrue();

  std::vector<UChar> out;
  size_t capacity = bytes.length * 2 + 32;
  out.resize(capacity);
  const char* source = reinterpret_cast<const char*>(bytes.data);
  const char* source_limit = source + bytes.length;
  UChar* target = out.data();
  UErrorCode status = U_ZERO_ERROR;
  for (;;) {
    UChar* target_limit = out.data() + out.size();
    ucnv_toUnicode(c->conv, &target, target_limit, &source, source_limit,
                   nullptr, flush, &status);
    if (status != U_BUFFER_OVERFLOW_ERROR) break;
    size_t used = target - out.data();
    out.resize(out.size() * 2);
    target = out.data() + used;
    status = U_ZERO_ERROR;
  }
  size_t length = target - out.data();
  if (U_FAILURE(status)) {
    ucnv_reset(c->conv);
    c->bom_checked = false;
    return;
  }
  size_t start = 0;
  if (c->unicode && !c->bom_checked && length > 0) {
    if (!c->ignore_bom && out[0] == 0xFEFF) start = 1;
    c->bom_checked = true;
  }
  if (flush) {
    ucnv_reset(c->conv);
    c->bom_checked = false;
  }
  Local<String> str;
  if (!String::NewFromTwoByte(isolate,
                              reinterpret_cast<const uint16_t*>(out.data()) +
                                  start,
                              NewStringType::kNormal,
                              static_cast<int>(length - start))
           .ToLocal(&str)) {
    return;
  }
  args.GetReturnValue().Set(str);
}

#define LODE_ENCODING_METHODS(V)            \
  V(encodeUtf8String, EncodeUtf8String)     \
  V(encodeInto, EncodeInto)                 \
  V(decodeUTF8, DecodeUTF8)                 \
  V(decodeUTF16LE, DecodeUTF16LE)           \
  V(decodeLatin1, DecodeLatin1)             \
  V(hasConverter, HasConverter)             \
  V(getConverter, GetConverter)             \
  V(decode, Decode)

void Initialize(Local<Object> target, Local<Value>, Local<Context> context,
                void*) {
#define V(name, fn) SetMethod(context, target, #name, fn);
  LODE_ENCODING_METHODS(V)
#undef V
}

void RegisterExternalReferences(ExternalReferenceRegistry* registry) {
#define V(name, fn) registry->Register(fn);
  LODE_ENCODING_METHODS(V)
#undef V
}

}  // namespace
}  // namespace lode::encoding

LODE_BINDING_CONTEXT_AWARE_INTERNAL(encoding_binding,
                                    lode::encoding::Initialize)
LODE_BINDING_EXTERNAL_REFERENCE(encoding_binding,
                                lode::encoding::RegisterExternalReferences)
