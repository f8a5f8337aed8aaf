// The command line: `lode [options] [script | -e code | -p code | -] [args]`.
// Runtime options (everything before the script) become process.execArgv;
// options lode does not know are offered to V8, and what V8 does not know
// either is a "bad option", as in Node.
#ifndef SRC_LODE_OPTIONS_H_
#define SRC_LODE_OPTIONS_H_

#include <map>
#include <string>
#include <utility>
#include <vector>

namespace lode {

// Node's kinds: kV8 options are handed to V8 (lode keeps no value for
// them), kNoOp ones are accepted and ignored (removed experiments).
enum class OptionKind {
  kBoolean,
  kString,
  kStringList,
  kInteger,
  kUInteger,
  kHostPort,
  kV8,
  kNoOp,
};

// What lode does with an option it knows.
enum class OptionSupport {
  kSupported,    // honoured
  kNoEffect,     // accepted without effect (listed in doc/status.md)
  kUnsupported,  // refused at start-up as not implemented
};

struct OptionValue {
  OptionKind kind = OptionKind::kBoolean;
  bool boolean = false;
  std::string string;
  std::vector<std::string> list;
  int64_t integer = 0;
};

struct Options {
  // Every known option with its value (default or given), keyed by its
  // canonical name ("--eval", "--no-warnings" is stored as "--warnings").
  std::map<std::string, OptionValue> values;

  std::vector<std::string> exec_argv;  // the options as given
  std::vector<std::string> argv;       // argv[0], then script and its args
  std::vector<std::string> v8_args;    // handed to V8
  std::string argv0;
  // --env-file and --env-file-if-exists in command line order.
  struct EnvFile {
    std::string path;
    bool optional;
  };
  std::vector<EnvFile> env_files;
  // The command line arguments after its first "--" (wherever it is), which
  // --run appends to the script's command.
  std::vector<std::string> dash_dash_args;

  bool has_eval = false;
  bool print_eval = false;
  bool force_repl = false;
  bool syntax_check_only = false;
  bool read_stdin = false;  // "-" as the script
  bool print_version = false;
  bool print_help = false;
  bool print_v8_help = false;
  // The first option given (command line or NODE_OPTIONS) that lode does
  // not implement; lode.cc refuses to start with it.
  std::string unsupported;

  bool GetBool(const std::string& name) const;
  std::string GetString(const std::string& name) const;
};

// An option's name as the table spells it: underscores for dashes after the
// "--" (Node accepts both) and simple aliases resolved.
std::string CanonicalOptionName(std::string name);

// The options an environment variable stands for, as in Node:
// NODE_PENDING_DEPRECATION=1 and NODE_PRESERVE_SYMLINKS=1 (exactly "1";
// any other value, or none, turns the option off). `get(name, &value)`
// reads a variable (the process's, or a worker's own). The options of
// `exec_argv` (empty at start-up; a worker's execArgv, or its parent's)
// are applied again after, so that the command line has the last word.
template <typename GetEnv>
void ApplyEnvVarOptions(Options* options, GetEnv get) {
  for (const auto& [variable, option] :
       {std::pair{"NODE_PENDING_DEPRECATION", "--pending-deprecation"},
        std::pair{"NODE_PRESERVE_SYMLINKS", "--preserve-symlinks"}}) {
    std::string text;
    bool on = get(variable, &text) && text == "1";
    const std::string positive = option;
    const std::string negative = "--no-" + positive.substr(2);
    for (const std::string& arg : options->exec_argv) {
      std::string name = CanonicalOptionName(arg.substr(0, arg.find('=')));
      if (name == positive) on = true;
      if (name == negative) on = false;
    }
    options->values[option].boolean = on;
  }
}

// Parses argv. On a usage error, returns false and sets `error` to Node's
// message ("bad option: --foo"); `exit_code` is 9 then.
bool ParseOptions(int argc, char** argv, Options* options,
                  std::string* error);

// The same with the contents of NODE_OPTIONS: its options come before those
// of the command line, must be allowed there (OptionSpec::env_allowed),
// and do not appear in exec_argv.
bool ParseOptions(int argc, char** argv, const std::string& node_options,
                  Options* options, std::string* error);

// Splits NODE_OPTIONS into its arguments: blanks separate them, and "..."
// quotes one that contains blanks (a backslash in quotes takes the next
// character as it is). Returns false with Node's message on an unterminated
// quote.
bool SplitNodeOptions(const std::string& text, std::vector<std::string>* out,
                      std::string* error);

// The known options (Node 24's list, src/lode_options_table.inc), for
// internalBinding('options').
struct OptionSpec {
  const char* name;
  OptionKind kind;
  const char* default_value;
  const char* help;  // empty: hidden from --help
  bool env_allowed;  // may be given in NODE_OPTIONS
  bool per_process;  // refused in a worker's execArgv and NODE_OPTIONS
  OptionSupport support;
};
const std::vector<OptionSpec>& OptionSpecs();
const OptionSpec* FindOptionSpec(const std::string& name);

// Aliases, as getCLIOptionsInfo() lists them: "-e" -> {"--eval"}, and
// expansions such as "--trace-events-enabled" -> {"--trace-event-categories",
// "v8,node,node.async_hooks"}. A name ending in "=" applies when the alias
// is given a value ("--inspect=9230" -> "--inspect-port 9230 --inspect").
struct OptionAlias {
  const char* from;
  std::vector<const char*> to;
};
const std::vector<OptionAlias>& OptionAliases();

// What process.allowedNodeEnvironmentFlags lists: the options allowed in
// NODE_OPTIONS (booleans with their --no- form), the aliases of those, and
// the V8 flags NODE_OPTIONS may carry.
std::vector<std::string> NodeOptionsAllowedFlags();

// "[host:]port", "host" or "[ipv6]:port" (--inspect-port, --inspect=...):
// sets what is given of `host` and `port`; false when the port is not a
// number.
bool ParseHostPort(const std::string& text, std::string* host, int* port);

}  // namespace lode

#endif  // SRC_LODE_OPTIONS_H_
