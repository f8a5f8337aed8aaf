// Node-API's part in making a context: the V8 extension that gives
// napi_set_named_property and napi_set_property their store functions
// (src/lode_napi_objects.cc).
#ifndef SRC_LODE_NAPI_CONTEXT_H_
#define SRC_LODE_NAPI_CONTEXT_H_

#include "v8.h"

namespace lode::napi {

// Registers the extension with V8; once per process, before any context is
// made.
void RegisterContextExtension();

// The extensions to make the main and worker contexts with (not a context
// a snapshot is built from: V8 does not serialize extensions). An addon
// whose env's context lacks it stores through Object::Set.
v8::ExtensionConfiguration* ContextExtensions();

}  // namespace lode::napi

#endif  // SRC_LODE_NAPI_CONTEXT_H_
