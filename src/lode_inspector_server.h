// The inspector's debugger front-end transport: an HTTP server (the /json
// endpoints) that upgrades to WebSocket sessions, on a thread of its own
// with its own libuv loop, so that a debugger can talk to the process while
// its JavaScript is busy or paused. No V8 here: the messages are handed, as
// UTF-8 text, to a callback that runs on the IO thread (lode_inspector.cc
// queues them for the main thread).
#ifndef SRC_LODE_INSPECTOR_SERVER_H_
#define SRC_LODE_INSPECTOR_SERVER_H_

#include <uv.h>

#include <atomic>
#include <deque>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace lode::inspector {

// "host:port", an IPv6 host in brackets (as the server's URLs and messages
// name an address).
std::string FormatHostPort(const std::string& host, int port);

struct ServerEvent {
  enum Kind { kConnect, kMessage, kDisconnect };
  Kind kind;
  int session;
  std::string text;  // kMessage: the message, UTF-8
  // kConnect of a session from a worker thread (Session.connectToMainThread
  // in lode_inspector.cc): where its replies go. Null for the server's.
  std::shared_ptr<void> peer;
};

// What /json describes.
struct ServerTarget {
  std::string id;     // a random UUID, the path of the WebSocket URL
  std::string title;  // the script as given, or "<argv0>[<pid>]"
  std::string url;    // file://<real path of the script>
};

class Server {
 public:
  using EventCallback = std::function<void(ServerEvent)>;

  // Binds every address `host` resolves to on `port` (0: one the system
  // picks, the same for all), on the calling thread, then starts the IO
  // thread. Returns nullptr and sets `*err` (a libuv error) and `*resolve`
  // (true when the host could not be resolved) on failure.
  static std::unique_ptr<Server> Start(const std::string& host, int port,
                                       ServerTarget target,
                                       EventCallback callback, int* err,
                                       bool* resolve_failed);
  ~Server();  // closes every socket and joins the IO thread

  Server(const Server&) = delete;
  Server& operator=(const Server&) = delete;

  int port() const { return port_; }
  const std::string& host() const { return host_; }
  const ServerTarget& target() const { return target_; }
  // ws://host:port/id, with an IPv6 host in brackets.
  std::string WebSocketUrl() const;

  // Any thread.
  void Send(int session, std::string text);
  void CloseSession(int session);
  // Closes the listening sockets: no new session from now on.
  void StopAccepting();
  // Whether "Debugger ending on ..." is printed when the last session
  // goes (not once the process is exiting).
  void set_print_ending(bool value) { print_ending_ = value; }

  struct Connection;

 private:
  Server() = default;
  struct Command {
    enum Kind { kSend, kClose, kStopAccepting, kStop };
    Kind kind;
    int session;
    std::string text;
  };

  void Post(Command command);
  void Run();
  static void OnAsync(uv_async_t* handle);
  static void OnConnection(uv_stream_t* server, int status);
  void HandleCommands();
  void CloseListeners();

 public:
  // Used by the connection callbacks (lode_inspector_server.cc).
  void OnRequest(Connection* c);
  void OnSessionEnded(Connection* c);
  void Emit(ServerEvent event) { callback_(std::move(event)); }
  void Forget(Connection* c);

 private:
  uv_loop_t loop_;
  uv_async_t async_;
  std::vector<uv_tcp_t*> listeners_;
  std::map<int, Connection*> sessions_;
  std::vector<Connection*> connections_;
  std::thread thread_;
  std::mutex mutex_;
  std::deque<Command> commands_;
  EventCallback callback_;
  ServerTarget target_;
  std::string host_;
  int port_ = 0;
  int next_session_ = 0;
  bool accepting_ = true;
  std::atomic<bool> print_ending_{true};
  bool stopping_ = false;
};

}  // namespace lode::inspector

#endif  // SRC_LODE_INSPECTOR_SERVER_H_
