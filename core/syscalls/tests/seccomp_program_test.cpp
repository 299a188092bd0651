// The seccomp program is checked by loading it for real in a forked child that has no
// tracer: SECCOMP_RET_TRACE without a tracer makes the call fail with ENOSYS, so the
// child can tell traced from allowed syscalls. It reports through its exit code.
#include <linux/filter.h>
#include <linux/seccomp.h>
#include <sys/prctl.h>
#include <sys/socket.h>
#include <sys/syscall.h>
#include <sys/wait.h>
#include <unistd.h>

#include <gtest/gtest.h>

#include <cerrno>
#include <cstring>
#include <functional>

#include "golden/syscalls/filter.hpp"

namespace golden {
namespace {

std::vector<std::uint64_t> program_for(std::string_view expr) {
  auto filter = SyscallFilter::parse(expr);
  EXPECT_TRUE(filter.ok());
  auto prog = filter->seccomp_program();
  EXPECT_TRUE(prog.ok()) << (prog.ok() ? "" : prog.error().to_string());
  return prog.ok() ? prog.value() : std::vector<std::uint64_t>{};
}

// Runs `body` in a child after loading `prog`; returns the child's exit code, or
// 1000 + signal when it was killed.
int run_filtered(const std::vector<std::uint64_t>& prog, const std::function<int()>& body) {
  const pid_t child = fork();
  if (child == 0) {
    if (prctl(PR_SET_NO_NEW_PRIVS, 1, 0, 0, 0) != 0) _exit(100);
    if (!prog.empty()) {
      sock_fprog fprog{};
      fprog.len = static_cast<unsigned short>(prog.size());
      fprog.filter = reinterpret_cast<sock_filter*>(const_cast<std::uint64_t*>(prog.data()));
      if (syscall(SYS_seccomp, SECCOMP_SET_MODE_FILTER, 0, &fprog) != 0) _exit(101);
    }
    // exit_group directly: _exit is intercepted under ASan (ci/sanitize.sh), whose exit
    // work (LeakSanitizer's checks) needs calls the filter under test refuses.
    syscall(SYS_exit_group, body());
  }
  int status = 0;
  waitpid(child, &status, 0);
  return WIFEXITED(status) ? WEXITSTATUS(status) : 1000 + WTERMSIG(status);
}

int expect_enosys(long nr) {
  errno = 0;
  const long r = syscall(nr);
  return (r == -1 && errno == ENOSYS) ? 0 : 1;
}

TEST(SeccompProgram, InstructionsAreSockFilters) {
  const auto prog = program_for("trace=openat");
  ASSERT_GT(prog.size(), 3u);
  sock_filter first{};
  std::memcpy(&first, &prog[0], sizeof first);
  // libseccomp starts by loading seccomp_data.arch (offset 4) to check the architecture.
  EXPECT_EQ(first.code, BPF_LD | BPF_W | BPF_ABS);
  EXPECT_EQ(first.k, 4u);
}

// The recorder's own stops (CPU pinning's affinity calls) come on top of the set, and
// only for the numbers asked.
TEST(SeccompProgram, AlsoStopAddsNumbersOnTopOfTheSet) {
  auto filter = SyscallFilter::parse("trace=getppid");
  ASSERT_TRUE(filter.ok());
  const int extra[] = {SYS_getuid};
  auto prog = filter->seccomp_program(extra);
  ASSERT_TRUE(prog.ok()) << prog.error().to_string();
  const int rc = run_filtered(*prog, [] {
    if (expect_enosys(SYS_getppid) != 0) return 2;  // the set's number still stops
    if (expect_enosys(SYS_getuid) != 0) return 3;   // the extra number stops too
    if (syscall(SYS_getgid) < 0) return 4;          // the others run
    return 0;
  });
  EXPECT_EQ(rc, 0);
}

TEST(SeccompProgram, TracedCallStopsAndOthersRun) {
  const auto prog = program_for("trace=getppid");
  ASSERT_FALSE(prog.empty());
  const pid_t parent_view = getpid();
  const int rc = run_filtered(prog, [&] {
    if (expect_enosys(SYS_getppid) != 0) return 2;     // traced: RET_TRACE, no tracer
    if (syscall(SYS_getppid) == parent_view) return 3;
    const long self = syscall(SYS_getpid);              // not traced: runs normally
    if (self <= 0 || self == parent_view) return 4;
    if (syscall(SYS_gettid) != self) return 5;
    return 0;
  });
  EXPECT_EQ(rc, 0);
}

TEST(SeccompProgram, ClassFilter) {
  const auto prog = program_for("trace=%network");
  const int rc = run_filtered(prog, [] {
    errno = 0;
    if (socket(AF_UNIX, SOCK_STREAM, 0) != -1 || errno != ENOSYS) return 2;
    if (syscall(SYS_getpid) <= 0) return 3;
    return 0;
  });
  EXPECT_EQ(rc, 0);
}

TEST(SeccompProgram, NegatedFilterAllowsTheExcludedCalls) {
  // Everything but the calls the child needs to finish is traced.
  const auto prog = program_for("trace=!exit_group,exit,getpid");
  const int rc = run_filtered(prog, [] {
    if (syscall(SYS_getpid) <= 0) return 2;
    if (expect_enosys(SYS_getppid) != 0) return 3;
    if (expect_enosys(SYS_gettid) != 0) return 4;
    return 0;
  });
  EXPECT_EQ(rc, 0);
}

long int80_getpid() {
  long ret = 20;  // __NR_getpid in the i386 table
  asm volatile("int $0x80" : "+a"(ret) : : "memory", "r8", "r9", "r10", "r11");
  return ret;
}

TEST(SeccompProgram, NonNativeCallsReachTheTracerInsteadOfKilling) {
  // Kernels without IA-32 emulation fault on int 0x80: nothing to check there.
  if (run_filtered({}, [] { return int80_getpid() > 0 ? 0 : 2; }) != 0) {
    GTEST_SKIP() << "no IA-32 syscall emulation on this kernel";
  }
  const auto prog = program_for("trace=openat");
  const int rc = run_filtered(prog, [] { return int80_getpid() == -ENOSYS ? 0 : 2; });
  EXPECT_EQ(rc, 0);
}

}  // namespace
}  // namespace golden
