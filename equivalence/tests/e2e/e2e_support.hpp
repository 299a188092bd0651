// End-to-end helpers: run the real `golden` binary and real programs, in fresh
// `mktemp -d` style directories, under a watchdog (coreutils `timeout`).
#pragma once

#include <string>
#include <vector>

namespace golden::e2e {

struct Outcome {
  int status = -1;     // exit status, 128+N when killed by N, -1 if it could not run
  std::string out;     // stdout
  std::string err;     // stderr
};

// Runs argv (no shell) in `cwd` ("" = current) with a timeout; captures the output.
Outcome run(const std::vector<std::string>& argv, const std::string& cwd = {}, int timeout_s = 120);

std::string golden_exe();
std::string greet_exe();
std::string source_dir();              // the repository root
std::string fixture_dir();             // testdata/equivalence/fixture
std::string programs_dir();            // testdata/equivalence/programs

// A fresh directory like `mktemp -d` makes (/tmp/tmp.XXXXXXXXXX), removed at exit.
std::string make_temp_dir();
std::string read_file(const std::string& path);
void write_file(const std::string& path, const std::string& content);

// `golden capture -o DIR/NAME.json -- argv` in `cwd`; fails the test on a capture error.
std::string capture(const std::vector<std::string>& argv, const std::string& cwd,
                    const std::string& out_dir, const std::string& name, int expect_status = 0);

}  // namespace golden::e2e
