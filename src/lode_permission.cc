// The permission model. See lode_permission.h; internalBinding('permission')
// gives lib/internal/process/permission.js `has(scope, reference)`.
#include "lode_permission.h"

#include <sys/stat.h>

#include <vector>

#include "env.h"
#include "lode_binding.h"
#include "lode_options.h"
#include "util.h"
#include "uv.h"

namespace lode::permission {

using v8::Context;
using v8::FunctionCallbackInfo;
using v8::Isolate;
using v8::Local;
using v8::Object;
using v8::Value;

namespace internal {
bool enabled = false;
}  // namespace internal

namespace {

struct State {
  bool fs_read_all = false;
  bool fs_write_all = false;
  bool child_process = false;
  bool worker = false;
  bool inspector = false;
  bool wasi = false;
  bool addon = false;
  PathTree read;
  PathTree write;
};

State& GetState() {
  static State* state = new State();
  return *state;
}

// False when the working directory cannot be known (a path too long for
// uv_cwd, a removed folder's parent): relative paths are then denied.
bool CurrentDirectory(std::string* out) {
  char buf[4096];
  size_t size = sizeof(buf);
  if (uv_cwd(buf, &size) != 0) return false;
  out->assign(buf, size);
  return true;
}

}  // namespace

struct PathTree::Node {
  std::map<char, std::unique_ptr<Node>> children;
  bool exact = false;     // a grant ends here
  bool wildcard = false;  // a grant "<path to here>*"
};

PathTree::PathTree() : root_(std::make_unique<Node>()) {}
PathTree::~PathTree() = default;

bool PathTree::empty() const {
  return root_->children.empty() && !root_->exact && !root_->wildcard;
}

void PathTree::Insert(std::string_view grant) {
  Node* node = root_.get();
  for (char c : grant) {
    if (c == '*') {
      node->wildcard = true;
      return;
    }
    std::unique_ptr<Node>& child = node->children[c];
    if (!child) child = std::make_unique<Node>();
    node = child.get();
  }
  node->exact = true;
}

bool PathTree::Lookup(std::string_view path) const {
  const Node* node = root_.get();
  for (char c : path) {
    if (node->wildcard) return true;
    auto found = node->children.find(c);
    if (found == node->children.end()) return false;
    node = found->second.get();
  }
  if (node->exact || node->wildcard) return true;
  // "<folder>/*" covers the folder itself.
  auto slash = node->children.find('/');
  return slash != node->children.end() && slash->second->wildcard;
}

std::string ResolvePath(std::string_view cwd, std::string_view path) {
  std::string joined;
  if (path.empty() || path[0] != '/') {
    joined.assign(cwd);
    joined += '/';
  }
  joined += path;
  std::vector<std::string_view> parts;
  std::string_view rest = joined;
  while (!rest.empty()) {
    size_t slash = rest.find('/');
    std::string_view part = rest.substr(0, slash);
    rest = slash == std::string_view::npos ? std::string_view()
                                           : rest.substr(slash + 1);
    if (part.empty() || part == ".") continue;
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
      continue;
    }
    parts.push_back(part);
  }
  std::string out;
  for (std::string_view part : parts) {
    out += '/';
    out += part;
  }
  if (out.empty()) out = "/";
  return out;
}

const char* PermissionScopeName(Scope scope) {
  switch (scope) {
    case Scope::kFileSystem: return "FileSystem";
    case Scope::kFileSystemRead: return "FileSystemRead";
    case Scope::kFileSystemWrite: return "FileSystemWrite";
    case Scope::kChildProcess: return "ChildProcess";
    case Scope::kWorkerThreads: return "WorkerThreads";
    case Scope::kInspector: return "Inspector";
    case Scope::kWASI: return "WASI";
    case Scope::kAddon: return "Addon";
  }
  return "";
}

namespace {

const char* ScopeFlag(Scope scope) {
  switch (scope) {
    case Scope::kFileSystem: return "--allow-fs";
    case Scope::kFileSystemRead: return "--allow-fs-read";
    case Scope::kFileSystemWrite: return "--allow-fs-write";
    case Scope::kChildProcess: return "--allow-child-process";
    case Scope::kWorkerThreads: return "--allow-worker";
    case Scope::kInspector: return "--allow-inspector";
    case Scope::kWASI: return "--allow-wasi";
    case Scope::kAddon: return "--allow-addons";
  }
  return "";
}

// A granted path: an existing folder covers everything in it.
void Grant(PathTree* tree, bool* all, const std::string& cwd,
           const std::string& item) {
  if (item.empty()) return;
  if (item == "*") {
    *all = true;
    return;
  }
  std::string path = ResolvePath(cwd, item);
  if (item.find('*') == std::string::npos) {
    struct stat st;
    if (stat(path.c_str(), &st) == 0 && S_ISDIR(st.st_mode)) {
      path += path.back() == '/' ? "*" : "/*";
    }
  }
  tree->Insert(path);
}

const std::vector<std::string>* ListOption(const Options& options,
                                           const char* name) {
  auto found = options.values.find(name);
  if (found == options.values.end()) return nullptr;
  return &found->second.list;
}

bool FileSystemGranted(const PathTree& tree, bool all,
                       std::string_view resource) {
  if (all) return true;
  // The system sees the path up to its first NUL byte (fs refuses such
  // paths before they get here; process.chdir passes them on).
  resource = resource.substr(0, resource.find('\0'));
  if (resource.empty()) return false;
  std::string cwd;
  if (resource[0] != '/' && !CurrentDirectory(&cwd)) return false;
  return tree.Lookup(ResolvePath(cwd, resource));
}

}  // namespace

void Configure(const Options& options) {
  if (!options.GetBool("--permission")) return;
  State& state = GetState();
  internal::enabled = true;
  state.child_process = options.GetBool("--allow-child-process");
  state.worker = options.GetBool("--allow-worker");
  state.inspector = options.GetBool("--allow-inspector");
  state.wasi = options.GetBool("--allow-wasi");
  state.addon = options.GetBool("--allow-addons");
  // Relative grants are taken from the starting folder (from "/" when it
  // cannot be known).
  std::string cwd;
  CurrentDirectory(&cwd);
  if (const auto* list = ListOption(options, "--allow-fs-read")) {
    for (const std::string& item : *list) {
      Grant(&state.read, &state.fs_read_all, cwd, item);
    }
  }
  if (const auto* list = ListOption(options, "--allow-fs-write")) {
    for (const std::string& item : *list) {
      Grant(&state.write, &state.fs_write_all, cwd, item);
    }
  }
  // The entry point and the --require preloads may always be read (as
  // they were given, not as folders).
  if (const auto* list = ListOption(options, "--require")) {
    for (const std::string& item : *list) {
      if (!item.empty() && item.find('*') == std::string::npos) {
        state.read.Insert(ResolvePath(cwd, item));
      }
    }
  }
  if (!options.has_eval && !options.read_stdin && options.argv.size() > 1) {
    const std::string& script = options.argv[1];
    if (!script.empty() && script.find('*') == std::string::npos) {
      state.read.Insert(ResolvePath(cwd, script));
    }
  }
}

bool IsGranted(Scope scope, std::string_view resource) {
  if (!internal::enabled) return true;
  const State& state = GetState();
  switch (scope) {
    case Scope::kFileSystem:
      return FileSystemGranted(state.read, state.fs_read_all, resource) &&
             FileSystemGranted(state.write, state.fs_write_all, resource);
    case Scope::kFileSystemRead:
      return FileSystemGranted(state.read, state.fs_read_all, resource);
    case Scope::kFileSystemWrite:
      return FileSystemGranted(state.write, state.fs_write_all, resource);
    case Scope::kChildProcess: return state.child_process;
    case Scope::kWorkerThreads: return state.worker;
    case Scope::kInspector: return state.inspector;
    case Scope::kWASI: return state.wasi;
    case Scope::kAddon: return state.addon;
  }
  return false;
}

bool IsPathGranted(Scope scope, std::string_view resource) {
  // An empty path is the working directory for the calls that take one.
  return IsGranted(scope, resource.empty() ? std::string_view(".") : resource);
}

namespace internal {

bool CheckSlow(Isolate* isolate, Scope scope, std::string_view resource) {
  if (IsPathGranted(scope, resource)) return true;
  isolate->ThrowException(AccessDeniedError(isolate, scope, resource));
  return false;
}

}  // namespace internal

namespace {

Local<Value> MakeAccessDenied(Isolate* isolate, const std::string& message,
                              const char* permission,
                              std::string_view resource) {
  Local<Context> context = isolate->GetCurrentContext();
  Local<Value> error = v8::Exception::Error(Utf8String(isolate, message));
  Local<Object> obj = error.As<Object>();
  (void)obj->CreateDataProperty(context, FIXED_ONE_BYTE_STRING(isolate, "code"),
                                FIXED_ONE_BYTE_STRING(isolate,
                                                      "ERR_ACCESS_DENIED"));
  (void)obj->CreateDataProperty(
      context, FIXED_ONE_BYTE_STRING(isolate, "permission"),
      OneByteString(isolate, permission));
  (void)obj->CreateDataProperty(
      context, FIXED_ONE_BYTE_STRING(isolate, "resource"),
      Utf8String(isolate, std::string(resource)));
  return error;
}

}  // namespace

Local<Value> AccessDeniedError(Isolate* isolate, Scope scope,
                               std::string_view resource) {
  std::string message =
      std::string("Access to this API has been restricted. Use ") +
      ScopeFlag(scope) + " to manage permissions.";
  return MakeAccessDenied(isolate, message, PermissionScopeName(scope),
                          resource);
}

Local<Value> AccessDeniedError(Isolate* isolate, const std::string& message) {
  return MakeAccessDenied(isolate, message, "", "");
}

Local<Value> AccessDeniedError(Isolate* isolate, const std::string& message,
                               Scope scope, std::string_view resource) {
  return MakeAccessDenied(isolate, message, PermissionScopeName(scope),
                          resource);
}

namespace {

// A scope as process.permission.has() names it ("fs", "fs.read",
// "fs.write", "child", "worker", "inspector", "wasi", "addon"); false for
// an unknown name.
bool ScopeFromName(std::string_view name, Scope* scope) {
  static const struct { const char* name; Scope scope; } kNames[] = {
      {"fs", Scope::kFileSystem},
      {"fs.read", Scope::kFileSystemRead},
      {"fs.write", Scope::kFileSystemWrite},
      {"child", Scope::kChildProcess},
      {"worker", Scope::kWorkerThreads},
      {"inspector", Scope::kInspector},
      {"wasi", Scope::kWASI},
      {"addon", Scope::kAddon},
  };
  for (const auto& entry : kNames) {
    if (name == entry.name) {
      *scope = entry.scope;
      return true;
    }
  }
  return false;
}

// has(scope, reference): an unknown scope is not granted.
void Has(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  if (!args[0]->IsString()) return args.GetReturnValue().Set(false);
  Utf8Value name(isolate, args[0]);
  std::string reference;
  if (args[1]->IsString()) reference = *Utf8Value(isolate, args[1]);
  Scope scope;
  if (!ScopeFromName(name.view(), &scope)) {
    return args.GetReturnValue().Set(false);
  }
  args.GetReturnValue().Set(IsGranted(scope, reference));
}

// deniedError(scope, resource), for the checks lib/ makes itself (rm, cp):
// undefined when granted, else the error a binding would throw.
void DeniedError(const FunctionCallbackInfo<Value>& args) {
  Isolate* isolate = args.GetIsolate();
  if (!args[0]->IsString() || !args[1]->IsString()) return;
  Utf8Value name(isolate, args[0]);
  Utf8Value resource(isolate, args[1]);
  Scope scope;
  if (!ScopeFromName(name.view(), &scope) ||
      IsGranted(scope, resource.view())) {
    return;
  }
  args.GetReturnValue().Set(AccessDeniedError(isolate, scope,
                                              resource.view()));
}

void IsEnabledMethod(const FunctionCallbackInfo<Value>& args) {
  args.GetReturnValue().Set(IsEnabled());
}

}  // namespace

void Initialize(Local<Object> target, Local<Value>, Local<Context> context,
                void*) {
  SetMethodNoSideEffect(context, target, "has", Has);
  SetMethodNoSideEffect(context, target, "isEnabled", IsEnabledMethod);
  SetMethodNoSideEffect(context, target, "deniedError", DeniedError);
}

void RegisterExternalReferences(ExternalReferenceRegistry* registry) {
  registry->Register(Has);
  registry->Register(IsEnabledMethod);
  registry->Register(DeniedError);
}

}  // namespace lode::permission

LODE_BINDING_CONTEXT_AWARE_INTERNAL(permission,
                                    lode::permission::Initialize)
LODE_BINDING_EXTERNAL_REFERENCE(permission,
                                lode::permission::RegisterExternalReferences)
