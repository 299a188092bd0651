// Every family's members, spelled out once more here: a row added to or dropped from a
// family in the table shows up as a failure naming the call. The cross-checks tie the
// families to the table's other columns (argument kinds, classes, fd returns), which
// follow the kernel's prototypes.
#include "golden/syscalls/families.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <set>
#include <string>

#include "golden/syscalls/syscall_table.hpp"

namespace golden::syscalls {
namespace {

std::set<std::string> members(Family f) {
  std::set<std::string> out;
  for (const SyscallInfo& s : all_syscalls())
    if (has_family(s.name, f)) out.emplace(s.name);
  return out;
}

using Names = std::set<std::string>;

bool has_arg(const SyscallInfo& s, std::initializer_list<ArgType> types) {
  return std::any_of(s.args.begin(), s.args.begin() + s.nargs, [&](const ArgSpec& a) {
    return std::find(types.begin(), types.end(), a.type) != types.end();
  });
}

TEST(Families, ReadAndWriteAreTheFdTransferCalls) {
  EXPECT_EQ(members(Family::Read), (Names{"read", "readv", "pread64", "preadv", "preadv2"}));
  EXPECT_EQ(members(Family::Write), (Names{"write", "writev", "pwrite64", "pwritev", "pwritev2"}));
  // The kernel fills the caller's memory on a read and reads it on a write.
  for (const std::string& n : members(Family::Read))
    EXPECT_TRUE(has_arg(*syscall_by_name(n), {ArgType::OutBuf, ArgType::OutIovec})) << n;
  for (const std::string& n : members(Family::Write))
    EXPECT_TRUE(has_arg(*syscall_by_name(n), {ArgType::InBuf, ArgType::InIovec})) << n;
}

TEST(Families, PositionalCallsTakeAnOffset) {
  EXPECT_EQ(members(Family::Positional),
            (Names{"pread64", "pwrite64", "preadv", "pwritev", "preadv2", "pwritev2"}));
  for (const std::string& n : members(Family::Positional)) {
    EXPECT_TRUE(has_family(n, Family::Read) || has_family(n, Family::Write)) << n;
    const SyscallInfo& s = *syscall_by_name(n);
    EXPECT_TRUE(std::any_of(s.args.begin(), s.args.begin() + s.nargs, [](const ArgSpec& a) {
      return a.name == "offset" || a.name == "pos_l";
    })) << n;
  }
}

TEST(Families, VectoredCallsTakeAnIovecArray) {
  EXPECT_EQ(members(Family::Vectored),
            (Names{"readv", "writev", "preadv", "pwritev", "preadv2", "pwritev2", "vmsplice"}));
  // Every call the table decodes as an iovec of fd data is vectored (vmsplice's iovec is
  // shown as an address, as strace does).
  for (const SyscallInfo& s : all_syscalls()) {
    if (has_arg(s, {ArgType::InIovec, ArgType::OutIovec})) {
      EXPECT_TRUE(has_family(s.name, Family::Vectored)) << s.name;
    }
  }
}

TEST(Families, SocketTransfers) {
  EXPECT_EQ(members(Family::Receive), (Names{"recvfrom", "recvmsg", "recvmmsg"}));
  EXPECT_EQ(members(Family::Send), (Names{"sendto", "sendmsg", "sendmmsg"}));
  EXPECT_EQ(members(Family::MultiMessage), (Names{"recvmmsg", "sendmmsg"}));
  for (Family f : {Family::Receive, Family::Send})
    for (const std::string& n : members(f)) EXPECT_TRUE(syscall_by_name(n)->in(kClassNetwork)) << n;
}

TEST(Families, InKernelCopiesAndSplices) {
  EXPECT_EQ(members(Family::Copy), (Names{"sendfile", "copy_file_range", "splice", "tee"}));
  EXPECT_EQ(members(Family::Splice), (Names{"splice", "tee", "vmsplice"}));
}

TEST(Families, FdCreatingCallsReturnAnFd) {
  EXPECT_EQ(members(Family::Open), (Names{"open", "openat", "openat2", "creat"}));
  EXPECT_EQ(members(Family::Accept), (Names{"accept", "accept4"}));
  EXPECT_EQ(members(Family::Dup), (Names{"dup", "dup2", "dup3"}));
  EXPECT_EQ(members(Family::Pipe), (Names{"pipe", "pipe2"}));
  for (Family f : {Family::Open, Family::Accept, Family::Dup})
    for (const std::string& n : members(f)) EXPECT_TRUE(syscall_by_name(n)->returns_fd) << n;
  for (const std::string& n : members(Family::Open))
    EXPECT_TRUE(syscall_by_name(n)->in(kClassFile)) << n;
  // pipe returns 0 and its fds through its argument.
  for (const std::string& n : members(Family::Pipe))
    EXPECT_TRUE(has_arg(*syscall_by_name(n), {ArgType::FdPairOut})) << n;
}

TEST(Families, ProcessLifecycle) {
  EXPECT_EQ(members(Family::Spawn), (Names{"clone", "clone3", "fork", "vfork"}));
  EXPECT_EQ(members(Family::Exec), (Names{"execve", "execveat"}));
  EXPECT_EQ(members(Family::ChildWait), (Names{"wait4", "waitid"}));
  for (Family f : {Family::Spawn, Family::Exec, Family::ChildWait})
    for (const std::string& n : members(f)) EXPECT_TRUE(syscall_by_name(n)->in(kClassProcess)) << n;
}

TEST(Families, Waits) {
  EXPECT_EQ(members(Family::Poll), (Names{"poll", "ppoll", "select", "pselect6", "epoll_wait",
                                          "epoll_pwait", "epoll_pwait2"}));
  EXPECT_EQ(members(Family::SignalWait), (Names{"pause", "rt_sigsuspend", "rt_sigtimedwait"}));
  EXPECT_EQ(members(Family::Sleep), (Names{"nanosleep", "clock_nanosleep"}));
  // Wait is ChildWait, Poll and SignalWait, and futex; never a sleep.
  Names wait = members(Family::ChildWait);
  for (Family f : {Family::Poll, Family::SignalWait}) wait.merge(members(f));
  wait.insert("futex");
  EXPECT_EQ(members(Family::Wait), wait);
  for (const std::string& n : members(Family::Sleep))
    EXPECT_FALSE(has_family(n, Family::Wait)) << n;
}

TEST(Families, SignalsAndClocks) {
  EXPECT_EQ(members(Family::SignalSend), (Names{"kill", "tkill", "tgkill", "rt_sigqueueinfo",
                                                "rt_tgsigqueueinfo", "pidfd_send_signal"}));
  for (const std::string& n : members(Family::SignalSend))
    EXPECT_TRUE(syscall_by_name(n)->in(kClassSignal)) << n;
  EXPECT_EQ(members(Family::ClockRead),
            (Names{"clock_gettime", "gettimeofday", "time", "clock_getres"}));
}

TEST(Families, LookupsByNameAndNumberAgree) {
  EXPECT_TRUE(has_family(17, Family::Positional));  // pread64
  EXPECT_TRUE(has_family("pread64", Family::Read));
  EXPECT_FALSE(has_family(0, Family::Positional));  // read
  EXPECT_FALSE(has_family("no_such_call", Family::Read));
  EXPECT_FALSE(has_family(-1, Family::Read));
  EXPECT_TRUE(has_any_family("sendto", {Family::Read, Family::Send}));
  EXPECT_FALSE(has_any_family("sendto", {Family::Read, Family::Write}));
  std::set<std::string_view> names;
  for (unsigned f = 0; f < kFamilyCount; ++f) {
    const std::string_view name = family_name(static_cast<Family>(f));
    EXPECT_FALSE(name.empty());
    EXPECT_TRUE(names.insert(name).second) << name;
    EXPECT_FALSE(members(static_cast<Family>(f)).empty()) << name;
  }
}

}  // namespace
}  // namespace golden::syscalls
