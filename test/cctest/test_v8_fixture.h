// A V8 isolate and context for tests of C++ pieces that need one. The
// platform is created once per test binary.
#ifndef TEST_CCTEST_TEST_V8_FIXTURE_H_
#define TEST_CCTEST_TEST_V8_FIXTURE_H_

#include <memory>
#include <optional>

#include "lode_internals.h"
#include "v8.h"

class V8Fixture {
 public:
  V8Fixture() {
    static bool initialized = [] {
      lode::InitializeV8(2);
      return true;
    }();
    (void)initialized;
    allocator_.reset(v8::ArrayBuffer::Allocator::NewDefaultAllocator());
    v8::Isolate::CreateParams params;
    params.array_buffer_allocator = allocator_.get();
    isolate_ = v8::Isolate::New(params);
    isolate_->Enter();
    handle_scope_.emplace(isolate_);
    context_ = v8::Context::New(isolate_);
    context_->Enter();
  }
  ~V8Fixture() {
    context_->Exit();
    handle_scope_.reset();
    isolate_->Exit();
    isolate_->Dispose();
  }

  v8::Isolate* isolate() const { return isolate_; }
  v8::Local<v8::Context> context() const { return context_; }

 private:
  std::unique_ptr<v8::ArrayBuffer::Allocator> allocator_;
  v8::Isolate* isolate_;
  // HandleScope may not live on the heap; optional keeps it in place.
  std::optional<v8::HandleScope> handle_scope_;
  v8::Local<v8::Context> context_;
};

#endif  // TEST_CCTEST_TEST_V8_FIXTURE_H_
