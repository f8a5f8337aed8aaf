// The profiling parts of internalBinding('v8') (lode_v8_profiler.cc):
// GCProfiler, startCpuProfile/stopCpuProfile and queryObjects.
#ifndef SRC_LODE_V8_PROFILER_H_
#define SRC_LODE_V8_PROFILER_H_

#include "lode_binding.h"
#include "v8.h"

namespace lode::v8_binding {

void InitializeProfilers(v8::Local<v8::Context> context,
                         v8::Local<v8::Object> target);
void RegisterProfilerReferences(ExternalReferenceRegistry* registry);

}  // namespace lode::v8_binding

#endif  // SRC_LODE_V8_PROFILER_H_
