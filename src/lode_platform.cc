// See lode_platform.h.
#include "lode_platform.h"

#include <utility>

#include "lode_async_wakeup.h"
#include "lode_tracing.h"

namespace lode {

namespace {

LodePlatform* g_lode_platform = nullptr;

// A worker task that tells the platform when it is gone (run, or dropped
// at shutdown).
class CountedTask final : public v8::Task {
 public:
  CountedTask(std::unique_ptr<v8::Task> task, LodePlatform* platform)
      : task_(std::move(task)), platform_(platform) {}
  ~CountedTask() override { platform_->WorkerTaskDone(); }
  void Run() override { task_->Run(); }

 private:
  std::unique_ptr<v8::Task> task_;
  LodePlatform* platform_;
};

// An isolate's foreground task runner: the default platform's, which wakes
// the isolate's loop after each post.
class WakingTaskRunner final : public v8::TaskRunner {
 public:
  WakingTaskRunner(std::shared_ptr<v8::TaskRunner> inner,
                   LodePlatform* platform, v8::Isolate* isolate)
      : inner_(std::move(inner)), platform_(platform), isolate_(isolate) {}

  void PostTask(std::unique_ptr<v8::Task> task) override {
    inner_->PostTask(std::move(task));
    platform_->WakeUp(isolate_);
  }
  void PostNonNestableTask(std::unique_ptr<v8::Task> task) override {
    inner_->PostNonNestableTask(std::move(task));
    platform_->WakeUp(isolate_);
  }
  void PostDelayedTask(std::unique_ptr<v8::Task> task,
                       double delay_in_seconds) override {
    inner_->PostDelayedTask(std::move(task), delay_in_seconds);
    platform_->NoteDelayedTask(isolate_, delay_in_seconds);
  }
  void PostNonNestableDelayedTask(std::unique_ptr<v8::Task> task,
                                  double delay_in_seconds) override {
    inner_->PostNonNestableDelayedTask(std::move(task), delay_in_seconds);
    platform_->NoteDelayedTask(isolate_, delay_in_seconds);
  }
  void PostIdleTask(std::unique_ptr<v8::IdleTask> task) override {
    inner_->PostIdleTask(std::move(task));
  }
  bool IdleTasksEnabled() override { return inner_->IdleTasksEnabled(); }
  bool NonNestableTasksEnabled() const override {
    return inner_->NonNestableTasksEnabled();
  }
  bool NonNestableDelayedTasksEnabled() const override {
    return inner_->NonNestableDelayedTasksEnabled();
  }

 private:
  std::shared_ptr<v8::TaskRunner> inner_;
  LodePlatform* platform_;
  v8::Isolate* isolate_;
};

}  // namespace

LodePlatform::LodePlatform(int thread_pool_size)
    : inner_(v8::platform::NewDefaultPlatform(thread_pool_size)) {
  g_lode_platform = this;
}

LodePlatform* GetLodePlatform() { return g_lode_platform; }

void LodePlatform::RegisterIsolate(v8::Isolate* isolate, uv_async_t* wakeup) {
  std::lock_guard<std::mutex> lock(wakeups_mutex_);
  wakeups_[isolate] = wakeup;
}

void LodePlatform::UnregisterIsolate(v8::Isolate* isolate) {
  std::lock_guard<std::mutex> lock(wakeups_mutex_);
  wakeups_.erase(isolate);
  delayed_deadlines_.erase(isolate);
}

void LodePlatform::WakeUp(v8::Isolate* isolate) {
  std::lock_guard<std::mutex> lock(wakeups_mutex_);
  auto it = wakeups_.find(isolate);
  if (it != wakeups_.end()) WakeAsync(it->second);
}

void LodePlatform::NoteDelayedTask(v8::Isolate* isolate,
                                   double delay_in_seconds) {
  double deadline = MonotonicallyIncreasingTime() + delay_in_seconds;
  std::lock_guard<std::mutex> lock(wakeups_mutex_);
  auto it = wakeups_.find(isolate);
  if (it == wakeups_.end()) return;
  delayed_deadlines_[isolate].push(deadline);
  WakeAsync(it->second);
}

double LodePlatform::NextDelayedDeadline(v8::Isolate* isolate,
                                         double ran_until) {
  std::lock_guard<std::mutex> lock(wakeups_mutex_);
  auto it = delayed_deadlines_.find(isolate);
  if (it == delayed_deadlines_.end()) return 0;
  auto& deadlines = it->second;
  while (!deadlines.empty() && deadlines.top() <= ran_until) deadlines.pop();
  return deadlines.empty() ? 0 : deadlines.top();
}

std::unique_ptr<v8::Task> LodePlatform::Counted(
    std::unique_ptr<v8::Task> task) {
  {
    std::lock_guard<std::mutex> lock(tasks_mutex_);
    outstanding_tasks_++;
  }
  return std::make_unique<CountedTask>(std::move(task), this);
}

void LodePlatform::WorkerTaskDone() {
  std::lock_guard<std::mutex> lock(tasks_mutex_);
  if (outstanding_tasks_ > 0 && --outstanding_tasks_ == 0) {
    tasks_done_.notify_all();
  }
}

void LodePlatform::WaitForWorkerTasks() {
  std::unique_lock<std::mutex> lock(tasks_mutex_);
  tasks_done_.wait(lock, [this] { return outstanding_tasks_ == 0; });
}

v8::PageAllocator* LodePlatform::GetPageAllocator() {
  return inner_->GetPageAllocator();
}

void LodePlatform::OnCriticalMemoryPressure() {
  inner_->OnCriticalMemoryPressure();
}

bool LodePlatform::OnCriticalMemoryPressure(size_t length) {
  return inner_->OnCriticalMemoryPressure(length);
}

int LodePlatform::NumberOfWorkerThreads() {
  return inner_->NumberOfWorkerThreads();
}

std::shared_ptr<v8::TaskRunner> LodePlatform::GetForegroundTaskRunner(
    v8::Isolate* isolate) {
  return std::make_shared<WakingTaskRunner>(
      inner_->GetForegroundTaskRunner(isolate), this, isolate);
}

void LodePlatform::CallOnWorkerThread(std::unique_ptr<v8::Task> task) {
  inner_->CallOnWorkerThread(Counted(std::move(task)));
}

void LodePlatform::CallBlockingTaskOnWorkerThread(
    std::unique_ptr<v8::Task> task) {
  inner_->CallBlockingTaskOnWorkerThread(Counted(std::move(task)));
}

void LodePlatform::CallLowPriorityTaskOnWorkerThread(
    std::unique_ptr<v8::Task> task) {
  inner_->CallLowPriorityTaskOnWorkerThread(Counted(std::move(task)));
}

// Not counted: a task due later should not hold the exit back.
void LodePlatform::CallDelayedOnWorkerThread(std::unique_ptr<v8::Task> task,
                                             double delay_in_seconds) {
  inner_->CallDelayedOnWorkerThread(std::move(task), delay_in_seconds);
}

bool LodePlatform::IdleTasksEnabled(v8::Isolate* isolate) {
  return inner_->IdleTasksEnabled(isolate);
}

// libplatform's job implementation, with its worker tasks posted (and
// counted) here.
std::unique_ptr<v8::JobHandle> LodePlatform::PostJob(
    v8::TaskPriority priority, std::unique_ptr<v8::JobTask> job_task) {
  return v8::platform::NewDefaultJobHandle(this, priority, std::move(job_task),
                                           NumberOfWorkerThreads());
}

double LodePlatform::MonotonicallyIncreasingTime() {
  return inner_->MonotonicallyIncreasingTime();
}

double LodePlatform::CurrentClockTimeMillis() {
  return inner_->CurrentClockTimeMillis();
}

v8::Platform::StackTracePrinter LodePlatform::GetStackTracePrinter() {
  return inner_->GetStackTracePrinter();
}

v8::TracingController* LodePlatform::GetTracingController() {
  return tracing::GetTracingController();
}

}  // namespace lode
