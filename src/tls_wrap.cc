// internalBinding('tls_wrap'): TLSWrap, TLS over a stream handle.
//
// wrap(handle, secureContext, isServer, waitForPreviousWrites) attaches a
// TLSWrap to a stream handle (TCP, Pipe, JSStream or another TLSWrap, see
// stream_base.h): the handle's reads come to it as ciphertext, go through
// an SSL object (with memory BIOs) and leave as cleartext through the
// TLSWrap's own `onread`; cleartext written to the TLSWrap leaves encrypted
// through the handle. To lib/ a TLSWrap looks like any stream handle
// (readStart, writeBuffer, shutdown, onread and streamBaseState...), plus
// the TLS methods lib/internal/tls/wrap.js calls (tls_wrap_methods.cc).
// As in Node, a write completes only after the handshake, and never before
// the call that made it returned.
//
// JS callbacks on the TLSWrap object: onhandshakestart(now),
// onhandshakedone(), onclienthello({ sessionId, servername, tlsTicket }),
// oncertcb({ servername, OCSPRequest }), onservername(name),
// onnewsession(id, session), onocspresponse(response), onkeylog(line),
// onerror(error), ALPNCallback(protocols) and onpskexchange(...).
// OpenSSL's own callbacks mostly record what happened; the JS callbacks
// run once OpenSSL has returned, in the order the events came. Those whose
// answer OpenSSL waits for (ALPN selection, PSK) and a client's new
// sessions (getSession() must match) run at once. A callback that must
// pause the handshake (client hello, certificate) makes OpenSSL return and
// retry once JS calls endParser() or certCbDone().
//
// Lifetime: the JS object holds the C++ object strongly while it is
// attached to a live stream; destroySSL() or the stream's end detaches it,
// and the C++ object then dies with its JS object. JS that runs inside
// may ask for destroySSL(): the SSL object is freed when the outermost
// C++ frame working on it returns.
#include "tls_wrap.h"

#include <openssl/err.h>
#include <openssl/x509v3.h>

#include <memory>

#include "lode_errors.h"

namespace lode::tls_wrap {

const WrapType kTLSWrapType = {"TLSWrap", nullptr};

namespace {

constexpr size_t kClearOutChunk = 16 * 1024;

// The text Node gives TLS errors: OpenSSL's full line for the last queued
// error ("<thread>:error:<code>:<lib>:<func>:<reason>:<file>:<line>:...").
std::string LastErrorLine() {
  std::string line;
  ERR_print_errors_cb(
      [](const char* str, size_t len, void* u) {
        // Node keeps the line as OpenSSL prints it, newline included.
        static_cast<std::string*>(u)->assign(str, len);
        return 0;
      },
      &line);
  return line;
}

// An SSL error, kept as text until JS may run.
struct SSLErrorInfo {
  std::string message;
  std::string library;
  std::string function;
  std::string reason;
  std::string code;
};

bool TakeSSLError(SSLErrorInfo* info) {
  unsigned long err = ERR_peek_error();
  if (err == 0) return false;
  const char* lib = ERR_lib_error_string(err);
  const char* reason = ERR_reason_error_string(err);
  if (reason == nullptr) {
    ERR_clear_error();
    return false;
  }
  info->library = lib != nullptr ? lib : "";
  info->reason = reason;
  std::string code = "ERR_SSL_";
  for (const char* p = reason; *p != '\0'; p++) {
    code += *p == ' ' ? '_' : static_cast<char>(toupper(*p));
  }
  info->code = code;
  info->message = LastErrorLine();
  ERR_clear_error();
  return true;
}

Local<Value> SSLErrorObject(Isolate* isolate, const SSLErrorInfo& info) {
  Local<Context> context = isolate->GetCurrentContext();
  Local<Object> error =
      v8::Exception::Error(Utf8String(isolate, info.message)).As<Object>();
  auto set = [&](const char* key, const std::string& value) {
    error->Set(context, OneByteString(isolate, key), Utf8String(isolate, value))
        .Check();
  };
  if (!info.library.empty()) set("library", info.library);
  if (!info.function.empty()) set("function", info.function);
  set("reason", info.reason);
  set("code", info.code);
  return error;
}

}  // namespace

TLSWrap* FromSSL(const SSL* ssl) {
  return static_cast<TLSWrap*>(SSL_get_app_data(ssl));
}

// --- Setup ----------------------------------------------------------------

void TLSWrap::InitSSL() {
  enc_in_ = BIO_new(BIO_s_mem());
  enc_out_ = BIO_new(BIO_s_mem());
  // An empty BIO means "no data yet", never end of file.
  BIO_set_mem_eof_return(enc_in_, -1);
  BIO_set_mem_eof_return(enc_out_, -1);
  SSL_set_bio(ssl_, enc_in_, enc_out_);
  SSL_set_app_data(ssl_, this);
  SSL_set_verify(ssl_, SSL_VERIFY_NONE, VerifyCallback);
  SSL_set_mode(ssl_, SSL_MODE_RELEASE_BUFFERS | SSL_MODE_AUTO_RETRY);
  SSL_set_info_callback(ssl_, InfoCallback);
  SSL_set_cert_cb(ssl_, CertCallback, nullptr);

  SSL_CTX* ctx = SSL_get_SSL_CTX(ssl_);
  SSL_CTX_sess_set_get_cb(ctx, GetSessionCallback);
  SSL_CTX_sess_set_new_cb(ctx, NewSessionCallback);
  SSL_CTX_set_client_hello_cb(ctx, ClientHelloCallback, nullptr);
  SSL_CTX_set_alpn_select_cb(ctx, ALPNSelectCallback, nullptr);
  SSL_CTX_set_tlsext_status_cb(ctx, OCSPStatusCallback);
  SSL_CTX_set_keylog_callback(ctx, KeylogCallback);
  SSL_CTX_set_tlsext_servername_callback(ctx, ServernameCallback);

  if (is_server()) {
    SSL_set_accept_state(ssl_);
  } else {
    SSL_set_connect_state(ssl_);
  }
}

void TLSWrap::FreeSSL() {
  if (ssl_ == nullptr) return;
  SSL_set_app_data(ssl_, nullptr);
  SSL_free(ssl_);
  ssl_ = nullptr;
  enc_in_ = enc_out_ = nullptr;
  SSL_SESSION_free(next_session_);
  next_session_ = nullptr;
}

void TLSWrap::Detach() {
  if (transport_ != nullptr) {
    transport_->set_listener(nullptr);
    transport_ = nullptr;
  }
  parent_.Reset();
  MakeWeak();
}

void TLSWrap::MakeWeak() {
  if (weak_ || object_.IsEmpty()) return;
  weak_ = true;
  object_.SetWeak(
      this,
      [](const v8::WeakCallbackInfo<TLSWrap>& info) {
        TLSWrap* self = info.GetParameter();
        self->object_.Reset();
        delete self;
      },
      v8::WeakCallbackType::kParameter);
}

// Writes in flight are cancelled; the SSL object goes when no C++ frame
// uses it any more.
void TLSWrap::Destroy() {
  if (destroyed_) return;
  destroyed_ = true;
  pending_cleartext_.clear();
  FailWrite(UV_ECANCELED, "Canceled because of SSL destruction");
  Detach();
  if (busy_ == 0) FreeSSL();
}

// wrap(handle, context, isServer, waitForPreviousWrites)
void TLSWrap::Wrap(const FunctionCallbackInfo<Value>& args) {
  Environment* env = Environment::GetCurrent(args);
  Isolate* isolate = env->isolate();
  if (!args[0]->IsObject()) {
    return THROW_ERR_INVALID_ARG_TYPE(isolate,
                                      "The handle must be a stream handle");
  }
  StreamTransport* transport = TransportFromObject(args[0].As<Object>());
  SecureContext* sc = SecureContext::FromValue(args[1]);
  if (transport == nullptr) {
    return THROW_ERR_INVALID_ARG_TYPE(isolate,
                                      "The handle must be a stream handle");
  }
  if (sc == nullptr || sc->ctx() == nullptr) {
    return crypto::ThrowCodedError(isolate, "ERR_TLS_INVALID_CONTEXT",
                                   crypto::ErrorKind::kTypeError,
                                   "context must be a SecureContext");
  }
  if (transport->listener() != nullptr) {
    return crypto::ThrowCodedError(isolate, "ERR_TLS_INVALID_STATE",
                                   crypto::ErrorKind::kError,
                                   "The stream is already wrapped in TLS");
  }
  Local<v8::Function> ctor;
  Local<Object> object;
  if (!BindingConstructor(env, "tls_wrap", "TLSWrap").ToLocal(&ctor) ||
      !ctor->NewInstance(env->context()).ToLocal(&object)) {
    return;
  }
  crypto::ClearErrorsOnReturn clear;
  SSL* ssl = SSL_new(sc->ctx());
  if (ssl == nullptr) {
    return crypto::ThrowOpenSSLError(isolate, ERR_get_error(), "SSL_new");
  }
  new TLSWrap(env, object, args[2]->IsTrue() ? kServer : kClient,
              args[0].As<Object>(), transport, ssl, args[3]->IsTrue());
  args.GetReturnValue().Set(object);
}

// --- The TLS engine -------------------------------------------------------

void TLSWrap::Cycle() {
  if (++cycle_depth_ > 1) return;
  for (; cycle_depth_ > 0; cycle_depth_--) {
    if (!alive()) break;
    ClearIn();
    ClearOut();
    EncOut();
  }
  cycle_depth_ = 0;
}

void TLSWrap::ClearIn() {
  if (!alive() || pending_cleartext_.empty()) return;
  ERR_clear_error();
  int written = SSL_write(ssl_, pending_cleartext_.data(),
                          static_cast<int>(pending_cleartext_.size()));
  int err = written > 0 ? SSL_ERROR_NONE : SSL_get_error(ssl_, written);
  SSLErrorInfo info;
  bool has_info = (err == SSL_ERROR_SSL || err == SSL_ERROR_SYSCALL) &&
                  TakeSSLError(&info);
  Dispatch();
  if (!alive()) return;
  if (written > 0) {
    pending_cleartext_.erase(0, static_cast<size_t>(written));
    return;
  }
  if (err == SSL_ERROR_SSL || err == SSL_ERROR_SYSCALL) {
    pending_cleartext_.clear();
    FailWrite(UV_EPROTO, has_info ? info.message : std::string());
  }
}

void TLSWrap::ClearOut() {
  if (eof_ || !alive()) return;
  char buf[kClearOutChunk];
  for (;;) {
    ERR_clear_error();
    int read = SSL_read(ssl_, buf, sizeof(buf));
    int err = read > 0 ? SSL_ERROR_NONE : SSL_get_error(ssl_, read);
    SSLErrorInfo info;
    bool has_info = (err == SSL_ERROR_SSL || err == SSL_ERROR_SYSCALL) &&
                    TakeSSLError(&info);
    if (err == SSL_ERROR_SSL) ERR_clear_error();
    Dispatch();
    if (!alive()) return;
    if (read > 0) {
      EmitData(buf, static_cast<size_t>(read));
      if (!alive()) return;
      continue;
    }
    switch (err) {
      case SSL_ERROR_WANT_CLIENT_HELLO_CB:
        DispatchClientHello();
        return;
      case SSL_ERROR_WANT_X509_LOOKUP:
        DispatchCertCb();
        return;
      case SSL_ERROR_ZERO_RETURN:
        if (!eof_) {
          eof_ = true;
          EmitRead(UV_EOF);
        }
        return;
      case SSL_ERROR_SSL:
      case SSL_ERROR_SYSCALL:
        if (!has_info) return;
        // An alert OpenSSL queued goes out before the socket is torn down.
        EncOut();
        if (!alive()) return;
        {
          HandleScope scope(env_->isolate());
          EmitError(SSLErrorObject(env_->isolate(), info));
        }
        return;
      default:
        return;
    }
  }
}

void TLSWrap::EncOut() {
  if (awaiting_new_session_ || write_in_flight_ ||
      wait_previous_writes_ || !alive() || transport_ == nullptr) {
    return;
  }
  for (;;) {
    // Everything OpenSSL wrote, taken out of the BIO in one copy.
    char* bytes = nullptr;
    long pending = BIO_get_mem_data(enc_out_, &bytes);
    if (pending <= 0 || bytes == nullptr) break;
    std::string data(bytes, static_cast<size_t>(pending));
    BIO_reset(enc_out_);
    bool async = false;
    int err = transport_->TransportWrite(std::move(data), &async);
    if (err != 0) {
      OnTransportWriteError(err);
      return;
    }
    if (async) {
      write_in_flight_ = true;
      return;
    }
    wrote_sync_ = true;
    if (!alive() || transport_ == nullptr) return;
  }
  MaybeFinishWrite();
  MaybeShutdownTransport();
}

void TLSWrap::MaybeFinishWrite() {
  // As in Node, a write completes only once the handshake is done (an
  // empty one written during it too).
  if (!write_pending_ || deferred_completion_ || !established_ ||
      !pending_cleartext_.empty() || write_in_flight_ || !alive() ||
      BIO_ctrl_pending(enc_out_) > 0) {
    return;
  }
  if (in_dowrite_) {
    finished_in_dowrite_ = true;
    return;
  }
  // Node reports a write whose bytes went out at once on a later turn of
  // the loop; only one that waited for the stream completes right away.
  if (!raw_write_ && wrote_sync_) {
    deferred_completion_ = true;
    DeferCompletion();
    return;
  }
  CompleteWrite(0, std::string());
}

void TLSWrap::OnTransportWriteError(int status) {
  if (!shutdown_) {
    FailWrite(status);
    return;
  }
  // Shutting down and the peer is gone: what is still to go out (the
  // close_notify) never will, and the stream's shutdown follows at once
  // (and reports), or end() would never finish.
  BIO_reset(enc_out_);
  MaybeShutdownTransport();
}

void TLSWrap::FailWrite(int status, const std::string& error) {
  if (!write_pending_) return;
  if (in_dowrite_) {
    if (dowrite_error_ == 0) dowrite_error_ = status;
    return;
  }
  CompleteWrite(status, error);
}

void TLSWrap::CompleteWrite(int status, const std::string& error) {
  if (!write_pending_) return;
  write_pending_ = false;
  deferred_completion_ = false;
  if (raw_write_) {
    raw_write_ = false;
    if (listener_ != nullptr) listener_->OnStreamAfterWrite(status);
    return;
  }
  Isolate* isolate = env_->isolate();
  HandleScope scope(isolate);
  Local<Object> req = current_write_.Get(isolate);
  current_write_.Reset();
  Local<Value> argv[3] = {Integer::New(isolate, status), object(),
                          v8::Undefined(isolate)};
  if (status < 0) {
    argv[2] = error.empty() ? OneByteString(isolate, uv_err_name(status))
                            : Utf8String(isolate, error);
    // The reason OpenSSL gave goes into the error's message (lib/ reads
    // req.error, as Node's streams do).
    if (!error.empty() &&
        req->Set(env_->context(), FIXED_ONE_BYTE_STRING(isolate, "error"),
                 argv[2])
            .IsNothing()) {
      return;
    }
  }
  Call(req, "oncomplete", 3, argv);
}

void TLSWrap::MaybeShutdownTransport() {
  if (!shutdown_pending_ || write_in_flight_ || transport_ == nullptr) return;
  if (ssl_ != nullptr && BIO_ctrl_pending(enc_out_) > 0) return;
  shutdown_pending_ = false;
  int err = transport_->TransportShutdown();
  if (err != 0) OnStreamAfterShutdown(err);
}

void TLSWrap::CallJS(const char* method, int argc, Local<Value>* argv) {
  Call(object(), method, argc, argv);
}

v8::MaybeLocal<Value> TLSWrap::Call(Local<Object> recv, const char* method,
                                    int argc, Local<Value>* argv) {
  Isolate* isolate = env_->isolate();
  Local<Value> fn;
  if (!recv->Get(env_->context(), OneByteString(isolate, method))
           .ToLocal(&fn)) {
    if (stop_on_throw_) js_threw_ = true;
    return {};
  }
  if (!fn->IsFunction()) return {};
  v8::MaybeLocal<Value> result =
      MakeCallback(env_, recv, fn.As<Function>(), argc, argv);
  if (result.IsEmpty() && stop_on_throw_) js_threw_ = true;
  return result;
}

void TLSWrap::EmitError(Local<Value> error) {
  CallJS("onerror", 1, &error);
}

// Replays what OpenSSL's callbacks recorded.
void TLSWrap::Dispatch() {
  Isolate* isolate = env_->isolate();
  while (!events_.empty() && !destroyed_) {
    Event event = std::move(events_.front());
    events_.pop_front();
    HandleScope scope(isolate);
    switch (event.type) {
      case Event::kHandshakeStart: {
        Local<Value> now = v8::Number::New(
            isolate, static_cast<double>(env_->GetNowMs()));
        CallJS("onhandshakestart", 1, &now);
        break;
      }
      case Event::kHandshakeDone:
        CallJS("onhandshakedone", 0, nullptr);
        break;
      case Event::kNewSession: {
        Local<Value> argv[] = {
            crypto::NewBuffer(
                isolate, reinterpret_cast<const unsigned char*>(event.a.data()),
                event.a.size()),
            crypto::NewBuffer(
                isolate, reinterpret_cast<const unsigned char*>(event.b.data()),
                event.b.size())};
        CallJS("onnewsession", 2, argv);
        break;
      }
      case Event::kKeylog: {
        Local<Value> line = crypto::NewBuffer(
            isolate, reinterpret_cast<const unsigned char*>(event.a.data()),
            event.a.size());
        CallJS("onkeylog", 1, &line);
        break;
      }
      case Event::kServername: {
        Local<Value> name = OneByteString(isolate, event.a.c_str());
        CallJS("onservername", 1, &name);
        break;
      }
      case Event::kOCSPResponse: {
        Local<Value> response =
            event.flag
                ? crypto::NewBuffer(
                      isolate,
                      reinterpret_cast<const unsigned char*>(event.a.data()),
                      event.a.size())
                      .As<Value>()
                : v8::Null(isolate).As<Value>();
        CallJS("onocspresponse", 1, &response);
        break;
      }
    }
  }
}

void TLSWrap::DispatchClientHello() {
  if (hello_dispatched_) return;
  hello_dispatched_ = true;
  Isolate* isolate = env_->isolate();
  Local<Context> context = env_->context();
  HandleScope scope(isolate);
  Local<Object> hello = Object::New(isolate);
  hello->Set(context, FIXED_ONE_BYTE_STRING(isolate, "sessionId"),
             crypto::NewBuffer(isolate,
                                   reinterpret_cast<const unsigned char*>(
                                       hello_session_id_.data()),
                                   hello_session_id_.size()))
      .Check();
  hello->Set(context, FIXED_ONE_BYTE_STRING(isolate, "servername"),
             OneByteString(isolate, hello_servername_.c_str()))
      .Check();
  hello->Set(context, FIXED_ONE_BYTE_STRING(isolate, "tlsTicket"),
             v8::Boolean::New(isolate, hello_ticket_))
      .Check();
  Local<Value> arg = hello;
  CallJS("onclienthello", 1, &arg);
}

void TLSWrap::DispatchCertCb() {
  if (!cert_cb_running_ || cert_cb_dispatched_) return;
  cert_cb_dispatched_ = true;
  Isolate* isolate = env_->isolate();
  Local<Context> context = env_->context();
  HandleScope scope(isolate);
  Local<Object> info = Object::New(isolate);
  const char* servername =
      SSL_get_servername(ssl_, TLSEXT_NAMETYPE_host_name);
  info->Set(context, FIXED_ONE_BYTE_STRING(isolate, "servername"),
            OneByteString(isolate, servername != nullptr ? servername : ""))
      .Check();
  info->Set(context, FIXED_ONE_BYTE_STRING(isolate, "OCSPRequest"),
            v8::Boolean::New(isolate, SSL_get_tlsext_status_type(ssl_) ==
                                          TLSEXT_STATUSTYPE_ocsp))
      .Check();
  Local<Value> arg = info;
  CallJS("oncertcb", 1, &arg);
}

void TLSWrap::EmitData(const char* data, size_t length) {
  if (listener_ != nullptr) {
    bytes_read_ += static_cast<double>(length);
    listener_->OnStreamRead(static_cast<ssize_t>(length), data);
    return;
  }
  Isolate* isolate = env_->isolate();
  HandleScope scope(isolate);
  int32_t* state = LibuvStreamWrap::State(env_);
  bytes_read_ += static_cast<double>(length);
  while (length > 0 && alive()) {
    if (!user_buffer_.IsEmpty()) {
      // The program's buffer (net.Socket's `onread` option).
      Local<v8::Uint8Array> view = user_buffer_.Get(isolate);
      size_t room = view->ByteLength();
      if (room == 0) return;
      size_t n = length < room ? length : room;
      memcpy(static_cast<char*>(view->Buffer()->Data()) + view->ByteOffset(),
             data, n);
      state[kReadBytesOrError] = static_cast<int32_t>(n);
      state[kArrayBufferOffset] = 0;
      Local<Value> arg = v8::Undefined(isolate);
      Local<Value> next;
      if (Call(object(), "onread", 1, &arg).ToLocal(&next) &&
          next->IsUint8Array()) {
        user_buffer_.Reset(isolate, next.As<v8::Uint8Array>());
      }
      data += n;
      length -= n;
      continue;
    }
    Local<ArrayBuffer> ab = ArrayBuffer::New(isolate, length);
    memcpy(ab->Data(), data, length);
    state[kReadBytesOrError] = static_cast<int32_t>(length);
    state[kArrayBufferOffset] = 0;
    Local<Value> arg = ab;
    Call(object(), "onread", 1, &arg);
    return;
  }
}

void TLSWrap::EmitRead(ssize_t nread) {
  if (listener_ != nullptr) {
    listener_->OnStreamRead(nread, nullptr);
    return;
  }
  Isolate* isolate = env_->isolate();
  HandleScope scope(isolate);
  int32_t* state = LibuvStreamWrap::State(env_);
  state[kReadBytesOrError] = static_cast<int32_t>(nread);
  state[kArrayBufferOffset] = 0;
  Local<Value> arg = v8::Undefined(isolate);
  Call(object(), "onread", 1, &arg);
}

void TLSWrap::FeedCiphertext(const char* data, size_t length) {
  if (!alive() || length == 0) return;
  BIO_write(enc_in_, data, static_cast<int>(length));
  Cycle();
}

// --- From the stream underneath -------------------------------------------

void TLSWrap::OnStreamRead(ssize_t nread, const char* data) {
  Isolate* isolate = env_->isolate();
  HandleScope scope(isolate);
  Context::Scope context_scope(env_->context());
  // A handle on the JS object keeps it (and this) alive meanwhile.
  Local<Object> keep_alive = object();
  static_cast<void>(keep_alive);
  Busy busy(this);
  InternalCallbackScope callback_scope(env_);
  // Nothing counts after the peer's close_notify.
  if (eof_) return;
  if (nread < 0) {
    // What was already decrypted comes first.
    ClearOut();
    if (eof_) return;
    if (nread == UV_EOF) eof_ = true;
    EmitRead(nread);
    return;
  }
  FeedCiphertext(data, static_cast<size_t>(nread));
}

void TLSWrap::OnStreamAfterWrite(int status) {
  Isolate* isolate = env_->isolate();
  HandleScope scope(isolate);
  Context::Scope context_scope(env_->context());
  // A handle on the JS object keeps it (and this) alive meanwhile.
  Local<Object> keep_alive = object();
  static_cast<void>(keep_alive);
  Busy busy(this);
  InternalCallbackScope callback_scope(env_);
  write_in_flight_ = false;
  if (!alive()) return;
  if (status != 0) {
    OnTransportWriteError(status);
    return;
  }
  ClearIn();
  EncOut();
}

void TLSWrap::OnStreamAfterShutdown(int status) {
  Isolate* isolate = env_->isolate();
  HandleScope scope(isolate);
  Context::Scope context_scope(env_->context());
  Local<Object> keep_alive = object();
  InternalCallbackScope callback_scope(env_);
  if (!shutdown_requested_) return;
  shutdown_requested_ = false;
  if (raw_shutdown_) {
    raw_shutdown_ = false;
    if (listener_ != nullptr) listener_->OnStreamAfterShutdown(status);
    return;
  }
  Local<Object> req = shutdown_req_.Get(isolate);
  shutdown_req_.Reset();
  Local<Value> argv[3] = {Integer::New(isolate, status), keep_alive,
                          v8::Undefined(isolate)};
  if (status < 0) argv[2] = OneByteString(isolate, uv_err_name(status));
  Call(req, "oncomplete", 3, argv);
}

void TLSWrap::OnStreamDestroyed() {
  transport_ = nullptr;
  write_in_flight_ = false;
  parent_.Reset();
  MakeWeak();
}

// --- OpenSSL callbacks ----------------------------------------------------

void TLSWrap::InfoCallback(const SSL* ssl, int where, int) {
  TLSWrap* w = FromSSL(ssl);
  if (w == nullptr) return;
  if (where & SSL_CB_HANDSHAKE_START) {
    w->events_.push_back({Event::kHandshakeStart, {}, {}});
  }
  // A HelloRequest also shows as start and done: only a real end counts.
  if ((where & SSL_CB_HANDSHAKE_DONE) &&
      !SSL_renegotiate_pending(const_cast<SSL*>(ssl))) {
    w->established_ = true;
    w->events_.push_back({Event::kHandshakeDone, {}, {}});
  }
}

int TLSWrap::NewSessionCallback(SSL* ssl, SSL_SESSION* session) {
  TLSWrap* w = FromSSL(ssl);
  if (w == nullptr || !w->session_callbacks_) return 0;
  int size = i2d_SSL_SESSION(session, nullptr);
  if (size <= 0 || size > 10 * 1024) return 0;
  std::string der(static_cast<size_t>(size), '\0');
  unsigned char* p = reinterpret_cast<unsigned char*>(der.data());
  i2d_SSL_SESSION(session, &p);
  unsigned int id_length = 0;
  const unsigned char* id = SSL_SESSION_get_id(session, &id_length);
  if (w->is_server()) {
    // A server waits for the program's 'newSession' callback.
    w->events_.push_back({Event::kNewSession, Bytes(id, id_length), der});
    w->awaiting_new_session_ = true;
    return 0;
  }
  // A client reports each ticket at once, as Node does: getSession() must
  // still return this session in the 'session' listener (TLS 1.3 servers
  // send two tickets in a row). What was recorded before goes first.
  w->Dispatch();
  if (!w->alive()) return 0;
  Isolate* isolate = w->env_->isolate();
  HandleScope scope(isolate);
  Local<Value> argv[] = {
      crypto::NewBuffer(isolate, id, id_length),
      crypto::NewBuffer(isolate,
                        reinterpret_cast<const unsigned char*>(der.data()),
                        der.size())};
  w->CallJS("onnewsession", 2, argv);
  return 0;
}

SSL_SESSION* TLSWrap::GetSessionCallback(SSL* ssl, const unsigned char*, int,
                                         int* copy) {
  TLSWrap* w = FromSSL(ssl);
  *copy = 0;
  if (w == nullptr) return nullptr;
  SSL_SESSION* session = w->next_session_;
  w->next_session_ = nullptr;
  return session;
}

// Servers with 'resumeSession'/'newSession' listeners show the client's
// hello to JS first: the handshake waits until JS calls endParser().
int TLSWrap::ClientHelloCallback(SSL* ssl, int* alert, void*) {
  TLSWrap* w = FromSSL(ssl);
  if (w == nullptr || !w->is_server() || !w->session_callbacks_ ||
      w->hello_done_) {
    return SSL_CLIENT_HELLO_SUCCESS;
  }
  if (!w->hello_dispatched_) {
    const unsigned char* id = nullptr;
    size_t id_length = SSL_client_hello_get0_session_id(ssl, &id);
    w->hello_session_id_ = Bytes(id, id_length);
    w->hello_servername_.clear();
    const unsigned char* ext = nullptr;
    size_t ext_length = 0;
    // server_name: list length (2), type (1), name length (2), name.
    if (SSL_client_hello_get0_ext(ssl, TLSEXT_TYPE_server_name, &ext,
                                  &ext_length) == 1 &&
        ext_length > 5 && ext[2] == TLSEXT_NAMETYPE_host_name) {
      size_t n = (static_cast<size_t>(ext[3]) << 8) | ext[4];
      if (n <= ext_length - 5) {
        w->hello_servername_ = Bytes(ext + 5, n);
      }
    }
    w->hello_ticket_ =
        SSL_client_hello_get0_ext(ssl, TLSEXT_TYPE_session_ticket, &ext,
                                  &ext_length) == 1 &&
        ext_length > 0;
  }
  *alert = SSL_AD_INTERNAL_ERROR;
  return SSL_CLIENT_HELLO_RETRY;
}

// Servers with an SNICallback or 'OCSPRequest' listeners ask JS before a
// certificate is chosen; the handshake waits until certCbDone().
int TLSWrap::CertCallback(SSL* ssl, void*) {
  TLSWrap* w = FromSSL(ssl);
  if (w == nullptr || !w->is_server() || !w->cert_cb_enabled_) return 1;
  if (w->cert_cb_running_) return -1;
  w->cert_cb_running_ = true;
  w->cert_cb_dispatched_ = false;
  return -1;
}

// A server learns the name the client asked for (before the certificate
// callback): the socket's `servername` is set from it.
int TLSWrap::ServernameCallback(SSL* ssl, int*, void*) {
  TLSWrap* w = FromSSL(ssl);
  const char* name = SSL_get_servername(ssl, TLSEXT_NAMETYPE_host_name);
  if (w != nullptr && name != nullptr) {
    w->events_.push_back({Event::kServername, name, {}});
  }
  return SSL_TLSEXT_ERR_NOACK;
}

int TLSWrap::ALPNSelectCallback(SSL* ssl, const unsigned char** out,
                                unsigned char* outlen,
                                const unsigned char* in, unsigned int inlen,
                                void*) {
  TLSWrap* w = FromSSL(ssl);
  if (w == nullptr || !w->is_server()) return SSL_TLSEXT_ERR_NOACK;
  if (w->alpn_callback_) {
    // The program's ALPNCallback picks one (its offset in `in`).
    Environment* env = w->env_;
    Isolate* isolate = env->isolate();
    HandleScope scope(isolate);
    Local<Value> arg = crypto::NewBuffer(isolate, in, inlen);
    Local<Value> result;
    if (!w->Call(w->object(), "ALPNCallback", 1, &arg).ToLocal(&result) ||
        !result->IsNumber()) {
      return SSL_TLSEXT_ERR_ALERT_FATAL;
    }
    double offset = result.As<v8::Number>()->Value();
    if (!(offset >= 0 && offset < inlen)) return SSL_TLSEXT_ERR_ALERT_FATAL;
    unsigned int at = static_cast<unsigned int>(offset);
    if (at + 1 + in[at] > inlen) return SSL_TLSEXT_ERR_ALERT_FATAL;
    *outlen = in[at];
    *out = in + at + 1;
    return SSL_TLSEXT_ERR_OK;
  }
  if (w->alpn_protos_.empty()) return SSL_TLSEXT_ERR_NOACK;
  int status = SSL_select_next_proto(
      const_cast<unsigned char**>(out), outlen,
      reinterpret_cast<const unsigned char*>(w->alpn_protos_.data()),
      static_cast<unsigned int>(w->alpn_protos_.size()), in, inlen);
  // No common protocol: a fatal no_application_protocol alert (RFC 7301).
  return status == OPENSSL_NPN_NEGOTIATED ? SSL_TLSEXT_ERR_OK
                                          : SSL_TLSEXT_ERR_ALERT_FATAL;
}

int TLSWrap::OCSPStatusCallback(SSL* ssl, void*) {
  TLSWrap* w = FromSSL(ssl);
  if (w == nullptr) return SSL_is_server(ssl) ? SSL_TLSEXT_ERR_NOACK : 1;
  if (!w->is_server()) {
    const unsigned char* resp = nullptr;
    long length = SSL_get_tlsext_status_ocsp_resp(ssl, &resp);
    Event event{Event::kOCSPResponse, {}, {}};
    if (resp != nullptr && length >= 0) {
      event.a = Bytes(resp, static_cast<size_t>(length));
      event.flag = true;
    }
    w->events_.push_back(std::move(event));
    return 1;
  }
  if (!w->has_ocsp_response_) return SSL_TLSEXT_ERR_NOACK;
  size_t length = w->ocsp_response_.size();
  unsigned char* copy = static_cast<unsigned char*>(OPENSSL_malloc(length));
  if (copy == nullptr) return SSL_TLSEXT_ERR_NOACK;
  memcpy(copy, w->ocsp_response_.data(), length);
  if (SSL_set_tlsext_status_ocsp_resp(ssl, copy, length) != 1) {
    OPENSSL_free(copy);
  }
  w->has_ocsp_response_ = false;
  w->ocsp_response_.clear();
  return SSL_TLSEXT_ERR_OK;
}

void TLSWrap::KeylogCallback(const SSL* ssl, const char* line) {
  TLSWrap* w = FromSSL(ssl);
  if (w == nullptr || !w->keylog_) return;
  w->events_.push_back({Event::kKeylog, std::string(line) + "\n", {}});
}

unsigned int TLSWrap::PskServerCallback(SSL* ssl, const char* identity,
                                        unsigned char* psk,
                                        unsigned int max_psk_len) {
  TLSWrap* w = FromSSL(ssl);
  if (w == nullptr) return 0;
  Environment* env = w->env_;
  Isolate* isolate = env->isolate();
  HandleScope scope(isolate);
  Local<String> id;
  if (identity == nullptr ||
      !String::NewFromUtf8(isolate, identity).ToLocal(&id)) {
    return 0;
  }
  // An identity that is not valid UTF-8 matches nothing.
  if (strcmp(Utf8Value(isolate, id).c_str(), identity) != 0) return 0;
  Local<Value> argv[] = {id, Integer::NewFromUnsigned(isolate, max_psk_len)};
  Local<Value> result;
  if (!w->Call(w->object(), "onpskexchange", 2, argv).ToLocal(&result) ||
      !result->IsArrayBufferView()) {
    return 0;
  }
  Local<ArrayBufferView> view = result.As<ArrayBufferView>();
  if (view->ByteLength() > max_psk_len) return 0;
  view->CopyContents(psk, view->ByteLength());
  return static_cast<unsigned int>(view->ByteLength());
}

unsigned int TLSWrap::PskClientCallback(SSL* ssl, const char* hint,
                                        char* identity,
                                        unsigned int max_identity_len,
                                        unsigned char* psk,
                                        unsigned int max_psk_len) {
  TLSWrap* w = FromSSL(ssl);
  if (w == nullptr) return 0;
  Environment* env = w->env_;
  Isolate* isolate = env->isolate();
  Local<Context> context = env->context();
  HandleScope scope(isolate);
  Local<Value> argv[] = {v8::Null(isolate),
                         Integer::NewFromUnsigned(isolate, max_psk_len),
                         Integer::NewFromUnsigned(isolate, max_identity_len)};
  if (hint != nullptr) {
    Local<String> text;
    if (!String::NewFromUtf8(isolate, hint).ToLocal(&text)) return 0;
    argv[0] = text;
  }
  Local<Value> result;
  if (!w->Call(w->object(), "onpskexchange", 3, argv).ToLocal(&result) ||
      !result->IsObject()) {
    return 0;
  }
  Local<Value> key;
  Local<Value> name;
  if (!result.As<Object>()
           ->Get(context, FIXED_ONE_BYTE_STRING(isolate, "psk"))
           .ToLocal(&key) ||
      !key->IsArrayBufferView() ||
      !result.As<Object>()
           ->Get(context, FIXED_ONE_BYTE_STRING(isolate, "identity"))
           .ToLocal(&name) ||
      !name->IsString()) {
    return 0;
  }
  Local<ArrayBufferView> view = key.As<ArrayBufferView>();
  Utf8Value id(isolate, name);
  // OpenSSL wants room for the identity's terminating NUL.
  if (view->ByteLength() > max_psk_len || id.length() >= max_identity_len) {
    return 0;
  }
  memcpy(identity, id.c_str(), id.length() + 1);
  view->CopyContents(psk, view->ByteLength());
  return static_cast<unsigned int>(view->ByteLength());
}

// --- Deferred write completions -------------------------------------------

namespace {

// Writes that were out before DoWrite() returned complete on the next turn
// of the loop, from a check handle (after I/O, like setImmediate()).
class DeferredCompletions : public BindingData {
 public:
  static DeferredCompletions* Get(Environment* env) {
    auto* self =
        env->GetBindingData<DeferredCompletions>("tls_wrap.deferred");
    if (self != nullptr) return self;
    self = env->SetBindingData("tls_wrap.deferred",
                               std::make_unique<DeferredCompletions>());
    Handles* handles = new Handles();
    handles->owner = self;
    handles->env = env;
    self->handles_ = handles;
    uv_check_init(env->loop(), &handles->check);
    uv_idle_init(env->loop(), &handles->idle);
    handles->check.data = handles;
    handles->idle.data = handles;
    uv_unref(reinterpret_cast<uv_handle_t*>(&handles->check));
    uv_check_start(&handles->check, OnCheck);
    env->AddCleanupHook([handles]() {
      if (handles->owner != nullptr) handles->owner->handles_ = nullptr;
      handles->owner = nullptr;
      auto closed = [](uv_handle_t* h) {
        Handles* hs = static_cast<Handles*>(h->data);
        if (--hs->open == 0) delete hs;
      };
      uv_close(reinterpret_cast<uv_handle_t*>(&handles->check), closed);
      uv_close(reinterpret_cast<uv_handle_t*>(&handles->idle), closed);
    });
    return self;
  }

  ~DeferredCompletions() override {
    if (handles_ != nullptr) handles_->owner = nullptr;
  }

  void Push(Isolate* isolate, Local<Object> wrap) {
    if (handles_ == nullptr) return;
    queue_.emplace_back(isolate, wrap);
    // Keeps the loop from blocking in poll until the check ran.
    uv_idle_start(&handles_->idle, [](uv_idle_t*) {});
  }

 private:
  struct Handles {
    uv_check_t check;
    uv_idle_t idle;
    DeferredCompletions* owner = nullptr;
    Environment* env = nullptr;
    int open = 2;
  };

  static void OnCheck(uv_check_t* handle) {
    Handles* handles = static_cast<Handles*>(handle->data);
    DeferredCompletions* self = handles->owner;
    if (self == nullptr || self->queue_.empty()) return;
    uv_idle_stop(&handles->idle);
    Environment* env = handles->env;
    if (!env->can_call_into_js()) return;
    std::vector<Global<Object>> queue = std::move(self->queue_);
    self->queue_.clear();
    Isolate* isolate = env->isolate();
    HandleScope scope(isolate);
    Context::Scope context_scope(env->context());
    InternalCallbackScope callback_scope(env);
    for (Global<Object>& item : queue) {
      Local<Object> object = item.Get(isolate);
      TLSWrap* w = TLSWrap::From(object);
      if (w != nullptr) w->RunDeferredCompletion();
    }
  }

  Handles* handles_ = nullptr;
  std::vector<Global<Object>> queue_;
};

}  // namespace

void TLSWrap::DeferCompletion() {
  DeferredCompletions::Get(env_)->Push(env_->isolate(), object());
}

}  // namespace lode::tls_wrap
