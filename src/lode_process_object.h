#ifndef SRC_LODE_PROCESS_OBJECT_H_
#define SRC_LODE_PROCESS_OBJECT_H_

#include <string>

#include "lode_binding.h"
#include "v8.h"

namespace lode {

class Environment;

v8::Local<v8::Object> CreateProcessObject(Environment* env);
std::string GetExecPath(const char* argv0);
// The values of this run: argv, execArgv, execPath, pid.
void PatchProcessObject(Environment* env, v8::Local<v8::Object> process);
void RegisterProcessObjectExternalReferences(
    ExternalReferenceRegistry* registry);

}  // namespace lode

#endif  // SRC_LODE_PROCESS_OBJECT_H_
