// internalBinding('http2'): an nghttp2 session that JS drives.
//
// The session never touches a socket. lib/internal/http2/core.js reads the
// socket and hands the bytes to receive(), then takes what nghttp2 wants to
// write with send() and writes it to the socket itself. nghttp2's callbacks
// only record events in C++; JS takes them with takeEvents() once nghttp2
// returned, so no JS runs while nghttp2 is in the middle of a frame.
//
//   new Http2Session(type, peerMaxConcurrentStreams,
//                    maxReservedRemoteStreams, maxHeaderListSize,
//                    strictFieldWhitespaceValidation, maxSettings,
//                    maxSendHeaderBlockLength, maxHeaderListPairs,
//                    paddingStrategy)
//       type 0 server, 1 client; whitespace validation is on unless that
//       argument is false; maxSettings and maxSendHeaderBlockLength are
//       nghttp2's defaults when 0 or missing. A received header block
//       over maxHeaderListSize bytes or maxHeaderListPairs fields gets its
//       stream reset with ENHANCE_YOUR_CALM, as in Node.
//   receive(view)          -> bytes taken, or a negative nghttp2 error
//   send()                 -> Uint8Array of bytes to write, undefined when
//                             there are none, or a negative nghttp2 error
//   takeEvents()           -> [[type, streamId, a, b, payload, sensitive],
//                              ...] or undefined; see EventType
//   submitSettings([id, value, ...])
//   request(headers, options)                -> stream id or error
//   writeData(id, view | undefined, end)     queue body bytes of a stream;
//                                            -> bytes queued for it
//   queuedBytes(id)      -> bytes nghttp2 has not taken yet, or -1
//   submitPing(view | undefined),
//   submitGoaway(code, lastStreamId | -1, view | undefined)
//   submitAltsvc(streamId | 0, origin, fieldValue), submitOrigin([origin,
//       ...])            Latin-1 strings; -> 0 or an nghttp2 error
//   getSettings(remote) -> [headerTableSize, enablePush,
//       maxConcurrentStreams, initialWindowSize, maxFrameSize,
//       maxHeaderListSize, enableConnectProtocol]
//   getState()           -> session state numbers (see GetState)
//   getStreamState(id)   -> stream state numbers (see GetStreamState)
//   setLocalWindowSize(n), wantRead(), wantWrite(), destroy()
//   setNextStreamID(id)  -> 0, or an nghttp2 error when id is unusable
//   on the binding: nghttp2ErrorString(code), constants (which is
//   http2.constants; see lode_http2_constants.h), and Http2Stream, a
//   handle for the calls on one stream (see StreamHandle below)
// headers are flat arrays [name, value, flags, ...], Latin-1 strings, flags
// nghttp2's NV flags (1: never index). options: bit 1 ends the stream with
// the headers, bit 2 waits for trailers (a kWantTrailers event comes when
// the body is done, and the stream's trailers() ends it).
#include <nghttp2/nghttp2.h>

#include <algorithm>
#include <cstring>
#include <deque>
#include <iterator>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "env.h"
#include "lode_binding.h"
#include "lode_errors.h"
#include "lode_http2_constants.h"
#include "util.h"

namespace lode::http2 {

using v8::Array;
using v8::ArrayBuffer;
using v8::ArrayBufferView;
using v8::Boolean;
using v8::Context;
using v8::Exception;
using v8::FunctionCallbackInfo;
using v8::FunctionTemplate;
using v8::Global;
using v8::Integer;
using v8::Isolate;
using v8::Local;
using v8::MaybeLocal;
using v8::Number;
using v8::Object;
using v8::String;
using v8::Uint8Array;
using v8::Value;

namespace {

enum EventType : int32_t {
  // streamId, a: headers category, b: frame flags, payload: headers
  kHeaders = 1,
  // streamId: the parent, a: the promised stream, b: flags, payload: headers
  kPushPromise = 2,
  // streamId, payload: the bytes
  kData = 3,
  // streamId: a DATA frame with END_STREAM arrived
  kDataEnd = 4,
  // streamId, a: the error code
  kStreamClose = 5,
  // streamId, a: the error code of a received RST_STREAM
  kRstStream = 6,
  // a: 1 for an ACK; not an ACK: payload: the values of kReportedSettings
  // after the frame (32 bits each), then the frame's entries (16-bit id,
  // 32-bit value), all big-endian
  kSettings = 7,
  // a: 1 for an ACK, payload: the 8 bytes
  kPing = 8,
  // a: error code, b: last stream id, payload: opaque data
  kGoaway = 9,
  // streamId, a: frame type, b: nghttp2 error (a frame nghttp2 dropped)
  kFrameError = 10,
  // streamId: the body is done, the stream's trailers() is expected
  kWantTrailers = 11,
  // streamId, a: frame type, b: frame flags (a frame went out)
  kFrameSent = 12,
  // streamId, a: frame type, b: nghttp2 error (an invalid frame came; 0
  // for an empty DATA frame that does not end its stream)
  kInvalidFrame = 13,
  // a: the nghttp2 error that ends the session (a peer that does not speak
  // HTTP/2: its first frame is not SETTINGS)
  kSessionError = 14,
  // streamId, payload: [field value, origin] (an ALTSVC frame came)
  kAltsvc = 15,
  // payload: the origins of an ORIGIN frame
  kOrigin = 16,
};

// The settings getSettings() and a SETTINGS event report, in this order.
constexpr nghttp2_settings_id kReportedSettings[] = {
    NGHTTP2_SETTINGS_HEADER_TABLE_SIZE,
    NGHTTP2_SETTINGS_ENABLE_PUSH,
    NGHTTP2_SETTINGS_MAX_CONCURRENT_STREAMS,
    NGHTTP2_SETTINGS_INITIAL_WINDOW_SIZE,
    NGHTTP2_SETTINGS_MAX_FRAME_SIZE,
    NGHTTP2_SETTINGS_MAX_HEADER_LIST_SIZE,
    NGHTTP2_SETTINGS_ENABLE_CONNECT_PROTOCOL,
};

void AppendUint16(std::string* out, uint16_t value) {
  out->push_back(static_cast<char>(value >> 8));
  out->push_back(static_cast<char>(value & 0xff));
}

void AppendUint32(std::string* out, uint32_t value) {
  AppendUint16(out, static_cast<uint16_t>(value >> 16));
  AppendUint16(out, static_cast<uint16_t>(value & 0xffff));
}

// http2.constants.PADDING_STRATEGY_* (CALLBACK is ALIGNED, as in Node).
constexpr uint32_t kPaddingAligned = 1;
constexpr uint32_t kPaddingMax = 2;

constexpr int32_t kOptionEndStream = 1;
constexpr int32_t kOptionWantTrailers = 2;

const WrapType kSessionType = {"Http2Session", nullptr};

struct Event {
  int32_t type;
  int32_t stream_id;
  int32_t a = 0;
  int32_t b = 0;
  bool has_payload = false;
  std::string payload;
  std::vector<std::string> headers;  // name, value, name, value, ...
  std::vector<std::string> sensitive;
  bool has_headers = false;
};

struct HeaderBlock {
  std::vector<std::string> nv;
  std::vector<std::string> sensitive;
  size_t size = 0;
  bool too_large = false;
};

struct Outgoing {
  std::deque<std::string> chunks;
  size_t offset = 0;  // into chunks.front()
  size_t queued = 0;  // bytes not yet taken by nghttp2
  bool ended = false;
  bool want_trailers = false;
};

// A Latin-1 string argument as its bytes; false when it is no string.
bool OneByteArg(Isolate* isolate, Local<Value> value, std::string* out) {
  if (!value->IsString()) return false;
  Local<String> string = value.As<String>();
  out->resize(string->Length());
  string->WriteOneByte(isolate, reinterpret_cast<uint8_t*>(out->data()), 0,
                       string->Length(), String::NO_NULL_TERMINATION);
  return true;
}

// Headers as nghttp2 wants them, backed by strings this object owns.
class HeaderList {
 public:
  // False (with an exception pending) when `value` is not a valid list.
  bool Parse(Isolate* isolate, Local<Value> value) {
    if (!value->IsArray()) {
      THROW_ERR_INVALID_ARG_TYPE(isolate,
                                 "The \"headers\" argument must be an array");
      return false;
    }
    Local<Array> array = value.As<Array>();
    Local<Context> context = isolate->GetCurrentContext();
    uint32_t length = array->Length();
    if (length % 3 != 0) {
      THROW_ERR_INVALID_ARG_VALUE(isolate, "Invalid header list");
      return false;
    }
    strings_.reserve(length / 3 * 2);
    flags_.reserve(length / 3);
    for (uint32_t i = 0; i < length; i += 3) {
      for (uint32_t j = 0; j < 2; j++) {
        Local<Value> item;
        if (!array->Get(context, i + j).ToLocal(&item)) return false;
        std::string bytes;
        if (!OneByteArg(isolate, item, &bytes)) {
          THROW_ERR_INVALID_ARG_VALUE(isolate, "Invalid header list");
          return false;
        }
        strings_.push_back(std::move(bytes));
      }
      Local<Value> flag;
      if (!array->Get(context, i + 2).ToLocal(&flag)) return false;
      uint8_t f = NGHTTP2_NV_FLAG_NONE;
      if (flag->IsInt32() && (flag.As<Integer>()->Value() & 1)) {
        f = NGHTTP2_NV_FLAG_NO_INDEX;
      }
      flags_.push_back(f);
    }
    nva_.resize(flags_.size());
    for (size_t i = 0; i < flags_.size(); i++) {
      nghttp2_nv& nv = nva_[i];
      nv.name = reinterpret_cast<uint8_t*>(strings_[i * 2].data());
      nv.namelen = strings_[i * 2].size();
      nv.value = reinterpret_cast<uint8_t*>(strings_[i * 2 + 1].data());
      nv.valuelen = strings_[i * 2 + 1].size();
      nv.flags = flags_[i];
    }
    return true;
  }
  const nghttp2_nv* data() const { return nva_.data(); }
  size_t size() const { return nva_.size(); }

 private:
  std::vector<std::string> strings_;
  std::vector<uint8_t> flags_;
  std::vector<nghttp2_nv> nva_;
};

// The bytes of an ArrayBufferView argument; false when it is not one.
bool ViewBytes(Local<Value> value, std::string* out) {
  if (!value->IsArrayBufferView()) return false;
  Local<ArrayBufferView> view = value.As<ArrayBufferView>();
  size_t length = view->ByteLength();
  out->resize(length);
  if (length > 0) view->CopyContents(out->data(), length);
  return true;
}

Local<Value> NewBytes(Isolate* isolate, const char* data, size_t length) {
  Local<ArrayBuffer> ab = ArrayBuffer::New(isolate, length);
  if (length > 0) memcpy(ab->Data(), data, length);
  return Uint8Array::New(ab, 0, length);
}

MaybeLocal<String> Latin1(Isolate* isolate, const std::string& s) {
  return String::NewFromOneByte(isolate,
                                reinterpret_cast<const uint8_t*>(s.data()),
                                v8::NewStringType::kNormal,
                                static_cast<int>(s.size()));
}

class Session {
 public:
  Session(Environment* env, Local<Object> object, bool client,
          uint32_t peer_max_concurrent, uint32_t max_reserved,
          uint32_t max_header_list, bool strict_ws, uint32_t max_settings,
          uint32_t max_send_header_block, uint32_t max_header_pairs,
          uint32_t padding)
      : env_(env),
        client_(client),
        padding_(padding),
        max_header_list_(max_header_list),
        max_header_pairs_(max_header_pairs) {
    object_.Reset(env->isolate(), object);
    object_.SetWeak(this, OnGC, v8::WeakCallbackType::kParameter);
    SetWrapped(object, this, &kSessionType);

    nghttp2_session_callbacks* cb;
    nghttp2_session_callbacks_new(&cb);
    nghttp2_session_callbacks_set_on_begin_headers_callback(cb,
                                                            OnBeginHeaders);
    nghttp2_session_callbacks_set_on_header_callback(cb, OnHeader);
    nghttp2_session_callbacks_set_on_frame_recv_callback(cb, OnFrameRecv);
    nghttp2_session_callbacks_set_on_data_chunk_recv_callback(cb,
                                                              OnDataChunk);
    nghttp2_session_callbacks_set_on_stream_close_callback(cb,
                                                           OnStreamClose);
    nghttp2_session_callbacks_set_on_frame_not_send_callback(cb,
                                                             OnFrameNotSend);
    nghttp2_session_callbacks_set_on_frame_send_callback(cb, OnFrameSend);
    nghttp2_session_callbacks_set_on_invalid_frame_recv_callback(
        cb, OnInvalidFrame);
    nghttp2_session_callbacks_set_on_invalid_header_callback2(
        cb, OnInvalidHeader);
    nghttp2_session_callbacks_set_error_callback2(cb, OnError);
    if (padding_ == kPaddingAligned || padding_ == kPaddingMax) {
      nghttp2_session_callbacks_set_select_padding_callback(cb,
                                                            SelectPadding);
    }
    nghttp2_option* opt;
    nghttp2_option_new(&opt);
    // Leading/trailing whitespace in field values is refused (RFC 9113
    // 8.2.1) unless strictFieldWhitespaceValidation is false.
    if (!strict_ws) {
      nghttp2_option_set_no_rfc9113_leading_and_trailing_ws_validation(opt, 1);
    }
    nghttp2_option_set_peer_max_concurrent_streams(opt, peer_max_concurrent);
    // ALTSVC and ORIGIN frames (RFC 7838, RFC 8336) reach OnFrameRecv.
    nghttp2_option_set_builtin_recv_extension_type(opt, NGHTTP2_ALTSVC);
    nghttp2_option_set_builtin_recv_extension_type(opt, NGHTTP2_ORIGIN);
    nghttp2_option_set_max_reserved_remote_streams(opt, max_reserved);
    if (max_settings > 0) nghttp2_option_set_max_settings(opt, max_settings);
    if (max_send_header_block > 0) {
      nghttp2_option_set_max_send_header_block_length(opt,
                                                      max_send_header_block);
    }
    int rv = client ? nghttp2_session_client_new2(&session_, cb, this, opt)
                    : nghttp2_session_server_new2(&session_, cb, this, opt);
    if (rv != 0) session_ = nullptr;
    nghttp2_option_del(opt);
    nghttp2_session_callbacks_del(cb);
  }

  ~Session() {
    if (session_ != nullptr) nghttp2_session_del(session_);
  }
  LODE_DISALLOW_COPY(Session);

  bool alive() const { return session_ != nullptr; }

  static Session* From(Local<Value> value) {
    return static_cast<Session*>(GetWrapped(value, &kSessionType));
  }

  static void New(const FunctionCallbackInfo<Value>& args);
  static void Receive(const FunctionCallbackInfo<Value>& args);
  static void Send(const FunctionCallbackInfo<Value>& args);
  static void TakeEvents(const FunctionCallbackInfo<Value>& args);
  static void SubmitSettings(const FunctionCallbackInfo<Value>& args);
  static void SubmitRequest(const FunctionCallbackInfo<Value>& args);
  static void WriteData(const FunctionCallbackInfo<Value>& args);
  static void QueuedBytes(const FunctionCallbackInfo<Value>& args);
  static void Respond(Session* self, int32_t id,
                      const FunctionCallbackInfo<Value>& args);
  static void Info(Session* self, int32_t id,
                   const FunctionCallbackInfo<Value>& args);
  static void PushPromise(Session* self, int32_t id,
                          const FunctionCallbackInfo<Value>& args);
  static void Trailers(Session* self, int32_t id,
                       const FunctionCallbackInfo<Value>& args);
  static void RstStream(Session* self, int32_t id,
                        const FunctionCallbackInfo<Value>& args);
  static void SubmitPing(const FunctionCallbackInfo<Value>& args);
  static void SubmitGoaway(const FunctionCallbackInfo<Value>& args);
  static void SubmitAltsvc(const FunctionCallbackInfo<Value>& args);
  static void SubmitOrigin(const FunctionCallbackInfo<Value>& args);
  static void GetSettings(const FunctionCallbackInfo<Value>& args);
  static void GetState(const FunctionCallbackInfo<Value>& args);
  static void GetStreamState(const FunctionCallbackInfo<Value>& args);
  static void SetLocalWindowSize(const FunctionCallbackInfo<Value>& args);
  static void SetNextStreamID(const FunctionCallbackInfo<Value>& args);
  static void WantRead(const FunctionCallbackInfo<Value>& args);
  static void WantWrite(const FunctionCallbackInfo<Value>& args);
  static void Destroy(const FunctionCallbackInfo<Value>& args);

 private:
  static void OnGC(const v8::WeakCallbackInfo<Session>& info) {
    delete info.GetParameter();
  }
  static Session* Self(void* user_data) {
    return static_cast<Session*>(user_data);
  }

  Event& Push(int32_t type, int32_t stream_id, int32_t a = 0, int32_t b = 0) {
    events_.push_back(Event{type, stream_id, a, b});
    return events_.back();
  }

  static int32_t HeadersStream(const nghttp2_frame* frame) {
    return frame->hd.type == NGHTTP2_PUSH_PROMISE
               ? frame->push_promise.promised_stream_id
               : frame->hd.stream_id;
  }

  static int OnBeginHeaders(nghttp2_session*, const nghttp2_frame* frame,
                            void* user_data) {
    Self(user_data)->blocks_[HeadersStream(frame)] = HeaderBlock();
    return 0;
  }

  static int OnHeader(nghttp2_session*, const nghttp2_frame* frame,
                      const uint8_t* name, size_t namelen,
                      const uint8_t* value, size_t valuelen, uint8_t flags,
                      void* user_data) {
    Session* self = Self(user_data);
    HeaderBlock& block = self->blocks_[HeadersStream(frame)];
    // Counted as SETTINGS_MAX_HEADER_LIST_SIZE counts: 32 bytes a field.
    block.size += namelen + valuelen + 32;
    if (block.size > self->max_header_list_ ||
        block.nv.size() / 2 >= self->max_header_pairs_) {
      // nghttp2 resets the stream with INTERNAL_ERROR after this failure;
      // the RST_STREAM queued first is the one the peer gets.
      if (!block.too_large) {
        nghttp2_submit_rst_stream(self->session_, NGHTTP2_FLAG_NONE,
                                  HeadersStream(frame),
                                  NGHTTP2_ENHANCE_YOUR_CALM);
      }
      block.too_large = true;
      return NGHTTP2_ERR_TEMPORAL_CALLBACK_FAILURE;
    }
    block.nv.emplace_back(reinterpret_cast<const char*>(name), namelen);
    block.nv.emplace_back(reinterpret_cast<const char*>(value), valuelen);
    if (flags & NGHTTP2_NV_FLAG_NO_INDEX) {
      block.sensitive.emplace_back(reinterpret_cast<const char*>(name),
                                   namelen);
    }
    return 0;
  }

  void TakeBlock(Event* event, int32_t stream_id) {
    auto it = blocks_.find(stream_id);
    event->has_headers = true;
    if (it == blocks_.end()) return;
    event->headers = std::move(it->second.nv);
    event->sensitive = std::move(it->second.sensitive);
    blocks_.erase(it);
  }

  static int OnFrameRecv(nghttp2_session* session, const nghttp2_frame* frame,
                         void* user_data) {
    Session* self = Self(user_data);
    int32_t id = frame->hd.stream_id;
    switch (frame->hd.type) {
      case NGHTTP2_HEADERS: {
        Event& e = self->Push(kHeaders, id, frame->headers.cat,
                              frame->hd.flags);
        self->TakeBlock(&e, id);
        break;
      }
      case NGHTTP2_PUSH_PROMISE: {
        int32_t promised = frame->push_promise.promised_stream_id;
        Event& e = self->Push(kPushPromise, id, promised, frame->hd.flags);
        self->TakeBlock(&e, promised);
        break;
      }
      case NGHTTP2_DATA:
        if (frame->hd.flags & NGHTTP2_FLAG_END_STREAM) {
          self->Push(kDataEnd, id);
        } else if (frame->hd.length == 0) {
          // An empty DATA frame that does not end its stream does nothing
          // but cost: as in Node, it counts as an invalid frame (a flood
          // of them ends the session).
          self->Push(kInvalidFrame, id, NGHTTP2_DATA, 0);
        }
        break;
      case NGHTTP2_RST_STREAM:
        self->Push(kRstStream, id,
                   static_cast<int32_t>(frame->rst_stream.error_code));
        break;
      case NGHTTP2_SETTINGS: {
        bool ack = (frame->hd.flags & NGHTTP2_FLAG_ACK) != 0;
        Event& e = self->Push(kSettings, 0, ack ? 1 : 0);
        if (!ack) {
          // The peer's settings as this frame left them (nghttp2 has
          // applied it), then the frame's own entries: 'remoteSettings'
          // reports this frame's state even when the same chunk held later
          // SETTINGS frames, and custom settings reach JS at all.
          e.has_payload = true;
          for (nghttp2_settings_id id : kReportedSettings) {
            AppendUint32(&e.payload,
                         nghttp2_session_get_remote_settings(session, id));
          }
          for (size_t i = 0; i < frame->settings.niv; i++) {
            const nghttp2_settings_entry& entry = frame->settings.iv[i];
            AppendUint16(&e.payload, static_cast<uint16_t>(entry.settings_id));
            AppendUint32(&e.payload, entry.value);
          }
        }
        break;
      }
      case NGHTTP2_PING: {
        Event& e =
            self->Push(kPing, 0, (frame->hd.flags & NGHTTP2_FLAG_ACK) ? 1 : 0);
        e.has_payload = true;
        e.payload.assign(reinterpret_cast<const char*>(frame->ping.opaque_data),
                         8);
        break;
      }
      case NGHTTP2_ALTSVC: {
        const auto* altsvc =
            static_cast<const nghttp2_ext_altsvc*>(frame->ext.payload);
        Event& e = self->Push(kAltsvc, id);
        e.has_headers = true;
        e.headers.emplace_back(
            reinterpret_cast<const char*>(altsvc->field_value),
            altsvc->field_value_len);
        e.headers.emplace_back(reinterpret_cast<const char*>(altsvc->origin),
                               altsvc->origin_len);
        break;
      }
      case NGHTTP2_ORIGIN: {
        const auto* origin =
            static_cast<const nghttp2_ext_origin*>(frame->ext.payload);
        Event& e = self->Push(kOrigin, 0);
        e.has_headers = true;
        for (size_t i = 0; i < origin->nov; i++) {
          e.headers.emplace_back(
              reinterpret_cast<const char*>(origin->ov[i].origin),
              origin->ov[i].origin_len);
        }
        break;
      }
      case NGHTTP2_GOAWAY: {
        Event& e = self->Push(kGoaway, 0,
                              static_cast<int32_t>(frame->goaway.error_code),
                              frame->goaway.last_stream_id);
        if (frame->goaway.opaque_data_len > 0) {
          e.has_payload = true;
          e.payload.assign(
              reinterpret_cast<const char*>(frame->goaway.opaque_data),
              frame->goaway.opaque_data_len);
        }
        break;
      }
      default:
        break;
    }
    return 0;
  }

  static int OnDataChunk(nghttp2_session*, uint8_t, int32_t stream_id,
                         const uint8_t* data, size_t len, void* user_data) {
    Session* self = Self(user_data);
    Event& e = self->Push(kData, stream_id);
    e.has_payload = true;
    e.payload.assign(reinterpret_cast<const char*>(data), len);
    return 0;
  }

  static int OnStreamClose(nghttp2_session*, int32_t stream_id,
                           uint32_t error_code, void* user_data) {
    Session* self = Self(user_data);
    self->outgoing_.erase(stream_id);
    self->blocks_.erase(stream_id);
    self->Push(kStreamClose, stream_id, static_cast<int32_t>(error_code));
    return 0;
  }

  static int OnFrameNotSend(nghttp2_session*, const nghttp2_frame* frame,
                            int lib_error_code, void* user_data) {
    // Frames dropped because their session or stream is closing are not
    // errors to report, as in Node.
    if (lib_error_code == NGHTTP2_ERR_SESSION_CLOSING ||
        lib_error_code == NGHTTP2_ERR_STREAM_CLOSED ||
        lib_error_code == NGHTTP2_ERR_STREAM_CLOSING) {
      return 0;
    }
    Self(user_data)->Push(kFrameError, frame->hd.stream_id, frame->hd.type,
                          lib_error_code);
    return 0;
  }

  static int OnFrameSend(nghttp2_session*, const nghttp2_frame* frame,
                         void* user_data) {
    if (frame->hd.type == NGHTTP2_DATA) return 0;
    Self(user_data)->Push(kFrameSent, frame->hd.stream_id, frame->hd.type,
                          frame->hd.flags);
    return 0;
  }

  // nghttp2 tells of a peer that answered with something other than
  // HTTP/2 only through this callback (it then sends GOAWAY and stops): as
  // in Node, the session ends with a protocol error.
  static int OnError(nghttp2_session*, int lib_error_code, const char*,
                     size_t, void* user_data) {
    if (lib_error_code == NGHTTP2_ERR_SETTINGS_EXPECTED) {
      Self(user_data)->Push(kSessionError, 0, NGHTTP2_ERR_PROTO);
    }
    return 0;
  }

  // options.paddingStrategy: the payload length nghttp2 pads a HEADERS or
  // DATA frame to (max_payload is as far as it may go).
  static ssize_t SelectPadding(nghttp2_session*, const nghttp2_frame* frame,
                               size_t max_payload, void* user_data) {
    size_t length = frame->hd.length;
    if (Self(user_data)->padding_ == kPaddingMax) return max_payload;
    // Aligned: the whole frame, its 9-byte header included, a multiple of
    // 8 bytes, where the room allows it.
    size_t rest = (length + 9) % 8;
    if (rest == 0) return static_cast<ssize_t>(length);
    return static_cast<ssize_t>(std::min(max_payload, length + 8 - rest));
  }

  static int OnInvalidFrame(nghttp2_session*, const nghttp2_frame* frame,
                            int lib_error_code, void* user_data) {
    Self(user_data)->Push(kInvalidFrame, frame->hd.stream_id, frame->hd.type,
                          lib_error_code);
    return 0;
  }

  // A received field nghttp2 finds malformed (bad characters, stray
  // whitespace) is dropped; the stream goes on, as in Node.
  static int OnInvalidHeader(nghttp2_session*, const nghttp2_frame*,
                             nghttp2_rcbuf*, nghttp2_rcbuf*, uint8_t, void*) {
    return 0;
  }

  static ssize_t ReadData(nghttp2_session*, int32_t stream_id, uint8_t* buf,
                          size_t length, uint32_t* data_flags,
                          nghttp2_data_source*, void* user_data) {
    Session* self = Self(user_data);
    auto it = self->outgoing_.find(stream_id);
    if (it == self->outgoing_.end()) {
      *data_flags |= NGHTTP2_DATA_FLAG_EOF;
      return 0;
    }
    Outgoing& out = it->second;
    size_t copied = 0;
    while (copied < length && !out.chunks.empty()) {
      std::string& front = out.chunks.front();
      size_t n = std::min(length - copied, front.size() - out.offset);
      memcpy(buf + copied, front.data() + out.offset, n);
      copied += n;
      out.offset += n;
      out.queued -= n;
      if (out.offset == front.size()) {
        out.chunks.pop_front();
        out.offset = 0;
      }
    }
    if (out.chunks.empty() && out.ended) {
      *data_flags |= NGHTTP2_DATA_FLAG_EOF;
      if (out.want_trailers) {
        *data_flags |= NGHTTP2_DATA_FLAG_NO_END_STREAM;
        out.want_trailers = false;
        self->Push(kWantTrailers, stream_id);
      }
      return static_cast<ssize_t>(copied);
    }
    if (copied == 0) return NGHTTP2_ERR_DEFERRED;
    return static_cast<ssize_t>(copied);
  }

  // Registers the body of `stream_id` and fills `provider`; nullptr when
  // the headers end the stream.
  nghttp2_data_provider* Provider(int32_t options,
                                  nghttp2_data_provider* provider) {
    // As in Node, a stream that ends with its headers ends there: no body,
    // and so no trailers either, even when they were asked for.
    if (options & kOptionEndStream) return nullptr;
    provider->source.ptr = nullptr;
    provider->read_callback = ReadData;
    return provider;
  }

  void AddOutgoing(int32_t stream_id, int32_t options) {
    Outgoing& out = outgoing_[stream_id];
    out.ended = (options & kOptionEndStream) != 0;
    out.want_trailers = (options & kOptionWantTrailers) != 0;
  }

  Environment* env_;
  Global<Object> object_;
  nghttp2_session* session_ = nullptr;
  bool client_;
  uint32_t padding_;
  size_t max_header_list_;
  size_t max_header_pairs_;
  std::vector<Event> events_;
  std::unordered_map<int32_t, HeaderBlock> blocks_;
  std::unordered_map<int32_t, Outgoing> outgoing_;
};

#define UNWRAP_SESSION(args)                                            \
  Session* self = Session::From((args).This());                         \
  if (self == nullptr) return;                                          \
  if (self->session_ == nullptr) {                                      \
    (args).GetReturnValue().Set(static_cast<int32_t>(NGHTTP2_ERR_INVALID_STATE)); \
    return;                                                             \
  }

// An int32 argument, or `fallback` when it is something else.
int32_t Int32Arg(const FunctionCallbackInfo<Value>& args, int i,
                 int32_t fallback = 0) {
  if (!args[i]->IsNumber()) return fallback;
  double d = args[i].As<Number>()->Value();
  if (!(d >= INT32_MIN && d <= INT32_MAX)) return fallback;
  return static_cast<int32_t>(d);
}

uint32_t Uint32Arg(const FunctionCallbackInfo<Value>& args, int i,
                   uint32_t fallback) {
  if (!args[i]->IsNumber()) return fallback;
  double d = args[i].As<Number>()->Value();
  if (!(d >= 0 && d <= UINT32_MAX)) return fallback;
  return static_cast<uint32_t>(d);
}

// A stream id argument: positive int32, else 0 (which no call accepts).
int32_t StreamIdArg(const FunctionCallbackInfo<Value>& args, int i) {
  int32_t id = Int32Arg(args, i, 0);
  return id > 0 ? id : 0;
}

void Session::New(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  if (!args.IsConstructCall()) {
    isolate->ThrowException(Exception::TypeError(FIXED_ONE_BYTE_STRING(
        isolate,
        "Class constructor Http2Session cannot be invoked without 'new'")));
    return;
  }
  bool client = Int32Arg(args, 0) == 1;
  new Session(Environment::GetCurrent(args), args.This(), client,
              Uint32Arg(args, 1, 100), Uint32Arg(args, 2, 200),
              Uint32Arg(args, 3, 65535), !args[4]->IsFalse(),
              Uint32Arg(args, 5, 0), Uint32Arg(args, 6, 0),
              Uint32Arg(args, 7, 128), Uint32Arg(args, 8, 0));
}

void Session::Receive(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_SESSION(args);
  if (!args[0]->IsArrayBufferView()) {
    return THROW_ERR_INVALID_ARG_TYPE(
        args.GetIsolate(), "The \"data\" argument must be a Uint8Array");
  }
  Local<ArrayBufferView> view = args[0].As<ArrayBufferView>();
  size_t length = view->ByteLength();
  std::string bytes(length, '\0');
  if (length > 0) view->CopyContents(bytes.data(), length);
  ssize_t rv = nghttp2_session_mem_recv(
      self->session_, reinterpret_cast<const uint8_t*>(bytes.data()), length);
  args.GetReturnValue().Set(static_cast<double>(rv));
}

void Session::Send(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_SESSION(args);
  std::string out;
  for (;;) {
    const uint8_t* data;
    ssize_t n = nghttp2_session_mem_send(self->session_, &data);
    if (n < 0) {
      args.GetReturnValue().Set(static_cast<double>(n));
      return;
    }
    if (n == 0) break;
    out.append(reinterpret_cast<const char*>(data), n);
    // Large bodies go out in pieces, so the socket sees them before all
    // queued data is copied.
    if (out.size() >= 1 << 20) break;
  }
  if (out.empty()) return;
  args.GetReturnValue().Set(
      NewBytes(args.GetIsolate(), out.data(), out.size()));
}

void Session::TakeEvents(const FunctionCallbackInfo<Value>& args) {
  Session* self = Session::From(args.This());
  if (self == nullptr || self->events_.empty()) return;
  Isolate* isolate = args.GetIsolate();
  Local<Context> context = isolate->GetCurrentContext();
  std::vector<Event> events;
  events.swap(self->events_);
  Local<Array> result = Array::New(isolate, static_cast<int>(events.size()));
  for (size_t i = 0; i < events.size(); i++) {
    Event& e = events[i];
    Local<Value> payload = v8::Undefined(isolate);
    Local<Value> sensitive = v8::Undefined(isolate);
    if (e.has_payload) {
      payload = NewBytes(isolate, e.payload.data(), e.payload.size());
    } else if (e.has_headers) {
      Local<Array> list =
          Array::New(isolate, static_cast<int>(e.headers.size()));
      for (size_t j = 0; j < e.headers.size(); j++) {
        Local<String> s;
        if (!Latin1(isolate, e.headers[j]).ToLocal(&s)) return;
        if (list->Set(context, static_cast<uint32_t>(j), s).IsNothing()) {
          return;
        }
      }
      payload = list;
      Local<Array> names =
          Array::New(isolate, static_cast<int>(e.sensitive.size()));
      for (size_t j = 0; j < e.sensitive.size(); j++) {
        Local<String> s;
        if (!Latin1(isolate, e.sensitive[j]).ToLocal(&s)) return;
        if (names->Set(context, static_cast<uint32_t>(j), s).IsNothing()) {
          return;
        }
      }
      sensitive = names;
    }
    Local<Value> fields[] = {
        Integer::New(isolate, e.type), Integer::New(isolate, e.stream_id),
        Integer::New(isolate, e.a),    Integer::New(isolate, e.b),
        payload,                       sensitive,
    };
    Local<Array> item = Array::New(isolate, fields, 6);
    if (result->Set(context, static_cast<uint32_t>(i), item).IsNothing()) {
      return;
    }
  }
  args.GetReturnValue().Set(result);
}

void Session::SubmitSettings(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_SESSION(args);
  Isolate* isolate = args.GetIsolate();
  if (!args[0]->IsArray()) {
    return THROW_ERR_INVALID_ARG_TYPE(
        isolate, "The \"settings\" argument must be an array");
  }
  Local<Array> array = args[0].As<Array>();
  Local<Context> context = isolate->GetCurrentContext();
  std::vector<nghttp2_settings_entry> entries;
  for (uint32_t i = 0; i + 1 < array->Length(); i += 2) {
    Local<Value> id;
    Local<Value> value;
    if (!array->Get(context, i).ToLocal(&id) ||
        !array->Get(context, i + 1).ToLocal(&value)) {
      return;
    }
    if (!id->IsUint32() || !value->IsNumber()) continue;
    double v = value.As<Number>()->Value();
    if (!(v >= 0 && v <= UINT32_MAX)) continue;
    entries.push_back(nghttp2_settings_entry{
        static_cast<int32_t>(id.As<v8::Uint32>()->Value()),
        static_cast<uint32_t>(v)});
  }
  int rv = nghttp2_submit_settings(self->session_, NGHTTP2_FLAG_NONE,
                                   entries.data(), entries.size());
  args.GetReturnValue().Set(rv);
}

void Session::SubmitRequest(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_SESSION(args);
  HeaderList headers;
  if (!headers.Parse(args.GetIsolate(), args[0])) return;
  int32_t options = Int32Arg(args, 1);
  nghttp2_data_provider provider;
  int32_t rv = nghttp2_submit_request(self->session_, nullptr, headers.data(),
                                      headers.size(),
                                      self->Provider(options, &provider),
                                      nullptr);
  if (rv > 0) self->AddOutgoing(rv, options);
  args.GetReturnValue().Set(rv);
}

// The calls on one stream take their arguments from args[0] on.
void Session::Respond(Session* self, int32_t id,
                      const FunctionCallbackInfo<Value>& args) {
  HeaderList headers;
  if (!headers.Parse(args.GetIsolate(), args[0])) return;
  int32_t options = Int32Arg(args, 1);
  if (id == 0) return args.GetReturnValue().Set(NGHTTP2_ERR_INVALID_ARGUMENT);
  nghttp2_data_provider provider;
  nghttp2_data_provider* p = self->Provider(options, &provider);
  int rv = nghttp2_submit_response(self->session_, id, headers.data(),
                                   headers.size(), p);
  if (rv == 0) self->AddOutgoing(id, options);
  args.GetReturnValue().Set(rv);
}

void Session::Info(Session* self, int32_t id,
                   const FunctionCallbackInfo<Value>& args) {
  HeaderList headers;
  if (!headers.Parse(args.GetIsolate(), args[0])) return;
  if (id == 0) return args.GetReturnValue().Set(NGHTTP2_ERR_INVALID_ARGUMENT);
  int rv = nghttp2_submit_headers(self->session_, NGHTTP2_FLAG_NONE, id,
                                  nullptr, headers.data(), headers.size(),
                                  nullptr);
  args.GetReturnValue().Set(rv);
}

void Session::PushPromise(Session* self, int32_t id,
                          const FunctionCallbackInfo<Value>& args) {
  HeaderList headers;
  if (!headers.Parse(args.GetIsolate(), args[0])) return;
  if (id == 0) return args.GetReturnValue().Set(NGHTTP2_ERR_INVALID_ARGUMENT);
  int32_t rv = nghttp2_submit_push_promise(self->session_, NGHTTP2_FLAG_NONE,
                                           id, headers.data(), headers.size(),
                                           nullptr);
  args.GetReturnValue().Set(rv);
}

void Session::Trailers(Session* self, int32_t id,
                       const FunctionCallbackInfo<Value>& args) {
  HeaderList headers;
  if (!headers.Parse(args.GetIsolate(), args[0])) return;
  if (id == 0) return args.GetReturnValue().Set(NGHTTP2_ERR_INVALID_ARGUMENT);
  int rv;
  if (headers.size() == 0) {
    // An empty trailer block: end the stream with an empty DATA frame.
    auto it = self->outgoing_.find(id);
    if (it == self->outgoing_.end()) {
      return args.GetReturnValue().Set(NGHTTP2_ERR_INVALID_ARGUMENT);
    }
    nghttp2_data_provider provider;
    provider.source.ptr = nullptr;
    provider.read_callback = ReadData;
    rv = nghttp2_submit_data(self->session_, NGHTTP2_FLAG_END_STREAM, id,
                             &provider);
  } else {
    rv = nghttp2_submit_trailer(self->session_, id, headers.data(),
                                headers.size());
  }
  args.GetReturnValue().Set(rv);
}

void Session::WriteData(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_SESSION(args);
  int32_t id = StreamIdArg(args, 0);
  auto it = self->outgoing_.find(id);
  if (it == self->outgoing_.end()) {
    return args.GetReturnValue().Set(NGHTTP2_ERR_STREAM_CLOSED);
  }
  Outgoing& out = it->second;
  std::string bytes;
  if (ViewBytes(args[1], &bytes) && !bytes.empty()) {
    out.queued += bytes.size();
    out.chunks.push_back(std::move(bytes));
  }
  if (args[2]->IsTrue()) out.ended = true;
  nghttp2_session_resume_data(self->session_, id);
  args.GetReturnValue().Set(static_cast<double>(out.queued));
}

// The body bytes of a stream nghttp2 has not taken yet; -1 when the stream
// has no body queue (closed, or never had one).
void Session::QueuedBytes(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_SESSION(args);
  auto it = self->outgoing_.find(StreamIdArg(args, 0));
  if (it == self->outgoing_.end()) return args.GetReturnValue().Set(-1);
  args.GetReturnValue().Set(static_cast<double>(it->second.queued));
}

void Session::RstStream(Session* self, int32_t id,
                        const FunctionCallbackInfo<Value>& args) {
  uint32_t code = Uint32Arg(args, 0, NGHTTP2_INTERNAL_ERROR);
  if (id == 0) return args.GetReturnValue().Set(NGHTTP2_ERR_INVALID_ARGUMENT);
  int rv = nghttp2_submit_rst_stream(self->session_, NGHTTP2_FLAG_NONE, id,
                                     code);
  args.GetReturnValue().Set(rv);
}

void Session::SubmitPing(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_SESSION(args);
  std::string bytes;
  const uint8_t* opaque = nullptr;
  if (ViewBytes(args[0], &bytes)) {
    if (bytes.size() != 8) {
      return args.GetReturnValue().Set(NGHTTP2_ERR_INVALID_ARGUMENT);
    }
    opaque = reinterpret_cast<const uint8_t*>(bytes.data());
  }
  int rv = nghttp2_submit_ping(self->session_, NGHTTP2_FLAG_NONE, opaque);
  args.GetReturnValue().Set(rv);
}

void Session::SubmitAltsvc(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_SESSION(args);
  Isolate* isolate = args.GetIsolate();
  uint32_t id = Uint32Arg(args, 0, 0);
  std::string origin;
  std::string value;
  if (id > INT32_MAX || !OneByteArg(isolate, args[1], &origin) ||
      !OneByteArg(isolate, args[2], &value)) {
    return args.GetReturnValue().Set(NGHTTP2_ERR_INVALID_ARGUMENT);
  }
  int rv = nghttp2_submit_altsvc(
      self->session_, NGHTTP2_FLAG_NONE, static_cast<int32_t>(id),
      reinterpret_cast<const uint8_t*>(origin.data()), origin.size(),
      reinterpret_cast<const uint8_t*>(value.data()), value.size());
  args.GetReturnValue().Set(rv);
}

void Session::SubmitOrigin(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_SESSION(args);
  Isolate* isolate = args.GetIsolate();
  if (!args[0]->IsArray()) {
    return args.GetReturnValue().Set(NGHTTP2_ERR_INVALID_ARGUMENT);
  }
  Local<Array> list = args[0].As<Array>();
  Local<Context> context = isolate->GetCurrentContext();
  std::vector<std::string> origins(list->Length());
  std::vector<nghttp2_origin_entry> entries(list->Length());
  for (uint32_t i = 0; i < list->Length(); i++) {
    Local<Value> item;
    if (!list->Get(context, i).ToLocal(&item)) return;
    if (!OneByteArg(isolate, item, &origins[i])) {
      return args.GetReturnValue().Set(NGHTTP2_ERR_INVALID_ARGUMENT);
    }
    entries[i].origin =
        reinterpret_cast<uint8_t*>(const_cast<char*>(origins[i].data()));
    entries[i].origin_len = origins[i].size();
  }
  int rv = nghttp2_submit_origin(self->session_, NGHTTP2_FLAG_NONE,
                                 entries.data(), entries.size());
  args.GetReturnValue().Set(rv);
}

void Session::SubmitGoaway(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_SESSION(args);
  uint32_t code = Uint32Arg(args, 0, NGHTTP2_NO_ERROR);
  int32_t last = Int32Arg(args, 1, -1);
  if (last < 0) {
    last = nghttp2_session_get_last_proc_stream_id(self->session_);
  }
  std::string bytes;
  ViewBytes(args[2], &bytes);
  int rv = nghttp2_submit_goaway(
      self->session_, NGHTTP2_FLAG_NONE, last, code,
      reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size());
  args.GetReturnValue().Set(rv);
}

void Session::GetSettings(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_SESSION(args);
  bool remote = args[0]->IsTrue();
  Isolate* isolate = args.GetIsolate();
  constexpr size_t kCount = std::size(kReportedSettings);
  Local<Value> values[kCount];
  for (size_t i = 0; i < kCount; i++) {
    nghttp2_settings_id id = kReportedSettings[i];
    uint32_t v = remote
                     ? nghttp2_session_get_remote_settings(self->session_, id)
                     : nghttp2_session_get_local_settings(self->session_, id);
    values[i] = Number::New(isolate, v);
  }
  args.GetReturnValue().Set(Array::New(isolate, values, kCount));
}

// [effectiveLocalWindowSize, effectiveRecvDataLength, nextStreamID,
//  localWindowSize, lastProcStreamID, remoteWindowSize, outboundQueueSize,
//  deflateDynamicTableSize, inflateDynamicTableSize]
void Session::GetState(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_SESSION(args);
  nghttp2_session* s = self->session_;
  double values[] = {
      static_cast<double>(nghttp2_session_get_effective_local_window_size(s)),
      static_cast<double>(nghttp2_session_get_effective_recv_data_length(s)),
      static_cast<double>(nghttp2_session_get_next_stream_id(s)),
      static_cast<double>(nghttp2_session_get_local_window_size(s)),
      static_cast<double>(nghttp2_session_get_last_proc_stream_id(s)),
      static_cast<double>(nghttp2_session_get_remote_window_size(s)),
      static_cast<double>(nghttp2_session_get_outbound_queue_size(s)),
      static_cast<double>(nghttp2_session_get_hd_deflate_dynamic_table_size(s)),
      static_cast<double>(nghttp2_session_get_hd_inflate_dynamic_table_size(s)),
  };
  Isolate* isolate = args.GetIsolate();
  Local<Value> list[9];
  for (int i = 0; i < 9; i++) list[i] = Number::New(isolate, values[i]);
  args.GetReturnValue().Set(Array::New(isolate, list, 9));
}

// [state, localWindowSize, remoteWindowSize, weight, sumDependencyWeight],
// or undefined when nghttp2 does not know the stream.
void Session::GetStreamState(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_SESSION(args);
  int32_t id = StreamIdArg(args, 0);
  nghttp2_stream* stream = nghttp2_session_find_stream(self->session_, id);
  if (id == 0 || stream == nullptr) return;
  double values[] = {
      static_cast<double>(nghttp2_stream_get_state(stream)),
      static_cast<double>(
          nghttp2_session_get_stream_local_window_size(self->session_, id)),
      static_cast<double>(
          nghttp2_session_get_stream_remote_window_size(self->session_, id)),
      static_cast<double>(nghttp2_stream_get_weight(stream)),
      static_cast<double>(nghttp2_stream_get_sum_dependency_weight(stream)),
  };
  Isolate* isolate = args.GetIsolate();
  Local<Value> list[5];
  for (int i = 0; i < 5; i++) list[i] = Number::New(isolate, values[i]);
  args.GetReturnValue().Set(Array::New(isolate, list, 5));
}

void Session::SetLocalWindowSize(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_SESSION(args);
  int32_t size = Int32Arg(args, 0, -1);
  if (size < 0) return args.GetReturnValue().Set(NGHTTP2_ERR_INVALID_ARGUMENT);
  int rv = nghttp2_session_set_local_window_size(self->session_,
                                                 NGHTTP2_FLAG_NONE, 0, size);
  args.GetReturnValue().Set(rv);
}

void Session::SetNextStreamID(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_SESSION(args);
  if (!args[0]->IsNumber()) {
    return args.GetReturnValue().Set(NGHTTP2_ERR_INVALID_ARGUMENT);
  }
  double id = args[0].As<Number>()->Value();
  // nghttp2 stream ids are 31-bit; it checks parity and order itself.
  if (!(id >= 1 && id <= 0x7fffffff)) {
    return args.GetReturnValue().Set(NGHTTP2_ERR_INVALID_ARGUMENT);
  }
  int rv = nghttp2_session_set_next_stream_id(self->session_,
                                              static_cast<int32_t>(id));
  args.GetReturnValue().Set(rv);
}

void Session::WantRead(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_SESSION(args);
  args.GetReturnValue().Set(nghttp2_session_want_read(self->session_) != 0);
}

void Session::WantWrite(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_SESSION(args);
  args.GetReturnValue().Set(nghttp2_session_want_write(self->session_) != 0);
}

void Session::Destroy(const FunctionCallbackInfo<Value>& args) {
  Session* self = Session::From(args.This());
  if (self == nullptr || self->session_ == nullptr) return;
  nghttp2_session_del(self->session_);
  self->session_ = nullptr;
  self->outgoing_.clear();
  self->blocks_.clear();
}

// internalBinding('http2').Http2Stream: new Http2Stream(session, id) names
// one stream of a session; lib makes the calls that concern only that
// stream on it (Node's tests replace these methods to inject nghttp2
// errors). Each returns nghttp2's answer: 0 (or, for pushPromise, the promised
// stream id) or a negative nghttp2 error code.
//   respond(headers, options)    the response headers (options as for
//                                request())
//   info(headers)                1xx and other headers frames
//   pushPromise(headers)         -> promised stream id or error
//   trailers(headers)            the trailers (an empty list ends the stream
//                                with an empty DATA frame)
//   rstStream(code)              RST_STREAM with that code
class StreamHandle {
 public:
  static constexpr int kSessionField = 0;
  static constexpr int kIdField = 1;
  static constexpr int kFieldCount = 2;

  static void New(const FunctionCallbackInfo<Value>& args) {
    Isolate* isolate = args.GetIsolate();
    if (!args.IsConstructCall()) {
      isolate->ThrowException(Exception::TypeError(FIXED_ONE_BYTE_STRING(
          isolate,
          "Class constructor Http2Stream cannot be invoked without 'new'")));
      return;
    }
    if (Session::From(args[0]) == nullptr || StreamIdArg(args, 1) == 0) {
      return THROW_ERR_INVALID_ARG_TYPE(
          isolate, "Http2Stream needs a session and a stream id");
    }
    args.This()->SetInternalField(kSessionField, args[0]);
    args.This()->SetInternalField(kIdField, args[1]);
  }

  // Calls `method` with the session and stream this handle names; the
  // arguments start at args[0].
  template <void (*method)(Session*, int32_t,
                           const FunctionCallbackInfo<Value>&)>
  static void Forward(const FunctionCallbackInfo<Value>& args) {
    Local<Object> self = args.This();
    if (self->InternalFieldCount() != kFieldCount) {
      return THROW_ERR_INVALID_ARG_TYPE(
          args.GetIsolate(), "Illegal invocation: not an Http2Stream");
    }
    Session* session = Session::From(self->GetInternalField(kSessionField));
    Local<Value> id = self->GetInternalField(kIdField);
    if (session == nullptr || !id->IsInt32()) return;
    if (!session->alive()) {
      return args.GetReturnValue().Set(
          static_cast<int32_t>(NGHTTP2_ERR_INVALID_STATE));
    }
    method(session, id.As<v8::Int32>()->Value(), args);
  }
};

void StrError(const FunctionCallbackInfo<Value>& args) {
  int32_t code = Int32Arg(args, 0);
  args.GetReturnValue().Set(
      OneByteString(args.GetIsolate(), nghttp2_strerror(code)));
}

}  // namespace

void Initialize(Local<Object> target, Local<Value>, Local<Context> context,
                void*) {
  Isolate* isolate = context->GetIsolate();
  Local<Object> constants = Object::New(isolate);
#define V(name, value, attributes)                                        \
  if (constants                                                           \
          ->DefineOwnProperty(context, FIXED_ONE_BYTE_STRING(isolate, #name), \
                              value, attributes)                          \
          .IsNothing()) {                                                 \
    return;                                                               \
  }
#define NUMBER(name, value) \
  V(name, Number::New(isolate, value), v8::None)
#define STRING(name, value) \
  V(name, FIXED_ONE_BYTE_STRING(isolate, value), v8::None)
#define HIDDEN(name, value) \
  V(name, Number::New(isolate, value), v8::DontEnum)
  LODE_HTTP2_CONSTANTS(NUMBER, STRING, HIDDEN)
#undef HIDDEN
#undef STRING
#undef NUMBER
#undef V
  if (target->Set(context, FIXED_ONE_BYTE_STRING(isolate, "constants"),
                  constants).IsNothing()) {
    return;
  }
  static_assert(kOptionEndStream == 1 && kOptionWantTrailers == 2,
                "STREAM_OPTION_* in lode_http2_constants.h");

  Local<FunctionTemplate> t = NewFunctionTemplate(isolate, Session::New);
  t->InstanceTemplate()->SetInternalFieldCount(kWrapFieldCount);
  SetProtoMethod(isolate, t, "receive", Session::Receive);
  SetProtoMethod(isolate, t, "send", Session::Send);
  SetProtoMethod(isolate, t, "takeEvents", Session::TakeEvents);
  SetProtoMethod(isolate, t, "submitSettings", Session::SubmitSettings);
  SetProtoMethod(isolate, t, "request", Session::SubmitRequest);
  SetProtoMethod(isolate, t, "writeData", Session::WriteData);
  SetProtoMethod(isolate, t, "queuedBytes", Session::QueuedBytes);
  SetProtoMethod(isolate, t, "submitPing", Session::SubmitPing);
  SetProtoMethod(isolate, t, "submitGoaway", Session::SubmitGoaway);
  SetProtoMethod(isolate, t, "submitAltsvc", Session::SubmitAltsvc);
  SetProtoMethod(isolate, t, "submitOrigin", Session::SubmitOrigin);
  SetProtoMethod(isolate, t, "getSettings", Session::GetSettings);
  SetProtoMethod(isolate, t, "getState", Session::GetState);
  SetProtoMethod(isolate, t, "getStreamState", Session::GetStreamState);
  SetProtoMethod(isolate, t, "setLocalWindowSize",
                 Session::SetLocalWindowSize);
  SetProtoMethod(isolate, t, "setNextStreamID", Session::SetNextStreamID);
  SetProtoMethod(isolate, t, "wantRead", Session::WantRead);
  SetProtoMethod(isolate, t, "wantWrite", Session::WantWrite);
  SetProtoMethod(isolate, t, "destroy", Session::Destroy);
  SetConstructorFunction(context, target, "Http2Session", t);

  Local<FunctionTemplate> st = NewFunctionTemplate(isolate, StreamHandle::New);
  st->InstanceTemplate()->SetInternalFieldCount(StreamHandle::kFieldCount);
  SetProtoMethod(isolate, st, "respond",
                 StreamHandle::Forward<Session::Respond>);
  SetProtoMethod(isolate, st, "info", StreamHandle::Forward<Session::Info>);
  SetProtoMethod(isolate, st, "pushPromise",
                 StreamHandle::Forward<Session::PushPromise>);
  SetProtoMethod(isolate, st, "trailers",
                 StreamHandle::Forward<Session::Trailers>);
  SetProtoMethod(isolate, st, "rstStream",
                 StreamHandle::Forward<Session::RstStream>);
  SetConstructorFunction(context, target, "Http2Stream", st);
  SetMethod(context, target, "nghttp2ErrorString", StrError);
}

void RegisterExternalReferences(ExternalReferenceRegistry* registry) {
  registry->Register(Session::New);
  registry->Register(Session::Receive);
  registry->Register(Session::Send);
  registry->Register(Session::TakeEvents);
  registry->Register(Session::SubmitSettings);
  registry->Register(Session::SubmitRequest);
  registry->Register(Session::WriteData);
  registry->Register(Session::QueuedBytes);
  registry->Register(Session::SubmitPing);
  registry->Register(Session::SubmitGoaway);
  registry->Register(Session::SubmitAltsvc);
  registry->Register(Session::SubmitOrigin);
  registry->Register(Session::GetSettings);
  registry->Register(Session::GetState);
  registry->Register(Session::GetStreamState);
  registry->Register(Session::SetLocalWindowSize);
  registry->Register(Session::WantRead);
  registry->Register(Session::WantWrite);
  registry->Register(Session::Destroy);
  registry->Register(StrError);
  registry->Register(StreamHandle::New);
  registry->Register(StreamHandle::Forward<Session::Respond>);
  registry->Register(StreamHandle::Forward<Session::Info>);
  registry->Register(StreamHandle::Forward<Session::PushPromise>);
  registry->Register(StreamHandle::Forward<Session::Trailers>);
  registry->Register(StreamHandle::Forward<Session::RstStream>);
}

}  // namespace lode::http2

LODE_BINDING_CONTEXT_AWARE_INTERNAL(http2, lode::http2::Initialize)
LODE_BINDING_EXTERNAL_REFERENCE(http2, lode::http2::RegisterExternalReferences)
