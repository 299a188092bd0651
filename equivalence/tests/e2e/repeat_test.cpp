// Two captures of the same deterministic program compare equivalent, every time: each
// run works in its own fresh temp directory (a different $CWD), with its own pids.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "e2e_support.hpp"

namespace golden::e2e {
namespace {

struct Program {
  const char* name;
  // argv; "@F" is replaced by the fixture directory, "@P" by the programs directory,
  // "@G" by the greet binary.
  std::vector<std::string> argv;
};

std::vector<std::string> expand(const std::vector<std::string>& argv) {
  std::vector<std::string> out;
  for (std::string a : argv) {
    for (auto [tag, value] : {std::pair<std::string, std::string>{"@F", fixture_dir()},
                              {"@P", programs_dir()},
                              {"@G", greet_exe()}}) {
      for (std::size_t p = a.find(tag); p != std::string::npos; p = a.find(tag))
        a.replace(p, tag.size(), value);
    }
    out.push_back(a);
  }
  return out;
}

class Repeated : public ::testing::TestWithParam<Program> {};

constexpr int kRuns = 6;  // the first is the baseline: 5 comparisons

TEST_P(Repeated, CapturesCompareEquivalentEveryTime) {
  const std::string traces = make_temp_dir();
  std::vector<std::string> files;
  for (int i = 0; i < kRuns; ++i) {
    const std::string work = make_temp_dir();
    files.push_back(capture(expand(GetParam().argv), work, traces, "run" + std::to_string(i)));
  }
  for (int i = 1; i < kRuns; ++i) {
    RunResult r = run(
        {golden_exe(), "compare", files[0], files[static_cast<std::size_t>(i)], "--color=never"});
    EXPECT_EQ(r.status(), 0) << "run " << i << " vs run 0:\n" << r.out << r.err;
  }
  // And `golden normalize` prints the same canonical form for every run.
  RunResult n0 = run({golden_exe(), "normalize", files[0]});
  ASSERT_EQ(n0.status(), 0) << n0.err;
  RunResult n1 = run({golden_exe(), "normalize", files[kRuns - 1]});
  EXPECT_EQ(n0.out, n1.out);
}

INSTANTIATE_TEST_SUITE_P(
    Tools, Repeated,
    ::testing::Values(
        Program{"greet", {"@G", "World", "."}},
        Program{"ls", {"ls", "-la", "@F/tree", "@F/tree/sub"}},
        Program{"gcc_c", {"gcc", "-c", "@F/hello.c", "-o", "hello.o"}},
        Program{"tar", {"tar", "-cf", "tree.tar", "-C", "@F", "tree"}},
        Program{"sort", {"sort", "-o", "sorted.txt", "@F/words.txt"}},
        Program{"cp_r", {"cp", "-r", "@F/tree", "copy"}},
        Program{"find", {"find", "@F/tree", "-name", "*.txt"}},
        Program{"python3_c",
                {"python3", "-c",
                 "import os\nopen('out.txt', 'w').write('x\\n')\nprint(sorted(os.listdir('@F/tree')))"}},
        Program{"sh_pipeline",
                {"sh", "-c", "sort @F/words.txt | uniq -c > counts.txt; wc -l < counts.txt; cat counts.txt | tr a-z A-Z"}},
        Program{"python3_script", {"python3", "@P/greet.py", "World", "."}},
        Program{"sh_script", {"sh", "@P/greet.sh", "World", "."}}),
    [](const auto& info) { return std::string(info.param.name); });

}  // namespace
}  // namespace golden::e2e
