// `golden check` and `golden verify` as users run them: exit statuses, report files,
// one-line errors with file:line, and the golden-file rules (never clobbered, never
// written on CI, FILE.new for review).
#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <regex>

#include "capture_fixture.hpp"
#include "golden/test_support/files.hpp"
#include "golden/test_support/process.hpp"

namespace golden::test {
namespace {

namespace fs = std::filesystem;

const std::string kConfigs = std::string(GOLDEN_SOURCE_DIR) + "/testdata/assertions/configs/";
const std::string kBad = std::string(GOLDEN_SOURCE_DIR) + "/testdata/assertions/bad/";

// The real `golden ARGS...`, with CI and GOLDEN_UPDATE removed unless the test sets them.
RunResult run_golden(const std::vector<std::string>& args,
                     const std::map<std::string, std::string>& env = {}) {
  std::vector<std::string> argv{GOLDEN_EXE};
  argv.insert(argv.end(), args.begin(), args.end());
  RunOptions options{.unset_env = {"CI", "GOLDEN_UPDATE"}};
  for (const auto& [name, value] : env) options.set_env.push_back(name + "=" + value);
  return run(argv, options);
}

// Captures `program` into dir/name with `golden capture`.
std::string capture_file(const TempDir& dir, const std::string& program, const std::string& name) {
  const std::string path = dir.file(name);
  auto r = run_golden({"capture", "-o", path, "--", program_path(program)});
  EXPECT_EQ(r.status(), 0) << r.err;
  return path;
}

const char* kBudgets = R"(
[[assertion]]
name = "few_writes"
type = "syscall_count"
syscall = "write"
max_calls = 100

[[assertion]]
name = "unbuffered"
type = "anti_pattern"
pattern = "UnbufferedIO"
threshold = 0.7
fail_on_violation = false
)";

TEST(CheckCommand, ExitZeroOnPassOneOnViolation) {
  TempDir dir;
  write_file(dir.file("budgets.toml"), kBudgets);
  const std::string clean = capture_file(dir, "clean", "clean.json");
  const std::string noisy = capture_file(dir, "unbuffered_writes", "noisy.json");
  auto pass = run_golden({"check", clean, "--config", dir.file("budgets.toml")});
  EXPECT_EQ(pass.status(), 0) << pass.out << pass.err;
  EXPECT_NE(pass.out.find("PASS  few_writes"), std::string::npos) << pass.out;
  auto fail = run_golden({"check", noisy, "--config", dir.file("budgets.toml")});
  EXPECT_EQ(fail.status(), 1) << fail.out << fail.err;
  EXPECT_NE(fail.out.find("FAIL  few_writes (syscall_count): write calls 2000 > 100"),
            std::string::npos)
      << fail.out;
  EXPECT_NE(fail.out.find("WARN  unbuffered"), std::string::npos) << fail.out;
}

TEST(CheckCommand, RenacerTomlUnchangedAgainstARealTrace) {
  TempDir dir;
  const std::string trace = capture_file(dir, "clean", "clean.json");
  // memory_budget uses tracking_mode = "allocations": a trace without --track-alloc
  // cannot answer it, which is bad input (2), never a silent pass.
  auto r = run_golden({"check", trace, "--config", kConfigs + "renacer.toml"});
  EXPECT_EQ(r.status(), 2) << r.out << r.err;
  // 10 ms is renacer's own figure: a loaded machine may miss it, so only the
  // evaluation is required here (budgets pass/fail on fixed traces elsewhere).
  EXPECT_TRUE(std::regex_search(
      r.out, std::regex(R"((PASS|FAIL)  cli_startup_time \(critical_path\): critical path [0-9.]+ (ns|us|ms|s) (<=|>) 10 ms)")))
      << r.out;
  EXPECT_NE(r.out.find("PASS  max_syscalls (span_count)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("ERROR memory_budget (memory_usage)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("--track-alloc"), std::string::npos) << r.out;
  auto ap = run_golden({"check", trace, "--config", kConfigs + "renacer-antipatterns.toml"});
  EXPECT_EQ(ap.status(), 0) << ap.out << ap.err;
  EXPECT_NE(ap.out.find("N/A   prevent_god_process"), std::string::npos) << ap.out;
}

TEST(CheckCommand, ReportFormatsToFiles) {
  TempDir dir;
  write_file(dir.file("budgets.toml"), kBudgets);
  const std::string noisy = capture_file(dir, "unbuffered_writes", "noisy.json");
  auto json = run_golden({"check", noisy, "-c", dir.file("budgets.toml"), "--format", "json", "-o",
                          dir.file("r.json"), "--junit", dir.file("r.xml")});
  EXPECT_EQ(json.status(), 1);
  EXPECT_NE(json.out.find("FAIL  few_writes"), std::string::npos)
      << "the text report still goes to stdout";
  const auto j = nlohmann::json::parse(read_file(dir.file("r.json")));
  EXPECT_EQ(j["exit_status"], 1);
  EXPECT_EQ(j["results"][0]["outcome"], "fail");
  EXPECT_EQ(j["results"][1]["findings"][0]["count"], 2000);
  const std::string check_xml =
      "import sys, xml.etree.ElementTree as E; s = E.parse(sys.argv[1]).getroot()"
      ".find('testsuite'); sys.exit(0 if s.get('failures') == '1' and len(s.findall('testcase')) "
      "== 2 else 3)";
  EXPECT_EQ(run({"python3", "-c", check_xml, dir.file("r.xml")}).status(), 0)
      << read_file(dir.file("r.xml"));
  auto gh = run_golden({"check", noisy, "-c", dir.file("budgets.toml"), "--format", "github"});
  EXPECT_EQ(gh.status(), 1);
  EXPECT_NE(gh.out.find("::error file=" + dir.file("budgets.toml") +
                        ",line=2,title=golden check%3A few_writes"),
            std::string::npos)
      << gh.out;
  EXPECT_NE(gh.out.find("::warning file="), std::string::npos) << gh.out;
}

TEST(CheckCommand, BaselineRegression) {
  TempDir dir;
  write_file(dir.file("reg.toml"),
             "[[assertion]]\nname = \"writes\"\ntype = \"syscall_count\"\nsyscall = \"write\"\n"
             "max_regression_percent = 10\n");
  const std::string base = capture_file(dir, "clean", "base.json");
  const std::string cur = capture_file(dir, "unbuffered_writes", "cur.json");
  EXPECT_EQ(run_golden({"check", base, "-c", dir.file("reg.toml"), "--baseline", base}).status(),
            0);
  auto r = run_golden({"check", cur, "-c", dir.file("reg.toml"), "--baseline", base});
  EXPECT_EQ(r.status(), 1) << r.out;
  EXPECT_NE(r.out.find("vs baseline"), std::string::npos) << r.out;
  auto none = run_golden({"check", cur, "-c", dir.file("reg.toml")});
  EXPECT_EQ(none.status(), 0) << none.out;
  EXPECT_NE(none.out.find("N/A   writes"), std::string::npos) << none.out;
}

// Every bad config: exit 2, one line on stderr, naming file:line.
TEST(CheckCommand, BadConfigsAreOneLineWithFileAndLine) {
  TempDir dir;
  const std::string trace = capture_file(dir, "clean", "clean.json");
  std::size_t seen = 0;
  for (const auto& entry : fs::directory_iterator(kBad)) {
    const std::string path = entry.path().string();
    const std::string header = read_file(path).substr(0, read_file(path).find('\n'));
    const std::string line =
        header.substr(std::string("# expect: ").size(), header.find(':', 10) - 10);
    auto r = run_golden({"check", trace, "--config", path});
    EXPECT_EQ(r.status(), 2) << path << "\n" << r.out << r.err;
    EXPECT_TRUE(r.out.empty()) << path << ": no partial report";
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    EXPECT_TRUE(r.err.starts_with("golden: " + path + ":" + line + ":"))
        << r.err << " (expected line " << line << ")";
    ++seen;
  }
  EXPECT_GE(seen, 20u);
}

TEST(CheckCommand, BadTraceAndMissingConfigAreExitTwo) {
  TempDir dir;
  write_file(dir.file("budgets.toml"), kBudgets);
  write_file(dir.file("bad.json"), "{not json");
  auto bad = run_golden({"check", dir.file("bad.json"), "-c", dir.file("budgets.toml")});
  EXPECT_EQ(bad.status(), 2);
  EXPECT_NE(bad.err.find(dir.file("bad.json")), std::string::npos) << bad.err;
  const std::string trace = capture_file(dir, "clean", "clean.json");
  auto missing = run_golden({"check", trace, "-c", dir.file("nope.toml")});
  EXPECT_EQ(missing.status(), 2);
  EXPECT_NE(missing.err.find("nope.toml"), std::string::npos) << missing.err;
}

// ---- verify -------------------------------------------------------------------------

TEST(VerifyCommand, RecordsAMissingGoldenThenMatchesIt) {
  TempDir dir;
  const std::string golden = dir.file("clean.golden.json");
  auto first = run_golden({"verify", "--golden", golden, "--", program_path("clean")});
  EXPECT_EQ(first.status(), 0) << first.out << first.err;
  EXPECT_NE(first.out.find("recorded new golden trace " + golden), std::string::npos) << first.out;
  ASSERT_TRUE(fs::exists(golden));
  EXPECT_FALSE(fs::exists(golden + ".new"));
  const std::string recorded = read_file(golden);
  auto again = run_golden({"verify", "--golden", golden, "--", program_path("clean")});
  EXPECT_EQ(again.status(), 0) << again.out << again.err;
  EXPECT_NE(again.out.find("matches " + golden), std::string::npos) << again.out;
  EXPECT_FALSE(fs::exists(golden + ".new")) << "nothing to review";
  EXPECT_EQ(read_file(golden), recorded) << "a passing verify does not touch the golden";
}

TEST(VerifyCommand, DivergenceFailsAndKeepsTheNewTraceForReview) {
  TempDir dir;
  const std::string golden = dir.file("g.json");
  ASSERT_EQ(run_golden({"verify", "--golden", golden, "--", program_path("clean")}).status(), 0);
  const std::string recorded = read_file(golden);
  auto diverged =
      run_golden({"verify", "--golden", golden, "--", program_path("unbuffered_writes")});
  EXPECT_EQ(diverged.status(), 1) << diverged.out << diverged.err;
  EXPECT_NE(diverged.out.find("behaviour differs from " + golden), std::string::npos)
      << diverged.out;
  EXPECT_TRUE(fs::exists(golden + ".new"));
  EXPECT_EQ(read_file(golden), recorded);
}

TEST(VerifyCommand, BudgetsAreCheckedWithTheGoldenAsBaseline) {
  TempDir dir;
  const std::string golden = dir.file("g.json");
  write_file(dir.file("cfg.toml"), std::string(kBudgets) + "\n[compare]\n");
  ASSERT_EQ(run_golden({"verify", "--golden", golden, "-c", dir.file("cfg.toml"), "--",
                        program_path("clean")})
                .status(),
            0);
  write_file(dir.file("strict.toml"),
             "[[assertion]]\nname = \"no_writes\"\ntype = \"syscall_count\"\nsyscall = \"write\"\n"
             "max_calls = 0\n\n[[assertion]]\nname = \"same\"\ntype = \"syscall_count\"\n"
             "max_regression_percent = 0\n");
  auto r = run_golden({"verify", "--golden", golden, "-c", dir.file("strict.toml"), "--junit",
                       dir.file("v.xml"), "--", program_path("clean")});
  EXPECT_EQ(r.status(), 1) << r.out << r.err;
  EXPECT_NE(r.out.find("FAIL  no_writes"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("vs baseline"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("budgets violated"), std::string::npos) << r.out;
  const std::string xml_ok =
      "import sys, xml.etree.ElementTree as E; r = E.parse(sys.argv[1]).getroot();"
      " sys.exit(0 if r.tag == 'testsuites' and len(r.findall('testsuite')) == 2 else 3)";
  EXPECT_EQ(run({"python3", "-c", xml_ok, dir.file("v.xml")}).status(), 0)
      << read_file(dir.file("v.xml"));
}

TEST(VerifyCommand, UpdateRewritesTheGolden) {
  TempDir dir;
  const std::string golden = dir.file("g.json");
  ASSERT_EQ(run_golden({"verify", "--golden", golden, "--", program_path("clean")}).status(), 0);
  auto updated = run_golden(
      {"verify", "--golden", golden, "--update", "--", program_path("unbuffered_writes")});
  EXPECT_EQ(updated.status(), 0) << updated.out << updated.err;
  EXPECT_NE(updated.out.find("updated golden trace"), std::string::npos);
  auto env_update = run_golden({"verify", "--golden", golden, "--", program_path("clean")},
                               {{"GOLDEN_UPDATE", "1"}});
  EXPECT_EQ(env_update.status(), 0) << env_update.out;
  EXPECT_EQ(run_golden({"verify", "--golden", golden, "--", program_path("clean")}).status(), 0);
}

TEST(VerifyCommand, OnCiTheGoldenIsNeverWritten) {
  TempDir dir;
  const std::string golden = dir.file("g.json");
  auto missing =
      run_golden({"verify", "--golden", golden, "--", program_path("clean")}, {{"CI", "true"}});
  EXPECT_EQ(missing.status(), 1) << missing.out;
  EXPECT_FALSE(fs::exists(golden));
  EXPECT_TRUE(fs::exists(golden + ".new"));
  EXPECT_NE(missing.out.find("CI is set"), std::string::npos) << missing.out;
  fs::rename(golden + ".new", golden);  // a person reviewed and committed it
  const std::string committed = read_file(golden);
  auto update = run_golden(
      {"verify", "--golden", golden, "--update", "--", program_path("unbuffered_writes")},
      {{"CI", "1"}});
  EXPECT_EQ(update.status(), 1);
  EXPECT_EQ(read_file(golden), committed);
  EXPECT_TRUE(fs::exists(golden + ".new"));
  auto env_update =
      run_golden({"verify", "--golden", golden, "--", program_path("unbuffered_writes")},
                 {{"CI", "true"}, {"GOLDEN_UPDATE", "1"}});
  EXPECT_EQ(env_update.status(), 1);
  EXPECT_EQ(read_file(golden), committed);
  EXPECT_EQ(
      run_golden({"verify", "--golden", golden, "--", program_path("clean")}, {{"CI", "true"}})
          .status(),
      0);
}

TEST(VerifyCommand, AFailedCaptureNeverTouchesTheGolden) {
  TempDir dir;
  const std::string golden = dir.file("g.json");
  ASSERT_EQ(run_golden({"verify", "--golden", golden, "--", program_path("clean")}).status(), 0);
  const std::string recorded = read_file(golden);
  auto r =
      run_golden({"verify", "--golden", golden, "--update", "--", dir.file("no-such-program")});
  EXPECT_EQ(r.status(), 2) << r.out << r.err;
  EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  EXPECT_EQ(read_file(golden), recorded);
  EXPECT_FALSE(fs::exists(golden + ".new"));
  EXPECT_FALSE(fs::exists(golden + ".new.partial"));
  auto bad = run_golden({"verify", "--golden", golden, "-c", kBad + "unknown-pattern.toml", "--",
                         program_path("clean")});
  EXPECT_EQ(bad.status(), 2);
  EXPECT_TRUE(bad.err.starts_with("golden: " + kBad + "unknown-pattern.toml:5:")) << bad.err;
  EXPECT_FALSE(fs::exists(golden + ".new")) << "bad input is rejected before anything runs";
}

TEST(VerifyCommand, AnUnreadableGoldenIsBadInputBeforeAnythingRuns) {
  TempDir dir;
  const std::string golden = dir.file("g.json");
  write_file(golden, "{\"format\": \"golden-trace\", \"version\": 99}\n");
  auto r = run_golden({"verify", "--golden", golden, "--", program_path("clean")});
  EXPECT_EQ(r.status(), 2) << r.out << r.err;
  EXPECT_NE(r.err.find(golden), std::string::npos) << r.err;
  EXPECT_FALSE(fs::exists(golden + ".new"));
  EXPECT_EQ(read_file(golden), "{\"format\": \"golden-trace\", \"version\": 99}\n");
}

TEST(VerifyCommand, TrackAllocTurnsOnForAnAllocationBudget) {
  TempDir dir;
  write_file(dir.file("heap.toml"),
             "[[assertion]]\nname = \"heap\"\ntype = \"memory_usage\"\nmax_bytes = \"10 MiB\"\n"
             "tracking_mode = \"allocations\"\n");
  const std::string golden = dir.file("g.json");
  auto r = run_golden({"verify", "--golden", golden, "-c", dir.file("heap.toml"), "--",
                       program_path("alloc_heavy")});
  EXPECT_EQ(r.status(), 1) << r.out << r.err;
  EXPECT_NE(r.out.find("FAIL  heap"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace golden::test
