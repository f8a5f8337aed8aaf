// Key agreement for internalBinding('crypto'): DiffieHellmanHandle (behind
// DiffieHellman and DiffieHellmanGroup), ECDHHandle (behind ECDH),
// ecdhConvertKey, and DeriveKeyJob (crypto.diffieHellman() and Web Crypto's
// ECDH/X25519/X448 deriveBits). The stateful classes keep OpenSSL's DH and
// EC_KEY objects, whose setters the old API needs (setPrivateKey...).
#define OPENSSL_SUPPRESS_DEPRECATED 1

#include <openssl/bn.h>
#include <openssl/dh.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>

#include <cstring>

#include "lode_crypto.h"

namespace lode::crypto {

using v8::Context;
using v8::FunctionCallbackInfo;
using v8::FunctionTemplate;
using v8::Global;
using v8::Isolate;
using v8::Local;
using v8::Object;
using v8::Value;

namespace {

const WrapType kDHType = {"DiffieHellmanHandle", nullptr};
const WrapType kECDHType = {"ECDHHandle", nullptr};

Local<Value> BnToBuffer(Isolate* isolate, const BIGNUM* bn, size_t pad = 0) {
  size_t len = static_cast<size_t>(BN_num_bytes(bn));
  if (pad > len) len = pad;
  std::vector<unsigned char> bytes(len);
  BN_bn2binpad(bn, bytes.data(), static_cast<int>(len));
  return ToArrayBuffer(isolate, bytes.data(), bytes.size());
}

BIGNUM* BufferToBn(Local<Value> value) {
  ByteView view;
  if (!GetByteView(value, &view)) return nullptr;
  return BN_bin2bn(view.data, static_cast<int>(view.length), nullptr);
}

// --- DiffieHellman ----------------------------------------------------------

class DHHandle : public WeakWrap<DHHandle> {
 public:
  DHHandle(Isolate* isolate, Local<Object> object, DH* dh)
      : WeakWrap(isolate, object, &kDHType), dh_(dh) {}
  ~DHHandle() { DH_free(dh_); }
  LODE_DISALLOW_COPY(DHHandle);

  // new DiffieHellmanHandle(group) | (primeBytes | bits, generatorBytes |
  // generator)
  static void New(const FunctionCallbackInfo<Value>& args) {
    Isolate* isolate = args.GetIsolate();
    ClearErrorsOnReturn clear;
    if (!args.IsConstructCall()) return;
    DH* dh = DH_new();
    if (dh == nullptr) return;
    bool ok = false;
    if (args.Length() == 1 && args[0]->IsString()) {
      BIGNUM* p = ModpGroupPrime(Utf8Value(isolate, args[0]).ToString());
      BIGNUM* g = BN_new();
      if (p == nullptr) {
        BN_free(g);
        DH_free(dh);
        ThrowCodedError(isolate, "ERR_CRYPTO_UNKNOWN_DH_GROUP",
                        ErrorKind::kError, "Unknown DH group");
        return;
      }
      ok = g != nullptr && BN_set_word(g, 2) == 1 &&
           DH_set0_pqg(dh, p, nullptr, g) == 1;
      if (!ok) {
        BN_free(p);
        BN_free(g);
      }
    } else if (args[0]->IsInt32()) {
      int bits = args[0].As<v8::Int32>()->Value();
      int generator = args[1]->IsInt32() ? args[1].As<v8::Int32>()->Value()
                                         : 2;
      if (generator < 2) {
        DH_free(dh);
        ERR_raise(ERR_LIB_DH, DH_R_BAD_GENERATOR);
        ThrowOpenSSLError(isolate, ERR_get_error(), nullptr);
        return;
      }
      if (bits < 2) {
        DH_free(dh);
        ERR_raise(ERR_LIB_DH, DH_R_MODULUS_TOO_SMALL);
        ThrowOpenSSLError(isolate, ERR_get_error(), nullptr);
        return;
      }
      if (DH_generate_parameters_ex(dh, bits, generator, nullptr) != 1) {
        DH_free(dh);
        ThrowCodedError(isolate, "ERR_INVALID_ARG_VALUE",
                        ErrorKind::kTypeError, "Invalid DH parameters");
        return;
      }
      ok = true;
    } else {
      BIGNUM* p = BufferToBn(args[0]);
      BIGNUM* g = nullptr;
      if (args[1]->IsInt32()) {
        int word = args[1].As<v8::Int32>()->Value();
        if (word >= 2) {
          g = BN_new();
          BN_set_word(g, word);
        }
      } else {
        g = BufferToBn(args[1]);
        if (g != nullptr && (BN_is_zero(g) || BN_is_one(g))) {
          BN_free(g);
          g = nullptr;
        }
      }
      if (p == nullptr || g == nullptr) {
        BN_free(p);
        BN_free(g);
        DH_free(dh);
        ERR_raise(ERR_LIB_DH, DH_R_BAD_GENERATOR);
        ThrowOpenSSLError(isolate, ERR_get_error(), nullptr);
        return;
      }
      ok = DH_set0_pqg(dh, p, nullptr, g) == 1;
      if (!ok) {
        BN_free(p);
        BN_free(g);
      }
    }
    if (!ok) {
      DH_free(dh);
      ThrowOpenSSLError(isolate, ERR_get_error(),
                        "Initialization failed");
      return;
    }
    new DHHandle(isolate, args.This(), dh);
  }

  static DHHandle* Unwrap(const FunctionCallbackInfo<Value>& args) {
    return UnwrapThis<DHHandle>(args, &kDHType, "DiffieHellman");
  }

  static void GenerateKeys(const FunctionCallbackInfo<Value>& args) {
    DHHandle* h = Unwrap(args);
    if (h == nullptr) return;
    ClearErrorsOnReturn clear;
    if (DH_generate_key(h->dh_) != 1) {
      ThrowOpenSSLError(args.GetIsolate(), ERR_get_error(), "Key generation failed");
      return;
    }
    const BIGNUM* pub = nullptr;
    DH_get0_key(h->dh_, &pub, nullptr);
    args.GetReturnValue().Set(BnToBuffer(args.GetIsolate(), pub));
  }

  // field: 0 prime, 1 generator, 2 public key, 3 private key.
  static void GetField(const FunctionCallbackInfo<Value>& args) {
    DHHandle* h = Unwrap(args);
    if (h == nullptr) return;
    Isolate* isolate = args.GetIsolate();
    int field = args[0]->IsInt32() ? args[0].As<v8::Int32>()->Value() : 0;
    const BIGNUM *p, *g, *pub, *priv;
    DH_get0_pqg(h->dh_, &p, nullptr, &g);
    DH_get0_key(h->dh_, &pub, &priv);
    const BIGNUM* bn = field == 0 ? p : field == 1 ? g : field == 2 ? pub
                                                                   : priv;
    if (bn == nullptr) {
      ThrowCodedError(isolate, "ERR_CRYPTO_INVALID_STATE", ErrorKind::kError,
                      field == 2 ? "No public key - did you forget to "
                                   "generate one?"
                                 : "No private key - did you forget to "
                                   "generate one?");
      return;
    }
    args.GetReturnValue().Set(BnToBuffer(isolate, bn));
  }

  // setKey(isPrivate, bytes)
  static void SetKey(const FunctionCallbackInfo<Value>& args) {
    DHHandle* h = Unwrap(args);
    if (h == nullptr) return;
    BIGNUM* bn = BufferToBn(args[1]);
    if (bn == nullptr) return;
    if (args[0]->IsTrue()) {
      DH_set0_key(h->dh_, nullptr, bn);
    } else {
      DH_set0_key(h->dh_, bn, nullptr);
    }
  }

  static void ComputeSecret(const FunctionCallbackInfo<Value>& args) {
    DHHandle* h = Unwrap(args);
    if (h == nullptr) return;
    Isolate* isolate = args.GetIsolate();
    ClearErrorsOnReturn clear;
    BIGNUM* peer = BufferToBn(args[0]);
    if (peer == nullptr) return;
    const BIGNUM* priv = nullptr;
    DH_get0_key(h->dh_, nullptr, &priv);
    if (priv == nullptr) {
      // Node answers an empty buffer then.
      BN_free(peer);
      args.GetReturnValue().Set(ToArrayBuffer(isolate, nullptr, 0));
      return;
    }
    int codes = 0;
    bool checked = DH_check_pub_key(h->dh_, peer, &codes) == 1;
    if (!checked || codes != 0) {
      BN_free(peer);
      if (checked && (codes & DH_CHECK_PUBKEY_TOO_SMALL)) {
        ThrowCodedError(isolate, "ERR_CRYPTO_INVALID_KEYLEN",
                        ErrorKind::kRangeError, "Supplied key is too small");
      } else if (checked && (codes & DH_CHECK_PUBKEY_TOO_LARGE)) {
        ThrowCodedError(isolate, "ERR_CRYPTO_INVALID_KEYLEN",
                        ErrorKind::kRangeError, "Supplied key is too large");
      } else {
        ThrowCodedError(isolate, "ERR_CRYPTO_INVALID_KEYTYPE",
                        ErrorKind::kRangeError,
                        "Unspecified validation error");
      }
      return;
    }
    int size = DH_size(h->dh_);
    std::vector<unsigned char> secret(size);
    int len = DH_compute_key(secret.data(), peer, h->dh_);
    BN_free(peer);
    if (len < 0) {
      ThrowOpenSSLError(isolate, ERR_get_error(), "Failed to compute key");
      return;
    }
    // Left-pad to the prime's size, as Node does.
    if (len < size) {
      memmove(secret.data() + (size - len), secret.data(), len);
      memset(secret.data(), 0, size - len);
    }
    args.GetReturnValue().Set(
        ToArrayBuffer(isolate, secret.data(), secret.size()));
  }

  static void VerifyError(const FunctionCallbackInfo<Value>& args) {
    DHHandle* h = Unwrap(args);
    if (h == nullptr) return;
    ClearErrorsOnReturn clear;
    int codes = 0;
    if (DH_check(h->dh_, &codes) != 1) codes = 0;
    args.GetReturnValue().Set(codes);
  }

 private:
  DH* dh_;
};

// --- ECDH -------------------------------------------------------------------

class ECDHHandle : public WeakWrap<ECDHHandle> {
 public:
  ECDHHandle(Isolate* isolate, Local<Object> object, EC_KEY* key)
      : WeakWrap(isolate, object, &kECDHType),
        key_(key),
        group_(EC_KEY_get0_group(key)) {}
  ~ECDHHandle() { EC_KEY_free(key_); }
  LODE_DISALLOW_COPY(ECDHHandle);

  // new ECDHHandle(curve)
  static void New(const FunctionCallbackInfo<Value>& args) {
    Isolate* isolate = args.GetIsolate();
    ClearErrorsOnReturn clear;
    if (!args.IsConstructCall()) return;
    int nid = CurveNid(Utf8Value(isolate, args[0]).ToString());
    EC_KEY* key = nid == NID_undef ? nullptr : EC_KEY_new_by_curve_name(nid);
    if (key == nullptr) {
      ThrowCodedError(isolate, "ERR_CRYPTO_INVALID_CURVE",
                      ErrorKind::kTypeError, "Invalid EC curve name");
      return;
    }
    new ECDHHandle(isolate, args.This(), key);
  }

  static ECDHHandle* Unwrap(const FunctionCallbackInfo<Value>& args) {
    return UnwrapThis<ECDHHandle>(args, &kECDHType, "ECDH");
  }

  static void GenerateKeys(const FunctionCallbackInfo<Value>& args) {
    ECDHHandle* h = Unwrap(args);
    if (h == nullptr) return;
    ClearErrorsOnReturn clear;
    if (EC_KEY_generate_key(h->key_) != 1) {
      ThrowOpenSSLError(args.GetIsolate(), ERR_get_error(),
                        "Failed to generate key");
    }
  }

  // getPublicKey(form)
  static void GetPublicKey(const FunctionCallbackInfo<Value>& args) {
    ECDHHandle* h = Unwrap(args);
    if (h == nullptr) return;
    Isolate* isolate = args.GetIsolate();
    ClearErrorsOnReturn clear;
    const EC_POINT* pub = EC_KEY_get0_public_key(h->key_);
    if (pub == nullptr) {
      ThrowCodedError(isolate, "ERR_CRYPTO_OPERATION_FAILED", ErrorKind::kError,
                      "Failed to get ECDH public key");
      return;
    }
    int form = args[0]->IsInt32() ? args[0].As<v8::Int32>()->Value()
                                  : POINT_CONVERSION_UNCOMPRESSED;
    size_t len = EC_POINT_point2oct(
        h->group_, pub, static_cast<point_conversion_form_t>(form), nullptr,
        0, nullptr);
    std::vector<unsigned char> out(len);
    if (len == 0 ||
        EC_POINT_point2oct(h->group_, pub,
                           static_cast<point_conversion_form_t>(form),
                           out.data(), len, nullptr) != len) {
      ThrowCodedError(isolate, "ERR_CRYPTO_OPERATION_FAILED",
                      ErrorKind::kError, "Failed to get public key");
      return;
    }
    args.GetReturnValue().Set(ToArrayBuffer(isolate, out.data(), out.size()));
  }

  static void GetPrivateKey(const FunctionCallbackInfo<Value>& args) {
    ECDHHandle* h = Unwrap(args);
    if (h == nullptr) return;
    const BIGNUM* priv = EC_KEY_get0_private_key(h->key_);
    if (priv == nullptr) {
      ThrowCodedError(args.GetIsolate(), "ERR_CRYPTO_OPERATION_FAILED",
                      ErrorKind::kError, "Failed to get ECDH private key");
      return;
    }
    args.GetReturnValue().Set(BnToBuffer(args.GetIsolate(), priv));
  }

  static void SetPrivateKey(const FunctionCallbackInfo<Value>& args) {
    ECDHHandle* h = Unwrap(args);
    if (h == nullptr) return;
    Isolate* isolate = args.GetIsolate();
    ClearErrorsOnReturn clear;
    BIGNUM* priv = BufferToBn(args[0]);
    if (priv == nullptr) return;
    BIGNUM* order = BN_new();
    bool valid = order != nullptr &&
                 EC_GROUP_get_order(h->group_, order, nullptr) == 1 &&
                 !BN_is_zero(priv) && BN_cmp(priv, order) < 0;
    BN_free(order);
    if (!valid) {
      BN_clear_free(priv);
      ThrowCodedError(isolate, "ERR_CRYPTO_INVALID_KEYTYPE",
                      ErrorKind::kRangeError,
                      "Private key is not valid for specified curve.");
      return;
    }
    EC_KEY* fresh = EC_KEY_new();
    EC_POINT* pub = EC_POINT_new(h->group_);
    bool ok = fresh != nullptr && pub != nullptr &&
              EC_KEY_set_group(fresh, h->group_) == 1 &&
              EC_KEY_set_private_key(fresh, priv) == 1 &&
              EC_POINT_mul(h->group_, pub, priv, nullptr, nullptr, nullptr) ==
                  1 &&
              EC_KEY_set_public_key(fresh, pub) == 1;
    BN_clear_free(priv);
    EC_POINT_free(pub);
    if (!ok) {
      EC_KEY_free(fresh);
      ThrowOpenSSLError(isolate, ERR_get_error(),
                        "Failed to convert BN to a private key");
      return;
    }
    EC_KEY_free(h->key_);
    h->key_ = fresh;
    h->group_ = EC_KEY_get0_group(fresh);
  }

  static void SetPublicKey(const FunctionCallbackInfo<Value>& args) {
    ECDHHandle* h = Unwrap(args);
    if (h == nullptr) return;
    Isolate* isolate = args.GetIsolate();
    ClearErrorsOnReturn clear;
    ByteView view;
    if (!GetByteView(args[0], &view)) return;
    EC_POINT* pub = EC_POINT_new(h->group_);
    bool ok = pub != nullptr &&
              EC_POINT_oct2point(h->group_, pub, view.data, view.length,
                                 nullptr) == 1;
    if (!ok) {
      EC_POINT_free(pub);
      ThrowCodedError(isolate, "ERR_CRYPTO_OPERATION_FAILED",
                      ErrorKind::kError,
                      "Failed to convert Buffer to EC_POINT");
      return;
    }
    ok = EC_KEY_set_public_key(h->key_, pub) == 1;
    EC_POINT_free(pub);
    if (!ok) {
      ThrowCodedError(isolate, "ERR_CRYPTO_OPERATION_FAILED",
                      ErrorKind::kError, "Failed to set EC_POINT as the "
                                         "public key");
    }
  }

  static void ComputeSecret(const FunctionCallbackInfo<Value>& args) {
    ECDHHandle* h = Unwrap(args);
    if (h == nullptr) return;
    Isolate* isolate = args.GetIsolate();
    ClearErrorsOnReturn clear;
    ByteView view;
    if (!GetByteView(args[0], &view)) return;
    if (EC_KEY_get0_private_key(h->key_) == nullptr ||
        EC_KEY_check_key(h->key_) != 1) {
      ERR_clear_error();
      ThrowCodedError(isolate, "ERR_CRYPTO_INVALID_KEYPAIR",
                      ErrorKind::kRangeError, "Invalid key pair");
      return;
    }
    EC_POINT* pub = EC_POINT_new(h->group_);
    if (pub == nullptr ||
        EC_POINT_oct2point(h->group_, pub, view.data, view.length, nullptr) !=
            1) {
      EC_POINT_free(pub);
      ThrowCodedError(isolate, "ERR_CRYPTO_ECDH_INVALID_PUBLIC_KEY",
                      ErrorKind::kError,
                      "Public key is not valid for specified curve");
      return;
    }
    int field = EC_GROUP_get_degree(h->group_);
    size_t len = (field + 7) / 8;
    std::vector<unsigned char> out(len);
    int r = ECDH_compute_key(out.data(), len, pub, h->key_, nullptr);
    EC_POINT_free(pub);
    if (r <= 0) {
      ThrowOpenSSLError(isolate, ERR_get_error(),
                        "Failed to compute ECDH key");
      return;
    }
    args.GetReturnValue().Set(ToArrayBuffer(isolate, out.data(), out.size()));
  }

 private:
  EC_KEY* key_;
  const EC_GROUP* group_;
};

// ecdhConvertKey(key, curve, form)
void ECDHConvertKey(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  ClearErrorsOnReturn clear;
  ByteView view;
  if (!GetByteView(args[0], &view)) return;
  int nid = CurveNid(Utf8Value(isolate, args[1]).ToString());
  EC_GROUP* group =
      nid == NID_undef ? nullptr : EC_GROUP_new_by_curve_name(nid);
  if (group == nullptr) {
    ThrowCodedError(isolate, "ERR_CRYPTO_INVALID_CURVE",
                    ErrorKind::kTypeError, "Invalid EC curve name");
    return;
  }
  EC_POINT* point = EC_POINT_new(group);
  if (point == nullptr ||
      EC_POINT_oct2point(group, point, view.data, view.length, nullptr) !=
          1) {
    EC_POINT_free(point);
    EC_GROUP_free(group);
    ThrowCodedError(isolate, "ERR_CRYPTO_OPERATION_FAILED", ErrorKind::kError,
                    "Failed to convert Buffer to EC_POINT");
    return;
  }
  auto form = static_cast<point_conversion_form_t>(
      args[2]->IsInt32() ? args[2].As<v8::Int32>()->Value()
                         : POINT_CONVERSION_UNCOMPRESSED);
  size_t len = EC_POINT_point2oct(group, point, form, nullptr, 0, nullptr);
  std::vector<unsigned char> out(len);
  bool ok = len > 0 && EC_POINT_point2oct(group, point, form, out.data(), len,
                                          nullptr) == len;
  EC_POINT_free(point);
  EC_GROUP_free(group);
  if (!ok) {
    ThrowCodedError(isolate, "ERR_CRYPTO_OPERATION_FAILED", ErrorKind::kError,
                    "Failed to get public key");
    return;
  }
  args.GetReturnValue().Set(ToArrayBuffer(isolate, out.data(), out.size()));
}

// --- Stateless agreement ----------------------------------------------------

// new DeriveKeyJob(mode, privateHandle, publicHandle): the shared secret.
class DeriveKeyJob : public CryptoJob {
 public:
  static std::unique_ptr<DeriveKeyJob> Create(
      Environment* env, JobMode mode, const FunctionCallbackInfo<Value>& args) {
    EVP_PKEY* priv = KeyFromHandle(args[1]);
    EVP_PKEY* pub = KeyFromHandle(args[2]);
    if (priv == nullptr || pub == nullptr) {
      ThrowCodedError(env->isolate(), "ERR_INVALID_ARG_TYPE",
                      ErrorKind::kTypeError, "Invalid arguments");
      return nullptr;
    }
    auto job = std::make_unique<DeriveKeyJob>(env, mode);
    EVP_PKEY_up_ref(priv);
    job->priv_.reset(priv);
    EVP_PKEY_up_ref(pub);
    job->pub_.reset(pub);
    return job;
  }

  DeriveKeyJob(Environment* env, JobMode mode)
      : CryptoJob(env, mode, "DHBITSREQUEST") {}

 protected:
  void DoWork() override {
    ClearErrorsOnReturn clear;
    PKeyCtxPointer ctx(
        EVP_PKEY_CTX_new_from_pkey(nullptr, priv_.get(), nullptr));
    size_t len = 0;
    ok_ = ctx && EVP_PKEY_derive_init(ctx.get()) == 1 &&
          (!EVP_PKEY_is_a(priv_.get(), "DH") ||
           EVP_PKEY_CTX_set_dh_pad(ctx.get(), 1) == 1) &&
          EVP_PKEY_derive_set_peer(ctx.get(), pub_.get()) == 1 &&
          EVP_PKEY_derive(ctx.get(), nullptr, &len) == 1;
    if (ok_) {
      out_.resize(len);
      ok_ = EVP_PKEY_derive(ctx.get(), out_.data(), &len) == 1;
      out_.resize(len);
    }
    if (!ok_) errors_ = DrainErrors();
  }

  bool Finish(Isolate* isolate, Local<Value>* error,
              Local<Value>* result) override {
    if (!ok_) {
      *error = FailureError(isolate, errors_, "Failed to derive shared secret");
    } else {
      *result = ToArrayBuffer(isolate, out_.data(), out_.size());
    }
    return true;
  }

 private:
  PKeyPointer priv_;
  PKeyPointer pub_;
  bool ok_ = false;
  std::vector<unsigned char> out_;
  std::vector<unsigned long> errors_;
};

void NewDeriveKeyJob(const FunctionCallbackInfo<Value>& args) {
  NewJob<DeriveKeyJob>(args);
}

// --- Key encapsulation ------------------------------------------------------

// new KemJob(mode, handle[, ciphertext]): with a public key, encapsulation
// -> [sharedKey, ciphertext]; with a private key and a ciphertext,
// decapsulation -> sharedKey (ArrayBuffers). OpenSSL 3.0 has one KEM,
// RSASVE, for RSA keys; other keys fail to initialize.
class KemJob : public CryptoJob {
 public:
  static std::unique_ptr<KemJob> Create(
      Environment* env, JobMode mode, const FunctionCallbackInfo<Value>& args) {
    EVP_PKEY* key = KeyFromHandle(args[1]);
    ByteView ciphertext;
    bool decapsulate = !args[2]->IsUndefined();
    if (key == nullptr ||
        (decapsulate && !GetByteView(args[2], &ciphertext))) {
      ThrowCodedError(env->isolate(), "ERR_INVALID_ARG_TYPE",
                      ErrorKind::kTypeError, "Invalid arguments");
      return nullptr;
    }
    auto job = std::make_unique<KemJob>(env, mode);
    EVP_PKEY_up_ref(key);
    job->key_.reset(key);
    job->decapsulate_ = decapsulate;
    if (decapsulate) {
      job->in_.assign(ciphertext.data, ciphertext.data + ciphertext.length);
    }
    return job;
  }

  KemJob(Environment* env, JobMode mode)
      : CryptoJob(env, mode, "KEMREQUEST") {}

 protected:
  void DoWork() override {
    ClearErrorsOnReturn clear;
    PKeyCtxPointer ctx(
        EVP_PKEY_CTX_new_from_pkey(nullptr, key_.get(), nullptr));
    const char* what = decapsulate_ ? "decapsulation" : "encapsulation";
    bool initialized =
        ctx && (decapsulate_ ? EVP_PKEY_decapsulate_init(ctx.get(), nullptr)
                             : EVP_PKEY_encapsulate_init(ctx.get(), nullptr)) ==
                   1;
    if (initialized && EVP_PKEY_is_a(key_.get(), "RSA")) {
      initialized = EVP_PKEY_CTX_set_kem_op(ctx.get(), "RSASVE") == 1;
    }
    if (!initialized) {
      failure_ = std::string("Failed to initialize ") + what;
      return;
    }
    size_t secret_len = 0;
    size_t out_len = 0;
    bool ok;
    if (decapsulate_) {
      ok = EVP_PKEY_decapsulate(ctx.get(), nullptr, &secret_len, in_.data(),
                                in_.size()) == 1;
      if (ok) {
        secret_.resize(secret_len);
        ok = EVP_PKEY_decapsulate(ctx.get(), secret_.data(), &secret_len,
                                  in_.data(), in_.size()) == 1;
        secret_.resize(secret_len);
      }
    } else {
      ok = EVP_PKEY_encapsulate(ctx.get(), nullptr, &out_len, nullptr,
                                &secret_len) == 1;
      if (ok) {
        out_.resize(out_len);
        secret_.resize(secret_len);
        ok = EVP_PKEY_encapsulate(ctx.get(), out_.data(), &out_len,
                                  secret_.data(), &secret_len) == 1;
        out_.resize(out_len);
        secret_.resize(secret_len);
      }
    }
    if (!ok) failure_ = std::string("Failed to perform ") + what;
  }

  bool Finish(Isolate* isolate, Local<Value>* error,
              Local<Value>* result) override {
    if (!failure_.empty()) {
      // As Node: the operation's own message when called synchronously,
      // the one of every failed key job on the threadpool.
      *error = mode() == kJobSync
                   ? CodedError(isolate, "ERR_CRYPTO_OPERATION_FAILED",
                                ErrorKind::kError, failure_)
                   : JobError(isolate, {}, "Deriving bits failed");
      return true;
    }
    Local<Value> secret = ToArrayBuffer(isolate, secret_.data(),
                                        secret_.size());
    if (decapsulate_) {
      *result = secret;
    } else {
      Local<Value> pair[] = {
          secret, ToArrayBuffer(isolate, out_.data(), out_.size())};
      *result = v8::Array::New(isolate, pair, 2);
    }
    return true;
  }

 private:
  PKeyPointer key_;
  bool decapsulate_ = false;
  std::vector<unsigned char> in_;
  std::vector<unsigned char> out_;
  std::vector<unsigned char> secret_;
  std::string failure_;
};

void NewKemJob(const FunctionCallbackInfo<Value>& args) {
  NewJob<KemJob>(args);
}

}  // namespace

void InitializeDH(Local<Context> context, Local<Object> target) {
  Isolate* isolate = context->GetIsolate();
  Local<FunctionTemplate> dh = NewFunctionTemplate(isolate, DHHandle::New);
  dh->InstanceTemplate()->SetInternalFieldCount(kWrapFieldCount);
  SetProtoMethod(isolate, dh, "generateKeys", DHHandle::GenerateKeys);
  SetProtoMethod(isolate, dh, "getField", DHHandle::GetField);
  SetProtoMethod(isolate, dh, "setKey", DHHandle::SetKey);
  SetProtoMethod(isolate, dh, "computeSecret", DHHandle::ComputeSecret);
  SetProtoMethod(isolate, dh, "verifyError", DHHandle::VerifyError);
  SetConstructorFunction(context, target, "DiffieHellmanHandle", dh);

  Local<FunctionTemplate> ecdh = NewFunctionTemplate(isolate, ECDHHandle::New);
  ecdh->InstanceTemplate()->SetInternalFieldCount(kWrapFieldCount);
  SetProtoMethod(isolate, ecdh, "generateKeys", ECDHHandle::GenerateKeys);
  SetProtoMethod(isolate, ecdh, "getPublicKey", ECDHHandle::GetPublicKey);
  SetProtoMethod(isolate, ecdh, "getPrivateKey", ECDHHandle::GetPrivateKey);
  SetProtoMethod(isolate, ecdh, "setPrivateKey", ECDHHandle::SetPrivateKey);
  SetProtoMethod(isolate, ecdh, "setPublicKey", ECDHHandle::SetPublicKey);
  SetProtoMethod(isolate, ecdh, "computeSecret", ECDHHandle::ComputeSecret);
  SetConstructorFunction(context, target, "ECDHHandle", ecdh);

  SetMethod(context, target, "ecdhConvertKey", ECDHConvertKey);
  SetJobConstructor(context, target, "DeriveKeyJob", NewDeriveKeyJob);
  SetJobConstructor(context, target, "KemJob", NewKemJob);
}

void RegisterDHReferences(ExternalReferenceRegistry* registry) {
  registry->Register(DHHandle::New);
  registry->Register(DHHandle::GenerateKeys);
  registry->Register(DHHandle::GetField);
  registry->Register(DHHandle::SetKey);
  registry->Register(DHHandle::ComputeSecret);
  registry->Register(DHHandle::VerifyError);
  registry->Register(ECDHHandle::New);
  registry->Register(ECDHHandle::GenerateKeys);
  registry->Register(ECDHHandle::GetPublicKey);
  registry->Register(ECDHHandle::GetPrivateKey);
  registry->Register(ECDHHandle::SetPrivateKey);
  registry->Register(ECDHHandle::SetPublicKey);
  registry->Register(ECDHHandle::ComputeSecret);
  registry->Register(ECDHConvertKey);
  registry->Register(NewDeriveKeyJob);
  registry->Register(NewKemJob);
}

}  // namespace lode::crypto
