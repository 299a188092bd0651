// The commands as users meet them: every report format, exit codes, bad input.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <nlohmann/json.hpp>

#include "golden/verify/verify.hpp"
#include "e2e_support.hpp"

namespace golden::e2e {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;
using ::testing::StartsWith;

struct Pair {
  std::string dir, a, b, same;
};

const Pair& traces() {
  static const Pair p = [] {
    Pair x;
    x.dir = make_temp_dir();
    std::string out1 = make_temp_dir(), out2 = make_temp_dir(), out3 = make_temp_dir();
    x.a = capture({greet_exe(), "World", out1}, out1, x.dir, "a");
    x.same = capture({greet_exe(), "World", out3}, out3, x.dir, "same");
    x.b = capture({greet_exe(), "World", out2, "--mutate=stdout"}, out2, x.dir, "b");
    return x;
  }();
  return p;
}

TEST(CompareCli, TextReportAndExitCodes) {
  RunResult same = run({golden_exe(), "compare", traces().a, traces().same});
  EXPECT_EQ(same.status(), 0) << same.out << same.err;
  EXPECT_THAT(same.out, HasSubstr("EQUIVALENT"));
  EXPECT_THAT(same.out, HasSubstr("Performance"));
  RunResult diff = run({golden_exe(), "compare", traces().a, traces().b});
  EXPECT_EQ(diff.status(), 1);
  EXPECT_THAT(diff.out, HasSubstr("DIVERGENT: 1 divergence"));
  EXPECT_THAT(diff.out, HasSubstr("-\"Hello, World!\\n\""));
  EXPECT_THAT(diff.out, HasSubstr("+\"Hello World!\\n\""));
  EXPECT_THAT(diff.out, Not(HasSubstr("\x1b[")));  // not a tty
  RunResult color = run({golden_exe(), "compare", traces().a, traces().b, "--color=always"});
  EXPECT_THAT(color.out, HasSubstr("\x1b[31m"));
}

TEST(CompareCli, JsonToFile) {
  std::string out = traces().dir + "/r.json";
  RunResult r = run({golden_exe(), "compare", traces().a, traces().b, "-f", "json", "-o", out});
  EXPECT_EQ(r.status(), 1);
  EXPECT_TRUE(r.out.empty());
  auto j = nlohmann::json::parse(read_file(out));
  EXPECT_EQ(j["verdict"], "divergent");
  EXPECT_EQ(j["divergences"][0]["channel"], "stdout");
  EXPECT_FALSE(std::filesystem::exists(out + ".partial"));
}

TEST(CompareCli, JunitIsValidXml) {
  std::string out = traces().dir + "/r.xml";
  RunResult r =
      run({golden_exe(), "compare", traces().a, traces().b, "--format", "junit", "-o", out});
  EXPECT_EQ(r.status(), 1);
  // Parsed by a real XML parser: one testsuite, a testcase per category, one failure.
  RunResult check = run({"python3", "-c",
                         "import sys, xml.etree.ElementTree as E\n"
                         "s = E.parse(sys.argv[1]).getroot()\n"
                         "assert s.tag == 'testsuite', s.tag\n"
                         "cases = s.findall('testcase')\n"
                         "assert len(cases) == int(s.get('tests')) == 10\n"
                         "fails = [c.get('name') for c in cases if c.find('failure') is not None]\n"
                         "assert fails == ['stdout'], fails\n"
                         "print('ok')\n",
                         out});
  EXPECT_EQ(check.status(), 0) << check.out << check.err;
}

TEST(CompareCli, HtmlIsSelfContained) {
  std::string out = traces().dir + "/r.html";
  RunResult r = run({golden_exe(), "compare", traces().a, traces().b, "--format=html", "-o", out});
  EXPECT_EQ(r.status(), 1);
  std::string html = read_file(out);
  EXPECT_THAT(html, StartsWith("<!DOCTYPE html>"));
  EXPECT_THAT(html, HasSubstr("Hello World!"));
  for (const char* external : {"<script", "<link", "src=", "http://", "https://", "url("})
    EXPECT_THAT(html, Not(HasSubstr(external))) << external;
  RunResult check =
      run({"python3", "-c",
           "import sys, html.parser\n"
           "p = html.parser.HTMLParser(); p.feed(open(sys.argv[1]).read()); p.close()\n",
           out});
  EXPECT_EQ(check.status(), 0) << check.err;
}

TEST(CompareCli, ConfigRelaxAndAllow) {
  std::string cfg = traces().dir + "/relax.toml";
  write_file(cfg, "[[assertion]]\nname = \"x\"\ntype = \"span_count\"\nmax_spans = 5\n\n[compare]\nrelax = [\"stdout\"]\n");
  RunResult relaxed = run({golden_exe(), "compare", traces().a, traces().b, "-c", cfg});
  EXPECT_EQ(relaxed.status(), 0) << relaxed.out << relaxed.err;
  std::string allow = traces().dir + "/allow.toml";
  write_file(allow, "[compare]\n[[compare.allow]]\ncategory = \"stdout\"\nreason = \"greeting wording may change\"\n");
  RunResult allowed = run({golden_exe(), "compare", traces().a, traces().b, "-c", allow});
  EXPECT_EQ(allowed.status(), 0) << allowed.out;
  EXPECT_THAT(allowed.out, HasSubstr("allowed by: greeting wording may change"));
}

TEST(CompareCli, BadInputExitsTwoWithOneLine) {
  const std::string d = traces().dir;
  write_file(d + "/garbage.json", "{\"format\": \"golden-trace\", \"version\": 99}\n");
  write_file(d + "/bad.toml", "[compare]\nrelax = [\"stdout\"]\nbogus = 1\n");
  write_file(d + "/broken.toml", "[compare\n");
  struct Case {
    std::vector<std::string> args;
    const char* where;
  };
  const std::vector<Case> cases = {
      {{"compare", d + "/missing.json", traces().a}, "missing.json"},
      {{"compare", traces().a, d + "/garbage.json"}, "garbage.json"},
      {{"compare", traces().a, traces().b, "-c", d + "/bad.toml"}, "bad.toml:3"},
      {{"compare", traces().a, traces().b, "-c", d + "/broken.toml"}, "broken.toml:1"},
      {{"compare", traces().a, traces().b, "-c", d + "/none.toml"}, "none.toml"},
      {{"compare", traces().a, traces().b, "--format", "pdf"}, "--format"},
      {{"compare", traces().a}, ""},
      {{"compare", traces().a, traces().b, "--run-b", "3"}, "b.json"},
      {{"normalize", d + "/garbage.json"}, "garbage.json"},
  };
  for (const Case& c : cases) {
    std::vector<std::string> argv = {golden_exe()};
    argv.insert(argv.end(), c.args.begin(), c.args.end());
    std::string out = d + "/must-not-exist.txt";
    if (c.args.front() == "compare") argv.insert(argv.end(), {"-o", out});
    RunResult r = run(argv);
    EXPECT_EQ(r.status(), 2) << c.args[1] << ": " << r.err;
    EXPECT_THAT(r.err, HasSubstr(c.where));
    if (std::string(c.where) != "") {
      EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
    }
    EXPECT_FALSE(std::filesystem::exists(out)) << c.args[1];
  }
}

TEST(NormalizeCli, CanonicalFormAndLegend) {
  RunResult n = run({golden_exe(), "normalize", traces().a});
  ASSERT_EQ(n.status(), 0) << n.err;
  EXPECT_THAT(n.out, StartsWith("# golden normalized effects v1\n"));
  EXPECT_THAT(n.out, HasSubstr("stdout | \"Hello, World!\\n\"\n"));
  // The run's cwd was its output directory, a fresh mktemp dir: $CWD.
  EXPECT_THAT(n.out, HasSubstr("file $CWD/greeting.txt | file, mode 0644\n"));
  EXPECT_THAT(n.out, HasSubstr("processes | 1: exit 0\n"));
  RunResult legend = run({golden_exe(), "normalize", "--legend", traces().a});
  EXPECT_THAT(legend.out, HasSubstr("# $CWD = /tmp/tmp."));
}

TEST(NormalizeCli, GreetMatchesItsGoldenNormalizedForm) {
  // Eat our own cooking: the normalized form of the C greet is a reviewed golden file.
  const std::string golden = source_dir() + "/testdata/equivalence/golden/greet.normalized.txt";
  RunResult n = run({golden_exe(), "normalize", traces().a});
  ASSERT_EQ(n.status(), 0) << n.err;
  // golden verify's rules: GOLDEN_UPDATE=1 re-records, never with CI set.
  if (const GoldenRules rules = GoldenRules::from_environment(); rules.update && !rules.ci)
    write_file(golden, n.out);
  EXPECT_EQ(n.out, read_file(golden)) << "run with GOLDEN_UPDATE=1 to accept the new form";
}

}  // namespace
}  // namespace golden::e2e
