// internalBinding('http_parser'): llhttp behind the interface lib/_http_*.js
// expect (Node 24's):
//   methods, allMethods        method names indexed by llhttp's method enum
//   new HTTPParser()           REQUEST, RESPONSE, kOn*, kLenient* on it
//     initialize(type, asyncResource, maxHeaderSize, lenientFlags, list)
//     execute(view) -> bytes parsed, or an Error (code 'HPE_*', reason,
//                      bytesParsed); a callback's exception is rethrown
//     finish() -> undefined or an Error
//     pause(), resume(), close(), free(), remove(), getCurrentBuffer(),
//     duration(), headersCompleted(), consume(handle), unconsume()
//   new ConnectionsList()      all(), idle(), active(), expired(hT, rT)
// The parser calls the functions JS stores on it under numeric keys:
//   [kOnMessageBegin]()
//   [kOnHeaders](headers, url)  when more header pairs arrive than one
//                               batch holds, and for trailers
//   [kOnHeadersComplete](major, minor, headers, method, url, statusCode,
//                        statusMessage, upgrade, shouldKeepAlive)
//       -> 1: no body, 2: no body and the rest is another protocol
//   [kOnBody](buffer)           a copy of one piece of the body
//   [kOnMessageComplete]()
// Headers are a flat [name, value, ...] array of Latin-1 strings, names as
// received, values without trailing blanks.
//
// consume() and unconsume() do nothing: lode's parser does not read from a
// stream handle itself, so [kOnExecute] is never called and JS keeps feeding
// the socket's data to execute().
//
// llhttp is the Debian build (8.1, loose mode) while Node 24 has 9.3:
// StrictScanner (lode_http_parser_strict.h) checks the bytes before llhttp
// sees them so that requests and responses are refused, or taken, as 9.3
// does (QUERY included), and the callbacks below add 9.3's other changes:
// Transfer-Encoding with Content-Length fails at the second header, and
// responses 1xx, 204 and 304 have no body. The lenient flags 8.1 lacks work
// through the scanner.
#include <algorithm>
#include <climits>
#include <cstring>
#include <list>
#include <memory>
#include <string>
#include <vector>

#include "env.h"
#include "llhttp.h"
#include "lode_binding.h"
#include "lode_errors.h"
#include "lode_http_parser_strict.h"
#include "util.h"
#include "uv.h"

namespace lode::http_parser {

using v8::Array;
using v8::ArrayBuffer;
using v8::ArrayBufferView;
using v8::BackingStore;
using v8::Boolean;
using v8::Context;
using v8::Exception;
using v8::Function;
using v8::FunctionCallbackInfo;
using v8::FunctionTemplate;
using v8::Global;
using v8::HandleScope;
using v8::Integer;
using v8::Isolate;
using v8::Local;
using v8::MaybeLocal;
using v8::Number;
using v8::Object;
using v8::String;
using v8::TryCatch;
using v8::Uint8Array;
using v8::Undefined;
using v8::Value;

namespace {

// The keys of the JS callbacks on a parser object.
enum CallbackIndex : uint32_t {
  kOnMessageBegin = 0,
  kOnHeaders = 1,
  kOnHeadersComplete = 2,
  kOnBody = 3,
  kOnMessageComplete = 4,
  kOnExecute = 5,
  kOnTimeout = 6,
};

// llhttp's header_state while it reads the name of these headers.
constexpr uint8_t kHeaderStateContentLength = 2;
constexpr uint8_t kHeaderStateTransferEncoding = 3;

// Header pairs held before they go to JS through kOnHeaders.
constexpr size_t kMaxHeaderPairs = 32;
// The most bytes of chunk extensions accepted per chunk.
constexpr uint64_t kMaxChunkExtensionsSize = 16384;
constexpr uint64_t kDefaultMaxHeaderSize = 16384;

// QUERY's number: Node's llhttp has it right after llhttp 8.1's methods
// (see MethodList below).
constexpr uint32_t QueryMethodIndex() {
  uint32_t count = 0;
#define V(num, name, string) count++;
  HTTP_ALL_METHOD_MAP(V)
#undef V
  return count;
}
static_assert(QueryMethodIndex() == 46, "llhttp's method list changed");

const WrapType kParserType = {"HTTPParser", nullptr};
const WrapType kConnectionsListType = {"ConnectionsList", nullptr};

// Per-environment state: Buffer.prototype, looked up on first use so that
// the body pieces handed to JS are Buffers.
struct HttpParserData : public BindingData {
  Global<Value> buffer_prototype;
  bool looked_up = false;
};

Local<Value> GetBufferPrototype(Environment* env) {
  Isolate* isolate = env->isolate();
  HttpParserData* data = env->GetBindingData<HttpParserData>("http_parser");
  if (data == nullptr) {
    data =
        env->SetBindingData("http_parser", std::make_unique<HttpParserData>());
  }
  if (!data->looked_up) {
    data->looked_up = true;
    Local<Context> context = env->context();
    TryCatch try_catch(isolate);
    Local<Value> id = FIXED_ONE_BYTE_STRING(isolate, "buffer");
    Local<Value> exports;
    Local<Value> buffer;
    Local<Value> proto;
    if (env->builtin_require()
            ->Call(context, Undefined(isolate), 1, &id)
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
      data->buffer_prototype.Reset(isolate, proto);
    }
  }
  if (data->buffer_prototype.IsEmpty()) return Local<Value>();
  return data->buffer_prototype.Get(isolate);
}

// A Buffer holding a copy of `length` bytes at `bytes`.
Local<Value> CopyToBuffer(Environment* env, const char* bytes, size_t length) {
  Isolate* isolate = env->isolate();
  Local<ArrayBuffer> ab = ArrayBuffer::New(isolate, length);
  if (length > 0) memcpy(ab->Data(), bytes, length);
  Local<Uint8Array> view = Uint8Array::New(ab, 0, length);
  Local<Value> proto = GetBufferPrototype(env);
  // Without Buffer.prototype the piece stays a plain Uint8Array.
  if (!proto.IsEmpty()) {
    view->SetPrototype(env->context(), proto).FromMaybe(false);
  }
  return view;
}

// A string from bytes as received (Latin-1). Empty, with an exception
// thrown, when it is longer than V8 allows.
MaybeLocal<String> Latin1String(Isolate* isolate, const std::string& bytes) {
  if (bytes.size() > static_cast<size_t>(String::kMaxLength)) {
    THROW_ERR_STRING_TOO_LONG(isolate,
                              "Cannot create a string longer than "
                              "0x1fffffe8 characters");
    return MaybeLocal<String>();
  }
  return String::NewFromOneByte(
      isolate, reinterpret_cast<const uint8_t*>(bytes.data()),
      v8::NewStringType::kNormal, static_cast<int>(bytes.size()));
}

const char* ErrorName(int err) {
  switch (err) {
#define V(code, name, _) \
  case code:             \
    return "HPE_" #name;
    HTTP_ERRNO_MAP(V)
#undef V
    default:
      return "HPE_UNKNOWN";
  }
}

class ConnectionsList;

class Parser {
 public:
  Parser(Environment* env, Local<Object> object) : env_(env) {
    object_.Reset(env->isolate(), object);
    object_.SetWeak(this, OnGC, v8::WeakCallbackType::kParameter);
    SetWrapped(object, this, &kParserType);
    Init(HTTP_BOTH, kDefaultMaxHeaderSize, kLenientNone);
  }

  ~Parser();
  LODE_DISALLOW_COPY(Parser);

  static Parser* From(Local<Value> value) {
    return static_cast<Parser*>(GetWrapped(value, &kParserType));
  }

  Local<Object> object() const { return object_.Get(env_->isolate()); }

  static void New(const FunctionCallbackInfo<Value>& args);
  static void Initialize(const FunctionCallbackInfo<Value>& args);
  static void Execute(const FunctionCallbackInfo<Value>& args);
  static void Finish(const FunctionCallbackInfo<Value>& args);
  static void Pause(const FunctionCallbackInfo<Value>& args);
  static void Resume(const FunctionCallbackInfo<Value>& args);
  static void Close(const FunctionCallbackInfo<Value>& args);
  static void Free(const FunctionCallbackInfo<Value>& args);
  static void Remove(const FunctionCallbackInfo<Value>& args);
  static void Consume(const FunctionCallbackInfo<Value>& args);
  static void Unconsume(const FunctionCallbackInfo<Value>& args);
  static void GetCurrentBuffer(const FunctionCallbackInfo<Value>& args);
  static void Duration(const FunctionCallbackInfo<Value>& args);
  static void HeadersCompleted(const FunctionCallbackInfo<Value>& args);

  static const llhttp_settings_t* Settings();

 private:
  friend class ConnectionsList;

  static void OnGC(const v8::WeakCallbackInfo<Parser>& info) {
    delete info.GetParameter();
  }

  static Parser* Self(llhttp_t* p) { return static_cast<Parser*>(p->data); }

  void Init(llhttp_type_t type, uint64_t max_header_size, uint32_t lenient);
  void SetList(ConnectionsList* list);
  void ListRemove();
  void ListAdd(bool active);

  // Runs llhttp over `length` bytes at `bytes` (or finishes the message
  // when `finish`). Empty when a JS callback threw.
  MaybeLocal<Value> Run(const char* bytes, size_t length, bool finish);
  // Runs llhttp over the bytes as strict_ directs; *nread is how many of
  // them were taken.
  llhttp_errno_t ExecuteChecked(const char* bytes, size_t length,
                                size_t* nread);
  llhttp_errno_t ExecuteSteps(const char* bytes, size_t length, size_t* nread);
  llhttp_errno_t Feed(const char* data, size_t length);
  // Where llhttp's error lies in the bytes given, 0 when outside them.
  size_t ErrorOffset(const char* bytes, size_t length) const;

  // Whether [at, at + length) lies in the bytes being parsed; a span
  // outside them (left over from a nested execute()) is refused. An empty
  // one may point anywhere (into StrictScanner's stand-in bytes too).
  bool InCurrentBuffer(const char* at, size_t length) const {
    if (length == 0) return true;
    return current_data_ != nullptr && at >= current_data_ &&
           length <= current_length_ &&
           at - current_data_ <=
               static_cast<ptrdiff_t>(current_length_ - length);
  }

  int UserError(const char* code, const char* reason) {
    user_error_code_ = code;
    user_error_reason_ = reason;
    llhttp_set_error_reason(&parser_, reason);
    return HPE_USER;
  }
  int JSException() {
    got_exception_ = true;
    return UserError("HPE_JS_EXCEPTION", "JS Exception");
  }
  int TrackHeader(size_t length) {
    header_nread_ += length;
    if (header_nread_ >= max_header_size_) {
      return UserError("HPE_HEADER_OVERFLOW", "Header overflow");
    }
    return 0;
  }

  // Looks up this[index]: false when the lookup threw; `fn` stays empty
  // when it is not a function.
  bool GetCallback(uint32_t index, Local<Function>* fn);
  MaybeLocal<Array> CreateHeaders();
  // Hands the pairs held so far (and the URL) to kOnHeaders. False when a
  // callback threw.
  bool Flush();

  int OnMessageBegin();
  int OnUrl(const char* at, size_t length);
  int OnStatus(const char* at, size_t length);
  int OnHeaderField(const char* at, size_t length);
  int OnHeaderValue(const char* at, size_t length);
  int OnHeaderFieldComplete();
  int OnHeadersComplete();
  int OnBody(const char* at, size_t length);
  int OnMessageComplete();
  int OnChunkExtension(const char* at, size_t length);
  int OnChunkHeader();
  int OnChunkComplete();

  Environment* env_;
  Global<Object> object_;
  llhttp_t parser_;
  StrictScanner strict_;

  std::string fields_[kMaxHeaderPairs];
  std::string values_[kMaxHeaderPairs];
  size_t num_fields_ = 0;
  size_t num_values_ = 0;
  std::string url_;
  std::string status_message_;
  bool have_flushed_ = false;
  bool headers_completed_ = false;
  // OnHeadersComplete() made llhttp stop after a 101 response.
  bool upgrade_forced_ = false;
  // A callback called pause() during ExecuteChecked().
  bool pause_pending_ = false;
  bool got_exception_ = false;
  const char* user_error_code_ = nullptr;
  const char* user_error_reason_ = nullptr;
  uint64_t header_nread_ = 0;
  uint64_t chunk_extensions_nread_ = 0;
  uint64_t max_header_size_ = kDefaultMaxHeaderSize;

  // The bytes execute() is parsing, for getCurrentBuffer() and the span
  // check.
  const char* current_data_ = nullptr;
  size_t current_length_ = 0;
  // execute()/finish() calls in progress (a callback may call them again);
  // close() during one deletes the parser when the outermost returns.
  int depth_ = 0;
  bool close_pending_ = false;

  // uv_hrtime() at the start of the current message, 0 between messages.
  uint64_t last_message_start_ = 0;
  // The list this parser is in (always in its all_ then), or nullptr.
  ConnectionsList* list_ = nullptr;
  bool in_all_ = false;
  bool in_active_ = false;
  std::list<Parser*>::iterator all_pos_;
  std::list<Parser*>::iterator active_pos_;
};

// The connections of one http.Server, for its timeouts: every parser that
// was initialized with it, and among them the active ones (in the middle of
// a message). It holds no reference to the parsers' JS objects.
class ConnectionsList {
 public:
  ConnectionsList(Isolate* isolate, Local<Object> object) {
    object_.Reset(isolate, object);
    object_.SetWeak(this, OnGC, v8::WeakCallbackType::kParameter);
    SetWrapped(object, this, &kConnectionsListType);
  }

  ~ConnectionsList() {
    for (Parser* parser : all_) {
      parser->in_all_ = false;
      parser->list_ = nullptr;
    }
    for (Parser* parser : active_) {
      parser->in_active_ = false;
      parser->list_ = nullptr;
    }
  }
  LODE_DISALLOW_COPY(ConnectionsList);

  static ConnectionsList* From(Local<Value> value) {
    return static_cast<ConnectionsList*>(
        GetWrapped(value, &kConnectionsListType));
  }

  void Add(Parser* parser, bool active) {
    if (!parser->in_all_) {
      all_.push_back(parser);
      parser->all_pos_ = std::prev(all_.end());
      parser->in_all_ = true;
    }
    if (active && !parser->in_active_) {
      active_.push_back(parser);
      parser->active_pos_ = std::prev(active_.end());
      parser->in_active_ = true;
    }
  }

  void RemoveActive(Parser* parser) {
    if (parser->in_active_) {
      active_.erase(parser->active_pos_);
      parser->in_active_ = false;
    }
  }

  void Remove(Parser* parser) {
    RemoveActive(parser);
    if (parser->in_all_) {
      all_.erase(parser->all_pos_);
      parser->in_all_ = false;
    }
  }

  static void New(const FunctionCallbackInfo<Value>& args);
  static void All(const FunctionCallbackInfo<Value>& args);
  static void Idle(const FunctionCallbackInfo<Value>& args);
  static void Active(const FunctionCallbackInfo<Value>& args);
  static void Expired(const FunctionCallbackInfo<Value>& args);

 private:
  static void OnGC(const v8::WeakCallbackInfo<ConnectionsList>& info) {
    delete info.GetParameter();
  }

  // The parsers' objects, idle ones first, then by message start.
  static Local<Array> ToArray(Isolate* isolate, std::vector<Parser*> parsers) {
    std::stable_sort(parsers.begin(), parsers.end(),
                     [](const Parser* a, const Parser* b) {
                       return a->last_message_start_ < b->last_message_start_;
                     });
    std::vector<Local<Value>> objects;
    objects.reserve(parsers.size());
    for (Parser* parser : parsers) objects.push_back(parser->object());
    return Array::New(isolate, objects.data(), objects.size());
  }

  Global<Object> object_;
  std::list<Parser*> all_;
  std::list<Parser*> active_;
};

Parser::~Parser() {
  ListRemove();
  list_ = nullptr;
  object_.Reset();
}

void Parser::ListRemove() {
  if (list_ != nullptr) list_->Remove(this);
}

void Parser::ListAdd(bool active) {
  if (list_ != nullptr) list_->Add(this, active);
}

void Parser::SetList(ConnectionsList* list) {
  if (list_ != list) {
    ListRemove();
    list_ = list;
  }
}

const llhttp_settings_t* Parser::Settings() {
  static const llhttp_settings_t settings = [] {
    llhttp_settings_t s;
    llhttp_settings_init(&s);
    s.on_message_begin = [](llhttp_t* p) { return Self(p)->OnMessageBegin(); };
    s.on_url = [](llhttp_t* p, const char* at, size_t length) {
      return Self(p)->OnUrl(at, length);
    };
    s.on_status = [](llhttp_t* p, const char* at, size_t length) {
      return Self(p)->OnStatus(at, length);
    };
    s.on_header_field = [](llhttp_t* p, const char* at, size_t length) {
      return Self(p)->OnHeaderField(at, length);
    };
    s.on_header_value = [](llhttp_t* p, const char* at, size_t length) {
      return Self(p)->OnHeaderValue(at, length);
    };
    s.on_header_field_complete = [](llhttp_t* p) {
      return Self(p)->OnHeaderFieldComplete();
    };
    s.on_chunk_extension_name = [](llhttp_t* p, const char* at, size_t length) {
      return Self(p)->OnChunkExtension(at, length);
    };
    s.on_chunk_extension_value = [](llhttp_t* p, const char* at,
                                    size_t length) {
      return Self(p)->OnChunkExtension(at, length);
    };
    s.on_headers_complete = [](llhttp_t* p) {
      return Self(p)->OnHeadersComplete();
    };
    s.on_body = [](llhttp_t* p, const char* at, size_t length) {
      return Self(p)->OnBody(at, length);
    };
    s.on_message_complete = [](llhttp_t* p) {
      return Self(p)->OnMessageComplete();
    };
    s.on_chunk_header = [](llhttp_t* p) { return Self(p)->OnChunkHeader(); };
    s.on_chunk_complete = [](llhttp_t* p) {
      return Self(p)->OnChunkComplete();
    };
    return s;
  }();
  return &settings;
}

void Parser::Init(llhttp_type_t type, uint64_t max_header_size,
                  uint32_t lenient) {
  llhttp_init(&parser_, type, Settings());
  parser_.data = this;
  if (lenient & kLenientHeaders) llhttp_set_lenient_headers(&parser_, 1);
  if (lenient & kLenientChunkedLength) {
    llhttp_set_lenient_chunked_length(&parser_, 1);
  }
  if (lenient & kLenientKeepAlive) llhttp_set_lenient_keep_alive(&parser_, 1);
  if (lenient & kLenientTransferEncoding) {
    llhttp_set_lenient_transfer_encoding(&parser_, 1);
  }
  // llhttp 8 checks this flag but has no setter for it.
  if (lenient & kLenientVersion) parser_.lenient_flags |= LENIENT_VERSION;
  strict_.Reset(static_cast<uint8_t>(type), lenient);

  for (size_t i = 0; i < kMaxHeaderPairs; i++) {
    fields_[i].clear();
    values_[i].clear();
  }
  num_fields_ = num_values_ = 0;
  url_.clear();
  status_message_.clear();
  have_flushed_ = false;
  headers_completed_ = false;
  upgrade_forced_ = false;
  got_exception_ = false;
  user_error_code_ = nullptr;
  header_nread_ = 0;
  chunk_extensions_nread_ = 0;
  max_header_size_ = max_header_size;
  last_message_start_ = 0;
}

bool Parser::GetCallback(uint32_t index, Local<Function>* fn) {
  Local<Value> value;
  if (!object()->Get(env_->context(), index).ToLocal(&value)) return false;
  if (value->IsFunction()) *fn = value.As<Function>();
  return true;
}

MaybeLocal<Array> Parser::CreateHeaders() {
  Isolate* isolate = env_->isolate();
  Local<Value> items[kMaxHeaderPairs * 2];
  size_t count = std::min(num_values_, kMaxHeaderPairs);
  for (size_t i = 0; i < count; i++) {
    std::string& value = values_[i];
    size_t end = value.size();
    while (end > 0 && (value[end - 1] == ' ' || value[end - 1] == '\t')) end--;
    value.resize(end);
    Local<String> name_string;
    Local<String> value_string;
    if (!Latin1String(isolate, fields_[i]).ToLocal(&name_string) ||
        !Latin1String(isolate, value).ToLocal(&value_string)) {
      return MaybeLocal<Array>();
    }
    items[i * 2] = name_string;
    items[i * 2 + 1] = value_string;
  }
  return Array::New(isolate, items, count * 2);
}

bool Parser::Flush() {
  HandleScope scope(env_->isolate());
  Local<Function> fn;
  if (!GetCallback(kOnHeaders, &fn)) return false;
  if (fn.IsEmpty()) return true;
  Local<Array> headers;
  Local<String> url;
  if (!CreateHeaders().ToLocal(&headers) ||
      !Latin1String(env_->isolate(), url_).ToLocal(&url)) {
    return false;
  }
  Local<Value> argv[] = {headers, url};
  if (fn->Call(env_->context(), object(), 2, argv).IsEmpty()) return false;
  url_.clear();
  have_flushed_ = true;
  return true;
}

int Parser::OnMessageBegin() {
  last_message_start_ = uv_hrtime();
  ListAdd(true);
  strict_.ClearQuery();
  num_fields_ = num_values_ = 0;
  have_flushed_ = false;
  headers_completed_ = false;
  chunk_extensions_nread_ = 0;
  url_.clear();
  status_message_.clear();

  HandleScope scope(env_->isolate());
  Local<Function> fn;
  if (!GetCallback(kOnMessageBegin, &fn)) return JSException();
  if (fn.IsEmpty()) return 0;
  if (fn->Call(env_->context(), object(), 0, nullptr).IsEmpty()) {
    return JSException();
  }
  return 0;
}

int Parser::OnUrl(const char* at, size_t length) {
  if (!InCurrentBuffer(at, length)) {
    return UserError("HPE_INTERNAL", "Span outside the current buffer");
  }
  if (int err = TrackHeader(length)) return err;
  url_.append(at, length);
  return 0;
}

int Parser::OnStatus(const char* at, size_t length) {
  if (!InCurrentBuffer(at, length)) {
    return UserError("HPE_INTERNAL", "Span outside the current buffer");
  }
  if (int err = TrackHeader(length)) return err;
  status_message_.append(at, length);
  return 0;
}

int Parser::OnHeaderField(const char* at, size_t length) {
  if (!InCurrentBuffer(at, length)) {
    return UserError("HPE_INTERNAL", "Span outside the current buffer");
  }
  if (int err = TrackHeader(length)) return err;
  if (num_fields_ == num_values_) {
    // A new name: when the batch is full, hand it to JS first.
    num_fields_++;
    if (num_fields_ == kMaxHeaderPairs) {
      if (!Flush()) return JSException();
      num_fields_ = 1;
      num_values_ = 0;
    }
    fields_[num_fields_ - 1].clear();
  }
  if (num_fields_ == 0 || num_fields_ != num_values_ + 1) {
    return UserError("HPE_INTERNAL", "Unexpected header field");
  }
  fields_[num_fields_ - 1].append(at, length);
  return 0;
}

int Parser::OnHeaderValue(const char* at, size_t length) {
  if (!InCurrentBuffer(at, length)) {
    return UserError("HPE_INTERNAL", "Span outside the current buffer");
  }
  if (int err = TrackHeader(length)) return err;
  if (num_values_ != num_fields_) {
    num_values_++;
    values_[num_values_ - 1].clear();
  }
  if (num_values_ == 0 || num_values_ != num_fields_) {
    return UserError("HPE_INTERNAL", "Unexpected header value");
  }
  values_[num_values_ - 1].append(at, length);
  return 0;
}

// llhttp 9 refuses Transfer-Encoding and Content-Length together as soon as
// the second one's name is read; 8.1 does at the end of the headers, with
// another error.
int Parser::OnHeaderFieldComplete() {
  if (parser_.lenient_flags & LENIENT_CHUNKED_LENGTH) return 0;
  if (parser_.header_state == kHeaderStateTransferEncoding &&
      (parser_.flags & F_CONTENT_LENGTH)) {
    return UserError("HPE_INVALID_TRANSFER_ENCODING",
                     "Transfer-Encoding can't be present with Content-Length");
  }
  if (parser_.header_state == kHeaderStateContentLength &&
      (parser_.flags & F_TRANSFER_ENCODING)) {
    return UserError("HPE_INVALID_CONTENT_LENGTH",
                     "Content-Length can't be present with Transfer-Encoding");
  }
  return 0;
}

int Parser::OnHeadersComplete() {
  headers_completed_ = true;
  header_nread_ = 0;
  strict_.OnHeadersComplete();

  Isolate* isolate = env_->isolate();
  HandleScope scope(isolate);
  Local<Context> context = env_->context();
  Local<Function> fn;
  if (!GetCallback(kOnHeadersComplete, &fn)) return JSException();
  if (fn.IsEmpty()) {
    num_fields_ = num_values_ = 0;
    return 0;
  }

  enum {
    kVersionMajor = 0,
    kVersionMinor,
    kHeaders,
    kMethod,
    kUrl,
    kStatusCode,
    kStatusMessage,
    kUpgrade,
    kShouldKeepAlive,
    kArgCount
  };
  Local<Value> argv[kArgCount];
  for (Local<Value>& arg : argv) arg = Undefined(isolate);

  if (have_flushed_) {
    // Headers went out in batches: send the rest the same way.
    if (!Flush()) return JSException();
  } else {
    Local<Array> headers;
    if (!CreateHeaders().ToLocal(&headers)) return JSException();
    argv[kHeaders] = headers;
    if (parser_.type == HTTP_REQUEST) {
      Local<String> url;
      if (!Latin1String(isolate, url_).ToLocal(&url)) return JSException();
      argv[kUrl] = url;
    }
  }
  num_fields_ = num_values_ = 0;

  if (parser_.type == HTTP_REQUEST) {
    // A QUERY request went to llhttp as PATCH.
    argv[kMethod] = Integer::NewFromUnsigned(
        isolate, strict_.query() ? QueryMethodIndex() : parser_.method);
  } else if (parser_.type == HTTP_RESPONSE) {
    argv[kStatusCode] = Integer::New(isolate, parser_.status_code);
    Local<String> message;
    if (!Latin1String(isolate, status_message_).ToLocal(&message)) {
      return JSException();
    }
    argv[kStatusMessage] = message;
  }
  argv[kVersionMajor] = Integer::New(isolate, parser_.http_major);
  argv[kVersionMinor] = Integer::New(isolate, parser_.http_minor);
  argv[kUpgrade] = Boolean::New(isolate, parser_.upgrade != 0);
  argv[kShouldKeepAlive] =
      Boolean::New(isolate, llhttp_should_keep_alive(&parser_) != 0);

  Local<Value> result;
  if (!fn->Call(context, object(), kArgCount, argv).ToLocal(&result)) {
    return JSException();
  }
  // 0: go on, 1: no body, 2: no body and stop (upgrade); llhttp turns
  // anything else into HPE_CB_HEADERS_COMPLETE.
  int64_t value;
  if (!result->IntegerValue(context).To(&value)) return JSException();
  if (value < INT_MIN || value > INT_MAX) return -1;
  // As llhttp 9 decides for responses: after 101 the rest is another
  // protocol; 100, 102, 103, 204 and 304 have no body.
  if (parser_.type == HTTP_RESPONSE && (value == 0 || value == 1)) {
    switch (parser_.status_code) {
      case 101:
        // 9.3 does not take it for an upgrade: see Run().
        upgrade_forced_ = parser_.upgrade == 0;
        return 2;
      case 100:
      case 102:
      case 103:
      case 204:
      case 304:
        return 1;
      default:
        break;
    }
  }
  return static_cast<int>(value);
}

int Parser::OnBody(const char* at, size_t length) {
  if (length == 0) return 0;
  if (!InCurrentBuffer(at, length)) {
    return UserError("HPE_INTERNAL", "Span outside the current buffer");
  }
  HandleScope scope(env_->isolate());
  Local<Function> fn;
  if (!GetCallback(kOnBody, &fn)) return JSException();
  if (fn.IsEmpty()) return 0;
  Local<Value> buffer = CopyToBuffer(env_, at, length);
  if (fn->Call(env_->context(), object(), 1, &buffer).IsEmpty()) {
    return JSException();
  }
  return 0;
}

int Parser::OnMessageComplete() {
  last_message_start_ = 0;
  // llhttp goes on to its closed state after this message unless it may
  // keep the connection.
  strict_.OnMessageComplete(parser_.upgrade == 0 &&
                            !llhttp_should_keep_alive(&parser_) &&
                            !(parser_.lenient_flags & LENIENT_KEEP_ALIVE));
  if (list_ != nullptr) {
    list_->RemoveActive(this);
    list_->Add(this, false);
  }

  HandleScope scope(env_->isolate());
  // Trailers.
  if (num_fields_ > 0 && !Flush()) return JSException();
  num_fields_ = num_values_ = 0;

  Local<Function> fn;
  if (!GetCallback(kOnMessageComplete, &fn)) return JSException();
  if (fn.IsEmpty()) return 0;
  if (fn->Call(env_->context(), object(), 0, nullptr).IsEmpty()) {
    return JSException();
  }
  return 0;
}

int Parser::OnChunkExtension(const char* at, size_t length) {
  chunk_extensions_nread_ += length;
  if (chunk_extensions_nread_ > kMaxChunkExtensionsSize) {
    return UserError("HPE_CHUNK_EXTENSIONS_OVERFLOW",
                     "Chunk extensions overflow");
  }
  return 0;
}

int Parser::OnChunkHeader() {
  header_nread_ = 0;
  chunk_extensions_nread_ = 0;
  return 0;
}

int Parser::OnChunkComplete() {
  header_nread_ = 0;
  return 0;
}

size_t Parser::ErrorOffset(const char* bytes, size_t length) const {
  const char* pos = llhttp_get_error_pos(&parser_);
  if (pos == nullptr || pos < bytes || pos > bytes + length) return 0;
  return static_cast<size_t>(pos - bytes);
}

// llhttp_execute() over one piece of what execute() was given. pause() from
// a callback takes effect at the next execute(), as when llhttp gets all the
// bytes at once: the pieces after it are parsed, and the pause comes back
// at the end.
llhttp_errno_t Parser::Feed(const char* data, size_t length) {
  llhttp_errno_t err = llhttp_execute(&parser_, data, length);
  if (err == HPE_OK && parser_.error == HPE_PAUSED) {
    llhttp_resume(&parser_);
    pause_pending_ = true;
  }
  return err;
}

llhttp_errno_t Parser::ExecuteChecked(const char* bytes, size_t length,
                                      size_t* nread) {
  pause_pending_ = false;
  llhttp_errno_t err = ExecuteSteps(bytes, length, nread);
  if (pause_pending_ && parser_.error == HPE_OK) llhttp_pause(&parser_);
  pause_pending_ = false;
  return err;
}

llhttp_errno_t Parser::ExecuteSteps(const char* bytes, size_t length,
                                    size_t* nread) {
  using Step = StrictScanner::Step;
  const char* p = bytes;
  const char* const end = bytes + length;
  while (p < end) {
    Step step = strict_.Scan(p, end, parser_);
    if (step.at > p) {
      llhttp_errno_t err = Feed(p, static_cast<size_t>(step.at - p));
      if (err != HPE_OK) {
        // After an upgrade llhttp starts over, as does the scanner; where
        // anything else stopped it they part.
        if (err != HPE_PAUSED_UPGRADE) strict_.Disable();
        *nread = ErrorOffset(bytes, length);
        return err;
      }
    }
    p = step.at;
    if (step.kind == Step::kFail) {
      // llhttp keeps the error: later calls return it at once.
      p += step.error_offset;
      parser_.error = step.error;
      parser_.reason = step.reason;
      parser_.error_pos = p;
      *nread = static_cast<size_t>(p - bytes);
      return step.error;
    }
    if (step.kind == Step::kSubst) {
      if (step.subst_length > 0) {
        llhttp_errno_t err = Feed(step.subst, step.subst_length);
        if (err != HPE_OK) {
          strict_.Disable();
          *nread = static_cast<size_t>(p - bytes);
          return err;
        }
      }
      p += step.skip;
    }
    if (step.sync) strict_.AfterSync(parser_);
  }
  *nread = length;
  return HPE_OK;
}

MaybeLocal<Value> Parser::Run(const char* bytes, size_t length, bool finish) {
  Isolate* isolate = env_->isolate();
  const char* saved_data = current_data_;
  size_t saved_length = current_length_;
  // A nested call (from a callback) keeps its own exception state.
  bool saved_got_exception = got_exception_;
  const char* saved_error_code = user_error_code_;
  current_data_ = bytes;
  current_length_ = length;
  got_exception_ = false;
  user_error_code_ = nullptr;
  depth_++;

  // A nested call (from a callback) leaves the scanner behind llhttp.
  if (depth_ > 1) strict_.Disable();
  llhttp_errno_t err;
  size_t nread = length;
  if (finish) {
    err = llhttp_finish(&parser_);
    nread = 0;
  } else if (strict_.enabled() && parser_.error == 0) {
    err = ExecuteChecked(bytes, length, &nread);
  } else {
    err = llhttp_execute(&parser_, bytes, length);
    // Where llhttp stopped; a position outside these bytes is left over
    // from an earlier call (a parser already in an error state).
    if (err != HPE_OK) nread = ErrorOffset(bytes, length);
  }
  // Not an error: the rest of the data belongs to another protocol.
  if (err == HPE_PAUSED_UPGRADE) {
    err = HPE_OK;
    llhttp_resume_after_upgrade(&parser_);
    // After a 101 without Upgrade headers llhttp 9.3 goes on parsing, and
    // reporting errors, as after any other message.
    if (upgrade_forced_) parser_.upgrade = 0;
  }
  upgrade_forced_ = false;

  depth_--;
  current_data_ = saved_data;
  current_length_ = saved_length;
  bool threw = got_exception_;
  const char* user_code = user_error_code_;
  got_exception_ = saved_got_exception;
  user_error_code_ = saved_error_code;
  // llhttp puts its own code and reason on an error from
  // on_header_field_complete: keep ours.
  if (err == HPE_CB_HEADER_FIELD_COMPLETE && user_code != nullptr) {
    err = HPE_USER;
    parser_.error = HPE_USER;
    llhttp_set_error_reason(&parser_, user_error_reason_);
  }

  if (threw) return MaybeLocal<Value>();

  Local<Value> result;
  if (parser_.upgrade == 0 && err != HPE_OK) {
    Local<Context> context = env_->context();
    const char* reason = llhttp_get_error_reason(&parser_);
    // 9.3 knows RTSP/ and ICE/ responses as well.
    if (reason != nullptr && strcmp(reason, "Expected HTTP/") == 0) {
      reason = "Expected HTTP/, RTSP/ or ICE/";
    }
    const char* code =
        err == HPE_USER && user_code != nullptr ? user_code : ErrorName(err);
    Local<Object> error =
        Exception::Error(FIXED_ONE_BYTE_STRING(isolate, "Parse Error"))
            .As<Object>();
    if (error
            ->CreateDataProperty(context,
                                 FIXED_ONE_BYTE_STRING(isolate, "bytesParsed"),
                                 Number::New(isolate, nread))
            .IsNothing() ||
        error
            ->CreateDataProperty(context,
                                 FIXED_ONE_BYTE_STRING(isolate, "code"),
                                 OneByteString(isolate, code))
            .IsNothing() ||
        error
            ->CreateDataProperty(
                context, FIXED_ONE_BYTE_STRING(isolate, "reason"),
                OneByteString(isolate, reason != nullptr ? reason : ""))
            .IsNothing()) {
      return MaybeLocal<Value>();
    }
    result = error;
  } else if (finish) {
    result = Undefined(isolate);
  } else {
    result = Number::New(isolate, nread);
  }
  return result;
}

#define UNWRAP_PARSER(args)                     \
  Parser* parser = Parser::From((args).This()); \
  if (parser == nullptr) return;

void Parser::New(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  if (!args.IsConstructCall()) {
    isolate->ThrowException(Exception::TypeError(FIXED_ONE_BYTE_STRING(
        isolate,
        "Class constructor HTTPParser cannot be invoked without "
        "'new'")));
    return;
  }
  new Parser(Environment::GetCurrent(args), args.This());
}

// initialize(type, asyncResource, maxHeaderSize, lenientFlags, list)
void Parser::Initialize(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_PARSER(args);
  Isolate* isolate = args.GetIsolate();
  if (!args[0]->IsInt32()) {
    return THROW_ERR_INVALID_ARG_TYPE(isolate,
                                      "The \"type\" argument must be of "
                                      "type number");
  }
  int32_t type = args[0].As<v8::Int32>()->Value();
  if (type != HTTP_REQUEST && type != HTTP_RESPONSE) {
    return THROW_ERR_INVALID_ARG_VALUE(
        isolate,
        "The argument 'type' must be HTTPParser.REQUEST or "
        "HTTPParser.RESPONSE. Received " +
            std::to_string(type));
  }
  // asyncResource (args[1]) is not used: lode has no async hooks here.

  uint64_t max_header_size = 0;
  if (!args[2]->IsUndefined()) {
    if (!args[2]->IsNumber()) {
      return THROW_ERR_INVALID_ARG_TYPE(isolate,
                                        "The \"maxHeaderSize\" argument must "
                                        "be of type number");
    }
    double value = args[2].As<Number>()->Value();
    if (value >= 18446744073709551615.0) {
      max_header_size = UINT64_MAX;
    } else if (value > 0) {
      max_header_size = static_cast<uint64_t>(value);
    }
  }
  if (max_header_size == 0) {
    max_header_size = kDefaultMaxHeaderSize;
    Environment* env = Environment::GetCurrent(args);
    auto it = env->options()->values.find("--max-http-header-size");
    if (it != env->options()->values.end() && it->second.integer > 0) {
      max_header_size = static_cast<uint64_t>(it->second.integer);
    }
  }

  uint32_t lenient = kLenientNone;
  if (!args[3]->IsUndefined()) {
    if (!args[3]->IsInt32()) {
      return THROW_ERR_INVALID_ARG_TYPE(isolate,
                                        "The \"lenientFlags\" argument must "
                                        "be an integer");
    }
    lenient = static_cast<uint32_t>(args[3].As<v8::Int32>()->Value());
  }

  ConnectionsList* list = nullptr;
  if (args[4]->IsObject()) {
    list = ConnectionsList::From(args[4]);
    if (list == nullptr) {
      return THROW_ERR_INVALID_ARG_TYPE(isolate,
                                        "The \"connectionsList\" argument "
                                        "must be a ConnectionsList");
    }
  }

  parser->Init(static_cast<llhttp_type_t>(type), max_header_size, lenient);
  parser->SetList(list);
  if (list != nullptr) {
    // A connection that sends nothing counts as a message in progress, so
    // the headers timeout covers it.
    parser->last_message_start_ = uv_hrtime();
    parser->ListAdd(true);
  }
}

void Parser::Execute(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_PARSER(args);
  if (!args[0]->IsArrayBufferView()) {
    return THROW_ERR_INVALID_ARG_TYPE(args.GetIsolate(),
                                      "The \"buffer\" argument must be an "
                                      "instance of Buffer, TypedArray, or "
                                      "DataView");
  }
  Local<ArrayBufferView> view = args[0].As<ArrayBufferView>();
  // Holding the backing store keeps the bytes alive even if a callback
  // detaches or transfers the buffer.
  std::shared_ptr<BackingStore> store = view->Buffer()->GetBackingStore();
  size_t length = view->ByteLength();
  const char* bytes = "";
  if (store->Data() != nullptr && length > 0) {
    bytes = static_cast<const char*>(store->Data()) + view->ByteOffset();
  } else {
    length = 0;
  }
  MaybeLocal<Value> result = parser->Run(bytes, length, false);
  if (parser->depth_ == 0 && parser->close_pending_) delete parser;
  Local<Value> value;
  if (result.ToLocal(&value)) args.GetReturnValue().Set(value);
}

void Parser::Finish(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_PARSER(args);
  MaybeLocal<Value> result = parser->Run(nullptr, 0, true);
  if (parser->depth_ == 0 && parser->close_pending_) delete parser;
  Local<Value> value;
  if (result.ToLocal(&value) && !value->IsUndefined()) {
    args.GetReturnValue().Set(value);
  }
}

// pause() and resume() may also be called from a callback: llhttp then
// finishes the bytes at hand and the next execute() reports HPE_PAUSED.
void Parser::Pause(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_PARSER(args);
  llhttp_pause(&parser->parser_);
}

void Parser::Resume(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_PARSER(args);
  parser->pause_pending_ = false;
  llhttp_resume(&parser->parser_);
}

// Frees the C++ side at once; the JS object stays, inert.
void Parser::Close(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_PARSER(args);
  ClearWrapped(args.This());
  if (parser->depth_ > 0) {
    parser->close_pending_ = true;
  } else {
    delete parser;
  }
}

// Node emits the async 'destroy' hook here; lode has none for parsers. The
// parser stays usable (a FreeList initializes it again).
void Parser::Free(const FunctionCallbackInfo<Value>& args) {}

// Takes the parser out of its list for good (until initialize() gives it
// one again).
void Parser::Remove(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_PARSER(args);
  parser->SetList(nullptr);
}

// See the comment at the top: the parser never reads from a stream.
void Parser::Consume(const FunctionCallbackInfo<Value>& args) {}
void Parser::Unconsume(const FunctionCallbackInfo<Value>& args) {}

void Parser::GetCurrentBuffer(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_PARSER(args);
  args.GetReturnValue().Set(CopyToBuffer(parser->env_, parser->current_data_,
                                         parser->current_length_));
}

// Milliseconds since the current message started, 0 between messages.
void Parser::Duration(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_PARSER(args);
  if (parser->last_message_start_ == 0) {
    args.GetReturnValue().Set(0);
    return;
  }
  double ms =
      static_cast<double>(uv_hrtime() - parser->last_message_start_) / 1e6;
  args.GetReturnValue().Set(ms);
}

void Parser::HeadersCompleted(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_PARSER(args);
  args.GetReturnValue().Set(parser->headers_completed_);
}

#define UNWRAP_LIST(args)                                       \
  ConnectionsList* list = ConnectionsList::From((args).This()); \
  if (list == nullptr) return;

void ConnectionsList::New(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  if (!args.IsConstructCall()) {
    isolate->ThrowException(Exception::TypeError(FIXED_ONE_BYTE_STRING(
        isolate,
        "Class constructor ConnectionsList cannot be invoked "
        "without 'new'")));
    return;
  }
  new ConnectionsList(isolate, args.This());
}

void ConnectionsList::All(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_LIST(args);
  std::vector<Parser*> parsers(list->all_.begin(), list->all_.end());
  args.GetReturnValue().Set(ToArray(args.GetIsolate(), std::move(parsers)));
}

void ConnectionsList::Idle(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_LIST(args);
  std::vector<Parser*> parsers;
  for (Parser* parser : list->all_) {
    if (parser->last_message_start_ == 0) parsers.push_back(parser);
  }
  args.GetReturnValue().Set(ToArray(args.GetIsolate(), std::move(parsers)));
}

void ConnectionsList::Active(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_LIST(args);
  std::vector<Parser*> parsers(list->active_.begin(), list->active_.end());
  args.GetReturnValue().Set(ToArray(args.GetIsolate(), std::move(parsers)));
}

// expired(headersTimeout, requestTimeout), in milliseconds (0: none): the
// active parsers whose headers took longer than headersTimeout, or whose
// message took longer than requestTimeout. They leave the active list.
void ConnectionsList::Expired(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_LIST(args);
  Isolate* isolate = args.GetIsolate();
  if (!args[0]->IsNumber() || !args[1]->IsNumber()) {
    return THROW_ERR_INVALID_ARG_TYPE(isolate,
                                      "The timeouts must be of type number");
  }
  Local<Context> context = isolate->GetCurrentContext();
  uint64_t headers_timeout =
      static_cast<uint64_t>(args[0]->Uint32Value(context).FromMaybe(0)) *
      1000000;
  uint64_t request_timeout =
      static_cast<uint64_t>(args[1]->Uint32Value(context).FromMaybe(0)) *
      1000000;
  // A headers timeout longer than the request timeout means the other way
  // round.
  if (request_timeout > 0 && headers_timeout > request_timeout) {
    std::swap(headers_timeout, request_timeout);
  }
  const uint64_t now = uv_hrtime();
  const uint64_t headers_deadline =
      headers_timeout > 0 && now > headers_timeout ? now - headers_timeout : 0;
  const uint64_t request_deadline =
      request_timeout > 0 && now > request_timeout ? now - request_timeout : 0;

  std::vector<Parser*> expired;
  if (headers_deadline > 0 || request_deadline > 0) {
    for (auto it = list->active_.begin(); it != list->active_.end();) {
      Parser* parser = *it++;
      uint64_t start = parser->last_message_start_;
      if ((!parser->headers_completed_ && headers_deadline > 0 &&
           start < headers_deadline) ||
          (request_deadline > 0 && start < request_deadline)) {
        expired.push_back(parser);
        list->RemoveActive(parser);
      }
    }
  }
  args.GetReturnValue().Set(ToArray(isolate, std::move(expired)));
}

// Method names in the order of llhttp's enum, so that the method number of
// a request indexes them. QUERY (Node 24's llhttp has it as 46) is added
// when this llhttp lacks it, so that http.METHODS is Node's.
Local<Array> MethodList(Isolate* isolate, bool all) {
  std::vector<Local<Value>> names;
  bool has_query = false;
#define V(num, name, string)                                \
  names.push_back(FIXED_ONE_BYTE_STRING(isolate, #string)); \
  has_query = has_query || strcmp(#string, "QUERY") == 0;
  if (all) {
    HTTP_ALL_METHOD_MAP(V)
  } else {
    HTTP_METHOD_MAP(V)
  }
#undef V
  if (!has_query) names.push_back(FIXED_ONE_BYTE_STRING(isolate, "QUERY"));
  return Array::New(isolate, names.data(), names.size());
}

void Initialize(Local<Object> target, Local<Value>, Local<Context> context,
                void*) {
  Isolate* isolate = context->GetIsolate();

  Local<FunctionTemplate> t = NewFunctionTemplate(isolate, Parser::New);
  t->InstanceTemplate()->SetInternalFieldCount(kWrapFieldCount);
  struct Constant {
    const char* name;
    uint32_t value;
  };
  static const Constant kConstants[] = {
      {"REQUEST", HTTP_REQUEST},
      {"RESPONSE", HTTP_RESPONSE},
      {"kOnMessageBegin", kOnMessageBegin},
      {"kOnHeaders", kOnHeaders},
      {"kOnHeadersComplete", kOnHeadersComplete},
      {"kOnBody", kOnBody},
      {"kOnMessageComplete", kOnMessageComplete},
      {"kOnExecute", kOnExecute},
      {"kOnTimeout", kOnTimeout},
      {"kLenientNone", kLenientNone},
      {"kLenientHeaders", kLenientHeaders},
      {"kLenientChunkedLength", kLenientChunkedLength},
      {"kLenientKeepAlive", kLenientKeepAlive},
      {"kLenientTransferEncoding", kLenientTransferEncoding},
      {"kLenientVersion", kLenientVersion},
      {"kLenientDataAfterClose", kLenientDataAfterClose},
      {"kLenientOptionalLFAfterCR", kLenientOptionalLFAfterCR},
      {"kLenientOptionalCRLFAfterChunk", kLenientOptionalCRLFAfterChunk},
      {"kLenientOptionalCRBeforeLF", kLenientOptionalCRBeforeLF},
      {"kLenientSpacesAfterChunkSize", kLenientSpacesAfterChunkSize},
      {"kLenientAll", kLenientAll},
  };
  for (const Constant& c : kConstants) {
    t->Set(OneByteString(isolate, c.name),
           Integer::NewFromUnsigned(isolate, c.value));
  }
  SetProtoMethod(isolate, t, "close", Parser::Close);
  SetProtoMethod(isolate, t, "free", Parser::Free);
  SetProtoMethod(isolate, t, "remove", Parser::Remove);
  SetProtoMethod(isolate, t, "execute", Parser::Execute);
  SetProtoMethod(isolate, t, "finish", Parser::Finish);
  SetProtoMethod(isolate, t, "initialize", Parser::Initialize);
  SetProtoMethod(isolate, t, "pause", Parser::Pause);
  SetProtoMethod(isolate, t, "resume", Parser::Resume);
  SetProtoMethod(isolate, t, "consume", Parser::Consume);
  SetProtoMethod(isolate, t, "unconsume", Parser::Unconsume);
  SetProtoMethod(isolate, t, "getCurrentBuffer", Parser::GetCurrentBuffer);
  SetProtoMethod(isolate, t, "duration", Parser::Duration);
  SetProtoMethod(isolate, t, "headersCompleted", Parser::HeadersCompleted);
  SetConstructorFunction(context, target, "HTTPParser", t);

  Local<FunctionTemplate> c =
      NewFunctionTemplate(isolate, ConnectionsList::New);
  c->InstanceTemplate()->SetInternalFieldCount(kWrapFieldCount);
  SetProtoMethod(isolate, c, "all", ConnectionsList::All);
  SetProtoMethod(isolate, c, "idle", ConnectionsList::Idle);
  SetProtoMethod(isolate, c, "active", ConnectionsList::Active);
  SetProtoMethod(isolate, c, "expired", ConnectionsList::Expired);
  SetConstructorFunction(context, target, "ConnectionsList", c);

  SetValue(context, target, "methods", MethodList(isolate, false));
  SetValue(context, target, "allMethods", MethodList(isolate, true));
}

void RegisterExternalReferences(ExternalReferenceRegistry* registry) {
  registry->Register(Parser::New);
  registry->Register(Parser::Close);
  registry->Register(Parser::Free);
  registry->Register(Parser::Remove);
  registry->Register(Parser::Execute);
  registry->Register(Parser::Finish);
  registry->Register(Parser::Initialize);
  registry->Register(Parser::Pause);
  registry->Register(Parser::Resume);
  registry->Register(Parser::Consume);
  registry->Register(Parser::Unconsume);
  registry->Register(Parser::GetCurrentBuffer);
  registry->Register(Parser::Duration);
  registry->Register(Parser::HeadersCompleted);
  registry->Register(ConnectionsList::New);
  registry->Register(ConnectionsList::All);
  registry->Register(ConnectionsList::Idle);
  registry->Register(ConnectionsList::Active);
  registry->Register(ConnectionsList::Expired);
}

}  // namespace
}  // namespace lode::http_parser

LODE_BINDING_CONTEXT_AWARE_INTERNAL(http_parser, lode::http_parser::Initialize)
LODE_BINDING_EXTERNAL_REFERENCE(http_parser,
                                lode::http_parser::RegisterExternalReferences)
