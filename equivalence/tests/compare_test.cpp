// The verdict: equivalent runs pass, each single mutation diverges with its place.
#include "golden/equivalence/compare.hpp"

#include <fcntl.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cerrno>
#include <csignal>

#include "golden/test_support/trace_builder.hpp"
#include "test_util.hpp"

namespace golden {
namespace {

using test::describe;
using test::find_divergence;
using test::TraceBuilder;
using ::testing::HasSubstr;

// The reference CLI: greeting on stdout, a file written, a line on stderr, exit 0.
struct Cli {
  std::string greeting = "Hello, World!\n";
  std::string file_content = "greeted World\n";
  std::string warning = "note: done\n";
  int exit_code = 0;
  bool extra_file = false;
  bool delete_file = false;
  bool connect = false;
  bool extra_child = false;
  std::int32_t pid = 100;
  std::string dir = "/tmp/tmp.AbC123xYz9";
  bool noise = false;
};

Trace run(const Cli& c) {
  TraceBuilder b(c.pid, "/src", {"./greet", c.dir});
  if (c.noise) b.noise(c.pid);
  b.open(c.pid, c.dir + "/greeting.txt", O_WRONLY | O_CREAT | O_TRUNC, 3, 0666);
  b.write(c.pid, 3, c.file_content);
  b.close(c.pid, 3);
  if (c.extra_file) {
    b.open(c.pid, c.dir + "/extra.txt", O_WRONLY | O_CREAT | O_TRUNC, 3, 0666);
    b.close(c.pid, 3);
  }
  if (c.delete_file) b.path_call(c.pid, "unlink", {c.dir + "/old.txt"});
  if (c.connect) {
    b.sys(c.pid, "socket", {}, 4, 0, "socket:[77]");
    b.connect(c.pid, 4, "93.184.216.34:80", ECONNREFUSED);
  }
  if (c.extra_child) {
    auto ch = b.spawn(c.pid, {"touch", c.dir + "/t"}, "/usr/bin/touch");
    b.exit(ch);
    b.wait(c.pid, ch);
  }
  b.write(c.pid, 2, c.warning);
  b.write(c.pid, 1, c.greeting);
  b.exit(c.pid, c.exit_code);
  return b.build();
}

TEST(Compare, IdenticalBehaviourIsEquivalentWhateverPidsDirsAndNoise) {
  Cli a;
  Cli b;
  b.pid = 5555;
  b.dir = "/tmp/tmp.ZzZ987yyY0";
  b.noise = true;
  auto r = compare(run(a), run(b));
  EXPECT_TRUE(r.equivalent) << describe(r);
  EXPECT_TRUE(r.divergences.empty());
}

struct Mutation {
  const char* name;
  void (*apply)(Cli&);
  const char* channel;
  Category category;
  const char* summary_part;
};

class SingleMutation : public ::testing::TestWithParam<Mutation> {};

TEST_P(SingleMutation, DivergesAtTheRightPlace) {
  Cli base;
  Cli changed;
  GetParam().apply(changed);
  Trace a = run(base);
  Trace b = run(changed);
  auto r = compare(a, b);
  EXPECT_FALSE(r.equivalent);
  ASSERT_EQ(r.failing(), 1u) << describe(r);
  const Divergence& d = r.divergences.front();
  EXPECT_EQ(d.channel, GetParam().channel) << describe(r);
  EXPECT_EQ(d.category, GetParam().category);
  EXPECT_THAT(d.summary, HasSubstr(GetParam().summary_part));
  // The event seqs point at the calls that made the difference.
  if (d.seq_b) {
    EXPECT_LT(*d.seq_b, b.events.size());
  }
  if (d.seq_a) {
    EXPECT_LT(*d.seq_a, a.events.size());
  }
  EXPECT_TRUE(d.seq_a || d.seq_b);
  // Symmetric: B vs A diverges at the same place.
  auto back = compare(b, a);
  ASSERT_EQ(back.failing(), 1u);
  EXPECT_EQ(back.divergences.front().channel, d.channel);
}

INSTANTIATE_TEST_SUITE_P(
    Each, SingleMutation,
    ::testing::Values(
        Mutation{"stdout", [](Cli& c) { c.greeting = "Hello, world!\n"; }, "stdout", Category::Stdout,
                 "stdout differs"},
        Mutation{"stderr", [](Cli& c) { c.warning = "note: done.\n"; }, "stderr", Category::Stderr,
                 "stderr differs"},
        Mutation{"file_content", [](Cli& c) { c.file_content = "greeted world\n"; },
                 "file $TMP1/greeting.txt", Category::FileContent, "content of $TMP1/greeting.txt"},
        Mutation{"extra_file", [](Cli& c) { c.extra_file = true; }, "file $TMP1/extra.txt",
                 Category::FileOps, "only in B"},
        Mutation{"deleted_file", [](Cli& c) { c.delete_file = true; }, "file $TMP1/old.txt",
                 Category::FileOps, "only in B: deleted"},
        Mutation{"exit_status", [](Cli& c) { c.exit_code = 2; }, "processes", Category::ExitStatus,
                 "A exit 0 / B exit 2"},
        Mutation{"network", [](Cli& c) { c.connect = true; }, "network", Category::Network,
                 "connect 93.184.216.34:80"},
        Mutation{"extra_child", [](Cli& c) { c.extra_child = true; }, "processes", Category::Processes,
                 "extra in B: process 1/touch"}),
    [](const auto& info) { return std::string(info.param.name); });

TEST(Compare, DivergenceCarriesAUnifiedDiffWithContext) {
  TraceBuilder a(100, "/w");
  TraceBuilder b(100, "/w");
  for (int i = 0; i < 10; ++i) {
    a.write(100, 1, "line " + std::to_string(i) + "\n");
    b.write(100, 1, (i == 5 ? "LINE " : "line ") + std::to_string(i) + "\n");
  }
  a.exit(100);
  b.exit(100);
  auto r = compare(a.build(), b.build());
  ASSERT_EQ(r.divergences.size(), 1u);
  const Divergence& d = r.divergences[0];
  EXPECT_EQ(d.a_start, 3u);
  EXPECT_EQ(d.a_count, 7u);
  EXPECT_EQ(d.b_start, 3u);
  EXPECT_EQ(d.b_count, 7u);
  ASSERT_EQ(d.lines.size(), 8u);
  EXPECT_EQ(d.lines[3].op, '-');
  EXPECT_EQ(d.lines[3].text, "\"line 5\\n\"");
  EXPECT_EQ(d.lines[4].op, '+');
  EXPECT_EQ(d.lines[4].text, "\"LINE 5\\n\"");
  EXPECT_EQ(d.lines[0].op, ' ');
  // seq of the write that printed line 5 (the root's execve is seq 0).
  EXPECT_EQ(d.seq_a, Seq{6});
  EXPECT_EQ(d.seq_b, Seq{6});
}

TEST(Compare, RelaxedCategoriesAreNotCompared) {
  Cli base, changed;
  changed.warning = "other\n";
  changed.exit_code = 1;
  CompareConfig cfg;
  cfg.relax = {Category::Stderr, Category::ExitStatus};
  auto r = compare(run(base), run(changed), cfg);
  EXPECT_TRUE(r.equivalent) << describe(r);
  for (const CategoryStatus& s : r.categories) {
    if (s.category == Category::Stderr) {
      EXPECT_FALSE(s.compared);
    }
  }
}

TEST(Compare, AllowRulesAcceptKnownDivergencesOneSided) {
  auto with_read = [](bool extra) {
    TraceBuilder b(100, "/w");
    b.open(100, "/w/in.txt", O_RDONLY, 3);
    if (extra) b.open(100, "/opt/py/lib/site.py", O_RDONLY, 4);
    b.exit(100);
    return b.build();
  };
  CompareConfig cfg;
  cfg.allow.push_back({{Category::UserReads}, {"/opt/py/**"}, {}, Side::B, "the port reads its runtime", "c.toml:3"});
  auto r = compare(with_read(false), with_read(true), cfg);
  EXPECT_TRUE(r.equivalent) << describe(r);
  ASSERT_EQ(r.divergences.size(), 1u);
  EXPECT_TRUE(r.divergences[0].allowed);
  EXPECT_EQ(r.divergences[0].allowed_by, "the port reads its runtime (c.toml:3)");
  // One-sided: A reading it and B not is still a divergence.
  auto back = compare(with_read(true), with_read(false), cfg);
  EXPECT_FALSE(back.equivalent);
}

TEST(Compare, RootImplementationMayDifferButNotWhatItDoes) {
  auto impl = [](std::vector<std::string> argv, bool python_noise) {
    TraceBuilder b(100, "/src", argv);
    if (python_noise) {
      b.open(100, "/usr/lib/python3.11/encodings/__init__.py", O_RDONLY, 3);
      b.open(100, "/src/greet.py", O_RDONLY, 4);
    }
    b.write(100, 1, "hi\n");
    b.exit(100);
    return b.build();
  };
  Trace c = impl({"/build/greet"}, false);
  Trace py = impl({"python3", "greet.py"}, true);
  EXPECT_TRUE(compare(c, py).equivalent) << describe(compare(c, py));
  CompareConfig strict;
  strict.root_exec = true;
  auto r = compare(c, py, strict);
  EXPECT_FALSE(r.equivalent);
  EXPECT_NE(find_divergence(r, "processes"), nullptr);
}

TEST(Compare, TruncatedInputsAndFiltersAreNoted) {
  Cli c;
  Trace t = run(c);
  TraceHeader h;
  h.filter = "trace=%file";
  CompareInput a{&t, h, "a.json", true};
  CompareInput b{&t, {}, "b.json", false};
  auto r = compare(a, b, {});
  EXPECT_TRUE(r.equivalent);
  std::string notes;
  for (const auto& n : r.notes) notes += n + "\n";
  EXPECT_THAT(notes, HasSubstr("A is truncated"));
  EXPECT_THAT(notes, HasSubstr("-e trace=%file"));
}

TEST(Compare, PerformanceFiguresAreMeasuredForBothSides) {
  Cli c;
  auto r = compare(run(c), run(c));
  EXPECT_GT(r.perf_a.syscalls, 0u);
  EXPECT_EQ(r.perf_a.syscalls, r.perf_b.syscalls);
  EXPECT_TRUE(r.perf_a.critical_path.has_value()) << r.perf_a.critical_path_note;
  EXPECT_EQ(r.perf_a.peak_rss_kb, std::optional<std::uint64_t>(2048));
  EXPECT_GT(r.perf_a.syscalls_by_class["desc"], 0u);
}

}  // namespace
}  // namespace golden
