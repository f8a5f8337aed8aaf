// The threadpool jobs Web Crypto needs beyond the shared ones:
// WebCipherJob (AES-CBC, AES-CTR, AES-GCM, AES-OCB, AES-KW and
// ChaCha20-Poly1305 with raw key bytes, RSA-OAEP with a KeyObjectHandle),
// HmacJob and KmacJob (MAC sign and verify).
// lib/internal/crypto/webcrypto_ops.js checks every parameter first.
#include <openssl/bn.h>
#include <openssl/crypto.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/core_names.h>
#include <openssl/hmac.h>
#include <openssl/rsa.h>

#include <cstring>

#include "lode_crypto.h"

namespace lode::crypto {

using v8::Context;
using v8::FunctionCallbackInfo;
using v8::Isolate;
using v8::Local;
using v8::Object;
using v8::Value;

namespace {

struct CipherCtxDeleter {
  void operator()(EVP_CIPHER_CTX* ctx) const { EVP_CIPHER_CTX_free(ctx); }
};
using CipherCtxPointer = std::unique_ptr<EVP_CIPHER_CTX, CipherCtxDeleter>;

enum WebCipherKind {
  kAesCbc = 0,
  kAesCtr = 1,
  kAesGcm = 2,
  kAesKw = 3,
  kRsaOaep = 4,
  kChaCha20Poly1305 = 5,
  kAesOcb = 6
};

// new WebCipherJob(mode, kind, encrypt, key, data, iv | counter, extra,
//                  aad | label, hash)
// `key` is the raw AES key, or a KeyObjectHandle for RSA-OAEP; `extra` is
// the GCM tag length in bytes or the CTR counter length in bits.
class WebCipherJob : public CryptoJob {
 public:
  static std::unique_ptr<WebCipherJob> Create(
      Environment* env, JobMode mode, const FunctionCallbackInfo<Value>& args) {
    Isolate* isolate = env->isolate();
    auto job = std::make_unique<WebCipherJob>(env, mode);
    job->kind_ = args[1]->IsInt32() ? args[1].As<v8::Int32>()->Value() : -1;
    job->encrypt_ = args[2]->IsTrue();
    bool ok = job->kind_ >= kAesCbc && job->kind_ <= kAesOcb &&
              CopyBytes(args[4], &job->data_);
    if (ok && job->kind_ == kRsaOaep) {
      EVP_PKEY* pkey = KeyFromHandle(args[3]);
      ok = pkey != nullptr;
      if (ok) {
        EVP_PKEY_up_ref(pkey);
        job->pkey_.reset(pkey);
        if (args[8]->IsString()) {
          job->md_ = FindDigest(Utf8Value(isolate, args[8]).ToString());
        }
        ok = job->md_ != nullptr;
        if (!args[7]->IsUndefined()) ok = ok && CopyBytes(args[7], &job->aad_);
      }
    } else if (ok) {
      ok = CopyBytes(args[3], &job->key_);
      if (ok && job->kind_ != kAesKw) ok = CopyBytes(args[5], &job->iv_);
      bool aead = job->kind_ == kAesGcm || job->kind_ == kAesOcb ||
                  job->kind_ == kChaCha20Poly1305;
      if (ok && (aead || job->kind_ == kAesCtr)) {
        ok = args[6]->IsUint32();
        if (ok) job->extra_ = args[6].As<v8::Uint32>()->Value();
      }
      if (ok && aead && !args[7]->IsUndefined()) {
        ok = CopyBytes(args[7], &job->aad_);
      }
      size_t bits = job->key_.size() * 8;
      ok = ok && (job->kind_ == kChaCha20Poly1305
                      ? bits == 256
                      : (bits == 128 || bits == 192 || bits == 256));
    }
    if (!ok) {
      ThrowCodedError(isolate, "ERR_INVALID_ARG_TYPE", ErrorKind::kTypeError,
                      "Invalid arguments to WebCipherJob");
      return nullptr;
    }
    return job;
  }

  WebCipherJob(Environment* env, JobMode mode)
      : CryptoJob(env, mode, "CIPHERREQUEST") {}

  ~WebCipherJob() override { OPENSSL_cleanse(key_.data(), key_.size()); }

 protected:
  void DoWork() override {
    ClearErrorsOnReturn clear;
    switch (kind_) {
      case kAesCbc: ok_ = Aes("cbc"); break;
      case kAesCtr: ok_ = AesCtr(); break;
      case kAesGcm: ok_ = Aead(AesCipher("gcm")); break;
      case kAesOcb: ok_ = Aead(AesCipher("ocb")); break;
      case kChaCha20Poly1305:
        ok_ = Aead(EVP_get_cipherbyname("chacha20-poly1305"));
        break;
      case kAesKw: ok_ = AesKw(); break;
      case kRsaOaep: ok_ = RsaOaep(); break;
    }
    if (!ok_) errors_ = DrainErrors();
  }

  bool Finish(Isolate* isolate, Local<Value>* error,
              Local<Value>* result) override {
    if (!ok_) {
      *error = JobError(isolate, errors_, "Cipher job failed");
    } else {
      *result = ToArrayBuffer(isolate, out_.data(), out_.size());
    }
    return true;
  }

 private:
  const EVP_CIPHER* AesCipher(const char* mode) {
    std::string name = "aes-" + std::to_string(key_.size() * 8) + "-" + mode;
    return EVP_get_cipherbyname(name.c_str());
  }

  // One pass of `in` through a cipher set up with `iv`, appended to out_.
  bool Run(const EVP_CIPHER* cipher, const unsigned char* iv,
           const unsigned char* in, size_t len, bool padding) {
    CipherCtxPointer ctx(EVP_CIPHER_CTX_new());
    if (!ctx || cipher == nullptr ||
        EVP_CipherInit_ex(ctx.get(), cipher, nullptr, key_.data(), iv,
                          encrypt_ ? 1 : 0) != 1 ||
        EVP_CIPHER_CTX_set_padding(ctx.get(), padding ? 1 : 0) != 1) {
      return false;
    }
    size_t start = out_.size();
    out_.resize(start + len + EVP_CIPHER_get_block_size(cipher));
    int n = 0;
    int m = 0;
    if (EVP_CipherUpdate(ctx.get(), out_.data() + start, &n, in,
                         static_cast<int>(len)) != 1 ||
        EVP_CipherFinal_ex(ctx.get(), out_.data() + start + n, &m) != 1) {
      return false;
    }
    out_.resize(start + n + m);
    return true;
  }

  bool Aes(const char* mode) {
    if (iv_.size() != 16) return false;
    return Run(AesCipher(mode), iv_.data(), data_.data(), data_.size(), true);
  }

  // CTR whose counter is the low `extra_` bits of the block: when it would
  // wrap within the data, the rest starts over with those bits zero (the
  // nonce part never changes).
  bool AesCtr() {
    if (iv_.size() != 16 || extra_ == 0 || extra_ > 128) return false;
    const EVP_CIPHER* cipher = AesCipher("ctr");
    size_t blocks = (data_.size() + 15) / 16;
    BIGNUM* counter = BN_bin2bn(iv_.data(), 16, nullptr);
    BIGNUM* range = BN_new();
    BIGNUM* remaining = BN_new();
    bool ok = counter != nullptr && range != nullptr && remaining != nullptr;
    if (ok) {
      // counter = iv mod 2^extra; remaining = 2^extra - counter
      if (BN_num_bits(counter) > static_cast<int>(extra_)) {
        BN_mask_bits(counter, static_cast<int>(extra_));
      }
      ok = BN_set_bit(range, static_cast<int>(extra_)) == 1 &&
           BN_sub(remaining, range, counter) == 1;
    }
    size_t before_wrap = blocks;
    if (ok && BN_num_bits(remaining) <= 62) {
      size_t r = static_cast<size_t>(BN_get_word(remaining));
      if (r < blocks) before_wrap = r;
    }
    BN_free(counter);
    BN_free(range);
    BN_free(remaining);
    if (!ok) return false;
    if (before_wrap == blocks) {
      return Run(cipher, iv_.data(), data_.data(), data_.size(), false);
    }
    size_t first = before_wrap * 16;
    if (!Run(cipher, iv_.data(), data_.data(), first, false)) return false;
    std::vector<unsigned char> iv = iv_;
    // Zero the counter bits.
    for (unsigned int bit = 0; bit < extra_; bit++) {
      iv[15 - bit / 8] &= static_cast<unsigned char>(~(1u << (bit % 8)));
    }
    return Run(cipher, iv.data(), data_.data() + first, data_.size() - first,
               false);
  }

  // GCM, OCB and ChaCha20-Poly1305: the tag follows the ciphertext.
  bool Aead(const EVP_CIPHER* cipher) {
    size_t tag_len = extra_;
    const unsigned char* in = data_.data();
    size_t len = data_.size();
    if (!encrypt_) {
      if (len < tag_len) return false;
      len -= tag_len;
    }
    CipherCtxPointer ctx(EVP_CIPHER_CTX_new());
    if (!ctx || cipher == nullptr ||
        EVP_CipherInit_ex(ctx.get(), cipher, nullptr, nullptr, nullptr,
                          encrypt_ ? 1 : 0) != 1 ||
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_AEAD_SET_IVLEN,
                            static_cast<int>(iv_.size()), nullptr) != 1) {
      return false;
    }
    // OCB fixes the tag's length before the key, both ways.
    if (kind_ == kAesOcb &&
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_AEAD_SET_TAG,
                            static_cast<int>(tag_len), nullptr) != 1) {
      return false;
    }
    if (EVP_CipherInit_ex(ctx.get(), nullptr, nullptr, key_.data(),
                          iv_.data(), encrypt_ ? 1 : 0) != 1) {
      return false;
    }
    if (!encrypt_ &&
        EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_AEAD_SET_TAG,
                            static_cast<int>(tag_len),
                            const_cast<unsigned char*>(in + len)) != 1) {
      return false;
    }
    int n = 0;
    if (!aad_.empty() &&
        EVP_CipherUpdate(ctx.get(), nullptr, &n, aad_.data(),
                         static_cast<int>(aad_.size())) != 1) {
      return false;
    }
    out_.resize(len + 16);
    int m = 0;
    if (EVP_CipherUpdate(ctx.get(), out_.data(), &n, in,
                         static_cast<int>(len)) != 1 ||
        EVP_CipherFinal_ex(ctx.get(), out_.data() + n, &m) != 1) {
      return false;
    }
    out_.resize(n + m);
    if (encrypt_) {
      size_t start = out_.size();
      out_.resize(start + tag_len);
      if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_AEAD_GET_TAG,
                              static_cast<int>(tag_len),
                              out_.data() + start) != 1) {
        return false;
      }
    }
    return true;
  }

  bool AesKw() {
    std::string name = "id-aes" + std::to_string(key_.size() * 8) + "-wrap";
    const EVP_CIPHER* cipher = EVP_get_cipherbyname(name.c_str());
    CipherCtxPointer ctx(EVP_CIPHER_CTX_new());
    if (!ctx || cipher == nullptr) return false;
    EVP_CIPHER_CTX_set_flags(ctx.get(), EVP_CIPHER_CTX_FLAG_WRAP_ALLOW);
    if (EVP_CipherInit_ex(ctx.get(), cipher, nullptr, key_.data(), nullptr,
                          encrypt_ ? 1 : 0) != 1) {
      return false;
    }
    out_.resize(data_.size() + 16);
    int n = 0;
    int m = 0;
    if (EVP_CipherUpdate(ctx.get(), out_.data(), &n, data_.data(),
                         static_cast<int>(data_.size())) != 1 ||
        EVP_CipherFinal_ex(ctx.get(), out_.data() + n, &m) != 1) {
      return false;
    }
    out_.resize(n + m);
    return true;
  }

  bool RsaOaep() {
    PKeyCtxPointer ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, pkey_.get(),
                                                  nullptr));
    if (!ctx) return false;
    int init = encrypt_ ? EVP_PKEY_encrypt_init(ctx.get())
                        : EVP_PKEY_decrypt_init(ctx.get());
    if (init != 1 ||
        EVP_PKEY_CTX_set_rsa_padding(ctx.get(), RSA_PKCS1_OAEP_PADDING) <= 0 ||
        EVP_PKEY_CTX_set_rsa_oaep_md(ctx.get(), md_) <= 0 ||
        EVP_PKEY_CTX_set_rsa_mgf1_md(ctx.get(), md_) <= 0) {
      return false;
    }
    if (!aad_.empty()) {
      void* label = OPENSSL_memdup(aad_.data(), aad_.size());
      if (label == nullptr ||
          EVP_PKEY_CTX_set0_rsa_oaep_label(ctx.get(), label,
                                           static_cast<int>(aad_.size())) <=
              0) {
        OPENSSL_free(label);
        return false;
      }
    }
    size_t len = 0;
    auto run = [&](unsigned char* dst) {
      return encrypt_ ? EVP_PKEY_encrypt(ctx.get(), dst, &len, data_.data(),
                                         data_.size())
                      : EVP_PKEY_decrypt(ctx.get(), dst, &len, data_.data(),
                                         data_.size());
    };
    if (run(nullptr) != 1) return false;
    out_.resize(len);
    if (run(out_.data()) != 1) return false;
    out_.resize(len);
    return true;
  }

  int kind_ = -1;
  bool encrypt_ = true;
  std::vector<unsigned char> key_;
  PKeyPointer pkey_;
  const EVP_MD* md_ = nullptr;
  std::vector<unsigned char> data_;
  std::vector<unsigned char> iv_;
  std::vector<unsigned char> aad_;
  uint32_t extra_ = 0;
  bool ok_ = false;
  std::vector<unsigned char> out_;
  std::vector<unsigned long> errors_;
};

void NewWebCipherJob(const FunctionCallbackInfo<Value>& args) {
  NewJob<WebCipherJob>(args);
}

// What a MAC job (HmacJob, KmacJob) answers: the MAC computed, or when it
// verifies, whether that equals `signature` (compared in constant time).
Local<Value> MacResult(Isolate* isolate, bool verify,
                       const std::vector<unsigned char>& mac,
                       const std::vector<unsigned char>& signature) {
  if (verify) {
    return v8::Boolean::New(
        isolate, signature.size() == mac.size() &&
                     CRYPTO_memcmp(signature.data(), mac.data(),
                                   mac.size()) == 0);
  }
  return ToArrayBuffer(isolate, mac.data(), mac.size());
}

// new HmacJob(mode, verify, digest, key, data, signature)
class HmacJob : public CryptoJob {
 public:
  static std::unique_ptr<HmacJob> Create(
      Environment* env, JobMode mode, const FunctionCallbackInfo<Value>& args) {
    auto job = std::make_unique<HmacJob>(env, mode);
    job->verify_ = args[1]->IsTrue();
    if (args[2]->IsString()) {
      job->md_ = FindDigest(Utf8Value(env->isolate(), args[2]).ToString());
    }
    if (job->md_ == nullptr || !CopyBytes(args[3], &job->key_) ||
        !CopyBytes(args[4], &job->data_) ||
        (job->verify_ && !CopyBytes(args[5], &job->signature_))) {
      ThrowCodedError(env->isolate(), "ERR_INVALID_ARG_TYPE",
                      ErrorKind::kTypeError, "Invalid arguments to HmacJob");
      return nullptr;
    }
    return job;
  }

  HmacJob(Environment* env, JobMode mode)
      : CryptoJob(env, mode, "SIGNREQUEST") {}

  ~HmacJob() override { OPENSSL_cleanse(key_.data(), key_.size()); }

 protected:
  void DoWork() override {
    ClearErrorsOnReturn clear;
    unsigned char mac[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    static const unsigned char kEmpty = 0;
    ok_ = HMAC(md_, key_.empty() ? &kEmpty : key_.data(),
               static_cast<int>(key_.size()), data_.data(), data_.size(), mac,
               &len) != nullptr;
    if (ok_) out_.assign(mac, mac + len);
  }

  bool Finish(Isolate* isolate, Local<Value>* error,
              Local<Value>* result) override {
    if (!ok_) {
      *error = JobError(isolate, {}, "HMAC failed");
    } else {
      *result = MacResult(isolate, verify_, out_, signature_);
    }
    return true;
  }

 private:
  bool verify_ = false;
  const EVP_MD* md_ = nullptr;
  std::vector<unsigned char> key_;
  std::vector<unsigned char> data_;
  std::vector<unsigned char> signature_;
  bool ok_ = false;
  std::vector<unsigned char> out_;
};

void NewHmacJob(const FunctionCallbackInfo<Value>& args) {
  NewJob<HmacJob>(args);
}

// new KmacJob(mode, verify, variant ('KMAC-128' | 'KMAC-256'), key, data,
//             outputBytes, customization | undefined, signature)
class KmacJob : public CryptoJob {
 public:
  static std::unique_ptr<KmacJob> Create(
      Environment* env, JobMode mode, const FunctionCallbackInfo<Value>& args) {
    auto job = std::make_unique<KmacJob>(env, mode);
    job->verify_ = args[1]->IsTrue();
    bool ok = args[2]->IsString() && CopyBytes(args[3], &job->key_) &&
              CopyBytes(args[4], &job->data_) && args[5]->IsUint32() &&
              (args[6]->IsUndefined() || CopyBytes(args[6], &job->custom_)) &&
              (!job->verify_ || CopyBytes(args[7], &job->signature_));
    if (ok) {
      job->variant_ = Utf8Value(env->isolate(), args[2]).ToString();
      job->length_ = args[5].As<v8::Uint32>()->Value();
      ok = job->variant_ == "KMAC-128" || job->variant_ == "KMAC-256";
    }
    if (!ok) {
      ThrowCodedError(env->isolate(), "ERR_INVALID_ARG_TYPE",
                      ErrorKind::kTypeError, "Invalid arguments to KmacJob");
      return nullptr;
    }
    return job;
  }

  KmacJob(Environment* env, JobMode mode)
      : CryptoJob(env, mode, "SIGNREQUEST") {}

  ~KmacJob() override { OPENSSL_cleanse(key_.data(), key_.size()); }

 protected:
  void DoWork() override {
    ClearErrorsOnReturn clear;
    EVP_MAC* mac = EVP_MAC_fetch(nullptr, variant_.c_str(), nullptr);
    EVP_MAC_CTX* ctx = mac != nullptr ? EVP_MAC_CTX_new(mac) : nullptr;
    size_t size = length_;
    OSSL_PARAM params[3];
    int n = 0;
    params[n++] = OSSL_PARAM_construct_size_t(OSSL_MAC_PARAM_SIZE, &size);
    if (!custom_.empty()) {
      params[n++] = OSSL_PARAM_construct_octet_string(
          OSSL_MAC_PARAM_CUSTOM, custom_.data(), custom_.size());
    }
    params[n] = OSSL_PARAM_construct_end();
    out_.resize(length_);
    size_t written = 0;
    ok_ = ctx != nullptr && EVP_MAC_CTX_set_params(ctx, params) == 1 &&
          EVP_MAC_init(ctx, key_.data(), key_.size(), nullptr) == 1 &&
          EVP_MAC_update(ctx, data_.data(), data_.size()) == 1 &&
          EVP_MAC_final(ctx, out_.data(), &written, out_.size()) == 1;
    EVP_MAC_CTX_free(ctx);
    EVP_MAC_free(mac);
  }

  bool Finish(Isolate* isolate, Local<Value>* error,
              Local<Value>* result) override {
    if (!ok_) {
      *error = JobError(isolate, {}, "KMAC failed");
    } else {
      *result = MacResult(isolate, verify_, out_, signature_);
    }
    return true;
  }

 private:
  bool verify_ = false;
  std::string variant_;
  std::vector<unsigned char> key_;
  std::vector<unsigned char> data_;
  std::vector<unsigned char> custom_;
  std::vector<unsigned char> signature_;
  uint32_t length_ = 0;
  bool ok_ = false;
  std::vector<unsigned char> out_;
};

void NewKmacJob(const FunctionCallbackInfo<Value>& args) {
  NewJob<KmacJob>(args);
}

}  // namespace

void InitializeWebJobs(Local<Context> context, Local<Object> target) {
  SetJobConstructor(context, target, "WebCipherJob", NewWebCipherJob);
  SetJobConstructor(context, target, "HmacJob", NewHmacJob);
  SetJobConstructor(context, target, "KmacJob", NewKmacJob);
}

void RegisterWebJobsReferences(ExternalReferenceRegistry* registry) {
  registry->Register(NewWebCipherJob);
  registry->Register(NewHmacJob);
  registry->Register(NewKmacJob);
}

}  // namespace lode::crypto
