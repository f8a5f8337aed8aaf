// X.509 certificates for internalBinding('crypto'): X509Handle (behind
// X509Certificate: names, extensions, dates, fingerprints, checks) and the
// SPKAC functions of the legacy Certificate class. lib/internal/crypto/
// x509.js validates arguments and builds the objects; this file only reads
// certificates.
#include <openssl/asn1.h>
#include <openssl/bn.h>
#include <openssl/ec.h>
#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>

#include <cstring>
#include <ctime>

#include "lode_crypto.h"
#include "lode_crypto_tls.h"

namespace lode::crypto {

using v8::Array;
using v8::Context;
using v8::FunctionCallbackInfo;
using v8::FunctionTemplate;
using v8::Global;
using v8::Isolate;
using v8::Local;
using v8::Object;
using v8::String;
using v8::Value;

namespace {

const WrapType kX509Type = {"X509Handle", nullptr};

struct BioFree {
  void operator()(BIO* bio) const { BIO_free_all(bio); }
};
using Bio = std::unique_ptr<BIO, BioFree>;

Bio NewBio() { return Bio(BIO_new(BIO_s_mem())); }

std::string BioString(BIO* bio) {
  BUF_MEM* mem = nullptr;
  BIO_get_mem_ptr(bio, &mem);
  return mem == nullptr ? std::string() : std::string(mem->data, mem->length);
}

Local<Value> StringOrUndefined(Isolate* isolate, const std::string& s,
                               bool present) {
  if (!present) return v8::Undefined(isolate);
  return Utf8String(isolate, s);
}

// --- Names ------------------------------------------------------------------

constexpr unsigned long kMultilineFlags =
    ASN1_STRFLGS_ESC_2253 | ASN1_STRFLGS_ESC_CTRL | ASN1_STRFLGS_UTF8_CONVERT |
    XN_FLAG_SEP_MULTILINE | XN_FLAG_FN_SN;

std::string NameMultiline(const X509_NAME* name) {
  Bio bio = NewBio();
  if (X509_NAME_print_ex(bio.get(), name, 0, kMultilineFlags) < 0) return "";
  return BioString(bio.get());
}

std::string ObjectName(const ASN1_OBJECT* obj, bool prefer_long) {
  int nid = OBJ_obj2nid(obj);
  if (nid != NID_undef) {
    const char* name = prefer_long ? OBJ_nid2ln(nid) : OBJ_nid2sn(nid);
    if (name != nullptr) return name;
  }
  char buf[128];
  OBJ_obj2txt(buf, sizeof(buf), obj, 1);
  return buf;
}

// --- Handle -----------------------------------------------------------------

class X509Handle : public WeakWrap<X509Handle> {
 public:
  X509Handle(Isolate* isolate, Local<Object> object, X509* cert)
      : WeakWrap(isolate, object, &kX509Type), cert_(cert) {}
  ~X509Handle() { X509_free(cert_); }
  LODE_DISALLOW_COPY(X509Handle);

  X509* cert() const { return cert_; }

  // new X509Handle(bytes): PEM or DER.
  static void New(const FunctionCallbackInfo<Value>& args) {
    Isolate* isolate = args.GetIsolate();
    ClearErrorsOnReturn clear;
    if (!args.IsConstructCall()) return;
    ByteView view;
    if (!GetByteView(args[0], &view)) {
      ThrowCodedError(isolate, "ERR_INVALID_ARG_TYPE", ErrorKind::kTypeError,
                      "The \"buffer\" argument must be a buffer");
      return;
    }
    if (view.length > INT32_MAX) {
      ThrowCodedError(isolate, "ERR_OUT_OF_RANGE", ErrorKind::kRangeError,
                      "The certificate is too large");
      return;
    }
    Bio bio(BIO_new_mem_buf(view.data, static_cast<int>(view.length)));
    X509* cert = PEM_read_bio_X509_AUX(bio.get(), nullptr, nullptr, nullptr);
    if (cert == nullptr) {
      // Not PEM: try DER, reporting PEM's error when that fails too.
      unsigned long pem_error = ERR_peek_error();
      ERR_set_mark();
      const unsigned char* p = view.data;
      cert = d2i_X509(nullptr, &p, static_cast<long>(view.length));
      ERR_pop_to_mark();
      if (cert == nullptr) {
        ThrowOpenSSLError(isolate, pem_error != 0 ? ERR_get_error() : 0,
                          "Failed to parse certificate");
        return;
      }
      ERR_clear_error();
    }
    new X509Handle(isolate, args.This(), cert);
  }

  static X509Handle* Unwrap(const FunctionCallbackInfo<Value>& args) {
    return UnwrapThis<X509Handle>(args, &kX509Type, "X509Certificate");
  }

  static X509Handle* FromValue(Local<Value> value) {
    return static_cast<X509Handle*>(GetWrapped(value, &kX509Type));
  }

  static void Subject(const FunctionCallbackInfo<Value>& args) {
    X509Handle* h = Unwrap(args);
    if (h == nullptr) return;
    args.GetReturnValue().Set(Utf8String(
        args.GetIsolate(), NameMultiline(X509_get_subject_name(h->cert_))));
  }

  static void Issuer(const FunctionCallbackInfo<Value>& args) {
    X509Handle* h = Unwrap(args);
    if (h == nullptr) return;
    args.GetReturnValue().Set(Utf8String(
        args.GetIsolate(), NameMultiline(X509_get_issuer_name(h->cert_))));
  }

  static void GetSubjectAltName(const FunctionCallbackInfo<Value>& args) {
    X509Handle* h = Unwrap(args);
    if (h == nullptr) return;
    ClearErrorsOnReturn clear;
    std::string out;
    bool present = SubjectAltNameText(h->cert_, &out);
    args.GetReturnValue().Set(
        StringOrUndefined(args.GetIsolate(), out, present));
  }

  static void GetInfoAccess(const FunctionCallbackInfo<Value>& args) {
    X509Handle* h = Unwrap(args);
    if (h == nullptr) return;
    ClearErrorsOnReturn clear;
    std::string out;
    bool present = InfoAccessText(h->cert_, &out);
    args.GetReturnValue().Set(
        StringOrUndefined(args.GetIsolate(), out, present));
  }

  // validity(): [validFrom, validTo, fromMs, toMs]
  static void Validity(const FunctionCallbackInfo<Value>& args) {
    X509Handle* h = Unwrap(args);
    if (h == nullptr) return;
    Isolate* isolate = args.GetIsolate();
    const ASN1_TIME* times[2] = {X509_get0_notBefore(h->cert_),
                                 X509_get0_notAfter(h->cert_)};
    Local<Value> items[4];
    for (int i = 0; i < 2; i++) {
      Bio bio = NewBio();
      ASN1_TIME_print(bio.get(), times[i]);
      items[i] = Utf8String(isolate, BioString(bio.get()));
      struct tm tm;
      memset(&tm, 0, sizeof(tm));
      if (ASN1_TIME_to_tm(times[i], &tm) == 1) {
        items[i + 2] =
            v8::Number::New(isolate, static_cast<double>(timegm(&tm)) * 1000);
      } else {
        items[i + 2] = v8::Undefined(isolate);
      }
    }
    args.GetReturnValue().Set(Array::New(isolate, items, 4));
  }

  // fingerprint(digest): "AB:CD:..."
  static void Fingerprint(const FunctionCallbackInfo<Value>& args) {
    X509Handle* h = Unwrap(args);
    if (h == nullptr) return;
    Isolate* isolate = args.GetIsolate();
    const EVP_MD* md = FindDigest(Utf8Value(isolate, args[0]).ToString());
    unsigned char buf[EVP_MAX_MD_SIZE];
    unsigned int len = 0;
    if (md == nullptr || X509_digest(h->cert_, md, buf, &len) != 1) return;
    static const char kHex[] = "0123456789ABCDEF";
    std::string out;
    for (unsigned int i = 0; i < len; i++) {
      if (i > 0) out += ':';
      out += kHex[buf[i] >> 4];
      out += kHex[buf[i] & 0xf];
    }
    args.GetReturnValue().Set(OneByteString(isolate, out.c_str()));
  }

  // keyUsage(): the extended key usages as OIDs, or undefined.
  static void KeyUsage(const FunctionCallbackInfo<Value>& args) {
    X509Handle* h = Unwrap(args);
    if (h == nullptr) return;
    Isolate* isolate = args.GetIsolate();
    ClearErrorsOnReturn clear;
    EXTENDED_KEY_USAGE* eku = static_cast<EXTENDED_KEY_USAGE*>(
        X509_get_ext_d2i(h->cert_, NID_ext_key_usage, nullptr, nullptr));
    if (eku == nullptr) return;
    std::vector<Local<Value>> items;
    for (int i = 0; i < sk_ASN1_OBJECT_num(eku); i++) {
      char buf[128];
      OBJ_obj2txt(buf, sizeof(buf), sk_ASN1_OBJECT_value(eku, i), 1);
      items.push_back(OneByteString(isolate, buf));
    }
    sk_ASN1_OBJECT_pop_free(eku, ASN1_OBJECT_free);
    args.GetReturnValue().Set(Array::New(isolate, items.data(), items.size()));
  }

  static void SerialNumber(const FunctionCallbackInfo<Value>& args) {
    X509Handle* h = Unwrap(args);
    if (h == nullptr) return;
    BIGNUM* bn = ASN1_INTEGER_to_BN(X509_get0_serialNumber(h->cert_), nullptr);
    if (bn == nullptr) return;
    char* hex = BN_bn2hex(bn);
    BN_free(bn);
    if (hex == nullptr) return;
    args.GetReturnValue().Set(OneByteString(args.GetIsolate(), hex));
    OPENSSL_free(hex);
  }

  // signatureAlgorithm(): [long name | undefined, OID]
  static void SignatureAlgorithm(const FunctionCallbackInfo<Value>& args) {
    X509Handle* h = Unwrap(args);
    if (h == nullptr) return;
    Isolate* isolate = args.GetIsolate();
    const X509_ALGOR* alg = nullptr;
    X509_get0_signature(nullptr, &alg, h->cert_);
    const ASN1_OBJECT* obj = nullptr;
    X509_ALGOR_get0(&obj, nullptr, nullptr, alg);
    int nid = OBJ_obj2nid(obj);
    char oid[128];
    OBJ_obj2txt(oid, sizeof(oid), obj, 1);
    Local<Value> items[2] = {
        nid != NID_undef && OBJ_nid2ln(nid) != nullptr
            ? Local<Value>(OneByteString(isolate, OBJ_nid2ln(nid)))
            : Local<Value>(v8::Undefined(isolate)),
        OneByteString(isolate, oid)};
    args.GetReturnValue().Set(Array::New(isolate, items, 2));
  }

  static void Raw(const FunctionCallbackInfo<Value>& args) {
    X509Handle* h = Unwrap(args);
    if (h == nullptr) return;
    unsigned char* der = nullptr;
    int len = i2d_X509(h->cert_, &der);
    if (len < 0) return;
    args.GetReturnValue().Set(ToArrayBuffer(args.GetIsolate(), der, len));
    OPENSSL_free(der);
  }

  static void Pem(const FunctionCallbackInfo<Value>& args) {
    X509Handle* h = Unwrap(args);
    if (h == nullptr) return;
    Bio bio = NewBio();
    if (PEM_write_bio_X509(bio.get(), h->cert_) != 1) return;
    args.GetReturnValue().Set(
        Utf8String(args.GetIsolate(), BioString(bio.get())));
  }

  static void PublicKey(const FunctionCallbackInfo<Value>& args) {
    X509Handle* h = Unwrap(args);
    if (h == nullptr) return;
    Environment* env = Environment::GetCurrent(args);
    ClearErrorsOnReturn clear;
    EVP_PKEY* pkey = X509_get_pubkey(h->cert_);
    if (pkey == nullptr) {
      ThrowOpenSSLError(env->isolate(), ERR_get_error(),
                        "Failed to get public key");
      return;
    }
    Local<Object> handle;
    if (NewKeyHandle(env, PKeyPointer(pkey)).ToLocal(&handle)) {
      args.GetReturnValue().Set(handle);
    }
  }

  static void IsCA(const FunctionCallbackInfo<Value>& args) {
    X509Handle* h = Unwrap(args);
    if (h == nullptr) return;
    ClearErrorsOnReturn clear;
    args.GetReturnValue().Set(X509_check_ca(h->cert_) == 1);
  }

  // checkHost(name, flags): the name that matched, or undefined.
  static void CheckHost(const FunctionCallbackInfo<Value>& args) {
    X509Handle* h = Unwrap(args);
    if (h == nullptr) return;
    Isolate* isolate = args.GetIsolate();
    ClearErrorsOnReturn clear;
    Utf8Value name(isolate, args[0]);
    unsigned int flags = args[1]->Uint32Value(isolate->GetCurrentContext())
                             .FromMaybe(0);
    char* peer = nullptr;
    int r = X509_check_host(h->cert_, name.c_str(), name.length(), flags,
                            &peer);
    if (r == 1 && peer != nullptr) {
      args.GetReturnValue().Set(Utf8String(isolate, peer));
    } else if (r == -2) {
      ThrowCodedError(isolate, "ERR_INVALID_ARG_VALUE", ErrorKind::kTypeError,
                      "Invalid name");
    }
    OPENSSL_free(peer);
  }

  static void CheckEmail(const FunctionCallbackInfo<Value>& args) {
    X509Handle* h = Unwrap(args);
    if (h == nullptr) return;
    Isolate* isolate = args.GetIsolate();
    ClearErrorsOnReturn clear;
    Utf8Value email(isolate, args[0]);
    unsigned int flags = args[1]->Uint32Value(isolate->GetCurrentContext())
                             .FromMaybe(0);
    int r = X509_check_email(h->cert_, email.c_str(), email.length(), flags);
    if (r == 1) {
      args.GetReturnValue().Set(args[0]);
    } else if (r == -2) {
      ThrowCodedError(isolate, "ERR_INVALID_ARG_VALUE", ErrorKind::kTypeError,
                      "Invalid email");
    }
  }

  static void CheckIP(const FunctionCallbackInfo<Value>& args) {
    X509Handle* h = Unwrap(args);
    if (h == nullptr) return;
    Isolate* isolate = args.GetIsolate();
    ClearErrorsOnReturn clear;
    Utf8Value ip(isolate, args[0]);
    int r = X509_check_ip_asc(h->cert_, ip.c_str(), 0);
    if (r == 1) {
      args.GetReturnValue().Set(args[0]);
    } else if (r == -2) {
      ThrowCodedError(isolate, "ERR_INVALID_ARG_VALUE", ErrorKind::kTypeError,
                      "Invalid IP address");
    }
  }

  // checkIssued(otherHandle): whether `other` issued this certificate.
  static void CheckIssued(const FunctionCallbackInfo<Value>& args) {
    X509Handle* h = Unwrap(args);
    if (h == nullptr) return;
    ClearErrorsOnReturn clear;
    X509Handle* issuer = FromValue(args[0]);
    if (issuer == nullptr) return;
    args.GetReturnValue().Set(X509_check_issued(issuer->cert_, h->cert_) ==
                              X509_V_OK);
  }

  static void CheckPrivateKey(const FunctionCallbackInfo<Value>& args) {
    X509Handle* h = Unwrap(args);
    if (h == nullptr) return;
    ClearErrorsOnReturn clear;
    EVP_PKEY* pkey = KeyFromHandle(args[0]);
    if (pkey == nullptr) return;
    args.GetReturnValue().Set(X509_check_private_key(h->cert_, pkey) == 1);
  }

  static void Verify(const FunctionCallbackInfo<Value>& args) {
    X509Handle* h = Unwrap(args);
    if (h == nullptr) return;
    ClearErrorsOnReturn clear;
    EVP_PKEY* pkey = KeyFromHandle(args[0]);
    if (pkey == nullptr) return;
    args.GetReturnValue().Set(X509_verify(h->cert_, pkey) > 0);
  }

  // nameEntries(issuer): [key, value, key, value...] of the subject (or
  // issuer) for toLegacyObject().
  static void NameEntries(const FunctionCallbackInfo<Value>& args) {
    X509Handle* h = Unwrap(args);
    if (h == nullptr) return;
    Isolate* isolate = args.GetIsolate();
    const X509_NAME* name = args[0]->IsTrue()
                                ? X509_get_issuer_name(h->cert_)
                                : X509_get_subject_name(h->cert_);
    std::vector<Local<Value>> items;
    for (int i = 0; i < X509_NAME_entry_count(name); i++) {
      const X509_NAME_ENTRY* entry = X509_NAME_get_entry(name, i);
      std::string key = ObjectName(X509_NAME_ENTRY_get_object(entry), false);
      unsigned char* utf8 = nullptr;
      int len = ASN1_STRING_to_UTF8(&utf8, X509_NAME_ENTRY_get_data(entry));
      if (len < 0) continue;
      items.push_back(Utf8String(isolate, key));
      items.push_back(
          String::NewFromUtf8(isolate, reinterpret_cast<char*>(utf8),
                              v8::NewStringType::kNormal, len)
              .ToLocalChecked());
      OPENSSL_free(utf8);
    }
    args.GetReturnValue().Set(Array::New(isolate, items.data(), items.size()));
  }

  // legacyKeyInfo(): { modulus, exponent, bits, pubkey, asn1Curve,
  // nistCurve } for toLegacyObject().
  static void LegacyKeyInfo(const FunctionCallbackInfo<Value>& args) {
    X509Handle* h = Unwrap(args);
    if (h == nullptr) return;
    Isolate* isolate = args.GetIsolate();
    Local<Context> context = isolate->GetCurrentContext();
    ClearErrorsOnReturn clear;
    Local<Object> out = Object::New(isolate);
    EVP_PKEY* pkey = X509_get0_pubkey(h->cert_);
    if (pkey == nullptr) {
      args.GetReturnValue().Set(out);
      return;
    }
    auto set = [&](const char* key, Local<Value> value) {
      return out->Set(context, OneByteString(isolate, key), value).IsJust();
    };
    int id = EVP_PKEY_get_base_id(pkey);
    if (id == EVP_PKEY_RSA) {
      BIGNUM* n = nullptr;
      BIGNUM* e = nullptr;
      EVP_PKEY_get_bn_param(pkey, OSSL_PKEY_PARAM_RSA_N, &n);
      EVP_PKEY_get_bn_param(pkey, OSSL_PKEY_PARAM_RSA_E, &e);
      if (n != nullptr && e != nullptr) {
        char* hex = BN_bn2hex(n);
        set("modulus", OneByteString(isolate, hex));
        OPENSSL_free(hex);
        char exp[40];
        snprintf(exp, sizeof(exp), "0x%llx",
                 static_cast<unsigned long long>(BN_get_word(e)));
        set("exponent", OneByteString(isolate, exp));
        set("bits", v8::Integer::New(isolate, BN_num_bits(n)));
      }
      BN_free(n);
      BN_free(e);
      unsigned char* der = nullptr;
      int len = i2d_PUBKEY(pkey, &der);
      if (len > 0) {
        set("pubkey", ToArrayBuffer(isolate, der, len));
        OPENSSL_free(der);
      }
    } else if (id == EVP_PKEY_EC) {
      set("bits", v8::Integer::New(isolate, EVP_PKEY_get_bits(pkey)));
      size_t len = 0;
      if (EVP_PKEY_get_octet_string_param(pkey, OSSL_PKEY_PARAM_PUB_KEY,
                                          nullptr, 0, &len) == 1) {
        std::vector<unsigned char> point(len);
        if (EVP_PKEY_get_octet_string_param(pkey, OSSL_PKEY_PARAM_PUB_KEY,
                                            point.data(), len, &len) == 1) {
          set("pubkey", ToArrayBuffer(isolate, point.data(), len));
        }
      }
      char group[80];
      size_t glen = 0;
      if (EVP_PKEY_get_utf8_string_param(pkey, OSSL_PKEY_PARAM_GROUP_NAME,
                                         group, sizeof(group), &glen) == 1) {
        int nid = CurveNid(group);
        if (nid != NID_undef) {
          set("asn1Curve", OneByteString(isolate, OBJ_nid2sn(nid)));
          const char* nist = EC_curve_nid2nist(nid);
          if (nist != nullptr) set("nistCurve", OneByteString(isolate, nist));
        }
      }
    }
    args.GetReturnValue().Set(out);
  }

 private:
  X509* cert_;
};

// --- SPKAC ------------------------------------------------------------------

NETSCAPE_SPKI* DecodeSpkac(Local<Value> value) {
  ByteView view;
  if (!GetByteView(value, &view)) return nullptr;
  size_t len = view.length;
  // Trailing line ends and spaces are not base64.
  while (len > 0 && isspace(view.data[len - 1])) len--;
  if (len == 0 || len > INT32_MAX) return nullptr;
  return NETSCAPE_SPKI_b64_decode(reinterpret_cast<const char*>(view.data),
                                  static_cast<int>(len));
}

void VerifySpkac(const FunctionCallbackInfo<Value>& args) {
  ClearErrorsOnReturn clear;
  NETSCAPE_SPKI* spki = DecodeSpkac(args[0]);
  bool ok = false;
  if (spki != nullptr) {
    EVP_PKEY* pkey = NETSCAPE_SPKI_get_pubkey(spki);
    ok = pkey != nullptr && NETSCAPE_SPKI_verify(spki, pkey) > 0;
    EVP_PKEY_free(pkey);
    NETSCAPE_SPKI_free(spki);
  }
  args.GetReturnValue().Set(ok);
}

void ExportPublicKey(const FunctionCallbackInfo<Value>& args) {
  ClearErrorsOnReturn clear;
  NETSCAPE_SPKI* spki = DecodeSpkac(args[0]);
  if (spki == nullptr) return;
  EVP_PKEY* pkey = NETSCAPE_SPKI_get_pubkey(spki);
  NETSCAPE_SPKI_free(spki);
  if (pkey == nullptr) return;
  Bio bio = NewBio();
  bool ok = PEM_write_bio_PUBKEY(bio.get(), pkey) == 1;
  EVP_PKEY_free(pkey);
  if (!ok) return;
  std::string pem = BioString(bio.get());
  args.GetReturnValue().Set(ToArrayBuffer(
      args.GetIsolate(), reinterpret_cast<const unsigned char*>(pem.data()),
      pem.size()));
}

void ExportChallenge(const FunctionCallbackInfo<Value>& args) {
  ClearErrorsOnReturn clear;
  NETSCAPE_SPKI* spki = DecodeSpkac(args[0]);
  if (spki == nullptr) return;
  const ASN1_IA5STRING* challenge = spki->spkac->challenge;
  unsigned char* utf8 = nullptr;
  int len = ASN1_STRING_to_UTF8(&utf8, challenge);
  if (len >= 0) {
    args.GetReturnValue().Set(ToArrayBuffer(args.GetIsolate(), utf8, len));
    OPENSSL_free(utf8);
  }
  NETSCAPE_SPKI_free(spki);
}

}  // namespace

void InitializeX509(Local<Context> context, Local<Object> target) {
  Isolate* isolate = context->GetIsolate();
  Local<FunctionTemplate> t = NewFunctionTemplate(isolate, X509Handle::New);
  t->InstanceTemplate()->SetInternalFieldCount(kWrapFieldCount);
  SetProtoMethod(isolate, t, "subject", X509Handle::Subject);
  SetProtoMethod(isolate, t, "issuer", X509Handle::Issuer);
  SetProtoMethod(isolate, t, "subjectAltName", X509Handle::GetSubjectAltName);
  SetProtoMethod(isolate, t, "infoAccess", X509Handle::GetInfoAccess);
  SetProtoMethod(isolate, t, "validity", X509Handle::Validity);
  SetProtoMethod(isolate, t, "fingerprint", X509Handle::Fingerprint);
  SetProtoMethod(isolate, t, "keyUsage", X509Handle::KeyUsage);
  SetProtoMethod(isolate, t, "serialNumber", X509Handle::SerialNumber);
  SetProtoMethod(isolate, t, "signatureAlgorithm",
                 X509Handle::SignatureAlgorithm);
  SetProtoMethod(isolate, t, "raw", X509Handle::Raw);
  SetProtoMethod(isolate, t, "pem", X509Handle::Pem);
  SetProtoMethod(isolate, t, "publicKey", X509Handle::PublicKey);
  SetProtoMethod(isolate, t, "isCA", X509Handle::IsCA);
  SetProtoMethod(isolate, t, "checkHost", X509Handle::CheckHost);
  SetProtoMethod(isolate, t, "checkEmail", X509Handle::CheckEmail);
  SetProtoMethod(isolate, t, "checkIP", X509Handle::CheckIP);
  SetProtoMethod(isolate, t, "checkIssued", X509Handle::CheckIssued);
  SetProtoMethod(isolate, t, "checkPrivateKey", X509Handle::CheckPrivateKey);
  SetProtoMethod(isolate, t, "verify", X509Handle::Verify);
  SetProtoMethod(isolate, t, "nameEntries", X509Handle::NameEntries);
  SetProtoMethod(isolate, t, "legacyKeyInfo", X509Handle::LegacyKeyInfo);
  SetConstructorFunction(context, target, "X509Handle", t);
  SetMethod(context, target, "certVerifySpkac", VerifySpkac);
  SetMethod(context, target, "certExportPublicKey", ExportPublicKey);
  SetMethod(context, target, "certExportChallenge", ExportChallenge);
  SetConstant(context, target, "X509_CHECK_FLAG_ALWAYS_CHECK_SUBJECT",
              X509_CHECK_FLAG_ALWAYS_CHECK_SUBJECT);
  SetConstant(context, target, "X509_CHECK_FLAG_NEVER_CHECK_SUBJECT",
              X509_CHECK_FLAG_NEVER_CHECK_SUBJECT);
  SetConstant(context, target, "X509_CHECK_FLAG_NO_WILDCARDS",
              X509_CHECK_FLAG_NO_WILDCARDS);
  SetConstant(context, target, "X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS",
              X509_CHECK_FLAG_NO_PARTIAL_WILDCARDS);
  SetConstant(context, target, "X509_CHECK_FLAG_MULTI_LABEL_WILDCARDS",
              X509_CHECK_FLAG_MULTI_LABEL_WILDCARDS);
  SetConstant(context, target, "X509_CHECK_FLAG_SINGLE_LABEL_SUBDOMAINS",
              X509_CHECK_FLAG_SINGLE_LABEL_SUBDOMAINS);
}

void RegisterX509References(ExternalReferenceRegistry* registry) {
  registry->Register(X509Handle::New);
  registry->Register(X509Handle::Subject);
  registry->Register(X509Handle::Issuer);
  registry->Register(X509Handle::GetSubjectAltName);
  registry->Register(X509Handle::GetInfoAccess);
  registry->Register(X509Handle::Validity);
  registry->Register(X509Handle::Fingerprint);
  registry->Register(X509Handle::KeyUsage);
  registry->Register(X509Handle::SerialNumber);
  registry->Register(X509Handle::SignatureAlgorithm);
  registry->Register(X509Handle::Raw);
  registry->Register(X509Handle::Pem);
  registry->Register(X509Handle::PublicKey);
  registry->Register(X509Handle::IsCA);
  registry->Register(X509Handle::CheckHost);
  registry->Register(X509Handle::CheckEmail);
  registry->Register(X509Handle::CheckIP);
  registry->Register(X509Handle::CheckIssued);
  registry->Register(X509Handle::CheckPrivateKey);
  registry->Register(X509Handle::Verify);
  registry->Register(X509Handle::NameEntries);
  registry->Register(X509Handle::LegacyKeyInfo);
  registry->Register(VerifySpkac);
  registry->Register(ExportPublicKey);
  registry->Register(ExportChallenge);
}

}  // namespace lode::crypto
