// TLSWrap (see tls_wrap.cc): the class both halves of the binding share.
// tls_wrap.cc holds the TLS engine, the stream glue and OpenSSL's
// callbacks; tls_wrap_methods.cc the methods lib/ calls and the binding.
#ifndef SRC_TLS_WRAP_H_
#define SRC_TLS_WRAP_H_

#include <openssl/ssl.h>

#include <deque>
#include <string>
#include <vector>

#include "env.h"
#include "lode_binding.h"
#include "lode_crypto_tls.h"
#include "stream_base.h"
#include "util.h"

namespace lode::tls_wrap {


using crypto::SecureContext;
using v8::Array;
using v8::ArrayBuffer;
using v8::ArrayBufferView;
using v8::Context;
using v8::Function;
using v8::FunctionCallbackInfo;
using v8::FunctionTemplate;
using v8::Global;
using v8::HandleScope;
using v8::Integer;
using v8::Isolate;
using v8::Local;
using v8::Object;
using v8::String;
using v8::Value;


extern const WrapType kTLSWrapType;

inline std::string Bytes(const unsigned char* data, size_t length) {
  return std::string(reinterpret_cast<const char*>(data), length);
}

class TLSWrap;

// The TLSWrap of an SSL (its app data), or nullptr.
TLSWrap* FromSSL(const SSL* ssl);

class TLSWrap : public StreamListener, public StreamTransport {
 public:
  enum Kind { kClient, kServer };

  TLSWrap(Environment* env, Local<Object> object, Kind kind,
          Local<Object> parent, StreamTransport* transport, SSL* ssl,
          bool wait_previous_writes)
      : env_(env),
        kind_(kind),
        transport_(transport),
        ssl_(ssl),
        wait_previous_writes_(wait_previous_writes) {
    object_.Reset(env->isolate(), object);
    parent_.Reset(env->isolate(), parent);
    SetWrapped(object, this, &kTLSWrapType);
    transport_->set_listener(this);
    InitSSL();
  }

  ~TLSWrap() override {
    NotifyDestroyed();
    Detach();
    FreeSSL();
  }
  LODE_DISALLOW_COPY(TLSWrap);

  static TLSWrap* From(Local<Value> value) {
    return static_cast<TLSWrap*>(GetWrapped(value, &kTLSWrapType));
  }

  Environment* env() const { return env_; }
  Local<Object> object() const { return object_.Get(env_->isolate()); }
  bool is_server() const { return kind_ == kServer; }
  SSL* ssl() const { return ssl_; }

  static void Wrap(const FunctionCallbackInfo<Value>& args);

  // --- OpenSSL callbacks (recorded, replayed to JS by Dispatch()) -------

  static void InfoCallback(const SSL* ssl, int where, int);
  static int VerifyCallback(int, X509_STORE_CTX*) { return 1; }
  static int NewSessionCallback(SSL* ssl, SSL_SESSION* session);
  static SSL_SESSION* GetSessionCallback(SSL* ssl, const unsigned char*, int,
                                         int* copy);
  static int ClientHelloCallback(SSL* ssl, int* alert, void*);
  static int CertCallback(SSL* ssl, void*);
  static int ServernameCallback(SSL* ssl, int* alert, void*);
  static int ALPNSelectCallback(SSL* ssl, const unsigned char** out,
                                unsigned char* outlen,
                                const unsigned char* in, unsigned int inlen,
                                void*);
  static int OCSPStatusCallback(SSL* ssl, void*);
  static void KeylogCallback(const SSL* ssl, const char* line);
  static unsigned int PskServerCallback(SSL* ssl, const char* identity,
                                        unsigned char* psk,
                                        unsigned int max_psk_len);
  static unsigned int PskClientCallback(SSL* ssl, const char* hint,
                                        char* identity,
                                        unsigned int max_identity_len,
                                        unsigned char* psk,
                                        unsigned int max_psk_len);

  // --- StreamListener ---------------------------------------------------

  void OnStreamRead(ssize_t nread, const char* data) override;
  void OnStreamAfterWrite(int status) override;
  void OnStreamAfterShutdown(int status) override;
  void OnStreamDestroyed() override;

  // --- StreamTransport (TLS inside TLS: another TLSWrap over this one) ---

  int TransportReadStart() override;
  int TransportReadStop() override;
  int TransportWrite(std::string data, bool* async) override;
  int TransportShutdown() override;
  bool TransportIsAlive() const override { return alive(); }
  int TransportFd() const override {
    return transport_ != nullptr ? transport_->TransportFd() : -1;
  }

  // Completes a write that finished inside DoWrite(), a turn later.
  void RunDeferredCompletion();
  void DeferCompletion();

  // --- JS methods -------------------------------------------------------

#define V(name) static void name(const FunctionCallbackInfo<Value>& args);
  V(ReadStart)
  V(ReadStop)
  V(WriteBuffer)
  V(Writev)
  V(Shutdown)
  V(UseUserBuffer)
  V(Receive)
  V(Start)
  V(SetVerifyMode)
  V(EnableSessionCallbacks)
  V(EnableCertCb)
  V(EnableALPNCb)
  V(EnableKeylogCallback)
  V(EnableTrace)
  V(EnablePskCallback)
  V(SetPskIdentityHint)
  V(DestroySSL)
  V(GetServername)
  V(SetServername)
  V(SetSession)
  V(GetSession)
  V(LoadSession)
  V(EndParser)
  V(CertCbDone)
  V(NewSessionDone)
  V(SetOCSPResponse)
  V(RequestOCSP)
  V(SetALPNProtocols)
  V(GetALPNNegotiatedProtocol)
  V(GetPeerCertificate)
  V(GetCertificate)
  V(GetPeerX509Certificate)
  V(GetX509Certificate)
  V(VerifyError)
  V(GetCipher)
  V(GetSharedSigalgs)
  V(GetEphemeralKeyInfo)
  V(GetFinished)
  V(GetPeerFinished)
  V(GetProtocol)
  V(GetTLSTicket)
  V(IsSessionReused)
  V(Renegotiate)
  V(ExportKeyingMaterial)
  V(SetMaxSendFragment)
  V(SetKeyCert)
  V(WritesIssuedByPrevListenerDone)
  V(GetWriteQueueSize)
  V(GetBytesRead)
  V(GetBytesWritten)
  V(GetFd)
#undef V
  template <int kEncoding>
  static void WriteString(const FunctionCallbackInfo<Value>& args);

 private:
  // What JS hears about once OpenSSL returned.
  struct Event {
    enum Type {
      kHandshakeStart,
      kHandshakeDone,
      kNewSession,
      kKeylog,
      kOCSPResponse,
      kServername,
    } type;
    std::string a;  // session id, keylog line, OCSP response
    std::string b;  // session
    bool flag = false;  // OCSP: a response came
  };

  // Counts the C++ frames working on the SSL object: JS that runs inside
  // them may ask for destroySSL(), which then waits for the last one.
  class Busy {
   public:
    // Called from JS (some callback scope is open), an exception in a
    // callback must reach that caller first: processing stops then. From
    // the loop, the exception has gone to 'uncaughtException' and the
    // work goes on.
    explicit Busy(TLSWrap* wrap) : wrap_(wrap) {
      if (wrap_->busy_++ == 0) {
        wrap_->js_threw_ = false;
        wrap_->wrote_sync_ = false;
        wrap_->stop_on_throw_ = wrap_->env_->callback_scope_depth() > 0;
      }
    }
    ~Busy() {
      if (--wrap_->busy_ == 0 && wrap_->destroyed_) wrap_->FreeSSL();
    }

   private:
    TLSWrap* wrap_;
  };

  // False also once JS threw: the exception goes up to whoever called us,
  // and nothing more runs before it did.
  bool alive() const { return ssl_ != nullptr && !destroyed_ && !js_threw_; }

  void InitSSL();
  void FreeSSL();
  void Detach();
  void MakeWeak();
  void Destroy();

  void Cycle();
  void ClearIn();
  void ClearOut();
  void EncOut();
  void Dispatch();
  void DispatchClientHello();
  void DispatchCertCb();
  void EmitData(const char* data, size_t length);
  void EmitRead(ssize_t nread);
  void FeedCiphertext(const char* data, size_t length);

  int DoWrite(Local<Object> req, std::string data);
  int StartWrite(std::string data, bool* finished);
  int StartShutdown();
  void MaybeFinishWrite();
  void FailWrite(int status, const std::string& error = std::string());
  // A write to the transport failed: the pending write fails, or while
  // shutting down, the shutdown goes ahead.
  void OnTransportWriteError(int status);
  void CompleteWrite(int status, const std::string& error);
  void MaybeShutdownTransport();
  void CallJS(const char* method, int argc, Local<Value>* argv);
  v8::MaybeLocal<Value> Call(Local<Object> recv, const char* method,
                             int argc, Local<Value>* argv);
  void EmitError(Local<Value> error);
  bool UseContextCredentials(SecureContext* sc);

  Environment* env_;
  Global<Object> object_;
  Global<Object> parent_;  // the stream handle, held while attached
  Kind kind_;
  StreamTransport* transport_;  // nullptr once detached
  SSL* ssl_;
  BIO* enc_in_ = nullptr;   // ciphertext read, owned by ssl_
  BIO* enc_out_ = nullptr;  // ciphertext to write, owned by ssl_
  bool weak_ = false;

  int busy_ = 0;
  bool destroyed_ = false;
  bool js_threw_ = false;
  bool wrote_sync_ = false;  // bytes went out synchronously in this call
  bool stop_on_throw_ = false;
  int cycle_depth_ = 0;

  bool started_ = false;
  bool established_ = false;  // a first handshake finished
  bool eof_ = false;
  bool shutdown_ = false;
  bool shutdown_pending_ = false;
  bool write_in_flight_ = false;
  bool wait_previous_writes_ = false;

  // Writes: one at a time (net.Socket waits for each), from JS (with its
  // request object) or from a listener (raw).
  bool write_pending_ = false;
  bool raw_write_ = false;
  bool deferred_completion_ = false;
  Global<Object> current_write_;
  std::string pending_cleartext_;
  bool in_dowrite_ = false;
  bool finished_in_dowrite_ = false;
  int dowrite_error_ = 0;
  Global<Object> shutdown_req_;
  bool shutdown_requested_ = false;
  bool raw_shutdown_ = false;

  // Server hooks.
  bool session_callbacks_ = false;
  bool hello_done_ = true;
  bool hello_dispatched_ = false;
  std::string hello_session_id_;
  std::string hello_servername_;
  bool hello_ticket_ = false;
  bool cert_cb_enabled_ = false;
  bool cert_cb_running_ = false;
  bool cert_cb_dispatched_ = false;
  bool awaiting_new_session_ = false;
  SSL_SESSION* next_session_ = nullptr;
  std::string alpn_protos_;  // a server's list, wire format
  bool alpn_callback_ = false;
  bool keylog_ = false;
  std::string ocsp_response_;
  bool has_ocsp_response_ = false;
  std::deque<Event> events_;

  double bytes_read_ = 0;
  double bytes_written_ = 0;
  Global<v8::Uint8Array> user_buffer_;
};

}  // namespace lode::tls_wrap

#endif  // SRC_TLS_WRAP_H_
