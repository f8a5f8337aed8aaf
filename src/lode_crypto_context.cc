// SecureContext (internalBinding('crypto').SecureContext): the SSL_CTX of
// tls.createSecureContext(), and the certificate stores tls reads (the
// system's roots, NODE_EXTRA_CA_CERTS, tls.setDefaultCACertificates()).
// lib/internal/tls/secure-context.js validates every argument first.
#include <openssl/core_names.h>
#include <openssl/engine.h>
#include <openssl/err.h>
#include <openssl/pem.h>
#include <openssl/pkcs12.h>
#include <openssl/rand.h>
#include <openssl/x509v3.h>

#include <cstdlib>
#include <mutex>
#include <set>

#include "lode_crypto_tls.h"
#include "lode_errors.h"

namespace lode::crypto {

using v8::Array;
using v8::Context;
using v8::FunctionCallbackInfo;
using v8::FunctionTemplate;
using v8::Integer;
using v8::Isolate;
using v8::Local;
using v8::Object;
using v8::String;
using v8::Value;

const WrapType SecureContext::kType = {"SecureContext", nullptr};

namespace {

constexpr int kDefaultSecurityLevel = 1;

// --- Per-SSL_CTX state --------------------------------------------------

// The session ticket keys of one SSL_CTX: a 16-byte name, a 16-byte HMAC
// key and a 16-byte AES key, as Node's getTicketKeys() lays them out.
struct TicketKeys {
  unsigned char name[16];
  unsigned char hmac[16];
  unsigned char aes[16];
  // enableTicketKeyCallback(): the program's onticketkeycallback picks the
  // keys. `owner` is cleared when the SecureContext goes.
  SecureContext* owner = nullptr;
  bool js_callback = false;
};

void FreeTicketKeys(void*, void* ptr, CRYPTO_EX_DATA*, int, long, void*) {
  delete static_cast<TicketKeys*>(ptr);
}

int TicketKeysIndex() {
  static const int index = SSL_CTX_get_ex_new_index(
      0, nullptr, nullptr, nullptr, FreeTicketKeys);
  return index;
}

TicketKeys* TicketKeysOf(SSL_CTX* ctx) {
  return static_cast<TicketKeys*>(SSL_CTX_get_ex_data(ctx, TicketKeysIndex()));
}

// Session tickets as Node makes them: AES-128-CBC and HMAC-SHA256 under
// the context's keys, recognized by their name.
int TicketKeyCallback(SSL* ssl, unsigned char* name, unsigned char* iv,
                      EVP_CIPHER_CTX* cipher, EVP_MAC_CTX* mac, int enc) {
  TicketKeys* keys = TicketKeysOf(SSL_get_SSL_CTX(ssl));
  if (keys == nullptr) return -1;
  if (keys->js_callback) {
    if (keys->owner == nullptr) return -1;
    return SecureContext::TicketKeyCallbackJS(keys->owner, name, iv, cipher,
                                              mac, enc);
  }
  OSSL_PARAM params[] = {
      OSSL_PARAM_construct_octet_string(OSSL_MAC_PARAM_KEY, keys->hmac,
                                        sizeof(keys->hmac)),
      OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST,
                                       const_cast<char*>("sha256"), 0),
      OSSL_PARAM_construct_end(),
  };
  if (enc) {
    memcpy(name, keys->name, sizeof(keys->name));
    if (RAND_bytes(iv, 16) != 1 ||
        EVP_EncryptInit_ex(cipher, EVP_aes_128_cbc(), nullptr, keys->aes,
                           iv) != 1 ||
        EVP_MAC_CTX_set_params(mac, params) != 1) {
      return -1;
    }
    return 1;
  }
  if (memcmp(name, keys->name, sizeof(keys->name)) != 0) return 0;
  if (EVP_DecryptInit_ex(cipher, EVP_aes_128_cbc(), nullptr, keys->aes,
                         iv) != 1 ||
      EVP_MAC_CTX_set_params(mac, params) != 1) {
    return -1;
  }
  return 1;
}

// --- Input --------------------------------------------------------------

// The passphrase of a key, handed to OpenSSL's PEM reader: an empty one
// when none was given (an encrypted key then fails with "bad decrypt", as
// in Node), -1 (refusal) when it does not fit.
int PassphraseCallback(char* buf, int size, int, void* u) {
  const std::string* passphrase = static_cast<const std::string*>(u);
  if (passphrase == nullptr) return 0;
  if (passphrase->size() > static_cast<size_t>(size)) return -1;
  memcpy(buf, passphrase->data(), passphrase->size());
  return static_cast<int>(passphrase->size());
}

int NoPassphraseCallback(char*, int, int, void*) { return 0; }

bool IsEndOfPEM() {
  unsigned long err = ERR_peek_last_error();
  return ERR_GET_LIB(err) == ERR_LIB_PEM &&
         ERR_GET_REASON(err) == PEM_R_NO_START_LINE;
}

// PEM text, ending with a newline (Node's system and extra lists look
// like this; its bundled list has no final newline).
std::string CertificateToPEM(X509* cert) {
  BIO* bio = BIO_new(BIO_s_mem());
  std::string pem;
  if (bio != nullptr && PEM_write_bio_X509(bio, cert) == 1) {
    BUF_MEM* mem = nullptr;
    BIO_get_mem_ptr(bio, &mem);
    pem.assign(mem->data, mem->length);
  }
  BIO_free(bio);
  return pem;
}

// --- Root certificates --------------------------------------------------

struct CertList {
  std::vector<X509*> certs;
  std::vector<std::string> pems;

  void Add(X509* cert) {
    std::string pem = CertificateToPEM(cert);
    for (const std::string& p : pems) {
      if (p == pem) {
        X509_free(cert);
        return;
      }
    }
    certs.push_back(cert);
    pems.push_back(std::move(pem));
  }
  void Clear() {
    for (X509* c : certs) X509_free(c);
    certs.clear();
    pems.clear();
  }
};

// The process's root certificates, loaded on first use (as Node loads its
// bundled ones): the system list, the extra file and, after
// setDefaultCACertificates(), the user's list that replaces both.
struct RootCerts {
  std::mutex mutex;
  bool system_loaded = false;
  CertList system;
  bool extra_loaded = false;
  CertList extra;
  bool user_set = false;
  CertList user;
  X509_STORE* store = nullptr;
};

RootCerts& Roots() {
  static RootCerts* roots = new RootCerts();
  return *roots;
}

void LoadPEMFile(const char* path, CertList* out, unsigned long* error) {
  ERR_clear_error();
  BIO* bio = BIO_new_file(path, "r");
  if (bio == nullptr) {
    if (error != nullptr) *error = ERR_get_error();
    ERR_clear_error();
    return;
  }
  while (X509* cert = PEM_read_bio_X509(bio, nullptr, NoPassphraseCallback,
                                        nullptr)) {
    out->Add(cert);
  }
  if (!IsEndOfPEM() && error != nullptr) *error = ERR_peek_last_error();
  ERR_clear_error();
  BIO_free(bio);
}

// Caller holds the mutex.
void LoadSystemCerts(RootCerts* roots) {
  if (roots->system_loaded) return;
  roots->system_loaded = true;
  const char* file = getenv(X509_get_default_cert_file_env());
  if (file == nullptr || *file == '\0') file = X509_get_default_cert_file();
  LoadPEMFile(file, &roots->system, nullptr);
}

void LoadExtraCerts(RootCerts* roots) {
  if (roots->extra_loaded) return;
  roots->extra_loaded = true;
  const char* file = getenv("NODE_EXTRA_CA_CERTS");
  if (file == nullptr || *file == '\0') return;
  unsigned long error = 0;
  LoadPEMFile(file, &roots->extra, &error);
  if (error != 0) {
    char text[256];
    ERR_error_string_n(error, text, sizeof(text));
    fprintf(stderr,
            "Warning: Ignoring extra certs from `%s`, load failed: %s\n",
            file, text);
    fflush(stderr);
  }
}

X509_STORE* BuildStore(RootCerts* roots) {
  X509_STORE* store = X509_STORE_new();
  if (store == nullptr) return nullptr;
  if (roots->user_set) {
    for (X509* cert : roots->user.certs) X509_STORE_add_cert(store, cert);
  } else {
    LoadSystemCerts(roots);
    LoadExtraCerts(roots);
    for (X509* cert : roots->system.certs) X509_STORE_add_cert(store, cert);
    for (X509* cert : roots->extra.certs) X509_STORE_add_cert(store, cert);
  }
  ERR_clear_error();
  return store;
}

Local<Array> PEMArray(Isolate* isolate, const CertList& list,
                      bool trim = false) {
  std::vector<Local<Value>> items;
  for (const std::string& pem : list.pems) {
    size_t length = pem.size();
    while (trim && length > 0 && pem[length - 1] == '\n') length--;
    items.push_back(OneByteString(isolate, pem.c_str(),
                                  static_cast<int>(length)));
  }
  return Array::New(isolate, items.data(), items.size());
}

// getBundledRootCertificates(): lode has no bundle of its own; the system
// list stands in for Mozilla's (Debian's ca-certificates is that list).
void GetBundledRootCertificates(const FunctionCallbackInfo<Value>& args) {
  RootCerts& roots = Roots();
  std::lock_guard<std::mutex> lock(roots.mutex);
  LoadSystemCerts(&roots);
  args.GetReturnValue().Set(PEMArray(args.GetIsolate(), roots.system, true));
}

void GetSystemCACertificates(const FunctionCallbackInfo<Value>& args) {
  RootCerts& roots = Roots();
  std::lock_guard<std::mutex> lock(roots.mutex);
  LoadSystemCerts(&roots);
  args.GetReturnValue().Set(PEMArray(args.GetIsolate(), roots.system));
}

void GetExtraCACertificates(const FunctionCallbackInfo<Value>& args) {
  RootCerts& roots = Roots();
  std::lock_guard<std::mutex> lock(roots.mutex);
  LoadExtraCerts(&roots);
  args.GetReturnValue().Set(PEMArray(args.GetIsolate(), roots.extra));
}

void GetUserRootCertificates(const FunctionCallbackInfo<Value>& args) {
  RootCerts& roots = Roots();
  std::lock_guard<std::mutex> lock(roots.mutex);
  args.GetReturnValue().Set(PEMArray(args.GetIsolate(), roots.user));
}

// resetRootCertStore(certs): the default store holds exactly these from now
// on (tls.setDefaultCACertificates(); lib/ checked the array). Text with
// no certificate is skipped; a certificate that does not parse throws, and
// so does a list that held none. Nothing changes then.
void ResetRootCertStore(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Local<Context> context = isolate->GetCurrentContext();
  if (!args[0]->IsArray()) return;
  ClearErrorsOnReturn clear;
  Local<Array> list = args[0].As<Array>();
  CertList parsed;
  for (uint32_t i = 0; i < list->Length(); i++) {
    Local<Value> item;
    if (!list->Get(context, i).ToLocal(&item)) {
      parsed.Clear();
      return;
    }
    BIO* bio = BIOFromValue(isolate, item);
    if (bio == nullptr) continue;
    ERR_clear_error();
    while (X509* cert = PEM_read_bio_X509(bio, nullptr, NoPassphraseCallback,
                                          nullptr)) {
      parsed.Add(cert);
    }
    BIO_free(bio);
    if (!IsEndOfPEM()) {
      // Node names the last error (PEM's, over ASN.1's below it).
      unsigned long err = ERR_peek_last_error();
      ERR_clear_error();
      parsed.Clear();
      return ThrowOpenSSLError(isolate, err, "Failed to parse certificate");
    }
    ERR_clear_error();
  }
  if (list->Length() > 0 && parsed.certs.empty()) {
    return ThrowCodedError(isolate, "ERR_CRYPTO_OPERATION_FAILED",
                           ErrorKind::kError,
                           "No valid certificates found in the provided array");
  }
  RootCerts& roots = Roots();
  std::lock_guard<std::mutex> lock(roots.mutex);
  roots.user.Clear();
  roots.user = std::move(parsed);
  roots.user_set = true;
  // Contexts that hold the old store keep it; new ones get the new one.
  if (roots.store != nullptr) X509_STORE_free(roots.store);
  roots.store = nullptr;
}

// getOpenSSLSecLevel(): the security level contexts start with.
void GetOpenSSLSecLevel(const FunctionCallbackInfo<Value>& args) {
  args.GetReturnValue().Set(kDefaultSecurityLevel);
}

// startLoadingCertificatesOffThread(): Node warms its store on a thread;
// lode loads it when a context first needs it.
void StartLoadingCertificatesOffThread(const FunctionCallbackInfo<Value>&) {}

// getSSLCiphers(): the names of the ciphers TLS may use, TLS 1.3 suites
// included (lib/ lowercases them and drops duplicates).
void GetSSLCiphers(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  SSL_CTX* ctx = SSL_CTX_new(TLS_method());
  SSL* ssl = ctx == nullptr ? nullptr : SSL_new(ctx);
  std::vector<Local<Value>> names;
  if (ssl != nullptr) {
    STACK_OF(SSL_CIPHER)* ciphers = SSL_get_ciphers(ssl);
    for (int i = 0; i < sk_SSL_CIPHER_num(ciphers); i++) {
      names.push_back(OneByteString(
          isolate, SSL_CIPHER_get_name(sk_SSL_CIPHER_value(ciphers, i))));
    }
  }
  static const char* const kTLS13[] = {
      "tls_aes_256_gcm_sha384", "tls_chacha20_poly1305_sha256",
      "tls_aes_128_gcm_sha256", "tls_aes_128_ccm_8_sha256",
      "tls_aes_128_ccm_sha256"};
  for (const char* name : kTLS13) names.push_back(OneByteString(isolate, name));
  SSL_free(ssl);
  SSL_CTX_free(ctx);
  ERR_clear_error();
  args.GetReturnValue().Set(Array::New(isolate, names.data(), names.size()));
}

void ThrowTypeErrorCode(Isolate* isolate, const char* code,
                        const std::string& message) {
  ThrowCodedError(isolate, code, ErrorKind::kTypeError, message);
}

}  // namespace

X509_STORE* NewRootStoreReference() {
  RootCerts& roots = Roots();
  std::lock_guard<std::mutex> lock(roots.mutex);
  if (roots.store == nullptr) roots.store = BuildStore(&roots);
  if (roots.store == nullptr) return nullptr;
  X509_STORE_up_ref(roots.store);
  return roots.store;
}

bool IsRootStore(X509_STORE* store) {
  RootCerts& roots = Roots();
  std::lock_guard<std::mutex> lock(roots.mutex);
  return store != nullptr && store == roots.store;
}

BIO* BIOFromValue(Isolate* isolate, Local<Value> value) {
  std::string text;
  ByteView view;
  if (value->IsString()) {
    text = Utf8Value(isolate, value).ToString();
    view.data = reinterpret_cast<const unsigned char*>(text.data());
    view.length = text.size();
  } else if (!GetByteView(value, &view)) {
    return nullptr;
  }
  BIO* bio = BIO_new(BIO_s_mem());
  if (bio == nullptr) return nullptr;
  if (view.length > 0 &&
      BIO_write(bio, view.data, static_cast<int>(view.length)) !=
          static_cast<int>(view.length)) {
    BIO_free(bio);
    return nullptr;
  }
  return bio;
}

bool ReadCertificates(BIO* bio, STACK_OF(X509)* out) {
  bool any = false;
  while (X509* cert = PEM_read_bio_X509(bio, nullptr, NoPassphraseCallback,
                                        nullptr)) {
    sk_X509_push(out, cert);
    any = true;
  }
  if (any && IsEndOfPEM()) ERR_clear_error();
  return any;
}

// --- SecureContext ------------------------------------------------------

SecureContext::SecureContext(Environment* env, Local<Object> object)
    : env_(env) {
  object_.Reset(env->isolate(), object);
  object_.SetWeak(this, OnGC, v8::WeakCallbackType::kParameter);
  SetWrapped(object, this, &kType);
}

SecureContext::~SecureContext() {
  ReleaseContext();
  X509_free(cert_);
  X509_free(issuer_);
}

void SecureContext::ReleaseContext() {
  if (ctx_ == nullptr) return;
  // Connections may keep the SSL_CTX (and its ticket keys) longer.
  if (TicketKeys* keys = TicketKeysOf(ctx_)) keys->owner = nullptr;
  SSL_CTX_free(ctx_);
  ctx_ = nullptr;
}

// onticketkeycallback(name, iv, encrypting) returns [result, hmacKey,
// aesKey, name, iv] (name and iv only when encrypting); result < 0 fails,
// 0 refuses the ticket, 1 takes it, 2 takes it and asks for a new one.
int SecureContext::TicketKeyCallbackJS(SecureContext* sc, unsigned char* name,
                                       unsigned char* iv,
                                       EVP_CIPHER_CTX* cipher,
                                       EVP_MAC_CTX* mac, int enc) {
  Environment* env = sc->env_;
  Isolate* isolate = env->isolate();
  v8::HandleScope scope(isolate);
  Local<Context> context = env->context();
  Context::Scope context_scope(context);
  Local<Value> argv[] = {NewBuffer(isolate, name, 16),
                         NewBuffer(isolate, iv, 16),
                         v8::Boolean::New(isolate, enc != 0)};
  Local<Value> ret;
  if (!MakeCallback(env, sc->object_.Get(isolate), "onticketkeycallback", 3,
                    argv)
           .ToLocal(&ret) ||
      !ret->IsArray()) {
    return -1;
  }
  Local<Array> list = ret.As<Array>();
  Local<Value> result, hmac, aes;
  if (!list->Get(context, 0).ToLocal(&result) || !result->IsInt32()) {
    return -1;
  }
  int r = result.As<v8::Int32>()->Value();
  if (r < 0) return r;
  ByteView hmac_view, aes_view;
  if (!list->Get(context, 1).ToLocal(&hmac) ||
      !list->Get(context, 2).ToLocal(&aes) ||
      !GetByteView(hmac, &hmac_view) || !GetByteView(aes, &aes_view) ||
      aes_view.length != 16) {
    return -1;
  }
  if (enc) {
    Local<Value> new_name, new_iv;
    ByteView name_view, iv_view;
    if (!list->Get(context, 3).ToLocal(&new_name) ||
        !list->Get(context, 4).ToLocal(&new_iv) ||
        !GetByteView(new_name, &name_view) ||
        !GetByteView(new_iv, &iv_view) || name_view.length != 16 ||
        iv_view.length != 16) {
      return -1;
    }
    memcpy(name, name_view.data, 16);
    memcpy(iv, iv_view.data, 16);
  }
  OSSL_PARAM params[] = {
      OSSL_PARAM_construct_octet_string(
          OSSL_MAC_PARAM_KEY, const_cast<unsigned char*>(hmac_view.data),
          hmac_view.length),
      OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST,
                                       const_cast<char*>("sha256"), 0),
      OSSL_PARAM_construct_end(),
  };
  int ok = enc ? EVP_EncryptInit_ex(cipher, EVP_aes_128_cbc(), nullptr,
                                    aes_view.data, iv)
               : EVP_DecryptInit_ex(cipher, EVP_aes_128_cbc(), nullptr,
                                    aes_view.data, iv);
  if (ok != 1 || EVP_MAC_CTX_set_params(mac, params) != 1) return -1;
  return r;
}

void SecureContext::EnableTicketKeyCallback(
    const FunctionCallbackInfo<Value>& args) {
  SecureContext* sc = FromValue(args.This());
  if (sc == nullptr || sc->ctx_ == nullptr) return;
  if (TicketKeys* keys = TicketKeysOf(sc->ctx_)) keys->js_callback = true;
}

// _external: the native context as an External (a getter that checks its
// receiver, as Node's does).
void SecureContext::GetExternal(const FunctionCallbackInfo<Value>& args) {
  SecureContext* sc = FromValue(args.This());
  if (sc == nullptr) return;
  args.GetReturnValue().Set(v8::External::New(args.GetIsolate(), sc));
}


void SecureContext::OnGC(const v8::WeakCallbackInfo<SecureContext>& info) {
  SecureContext* self = info.GetParameter();
  self->object_.Reset();
  delete self;
}

SecureContext* SecureContext::FromValue(Local<Value> value) {
  return static_cast<SecureContext*>(GetWrapped(value, &kType));
}

void SecureContext::New(const FunctionCallbackInfo<Value>& args) {
  if (!args.IsConstructCall()) {
    Isolate* isolate = args.GetIsolate();
    isolate->ThrowException(v8::Exception::TypeError(FIXED_ONE_BYTE_STRING(
        isolate, "Class constructor SecureContext cannot be invoked "
                 "without 'new'")));
    return;
  }
  new SecureContext(Environment::GetCurrent(args), args.This());
}

#define UNWRAP_CONTEXT(args)                                   \
  SecureContext* sc = FromValue((args).This());                \
  if (sc == nullptr || sc->ctx_ == nullptr) return;           \
  ClearErrorsOnReturn clear_errors_on_return;

// init(secureProtocol, minVersion, maxVersion)
void SecureContext::Init(const FunctionCallbackInfo<Value>& args) {
  SecureContext* sc = FromValue(args.This());
  Isolate* isolate = args.GetIsolate();
  if (sc == nullptr || sc->ctx_ != nullptr) return;
  ClearErrorsOnReturn clear;
  const SSL_METHOD* method = TLS_method();
  int min_version = args[1]->IsInt32() ? args[1].As<v8::Int32>()->Value() : 0;
  int max_version = args[2]->IsInt32() ? args[2].As<v8::Int32>()->Value() : 0;
  if (args[0]->IsString()) {
    std::string name = Utf8Value(isolate, args[0]).ToString();
    auto role = [&](const std::string& base) -> int {
      if (name == base + "_method") return 0;
      if (name == base + "_server_method") return 1;
      if (name == base + "_client_method") return 2;
      return -1;
    };
    auto pick = [&](int r) {
      if (r == 1) method = TLS_server_method();
      if (r == 2) method = TLS_client_method();
    };
    int r;
    if (role("SSLv2") >= 0) {
      return ThrowTypeErrorCode(isolate, "ERR_TLS_INVALID_PROTOCOL_METHOD",
                                "SSLv2 methods disabled");
    } else if (role("SSLv3") >= 0) {
      return ThrowTypeErrorCode(isolate, "ERR_TLS_INVALID_PROTOCOL_METHOD",
                                "SSLv3 methods disabled");
    } else if ((r = role("SSLv23")) >= 0) {
      // Every version below TLS 1.3, as OpenSSL has it.
      pick(r);
      max_version = TLS1_2_VERSION;
    } else if ((r = role("TLS")) >= 0) {
      pick(r);
      min_version = 0;
      max_version = TLS1_3_VERSION;
    } else if ((r = role("TLSv1")) >= 0) {
      pick(r);
      min_version = max_version = TLS1_VERSION;
    } else if ((r = role("TLSv1_1")) >= 0) {
      pick(r);
      min_version = max_version = TLS1_1_VERSION;
    } else if ((r = role("TLSv1_2")) >= 0) {
      pick(r);
      min_version = max_version = TLS1_2_VERSION;
    } else if ((r = role("TLSv1_3")) >= 0) {
      pick(r);
      min_version = max_version = TLS1_3_VERSION;
    } else {
      return ThrowTypeErrorCode(isolate, "ERR_TLS_INVALID_PROTOCOL_METHOD",
                                "Unknown method: " + name);
    }
  }
  SSL_CTX* ctx = SSL_CTX_new(method);
  if (ctx == nullptr) {
    return ThrowOpenSSLError(isolate, ERR_get_error(), "SSL_CTX_new");
  }
  TicketKeys* keys = new TicketKeys();
  if (RAND_bytes(keys->name, sizeof(keys->name)) != 1 ||
      RAND_bytes(keys->hmac, sizeof(keys->hmac)) != 1 ||
      RAND_bytes(keys->aes, sizeof(keys->aes)) != 1 ||
      SSL_CTX_set_ex_data(ctx, TicketKeysIndex(), keys) != 1) {
    keys->owner = nullptr;
    delete keys;
    SSL_CTX_free(ctx);
    return ThrowCodedError(isolate, "ERR_CRYPTO_OPERATION_FAILED",
                           ErrorKind::kError, "Error generating ticket keys");
  }
  keys->owner = sc;
  SSL_CTX_set_tlsext_ticket_key_evp_cb(ctx, TicketKeyCallback);
  // SSLv2/3 never; renegotiation by clients as Node allows it (it limits
  // its rate in lib/).
  SSL_CTX_set_options(ctx, SSL_OP_NO_SSLv2 | SSL_OP_NO_SSLv3 |
                               SSL_OP_ALLOW_CLIENT_RENEGOTIATION);
  SSL_CTX_clear_mode(ctx, SSL_MODE_NO_AUTO_CHAIN);
  // Sessions are kept by the program ('newSession'/'resumeSession',
  // tls.connect({ session })), never in OpenSSL's internal cache.
  SSL_CTX_set_session_cache_mode(ctx, SSL_SESS_CACHE_CLIENT |
                                          SSL_SESS_CACHE_SERVER |
                                          SSL_SESS_CACHE_NO_INTERNAL |
                                          SSL_SESS_CACHE_NO_AUTO_CLEAR);
  SSL_CTX_set_min_proto_version(ctx, min_version);
  SSL_CTX_set_max_proto_version(ctx, max_version);
  // Debian builds OpenSSL with security level 2; Node's OpenSSL uses 1
  // (ciphers with @SECLEVEL=n still change it).
  SSL_CTX_set_security_level(ctx, kDefaultSecurityLevel);
  sc->ctx_ = ctx;
}

X509_STORE* SecureContext::OwnCertStore() {
  X509_STORE* store = SSL_CTX_get_cert_store(ctx_);
  if (own_store_) return store;
  if (IsRootStore(store)) {
    // Copy the roots into a store of this context's own.
    X509_STORE* copy = X509_STORE_new();
    STACK_OF(X509_OBJECT)* objects = X509_STORE_get0_objects(store);
    for (int i = 0; i < sk_X509_OBJECT_num(objects); i++) {
      X509* cert = X509_OBJECT_get0_X509(sk_X509_OBJECT_value(objects, i));
      if (cert != nullptr) X509_STORE_add_cert(copy, cert);
    }
    SSL_CTX_set_cert_store(ctx_, copy);
    store = copy;
  }
  own_store_ = true;
  return store;
}

// The issuer of `cert` in the context's trust store, or nullptr.
static X509* IssuerFromStore(SSL_CTX* ctx, X509* cert) {
  X509_STORE* store = SSL_CTX_get_cert_store(ctx);
  X509_STORE_CTX* store_ctx = X509_STORE_CTX_new();
  X509* issuer = nullptr;
  if (store_ctx != nullptr &&
      X509_STORE_CTX_init(store_ctx, store, nullptr, nullptr) == 1 &&
      X509_STORE_CTX_get1_issuer(&issuer, store_ctx, cert) != 1) {
    issuer = nullptr;
  }
  X509_STORE_CTX_free(store_ctx);
  ERR_clear_error();
  return issuer;
}

bool SecureContext::UseCertificate(X509* cert, STACK_OF(X509)* extra) {
  if (SSL_CTX_use_certificate(ctx_, cert) != 1) return false;
  SSL_CTX_clear_chain_certs(ctx_);
  X509* issuer = nullptr;
  for (int i = 0; extra != nullptr && i < sk_X509_num(extra); i++) {
    X509* ca = sk_X509_value(extra, i);
    if (SSL_CTX_add1_chain_cert(ctx_, ca) != 1) return false;
    if (issuer == nullptr && X509_check_issued(ca, cert) == X509_V_OK) {
      issuer = ca;
    }
  }
  X509_free(cert_);
  X509_free(issuer_);
  X509_up_ref(cert);
  cert_ = cert;
  if (issuer != nullptr) {
    X509_up_ref(issuer);
    issuer_ = issuer;
  } else {
    issuer_ = IssuerFromStore(ctx_, cert);
  }
  return true;
}

// setKey(pem, passphrase)
void SecureContext::SetKey(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_CONTEXT(args);
  Isolate* isolate = args.GetIsolate();
  BIO* bio = BIOFromValue(isolate, args[0]);
  if (bio == nullptr) return;
  std::string passphrase;
  bool has_passphrase = !args[1]->IsNullOrUndefined();
  if (has_passphrase) passphrase = Utf8Value(isolate, args[1]).ToString();
  EVP_PKEY* key = PEM_read_bio_PrivateKey(
      bio, nullptr, PassphraseCallback,
      has_passphrase ? &passphrase : nullptr);
  BIO_free(bio);
  if (key == nullptr) {
    return ThrowOpenSSLError(isolate, ERR_get_error(),
                             "PEM_read_bio_PrivateKey");
  }
  int ok = SSL_CTX_use_PrivateKey(sc->ctx_, key);
  EVP_PKEY_free(key);
  if (ok != 1) {
    return ThrowOpenSSLError(isolate, ERR_get_error(),
                             "SSL_CTX_use_PrivateKey");
  }
}

// setCert(pem): the first certificate is the context's, the others its
// chain.
void SecureContext::SetCert(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_CONTEXT(args);
  Isolate* isolate = args.GetIsolate();
  BIO* bio = BIOFromValue(isolate, args[0]);
  if (bio == nullptr) return;
  X509* cert = PEM_read_bio_X509_AUX(bio, nullptr, NoPassphraseCallback,
                                     nullptr);
  STACK_OF(X509)* extra = sk_X509_new_null();
  bool ok = cert != nullptr;
  if (ok) {
    while (X509* ca = PEM_read_bio_X509(bio, nullptr, NoPassphraseCallback,
                                        nullptr)) {
      sk_X509_push(extra, ca);
    }
    ok = IsEndOfPEM();
    if (ok) ERR_clear_error();
  }
  BIO_free(bio);
  if (ok) ok = sc->UseCertificate(cert, extra);
  X509_free(cert);
  sk_X509_pop_free(extra, X509_free);
  if (!ok) {
    return ThrowOpenSSLError(isolate, ERR_get_error(),
                             "SSL_CTX_use_certificate_chain");
  }
}

// addCACert(pem): trusted for verification and named in certificate
// requests. Text without a certificate adds nothing, as in Node.
void SecureContext::AddCACert(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_CONTEXT(args);
  BIO* bio = BIOFromValue(args.GetIsolate(), args[0]);
  if (bio == nullptr) return;
  X509_STORE* store = sc->OwnCertStore();
  while (X509* cert = PEM_read_bio_X509_AUX(bio, nullptr,
                                            NoPassphraseCallback, nullptr)) {
    X509_STORE_add_cert(store, cert);
    SSL_CTX_add_client_CA(sc->ctx_, cert);
    X509_free(cert);
  }
  BIO_free(bio);
}

void SecureContext::AddCRL(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_CONTEXT(args);
  Isolate* isolate = args.GetIsolate();
  BIO* bio = BIOFromValue(isolate, args[0]);
  if (bio == nullptr) return;
  X509_CRL* crl = PEM_read_bio_X509_CRL(bio, nullptr, NoPassphraseCallback,
                                        nullptr);
  BIO_free(bio);
  if (crl == nullptr) {
    return ThrowCodedError(isolate, "ERR_CRYPTO_OPERATION_FAILED",
                           ErrorKind::kError, "Failed to parse CRL");
  }
  X509_STORE* store = sc->OwnCertStore();
  X509_STORE_add_crl(store, crl);
  X509_STORE_set_flags(store,
                       X509_V_FLAG_CRL_CHECK | X509_V_FLAG_CRL_CHECK_ALL);
  X509_CRL_free(crl);
}

void SecureContext::AddRootCerts(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_CONTEXT(args);
  X509_STORE* store = NewRootStoreReference();
  if (store == nullptr) return;
  SSL_CTX_set_cert_store(sc->ctx_, store);
  sc->own_store_ = false;
}

void SecureContext::SetAllowPartialTrustChain(
    const FunctionCallbackInfo<Value>& args) {
  UNWRAP_CONTEXT(args);
  X509_STORE_set_flags(sc->OwnCertStore(), X509_V_FLAG_PARTIAL_CHAIN);
}

void SecureContext::SetCipherSuites(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_CONTEXT(args);
  Isolate* isolate = args.GetIsolate();
  Utf8Value suites(isolate, args[0]);
  if (SSL_CTX_set_ciphersuites(sc->ctx_, suites.c_str()) != 1) {
    ThrowOpenSSLError(isolate, ERR_get_error(), "Failed to set ciphers");
  }
}

void SecureContext::SetCiphers(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_CONTEXT(args);
  Isolate* isolate = args.GetIsolate();
  Utf8Value ciphers(isolate, args[0]);
  if (SSL_CTX_set_cipher_list(sc->ctx_, ciphers.c_str()) != 1) {
    unsigned long err = ERR_get_error();
    // An empty list leaves only TLS 1.3's suites, which is allowed.
    if (ciphers.length() == 0 &&
        ERR_GET_REASON(err) == SSL_R_NO_CIPHER_MATCH) {
      return;
    }
    ThrowOpenSSLError(isolate, err, "Failed to set ciphers");
  }
}

void SecureContext::SetSigalgs(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_CONTEXT(args);
  Isolate* isolate = args.GetIsolate();
  Utf8Value sigalgs(isolate, args[0]);
  if (SSL_CTX_set1_sigalgs_list(sc->ctx_, sigalgs.c_str()) != 1) {
    ThrowOpenSSLError(isolate, ERR_get_error(), "Failed to set sigalgs");
  }
}

void SecureContext::SetECDHCurve(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_CONTEXT(args);
  Isolate* isolate = args.GetIsolate();
  Utf8Value curve(isolate, args[0]);
  if (strcmp(curve.c_str(), "auto") == 0) return;
  if (SSL_CTX_set1_curves_list(sc->ctx_, curve.c_str()) != 1) {
    ThrowCodedError(isolate, "ERR_CRYPTO_OPERATION_FAILED",
                    ErrorKind::kError, "Failed to set ECDH curve");
  }
}

// setDHParam(true | pem): OpenSSL's built-in groups, or PEM parameters of
// at least 1024 bits; returns a warning text under 2048 bits. Parameters
// that do not parse are ignored, as in Node.
void SecureContext::SetDHParam(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_CONTEXT(args);
  Isolate* isolate = args.GetIsolate();
  if (args[0]->IsTrue()) {
    SSL_CTX_set_dh_auto(sc->ctx_, 1);
    return;
  }
  BIO* bio = BIOFromValue(isolate, args[0]);
  if (bio == nullptr) return;
  EVP_PKEY* params = PEM_read_bio_Parameters(bio, nullptr);
  BIO_free(bio);
  if (params == nullptr || EVP_PKEY_get_base_id(params) != EVP_PKEY_DH) {
    EVP_PKEY_free(params);
    return;
  }
  int bits = EVP_PKEY_get_bits(params);
  if (bits < 1024) {
    EVP_PKEY_free(params);
    return ThrowCodedError(isolate, "ERR_INVALID_ARG_VALUE",
                           ErrorKind::kTypeError,
                           "DH parameter is less than 1024 bits");
  }
  if (bits < 2048) {
    args.GetReturnValue().Set(
        FIXED_ONE_BYTE_STRING(isolate, "DH parameter is less than 2048 bits"));
  }
  if (SSL_CTX_set0_tmp_dh_pkey(sc->ctx_, params) != 1) {
    EVP_PKEY_free(params);
    ThrowCodedError(isolate, "ERR_CRYPTO_OPERATION_FAILED", ErrorKind::kError,
                    "Error setting temp DH parameter");
  }
}

void SecureContext::SetMinProto(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_CONTEXT(args);
  if (args[0]->IsInt32()) {
    SSL_CTX_set_min_proto_version(sc->ctx_, args[0].As<v8::Int32>()->Value());
  }
}

void SecureContext::SetMaxProto(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_CONTEXT(args);
  if (args[0]->IsInt32()) {
    SSL_CTX_set_max_proto_version(sc->ctx_, args[0].As<v8::Int32>()->Value());
  }
}

void SecureContext::GetMinProto(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_CONTEXT(args);
  args.GetReturnValue().Set(
      static_cast<int32_t>(SSL_CTX_get_min_proto_version(sc->ctx_)));
}

void SecureContext::GetMaxProto(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_CONTEXT(args);
  args.GetReturnValue().Set(
      static_cast<int32_t>(SSL_CTX_get_max_proto_version(sc->ctx_)));
}

void SecureContext::SetOptions(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_CONTEXT(args);
  int64_t options = 0;
  if (!args[0]->IntegerValue(args.GetIsolate()->GetCurrentContext())
           .To(&options)) {
    return;
  }
  SSL_CTX_set_options(sc->ctx_, static_cast<uint64_t>(options));
}

void SecureContext::SetSessionIdContext(
    const FunctionCallbackInfo<Value>& args) {
  UNWRAP_CONTEXT(args);
  Isolate* isolate = args.GetIsolate();
  Utf8Value id(isolate, args[0]);
  if (SSL_CTX_set_session_id_context(
          sc->ctx_, reinterpret_cast<const unsigned char*>(id.c_str()),
          static_cast<unsigned>(id.length())) == 1) {
    return;
  }
  unsigned long err = ERR_get_error();
  std::string message = "SSL_CTX_set_session_id_context error";
  if (err != 0) {
    char text[256];
    ERR_error_string_n(err, text, sizeof(text));
    message = text;
  }
  isolate->ThrowException(
      v8::Exception::TypeError(Utf8String(isolate, message)));
}

void SecureContext::SetSessionTimeout(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_CONTEXT(args);
  if (args[0]->IsInt32()) {
    SSL_CTX_set_timeout(sc->ctx_, args[0].As<v8::Int32>()->Value());
  }
}

// loadPKCS12(pfx[, passphrase]): the key, the certificate and its chain;
// the chain's certificates also become trusted CAs.
void SecureContext::LoadPKCS12(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_CONTEXT(args);
  Isolate* isolate = args.GetIsolate();
  ByteView pfx_view;
  if (!GetByteView(args[0], &pfx_view)) return;
  std::string pass;
  ByteView pass_view;
  if (args.Length() >= 2 && GetByteView(args[1], &pass_view)) {
    pass.assign(reinterpret_cast<const char*>(pass_view.data),
                pass_view.length);
  }
  const unsigned char* p = pfx_view.data;
  PKCS12* p12 = d2i_PKCS12(nullptr, &p, static_cast<long>(pfx_view.length));
  EVP_PKEY* key = nullptr;
  X509* cert = nullptr;
  STACK_OF(X509)* extra = nullptr;
  if (p12 != nullptr &&
      PKCS12_parse(p12, pass.c_str(), &key, &cert, &extra) != 1) {
    PKCS12_free(p12);
    p12 = nullptr;
  }
  bool ok = p12 != nullptr && cert != nullptr && key != nullptr &&
            sc->UseCertificate(cert, extra) &&
            SSL_CTX_use_PrivateKey(sc->ctx_, key) == 1;
  if (ok) {
    X509_STORE* store = sc->OwnCertStore();
    for (int i = 0; extra != nullptr && i < sk_X509_num(extra); i++) {
      X509* ca = sk_X509_value(extra, i);
      X509_STORE_add_cert(store, ca);
      SSL_CTX_add_client_CA(sc->ctx_, ca);
    }
  }
  bool parsed = p12 != nullptr;
  bool no_key = parsed && key == nullptr;
  bool no_cert = parsed && cert == nullptr;
  PKCS12_free(p12);
  EVP_PKEY_free(key);
  X509_free(cert);
  sk_X509_pop_free(extra, X509_free);
  if (ok) return;
  if (no_key || no_cert) {
    ERR_clear_error();
    isolate->ThrowException(v8::Exception::Error(OneByteString(
        isolate, no_key ? "Unable to load private key from PFX data"
                        : "Unable to load certificate from PFX data")));
    return;
  }
  // Algorithms OpenSSL 3 keeps in its legacy provider (RC2, DES).
  unsigned long err = ERR_peek_error();
  for (unsigned long e = err; e != 0; e = ERR_peek_error()) {
    if ((ERR_GET_LIB(e) == ERR_LIB_EVP &&
         ERR_GET_REASON(e) == EVP_R_UNSUPPORTED_ALGORITHM) ||
        ERR_GET_REASON(e) == ERR_R_UNSUPPORTED) {
      ERR_clear_error();
      return ThrowCodedError(isolate, "ERR_CRYPTO_UNSUPPORTED_OPERATION",
                             ErrorKind::kError, "Unsupported PKCS12 PFX data");
    }
    ERR_get_error();
  }
  // Otherwise Node reports only OpenSSL's reason ("mac verify failure").
  const char* reason = err != 0 ? ERR_reason_error_string(err) : nullptr;
  isolate->ThrowException(v8::Exception::Error(OneByteString(
      isolate, reason != nullptr ? reason : "Unknown error")));
}

void SecureContext::GetTicketKeys(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_CONTEXT(args);
  TicketKeys* keys = TicketKeysOf(sc->ctx_);
  if (keys == nullptr) return;
  unsigned char out[48];
  memcpy(out, keys->name, 16);
  memcpy(out + 16, keys->hmac, 16);
  memcpy(out + 32, keys->aes, 16);
  args.GetReturnValue().Set(NewBuffer(args.GetIsolate(), out, 48));
}

void SecureContext::SetTicketKeys(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_CONTEXT(args);
  TicketKeys* keys = TicketKeysOf(sc->ctx_);
  ByteView view;
  if (keys == nullptr || !GetByteView(args[0], &view) || view.length != 48) {
    return;
  }
  memcpy(keys->name, view.data, 16);
  memcpy(keys->hmac, view.data + 16, 16);
  memcpy(keys->aes, view.data + 32, 16);
}

void SecureContext::Close(const FunctionCallbackInfo<Value>& args) {
  SecureContext* sc = FromValue(args.This());
  if (sc == nullptr) return;
  sc->ReleaseContext();
}

// OpenSSL engines (deprecated in OpenSSL 3, still built into Debian's):
// one by id, or a shared library by path through the "dynamic" engine.
// nullptr with OpenSSL's errors queued when none loads.
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wdeprecated-declarations"
static ENGINE* LoadEngine(const std::string& id) {
  ENGINE* engine = ENGINE_by_id(id.c_str());
  if (engine == nullptr) {
    engine = ENGINE_by_id("dynamic");
    if (engine != nullptr &&
        (ENGINE_ctrl_cmd_string(engine, "SO_PATH", id.c_str(), 0) != 1 ||
         ENGINE_ctrl_cmd_string(engine, "LOAD", nullptr, 0) != 1)) {
      ENGINE_free(engine);
      engine = nullptr;
    }
  }
  return engine;
}

static void ThrowEngineError(Isolate* isolate, const std::string& id) {
  unsigned long err = ERR_get_error();
  if (err == 0) {
    return ThrowCodedError(isolate, "ERR_CRYPTO_ENGINE_UNKNOWN",
                           ErrorKind::kError,
                           "Engine \"" + id + "\" was not found");
  }
  ThrowOpenSSLError(isolate, err, nullptr);
}

// setClientCertEngine(id): client certificates from an engine.
void SecureContext::SetClientCertEngine(
    const FunctionCallbackInfo<Value>& args) {
  UNWRAP_CONTEXT(args);
  Isolate* isolate = args.GetIsolate();
  if (sc->client_cert_engine_set_) {
    return ThrowCodedError(isolate, "ERR_CRYPTO_INVALID_STATE",
                           ErrorKind::kError,
                           "Invalid state for operation setClientCertEngine");
  }
  std::string id = Utf8Value(isolate, args[0]).ToString();
  ENGINE* engine = LoadEngine(id);
  if (engine == nullptr) return ThrowEngineError(isolate, id);
  int ok = SSL_CTX_set_client_cert_engine(sc->ctx_, engine);
  ENGINE_free(engine);
  if (ok != 1) {
    return ThrowOpenSSLError(isolate, ERR_get_error(),
                             "SSL_CTX_set_client_cert_engine");
  }
  sc->client_cert_engine_set_ = true;
}

// setEngineKey(keyId, engineId): the private key from an engine.
void SecureContext::SetEngineKey(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_CONTEXT(args);
  Isolate* isolate = args.GetIsolate();
  std::string id = Utf8Value(isolate, args[1]).ToString();
  ENGINE* engine = LoadEngine(id);
  if (engine == nullptr) return ThrowEngineError(isolate, id);
  if (ENGINE_init(engine) != 1) {
    ENGINE_free(engine);
    return ThrowCodedError(isolate, "ERR_CRYPTO_OPERATION_FAILED",
                           ErrorKind::kError, "Failure to initialize engine");
  }
  Utf8Value key_id(isolate, args[0]);
  EVP_PKEY* key =
      ENGINE_load_private_key(engine, key_id.c_str(), nullptr, nullptr);
  ENGINE_finish(engine);
  ENGINE_free(engine);
  if (key == nullptr) {
    return ThrowOpenSSLError(isolate, ERR_get_error(),
                             "ENGINE_load_private_key");
  }
  int ok = SSL_CTX_use_PrivateKey(sc->ctx_, key);
  EVP_PKEY_free(key);
  if (ok != 1) {
    ThrowOpenSSLError(isolate, ERR_get_error(), "SSL_CTX_use_PrivateKey");
  }
}
#pragma GCC diagnostic pop

static void ReturnDER(const FunctionCallbackInfo<Value>& args, X509* cert) {
  if (cert == nullptr) {
    args.GetReturnValue().SetNull();
    return;
  }
  unsigned char* der = nullptr;
  int length = i2d_X509(cert, &der);
  if (length < 0) return;
  args.GetReturnValue().Set(NewBuffer(args.GetIsolate(), der, length));
  OPENSSL_free(der);
}

void SecureContext::GetCertificate(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_CONTEXT(args);
  ReturnDER(args, sc->cert_);
}

void SecureContext::GetIssuer(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_CONTEXT(args);
  ReturnDER(args, sc->issuer_);
}

#undef UNWRAP_CONTEXT

#define SECURE_CONTEXT_METHODS(V)                          \
  V("init", Init)                                          \
  V("setKey", SetKey)                                      \
  V("setCert", SetCert)                                    \
  V("addCACert", AddCACert)                                \
  V("addCRL", AddCRL)                                      \
  V("addRootCerts", AddRootCerts)                          \
  V("setAllowPartialTrustChain", SetAllowPartialTrustChain) \
  V("setCipherSuites", SetCipherSuites)                    \
  V("setCiphers", SetCiphers)                              \
  V("setSigalgs", SetSigalgs)                              \
  V("setECDHCurve", SetECDHCurve)                          \
  V("setDHParam", SetDHParam)                              \
  V("setMinProto", SetMinProto)                            \
  V("setMaxProto", SetMaxProto)                            \
  V("getMinProto", GetMinProto)                            \
  V("getMaxProto", GetMaxProto)                            \
  V("setOptions", SetOptions)                              \
  V("setSessionIdContext", SetSessionIdContext)            \
  V("setSessionTimeout", SetSessionTimeout)                \
  V("loadPKCS12", LoadPKCS12)                              \
  V("getTicketKeys", GetTicketKeys)                        \
  V("setTicketKeys", SetTicketKeys)                        \
  V("close", Close)                                        \
  V("getCertificate", GetCertificate)                      \
  V("getIssuer", GetIssuer)                                \
  V("enableTicketKeyCallback", EnableTicketKeyCallback)    \
  V("setClientCertEngine", SetClientCertEngine)            \
  V("setEngineKey", SetEngineKey)

void SecureContext::Initialize(Environment* env, Local<Context> context,
                               Local<Object> target) {
  Isolate* isolate = env->isolate();
  Local<FunctionTemplate> t = NewFunctionTemplate(isolate, New);
  t->InstanceTemplate()->SetInternalFieldCount(kWrapFieldCount);
#define V(name, fn) SetProtoMethod(isolate, t, name, fn);
  SECURE_CONTEXT_METHODS(V)
#undef V
  t->PrototypeTemplate()->SetAccessorProperty(
      FIXED_ONE_BYTE_STRING(isolate, "_external"),
      FunctionTemplate::New(isolate, GetExternal, Local<Value>(),
                            v8::Signature::New(isolate, t)));
  SetConstructorFunction(context, target, "SecureContext", t);
  SetMethodNoSideEffect(context, target, "getBundledRootCertificates",
                        GetBundledRootCertificates);
  // The system's list is what lode trusts by default.
  SetMethodNoSideEffect(context, target, "getSystemCACertificates",
                        GetSystemCACertificates);
  SetMethodNoSideEffect(context, target, "getExtraCACertificates",
                        GetExtraCACertificates);
  SetMethodNoSideEffect(context, target, "getUserRootCertificates",
                        GetUserRootCertificates);
  SetMethod(context, target, "resetRootCertStore", ResetRootCertStore);
  SetMethod(context, target, "startLoadingCertificatesOffThread",
            StartLoadingCertificatesOffThread);
  SetMethodNoSideEffect(context, target, "getSSLCiphers", GetSSLCiphers);
  SetMethodNoSideEffect(context, target, "getOpenSSLSecLevel",
                        GetOpenSSLSecLevel);
}

void SecureContext::RegisterExternalReferences(
    ExternalReferenceRegistry* registry) {
  registry->Register(New);
  registry->Register(GetExternal);
#define V(name, fn) registry->Register(fn);
  SECURE_CONTEXT_METHODS(V)
#undef V
  registry->Register(GetBundledRootCertificates);
  registry->Register(GetSystemCACertificates);
  registry->Register(GetExtraCACertificates);
  registry->Register(GetUserRootCertificates);
  registry->Register(ResetRootCertStore);
  registry->Register(StartLoadingCertificatesOffThread);
  registry->Register(GetSSLCiphers);
  registry->Register(GetOpenSSLSecLevel);
}

#undef SECURE_CONTEXT_METHODS

}  // namespace lode::crypto
