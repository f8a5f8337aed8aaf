#include "lode.h"
#include "lode_perf.h"

int main(int argc, char** argv) {
  // performance.timeOrigin: as early as lode's own code runs.
  lode::performance::MarkTimeOrigin();
  return lode::Start(argc, argv);
}
