// The Catch2 entry point for lode's C++ unit tests.
#define CATCH_CONFIG_MAIN
#include <catch2/catch.hpp>
