#include "e2e_support.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <memory>

namespace golden::e2e {
namespace {

// Never destroyed: the directories live until the process exits, and are removed then
// (kept with GOLDEN_KEEP_TEMP) by the global below, which runs after function-local
// statics constructed later than it are gone.
std::vector<std::unique_ptr<TempDir>>& temp_dirs() {
  static auto* dirs = new std::vector<std::unique_ptr<TempDir>>;
  return *dirs;
}

struct Cleanup {
  ~Cleanup() { temp_dirs().clear(); }
} cleanup;

}  // namespace

std::string golden_exe() { return GOLDEN_EQ_GOLDEN_EXE; }
std::string greet_exe() { return GOLDEN_EQ_GREET_EXE; }
std::string source_dir() { return GOLDEN_SOURCE_DIR; }
std::string fixture_dir() { return source_dir() + "/testdata/equivalence/fixture"; }
std::string programs_dir() { return source_dir() + "/testdata/equivalence/programs"; }

std::string make_temp_dir() {
  // mktemp(1)'s own pattern, so the temp templating sees what users' scripts make.
  temp_dirs().push_back(std::make_unique<TempDir>("/tmp/tmp.XXXXXXXXXX"));
  return temp_dirs().back()->path();
}

std::string capture(const std::vector<std::string>& argv, const std::string& cwd,
                    const std::string& out_dir, const std::string& name, int expect_status) {
  std::string path = out_dir + "/" + name + ".json";
  std::vector<std::string> cmd = {golden_exe(), "capture", "-o", path, "--"};
  cmd.insert(cmd.end(), argv.begin(), argv.end());
  const RunResult r = run(cmd, {.cwd = cwd, .timeout = 120s});
  EXPECT_EQ(r.status(), expect_status) << "capture of " << argv.front() << " failed: " << r.err;
  EXPECT_TRUE(std::filesystem::exists(path)) << r.err;
  return path;
}

}  // namespace golden::e2e
