// golden capture --source end to end (SPEC §8): the real binary on the source test
// programs (core/source/tests/programs), then show, stats --by function|line, check with
// function_pattern, debug files through GOLDEN_DEBUG_DIRS and --debug-dir, the note about
// images without debug info, and usage errors.
#include <gtest/gtest.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "golden_cli.hpp"
#include "test_support_names.hpp"

namespace golden::e2e {
namespace {

std::string program(const std::string& name) {
  return std::string(GOLDEN_E2E_SOURCE_PROGRAMS) + "/" + name;
}

// The line of `out` holding `needle`, "" when none.
std::string line_with(const std::string& out, const std::string& needle) {
  std::size_t at = out.find(needle);
  if (at == std::string::npos) return {};
  const std::size_t begin = out.rfind('\n', at) == std::string::npos ? 0 : out.rfind('\n', at) + 1;
  const std::size_t end = out.find('\n', at);
  return out.substr(begin, end == std::string::npos ? std::string::npos : end - begin);
}

TEST(SourceCli, ShowPrintsWhereEachCallWasMade) {
  TempDir dir;
  const std::string trace = dir.file("t.json");
  RunResult c = capture(trace, {program("src_inline")}, {"--source"});
  ASSERT_EQ(c.status(), 0) << c.describe();  // the program's own status
  RunResult show = golden({"show", trace});
  ASSERT_EQ(show.status(), 0) << show.describe();
  const std::string line = line_with(show.out, "/golden-src-inline");
  EXPECT_TRUE(line.ends_with(" at src_inline.c:7 open_ro() <- read_settings()")) << line;
  RunResult plain = golden({"show", "--no-source", trace});
  EXPECT_EQ(line_with(plain.out, "/golden-src-inline").find(" at "), std::string::npos);
}

TEST(SourceCli, StatsByFunctionAndByLine) {
  TempDir dir;
  const std::string trace = dir.file("t.json.zst");
  ASSERT_EQ(
      capture(trace, {program("src_fork_exec"), program("src_inline")}, {"--source"}).status(), 0);
  RunResult by_function = golden({"stats", "--by", "function", trace});
  ASSERT_EQ(by_function.status(), 0) << by_function.describe();
  EXPECT_NE(by_function.out.find("errors function\n"), std::string::npos) << by_function.out;
  EXPECT_NE(by_function.out.find(" parent_work() [src_fork_exec.c]\n"), std::string::npos)
      << by_function.out;
  EXPECT_NE(by_function.out.find(" open_ro() [src_inline.c]\n"), std::string::npos)
      << by_function.out;
  EXPECT_NE(by_function.out.find(" (no source)\n"), std::string::npos) << by_function.out;
  RunResult by_line = golden({"stats", "--by", "line", trace});
  ASSERT_EQ(by_line.status(), 0) << by_line.describe();
  EXPECT_NE(by_line.out.find(" src_fork_exec.c:9 parent_work()\n"), std::string::npos)
      << by_line.out;
  EXPECT_NE(by_line.out.find(" src_inline.c:7 open_ro()\n"), std::string::npos) << by_line.out;
}

TEST(SourceCli, StatsBySourceOfATraceWithoutLocationsSaysSo) {
  TempDir dir;
  const std::string trace = dir.file("t.json");
  ASSERT_EQ(capture(trace, {program("src_inline")}).status(), 0);
  RunResult r = golden({"stats", "--by", "function", trace});
  EXPECT_EQ(r.status(), 0);
  EXPECT_NE(r.err.find("capture with --source"), std::string::npos) << r.err;
}

TEST(SourceCli, FramesAndStack) {
  TempDir dir;
  const std::string trace = dir.file("t.json");
  ASSERT_EQ(capture(trace, {program("src_inline")}, {"--source=4"}).status(), 0);
  RunResult show = golden({"show", "--stack", trace});
  const auto at = show.out.find("/golden-src-inline");
  ASSERT_NE(at, std::string::npos) << show.out;
  const std::string after = show.out.substr(at, 600);
  EXPECT_NE(after.find("\n    #0 "), std::string::npos) << after;
  EXPECT_NE(after.find("src_inline.c:7 open_ro() [inlined]\n"), std::string::npos) << after;
  EXPECT_NE(after.find("src_inline.c:11 read_settings()\n"), std::string::npos) << after;
  EXPECT_EQ(after.find("\n    #4 "), std::string::npos) << after;  // four frames kept
}

TEST(SourceCli, NoDebugInfoNoteAndModuleOffset) {
  TempDir dir;
  const std::string trace = dir.file("t.json");
  RunResult c = capture(trace, {program("src_nodebug_stripped")}, {"--source"});
  ASSERT_EQ(c.status(), 0) << c.describe();
  EXPECT_NE(c.err.find("golden: note: no debug info for " + program("src_nodebug_stripped")),
            std::string::npos)
      << c.err;
  RunResult show = golden({"show", trace});
  const std::string line = line_with(show.out, "/golden-src-basic");
  EXPECT_NE(line.find(" at src_nodebug_stripped+0x"), std::string::npos) << line;
}

TEST(SourceCli, DebugDirectoriesFromTheEnvironmentAndTheOption) {
  // src_buildid is stripped; its DWARF is only under ROOT/.build-id/.
  const std::string binary = program("src_buildid");
  RunResult id = run({"readelf", "-n", binary});
  const auto at = id.out.find("Build ID: ");
  ASSERT_NE(at, std::string::npos) << id.describe();
  const std::string build_id = id.out.substr(at + 10, id.out.find('\n', at) - at - 10);
  TempDir dir;
  const std::filesystem::path root = dir.file("debug");
  std::filesystem::create_directories(root / ".build-id" / build_id.substr(0, 2));
  std::filesystem::copy_file(
      program("src_buildid.debug-store"),
      root / ".build-id" / build_id.substr(0, 2) / (build_id.substr(2) + ".debug"));
  const std::string expected = " at src_basic.c:9 load_config() <- main()";
  for (int how = 0; how < 2; ++how) {
    const std::string trace = dir.file("t" + std::to_string(how) + ".json");
    RunOptions env;
    std::vector<std::string> options = {"--source"};
    if (how == 0) {
      env.set_env = {"GOLDEN_DEBUG_DIRS=/nonexistent:" + root.string()};
    } else {
      options.push_back("--debug-dir");
      options.push_back(root.string());
    }
    RunResult c = capture(trace, {binary}, options, env);
    ASSERT_EQ(c.status(), 0) << c.describe();
    EXPECT_EQ(c.err.find("no debug info"), std::string::npos) << c.err;
    const std::string line = line_with(golden({"show", trace}).out, "/golden-src-basic");
    EXPECT_TRUE(line.ends_with(expected)) << line;
  }
}

TEST(SourceCli, CheckCountsCallsInsideAFunction) {
  TempDir dir;
  const std::string trace = dir.file("t.json");
  ASSERT_EQ(capture(trace, {program("src_inline")}, {"--source"}).status(), 0);
  const std::string config = dir.file("renacer.toml");
  std::ofstream(config) << "[[assertion]]\nname = \"no_opens_in_open_ro\"\ntype = "
                           "\"syscall_count\"\nsyscall = \"openat\"\nfunction_pattern = "
                           "\"^open_ro$\"\nmax_calls = 0\n";
  RunResult r = golden({"check", trace, "--config", config});
  EXPECT_EQ(r.status(), 1) << r.describe();
  EXPECT_NE(r.out.find("in functions matching '^open_ro$'"), std::string::npos) << r.out;
}

TEST(SourceCli, VerifyCapturesWithSourceWhenTheConfigSelectsByFunction) {
  TempDir dir;
  const std::string config = dir.file("renacer.toml");
  std::ofstream(config) << "[[assertion]]\nname = \"no_opens_in_open_ro\"\ntype = "
                           "\"syscall_count\"\nsyscall = \"openat\"\nfunction_pattern = "
                           "\"^open_ro$\"\nmax_calls = 0\n";
  RunOptions fresh;
  fresh.unset_env = {"CI", "GOLDEN_UPDATE"};
  RunResult r = golden({"verify", "--golden", dir.file("g.json"), "--config", config, "--",
                        program("src_inline")},
                       fresh);
  EXPECT_EQ(r.status(), 1) << r.describe();
  EXPECT_NE(r.out.find("in functions matching '^open_ro$'"), std::string::npos) << r.out;
  auto golden_file = load_trace(dir.file("g.json"));
  ASSERT_TRUE(golden_file.ok()) << golden_file.error().to_string();
  bool located = false;
  for (const Event& e : golden_file->runs.at(0).events) located |= e.source.has_value();
  EXPECT_TRUE(located);
}

TEST(SourceCli, UsageErrors) {
  TempDir dir;
  RunResult bad = golden({"capture", "--source=x", "-o", dir.file("t.json"), "--", "true"});
  EXPECT_EQ(bad.status(), 2) << bad.describe();
  RunResult dirs =
      golden({"capture", "--debug-dir", "/tmp", "-o", dir.file("t.json"), "--", "true"});
  EXPECT_EQ(dirs.status(), 2) << dirs.describe();
  EXPECT_NE(dirs.err.find("--debug-dir is for --source"), std::string::npos) << dirs.err;
}

}  // namespace
}  // namespace golden::e2e
