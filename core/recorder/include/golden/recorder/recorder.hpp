// The ptrace recorder behind `golden capture` (SPEC §3). It runs or attaches to a
// program, follows every process and thread it creates, and streams decoded, timed,
// Lamport-ordered events into a TraceSink. No JSON/TOML/ptrace types in this header.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "golden/decode/decoder.hpp"
#include "golden/model/result.hpp"
#include "golden/model/trace.hpp"
#include "golden/syscalls/filter.hpp"

namespace golden {

struct CaptureOptions {
  std::vector<std::string> command;  // program and arguments (launch mode)
  std::vector<Pid> attach;           // -p PID,... (attach mode); exclusive with command
  bool follow = true;                // follow forks/vforks/clones (--no-follow: first process only)
  SyscallFilter filter;              // -e trace=...; seccomp-bpf when not "everything"
  DecodeOptions decode;              // -s N etc.
  unsigned runs = 1;                 // --runs N (launch mode only)
  // Launch mode: the program runs on the recorder's CPU, which makes every ptrace stop
  // a local context switch; what it could notice of that is hidden (--no-pin: false).
  bool pin_cpu = true;
  // Extra NAME=VALUE entries for the tracee's environment (after TRACEPARENT etc.).
  std::vector<std::string> extra_env;
  // Launch mode: the environment the program starts from instead of the recorder's
  // (extra_env and TRACEPARENT still apply).
  std::optional<std::vector<std::string>> environment;
  // Launch mode: where the program runs ("": the recorder's cwd). A relative program
  // path ("./tool") is found from there.
  std::string cwd;
  // Launch mode: fds the program gets as its stdin, stdout and stderr (-1: the
  // recorder's own). The caller keeps them open until capture() returns.
  int stdin_fd = -1, stdout_fd = -1, stderr_fd = -1;
  // --source[=N] (SPEC §8): each recorded syscall gets the file, line and function of
  // the innermost user frame and its caller; source_frames > 0 also keeps the first N
  // frames of the stack. debug_dirs (--debug-dir) are searched for separate debug files
  // like /usr/lib/debug, before $GOLDEN_DEBUG_DIRS and /usr/lib/debug itself.
  bool source = false;
  unsigned source_frames = 0;
  std::vector<std::string> debug_dirs;
};

struct CaptureOutcome {
  // The traced program's status as a shell reports it: exit code, or 128+N when
  // killed by signal N. For --runs N, the last run's. For attach mode, 0.
  int exit_status = 0;
  // The signal that killed the program (for --runs N, the last run's); 0 if it exited.
  // exit(139) and a SIGSEGV both give status 139: only this tells them apart.
  int killed_by = 0;
  bool interrupted = false;  // stopped early by request_stop()
  // What the user should be told once (e.g. --source: the images without debug info).
  std::vector<std::string> notes;
};

// Runs the capture. Errors (command not found, ptrace not permitted, pid gone) are
// returned before any run starts whenever possible.
Result<CaptureOutcome> capture(const CaptureOptions& options, TraceSink& sink);

// Asks a running capture to stop: attached processes are detached and left running,
// launched ones are killed (PTRACE_O_EXITKILL); everything captured so far reaches the
// sink. Async-signal-safe: meant to be called from a SIGINT/SIGTERM handler.
void request_stop() noexcept;

}  // namespace golden
