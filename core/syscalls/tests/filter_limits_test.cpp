// -e trace=/regex on hostile expressions: each is refused with a message, or matched, in
// bounded time and memory (found by fuzzing: tools/fuzz/syscall_filter_fuzz.cpp; the
// inputs are in testdata/fuzz/syscall_filter/).
#include <gtest/gtest.h>

#include <string>

#include "golden/syscalls/filter.hpp"
#include "golden/syscalls/syscall_table.hpp"

namespace golden {
namespace {

int nr(std::string_view name) { return syscall_by_name(name)->nr; }

std::string refusal(std::string_view expression) {
  auto f = SyscallFilter::parse(expression);
  return f.ok() ? "(accepted)" : f.error().message;
}

TEST(SyscallFilterLimits, NestedRepetitionDoesNotBacktrackForever) {
  // std::regex's backtracking spent more than 36 s on this 7-byte input (the fuzzer's
  // timeout). ".*++" repeats a repetition, which POSIX leaves undefined: refused.
  EXPECT_NE(refusal("/o.*++&").find("repeating a repetition"), std::string::npos);
  // Nested repetition through groups is valid POSIX, and glibc's matcher does not
  // backtrack exponentially on it.
  auto g = SyscallFilter::parse("/((a|a)*)*x$");
  ASSERT_TRUE(g.ok()) << g.error().message;
  EXPECT_TRUE(g->traces(nr("getrlimit")) == false);
  auto h = SyscallFilter::parse("/^((o|p)*e*)*n");
  ASSERT_TRUE(h.ok()) << h.error().message;
  EXPECT_TRUE(h->traces(nr("open")));
}

TEST(SyscallFilterLimits, CostlyExpressionsAreRefused) {
  EXPECT_EQ(refusal("/a{1000}{1000}"),
            "regular expression 'a{1000}{1000}' in -e trace=/a{1000}{1000} refused: repeating a "
            "repetition, which POSIX leaves undefined");
  EXPECT_NE(refusal("/(a{1000}){1000}").find("refused: too large once its repetitions are expanded"),
            std::string::npos);
  EXPECT_NE(refusal("/(.*){30000}").find("too large once its repetitions are expanded"),
            std::string::npos);
  // glibc copies what + repeats: 2^22 copies took 13 s and 3 GB to compile (fuzzer's OOM).
  EXPECT_NE(refusal("/a" + std::string(22, '+')).find("repeating a repetition"), std::string::npos);
  EXPECT_NE(refusal("/\\\\" + std::string(34, '+')).find("repeating a repetition"),
            std::string::npos);
  std::string nested = "a";
  for (int i = 0; i < 20; ++i) nested = "(" + nested + "+)";
  EXPECT_NE(refusal("/" + nested).find("too large once its repetitions are expanded"),
            std::string::npos);
  const std::string deep = "/" + std::string(20000, '(') + "a" + std::string(20000, ')');
  EXPECT_NE(refusal(deep).find("refused: longer than 256 bytes"), std::string::npos);
  EXPECT_NE(refusal("/(|)(\\1\\1)*").find("back-references, which are not supported"),
            std::string::npos);
  EXPECT_EQ(refusal("trace=" + std::string(70000, 'a')), "-e expression longer than 64 KiB");
  // Quantifier characters in a bracket expression are members, not repetitions.
  auto members = SyscallFilter::parse("/^[+*?{]+x");
  ASSERT_TRUE(members.ok()) << members.error().message;
  // Modest repetition is fine.
  // (A comma ends the expression, as in strace: {m,n} cannot be written in -e.)
  auto f = SyscallFilter::parse("/^[a-z]{4}$,/^(rt_)?sig[a-z]{6}$");
  ASSERT_TRUE(f.ok()) << f.error().message;
  EXPECT_TRUE(f->traces(nr("read")));
  EXPECT_TRUE(f->traces(nr("rt_sigaction")));
  EXPECT_FALSE(f->traces(nr("openat")));
}

TEST(SyscallFilterLimits, RegexIsPosixExtendedAsStrace) {
  // strace compiles /regex with regcomp(REG_EXTENDED | REG_NOSUB): so does golden now.
  auto f = SyscallFilter::parse("/^(open|close)$");
  ASSERT_TRUE(f.ok()) << f.error().message;
  EXPECT_TRUE(f->traces(nr("open")));
  EXPECT_TRUE(f->traces(nr("close")));
  EXPECT_FALSE(f->traces(nr("openat")));
  auto cls = SyscallFilter::parse("/^[[:alpha:]]+64$");
  ASSERT_TRUE(cls.ok()) << cls.error().message;
  EXPECT_TRUE(cls->traces(nr("pread64")));
  EXPECT_FALSE(cls->traces(nr("read")));
  EXPECT_NE(refusal("/[").find("invalid regular expression '['"), std::string::npos);
}

}  // namespace
}  // namespace golden
