// The permission model's path rules: how grants match and how paths are
// resolved before they are matched.
#include <catch2/catch.hpp>

#include "lode_permission.h"

using lode::permission::PathTree;
using lode::permission::ResolvePath;

TEST_CASE("paths are resolved lexically", "[permission]") {
  CHECK(ResolvePath("/cwd", "a/b") == "/cwd/a/b");
  CHECK(ResolvePath("/cwd", "/a/./b/../c/") == "/a/c");
  CHECK(ResolvePath("/cwd", "../../..") == "/");
  CHECK(ResolvePath("/cwd", "") == "/cwd");
  CHECK(ResolvePath("/", "//x//y") == "/x/y");
}

TEST_CASE("grants: exact paths, prefixes and folders", "[permission]") {
  PathTree tree;
  CHECK(tree.empty());
  CHECK_FALSE(tree.Lookup("/a"));
  tree.Insert("/show");
  tree.Insert("/example/foo*");
  tree.Insert("/home/foo/*");
  tree.Insert("/home/*.js");  // what follows the '*' is ignored
  CHECK_FALSE(tree.empty());
  CHECK(tree.Lookup("/show"));
  CHECK_FALSE(tree.Lookup("/sho"));
  CHECK_FALSE(tree.Lookup("/shows"));
  CHECK_FALSE(tree.Lookup("/show/x"));
  CHECK(tree.Lookup("/example/foo"));
  CHECK(tree.Lookup("/example/foo2/file"));
  CHECK_FALSE(tree.Lookup("/example/fo"));
  CHECK(tree.Lookup("/home/foo"));  // the folder of "<folder>/*" itself
  CHECK(tree.Lookup("/home/foo/deep/file"));
  CHECK(tree.Lookup("/home/anything.md"));
  CHECK(tree.Lookup("/home"));  // "/home/*.js" is "/home/*"
  CHECK_FALSE(tree.Lookup("/example"));
  CHECK_FALSE(tree.Lookup("/"));
}

TEST_CASE("the model is off unless configured", "[permission]") {
  CHECK_FALSE(lode::permission::IsEnabled());
  CHECK(lode::permission::IsGranted(
      lode::permission::Scope::kFileSystemWrite, "/etc/passwd"));
  CHECK(lode::permission::IsGranted(lode::permission::Scope::kChildProcess));
}
