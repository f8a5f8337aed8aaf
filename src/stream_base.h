// LibuvStreamWrap: a HandleWrap over a uv_stream_t (pipe, TCP, TTY) with the
// JS interface lib/ expects of a stream handle, as in Node:
//   readStart() / readStop() -> err
//   onread(arrayBuffer): streamBaseState[kReadBytesOrError] holds the byte
//     count (or a negative errno, UV_EOF at the end; arrayBuffer is then
//     undefined) and streamBaseState[kArrayBufferOffset] the offset.
//   writeBuffer(req, view), writev(req, chunks, allBuffers),
//   write{Utf8,Latin1,Ascii,Ucs2}String(req, string) -> err; afterwards
//     streamBaseState[kBytesWritten] and [kLastWriteWasAsync] are set and,
//     when the write was queued, req.oncomplete(status, handle, error) runs.
//   shutdown(req) -> err, then req.oncomplete(status, handle, error).
//   useUserBuffer(uint8Array): later reads go straight into that buffer and
//     onread gets no ArrayBuffer (net.Socket's `onread` option); a
//     Uint8Array returned by onread becomes the next buffer.
//   On an IPC pipe (Pipe with constants.IPC) writeBuffer and the write*String
//     methods take a stream handle as a third argument, sent along
//     (uv_write2); a handle received with data is put in the pipe's
//     `pendingHandle` property before onread runs.
//   setBlocking(on) -> err (uv_stream_set_blocking, for stdio pipes/TTYs).
//   Getters: fd, bytesRead, bytesWritten, writeQueueSize.
// internalBinding('stream_wrap') exports streamBaseState, its indices,
// WriteWrap, ShutdownWrap and LibuvStreamWrap.
#ifndef SRC_STREAM_BASE_H_
#define SRC_STREAM_BASE_H_

#include <string>

#include "handle_wrap.h"
#include "uv.h"
#include "v8.h"

namespace lode {

// How a stream handle's write*String methods and writev's string chunks
// turn JS strings into bytes (stream_wrap.cc); TLSWrap's methods use the
// same rules.
namespace stream_strings {
enum Encoding : int { kUtf8 = 0, kLatin1, kAscii, kUcs2 };
// Appends `value`, made a string, in `encoding`; false when ToString threw.
bool AppendString(v8::Isolate* isolate, v8::Local<v8::Value> value,
                  int encoding, std::string* out);
// Appends the bytes of an ArrayBufferView.
void AppendView(v8::Local<v8::Value> value, std::string* out);
// The encoding a chunk's encoding name stands for (UTF-8 when unknown).
int EncodingOf(v8::Isolate* isolate, v8::Local<v8::Value> value);
}  // namespace stream_strings

enum StreamBaseStateField {
  kReadBytesOrError = 0,
  kArrayBufferOffset,
  kBytesWritten,
  kLastWriteWasAsync,
  kStreamBaseStateFields
};

// A C++ consumer that takes a stream handle's reads for itself and writes
// raw bytes to it: TLSWrap puts TLS on a TCP or pipe handle, or on a
// JSStream, this way. While a listener is attached, the handle's reads go
// to it instead of to JS `onread`.
class StreamListener {
 public:
  virtual ~StreamListener() = default;
  // nread > 0 bytes at `data` (valid for the call only), or a negative
  // errno (UV_EOF at the end).
  virtual void OnStreamRead(ssize_t nread, const char* data) = 0;
  // A TransportWrite() that reported `*async` finished.
  virtual void OnStreamAfterWrite(int status) = 0;
  // A TransportShutdown() finished.
  virtual void OnStreamAfterShutdown(int status) = 0;
  // The stream's C++ object is going away: no call follows this one.
  virtual void OnStreamDestroyed() = 0;
};

// The side of a stream handle a listener drives.
class StreamTransport {
 public:
  virtual ~StreamTransport() = default;
  StreamListener* listener() const { return listener_; }
  void set_listener(StreamListener* listener) { listener_ = listener; }

  virtual int TransportReadStart() = 0;
  virtual int TransportReadStop() = 0;
  // Writes `data`. A negative errno, or 0 with `*async` telling whether
  // OnStreamAfterWrite() will follow (false: all of it is written).
  virtual int TransportWrite(std::string data, bool* async) = 0;
  // Ends the writing side once queued writes are out; 0 means
  // OnStreamAfterShutdown() will follow.
  virtual int TransportShutdown() = 0;
  virtual bool TransportIsAlive() const = 0;
  virtual int TransportFd() const { return -1; }

 protected:
  // Called by the stream on its way out.
  void NotifyDestroyed() {
    StreamListener* listener = listener_;
    listener_ = nullptr;
    if (listener != nullptr) listener->OnStreamDestroyed();
  }

  StreamListener* listener_ = nullptr;
};

// The transport behind a stream handle object (a live Pipe, TCP or TTY
// handle, a JSStream or a TLSWrap), or nullptr for anything else.
StreamTransport* TransportFromObject(v8::Local<v8::Object> object);
// The JSStream and TLSWrap parts of it (js_stream.cc, tls_wrap.cc).
StreamTransport* JSStreamTransportFromObject(v8::Local<v8::Object> object);
StreamTransport* TLSWrapTransportFromObject(v8::Local<v8::Object> object);

class LibuvStreamWrap : public HandleWrap, public StreamTransport {
 public:
  static const WrapType kType;

  LibuvStreamWrap(Environment* env, v8::Local<v8::Object> object,
                  uv_stream_t* stream, const WrapType* type = &kType);

  ~LibuvStreamWrap() override;

  uv_stream_t* stream() const { return stream_; }

  // StreamTransport
  int TransportReadStart() override;
  int TransportReadStop() override;
  int TransportWrite(std::string data, bool* async) override;
  int TransportShutdown() override;
  bool TransportIsAlive() const override;
  int TransportFd() const override;

  // A connect in flight ('ConnectWrap' in process.getActiveResourcesInfo()),
  // shared by TCP and pipes: give &req->uv to libuv with AfterConnect, which
  // calls the JS request's oncomplete(status, handle, req, readable,
  // writable) and frees it.
  struct ConnectReq : public ActiveRequest {
    ConnectReq(LibuvStreamWrap* w, v8::Local<v8::Object> req_object);
    v8::Local<v8::Object> request_object() const override;
    LibuvStreamWrap* wrap;
    v8::Global<v8::Object> req;
    uv_connect_t uv;
  };
  static void AfterConnect(uv_connect_t* uv_req, int status);

  // A listening TCP or pipe server got a connection: makes the client with
  // internalBinding(binding)[constructor] (looked up now, so a program may
  // have replaced it: only a `client_type` wrap is accepted into), accepts,
  // and calls the server's onconnection(status, client).
  static void AcceptConnection(uv_stream_t* server, int status,
                               const char* binding, const char* constructor,
                               const WrapType* client_type);

  // Adds the stream methods and getters above to a handle class.
  static void AddMethods(Environment* env, v8::Local<v8::FunctionTemplate> t);
  static void RegisterExternalReferences(class ExternalReferenceRegistry* r);

  // The shared Int32Array of the fields above, created on first use.
  static int32_t* State(Environment* env);
  static v8::Local<v8::Int32Array> StateArray(Environment* env);

 private:
  static void ReadStart(const v8::FunctionCallbackInfo<v8::Value>& args);
  static void ReadStop(const v8::FunctionCallbackInfo<v8::Value>& args);
  static void WriteBuffer(const v8::FunctionCallbackInfo<v8::Value>& args);
  static void Writev(const v8::FunctionCallbackInfo<v8::Value>& args);
  template <int kEncoding>
  static void WriteString(const v8::FunctionCallbackInfo<v8::Value>& args);
  static void Shutdown(const v8::FunctionCallbackInfo<v8::Value>& args);
  static void SetBlocking(const v8::FunctionCallbackInfo<v8::Value>& args);
  static void UseUserBuffer(const v8::FunctionCallbackInfo<v8::Value>& args);
  static void GetFd(const v8::FunctionCallbackInfo<v8::Value>& args);
  static void GetBytesRead(const v8::FunctionCallbackInfo<v8::Value>& args);
  static void GetBytesWritten(const v8::FunctionCallbackInfo<v8::Value>& args);
  static void GetWriteQueueSize(
      const v8::FunctionCallbackInfo<v8::Value>& args);

  static void OnAlloc(uv_handle_t* handle, size_t suggested, uv_buf_t* buf);
  static void OnRead(uv_stream_t* stream, ssize_t nread, const uv_buf_t* buf);

  // `send_handle`, when a stream handle object and this is an IPC pipe, is
  // passed to the other end with the data (uv_write2).
  int DoWrite(v8::Local<v8::Object> req, std::string data,
              v8::Local<v8::Value> send_handle);
  bool IsIPC() const;
  void AcceptPendingHandle();

  uv_stream_t* stream_;
  double bytes_read_ = 0;
  double bytes_written_ = 0;
  v8::Global<v8::Uint8Array> user_buffer_;
};

// The uv_stream_t of a stream handle object (Pipe, TCP, TTY), or nullptr
// for any other object.
uv_stream_t* StreamFromObject(v8::Local<v8::Object> object);

// The constructor `name` of internalBinding(binding), for handles C++
// creates itself (accepted connections). Looked up through the
// environment's internalBinding() on first use and kept in the
// environment, so it works whether the binding was loaded at run time or
// came from the startup snapshot.
v8::MaybeLocal<v8::Function> BindingConstructor(Environment* env,
                                                const char* binding,
                                                const char* name);

}  // namespace lode

#endif  // SRC_STREAM_BASE_H_
