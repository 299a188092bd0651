// The C++ port of csvsum tested with golden::testing, as a project using golden does it:
// the port must behave like the Python original (same stdout, stderr, report file and
// exit status, at the syscall level), keep matching its golden trace, stay within its
// budgets (renacer.toml), and do what the matchers say — including on its error paths.
//
// Paths come from CMakeLists.txt: CSVSUM_PORT (the built port), CSVSUM_PYTHON and
// CSVSUM_ORIGINAL (the interpreter and the original), CSVSUM_DATA_DIR (sample inputs).
// The tests run in this directory (gtest_discover_tests WORKING_DIRECTORY), so golden
// files and the budget file are named relative to it, as a user writes them.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <vector>

#include <golden/testing.hpp>

namespace {

namespace fs = std::filesystem;
using golden::testing::capture;
using golden::testing::CaptureOptions;
using golden::testing::GoldenOptions;
using golden::testing::Trace;
using ::testing::AllOf;
using ::testing::HasSubstr;
using ::testing::IsEmpty;
using ::testing::Not;
using ::testing::StartsWith;
// The trace matchers.
using golden::testing::CallsAtMost;
using golden::testing::CreatesFile;
using golden::testing::DeletesFile;
using golden::testing::Execs;
using golden::testing::ExitsWith;
using golden::testing::NeverConnects;
using golden::testing::Opens;
using golden::testing::Reads;
using golden::testing::Writes;
using golden::testing::WritesToStderr;
using golden::testing::WritesToStdout;

// A fresh directory under $TMPDIR (mkdtemp: unique, never a fixed /tmp name), removed
// with its contents when the test ends.
class TempDir {
 public:
  TempDir() {
    std::string pattern = (fs::temp_directory_path() / "csvsum-port-XXXXXX").string();
    if (::mkdtemp(pattern.data()) == nullptr) throw std::runtime_error("mkdtemp failed for " + pattern);
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const fs::path& path() const { return path_; }
  std::string operator/(const std::string& name) const { return (path_ / name).string(); }

 private:
  fs::path path_;
};

std::string data_file(const std::string& name) { return (fs::path(CSVSUM_DATA_DIR) / name).string(); }

std::string read_file(const fs::path& path) {
  std::ifstream in(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Runs the original or the port with `args`, in `cwd`.
Trace run_original(const std::vector<std::string>& args, CaptureOptions options) {
  std::vector<std::string> command{CSVSUM_PYTHON, CSVSUM_ORIGINAL};
  command.insert(command.end(), args.begin(), args.end());
  // The interpreter must not leave __pycache__ files behind: that is Python's doing,
  // not the tool's, and the port has nothing like it.
  options.env.push_back("PYTHONDONTWRITEBYTECODE=1");
  return capture(command, options);
}

Trace run_port(const std::vector<std::string>& args, CaptureOptions options) {
  std::vector<std::string> command{CSVSUM_PORT};
  command.insert(command.end(), args.begin(), args.end());
  return capture(command, options);
}

CaptureOptions in_dir(const TempDir& dir) {
  CaptureOptions options;
  options.cwd = dir.path().string();
  return options;
}

// Each implementation runs in a directory of its own holding a copy of the input, so
// the two runs see different paths everywhere (golden aligns them) and cannot see each
// other's output.
class CsvsumPort : public ::testing::Test {
 protected:
  void stage(const std::string& input) {
    fs::copy_file(data_file(input), original_dir.path() / input);
    fs::copy_file(data_file(input), port_dir.path() / input);
  }
  TempDir original_dir, port_dir;
};

// ---- the port behaves like the original ------------------------------------------

class SameBehaviour : public CsvsumPort, public ::testing::WithParamInterface<const char*> {};

TEST_P(SameBehaviour, OnEachSampleInput) {
  const std::string input = GetParam();
  stage(input);
  Trace original = run_original({input, "--out", "out"}, in_dir(original_dir));
  Trace port = run_port({input, "--out", "out"}, in_dir(port_dir));
  EXPECT_TRACE_EQUIVALENT(original, port);
}

INSTANTIATE_TEST_SUITE_P(Samples, SameBehaviour,
                         ::testing::Values("sales.csv", "weather.csv", "rounding.csv", "malformed.csv"),
                         [](const auto& info) {
                           std::string name = info.param;
                           return name.substr(0, name.find('.'));
                         });

TEST_F(CsvsumPort, ReadsStdinLikeTheOriginal) {
  CaptureOptions original_options = in_dir(original_dir), port_options = in_dir(port_dir);
  original_options.stdin_bytes = port_options.stdin_bytes = read_file(data_file("weather.csv"));
  Trace original = run_original({"-", "--out", "out"}, original_options);
  Trace port = run_port({"-", "--out", "out"}, port_options);
  EXPECT_TRACE_EQUIVALENT(original, port);
  EXPECT_THAT(port, AllOf(ExitsWith(0), WritesToStdout(StartsWith("<stdin>: 4 rows, 3 columns\n")),
                          CreatesFile("out/stdin.summary.json"),
                          Writes("out/stdin.summary.json", HasSubstr("\"input\": \"<stdin>\"")),
                          Not(Opens("*.csv"))));
}

// Reports go to absolute directories of different names, created with their parents.
TEST_F(CsvsumPort, WritesReportsWhereverAsked) {
  stage("sales.csv");
  TempDir original_out, port_out;
  Trace original = run_original({"sales.csv", "--out", original_out / "reports/2024"}, in_dir(original_dir));
  Trace port = run_port({"sales.csv", "--out", port_out / "reports/2024"}, in_dir(port_dir));
  EXPECT_TRACE_EQUIVALENT(original, port);
  EXPECT_THAT(port, AllOf(CreatesFile("**/reports/2024/sales.summary.json"), CreatesFile("**/reports")));
}

// An existing output directory with an old report (and another file) in it: the report
// is replaced, nothing else is touched.
TEST_F(CsvsumPort, ReplacesAnOldReport) {
  stage("sales.csv");
  for (const TempDir* dir : {&original_dir, &port_dir}) {
    fs::create_directory(dir->path() / "out");
    std::ofstream(dir->path() / "out/sales.summary.json") << "{\"stale\": true}\n";
    std::ofstream(dir->path() / "out/notes.txt") << "keep me\n";
  }
  Trace original = run_original({"sales.csv", "--out", "out"}, in_dir(original_dir));
  Trace port = run_port({"sales.csv", "--out", "out"}, in_dir(port_dir));
  EXPECT_TRACE_EQUIVALENT(original, port);
  EXPECT_THAT(port, AllOf(Writes("out/sales.summary.json", Not(HasSubstr("stale"))),
                          Not(Writes("out/notes.txt")), Not(DeletesFile("out/*")),
                          Not(CreatesFile("out/*.tmp"))));
  EXPECT_THAT(read_file(port_dir.path() / "out/sales.summary.json"), HasSubstr("\"rows\": 7"));
  EXPECT_EQ(read_file(port_dir.path() / "out/notes.txt"), "keep me\n");
}

// Net effects cannot tell an atomic write from an in-place one; file operations can.
// With strict_files both must create a temporary file beside the report, write it,
// and rename it onto the report.
TEST_F(CsvsumPort, WritesItsReportAtomicallyLikeTheOriginal) {
  stage("sales.csv");
  Trace original = run_original({"sales.csv", "--out", "out"}, in_dir(original_dir));
  Trace port = run_port({"sales.csv", "--out", "out"}, in_dir(port_dir));
  golden::CompareConfig strict;
  strict.strict_files = true;
  EXPECT_TRACE_EQUIVALENT(original, port, strict);
}

// ---- the port against its golden trace and its budgets -----------------------------

TEST_F(CsvsumPort, MatchesItsGoldenAndBudgets) {
  stage("sales.csv");
  Trace port = run_port({"sales.csv", "--out", "out"}, in_dir(port_dir));
  // Recorded on the first run; GOLDEN_UPDATE=1 re-records; with CI set a missing or
  // different golden fails and testdata/port_test.sales.golden.json.new is written.
  EXPECT_MATCHES_GOLDEN(port, "testdata/port_test.sales.golden.json");
  EXPECT_WITHIN_BUDGET(port, "renacer.toml");
}

TEST_F(CsvsumPort, MatchesItsGoldenWithTheBudgetFile) {
  stage("weather.csv");
  Trace port = run_port({"weather.csv", "--out", "out"}, in_dir(port_dir));
  EXPECT_MATCHES_GOLDEN(port, "testdata/port_test.weather.golden.json", GoldenOptions{.config = "renacer.toml"});
}

// ---- what the port does, in the matchers' words ------------------------------------

TEST_F(CsvsumPort, SummarizesAndWritesItsReport) {
  stage("sales.csv");
  Trace port = run_port({"sales.csv", "--out", "out"}, in_dir(port_dir));
  EXPECT_THAT(port, AllOf(ExitsWith(0), Opens("sales.csv"), Reads("sales.csv"),
                          WritesToStdout(HasSubstr("sales.csv: 7 rows, 6 columns\n")),
                          WritesToStdout(HasSubstr("unit_price  decimal  n=7 sum=345.48")),
                          WritesToStdout(HasSubstr("report: out/sales.summary.json\n")),
                          WritesToStderr(IsEmpty()), CreatesFile("out/sales.summary.json"),
                          Writes("out/sales.summary.json", HasSubstr("\"name\": \"unit_price\"")),
                          // The temporary file is renamed onto the report, never left behind.
                          Not(CreatesFile("out/*.tmp")), Not(Writes("sales.csv"))));
  EXPECT_THAT(port, AllOf(NeverConnects(), CallsAtMost("%network", 0), CallsAtMost("openat", 12),
                          CallsAtMost("%process", 4), Execs("csvsum"), Not(Execs("sh")),
                          Not(Opens("/etc/passwd"))));
}

TEST_F(CsvsumPort, TheOriginalRunsUnderPython) {
  stage("sales.csv");
  Trace original = run_original({"sales.csv"}, in_dir(original_dir));
  EXPECT_THAT(original, AllOf(ExitsWith(0), Execs("python3*"), Reads("sales.csv"), NeverConnects(),
                              Not(CreatesFile("**/out"))));
}

// ---- error paths -----------------------------------------------------------------

TEST_F(CsvsumPort, MissingInputExitsWith2) {
  Trace original = run_original({"nosuch.csv", "--out", "out"}, in_dir(original_dir));
  Trace port = run_port({"nosuch.csv", "--out", "out"}, in_dir(port_dir));
  EXPECT_TRACE_EQUIVALENT(original, port);
  EXPECT_THAT(port, AllOf(ExitsWith(2),
                          WritesToStderr(HasSubstr("csvsum: cannot read 'nosuch.csv': No such file or directory")),
                          WritesToStdout(IsEmpty()), Not(Opens("nosuch.csv")), Not(CreatesFile("out")),
                          Not(CreatesFile("**/*.summary.json"))));
  EXPECT_FALSE(fs::exists(port_dir.path() / "out"));
}

TEST_F(CsvsumPort, MalformedRowExitsWith1) {
  stage("malformed.csv");
  Trace port = run_port({"malformed.csv", "--out", "out"}, in_dir(port_dir));
  EXPECT_THAT(port, AllOf(ExitsWith(1), Reads("malformed.csv"),
                          WritesToStderr("csvsum: malformed.csv:3: expected 3 fields, got 2\n"),
                          WritesToStdout(IsEmpty()), Not(CreatesFile("out"))));
}

TEST_F(CsvsumPort, UsageErrorExitsWith2) {
  Trace original = run_original({"--bogus"}, in_dir(original_dir));
  Trace port = run_port({"--bogus"}, in_dir(port_dir));
  EXPECT_TRACE_EQUIVALENT(original, port);
  EXPECT_THAT(port, AllOf(ExitsWith(2), WritesToStderr(HasSubstr("usage: csvsum")), WritesToStdout(IsEmpty())));
}

}  // namespace
