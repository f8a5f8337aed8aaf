// lode_mksnapshot: runs lode's bootstrap once at build time and writes the
// V8 startup snapshot that lode links in.
#include <cstdio>

#include "lode_snapshot.h"

int main(int argc, char** argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: %s SNAPSHOT.bin SNAPSHOT.cc\n", argv[0]);
    return 2;
  }
  return lode::BuildSnapshot(argv[1], argv[2]);
}
