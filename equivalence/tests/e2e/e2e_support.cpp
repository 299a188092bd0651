#include "e2e_support.hpp"

#include <fcntl.h>
#include <gtest/gtest.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <sstream>

extern char** environ;

namespace golden::e2e {
namespace {

// Never destroyed: the global Cleanup below runs after function-local statics
// constructed later than it are gone.
std::vector<std::string>& temp_dirs() {
  static auto* dirs = new std::vector<std::string>;
  return *dirs;
}

struct Cleanup {
  ~Cleanup() {
    if (std::getenv("GOLDEN_KEEP_TEMP") != nullptr) return;
    for (const std::string& d : temp_dirs()) {
      std::error_code ec;
      std::filesystem::remove_all(d, ec);
    }
  }
} cleanup;

}  // namespace

std::string golden_exe() { return GOLDEN_EQ_GOLDEN_EXE; }
std::string greet_exe() { return GOLDEN_EQ_GREET_EXE; }
std::string source_dir() { return GOLDEN_SOURCE_DIR; }
std::string fixture_dir() { return source_dir() + "/testdata/equivalence/fixture"; }
std::string programs_dir() { return source_dir() + "/testdata/equivalence/programs"; }

std::string make_temp_dir() {
  // mktemp(1)'s own pattern, so the temp templating sees what users' scripts make.
  char tmpl[] = "/tmp/tmp.XXXXXXXXXX";
  char* d = mkdtemp(tmpl);
  if (d == nullptr) throw std::runtime_error("mkdtemp failed");
  temp_dirs().push_back(d);
  return d;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void write_file(const std::string& path, const std::string& content) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << content;
}

Outcome run(const std::vector<std::string>& argv, const std::string& cwd, int timeout_s) {
  Outcome r;
  std::string dir = make_temp_dir();
  std::string out_path = dir + "/stdout", err_path = dir + "/stderr";
  std::vector<std::string> full = {"timeout", "-s", "KILL", std::to_string(timeout_s)};
  full.insert(full.end(), argv.begin(), argv.end());
  std::vector<char*> cargv;
  for (std::string& s : full) cargv.push_back(s.data());
  cargv.push_back(nullptr);

  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_addopen(&fa, 1, out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&fa, 2, err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  if (!cwd.empty()) posix_spawn_file_actions_addchdir_np(&fa, cwd.c_str());
  pid_t pid = 0;
  int rc = posix_spawnp(&pid, "timeout", &fa, nullptr, cargv.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  if (rc != 0) return r;
  int status = 0;
  waitpid(pid, &status, 0);
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.out = read_file(out_path);
  r.err = read_file(err_path);
  return r;
}

std::string capture(const std::vector<std::string>& argv, const std::string& cwd,
                    const std::string& out_dir, const std::string& name, int expect_status) {
  std::string path = out_dir + "/" + name + ".json";
  std::vector<std::string> cmd = {golden_exe(), "capture", "-o", path, "--"};
  cmd.insert(cmd.end(), argv.begin(), argv.end());
  Outcome r = run(cmd, cwd);
  EXPECT_EQ(r.status, expect_status) << "capture of " << argv.front() << " failed: " << r.err;
  EXPECT_TRUE(std::filesystem::exists(path)) << r.err;
  return path;
}

}  // namespace golden::e2e
