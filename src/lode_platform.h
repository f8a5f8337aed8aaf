// The v8::Platform lode gives V8: libplatform's default platform, with two
// things added that an event loop needs.
// - A foreground task posted for an isolate (from any thread: V8's
//   background compilers post them when they finish) wakes that isolate's
//   loop, through the uv_async_t its Environment registered, so that the
//   task runs without waiting for some other event.
// - Worker tasks (and the worker tasks of jobs) are counted, so that a loop
//   that has run dry can wait for the background work still under way
//   (an asynchronous WebAssembly compilation) before the process exits on
//   its own, as Node's platform does.
// Tasks are still queued and run by the default platform: PumpMessageLoop
// and NotifyIsolateShutdown take inner().
#ifndef SRC_LODE_PLATFORM_H_
#define SRC_LODE_PLATFORM_H_

#include <uv.h>

#include <condition_variable>
#include <memory>
#include <functional>
#include <mutex>
#include <queue>
#include <vector>
#include <unordered_map>

#include "libplatform/libplatform.h"
#include "v8-platform.h"

namespace lode {

class LodePlatform final : public v8::Platform {
 public:
  explicit LodePlatform(int thread_pool_size);
  ~LodePlatform() override = default;

  v8::Platform* inner() const { return inner_.get(); }

  // `wakeup` is signalled whenever a foreground task is posted for
  // `isolate`, until UnregisterIsolate(isolate).
  void RegisterIsolate(v8::Isolate* isolate, uv_async_t* wakeup);
  void UnregisterIsolate(v8::Isolate* isolate);
  void WakeUp(v8::Isolate* isolate);
  // A delayed foreground task was posted for `isolate`: its deadline is
  // kept (the default platform only runs such a task when the loop pumps
  // after it came due) and the loop is woken to arm a timer for it.
  void NoteDelayedTask(v8::Isolate* isolate, double delay_in_seconds);
  // The earliest deadline (MonotonicallyIncreasingTime() seconds) of the
  // delayed tasks of `isolate` later than `ran_until` (those up to it were
  // run by the pump that just ended and are forgotten); 0 when none.
  double NextDelayedDeadline(v8::Isolate* isolate, double ran_until);

  // Blocks until every counted worker task posted so far has run.
  void WaitForWorkerTasks();
  void WorkerTaskDone();

  v8::PageAllocator* GetPageAllocator() override;
  void OnCriticalMemoryPressure() override;
  bool OnCriticalMemoryPressure(size_t length) override;
  int NumberOfWorkerThreads() override;
  std::shared_ptr<v8::TaskRunner> GetForegroundTaskRunner(
      v8::Isolate* isolate) override;
  void CallOnWorkerThread(std::unique_ptr<v8::Task> task) override;
  void CallBlockingTaskOnWorkerThread(std::unique_ptr<v8::Task> task) override;
  void CallLowPriorityTaskOnWorkerThread(
      std::unique_ptr<v8::Task> task) override;
  void CallDelayedOnWorkerThread(std::unique_ptr<v8::Task> task,
                                 double delay_in_seconds) override;
  bool IdleTasksEnabled(v8::Isolate* isolate) override;
  std::unique_ptr<v8::JobHandle> PostJob(
      v8::TaskPriority priority,
      std::unique_ptr<v8::JobTask> job_task) override;
  double MonotonicallyIncreasingTime() override;
  double CurrentClockTimeMillis() override;
  StackTracePrinter GetStackTracePrinter() override;
  v8::TracingController* GetTracingController() override;

 private:
  std::unique_ptr<v8::Task> Counted(std::unique_ptr<v8::Task> task);

  std::unique_ptr<v8::Platform> inner_;
  std::mutex wakeups_mutex_;
  std::unordered_map<v8::Isolate*, uv_async_t*> wakeups_;
  // Deadlines of posted delayed foreground tasks, earliest first (under
  // wakeups_mutex_).
  std::unordered_map<v8::Isolate*,
                     std::priority_queue<double, std::vector<double>,
                                         std::greater<double>>>
      delayed_deadlines_;
  std::mutex tasks_mutex_;
  std::condition_variable tasks_done_;
  size_t outstanding_tasks_ = 0;
};

// The platform V8 runs on; null before InitializeV8.
LodePlatform* GetLodePlatform();

}  // namespace lode

#endif  // SRC_LODE_PLATFORM_H_
