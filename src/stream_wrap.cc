// LibuvStreamWrap (see stream_base.h) and internalBinding('stream_wrap').
#include <stdlib.h>

#include <memory>
#include <string_view>
#include <unordered_map>

#include "env.h"
#include "lode_binding.h"
#include "lode_errors.h"
#include "lode_string_utf8.h"
#include "lode_tracing.h"
#include "stream_base.h"
#include "util.h"

namespace lode {

using v8::Array;
using v8::ArrayBuffer;
using v8::ArrayBufferView;
using v8::BackingStore;
using v8::Context;
using v8::FunctionCallbackInfo;
using v8::FunctionTemplate;
using v8::Global;
using v8::HandleScope;
using v8::Int32Array;
using v8::Integer;
using v8::Isolate;
using v8::Local;
using v8::Number;
using v8::Object;
using v8::String;
using v8::Value;

namespace stream_strings {

// Strings whose UTF-8 form may be longer than this are measured first.
constexpr size_t kUtf8GuessLimit = 64 * 1024;

bool AppendString(Isolate* isolate, Local<Value> value, int encoding,
                  std::string* out) {
  Local<String> str;
  if (!value->ToString(isolate->GetCurrentContext()).ToLocal(&str)) {
    return false;
  }
  if (encoding == kLatin1 || encoding == kAscii) {
    size_t start = out->size();
    out->resize(start + str->Length());
    str->WriteOneByte(isolate, reinterpret_cast<uint8_t*>(out->data() + start),
                      0, str->Length(), String::NO_NULL_TERMINATION);
  } else if (encoding == kUcs2) {
    std::vector<uint16_t> units(str->Length());
    str->Write(isolate, units.data(), 0, str->Length(),
               String::NO_NULL_TERMINATION);
    for (uint16_t u : units) {
      out->push_back(static_cast<char>(u & 0xff));
      out->push_back(static_cast<char>(u >> 8));
    }
  } else {
    AppendUtf8(isolate, str, out, kUtf8GuessLimit);
  }
  return true;
}

void AppendView(Local<Value> value, std::string* out) {
  Local<ArrayBufferView> view = value.As<ArrayBufferView>();
  size_t start = out->size();
  out->resize(start + view->ByteLength());
  if (view->ByteLength() > 0) view->CopyContents(out->data() + start,
                                                 view->ByteLength());
}

int EncodingOf(Isolate* isolate, Local<Value> value) {
  // The names are short one-byte strings: read them without a conversion.
  // Anything else ("buffer", undefined, ...) means UTF-8.
  if (!value->IsString()) return kUtf8;
  Local<String> str = value.As<String>();
  int length = str->Length();
  char chars[8];
  if (length > static_cast<int>(sizeof(chars)) ||
      !str->ContainsOnlyOneByte()) {
    return kUtf8;
  }
  str->WriteOneByte(isolate, reinterpret_cast<uint8_t*>(chars), 0, length,
                    String::NO_NULL_TERMINATION);
  std::string_view name(chars, static_cast<size_t>(length));
  if (name == "latin1" || name == "binary") return kLatin1;
  if (name == "ascii") return kAscii;
  if (name == "ucs2" || name == "ucs-2" || name == "utf16le" ||
      name == "utf-16le") {
    return kUcs2;
  }
  return kUtf8;
}

}  // namespace stream_strings

namespace {

using stream_strings::AppendString;
using stream_strings::AppendView;
using stream_strings::EncodingOf;
using stream_strings::kAscii;
using stream_strings::kLatin1;
using stream_strings::kUcs2;
using stream_strings::kUtf8;

// The streamBaseState array of one environment.
struct StateHolder : public BindingData {
  Global<Int32Array> array;
  int32_t* data = nullptr;
};

// A new streamBaseState array for the environment (at binding
// initialization).
StateHolder* CreateState(Environment* env) {
  Isolate* isolate = env->isolate();
  Local<ArrayBuffer> ab =
      ArrayBuffer::New(isolate, kStreamBaseStateFields * sizeof(int32_t));
  Local<Int32Array> array = Int32Array::New(ab, 0, kStreamBaseStateFields);
  StateHolder* holder =
      env->SetBindingData("stream_wrap", std::make_unique<StateHolder>());
  holder->array.Reset(isolate, array);
  holder->data = static_cast<int32_t*>(ab->Data());
  return holder;
}

StateHolder* GetState(Environment* env) {
  StateHolder* holder = env->GetBindingData<StateHolder>("stream_wrap");
  if (holder != nullptr) return holder;
  // The binding was initialized while the startup snapshot was built: its
  // JS object (in the realm's binding cache) holds the array; adopt it.
  // When the binding is not loaded yet, this loads it, which creates the
  // array.
  Isolate* isolate = env->isolate();
  Local<Context> context = env->context();
  Local<Value> name = OneByteString(isolate, "stream_wrap");
  Local<Value> binding;
  Local<Value> array;
  if (!env->internal_binding()
           ->Call(context, v8::Undefined(isolate), 1, &name)
           .ToLocal(&binding)) {
    return nullptr;
  }
  holder = env->GetBindingData<StateHolder>("stream_wrap");
  if (holder != nullptr) return holder;
  CHECK(binding->IsObject());
  CHECK(binding.As<Object>()
            ->Get(context, OneByteString(isolate, "streamBaseState"))
            .ToLocal(&array));
  CHECK(array->IsInt32Array());
  Local<Int32Array> typed = array.As<Int32Array>();
  CHECK_EQ(typed->Length(), static_cast<size_t>(kStreamBaseStateFields));
  holder = env->SetBindingData("stream_wrap", std::make_unique<StateHolder>());
  holder->array.Reset(isolate, typed);
  holder->data = reinterpret_cast<int32_t*>(
      static_cast<char*>(typed->Buffer()->Data()) + typed->ByteOffset());
  return holder;
}

// A write or shutdown in flight: keeps the JS req object alive and owns the
// bytes being written until libuv is done with them.
struct StreamReq {
  LibuvStreamWrap* wrap;
  Global<Object> req;  // empty for a listener's raw write or shutdown
  Global<Object> send_handle;  // a handle passed over an IPC pipe
  std::string data;
  union {
    uv_write_t write;
    uv_shutdown_t shutdown;
  } uv;
};

void Complete(StreamReq* sreq, int status) {
  std::unique_ptr<StreamReq> owned(sreq);
  if (sreq->req.IsEmpty()) return;
  Environment* env = sreq->wrap->env();
  if (!env->can_call_into_js()) return;
  Isolate* isolate = env->isolate();
  HandleScope scope(isolate);
  Context::Scope context_scope(env->context());
  Local<Object> req = sreq->req.Get(isolate);
  Local<Value> argv[3] = {Integer::New(isolate, status),
                          sreq->wrap->object(), v8::Undefined(isolate)};
  if (status < 0) {
    argv[2] = OneByteString(isolate, uv_err_name(status));
  }
  MakeCallback(env, req, "oncomplete", 3, argv);
}


}  // namespace

namespace {

struct ConstructorCache : public BindingData {
  std::unordered_map<std::string, Global<v8::Function>> constructors;
};

}  // namespace

v8::MaybeLocal<v8::Function> BindingConstructor(Environment* env,
                                                const char* binding,
                                                const char* name) {
  Isolate* isolate = env->isolate();
  ConstructorCache* cache =
      env->GetBindingData<ConstructorCache>("stream_wrap.constructors");
  if (cache == nullptr) {
    cache = env->SetBindingData("stream_wrap.constructors",
                                std::make_unique<ConstructorCache>());
  }
  std::string key = std::string(binding) + "." + name;
  auto it = cache->constructors.find(key);
  if (it != cache->constructors.end()) return it->second.Get(isolate);
  Local<Context> context = env->context();
  Local<Value> arg = OneByteString(isolate, binding);
  Local<Value> target;
  Local<Value> ctor;
  if (!env->internal_binding()
           ->Call(context, v8::Undefined(isolate), 1, &arg)
           .ToLocal(&target) ||
      !target->IsObject() ||
      !target.As<Object>()
           ->Get(context, OneByteString(isolate, name))
           .ToLocal(&ctor) ||
      !ctor->IsFunction()) {
    return v8::MaybeLocal<v8::Function>();
  }
  cache->constructors[key].Reset(isolate, ctor.As<v8::Function>());
  return ctor.As<v8::Function>();
}

int32_t* LibuvStreamWrap::State(Environment* env) {
  StateHolder* holder = GetState(env);
  CHECK_NE(holder, nullptr);
  return holder->data;
}

Local<Int32Array> LibuvStreamWrap::StateArray(Environment* env) {
  StateHolder* holder = GetState(env);
  CHECK_NE(holder, nullptr);
  return holder->array.Get(env->isolate());
}

LibuvStreamWrap::ConnectReq::ConnectReq(LibuvStreamWrap* w,
                                        Local<Object> req_object)
    : ActiveRequest(w->env(), "ConnectWrap"), wrap(w) {
  req.Reset(w->env()->isolate(), req_object);
  uv.data = this;
}

Local<Object> LibuvStreamWrap::ConnectReq::request_object() const {
  return req.Get(wrap->env()->isolate());
}

void LibuvStreamWrap::AfterConnect(uv_connect_t* uv_req, int status) {
  std::unique_ptr<ConnectReq> req(static_cast<ConnectReq*>(uv_req->data));
  const uint8_t* flag = LODE_TRACE_FLAG("node,node.net,node.net.native");
  if (tracing::IsEnabled(flag)) {
    tracing::AddEvent('e', flag, "connect", true,
                      reinterpret_cast<uintptr_t>(req.get()),
                      {tracing::IntArg("status", status)});
  }
  Environment* env = req->wrap->env();
  if (!env->can_call_into_js()) return;
  Isolate* isolate = env->isolate();
  HandleScope scope(isolate);
  Context::Scope context_scope(env->context());
  uv_stream_t* stream = req->wrap->stream();
  bool ok = status == 0;
  Local<Object> req_obj = req->req.Get(isolate);
  Local<Value> argv[5] = {
      Integer::New(isolate, status), req->wrap->object(), req_obj,
      v8::Boolean::New(isolate, ok && uv_is_readable(stream)),
      v8::Boolean::New(isolate, ok && uv_is_writable(stream)),
  };
  MakeCallback(env, req_obj, "oncomplete", 5, argv);
}

void LibuvStreamWrap::AcceptConnection(uv_stream_t* server, int status,
                                       const char* binding,
                                       const char* constructor,
                                       const WrapType* client_type) {
  LibuvStreamWrap* wrap = static_cast<LibuvStreamWrap*>(
      static_cast<HandleWrap*>(server->data));
  Environment* env = wrap->env();
  if (!env->can_call_into_js()) return;
  Isolate* isolate = env->isolate();
  HandleScope scope(isolate);
  Context::Scope context_scope(env->context());
  Local<Value> argv[2] = {Integer::New(isolate, status),
                          v8::Undefined(isolate)};
  if (status == 0) {
    Local<v8::Function> ctor;
    if (!BindingConstructor(env, binding, constructor).ToLocal(&ctor)) return;
    // The client is a plain socket (type 0 for both TCP and pipes).
    Local<Value> type = Integer::New(isolate, 0);
    Local<Object> client;
    if (!ctor->NewInstance(env->context(), 1, &type).ToLocal(&client)) return;
    LibuvStreamWrap* client_wrap = static_cast<LibuvStreamWrap*>(
        static_cast<HandleWrap*>(GetWrapped(client, client_type)));
    if (client_wrap == nullptr) return;
    int err = uv_accept(server, client_wrap->stream());
    if (err != 0) {
      client_wrap->Close();
      argv[0] = Integer::New(isolate, err);
    } else {
      argv[1] = client;
    }
  }
  MakeCallback(env, wrap->object(), "onconnection", 2, argv);
}

const WrapType LibuvStreamWrap::kType = {"LibuvStreamWrap",
                                         &HandleWrap::kType};

LibuvStreamWrap::LibuvStreamWrap(Environment* env, Local<Object> object,
                                 uv_stream_t* stream, const WrapType* type)
    : HandleWrap(env, object, reinterpret_cast<uv_handle_t*>(stream), type),
      stream_(stream) {}

LibuvStreamWrap::~LibuvStreamWrap() { NotifyDestroyed(); }

int LibuvStreamWrap::TransportReadStart() {
  if (state() != kInitialized) return UV_EBADF;
  return uv_read_start(stream_, OnAlloc, OnRead);
}

int LibuvStreamWrap::TransportReadStop() {
  if (state() != kInitialized) return UV_EBADF;
  return uv_read_stop(stream_);
}

bool LibuvStreamWrap::TransportIsAlive() const {
  return state() == kInitialized;
}

int LibuvStreamWrap::TransportFd() const {
  uv_os_fd_t fd = -1;
  if (state() != kInitialized || uv_fileno(handle(), &fd) != 0) return -1;
  return static_cast<int>(fd);
}

// A raw write for the listener: completion goes to the listener attached
// at that time (none once it detached).
int LibuvStreamWrap::TransportWrite(std::string data, bool* async) {
  *async = false;
  if (state() != kInitialized) return UV_EBADF;
  size_t total = data.size();
  if (total == 0) return 0;
  size_t done = 0;
  if (stream_->write_queue_size == 0) {
    uv_buf_t buf = uv_buf_init(data.data(), static_cast<unsigned>(total));
    int r = uv_try_write(stream_, &buf, 1);
    if (r >= 0) {
      done = static_cast<size_t>(r);
    } else if (r != UV_EAGAIN && r != UV_ENOSYS) {
      return r;
    }
  }
  bytes_written_ += static_cast<double>(total);
  if (done == total) return 0;
  StreamReq* sreq = new StreamReq();
  sreq->wrap = this;
  sreq->data = data.substr(done);
  sreq->uv.write.data = sreq;
  uv_buf_t buf = uv_buf_init(sreq->data.data(),
                             static_cast<unsigned>(sreq->data.size()));
  int err = uv_write(&sreq->uv.write, stream_, &buf, 1,
                     [](uv_write_t* w, int status) {
                       StreamReq* req = static_cast<StreamReq*>(w->data);
                       LibuvStreamWrap* wrap = req->wrap;
                       delete req;
                       if (wrap->listener_ != nullptr) {
                         wrap->listener_->OnStreamAfterWrite(status);
                       }
                     });
  if (err < 0) {
    delete sreq;
    return err;
  }
  *async = true;
  return 0;
}

int LibuvStreamWrap::TransportShutdown() {
  if (state() != kInitialized) return UV_EBADF;
  StreamReq* sreq = new StreamReq();
  sreq->wrap = this;
  sreq->uv.shutdown.data = sreq;
  int err = uv_shutdown(&sreq->uv.shutdown, stream_,
                        [](uv_shutdown_t* s, int status) {
                          StreamReq* req = static_cast<StreamReq*>(s->data);
                          LibuvStreamWrap* wrap = req->wrap;
                          delete req;
                          if (wrap->listener_ != nullptr) {
                            wrap->listener_->OnStreamAfterShutdown(status);
                          }
                        });
  if (err < 0) delete sreq;
  return err;
}

// The stream of a handle object a program passed in (stdio, a handle sent
// over IPC): only a live stream wrap qualifies.
StreamTransport* TransportFromObject(Local<Object> object) {
  HandleWrap* base =
      static_cast<HandleWrap*>(GetWrapped(object, &LibuvStreamWrap::kType));
  if (base != nullptr) {
    if (base->state() != HandleWrap::kInitialized) return nullptr;
    return static_cast<LibuvStreamWrap*>(base);
  }
  if (StreamTransport* js = JSStreamTransportFromObject(object)) return js;
  return TLSWrapTransportFromObject(object);
}

uv_stream_t* StreamFromObject(Local<Object> object) {
  HandleWrap* base =
      static_cast<HandleWrap*>(GetWrapped(object, &LibuvStreamWrap::kType));
  if (base == nullptr || base->state() != HandleWrap::kInitialized) {
    return nullptr;
  }
  return static_cast<LibuvStreamWrap*>(base)->stream();
}

// What may travel over an IPC pipe: a stream handle or a UDP handle (libuv
// takes both through uv_write2() and uv_accept(), typed as a stream).
static uv_stream_t* IpcHandleFromObject(Local<Object> object) {
  uv_stream_t* stream = StreamFromObject(object);
  if (stream != nullptr) return stream;
  HandleWrap* wrap =
      static_cast<HandleWrap*>(GetWrapped(object, &HandleWrap::kType));
  if (wrap == nullptr || wrap->state() != HandleWrap::kInitialized ||
      wrap->handle()->type != UV_UDP) {
    return nullptr;
  }
  return reinterpret_cast<uv_stream_t*>(wrap->handle());
}

#define UNWRAP_STREAM(args)                                         \
  LibuvStreamWrap* wrap = Unwrap<LibuvStreamWrap>((args).This());   \
  if (wrap == nullptr || wrap->state() != kInitialized) {           \
    (args).GetReturnValue().Set(UV_EBADF);                          \
    return;                                                         \
  }

void LibuvStreamWrap::ReadStart(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_STREAM(args);
  args.GetReturnValue().Set(uv_read_start(wrap->stream_, OnAlloc, OnRead));
}

void LibuvStreamWrap::ReadStop(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_STREAM(args);
  args.GetReturnValue().Set(uv_read_stop(wrap->stream_));
}

void LibuvStreamWrap::UseUserBuffer(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_STREAM(args);
  // No buffer: reads allocate again (http hands a socket back this way).
  if (args[0]->IsNullOrUndefined()) {
    wrap->user_buffer_.Reset();
    return;
  }
  if (!args[0]->IsUint8Array()) {
    return THROW_ERR_INVALID_ARG_TYPE(args.GetIsolate(),
                                      "First argument must be a Uint8Array");
  }
  wrap->user_buffer_.Reset(args.GetIsolate(), args[0].As<v8::Uint8Array>());
}

void LibuvStreamWrap::OnAlloc(uv_handle_t* handle, size_t suggested,
                              uv_buf_t* buf) {
  LibuvStreamWrap* wrap =
      static_cast<LibuvStreamWrap*>(static_cast<HandleWrap*>(handle->data));
  if (!wrap->user_buffer_.IsEmpty() && wrap->listener_ == nullptr) {
    Isolate* isolate = wrap->env()->isolate();
    HandleScope scope(isolate);
    Local<v8::Uint8Array> view = wrap->user_buffer_.Get(isolate);
    char* data = static_cast<char*>(view->Buffer()->Data());
    *buf = uv_buf_init(data == nullptr ? nullptr : data + view->ByteOffset(),
                       static_cast<unsigned>(view->ByteLength()));
    return;
  }
  char* base = static_cast<char*>(malloc(suggested));
  *buf = uv_buf_init(base, base == nullptr ? 0 : suggested);
}

void LibuvStreamWrap::OnRead(uv_stream_t* stream, ssize_t nread,
                             const uv_buf_t* buf) {
  LibuvStreamWrap* wrap = static_cast<LibuvStreamWrap*>(
      static_cast<HandleWrap*>(stream->data));
  Environment* env = wrap->env();
  if (wrap->listener_ != nullptr) {
    // The buffer came from malloc (OnAlloc allocates while a listener is
    // attached); the listener copies what it keeps.
    if (nread > 0) wrap->bytes_read_ += static_cast<double>(nread);
    if (nread != 0 && env->can_call_into_js()) {
      wrap->listener_->OnStreamRead(nread, buf->base);
    }
    free(buf->base);
    return;
  }
  bool user = !wrap->user_buffer_.IsEmpty();
  if (nread == 0 || !env->can_call_into_js()) {
    if (!user) free(buf->base);
    return;
  }
  Isolate* isolate = env->isolate();
  HandleScope scope(isolate);
  Context::Scope context_scope(env->context());
  int32_t* state = State(env);
  Local<Value> arg = v8::Undefined(isolate);
  if (nread > 0 && wrap->IsIPC()) wrap->AcceptPendingHandle();
  if (user) {
    if (nread > 0) wrap->bytes_read_ += static_cast<double>(nread);
    state[kReadBytesOrError] = static_cast<int32_t>(nread);
    state[kArrayBufferOffset] = 0;
    Local<Value> next;
    if (MakeCallback(env, wrap->object(), "onread", 1, &arg).ToLocal(&next) &&
        next->IsUint8Array()) {
      wrap->user_buffer_.Reset(isolate, next.As<v8::Uint8Array>());
    }
    return;
  }
  if (nread > 0) {
    wrap->bytes_read_ += static_cast<double>(nread);
    char* data = static_cast<char*>(realloc(buf->base, nread));
    if (data == nullptr) data = buf->base;
    std::unique_ptr<BackingStore> store = ArrayBuffer::NewBackingStore(
        data, static_cast<size_t>(nread),
        [](void* p, size_t, void*) { free(p); }, nullptr);
    arg = ArrayBuffer::New(isolate, std::move(store));
  } else {
    free(buf->base);
  }
  state[kReadBytesOrError] = static_cast<int32_t>(nread);
  state[kArrayBufferOffset] = 0;
  MakeCallback(env, wrap->object(), "onread", 1, &arg);
}

bool LibuvStreamWrap::IsIPC() const {
  return stream_->type == UV_NAMED_PIPE &&
         reinterpret_cast<uv_pipe_t*>(stream_)->ipc != 0;
}

// A handle that came over an IPC pipe with the data just read becomes a new
// TCP or Pipe object, left in the pipe object's `pendingHandle` for the
// onread callback to pick up.
void LibuvStreamWrap::AcceptPendingHandle() {
  uv_pipe_t* pipe = reinterpret_cast<uv_pipe_t*>(stream_);
  if (uv_pipe_pending_count(pipe) == 0) return;
  Environment* env = this->env();
  Isolate* isolate = env->isolate();
  Local<Context> context = env->context();
  uv_handle_type type = uv_pipe_pending_type(pipe);
  Local<v8::Function> ctor;
  if (type == UV_TCP) {
    if (!BindingConstructor(env, "tcp_wrap", "TCP").ToLocal(&ctor)) return;
  } else if (type == UV_NAMED_PIPE) {
    if (!BindingConstructor(env, "pipe_wrap", "Pipe").ToLocal(&ctor)) return;
  } else if (type == UV_UDP) {
    if (!BindingConstructor(env, "udp_wrap", "UDP").ToLocal(&ctor)) return;
  } else {
    return;
  }
  Local<Value> socket_type = Integer::New(isolate, 0);  // SOCKET
  Local<Object> handle;
  if (!ctor->NewInstance(context, 1, &socket_type).ToLocal(&handle)) return;
  // uv_accept() also adopts a UDP descriptor (with uv_udp_open()).
  uv_stream_t* target = IpcHandleFromObject(handle);
  if (target == nullptr ||
      reinterpret_cast<uv_handle_t*>(target)->type != type) {
    return;
  }
  if (uv_accept(stream_, target) != 0) {
    HandleWrap::Unwrap<HandleWrap>(handle)->Close();
    return;
  }
  if (object()
          ->Set(context, OneByteString(isolate, "pendingHandle"), handle)
          .IsNothing()) {
    return;
  }
}

int LibuvStreamWrap::DoWrite(Local<Object> req, std::string data,
                             Local<Value> send_handle) {
  int32_t* state = State(env());
  size_t total = data.size();
  size_t done = 0;
  // A handle travels with the first byte of its message: no partial
  // uv_try_write() before uv_write2().
  uv_stream_t* send_stream = nullptr;
  if (IsIPC() && send_handle->IsObject()) {
    send_stream = IpcHandleFromObject(send_handle.As<Object>());
    if (send_stream == nullptr) {
      state[kBytesWritten] = 0;
      state[kLastWriteWasAsync] = 0;
      return UV_EBADF;
    }
  }
  if (send_stream == nullptr && stream_->write_queue_size == 0 &&
      total > 0) {
    uv_buf_t buf = uv_buf_init(data.data(), static_cast<unsigned>(total));
    int r = uv_try_write(stream_, &buf, 1);
    if (r >= 0) {
      done = static_cast<size_t>(r);
    } else if (r != UV_EAGAIN && r != UV_ENOSYS) {
      state[kBytesWritten] = 0;
      state[kLastWriteWasAsync] = 0;
      return r;
    }
  }
  bytes_written_ += static_cast<double>(total);
  state[kBytesWritten] = static_cast<int32_t>(total);
  // All written, or nothing to write while nothing waits ahead of it (an
  // empty write completes at once, as Node's does).
  if (done == total &&
      (total > 0 ||
       (send_stream == nullptr && stream_->write_queue_size == 0))) {
    state[kLastWriteWasAsync] = 0;
    return 0;
  }
  StreamReq* sreq = new StreamReq();
  sreq->wrap = this;
  sreq->req.Reset(env()->isolate(), req);
  sreq->data = data.substr(done);
  sreq->uv.write.data = sreq;
  uv_buf_t buf = uv_buf_init(sreq->data.data(),
                             static_cast<unsigned>(sreq->data.size()));
  auto on_written = [](uv_write_t* w, int status) {
    Complete(static_cast<StreamReq*>(w->data), status);
  };
  int err;
  if (send_stream != nullptr) {
    sreq->send_handle.Reset(env()->isolate(), send_handle.As<Object>());
    err = uv_write2(&sreq->uv.write, stream_, &buf, 1, send_stream,
                    on_written);
  } else {
    err = uv_write(&sreq->uv.write, stream_, &buf, 1, on_written);
  }
  if (err < 0) {
    delete sreq;
    state[kLastWriteWasAsync] = 0;
    return err;
  }
  state[kLastWriteWasAsync] = 1;
  return 0;
}

void LibuvStreamWrap::WriteBuffer(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_STREAM(args);
  if (!args[0]->IsObject() || !args[1]->IsArrayBufferView()) {
    return THROW_ERR_INVALID_ARG_TYPE(args.GetIsolate(),
                                      "Second argument must be a buffer");
  }
  std::string data;
  AppendView(args[1], &data);
  args.GetReturnValue().Set(
      wrap->DoWrite(args[0].As<Object>(), std::move(data), args[2]));
}

void LibuvStreamWrap::Writev(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_STREAM(args);
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
  args.GetReturnValue().Set(wrap->DoWrite(
      args[0].As<Object>(), std::move(data), v8::Undefined(isolate)));
}

template <int kEncoding>
void LibuvStreamWrap::WriteString(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_STREAM(args);
  if (!args[0]->IsObject()) {
    return THROW_ERR_INVALID_ARG_TYPE(args.GetIsolate(),
                                      "First argument must be an object");
  }
  std::string data;
  if (!AppendString(args.GetIsolate(), args[1], kEncoding, &data)) return;
  args.GetReturnValue().Set(
      wrap->DoWrite(args[0].As<Object>(), std::move(data), args[2]));
}

void LibuvStreamWrap::Shutdown(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_STREAM(args);
  if (!args[0]->IsObject()) {
    return THROW_ERR_INVALID_ARG_TYPE(args.GetIsolate(),
                                      "First argument must be an object");
  }
  StreamReq* sreq = new StreamReq();
  sreq->wrap = wrap;
  sreq->req.Reset(args.GetIsolate(), args[0].As<Object>());
  sreq->uv.shutdown.data = sreq;
  int err = uv_shutdown(&sreq->uv.shutdown, wrap->stream_,
                        [](uv_shutdown_t* s, int status) {
                          Complete(static_cast<StreamReq*>(s->data), status);
                        });
  if (err < 0) delete sreq;
  args.GetReturnValue().Set(err);
}

void LibuvStreamWrap::SetBlocking(const FunctionCallbackInfo<Value>& args) {
  UNWRAP_STREAM(args);
  args.GetReturnValue().Set(uv_stream_set_blocking(
      wrap->stream_, args[0]->BooleanValue(args.GetIsolate())));
}

void LibuvStreamWrap::GetFd(const FunctionCallbackInfo<Value>& args) {
  LibuvStreamWrap* wrap = Unwrap<LibuvStreamWrap>(args.This());
  uv_os_fd_t fd = -1;
  if (wrap == nullptr || wrap->state() != kInitialized ||
      uv_fileno(wrap->handle(), &fd) != 0) {
    fd = -1;
  }
  args.GetReturnValue().Set(static_cast<int>(fd));
}

void LibuvStreamWrap::GetBytesRead(const FunctionCallbackInfo<Value>& args) {
  LibuvStreamWrap* wrap = Unwrap<LibuvStreamWrap>(args.This());
  args.GetReturnValue().Set(wrap == nullptr ? 0 : wrap->bytes_read_);
}

void LibuvStreamWrap::GetBytesWritten(
    const FunctionCallbackInfo<Value>& args) {
  LibuvStreamWrap* wrap = Unwrap<LibuvStreamWrap>(args.This());
  args.GetReturnValue().Set(wrap == nullptr ? 0 : wrap->bytes_written_);
}

void LibuvStreamWrap::GetWriteQueueSize(
    const FunctionCallbackInfo<Value>& args) {
  LibuvStreamWrap* wrap = Unwrap<LibuvStreamWrap>(args.This());
  double size = 0;
  if (wrap != nullptr && wrap->state() == kInitialized) {
    size = static_cast<double>(wrap->stream_->write_queue_size);
  }
  args.GetReturnValue().Set(size);
}

#undef UNWRAP_STREAM

static void AddGetter(Isolate* isolate, Local<FunctionTemplate> t,
                      const char* name, v8::FunctionCallback getter) {
  Local<FunctionTemplate> fn = FunctionTemplate::New(
      isolate, getter, Local<Value>(), v8::Signature::New(isolate, t), 0,
      v8::ConstructorBehavior::kThrow, v8::SideEffectType::kHasNoSideEffect);
  t->PrototypeTemplate()->SetAccessorProperty(
      OneByteString(isolate, name), fn, Local<FunctionTemplate>(),
      static_cast<v8::PropertyAttribute>(v8::ReadOnly | v8::DontDelete));
}

void LibuvStreamWrap::AddMethods(Environment* env, Local<FunctionTemplate> t) {
  Isolate* isolate = env->isolate();
  HandleWrap::AddPrototypeMethods(isolate, t);
  SetProtoMethod(isolate, t, "readStart", ReadStart);
  SetProtoMethod(isolate, t, "readStop", ReadStop);
  SetProtoMethod(isolate, t, "shutdown", Shutdown);
  SetProtoMethod(isolate, t, "setBlocking", SetBlocking);
  SetProtoMethod(isolate, t, "useUserBuffer", UseUserBuffer);
  SetProtoMethod(isolate, t, "writeBuffer", WriteBuffer);
  SetProtoMethod(isolate, t, "writev", Writev);
  SetProtoMethod(isolate, t, "writeUtf8String", WriteString<kUtf8>);
  SetProtoMethod(isolate, t, "writeLatin1String", WriteString<kLatin1>);
  SetProtoMethod(isolate, t, "writeAsciiString", WriteString<kAscii>);
  SetProtoMethod(isolate, t, "writeUcs2String", WriteString<kUcs2>);
  AddGetter(isolate, t, "fd", GetFd);
  AddGetter(isolate, t, "bytesRead", GetBytesRead);
  AddGetter(isolate, t, "bytesWritten", GetBytesWritten);
  AddGetter(isolate, t, "writeQueueSize", GetWriteQueueSize);
  t->PrototypeTemplate()->Set(OneByteString(isolate, "isStreamBase"),
                              v8::True(isolate));
}

void LibuvStreamWrap::RegisterExternalReferences(
    ExternalReferenceRegistry* r) {
  r->Register(ReadStart);
  r->Register(ReadStop);
  r->Register(Shutdown);
  r->Register(SetBlocking);
  r->Register(UseUserBuffer);
  r->Register(WriteBuffer);
  r->Register(Writev);
  r->Register(WriteString<kUtf8>);
  r->Register(WriteString<kLatin1>);
  r->Register(WriteString<kAscii>);
  r->Register(WriteString<kUcs2>);
  r->Register(GetFd);
  r->Register(GetBytesRead);
  r->Register(GetBytesWritten);
  r->Register(GetWriteQueueSize);
  HandleWrap::RegisterExternalReferences(r);
}

namespace stream_wrap {
namespace {

void PlainConstructor(const FunctionCallbackInfo<Value>& args) {
  CHECK(args.IsConstructCall());
}

void Initialize(Local<Object> target, Local<Value>, Local<Context> context,
                void*) {
  Environment* env = Environment::GetCurrent(context);
  Isolate* isolate = env->isolate();
  SetValue(context, target, "streamBaseState",
           CreateState(env)->array.Get(isolate));
  SetConstant(context, target, "kReadBytesOrError", kReadBytesOrError);
  SetConstant(context, target, "kArrayBufferOffset", kArrayBufferOffset);
  SetConstant(context, target, "kBytesWritten", kBytesWritten);
  SetConstant(context, target, "kLastWriteWasAsync", kLastWriteWasAsync);
  SetConstructorFunction(context, target, "WriteWrap",
                         NewFunctionTemplate(isolate, PlainConstructor));
  SetConstructorFunction(context, target, "ShutdownWrap",
                         NewFunctionTemplate(isolate, PlainConstructor));
  // The base class, for `instanceof` checks only: it cannot be constructed.
  Local<FunctionTemplate> base = FunctionTemplate::New(isolate);
  LibuvStreamWrap::AddMethods(env, base);
  SetConstructorFunction(context, target, "LibuvStreamWrap", base);
}

void RegisterExternalReferences(ExternalReferenceRegistry* registry) {
  registry->Register(PlainConstructor);
  LibuvStreamWrap::RegisterExternalReferences(registry);
}

}  // namespace
}  // namespace stream_wrap
}  // namespace lode

LODE_BINDING_CONTEXT_AWARE_INTERNAL(stream_wrap,
                                    lode::stream_wrap::Initialize)
LODE_BINDING_EXTERNAL_REFERENCE(stream_wrap,
                                lode::stream_wrap::RegisterExternalReferences)
