// Errors C++ throws: Node's UVException format and properties.
#include <catch2/catch.hpp>

#include "lode_errors.h"
#include "test_v8_fixture.h"
#include "util.h"
#include "uv.h"

using v8::Local;
using v8::Object;
using v8::Value;

namespace {

std::string Get(V8Fixture& f, Local<Value> obj, const char* key) {
  Local<Value> v = obj.As<Object>()
                       ->Get(f.context(), lode::OneByteString(f.isolate(), key))
                       .ToLocalChecked();
  return lode::Utf8Value(f.isolate(), v).ToString();
}

}  // namespace

TEST_CASE("UVException reads as Node's system errors", "[errors]") {
  V8Fixture f;
  Local<Value> e = lode::UVException(f.isolate(), UV_ENOENT, "open", nullptr,
                                     "/nope");
  CHECK(Get(f, e, "message") ==
        "ENOENT: no such file or directory, open '/nope'");
  CHECK(Get(f, e, "code") == "ENOENT");
  CHECK(Get(f, e, "errno") == std::to_string(UV_ENOENT));
  CHECK(Get(f, e, "syscall") == "open");
  CHECK(Get(f, e, "path") == "/nope");
  CHECK(Get(f, e, "dest") == "undefined");
}

TEST_CASE("UVException with a destination", "[errors]") {
  V8Fixture f;
  Local<Value> e = lode::UVException(f.isolate(), UV_EEXIST, "rename",
                                     nullptr, "a", "b");
  CHECK(Get(f, e, "message") == "EEXIST: file already exists, rename 'a' -> 'b'");
  CHECK(Get(f, e, "dest") == "b");
}
