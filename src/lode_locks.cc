// internalBinding('locks'): the Web Locks lock manager
// (https://w3c.github.io/web-locks/). One manager serves the whole process,
// because the main thread and every worker share one "storage bucket":
// a worker and the main thread contend for the same names. Its state sits
// behind one mutex. Each environment is a client with a uv_async_t; what
// happens to a client because another thread acted (its request granted
// after a release elsewhere, its lock stolen) is queued for it and
// delivered on its own loop. What the calling environment's own call
// causes is returned to it at once, so that a lock that is free is granted
// within request() and a waiter of the same thread gets the lock within
// the release, as in Node.
//
// The JS side (lib/internal/locks.js) names each request with a number of
// its own; events travel as flat arrays of (kind, id) pairs.
#include <deque>
#include <map>
#include <mutex>
#include <string>
#include <vector>

#include "env.h"
#include "lode_async_wakeup.h"
#include "lode_binding.h"
#include "lode_errors.h"
#include "util.h"

namespace lode::locks {

using v8::Array;
using v8::Context;
using v8::Function;
using v8::FunctionCallbackInfo;
using v8::HandleScope;
using v8::Isolate;
using v8::Local;
using v8::Number;
using v8::Object;
using v8::String;
using v8::Value;

namespace {

// Event kinds; lib/internal/locks.js reads the same numbers.
constexpr double kGranted = 0;      // the request holds its lock now
constexpr double kUnavailable = 1;  // ifAvailable and not grantable: null
constexpr double kStolen = 2;       // a steal took the lock away

struct Client;

struct Entry {
  Client* client;
  double id;
  bool shared;
};

struct Resource {
  std::vector<Entry> held;
  std::deque<Entry> pending;  // in request order
};

struct Client : public BindingData {
  Environment* env = nullptr;
  uv_async_t* async = nullptr;
  std::string client_id;
  // Events for this client caused by other threads, under the mutex.
  std::vector<double> queued;
  v8::Global<Function> on_events;
};

// Never destroyed: a worker thread may still release its locks while the
// process runs its static destructors.
std::mutex& mutex = *new std::mutex;
// By name, under the mutex. Names are kept as UTF-16 units: two names
// that differ only in lone surrogates are two resources.
using Name = std::u16string;
std::map<Name, Resource>& resources = *new std::map<Name, Resource>;

// The sink of the calling client's own events while it holds the mutex.
struct Delivery {
  Client* self;
  std::vector<double>* own;
  void Send(Client* to, double kind, double id) {
    if (to == self) {
      own->push_back(kind);
      own->push_back(id);
      return;
    }
    bool was_empty = to->queued.empty();
    to->queued.push_back(kind);
    to->queued.push_back(id);
    // The client is registered, so its handle is open: whoever closes it
    // takes the mutex (held here) first.
    if (was_empty) WakeAsync(to->async);
  }
};

bool Compatible(const Resource& r, bool shared) {
  if (r.held.empty()) return true;
  if (!shared) return false;
  for (const Entry& e : r.held) {
    if (!e.shared) return false;
  }
  return true;
}

// Grants from the head of the queue for as long as the head is grantable
// (later requests never overtake an earlier one that must wait).
void ProcessQueue(const Name& name, Delivery* out) {
  auto it = resources.find(name);
  if (it == resources.end()) return;
  Resource& r = it->second;
  size_t granted = 0;
  while (granted < r.pending.size() &&
         Compatible(r, r.pending[granted].shared)) {
    r.held.push_back(r.pending[granted]);
    out->Send(r.pending[granted].client, kGranted, r.pending[granted].id);
    granted++;
  }
  r.pending.erase(r.pending.begin(), r.pending.begin() + granted);
  if (r.held.empty() && r.pending.empty()) resources.erase(it);
}

Name ToName(Isolate* isolate, Local<Value> value) {
  String::Value units(isolate, value);
  return Name(reinterpret_cast<const char16_t*>(*units), units.length());
}

Client* GetClient(Environment* env) {
  return env->GetBindingData<Client>("locks");
}

// What request(), release() and abort() start with: the calling client
// and their (id, name) arguments.
struct Call {
  Client* client;
  double id;
  Name name;
};

Call ReadCall(Environment* env, const FunctionCallbackInfo<Value>& args) {
  Client* client = GetClient(env);
  CHECK(client != nullptr);
  CHECK(args[0]->IsNumber());
  CHECK(args[1]->IsString());
  return {client, args[0].As<Number>()->Value(),
          ToName(env->isolate(), args[1])};
}

Local<Value> ToArray(Isolate* isolate, const std::vector<double>& values) {
  if (values.empty()) return v8::Undefined(isolate);
  std::vector<Local<Value>> items;
  items.reserve(values.size());
  for (double v : values) items.push_back(Number::New(isolate, v));
  return Array::New(isolate, items.data(), items.size());
}

void OnAsync(uv_async_t* handle) {
  Client* client = static_cast<Client*>(handle->data);
  Environment* env = client->env;
  std::vector<double> events;
  {
    std::lock_guard<std::mutex> lock(mutex);
    events.swap(client->queued);
  }
  if (events.empty() || !env->can_call_into_js() ||
      client->on_events.IsEmpty()) {
    return;
  }
  Isolate* isolate = env->isolate();
  HandleScope scope(isolate);
  Local<Value> argv[] = {ToArray(isolate, events)};
  MakeCallback(env, env->context()->Global(), client->on_events.Get(isolate), 1,
               argv);
}

// At teardown the client's locks are released and its waiting requests
// dropped; others may be granted what it held.
void RemoveClient(Client* client) {
  {
    std::lock_guard<std::mutex> lock(mutex);
    std::vector<Name> touched;
    for (auto& [name, r] : resources) {
      auto mine = [client](const Entry& e) { return e.client == client; };
      if (std::erase_if(r.held, mine) + std::erase_if(r.pending, mine) > 0) {
        touched.push_back(name);
      }
    }
    std::vector<double> none;
    Delivery out{nullptr, &none};
    // Each name's waiters get their turn (an emptied name goes).
    for (const Name& name : touched) ProcessQueue(name, &out);
    client->queued.clear();
  }
  // No other thread can reach the handle now: it is in no entry.
  uv_close(reinterpret_cast<uv_handle_t*>(client->async),
           [](uv_handle_t* h) { delete reinterpret_cast<uv_async_t*>(h); });
  client->async = nullptr;
  client->on_events.Reset();
}

// setup(onEvents, clientId): makes the calling environment a client.
void Setup(const FunctionCallbackInfo<Value>& args) {
  Environment* env = Environment::GetCurrent(args);
  CHECK(args[0]->IsFunction());
  CHECK(args[1]->IsString());
  if (GetClient(env) != nullptr) return;
  auto async = new uv_async_t;
  int err = uv_async_init(env->loop(), async, OnAsync);
  if (err != 0) {
    delete async;
    ThrowUVException(env->isolate(), err, "uv_async_init");
    return;
  }
  // Pending requests do not keep the process alive (nor in Node).
  uv_unref(reinterpret_cast<uv_handle_t*>(async));
  auto client = std::make_unique<Client>();
  client->env = env;
  client->async = async;
  client->client_id = *String::Utf8Value(env->isolate(), args[1]);
  client->on_events.Reset(env->isolate(), args[0].As<Function>());
  async->data = client.get();
  Client* raw = env->SetBindingData("locks", std::move(client));
  env->AddCleanupHook([raw]() { RemoveClient(raw); });
}

// request(id, name, shared, ifAvailable, steal): the calling client's
// events (its own grant or refusal among them), or undefined.
void Request(const FunctionCallbackInfo<Value>& args) {
  Environment* env = Environment::GetCurrent(args);
  auto [client, id, name] = ReadCall(env, args);
  bool shared = args[2]->IsTrue();
  bool if_available = args[3]->IsTrue();
  bool steal = args[4]->IsTrue();
  std::vector<double> own;
  {
    std::lock_guard<std::mutex> lock(mutex);
    Delivery out{client, &own};
    Resource& r = resources[name];
    Entry entry{client, id, shared};
    if (steal) {
      for (const Entry& e : r.held) out.Send(e.client, kStolen, e.id);
      r.held.clear();
      r.pending.insert(r.pending.begin(), entry);
    } else if (if_available && (!r.pending.empty() || !Compatible(r, shared))) {
      out.Send(client, kUnavailable, id);
      args.GetReturnValue().Set(ToArray(env->isolate(), own));
      return;
    } else {
      r.pending.push_back(entry);
    }
    ProcessQueue(name, &out);
  }
  args.GetReturnValue().Set(ToArray(env->isolate(), own));
}

// Takes `id` out of the list it is in; true when it was there.
bool RemoveEntry(Client* client, const Name& name, double id, bool held,
                 Delivery* out) {
  auto it = resources.find(name);
  if (it == resources.end()) return false;
  auto remove = [&](auto& list) {
    for (auto e = list.begin(); e != list.end(); ++e) {
      if (e->client == client && e->id == id) {
        list.erase(e);
        return true;
      }
    }
    return false;
  };
  if (!(held ? remove(it->second.held) : remove(it->second.pending))) {
    return false;
  }
  ProcessQueue(name, out);
  return true;
}

// release(id, name): the held lock goes (a stolen one is gone already).
// Returns the calling client's events.
void Release(const FunctionCallbackInfo<Value>& args) {
  Environment* env = Environment::GetCurrent(args);
  auto [client, id, name] = ReadCall(env, args);
  std::vector<double> own;
  {
    std::lock_guard<std::mutex> lock(mutex);
    Delivery out{client, &own};
    RemoveEntry(client, name, id, true, &out);
  }
  args.GetReturnValue().Set(ToArray(env->isolate(), own));
}

// abort(id, name): drops a request still waiting. Returns [removed,
// ...events]: the requests behind it may become grantable.
void Abort(const FunctionCallbackInfo<Value>& args) {
  Environment* env = Environment::GetCurrent(args);
  auto [client, id, name] = ReadCall(env, args);
  std::vector<double> own{0};
  {
    std::lock_guard<std::mutex> lock(mutex);
    Delivery out{client, &own};
    own[0] = RemoveEntry(client, name, id, false, &out) ? 1 : 0;
  }
  args.GetReturnValue().Set(ToArray(env->isolate(), own));
}

// query(): [held, pending], each a flat array of (name, shared, clientId)
// triples, names in code-unit order, each name's entries in order. Only
// the calling environment's entries, as in Node (the standard would show
// every client of the bucket: Node's WPT status expects those to fail).
void Query(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  Client* client = GetClient(Environment::GetCurrent(args));
  std::vector<Local<Value>> lists[2];
  if (client != nullptr) {
    std::lock_guard<std::mutex> lock(mutex);
    for (const auto& [name, r] : resources) {
      // Made for the caller's own names only (query() lists no other's).
      Local<String> js_name;
      auto add = [&](const auto& entries, std::vector<Local<Value>>* list) {
        for (const Entry& e : entries) {
          if (e.client != client) continue;
          if (js_name.IsEmpty()) {
            js_name = String::NewFromTwoByte(
                          isolate,
                          reinterpret_cast<const uint16_t*>(name.data()),
                          v8::NewStringType::kNormal,
                          static_cast<int>(name.size()))
                          .ToLocalChecked();
          }
          list->push_back(js_name);
          list->push_back(v8::Boolean::New(isolate, e.shared));
          list->push_back(
              String::NewFromUtf8(isolate, e.client->client_id.data(),
                                  v8::NewStringType::kNormal,
                                  static_cast<int>(e.client->client_id.size()))
                  .ToLocalChecked());
        }
      };
      add(r.held, &lists[0]);
      add(r.pending, &lists[1]);
    }
  }
  Local<Value> result[] = {
      Array::New(isolate, lists[0].data(), lists[0].size()),
      Array::New(isolate, lists[1].data(), lists[1].size())};
  args.GetReturnValue().Set(Array::New(isolate, result, 2));
}

void Initialize(Local<Object> target, Local<Value>, Local<Context> context,
                void*) {
  SetMethod(context, target, "setup", Setup);
  SetMethod(context, target, "request", Request);
  SetMethod(context, target, "release", Release);
  SetMethod(context, target, "abort", Abort);
  SetMethod(context, target, "query", Query);
}

void RegisterExternalReferences(ExternalReferenceRegistry* registry) {
  registry->Register(Setup);
  registry->Register(Request);
  registry->Register(Release);
  registry->Register(Abort);
  registry->Register(Query);
}

}  // namespace
}  // namespace lode::locks

LODE_BINDING_CONTEXT_AWARE_INTERNAL(locks, lode::locks::Initialize)
LODE_BINDING_EXTERNAL_REFERENCE(locks, lode::locks::RegisterExternalReferences)
