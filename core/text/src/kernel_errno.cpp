#include "golden/text/kernel_errno.hpp"

#include <array>

namespace golden {
namespace {

// Values from the kernel's include/linux/errno.h; descriptions as strace prints them.
constexpr std::array<KernelErrno, 5> kKernelErrnos{{
    {512, "ERESTARTSYS", "To be restarted if SA_RESTART is set"},
    {513, "ERESTARTNOINTR", "To be restarted"},
    {514, "ERESTARTNOHAND", "To be restarted if no handler"},
    {515, "ENOIOCTLCMD", "No ioctl command"},
    {516, "ERESTART_RESTARTBLOCK", "Interrupted by signal"},
}};

}  // namespace

const KernelErrno* kernel_errno(int err) {
  for (const KernelErrno& k : kKernelErrnos)
    if (k.value == err) return &k;
  return nullptr;
}

}  // namespace golden
