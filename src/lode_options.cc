#include "lode_options.h"

#include <algorithm>
#include <cstring>

namespace lode {

namespace {

constexpr OptionKind B = OptionKind::kBoolean;
constexpr OptionKind S = OptionKind::kString;
constexpr OptionKind L = OptionKind::kStringList;
constexpr OptionKind I = OptionKind::kInteger;
// Allowed in NODE_OPTIONS.
constexpr bool E = true;

// Options lode understands. Those whose feature is not built yet are still
// accepted here where Node's test files pass them; the module that would
// honour them reports ERR_NOT_IMPLEMENTED when used (see doc/status.md).
const std::vector<OptionSpec> kSpecs = {
    {"--abort-on-uncaught-exception", B, "",
     "abort on an uncaught exception", E},
    {"--check", B, "", "syntax check script without executing"},
    {"--conditions", L, "", "additional user conditions for exports", E},
    {"--disable-proto", S, "", "", E},
    {"--disable-warning", L, "", "silence warnings of a code or type", E},
    {"--dns-result-order", S, "", "", E},
    {"--enable-source-maps", B, "", "source map support in stack traces", E},
    {"--env-file", L, "", "load environment variables from a file"},
    {"--env-file-if-exists", L, "", ""},
    {"--eval", S, "", "evaluate script"},
    {"--experimental-default-type", S, "", ""},
    {"--experimental-detect-module", B, "true", "", E},
    {"--experimental-eventsource", B, "", "", E},
    {"--experimental-global-navigator", B, "true", "", E},
    {"--experimental-import-meta-resolve", B, "", "", E},
    {"--experimental-loader", L, "", "", E},
    {"--experimental-repl-await", B, "true", "", E},
    {"--experimental-print-required-tla", B, "", "", E},
    {"--experimental-require-module", B, "true", "", E},
    {"--experimental-shadow-realm", B, "", "", E},
    {"--experimental-sqlite", B, "true", "", E},
    {"--experimental-strip-types", B, "", "", E},
    {"--experimental-test-module-mocks", B, "", ""},
    {"--experimental-transform-types", B, "", "", E},
    {"--experimental-vm-modules", B, "", "", E},
    {"--experimental-wasm-modules", B, "", "", E},
    {"--experimental-websocket", B, "true", "", E},
    {"--expose-internals", B, "", ""},
    {"--force-context-aware", B, "", "", E},
    {"--frozen-intrinsics", B, "", "", E},
    {"--help", B, "", "print this help"},
    {"--import", L, "", "ES module to preload", E},
    {"--input-type", S, "", "set module type for string input", E},
    {"--insecure-http-parser", B, "", "", E},
    {"--interactive", B, "", "always enter the REPL"},
    {"--max-http-header-size", I, "16384", "", E},
    {"--network-family-autoselection", B, "true", "", E},
    {"--network-family-autoselection-attempt-timeout", I, "250", "", E},
    {"--addons", B, "true", "", E},
    {"--force-node-api-uncaught-exceptions-policy", B, "", "", E},
    {"--napi-modules", B, "", "", E},
    {"--deprecation", B, "true",
     "--no-deprecation silences deprecations", E},
    {"--extra-info-on-fatal-exception", B, "true", "", E},
    {"--global-search-paths", B, "true", "", E},
    {"--warnings", B, "true", "--no-warnings silences all warnings", E},
    {"--async-context-frame", B, "true", "", E},
    {"--node-snapshot", B, "true", "", E},
    {"--pending-deprecation", B, "", "emit pending deprecation warnings", E},
    {"--permission", B, "", "", E},
    {"--allow-fs-read", L, "", "", E},
    {"--allow-fs-write", L, "", "", E},
    {"--allow-child-process", B, "", "", E},
    {"--allow-worker", B, "", "", E},
    {"--allow-addons", B, "", "", E},
    {"--allow-wasi", B, "", "", E},
    {"--allow-inspector", B, "", "", E},
    {"--preserve-symlinks", B, "",
     "preserve symbolic links when resolving", E},
    {"--preserve-symlinks-main", B, "", "", E},
    {"--print", B, "", "evaluate script and print result"},
    {"--redirect-warnings", S, "", "", E},
    {"--require", L, "", "CommonJS module to preload", E},
    {"--run", S, "", "run a script from package.json"},
    {"--stack-trace-limit", I, "10", ""},
    {"--test", B, "", "launch test runner on startup"},
    {"--test-only", B, "", "", E},
    {"--test-reporter", L, "",
     "report test output using the given reporter", E},
    {"--test-reporter-destination", L, "", "", E},
    {"--test-name-pattern", L, "", "", E},
    {"--test-skip-pattern", L, "", "", E},
    {"--test-timeout", I, "0", ""},
    {"--test-concurrency", I, "0", ""},
    {"--test-force-exit", B, "", ""},
    {"--test-update-snapshots", B, "", ""},
    {"--test-shard", S, "", "", E},
    {"--experimental-test-coverage", B, "", ""},
    {"--experimental-test-snapshots", B, "", ""},
    {"--test-isolation", S, "process", "", E},
    {"--test-global-setup", S, "", "", E},
    {"--test-rerun-failures", S, "", "", E},
    {"--test-coverage-include", L, "", "", E},
    {"--test-coverage-exclude", L, "", "", E},
    {"--test-coverage-branches", I, "0", "", E},
    {"--test-coverage-functions", I, "0", "", E},
    {"--test-coverage-lines", I, "0", "", E},
    {"--test-udp-no-try-send", B, "", ""},
    {"--throw-deprecation", B, "", "throw an exception on deprecations", E},
    {"--title", S, "", "the process title", E},
    // Node 24's default list (also crypto.constants.defaultCoreCipherList).
    {"--tls-cipher-list", S,
     "TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256:"
     "TLS_AES_128_GCM_SHA256:ECDHE-RSA-AES128-GCM-SHA256:"
     "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES256-GCM-SHA384:"
     "ECDHE-ECDSA-AES256-GCM-SHA384:DHE-RSA-AES128-GCM-SHA256:"
     "ECDHE-RSA-AES128-SHA256:DHE-RSA-AES128-SHA256:"
     "ECDHE-RSA-AES256-SHA384:DHE-RSA-AES256-SHA384:"
     "ECDHE-RSA-AES256-SHA256:DHE-RSA-AES256-SHA256:HIGH:!aNULL:!eNULL:"
     "!EXPORT:!DES:!RC4:!MD5:!PSK:!SRP:!CAMELLIA", "", E},
    {"--tls-keylog", S, "", "", E},
    {"--tls-max-v1.2", B, "", "", E},
    {"--tls-max-v1.3", B, "", "", E},
    {"--tls-min-v1.0", B, "", "", E},
    {"--tls-min-v1.1", B, "", "", E},
    {"--tls-min-v1.2", B, "", "", E},
    {"--tls-min-v1.3", B, "", "", E},
    {"--trace-deprecation", B, "", "show stack traces on deprecations", E},
    {"--trace-exit", B, "", "", E},
    {"--trace-tls", B, "", "", E},
    {"--trace-require-module", S, "", "", E},
    {"--trace-sigint", B, "", "", E},
    {"--trace-uncaught", B, "", "show stack traces for thrown values", E},
    {"--trace-warnings", B, "", "show stack traces on process warnings", E},
    {"--unhandled-rejections", S, "throw",
     "mode for unhandled rejections: strict, warn, none, throw, warn-with-"
     "error-code", E},
    {"--use-bundled-ca", B, "", "", E},
    {"--use-openssl-ca", B, "", "", E},
    {"--use-system-ca", B, "", "", E},
    {"--v8-options", B, "", "print V8 command line options"},
    {"--v8-pool-size", I, "4", "", E},
    {"--version", B, "", "print lode's version"},
    {"--watch", B, "", "run in watch mode", E},
    {"--watch-kill-signal", S, "SIGTERM", "", E},
    {"--watch-path", L, "", "path to watch", E},
    {"--watch-preserve-output", B, "",
     "preserve outputs on watch mode restart", E},
    {"--zero-fill-buffers", B, "", "", E},
    {"--inspect", S, "", "", E},
    {"--js-source-phase-imports", B, "", ""},
    {"--experimental-network-inspection", B, "", ""},
    {"--experimental-quic", B, "", "", E},
};

// The V8 flags NODE_OPTIONS may carry (Node's list); lode hands them to V8.
const char* const kEnvAllowedV8Flags[] = {
    "--disallow-code-generation-from-strings",
    "--expose-gc",
    "--interpreted-frames-native-stack",
    "--jitless",
    "--max-old-space-size",
    "--max-semi-space-size",
    "--perf-basic-prof",
    "--perf-basic-prof-only-functions",
    "--perf-prof",
    "--perf-prof-unwinding-info",
    "--stack-trace-limit",
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

std::vector<std::string> NodeOptionsAllowedFlags() {
  std::vector<std::string> names;
  for (const OptionSpec& spec : kSpecs) {
    if (!spec.env_allowed) continue;
    names.push_back(spec.name);
    if (spec.kind == OptionKind::kBoolean) {
      names.push_back(std::string("--no-") + (spec.name + 2));
    }
  }
  std::sort(names.begin(), names.end());
  for (const Alias& a : kAliases) {
    const OptionSpec* spec = FindSpec(a.to);
    if (spec != nullptr && spec->env_allowed) names.push_back(a.from);
  }
  for (const char* flag : kEnvAllowedV8Flags) {
    if (std::find(names.begin(), names.end(), flag) == names.end()) {
      names.push_back(flag);
    }
  }
  return names;
}

bool SplitNodeOptions(const std::string& text, std::vector<std::string>* out,
                      std::string* error) {
  std::string current;
  bool in_token = false;
  bool quoted = false;
  for (size_t i = 0; i < text.size(); i++) {
    char c = text[i];
    if (quoted) {
      if (c == '\\' && i + 1 < text.size()) {
        current += text[++i];
      } else if (c == '"') {
        quoted = false;
      } else {
        current += c;
      }
      continue;
    }
    if (c == ' ' || c == '\t' || c == '\n') {
      if (in_token) out->push_back(current);
      current.clear();
      in_token = false;
      continue;
    }
    in_token = true;
    if (c == '"') {
      quoted = true;
    } else {
      current += c;
    }
  }
  if (quoted) {
    *error = "invalid value for NODE_OPTIONS (unterminated string)\n";
    return false;
  }
  if (in_token) out->push_back(current);
  return true;
}

bool ParseOptions(int argc, char** argv, Options* options,
                  std::string* error) {
  return ParseOptions(argc, argv, std::string(), options, error);
}

bool ParseOptions(int argc, char** argv, const std::string& node_options,
                  Options* options, std::string* error) {
  for (const OptionSpec& spec : kSpecs) SetDefault(&options->values[spec.name],
                                                   spec);
  const std::string argv0 = argv[0];
  // argv[0], then the options of NODE_OPTIONS, then the command line.
  std::vector<std::string> args = {argv0};
  std::string split_error;
  if (!SplitNodeOptions(node_options, &args, &split_error)) {
    *error = argv0 + ": " + split_error;
    return false;
  }
  const size_t env_end = args.size();  // the first command line argument
  for (int k = 1; k < argc; k++) args.push_back(argv[k]);
  for (int k = 1; k < argc; k++) {
    if (strcmp(argv[k], "--") != 0) continue;
    for (int m = k + 1; m < argc; m++) {
      options->dash_dash_args.push_back(argv[m]);
    }
    break;
  }
  const size_t count = args.size();

  options->argv0 = argv0;
  options->argv.push_back(argv0);
  size_t i = 1;
  for (; i < count; i++) {
    const bool from_env = i < env_end;
    // An option's value comes from the same source as the option.
    const size_t limit = from_env ? env_end : count;
    std::string arg = args[i];
    if (from_env && (arg.size() < 2 || arg[0] != '-')) continue;
    if (from_env && arg == "--") {
      *error = argv0 + ": -- is not allowed in NODE_OPTIONS";
      return false;
    }
    if (arg == "--") {
      i++;
      break;
    }
    if (arg == "-") {
      options->read_stdin = true;
      options->argv.push_back("-");
      i++;
      break;
    }
    if (arg.size() < 2 || arg[0] != '-') break;  // the script
    const std::string given = arg;
    // Combined short flags that Node accepts: -pe, -ep.
    if (arg == "-pe" || arg == "-ep") {
      if (from_env) {
        *error = argv0 + ": " + arg + " is not allowed in NODE_OPTIONS";
        return false;
      }
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
    if (from_env) {
      bool allowed = spec != nullptr ? spec->env_allowed : false;
      if (spec == nullptr) {
        for (const char* flag : kEnvAllowedV8Flags) {
          if (canonical == flag) allowed = true;
        }
      }
      if (!allowed) {
        // Node names it with its `=`, when it has one.
        *error = argv0 + ": " + (has_value ? name + "=" : name) +
                 " is not allowed in NODE_OPTIONS";
        return false;
      }
    } else {
      options->exec_argv.push_back(given);
    }
    if (spec == nullptr) {
      // V8 decides later whether it knows the flag.
      options->v8_args.push_back(given);
      continue;
    }
    OptionValue& v = options->values[spec->name];
    if (spec->kind == OptionKind::kBoolean) {
      if (has_value) {
        *error = argv0 + ": " + name + " does not take an argument";
        return false;
      }
      v.boolean = !negated;
    } else {
      if (!has_value) {
        // -p takes its code only when one follows.
        if (i + 1 >= limit) {
          *error = argv0 + ": " + arg + " requires an argument";
          return false;
        }
        value = args[++i];
        if (!from_env) options->exec_argv.push_back(value);
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
    if (canonical == "--eval") {
      options->has_eval = true;
    } else if (canonical == "--print") {
      options->print_eval = true;
      // `-p code`: the next argument is the code unless it is an option.
      if (!options->has_eval && i + 1 < limit && args[i + 1][0] != '-') {
        options->has_eval = true;
        options->values["--eval"].string = args[++i];
        options->exec_argv.push_back(args[i]);
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
    } else if (canonical == "--env-file" ||
               canonical == "--env-file-if-exists") {
      options->env_files.push_back({value, canonical != "--env-file"});
    }
  }
  for (; i < count; i++) options->argv.push_back(args[i]);
  // Modes that exclude each other (Node's messages, in Node's order).
  const bool eval = options->has_eval;
  const bool check = options->syntax_check_only;
  const bool repl = options->force_repl;
  if (check && eval) {
    *error = argv0 + ": either --check or --eval can be used, not both";
    return false;
  }
  {
    const std::string trace = options->GetString("--trace-require-module");
    if (!trace.empty() && trace != "all" && trace != "no-node-modules") {
      *error = argv0 + ": invalid value for --trace-require-module";
      return false;
    }
  }
  if (options->GetBool("--test")) {
    const std::string isolation = options->GetString("--test-isolation");
    const char* problem = nullptr;
    if (isolation != "process" && isolation != "none") {
      problem = "invalid value for --test-isolation";
    } else if (check) {
      problem = "either --test or --check can be used, not both";
    } else if (eval) {
      problem = "either --test or --eval can be used, not both";
    } else if (repl) {
      problem = "either --test or --interactive can be used, not both";
    } else if (!options->values["--watch-path"].list.empty()) {
      problem = "--watch-path cannot be used in combination with --test";
    }
    if (problem != nullptr) {
      *error = argv0 + ": " + problem;
      return false;
    }
  }
  // --watch-path implies --watch.
  if (!options->values["--watch-path"].list.empty()) {
    options->values["--watch"].boolean = true;
  }
  if (options->GetBool("--watch")) {
    const char* problem = nullptr;
    if (check) {
      problem = "either --watch or --check can be used, not both";
    } else if (eval) {
      problem = "either --watch or --eval can be used, not both";
    } else if (repl) {
      problem = "either --watch or --interactive can be used, not both";
    } else if (options->GetBool("--test-force-exit")) {
      problem = "either --watch or --test-force-exit can be used, not both";
    }
    if (problem != nullptr) {
      *error = argv0 + ": " + problem;
      return false;
    }
  }
  // TLS version bounds that cannot both hold.
  if (options->GetBool("--tls-min-v1.3") &&
      options->GetBool("--tls-max-v1.2")) {
    *error = argv0 +
             ": either --tls-min-v1.3 or --tls-max-v1.2 can be used, not both";
    return false;
  }
  return true;
}

}  // namespace lode
