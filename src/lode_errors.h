// Errors thrown from C++ with Node's codes, and the uncaught-exception path:
// JS handlers first ('uncaughtException'), then Node's fatal output.
#ifndef SRC_LODE_ERRORS_H_
#define SRC_LODE_ERRORS_H_

#include <string>

#include "v8.h"

namespace lode {

class Environment;

// The codes C++ throws itself; the same codes and messages as
// lib/internal/errors.js.
#define LODE_ERRORS_WITH_CODE(V)                         \
  V(ERR_INVALID_ARG_TYPE, TypeError)                     \
  V(ERR_INVALID_ARG_VALUE, TypeError)                    \
  V(ERR_OUT_OF_RANGE, RangeError)                        \
  V(ERR_BUFFER_OUT_OF_BOUNDS, RangeError)                \
  V(ERR_STRING_TOO_LONG, Error)                          \
  V(ERR_INVALID_STATE, Error)                            \
  V(ERR_NOT_IMPLEMENTED, Error)                          \
  V(ERR_UNKNOWN_BUILTIN_MODULE, Error)                   \
  V(ERR_INVALID_MODULE, Error)                           \
  V(ERR_PROTO_ACCESS, Error)                             \
  V(ERR_SCRIPT_EXECUTION_TIMEOUT, Error)                 \
  V(ERR_MEMORY_ALLOCATION_FAILED, Error)                  \
  V(ERR_MISSING_ARGS, TypeError)                         \
  V(ERR_DLOPEN_FAILED, Error)                            \
  V(ERR_INVALID_OBJECT_DEFINE_PROPERTY, TypeError)         \
  V(ERR_CONSTRUCT_CALL_INVALID, TypeError)              \
  V(ERR_CPU_PROFILE_TOO_MANY, Error)

#define V(code, type)                                                \
  void THROW_##code(v8::Isolate* isolate, const std::string& message);
LODE_ERRORS_WITH_CODE(V)
#undef V

// An Error like Node's UVException: "<CODE>: <message>, <syscall> '<path>'
// -> '<dest>'", with errno, code, syscall, path and dest properties.
v8::Local<v8::Value> UVException(v8::Isolate* isolate, int err,
                                 const char* syscall,
                                 const char* message = nullptr,
                                 const char* path = nullptr,
                                 const char* dest = nullptr);
// Throws that error, its properties set by assignment as in Node: if a
// setter on Object.prototype throws, that exception is thrown instead.
void ThrowUVException(v8::Isolate* isolate, int err, const char* syscall,
                      const char* message = nullptr,
                      const char* path = nullptr, const char* dest = nullptr);

namespace errors {

// The V8 message listener: an exception that reached the top of a call from
// C++ with no TryCatch around it comes here.
void PerIsolateMessageListener(v8::Local<v8::Message> message,
                               v8::Local<v8::Value> error);
void TriggerUncaughtException(v8::Isolate* isolate,
                              v8::Local<v8::Value> error,
                              v8::Local<v8::Message> message,
                              bool from_promise = false);
// For exceptions caught by a TryCatch during bootstrap: print and exit.
[[noreturn]] void FatalException(v8::Isolate* isolate,
                                 const v8::TryCatch& try_catch);
void OnFatalError(const char* location, const char* message);
// V8's out-of-memory handler: Node's message, the report if asked, abort().
void OnOOMError(const char* location, bool is_heap_oom);
// --abort-on-uncaught-exception: whether an exception nothing handles ends
// the process with abort() now (V8 asks before it aborts; see lode_errors.cc).
bool ShouldAbortOnUncaughtException(v8::Isolate* isolate);
// One frame of a stack trace as the fatal-error reports print it:
// "name (file:line:column)", or "file:line:column" for a nameless function.
std::string FrameText(v8::Isolate* isolate, v8::Local<v8::StackFrame> frame);

}  // namespace errors

// Exit codes, as in Node's table.
enum ExitCode {
  kNoFailure = 0,
  kGenericUserError = 1,
  kInternalJSParseError = 3,
  kInternalJSEvaluationFailure = 4,
  kV8FatalError = 5,
  kInvalidFatalExceptionMonkeyPatching = 6,
  kExceptionInFatalExceptionHandler = 7,
  kUnsettledTopLevelAwait = 13,
  kInvalidCommandLineArgument = 9,
  kBootstrapFailure = 10,
  kInvalidCommandLineArgument2 = 12,
  kStartupSnapshotFailure = 14,
  kAbort = 134,
};

// Flushes stdio and ends the process now, as process.reallyExit does.
[[noreturn]] void ExitNow(int code);

}  // namespace lode

#endif  // SRC_LODE_ERRORS_H_
