// Key derivation for internalBinding('crypto'): PBKDF2Job, ScryptJob and
// HKDFJob. Each copies its inputs when created, so the threadpool never
// reads JS memory, and returns the derived bytes as an ArrayBuffer.
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/kdf.h>

#include "lode_crypto.h"

namespace lode::crypto {

using v8::Context;
using v8::FunctionCallbackInfo;
using v8::Isolate;
using v8::Local;
using v8::Object;
using v8::Value;

namespace {

constexpr const char* kDeriveFailed = "Deriving bits failed";

// What the three jobs share: the output and how it went.
class DeriveJob : public CryptoJob {
 protected:
  DeriveJob(Environment* env, JobMode mode, const char* name)
      : CryptoJob(env, mode, name) {}

  bool Finish(Isolate* isolate, Local<Value>* error,
              Local<Value>* result) override {
    if (!ok_) {
      *error = JobError(isolate, {}, kDeriveFailed);
    } else {
      *result = ToArrayBuffer(isolate, out_.data(), out_.size());
    }
    return true;
  }

  void ThrowBadArguments(const char* job) {
    ThrowCodedError(env()->isolate(), "ERR_INVALID_ARG_TYPE",
                    ErrorKind::kTypeError,
                    std::string("Invalid arguments to ") + job);
  }

  const EVP_MD* DigestOrThrow(Local<Value> name) {
    Isolate* isolate = env()->isolate();
    std::string text = Utf8Value(isolate, name).ToString();
    const EVP_MD* md = FindDigest(text);
    if (md == nullptr) {
      ThrowCodedError(isolate, "ERR_CRYPTO_INVALID_DIGEST",
                      ErrorKind::kTypeError, "Invalid digest: " + text);
    }
    return md;
  }

  std::vector<unsigned char> out_;
  bool ok_ = false;
};

// new PBKDF2Job(mode, password, salt, iterations, keylen, digest)
class PBKDF2Job : public DeriveJob {
 public:
  static std::unique_ptr<PBKDF2Job> Create(
      Environment* env, JobMode mode, const FunctionCallbackInfo<Value>& args) {
    std::unique_ptr<PBKDF2Job> job(new PBKDF2Job(env, mode));
    if (!CopyBytes(args[1], &job->password_) ||
        !CopyBytes(args[2], &job->salt_) || !args[3]->IsInt32() ||
        args[3].As<v8::Int32>()->Value() < 1 || !args[4]->IsInt32() ||
        args[4].As<v8::Int32>()->Value() < 0 || !args[5]->IsString()) {
      job->ThrowBadArguments("PBKDF2Job");
      return nullptr;
    }
    job->iterations_ = args[3].As<v8::Int32>()->Value();
    job->length_ = args[4].As<v8::Int32>()->Value();
    job->md_ = job->DigestOrThrow(args[5]);
    if (job->md_ == nullptr) return nullptr;
    return job;
  }

 protected:
  void DoWork() override {
    ClearErrorsOnReturn clear;
    out_.assign(length_, 0);
    // OpenSSL refuses an empty output; so does Node.
    ok_ = length_ > 0 &&
          PKCS5_PBKDF2_HMAC(
              reinterpret_cast<const char*>(password_.data()),
              static_cast<int>(password_.size()), salt_.data(),
              static_cast<int>(salt_.size()), iterations_, md_, length_,
              out_.data()) == 1;
  }

 private:
  PBKDF2Job(Environment* env, JobMode mode)
      : DeriveJob(env, mode, "PBKDF2REQUEST") {}
  std::vector<unsigned char> password_;
  std::vector<unsigned char> salt_;
  int iterations_ = 1;
  int length_ = 0;
  const EVP_MD* md_ = nullptr;
};

// new ScryptJob(mode, password, salt, N, r, p, maxmem, keylen)
class ScryptJob : public DeriveJob {
 public:
  static std::unique_ptr<ScryptJob> Create(
      Environment* env, JobMode mode, const FunctionCallbackInfo<Value>& args) {
    Isolate* isolate = env->isolate();
    std::unique_ptr<ScryptJob> job(new ScryptJob(env, mode));
    if (!CopyBytes(args[1], &job->password_) ||
        !CopyBytes(args[2], &job->salt_) || !args[3]->IsUint32() ||
        !args[4]->IsUint32() || !args[5]->IsUint32() ||
        !args[6]->IsNumber() || !(args[6].As<v8::Number>()->Value() >= 0) ||
        !(args[6].As<v8::Number>()->Value() <= 9007199254740991.0) ||
        !args[7]->IsInt32() || args[7].As<v8::Int32>()->Value() < 0) {
      job->ThrowBadArguments("ScryptJob");
      return nullptr;
    }
    job->n_ = args[3].As<v8::Uint32>()->Value();
    job->r_ = args[4].As<v8::Uint32>()->Value();
    job->p_ = args[5].As<v8::Uint32>()->Value();
    job->maxmem_ =
        static_cast<uint64_t>(args[6].As<v8::Number>()->Value());
    job->length_ = args[7].As<v8::Int32>()->Value();
    // Without a key to fill, OpenSSL only checks the parameters (a power of
    // two above 1 for N, the memory the three need against maxmem).
    ClearErrorsOnReturn clear;
    if (EVP_PBE_scrypt(nullptr, 0, nullptr, 0, job->n_, job->r_, job->p_,
                       job->maxmem_, nullptr, 0) != 1) {
      std::string message = "Invalid scrypt params";
      if (unsigned long err = ERR_peek_last_error()) {
        char buf[256];
        ERR_error_string_n(err, buf, sizeof(buf));
        message += std::string(": ") + buf;
      }
      ThrowCodedError(isolate, "ERR_CRYPTO_INVALID_SCRYPT_PARAMS",
                      ErrorKind::kRangeError, message);
      return nullptr;
    }
    return job;
  }

 protected:
  void DoWork() override {
    ClearErrorsOnReturn clear;
    out_.assign(length_, 0);
    ok_ = length_ == 0 ||
          EVP_PBE_scrypt(reinterpret_cast<const char*>(password_.data()),
                         password_.size(), salt_.data(), salt_.size(), n_,
                         r_, p_, maxmem_, out_.data(), out_.size()) == 1;
  }

 private:
  ScryptJob(Environment* env, JobMode mode)
      : DeriveJob(env, mode, "SCRYPTREQUEST") {}
  std::vector<unsigned char> password_;
  std::vector<unsigned char> salt_;
  uint64_t n_ = 0, r_ = 0, p_ = 0, maxmem_ = 0;
  int length_ = 0;
};

// HMAC of `data` under `key` with `md` into `out`.
bool HmacOnce(const EVP_MD* md, const unsigned char* key, size_t key_length,
              const unsigned char* data, size_t data_length,
              std::vector<unsigned char>* out) {
  static const unsigned char kEmpty[1] = {0};
  out->resize(EVP_MAX_MD_SIZE);
  size_t written = 0;
  if (EVP_Q_mac(nullptr, "HMAC", nullptr, EVP_MD_get0_name(md), nullptr,
                key_length > 0 ? key : kEmpty, key_length,
                data_length > 0 ? data : kEmpty, data_length, out->data(),
                out->size(), &written) == nullptr) {
    return false;
  }
  out->resize(written);
  return true;
}

// new HKDFJob(mode, digest, key, salt, info, length): RFC 5869's extract
// and expand, both done here with HMAC, because OpenSSL's HKDF refuses the
// empty key Web Crypto allows.
class HKDFJob : public DeriveJob {
 public:
  static std::unique_ptr<HKDFJob> Create(
      Environment* env, JobMode mode, const FunctionCallbackInfo<Value>& args) {
    Isolate* isolate = env->isolate();
    std::unique_ptr<HKDFJob> job(new HKDFJob(env, mode));
    if (!args[1]->IsString() || !CopyBytes(args[2], &job->key_) ||
        !CopyBytes(args[3], &job->salt_) ||
        !CopyBytes(args[4], &job->info_) || !args[5]->IsNumber() ||
        !(args[5].As<v8::Number>()->Value() >= 0) ||
        !(args[5].As<v8::Number>()->Value() <= 4294967295.0)) {
      job->ThrowBadArguments("HKDFJob");
      return nullptr;
    }
    job->md_ = job->DigestOrThrow(args[1]);
    if (job->md_ == nullptr) return nullptr;
    job->length_ = static_cast<size_t>(args[5].As<v8::Number>()->Value());
    int hash_size = EVP_MD_get_size(job->md_);
    if (hash_size <= 0 ||
        job->length_ > static_cast<size_t>(hash_size) * 255) {
      ThrowCodedError(isolate, "ERR_CRYPTO_INVALID_KEYLEN",
                      ErrorKind::kRangeError, "Invalid key length");
      return nullptr;
    }
    return job;
  }

 protected:
  void DoWork() override {
    ClearErrorsOnReturn clear;
    out_.clear();
    ok_ = false;
    if (length_ == 0) return;  // as in Node: nothing to derive is an error
    size_t hash_size = EVP_MD_get_size(md_);
    // Extract: an absent salt is hash_size zero bytes.
    std::vector<unsigned char> salt = salt_;
    if (salt.empty()) salt.assign(hash_size, 0);
    std::vector<unsigned char> prk;
    if (!HmacOnce(md_, salt.data(), salt.size(), key_.data(), key_.size(),
                  &prk)) {
      return;
    }
    // Expand: T(i) = HMAC(PRK, T(i-1) | info | i).
    std::vector<unsigned char> block, input;
    for (unsigned counter = 1; out_.size() < length_; counter++) {
      input = block;
      input.insert(input.end(), info_.begin(), info_.end());
      input.push_back(static_cast<unsigned char>(counter));
      if (!HmacOnce(md_, prk.data(), prk.size(), input.data(), input.size(),
                    &block)) {
        out_.clear();
        return;
      }
      size_t take = std::min(block.size(), length_ - out_.size());
      out_.insert(out_.end(), block.begin(), block.begin() + take);
    }
    ok_ = true;
  }

 private:
  HKDFJob(Environment* env, JobMode mode)
      : DeriveJob(env, mode, "HKDFREQUEST") {}
  const EVP_MD* md_ = nullptr;
  std::vector<unsigned char> key_;
  std::vector<unsigned char> salt_;
  std::vector<unsigned char> info_;
  size_t length_ = 0;
};

}  // namespace

void InitializeKdf(Local<Context> context, Local<Object> target) {
  SetJobConstructor(context, target, "PBKDF2Job", NewJob<PBKDF2Job>);
  SetJobConstructor(context, target, "ScryptJob", NewJob<ScryptJob>);
  SetJobConstructor(context, target, "HKDFJob", NewJob<HKDFJob>);
}

void RegisterKdfReferences(ExternalReferenceRegistry* registry) {
  registry->Register(NewJob<PBKDF2Job>);
  registry->Register(NewJob<ScryptJob>);
  registry->Register(NewJob<HKDFJob>);
}

}  // namespace lode::crypto
