// The inspector's HTTP + WebSocket server (see lode_inspector_server.h).
//
// Everything below but Start(), the destructor and Post() runs on the IO
// thread. A connection starts as HTTP: GET /json, /json/list and
// /json/version are answered (the connection stays open for more), an
// upgrade to ws://host:port/<id> makes it a session; anything else gets
// Node's 400 and is closed. A session reads RFC 6455 frames (masked,
// possibly fragmented; ping answered, close echoed) and writes unmasked
// text frames. Malformed input closes the connection, never more.
#include "lode_inspector_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <openssl/evp.h>

#include <cstdio>
#include <cstring>
#include <utility>

#include "json_text.h"
#include "lode_version.h"

namespace lode::inspector {

namespace {

// An HTTP request head larger than this is not one a debugger sends.
constexpr size_t kMaxHttpHead = 64 * 1024;
// The largest message a session accepts (fragments together).
constexpr uint64_t kMaxMessage = 256ull * 1024 * 1024;
constexpr size_t kReadSize = 64 * 1024;

const char kHelpLine[] = "For help, see: https://nodejs.org/en/docs/inspector";

const char kBadRequest[] =
    "HTTP/1.0 400 Bad Request\r\n"
    "Content-Type: text/html; charset=UTF-8\r\n\r\n"
    "WebSockets request was expected\r\n";

std::string ToLower(std::string s) {
  for (char& c : s) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  return s;
}

std::string Trim(const std::string& s) {
  size_t begin = s.find_first_not_of(" \t");
  if (begin == std::string::npos) return "";
  size_t end = s.find_last_not_of(" \t");
  return s.substr(begin, end - begin + 1);
}

// What a Host header may name (DNS rebinding): localhost or an IP address,
// with or without a port.
bool IsAllowedHost(const std::string& value) {
  if (value.empty()) return true;
  std::string host = value;
  std::string rest;
  if (host[0] == '[') {
    size_t close = host.find(']');
    if (close == std::string::npos) return false;
    rest = host.substr(close + 1);
    host = host.substr(1, close - 1);
    in6_addr addr6;
    if (inet_pton(AF_INET6, host.c_str(), &addr6) != 1) return false;
  } else {
    size_t colon = host.rfind(':');
    if (colon != std::string::npos) {
      rest = host.substr(colon);
      host = host.substr(0, colon);
    }
    in_addr addr4;
    if (ToLower(host) != "localhost" &&
        inet_pton(AF_INET, host.c_str(), &addr4) != 1) {
      return false;
    }
  }
  if (rest.empty()) return true;
  if (rest[0] != ':' || rest.size() == 1) return false;
  for (size_t i = 1; i < rest.size(); i++) {
    if (rest[i] < '0' || rest[i] > '9') return false;
  }
  return true;
}

// Sec-WebSocket-Accept: base64(SHA-1(key + the RFC 6455 GUID)).
std::string AcceptKey(const std::string& key) {
  std::string input = key + "258EAFA5-E914-47DA-95CA-C5AB0DC85B11";
  unsigned char digest[EVP_MAX_MD_SIZE];
  unsigned int length = 0;
  if (EVP_Digest(input.data(), input.size(), digest, &length, EVP_sha1(),
                 nullptr) != 1) {
    return "";
  }
  unsigned char encoded[64];
  int n = EVP_EncodeBlock(encoded, digest, static_cast<int>(length));
  return std::string(reinterpret_cast<char*>(encoded), n > 0 ? n : 0);
}

// A server frame: unmasked, unfragmented.
std::string Frame(uint8_t opcode, const std::string& payload) {
  std::string out;
  out.push_back(static_cast<char>(0x80 | opcode));
  uint64_t length = payload.size();
  if (length < 126) {
    out.push_back(static_cast<char>(length));
  } else if (length < 65536) {
    out.push_back(static_cast<char>(126));
    out.push_back(static_cast<char>(length >> 8));
    out.push_back(static_cast<char>(length & 0xff));
  } else {
    out.push_back(static_cast<char>(127));
    for (int shift = 56; shift >= 0; shift -= 8) {
      out.push_back(static_cast<char>((length >> shift) & 0xff));
    }
  }
  out += payload;
  return out;
}

std::string AddressOf(const sockaddr_storage& storage, int* port) {
  char ip[INET6_ADDRSTRLEN] = "";
  if (storage.ss_family == AF_INET6) {
    const auto* a = reinterpret_cast<const sockaddr_in6*>(&storage);
    uv_ip6_name(a, ip, sizeof(ip));
    *port = ntohs(a->sin6_port);
  } else {
    const auto* a = reinterpret_cast<const sockaddr_in*>(&storage);
    uv_ip4_name(a, ip, sizeof(ip));
    *port = ntohs(a->sin_port);
  }
  return ip;
}

}  // namespace

std::string FormatHostPort(const std::string& host, int port) {
  if (host.find(':') != std::string::npos) {
    return "[" + host + "]:" + std::to_string(port);
  }
  return host + ":" + std::to_string(port);
}

struct Server::Connection {
  uv_tcp_t tcp;
  Server* server;
  enum State { kHttp, kWebSocket } state = kHttp;
  int session = 0;
  std::string input;
  std::string message;  // the fragments of a message so far
  bool in_fragment = false;
  int pending_writes = 0;
  bool close_when_written = false;
  bool closed = false;
};

namespace {

using Connection = Server::Connection;

struct WriteRequest {
  uv_write_t req;
  std::string data;
  Connection* connection;
};

void OnClosed(uv_handle_t* handle) {
  auto* c = static_cast<Connection*>(handle->data);
  c->server->Forget(c);
  delete c;
}

void Close(Connection* c) {
  if (c->closed) return;
  c->closed = true;
  if (c->session != 0) c->server->OnSessionEnded(c);
  uv_close(reinterpret_cast<uv_handle_t*>(&c->tcp), OnClosed);
}

void OnWritten(uv_write_t* req, int status) {
  auto* w = static_cast<WriteRequest*>(req->data);
  Connection* c = w->connection;
  delete w;
  c->pending_writes--;
  if (c->closed) return;
  if (status != 0 || (c->close_when_written && c->pending_writes == 0)) {
    Close(c);
  }
}

void Write(Connection* c, std::string data) {
  if (c->closed) return;
  auto* w = new WriteRequest{{}, std::move(data), c};
  w->req.data = w;
  uv_buf_t buf = uv_buf_init(w->data.data(),
                             static_cast<unsigned int>(w->data.size()));
  c->pending_writes++;
  if (uv_write(&w->req, reinterpret_cast<uv_stream_t*>(&c->tcp), &buf, 1,
               OnWritten) != 0) {
    c->pending_writes--;
    delete w;
    Close(c);
  }
}

// Closes once what was written has gone; reads nothing more.
void CloseWhenWritten(Connection* c) {
  if (c->closed) return;
  uv_read_stop(reinterpret_cast<uv_stream_t*>(&c->tcp));
  if (c->pending_writes == 0) {
    Close(c);
  } else {
    c->close_when_written = true;
  }
}

void Reject(Connection* c) {
  Write(c, kBadRequest);
  CloseWhenWritten(c);
}

void OnAlloc(uv_handle_t*, size_t, uv_buf_t* buf) {
  buf->base = new char[kReadSize];
  buf->len = kReadSize;
}

void OnRead(uv_stream_t* stream, ssize_t nread, const uv_buf_t* buf) {
  auto* c = static_cast<Connection*>(stream->data);
  if (nread > 0 && !c->closed && !c->close_when_written) {
    c->input.append(buf->base, static_cast<size_t>(nread));
  }
  delete[] buf->base;
  if (nread < 0) {
    Close(c);
    return;
  }
  if (nread > 0) c->server->OnRequest(c);
}

// One frame of a session's input, when it is all there: false when more
// input is needed or the connection was closed.
bool HandleFrame(Connection* c) {
  const std::string& in = c->input;
  if (in.size() < 2) return false;
  const auto* bytes = reinterpret_cast<const uint8_t*>(in.data());
  bool fin = (bytes[0] & 0x80) != 0;
  int opcode = bytes[0] & 0x0f;
  bool masked = (bytes[1] & 0x80) != 0;
  uint64_t length = bytes[1] & 0x7f;
  size_t offset = 2;
  // Reserved bits (no extension was negotiated) or an unmasked client
  // frame: a protocol error.
  if ((bytes[0] & 0x70) != 0 || !masked) {
    Close(c);
    return false;
  }
  if (length == 126) {
    if (in.size() < 4) return false;
    length = (static_cast<uint64_t>(bytes[2]) << 8) | bytes[3];
    offset = 4;
  } else if (length == 127) {
    if (in.size() < 10) return false;
    length = 0;
    for (int i = 2; i < 10; i++) length = (length << 8) | bytes[i];
    offset = 10;
  }
  if (length > kMaxMessage || c->message.size() + length > kMaxMessage) {
    Close(c);
    return false;
  }
  bool control = (opcode & 0x08) != 0;
  if (control && (!fin || length > 125)) {
    Close(c);
    return false;
  }
  if (in.size() < offset + 4 + length) return false;
  const uint8_t* mask = bytes + offset;
  std::string payload(in, offset + 4, static_cast<size_t>(length));
  for (size_t i = 0; i < payload.size(); i++) {
    payload[i] = static_cast<char>(payload[i] ^ mask[i % 4]);
  }
  c->input.erase(0, offset + 4 + static_cast<size_t>(length));
  switch (opcode) {
    case 0x0:  // continuation
      if (!c->in_fragment) {
        Close(c);
        return false;
      }
      c->message += payload;
      break;
    case 0x1:  // text
      if (c->in_fragment) {
        Close(c);
        return false;
      }
      c->message = std::move(payload);
      c->in_fragment = true;
      break;
    case 0x8:  // close: echoed, then the connection goes
      Write(c, std::string("\x88\x00", 2));
      CloseWhenWritten(c);
      return false;
    case 0x9:  // ping
      Write(c, Frame(0xA, payload));
      return true;
    case 0xA:  // pong
      return true;
    default:  // binary frames and reserved opcodes
      Close(c);
      return false;
  }
  if (fin) {
    c->in_fragment = false;
    c->server->Emit(
        {ServerEvent::kMessage, c->session, std::move(c->message)});
    c->message.clear();
  }
  return true;
}

}  // namespace

std::unique_ptr<Server> Server::Start(const std::string& host, int port,
                                      ServerTarget target,
                                      EventCallback callback, int* err,
                                      bool* resolve_failed) {
  *err = 0;
  *resolve_failed = false;
  std::unique_ptr<Server> server(new Server());
  server->host_ = host;
  server->target_ = std::move(target);
  server->callback_ = std::move(callback);
  uv_loop_t* loop = &server->loop_;
  if ((*err = uv_loop_init(loop)) != 0) return nullptr;

  addrinfo hints;
  memset(&hints, 0, sizeof(hints));
  hints.ai_family = AF_UNSPEC;
  hints.ai_socktype = SOCK_STREAM;
  uv_getaddrinfo_t req;
  int r = uv_getaddrinfo(loop, &req, nullptr, host.c_str(),
                         std::to_string(port).c_str(), &hints);
  if (r != 0) {
    *err = r;
    *resolve_failed = true;
    uv_loop_close(loop);
    return nullptr;
  }
  int first_error = 0;
  for (addrinfo* ai = req.addrinfo; ai != nullptr; ai = ai->ai_next) {
    if (ai->ai_family != AF_INET && ai->ai_family != AF_INET6) continue;
    sockaddr_storage addr;
    memset(&addr, 0, sizeof(addr));
    memcpy(&addr, ai->ai_addr, ai->ai_addrlen);
    if (server->port_ != 0) {
      // Port 0: every address gets the port the first one got.
      if (addr.ss_family == AF_INET6) {
        reinterpret_cast<sockaddr_in6*>(&addr)->sin6_port =
            htons(static_cast<uint16_t>(server->port_));
      } else {
        reinterpret_cast<sockaddr_in*>(&addr)->sin_port =
            htons(static_cast<uint16_t>(server->port_));
      }
    }
    auto* tcp = new uv_tcp_t;
    uv_tcp_init(loop, tcp);
    tcp->data = server.get();
    unsigned int flags = addr.ss_family == AF_INET6 ? UV_TCP_IPV6ONLY : 0;
    r = uv_tcp_bind(tcp, reinterpret_cast<sockaddr*>(&addr), flags);
    if (r == 0) {
      r = uv_listen(reinterpret_cast<uv_stream_t*>(tcp), 511,
                    Server::OnConnection);
    }
    if (r != 0) {
      if (first_error == 0) first_error = r;
      uv_close(reinterpret_cast<uv_handle_t*>(tcp),
               [](uv_handle_t* h) { delete reinterpret_cast<uv_tcp_t*>(h); });
      continue;
    }
    if (server->port_ == 0) {
      sockaddr_storage bound;
      int size = sizeof(bound);
      if (uv_tcp_getsockname(tcp, reinterpret_cast<sockaddr*>(&bound),
                             &size) == 0) {
        AddressOf(bound, &server->port_);
      }
    }
    server->listeners_.push_back(tcp);
  }
  uv_freeaddrinfo(req.addrinfo);
  if (server->listeners_.empty()) {
    *err = first_error != 0 ? first_error : UV_EADDRNOTAVAIL;
    uv_run(loop, UV_RUN_NOWAIT);
    uv_loop_close(loop);
    return nullptr;
  }
  uv_async_init(loop, &server->async_, OnAsync);
  server->async_.data = server.get();
  Server* raw = server.get();
  server->thread_ = std::thread([raw]() { raw->Run(); });
  return server;
}

Server::~Server() {
  if (thread_.joinable()) {
    Post({Command::kStop, 0, ""});
    thread_.join();
    uv_loop_close(&loop_);
  }
}

std::string Server::WebSocketUrl() const {
  return "ws://" + FormatHostPort(host_, port_) + "/" + target_.id;
}

void Server::Post(Command command) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    commands_.push_back(std::move(command));
  }
  uv_async_send(&async_);
}

void Server::Send(int session, std::string text) {
  Post({Command::kSend, session, std::move(text)});
}

void Server::CloseSession(int session) {
  Post({Command::kClose, session, ""});
}

void Server::StopAccepting() { Post({Command::kStopAccepting, 0, ""}); }

void Server::Run() { uv_run(&loop_, UV_RUN_DEFAULT); }

void Server::OnAsync(uv_async_t* handle) {
  static_cast<Server*>(handle->data)->HandleCommands();
}

void Server::CloseListeners() {
  accepting_ = false;
  for (uv_tcp_t* tcp : listeners_) {
    uv_close(reinterpret_cast<uv_handle_t*>(tcp),
             [](uv_handle_t* h) { delete reinterpret_cast<uv_tcp_t*>(h); });
  }
  listeners_.clear();
}

void Server::HandleCommands() {
  std::deque<Command> commands;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    commands.swap(commands_);
  }
  for (Command& command : commands) {
    if (stopping_) break;
    switch (command.kind) {
      case Command::kSend: {
        auto it = sessions_.find(command.session);
        if (it != sessions_.end()) Write(it->second, Frame(0x1, command.text));
        break;
      }
      case Command::kClose: {
        auto it = sessions_.find(command.session);
        if (it != sessions_.end()) {
          Connection* c = it->second;
          Write(c, std::string("\x88\x00", 2));
          CloseWhenWritten(c);
        }
        break;
      }
      case Command::kStopAccepting:
        CloseListeners();
        break;
      case Command::kStop: {
        stopping_ = true;
        CloseListeners();
        std::vector<Connection*> all = connections_;
        // A close frame for the sessions (libuv writes at once when it
        // can), then every connection goes: a debugger that does not read
        // cannot hold the thread.
        for (Connection* c : all) {
          if (c->state == Connection::kWebSocket) {
            Write(c, std::string("\x88\x00", 2));
          }
          Close(c);
        }
        uv_close(reinterpret_cast<uv_handle_t*>(&async_), nullptr);
        break;
      }
    }
  }
}

void Server::OnConnection(uv_stream_t* listener, int status) {
  auto* server = static_cast<Server*>(listener->data);
  if (status != 0 || server->stopping_) return;
  auto* c = new Connection();
  c->server = server;
  uv_tcp_init(&server->loop_, &c->tcp);
  c->tcp.data = c;
  if (uv_accept(listener, reinterpret_cast<uv_stream_t*>(&c->tcp)) != 0) {
    uv_close(reinterpret_cast<uv_handle_t*>(&c->tcp),
             [](uv_handle_t* h) { delete static_cast<Connection*>(h->data); });
    return;
  }
  server->connections_.push_back(c);
  if (uv_read_start(reinterpret_cast<uv_stream_t*>(&c->tcp), OnAlloc,
                    OnRead) != 0) {
    Close(c);
  }
}

void Server::Forget(Connection* c) {
  for (size_t i = 0; i < connections_.size(); i++) {
    if (connections_[i] == c) {
      connections_.erase(connections_.begin() + static_cast<long>(i));
      break;
    }
  }
}

void Server::OnSessionEnded(Connection* c) {
  int session = c->session;
  c->session = 0;
  sessions_.erase(session);
  Emit({ServerEvent::kDisconnect, session, ""});
  if (sessions_.empty() && accepting_ && !stopping_ && print_ending_) {
    fprintf(stderr, "Debugger ending on %s\n%s\n", WebSocketUrl().c_str(),
            kHelpLine);
    fflush(stderr);
  }
}

// The requests of an HTTP connection, or the frames of a session.
void Server::OnRequest(Connection* c) {
  while (!c->closed && !c->close_when_written) {
    if (c->state == Connection::kWebSocket) {
      if (!HandleFrame(c)) return;
      continue;
    }
    size_t end = c->input.find("\r\n\r\n");
    if (end == std::string::npos) {
      if (c->input.size() > kMaxHttpHead) Reject(c);
      return;
    }
    std::string head = c->input.substr(0, end);
    c->input.erase(0, end + 4);
    std::vector<std::string> lines;
    for (size_t pos = 0;;) {
      size_t next = head.find("\r\n", pos);
      lines.push_back(head.substr(pos, next == std::string::npos
                                           ? std::string::npos
                                           : next - pos));
      if (next == std::string::npos) break;
      pos = next + 2;
    }
    // METHOD SP path SP HTTP/x.y
    const std::string& line = lines[0];
    size_t sp1 = line.find(' ');
    size_t sp2 = sp1 == std::string::npos ? sp1 : line.find(' ', sp1 + 1);
    if (sp2 == std::string::npos ||
        line.compare(sp2 + 1, 5, "HTTP/") != 0) {
      Reject(c);
      return;
    }
    std::string method = line.substr(0, sp1);
    std::string path = line.substr(sp1 + 1, sp2 - sp1 - 1);
    std::map<std::string, std::string> headers;
    for (size_t i = 1; i < lines.size(); i++) {
      size_t colon = lines[i].find(':');
      if (colon == std::string::npos) continue;
      headers[ToLower(Trim(lines[i].substr(0, colon)))] =
          Trim(lines[i].substr(colon + 1));
    }
    auto header = [&](const char* name) -> std::string {
      auto it = headers.find(name);
      return it == headers.end() ? "" : it->second;
    };
    std::string host = header("host");
    if (method != "GET" || !IsAllowedHost(host)) {
      Reject(c);
      return;
    }
    if (ToLower(header("upgrade")) == "websocket") {
      std::string key = header("sec-websocket-key");
      if (path != "/" + target_.id || key.empty() || !accepting_) {
        Reject(c);
        return;
      }
      Write(c,
            "HTTP/1.1 101 Switching Protocols\r\n"
            "Upgrade: websocket\r\n"
            "Connection: Upgrade\r\n"
            "Sec-WebSocket-Accept: " + AcceptKey(key) + "\r\n\r\n");
      c->state = Connection::kWebSocket;
      c->session = ++next_session_;
      sessions_[c->session] = c;
      Emit({ServerEvent::kConnect, c->session, ""});
      continue;
    }
    if (!path.empty() && path.back() == '/' && path.size() > 1) path.pop_back();
    std::string body;
    if (path == "/json" || path == "/json/list") {
      if (host.empty()) {
        sockaddr_storage local;
        int size = sizeof(local);
        int local_port = 0;
        if (uv_tcp_getsockname(&c->tcp, reinterpret_cast<sockaddr*>(&local),
                               &size) == 0) {
          host = FormatHostPort(AddressOf(local, &local_port), local_port);
        }
      }
      std::string address = host + "/" + target_.id;
      body =
          "[ {\n"
          "  \"description\": \"node.js instance\",\n"
          "  \"devtoolsFrontendUrl\": \"devtools://devtools/bundled/"
          "js_app.html?experiments=true&v8only=true&ws=" + address + "\",\n"
          "  \"devtoolsFrontendUrlCompat\": \"devtools://devtools/bundled/"
          "inspector.html?experiments=true&v8only=true&ws=" + address +
          "\",\n"
          "  \"faviconUrl\": "
          "\"https://nodejs.org/static/images/favicons/favicon.ico\",\n"
          "  \"id\": \"" + target_.id + "\",\n"
          "  \"title\": " + JsonString(target_.title) + ",\n"
          "  \"type\": \"node\",\n"
          "  \"url\": " + JsonString(target_.url) + ",\n"
          "  \"webSocketDebuggerUrl\": \"ws://" + address + "\"\n"
          "} ]\n\n";
    } else if (path == "/json/version") {
      body = std::string("{\n  \"Browser\": \"node.js/") +
             LODE_NODE_VERSION_STRING +
             "\",\n  \"Protocol-Version\": \"1.1\"\n} ";
    } else {
      Reject(c);
      return;
    }
    Write(c,
          "HTTP/1.0 200 OK\r\n"
          "Content-Type: application/json; charset=UTF-8\r\n"
          "Cache-Control: no-cache\r\n"
          "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" +
              body);
  }
}

}  // namespace lode::inspector
