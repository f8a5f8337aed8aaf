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
  Parsed boolean = Parse({"lode", "--no-warnings=1"});
  CHECK_FALSE(boolean.ok);
}

TEST_CASE("- reads the script from stdin", "[options]") {
  Parsed p = Parse({"lode", "-", "arg"});
  REQUIRE(p.ok);
  CHECK(p.options.read_stdin);
  CHECK(p.options.argv == std::vector<std::string>{"lode", "-", "arg"});
}
