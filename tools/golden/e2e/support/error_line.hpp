// SPEC §11's shape of an error, as the e2e tests check it.
#pragma once

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "test_support_names.hpp"

namespace golden::e2e {

// Exit 2, not killed by a signal, exactly one line on stderr, mentioning each of `what`.
inline ::testing::AssertionResult one_line_error(const RunResult& r,
                                                 const std::vector<std::string>& what) {
  if (r.timed_out) return ::testing::AssertionFailure() << "hung\n" << r.describe();
  if (!r.exited()) return ::testing::AssertionFailure() << "crashed\n" << r.describe();
  if (r.exit_code != 2) return ::testing::AssertionFailure() << "exit status " << r.exit_code << ", want 2\n" << r.describe();
  auto lines = r.err_lines();
  if (lines.size() != 1)
    return ::testing::AssertionFailure() << lines.size() << " lines on stderr, want exactly 1\n" << r.describe();
  if (r.err.back() != '\n') return ::testing::AssertionFailure() << "error line not newline-terminated\n" << r.describe();
  for (const auto& w : what)
    if (lines[0].find(w) == std::string::npos)
      return ::testing::AssertionFailure() << "error line does not mention '" << w << "': " << lines[0];
  return ::testing::AssertionSuccess();
}

}  // namespace golden::e2e
