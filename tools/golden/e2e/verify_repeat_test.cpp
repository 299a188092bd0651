// `golden verify` run again and again in one workspace, as a developer or a CI job does
// (SPEC §5-§6): the first run records the golden, runs 2-5 compare with it while
// everything the earlier runs left (their outputs, the golden itself) is still there,
// and every run passes for a program that is deterministic in its effects.
//
// What an earlier run left behind changes which calls a program makes (`as` unlinks the
// old object file, zip reads the old archive and renames its temp file onto it, mkdir -p
// gets EEXIST) but not its net effect, which is what verify compares. Each test also
// checks that the workspace after every run equals the workspace after run 1, so a
// failing verify here is the comparator's fault, not the program's.
//
// ctest -j2: gtest_discover_tests makes every case its own CTest entry, and no two cases
// share a path: temp workspaces are fresh, and each fixed workspace is named after its
// own test case (fixed_workspace_path). Keep it so when adding cases.
#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <map>
#include <random>
#include <sstream>
#include <stdexcept>
#include <string>
#include <tuple>
#include <vector>

#include "cases.hpp"
#include "golden_cli.hpp"
#include "test_support_names.hpp"

namespace golden::e2e {
namespace {

namespace fs = std::filesystem;

constexpr int kRuns = 5;
// Relative to the workspace, which is the working directory of every run.
const std::string kGolden = "ws/x.golden.json";

std::string temp_base() {
  const char* base = std::getenv("TMPDIR");
  return base != nullptr && *base != 0 ? base : "/tmp";
}

// ---- workspaces ----------------------------------------------------------------------

// The shapes a workspace directory's name takes in practice: the comparator must not
// depend on one naming scheme (SPEC §5: "whatever their naming scheme").
enum class WorkspaceKind { Mktemp, PythonTempfile, WorkDash, Fixed };

std::string to_string(WorkspaceKind k) {
  switch (k) {
    case WorkspaceKind::Mktemp:
      return "mktemp_d";
    case WorkspaceKind::PythonTempfile:
      return "python_tempfile";
    case WorkspaceKind::WorkDash:
      return "work_dash";
    case WorkspaceKind::Fixed:
      return "fixed";
  }
  return "?";
}

void PrintTo(WorkspaceKind k, std::ostream* os) {
  *os << to_string(k);
}

// The running test's full name as a file-name component (unique per test case).
std::string current_test_slug() {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  std::string name = std::string(info->test_suite_name()) + "." + info->name();
  for (char& c : name)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '.' && c != '-') c = '_';
  return name;
}

// One path per test case, the same on every run of the suite: it may hold what the
// previous run of this case left (a fixed checkout, a build directory).
std::string fixed_workspace_path() {
  return temp_base() + "/golden-verify-repeat-" + current_test_slug();
}

// Python's tempfile.mkdtemp(): "tmp" and 8 characters of [a-z0-9_].
std::string make_python_style_dir() {
  static const std::string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789_";
  std::random_device seed;
  std::mt19937 rng(seed());
  std::uniform_int_distribution<std::size_t> pick(0, alphabet.size() - 1);
  for (int attempt = 0; attempt < 100; ++attempt) {
    std::string path = temp_base() + "/tmp";
    for (int i = 0; i < 8; ++i) path += alphabet[pick(rng)];
    if (::mkdir(path.c_str(), 0700) == 0) return path;
  }
  throw std::runtime_error("cannot create a tmpXXXXXXXX directory under " + temp_base());
}

// The workspace directory. Temp ones are removed at the end; the fixed one is cleaned
// only when the test starts (never between runs) and stays afterwards for inspection.
class Workspace {
 public:
  explicit Workspace(WorkspaceKind kind) : kind_(kind) {
    switch (kind) {
      case WorkspaceKind::Mktemp: {
        RunResult r = run({"mktemp", "-d"});
        if (r.status() != 0) throw std::runtime_error("mktemp -d failed:\n" + r.describe());
        path_ = r.out.substr(0, r.out.find('\n'));
        break;
      }
      case WorkspaceKind::PythonTempfile:
        path_ = make_python_style_dir();
        break;
      case WorkspaceKind::WorkDash: {
        std::string templ = temp_base() + "/work-XXXXXX";
        if (::mkdtemp(templ.data()) == nullptr) throw std::runtime_error("mkdtemp " + templ);
        path_ = templ;
        break;
      }
      case WorkspaceKind::Fixed:
        path_ = fixed_workspace_path();
        fs::remove_all(path_);
        fs::create_directories(path_);
        break;
    }
  }
  ~Workspace() {
    if (kind_ == WorkspaceKind::Fixed) return;
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  Workspace(const Workspace&) = delete;
  Workspace& operator=(const Workspace&) = delete;

  const std::string& path() const { return path_; }
  std::string file(const std::string& relative) const { return path_ + "/" + relative; }

 private:
  WorkspaceKind kind_;
  std::string path_;
};

// Every file and directory of the workspace but ws/ (the golden and FILE.new): relative
// path -> type, permission bits, and for a file its size and a hash of its bytes.
std::map<std::string, std::string> snapshot(const std::string& root) {
  std::map<std::string, std::string> out;
  for (auto it = fs::recursive_directory_iterator(root); it != fs::recursive_directory_iterator();
       ++it) {
    const std::string rel = fs::relative(it->path(), root).string();
    if (rel == "ws") {
      it.disable_recursion_pending();
      continue;
    }
    const auto st = it->symlink_status();
    std::ostringstream s;
    s << std::oct << static_cast<unsigned>(st.permissions()) << std::dec;
    if (st.type() == fs::file_type::directory) {
      out[rel] = "dir " + s.str();
    } else if (st.type() == fs::file_type::regular) {
      const std::string bytes = read_file(it->path().string());
      s << " " << bytes.size() << " bytes, hash " << std::hex << std::hash<std::string>{}(bytes);
      out[rel] = "file " + s.str();
    } else {
      out[rel] = "other " + s.str();
    }
  }
  return out;
}

// ---- programs ------------------------------------------------------------------------

struct RepeatCase {
  std::string id;
  std::vector<std::string> command;
  std::function<void(const Workspace&)> write_inputs;
  std::string needs;  // a program that may be missing (the case is skipped without it)
};
void PrintTo(const RepeatCase& c, std::ostream* os) {
  *os << c.id;
}

bool on_path(const std::string& program) {
  const char* path = std::getenv("PATH");
  std::istringstream dirs(path != nullptr ? path : "/usr/bin:/bin");
  std::string dir;
  while (std::getline(dirs, dir, ':'))
    if (!dir.empty() && ::access((dir + "/" + program).c_str(), X_OK) == 0) return true;
  return false;
}

// Real tools whose effects are the same every time they run in the same workspace
// (checked by hand untraced, and by each test after every run).
const std::vector<RepeatCase>& repeat_cases() {
  static const std::vector<RepeatCase> cases = {
      {"gcc_c",
       {"gcc", "-c", "hello.c", "-o", "out/hello.o"},
       [](const Workspace& w) {
         write_file(w.file("hello.c"),
                    "#include <stdio.h>\nint main(void) { puts(\"hello\"); return 0; }\n");
         fs::create_directory(w.file("out"));
       }},
      {"sh_sort",
       {"sh", "-c", "mkdir -p out && sort input.txt > out/sorted.txt"},
       [](const Workspace& w) { write_file(w.file("input.txt"), "pear\napple\nfig\n"); }},
      {"tar_cf",
       {"tar", "--sort=name", "--mtime=@0", "--owner=0", "--group=0", "-cf", "out.tar", "dir"},
       [](const Workspace& w) {
         fs::create_directories(w.file("dir/sub"));
         write_file(w.file("dir/a.txt"), "one\n");
         write_file(w.file("dir/sub/b.txt"), "two\n");
       }},
      // -T: plain `cp -r src dst` copies into dst/src once dst exists.
      {"cp_rT",
       {"cp", "-rT", "src", "dst"},
       [](const Workspace& w) {
         fs::create_directories(w.file("src/sub"));
         write_file(w.file("src/x.txt"), "x\n");
         write_file(w.file("src/sub/y.txt"), "y\n");
       }},
      // -B: as root, Python writes a missing .pyc under /usr/lib on the first run only.
      {"python_tempfile_replace",
       {python3(), "-B", "-c",
        "import os, tempfile\n"
        "fd, tmp = tempfile.mkstemp(dir='.', prefix='.result-')\n"
        "os.write(fd, b'result\\n')\n"
        "os.close(fd)\n"
        "os.replace(tmp, 'result.txt')\n"},
       [](const Workspace&) {}},
      // sed -i replaces its input, so the command writes that input first.
      {"sed_i",
       {"sh", "-c", "printf 'a1\\na2\\n' > f.txt && sed -i s/a/b/ f.txt"},
       [](const Workspace&) {}},
      // -X: no extra attributes (uid/gid, atime), so the archive's bytes are the same.
      {"zip",
       {"zip", "-X", "-q", "out.zip", "a.txt", "b.txt"},
       [](const Workspace& w) {
         write_file(w.file("a.txt"), "alpha\n");
         write_file(w.file("b.txt"), "beta\n");
       },
       "zip"},
  };
  return cases;
}

// ---- running verify ------------------------------------------------------------------

RunResult verify(const Workspace& w, const RepeatCase& c, bool ci) {
  std::vector<std::string> args = {"verify", "--golden", kGolden, "--"};
  args.insert(args.end(), c.command.begin(), c.command.end());
  RunOptions options;
  options.cwd = w.path();
  options.unset_env = {"GOLDEN_UPDATE"};
  if (ci)
    options.set_env = {"CI=true"};
  else
    options.unset_env.push_back("CI");
  options.timeout = 100s;
  return golden(args, options);
}

// The report's first divergence ("[1] ..." and its "where:" line), for failure messages.
std::string first_divergence(const RunResult& r) {
  const std::vector<std::string> lines = split_lines(r.out);
  for (std::size_t i = 0; i < lines.size(); ++i)
    if (lines[i].starts_with("[1] "))
      return lines[i] + (i + 1 < lines.size() ? "\n" + lines[i + 1] : "");
  return "(no divergence listed)";
}

struct RunLog {
  std::vector<int> statuses;
  std::string first_failure;  // the first failing run, whole
  void add(int run_number, const RunResult& r) {
    statuses.push_back(r.status());
    if (r.status() != 0 && first_failure.empty())
      first_failure = "run " + std::to_string(run_number) +
                      ": first divergence: " + first_divergence(r) + "\n" + r.describe();
  }
};

// Runs verify kRuns times in `w`: run 1 records the golden (never with CI), the others
// compare with it (with CI=true when `ci`). Checks every run's verdict and side effects.
void run_repeatedly(const Workspace& w, const RepeatCase& c, bool ci) {
  c.write_inputs(w);
  fs::create_directories(w.file("ws"));
  const std::string golden_path = w.file(kGolden);
  RunLog log;
  std::string recorded;
  std::map<std::string, std::string> after_first;
  for (int i = 1; i <= kRuns; ++i) {
    const RunResult r = verify(w, c, ci && i > 1);
    log.add(i, r);
    const auto snap = snapshot(w.path());
    if (i == 1) {
      ASSERT_EQ(r.status(), 0) << r.describe();
      EXPECT_NE(r.out.find("recorded new golden trace " + kGolden), std::string::npos) << r.out;
      ASSERT_TRUE(file_exists(golden_path));
      recorded = read_file(golden_path);
      after_first = snap;
    } else {
      if (r.status() == 0) {
        EXPECT_NE(r.out.find("matches " + kGolden), std::string::npos) << "run " << i << r.out;
      }
      EXPECT_EQ(read_file(golden_path), recorded) << "run " << i << " changed the golden";
      // The program, not golden, would be at fault here: fix the case, not the comparator.
      EXPECT_EQ(snap, after_first)
          << "run " << i << " of `" << c.id << "` left a different workspace than run 1";
    }
    if (r.status() == 0) {
      EXPECT_FALSE(file_exists(golden_path + ".new"))
          << "run " << i << ": a pass leaves no FILE.new";
    }
  }
  EXPECT_EQ(log.statuses, std::vector<int>(kRuns, 0))
      << "exit statuses of runs 1-" << kRuns << " in " << w.path() << "\n"
      << log.first_failure;
}

// ---- the tests -----------------------------------------------------------------------

class VerifyRepeat : public ::testing::TestWithParam<std::tuple<RepeatCase, WorkspaceKind>> {};

TEST_P(VerifyRepeat, FiveRunsInOneWorkspaceAllPass) {
  const auto& [c, kind] = GetParam();
  if (!c.needs.empty() && !on_path(c.needs)) GTEST_SKIP() << c.needs << " is not installed";
  Workspace w(kind);
  run_repeatedly(w, c, /*ci=*/false);
}

INSTANTIATE_TEST_SUITE_P(
    Programs, VerifyRepeat,
    ::testing::Combine(::testing::ValuesIn(repeat_cases()),
                       ::testing::Values(WorkspaceKind::Mktemp, WorkspaceKind::PythonTempfile,
                                         WorkspaceKind::WorkDash, WorkspaceKind::Fixed)),
    [](const auto& info) {
      return std::get<0>(info.param).id + "_in_" + to_string(std::get<1>(info.param));
    });

// On CI (CI set) with the golden committed: verify compares, passes, and writes no FILE.new
// (SPEC §6: on CI it never writes the golden; FILE.new only when there is something to
// review). The workspace is fixed, as a CI checkout is.
class VerifyRepeatOnCi : public ::testing::TestWithParam<RepeatCase> {};

TEST_P(VerifyRepeatOnCi, ComparesWithoutWritingANewFile) {
  const RepeatCase& c = GetParam();
  if (!c.needs.empty() && !on_path(c.needs)) GTEST_SKIP() << c.needs << " is not installed";
  Workspace w(WorkspaceKind::Fixed);
  run_repeatedly(w, c, /*ci=*/true);
}

INSTANTIATE_TEST_SUITE_P(Programs, VerifyRepeatOnCi, ::testing::ValuesIn(repeat_cases()),
                         [](const auto& info) { return info.param.id; });

}  // namespace
}  // namespace golden::e2e
