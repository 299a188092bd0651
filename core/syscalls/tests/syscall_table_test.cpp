#include "golden/syscalls/syscall_table.hpp"

#include <gtest/gtest.h>

#include <fstream>
#include <regex>
#include <set>
#include <string>

namespace golden {
namespace {

TEST(SyscallTable, EveryNumberInTheSystemHeaderIsNamed) {
  std::ifstream in("/usr/include/x86_64-linux-gnu/asm/unistd_64.h");
  if (!in) GTEST_SKIP() << "no asm/unistd_64.h on this machine";
  const std::regex def(R"(^#define __NR_(\w+) (\d+)\s*$)");
  std::string line;
  int checked = 0;
  while (std::getline(in, line)) {
    std::smatch m;
    if (!std::regex_match(line, m, def)) continue;
    const int nr = std::stoi(m[2]);
    const SyscallInfo* info = syscall_by_nr(nr);
    ASSERT_NE(info, nullptr) << "no entry for __NR_" << m[1] << " = " << nr;
    EXPECT_EQ(info->name, m[1].str()) << "number " << nr;
    const SyscallInfo* by_name = syscall_by_name(m[1].str());
    ASSERT_NE(by_name, nullptr) << m[1];
    EXPECT_EQ(by_name->nr, nr);
    ++checked;
  }
  EXPECT_GT(checked, 350);
}

TEST(SyscallTable, NewerSyscallsHaveTheirKernelNumbers) {
  const std::pair<const char*, int> expected[] = {
      {"uretprobe", 335},     {"uprobe", 336},
      {"cachestat", 451},     {"fchmodat2", 452},         {"map_shadow_stack", 453},
      {"futex_wake", 454},    {"futex_wait", 455},        {"futex_requeue", 456},
      {"statmount", 457},     {"listmount", 458},         {"lsm_get_self_attr", 459},
      {"lsm_set_self_attr", 460}, {"lsm_list_modules", 461}, {"mseal", 462},
      {"setxattrat", 463},    {"getxattrat", 464},        {"listxattrat", 465},
      {"removexattrat", 466}, {"open_tree_attr", 467},    {"file_getattr", 468},
      {"file_setattr", 469}, {"listns", 470},       {"rseq_slice_yield", 471},
  };
  for (const auto& [name, nr] : expected) {
    const SyscallInfo* info = syscall_by_name(name);
    ASSERT_NE(info, nullptr) << name;
    EXPECT_EQ(info->nr, nr) << name;
    EXPECT_EQ(syscall_by_nr(nr), info);
  }
  EXPECT_EQ(max_syscall_nr(), 471);
}

TEST(SyscallTable, NoGapInsideTheDefinedRanges) {
  // Linux numbers x86-64 syscalls densely in 0..336 and 424..max (337..423 are reserved).
  for (int nr = 0; nr <= max_syscall_nr(); ++nr) {
    const bool reserved = nr >= 337 && nr <= 423;
    EXPECT_EQ(syscall_by_nr(nr) == nullptr, reserved) << nr;
  }
  EXPECT_EQ(syscall_by_nr(-1), nullptr);
  EXPECT_EQ(syscall_by_nr(100000), nullptr);
}

TEST(SyscallTable, SpanIsSortedAndNamesUnique) {
  std::set<std::string_view> names;
  int prev = -1;
  for (const SyscallInfo& s : all_syscalls()) {
    EXPECT_GT(s.nr, prev);
    prev = s.nr;
    EXPECT_TRUE(names.insert(s.name).second) << s.name;
    EXPECT_LE(s.nargs, 6);
    for (int i = 0; i < s.nargs; ++i) EXPECT_FALSE(s.args[i].name.empty()) << s.name << " arg " << i;
    for (int i = s.nargs; i < 6; ++i) EXPECT_TRUE(s.args[i].name.empty()) << s.name << " arg " << i;
  }
  EXPECT_EQ(syscall_by_name("no_such_call"), nullptr);
}

// Classes as in strace's own syscallent table (src/linux/x86_64/syscallent.h).
TEST(SyscallTable, ClassesMatchStrace) {
  struct Case {
    const char* name;
    std::uint16_t classes;
  };
  const Case cases[] = {
      {"openat", kClassDesc | kClassFile},
      {"open", kClassDesc | kClassFile},
      {"read", kClassDesc},
      {"close", kClassDesc},
      {"getpid", kClassNone},
      {"clone", kClassProcess},
      {"clone3", kClassProcess},
      {"kill", kClassSignal | kClassProcess},
      {"tgkill", kClassSignal | kClassProcess},
      {"rt_sigaction", kClassSignal},
      {"execve", kClassFile | kClassProcess},
      {"execveat", kClassDesc | kClassFile | kClassProcess},
      {"mmap", kClassDesc | kClassMemory},
      {"brk", kClassMemory},
      {"socket", kClassNetwork},
      {"sendfile", kClassDesc | kClassNetwork},
      {"shmat", kClassIpc | kClassMemory},
      {"stat", kClassFile | kClassStat},
      {"fstat", kClassDesc | kClassStat},
      {"newfstatat", kClassDesc | kClassFile | kClassStat},
      {"statfs", kClassFile | kClassStat},
      {"getuid", kClassCreds},
      {"prctl", kClassCreds},
      {"clock_gettime", kClassClock},
      {"nanosleep", kClassNone},
      {"getcwd", kClassFile},
      {"pidfd_send_signal", kClassDesc | kClassSignal | kClassProcess},
      {"io_uring_register", kClassDesc | kClassMemory},
      {"exit_group", kClassProcess},
      {"wait4", kClassProcess},
      {"futex", kClassNone},
  };
  for (const Case& c : cases) {
    const SyscallInfo* info = syscall_by_name(c.name);
    ASSERT_NE(info, nullptr) << c.name;
    EXPECT_EQ(info->classes, c.classes) << c.name;
  }
}

TEST(SyscallTable, ArgumentCountsMatchTheKernel) {
  const std::pair<const char*, int> expected[] = {
      {"read", 3}, {"openat", 4}, {"mmap", 6}, {"clone", 5}, {"clone3", 2}, {"getpid", 0},
      // rt_sigreturn takes no argument; its one entry is the signal frame at the stack
      // pointer, whose mask strace shows ("rt_sigreturn({mask=[]})").
      {"rt_sigreturn", 1}, {"futex", 6}, {"pselect6", 6}, {"preadv", 5}, {"preadv2", 6},
      {"execveat", 5}, {"statx", 5}, {"openat2", 4}, {"recvfrom", 6}, {"wait4", 4},
      {"waitid", 5}, {"fchmodat", 3}, {"fchmodat2", 4}, {"setxattrat", 6}, {"listxattrat", 5},
      {"removexattrat", 4}, {"open_tree_attr", 5}, {"file_getattr", 5}, {"futex_wait", 6},
      {"epoll_pwait2", 6}, {"exit_group", 1}, {"getcwd", 2}, {"ioctl", 3},
  };
  for (const auto& [name, n] : expected) {
    const SyscallInfo* info = syscall_by_name(name);
    ASSERT_NE(info, nullptr) << name;
    EXPECT_EQ(info->nargs, n) << name;
  }
}

TEST(SyscallTable, ArgumentSpecsOfKeyCalls) {
  const SyscallInfo* openat = syscall_by_name("openat");
  EXPECT_EQ(openat->args[0].type, ArgType::DirFd);
  EXPECT_EQ(openat->args[1].type, ArgType::Path);
  EXPECT_EQ(openat->args[2].type, ArgType::OpenFlags);
  EXPECT_EQ(openat->args[3].type, ArgType::Mode);
  EXPECT_TRUE(openat->returns_fd);

  const SyscallInfo* write = syscall_by_name("write");
  EXPECT_EQ(write->args[1].type, ArgType::InBuf);
  EXPECT_EQ(write->args[1].len_arg, 2);
  const SyscallInfo* read = syscall_by_name("read");
  EXPECT_EQ(read->args[1].type, ArgType::OutBuf);
  EXPECT_FALSE(read->returns_fd);

  EXPECT_EQ(syscall_by_name("connect")->args[1].type, ArgType::SockaddrIn);
  EXPECT_EQ(syscall_by_name("accept4")->args[1].type, ArgType::SockaddrOut);
  EXPECT_EQ(syscall_by_name("execve")->args[1].type, ArgType::Argv);
  EXPECT_EQ(syscall_by_name("pipe2")->args[0].type, ArgType::FdPairOut);
  // clone's arguments are in strace's order (child_stack first), each from its register.
  EXPECT_EQ(syscall_by_name("clone")->args[1].type, ArgType::CloneFlags);
  EXPECT_EQ(syscall_by_name("clone")->reg(1), 0u);
  EXPECT_EQ(syscall_by_name("kill")->args[1].type, ArgType::Signal);

  for (const char* fd_call : {"open", "creat", "openat", "openat2", "dup", "dup2", "dup3", "socket",
                              "accept", "accept4", "epoll_create1", "eventfd2", "memfd_create"}) {
    EXPECT_TRUE(syscall_by_name(fd_call)->returns_fd) << fd_call;
  }
  EXPECT_TRUE(syscall_by_name("exit")->never_returns);
  EXPECT_TRUE(syscall_by_name("exit_group")->never_returns);
  EXPECT_FALSE(syscall_by_name("execve")->never_returns);
  EXPECT_TRUE(syscall_by_name("mmap")->returns_addr);
}

TEST(SyscallTable, ClassNames) {
  EXPECT_EQ(class_name(kClassFile), "file");
  EXPECT_EQ(class_name(kClassDesc), "desc");
  EXPECT_EQ(class_from_name("%network"), kClassNetwork);
  EXPECT_EQ(class_from_name("memory"), kClassMemory);
  EXPECT_EQ(class_from_name("%bogus"), std::nullopt);
  for (std::uint16_t bit = 1; bit <= kClassStat; bit <<= 1) {
    const auto c = static_cast<SyscallClass>(bit);
    EXPECT_EQ(class_from_name(class_name(c)), c) << bit;
  }
}

}  // namespace
}  // namespace golden
