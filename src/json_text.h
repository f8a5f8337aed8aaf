// JSON text written by hand in C++ (profiles, trace files): the pieces
// every writer needs, one definition each.
#ifndef SRC_JSON_TEXT_H_
#define SRC_JSON_TEXT_H_

#include <string>
#include <string_view>

namespace lode {

// Appends `text` to `out` as a JSON string: between quotes, with '"', '\\'
// and the control characters escaped; other bytes (UTF-8) as they are.
void AppendJsonString(std::string* out, std::string_view text);

// The same, as a new string (for text assembled with operator+).
std::string JsonString(std::string_view text);

}  // namespace lode

#endif  // SRC_JSON_TEXT_H_
