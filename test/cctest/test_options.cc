// The command-line parser: what becomes execArgv, argv and V8's flags.
#include <catch2/catch.hpp>

#include <string>
#include <vector>

#include "lode_options.h"

namespace {

struct Parsed {
  lode::Options options;
  std::string error;
  bool ok;
};

Parsed Parse(std::vector<std::string> args) {
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  Parsed p;
  p.ok = lode::ParseOptions(static_cast<int>(argv.size()), argv.data(),
                            &p.options, &p.error);
  return p;
}

}  // namespace

TEST_CASE("options before the script become execArgv", "[options]") {
  Parsed p = Parse({"lode", "--no-warnings", "--expose-gc", "app.js", "a",
                    "--b"});
  REQUIRE(p.ok);
  CHECK(p.options.exec_argv ==
        std::vector<std::string>{"--no-warnings", "--expose-gc"});
  CHECK(p.options.argv ==
        std::vector<std::string>{"lode", "app.js", "a", "--b"});
  CHECK_FALSE(p.options.GetBool("--warnings"));
  // Unknown to lode: offered to V8.
  CHECK(p.options.v8_args == std::vector<std::string>{"--expose-gc"});
}

TEST_CASE("-e and -p take their code", "[options]") {
  Parsed e = Parse({"lode", "-e", "1+1", "x"});
  REQUIRE(e.ok);
  CHECK(e.options.has_eval);
  CHECK(e.options.GetString("--eval") == "1+1");
  CHECK(e.options.exec_argv == std::vector<std::string>{"-e", "1+1"});
  CHECK(e.options.argv == std::vector<std::string>{"lode", "x"});

  Parsed p = Parse({"lode", "-p", "process.argv.length"});
  REQUIRE(p.ok);
  CHECK(p.options.print_eval);
  CHECK(p.options.has_eval);
  CHECK(p.options.GetString("--eval") == "process.argv.length");

  Parsed pe = Parse({"lode", "-pe", "2"});
  REQUIRE(pe.ok);
  CHECK(pe.options.print_eval);
  CHECK(pe.options.GetString("--eval") == "2");
}

TEST_CASE("values with = and underscores", "[options]") {
  Parsed p = Parse({"lode", "--unhandled-rejections=warn", "--expose_internals",
                    "-r", "./pre.js", "--require=./two.js", "main.js"});
  REQUIRE(p.ok);
  CHECK(p.options.GetString("--unhandled-rejections") == "warn");
  CHECK(p.options.GetBool("--expose-internals"));
  CHECK(p.options.values.at("--require").list ==
        std::vector<std::string>{"./pre.js", "./two.js"});
  CHECK(p.options.argv.back() == "main.js");
}

TEST_CASE("usage errors", "[options]") {
  Parsed missing = Parse({"lode", "--require"});
  CHECK_FALSE(missing.ok);
  CHECK(missing.error == "lode: --require requires an argument");
  // Node ignores a value given to a boolean.
  Parsed boolean = Parse({"lode", "--no-warnings=1"});
  CHECK(boolean.ok);
  CHECK_FALSE(boolean.options.GetBool("--warnings"));
  Parsed negation = Parse({"lode", "--no-max-http-header-size"});
  CHECK_FALSE(negation.ok);
  CHECK(negation.error == "lode: --no-max-http-header-size is an invalid "
                          "negation because it is not a boolean option");
  Parsed unsupported = Parse({"lode", "--trace-promises", "app.js"});
  CHECK_FALSE(unsupported.ok);
  CHECK(unsupported.error ==
        "lode: --trace-promises is not implemented in lode yet");
}

TEST_CASE("aliases and escaped values", "[options]") {
  Parsed p = Parse({"lode", "--trace-events-enabled", "--debug-port=9230",
                    "--experimental-strip-types", "-p", "\\-42"});
  REQUIRE(p.ok);
  CHECK(p.options.GetString("--trace-event-categories") ==
        "v8,node,node.async_hooks");
  // The port keeps the default host (a later --inspect-port keeps the host
  // an earlier --inspect=host:port gave).
  CHECK(p.options.GetString("--inspect-port") == "127.0.0.1:9230");
  CHECK(p.options.GetBool("--strip-types"));
  CHECK(p.options.GetString("--eval") == "-42");
  CHECK(p.options.exec_argv.back() == "\\-42");
}

TEST_CASE("--inspect=port sets --inspect and the port", "[options]") {
  // "--inspect=9230" stands for --inspect-port=9230 --inspect.
  Parsed p = Parse({"lode", "--inspect=9230", "-e", "0"});
  REQUIRE(p.ok);
  CHECK(p.options.GetBool("--inspect"));
  CHECK(p.options.GetString("--inspect-port") == "127.0.0.1:9230");
  Parsed empty = Parse({"lode", "--inspect-port=", "-e", "0"});
  CHECK_FALSE(empty.ok);
  CHECK(empty.error == "lode: --inspect-port= requires an argument");
}

TEST_CASE("- reads the script from stdin", "[options]") {
  Parsed p = Parse({"lode", "-", "arg"});
  REQUIRE(p.ok);
  CHECK(p.options.read_stdin);
  CHECK(p.options.argv == std::vector<std::string>{"lode", "-", "arg"});
}

namespace {

Parsed ParseWithEnv(const std::string& node_options,
                    std::vector<std::string> args) {
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  Parsed p;
  p.ok = lode::ParseOptions(static_cast<int>(argv.size()), argv.data(),
                            node_options, &p.options, &p.error);
  return p;
}

std::vector<std::string> Split(const std::string& text, bool* ok) {
  std::vector<std::string> out;
  std::string error;
  *ok = lode::SplitNodeOptions(text, &out, &error);
  return out;
}

}  // namespace

TEST_CASE("NODE_OPTIONS is split on blanks, with \"...\" quoting",
          "[options]") {
  bool ok;
  CHECK(Split("  --a   --b=c\t-r x ", &ok) ==
        std::vector<std::string>{"--a", "--b=c", "-r", "x"});
  CHECK(ok);
  CHECK(Split("--title \"a b\" x\"y z\"", &ok) ==
        std::vector<std::string>{"--title", "a b", "xy z"});
  // In quotes a backslash takes the next character as it is; outside them
  // it is an ordinary character, and single quotes are too.
  CHECK(Split("\"a \\\"b\\\" \\\\c\" d\\ 'e f'", &ok) ==
        std::vector<std::string>{"a \"b\" \\c", "d\\", "'e", "f'"});
  CHECK(Split("\"\"", &ok) == std::vector<std::string>{""});
  CHECK(Split("", &ok).empty());
  std::vector<std::string> out;
  std::string error;
  CHECK_FALSE(lode::SplitNodeOptions("--title \"a", &out, &error));
  CHECK(error == "invalid value for NODE_OPTIONS (unterminated string)\n");
}

TEST_CASE("NODE_OPTIONS comes first and stays out of execArgv",
          "[options]") {
  Parsed p = ParseWithEnv("--no-warnings --title \"a b\" --expose-gc -r m",
                          {"lode", "--trace-exit", "app.js", "x"});
  REQUIRE(p.ok);
  CHECK(p.options.exec_argv == std::vector<std::string>{"--trace-exit"});
  CHECK(p.options.argv == std::vector<std::string>{"lode", "app.js", "x"});
  CHECK_FALSE(p.options.GetBool("--warnings"));
  CHECK(p.options.GetString("--title") == "a b");
  CHECK(p.options.values.at("--require").list ==
        std::vector<std::string>{"m"});
  CHECK(p.options.v8_args == std::vector<std::string>{"--expose-gc"});
  // The command line is parsed after it: its values come last.
  p = ParseWithEnv("--title=env", {"lode", "--title=cli"});
  CHECK(p.options.GetString("--title") == "cli");
}

TEST_CASE("NODE_OPTIONS takes only the allowed options", "[options]") {
  Parsed p = ParseWithEnv("--eval 1", {"lode"});
  CHECK_FALSE(p.ok);
  CHECK(p.error == "lode: --eval is not allowed in NODE_OPTIONS");
  p = ParseWithEnv("-e", {"lode"});
  CHECK(p.error == "lode: -e is not allowed in NODE_OPTIONS");
  p = ParseWithEnv("--bogus=1", {"lode"});
  CHECK(p.error == "lode: --bogus= is not allowed in NODE_OPTIONS");
  p = ParseWithEnv("--", {"lode"});
  CHECK(p.error == "lode: -- is not allowed in NODE_OPTIONS");
  // An option's value must be in NODE_OPTIONS too.
  p = ParseWithEnv("--title", {"lode", "x"});
  CHECK(p.error == "lode: --title requires an argument");
  p = ParseWithEnv("\"--title", {"lode"});
  CHECK(p.error ==
        "lode: invalid value for NODE_OPTIONS (unterminated string)\n");
  // Words that are not options are ignored there.
  p = ParseWithEnv("foo.js - --max_old_space_size=64", {"lode", "app.js"});
  REQUIRE(p.ok);
  CHECK(p.options.argv == std::vector<std::string>{"lode", "app.js"});
  CHECK(p.options.v8_args ==
        std::vector<std::string>{"--max_old_space_size=64"});
}

TEST_CASE("--env-file options are kept in order", "[options]") {
  Parsed p = Parse({"lode", "--env-file=a", "--env-file-if-exists", "b",
                    "--env-file", "c"});
  REQUIRE(p.ok);
  REQUIRE(p.options.env_files.size() == 3);
  CHECK(p.options.env_files[0].path == "a");
  CHECK_FALSE(p.options.env_files[0].optional);
  CHECK(p.options.env_files[1].path == "b");
  CHECK(p.options.env_files[1].optional);
  CHECK(p.options.env_files[2].path == "c");
}
