// The reports of a fixed pair of hand-built runs, checked against reviewed golden
// files in testdata/equivalence/golden (GOLDEN_UPDATE=1 rewrites them): any change in
// what users read is a visible diff in review.
#include <fcntl.h>
#include <gtest/gtest.h>

#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "golden/equivalence/compare.hpp"
#include "golden/equivalence/report.hpp"
#include "golden/test_support/trace_builder.hpp"
#include "golden/verify/verify.hpp"

namespace golden {
namespace {

using test::TraceBuilder;

Trace run(bool changed) {
  TraceBuilder b(100, "/home/dev/proj", {"/usr/bin/tool", "/tmp/tmp.AbC123xYz9"});
  b.open(100, "/home/dev/proj/config.ini", O_RDONLY, 3);
  b.close(100, 3);
  b.open(100, "/tmp/tmp.AbC123xYz9/report.txt", O_WRONLY | O_CREAT | O_TRUNC, 3, 0666);
  b.write(100, 3, "total: 3\n");
  b.write(100, 3, changed ? "status: <failed> & retried\n" : "status: ok\n");
  b.close(100, 3);
  if (changed) {
    auto c = b.spawn(100, {"curl", "-s", "http://example.com/"}, "/usr/bin/curl");
    b.sys(c, "socket", {}, 3, 0, "socket:[1]");
    b.connect(c, 3, "93.184.216.34:80", ECONNREFUSED);
    b.exit(c, 7);
    b.wait(100, c);
  }
  for (int i = 0; i < 12; ++i) b.write(100, 1, "item " + std::to_string(i) + "\n");
  b.write(100, 2, changed ? "warning: slow\n" : "");
  b.exit(100, changed ? 1 : 0);
  return b.build();
}

void check_golden(const std::string& name, const std::string& actual) {
  const std::string path = std::string(GOLDEN_SOURCE_DIR) + "/testdata/equivalence/golden/" + name;
  // golden verify's rules: GOLDEN_UPDATE=1 re-records, never with CI set.
  if (const GoldenRules rules = GoldenRules::from_environment(); rules.update && !rules.ci) {
    std::ofstream(path, std::ios::binary | std::ios::trunc) << actual;
  }
  std::ifstream in(path, std::ios::binary);
  ASSERT_TRUE(in.good()) << path << " is missing: run with GOLDEN_UPDATE=1";
  std::ostringstream ss;
  ss << in.rdbuf();
  EXPECT_EQ(actual, ss.str()) << name << " changed; review and run with GOLDEN_UPDATE=1";
}

class ReportGolden : public ::testing::Test {
 protected:
  void SetUp() override {
    CompareConfig cfg;
    cfg.allow.push_back({{Category::Stderr}, {}, {}, Side::B, "warnings may be added", "golden.toml:4"});
    CompareInput a{&ta, {}, "before.json", false};
    CompareInput b{&tb, {}, "after.json", false};
    result = compare(a, b, cfg);
  }
  Trace ta = run(false), tb = run(true);
  CompareResult result;
};

TEST_F(ReportGolden, Text) { check_golden("report.txt", render_text(result)); }
TEST_F(ReportGolden, Json) { check_golden("report.json", render_json(result)); }
TEST_F(ReportGolden, Junit) { check_golden("report.xml", render_junit(result)); }
TEST_F(ReportGolden, Html) { check_golden("report.html", render_html(result)); }
TEST_F(ReportGolden, Normalized) {
  check_golden("after.normalized.txt", format_normalized(normalize(tb, {})));
}

}  // namespace
}  // namespace golden
