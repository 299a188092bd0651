// Process, signal and memory calls: execve, clone/clone3, wait4, kill, sigaction, mmap.
#include <linux/futex.h>
#include <linux/sched.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/wait.h>

#include <gtest/gtest.h>

#include "fakes.hpp"
#include "golden/model/arg_text.hpp"

namespace golden {
namespace {

using testing::addr;
using testing::decode;
using testing::FakeFds;
using testing::finish;
using testing::SelfMemory;

TEST(Process, ExecveArgvAndEnvpCount) {
  SelfMemory mem;
  FakeFds fds;
  fds.cwd_ = "/work";
  const char path[] = "./bin/tool";
  const char* argv[] = {"tool", "--flag", "file with \"quotes\"", nullptr};
  const char* envp[] = {"A=1", "B=2", "PATH=/usr/bin", nullptr};
  auto d = decode("execve", {addr(path), addr(argv), addr(envp)}, mem, fds);
  EXPECT_EQ(d.arg(0).str, "/work/bin/tool");
  const Arg& a = d.arg(1);
  EXPECT_EQ(a.kind, ArgKind::Argv);
  EXPECT_EQ(a.list, (std::vector<std::string>{"tool", "--flag", "file with \"quotes\""}));
  EXPECT_EQ(a.text, "[\"tool\", \"--flag\", \"file with \\\"quotes\\\"\"]");
  EXPECT_EQ(a.text, conventional_text(a));
  EXPECT_EQ(d.arg(2).kind, ArgKind::Struct);
  EXPECT_TRUE(d.arg(2).text.ends_with(" /* 3 vars */")) << d.arg(2).text;
  EXPECT_TRUE(d.arg(2).text.starts_with("0x"));
}

TEST(Process, ExecveArgvCapsAndBadPointers) {
  SelfMemory mem;
  FakeFds fds;
  const char path[] = "/bin/echo";
  std::vector<const char*> many(5000, "x");
  many.push_back(nullptr);
  auto d = decode("execve", {addr(path), addr(many.data()), 0}, mem, fds);
  EXPECT_EQ(d.arg(1).list.size(), 4096u);
  EXPECT_TRUE(d.arg(1).text.ends_with(", ...]"));
  EXPECT_EQ(d.arg(2).text, "NULL");

  std::string huge(10000, 'a');
  const char* argv[] = {"echo", huge.c_str(), reinterpret_cast<const char*>(0x10), nullptr};
  auto b = decode("execve", {addr(path), addr(argv), 0}, mem, fds);
  ASSERT_EQ(b.arg(1).list.size(), 3u);
  EXPECT_EQ(b.arg(1).list[1].size(), 4096u);
  EXPECT_NE(b.arg(1).text.find("\"..., 0x10]"), std::string::npos);

  auto bad = decode("execve", {addr(path), 0x20, 0x30}, mem, fds);
  EXPECT_EQ(bad.arg(1).kind, ArgKind::Ptr);
  EXPECT_EQ(bad.arg(1).text, "0x20");
  EXPECT_EQ(bad.arg(2).text, "0x30");
}

TEST(Process, CloneFlagsWithExitSignal) {
  SelfMemory mem;
  FakeFds fds;
  const std::uint64_t flags = CLONE_CHILD_CLEARTID | CLONE_CHILD_SETTID | SIGCHLD;
  // strace shows clone's arguments by name, child_stack first (the flags are arg 1).
  auto d = decode("clone", {flags, 0, 0, 0x7f00, 0}, mem, fds);
  EXPECT_EQ(d.arg(1).kind, ArgKind::Flags);
  EXPECT_EQ(d.arg(1).name, "flags");
  EXPECT_EQ(d.arg(1).text, "flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD");
  const std::uint64_t thread = CLONE_VM | CLONE_FS | CLONE_FILES | CLONE_SIGHAND | CLONE_THREAD |
                               CLONE_SYSVSEM | CLONE_SETTLS | CLONE_PARENT_SETTID | CLONE_CHILD_CLEARTID;
  EXPECT_EQ(decode("clone", {thread, 0, 0, 0, 0}, mem, fds).arg(1).text,
            "flags=CLONE_VM|CLONE_FS|CLONE_FILES|CLONE_SIGHAND|CLONE_THREAD|CLONE_SYSVSEM|CLONE_SETTLS|"
            "CLONE_PARENT_SETTID|CLONE_CHILD_CLEARTID");
  EXPECT_EQ(decode("clone", {CLONE_VM | CLONE_VFORK | SIGCHLD, 0, 0, 0, 0}, mem, fds).arg(1).text,
            "flags=CLONE_VM|CLONE_VFORK|SIGCHLD");
  EXPECT_EQ(decode("unshare", {CLONE_NEWNS | CLONE_NEWUSER}, mem, fds).arg(0).text, "CLONE_NEWNS|CLONE_NEWUSER");
}

TEST(Process, Clone3Args) {
  SelfMemory mem;
  FakeFds fds;
  clone_args ca{};
  ca.flags = CLONE_VM | CLONE_VFORK;
  ca.exit_signal = SIGCHLD;
  ca.stack = 0x7f0000000000;
  ca.stack_size = 0x9000;
  auto d = decode("clone3", {addr(&ca), sizeof ca}, mem, fds);
  EXPECT_EQ(d.arg(0).kind, ArgKind::Struct);
  EXPECT_EQ(d.arg(0).text,
            "{flags=CLONE_VM|CLONE_VFORK, exit_signal=SIGCHLD, stack=0x7f0000000000, stack_size=0x9000}");
}

TEST(Process, Wait4StatusAtExit) {
  SelfMemory mem;
  FakeFds fds;
  int status = 0;
  auto d = decode("wait4", {static_cast<std::uint64_t>(-1), addr(&status), __WALL, 0}, mem, fds);
  EXPECT_EQ(d.arg(0).text, "-1");
  EXPECT_EQ(d.arg(2).text, "__WALL");
  status = 3 << 8;  // exited with 3
  finish(d, 1234, mem, fds);
  EXPECT_EQ(d.arg(1).text, "[{WIFEXITED(s) && WEXITSTATUS(s) == 3}]");
  auto k = decode("wait4", {1234, addr(&status), WNOHANG, 0}, mem, fds);
  status = SIGSEGV | 0x80;
  finish(k, 1234, mem, fds);
  EXPECT_EQ(k.arg(1).text, "[{WIFSIGNALED(s) && WTERMSIG(s) == SIGSEGV && WCOREDUMP(s)}]");
}

TEST(Process, SignalsByName) {
  SelfMemory mem;
  FakeFds fds;
  auto d = decode("kill", {1234, SIGTERM}, mem, fds);
  EXPECT_EQ(d.arg(0).text, "1234");
  EXPECT_EQ(d.arg(1).kind, ArgKind::Signal);
  EXPECT_EQ(d.arg(1).text, "SIGTERM");
  EXPECT_EQ(decode("kill", {1234, 0}, mem, fds).arg(1).text, "0");
  EXPECT_EQ(decode("tgkill", {10, 11, 34}, mem, fds).arg(2).text, "SIGRT_2");
  EXPECT_EQ(decode("kill", {static_cast<std::uint64_t>(-42), SIGKILL}, mem, fds).arg(0).text, "-42");
}

TEST(Process, SigactionAndSigprocmask) {
  SelfMemory mem;
  FakeFds fds;
  struct {
    std::uint64_t handler, flags, restorer, mask;
  } act{1, SA_RESTART | 0x04000000, 0x7f1234, (1ull << (SIGINT - 1)) | (1ull << (SIGTERM - 1))};
  auto d = decode("rt_sigaction", {SIGINT, addr(&act), 0, 8}, mem, fds);
  EXPECT_EQ(d.arg(0).text, "SIGINT");
  EXPECT_EQ(d.arg(1).text, "{sa_handler=SIG_IGN, sa_mask=[INT TERM], sa_flags=SA_RESTORER|SA_RESTART, sa_restorer=0x7f1234}");
  EXPECT_EQ(d.arg(2).text, "NULL");

  std::uint64_t set = ~0ull & ~(1ull << (SIGKILL - 1));
  std::uint64_t old = 0;
  auto m = decode("rt_sigprocmask", {SIG_BLOCK, addr(&set), addr(&old), 8}, mem, fds);
  EXPECT_EQ(m.arg(0).text, "SIG_BLOCK");
  EXPECT_EQ(m.arg(1).text, "~[KILL]");
  finish(m, 0, mem, fds);
  EXPECT_EQ(m.arg(2).text, "[]");
}

TEST(Process, MmapProtFlagsAndAddressReturn) {
  SelfMemory mem;
  FakeFds fds;
  fds.names[3] = "/usr/lib/libc.so.6";
  auto d = decode("mmap", {0, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, static_cast<std::uint64_t>(-1), 0},
                  mem, fds);
  EXPECT_EQ(d.arg(0).text, "NULL");
  EXPECT_EQ(d.arg(2).text, "PROT_READ|PROT_WRITE");
  EXPECT_EQ(d.arg(3).text, "MAP_PRIVATE|MAP_ANONYMOUS");
  EXPECT_EQ(d.arg(4).text, "-1");
  finish(d, 0x7f0f2dd68000, mem, fds);
  EXPECT_EQ(d.event.err, 0);
  EXPECT_EQ(return_text(d.info, d.event), "0x7f0f2dd68000");
  auto f = decode("mmap", {0x7f00, 4096, PROT_NONE, MAP_SHARED | MAP_FIXED | 0x10000000, 3, 0x26000}, mem, fds);
  EXPECT_EQ(f.arg(2).text, "PROT_NONE");
  EXPECT_EQ(f.arg(3).text, "MAP_SHARED|MAP_FIXED|0x10000000");
  EXPECT_EQ(f.arg(4).text, "3</usr/lib/libc.so.6>");
  EXPECT_EQ(f.arg(5).text, "0x26000");
}

TEST(Process, FutexAndClocks) {
  SelfMemory mem;
  FakeFds fds;
  EXPECT_EQ(decode("futex", {0x1000, FUTEX_WAIT_BITSET | FUTEX_PRIVATE_FLAG | FUTEX_CLOCK_REALTIME, 0, 0, 0, ~0u},
                   mem, fds)
                .arg(1)
                .text,
            "FUTEX_WAIT_BITSET_PRIVATE|FUTEX_CLOCK_REALTIME");
  timespec ts{1, 500};
  auto n = decode("clock_nanosleep", {CLOCK_MONOTONIC, 1, addr(&ts), 0}, mem, fds);
  EXPECT_EQ(n.arg(0).text, "CLOCK_MONOTONIC");
  EXPECT_EQ(n.arg(1).text, "TIMER_ABSTIME");
  EXPECT_EQ(n.arg(2).text, "{tv_sec=1, tv_nsec=500}");
}

TEST(Process, UnknownSyscall) {
  SyscallRegs regs;
  regs.nr = 400;
  regs.args = {1, 0x20, 0, 3, 4, 0xffffffffffffffff};
  const auto args = decode_unknown(regs);
  ASSERT_EQ(args.size(), 6u);
  EXPECT_EQ(args[0].name, "arg0");
  EXPECT_EQ(args[5].name, "arg5");
  EXPECT_EQ(args[1].kind, ArgKind::Hex);
  EXPECT_EQ(args[1].text, "0x20");
  EXPECT_EQ(args[2].text, "0");
  Event ev;
  decode_unknown_exit(-38, ev);
  EXPECT_EQ(ev.err, 38);
}

TEST(Process, EveryTableEntryDecodesWithGarbageRegisters) {
  // No crash and one Arg per argument for every syscall, whatever the registers hold.
  SelfMemory mem;
  FakeFds fds;
  for (const SyscallInfo& info : all_syscalls()) {
    SyscallRegs regs;
    regs.nr = info.nr;
    regs.args = {0x10, 0x20, 0x30, 0x40, 0x50, 0x60};
    Event ev;
    ev.args = decode_entry(info, regs, mem, fds, {});
    // The arguments shown are the table's (some left out when their condition does not
    // hold), or a command's own: each has a name and a text.
    EXPECT_LE(ev.args.size(), 8u) << info.name;
    for (std::size_t k = 0; k < ev.args.size(); ++k) {
      EXPECT_FALSE(ev.args[k].name.empty()) << info.name << " arg " << k;
      EXPECT_FALSE(ev.args[k].text.empty()) << info.name << " arg " << k;
    }
    decode_exit(info, regs, 0x70, mem, fds, {}, ev);
    decode_exit(info, regs, -14, mem, fds, {}, ev);
  }
}

TEST(Process, EveryTableEntryDecodesOverReadableMemory) {
  // Every pointer aims at zeroed, readable memory: each structure decoder runs for real.
  SelfMemory mem;
  FakeFds fds;
  static std::uint64_t zeros[1024] = {};
  const std::uint64_t p = addr(zeros);
  for (const SyscallInfo& info : all_syscalls()) {
    SyscallRegs regs;
    regs.nr = info.nr;
    regs.args = {p, p, 16, p, 16, p};
    Event ev;
    ev.args = decode_entry(info, regs, mem, fds, {});
    decode_exit(info, regs, 8, mem, fds, {}, ev);
    for (std::size_t k = 0; k < ev.args.size(); ++k) {
      EXPECT_FALSE(ev.args[k].text.empty()) << info.name << " arg " << k;
    }
  }
}

}  // namespace
}  // namespace golden
