#include "tracee_launch.hpp"

#include <fcntl.h>
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sys/prctl.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <csignal>
#include <cstdlib>
#include <cstring>
#include <string_view>

#include "cpu_pin.hpp"

namespace golden::rec {
namespace {

std::string_view name_of(std::string_view entry) { return entry.substr(0, entry.find('=')); }

// The signal state golden itself was started with. The tracee must get it, not what
// golden set up since (a SIGINT handler for request_stop(), an ignored SIGPIPE): an
// inherited SIG_IGN survives exec, a handler does not. Captured by a static
// initializer, i.e. before main() can change anything.
struct InitialSignalState {
  sigset_t ignored;
  sigset_t blocked;
  InitialSignalState() {
    sigemptyset(&ignored);
    sigemptyset(&blocked);
    for (int sig = 1; sig < NSIG; ++sig) {
      struct sigaction sa {};
      if (::sigaction(sig, nullptr, &sa) == 0 && sa.sa_handler == SIG_IGN) sigaddset(&ignored, sig);
    }
    ::sigprocmask(SIG_SETMASK, nullptr, &blocked);
  }
};
const InitialSignalState g_initial_signals;

// Child side: async-signal-safe (sigaction, sigprocmask).
void restore_initial_signals() {
  for (int sig = 1; sig < NSIG; ++sig) {
    if (sig == SIGKILL || sig == SIGSTOP) continue;
    struct sigaction now {};
    if (::sigaction(sig, nullptr, &now) != 0) continue;
    const bool want_ignored = sigismember(&g_initial_signals.ignored, sig) == 1;
    if (want_ignored == (now.sa_handler == SIG_IGN)) continue;
    struct sigaction sa {};
    sa.sa_handler = want_ignored ? SIG_IGN : SIG_DFL;
    sigemptyset(&sa.sa_mask);
    (void)::sigaction(sig, &sa, nullptr);
  }
  (void)::sigprocmask(SIG_SETMASK, &g_initial_signals.blocked, nullptr);
}

std::vector<char*> c_strings(std::vector<std::string>& strings) {
  std::vector<char*> out;
  out.reserve(strings.size() + 1);
  for (auto& s : strings) out.push_back(s.data());
  out.push_back(nullptr);
  return out;
}

// Child side: reports {stage, errno} to the recorder and exits.
[[noreturn]] void fail_launch(int error_fd, int stage) {
  const int report[2] = {stage, errno};
  (void)!::write(error_fd, report, sizeof report);
  ::_exit(127);
}

// Child side, between fork and exec: async-signal-safe calls only (the recorder may
// run in a multi-threaded program).
[[noreturn]] void child_main(int go_fd, int error_fd, const char* path, char* const* argv,
                             char* const* envp, const sock_fprog* filter, int pin_cpu,
                             const char* cwd, const int* stdio) {
  restore_initial_signals();
  char go = 0;
  ssize_t n;
  do {
    n = ::read(go_fd, &go, 1);
  } while (n < 0 && errno == EINTR);
  if (n != 1) ::_exit(127);  // the recorder went away before seizing us
  ::close(go_fd);
  auto fail = [error_fd](int stage) { fail_launch(error_fd, stage); };
  // Before the SIGSTOP, so none of it is traced: the program starts with these.
  for (int target = 0; target < 3; ++target)
    if (stdio[target] >= 0 && stdio[target] != target && ::dup2(stdio[target], target) < 0)
      fail(kLaunchStageStdio);
  if (cwd[0] != '\0' && ::chdir(cwd) != 0) fail(kLaunchStageChdir);
  // Before the filter: with a filter that traces sched_setaffinity, this call would
  // stop at a seccomp stop the recorder does not expect yet.
  if (pin_cpu >= 0) (void)pin_to(pin_cpu);
  if (filter) {
    // Root does not need no_new_privs (CAP_SYS_ADMIN); leaving it unset keeps setuid
    // programs behaving as untraced. Others must set it first.
    if (::syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, filter) != 0) {
      if (errno == EACCES && ::prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) == 0 &&
          ::syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, filter) == 0) {
        // installed
      } else {
        fail(kLaunchStageSeccomp);
      }
    }
  }
  // Seized already: this SIGSTOP becomes a signal-delivery stop the recorder swallows,
  // and it then resumes us with PTRACE_SYSCALL/CONT so the execve entry is traced.
  ::kill(::getpid(), SIGSTOP);
  ::execve(path, argv, envp);
  fail_launch(error_fd, kLaunchStageExec);
}

}  // namespace

std::vector<std::string> tracee_environment(const std::vector<std::string>& base,
                                            const std::string& traceparent,
                                            std::uint64_t lamport_clock,
                                            const std::vector<std::string>& extra) {
  auto overridden = [&](std::string_view name) {
    if (name == "TRACEPARENT" || name == "GOLDEN_LAMPORT_CLOCK") return true;
    for (const auto& e : extra)
      if (name_of(e) == name) return true;
    return false;
  };
  std::vector<std::string> env;
  env.reserve(base.size() + 2 + extra.size());
  for (const auto& e : base)
    if (!overridden(name_of(e))) env.push_back(e);
  auto extra_sets = [&](std::string_view name) {
    for (const auto& e : extra)
      if (name_of(e) == name) return true;
    return false;
  };
  if (!extra_sets("TRACEPARENT")) env.push_back("TRACEPARENT=" + traceparent);
  if (!extra_sets("GOLDEN_LAMPORT_CLOCK"))
    env.push_back("GOLDEN_LAMPORT_CLOCK=" + std::to_string(lamport_clock));
  for (const auto& e : extra) env.push_back(e);
  return env;
}

std::vector<std::string> path_environment(const std::vector<std::string>& env, const std::string& cwd) {
  std::vector<std::string> out;
  for (const std::string& e : env) {
    const std::size_t eq = e.find('=');
    if (eq == std::string::npos || eq == 0 || eq + 1 >= e.size()) continue;
    const std::string_view name = std::string_view(e).substr(0, eq);
    // TMPDIR may be relative (to the cwd); other values must be absolute.
    if (e[eq + 1] != '/' && name != "TMPDIR") continue;
    // A list (PATH, LD_LIBRARY_PATH) or multi-line value is not one path.
    if (e.find_first_of(":\n", eq + 1) != std::string::npos) continue;
    // PWD is the cwd's name only when it leads there (a symlink): a harness that sets the
    // cwd without updating PWD leaves another directory's name in it.
    if (name == "PWD") {
      char* real = ::realpath(e.c_str() + eq + 1, nullptr);
      const bool same = real != nullptr && cwd == real;
      std::free(real);
      if (!same) continue;
    }
    out.push_back(e);
  }
  std::sort(out.begin(), out.end());
  return out;
}

Result<Launched> launch_tracee(const LaunchSpec& spec, const TraceOptions& options) {
  std::vector<std::string> argv_store = spec.argv;
  std::vector<std::string> env_store = spec.env;
  std::vector<char*> argv = c_strings(argv_store);
  std::vector<char*> envp = c_strings(env_store);
  std::vector<sock_filter> insns(spec.seccomp_filter.size());
  static_assert(sizeof(sock_filter) == sizeof(std::uint64_t));
  if (!insns.empty()) std::memcpy(insns.data(), spec.seccomp_filter.data(), insns.size() * 8);
  sock_fprog prog{static_cast<unsigned short>(insns.size()), insns.data()};

  int go[2], err[2];
  if (::pipe2(go, O_CLOEXEC) != 0) return Error{std::string("pipe: ") + std::strerror(errno), ""};
  if (::pipe2(err, O_CLOEXEC) != 0) {
    const int e = errno;
    ::close(go[0]);
    ::close(go[1]);
    return Error{std::string("pipe: ") + std::strerror(e), ""};
  }
  const pid_t pid = ::fork();
  if (pid < 0) {
    const int e = errno;
    for (int fd : {go[0], go[1], err[0], err[1]}) ::close(fd);
    return Error{std::string("fork: ") + std::strerror(e), ""};
  }
  if (pid == 0) {
    ::close(go[1]);
    ::close(err[0]);
    child_main(go[0], err[1], spec.path.c_str(), argv.data(), envp.data(),
               insns.empty() ? nullptr : &prog, spec.pin_cpu, spec.cwd.c_str(), spec.stdio);
  }
  ::close(go[0]);
  ::close(err[1]);
  if (const int e = seize(Tid{pid}, options); e != 0) {
    ::close(go[1]);  // the child sees EOF and exits
    ::close(err[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    return Error{"cannot trace '" + spec.argv.front() + "': ptrace(PTRACE_SEIZE): " +
                     std::strerror(e),
                 ""};
  }
  (void)!::write(go[1], "g", 1);
  ::close(go[1]);
  return Launched{Pid{pid}, err[0]};
}

}  // namespace golden::rec
