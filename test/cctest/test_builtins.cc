// The embedded lib/ sources and the registry of bindings.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cstring>

#include "lode_binding.h"
#include "lode_builtins.h"

TEST_CASE("every lib/ module is embedded and found by id", "[builtins]") {
  REQUIRE(lode::builtins::kBuiltinSourceCount > 50);
  for (const char* id : {"internal/bootstrap/realm", "internal/bootstrap/node",
                         "internal/per_context/primordials", "events", "path",
                         "internal/util/inspect", "timers/promises"}) {
    const lode::builtins::BuiltinSource* source = lode::builtins::Find(id);
    INFO(id);
    REQUIRE(source != nullptr);
    CHECK(strcmp(source->id, id) == 0);
    CHECK(source->length > 0);
  }
  CHECK(lode::builtins::Find("no/such/module") == nullptr);
  CHECK(lode::builtins::Find("internal") == nullptr);
}

TEST_CASE("the table is sorted, so lookups can bisect", "[builtins]") {
  for (size_t i = 1; i < lode::builtins::kBuiltinSourceCount; i++) {
    INFO(lode::builtins::kBuiltinSources[i].id);
    CHECK(strcmp(lode::builtins::kBuiltinSources[i - 1].id,
                 lode::builtins::kBuiltinSources[i].id) < 0);
  }
}

TEST_CASE("bindings are registered and their references deduplicated",
          "[binding]") {
  CHECK(lode::binding::Find("fs") != nullptr);
  CHECK(lode::binding::Find("nope") == nullptr);
  lode::ExternalReferenceRegistry registry;
  lode::binding::RegisterAllExternalReferences(&registry);
  const std::vector<intptr_t>& refs = registry.external_references();
  REQUIRE(!refs.empty());
  CHECK(refs.back() == 0);
  std::vector<intptr_t> sorted(refs.begin(), refs.end() - 1);
  std::sort(sorted.begin(), sorted.end());
  CHECK(std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end());
}
