// Launch mode: fork the command, let the recorder seize it, then exec.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "golden/model/result.hpp"
#include "ptrace_api.hpp"

namespace golden::rec {

struct LaunchSpec {
  std::string path;                 // resolved executable
  std::vector<std::string> argv;
  std::vector<std::string> env;     // NAME=VALUE
  std::vector<std::uint64_t> seccomp_filter;  // struct sock_filter[]; empty: none
  int pin_cpu = -1;                 // the CPU it shares with the recorder (cpu_pin.hpp); -1: none
  std::string cwd;                  // chdir here before exec ("": stay)
  int stdio[3] = {-1, -1, -1};      // dup2'd onto 0, 1, 2 before exec (-1: inherited)
};

struct Launched {
  Pid pid;
  int error_fd = -1;  // read end: {stage, errno} when the child fails before exec
};

// Stages reported on error_fd.
inline constexpr int kLaunchStageSeccomp = 1;
inline constexpr int kLaunchStageExec = 2;
inline constexpr int kLaunchStageChdir = 3;
inline constexpr int kLaunchStageStdio = 4;

// Forks the child, seizes it with `options` and releases it. The child then pins
// itself to spec.pin_cpu (if any), installs the seccomp filter (if any), stops itself with SIGSTOP (so the tracer sees the execve
// entry) and execs. Errors (fork, PTRACE_SEIZE) come back before anything ran.
Result<Launched> launch_tracee(const LaunchSpec& spec, const TraceOptions& options);

// The environment for the tracee: `base` (NAME=VALUE) without TRACEPARENT,
// GOLDEN_LAMPORT_CLOCK and the names `extra` sets, then those two, then `extra`.
// The entries of `env` whose value is one absolute path ("HOME=/root", not PATH's list):
// the run's path parameters, recorded in the trace so comparison can align them.
// PWD only when it names `cwd` (through a symlink); TMPDIR also when relative.
std::vector<std::string> path_environment(const std::vector<std::string>& env, const std::string& cwd);

std::vector<std::string> tracee_environment(const std::vector<std::string>& base,
                                            const std::string& traceparent,
                                            std::uint64_t lamport_clock,
                                            const std::vector<std::string>& extra);

}  // namespace golden::rec
