// Recording a command from a test with golden's ptrace recorder (linked in: no `golden`
// binary is needed on PATH).
#pragma once

#include <chrono>
#include <optional>
#include <string>
#include <vector>

#include "golden/testing/trace.hpp"

namespace golden::testing {

struct CaptureOptions {
  // NAME=VALUE entries set in the program's environment, over the test's own.
  std::vector<std::string> env;
  // false: the program gets only `env` (and golden's TRACEPARENT), not the test's.
  bool inherit_env = true;
  // Where the program runs ("": the test's working directory). A relative program path
  // ("./tool") is found from there, as Python's subprocess does with cwd=.
  std::string cwd;
  // Bytes the program reads on stdin; none: stdin is /dev/null.
  std::optional<std::string> stdin_bytes;
  // Which syscalls to record, as `golden capture -e` ("trace=%file,write"); "" = all.
  std::string filter;
  // Count heap allocations (memory_usage budgets with tracking_mode = "allocations").
  bool track_alloc = false;
  // Past this the program is killed and capture() throws; zero: no limit.
  std::chrono::milliseconds timeout{std::chrono::seconds(60)};
  // Bytes of strings and payloads kept (-s), and of written text (--text-limit).
  std::size_t string_limit = 256;
  std::size_t text_limit = 64 * 1024;
};

// Runs `command` (program, then arguments; the program is looked up in PATH unless it
// has a '/') under the recorder and returns its trace. stdout and stderr go to pipes
// (Trace::stdout_text/stderr_text), so the test's output stays clean. A program that
// exits with a non-zero status or dies of a signal is a trace like any other; a program
// that cannot be started, or runs past the timeout, throws TraceError.
Trace capture(const std::vector<std::string>& command, const CaptureOptions& options = {});

namespace detail {
// Where the preload library for track_alloc is when golden is an installed package:
// goldenConfig.cmake defines GOLDEN_TESTING_ALLOC_LIB for every user of golden::testing
// (a test executable has no fixed place relative to the library).
void set_installed_alloc_library(const char* path);
#ifdef GOLDEN_TESTING_ALLOC_LIB
inline const bool installed_alloc_library_known =
    (set_installed_alloc_library(GOLDEN_TESTING_ALLOC_LIB), true);
#endif
}  // namespace detail

}  // namespace golden::testing
