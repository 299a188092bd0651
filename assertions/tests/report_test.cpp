// The report formats: text lines, JSON that parses with every figure, JUnit XML that a
// real XML parser (python3's, as CI tools use) accepts, GitHub workflow commands.
#include "golden/assertions/report.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>

#include "check_helpers.hpp"
#include "golden/test_support/files.hpp"
#include "golden/test_support/process.hpp"

namespace golden::test {
namespace {

// A report with every outcome, and text that needs escaping (quotes, <, &, a newline,
// invalid UTF-8, a control byte, %, commas and colons).
CheckReport sample_report() {
  NumberedTraceBuilder m;
  m.process(1, 0, "app", 0ms, 20ms, 2048);
  for (int i = 0; i < 300; ++i)
    m.fail(1, 1, "openat", std::chrono::microseconds(10 * i), std::chrono::microseconds(5), 2,
           {path_arg("pathname", "/tmp/a&b<\"c\">\xff\x01%,:.txt")});
  static TraceFile file = m.file();
  auto config = parse_assertion_config(R"(
[[assertion]]
name = "fast"
type = "wall_time"
max_duration_ms = 100

[[assertion]]
name = "few calls"
type = "syscall_count"
max_calls = 10

[[assertion]]
name = "storm"
type = "anti_pattern"
pattern = "RetryStorm"
threshold = 0.5
fail_on_violation = false

[[assertion]]
name = "gpu"
type = "anti_pattern"
pattern = "PcieBottleneck"

[[assertion]]
name = "off"
type = "wall_time"
max_duration_ms = 1
enabled = false

[[assertion]]
name = "heap"
type = "memory_usage"
max_bytes = 1
tracking_mode = "allocations"
)",
                                       "cfg.toml");
  EXPECT_TRUE(config) << config.error().to_string();
  CheckInput in{.trace = &file, .trace_name = "trace.json", .config_name = "cfg.toml"};
  return run_checks(*config, in);
}

TEST(CheckReports, EveryOutcomeIsPresentInTheSample) {
  const CheckReport r = sample_report();
  ASSERT_EQ(r.results.size(), 6u);
  EXPECT_EQ(r.results[0].outcome, Outcome::Pass);
  EXPECT_EQ(r.results[1].outcome, Outcome::Fail);
  EXPECT_EQ(r.results[2].outcome, Outcome::Warn);
  EXPECT_EQ(r.results[3].outcome, Outcome::NotApplicable);
  EXPECT_EQ(r.results[4].outcome, Outcome::Disabled);
  EXPECT_EQ(r.results[5].outcome, Outcome::Error);
  EXPECT_EQ(r.exit_status(), 2);
}

TEST(CheckReports, TextHasALinePerAssertionAndTheFindings) {
  const std::string text = render_check_text(sample_report());
  EXPECT_NE(text.find("PASS  fast (wall_time)"), std::string::npos) << text;
  EXPECT_NE(text.find("FAIL  few calls (syscall_count): all syscalls 300 > 10"), std::string::npos)
      << text;
  EXPECT_NE(text.find("WARN  storm (anti_pattern RetryStorm)"), std::string::npos) << text;
  EXPECT_NE(text.find("N/A   gpu"), std::string::npos) << text;
  EXPECT_NE(text.find("SKIP  off"), std::string::npos) << text;
  EXPECT_NE(text.find("ERROR heap"), std::string::npos) << text;
  EXPECT_NE(text.find("where: run 0, pid 1 (app)"), std::string::npos) << text;
  EXPECT_NE(text.find("\\xff"), std::string::npos) << "invalid UTF-8 escaped";
}

TEST(CheckReports, JsonParsesWithEveryFigure) {
  const std::string text = render_check_json(sample_report());
  const auto j = nlohmann::json::parse(text);
  EXPECT_EQ(j["format"], "golden-check");
  EXPECT_EQ(j["exit_status"], 2);
  EXPECT_EQ(j["counts"]["fail"], 1);
  ASSERT_EQ(j["results"].size(), 6u);
  EXPECT_EQ(j["results"][1]["measured"], 300.0);
  EXPECT_EQ(j["results"][1]["limit"], 10.0);
  EXPECT_EQ(j["results"][1]["where"], "cfg.toml:7");
  const auto& finding = j["results"][2]["findings"][0];
  EXPECT_GT(finding["confidence"].get<double>(), 0.9);
  EXPECT_EQ(finding["pid"], 1);
  EXPECT_EQ(finding["first_seq"], 0);
  EXPECT_EQ(finding["count"], 300);
  EXPECT_EQ(j["results"][3]["outcome"], "not_applicable");
}

// Runs python3's XML parser on the document and checks the JUnit structure CI tools
// read: counts on the suite, one testcase per assertion, the right child elements.
TEST(CheckReports, JunitIsValidXmlWithATestcasePerAssertion) {
  const std::string xml = render_check_junit(sample_report());
  const TempDir dir;
  write_file(dir.file("report.xml"), xml);
  write_file(dir.file("check.py"), R"(import sys
import xml.etree.ElementTree as ET
root = ET.parse(sys.argv[1]).getroot()
assert root.tag == "testsuites", root.tag
suite = root.find("testsuite")
assert suite.get("tests") == "6" and suite.get("failures") == "1", suite.attrib
assert suite.get("errors") == "1" and suite.get("skipped") == "2", suite.attrib
cases = suite.findall("testcase")
assert [c.get("name") for c in cases] == ["fast", "few calls", "storm", "gpu", "off", "heap"]
assert cases[1].find("failure") is not None
assert cases[3].find("skipped") is not None and cases[4].find("skipped") is not None
assert cases[5].find("error") is not None
assert cases[0].find("failure") is None and cases[2].find("failure") is None
assert "WARNING" in cases[2].find("system-out").text
assert "a&b<\"c\">" in cases[2].find("system-out").text
print("ok")
)");
  const RunResult r = run({"python3", dir.file("check.py"), dir.file("report.xml")});
  EXPECT_EQ(r.status(), 0) << r.describe() << "\n" << xml;
  EXPECT_EQ(r.out, "ok\n");
}

TEST(CheckReports, GithubAnnotationsPointAtTheConfigLine) {
  const std::string gh = render_check_github(sample_report());
  EXPECT_NE(
      gh.find(
          "::error file=cfg.toml,line=7,title=golden check%3A few calls (syscall_count) FAIL::"),
      std::string::npos)
      << gh;
  EXPECT_NE(gh.find("::warning file=cfg.toml,line=12,title="), std::string::npos) << gh;
  EXPECT_NE(gh.find("::notice file=cfg.toml,line=19,"), std::string::npos) << gh;
  EXPECT_NE(gh.find("::error file=cfg.toml,line=30,"), std::string::npos) << gh;
  EXPECT_EQ(gh.find("fast (wall_time)"), std::string::npos) << "passes are not annotated";
  // One physical line per command: newlines inside messages are %0A, % is %25.
  std::size_t commands = 0;
  std::size_t pos = 0;
  while ((pos = gh.find("\n::", pos)) != std::string::npos) ++commands, ++pos;
  EXPECT_EQ(commands + (gh.starts_with("::") ? 1 : 0), 4u) << gh;
  EXPECT_NE(gh.find("%0A"), std::string::npos);
  EXPECT_NE(gh.find("%25"), std::string::npos);
}

}  // namespace
}  // namespace golden::test
