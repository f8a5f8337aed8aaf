// The permission model (--permission): which file-system paths may be read
// or written, and whether child processes, workers, the inspector, WASI and
// addons may be used. The state is per process (workers share it), set once
// from the command line; the bindings ask before they act, so that no JS
// path can get around a refusal.
#ifndef SRC_LODE_PERMISSION_H_
#define SRC_LODE_PERMISSION_H_

#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "v8.h"

namespace lode {

struct Options;

namespace permission {

// Node's names (error.permission) are those of PermissionScopeName().
enum class Scope {
  kFileSystem,
  kFileSystemRead,
  kFileSystemWrite,
  kChildProcess,
  kWorkerThreads,
  kInspector,
  kWASI,
  kAddon,
};

const char* PermissionScopeName(Scope scope);

// A character trie of granted paths. A grant is an absolute path, matched
// exactly, or a prefix ending in '*', matching every path that starts with
// what comes before the '*' (anything after the first '*' is ignored). A
// prefix ending in "/*" also covers the folder itself.
class PathTree {
 public:
  PathTree();
  ~PathTree();
  void Insert(std::string_view grant);
  bool Lookup(std::string_view path) const;
  bool empty() const;

 private:
  struct Node;
  std::unique_ptr<Node> root_;
};

// The absolute, normalized form of `path` ("." and ".." segments and
// repeated '/' removed, no trailing '/'), relative paths taken from `cwd`.
std::string ResolvePath(std::string_view cwd, std::string_view path);

// Reads --permission and the --allow-* options. Once per process, before
// any Environment starts.
void Configure(const Options& options);

// Whether `scope` is granted; for the file-system scopes, for `resource`
// (resolved against the current directory), or for every path when
// `resource` is empty.
bool IsGranted(Scope scope, std::string_view resource = {});

// IsGranted for a path a binding was given: a file-system `resource` is
// resolved even when empty (the current directory).
bool IsPathGranted(Scope scope, std::string_view resource);

// Node's ERR_ACCESS_DENIED error for `scope`: "Access to this API has been
// restricted. Use --allow-<x> to manage permissions.", with its code,
// permission and resource properties.
v8::Local<v8::Value> AccessDeniedError(v8::Isolate* isolate, Scope scope,
                                       std::string_view resource);
// An ERR_ACCESS_DENIED error with its own message, and empty permission and
// resource (Node's JS-side refusals: process.binding, relative symlinks).
v8::Local<v8::Value> AccessDeniedError(v8::Isolate* isolate,
                                       const std::string& message);
// With its own message, and the permission and resource of `scope`.
v8::Local<v8::Value> AccessDeniedError(v8::Isolate* isolate,
                                       const std::string& message,
                                       Scope scope,
                                       std::string_view resource);

namespace internal {
extern bool enabled;
// Check() once the model is on; a file-system `resource` is always a path
// here (an empty one is the current directory).
bool CheckSlow(v8::Isolate* isolate, Scope scope, std::string_view resource);
}  // namespace internal

inline bool IsEnabled() { return internal::enabled; }

// true when `scope` is granted for `resource` (always, when the model is
// off); otherwise throws AccessDeniedError and returns false.
inline bool Check(v8::Isolate* isolate, Scope scope,
                  std::string_view resource) {
  return !internal::enabled || internal::CheckSlow(isolate, scope, resource);
}

}  // namespace permission
}  // namespace lode

#endif  // SRC_LODE_PERMISSION_H_
