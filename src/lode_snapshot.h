// lode's V8 startup snapshot: the context after the bootstrap stages
// (primordials, realm, node), made at build time by lode_mksnapshot and
// linked into lode, so that a start deserializes it instead of parsing and
// running lib/ again.
#ifndef SRC_LODE_SNAPSHOT_H_
#define SRC_LODE_SNAPSHOT_H_

#include <string>

#include "v8.h"

namespace lode {

class Environment;
struct Options;

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

// User snapshots (Node's --build-snapshot): lode's bootstrap snapshot plus
// the state a builder script left, in a file of lode's own format (a
// header naming this lode, then V8's blob). The context and its data are
// at the indices above.

// --build-snapshot entry.js / --build-snapshot-config file: runs the
// builder script in an environment made from the embedded snapshot, then
// its serialize callbacks, closes its handles and writes the blob to
// --snapshot-blob (default: snapshot.blob). Returns the exit code.
int BuildUserSnapshot(Options* options);

// A user snapshot read from `path`: the V8 blob (its memory lives as long
// as the process) and the number of functions it keeps compiled. False
// with a message in `error` when the file cannot be read or is not a
// snapshot of this lode.
bool ReadUserSnapshot(const std::string& path, v8::StartupData* blob,
                      uint32_t* code_cache_count, std::string* error);

// How V8 restores the internal fields of a user snapshot's objects: a
// field that held a C++ pointer at build time comes back empty (its
// object's native part was closed before the snapshot was taken).
v8::DeserializeInternalFieldsCallback UserSnapshotFieldsDeserializer();

// Calls `name` of internal/v8/startup_snapshot with no arguments.
v8::MaybeLocal<v8::Value> CallStartupSnapshotHook(Environment* env,
                                                  const char* name);

}  // namespace lode

#endif  // SRC_LODE_SNAPSHOT_H_
