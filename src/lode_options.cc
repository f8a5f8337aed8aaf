#include "lode_options.h"

#include <algorithm>
#include <climits>
#include <cstdlib>
#include <cstring>

namespace lode {

namespace {

constexpr OptionKind B = OptionKind::kBoolean;
constexpr OptionKind S = OptionKind::kString;
constexpr OptionKind L = OptionKind::kStringList;
constexpr OptionKind I = OptionKind::kInteger;
constexpr OptionKind U = OptionKind::kUInteger;
constexpr OptionKind H = OptionKind::kHostPort;
constexpr OptionKind V = OptionKind::kV8;
constexpr OptionKind N = OptionKind::kNoOp;
constexpr bool E = true;   // allowed in NODE_OPTIONS
constexpr bool D = false;  // disallowed there
constexpr bool P = true;   // per-process
constexpr bool T = false;  // per-thread (an Environment's)
constexpr OptionSupport kSupported = OptionSupport::kSupported;
constexpr OptionSupport kNoEffect = OptionSupport::kNoEffect;
constexpr OptionSupport kUnsupported = OptionSupport::kUnsupported;

const std::vector<OptionSpec> kSpecs = {
#include "lode_options_table.inc"
};

const std::vector<OptionAlias> kAliases = {
    {"-e", {"--eval"}},
    {"-p", {"--print"}},
    {"-r", {"--require"}},
    {"-i", {"--interactive"}},
    {"-c", {"--check"}},
    {"-v", {"--version"}},
    {"-h", {"--help"}},
    {"-C", {"--conditions"}},
    {"-pe", {"--print", "--eval"}},
    {"--print <arg>", {"-pe"}},
    {"--loader", {"--experimental-loader"}},
    {"--es-module-specifier-resolution",
     {"--experimental-specifier-resolution"}},
    {"--debug-port", {"--inspect-port"}},
    {"--security-reverts", {"--security-revert"}},
    {"--report-directory", {"--report-dir"}},
    {"--experimental-strip-types", {"--strip-types"}},
    {"--enable-network-family-autoselection",
     {"--network-family-autoselection"}},
    {"--experimental-test-isolation", {"--test-isolation"}},
    {"--trace-events-enabled",
     {"--trace-event-categories", "v8,node,node.async_hooks"}},
    {"--prof-process", {"--prof-process", "--"}},
    {"--inspect=", {"--inspect-port", "--inspect"}},
    {"--inspect-brk=", {"--inspect-port", "--inspect-brk"}},
    {"--inspect-wait=", {"--inspect-port", "--inspect-wait"}},
    {"--inspect-brk-node=", {"--inspect-port", "--inspect-brk-node"}},
    {"--debug=", {"--debug"}},
    {"--debug-brk=", {"--debug-brk"}},
};

// The one-name aliases: "-e" -> "--eval".
const char* SimpleAlias(const std::string& name) {
  for (const OptionAlias& a : kAliases) {
    if (a.to.size() == 1 && name == a.from && a.to[0][0] == '-' &&
        a.to[0][1] == '-') {
      return a.to[0];
    }
  }
  return nullptr;
}

// A value in an argument of its own may start with "\-" so as not to be
// taken for an option: `-p "\-42"` evaluates "-42".
std::string Unescape(const std::string& value) {
  if (value.size() >= 2 && value[0] == '\\' && value[1] == '-') {
    return value.substr(1);
  }
  return value;
}

void SetDefault(OptionValue* v, const OptionSpec& spec) {
  v->kind = spec.kind;
  switch (spec.kind) {
    case OptionKind::kBoolean:
      v->boolean = strcmp(spec.default_value, "true") == 0;
      break;
    case OptionKind::kString:
    case OptionKind::kHostPort:
      v->string = spec.default_value;
      break;
    case OptionKind::kInteger:
    case OptionKind::kUInteger:
      v->integer = spec.default_value[0] ? atoll(spec.default_value) : 0;
      break;
    case OptionKind::kStringList:
    case OptionKind::kV8:
    case OptionKind::kNoOp:
      break;
  }
}

// Options whose values lode keeps (V8's and the ignored ones have none).
bool HasValue(const OptionSpec& spec) {
  return spec.kind != OptionKind::kV8 && spec.kind != OptionKind::kNoOp;
}

}  // namespace

std::string CanonicalOptionName(std::string name) {
  // Node accepts underscores for dashes in its own options.
  if (name.size() > 2 && name[0] == '-' && name[1] == '-') {
    for (size_t i = 2; i < name.size(); i++) {
      if (name[i] == '_') name[i] = '-';
    }
  }
  const char* alias = SimpleAlias(name);
  return alias != nullptr ? alias : name;
}

const std::vector<OptionSpec>& OptionSpecs() { return kSpecs; }

const std::vector<OptionAlias>& OptionAliases() { return kAliases; }

const OptionSpec* FindOptionSpec(const std::string& name) {
  for (const OptionSpec& spec : kSpecs) {
    if (name == spec.name) return &spec;
  }
  return nullptr;
}

bool Options::GetBool(const std::string& name) const {
  auto it = values.find(name);
  return it != values.end() && it->second.boolean;
}

std::string Options::GetString(const std::string& name) const {
  auto it = values.find(name);
  return it == values.end() ? std::string() : it->second.string;
}

bool ParseHostPort(const std::string& text, std::string* host, int* port) {
  if (text.empty()) return true;
  std::string port_text;
  if (text[0] == '[') {
    size_t close = text.find(']');
    if (close == std::string::npos) {
      *host = text;
      return true;
    }
    *host = text.substr(1, close - 1);
    if (close + 1 < text.size() && text[close + 1] == ':') {
      port_text = text.substr(close + 2);
    } else {
      return true;
    }
  } else if (text.find_first_not_of("0123456789") == std::string::npos) {
    port_text = text;
  } else {
    size_t colon = text.find(':');
    if (colon != std::string::npos && colon == text.rfind(':')) {
      *host = text.substr(0, colon);
      port_text = text.substr(colon + 1);
    } else {
      *host = text;
      return true;
    }
  }
  if (port_text.empty() ||
      port_text.find_first_not_of("0123456789") != std::string::npos ||
      port_text.size() > 6) {
    return false;
  }
  *port = atoi(port_text.c_str());
  return true;
}

namespace {

// A later "[host:]port" keeps the host given before when it names none
// (--inspect=0.0.0.0:9230 --inspect-port=9231 is 0.0.0.0:9231), as in
// Node.
void MergeHostPort(std::string* current, const std::string& given) {
  std::string host = "127.0.0.1";
  int port = 9229;
  ParseHostPort(*current, &host, &port);
  std::string given_host;
  int given_port = -1;
  if (!ParseHostPort(given, &given_host, &given_port)) {
    *current = given;  // reported by the range check
    return;
  }
  if (!given_host.empty()) host = given_host;
  if (given_port >= 0) port = given_port;
  *current = (host.find(':') != std::string::npos ? "[" + host + "]" : host) +
             ":" + std::to_string(port);
}

}  // namespace

std::vector<std::string> NodeOptionsAllowedFlags() {
  std::vector<std::string> names;
  for (const OptionSpec& spec : kSpecs) {
    if (!spec.env_allowed) continue;
    names.push_back(spec.name);
    if (spec.kind == OptionKind::kBoolean) {
      names.push_back(std::string("--no-") + (spec.name + 2));
    }
  }
  // Aliases of allowed options, but not the "--inspect=" forms.
  for (const OptionAlias& a : kAliases) {
    const std::string from = a.from;
    if (from.back() == '=' || from.find(' ') != std::string::npos) continue;
    const OptionSpec* spec = FindOptionSpec(a.to[0]);
    if (spec != nullptr && spec->env_allowed) names.push_back(from);
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
  for (const OptionSpec& spec : kSpecs) {
    if (HasValue(spec)) SetDefault(&options->values[spec.name], spec);
  }
  // Environment variables that stand for options, as in Node: they change
  // the default, so the command line still has the last word.
  ApplyEnvVarOptions(options, [](const char* variable, std::string* value) {
    const char* text = getenv(variable);
    if (text == nullptr) return false;
    *value = text;
    return true;
  });
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
    std::string canonical = CanonicalOptionName(name);
    // The aliases that stand for more than one argument.
    if (canonical == "--trace-events-enabled") {
      canonical = "--trace-event-categories";
      value = "v8,node,node.async_hooks";
      has_value = true;
    } else if (has_value) {
      for (const OptionAlias& alias : kAliases) {
        if (canonical + "=" != alias.from) continue;
        if (alias.to.size() == 2) {
          // "--inspect=9230": the address, then "--inspect" itself.
          MergeHostPort(&options->values[alias.to[0]].string, value);
        }
        canonical = alias.to.back();
        has_value = false;
        break;
      }
    }
    bool negated = false;
    const OptionSpec* spec = FindOptionSpec(canonical);
    if (spec == nullptr && canonical.rfind("--no-", 0) == 0) {
      const OptionSpec* positive =
          FindOptionSpec(CanonicalOptionName("--" + canonical.substr(5)));
      if (positive != nullptr && (positive->kind == OptionKind::kBoolean ||
                                  positive->kind == OptionKind::kV8)) {
        spec = positive;
        negated = true;
      } else if (positive != nullptr) {
        *error = argv0 + ": " + name +
                 " is an invalid negation because it is not a boolean option";
        return false;
      }
    }
    if (from_env) {
      if (spec == nullptr || !spec->env_allowed) {
        // Node names it with its `=`, when it has one.
        *error = argv0 + ": " + (has_value ? name + "=" : name) +
                 " is not allowed in NODE_OPTIONS";
        return false;
      }
    } else {
      options->exec_argv.push_back(given);
    }
    if (spec == nullptr || spec->kind == OptionKind::kV8) {
      // V8 decides later whether it knows the flag.
      options->v8_args.push_back(given);
      continue;
    }
    if (spec->kind == OptionKind::kNoOp) continue;
    OptionValue& v = options->values[spec->name];
    if (spec->kind == OptionKind::kBoolean) {
      // Node ignores a value given to a boolean ("--warnings=1").
      v.boolean = !negated;
      // Implied where it is given, so that a later --no-enable-source-maps
      // still turns source maps off, as in Node.
      if (!negated && canonical == "--experimental-transform-types") {
        options->values["--enable-source-maps"].boolean = true;
      }
    } else {
      if (has_value && value.empty()) {
        // "--eval=": an empty value is a missing one, as in Node.
        *error = argv0 + ": " + given + " requires an argument";
        return false;
      }
      if (!has_value) {
        // -p takes its code only when one follows.
        if (i + 1 >= limit) {
          *error = argv0 + ": " + arg + " requires an argument";
          return false;
        }
        value = args[++i];
        if (!from_env) options->exec_argv.push_back(value);
        value = Unescape(value);
      }
      // --report-signal, given at all, turns the signal's report on.
      if (canonical == "--report-signal") {
        options->values["--report-on-signal"].boolean = true;
      }
      switch (spec->kind) {
        case OptionKind::kString:
          v.string = value;
          break;
        case OptionKind::kHostPort:
          MergeHostPort(&v.string, value);
          break;
        case OptionKind::kStringList:
          v.list.push_back(value);
          break;
        case OptionKind::kInteger:
        case OptionKind::kUInteger:
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
        options->values["--eval"].string = Unescape(args[++i]);
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
  {
    const std::string mode = options->GetString("--unhandled-rejections");
    if (!mode.empty() && mode != "strict" && mode != "warn" &&
        mode != "none" && mode != "throw" && mode != "warn-with-error-code") {
      *error = argv0 + ": invalid value for --unhandled-rejections";
      return false;
    }
  }
  // The settings of --cpu-prof and --heap-prof need the profile itself.
  for (const char* kind : {"cpu", "heap"}) {
    const std::string flag = std::string("--") + kind + "-prof";
    if (options->GetBool(flag)) continue;
    for (const char* suffix : {"-name", "-dir", "-interval"}) {
      const std::string name = flag + suffix;
      const OptionSpec* spec = FindOptionSpec(name);
      if (spec == nullptr) continue;
      OptionValue fallback;
      SetDefault(&fallback, *spec);
      const OptionValue& v = options->values[name];
      if (v.string != fallback.string || v.integer != fallback.integer) {
        *error = argv0 + ": " + name + " must be used with " + flag;
        return false;
      }
    }
  }
  {
    const std::string type = options->GetString("--input-type");
    if (!type.empty() && type != "module" && type != "commonjs" &&
        type != "module-typescript" && type != "commonjs-typescript") {
      *error = argv0 + ": --input-type must be \"module\",\"commonjs\", "
               "\"module-typescript\" or \"commonjs-typescript\"";
      return false;
    }
  }
  // --experimental-transform-types implies --strip-types.
  if (options->GetBool("--experimental-transform-types")) {
    options->values["--strip-types"].boolean = true;
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
  if (options->GetBool("--use-openssl-ca") &&
      options->GetBool("--use-bundled-ca")) {
    *error = argv0 +
             ": either --use-openssl-ca or --use-bundled-ca can be used, "
             "not both";
    return false;
  }
  if (options->GetBool("--debug") || options->GetBool("--debug-brk")) {
    *error = argv0 +
             ": [DEP0062]: `node --debug` and `node --debug-brk` are invalid. "
             "Please use `node --inspect` and `node --inspect-brk` instead.";
    return false;
  }
  // The inspector's port (--inspect-port, --inspect=[host:]port).
  {
    std::string host;
    int port = 9229;
    if (ParseHostPort(options->GetString("--inspect-port"), &host, &port) &&
        port != 0 && (port < 1024 || port > 65535)) {
      *error = argv0 + ": must be 0 or in range 1024 to 65535.";
      return false;
    }
  }
  // OpenSSL's secure heap: both sizes powers of 2, as Node checks them (the
  // minimum within [2, the heap's size]).
  {
    int64_t heap = options->values["--secure-heap"].integer;
    if (heap >= 2) {
      int64_t& min = options->values["--secure-heap-min"].integer;
      min = std::max<int64_t>(2, std::min<int64_t>({heap, min, INT_MAX}));
      std::string messages;
      if ((heap & (heap - 1)) != 0) {
        messages += argv0 + ": --secure-heap must be a power of 2\n";
      }
      if ((min & (min - 1)) != 0) {
        messages += argv0 + ": --secure-heap-min must be a power of 2\n";
      }
      if (!messages.empty()) {
        messages.pop_back();
        *error = messages;
        return false;
      }
    }
  }
  // Last, so that Node's own usage errors come first: an option lode does
  // not implement, unless it was turned back off ("--no-cpu-prof").
  for (const OptionSpec& spec : kSpecs) {
    if (spec.support != OptionSupport::kUnsupported || !HasValue(spec)) {
      continue;
    }
    OptionValue fallback;
    SetDefault(&fallback, spec);
    const OptionValue& v = options->values[spec.name];
    if (v.boolean != fallback.boolean || v.string != fallback.string ||
        v.list != fallback.list || v.integer != fallback.integer) {
      options->unsupported = spec.name;
      break;
    }
  }
  if (!options->unsupported.empty()) {
    *error = argv0 + ": " + options->unsupported +
             " is not implemented in lode yet";
    return false;
  }
  return true;
}

}  // namespace lode
