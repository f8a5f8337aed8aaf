#ifndef SRC_LODE_H_
#define SRC_LODE_H_

namespace lode {

// Runs lode with the process's arguments; returns only on a usage error or
// an early exit, otherwise ends the process itself.
int Start(int argc, char** argv);

}  // namespace lode

#endif  // SRC_LODE_H_
