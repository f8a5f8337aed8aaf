// The methods lib/ calls on a TLSWrap (see tls_wrap.cc) and
// internalBinding('tls_wrap') itself.
#include <openssl/err.h>
#include <openssl/x509v3.h>

#include "lode_errors.h"
#include "tls_wrap.h"

namespace lode::tls_wrap {

namespace {

using stream_strings::AppendString;
using stream_strings::AppendView;
using stream_strings::EncodingOf;
using stream_strings::kAscii;
using stream_strings::kLatin1;
using stream_strings::kUcs2;
using stream_strings::kUtf8;

}  // namespace

// --- JS methods -----------------------------------------------------------

#define UNWRAP(args)                                  \
  TLSWrap* w = TLSWrap::From((args).This());          \
  if (w == nullptr) return;
// Methods that need the SSL object return nothing once it is gone.
#define UNWRAP_SSL(args)                              \
  UNWRAP(args);                                       \
  if (w->ssl_ == nullptr) return;                     \
  crypto::ClearErrorsOnReturn clear_errors_on_return;

void TLSWrap::ReadStart(const FunctionCallbackInfo<Value>& args) {
  UNWRAP(args);
  int err = 0;
  if (w->transport_ != nullptr && !w->eof_) {
    err = w->transport_->TransportReadStart();
  }
  args.GetReturnValue().Set(err);
}

void TLSWrap::ReadStop(const FunctionCallbackInfo<Value>& args) {
  UNWRAP(args);
  int err = 0;
  if (w->transport_ != nullptr) err = w->transport_->TransportReadStop();
  args.GetReturnValue().Set(err);
}

// Hands cleartext to OpenSSL and its output to the stream. `*finished`:
// everything is out already.
int TLSWrap::StartWrite(std::string data, bool* finished) {
  *finished = false;
  Busy busy(this);
  bytes_written_ += static_cast<double>(data.size());
  bool empty = data.empty();
  if (pending_cleartext_.empty()) {
    pending_cleartext_ = std::move(data);
  } else {
    pending_cleartext_ += data;
  }
  write_pending_ = true;
  in_dowrite_ = true;
  finished_in_dowrite_ = false;
  dowrite_error_ = 0;
  // An empty write only cycles OpenSSL (renegotiate() relies on it).
  if (empty) ClearOut();
  ClearIn();
  EncOut();
  in_dowrite_ = false;
  if (dowrite_error_ != 0) {
    write_pending_ = false;
    raw_write_ = false;
    current_write_.Reset();
    return dowrite_error_;
  }
  *finished = finished_in_dowrite_ || !write_pending_;
  return 0;
}

int TLSWrap::DoWrite(Local<Object> req, std::string data) {
  size_t size = data.size();
  int err = 0;
  if (!alive()) {
    err = UV_EPROTO;
  } else if (write_pending_) {
    err = UV_EBUSY;
  } else {
    current_write_.Reset(env_->isolate(), req);
    bool finished = false;
    err = StartWrite(std::move(data), &finished);
    // Like Node, a TLS write never completes at once: a write that is
    // already out reports on the next turn of the loop.
    if (err == 0 && finished && write_pending_) {
      deferred_completion_ = true;
      DeferCompletion();
    }
  }
  // Set last: JS that ran above may have written to other streams.
  int32_t* state = LibuvStreamWrap::State(env_);
  state[kBytesWritten] = err == 0 ? static_cast<int32_t>(size) : 0;
  state[kLastWriteWasAsync] = err == 0 ? 1 : 0;
  return err;
}

void TLSWrap::RunDeferredCompletion() {
  if (!deferred_completion_ || !write_pending_) return;
  deferred_completion_ = false;
  CompleteWrite(0, std::string());
}

int TLSWrap::TransportReadStart() {
  if (transport_ == nullptr || eof_) return 0;
  return transport_->TransportReadStart();
}

int TLSWrap::TransportReadStop() {
  return transport_ != nullptr ? transport_->TransportReadStop() : 0;
}

int TLSWrap::TransportWrite(std::string data, bool* async) {
  *async = false;
  if (!alive()) return UV_EPROTO;
  if (write_pending_) return UV_EBUSY;
  if (data.empty()) return 0;
  raw_write_ = true;
  bool finished = false;
  int err = StartWrite(std::move(data), &finished);
  if (err != 0) return err;
  if (finished) {
    write_pending_ = false;
    raw_write_ = false;
  } else {
    *async = true;
  }
  return 0;
}

int TLSWrap::TransportShutdown() {
  if (transport_ == nullptr || shutdown_requested_) return UV_ENOTCONN;
  raw_shutdown_ = true;
  return StartShutdown();
}

void TLSWrap::WriteBuffer(const FunctionCallbackInfo<Value>& args) {
  UNWRAP(args);
  if (!args[0]->IsObject() || !args[1]->IsArrayBufferView()) {
    return THROW_ERR_INVALID_ARG_TYPE(args.GetIsolate(),
                                      "Second argument must be a buffer");
  }
  std::string data;
  AppendView(args[1], &data);
  args.GetReturnValue().Set(w->DoWrite(args[0].As<Object>(), std::move(data)));
}

void TLSWrap::Writev(const FunctionCallbackInfo<Value>& args) {
  UNWRAP(args);
  Isolate* isolate = args.GetIsolate();
  Local<Context> context = isolate->GetCurrentContext();
  if (!args[0]->IsObject() || !args[1]->IsArray()) {
    return THROW_ERR_INVALID_ARG_TYPE(isolate, "Invalid writev arguments");
  }
  Local<Array> chunks = args[1].As<Array>();
  bool all_buffers = args[2]->IsTrue();
  std::string data;
  uint32_t n = chunks->Length();
  for (uint32_t i = 0; i < n; i++) {
    Local<Value> chunk;
    if (!chunks->Get(context, i).ToLocal(&chunk)) return;
    if (chunk->IsArrayBufferView()) {
      AppendView(chunk, &data);
    } else if (!all_buffers) {
      Local<Value> enc;
      if (!chunks->Get(context, i + 1).ToLocal(&enc)) return;
      if (!AppendString(isolate, chunk, EncodingOf(isolate, enc), &data)) {
        return;
      }
    }
    if (!all_buffers) i++;
  }
  args.GetReturnValue().Set(w->DoWrite(args[0].As<Object>(), std::move(data)));
}

template <int kEncoding>
void TLSWrap::WriteString(const FunctionCallbackInfo<Value>& args) {
  UNWRAP(args);
  if (!args[0]->IsObject()) {
    return THROW_ERR_INVALID_ARG_TYPE(args.GetIsolate(),
                                      "First argument must be an object");
  }
  std::string data;
  if (!AppendString(args.GetIsolate(), args[1], kEncoding, &data)) return;
  args.GetReturnValue().Set(w->DoWrite(args[0].As<Object>(), std::move(data)));
}

// shutdown(req): close_notify, then the stream's own shutdown once every
// byte is out; req.oncomplete(status, handle, error) follows.
void TLSWrap::Shutdown(const FunctionCallbackInfo<Value>& args) {
  UNWRAP(args);
  if (!args[0]->IsObject()) {
    return THROW_ERR_INVALID_ARG_TYPE(args.GetIsolate(),
                                      "First argument must be an object");
  }
  if (w->transport_ == nullptr || w->shutdown_requested_) {
    args.GetReturnValue().Set(UV_ENOTCONN);
    return;
  }
  w->shutdown_req_.Reset(args.GetIsolate(), args[0].As<Object>());
  args.GetReturnValue().Set(w->StartShutdown());
}

int TLSWrap::StartShutdown() {
  Busy busy(this);
  if (alive()) {
    ERR_clear_error();
    if (SSL_shutdown(ssl_) == 0) SSL_shutdown(ssl_);
    ERR_clear_error();
  }
  shutdown_ = true;
  shutdown_requested_ = true;
  shutdown_pending_ = true;
  if (alive()) {
    EncOut();
  } else {
    MaybeShutdownTransport();
  }
  return 0;
}

void TLSWrap::UseUserBuffer(const FunctionCallbackInfo<Value>& args) {
  UNWRAP(args);
  if (args[0]->IsNullOrUndefined()) {
    w->user_buffer_.Reset();
    return;
  }
  if (!args[0]->IsUint8Array()) {
    return THROW_ERR_INVALID_ARG_TYPE(args.GetIsolate(),
                                      "First argument must be a Uint8Array");
  }
  w->user_buffer_.Reset(args.GetIsolate(), args[0].As<v8::Uint8Array>());
}

// receive(buffer): ciphertext read before the TLSWrap took the stream over.
void TLSWrap::Receive(const FunctionCallbackInfo<Value>& args) {
  UNWRAP(args);
  if (!args[0]->IsArrayBufferView()) {
    return THROW_ERR_INVALID_ARG_TYPE(args.GetIsolate(),
                                      "The data must be a buffer");
  }
  std::string data;
  AppendView(args[0], &data);
  Busy busy(w);
  if (!w->eof_) w->FeedCiphertext(data.data(), data.size());
}

// start(): a client sends its hello.
void TLSWrap::Start(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_SSL(args);
  if (w->started_ || w->is_server()) return;
  w->started_ = true;
  Busy busy(w);
  w->Cycle();
}

void TLSWrap::SetVerifyMode(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_SSL(args);
  int mode = SSL_VERIFY_NONE;
  // Clients always get the server's certificate and check it after the
  // handshake; a server asks for one only when told to.
  if (w->is_server() && args[0]->IsTrue()) {
    mode = SSL_VERIFY_PEER;
    if (args[1]->IsTrue()) mode |= SSL_VERIFY_FAIL_IF_NO_PEER_CERT;
  }
  SSL_set_verify(w->ssl_, mode, VerifyCallback);
}

void TLSWrap::EnableSessionCallbacks(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_SSL(args);
  w->session_callbacks_ = true;
  if (w->is_server() && !SSL_is_init_finished(w->ssl_)) {
    w->hello_done_ = false;
  }
}

void TLSWrap::EnableCertCb(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_SSL(args);
  w->cert_cb_enabled_ = true;
}

void TLSWrap::EnableALPNCb(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_SSL(args);
  w->alpn_callback_ = true;
}

void TLSWrap::EnableKeylogCallback(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_SSL(args);
  w->keylog_ = true;
}

// enableTrace(): OpenSSL's protocol trace on stderr.
void TLSWrap::EnableTrace(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_SSL(args);
  static BIO* trace = BIO_new_fp(stderr, BIO_NOCLOSE | BIO_FP_TEXT);
  SSL_set_msg_callback(
      w->ssl_, [](int write_p, int version, int content_type, const void* buf,
                  size_t len, SSL* ssl, void* arg) {
        // Tracing is best effort: its errors must not reach the connection.
        ERR_set_mark();
        SSL_trace(write_p, version, content_type, buf, len, ssl, arg);
        ERR_pop_to_mark();
      });
  SSL_set_msg_callback_arg(w->ssl_, trace);
}

void TLSWrap::EnablePskCallback(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_SSL(args);
  SSL_set_psk_server_callback(w->ssl_, PskServerCallback);
  SSL_set_psk_client_callback(w->ssl_, PskClientCallback);
}

void TLSWrap::SetPskIdentityHint(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_SSL(args);
  Isolate* isolate = args.GetIsolate();
  Utf8Value hint(isolate, args[0]);
  if (SSL_use_psk_identity_hint(w->ssl_, hint.c_str()) != 1) {
    HandleScope scope(isolate);
    w->EmitError(crypto::CodedError(isolate,
                                    "ERR_TLS_PSK_SET_IDENTITY_HINT_FAILED",
                                    crypto::ErrorKind::kError,
                                    "Failed to set PSK identity hint"));
  }
}

void TLSWrap::DestroySSL(const FunctionCallbackInfo<Value>& args) {
  UNWRAP(args);
  w->Destroy();
}

void TLSWrap::GetServername(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_SSL(args);
  const char* name = SSL_get_servername(w->ssl_, TLSEXT_NAMETYPE_host_name);
  if (name != nullptr) {
    args.GetReturnValue().Set(OneByteString(args.GetIsolate(), name));
  } else {
    args.GetReturnValue().Set(false);
  }
}

void TLSWrap::SetServername(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_SSL(args);
  if (w->started_ || w->is_server()) return;
  Utf8Value name(args.GetIsolate(), args[0]);
  SSL_set_tlsext_host_name(w->ssl_, name.c_str());
}

void TLSWrap::SetSession(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_SSL(args);
  Isolate* isolate = args.GetIsolate();
  crypto::ByteView view;
  if (!crypto::GetByteView(args[0], &view)) {
    return THROW_ERR_INVALID_ARG_TYPE(isolate,
                                      "Session must be a buffer");
  }
  const unsigned char* p = view.data;
  SSL_SESSION* session =
      d2i_SSL_SESSION(nullptr, &p, static_cast<long>(view.length));
  if (session == nullptr) return;
  int ok = SSL_set_session(w->ssl_, session);
  SSL_SESSION_free(session);
  if (ok != 1) {
    isolate->ThrowException(v8::Exception::Error(
        FIXED_ONE_BYTE_STRING(isolate, "SSL_set_session error")));
  }
}

void TLSWrap::GetSession(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_SSL(args);
  SSL_SESSION* session = SSL_get_session(w->ssl_);
  if (session == nullptr) return;
  int size = i2d_SSL_SESSION(session, nullptr);
  if (size <= 0) return;
  std::vector<unsigned char> der(static_cast<size_t>(size));
  unsigned char* p = der.data();
  i2d_SSL_SESSION(session, &p);
  args.GetReturnValue().Set(
      crypto::NewBuffer(args.GetIsolate(), der.data(), der.size()));
}

void TLSWrap::LoadSession(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_SSL(args);
  crypto::ByteView view;
  if (!crypto::GetByteView(args[0], &view)) return;
  const unsigned char* p = view.data;
  SSL_SESSION* session =
      d2i_SSL_SESSION(nullptr, &p, static_cast<long>(view.length));
  SSL_SESSION_free(w->next_session_);
  w->next_session_ = session;
}

void TLSWrap::EndParser(const FunctionCallbackInfo<Value>& args) {
  UNWRAP(args);
  if (w->hello_done_) return;
  w->hello_done_ = true;
  Busy busy(w);
  w->Cycle();
}

bool TLSWrap::UseContextCredentials(SecureContext* sc) {
  SSL_CTX* ctx = sc->ctx();
  X509* cert = SSL_CTX_get0_certificate(ctx);
  EVP_PKEY* key = SSL_CTX_get0_privatekey(ctx);
  STACK_OF(X509)* chain = nullptr;
  if (cert != nullptr && SSL_use_certificate(ssl_, cert) != 1) return false;
  if (key != nullptr && SSL_use_PrivateKey(ssl_, key) != 1) return false;
  if (SSL_CTX_get0_chain_certs(ctx, &chain) == 1 && chain != nullptr &&
      SSL_set1_chain(ssl_, chain) != 1) {
    return false;
  }
  if (SSL_set1_verify_cert_store(ssl_, SSL_CTX_get_cert_store(ctx)) != 1) {
    return false;
  }
  SSL_set_client_CA_list(ssl_,
                         SSL_dup_CA_list(SSL_CTX_get_client_CA_list(ctx)));
  return true;
}

// certCbDone(): the SNICallback's context (this.sni_context) is in place
// and any OCSP response set: the handshake goes on.
void TLSWrap::CertCbDone(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_SSL(args);
  Isolate* isolate = args.GetIsolate();
  if (!w->cert_cb_running_) return;
  Local<Value> ctx;
  if (!args.This()
           ->Get(isolate->GetCurrentContext(),
                 FIXED_ONE_BYTE_STRING(isolate, "sni_context"))
           .ToLocal(&ctx)) {
    return;
  }
  SecureContext* sc = SecureContext::FromValue(ctx);
  if (sc != nullptr && sc->ctx() != nullptr) {
    if (!w->UseContextCredentials(sc)) {
      return crypto::ThrowOpenSSLError(isolate, ERR_get_error(),
                                       "CertCbDone");
    }
  } else if (ctx->IsObject()) {
    HandleScope scope(isolate);
    w->EmitError(v8::Exception::TypeError(
        FIXED_ONE_BYTE_STRING(isolate, "Invalid SNI context")));
    return;
  }
  // Asked once per connection: later calls let the handshake through.
  w->cert_cb_running_ = false;
  w->cert_cb_enabled_ = false;
  Busy busy(w);
  w->Cycle();
}

void TLSWrap::NewSessionDone(const FunctionCallbackInfo<Value>& args) {
  UNWRAP(args);
  w->awaiting_new_session_ = false;
  Busy busy(w);
  w->Cycle();
}

void TLSWrap::SetOCSPResponse(const FunctionCallbackInfo<Value>& args) {
  UNWRAP(args);
  crypto::ByteView view;
  if (!crypto::GetByteView(args[0], &view)) {
    return THROW_ERR_INVALID_ARG_TYPE(args.GetIsolate(),
                                      "OCSP response must be a buffer");
  }
  w->ocsp_response_ = Bytes(view.data, view.length);
  w->has_ocsp_response_ = true;
}

void TLSWrap::RequestOCSP(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_SSL(args);
  SSL_set_tlsext_status_type(w->ssl_, TLSEXT_STATUSTYPE_ocsp);
}

void TLSWrap::SetALPNProtocols(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_SSL(args);
  crypto::ByteView view;
  if (!crypto::GetByteView(args[0], &view)) {
    return THROW_ERR_INVALID_ARG_TYPE(args.GetIsolate(),
                                      "Must give a Buffer as first argument");
  }
  if (w->is_server()) {
    w->alpn_protos_ = Bytes(view.data, view.length);
  } else {
    SSL_set_alpn_protos(w->ssl_, view.data,
                        static_cast<unsigned int>(view.length));
  }
}

void TLSWrap::GetALPNNegotiatedProtocol(
    const FunctionCallbackInfo<Value>& args) {
  UNWRAP_SSL(args);
  const unsigned char* proto = nullptr;
  unsigned int length = 0;
  SSL_get0_alpn_selected(w->ssl_, &proto, &length);
  if (length == 0) {
    args.GetReturnValue().Set(false);
    return;
  }
  args.GetReturnValue().Set(OneByteString(
      args.GetIsolate(), reinterpret_cast<const char*>(proto),
      static_cast<int>(length)));
}

void TLSWrap::GetPeerCertificate(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_SSL(args);
  Local<Value> result;
  if (crypto::PeerCertificateObject(w->env_, w->ssl_, args[0]->IsTrue(),
                                    w->is_server())
          .ToLocal(&result)) {
    args.GetReturnValue().Set(result);
  }
}

void TLSWrap::GetCertificate(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_SSL(args);
  X509* cert = SSL_get_certificate(w->ssl_);
  if (cert == nullptr) return;
  Local<Object> result;
  if (crypto::CertificateToObject(w->env_, cert).ToLocal(&result)) {
    args.GetReturnValue().Set(result);
  }
}

static void ReturnDER(const FunctionCallbackInfo<Value>& args, X509* cert) {
  if (cert == nullptr) return;
  unsigned char* der = nullptr;
  int length = i2d_X509(cert, &der);
  if (length <= 0) return;
  args.GetReturnValue().Set(
      crypto::NewBuffer(args.GetIsolate(), der, length));
  OPENSSL_free(der);
}

// The DER of the own certificate, for X509Certificate (lib/ makes the
// object).
// [leaf, issuer, ...]: the peer's certificate and the chain it sent after
// it, as DER (lib/ links them through issuerCertificate), or undefined.
void TLSWrap::GetPeerX509Certificate(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_SSL(args);
  Isolate* isolate = args.GetIsolate();
  std::vector<X509*> chain;
  if (w->is_server()) {
    X509* leaf = SSL_get0_peer_certificate(w->ssl_);
    if (leaf != nullptr) chain.push_back(leaf);
  }
  STACK_OF(X509)* sent = SSL_get_peer_cert_chain(w->ssl_);
  for (int i = 0; sent != nullptr && i < sk_X509_num(sent); i++) {
    chain.push_back(sk_X509_value(sent, i));
  }
  if (chain.empty()) return;
  std::vector<Local<Value>> items;
  for (X509* cert : chain) {
    unsigned char* der = nullptr;
    int length = i2d_X509(cert, &der);
    if (length <= 0) return;
    items.push_back(crypto::NewBuffer(isolate, der, length));
    OPENSSL_free(der);
  }
  args.GetReturnValue().Set(Array::New(isolate, items.data(), items.size()));
}

void TLSWrap::GetX509Certificate(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_SSL(args);
  ReturnDER(args, SSL_get_certificate(w->ssl_));
}

// verifyError(): null when the peer's certificate checked out, else an
// Error with the code of OpenSSL's verdict.
void TLSWrap::VerifyError(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_SSL(args);
  Isolate* isolate = args.GetIsolate();
  long result = X509_V_ERR_UNABLE_TO_GET_ISSUER_CERT;
  if (SSL_get0_peer_certificate(w->ssl_) != nullptr) {
    result = SSL_get_verify_result(w->ssl_);
  } else {
    // PSK needs no certificate (in TLS 1.3 it looks like a resumption).
    const SSL_CIPHER* cipher = SSL_get_current_cipher(w->ssl_);
    SSL_SESSION* session = SSL_get_session(w->ssl_);
    if ((cipher != nullptr &&
         SSL_CIPHER_get_auth_nid(cipher) == NID_auth_psk) ||
        (session != nullptr &&
         SSL_SESSION_get_protocol_version(session) == TLS1_3_VERSION &&
         SSL_session_reused(w->ssl_))) {
      args.GetReturnValue().SetNull();
      return;
    }
  }
  if (result == X509_V_OK) {
    args.GetReturnValue().SetNull();
    return;
  }
  Local<Object> error =
      v8::Exception::Error(
          OneByteString(isolate, X509_verify_cert_error_string(result)))
          .As<Object>();
  error
      ->Set(isolate->GetCurrentContext(),
            FIXED_ONE_BYTE_STRING(isolate, "code"),
            OneByteString(isolate, crypto::VerifyErrorCode(result)))
      .Check();
  args.GetReturnValue().Set(error);
}

void TLSWrap::GetCipher(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_SSL(args);
  args.GetReturnValue().Set(crypto::CipherObject(w->env_, w->ssl_));
}

void TLSWrap::GetSharedSigalgs(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_SSL(args);
  Isolate* isolate = args.GetIsolate();
  int count = SSL_get_shared_sigalgs(w->ssl_, 0, nullptr, nullptr, nullptr,
                                     nullptr, nullptr);
  std::vector<Local<Value>> names;
  for (int i = 0; i < count; i++) {
    int sign_nid = NID_undef;
    int hash_nid = NID_undef;
    SSL_get_shared_sigalgs(w->ssl_, i, &sign_nid, &hash_nid, nullptr, nullptr,
                           nullptr);
    std::string name;
    switch (sign_nid) {
      case EVP_PKEY_RSA: name = "RSA"; break;
      case EVP_PKEY_RSA_PSS: name = "RSA-PSS"; break;
      case EVP_PKEY_DSA: name = "DSA"; break;
      case EVP_PKEY_EC: name = "ECDSA"; break;
      case NID_ED25519: name = "Ed25519"; break;
      case NID_ED448: name = "Ed448"; break;
      default: {
        const char* sn = OBJ_nid2sn(sign_nid);
        name = sn != nullptr ? sn : "UNDEF";
      }
    }
    const char* hash = OBJ_nid2sn(hash_nid);
    name += "+";
    name += hash != nullptr ? hash : "UNDEF";
    names.push_back(OneByteString(isolate, name.c_str()));
  }
  args.GetReturnValue().Set(Array::New(isolate, names.data(), names.size()));
}

void TLSWrap::GetEphemeralKeyInfo(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_SSL(args);
  // Only a client learns the other side's ephemeral key.
  if (w->is_server()) {
    args.GetReturnValue().SetNull();
    return;
  }
  args.GetReturnValue().Set(crypto::EphemeralKeyObject(w->env_, w->ssl_));
}

void TLSWrap::GetFinished(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_SSL(args);
  unsigned char buf[EVP_MAX_MD_SIZE];
  size_t length = SSL_get_finished(w->ssl_, buf, sizeof(buf));
  if (length == 0) return;
  args.GetReturnValue().Set(
      crypto::NewBuffer(args.GetIsolate(), buf, length));
}

void TLSWrap::GetPeerFinished(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_SSL(args);
  unsigned char buf[EVP_MAX_MD_SIZE];
  size_t length = SSL_get_peer_finished(w->ssl_, buf, sizeof(buf));
  if (length == 0) return;
  args.GetReturnValue().Set(
      crypto::NewBuffer(args.GetIsolate(), buf, length));
}

void TLSWrap::GetProtocol(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_SSL(args);
  args.GetReturnValue().Set(
      OneByteString(args.GetIsolate(), SSL_get_version(w->ssl_)));
}

void TLSWrap::GetTLSTicket(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_SSL(args);
  SSL_SESSION* session = SSL_get_session(w->ssl_);
  if (session == nullptr) return;
  const unsigned char* ticket = nullptr;
  size_t length = 0;
  SSL_SESSION_get0_ticket(session, &ticket, &length);
  if (ticket == nullptr) return;
  args.GetReturnValue().Set(
      crypto::NewBuffer(args.GetIsolate(), ticket, length));
}

void TLSWrap::IsSessionReused(const FunctionCallbackInfo<Value>& args) {
  UNWRAP(args);
  args.GetReturnValue().Set(w->ssl_ != nullptr &&
                            SSL_session_reused(w->ssl_) == 1);
}

void TLSWrap::Renegotiate(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_SSL(args);
  if (SSL_renegotiate(w->ssl_) != 1) {
    crypto::ThrowOpenSSLError(args.GetIsolate(), ERR_get_error(),
                              "SSL_renegotiate");
  }
}

// exportKeyingMaterial(length, label[, context])
void TLSWrap::ExportKeyingMaterial(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_SSL(args);
  Isolate* isolate = args.GetIsolate();
  if (!args[0]->IsUint32() || !args[1]->IsString()) return;
  uint32_t length = args[0].As<v8::Uint32>()->Value();
  Utf8Value label(isolate, args[1]);
  crypto::ByteView context;
  bool use_context = !args[2]->IsUndefined() &&
                     crypto::GetByteView(args[2], &context);
  std::vector<unsigned char> out(length);
  if (SSL_export_keying_material(
          w->ssl_, out.data(), length, label.c_str(), label.length(),
          use_context ? context.data : nullptr,
          use_context ? context.length : 0, use_context ? 1 : 0) != 1) {
    return crypto::ThrowOpenSSLError(isolate, ERR_get_error(),
                                     "SSL_export_keying_material");
  }
  args.GetReturnValue().Set(
      crypto::NewBuffer(isolate, out.data(), out.size()));
}

void TLSWrap::SetMaxSendFragment(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_SSL(args);
  if (!args[0]->IsInt32()) return;
  int32_t size = args[0].As<v8::Int32>()->Value();
  args.GetReturnValue().Set(static_cast<int32_t>(
      SSL_set_max_send_fragment(w->ssl_, size < 0 ? 0 : size)));
}

void TLSWrap::SetKeyCert(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_SSL(args);
  Isolate* isolate = args.GetIsolate();
  SecureContext* sc = SecureContext::FromValue(args[0]);
  if (sc == nullptr || sc->ctx() == nullptr) {
    return crypto::ThrowCodedError(isolate, "ERR_INVALID_ARG_TYPE",
                                   crypto::ErrorKind::kTypeError,
                                   "Must give a SecureContext as first "
                                   "argument");
  }
  if (!w->UseContextCredentials(sc)) {
    crypto::ThrowOpenSSLError(isolate, ERR_get_error(), "SetKeyCert");
  }
}

void TLSWrap::WritesIssuedByPrevListenerDone(
    const FunctionCallbackInfo<Value>& args) {
  UNWRAP(args);
  w->wait_previous_writes_ = false;
  Busy busy(w);
  w->EncOut();
}

void TLSWrap::GetWriteQueueSize(const FunctionCallbackInfo<Value>& args) {
  TLSWrap* w = TLSWrap::From(args.This());
  double size = 0;
  if (w != nullptr && w->ssl_ != nullptr) {
    size = static_cast<double>(BIO_ctrl_pending(w->enc_out_));
  }
  args.GetReturnValue().Set(size);
}

void TLSWrap::GetBytesRead(const FunctionCallbackInfo<Value>& args) {
  TLSWrap* w = TLSWrap::From(args.This());
  args.GetReturnValue().Set(w == nullptr ? 0 : w->bytes_read_);
}

void TLSWrap::GetBytesWritten(const FunctionCallbackInfo<Value>& args) {
  TLSWrap* w = TLSWrap::From(args.This());
  args.GetReturnValue().Set(w == nullptr ? 0 : w->bytes_written_);
}

void TLSWrap::GetFd(const FunctionCallbackInfo<Value>& args) {
  TLSWrap* w = TLSWrap::From(args.This());
  int fd = -1;
  if (w != nullptr && w->transport_ != nullptr) {
    fd = w->transport_->TransportFd();
  }
  args.GetReturnValue().Set(fd);
}

#undef UNWRAP_SSL
#undef UNWRAP

namespace {

// --- Binding --------------------------------------------------------------

void Construct(const FunctionCallbackInfo<Value>& args) {
  // Objects come from wrap(); one made by `new` wraps nothing.
  if (!args.IsConstructCall()) {
    Isolate* isolate = args.GetIsolate();
    isolate->ThrowException(v8::Exception::TypeError(FIXED_ONE_BYTE_STRING(
        isolate, "Class constructor TLSWrap cannot be invoked without "
                 "'new'")));
  }
}

#define TLS_WRAP_METHODS(V)                                         \
  V("readStart", ReadStart)                                         \
  V("readStop", ReadStop)                                           \
  V("writeBuffer", WriteBuffer)                                     \
  V("writev", Writev)                                               \
  V("shutdown", Shutdown)                                           \
  V("useUserBuffer", UseUserBuffer)                                 \
  V("receive", Receive)                                             \
  V("start", Start)                                                 \
  V("setVerifyMode", SetVerifyMode)                                 \
  V("enableSessionCallbacks", EnableSessionCallbacks)               \
  V("enableCertCb", EnableCertCb)                                   \
  V("enableALPNCb", EnableALPNCb)                                   \
  V("enableKeylogCallback", EnableKeylogCallback)                   \
  V("enableTrace", EnableTrace)                                     \
  V("enablePskCallback", EnablePskCallback)                         \
  V("setPskIdentityHint", SetPskIdentityHint)                       \
  V("destroySSL", DestroySSL)                                       \
  V("getServername", GetServername)                                 \
  V("setServername", SetServername)                                 \
  V("setSession", SetSession)                                       \
  V("getSession", GetSession)                                       \
  V("loadSession", LoadSession)                                     \
  V("endParser", EndParser)                                         \
  V("certCbDone", CertCbDone)                                       \
  V("newSessionDone", NewSessionDone)                               \
  V("setOCSPResponse", SetOCSPResponse)                             \
  V("requestOCSP", RequestOCSP)                                     \
  V("setALPNProtocols", SetALPNProtocols)                           \
  V("getALPNNegotiatedProtocol", GetALPNNegotiatedProtocol)         \
  V("getPeerCertificate", GetPeerCertificate)                       \
  V("getCertificate", GetCertificate)                               \
  V("getPeerX509Certificate", GetPeerX509Certificate)               \
  V("getX509Certificate", GetX509Certificate)                       \
  V("verifyError", VerifyError)                                     \
  V("getCipher", GetCipher)                                         \
  V("getSharedSigalgs", GetSharedSigalgs)                           \
  V("getEphemeralKeyInfo", GetEphemeralKeyInfo)                     \
  V("getFinished", GetFinished)                                     \
  V("getPeerFinished", GetPeerFinished)                             \
  V("getProtocol", GetProtocol)                                     \
  V("getTLSTicket", GetTLSTicket)                                   \
  V("isSessionReused", IsSessionReused)                             \
  V("renegotiate", Renegotiate)                                     \
  V("exportKeyingMaterial", ExportKeyingMaterial)                   \
  V("setMaxSendFragment", SetMaxSendFragment)                       \
  V("setKeyCert", SetKeyCert)                                       \
  V("writesIssuedByPrevListenerDone", WritesIssuedByPrevListenerDone) \
  V("writeUtf8String", WriteString<kUtf8>)                          \
  V("writeLatin1String", WriteString<kLatin1>)                      \
  V("writeAsciiString", WriteString<kAscii>)                        \
  V("writeUcs2String", WriteString<kUcs2>)

#define TLS_WRAP_GETTERS(V)                 \
  V("writeQueueSize", GetWriteQueueSize)    \
  V("bytesRead", GetBytesRead)              \
  V("bytesWritten", GetBytesWritten)        \
  V("fd", GetFd)

void Initialize(Local<Object> target, Local<Value>, Local<Context> context,
                void*) {
  Isolate* isolate = context->GetIsolate();
  SetMethod(context, target, "wrap", TLSWrap::Wrap);
  SetConstant(context, target, "HAVE_SSL_TRACE", 1);
  Local<FunctionTemplate> t = NewFunctionTemplate(isolate, Construct);
  t->InstanceTemplate()->SetInternalFieldCount(kWrapFieldCount);
#define V(name, fn) SetProtoMethod(isolate, t, name, TLSWrap::fn);
  TLS_WRAP_METHODS(V)
#undef V
#define V(name, fn)                                                          \
  t->PrototypeTemplate()->SetAccessorProperty(                               \
      OneByteString(isolate, name),                                          \
      FunctionTemplate::New(isolate, TLSWrap::fn, Local<Value>(),            \
                            v8::Signature::New(isolate, t), 0,               \
                            v8::ConstructorBehavior::kThrow,                 \
                            v8::SideEffectType::kHasNoSideEffect),           \
      Local<FunctionTemplate>(),                                             \
      static_cast<v8::PropertyAttribute>(v8::ReadOnly | v8::DontDelete));
  TLS_WRAP_GETTERS(V)
#undef V
  t->PrototypeTemplate()->Set(OneByteString(isolate, "isStreamBase"),
                              v8::True(isolate));
  SetConstructorFunction(context, target, "TLSWrap", t);
}

void RegisterExternalReferences(ExternalReferenceRegistry* registry) {
  registry->Register(TLSWrap::Wrap);
  registry->Register(Construct);
#define V(name, fn) registry->Register(TLSWrap::fn);
  TLS_WRAP_METHODS(V)
  TLS_WRAP_GETTERS(V)
#undef V
}

#undef TLS_WRAP_METHODS
#undef TLS_WRAP_GETTERS

}  // namespace
}  // namespace lode::tls_wrap

namespace lode {

StreamTransport* TLSWrapTransportFromObject(v8::Local<v8::Object> object) {
  return tls_wrap::TLSWrap::From(object);
}

}  // namespace lode

LODE_BINDING_CONTEXT_AWARE_INTERNAL(tls_wrap, lode::tls_wrap::Initialize)
LODE_BINDING_EXTERNAL_REFERENCE(tls_wrap,
                                lode::tls_wrap::RegisterExternalReferences)

