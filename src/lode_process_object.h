#ifndef SRC_LODE_PROCESS_OBJECT_H_
#define SRC_LODE_PROCESS_OBJECT_H_

#include <string>
#include <utility>
#include <vector>

#include "lode_binding.h"
#include "v8.h"

namespace lode {

class Environment;

v8::Local<v8::Object> CreateProcessObject(Environment* env);
std::string GetExecPath(const char* argv0);
// process.versions and process.release, name by name (the diagnostic
// report's componentVersions and release are the same lists).
std::vector<std::pair<const char*, std::string>> ComponentVersions();
std::vector<std::pair<const char*, std::string>> ReleaseInfo();
// The values of this run: argv, execArgv, execPath, pid.
void PatchProcessObject(Environment* env, v8::Local<v8::Object> process);
void RegisterProcessObjectExternalReferences(
    ExternalReferenceRegistry* registry);

}  // namespace lode

#endif  // SRC_LODE_PROCESS_OBJECT_H_
