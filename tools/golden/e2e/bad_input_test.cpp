// SPEC §11: every bad input gets a one-line error that says what and where, exit
// status 2, no crash, no partial output file left looking valid, and no existing
// output file overwritten.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <regex>

#include "error_line.hpp"
#include "golden_cli.hpp"
#include "test_support_names.hpp"

namespace golden::e2e {
namespace {

// An output path that already holds a "golden" file must come out of a failed command
// byte-identical, and no PATH.partial may be left next to it.
class ExistingOutput {
 public:
  explicit ExistingOutput(const TempDir& dir) : path_(dir.file("golden.json")) { write_file(path_, kContent); }
  const std::string& path() const { return path_; }
  ::testing::AssertionResult untouched() const {
    if (read_file(path_) != kContent) return ::testing::AssertionFailure() << path_ << " was modified";
    if (file_exists(path_ + ".partial")) return ::testing::AssertionFailure() << path_ << ".partial was left behind";
    return ::testing::AssertionSuccess();
  }

 private:
  static constexpr std::string_view kContent = "precious golden file\n";
  std::string path_;
};

// A failed capture into a fresh path leaves nothing that reads as a valid trace.
::testing::AssertionResult nothing_valid_at(const std::string& path) {
  for (const std::string& p : {path, path + ".partial"}) {
    if (!file_exists(p)) continue;
    auto f = load_trace(p);
    if (f.ok() && !f->truncated) return ::testing::AssertionFailure() << p << " was left and reads as a complete trace";
  }
  return ::testing::AssertionSuccess();
}

const std::vector<std::string> kMarkerCommand = {"sh", "-c", "echo COMMAND-RAN"};

TEST(BadCapture, NonexistentCommand) {
  TempDir dir;
  ExistingOutput golden_file(dir);
  RunResult r = capture(golden_file.path(), {"/nonexistent/dir/program", "arg"});
  EXPECT_TRUE(one_line_error(r, {"/nonexistent/dir/program"}));
  EXPECT_TRUE(golden_file.untouched());
  RunResult fresh = capture(dir.file("fresh.json"), {"/nonexistent/dir/program"});
  EXPECT_TRUE(one_line_error(fresh, {"/nonexistent/dir/program"}));
  EXPECT_TRUE(nothing_valid_at(dir.file("fresh.json")));
}

TEST(BadCapture, CommandNotFoundInPath) {
  TempDir dir;
  RunResult r = capture(dir.file("t.json"), {"golden-no-such-command-xyz"});
  EXPECT_TRUE(one_line_error(r, {"golden-no-such-command-xyz"}));
  EXPECT_TRUE(nothing_valid_at(dir.file("t.json")));
}

TEST(BadCapture, UnknownSyscallInFilter) {
  TempDir dir;
  ExistingOutput golden_file(dir);
  RunResult r = capture(golden_file.path(), kMarkerCommand, {"-e", "trace=openat,no_such_syscall"});
  EXPECT_TRUE(one_line_error(r, {"no_such_syscall"}));
  EXPECT_EQ(r.out.find("COMMAND-RAN"), std::string::npos) << "the command must not run";
  EXPECT_TRUE(golden_file.untouched());
}

TEST(BadCapture, UnknownSyscallClassInFilter) {
  TempDir dir;
  RunResult r = capture(dir.file("t.json"), kMarkerCommand, {"-e", "trace=%nonsense"});
  EXPECT_TRUE(one_line_error(r, {"nonsense"}));
  EXPECT_EQ(r.out.find("COMMAND-RAN"), std::string::npos);
  EXPECT_TRUE(nothing_valid_at(dir.file("t.json")));
}

TEST(BadCapture, MissingOutputOption) {
  RunResult r = golden({"capture", "--", "sh", "-c", "echo COMMAND-RAN"});
  EXPECT_TRUE(one_line_error(r, {}));
  // It names the missing option.
  auto lines = r.err_lines();
  if (!lines.empty()) {
    EXPECT_TRUE(std::regex_search(lines[0], std::regex("-o|--output|output"))) << lines[0];
  }
  EXPECT_EQ(r.out.find("COMMAND-RAN"), std::string::npos);
}

TEST(BadCapture, OutputDirectoryDoesNotExist) {
  RunResult r = capture("/nonexistent-golden-dir/t.json", kMarkerCommand);
  EXPECT_TRUE(one_line_error(r, {"/nonexistent-golden-dir/t.json"}));
  EXPECT_EQ(r.out.find("COMMAND-RAN"), std::string::npos) << "errors are reported before the run starts";
}

TEST(BadCapture, AttachToAPidThatDoesNotExist) {
  // A pid that was just freed: fork a child and reap it.
  pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) _exit(0);
  int status = 0;
  ASSERT_EQ(waitpid(pid, &status, 0), pid);
  TempDir dir;
  RunResult r = golden({"capture", "-o", dir.file("t.json"), "-p", std::to_string(pid)});
  EXPECT_TRUE(one_line_error(r, {std::to_string(pid)}));
  EXPECT_TRUE(nothing_valid_at(dir.file("t.json")));
}

// ptrace permission denied: a process already traced (by strace) cannot be attached.
TEST(BadCapture, AttachToAnAlreadyTracedProcess) {
  if (run({"strace", "-V"}).exit_code != 0) GTEST_SKIP() << "strace not installed: no second tracer at hand";
  Spawned traced({"strace", "-o", "/dev/null", tracee("ticker")});
  auto line = traced.wait_for_line("tick 1 ");
  ASSERT_TRUE(line) << traced.wait().describe();
  std::smatch m;
  ASSERT_TRUE(std::regex_search(*line, m, std::regex("pid ([0-9]+)")));
  const std::string pid = m[1];
  TempDir dir;
  RunResult r = golden({"capture", "-o", dir.file("t.json"), "-p", pid});
  EXPECT_TRUE(one_line_error(r, {pid}));
  EXPECT_TRUE(nothing_valid_at(dir.file("t.json")));
}

// A real trace to damage: fork_exec_wait, a few hundred lines.
class BadTrace : public testing::Test {
 protected:
  void SetUp() override {
    path_ = dir_.file("good.json");
    RunResult r = capture(path_, {tracee("fork_exec_wait")});
    ASSERT_EQ(r.status(), 0) << r.describe();
    text_ = read_file(path_);
    lines_ = split_lines(text_);
    ASSERT_GE(lines_.size(), 10u) << "the format is one record per line";
    ASSERT_TRUE(load_trace(path_).ok());
  }
  std::string with_lines(const std::vector<std::string>& lines) const {
    std::string s;
    for (const auto& l : lines) s += l + "\n";
    return s;
  }
  TempDir dir_;
  std::string path_;
  std::string text_;
  std::vector<std::string> lines_;
};

TEST(BadShow, MissingFile) {
  RunResult r = golden({"show", "/nonexistent/trace.json"});
  EXPECT_TRUE(one_line_error(r, {"/nonexistent/trace.json"}));
}

TEST(BadShow, NotJson) {
  TempDir dir;
  std::string path = dir.file("notjson.json");
  write_file(path, "this is not json at all\nsecond line\n");
  RunResult r = golden({"show", path});
  EXPECT_TRUE(one_line_error(r, {path}));
  auto lines = r.err_lines();
  if (!lines.empty()) {
    EXPECT_TRUE(std::regex_search(lines[0], std::regex(":1\\b|byte [0-9]+")))
        << "where: line 1 or a byte offset: " << lines[0];
  }
}

TEST(BadShow, EmptyFile) {
  TempDir dir;
  std::string path = dir.file("empty.json");
  write_file(path, "");
  RunResult r = golden({"show", path});
  EXPECT_TRUE(one_line_error(r, {path}));
}

TEST_F(BadTrace, MalformedMiddleLineIsReportedWithItsLineNumber) {
  std::vector<std::string> lines = lines_;
  std::size_t middle = lines.size() / 2;
  lines[middle] = "{\"this is\": broken json";
  std::string bad = dir_.file("bad_middle.json");
  write_file(bad, with_lines(lines));
  RunResult r = golden({"show", bad});
  EXPECT_TRUE(one_line_error(r, {bad + ":" + std::to_string(middle + 1)}));
  EXPECT_TRUE(one_line_error(golden({"stats", bad}), {bad + ":" + std::to_string(middle + 1)}));
}

TEST_F(BadTrace, WrongVersionIsNamed) {
  std::vector<std::string> lines = lines_;
  std::string replaced = std::regex_replace(lines[0], std::regex("\"version\" *: *1\\b"), "\"version\":999",
                                            std::regex_constants::format_first_only);
  ASSERT_NE(replaced, lines[0]) << "no \"version\":1 in the first line: " << lines[0];
  lines[0] = replaced;
  std::string bad = dir_.file("v999.json");
  write_file(bad, with_lines(lines));
  RunResult r = golden({"show", bad});
  EXPECT_TRUE(one_line_error(r, {bad, "version", "999"}));
}

TEST_F(BadTrace, TruncatedFileIsShownWithAWarning) {
  // Cut in the middle of a middle line, as a killed capture would.
  std::size_t middle = lines_.size() / 2;
  std::size_t offset = 0;
  for (std::size_t i = 0; i < middle; ++i) offset += lines_[i].size() + 1;
  offset += lines_[middle].size() / 2;
  std::string cut = dir_.file("cut.json");
  write_file(cut, text_.substr(0, offset));
  RunResult r = golden({"show", cut});
  EXPECT_EQ(r.status(), 0) << r.describe();
  EXPECT_NE(r.err.find("truncated"), std::string::npos) << "a warning says the trace is truncated\n" << r.describe();
  EXPECT_FALSE(r.out.empty()) << "the events before the cut are shown";
  auto f = load_trace(cut);
  ASSERT_TRUE(f.ok()) << f.error().to_string();
  EXPECT_TRUE(f->truncated);
  ASSERT_EQ(f->runs.size(), 1u);
  EXPECT_GT(f->runs[0].events.size(), 0u);
  EXPECT_NE(r.out.find("execve("), std::string::npos) << r.describe();
}

TEST_F(BadTrace, CorruptZstdIsAnError) {
  std::string zpath = dir_.file("t.json.zst");
  RunResult r = capture(zpath, {tracee("fork_exec_wait")});
  ASSERT_EQ(r.status(), 0) << r.describe();
  std::string bytes = read_file(zpath);
  ASSERT_GT(bytes.size(), 64u);
  for (std::size_t i = bytes.size() / 2; i < bytes.size() / 2 + 16; ++i) bytes[i] = static_cast<char>(bytes[i] ^ 0xff);
  std::string bad = dir_.file("corrupt.json.zst");
  write_file(bad, bytes);
  RunResult show = golden({"show", bad});
  EXPECT_TRUE(one_line_error(show, {bad}));
}

TEST_F(BadTrace, ZstdMagicWithGarbageIsAnError) {
  std::string bad = dir_.file("garbage.json.zst");
  write_file(bad, std::string("\x28\xb5\x2f\xfd", 4) + std::string(100, '\x7f'));
  RunResult show = golden({"show", bad});
  EXPECT_TRUE(one_line_error(show, {bad}));
}

// A decompression bomb: a zstd frame declaring 1 TiB of content (then one RLE block).
// SPEC §11 "corrupt or huge zstd": refused with one line, quickly, without trying to
// allocate or decompress it all.
TEST(BadShow, HugeDeclaredZstdContentIsRefused) {
  TempDir dir;
  std::string bomb = dir.file("bomb.json.zst");
  std::string bytes("\x28\xb5\x2f\xfd", 4);           // magic
  bytes += '\xe0';                                     // single segment, 8-byte content size
  for (int i = 0; i < 8; ++i) bytes += static_cast<char>(i == 5 ? 1 : 0);  // 2^40 little-endian
  bytes += std::string("\x23\x03\x00", 3);             // last block, RLE, 100 bytes
  bytes += ' ';
  write_file(bomb, bytes);
  RunResult r = golden({"show", bomb}, {.timeout = 30s});
  EXPECT_TRUE(one_line_error(r, {bomb}));
  EXPECT_LT(r.elapsed, std::chrono::nanoseconds(10s)) << "refused up front, not after decompressing";
}

TEST(BadStats, MissingFileAndUnknownGrouping) {
  EXPECT_TRUE(one_line_error(golden({"stats", "/nonexistent/trace.json"}), {"/nonexistent/trace.json"}));
  TempDir dir;
  RunResult c = capture(dir.file("t.json"), {tracee("exit_code"), "0"});
  ASSERT_EQ(c.status(), 0) << c.describe();
  EXPECT_TRUE(one_line_error(golden({"stats", dir.file("t.json"), "--by", "nonsense"}), {"nonsense"}));
}

}  // namespace
}  // namespace golden::e2e
