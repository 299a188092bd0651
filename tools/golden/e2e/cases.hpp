// The programs every end-to-end check runs: each tracee program (testdata/programs)
// with its arguments, exit status and exact stdout (documented in the program's header).
#pragma once

#include <optional>
#include <ostream>
#include <regex>
#include <string>
#include <vector>

#include "golden_cli.hpp"

namespace golden::e2e {

struct ProgramCase {
  std::string id;                   // test-name suffix
  std::string program;              // testdata/programs name
  std::vector<std::string> args;
  int status = 0;                   // shell-style exit status
  std::string out;                  // stdout, after normalize()
  bool pids_in_output = false;      // "pid 1234" -> "pid P" before comparing
  int signal = 0;                   // the signal that kills it (status is then 128+signal)

  std::vector<std::string> command() const {
    std::vector<std::string> c = {tracee(program)};
    c.insert(c.end(), args.begin(), args.end());
    return c;
  }
  std::string normalize(const std::string& text) const {
    if (!pids_in_output) return text;
    return std::regex_replace(text, std::regex("pid [0-9]+"), "pid P");
  }
};

inline void PrintTo(const ProgramCase& c, std::ostream* os) { *os << c.id; }

inline const std::vector<ProgramCase>& program_cases() {
  static const std::vector<ProgramCase> cases = {
      {"fork_exec_wait", "fork_exec_wait", {}, 0,
       "parent: forking\nhello from echo\nparent: child 1 exited with 0\nparent: child 2 exited with 0\n"},
      {"threads", "threads", {}, 0,
       "thread 0: 25 writes, 25 getpid\nthread 1: 25 writes, 25 getpid\nthread 2: 25 writes, 25 getpid\n"
       "thread 3: 25 writes, 25 getpid\nall threads joined\n"},
      {"vfork_exec", "vfork_exec", {}, 0, "from vfork child\nparent: vfork child exited with 0\n"},
      {"signals", "signals", {}, 0,
       "self SIGUSR1 handled: 1\nchild handled SIGUSR1 and exited with 7\npause interrupted by SIGALRM: EINTR\n"
       "read restarted after SIGALRM, got 'x'\nSIGCHLD handler reaped 3 children, exit codes sum 6\n"},
      {"stop_cont", "stop_cont", {}, 0,
       "child 1 stopped by SIGSTOP\nchild 1 continued\nchild 1 exited with 3\n"
       "child 2 stopped by SIGSTOP\nchild 2 continued\nchild 2 exited with 4\n"},
      {"exec_from_thread", "exec_from_thread", {}, 0,
       "main: starting the exec thread\nafter exec: single-threaded again\n"},
      {"pipe_chain", "pipe_chain", {}, 0,
       "grandchild: got HELLO THROUGH PIPES\nchild: grandchild exited with 0\nparent: child exited with 0\n"},
      {"sockets", "sockets", {}, 0,
       "tcp: server got ping\ntcp: client exited with 0\nsocketpair: parent got hello parent\n"
       "socketpair: child exited with 0\nunix: server got hello unix\nunix: client exited with 0\n"
       "tcp early: server got early\ntcp early: client exited with 0\n"},
      {"killed_child", "killed_child", {}, 0,
       "child killed by signal 9 (SIGKILL), core dumped: no\nchild killed by signal 15 (SIGTERM), core dumped: no\n"},
      {"segfault", "segfault", {}, 139, "about to segfault\n", false, 11},
      {"rapid_children", "rapid_children", {}, 0, "reaped 200 children, exit codes sum 594\n"},
      {"syscall_loop", "syscall_loop", {"2000"}, 0, "syscall_loop: 2000 getppid calls\n"},
      {"exit_code_0", "exit_code", {"0"}, 0, "exit_code: exiting with 0\n"},
      {"exit_code_42", "exit_code", {"42"}, 42, "exit_code: exiting with 42\n"},
      {"exit_code_255", "exit_code", {"255"}, 255, "exit_code: exiting with 255\n"},
      {"ticker", "ticker", {"3"}, 0, "tick 1 pid P\ntick 2 pid P\ntick 3 pid P\n", true},
      {"affinity", "affinity", {}, 0,
       "thread sees the process's CPU set: yes\nchild sees the parent's CPU set: yes\n"
       "pinned to its first CPU: 1 CPU\nrestored: yes\n"},
  };
  return cases;
}

// Real system tools (SPEC: "a demanding user of strace"): deterministic enough to
// compare output and syscall counts.
struct ToolCase {
  std::string id;
  std::vector<std::string> command;
};
inline void PrintTo(const ToolCase& c, std::ostream* os) { *os << c.id; }

inline std::string python3() { return file_exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3"; }

inline const std::vector<ToolCase>& tool_cases() {
  static const std::vector<ToolCase> cases = {
      {"ls_l_usr_include", {"ls", "-l", "/usr/include"}},
      {"sh_pipeline", {"sh", "-c", "echo a | cat"}},
      // The distribution's interpreter: a `python3` found first in PATH may be a pyenv
      // shim (a bash script running pyenv through command substitutions, whose pipe
      // reads vary in number run to run: seen 378 vs 379 reads under strace).
      {"python3_print", {python3(), "-c", "print(1)"}},
  };
  return cases;
}

}  // namespace golden::e2e
