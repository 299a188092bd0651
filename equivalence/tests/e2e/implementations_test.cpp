// One CLI in C, Python and shell: pairwise equivalent. Each single behavioural change
// diverges, at the right place.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <functional>
#include <map>
#include <nlohmann/json.hpp>

#include "e2e_support.hpp"

namespace golden::e2e {
namespace {

using ::testing::HasSubstr;

std::vector<std::string> impl(const std::string& which, const std::string& outdir) {
  if (which == "c") return {greet_exe(), "World", outdir};
  if (which == "python") return {"python3", programs_dir() + "/greet.py", "World", outdir};
  return {"sh", programs_dir() + "/greet.sh", "World", outdir};
}

// Captures `argv` writing into a fresh output dir (holding an old.txt, which one
// mutation deletes); the run's cwd is yet another fresh dir.
std::string capture_in_fresh_dirs(const std::function<std::vector<std::string>(const std::string&)>& argv,
                                  const std::string& traces, const std::string& name,
                                  int status = 0) {
  std::string out = make_temp_dir();
  write_file(out + "/old.txt", "old\n");
  return capture(argv(out), make_temp_dir(), traces, name, status);
}

TEST(Implementations, CPythonAndShellArePairwiseEquivalent) {
  const std::string traces = make_temp_dir();
  std::map<std::string, std::string> file;
  for (const char* which : {"c", "python", "shell"})
    file[which] = capture_in_fresh_dirs([&](const std::string& o) { return impl(which, o); }, traces, which);
  for (auto [a, b] : {std::pair{"c", "python"}, {"c", "shell"}, {"python", "shell"}}) {
    RunResult r = run({golden_exe(), "compare", file[a], file[b]});
    EXPECT_EQ(r.status(), 0) << a << " vs " << b << ":\n" << r.out << r.err;
    EXPECT_THAT(r.out, HasSubstr("EQUIVALENT"));
  }
  // With the implementation compared too, they differ (only) in the root's exec.
  const std::string cfg = traces + "/strict.toml";
  write_file(cfg, "[compare]\nroot_exec = true\n");
  RunResult strict = run(
      {golden_exe(), "compare", file["c"], file["python"], "--config", cfg, "--format", "json"});
  EXPECT_EQ(strict.status(), 1) << strict.out << strict.err;
  auto j = nlohmann::json::parse(strict.out);
  bool root_exec_differs = false;
  for (const auto& d : j["divergences"])
    for (const auto& l : d["lines"])
      if (d["channel"] == "processes" && l["op"] != " " &&
          l["text"].get<std::string>().starts_with("1: exec "))
        root_exec_differs = true;
  EXPECT_TRUE(root_exec_differs) << j["divergences"].dump(2);
}

struct Mutation {
  const char* kind;
  const char* channel;   // where the divergence must be reported ("file " prefix: a file)
  const char* category;
  int status;
};

class Mutations : public ::testing::TestWithParam<Mutation> {};

TEST_P(Mutations, EachSingleChangeDivergesAtItsPlace) {
  const std::string traces = make_temp_dir();
  auto base = capture_in_fresh_dirs([](const std::string& o) { return impl("c", o); }, traces, "base");
  auto changed = capture_in_fresh_dirs(
      [&](const std::string& o) {
        auto argv = impl("c", o);
        argv.push_back(std::string("--mutate=") + GetParam().kind);
        return argv;
      },
      traces, "changed", GetParam().status);
  RunResult r = run({golden_exe(), "compare", base, changed, "--format", "json"});
  ASSERT_EQ(r.status(), 1) << r.out << r.err;
  auto j = nlohmann::json::parse(r.out);
  ASSERT_EQ(j["failing"], 1) << j["divergences"].dump(2);
  const auto& d = j["divergences"][0];
  EXPECT_EQ(d["channel"], GetParam().channel) << d.dump(2);
  EXPECT_EQ(d["category"], GetParam().category) << d.dump(2);
  EXPECT_TRUE(d["seq_a"].is_number() || d["seq_b"].is_number()) << d.dump(2);
  // The Python version is not a substitute for a mutated C one either.
  auto py = capture_in_fresh_dirs([](const std::string& o) { return impl("python", o); }, traces, "py");
  RunResult rp = run({golden_exe(), "compare", py, changed});
  EXPECT_EQ(rp.status(), 1) << rp.out;
}

INSTANTIATE_TEST_SUITE_P(
    Greet, Mutations,
    ::testing::Values(Mutation{"stdout", "stdout", "stdout", 0},
                      Mutation{"stderr", "stderr", "stderr", 0},
                      Mutation{"content", "file $TMP1/greeting.txt", "file_content", 0},
                      Mutation{"extra-file", "file $TMP1/extra.txt", "file_ops", 0},
                      Mutation{"delete-file", "file $TMP1/old.txt", "file_ops", 0},
                      Mutation{"exit", "processes", "exit_status", 3},
                      Mutation{"connect", "network", "network", 0},
                      Mutation{"child", "processes", "processes", 0}),
    [](const auto& info) {
      std::string n = info.param.kind;
      for (char& c : n)
        if (c == '-') c = '_';
      return n;
    });

}  // namespace
}  // namespace golden::e2e
