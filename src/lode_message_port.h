// MessagePort, MessageChannel and BroadcastChannel: messages between
// environments of one thread or of several (workers).
//
// A message is serialized with V8's ValueSerializer in the sender's isolate
// and deserialized in the receiver's. What moves with it is carried beside
// the bytes: the backing stores of transferred ArrayBuffers (detached on the
// sending side) and of SharedArrayBuffers (shared), and the PortData of
// transferred MessagePorts.
//
// Each end of a channel is a PortData: its incoming queue (under a mutex)
// and the SiblingGroup it is entangled in. A PortData lives on after its JS
// object while in transit; a MessagePort is the handle (a uv_async_t on its
// environment's loop) that owns one and delivers its messages there.
#ifndef SRC_LODE_MESSAGE_PORT_H_
#define SRC_LODE_MESSAGE_PORT_H_

#include <atomic>
#include <cstdint>
#include <cstdlib>
#include <deque>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "env.h"
#include "handle_wrap.h"
#include "uv.h"
#include "v8.h"

namespace lode {

class ExternalReferenceRegistry;

namespace messaging {

class MessagePort;
class PortData;
class SiblingGroup;

// What the ports of an environment share.
class PortEnvData : public BindingData {
 public:
  static PortEnvData* Get(Environment* env);
  // lib/internal/structured_clone.js's checkPortMessage(value, transfer),
  // which postMessage() calls once an object V8 would clone wrongly (a
  // Blob, a web stream) exists.
  v8::Global<v8::Function> check_message;
  // "message", internalized (as the listeners' type keys are: the lookup
  // of the listeners by type then compares pointers, not characters).
  v8::Global<v8::String> message_type;
  // Property names met by Message::ReadPlain, internalized: a small cache
  // by their Latin-1 characters (a name replaces the one of its slot).
  struct PlainKey {
    std::string text;
    v8::Global<v8::String> name;
  };
  static constexpr size_t kPlainKeySlots = 256;
  std::unique_ptr<PlainKey[]> plain_keys;
  // ReadPlain's scratch space, empty between messages (kept for its
  // capacity).
  std::vector<v8::Local<v8::Value>> plain_stack;
  std::vector<uint32_t> plain_slots;
  std::vector<v8::Local<v8::Value>> plain_objects;
  // MessagePort::OnMessage's arguments to emitMessage (likewise).
  std::vector<v8::Local<v8::Value>> plain_argv;

  // A port that posted while it was receiving expects an answer: before
  // the loop next blocks, it waits a little for one (see
  // MessagePort::AwaitAnswer). Set by PostMessage, cleared by the port
  // when it closes.
  void ExpectAnswer(Environment* env, MessagePort* port);
  void Forget(MessagePort* port) {
    if (answer_port_ == port) answer_port_ = nullptr;
  }

 private:
  static void BeforePoll(uv_prepare_t* handle);
  // Heap-allocated (its memory goes in the close callback); null until a
  // port expects an answer.
  uv_prepare_t* before_poll_ = nullptr;
  bool before_poll_closed_ = false;  // The environment is going away.
  MessagePort* answer_port_ = nullptr;
  friend class MessagePort;
  // Waits that saw no answer in time, in a row, and how many of the next
  // chances to wait are skipped for them (back-off).
  uint32_t await_misses_ = 0;
  uint32_t await_skips_ = 0;
};

class Message {
 public:
  Message() = default;
  LODE_DISALLOW_COPY(Message);

  // A message that tells the receiving port its peer has gone.
  static std::unique_ptr<Message> CloseMessage();

  // Serializes `value`, moving what `transfer_list` (an array, or
  // undefined) names. `source` is the sending port (may be nullptr): it may
  // not be in the list. False with a JS exception pending on failure;
  // nothing has been detached then.
  v8::Maybe<bool> Serialize(Environment* env, v8::Local<v8::Context> context,
                            v8::Local<v8::Value> value,
                            v8::Local<v8::Value> transfer_list,
                            MessagePort* source);
  // Builds the value in `env`; the transferred ports become MessagePorts
  // of `env`, listed in `*ports` (an array, undefined when there are none)
  // when that is not nullptr.
  v8::MaybeLocal<v8::Value> Deserialize(Environment* env,
                                        v8::Local<v8::Context> context,
                                        v8::Local<v8::Value>* ports);
  // Remakes the objects of cloned_objects_ in `env` (through JS), in
  // order, into `*cloned`. False with a JS exception pending on failure.
  bool RemakeClonedObjects(Environment* env, v8::Local<v8::Context> context,
                           std::vector<v8::Local<v8::Object>>* ports,
                           std::vector<v8::Local<v8::Object>>* cloned);
  // The quick way for plain data (the usual message): what V8's
  // deserializer would make of a message that moves nothing and holds
  // only primitives, ordinary objects with string keys and dense arrays,
  // each object once, except that the objects come as arrays of their
  // keys and values, `[key, value, ...]`, for JS to make (it does that
  // faster than C++ can through the API). `*objects` is undefined when
  // there are none, true when the value itself is the only one and has few
  // properties (`*value` is undefined then, its keys and values are
  // appended to `*pairs`), else a flat list of triples, children before
  // their parents: the key/value array of an object, the array holding it
  // (a dense array of the value or the key/value array of its parent
  // object; undefined for the value itself) and its index there. False,
  // with nothing pending and nothing changed, for anything else:
  // Deserialize() then makes the value.
  bool ReadPlain(v8::Isolate* isolate, PortEnvData* env_data,
                 v8::Local<v8::Value>* value, v8::Local<v8::Value>* objects,
                 std::vector<v8::Local<v8::Value>>* pairs);

  bool is_close() const { return is_close_; }
  // Whether the message can be delivered to several receivers (nothing was
  // transferred), and a copy of it for one of them.
  bool CanCopy() const { return array_buffers_.empty() && ports_.empty(); }
  std::unique_ptr<Message> Copy() const;
  // Whether one of the transferred ports belongs to `group`.
  bool TransfersPortOf(SiblingGroup* group) const;

 private:
  friend class SerializerDelegate;
  friend class DeserializerDelegate;

  struct FreeDeleter {
    void operator()(uint8_t* bytes) const { free(bytes); }
  };
  // The serializer's own buffer (malloc'ed), kept as it is.
  std::unique_ptr<uint8_t, FreeDeleter> data_;
  size_t size_ = 0;
  std::vector<std::shared_ptr<v8::BackingStore>> array_buffers_;
  std::vector<std::shared_ptr<v8::BackingStore>> shared_array_buffers_;
  std::vector<std::unique_ptr<PortData>> ports_;
  std::vector<v8::CompiledWasmModule> wasm_modules_;
  // The objects of lib/ cloned through their [kClone]()
  // (lib/internal/worker/js_transferable.js): the name of the function
  // that remakes each and its data, serialized apart. The data of one may
  // refer to those before it; the value refers to them by index.
  struct ClonedObject {
    std::string info;
    std::vector<uint8_t> data;
  };
  std::vector<ClonedObject> cloned_objects_;
  bool is_close_ = false;
};

// What wakes a port's loop from another thread. The port and its PortData
// share it, so that a sender wakes the receiver after letting go of the
// queue's mutex (a receiver woken while the sender still held it would
// block on it at once).
class PortWaker {
 public:
  explicit PortWaker(uv_async_t* async) : async_(async) {}
  LODE_DISALLOW_COPY(PortWaker);
  // From any thread.
  void Wake();
  // On the port's thread, before its handle closes: no wake-up after.
  void Clear();

 private:
  std::mutex mutex_;
  uv_async_t* async_;
};

// The ports entangled with each other: the two ends of a channel, or every
// BroadcastChannel of one name in the process.
class SiblingGroup {
 public:
  explicit SiblingGroup(std::string name = "") : name_(std::move(name)) {}
  ~SiblingGroup();
  LODE_DISALLOW_COPY(SiblingGroup);

  // The group of every BroadcastChannel called `name`.
  static std::shared_ptr<SiblingGroup> Named(const std::string& name);

  void Entangle(PortData* data);
  void Disentangle(PortData* data);
  // Queues `message` on every member but `source`. False when there is no
  // other member. `*elsewhere` (when given) tells whether a receiver
  // belongs to another loop than `source` (another thread).
  bool Dispatch(PortData* source, std::unique_ptr<Message> message,
                bool* elsewhere = nullptr);
  bool IsNamed() const { return !name_.empty(); }

 private:
  std::string name_;
  std::mutex mutex_;
  std::vector<PortData*> members_;
};

class PortData {
 public:
  PortData() = default;
  ~PortData();
  LODE_DISALLOW_COPY(PortData);

  // Two PortData entangled with each other (a channel).
  static void Entangle(PortData* a, PortData* b);
  void JoinGroup(std::shared_ptr<SiblingGroup> group);
  // Leaves the group; a channel's other end is told to close.
  void Disentangle();

  void AddToIncomingQueue(std::unique_ptr<Message> message);
  // Queues `message` and returns who to wake (once no lock is held):
  // nobody when the queue was not empty, as the owner has been woken for
  // the first of what is queued and takes all of it when it reads.
  // `*owner_loop` (when given): the loop of the port that owns this one
  // now (null while in transit).
  std::shared_ptr<PortWaker> Enqueue(std::unique_ptr<Message> message,
                                     const uv_loop_t** owner_loop = nullptr);
  // The next message (only a close message unless `include_all`).
  std::unique_ptr<Message> TakeMessage(bool include_all);
  // Everything queued, appended to `*out`, under one lock.
  void TakeAll(std::deque<std::unique_ptr<Message>>* out);
  // Puts `*batch` (taken by TakeAll, not delivered) back in front of what
  // came since, in its order.
  void PutBack(std::deque<std::unique_ptr<Message>>* batch);
  size_t QueueSize();
  // Whether something is queued, without the lock (a hint: the owner's
  // thread polls it while it waits for an answer).
  bool MaybeQueued() const {
    return queued_.load(std::memory_order_acquire);
  }
  void SetOwner(MessagePort* owner);
  SiblingGroup* group() const { return group_.get(); }
  // The owner's loop; only for the owner's thread (it alone changes it).
  const uv_loop_t* owner_loop() const { return owner_loop_; }

 private:
  std::mutex mutex_;
  std::deque<std::unique_ptr<Message>> queue_;
  // !queue_.empty(), kept under mutex_ for MaybeQueued().
  std::atomic<bool> queued_{false};
  std::shared_ptr<PortWaker> waker_;
  const uv_loop_t* owner_loop_ = nullptr;
  std::shared_ptr<SiblingGroup> group_;
};

class MessagePort : public HandleWrap {
 public:
  static const WrapType kType;

  // A new port of `env` over `data` (a fresh PortData when null). Empty
  // with a JS exception pending when the object could not be made.
  static MessagePort* New(Environment* env, v8::Local<v8::Context> context,
                          std::unique_ptr<PortData> data = nullptr);
  static MessagePort* FromObject(v8::Local<v8::Value> value) {
    return static_cast<MessagePort*>(
        static_cast<HandleWrap*>(GetWrapped(value, &kType)));
  }

  ~MessagePort() override;

  PortData* data() const { return data_.get(); }
  const std::shared_ptr<PortWaker>& waker() const { return waker_; }
  bool IsDetached() const {
    return data_ == nullptr || state() != HandleWrap::kInitialized;
  }
  // Takes the PortData away (to be transferred) and closes this handle.
  std::unique_ptr<PortData> Detach();
  // Closes the handle and disentangles the port.
  void CloseAndDisentangle();
  // Wakes the port up on its own thread: its queue is not empty (other
  // threads go through its PortWaker).
  void TriggerAsync();
  void Start();
  void Stop();
  // Delivers what is queued, in bounded batches.
  void OnMessage();
  // Before the loop blocks, after this port posted a message: waits a few
  // microseconds for the answer and delivers it (see the .cc file).
  void AwaitAnswer();

  static void Initialize(v8::Local<v8::Object> target,
                         v8::Local<v8::Context> context);
  static void RegisterExternalReferences(ExternalReferenceRegistry* r);

 private:
  MessagePort(Environment* env, v8::Local<v8::Object> object);
  static void OnAsync(uv_async_t* handle);
  v8::MaybeLocal<v8::Value> ReceiveMessage(v8::Local<v8::Context> context,
                                           std::unique_ptr<Message> message,
                                           v8::Local<v8::Value>* ports);
  // The next message to deliver: from batch_, refilled from the queue
  // when it is empty (only a close message unless `include_all`).
  std::unique_ptr<Message> NextMessage(bool include_all);
  bool HasQueued() { return !batch_.empty() || data_->QueueSize() > 0; }

  static void NewJS(const v8::FunctionCallbackInfo<v8::Value>& args);
  static void NewCloneable(const v8::FunctionCallbackInfo<v8::Value>& args);
  static void PostMessage(const v8::FunctionCallbackInfo<v8::Value>& args);
  static void StartJS(const v8::FunctionCallbackInfo<v8::Value>& args);
  static void Drain(const v8::FunctionCallbackInfo<v8::Value>& args);
  static void CloseJS(const v8::FunctionCallbackInfo<v8::Value>& args);
  static void HasRefJS(const v8::FunctionCallbackInfo<v8::Value>& args);
  static void RefJS(const v8::FunctionCallbackInfo<v8::Value>& args);
  static void UnrefJS(const v8::FunctionCallbackInfo<v8::Value>& args);
  static void ReceiveMessageJS(
      const v8::FunctionCallbackInfo<v8::Value>& args);
  static void StopJS(const v8::FunctionCallbackInfo<v8::Value>& args);
  static void CheckMessagePort(
      const v8::FunctionCallbackInfo<v8::Value>& args);
  static void MoveToContext(const v8::FunctionCallbackInfo<v8::Value>& args);
  static void SetPortMessageCheck(
      const v8::FunctionCallbackInfo<v8::Value>& args);
  static void MessageChannel(const v8::FunctionCallbackInfo<v8::Value>& args);
  static void BroadcastChannel(
      const v8::FunctionCallbackInfo<v8::Value>& args);

  uv_async_t async_;
  std::shared_ptr<PortWaker> waker_;
  int init_error_ = 0;
  std::unique_ptr<PortData> data_;
  // Messages taken from data_'s queue at once (one lock for many) and not
  // delivered yet; they come before what is still in the queue. Only this
  // port's thread touches it.
  std::deque<std::unique_ptr<Message>> batch_;
  // io.js's emitMessage, once OnMessage has looked it up.
  v8::Global<v8::Function> emit_message_;
  // The environment's, looked up once (when the port is made).
  PortEnvData* env_data_ = nullptr;
  bool receiving_ = false;
};

}  // namespace messaging
}  // namespace lode

#endif  // SRC_LODE_MESSAGE_PORT_H_
