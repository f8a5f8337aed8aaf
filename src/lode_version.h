// The Node version lode matches (process.version) and lode's own version
// (process.versions.lode).
#ifndef SRC_LODE_VERSION_H_
#define SRC_LODE_VERSION_H_

#define LODE_NODE_MAJOR_VERSION 24
#define LODE_NODE_MINOR_VERSION 12
#define LODE_NODE_PATCH_VERSION 0
#define LODE_NODE_VERSION_STRING "v24.12.0"
#define LODE_NODE_RELEASE_LTS "Krypton"
// process.versions.modules of Node 24.
#define LODE_NODE_MODULE_VERSION 137
#define LODE_NAPI_VERSION 10

#define LODE_VERSION "0.1.0"

#endif  // SRC_LODE_VERSION_H_
