// Certificates, ciphers and keys of a TLS connection as the objects of
// tls.TLSSocket (getPeerCertificate(), getCipher(), getEphemeralKeyInfo())
// and the codes of certificate verification errors.
#include <openssl/bn.h>
#include <openssl/core_names.h>
#include <openssl/ec.h>
#include <openssl/err.h>
#include <openssl/x509v3.h>

#include <vector>

#include "lode_crypto_tls.h"

namespace lode::crypto {

using v8::Array;
using v8::Context;
using v8::Isolate;
using v8::Local;
using v8::MaybeLocal;
using v8::Object;
using v8::String;
using v8::Value;

namespace {

std::string BIOText(BIO* bio) {
  BUF_MEM* mem = nullptr;
  BIO_get_mem_ptr(bio, &mem);
  return mem == nullptr ? std::string() : std::string(mem->data, mem->length);
}

std::string HexColons(const unsigned char* data, size_t length) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (size_t i = 0; i < length; i++) {
    if (i > 0) out += ':';
    out += kHex[data[i] >> 4];
    out += kHex[data[i] & 15];
  }
  return out;
}

std::string Fingerprint(X509* cert, const EVP_MD* md) {
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (X509_digest(cert, md, digest, &length) != 1) return std::string();
  return HexColons(digest, length);
}

std::string UpperHex(const BIGNUM* bn) {
  char* hex = BN_bn2hex(bn);
  std::string out = hex != nullptr ? hex : "";
  OPENSSL_free(hex);
  return out;
}

// X509_NAME as an object without prototype: short names (or the OID's
// text) to values; a name that repeats gets an array.
Local<Value> NameObject(Isolate* isolate, const X509_NAME* name) {
  Local<Context> context = isolate->GetCurrentContext();
  Local<Object> result =
      Object::New(isolate, v8::Null(isolate), nullptr, nullptr, 0);
  int count = X509_NAME_entry_count(name);
  for (int i = 0; i < count; i++) {
    X509_NAME_ENTRY* entry = X509_NAME_get_entry(name, i);
    ASN1_OBJECT* type = X509_NAME_ENTRY_get_object(entry);
    int nid = OBJ_obj2nid(type);
    std::string key;
    if (nid != NID_undef) {
      key = OBJ_nid2sn(nid);
    } else {
      char text[128];
      OBJ_obj2txt(text, sizeof(text), type, 1);
      key = text;
    }
    unsigned char* utf8 = nullptr;
    int length = ASN1_STRING_to_UTF8(&utf8, X509_NAME_ENTRY_get_data(entry));
    if (length < 0) continue;
    Local<Value> value =
        Utf8String(isolate, std::string_view(reinterpret_cast<char*>(utf8),
                                             length));
    OPENSSL_free(utf8);
    Local<String> k = Utf8String(isolate, key);
    Local<Value> existing;
    if (!result->Get(context, k).ToLocal(&existing)) continue;
    if (existing->IsUndefined()) {
      result->CreateDataProperty(context, k, value).Check();
    } else if (existing->IsArray()) {
      Local<Array> list = existing.As<Array>();
      list->Set(context, list->Length(), value).Check();
    } else {
      Local<Value> both[] = {existing, value};
      result->CreateDataProperty(context, k, Array::New(isolate, both, 2))
          .Check();
    }
  }
  return result;
}

// Whether a name can be shown as it is: no quotes, backslashes or commas
// (which would make the list ambiguous) and nothing unprintable.
bool IsPlainName(const char* data, size_t length, bool utf8) {
  for (size_t i = 0; i < length; i++) {
    unsigned char c = static_cast<unsigned char>(data[i]);
    if (c == '"' || c == '\\' || c == ',' || c == '\'') return false;
    if (c < 0x20 || c == 0x7f) return false;
    if (!utf8 && c > 0x7e) return false;
  }
  return true;
}

// A name as is when plain, else as a JSON string (lib/ parses those back)
// in which only printable ASCII but commas stays as it is (and, in UTF-8
// names, bytes of non-ASCII characters): the rest becomes \uXXXX, per
// byte. A `prefix` ("XmppAddr") goes before the name, inside the quotes.
void AppendName(std::string* out, const char* data, size_t length,
                bool utf8, const char* prefix = nullptr) {
  if (IsPlainName(data, length, utf8)) {
    if (prefix != nullptr) {
      out->append(prefix);
      out->push_back(':');
    }
    out->append(data, length);
    return;
  }
  out->push_back('"');
  if (prefix != nullptr) {
    out->append(prefix);
    out->push_back(':');
  }
  for (size_t i = 0; i < length; i++) {
    unsigned char c = static_cast<unsigned char>(data[i]);
    if (c == '\\') {
      out->append("\\\\");
    } else if (c == '"') {
      out->append("\\\"");
    } else if ((c >= ' ' && c != ',' && c <= '~') || (utf8 && c >= 0x80)) {
      out->push_back(static_cast<char>(c));
    } else {
      char escaped[8];
      snprintf(escaped, sizeof(escaped), "\\u%04x", c);
      out->append(escaped);
    }
  }
  out->push_back('"');
}

void AppendASN1String(std::string* out, const ASN1_STRING* str) {
  AppendName(out, reinterpret_cast<const char*>(ASN1_STRING_get0_data(str)),
             ASN1_STRING_length(str), false);
}

void AppendGeneralName(std::string* out, const GENERAL_NAME* name) {
  switch (name->type) {
    case GEN_DNS:
      out->append("DNS:");
      AppendASN1String(out, name->d.dNSName);
      break;
    case GEN_EMAIL:
      out->append("email:");
      AppendASN1String(out, name->d.rfc822Name);
      break;
    case GEN_URI:
      out->append("URI:");
      AppendASN1String(out, name->d.uniformResourceIdentifier);
      break;
    case GEN_DIRNAME: {
      out->append("DirName:");
      BIO* bio = BIO_new(BIO_s_mem());
      X509_NAME_print_ex(bio, name->d.directoryName, 0,
                         XN_FLAG_RFC2253 & ~ASN1_STRFLGS_ESC_MSB &
                             ~ASN1_STRFLGS_ESC_CTRL);
      std::string text = BIOText(bio);
      BIO_free(bio);
      AppendName(out, text.data(), text.size(), true);
      break;
    }
    case GEN_IPADD: {
      out->append("IP Address:");
      const unsigned char* b = ASN1_STRING_get0_data(name->d.iPAddress);
      int length = ASN1_STRING_length(name->d.iPAddress);
      char text[64];
      if (length == 4) {
        snprintf(text, sizeof(text), "%d.%d.%d.%d", b[0], b[1], b[2], b[3]);
        out->append(text);
      } else if (length == 16) {
        for (int i = 0; i < 8; i++) {
          snprintf(text, sizeof(text), i == 0 ? "%X" : ":%X",
                   (b[2 * i] << 8) | b[2 * i + 1]);
          out->append(text);
        }
      } else {
        snprintf(text, sizeof(text), "<invalid length=%d>", length);
        out->append(text);
      }
      break;
    }
    case GEN_RID: {
      char text[128];
      OBJ_obj2txt(text, sizeof(text), name->d.registeredID, 1);
      out->append("Registered ID:");
      out->append(text);
      break;
    }
    case GEN_OTHERNAME: {
      // The names OpenSSL 3 knows how to show, as it shows them.
      const char* prefix = nullptr;
      bool unicode = true;
      switch (OBJ_obj2nid(name->d.otherName->type_id)) {
        case NID_id_on_SmtpUTF8Mailbox: prefix = "SmtpUTF8Mailbox"; break;
        case NID_XmppAddr: prefix = "XmppAddr"; break;
        case NID_SRVName: prefix = "SRVName"; unicode = false; break;
        case NID_ms_upn: prefix = "UPN"; break;
        case NID_NAIRealm: prefix = "NAIRealm"; break;
        default: break;
      }
      const ASN1_TYPE* value = name->d.otherName->value;
      int type = value != nullptr ? value->type : -1;
      if (prefix == nullptr ||
          type != (unicode ? V_ASN1_UTF8STRING : V_ASN1_IA5STRING)) {
        out->append("othername:<unsupported>");
        break;
      }
      const ASN1_STRING* str = unicode ? value->value.utf8string
                                       : value->value.ia5string;
      out->append("othername:");
      AppendName(out,
                 reinterpret_cast<const char*>(ASN1_STRING_get0_data(str)),
                 ASN1_STRING_length(str), unicode, prefix);
      break;
    }
    case GEN_X400:
      out->append("X400Name:<unsupported>");
      break;
    case GEN_EDIPARTY:
      out->append("EdiPartyName:<unsupported>");
      break;
    default:
      break;
  }
}

}  // namespace

bool SubjectAltNameText(X509* cert, std::string* out) {
  GENERAL_NAMES* names = static_cast<GENERAL_NAMES*>(
      X509_get_ext_d2i(cert, NID_subject_alt_name, nullptr, nullptr));
  if (names == nullptr) return false;
  for (int i = 0; i < sk_GENERAL_NAME_num(names); i++) {
    if (i > 0) out->append(", ");
    AppendGeneralName(out, sk_GENERAL_NAME_value(names, i));
  }
  GENERAL_NAMES_free(names);
  return true;
}

bool InfoAccessText(X509* cert, std::string* out) {
  AUTHORITY_INFO_ACCESS* info = static_cast<AUTHORITY_INFO_ACCESS*>(
      X509_get_ext_d2i(cert, NID_info_access, nullptr, nullptr));
  if (info == nullptr) return false;
  for (int i = 0; i < sk_ACCESS_DESCRIPTION_num(info); i++) {
    const ACCESS_DESCRIPTION* desc = sk_ACCESS_DESCRIPTION_value(info, i);
    char method[128];
    i2t_ASN1_OBJECT(method, sizeof(method), desc->method);
    if (i > 0) out->push_back('\n');
    out->append(method);
    out->append(" - ");
    AppendGeneralName(out, desc->location);
  }
  AUTHORITY_INFO_ACCESS_free(info);
  return true;
}

namespace {

// "DNS:a, IP Address:1.2.3.4, ..." or undefined.
Local<Value> SubjectAltNames(Isolate* isolate, X509* cert) {
  std::string out;
  if (!SubjectAltNameText(cert, &out)) return v8::Undefined(isolate);
  return Utf8String(isolate, out);
}

// "OCSP - URI:...\nCA Issuers - URI:..." or undefined.
Local<Value> InfoAccess(Isolate* isolate, X509* cert) {
  std::string out;
  if (!InfoAccessText(cert, &out)) return v8::Undefined(isolate);
  return Utf8String(isolate, out);
}

Local<Value> TimeText(Isolate* isolate, const ASN1_TIME* time) {
  BIO* bio = BIO_new(BIO_s_mem());
  ASN1_TIME_print(bio, time);
  std::string text = BIOText(bio);
  BIO_free(bio);
  return OneByteString(isolate, text.c_str(), static_cast<int>(text.size()));
}

Local<Value> ExtKeyUsage(Isolate* isolate, X509* cert) {
  EXTENDED_KEY_USAGE* eku = static_cast<EXTENDED_KEY_USAGE*>(
      X509_get_ext_d2i(cert, NID_ext_key_usage, nullptr, nullptr));
  if (eku == nullptr) return v8::Undefined(isolate);
  std::vector<Local<Value>> oids;
  for (int i = 0; i < sk_ASN1_OBJECT_num(eku); i++) {
    char text[128];
    if (OBJ_obj2txt(text, sizeof(text), sk_ASN1_OBJECT_value(eku, i), 1) >
        0) {
      oids.push_back(OneByteString(isolate, text));
    }
  }
  sk_ASN1_OBJECT_pop_free(eku, ASN1_OBJECT_free);
  return Array::New(isolate, oids.data(), oids.size());
}

Local<Value> SerialNumber(Isolate* isolate, X509* cert) {
  BIGNUM* bn = ASN1_INTEGER_to_BN(X509_get0_serialNumber(cert), nullptr);
  if (bn == nullptr) return v8::Undefined(isolate);
  std::string hex = UpperHex(bn);
  BN_free(bn);
  return OneByteString(isolate, hex.c_str());
}

Local<Value> DERBytes(Isolate* isolate, X509* cert) {
  unsigned char* der = nullptr;
  int length = i2d_X509(cert, &der);
  if (length < 0) return v8::Undefined(isolate);
  Local<Value> out = NewBuffer(isolate, der, length);
  OPENSSL_free(der);
  return out;
}

// The chain the peer sent, leaf first (a server's SSL does not list the
// client's leaf in it).
std::vector<X509*> PeerChain(SSL* ssl, bool is_server) {
  std::vector<X509*> chain;
  if (is_server) {
    X509* leaf = SSL_get0_peer_certificate(ssl);
    if (leaf != nullptr) chain.push_back(leaf);
  }
  STACK_OF(X509)* sent = SSL_get_peer_cert_chain(ssl);
  for (int i = 0; sent != nullptr && i < sk_X509_num(sent); i++) {
    X509* cert = sk_X509_value(sent, i);
    bool seen = false;
    for (X509* c : chain) seen = seen || X509_cmp(c, cert) == 0;
    if (!seen) chain.push_back(cert);
  }
  return chain;
}

bool SetIssuer(Local<Context> context, Local<Object> object,
               Local<Value> issuer) {
  return object
      ->CreateDataProperty(
          context,
          FIXED_ONE_BYTE_STRING(context->GetIsolate(), "issuerCertificate"),
          issuer)
      .IsJust();
}

}  // namespace

namespace {

// Buffer.prototype, looked up once per environment.
struct BufferPrototype : public BindingData {
  v8::Global<Value> prototype;
  bool looked_up = false;
};

Local<Value> GetBufferPrototype(Environment* env) {
  Isolate* isolate = env->isolate();
  BufferPrototype* data =
      env->GetBindingData<BufferPrototype>("crypto.bufferPrototype");
  if (data == nullptr) {
    data = env->SetBindingData("crypto.bufferPrototype",
                               std::make_unique<BufferPrototype>());
  }
  if (!data->looked_up) {
    data->looked_up = true;
    Local<Context> context = env->context();
    v8::TryCatch try_catch(isolate);
    Local<Value> id = FIXED_ONE_BYTE_STRING(isolate, "buffer");
    Local<Value> exports;
    Local<Value> buffer;
    Local<Value> proto;
    if (env->builtin_require()
            ->Call(context, v8::Undefined(isolate), 1, &id)
            .ToLocal(&exports) &&
        exports->IsObject() &&
        exports.As<Object>()
            ->Get(context, FIXED_ONE_BYTE_STRING(isolate, "Buffer"))
            .ToLocal(&buffer) &&
        buffer->IsFunction() &&
        buffer.As<Object>()
            ->Get(context, FIXED_ONE_BYTE_STRING(isolate, "prototype"))
            .ToLocal(&proto) &&
        proto->IsObject()) {
      data->prototype.Reset(isolate, proto);
    }
  }
  if (data->prototype.IsEmpty()) return Local<Value>();
  return data->prototype.Get(isolate);
}

}  // namespace

Local<v8::Uint8Array> NewBuffer(Isolate* isolate, const unsigned char* data,
                                size_t length) {
  Local<v8::ArrayBuffer> ab = v8::ArrayBuffer::New(isolate, length);
  if (length > 0) memcpy(ab->Data(), data, length);
  Local<v8::Uint8Array> view = v8::Uint8Array::New(ab, 0, length);
  Environment* env = Environment::GetCurrent(isolate);
  Local<Value> proto = GetBufferPrototype(env);
  if (!proto.IsEmpty()) {
    view->SetPrototype(env->context(), proto).FromMaybe(false);
  }
  return view;
}

MaybeLocal<Object> CertificateToObject(Environment* env, X509* cert) {
  Isolate* isolate = env->isolate();
  Local<Context> context = env->context();
  v8::EscapableHandleScope scope(isolate);
  Local<Value> undefined = v8::Undefined(isolate);
  Local<Value> modulus = undefined, exponent = undefined, pubkey = undefined,
               bits = undefined, asn1_curve = undefined,
               nist_curve = undefined;
  EVP_PKEY* key = X509_get0_pubkey(cert);
  int key_type = key != nullptr ? EVP_PKEY_get_base_id(key) : NID_undef;
  if (key_type == EVP_PKEY_RSA) {
    BIGNUM* n = nullptr;
    BIGNUM* e = nullptr;
    if (EVP_PKEY_get_bn_param(key, OSSL_PKEY_PARAM_RSA_N, &n) == 1 &&
        EVP_PKEY_get_bn_param(key, OSSL_PKEY_PARAM_RSA_E, &e) == 1) {
      modulus = OneByteString(isolate, UpperHex(n).c_str());
      char* hex = BN_bn2hex(e);
      std::string text = "0x";
      // Lowercase and without leading zeros, as BN_print() writes it.
      const char* p = hex;
      while (p[0] == '0' && p[1] != '\0') p++;
      for (; *p != '\0'; p++) text += static_cast<char>(tolower(*p));
      OPENSSL_free(hex);
      exponent = OneByteString(isolate, text.c_str());
      bits = v8::Integer::New(isolate, BN_num_bits(n));
    }
    BN_free(n);
    BN_free(e);
    unsigned char* der = nullptr;
    int length = i2d_PUBKEY(key, &der);
    if (length > 0) pubkey = NewBuffer(isolate, der, length);
    OPENSSL_free(der);
  } else if (key_type == EVP_PKEY_EC) {
    bits = v8::Integer::New(isolate, EVP_PKEY_get_bits(key));
    size_t length = 0;
    if (EVP_PKEY_get_octet_string_param(key, OSSL_PKEY_PARAM_PUB_KEY, nullptr,
                                        0, &length) == 1) {
      std::vector<unsigned char> point(length);
      if (EVP_PKEY_get_octet_string_param(key, OSSL_PKEY_PARAM_PUB_KEY,
                                          point.data(), length,
                                          &length) == 1) {
        pubkey = NewBuffer(isolate, point.data(), length);
      }
    }
    char group[64];
    if (EVP_PKEY_get_utf8_string_param(key, OSSL_PKEY_PARAM_GROUP_NAME, group,
                                       sizeof(group), nullptr) == 1) {
      int nid = OBJ_sn2nid(group);
      if (nid == NID_undef) nid = EC_curve_nist2nid(group);
      if (nid != NID_undef) {
        asn1_curve = OneByteString(isolate, OBJ_nid2sn(nid));
        if (const char* nist = EC_curve_nid2nist(nid)) {
          nist_curve = OneByteString(isolate, nist);
        }
      }
    }
  }
  ERR_clear_error();
  struct Field {
    const char* name;
    Local<Value> value;
  } fields[] = {
      {"subject", NameObject(isolate, X509_get_subject_name(cert))},
      {"issuer", NameObject(isolate, X509_get_issuer_name(cert))},
      {"subjectaltname", SubjectAltNames(isolate, cert)},
      {"infoAccess", InfoAccess(isolate, cert)},
      {"ca", v8::Boolean::New(isolate, X509_check_ca(cert) == 1)},
      {"modulus", modulus},
      {"exponent", exponent},
      {"pubkey", pubkey},
      {"bits", bits},
      {"valid_from", TimeText(isolate, X509_get0_notBefore(cert))},
      {"valid_to", TimeText(isolate, X509_get0_notAfter(cert))},
      {"fingerprint", OneByteString(isolate,
                                    Fingerprint(cert, EVP_sha1()).c_str())},
      {"fingerprint256",
       OneByteString(isolate, Fingerprint(cert, EVP_sha256()).c_str())},
      {"fingerprint512",
       OneByteString(isolate, Fingerprint(cert, EVP_sha512()).c_str())},
      {"ext_key_usage", ExtKeyUsage(isolate, cert)},
      {"serialNumber", SerialNumber(isolate, cert)},
      {"raw", DERBytes(isolate, cert)},
      {"asn1Curve", asn1_curve},
      {"nistCurve", nist_curve},
  };
  ERR_clear_error();
  Local<Object> info = Object::New(isolate);
  for (const Field& field : fields) {
    if (info->CreateDataProperty(context, OneByteString(isolate, field.name),
                                 field.value)
            .IsNothing()) {
      return MaybeLocal<Object>();
    }
  }
  return scope.Escape(info);
}

MaybeLocal<Value> PeerCertificateObject(Environment* env, SSL* ssl,
                                        bool detailed, bool is_server) {
  Isolate* isolate = env->isolate();
  Local<Context> context = env->context();
  std::vector<X509*> chain = PeerChain(ssl, is_server);
  if (chain.empty()) return v8::Undefined(isolate);
  Local<Object> first;
  if (!CertificateToObject(env, chain[0]).ToLocal(&first)) return {};
  if (!detailed) return first;

  // Follow issuers through what the peer sent, then through the trust
  // store; a self-signed end links to itself.
  std::vector<X509*> rest(chain.begin() + 1, chain.end());
  X509* current = chain[0];
  Local<Object> current_obj = first;
  std::vector<X509*> owned;
  bool ok = true;
  for (int depth = 0; depth < 100 && ok; depth++) {
    if (X509_check_issued(current, current) == X509_V_OK) {
      ok = SetIssuer(context, current_obj, current_obj);
      break;
    }
    X509* issuer = nullptr;
    for (auto it = rest.begin(); it != rest.end(); ++it) {
      if (X509_check_issued(*it, current) == X509_V_OK) {
        issuer = *it;
        rest.erase(it);
        break;
      }
    }
    if (issuer == nullptr) {
      X509_STORE* store = SSL_CTX_get_cert_store(SSL_get_SSL_CTX(ssl));
      X509_STORE_CTX* store_ctx = X509_STORE_CTX_new();
      X509* found = nullptr;
      if (store_ctx != nullptr &&
          X509_STORE_CTX_init(store_ctx, store, nullptr, nullptr) == 1 &&
          X509_STORE_CTX_get1_issuer(&found, store_ctx, current) == 1) {
        owned.push_back(found);
        issuer = found;
      }
      X509_STORE_CTX_free(store_ctx);
      ERR_clear_error();
    }
    if (issuer == nullptr) break;
    Local<Object> issuer_obj;
    ok = CertificateToObject(env, issuer).ToLocal(&issuer_obj) &&
         SetIssuer(context, current_obj, issuer_obj);
    current = issuer;
    current_obj = issuer_obj;
  }
  for (X509* c : owned) X509_free(c);
  if (!ok) return {};
  return first;
}

Local<Value> CipherObject(Environment* env, SSL* ssl) {
  Isolate* isolate = env->isolate();
  const SSL_CIPHER* cipher = SSL_get_current_cipher(ssl);
  if (cipher == nullptr) return v8::Undefined(isolate);
  Local<Context> context = env->context();
  Local<Object> info = Object::New(isolate);
  const char* standard = SSL_CIPHER_standard_name(cipher);
  Local<Value> values[] = {
      OneByteString(isolate, SSL_CIPHER_get_name(cipher)),
      standard != nullptr ? OneByteString(isolate, standard).As<Value>()
                          : v8::Undefined(isolate).As<Value>(),
      OneByteString(isolate, SSL_CIPHER_get_version(cipher)),
  };
  const char* names[] = {"name", "standardName", "version"};
  for (int i = 0; i < 3; i++) {
    info->CreateDataProperty(context, OneByteString(isolate, names[i]),
                             values[i])
        .Check();
  }
  return info;
}

Local<Value> EphemeralKeyObject(Environment* env, SSL* ssl) {
  Isolate* isolate = env->isolate();
  Local<Context> context = env->context();
  Local<Object> info = Object::New(isolate);
  EVP_PKEY* key = nullptr;
  if (SSL_get_peer_tmp_key(ssl, &key) != 1 || key == nullptr) return info;
  int id = EVP_PKEY_get_base_id(key);
  int bits = EVP_PKEY_get_bits(key);
  Local<Value> type = v8::Undefined(isolate);
  Local<Value> name = v8::Undefined(isolate);
  Local<Value> size = v8::Undefined(isolate);
  if (id == EVP_PKEY_DH) {
    type = FIXED_ONE_BYTE_STRING(isolate, "DH");
    size = v8::Integer::New(isolate, bits);
  } else if (id == EVP_PKEY_EC || id == EVP_PKEY_X25519 ||
             id == EVP_PKEY_X448) {
    const char* curve = nullptr;
    if (id == EVP_PKEY_EC) {
      char group[64];
      if (EVP_PKEY_get_utf8_string_param(key, OSSL_PKEY_PARAM_GROUP_NAME,
                                         group, sizeof(group),
                                         nullptr) == 1) {
        int nid = OBJ_sn2nid(group);
        if (nid == NID_undef) nid = EC_curve_nist2nid(group);
        curve = nid != NID_undef ? OBJ_nid2sn(nid) : nullptr;
      }
    } else {
      curve = OBJ_nid2sn(id);
    }
    type = FIXED_ONE_BYTE_STRING(isolate, "ECDH");
    if (curve != nullptr) name = OneByteString(isolate, curve);
    size = v8::Integer::New(isolate, bits);
  }
  EVP_PKEY_free(key);
  ERR_clear_error();
  if (id == EVP_PKEY_DH) {
    info->CreateDataProperty(context, FIXED_ONE_BYTE_STRING(isolate, "type"),
                             type).Check();
    info->CreateDataProperty(context, FIXED_ONE_BYTE_STRING(isolate, "size"),
                             size).Check();
    return info;
  }
  info->CreateDataProperty(context, FIXED_ONE_BYTE_STRING(isolate, "type"),
                           type).Check();
  info->CreateDataProperty(context, FIXED_ONE_BYTE_STRING(isolate, "name"),
                           name).Check();
  info->CreateDataProperty(context, FIXED_ONE_BYTE_STRING(isolate, "size"),
                           size).Check();
  return info;
}

const char* VerifyErrorCode(long error) {
#define V(name)               \
  case X509_V_ERR_##name:     \
    return #name;
  switch (error) {
    V(UNABLE_TO_GET_ISSUER_CERT)
    V(UNABLE_TO_GET_CRL)
    V(UNABLE_TO_DECRYPT_CERT_SIGNATURE)
    V(UNABLE_TO_DECRYPT_CRL_SIGNATURE)
    V(UNABLE_TO_DECODE_ISSUER_PUBLIC_KEY)
    V(CERT_SIGNATURE_FAILURE)
    V(CRL_SIGNATURE_FAILURE)
    V(CERT_NOT_YET_VALID)
    V(CERT_HAS_EXPIRED)
    V(CRL_NOT_YET_VALID)
    V(CRL_HAS_EXPIRED)
    V(ERROR_IN_CERT_NOT_BEFORE_FIELD)
    V(ERROR_IN_CERT_NOT_AFTER_FIELD)
    V(ERROR_IN_CRL_LAST_UPDATE_FIELD)
    V(ERROR_IN_CRL_NEXT_UPDATE_FIELD)
    V(OUT_OF_MEM)
    V(DEPTH_ZERO_SELF_SIGNED_CERT)
    V(SELF_SIGNED_CERT_IN_CHAIN)
    V(UNABLE_TO_GET_ISSUER_CERT_LOCALLY)
    V(UNABLE_TO_VERIFY_LEAF_SIGNATURE)
    V(CERT_CHAIN_TOO_LONG)
    V(CERT_REVOKED)
    V(INVALID_CA)
    V(PATH_LENGTH_EXCEEDED)
    V(INVALID_PURPOSE)
    V(CERT_UNTRUSTED)
    V(CERT_REJECTED)
    V(HOSTNAME_MISMATCH)
    V(EMAIL_MISMATCH)
    V(IP_ADDRESS_MISMATCH)
  }
#undef V
  return "UNSPECIFIED";
}

}  // namespace lode::crypto
