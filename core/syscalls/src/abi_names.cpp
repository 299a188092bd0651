// errno and signal names. glibc knows the user-visible errnos (strerrorname_np, glibc
// >= 2.32, so no table to keep in sync); the kernel-internal restart codes
// (include/linux/errno.h) only ever reach a tracer, so they are listed here. Signals follow
// the kernel's numbering, not glibc's SIGRTMIN (which reserves two for itself).
#include "golden/syscalls/abi_names.hpp"

#include <signal.h>

#include <charconv>
#include <cstring>
#include <string>

namespace golden {
namespace {

struct InternalErrno {
  int value;
  const char* name;
  // strace's text for the four restart codes (which never reach the program: the kernel
  // restarts the call or turns them into EINTR); the others have strerror's.
  const char* restart_description;
};

constexpr InternalErrno kInternal[] = {
    {512, "ERESTARTSYS", "To be restarted if SA_RESTART is set"},
    {513, "ERESTARTNOINTR", "To be restarted"},
    {514, "ERESTARTNOHAND", "To be restarted if no handler"},
    {515, "ENOIOCTLCMD", nullptr},
    {516, "ERESTART_RESTARTBLOCK", "Interrupted by signal"},
    {517, "EPROBE_DEFER", nullptr},
    {518, "EOPENSTALE", nullptr},
    {519, "ENOPARAM", nullptr},
    {521, "EBADHANDLE", nullptr},
    {522, "ENOTSYNC", nullptr},
    {523, "EBADCOOKIE", nullptr},
    {524, "ENOTSUPP", nullptr},
    {525, "ETOOSMALL", nullptr},
    {526, "ESERVERFAULT", nullptr},
    {527, "EBADTYPE", nullptr},
    {528, "EJUKEBOX", nullptr},
    {529, "EIOCBQUEUED", nullptr},
    {530, "ERECALLCONFLICT", nullptr},
    {531, "ENOGRACE", nullptr},
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

bool errno_has_name(int err) {
  return internal_errno(err) != nullptr ||
         (err > 0 && err < 512 && strerrorname_np(err) != nullptr);
}

bool errno_restarts_call(int err) {
  const InternalErrno* e = internal_errno(err);
  return e != nullptr && e->restart_description != nullptr;
}

std::string errno_description(int err) {
  if (const InternalErrno* e = internal_errno(err);
      e != nullptr && e->restart_description != nullptr)
    return e->restart_description;
  if (err <= 0) return {};
  if (const char* desc = strerrordesc_np(err)) return desc;
  return "Unknown error " + std::to_string(err);  // glibc's strerror, as strace prints it
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

namespace {

std::optional<int> number_after(std::string_view text, std::string_view prefix) {
  if (!text.starts_with(prefix)) return std::nullopt;
  text.remove_prefix(prefix.size());
  int value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || text.empty()) return std::nullopt;
  return value;
}

}  // namespace

std::optional<int> errno_from_name(std::string_view name) {
  // Aliases glibc names by their twins.
  if (name == "EWOULDBLOCK") name = "EAGAIN";
  if (name == "EDEADLOCK") name = "EDEADLK";
  if (name == "ENOTSUP") name = "EOPNOTSUPP";
  for (const InternalErrno& e : kInternal) {
    if (name == e.name) return e.value;
  }
  for (int err = 1; err < 512; ++err) {
    const char* known = strerrorname_np(err);
    if (known != nullptr && name == known) return err;
  }
  if (auto number = number_after(name, "E"); number && *number > 0 && *number < 4096) return number;
  return std::nullopt;
}

std::optional<int> signal_from_name(std::string_view name) {
  std::string full(name);
  if (!full.starts_with("SIG")) full = "SIG" + full;
  if (full == "SIGPOLL") return SIGIO;
  if (full == "SIGIOT") return SIGABRT;
  if (full == "SIGCLD") return SIGCHLD;
  for (int sig = 1; sig <= kKernelSigRtMax; ++sig) {
    if (signal_name(sig) == full) return sig;
  }
  if (auto number = number_after(full, "SIG"); number && *number > 0 && *number <= kKernelSigRtMax)
    return number;
  return std::nullopt;
}

}  // namespace golden
