// Randomness for internalBinding('crypto'): RandomBytesJob fills part of a
// buffer from OpenSSL's CSPRNG (randomBytes, randomFill, randomInt's cache,
// randomUUID, getRandomValues); RandomPrimeJob and CheckPrimeJob back
// generatePrime and checkPrime.
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/rand.h>

#include "lode_crypto.h"

namespace lode::crypto {

using v8::ArrayBuffer;
using v8::ArrayBufferView;
using v8::BackingStore;
using v8::Context;
using v8::FunctionCallbackInfo;
using v8::Isolate;
using v8::Local;
using v8::Object;
using v8::Value;

namespace {

// new RandomBytesJob(mode, buffer, byteOffset, byteLength): the offset is
// relative to the view (or ArrayBuffer).
class RandomBytesJob : public CryptoJob {
 public:
  static std::unique_ptr<RandomBytesJob> Create(
      Environment* env, JobMode mode, const FunctionCallbackInfo<Value>& args) {
    Isolate* isolate = env->isolate();
    std::unique_ptr<RandomBytesJob> job(new RandomBytesJob(env, mode));
    size_t base = 0, limit = 0;
    Local<Value> buffer = args[1];
    if (buffer->IsArrayBufferView()) {
      Local<ArrayBufferView> view = buffer.As<ArrayBufferView>();
      job->store_ = view->Buffer()->GetBackingStore();
      base = view->ByteOffset();
      limit = view->ByteLength();
    } else if (buffer->IsArrayBuffer()) {
      job->store_ = buffer.As<ArrayBuffer>()->GetBackingStore();
      limit = job->store_->ByteLength();
    } else if (buffer->IsSharedArrayBuffer()) {
      job->store_ = buffer.As<v8::SharedArrayBuffer>()->GetBackingStore();
      limit = job->store_->ByteLength();
    } else {
      ThrowCodedError(isolate, "ERR_INVALID_ARG_TYPE", ErrorKind::kTypeError,
                      "The \"buf\" argument must be an instance of "
                      "ArrayBuffer or ArrayBufferView.");
      return nullptr;
    }
    if (!args[2]->IsUint32() || !args[3]->IsUint32()) {
      ThrowCodedError(isolate, "ERR_INVALID_ARG_TYPE", ErrorKind::kTypeError,
                      "The offset and size must be 32-bit unsigned integers");
      return nullptr;
    }
    size_t offset = args[2].As<v8::Uint32>()->Value();
    size_t size = args[3].As<v8::Uint32>()->Value();
    if (offset > limit || size > limit - offset ||
        size > static_cast<size_t>(INT32_MAX)) {
      ThrowCodedError(isolate, "ERR_OUT_OF_RANGE", ErrorKind::kRangeError,
                      "The range to fill is outside the buffer");
      return nullptr;
    }
    job->offset_ = base + offset;
    job->size_ = size;
    return job;
  }

 protected:
  void DoWork() override {
    ClearErrorsOnReturn clear;
    unsigned char* data = static_cast<unsigned char*>(store_->Data());
    ok_ = size_ == 0 || RAND_bytes(data + offset_, static_cast<int>(size_)) == 1;
    errors_ = ok_ ? std::vector<unsigned long>() : DrainErrors();
  }
  bool Finish(Isolate* isolate, Local<Value>* error,
              Local<Value>* result) override {
    if (!ok_) *error = JobError(isolate, errors_, "Random bytes failed");
    return true;
  }

 private:
  RandomBytesJob(Environment* env, JobMode mode)
      : CryptoJob(env, mode, "RANDOMBYTESREQUEST") {}
  std::shared_ptr<BackingStore> store_;
  size_t offset_ = 0;
  size_t size_ = 0;
  bool ok_ = false;
  std::vector<unsigned long> errors_;
};

BIGNUM* ToBignum(const std::vector<unsigned char>& bytes) {
  return BN_bin2bn(bytes.data(), static_cast<int>(bytes.size()), nullptr);
}

// new RandomPrimeJob(mode, bits, safe, add | undefined, rem | undefined):
// the prime as big-endian bytes in an ArrayBuffer.
class RandomPrimeJob : public CryptoJob {
 public:
  static std::unique_ptr<RandomPrimeJob> Create(
      Environment* env, JobMode mode, const FunctionCallbackInfo<Value>& args) {
    Isolate* isolate = env->isolate();
    std::unique_ptr<RandomPrimeJob> job(new RandomPrimeJob(env, mode));
    if (!args[1]->IsInt32() || args[1].As<v8::Int32>()->Value() < 1 ||
        !args[2]->IsBoolean()) {
      ThrowCodedError(isolate, "ERR_INVALID_ARG_TYPE", ErrorKind::kTypeError,
                      "Invalid arguments to RandomPrimeJob");
      return nullptr;
    }
    job->bits_ = args[1].As<v8::Int32>()->Value();
    job->safe_ = args[2]->IsTrue();
    std::vector<unsigned char> bytes;
    if (!args[3]->IsUndefined()) {
      if (!CopyBytes(args[3], &bytes)) return job->Refuse("options.add");
      job->add_ = ToBignum(bytes);
      if (job->add_ == nullptr || BN_num_bits(job->add_) > job->bits_) {
        return job->Refuse("options.add");
      }
    }
    if (!args[4]->IsUndefined()) {
      if (!CopyBytes(args[4], &bytes)) return job->Refuse("options.rem");
      job->rem_ = ToBignum(bytes);
      if (job->rem_ == nullptr) return job->Refuse("options.rem");
      if (job->add_ != nullptr && BN_cmp(job->add_, job->rem_) != 1) {
        return job->Refuse("options.rem");
      }
    }
    return job;
  }
  ~RandomPrimeJob() override {
    BN_free(add_);
    BN_free(rem_);
  }

 protected:
  void DoWork() override {
    ClearErrorsOnReturn clear;
    BIGNUM* prime = BN_new();
    ok_ = prime != nullptr &&
          BN_generate_prime_ex(prime, bits_, safe_ ? 1 : 0, add_, rem_,
                               nullptr) == 1;
    errors_ = ok_ ? std::vector<unsigned long>() : DrainErrors();
    if (ok_) {
      out_.resize(BN_num_bytes(prime));
      BN_bn2bin(prime, out_.data());
    }
    BN_free(prime);
  }
  bool Finish(Isolate* isolate, Local<Value>* error,
              Local<Value>* result) override {
    if (!ok_) {
      *error = JobError(isolate, errors_, "Prime generation failed");
    } else {
      *result = ToArrayBuffer(isolate, out_.data(), out_.size());
    }
    return true;
  }

 private:
  RandomPrimeJob(Environment* env, JobMode mode)
      : CryptoJob(env, mode, "RANDOMPRIMEREQUEST") {}
  std::unique_ptr<RandomPrimeJob> Refuse(const char* what) {
    ThrowCodedError(env()->isolate(), "ERR_OUT_OF_RANGE",
                    ErrorKind::kRangeError, std::string("invalid ") + what);
    return nullptr;
  }
  int bits_ = 0;
  bool safe_ = false;
  BIGNUM* add_ = nullptr;
  BIGNUM* rem_ = nullptr;
  std::vector<unsigned char> out_;
  bool ok_ = false;
  std::vector<unsigned long> errors_;
};

// new CheckPrimeJob(mode, candidateBytes, checks): a boolean.
class CheckPrimeJob : public CryptoJob {
 public:
  static std::unique_ptr<CheckPrimeJob> Create(
      Environment* env, JobMode mode, const FunctionCallbackInfo<Value>& args) {
    Isolate* isolate = env->isolate();
    std::unique_ptr<CheckPrimeJob> job(new CheckPrimeJob(env, mode));
    std::vector<unsigned char> bytes;
    if (!CopyBytes(args[1], &bytes)) {
      ThrowCodedError(isolate, "ERR_INVALID_ARG_TYPE", ErrorKind::kTypeError,
                      "Invalid arguments to CheckPrimeJob");
      return nullptr;
    }
    // Too large a number is refused now, with OpenSSL's error.
    ClearErrorsOnReturn clear;
    job->candidate_ = ToBignum(bytes);
    if (job->candidate_ == nullptr) {
      ThrowOpenSSLError(isolate, ERR_get_error(), "Invalid candidate");
      return nullptr;
    }
    return job;
  }
  ~CheckPrimeJob() override { BN_free(candidate_); }

 protected:
  void DoWork() override {
    ClearErrorsOnReturn clear;
    BN_CTX* ctx = BN_CTX_new();
    int r = ctx == nullptr ? -1 : BN_check_prime(candidate_, ctx, nullptr);
    ok_ = r >= 0;
    prime_ = r == 1;
    errors_ = ok_ ? std::vector<unsigned long>() : DrainErrors();
    BN_CTX_free(ctx);
  }
  bool Finish(Isolate* isolate, Local<Value>* error,
              Local<Value>* result) override {
    if (!ok_) {
      *error = JobError(isolate, errors_, "Prime check failed");
    } else {
      *result = v8::Boolean::New(isolate, prime_);
    }
    return true;
  }

 private:
  CheckPrimeJob(Environment* env, JobMode mode)
      : CryptoJob(env, mode, "CHECKPRIMEREQUEST") {}
  BIGNUM* candidate_ = nullptr;
  bool ok_ = false;
  bool prime_ = false;
  std::vector<unsigned long> errors_;
};

}  // namespace

void InitializeRandom(Local<Context> context, Local<Object> target) {
  SetJobConstructor(context, target, "RandomBytesJob", NewJob<RandomBytesJob>);
  SetJobConstructor(context, target, "RandomPrimeJob", NewJob<RandomPrimeJob>);
  SetJobConstructor(context, target, "CheckPrimeJob", NewJob<CheckPrimeJob>);
}

void RegisterRandomReferences(ExternalReferenceRegistry* registry) {
  registry->Register(NewJob<RandomBytesJob>);
  registry->Register(NewJob<RandomPrimeJob>);
  registry->Register(NewJob<CheckPrimeJob>);
}

}  // namespace lode::crypto
