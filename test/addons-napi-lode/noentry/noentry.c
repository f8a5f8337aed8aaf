// A shared library that declares no addon entry point at all.
int lode_test_noentry_value = 1;
