// lode's V8 startup snapshot: the context after the bootstrap stages
// (primordials, realm, node), made at build time by lode_mksnapshot and
// linked into lode, so that a start deserializes it instead of parsing and
// running lib/ again.
#ifndef SRC_LODE_SNAPSHOT_H_
#define SRC_LODE_SNAPSHOT_H_

#include "v8.h"

namespace lode {

// The snapshot linked into this binary, or nullptr (lode_mksnapshot and
// cctest link none; `./configure --without-snapshot` neither).
const v8::StartupData* GetEmbeddedSnapshot();

// The values the bootstrap leaves for the run, kept with the context
// (SnapshotCreator::AddData), in this order.
enum SnapshotDataIndex {
  kSnapshotRequireBuiltin = 0,
  kSnapshotInternalBinding,
  kSnapshotPrimordials,
  kSnapshotProcessObject,
  kSnapshotTickInfo,
  kSnapshotImmediateInfo,
  kSnapshotCompiledBuiltins,
  kSnapshotDataCount
};

// The V8 code cache of the builtins (the module functions, as compiled
// with the module parameters, inner functions left lazy) linked into this
// binary, or nullptr. Layout: uint32 count (= builtins::kBuiltinSourceCount),
// then per builtin, in kBuiltinSources order, uint32 offset and uint32 length
// (0: none) of its cache in the blob.
const v8::StartupData* GetEmbeddedCodeCache();

// The index of lode's context among the snapshot's contexts.
constexpr size_t kSnapshotContextIndex = 0;

// Runs the bootstrap in a SnapshotCreator and writes the blob to `blob_path`
// and a C++ file embedding it to `cc_path`. Returns an exit code.
int BuildSnapshot(const char* blob_path, const char* cc_path);

}  // namespace lode

#endif  // SRC_LODE_SNAPSHOT_H_
