// Small helpers shared by every binding: string conversion, property
// setting, checks that abort with a message instead of undefined behaviour.
#ifndef SRC_UTIL_H_
#define SRC_UTIL_H_

#include <sys/socket.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "v8.h"

namespace lode {

[[noreturn]] void Abort(const char* file, int line, const char* expr);

// CHECK is for invariants of lode itself; user input never reaches one
// without having been validated (rule: validate in JS, check in C++).
#define CHECK(expr)                                             \
  do {                                                          \
    if (__builtin_expect(!(expr), 0))                           \
      ::lode::Abort(__FILE__, __LINE__, #expr);                 \
  } while (0)
#define CHECK_EQ(a, b) CHECK((a) == (b))
#define CHECK_NE(a, b) CHECK((a) != (b))
#define CHECK_GE(a, b) CHECK((a) >= (b))
#define CHECK_LE(a, b) CHECK((a) <= (b))
#define CHECK_LT(a, b) CHECK((a) < (b))
#define CHECK_GT(a, b) CHECK((a) > (b))
#define UNREACHABLE() ::lode::Abort(__FILE__, __LINE__, "unreachable")

#define LODE_DISALLOW_COPY(T) \
  T(const T&) = delete;       \
  T& operator=(const T&) = delete

template <typename T, size_t N>
constexpr size_t arraysize(const T (&)[N]) { return N; }

// One-byte string from a literal, internalized: for property names.
template <int N>
inline v8::Local<v8::String> FIXED_ONE_BYTE_STRING(v8::Isolate* isolate,
                                                   const char (&data)[N]) {
  return v8::String::NewFromOneByte(
             isolate, reinterpret_cast<const uint8_t*>(data),
             v8::NewStringType::kInternalized, N - 1)
      .ToLocalChecked();
}

inline v8::Local<v8::String> OneByteString(v8::Isolate* isolate,
                                           const char* data, int length = -1) {
  return v8::String::NewFromOneByte(isolate,
                                    reinterpret_cast<const uint8_t*>(data),
                                    v8::NewStringType::kNormal, length)
      .ToLocalChecked();
}

// UTF-8 to a JS string. Returns an empty handle only when the string is
// longer than V8 allows; callers that can meet such input check it.
inline v8::MaybeLocal<v8::String> ToV8String(v8::Isolate* isolate,
                                             std::string_view s) {
  return v8::String::NewFromUtf8(isolate, s.data(), v8::NewStringType::kNormal,
                                 static_cast<int>(s.size()));
}

inline v8::Local<v8::String> Utf8String(v8::Isolate* isolate,
                                        std::string_view s) {
  v8::Local<v8::String> str;
  if (!ToV8String(isolate, s).ToLocal(&str)) return v8::String::Empty(isolate);
  return str;
}

// A JS value as UTF-8, for the duration of a call.
class Utf8Value {
 public:
  Utf8Value(v8::Isolate* isolate, v8::Local<v8::Value> value);
  const char* operator*() const { return data_.c_str(); }
  const char* c_str() const { return data_.c_str(); }
  size_t length() const { return data_.size(); }
  std::string ToString() const { return data_; }
  std::string_view view() const { return data_; }

 private:
  std::string data_;
};

// A JS string as UTF-16 / Latin-1 for encodings.
class TwoByteValue {
 public:
  TwoByteValue(v8::Isolate* isolate, v8::Local<v8::Value> value);
  const uint16_t* data() const { return data_.data(); }
  size_t length() const { return data_.size(); }

 private:
  std::vector<uint16_t> data_;
};

void SetMethod(v8::Local<v8::Context> context, v8::Local<v8::Object> target,
               const char* name, v8::FunctionCallback callback);
// The same, for functions that have no side effects (so V8's side-effect-free
// evaluation, used by REPL previews, may call them).
void SetMethodNoSideEffect(v8::Local<v8::Context> context,
                           v8::Local<v8::Object> target, const char* name,
                           v8::FunctionCallback callback);
void SetProtoMethod(v8::Isolate* isolate, v8::Local<v8::FunctionTemplate> t,
                    const char* name, v8::FunctionCallback callback);
v8::Local<v8::FunctionTemplate> NewFunctionTemplate(
    v8::Isolate* isolate, v8::FunctionCallback callback,
    v8::ConstructorBehavior behavior = v8::ConstructorBehavior::kAllow);
void SetConstructorFunction(v8::Local<v8::Context> context,
                            v8::Local<v8::Object> target, const char* name,
                            v8::Local<v8::FunctionTemplate> tmpl);

void SetValue(v8::Local<v8::Context> context, v8::Local<v8::Object> target,
              const char* name, v8::Local<v8::Value> value);
inline void SetConstant(v8::Local<v8::Context> context,
                        v8::Local<v8::Object> target, const char* name,
                        double value) {
  SetValue(context, target, name,
           v8::Number::New(context->GetIsolate(), value));
}
void SetString(v8::Local<v8::Context> context, v8::Local<v8::Object> target,
               const char* name, std::string_view value);

// Objects that carry a C++ pointer have two internal fields: the pointer and
// the WrapType of what it points to. A function that takes such an object as
// an argument (not as its receiver, which V8's signatures check) refuses one
// of another kind instead of reinterpreting its pointer.
struct WrapType {
  const char* name;
  const WrapType* parent;  // the base kind, or nullptr
};
constexpr int kWrapPointerField = 0;
constexpr int kWrapTypeField = 1;
constexpr int kWrapFieldCount = 2;

inline void SetWrapped(v8::Local<v8::Object> object, void* pointer,
                       const WrapType* type) {
  object->SetAlignedPointerInInternalField(kWrapPointerField, pointer);
  object->SetAlignedPointerInInternalField(kWrapTypeField,
                                           const_cast<WrapType*>(type));
}

inline void ClearWrapped(v8::Local<v8::Object> object) {
  object->SetAlignedPointerInInternalField(kWrapPointerField, nullptr);
}

// The pointer of `value` when it wraps a `type` (or a kind derived from
// it), else nullptr.
inline void* GetWrapped(v8::Local<v8::Value> value, const WrapType* type) {
  if (!value->IsObject()) return nullptr;
  v8::Local<v8::Object> object = value.As<v8::Object>();
  if (object->InternalFieldCount() < kWrapFieldCount) return nullptr;
  // A field never set holds undefined; a set one holds an aligned pointer
  // (which V8 reads as a small integer).
  if (object->GetInternalField(kWrapTypeField)->IsUndefined()) return nullptr;
  const WrapType* actual = static_cast<const WrapType*>(
      object->GetAlignedPointerFromInternalField(kWrapTypeField));
  for (; actual != nullptr; actual = actual->parent) {
    if (actual == type) {
      return object->GetAlignedPointerFromInternalField(kWrapPointerField);
    }
  }
  return nullptr;
}

// Reads a whole file; returns a uv error code (0 on success).
int ReadFileSync(std::string* result, const char* path);

// mkdir -p of `path` (mode 0777 before the umask), synchronously: 0, or the
// uv error of the first folder that could not be made (UV_ENOTDIR when a
// prefix is a file). For the runtime's own output folders (compile cache,
// profiles, coverage), not for fs.mkdir, which reports the first folder made.
int MakeDirectories(const std::string& path);

// Whether a comma-separated list of categories (NODE_DEBUG_NATIVE's value)
// names `category`, in any case.
bool ListHasCategory(const std::string& list, const char* category);

// Sets address, family ('IPv4' | 'IPv6') and port of `addr` on `out` (Node's
// address objects: sockname, peername, a datagram's rinfo). False, with an
// exception pending, when `out` refuses a property (a Proxy, a frozen
// object).
bool SockaddrToJS(v8::Isolate* isolate, const sockaddr* addr,
                  v8::Local<v8::Object> out);

}  // namespace lode

#endif  // SRC_UTIL_H_
