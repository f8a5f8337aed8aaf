// Asymmetric keys for internalBinding('crypto'): KeyObjectHandle, the native
// object behind every public and private KeyObject (one EVP_PKEY reference),
// and the functions that make one from PEM, DER, JWK components or raw
// bytes. lib/internal/crypto/keys.js validates every option first; this file
// only turns bytes into keys and keys into bytes.
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/encoder.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/param_build.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/rsa.h>
#include <openssl/x509.h>

#include <cstring>

#include "lode_crypto.h"

namespace lode::crypto {

using v8::Array;
using v8::Context;
using v8::Function;
using v8::FunctionCallbackInfo;
using v8::FunctionTemplate;
using v8::Global;
using v8::HandleScope;
using v8::Isolate;
using v8::Local;
using v8::MaybeLocal;
using v8::Object;
using v8::String;
using v8::Value;

namespace {

const WrapType kKeyHandleType = {"KeyObjectHandle", nullptr};

// One EVP_PKEY reference, owned by a weak JS object.
class KeyHandle {
 public:
  KeyHandle(Isolate* isolate, Local<Object> object, PKeyPointer pkey)
      : pkey_(std::move(pkey)) {
    object_.Reset(isolate, object);
    object_.SetWeak(this, OnGC, v8::WeakCallbackType::kParameter);
    SetWrapped(object, this, &kKeyHandleType);
  }
  LODE_DISALLOW_COPY(KeyHandle);

  EVP_PKEY* pkey() const { return pkey_.get(); }

  static KeyHandle* From(Local<Value> value) {
    return static_cast<KeyHandle*>(GetWrapped(value, &kKeyHandleType));
  }

 private:
  static void OnGC(const v8::WeakCallbackInfo<KeyHandle>& info) {
    KeyHandle* handle = info.GetParameter();
    handle->object_.Reset();
    delete handle;
  }

  PKeyPointer pkey_;
  Global<Object> object_;
};

// The handle constructor of one environment, made on first use (never part
// of the startup snapshot).
struct KeysData : public BindingData {
  Global<Function> constructor;
};

void ConstructHandle(const FunctionCallbackInfo<Value>& args) {
  // Instances are made from C++ only; a bare one holds no key.
}

struct BioDeleter {
  void operator()(BIO* bio) const { BIO_free_all(bio); }
};
using BioPointer = std::unique_ptr<BIO, BioDeleter>;

BioPointer MemoryBio(const ByteView& view) {
  return BioPointer(
      BIO_new_mem_buf(view.data, static_cast<int>(view.length)));
}

// What a BIO holds, as a string (PEM) or an ArrayBuffer (DER).
Local<Value> BioContents(Isolate* isolate, BIO* bio, bool as_string) {
  BUF_MEM* mem = nullptr;
  BIO_get_mem_ptr(bio, &mem);
  if (as_string) {
    return String::NewFromUtf8(isolate, mem->data, v8::NewStringType::kNormal,
                               static_cast<int>(mem->length))
        .ToLocalChecked();
  }
  return ToArrayBuffer(isolate, reinterpret_cast<unsigned char*>(mem->data),
                       mem->length);
}

// --- Passphrases ------------------------------------------------------------

struct Passphrase {
  bool given = false;
  std::vector<unsigned char> bytes;
  bool asked = false;  // OpenSSL wanted one (the key is encrypted)
};

int PassphraseCallback(char* buf, int size, int rwflag, void* u) {
  Passphrase* pass = static_cast<Passphrase*>(u);
  pass->asked = true;
  if (!pass->given) return -1;
  if (pass->bytes.size() > static_cast<size_t>(size)) return -1;
  memcpy(buf, pass->bytes.data(), pass->bytes.size());
  return static_cast<int>(pass->bytes.size());
}

// --- Parsing ----------------------------------------------------------------

enum class Encoding { kNone, kPkcs1, kSpki, kPkcs8, kSec1 };

Encoding ParseEncoding(Isolate* isolate, Local<Value> value) {
  if (!value->IsString()) return Encoding::kNone;
  std::string s = Utf8Value(isolate, value).ToString();
  if (s == "pkcs1") return Encoding::kPkcs1;
  if (s == "spki") return Encoding::kSpki;
  if (s == "pkcs8") return Encoding::kPkcs8;
  if (s == "sec1") return Encoding::kSec1;
  return Encoding::kNone;
}

bool IsEncryptedPkcs8(const ByteView& der) {
  const unsigned char* p = der.data;
  X509_SIG* sig = d2i_X509_SIG(nullptr, &p, static_cast<long>(der.length));
  X509_SIG_free(sig);
  ERR_clear_error();
  return sig != nullptr;
}

enum class ParseResult { kOk, kFailed, kNeedPassphrase, kNoStartLine };

// Whether `der` holds one whole ASN.1 object; when it is cut short, the
// queue says so ("not enough data"), as reading it from a BIO reports.
bool WholeDerObject(const ByteView& der) {
  BioPointer bio = MemoryBio(der);
  ERR_set_mark();
  PKCS8_PRIV_KEY_INFO* info = d2i_PKCS8_PRIV_KEY_INFO_bio(bio.get(), nullptr);
  PKCS8_PRIV_KEY_INFO_free(info);
  unsigned long err = ERR_peek_last_error();
  if (info == nullptr && ERR_GET_LIB(err) == ERR_LIB_ASN1 &&
      ERR_GET_REASON(err) == ASN1_R_NOT_ENOUGH_DATA) {
    ERR_clear_last_mark();
    return false;
  }
  ERR_pop_to_mark();
  return true;
}

ParseResult ParsePrivateDer(const ByteView& der, Encoding enc,
                            Passphrase* pass, PKeyPointer* out) {
  const unsigned char* p = der.data;
  long len = static_cast<long>(der.length);
  if (!WholeDerObject(der)) return ParseResult::kFailed;
  if (enc == Encoding::kPkcs1) {
    out->reset(d2i_PrivateKey(EVP_PKEY_RSA, nullptr, &p, len));
  } else if (enc == Encoding::kSec1) {
    out->reset(d2i_PrivateKey(EVP_PKEY_EC, nullptr, &p, len));
  } else if (IsEncryptedPkcs8(der)) {
    if (!pass->given) return ParseResult::kNeedPassphrase;
    BioPointer bio = MemoryBio(der);
    out->reset(
        d2i_PKCS8PrivateKey_bio(bio.get(), nullptr, PassphraseCallback, pass));
  } else {
    PKCS8_PRIV_KEY_INFO* info = d2i_PKCS8_PRIV_KEY_INFO(nullptr, &p, len);
    if (info != nullptr) {
      out->reset(EVP_PKCS82PKEY(info));
      PKCS8_PRIV_KEY_INFO_free(info);
    }
  }
  return *out ? ParseResult::kOk : ParseResult::kFailed;
}

ParseResult ParsePrivatePem(const ByteView& pem, Passphrase* pass,
                            PKeyPointer* out) {
  BioPointer bio = MemoryBio(pem);
  out->reset(
      PEM_read_bio_PrivateKey(bio.get(), nullptr, PassphraseCallback, pass));
  if (*out) return ParseResult::kOk;
  return ParseResult::kFailed;
}

// Reads the next PEM block of `bio` and hands its name and decoded bytes to
// `use`; false when there is none.
template <typename Use>
bool ReadPemBlock(BIO* bio, Use&& use) {
  char* name = nullptr;
  char* header = nullptr;
  unsigned char* data = nullptr;
  long len = 0;
  bool found = PEM_read_bio(bio, &name, &header, &data, &len) == 1;
  if (found) use(name, static_cast<const unsigned char*>(data), len);
  OPENSSL_free(name);
  OPENSSL_free(header);
  OPENSSL_free(data);
  return found;
}

// The name of the first PEM block in `pem`, or "" when there is none.
std::string FirstPemName(const ByteView& pem) {
  BioPointer bio = MemoryBio(pem);
  std::string result;
  ERR_set_mark();
  ReadPemBlock(bio.get(), [&](const char* name, const unsigned char*, long) {
    result = name;
  });
  ERR_pop_to_mark();
  return result;
}

// A public key from PEM: SPKI, PKCS#1, a certificate's key, or the public
// half of a private key.
ParseResult ParsePublicPem(const ByteView& pem, Passphrase* pass,
                           PKeyPointer* out) {
  std::string name = FirstPemName(pem);
  BioPointer bio = MemoryBio(pem);
  if (name == "PUBLIC KEY") {
    // The block's DER through d2i_PUBKEY, as Node reads it: an algorithm
    // OpenSSL does not know then fails with EVP's "decode error" alone
    // (PEM_read_bio_PUBKEY's decoders report "unsupported" first).
    ReadPemBlock(bio.get(),
                 [&](const char*, const unsigned char* p, long len) {
                   out->reset(d2i_PUBKEY(nullptr, &p, len));
                 });
  } else if (name == "RSA PUBLIC KEY") {
    ReadPemBlock(bio.get(),
                 [&](const char*, const unsigned char* p, long len) {
                   out->reset(d2i_PublicKey(EVP_PKEY_RSA, nullptr, &p, len));
                 });
  } else if (name == "CERTIFICATE" || name == "X509 CERTIFICATE" ||
             name == "TRUSTED CERTIFICATE") {
    X509* cert = name == "TRUSTED CERTIFICATE"
                     ? PEM_read_bio_X509_AUX(bio.get(), nullptr, nullptr,
                                             nullptr)
                     : PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr);
    if (cert != nullptr) {
      out->reset(X509_get_pubkey(cert));
      X509_free(cert);
    }
  } else {
    return ParsePrivatePem(pem, pass, out);
  }
  return *out ? ParseResult::kOk : ParseResult::kFailed;
}

ParseResult ParsePublicDer(const ByteView& der, Encoding enc,
                           Passphrase* pass, PKeyPointer* out) {
  const unsigned char* p = der.data;
  long len = static_cast<long>(der.length);
  if (enc == Encoding::kSpki) {
    out->reset(d2i_PUBKEY(nullptr, &p, len));
    return *out ? ParseResult::kOk : ParseResult::kFailed;
  }
  if (enc == Encoding::kPkcs1) {
    ERR_set_mark();
    out->reset(d2i_PublicKey(EVP_PKEY_RSA, nullptr, &p, len));
    if (*out) {
      ERR_pop_to_mark();
      return ParseResult::kOk;
    }
    ERR_pop_to_mark();
  }
  return ParsePrivateDer(der, enc, pass, out);
}

// parseKey(isPrivate, data, format, type, passphrase): a KeyObjectHandle.
// `format` is 'pem' or 'der'; `type` one of 'pkcs1', 'spki', 'pkcs8',
// 'sec1' for DER; a public key may come from a private one.
void ParseKey(const FunctionCallbackInfo<Value>& args) {
  Environment* env = Environment::GetCurrent(args);
  Isolate* isolate = env->isolate();
  ClearErrorsOnReturn clear;
  bool is_private = args[0]->IsTrue();
  ByteView data;
  if (!GetByteView(args[1], &data)) {
    ThrowCodedError(isolate, "ERR_INVALID_ARG_TYPE", ErrorKind::kTypeError,
                    "The \"key\" argument must be a buffer");
    return;
  }
  bool der = args[2]->IsString() &&
             Utf8Value(isolate, args[2]).ToString() == "der";
  Encoding enc = ParseEncoding(isolate, args[3]);
  Passphrase pass;
  if (!args[4]->IsUndefined() && !args[4]->IsNull()) {
    pass.given = CopyBytes(args[4], &pass.bytes);
  }
  if (data.length > INT32_MAX) {
    ThrowCodedError(isolate, "ERR_OUT_OF_RANGE", ErrorKind::kRangeError,
                    "The key is too large");
    return;
  }
  PKeyPointer pkey;
  ParseResult result;
  if (der) {
    result = is_private ? ParsePrivateDer(data, enc, &pass, &pkey)
                        : ParsePublicDer(data, enc, &pass, &pkey);
  } else {
    result = is_private ? ParsePrivatePem(data, &pass, &pkey)
                        : ParsePublicPem(data, &pass, &pkey);
  }
  if (result == ParseResult::kNeedPassphrase) {
    ThrowCodedError(isolate, "ERR_MISSING_PASSPHRASE", ErrorKind::kTypeError,
                    "Passphrase required for encrypted key");
    return;
  }
  if (result != ParseResult::kOk) {
    unsigned long err = ERR_peek_error();
    if (err == 0 || (der && enc == Encoding::kSpki)) {
      ThrowOpenSSLError(isolate, 0, "Failed to read asymmetric key");
      return;
    }
    // Peeked, not taken: Node lists the reported error in the stack too.
    ThrowOpenSSLError(isolate, err, nullptr);
    return;
  }
  Local<Object> handle;
  if (NewKeyHandle(env, std::move(pkey)).ToLocal(&handle)) {
    args.GetReturnValue().Set(handle);
  }
}

// --- Components -------------------------------------------------------------

struct BnDeleter {
  void operator()(BIGNUM* bn) const { BN_clear_free(bn); }
};
using BnPointer = std::unique_ptr<BIGNUM, BnDeleter>;

BnPointer ToBn(Local<Value> value) {
  ByteView view;
  if (!GetByteView(value, &view)) return nullptr;
  return BnPointer(
      BN_bin2bn(view.data, static_cast<int>(view.length), nullptr));
}

struct ParamBldDeleter {
  void operator()(OSSL_PARAM_BLD* bld) const { OSSL_PARAM_BLD_free(bld); }
};
struct ParamDeleter {
  void operator()(OSSL_PARAM* p) const { OSSL_PARAM_free(p); }
};

// A key of OpenSSL type `type` from the parameters `bld` holds.
PKeyPointer FromData(const char* type, OSSL_PARAM_BLD* bld, int selection) {
  std::unique_ptr<OSSL_PARAM, ParamDeleter> params(
      OSSL_PARAM_BLD_to_param(bld));
  if (!params) return nullptr;
  PKeyCtxPointer ctx(EVP_PKEY_CTX_new_from_name(nullptr, type, nullptr));
  if (!ctx || EVP_PKEY_fromdata_init(ctx.get()) != 1) return nullptr;
  EVP_PKEY* pkey = nullptr;
  if (EVP_PKEY_fromdata(ctx.get(), &pkey, selection, params.get()) != 1) {
    return nullptr;
  }
  return PKeyPointer(pkey);
}

bool PublicKeyValid(EVP_PKEY* pkey) {
  PKeyCtxPointer ctx(EVP_PKEY_CTX_new_from_pkey(nullptr, pkey, nullptr));
  return ctx && EVP_PKEY_public_check(ctx.get()) == 1;
}

// keyFromJwk(isPrivate, kty, fields): fields holds the decoded members as
// buffers (RSA: n e d p q dp dq qi; EC: crv as OpenSSL's curve name, x y d;
// OKP: type as 'ed25519'... , x d). Undefined when they make no valid key
// (lib/ then throws ERR_CRYPTO_INVALID_JWK).
void KeyFromJwk(const FunctionCallbackInfo<Value>& args) {
  Environment* env = Environment::GetCurrent(args);
  Isolate* isolate = env->isolate();
  Local<Context> context = env->context();
  ClearErrorsOnReturn clear;
  if (!args[1]->IsString() || !args[2]->IsObject()) return;
  bool is_private = args[0]->IsTrue();
  std::string kty = Utf8Value(isolate, args[1]).ToString();
  Local<Object> fields = args[2].As<Object>();
  auto field = [&](const char* name) -> Local<Value> {
    Local<Value> v;
    if (!fields->Get(context, OneByteString(isolate, name)).ToLocal(&v)) {
      return v8::Undefined(isolate);
    }
    return v;
  };
  PKeyPointer pkey;
  std::unique_ptr<OSSL_PARAM_BLD, ParamBldDeleter> bld(OSSL_PARAM_BLD_new());
  if (kty == "RSA") {
    static const char* const kNames[] = {"n", "e", "d", "p", "q",
                                         "dp", "dq", "qi"};
    static const char* const kParams[] = {
        OSSL_PKEY_PARAM_RSA_N,         OSSL_PKEY_PARAM_RSA_E,
        OSSL_PKEY_PARAM_RSA_D,         OSSL_PKEY_PARAM_RSA_FACTOR1,
        OSSL_PKEY_PARAM_RSA_FACTOR2,   OSSL_PKEY_PARAM_RSA_EXPONENT1,
        OSSL_PKEY_PARAM_RSA_EXPONENT2, OSSL_PKEY_PARAM_RSA_COEFFICIENT1};
    std::vector<BnPointer> bns;
    size_t count = is_private ? 8 : 2;
    for (size_t i = 0; i < count; i++) {
      BnPointer bn = ToBn(field(kNames[i]));
      if (!bn) return;
      if (OSSL_PARAM_BLD_push_BN(bld.get(), kParams[i], bn.get()) != 1) {
        return;
      }
      bns.push_back(std::move(bn));
    }
    pkey = FromData("RSA", bld.get(),
                    is_private ? EVP_PKEY_KEYPAIR : EVP_PKEY_PUBLIC_KEY);
  } else if (kty == "EC") {
    std::string curve = Utf8Value(isolate, field("crv")).ToString();
    ByteView x, y;
    if (!GetByteView(field("x"), &x) || !GetByteView(field("y"), &y)) return;
    std::vector<unsigned char> point(1 + x.length + y.length);
    point[0] = POINT_CONVERSION_UNCOMPRESSED;
    memcpy(point.data() + 1, x.data, x.length);
    memcpy(point.data() + 1 + x.length, y.data, y.length);
    BnPointer d;
    if (is_private && !(d = ToBn(field("d")))) return;
    if (OSSL_PARAM_BLD_push_utf8_string(bld.get(), OSSL_PKEY_PARAM_GROUP_NAME,
                                        curve.c_str(), 0) != 1 ||
        OSSL_PARAM_BLD_push_octet_string(bld.get(), OSSL_PKEY_PARAM_PUB_KEY,
                                         point.data(), point.size()) != 1 ||
        (d && OSSL_PARAM_BLD_push_BN(bld.get(), OSSL_PKEY_PARAM_PRIV_KEY,
                                     d.get()) != 1)) {
      return;
    }
    pkey = FromData("EC", bld.get(),
                    is_private ? EVP_PKEY_KEYPAIR : EVP_PKEY_PUBLIC_KEY);
    if (pkey && !PublicKeyValid(pkey.get())) return;
  } else if (kty == "OKP") {
    std::string type = Utf8Value(isolate, field("type")).ToString();
    ByteView bytes;
    if (!GetByteView(field(is_private ? "d" : "x"), &bytes)) return;
    pkey.reset(is_private
                   ? EVP_PKEY_new_raw_private_key_ex(
                         nullptr, type.c_str(), nullptr, bytes.data,
                         bytes.length)
                   : EVP_PKEY_new_raw_public_key_ex(nullptr, type.c_str(),
                                                    nullptr, bytes.data,
                                                    bytes.length));
    if (pkey && is_private) {
      // The given public key must be the private key's.
      ByteView x;
      if (GetByteView(field("x"), &x)) {
        unsigned char pub[64];
        size_t len = sizeof(pub);
        if (EVP_PKEY_get_raw_public_key(pkey.get(), pub, &len) != 1 ||
            len != x.length || memcmp(pub, x.data, len) != 0) {
          return;
        }
      }
    }
  }
  if (!pkey) return;
  Local<Object> handle;
  if (NewKeyHandle(env, std::move(pkey)).ToLocal(&handle)) {
    args.GetReturnValue().Set(handle);
  }
}

// keyFromRaw(type, isPrivate, bytes): an OKP key ('ed25519', 'x25519'...)
// from its raw bytes, or (type 'ec:<curve>') an EC public key from its
// encoded point. Undefined when the bytes make no such key.
void KeyFromRaw(const FunctionCallbackInfo<Value>& args) {
  Environment* env = Environment::GetCurrent(args);
  Isolate* isolate = env->isolate();
  ClearErrorsOnReturn clear;
  ByteView bytes;
  if (!args[0]->IsString() || !GetByteView(args[2], &bytes)) return;
  std::string type = Utf8Value(isolate, args[0]).ToString();
  bool is_private = args[1]->IsTrue();
  PKeyPointer pkey;
  if (type.compare(0, 3, "ec:") == 0) {
    std::unique_ptr<OSSL_PARAM_BLD, ParamBldDeleter> bld(OSSL_PARAM_BLD_new());
    if (OSSL_PARAM_BLD_push_utf8_string(bld.get(), OSSL_PKEY_PARAM_GROUP_NAME,
                                        type.c_str() + 3, 0) != 1 ||
        OSSL_PARAM_BLD_push_octet_string(bld.get(), OSSL_PKEY_PARAM_PUB_KEY,
                                         bytes.data, bytes.length) != 1) {
      return;
    }
    pkey = FromData("EC", bld.get(), EVP_PKEY_PUBLIC_KEY);
    if (pkey && !PublicKeyValid(pkey.get())) return;
  } else {
    pkey.reset(is_private
                   ? EVP_PKEY_new_raw_private_key_ex(
                         nullptr, type.c_str(), nullptr, bytes.data,
                         bytes.length)
                   : EVP_PKEY_new_raw_public_key_ex(nullptr, type.c_str(),
                                                    nullptr, bytes.data,
                                                    bytes.length));
  }
  if (!pkey) return;
  Local<Object> handle;
  if (NewKeyHandle(env, std::move(pkey)).ToLocal(&handle)) {
    args.GetReturnValue().Set(handle);
  }
}

// --- Handle methods ---------------------------------------------------------

KeyHandle* Receiver(const FunctionCallbackInfo<Value>& args) {
  KeyHandle* handle = KeyHandle::From(args.This());
  if (handle == nullptr || handle->pkey() == nullptr) {
    ThrowCodedError(args.GetIsolate(), "ERR_INVALID_THIS",
                    ErrorKind::kTypeError,
                    "Value of \"this\" must be of type KeyObjectHandle");
    return nullptr;
  }
  return handle;
}

void GetAsymmetricKeyType(const FunctionCallbackInfo<Value>& args) {
  KeyHandle* handle = Receiver(args);
  if (handle == nullptr) return;
  const char* name = KeyTypeName(handle->pkey());
  if (name != nullptr) {
    args.GetReturnValue().Set(OneByteString(args.GetIsolate(), name));
  }
}

std::string BnParamHex(EVP_PKEY* pkey, const char* name) {
  BIGNUM* bn = nullptr;
  if (EVP_PKEY_get_bn_param(pkey, name, &bn) != 1) return "";
  char* hex = BN_bn2hex(bn);
  std::string result = hex != nullptr ? hex : "";
  OPENSSL_free(hex);
  BN_free(bn);
  return result;
}

int BnParamBits(EVP_PKEY* pkey, const char* name) {
  BIGNUM* bn = nullptr;
  if (EVP_PKEY_get_bn_param(pkey, name, &bn) != 1) return 0;
  int bits = BN_num_bits(bn);
  BN_free(bn);
  return bits;
}

std::string Utf8Param(EVP_PKEY* pkey, const char* name) {
  char buf[80];
  size_t len = 0;
  if (EVP_PKEY_get_utf8_string_param(pkey, name, buf, sizeof(buf), &len) !=
      1) {
    return "";
  }
  return std::string(buf, len);
}

struct PssRestrictions {
  std::string md = "sha1";
  std::string mgf1_md = "sha1";
  int salt_length = 20;
};

std::string DigestLabel(const ASN1_OBJECT* obj) {
  const char* ln = OBJ_nid2ln(OBJ_obj2nid(obj));
  std::string label = ln != nullptr ? ln : "";
  for (char& c : label) c = static_cast<char>(tolower(c));
  return label;
}

// The parameters an RSA-PSS key is restricted to, read from its
// AlgorithmIdentifier (absent fields take RFC 4055's defaults); false for an
// unrestricted key.
bool GetPssRestrictions(EVP_PKEY* pkey, PssRestrictions* out) {
  X509_PUBKEY* xpk = nullptr;
  if (X509_PUBKEY_set(&xpk, pkey) != 1) return false;
  X509_ALGOR* alg = nullptr;
  bool restricted = false;
  if (X509_PUBKEY_get0_param(nullptr, nullptr, nullptr, &alg, xpk) == 1 &&
      alg != nullptr) {
    int ptype = 0;
    const void* pval = nullptr;
    X509_ALGOR_get0(nullptr, &ptype, &pval, alg);
    if (ptype == V_ASN1_SEQUENCE) {
      const ASN1_STRING* seq = static_cast<const ASN1_STRING*>(pval);
      const unsigned char* p = ASN1_STRING_get0_data(seq);
      RSA_PSS_PARAMS* params =
          d2i_RSA_PSS_PARAMS(nullptr, &p, ASN1_STRING_length(seq));
      if (params != nullptr) {
        restricted = true;
        if (params->hashAlgorithm != nullptr) {
          out->md = DigestLabel(params->hashAlgorithm->algorithm);
        }
        if (params->maskGenAlgorithm != nullptr &&
            params->maskGenAlgorithm->parameter != nullptr) {
          X509_ALGOR* mgf1 = static_cast<X509_ALGOR*>(ASN1_TYPE_unpack_sequence(
              ASN1_ITEM_rptr(X509_ALGOR),
              params->maskGenAlgorithm->parameter));
          if (mgf1 != nullptr) {
            out->mgf1_md = DigestLabel(mgf1->algorithm);
            X509_ALGOR_free(mgf1);
          }
        }
        if (params->saltLength != nullptr) {
          out->salt_length =
              static_cast<int>(ASN1_INTEGER_get(params->saltLength));
        }
        RSA_PSS_PARAMS_free(params);
      }
    }
  }
  X509_PUBKEY_free(xpk);
  return restricted;
}

// keyDetail(): { modulusLength, publicExponent (hex), hashAlgorithm,
// mgf1HashAlgorithm, saltLength, divisorLength, namedCurve } as the type
// has them.
void KeyDetail(const FunctionCallbackInfo<Value>& args) {
  KeyHandle* handle = Receiver(args);
  if (handle == nullptr) return;
  Isolate* isolate = args.GetIsolate();
  Local<Context> context = isolate->GetCurrentContext();
  ClearErrorsOnReturn clear;
  EVP_PKEY* pkey = handle->pkey();
  Local<Object> out = Object::New(isolate);
  auto set = [&](const char* key, Local<Value> value) {
    return out->Set(context, OneByteString(isolate, key), value).IsJust();
  };
  switch (EVP_PKEY_get_base_id(pkey)) {
    case EVP_PKEY_RSA:
    case EVP_PKEY_RSA_PSS: {
      if (!set("modulusLength",
               v8::Integer::New(isolate, EVP_PKEY_get_bits(pkey))) ||
          !set("publicExponent",
               OneByteString(isolate,
                             BnParamHex(pkey, OSSL_PKEY_PARAM_RSA_E).c_str())))
        return;
      PssRestrictions pss;
      if (EVP_PKEY_get_base_id(pkey) == EVP_PKEY_RSA_PSS &&
          GetPssRestrictions(pkey, &pss)) {
        if (!set("hashAlgorithm", OneByteString(isolate, pss.md.c_str())) ||
            !set("mgf1HashAlgorithm",
                 OneByteString(isolate, pss.mgf1_md.c_str())) ||
            !set("saltLength", v8::Integer::New(isolate, pss.salt_length)))
          return;
      }
      break;
    }
    case EVP_PKEY_DSA:
      if (!set("modulusLength",
               v8::Integer::New(isolate,
                                BnParamBits(pkey, OSSL_PKEY_PARAM_FFC_P))) ||
          !set("divisorLength",
               v8::Integer::New(isolate,
                                BnParamBits(pkey, OSSL_PKEY_PARAM_FFC_Q))))
        return;
      break;
    case EVP_PKEY_EC: {
      std::string group = Utf8Param(pkey, OSSL_PKEY_PARAM_GROUP_NAME);
      if (!group.empty()) {
        int nid = OBJ_txt2nid(group.c_str());
        if (nid == NID_undef) nid = EC_curve_nist2nid(group.c_str());
        const char* sn = nid != NID_undef ? OBJ_nid2sn(nid) : group.c_str();
        if (!set("namedCurve", OneByteString(isolate, sn))) return;
      }
      break;
    }
    default:
      break;
  }
  args.GetReturnValue().Set(out);
}

// export(isPrivate, format, type, cipher, passphrase): PEM as a string, DER
// as an ArrayBuffer.
void Export(const FunctionCallbackInfo<Value>& args) {
  KeyHandle* handle = Receiver(args);
  if (handle == nullptr) return;
  Isolate* isolate = args.GetIsolate();
  ClearErrorsOnReturn clear;
  EVP_PKEY* pkey = handle->pkey();
  bool is_private = args[0]->IsTrue();
  bool pem = !(args[1]->IsString() &&
               Utf8Value(isolate, args[1]).ToString() == "der");
  Encoding enc = ParseEncoding(isolate, args[2]);
  const EVP_CIPHER* cipher = nullptr;
  if (args[3]->IsString()) {
    cipher = EVP_get_cipherbyname(Utf8Value(isolate, args[3]).c_str());
    if (cipher == nullptr) {
      ThrowCodedError(isolate, "ERR_CRYPTO_UNKNOWN_CIPHER", ErrorKind::kError,
                      "Unknown cipher");
      return;
    }
  }
  std::vector<unsigned char> pass;
  if (cipher != nullptr) CopyBytes(args[4], &pass);
  char* pass_ptr = cipher != nullptr ? reinterpret_cast<char*>(pass.data())
                                     : nullptr;
  int pass_len = static_cast<int>(pass.size());
  if (pass_ptr == nullptr && cipher != nullptr) pass_ptr = const_cast<char*>("");

  BioPointer bio(BIO_new(BIO_s_mem()));
  bool ok = false;
  if (!is_private) {
    if (enc == Encoding::kPkcs1) {
      OSSL_ENCODER_CTX* ectx = OSSL_ENCODER_CTX_new_for_pkey(
          pkey, OSSL_KEYMGMT_SELECT_PUBLIC_KEY, pem ? "PEM" : "DER",
          "type-specific", nullptr);
      ok = ectx != nullptr && OSSL_ENCODER_CTX_get_num_encoders(ectx) > 0 &&
           OSSL_ENCODER_to_bio(ectx, bio.get()) == 1;
      OSSL_ENCODER_CTX_free(ectx);
    } else {
      ok = pem ? PEM_write_bio_PUBKEY(bio.get(), pkey) == 1
               : i2d_PUBKEY_bio(bio.get(), pkey) == 1;
    }
  } else if (enc == Encoding::kPkcs8) {
    ok = pem ? PEM_write_bio_PKCS8PrivateKey(bio.get(), pkey, cipher,
                                             pass_ptr, pass_len, nullptr,
                                             nullptr) == 1
             : i2d_PKCS8PrivateKey_bio(bio.get(), pkey, cipher, pass_ptr,
                                       pass_len, nullptr, nullptr) == 1;
  } else {
    // PKCS#1 or SEC1: the type's own structure.
    ok = pem ? PEM_write_bio_PrivateKey_traditional(
                   bio.get(), pkey, cipher,
                   reinterpret_cast<unsigned char*>(pass_ptr), pass_len,
                   nullptr, nullptr) == 1
             : i2d_PrivateKey_bio(bio.get(), pkey) == 1;
  }
  if (!ok) {
    ThrowOpenSSLError(isolate, ERR_get_error(), "Failed to encode key");
    return;
  }
  args.GetReturnValue().Set(BioContents(isolate, bio.get(), pem));
}

// The big-endian bytes of a BIGNUM parameter, left-padded to `size` when
// that is not 0.
bool BnParamBytes(EVP_PKEY* pkey, const char* name, size_t size,
                  std::vector<unsigned char>* out) {
  BIGNUM* bn = nullptr;
  if (EVP_PKEY_get_bn_param(pkey, name, &bn) != 1) return false;
  size_t len = size != 0 ? size : static_cast<size_t>(BN_num_bytes(bn));
  out->assign(len, 0);
  bool ok = BN_bn2binpad(bn, out->data(), static_cast<int>(len)) >= 0;
  BN_clear_free(bn);
  return ok;
}

// exportJwk(isPrivate): the members as ArrayBuffers (see KeyFromJwk), with
// `kty`; EC coordinates padded to the field's size.
void ExportJwk(const FunctionCallbackInfo<Value>& args) {
  KeyHandle* handle = Receiver(args);
  if (handle == nullptr) return;
  Isolate* isolate = args.GetIsolate();
  Local<Context> context = isolate->GetCurrentContext();
  ClearErrorsOnReturn clear;
  EVP_PKEY* pkey = handle->pkey();
  bool is_private = args[0]->IsTrue();
  Local<Object> out = Object::New(isolate);
  bool ok = true;
  auto put = [&](const char* key, const std::vector<unsigned char>& bytes) {
    ok = ok && out->Set(context, OneByteString(isolate, key),
                        ToArrayBuffer(isolate, bytes.data(), bytes.size()))
                   .IsJust();
  };
  std::vector<unsigned char> bytes;
  switch (EVP_PKEY_get_base_id(pkey)) {
    case EVP_PKEY_RSA: {
      static const char* const kNames[] = {"n", "e", "d", "p", "q",
                                           "dp", "dq", "qi"};
      static const char* const kParams[] = {
          OSSL_PKEY_PARAM_RSA_N,         OSSL_PKEY_PARAM_RSA_E,
          OSSL_PKEY_PARAM_RSA_D,         OSSL_PKEY_PARAM_RSA_FACTOR1,
          OSSL_PKEY_PARAM_RSA_FACTOR2,   OSSL_PKEY_PARAM_RSA_EXPONENT1,
          OSSL_PKEY_PARAM_RSA_EXPONENT2, OSSL_PKEY_PARAM_RSA_COEFFICIENT1};
      size_t count = is_private ? 8 : 2;
      for (size_t i = 0; i < count && ok; i++) {
        if (!BnParamBytes(pkey, kParams[i], 0, &bytes)) {
          ok = false;
          break;
        }
        put(kNames[i], bytes);
      }
      break;
    }
    case EVP_PKEY_EC: {
      std::string group = Utf8Param(pkey, OSSL_PKEY_PARAM_GROUP_NAME);
      int nid = OBJ_txt2nid(group.c_str());
      if (nid == NID_undef) nid = EC_curve_nist2nid(group.c_str());
      EC_GROUP* g = EC_GROUP_new_by_curve_name(nid);
      if (g == nullptr) {
        ok = false;
        break;
      }
      size_t field = (EC_GROUP_get_degree(g) + 7) / 8;
      size_t order = (EC_GROUP_order_bits(g) + 7) / 8;
      EC_GROUP_free(g);
      if (BnParamBytes(pkey, OSSL_PKEY_PARAM_EC_PUB_X, field, &bytes)) {
        put("x", bytes);
      } else {
        ok = false;
      }
      if (ok && BnParamBytes(pkey, OSSL_PKEY_PARAM_EC_PUB_Y, field, &bytes)) {
        put("y", bytes);
      } else {
        ok = false;
      }
      if (ok && is_private) {
        if (BnParamBytes(pkey, OSSL_PKEY_PARAM_PRIV_KEY, order, &bytes)) {
          put("d", bytes);
        } else {
          ok = false;
        }
      }
      break;
    }
    case EVP_PKEY_ED25519:
    case EVP_PKEY_ED448:
    case EVP_PKEY_X25519:
    case EVP_PKEY_X448: {
      size_t len = 0;
      if (EVP_PKEY_get_raw_public_key(pkey, nullptr, &len) != 1) {
        ok = false;
        break;
      }
      bytes.assign(len, 0);
      if (EVP_PKEY_get_raw_public_key(pkey, bytes.data(), &len) != 1) {
        ok = false;
        break;
      }
      put("x", bytes);
      if (is_private) {
        if (EVP_PKEY_get_raw_private_key(pkey, bytes.data(), &len) != 1) {
          ok = false;
          break;
        }
        put("d", bytes);
      }
      break;
    }
    default:
      ok = false;
  }
  if (!ok) {
    ThrowOpenSSLError(isolate, ERR_get_error(), "Failed to export key");
    return;
  }
  args.GetReturnValue().Set(out);
}

// exportRaw(isPrivate, compressed): an OKP key's raw bytes, or an EC
// public key's encoded point.
void ExportRaw(const FunctionCallbackInfo<Value>& args) {
  KeyHandle* handle = Receiver(args);
  if (handle == nullptr) return;
  Isolate* isolate = args.GetIsolate();
  ClearErrorsOnReturn clear;
  EVP_PKEY* pkey = handle->pkey();
  bool is_private = args[0]->IsTrue();
  std::vector<unsigned char> bytes;
  bool ok = false;
  if (EVP_PKEY_get_base_id(pkey) == EVP_PKEY_EC) {
    if (args[1]->IsTrue()) {
      EVP_PKEY_set_utf8_string_param(
          pkey, OSSL_PKEY_PARAM_EC_POINT_CONVERSION_FORMAT, "compressed");
    }
    size_t len = 0;
    if (EVP_PKEY_get_octet_string_param(pkey, OSSL_PKEY_PARAM_PUB_KEY,
                                        nullptr, 0, &len) == 1) {
      bytes.assign(len, 0);
      ok = EVP_PKEY_get_octet_string_param(pkey, OSSL_PKEY_PARAM_PUB_KEY,
                                           bytes.data(), len, &len) == 1;
    }
    if (args[1]->IsTrue()) {
      EVP_PKEY_set_utf8_string_param(
          pkey, OSSL_PKEY_PARAM_EC_POINT_CONVERSION_FORMAT, "uncompressed");
    }
  } else {
    size_t len = 0;
    if (is_private) {
      ok = EVP_PKEY_get_raw_private_key(pkey, nullptr, &len) == 1;
      bytes.assign(len, 0);
      ok = ok && EVP_PKEY_get_raw_private_key(pkey, bytes.data(), &len) == 1;
    } else {
      ok = EVP_PKEY_get_raw_public_key(pkey, nullptr, &len) == 1;
      bytes.assign(len, 0);
      ok = ok && EVP_PKEY_get_raw_public_key(pkey, bytes.data(), &len) == 1;
    }
  }
  if (!ok) {
    ThrowOpenSSLError(isolate, ERR_get_error(), "Failed to export key");
    return;
  }
  args.GetReturnValue().Set(ToArrayBuffer(isolate, bytes.data(), bytes.size()));
}

// equals(otherHandle)
void Equals(const FunctionCallbackInfo<Value>& args) {
  KeyHandle* handle = Receiver(args);
  if (handle == nullptr) return;
  ClearErrorsOnReturn clear;
  EVP_PKEY* other = KeyFromHandle(args[0]);
  args.GetReturnValue().Set(other != nullptr &&
                            EVP_PKEY_eq(handle->pkey(), other) == 1);
}

// checkEcPrivate(): whether an EC key is a valid key pair (Web Crypto's
// import checks it).
void CheckKeyPair(const FunctionCallbackInfo<Value>& args) {
  KeyHandle* handle = Receiver(args);
  if (handle == nullptr) return;
  ClearErrorsOnReturn clear;
  PKeyCtxPointer ctx(
      EVP_PKEY_CTX_new_from_pkey(nullptr, handle->pkey(), nullptr));
  bool ok = ctx != nullptr;
  if (ok && args[0]->IsTrue()) {
    ok = EVP_PKEY_check(ctx.get()) == 1;
  } else if (ok) {
    ok = EVP_PKEY_public_check(ctx.get()) == 1;
  }
  args.GetReturnValue().Set(ok);
}

// uncompressPoint(): an EC key exports its point uncompressed from now on,
// however it was imported (Web Crypto's rule).
void UncompressPoint(const FunctionCallbackInfo<Value>& args) {
  KeyHandle* handle = Receiver(args);
  if (handle == nullptr) return;
  ClearErrorsOnReturn clear;
  if (EVP_PKEY_get_base_id(handle->pkey()) == EVP_PKEY_EC) {
    EVP_PKEY_set_utf8_string_param(handle->pkey(),
                                   OSSL_PKEY_PARAM_EC_POINT_CONVERSION_FORMAT,
                                   "uncompressed");
  }
}

Local<FunctionTemplate> NewHandleTemplate(Isolate* isolate) {
  Local<FunctionTemplate> t = NewFunctionTemplate(isolate, ConstructHandle);
  t->SetClassName(OneByteString(isolate, "KeyObjectHandle"));
  t->InstanceTemplate()->SetInternalFieldCount(kWrapFieldCount);
  SetProtoMethod(isolate, t, "getAsymmetricKeyType", GetAsymmetricKeyType);
  SetProtoMethod(isolate, t, "keyDetail", KeyDetail);
  SetProtoMethod(isolate, t, "export", Export);
  SetProtoMethod(isolate, t, "exportJwk", ExportJwk);
  SetProtoMethod(isolate, t, "exportRaw", ExportRaw);
  SetProtoMethod(isolate, t, "equals", Equals);
  SetProtoMethod(isolate, t, "checkKey", CheckKeyPair);
  SetProtoMethod(isolate, t, "uncompressPoint", UncompressPoint);
  return t;
}

void IsKeyHandle(const FunctionCallbackInfo<Value>& args) {
  args.GetReturnValue().Set(KeyFromHandle(args[0]) != nullptr);
}

}  // namespace

EVP_PKEY* KeyFromHandle(Local<Value> value) {
  KeyHandle* handle = KeyHandle::From(value);
  return handle != nullptr ? handle->pkey() : nullptr;
}

MaybeLocal<Object> NewKeyHandle(Environment* env, PKeyPointer pkey) {
  Isolate* isolate = env->isolate();
  Local<Context> context = env->context();
  KeysData* data = env->GetBindingData<KeysData>("crypto_keys");
  if (data == nullptr) {
    data = env->SetBindingData("crypto_keys", std::make_unique<KeysData>());
  }
  if (data->constructor.IsEmpty()) {
    Local<Function> fn;
    if (!NewHandleTemplate(isolate)->GetFunction(context).ToLocal(&fn)) {
      return {};
    }
    data->constructor.Reset(isolate, fn);
  }
  Local<Object> object;
  if (!data->constructor.Get(isolate)->NewInstance(context).ToLocal(&object)) {
    return {};
  }
  new KeyHandle(isolate, object, std::move(pkey));
  return object;
}

const char* KeyTypeName(const EVP_PKEY* pkey) {
  switch (EVP_PKEY_get_base_id(pkey)) {
    case EVP_PKEY_RSA: return "rsa";
    case EVP_PKEY_RSA_PSS: return "rsa-pss";
    case EVP_PKEY_DSA: return "dsa";
    case EVP_PKEY_DH: return "dh";
    case EVP_PKEY_EC: return "ec";
    case EVP_PKEY_ED25519: return "ed25519";
    case EVP_PKEY_ED448: return "ed448";
    case EVP_PKEY_X25519: return "x25519";
    case EVP_PKEY_X448: return "x448";
    default: break;
  }
  if (EVP_PKEY_is_a(pkey, "DH")) return "dh";
  return nullptr;
}

void InitializeKeys(Local<Context> context, Local<Object> target) {
  SetMethod(context, target, "parseKey", ParseKey);
  SetMethod(context, target, "keyFromJwk", KeyFromJwk);
  SetMethod(context, target, "keyFromRaw", KeyFromRaw);
  SetMethodNoSideEffect(context, target, "isKeyHandle", IsKeyHandle);
}

void RegisterKeysReferences(ExternalReferenceRegistry* registry) {
  registry->Register(ParseKey);
  registry->Register(KeyFromJwk);
  registry->Register(KeyFromRaw);
  registry->Register(IsKeyHandle);
  registry->Register(ConstructHandle);
  registry->Register(GetAsymmetricKeyType);
  registry->Register(KeyDetail);
  registry->Register(Export);
  registry->Register(ExportJwk);
  registry->Register(ExportRaw);
  registry->Register(Equals);
  registry->Register(CheckKeyPair);
  registry->Register(UncompressPoint);
}

}  // namespace lode::crypto
