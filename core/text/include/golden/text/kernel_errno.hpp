// Kernel-internal errno values (512 and up) that a tracer sees when a signal interrupts
// a call; they never reach the program, and libc's strerror does not know them.
#pragma once

#include <string_view>

namespace golden {

struct KernelErrno {
  int value;
  std::string_view name;
  std::string_view description;
};

// nullptr for an ordinary errno value.
const KernelErrno* kernel_errno(int err);

}  // namespace golden
