// Issue 12: decoding as strace 6.1 shows it. Each expected text here is what strace
// printed for the same call (the conformance suite, testdata/conformance, checks whole
// programs; these pin the individual rules).
#include <fcntl.h>
#include <gtest/gtest.h>
#include <linux/netlink.h>
#include <linux/rtnetlink.h>
#include <signal.h>
#include <sys/mman.h>
#include <sys/prctl.h>
#include <sys/ptrace.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <unistd.h>

#include <cstring>
#include <string>

#include "fakes.hpp"
#include "golden/model/arg_text.hpp"
#include "golden/syscalls/abi_names.hpp"

namespace golden {
namespace {

using testing::addr;
using testing::decode;
using testing::FakeFds;
using testing::finish;
using testing::SelfMemory;

constexpr std::uint64_t kGarbage = 0xdefaced00000000ULL;  // strace's tests use the same

std::string line_of(const testing::Decoded& d) {
  std::string out = d.event.name + "(";
  for (std::size_t i = 0; i < d.event.args.size(); ++i) {
    if (i) out += ", ";
    out += d.event.args[i].text.empty() ? conventional_text(d.event.args[i]) : d.event.args[i].text;
  }
  return out + ")";
}

// `size` bytes that end where an unmapped page begins.
char* tail_alloc(std::size_t size) {
  const std::size_t page = static_cast<std::size_t>(sysconf(_SC_PAGESIZE));
  auto* p = static_cast<char*>(
      mmap(nullptr, 2 * page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
  munmap(p + page, page);
  return p + page - size;
}

// Item 1: the kernel reads these as int: garbage above bit 31 is ignored, and the value
// is signed.
TEST(StraceGrade, IntArgumentsAreCutTo32BitsAndSigned) {
  SelfMemory mem;
  FakeFds fds;
  auto p = decode("pidfd_open", {0, kGarbage | O_NONBLOCK}, mem, fds);
  EXPECT_EQ(line_of(p), "pidfd_open(0, PIDFD_NONBLOCK)");
  auto s = decode("select", {kGarbage | 0xffffffffULL << 32, 0, 0, 0, 0}, mem, fds);
  EXPECT_EQ(s.event.args.at(0).text, "0");
  auto e = decode("epoll_wait",
                  {static_cast<std::uint64_t>(-2), 0, static_cast<std::uint64_t>(-2), kGarbage},
                  mem, fds);
  EXPECT_EQ(line_of(e), "epoll_wait(-2, NULL, -2, 0)");
  int optlen = -1;
  int value = 0;
  auto g = decode("getsockopt", {3, SOL_SOCKET, SO_TYPE, addr(&value), addr(&optlen)}, mem, fds);
  EXPECT_EQ(g.event.args.at(4).text, "[-1]");
  auto k = decode("kill", {kGarbage | 0x7fffffff, kGarbage | SIGKILL}, mem, fds);
  EXPECT_EQ(line_of(k), "kill(2147483647, SIGKILL)");
  auto l = decode("lseek", {kGarbage | 99, static_cast<std::uint64_t>(-1), kGarbage | SEEK_END},
                  mem, fds);
  EXPECT_EQ(line_of(l), "lseek(99, -1, SEEK_END)");  // off_t is 64 bits: kept whole
}

// Item 2: a string that runs into unmapped memory made the kernel fail with EFAULT;
// strace shows its address, not the bytes before the hole.
TEST(StraceGrade, StringsIntoUnmappedMemoryShowTheAddress) {
  SelfMemory mem;
  FakeFds fds;
  char* s = tail_alloc(4);
  std::memcpy(s, "\x06\x07\x08\x09", 4);
  auto k = decode("add_key", {0, addr(s), 0, 0, 0}, mem, fds);
  EXPECT_EQ(k.event.args.at(1).kind, ArgKind::Ptr);
  EXPECT_EQ(
      k.event.args.at(1).text, "0x" + [&] {
        char buf[32];
        std::snprintf(buf, sizeof buf, "%llx", static_cast<unsigned long long>(addr(s)));
        return std::string(buf);
      }());
  EXPECT_EQ(k.event.args.at(0).text, "NULL");
  EXPECT_EQ(k.event.args.at(2).text, "NULL");  // payload NULL, whatever its length
  auto o = decode("openat", {static_cast<std::uint64_t>(-100), addr(s), O_RDONLY}, mem, fds);
  EXPECT_EQ(o.event.args.at(1).kind, ArgKind::Ptr);
  // A string that ends (NUL) before the hole is a string.
  char* t = tail_alloc(3);
  std::memcpy(t, "ab", 3);
  auto c = decode("chdir", {addr(t)}, mem, fds);
  EXPECT_EQ(c.event.args.at(0).text, "\"ab\"");
}

// Item 6: one escaping for everything printed, strace's (octal), fd annotations included.
TEST(StraceGrade, EveryPrintedStringIsEscapedLikeStrace) {
  SelfMemory mem;
  FakeFds fds;
  fds.names[3] = "/tmp/dir/line\nbreak";
  const char buf[] =
      "\x7f"
      "ELF\x02\x01\x00"
      "1";
  auto w = decode("write", {3, addr(buf), 8}, mem, fds);
  finish(w, 8, mem, fds);
  EXPECT_EQ(line_of(w), "write(3</tmp/dir/line\\nbreak>, \"\\177ELF\\2\\1\\0001\", 8)");
  fds.names[4] = "/memfd:conf (deleted)";
  auto c = decode("close", {4}, mem, fds);
  EXPECT_EQ(line_of(c), "close(4</memfd:conf>(deleted))");
  fds.names[5] = "/tmp/a<b>";
  auto f = decode("fsync", {5}, mem, fds);
  EXPECT_EQ(line_of(f), "fsync(5</tmp/a\\74b\\76>)");
}

// Item 7: the newest syscalls are named; signal 29 is SIGIO, real-time signals SIGRT_n.
TEST(StraceGrade, NewestSyscallsAndSignalNames) {
  ASSERT_NE(syscall_by_nr(470), nullptr);
  EXPECT_EQ(syscall_by_nr(470)->name, "listns");
  ASSERT_NE(syscall_by_nr(471), nullptr);
  EXPECT_EQ(syscall_by_nr(471)->name, "rseq_slice_yield");
  EXPECT_EQ(signal_name(SIGIO), "SIGIO");
  EXPECT_EQ(signal_name(32), "SIGRTMIN");
  EXPECT_EQ(signal_name(33), "SIGRT_1");
  SelfMemory mem;
  FakeFds fds;
  std::uint64_t set = (1ULL << (SIGUSR2 - 1)) | (1ULL << (35 - 1));
  auto m = decode("rt_sigprocmask", {SIG_BLOCK, addr(&set), 0, 8}, mem, fds);
  EXPECT_EQ(line_of(m), "rt_sigprocmask(SIG_BLOCK, [USR2 RT_3], NULL, 8)");
}

TEST(StraceGrade, ResourceLimits) {
  SelfMemory mem;
  FakeFds fds;
  struct {
    std::uint64_t cur, max;
  } limit{8192 * 1024, RLIM_INFINITY}, old{};
  auto p = decode("prlimit64", {0, RLIMIT_STACK, 0, addr(&old)}, mem, fds);
  std::memcpy(&old, &limit, sizeof old);
  finish(p, 0, mem, fds);
  EXPECT_EQ(line_of(p),
            "prlimit64(0, RLIMIT_STACK, NULL, {rlim_cur=8192*1024, rlim_max=RLIM64_INFINITY})");
  auto u = decode("prlimit64", {0, 99, 0, 0}, mem, fds);
  EXPECT_EQ(u.event.args.at(1).text, "0x63 /* RLIMIT_??? */");
  auto r = decode("getrusage", {static_cast<std::uint64_t>(-1), 0}, mem, fds);
  EXPECT_EQ(r.event.args.at(0).text, "RUSAGE_CHILDREN");
}

TEST(StraceGrade, GetrandomShowsTheBytesInHex) {
  SelfMemory mem;
  FakeFds fds;
  unsigned char bytes[4] = {0x20, 0x2b, 0xff, 0x00};
  auto g = decode("getrandom", {addr(bytes), sizeof bytes, 1}, mem, fds);
  finish(g, 4, mem, fds);
  EXPECT_EQ(line_of(g), "getrandom(\"\\x20\\x2b\\xff\\x00\", 4, GRND_NONBLOCK)");
}

TEST(StraceGrade, SocketOptions) {
  SelfMemory mem;
  FakeFds fds;
  int one = 1;
  struct {
    int onoff, linger;
  } lg{1, 5};
  auto s = decode("setsockopt", {3, SOL_SOCKET, SO_REUSEADDR, addr(&one), 4}, mem, fds);
  EXPECT_EQ(line_of(s), "setsockopt(3, SOL_SOCKET, SO_REUSEADDR, [1], 4)");
  auto l = decode("setsockopt", {3, SOL_SOCKET, SO_LINGER, addr(&lg), sizeof lg}, mem, fds);
  EXPECT_EQ(l.event.args.at(3).text, "{l_onoff=1, l_linger=5}");
  int value = 0;
  int len = 4;
  auto g = decode("getsockopt", {3, 6 /* SOL_TCP */, 1 /* TCP_NODELAY */, addr(&value), addr(&len)},
                  mem, fds);
  value = 1;
  finish(g, 0, mem, fds);
  EXPECT_EQ(line_of(g), "getsockopt(3, SOL_TCP, TCP_NODELAY, [1], [4])");
}

TEST(StraceGrade, NetlinkHeaders) {
  SelfMemory mem;
  FakeFds fds;
  fds.sockets[3] = {AF_NETLINK, NETLINK_ROUTE};
  struct {
    nlmsghdr nh;
    unsigned char family[4];
  } req{{20, RTM_GETLINK, NLM_F_REQUEST | NLM_F_DUMP, 1, 0}, {0, 0, 0, 0}};
  auto s = decode("sendto", {3, addr(&req), sizeof req, 0, 0, 0}, mem, fds);
  EXPECT_EQ(
      s.event.args.at(1).text,
      "[{nlmsg_len=20, nlmsg_type=RTM_GETLINK, nlmsg_flags=NLM_F_REQUEST|NLM_F_DUMP, nlmsg_seq=1, "
      "nlmsg_pid=0}, \"\\x00\\x00\\x00\\x00\"]");    // payloads it does not decode: hex, as strace
  ASSERT_TRUE(s.event.args.at(1).data.has_value());  // the payload is kept as for any buffer
  EXPECT_EQ(s.event.args.at(1).data->length, sizeof req);
  auto other = decode("sendto", {4, addr(&req), sizeof req, 0, 0, 0}, mem, fds);  // not netlink
  EXPECT_EQ(other.event.args.at(1).text.front(), '"');
}

TEST(StraceGrade, IoctlRequestNames) {
  SelfMemory mem;
  FakeFds fds;
  EXPECT_EQ(decode("ioctl", {3, 0x5401, 0}, mem, fds).event.args.at(1).text, "TCGETS");
  EXPECT_EQ(decode("ioctl", {3, 0x5402, 0}, mem, fds).event.args.at(1).text,
            "SNDCTL_TMR_START or TCSETS");
  EXPECT_EQ(decode("ioctl", {3, 0xae00, 0}, mem, fds).event.args.at(1).text, "KVM_GET_API_VERSION");
  EXPECT_EQ(decode("ioctl", {3, 0x2400, 0}, mem, fds).event.args.at(1).text,
            "PERF_EVENT_IOC_ENABLE");
  EXPECT_EQ(decode("ioctl", {3, 0x80081272, 0}, mem, fds).event.args.at(1).text, "BLKGETSIZE64");
  EXPECT_EQ(decode("ioctl", {3, 0x12345678, 0}, mem, fds).event.args.at(1).text,
            "_IOC(_IOC_NONE, 0x56, 0x78, 0x1234)");
  // FIOCLEX takes no argument: strace shows none.
  EXPECT_EQ(line_of(decode("ioctl", {3, 0x5451, 0}, mem, fds)), "ioctl(3, FIOCLEX)");
  int avail = 0;
  auto n = decode("ioctl", {3, 0x541b, addr(&avail)}, mem, fds);
  avail = 7;
  finish(n, 0, mem, fds);
  EXPECT_EQ(line_of(n), "ioctl(3, FIONREAD, [7])");
}

TEST(StraceGrade, PrctlOptionsAndTheirArguments) {
  SelfMemory mem;
  FakeFds fds;
  const char name[] = "conftest";
  EXPECT_EQ(line_of(decode("prctl", {PR_SET_NAME, addr(name), 0xffffff80, 7, 0}, mem, fds)),
            "prctl(PR_SET_NAME, \"conftest\")");
  EXPECT_EQ(line_of(decode("prctl", {PR_SET_PDEATHSIG, SIGTERM, 1, 2, 3}, mem, fds)),
            "prctl(PR_SET_PDEATHSIG, SIGTERM)");
  EXPECT_EQ(line_of(decode("prctl", {PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0}, mem, fds)),
            "prctl(PR_GET_NO_NEW_PRIVS, 0, 0, 0, 0)");
  EXPECT_EQ(line_of(decode("prctl", {0x12345678, 1, 2, 3, 4}, mem, fds)),
            "prctl(0x12345678 /* PR_??? */, 0x1, 0x2, 0x3, 0x4)");
  auto d = decode("prctl", {PR_GET_DUMPABLE, 0x7fff, 0, 0, 0}, mem, fds);
  finish(d, 1, mem, fds);
  EXPECT_EQ(line_of(d), "prctl(PR_GET_DUMPABLE)");
  EXPECT_EQ(return_text(d.info, d.event), "1 (SUID_DUMP_USER)");
}

TEST(StraceGrade, CloneAsNamedArguments) {
  SelfMemory mem;
  FakeFds fds;
  auto c = decode("clone", {0x1200000 | SIGCHLD, 0, 0, 0x7ffff7dd0a10, 0}, mem, fds);
  finish(c, 1234, mem, fds);
  EXPECT_EQ(line_of(c),
            "clone(child_stack=NULL, flags=CLONE_CHILD_CLEARTID|CLONE_CHILD_SETTID|SIGCHLD, "
            "child_tidptr=0x7ffff7dd0a10)");
  ASSERT_EQ(c.event.args.size(), 3u);
  EXPECT_EQ(c.event.args[1].name, "flags");
  EXPECT_EQ(c.event.args[1].kind, ArgKind::Flags);  // found by name and kind
}

TEST(StraceGrade, Clone3InFull) {
  SelfMemory mem;
  FakeFds fds;
  int parent_tid = 0;
  std::uint64_t args[11] = {
      0x100000 /* CLONE_PARENT_SETTID */, 0, 0, addr(&parent_tid), SIGCHLD, 0, 0, 0, 0, 0, 0};
  auto c = decode("clone3", {addr(args), 88}, mem, fds);
  parent_tid = 4321;
  finish(c, 4321, mem, fds);
  char expect[256];
  std::snprintf(expect, sizeof expect,
                "clone3({flags=CLONE_PARENT_SETTID, parent_tid=%p, exit_signal=SIGCHLD, "
                "stack=NULL, stack_size=0} => "
                "{parent_tid=[4321]}, 88)",
                static_cast<void*>(&parent_tid));
  EXPECT_EQ(line_of(c), expect);
}

TEST(StraceGrade, PtraceRequests) {
  SelfMemory mem;
  FakeFds fds;
  EXPECT_EQ(line_of(decode("ptrace", {PTRACE_TRACEME, 0, 0, 0}, mem, fds)),
            "ptrace(PTRACE_TRACEME)");
  EXPECT_EQ(line_of(decode("ptrace", {PTRACE_ATTACH, 99, 0, 0}, mem, fds)),
            "ptrace(PTRACE_ATTACH, 99)");
  EXPECT_EQ(line_of(decode("ptrace", {PTRACE_CONT, 99, 0, SIGTERM}, mem, fds)),
            "ptrace(PTRACE_CONT, 99, NULL, SIGTERM)");
  EXPECT_EQ(line_of(decode("ptrace", {PTRACE_SETOPTIONS, 99, 0, 0x100001}, mem, fds)),
            "ptrace(PTRACE_SETOPTIONS, 99, NULL, PTRACE_O_TRACESYSGOOD|PTRACE_O_EXITKILL)");
}

TEST(StraceGrade, TimersAndMemoryAdvice) {
  SelfMemory mem;
  FakeFds fds;
  itimerval it{{0, 0}, {0, 200000}};
  EXPECT_EQ(line_of(decode("setitimer", {ITIMER_REAL, addr(&it), 0}, mem, fds)),
            "setitimer(ITIMER_REAL, {it_interval={tv_sec=0, tv_usec=0}, it_value={tv_sec=0, "
            "tv_usec=200000}}, NULL)");
  EXPECT_EQ(decode("madvise", {0x1000, 4096, MADV_DONTNEED}, mem, fds).event.args.at(2).text,
            "MADV_DONTNEED");
  EXPECT_EQ(decode("madvise", {0x1000, 4096, 12345}, mem, fds).event.args.at(2).text,
            "0x3039 /* MADV_??? */");
  EXPECT_EQ(decode("mlockall", {MCL_CURRENT | MCL_FUTURE}, mem, fds).event.args.at(0).text,
            "MCL_CURRENT|MCL_FUTURE");
  timespec ts{1, 2};
  timespec times[2] = {ts, {3, UTIME_OMIT}};
  const char path[] = "dir";
  auto u =
      decode("utimensat", {static_cast<std::uint64_t>(-100), addr(path), addr(times), 0}, mem, fds);
  EXPECT_TRUE(u.event.args.at(2).text.starts_with("[{tv_sec=1, tv_nsec=2} /* 1970-01-01T"));
  EXPECT_TRUE(u.event.args.at(2).text.ends_with(", UTIME_OMIT]"));
}

TEST(StraceGrade, SeccompAndBpfCommands) {
  SelfMemory mem;
  FakeFds fds;
  unsigned action = 0x80000000;  // SECCOMP_RET_KILL_PROCESS
  EXPECT_EQ(line_of(decode("seccomp", {2, 0, addr(&action)}, mem, fds)),
            "seccomp(SECCOMP_GET_ACTION_AVAIL, 0, [SECCOMP_RET_KILL_PROCESS])");
  EXPECT_EQ(decode("seccomp", {99, 0, 0}, mem, fds).event.args.at(0).text,
            "0x63 /* SECCOMP_SET_MODE_??? */");
  auto b = decode("bpf", {0 /* BPF_MAP_CREATE */, 0x1000, 72}, mem, fds);
  EXPECT_EQ(b.event.args.at(0).text, "BPF_MAP_CREATE");
  EXPECT_TRUE(creates_fd(*b.info, b.regs));  // a map is an fd
}

TEST(StraceGrade, SysVIpcCommands) {
  SelfMemory mem;
  FakeFds fds;
  EXPECT_EQ(line_of(decode("msgget", {0, 01600}, mem, fds)), "msgget(IPC_PRIVATE, IPC_CREAT|0600)");
  EXPECT_EQ(line_of(decode("msgctl", {1, 0 /* IPC_RMID */, 0}, mem, fds)),
            "msgctl(1, IPC_RMID, NULL)");
  EXPECT_EQ(line_of(decode("semctl", {1, 0, 16 /* SETVAL */, 1}, mem, fds)),
            "semctl(1, 0, SETVAL, 0x1)");
  EXPECT_EQ(decode("shmctl", {1, 2 /* IPC_STAT */, 0}, mem, fds).event.args.at(1).text, "IPC_STAT");
}

// SIGCHLD's siginfo carries the child's CPU times, as strace shows them.
TEST(StraceGrade, SigchldSiginfoHasCpuTimes) {
  siginfo_t si{};
  si.si_signo = SIGCHLD;
  si.si_code = CLD_EXITED;
  si.si_pid = 42;
  si.si_status = 3;
  si.si_utime = 1;
  si.si_stime = 0;
  EXPECT_EQ(fields_text(siginfo_args(si)),
            "{si_signo=SIGCHLD, si_code=CLD_EXITED, si_pid=42, si_uid=0, si_status=3, si_utime=1 "
            "/* 0.01 s */, "
            "si_stime=0}");
}

}  // namespace
}  // namespace golden
