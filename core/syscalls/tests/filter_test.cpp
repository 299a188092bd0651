#include "golden/syscalls/filter.hpp"

#include <gtest/gtest.h>

#include "golden/model/marker.hpp"
#include "golden/syscalls/syscall_table.hpp"

namespace golden {
namespace {

int nr(const char* name) { return syscall_by_name(name)->nr; }

SyscallFilter parse_ok(std::string_view expr) {
  auto f = SyscallFilter::parse(expr);
  EXPECT_TRUE(f.ok()) << expr << ": " << (f.ok() ? "" : f.error().to_string());
  return f.ok() ? f.value() : SyscallFilter();
}

TEST(SyscallFilter, DefaultTracesEverything) {
  SyscallFilter f;
  EXPECT_TRUE(f.traces_everything());
  EXPECT_TRUE(f.traces(0));
  EXPECT_TRUE(f.traces(5000));
}

TEST(SyscallFilter, NameList) {
  auto f = parse_ok("trace=open,openat");
  EXPECT_TRUE(f.traces(nr("open")));
  EXPECT_TRUE(f.traces(nr("openat")));
  EXPECT_FALSE(f.traces(nr("read")));
  EXPECT_FALSE(f.traces(5000));
  EXPECT_FALSE(f.traces_everything());
  EXPECT_EQ(f.expression(), "trace=open,openat");

  auto g = parse_ok("openat,read");
  EXPECT_TRUE(g.traces(nr("read")));
  EXPECT_FALSE(g.traces(nr("write")));
}

TEST(SyscallFilter, Classes) {
  auto f = parse_ok("%file");
  EXPECT_TRUE(f.traces(nr("openat")));
  EXPECT_TRUE(f.traces(nr("execve")));
  EXPECT_TRUE(f.traces(nr("stat")));
  EXPECT_FALSE(f.traces(nr("read")));
  EXPECT_FALSE(f.traces(nr("getpid")));

  auto net = parse_ok("trace=%network,%process");
  EXPECT_TRUE(net.traces(nr("connect")));
  EXPECT_TRUE(net.traces(nr("clone")));
  EXPECT_FALSE(net.traces(nr("openat")));

  auto legacy = parse_ok("trace=file");  // strace still accepts class names without '%'
  EXPECT_TRUE(legacy.traces(nr("openat")));
}

TEST(SyscallFilter, StraceFineClasses) {
  auto stat = parse_ok("%stat");
  EXPECT_TRUE(stat.traces(nr("stat")));
  EXPECT_FALSE(stat.traces(nr("fstat")));
  auto statlike = parse_ok("%%stat");
  for (const char* n : {"stat", "lstat", "fstat", "newfstatat", "statx"}) EXPECT_TRUE(statlike.traces(nr(n))) << n;
  EXPECT_FALSE(statlike.traces(nr("statfs")));
  auto pure = parse_ok("%pure");
  EXPECT_TRUE(pure.traces(nr("getpid")));
  EXPECT_TRUE(pure.traces(nr("gettid")));
  EXPECT_FALSE(pure.traces(nr("getpgid")));
}

TEST(SyscallFilter, NegationAppliesToTheWholeSet) {
  auto f = parse_ok("!%memory");
  EXPECT_FALSE(f.traces(nr("mmap")));
  EXPECT_FALSE(f.traces(nr("brk")));
  EXPECT_TRUE(f.traces(nr("read")));
  EXPECT_TRUE(f.traces(5000));  // unknown/future numbers stay traced, as in strace

  auto g = parse_ok("trace=!write,read");
  EXPECT_FALSE(g.traces(nr("write")));
  EXPECT_FALSE(g.traces(nr("read")));
  EXPECT_TRUE(g.traces(nr("openat")));
}

TEST(SyscallFilter, AllAndNone) {
  EXPECT_TRUE(parse_ok("all").traces_everything());
  EXPECT_TRUE(parse_ok("!none").traces_everything());
  auto none = parse_ok("none");
  EXPECT_FALSE(none.traces(0));
  EXPECT_FALSE(none.traces(5000));
  auto not_all = parse_ok("!all");
  EXPECT_FALSE(not_all.traces(nr("read")));
  EXPECT_FALSE(not_all.traces(5000));
}

// Spans travel in the marker syscall: no expression filters them out.
TEST(SyscallFilter, MarkerSyscallIsAlwaysTraced) {
  const int marker = static_cast<int>(kMarkerSyscall);
  for (const char* expr : {"trace=openat", "none", "!all", "%network"}) {
    EXPECT_TRUE(parse_ok(expr).traces(marker)) << expr;
    // Only the marker's number is special: its neighbours follow the expression.
    EXPECT_FALSE(parse_ok(expr).traces(marker + 1)) << expr;
  }
  EXPECT_TRUE(parse_ok("trace=!%file").traces(marker));
}

TEST(SyscallFilter, Regex) {
  auto f = parse_ok("/^open");
  EXPECT_TRUE(f.traces(nr("open")));
  EXPECT_TRUE(f.traces(nr("openat")));
  EXPECT_TRUE(f.traces(nr("openat2")));
  EXPECT_TRUE(f.traces(nr("open_tree")));
  EXPECT_FALSE(f.traces(nr("mq_open")));
  auto g = parse_ok("trace=/stat$,close");
  EXPECT_TRUE(g.traces(nr("fstat")));
  EXPECT_TRUE(g.traces(nr("close")));
  EXPECT_FALSE(g.traces(nr("statx")));
  auto bad = SyscallFilter::parse("/(");
  ASSERT_FALSE(bad.ok());
  EXPECT_NE(bad.error().message.find("invalid regular expression"), std::string::npos);
}

TEST(SyscallFilter, NumbersAndPersonality) {
  auto f = parse_ok("trace=0,write@64");
  EXPECT_TRUE(f.traces(0));
  EXPECT_TRUE(f.traces(nr("write")));
  EXPECT_FALSE(f.traces(nr("close")));
  EXPECT_FALSE(SyscallFilter::parse("trace=99999").ok());
}

TEST(SyscallFilter, UnknownNamesAreErrors) {
  auto f = SyscallFilter::parse("trace=opne");
  ASSERT_FALSE(f.ok());
  EXPECT_EQ(f.error().message, "unknown syscall 'opne' in -e trace=opne");
  auto g = SyscallFilter::parse("opne,read,wirte");
  ASSERT_FALSE(g.ok());
  EXPECT_EQ(g.error().message, "unknown syscalls 'opne', 'wirte' in -e trace=opne,read,wirte");
  auto h = SyscallFilter::parse("%bogus");
  ASSERT_FALSE(h.ok());
  EXPECT_EQ(h.error().message, "unknown syscall class '%bogus' in -e trace=%bogus");
  // strace's '?' prefix: ignore the name when it is unknown.
  auto q = parse_ok("?opne,read");
  EXPECT_TRUE(q.traces(nr("read")));
}

TEST(SyscallFilter, EmptyListsAreErrors) {
  EXPECT_FALSE(SyscallFilter::parse("").ok());
  EXPECT_FALSE(SyscallFilter::parse("trace=").ok());
  EXPECT_FALSE(SyscallFilter::parse("trace=!").ok());
  EXPECT_FALSE(SyscallFilter::parse("read,,write").ok());
}

}  // namespace
}  // namespace golden
