// What TLS takes from internalBinding('crypto'): SecureContext (an SSL_CTX
// with the credentials and settings of tls.createSecureContext()), the
// root certificate store, and the conversions of certificates, ciphers
// and keys into the objects tls.TLSSocket returns.
//
// lode_crypto_context.cc holds SecureContext and the certificate stores,
// lode_crypto_certinfo.cc the conversions; src/tls_wrap.cc (TLSWrap) uses
// both.
#ifndef SRC_LODE_CRYPTO_TLS_H_
#define SRC_LODE_CRYPTO_TLS_H_

#include <openssl/ssl.h>
#include <openssl/x509.h>

#include <string>

#include "lode_crypto.h"

namespace lode::crypto {

// The native object behind tls.createSecureContext().context: owns one
// reference to an SSL_CTX. It lives as long as its JS object; an SSL made
// from it keeps the SSL_CTX alive on its own.
class SecureContext {
 public:
  static const WrapType kType;

  SSL_CTX* ctx() const { return ctx_; }
  // The SecureContext of a JS value, or nullptr.
  static SecureContext* FromValue(v8::Local<v8::Value> value);

  static void Initialize(Environment* env, v8::Local<v8::Context> context,
                         v8::Local<v8::Object> target);
  static void RegisterExternalReferences(ExternalReferenceRegistry* registry);

  ~SecureContext();

  // The ticket key callback when the program supplies the keys.
  static int TicketKeyCallbackJS(SecureContext* sc, unsigned char* name,
                                 unsigned char* iv, EVP_CIPHER_CTX* cipher,
                                 EVP_MAC_CTX* mac, int enc);

 private:
  SecureContext(Environment* env, v8::Local<v8::Object> object);
  static void New(const v8::FunctionCallbackInfo<v8::Value>& args);
  static void OnGC(const v8::WeakCallbackInfo<SecureContext>& info);

#define V(name) static void name(const v8::FunctionCallbackInfo<v8::Value>&);
  V(Init)
  V(SetKey)
  V(SetCert)
  V(AddCACert)
  V(AddCRL)
  V(AddRootCerts)
  V(SetAllowPartialTrustChain)
  V(SetCipherSuites)
  V(SetCiphers)
  V(SetSigalgs)
  V(SetECDHCurve)
  V(SetDHParam)
  V(SetMinProto)
  V(SetMaxProto)
  V(GetMinProto)
  V(GetMaxProto)
  V(SetOptions)
  V(SetSessionIdContext)
  V(SetSessionTimeout)
  V(LoadPKCS12)
  V(GetTicketKeys)
  V(SetTicketKeys)
  V(Close)
  V(GetCertificate)
  V(GetIssuer)
  V(EnableTicketKeyCallback)
  V(GetExternal)
  V(SetClientCertEngine)
  V(SetEngineKey)
#undef V

  void ReleaseContext();

  // The store this context may add CAs to: its own, never the shared root
  // store (which is copied first).
  X509_STORE* OwnCertStore();
  // Puts `cert` (with its chain) in use, looking up its issuer in the
  // context's store when the chain lacks it.
  bool UseCertificate(X509* cert, STACK_OF(X509)* extra);

  Environment* env_;
  v8::Global<v8::Object> object_;
  SSL_CTX* ctx_ = nullptr;
  X509* cert_ = nullptr;    // the certificate in use
  X509* issuer_ = nullptr;  // its issuer, when known
  bool own_store_ = false;
  bool client_cert_engine_set_ = false;
};

// --- Certificate stores -------------------------------------------------

// The shared store of trusted roots: the system's certificates (OpenSSL's
// default file and directory, on Debian /etc/ssl/certs) plus those of
// NODE_EXTRA_CA_CERTS, or what tls.setDefaultCACertificates() set. Built
// on first use; the caller gets a new reference.
X509_STORE* NewRootStoreReference();
bool IsRootStore(X509_STORE* store);

// --- Conversions (lode_crypto_certinfo.cc) ------------------------------

// A certificate's subjectAltName ("DNS:a.example, IP Address:1.2.3.4")
// and infoAccess ("OCSP - URI:...\n...") text as Node shows them, a name
// quoted after its prefix when a comma, quote or unprintable byte is in it;
// false (and `out` untouched) when the extension is absent.
bool SubjectAltNameText(X509* cert, std::string* out);
bool InfoAccessText(X509* cert, std::string* out);
// A certificate as tls.TLSSocket#getPeerCertificate() shows it (subject,
// issuer, subjectaltname, infoAccess, ca, modulus, exponent, pubkey, bits,
// valid_from, valid_to, fingerprint*, ext_key_usage, serialNumber, raw,
// asn1Curve, nistCurve); `infoAccess` is the text lib/ splits.
v8::MaybeLocal<v8::Object> CertificateToObject(Environment* env, X509* cert);
// The peer's certificate; with `detailed`, its issuers linked through
// `issuerCertificate` (looked up in the context's store past the chain the
// peer sent; a self-signed root links to itself). Undefined without one.
v8::MaybeLocal<v8::Value> PeerCertificateObject(Environment* env, SSL* ssl,
                                                bool detailed,
                                                bool is_server);
// { name, standardName, version } of the cipher in use, or undefined.
v8::Local<v8::Value> CipherObject(Environment* env, SSL* ssl);
// { type, name, size } of the server's ephemeral key (clients only).
v8::Local<v8::Value> EphemeralKeyObject(Environment* env, SSL* ssl);
// The name of X509_V_ERR_<x> without its prefix ("CERT_HAS_EXPIRED").
const char* VerifyErrorCode(long error);
// A Buffer (a Uint8Array with Buffer.prototype) holding a copy of the
// bytes.
v8::Local<v8::Uint8Array> NewBuffer(v8::Isolate* isolate,
                                    const unsigned char* data, size_t length);

// --- Shared OpenSSL helpers ---------------------------------------------

// A memory BIO over the bytes of a string or buffer, or nullptr.
BIO* BIOFromValue(v8::Isolate* isolate, v8::Local<v8::Value> value);
// PEM certificates from `bio`; false (with OpenSSL's error queued) when
// not even one could be read.
bool ReadCertificates(BIO* bio, STACK_OF(X509)* out);

}  // namespace lode::crypto

#endif  // SRC_LODE_CRYPTO_TLS_H_
