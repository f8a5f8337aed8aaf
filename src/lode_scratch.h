// Scratch memory for the duration of one call.
#ifndef SRC_LODE_SCRATCH_H_
#define SRC_LODE_SCRATCH_H_

#include <cstddef>
#include <memory>

namespace lode {

// On the stack when `n` elements fit in 8 KiB, on the heap otherwise. The
// contents start uninitialized.
template <typename T>
class Scratch {
 public:
  explicit Scratch(size_t n) {
    if (n > kStackElements) {
      heap_.reset(new T[n]);
      data_ = heap_.get();
    }
  }
  Scratch(const Scratch&) = delete;
  Scratch& operator=(const Scratch&) = delete;
  T* data() { return data_; }

  // How many elements go on the stack.
  static constexpr size_t kStackElements = 8192 / sizeof(T);

 private:
  T stack_[kStackElements];
  std::unique_ptr<T[]> heap_;
  T* data_ = stack_;
};

}  // namespace lode

#endif  // SRC_LODE_SCRATCH_H_
