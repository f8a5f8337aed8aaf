#include "lode_options.h"

#include <cstring>

namespace lode {

namespace {

constexpr OptionKind B = OptionKind::kBoolean;
constexpr OptionKind S = OptionKind::kString;
constexpr OptionKind L = OptionKind::kStringList;
constexpr OptionKind I = OptionKind::kInteger;

// Options lode understands. Those whose feature is not built yet are still
// accepted here where Node's test files pass them; the module that would
// honour them reports ERR_NOT_IMPLEMENTED when used (see doc/status.md).
const std::vector<OptionSpec> kSpecs = {
    {"--abort-on-uncaught-exception", B, "", "abort on an uncaught exception"},
    {"--check", B, "", "syntax check script without executing"},
    {"--conditions", L, "", "additional user conditions for exports"},
    {"--disable-proto", S, "", ""},
    {"--disable-warning", L, "", "silence warnings of a code or type"},
    {"--dns-result-order", S, "", ""},
    {"--enable-source-maps", B, "", "source map support in stack traces"},
    {"--env-file", L, "", "load environment variables from a file"},
    {"--env-file-if-exists", L, "", ""},
    {"--eval", S, "", "evaluate script"},
    {"--experimental-default-type", S, "", ""},
    {"--experimental-detect-module", B, "true", ""},
    {"--experimental-eventsource", B, "", ""},
    {"--experimental-global-navigator", B, "true", ""},
    {"--experimental-import-meta-resolve", B, "", ""},
    {"--experimental-loader", L, "", ""},
    {"--experimental-repl-await", B, "true", ""},
    {"--experimental-require-module", B, "true", ""},
    {"--experimental-shadow-realm", B, "", ""},
    {"--experimental-sqlite", B, "true", ""},
    {"--experimental-strip-types", B, "", ""},
    {"--experimental-test-module-mocks", B, "", ""},
    {"--experimental-vm-modules", B, "", ""},
    {"--experimental-wasm-modules", B, "", ""},
    {"--experimental-websocket", B, "true", ""},
    {"--expose-internals", B, "", ""},
    {"--force-context-aware", B, "", ""},
    {"--frozen-intrinsics", B, "", ""},
    {"--help", B, "", "print this help"},
    {"--import", L, "", "ES module to preload"},
    {"--input-type", S, "", "set module type for string input"},
    {"--insecure-http-parser", B, "", ""},
    {"--interactive", B, "", "always enter the REPL"},
    {"--max-http-header-size", I, "16384", ""},
    {"--network-family-autoselection", B, "true", ""},
    {"--network-family-autoselection-attempt-timeout", I, "250", ""},
    {"--addons", B, "true", ""},
    {"--deprecation", B, "true", "--no-deprecation silences deprecations"},
    {"--extra-info-on-fatal-exception", B, "true", ""},
    {"--global-search-paths", B, "true", ""},
    {"--warnings", B, "true", "--no-warnings silences all warnings"},
    {"--async-context-frame", B, "true", ""},
    {"--node-snapshot", B, "true", ""},
    {"--pending-deprecation", B, "", "emit pending deprecation warnings"},
    {"--permission", B, "", ""},
    {"--allow-fs-read", L, "", ""},
    {"--allow-fs-write", L, "", ""},
    {"--allow-child-process", B, "", ""},
    {"--allow-worker", B, "", ""},
    {"--allow-addons", B, "", ""},
    {"--allow-wasi", B, "", ""},
    {"--allow-inspector", B, "", ""},
    {"--preserve-symlinks", B, "", "preserve symbolic links when resolving"},
    {"--preserve-symlinks-main", B, "", ""},
    {"--print", B, "", "evaluate script and print result"},
    {"--redirect-warnings", S, "", ""},
    {"--require", L, "", "CommonJS module to preload"},
    {"--run", S, "", "run a script from package.json"},
    {"--stack-trace-limit", I, "10", ""},
    {"--test", B, "", "launch test runner on startup"},
    {"--test-only", B, "", ""},
    {"--test-reporter", L, "", "report test output using the given reporter"},
    {"--test-reporter-destination", L, "", ""},
    {"--test-name-pattern", L, "", ""},
    {"--test-skip-pattern", L, "", ""},
    {"--test-timeout", I, "0", ""},
    {"--test-concurrency", I, "0", ""},
    {"--test-force-exit", B, "", ""},
    {"--test-update-snapshots", B, "", ""},
    {"--test-shard", S, "", ""},
    {"--experimental-test-coverage", B, "", ""},
    {"--experimental-test-snapshots", B, "", ""},
    {"--test-isolation", S, "process", ""},
    {"--test-udp-no-try-send", B, "", ""},
    {"--throw-deprecation", B, "", "throw an exception on deprecations"},
    {"--title", S, "", "the process title"},
    {"--tls-cipher-list", S, "", ""},
    {"--tls-max-v1.2", B, "", ""},
    {"--tls-max-v1.3", B, "", ""},
    {"--tls-min-v1.0", B, "", ""},
    {"--tls-min-v1.1", B, "", ""},
    {"--tls-min-v1.2", B, "", ""},
    {"--tls-min-v1.3", B, "", ""},
    {"--trace-deprecation", B, "", "show stack traces on deprecations"},
    {"--trace-exit", B, "", ""},
    {"--trace-sigint", B, "", ""},
    {"--trace-uncaught", B, "", "show stack traces for thrown values"},
    {"--trace-warnings", B, "", "show stack traces on process warnings"},
    {"--unhandled-rejections", S, "throw",
     "mode for unhandled rejections: strict, warn, none, throw, warn-with-"
     "error-code"},
    {"--use-bundled-ca", B, "", ""},
    {"--use-openssl-ca", B, "", ""},
    {"--use-system-ca", B, "", ""},
    {"--v8-options", B, "", "print V8 command line options"},
    {"--v8-pool-size", I, "4", ""},
    {"--version", B, "", "print lode's version"},
    {"--watch", B, "", ""},
    {"--watch-path", L, "", ""},
    {"--zero-fill-buffers", B, "", ""},
    {"--inspect", S, "", ""},
    {"--js-source-phase-imports", B, "", ""},
    {"--experimental-network-inspection", B, "", ""},
    {"--experimental-quic", B, "", ""},
};

struct Alias {
  const char* from;
  const char* to;
};
const Alias kAliases[] = {
    {"-e", "--eval"},         {"-p", "--print"},
    {"-r", "--require"},      {"-i", "--interactive"},
    {"-c", "--check"},        {"-v", "--version"},
    {"-h", "--help"},         {"-C", "--conditions"},
    {"--loader", "--experimental-loader"},
    {"--es-module-specifier-resolution", "--experimental-specifier-resolution"},
};

const OptionSpec* FindSpec(const std::string& name) {
  for (const OptionSpec& spec : kSpecs) {
    if (name == spec.name) return &spec;
  }
  return nullptr;
}

std::string Canonical(std::string name) {
  for (const Alias& a : kAliases) {
    if (name == a.from) return a.to;
  }
  // Node accepts underscores for dashes in its own options.
  if (name.size() > 2 && name[0] == '-' && name[1] == '-') {
    for (size_t i = 2; i < name.size(); i++) {
      if (name[i] == '_') name[i] = '-';
    }
  }
  return name;
}

void SetDefault(OptionValue* v, const OptionSpec& spec) {
  v->kind = spec.kind;
  switch (spec.kind) {
    case OptionKind::kBoolean:
      v->boolean = strcmp(spec.default_value, "true") == 0;
      break;
    case OptionKind::kString:
      v->string = spec.default_value;
      break;
    case OptionKind::kInteger:
      v->integer = spec.default_value[0] ? atoll(spec.default_value) : 0;
      break;
    case OptionKind::kStringList:
      break;
  }
}

}  // namespace

const std::vector<OptionSpec>& OptionSpecs() { return kSpecs; }

bool Options::GetBool(const std::string& name) const {
  auto it = values.find(name);
  return it != values.end() && it->second.boolean;
}

std::string Options::GetString(const std::string& name) const {
  auto it = values.find(name);
  return it == values.end() ? std::string() : it->second.string;
}

bool ParseOptions(int argc, char** argv, Options* options,
                  std::string* error) {
  for (const OptionSpec& spec : kSpecs) SetDefault(&options->values[spec.name],
                                                   spec);
  options->argv0 = argv[0];
  options->argv.push_back(argv[0]);
  int i = 1;
  bool script_seen = false;
  for (; i < argc; i++) {
    std::string arg = argv[i];
    if (arg == "--") {
      i++;
      break;
    }
    if (arg == "-") {
      options->read_stdin = true;
      script_seen = true;
      options->argv.push_back("-");
      i++;
      break;
    }
    if (arg.size() < 2 || arg[0] != '-') break;  // the script
    // Combined short flags that Node accepts: -pe, -ep.
    if (arg == "-pe" || arg == "-ep") {
      options->print_eval = true;
      options->values["--print"].boolean = true;
      arg = "-e";
    }
    std::string name = arg;
    std::string value;
    bool has_value = false;
    size_t eq = arg.find('=');
    if (arg[1] == '-' && eq != std::string::npos) {
      name = arg.substr(0, eq);
      value = arg.substr(eq + 1);
      has_value = true;
    }
    std::string canonical = Canonical(name);
    bool negated = false;
    const OptionSpec* spec = FindSpec(canonical);
    if (spec == nullptr && canonical.rfind("--no-", 0) == 0) {
      spec = FindSpec("--" + canonical.substr(5));
      if (spec != nullptr && spec->kind == OptionKind::kBoolean) {
        negated = true;
      } else {
        spec = nullptr;
      }
    }
    size_t first = options->exec_argv.size();
    options->exec_argv.push_back(argv[i]);
    if (spec == nullptr) {
      // V8 decides later whether it knows the flag.
      options->v8_args.push_back(argv[i]);
      continue;
    }
    OptionValue& v = options->values[spec->name];
    if (spec->kind == OptionKind::kBoolean) {
      if (has_value) {
        *error = std::string(argv[0]) + ": " + name +
                 " does not take an argument";
        return false;
      }
      v.boolean = !negated;
    } else {
      if (!has_value) {
        // -p takes its code only when one follows.
        if (i + 1 >= argc) {
          *error = std::string(argv[0]) + ": " + arg +
                   " requires an argument";
          return false;
        }
        value = argv[++i];
        options->exec_argv.push_back(value);
      }
      switch (spec->kind) {
        case OptionKind::kString:
          v.string = value;
          break;
        case OptionKind::kStringList:
          v.list.push_back(value);
          break;
        case OptionKind::kInteger:
          v.integer = atoll(value.c_str());
          break;
        default:
          break;
      }
    }
    (void)first;
    if (canonical == "--eval") {
      options->has_eval = true;
    } else if (canonical == "--print") {
      options->print_eval = true;
      // `-p code`: the next argument is the code unless it is an option.
      if (!options->has_eval && i + 1 < argc && argv[i + 1][0] != '-') {
        options->has_eval = true;
        options->values["--eval"].string = argv[++i];
        options->exec_argv.push_back(argv[i]);
      }
    } else if (canonical == "--interactive") {
      options->force_repl = true;
    } else if (canonical == "--check") {
      options->syntax_check_only = true;
    } else if (canonical == "--version") {
      options->print_version = true;
    } else if (canonical == "--help") {
      options->print_help = true;
    } else if (canonical == "--v8-options") {
      options->print_v8_help = true;
    } else if (canonical == "--stack-trace-limit") {
      options->v8_args.push_back("--stack-trace-limit=" + value);
    }
  }
  (void)script_seen;
  for (; i < argc; i++) options->argv.push_back(argv[i]);
  return true;
}

}  // namespace lode
