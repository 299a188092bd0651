// golden graph on real captures (issue 3, SPEC §5): the critical path of
// `sh -c 'sleep 0.3 & sleep 0.3 & wait'` runs through one sleep, not both (concurrent
// time counted once), never exceeds the wall time, and --dot is Graphviz that `dot`
// accepts. Bad input exits 2 with one line.
#include <gtest/gtest.h>

#include <optional>
#include <regex>
#include <string>

#include "golden_cli.hpp"
#include "test_support_names.hpp"

namespace golden::e2e {
namespace {

// "313.5 ms", "1.2 s", "660 ns", "12.0 us" → seconds.
std::optional<double> seconds(const std::string& value, const std::string& unit) {
  const double v = std::stod(value);
  if (unit == "s") return v;
  if (unit == "ms") return v / 1e3;
  if (unit == "us") return v / 1e6;
  if (unit == "ns") return v / 1e9;
  return std::nullopt;
}

struct Listing {
  double path_s = 0;
  double wall_s = 0;
  std::vector<std::pair<std::string, double>> per_process;  // "30157 sleep" → seconds
};

Listing parse_listing(const std::string& out) {
  Listing l;
  static const std::regex total(
      R"(critical path: ([0-9.]+) (ns|us|ms|s) of ([0-9.]+) (ns|us|ms|s) wall time)");
  static const std::regex proc(R"(^ +([0-9]+ [^ ]+) +([0-9.]+) (ns|us|ms|s) +[0-9.]+%$)");
  std::smatch m;
  if (std::regex_search(out, m, total)) {
    l.path_s = seconds(m[1], m[2]).value_or(-1);
    l.wall_s = seconds(m[3], m[4]).value_or(-1);
  }
  bool in_processes = false;
  for (const std::string& line : split_lines(out)) {
    if (line == "per process:") {
      in_processes = true;
      continue;
    }
    if (in_processes && std::regex_match(line, m, proc))
      l.per_process.emplace_back(m[1], seconds(m[2], m[3]).value_or(-1));
  }
  return l;
}

class GraphCommand : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    dir_ = new TempDir;
    RunResult c = capture(dir_->file("sleeps.json"), {"sh", "-c", "sleep 0.3 & sleep 0.3 & wait"});
    ASSERT_EQ(c.status(), 0) << c.describe();
  }
  static void TearDownTestSuite() {
    delete dir_;
    dir_ = nullptr;
  }
  static std::string trace() { return dir_->file("sleeps.json"); }
  static TempDir* dir_;
};
TempDir* GraphCommand::dir_ = nullptr;

TEST_F(GraphCommand, ConcurrentSleepsCountOnceOnTheCriticalPath) {
  RunResult r = golden({"graph", trace()});
  ASSERT_EQ(r.status(), 0) << r.describe();
  Listing l = parse_listing(r.out);
  EXPECT_GE(l.path_s, 0.29) << r.out;
  EXPECT_LE(l.path_s, l.wall_s) << r.out;
  // One sleep carries the path; the other overlaps it and must not be added (a sum
  // of both would be >= 0.6 s). Checked per process, so a slow machine cannot fail it.
  int long_sleeps = 0;
  double top = 0;
  std::string top_name;
  for (const auto& [name, s] : l.per_process) {
    if (name.ends_with(" sleep") && s >= 0.29) ++long_sleeps;
    if (s > top) top = s, top_name = name;
  }
  EXPECT_EQ(long_sleeps, 1) << r.out;
  EXPECT_TRUE(top_name.ends_with(" sleep")) << r.out;
  EXPECT_EQ(r.out.rfind("run 0: sh -c sleep 0.3 & sleep 0.3 & wait\n", 0), 0u) << r.out;
}

TEST_F(GraphCommand, DotOutputIsAcceptedByGraphviz) {
  const std::string dot = dir_->file("g.dot");
  RunResult r = golden({"graph", trace(), "--dot", "-o", dot});
  ASSERT_EQ(r.status(), 0) << r.describe();
  const std::string text = read_file(dot);
  EXPECT_EQ(text.rfind("digraph", 0), 0u) << text.substr(0, 200);
  EXPECT_FALSE(file_exists(dot + ".partial"));
  RunResult svg = run({"dot", "-Tsvg", dot, "-o", dir_->file("g.svg")});
  ASSERT_EQ(svg.status(), 0) << svg.describe();
  EXPECT_NE(read_file(dir_->file("g.svg")).find("<svg"), std::string::npos);
  // Collapsing off-path runs keeps it valid and makes it smaller.
  RunResult c = golden({"graph", trace(), "--dot", "--collapse", "3"});
  ASSERT_EQ(c.status(), 0) << c.describe();
  EXPECT_LT(c.out.size(), text.size());
  write_file(dir_->file("c.dot"), c.out);
  EXPECT_EQ(run({"dot", "-Tsvg", dir_->file("c.dot"), "-o", dir_->file("c.svg")}).status(), 0);
}

TEST_F(GraphCommand, PatternRestrictsThePathToMatchingProcesses) {
  RunResult r = golden({"graph", trace(), "--pattern", "^sleep$"});
  ASSERT_EQ(r.status(), 0) << r.describe();
  Listing l = parse_listing(r.out);
  ASSERT_FALSE(l.per_process.empty()) << r.out;
  for (const auto& [name, s] : l.per_process) EXPECT_TRUE(name.ends_with(" sleep")) << r.out;
}

TEST_F(GraphCommand, BadInputExitsTwoWithOneLine) {
  RunResult run5 = golden({"graph", trace(), "--run", "5"});
  EXPECT_EQ(run5.status(), 2) << run5.describe();
  EXPECT_EQ(run5.err_lines().size(), 1u) << run5.err;
  EXPECT_NE(run5.err.find("--run 5"), std::string::npos) << run5.err;

  RunResult missing = golden({"graph", dir_->file("absent.json")});
  EXPECT_EQ(missing.status(), 2) << missing.describe();
  EXPECT_EQ(missing.err_lines().size(), 1u) << missing.err;
  EXPECT_NE(missing.err.find("absent.json"), std::string::npos) << missing.err;

  write_file(dir_->file("junk.json"), "{not json\n");
  RunResult junk = golden({"graph", dir_->file("junk.json")});
  EXPECT_EQ(junk.status(), 2) << junk.describe();
  EXPECT_EQ(junk.err_lines().size(), 1u) << junk.err;

  // A failed --dot -o must not leave a file behind.
  RunResult no_out = golden({"graph", dir_->file("junk.json"), "--dot", "-o", dir_->file("x.dot")});
  EXPECT_EQ(no_out.status(), 2);
  EXPECT_FALSE(file_exists(dir_->file("x.dot")));
  EXPECT_FALSE(file_exists(dir_->file("x.dot.partial")));
}

TEST(GraphCommandRuns, EachRunOfARepeatedCaptureHasItsOwnPath) {
  TempDir dir;
  RunResult c = capture(dir.file("r.json"), {"true"}, {"--runs", "2"});
  ASSERT_EQ(c.status(), 0) << c.describe();
  RunResult r = golden({"graph", dir.file("r.json"), "--run", "1"});
  ASSERT_EQ(r.status(), 0) << r.describe();
  EXPECT_EQ(r.out.rfind("run 1: true\n", 0), 0u) << r.out;
  EXPECT_GT(parse_listing(r.out).path_s, 0) << r.out;
}

}  // namespace
}  // namespace golden::e2e
