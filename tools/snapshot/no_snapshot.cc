// Linked into binaries that carry no startup snapshot: they bootstrap from
// the embedded lib/ sources at every start.
#include "lode_snapshot.h"

namespace lode {

const v8::StartupData* GetEmbeddedSnapshot() { return nullptr; }

const v8::StartupData* GetEmbeddedCodeCache() { return nullptr; }

}  // namespace lode
