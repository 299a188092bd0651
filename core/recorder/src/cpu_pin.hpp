// Launched tracees share one CPU with the recorder's tracing thread.
//
// Every ptrace stop is two wake-ups: the tracee wakes the tracer, the tracer resumes
// the tracee. When the two sit on different CPUs each wake-up is a cross-CPU
// interrupt and, on a virtual machine, a halted vCPU to bring back: 11-17x the cost
// of a local context switch as measured (README, ci/bench_capture.sh). rr pins for the
// same reason. What the program could notice is hidden: its sched_getaffinity calls
// are answered with the CPU set it would have had (see show_original_affinity);
// a program that sets its own affinity keeps it. Not hidden: Cpus_allowed in
// /proc/PID/status, and the threads of a CPU-bound program no longer run in
// parallel (`golden capture --no-pin` keeps the inherited CPU set).
#pragma once

#include <sched.h>

#include <sys/syscall.h>

#include <algorithm>
#include <cstdint>
#include <optional>

#include "ptrace_api.hpp"

namespace golden::rec {

struct CpuPin {
  int cpu = -1;          // the shared CPU
  cpu_set_t original{};  // the CPU set the tracee would have inherited (the recorder's)
};

// The CPU the calling thread runs on, when it may run on more than one (otherwise
// pinning changes nothing and nothing needs hiding).
std::optional<CpuPin> choose_cpu_pin();

// The calls the recorder must see at exit while it pins (the seccomp filter stops
// them whatever -e says; they are not recorded unless -e asks for them):
// sched_getaffinity to answer it, sched_setaffinity to stop answering.
inline constexpr int kAffinityCalls[] = {SYS_sched_getaffinity, SYS_sched_setaffinity};
inline bool is_affinity_call(int nr) {
  return std::find(std::begin(kAffinityCalls), std::end(kAffinityCalls), nr) !=
         std::end(kAffinityCalls);
}

// Pins the calling thread to `cpu`; false if the kernel refused. Async-signal-safe
// (also used by the child between fork and exec, where failure only costs speed).
bool pin_to(int cpu) noexcept;

// Pins the calling thread to pin.cpu for its lifetime and restores its CPU set after.
class ScopedThreadPin {
 public:
  explicit ScopedThreadPin(const std::optional<CpuPin>& pin);
  ~ScopedThreadPin();
  ScopedThreadPin(const ScopedThreadPin&) = delete;
  ScopedThreadPin& operator=(const ScopedThreadPin&) = delete;

 private:
  bool pinned_ = false;
  cpu_set_t saved_{};
};

// At the exit of a tracee's sched_getaffinity(pid, len, mask) that returned `rval`
// bytes: overwrites them with the original CPU set, as the untraced program would read.
// False when the tracee's memory could not be written.
bool show_original_affinity(Tid tid, std::uint64_t mask_addr, std::int64_t rval,
                            const CpuPin& pin);

}  // namespace golden::rec
