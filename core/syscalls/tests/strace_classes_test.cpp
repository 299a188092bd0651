// The classes in our table against the installed strace (the reference): the probe
// enters every syscall number, strace prints the ones of the class asked for.
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <optional>
#include <regex>
#include <set>
#include <string>

#include "golden/syscalls/filter.hpp"
#include "golden/syscalls/syscall_table.hpp"

namespace golden {
namespace {

// Names strace printed for `-e trace=<expr>` (its "syscall_0x1c3" for numbers it does
// not know are left out); nullopt when strace could not run the probe.
std::optional<std::set<std::string>> strace_names(const std::string& expr) {
  const std::string out = ::testing::TempDir() + "golden_strace_classes.txt";
  const std::string cmd = "strace -qq -o '" + out + "' -e trace='" + expr + "' '" +
                          GOLDEN_ALL_SYSCALLS_PROBE + "' >/dev/null 2>&1";
  if (std::system(cmd.c_str()) != 0) return std::nullopt;
  std::set<std::string> names;
  std::ifstream in(out);
  const std::regex call(R"(^([a-z_0-9]+)\()");
  for (std::string line; std::getline(in, line);) {
    std::smatch m;
    if (std::regex_search(line, m, call) && !m[1].str().starts_with("syscall_0x")) names.insert(m[1]);
  }
  return names;
}

TEST(StraceClasses, EveryClassMatchesTheInstalledStrace) {
  if (std::system("strace -V >/dev/null 2>&1") != 0) GTEST_SKIP() << "strace is not installed";
  // What this strace knows: a newer table than strace's has syscalls it cannot classify.
  // Under another tracer (or without ptrace rights) strace cannot run: nothing to compare.
  auto all = strace_names("all");
  if (!all) GTEST_SKIP() << "strace cannot trace the probe here";
  std::set<std::string> known = *all;
  known.erase("execve");  // the probe's own exec
  ASSERT_GT(known.size(), 300u);

  for (const char* expr : {"%file", "%network", "%process", "%memory", "%signal", "%ipc", "%desc",
                           "%creds", "%clock", "%pure", "%%stat", "%%statfs", "%stat", "%fstat"}) {
    auto filter = SyscallFilter::parse(expr);
    ASSERT_TRUE(filter.ok()) << expr;
    std::set<std::string> ours;
    for (const SyscallInfo& s : all_syscalls()) {
      if (filter->traces(s.nr) && known.contains(std::string(s.name))) ours.insert(std::string(s.name));
    }
    auto traced = strace_names(expr);
    ASSERT_TRUE(traced) << "strace -e trace=" << expr << " failed";
    std::set<std::string> theirs = *traced;
    theirs.erase("execve");
    ours.erase("execve");
    EXPECT_EQ(ours, theirs) << expr;
  }
}

}  // namespace
}  // namespace golden
