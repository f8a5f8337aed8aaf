// Key pair generation for internalBinding('crypto'): KeyPairGenJob, behind
// generateKeyPair() (threadpool) and generateKeyPairSync(), for RSA,
// RSA-PSS, DSA, EC, the OKP types and DH. The job yields two
// KeyObjectHandles sharing one EVP_PKEY; lib/ encodes them when asked.
// Also the modp groups, shared with DiffieHellmanGroup.
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/dh.h>
#include <openssl/dsa.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <openssl/rsa.h>

#include <cstring>

#include "lode_crypto.h"

namespace lode::crypto {

using v8::Array;
using v8::Context;
using v8::FunctionCallbackInfo;
using v8::Isolate;
using v8::Local;
using v8::Object;
using v8::Value;

BIGNUM* ModpGroupPrime(const std::string& name) {
  if (name == "modp1") return BN_get_rfc2409_prime_768(nullptr);
  if (name == "modp2") return BN_get_rfc2409_prime_1024(nullptr);
  if (name == "modp5") return BN_get_rfc3526_prime_1536(nullptr);
  if (name == "modp14") return BN_get_rfc3526_prime_2048(nullptr);
  if (name == "modp15") return BN_get_rfc3526_prime_3072(nullptr);
  if (name == "modp16") return BN_get_rfc3526_prime_4096(nullptr);
  if (name == "modp17") return BN_get_rfc3526_prime_6144(nullptr);
  if (name == "modp18") return BN_get_rfc3526_prime_8192(nullptr);
  return nullptr;
}

int CurveNid(const std::string& name) {
  int nid = OBJ_sn2nid(name.c_str());
  if (nid == NID_undef) nid = EC_curve_nist2nid(name.c_str());
  if (nid == NID_undef) return NID_undef;
  // Only curves EC can use (not, say, "sha256").
  EC_GROUP* group = EC_GROUP_new_by_curve_name(nid);
  if (group == nullptr) {
    ERR_clear_error();
    return NID_undef;
  }
  EC_GROUP_free(group);
  return nid;
}

namespace {

struct BnFree {
  void operator()(BIGNUM* bn) const { BN_free(bn); }
};
using BnPtr = std::unique_ptr<BIGNUM, BnFree>;

// DH domain parameters (p, g) as a key without a key pair.
PKeyPointer DhParameters(const BIGNUM* p, const BIGNUM* g) {
  OSSL_PARAM_BLD* bld = OSSL_PARAM_BLD_new();
  if (bld == nullptr) return nullptr;
  PKeyPointer result;
  OSSL_PARAM* params = nullptr;
  if (OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_FFC_P, p) == 1 &&
      OSSL_PARAM_BLD_push_BN(bld, OSSL_PKEY_PARAM_FFC_G, g) == 1 &&
      (params = OSSL_PARAM_BLD_to_param(bld)) != nullptr) {
    PKeyCtxPointer ctx(EVP_PKEY_CTX_new_from_name(nullptr, "DH", nullptr));
    EVP_PKEY* pkey = nullptr;
    if (ctx && EVP_PKEY_fromdata_init(ctx.get()) == 1 &&
        EVP_PKEY_fromdata(ctx.get(), &pkey, EVP_PKEY_KEY_PARAMETERS,
                          params) == 1) {
      result.reset(pkey);
    }
  }
  OSSL_PARAM_free(params);
  OSSL_PARAM_BLD_free(bld);
  return result;
}

// new KeyPairGenJob(mode, type, ...): see lib/internal/crypto/keygen.js for
// each type's arguments.
class KeyPairGenJob : public CryptoJob {
 public:
  static std::unique_ptr<KeyPairGenJob> Create(
      Environment* env, JobMode mode, const FunctionCallbackInfo<Value>& args) {
    Isolate* isolate = env->isolate();
    auto job = std::make_unique<KeyPairGenJob>(env, mode);
    if (!args[1]->IsString()) {
      ThrowCodedError(isolate, "ERR_INVALID_ARG_TYPE", ErrorKind::kTypeError,
                      "Invalid key type");
      return nullptr;
    }
    job->type_ = Utf8Value(isolate, args[1]).ToString();
    const std::string& type = job->type_;
    if (type == "rsa" || type == "rsa-pss") {
      job->bits_ = args[2]->Uint32Value(env->context()).FromMaybe(0);
      job->exponent_ = args[3]->Uint32Value(env->context()).FromMaybe(0);
      if (type == "rsa-pss") {
        if (args[4]->IsString()) {
          job->md_ = Utf8Value(isolate, args[4]).ToString();
          if (FindDigest(job->md_) == nullptr) {
            ThrowCodedError(isolate, "ERR_CRYPTO_INVALID_DIGEST",
                            ErrorKind::kTypeError,
                            "Invalid digest: " + job->md_);
            return nullptr;
          }
        }
        if (args[5]->IsString()) {
          job->mgf1_md_ = Utf8Value(isolate, args[5]).ToString();
          if (FindDigest(job->mgf1_md_) == nullptr) {
            ThrowCodedError(isolate, "ERR_CRYPTO_INVALID_DIGEST",
                            ErrorKind::kTypeError,
                            "Invalid MGF1 digest: " + job->mgf1_md_);
            return nullptr;
          }
        }
        if (args[6]->IsInt32()) {
          job->salt_length_ = args[6].As<v8::Int32>()->Value();
        }
      }
    } else if (type == "dsa") {
      job->bits_ = args[2]->Uint32Value(env->context()).FromMaybe(0);
      job->divisor_bits_ = args[3]->IsInt32()
                               ? args[3].As<v8::Int32>()->Value()
                               : -1;
    } else if (type == "ec") {
      std::string curve = Utf8Value(isolate, args[2]).ToString();
      int nid = CurveNid(curve);
      if (nid == NID_undef) {
        ThrowCodedError(isolate, "ERR_CRYPTO_INVALID_CURVE",
                        ErrorKind::kTypeError, "Invalid EC curve name");
        return nullptr;
      }
      job->curve_ = OBJ_nid2sn(nid);
      job->explicit_ = args[3]->IsTrue();
    } else if (type == "ed25519" || type == "ed448" || type == "x25519" ||
               type == "x448") {
      // Nothing to configure.
    } else if (type == "dh") {
      if (args[2]->IsString()) {
        BIGNUM* p = ModpGroupPrime(Utf8Value(isolate, args[2]).ToString());
        if (p == nullptr) {
          ThrowCodedError(isolate, "ERR_CRYPTO_UNKNOWN_DH_GROUP",
                          ErrorKind::kError, "Unknown DH group");
          return nullptr;
        }
        job->prime_.reset(p);
        job->generator_ = 2;
      } else {
        ByteView prime;
        if (GetByteView(args[2], &prime)) {
          job->prime_.reset(BN_bin2bn(
              prime.data, static_cast<int>(prime.length), nullptr));
        } else {
          job->bits_ = args[2]->Uint32Value(env->context()).FromMaybe(0);
        }
        job->generator_ = args[3]->Uint32Value(env->context()).FromMaybe(2);
      }
    } else {
      ThrowCodedError(isolate, "ERR_INVALID_ARG_VALUE", ErrorKind::kTypeError,
                      "Invalid key type");
      return nullptr;
    }
    return job;
  }

  KeyPairGenJob(Environment* env, JobMode mode)
      : CryptoJob(env, mode, "KEYPAIRGENREQUEST") {}

 protected:
  void DoWork() override {
    ClearErrorsOnReturn clear;
    pkey_ = Generate();
    if (!pkey_) errors_ = DrainErrors();
  }

  bool Finish(Isolate* isolate, Local<Value>* error,
              Local<Value>* result) override {
    if (!pkey_) {
      *error = FailureError(isolate, errors_, "Key generation job failed");
      return true;
    }
    EVP_PKEY_up_ref(pkey_.get());
    PKeyPointer shared(pkey_.get());
    Local<Object> pub, priv;
    if (!NewKeyHandle(env(), std::move(shared)).ToLocal(&pub) ||
        !NewKeyHandle(env(), std::move(pkey_)).ToLocal(&priv)) {
      return false;
    }
    Local<Value> pair[2] = {pub, priv};
    *result = Array::New(isolate, pair, 2);
    return true;
  }

 private:
  PKeyPointer KeygenFrom(EVP_PKEY_CTX* ctx) {
    EVP_PKEY* pkey = nullptr;
    if (EVP_PKEY_keygen(ctx, &pkey) != 1) return nullptr;
    return PKeyPointer(pkey);
  }

  PKeyPointer KeygenFromParams(EVP_PKEY* params) {
    PKeyCtxPointer ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, params, nullptr));
    if (!ctx || EVP_PKEY_keygen_init(ctx.get()) != 1) return nullptr;
    return KeygenFrom(ctx.get());
  }

  PKeyPointer Generate() {
    const std::string& type = type_;
    if (type == "rsa" || type == "rsa-pss") {
      PKeyCtxPointer ctx(EVP_PKEY_CTX_new_from_name(
          nullptr, type == "rsa" ? "RSA" : "RSA-PSS", nullptr));
      if (!ctx || EVP_PKEY_keygen_init(ctx.get()) != 1 ||
          EVP_PKEY_CTX_set_rsa_keygen_bits(ctx.get(),
                                           static_cast<int>(bits_)) != 1) {
        return nullptr;
      }
      BnPtr e(BN_new());
      if (!e || BN_set_word(e.get(), exponent_) != 1 ||
          EVP_PKEY_CTX_set1_rsa_keygen_pubexp(ctx.get(), e.get()) != 1) {
        return nullptr;
      }
      if (!md_.empty() &&
          EVP_PKEY_CTX_set_rsa_pss_keygen_md_name(
              ctx.get(), EVP_MD_get0_name(FindDigest(md_)), nullptr) != 1) {
        return nullptr;
      }
      std::string mgf1 = mgf1_md_.empty() ? md_ : mgf1_md_;
      if (!mgf1.empty() &&
          EVP_PKEY_CTX_set_rsa_pss_keygen_mgf1_md_name(
              ctx.get(), EVP_MD_get0_name(FindDigest(mgf1))) != 1) {
        return nullptr;
      }
      // A restricted key's salt is the digest's size unless given.
      int salt = salt_length_;
      if (salt < 0 && !md_.empty()) salt = EVP_MD_get_size(FindDigest(md_));
      if (salt >= 0 &&
          EVP_PKEY_CTX_set_rsa_pss_keygen_saltlen(ctx.get(), salt) != 1) {
        return nullptr;
      }
      return KeygenFrom(ctx.get());
    }
    if (type == "dsa") {
      PKeyCtxPointer ctx(EVP_PKEY_CTX_new_from_name(nullptr, "DSA", nullptr));
      if (!ctx || EVP_PKEY_paramgen_init(ctx.get()) != 1 ||
          EVP_PKEY_CTX_set_dsa_paramgen_bits(ctx.get(),
                                             static_cast<int>(bits_)) != 1) {
        return nullptr;
      }
      if (divisor_bits_ != -1 &&
          EVP_PKEY_CTX_set_dsa_paramgen_q_bits(ctx.get(), divisor_bits_) !=
              1) {
        return nullptr;
      }
      EVP_PKEY* params = nullptr;
      if (EVP_PKEY_paramgen(ctx.get(), &params) != 1) return nullptr;
      PKeyPointer owned(params);
      return KeygenFromParams(params);
    }
    if (type == "ec") {
      PKeyCtxPointer ctx(EVP_PKEY_CTX_new_from_name(nullptr, "EC", nullptr));
      if (!ctx || EVP_PKEY_keygen_init(ctx.get()) != 1) return nullptr;
      OSSL_PARAM params[3] = {
          OSSL_PARAM_construct_utf8_string(
              OSSL_PKEY_PARAM_GROUP_NAME, const_cast<char*>(curve_.c_str()),
              0),
          OSSL_PARAM_construct_utf8_string(
              OSSL_PKEY_PARAM_EC_ENCODING,
              const_cast<char*>(explicit_ ? OSSL_PKEY_EC_ENCODING_EXPLICIT
                                          : OSSL_PKEY_EC_ENCODING_GROUP),
              0),
          OSSL_PARAM_construct_end()};
      if (EVP_PKEY_CTX_set_params(ctx.get(), params) != 1) return nullptr;
      return KeygenFrom(ctx.get());
    }
    if (type == "dh") {
      PKeyPointer params;
      if (prime_) {
        BnPtr g(BN_new());
        if (!g || BN_set_word(g.get(), generator_) != 1) return nullptr;
        params = DhParameters(prime_.get(), g.get());
      } else {
        PKeyCtxPointer ctx(EVP_PKEY_CTX_new_from_name(nullptr, "DH", nullptr));
        EVP_PKEY* generated = nullptr;
        if (!ctx || EVP_PKEY_paramgen_init(ctx.get()) != 1 ||
            EVP_PKEY_CTX_set_dh_paramgen_prime_len(
                ctx.get(), static_cast<int>(bits_)) != 1 ||
            EVP_PKEY_CTX_set_dh_paramgen_generator(
                ctx.get(), static_cast<int>(generator_)) != 1 ||
            EVP_PKEY_paramgen(ctx.get(), &generated) != 1) {
          return nullptr;
        }
        params.reset(generated);
      }
      if (!params) return nullptr;
      return KeygenFromParams(params.get());
    }
    // ed25519, ed448, x25519, x448
    std::string name = type;
    for (char& c : name) c = static_cast<char>(toupper(c));
    PKeyCtxPointer ctx(
        EVP_PKEY_CTX_new_from_name(nullptr, name.c_str(), nullptr));
    if (!ctx || EVP_PKEY_keygen_init(ctx.get()) != 1) return nullptr;
    return KeygenFrom(ctx.get());
  }

  std::string type_;
  uint32_t bits_ = 0;
  uint32_t exponent_ = 0x10001;
  std::string md_;
  std::string mgf1_md_;
  int salt_length_ = -1;
  int divisor_bits_ = -1;
  std::string curve_;
  bool explicit_ = false;
  BnPtr prime_;
  uint32_t generator_ = 2;
  PKeyPointer pkey_;
  std::vector<unsigned long> errors_;
};

void NewKeyPairGenJob(const FunctionCallbackInfo<Value>& args) {
  NewJob<KeyPairGenJob>(args);
}

}  // namespace

void InitializeKeygen(Local<Context> context, Local<Object> target) {
  SetJobConstructor(context, target, "KeyPairGenJob", NewKeyPairGenJob);
}

void RegisterKeygenReferences(ExternalReferenceRegistry* registry) {
  registry->Register(NewKeyPairGenJob);
}

}  // namespace lode::crypto
