// Signatures and RSA encryption for internalBinding('crypto'): SignBase
// (the digest stream behind Sign and Verify), SignJob (crypto.sign() and
// crypto.verify(), at once or on the threadpool) and rsaCipher (publicEncrypt,
// privateDecrypt, privateEncrypt, publicDecrypt). Keys arrive as
// KeyObjectHandles; lib/ has parsed and checked them.
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/rsa.h>

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

const WrapType kSignType = {"SignBase", nullptr};

enum DsaEncoding { kDsaDer = 0, kDsaP1363 = 1 };

struct MdCtxDeleter {
  void operator()(EVP_MD_CTX* ctx) const { EVP_MD_CTX_free(ctx); }
};
using MdCtxPointer = std::unique_ptr<EVP_MD_CTX, MdCtxDeleter>;

// Signature options as lib/ passes them: padding and salt length when set
// (else undefined), the DSA encoding.
struct SigOptions {
  bool has_padding = false;
  int padding = 0;
  bool has_salt = false;
  int salt = 0;
  int dsa_encoding = kDsaDer;

  void Read(Local<Value> padding_value, Local<Value> salt_value,
            Local<Value> encoding_value) {
    has_padding = padding_value->IsInt32();
    if (has_padding) padding = padding_value.As<v8::Int32>()->Value();
    has_salt = salt_value->IsInt32();
    if (has_salt) salt = salt_value.As<v8::Int32>()->Value();
    dsa_encoding = encoding_value->IsInt32() &&
                           encoding_value.As<v8::Int32>()->Value() == 1
                       ? kDsaP1363
                       : kDsaDer;
  }
};

// Ed25519 and Ed448 sign whole messages: Sign/Verify streams refuse them.
bool RefuseEdKey(Isolate* isolate, EVP_PKEY* pkey) {
  int id = EVP_PKEY_get_base_id(pkey);
  if (id != EVP_PKEY_ED25519 && id != EVP_PKEY_ED448) return false;
  ThrowCodedError(isolate, "ERR_CRYPTO_UNSUPPORTED_OPERATION",
                  ErrorKind::kError, "Unsupported crypto operation");
  return true;
}

bool IsRsa(EVP_PKEY* pkey) {
  int id = EVP_PKEY_get_base_id(pkey);
  return id == EVP_PKEY_RSA || id == EVP_PKEY_RSA_PSS;
}

// Padding and salt length on a signing context, as Node applies them: a
// padding for RSA keys (PSS by default for RSA-PSS keys), a salt length
// only with PSS and only when given.
bool ApplyRsaOptions(EVP_PKEY* pkey, EVP_PKEY_CTX* pctx,
                     const SigOptions& opts) {
  if (!IsRsa(pkey)) return true;
  int padding = opts.has_padding ? opts.padding
                : EVP_PKEY_get_base_id(pkey) == EVP_PKEY_RSA_PSS
                    ? RSA_PKCS1_PSS_PADDING
                    : RSA_PKCS1_PADDING;
  if (EVP_PKEY_CTX_set_rsa_padding(pctx, padding) <= 0) return false;
  if (padding == RSA_PKCS1_PSS_PADDING && opts.has_salt &&
      EVP_PKEY_CTX_set_rsa_pss_saltlen(pctx, opts.salt) <= 0) {
    return false;
  }
  return true;
}

// Bytes of r and of s in an IEEE P1363 signature for this key; 0 for keys
// that have no such form.
size_t P1363HalfSize(EVP_PKEY* pkey) {
  int id = EVP_PKEY_get_base_id(pkey);
  if (id == EVP_PKEY_EC) return (EVP_PKEY_get_bits(pkey) + 7) / 8;
  if (id == EVP_PKEY_DSA) {
    BIGNUM* q = nullptr;
    if (EVP_PKEY_get_bn_param(pkey, OSSL_PKEY_PARAM_FFC_Q, &q) != 1) return 0;
    size_t bytes = (BN_num_bits(q) + 7) / 8;
    BN_free(q);
    return bytes;
  }
  return 0;
}

bool DerToP1363(const std::vector<unsigned char>& der, size_t half,
                std::vector<unsigned char>* out) {
  const unsigned char* p = der.data();
  ECDSA_SIG* sig = d2i_ECDSA_SIG(nullptr, &p, static_cast<long>(der.size()));
  if (sig == nullptr) return false;
  const BIGNUM* r = ECDSA_SIG_get0_r(sig);
  const BIGNUM* s = ECDSA_SIG_get0_s(sig);
  out->assign(2 * half, 0);
  bool ok = BN_bn2binpad(r, out->data(), static_cast<int>(half)) > 0 &&
            BN_bn2binpad(s, out->data() + half, static_cast<int>(half)) > 0;
  ECDSA_SIG_free(sig);
  return ok;
}

bool P1363ToDer(const unsigned char* data, size_t length, size_t half,
                std::vector<unsigned char>* out) {
  if (length != 2 * half) return false;
  ECDSA_SIG* sig = ECDSA_SIG_new();
  BIGNUM* r = BN_bin2bn(data, static_cast<int>(half), nullptr);
  BIGNUM* s = BN_bin2bn(data + half, static_cast<int>(half), nullptr);
  if (sig == nullptr || r == nullptr || s == nullptr ||
      ECDSA_SIG_set0(sig, r, s) != 1) {
    BN_free(r);
    BN_free(s);
    ECDSA_SIG_free(sig);
    return false;
  }
  unsigned char* der = nullptr;
  int len = i2d_ECDSA_SIG(sig, &der);
  ECDSA_SIG_free(sig);
  if (len <= 0) return false;
  out->assign(der, der + len);
  OPENSSL_free(der);
  return true;
}

// Turns a DER signature into the requested encoding.
bool EncodeSignature(EVP_PKEY* pkey, int encoding,
                     std::vector<unsigned char>* sig) {
  if (encoding != kDsaP1363) return true;
  size_t half = P1363HalfSize(pkey);
  if (half == 0) return true;
  std::vector<unsigned char> converted;
  if (!DerToP1363(*sig, half, &converted)) return false;
  sig->swap(converted);
  return true;
}

// The DER form of a signature given in `encoding`; false when it cannot be
// one (then it never verifies).
bool DecodeSignature(EVP_PKEY* pkey, int encoding, const unsigned char* data,
                     size_t length, std::vector<unsigned char>* out) {
  size_t half = encoding == kDsaP1363 ? P1363HalfSize(pkey) : 0;
  if (half == 0) {
    out->assign(data, data + length);
    return true;
  }
  return P1363ToDer(data, length, half, out);
}

// --- SignBase ---------------------------------------------------------------

class SignBase : public WeakWrap<SignBase> {
 public:
  SignBase(Isolate* isolate, Local<Object> object)
      : WeakWrap(isolate, object, &kSignType) {}
  LODE_DISALLOW_COPY(SignBase);

  static void New(const FunctionCallbackInfo<Value>& args) {
    if (!args.IsConstructCall()) return;
    new SignBase(args.GetIsolate(), args.This());
  }

  static SignBase* Unwrap(const FunctionCallbackInfo<Value>& args) {
    return UnwrapThis<SignBase>(args, &kSignType, "SignBase");
  }

  // init(algorithm)
  static void Init(const FunctionCallbackInfo<Value>& args) {
    SignBase* sign = Unwrap(args);
    if (sign == nullptr) return;
    Isolate* isolate = args.GetIsolate();
    ClearErrorsOnReturn clear;
    std::string name = Utf8Value(isolate, args[0]).ToString();
    const EVP_MD* md = FindDigest(name);
    MdCtxPointer ctx(EVP_MD_CTX_new());
    if (md == nullptr || !ctx ||
        EVP_DigestInit_ex(ctx.get(), md, nullptr) != 1) {
      ThrowCodedError(isolate, "ERR_CRYPTO_INVALID_DIGEST",
                      ErrorKind::kTypeError, "Invalid digest");
      return;
    }
    sign->md_ = md;
    sign->ctx_ = std::move(ctx);
  }

  // update(data): a string as UTF-8 or bytes.
  static void Update(const FunctionCallbackInfo<Value>& args) {
    SignBase* sign = Unwrap(args);
    if (sign == nullptr) return;
    Isolate* isolate = args.GetIsolate();
    if (!sign->ctx_) {
      ThrowCodedError(isolate, "ERR_CRYPTO_INVALID_STATE", ErrorKind::kError,
                      "Invalid state for operation update");
      return;
    }
    int ok;
    if (args[0]->IsString()) {
      Utf8Value text(isolate, args[0]);
      ok = EVP_DigestUpdate(sign->ctx_.get(), text.c_str(), text.length());
    } else {
      ByteView view;
      if (!GetByteView(args[0], &view)) return;
      ok = EVP_DigestUpdate(sign->ctx_.get(), view.data, view.length);
    }
    if (ok != 1) ThrowOpenSSLError(isolate, ERR_get_error(), "Update failed");
  }

  // The digest so far; the stream is finished after it.
  bool Digest(std::vector<unsigned char>* out) {
    if (!ctx_) return false;
    unsigned char buf[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    bool ok = EVP_DigestFinal_ex(ctx_.get(), buf, &len) == 1;
    ctx_.reset();
    out->assign(buf, buf + len);
    return ok;
  }

  // sign(keyHandle, padding, saltLength, dsaEncoding)
  static void Sign(const FunctionCallbackInfo<Value>& args) {
    SignBase* sign = Unwrap(args);
    if (sign == nullptr) return;
    Isolate* isolate = args.GetIsolate();
    ClearErrorsOnReturn clear;
    EVP_PKEY* pkey = KeyFromHandle(args[0]);
    if (pkey == nullptr || RefuseEdKey(isolate, pkey)) return;
    SigOptions opts;
    opts.Read(args[1], args[2], args[3]);
    std::vector<unsigned char> digest;
    if (!sign->ctx_) {
      ThrowCodedError(isolate, "ERR_CRYPTO_SIGN_KEY_REQUIRED",
                      ErrorKind::kError, "No key provided to sign");
      return;
    }
    if (!sign->Digest(&digest)) {
      ThrowOpenSSLError(isolate, ERR_get_error(), "Digest failed");
      return;
    }
    PKeyCtxPointer pctx(EVP_PKEY_CTX_new_from_pkey(nullptr, pkey, nullptr));
    std::vector<unsigned char> sig;
    size_t len = 0;
    bool ok = pctx && EVP_PKEY_sign_init(pctx.get()) == 1 &&
              ApplyRsaOptions(pkey, pctx.get(), opts) &&
              EVP_PKEY_CTX_set_signature_md(pctx.get(), sign->md_) == 1 &&
              EVP_PKEY_sign(pctx.get(), nullptr, &len, digest.data(),
                            digest.size()) == 1;
    if (ok) {
      sig.resize(len);
      ok = EVP_PKEY_sign(pctx.get(), sig.data(), &len, digest.data(),
                         digest.size()) == 1;
      sig.resize(len);
    }
    if (ok) ok = EncodeSignature(pkey, opts.dsa_encoding, &sig);
    if (!ok) {
      ThrowOpenSSLError(isolate, ERR_get_error(), "Signing failed");
      return;
    }
    args.GetReturnValue().Set(ToArrayBuffer(isolate, sig.data(), sig.size()));
  }

  // verify(keyHandle, signature, padding, saltLength, dsaEncoding)
  static void Verify(const FunctionCallbackInfo<Value>& args) {
    SignBase* sign = Unwrap(args);
    if (sign == nullptr) return;
    Isolate* isolate = args.GetIsolate();
    ClearErrorsOnReturn clear;
    EVP_PKEY* pkey = KeyFromHandle(args[0]);
    ByteView sig_view;
    if (pkey == nullptr || !GetByteView(args[1], &sig_view) ||
        RefuseEdKey(isolate, pkey)) {
      return;
    }
    SigOptions opts;
    opts.Read(args[2], args[3], args[4]);
    if (!sign->ctx_) {
      ThrowCodedError(isolate, "ERR_CRYPTO_SIGN_KEY_REQUIRED",
                      ErrorKind::kError, "No key provided to sign");
      return;
    }
    std::vector<unsigned char> digest;
    if (!sign->Digest(&digest)) {
      ThrowOpenSSLError(isolate, ERR_get_error(), "Digest failed");
      return;
    }
    std::vector<unsigned char> sig;
    if (!DecodeSignature(pkey, opts.dsa_encoding, sig_view.data,
                         sig_view.length, &sig)) {
      args.GetReturnValue().Set(false);
      return;
    }
    PKeyCtxPointer pctx(EVP_PKEY_CTX_new_from_pkey(nullptr, pkey, nullptr));
    if (!pctx || EVP_PKEY_verify_init(pctx.get()) != 1 ||
        !ApplyRsaOptions(pkey, pctx.get(), opts) ||
        EVP_PKEY_CTX_set_signature_md(pctx.get(), sign->md_) != 1) {
      ThrowOpenSSLError(isolate, ERR_get_error(), "Verification failed");
      return;
    }
    int r = EVP_PKEY_verify(pctx.get(), sig.data(), sig.size(), digest.data(),
                            digest.size());
    args.GetReturnValue().Set(r == 1);
  }

 private:
  const EVP_MD* md_ = nullptr;
  MdCtxPointer ctx_;
};

// --- SignJob ----------------------------------------------------------------

// new SignJob(mode, verify, keyHandle, data, digest | undefined, signature,
//             padding, saltLength, dsaEncoding)
class SignJob : public CryptoJob {
 public:
  static std::unique_ptr<SignJob> Create(
      Environment* env, JobMode mode, const FunctionCallbackInfo<Value>& args) {
    Isolate* isolate = env->isolate();
    auto job = std::make_unique<SignJob>(env, mode);
    job->verify_ = args[1]->IsTrue();
    EVP_PKEY* pkey = KeyFromHandle(args[2]);
    if (pkey == nullptr || !CopyBytes(args[3], &job->data_) ||
        (job->verify_ && !CopyBytes(args[5], &job->signature_))) {
      ThrowCodedError(isolate, "ERR_INVALID_ARG_TYPE", ErrorKind::kTypeError,
                      "Invalid arguments to SignJob");
      return nullptr;
    }
    if (args[4]->IsString()) {
      std::string name = Utf8Value(isolate, args[4]).ToString();
      job->md_ = FindDigest(name);
      if (job->md_ == nullptr) {
        ThrowCodedError(isolate, "ERR_CRYPTO_INVALID_DIGEST",
                        ErrorKind::kTypeError, "Invalid digest: " + name);
        return nullptr;
      }
    }
    job->opts_.Read(args[6], args[7], args[8]);
    EVP_PKEY_up_ref(pkey);
    job->pkey_.reset(pkey);
    return job;
  }

  SignJob(Environment* env, JobMode mode)
      : CryptoJob(env, mode, "SIGNREQUEST") {}

 protected:
  void DoWork() override {
    ClearErrorsOnReturn clear;
    EVP_PKEY* pkey = pkey_.get();
    MdCtxPointer ctx(EVP_MD_CTX_new());
    EVP_PKEY_CTX* pctx = nullptr;
    if (!ctx) return Fail();
    if (verify_) {
      std::vector<unsigned char> der;
      if (!DecodeSignature(pkey, opts_.dsa_encoding, signature_.data(),
                           signature_.size(), &der)) {
        ok_ = true;
        verified_ = false;
        return;
      }
      if (EVP_DigestVerifyInit(ctx.get(), &pctx, md_, nullptr, pkey) != 1 ||
          !ApplyRsaOptions(pkey, pctx, opts_)) {
        return Fail();
      }
      int r = EVP_DigestVerify(ctx.get(), der.data(), der.size(),
                               data_.data(), data_.size());
      ok_ = true;
      verified_ = r == 1;
      return;
    }
    size_t len = 0;
    if (EVP_DigestSignInit(ctx.get(), &pctx, md_, nullptr, pkey) != 1 ||
        !ApplyRsaOptions(pkey, pctx, opts_) ||
        EVP_DigestSign(ctx.get(), nullptr, &len, data_.data(), data_.size()) !=
            1) {
      return Fail();
    }
    out_.resize(len);
    if (EVP_DigestSign(ctx.get(), out_.data(), &len, data_.data(),
                       data_.size()) != 1) {
      return Fail();
    }
    out_.resize(len);
    if (!EncodeSignature(pkey, opts_.dsa_encoding, &out_)) return Fail();
    ok_ = true;
  }

  bool Finish(Isolate* isolate, Local<Value>* error,
              Local<Value>* result) override {
    if (!ok_) {
      *error = FailureError(isolate, errors_, verify_ ? "Verification failed"
                                                  : "Signing failed");
    } else if (verify_) {
      *result = v8::Boolean::New(isolate, verified_);
    } else {
      *result = ToArrayBuffer(isolate, out_.data(), out_.size());
    }
    return true;
  }

 private:
  void Fail() { errors_ = DrainErrors(); }

  bool verify_ = false;
  PKeyPointer pkey_;
  const EVP_MD* md_ = nullptr;
  std::vector<unsigned char> data_;
  std::vector<unsigned char> signature_;
  SigOptions opts_;
  bool ok_ = false;
  bool verified_ = false;
  std::vector<unsigned char> out_;
  std::vector<unsigned long> errors_;
};

void NewSignJob(const FunctionCallbackInfo<Value>& args) {
  NewJob<SignJob>(args);
}

// --- RSA encryption ---------------------------------------------------------

enum RsaOp {
  kPublicEncrypt = 0,
  kPrivateDecrypt = 1,
  kPrivateEncrypt = 2,
  kPublicDecrypt = 3
};

// rsaCipher(op, keyHandle, data, padding, oaepHash | undefined,
//           oaepLabel | undefined)
void RsaCipher(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  ClearErrorsOnReturn clear;
  int op = args[0]->IsInt32() ? args[0].As<v8::Int32>()->Value() : -1;
  EVP_PKEY* pkey = KeyFromHandle(args[1]);
  ByteView data;
  if (op < 0 || op > 3 || pkey == nullptr || !GetByteView(args[2], &data) ||
      !args[3]->IsInt32()) {
    ThrowCodedError(isolate, "ERR_INVALID_ARG_TYPE", ErrorKind::kTypeError,
                    "Invalid arguments");
    return;
  }
  int padding = args[3].As<v8::Int32>()->Value();
  const EVP_MD* md = nullptr;
  if (args[4]->IsString()) {
    std::string name = Utf8Value(isolate, args[4]).ToString();
    md = FindDigest(name);
    if (md == nullptr) {
      ThrowCodedError(isolate, "ERR_OSSL_EVP_INVALID_DIGEST",
                      ErrorKind::kError, "Invalid digest used");
      return;
    }
  }
  PKeyCtxPointer ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, pkey, nullptr));
  if (!ctx) {
    ThrowOpenSSLError(isolate, ERR_get_error(), "Operation failed");
    return;
  }
  int init = 0;
  switch (op) {
    case kPublicEncrypt: init = EVP_PKEY_encrypt_init(ctx.get()); break;
    case kPrivateDecrypt: init = EVP_PKEY_decrypt_init(ctx.get()); break;
    case kPrivateEncrypt: init = EVP_PKEY_sign_init(ctx.get()); break;
    case kPublicDecrypt: init = EVP_PKEY_verify_recover_init(ctx.get()); break;
  }
  if (init != 1) {
    ThrowOpenSSLError(isolate, ERR_get_error(), "Operation failed");
    return;
  }
  if (op == kPrivateDecrypt && padding == RSA_PKCS1_PADDING &&
      EVP_PKEY_CTX_ctrl_str(ctx.get(), "rsa_pkcs1_implicit_rejection", "1") <=
          0) {
    // This OpenSSL cannot decrypt PKCS#1 v1.5 without the timing oracle
    // (CVE-2023-46809); Node refuses it then.
    ThrowCodedError(isolate, "ERR_INVALID_ARG_VALUE", ErrorKind::kTypeError,
                    "RSA_PKCS1_PADDING is no longer supported for private "
                    "decryption, this can be reverted with "
                    "--security-revert=CVE-2023-46809");
    return;
  }
  bool ok = EVP_PKEY_CTX_set_rsa_padding(ctx.get(), padding) > 0;
  if (ok && padding == RSA_PKCS1_OAEP_PADDING) {
    if (md != nullptr) {
      ok = EVP_PKEY_CTX_set_rsa_oaep_md(ctx.get(), md) > 0 &&
           EVP_PKEY_CTX_set_rsa_mgf1_md(ctx.get(), md) > 0;
    }
    ByteView label;
    if (ok && GetByteView(args[5], &label) && label.length > 0) {
      void* copy = OPENSSL_memdup(label.data, label.length);
      ok = copy != nullptr &&
           EVP_PKEY_CTX_set0_rsa_oaep_label(
               ctx.get(), copy, static_cast<int>(label.length)) > 0;
      if (!ok) OPENSSL_free(copy);
    }
  }
  std::vector<unsigned char> out;
  size_t len = 0;
  auto run = [&](unsigned char* dst) {
    switch (op) {
      case kPublicEncrypt:
        return EVP_PKEY_encrypt(ctx.get(), dst, &len, data.data, data.length);
      case kPrivateDecrypt:
        return EVP_PKEY_decrypt(ctx.get(), dst, &len, data.data, data.length);
      case kPrivateEncrypt:
        return EVP_PKEY_sign(ctx.get(), dst, &len, data.data, data.length);
      default:
        return EVP_PKEY_verify_recover(ctx.get(), dst, &len, data.data,
                                       data.length);
    }
  };
  if (ok) ok = run(nullptr) == 1;
  if (ok) {
    out.resize(len);
    ok = run(out.data()) == 1;
    out.resize(len);
  }
  if (!ok) {
    ThrowOpenSSLError(isolate, ERR_get_error(), "Operation failed");
    return;
  }
  args.GetReturnValue().Set(ToArrayBuffer(isolate, out.data(), out.size()));
}

// assertDigest(name): throws unless OpenSSL knows the digest (checked
// before the key is parsed, as Node does for oaepHash).
void AssertDigest(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  if (!args[0]->IsString() ||
      FindDigest(Utf8Value(isolate, args[0]).ToString()) == nullptr) {
    ThrowCodedError(isolate, "ERR_OSSL_EVP_INVALID_DIGEST", ErrorKind::kError,
                    "Invalid digest used");
  }
}

}  // namespace

void InitializeSig(Local<Context> context, Local<Object> target) {
  Isolate* isolate = context->GetIsolate();
  Local<FunctionTemplate> t = NewFunctionTemplate(isolate, SignBase::New);
  t->InstanceTemplate()->SetInternalFieldCount(kWrapFieldCount);
  SetProtoMethod(isolate, t, "init", SignBase::Init);
  SetProtoMethod(isolate, t, "update", SignBase::Update);
  SetProtoMethod(isolate, t, "sign", SignBase::Sign);
  SetProtoMethod(isolate, t, "verify", SignBase::Verify);
  SetConstructorFunction(context, target, "SignBase", t);
  SetJobConstructor(context, target, "SignJob", NewSignJob);
  SetMethod(context, target, "rsaCipher", RsaCipher);
  SetMethodNoSideEffect(context, target, "assertDigest", AssertDigest);
}

void RegisterSigReferences(ExternalReferenceRegistry* registry) {
  registry->Register(SignBase::New);
  registry->Register(SignBase::Init);
  registry->Register(SignBase::Update);
  registry->Register(SignBase::Sign);
  registry->Register(SignBase::Verify);
  registry->Register(NewSignJob);
  registry->Register(RsaCipher);
  registry->Register(AssertDigest);
}

}  // namespace lode::crypto
