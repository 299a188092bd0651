// errno and signal names. glibc knows the user-visible ones; the kernel-internal restart
// codes (include/linux/errno.h) only ever reach a tracer, so they are listed here.
#include <signal.h>

#include <cstring>
#include <string>

#include "golden/decode/decoder.hpp"

namespace golden {
namespace {

struct InternalErrno {
  int value;
  const char* name;
  const char* description;  // as strace prints it
};

constexpr InternalErrno kInternal[] = {
    {512, "ERESTARTSYS", "To be restarted if SA_RESTART is set"},
    {513, "ERESTARTNOINTR", "To be restarted"},
    {514, "ERESTARTNOHAND", "To be restarted if no handler"},
    {515, "ENOIOCTLCMD", "No ioctl command"},
    {516, "ERESTART_RESTARTBLOCK", "Interrupted by signal"},
    {517, "EPROBE_DEFER", "Driver requests probe retry"},
    {518, "EOPENSTALE", "Open found a stale dentry"},
    {519, "ENOPARAM", "Parameter not supported"},
    {521, "EBADHANDLE", "Illegal NFS file handle"},
    {522, "ENOTSYNC", "Update synchronization mismatch"},
    {523, "EBADCOOKIE", "Cookie is stale"},
    {524, "ENOTSUPP", "Operation is not supported"},
    {525, "ETOOSMALL", "Buffer or request is too small"},
    {526, "ESERVERFAULT", "An untranslatable error occurred"},
    {527, "EBADTYPE", "Type not supported by server"},
    {528, "EJUKEBOX", "Request initiated, but will not complete before timeout"},
    {529, "EIOCBQUEUED", "iocb queued, will get completion event"},
    {530, "ERECALLCONFLICT", "Conflict with recalled state"},
    {531, "ENOGRACE", "NFS file lock reclaim refused"},
};

const InternalErrno* internal_errno(int err) {
  for (const InternalErrno& e : kInternal) {
    if (e.value == err) return &e;
  }
  return nullptr;
}

// The kernel's first real-time signal; glibc reserves the first two for itself and
// reports SIGRTMIN as 34, but a tracer sees the kernel's numbering.
constexpr int kKernelSigRtMin = 32;
constexpr int kKernelSigRtMax = 64;

}  // namespace

std::string errno_name(int err) {
  if (const InternalErrno* e = internal_errno(err)) return e->name;
  if (err > 0 && err < 512) {
    if (const char* name = strerrorname_np(err)) return name;
  }
  return "E" + std::to_string(err);
}

std::string errno_description(int err) {
  if (const InternalErrno* e = internal_errno(err)) return e->description;
  if (err > 0 && err < 512) {
    if (const char* desc = strerrordesc_np(err)) return desc;
  }
  return {};
}

std::string signal_name(int sig) {
  // strace's names: the kernel's first real-time signal is SIGRTMIN, the next ones
  // SIGRT_1..SIGRT_32; 29 is SIGIO (glibc's abbreviation table says POLL).
  if (sig >= kKernelSigRtMin && sig <= kKernelSigRtMax) {
    return sig == kKernelSigRtMin ? "SIGRTMIN" : "SIGRT_" + std::to_string(sig - kKernelSigRtMin);
  }
  if (sig == SIGIO) return "SIGIO";
  if (sig > 0 && sig < kKernelSigRtMin) {
    if (const char* abbrev = sigabbrev_np(sig)) return std::string("SIG") + abbrev;
  }
  return "SIG" + std::to_string(sig);
}

}  // namespace golden
