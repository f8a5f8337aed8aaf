// What other bindings read of node:os's native side.
#ifndef SRC_LODE_OS_H_
#define SRC_LODE_OS_H_

#include <string>

#include "uv.h"

namespace lode::os {

// One entry of uv_interface_addresses() as os.networkInterfaces() and the
// diagnostic report show it.
struct InterfaceAddressText {
  std::string address;
  std::string netmask;
  std::string mac;     // "xx:xx:xx:xx:xx:xx"
  const char* family;  // "IPv4" or "IPv6"
  int scopeid;         // IPv6 only; -1 for IPv4
};

InterfaceAddressText DescribeInterfaceAddress(const uv_interface_address_t& a);

}  // namespace lode::os

#endif  // SRC_LODE_OS_H_
