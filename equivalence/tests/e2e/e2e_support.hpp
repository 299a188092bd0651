// End-to-end helpers: run the real `golden` binary and real programs (with
// golden::test_support's runner, named here unqualified) in fresh `mktemp -d` style
// directories.
#pragma once

#include <string>
#include <vector>

#include "golden/test_support/files.hpp"
#include "golden/test_support/process.hpp"

namespace golden::e2e {

using namespace golden::test;

std::string golden_exe();
std::string greet_exe();
std::string source_dir();              // the repository root
std::string fixture_dir();             // testdata/equivalence/fixture
std::string programs_dir();            // testdata/equivalence/programs

// A fresh directory like `mktemp -d` makes (/tmp/tmp.XXXXXXXXXX), removed at exit.
std::string make_temp_dir();

// `golden capture -o DIR/NAME.json -- argv` in `cwd`; fails the test on a capture error.
std::string capture(const std::vector<std::string>& argv, const std::string& cwd,
                    const std::string& out_dir, const std::string& name, int expect_status = 0);

}  // namespace golden::e2e
