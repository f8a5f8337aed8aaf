// The command line: `lode [options] [script | -e code | -p code | -] [args]`.
// Runtime options (everything before the script) become process.execArgv;
// options lode does not know are offered to V8, and what V8 does not know
// either is a "bad option", as in Node.
#ifndef SRC_LODE_OPTIONS_H_
#define SRC_LODE_OPTIONS_H_

#include <map>
#include <string>
#include <vector>

namespace lode {

enum class OptionKind { kBoolean, kString, kStringList, kInteger };

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

  bool has_eval = false;
  bool print_eval = false;
  bool force_repl = false;
  bool syntax_check_only = false;
  bool read_stdin = false;  // "-" as the script
  bool print_version = false;
  bool print_help = false;
  bool print_v8_help = false;

  bool GetBool(const std::string& name) const;
  std::string GetString(const std::string& name) const;
};

// Parses argv. On a usage error, returns false and sets `error` to Node's
// message ("bad option: --foo"); `exit_code` is 9 then.
bool ParseOptions(int argc, char** argv, Options* options,
                  std::string* error);

// The known options, for internalBinding('options').
struct OptionSpec {
  const char* name;
  OptionKind kind;
  const char* default_value;
  const char* help;  // empty: hidden from --help
};
const std::vector<OptionSpec>& OptionSpecs();

}  // namespace lode

#endif  // SRC_LODE_OPTIONS_H_
