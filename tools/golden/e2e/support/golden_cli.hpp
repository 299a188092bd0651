// The golden binary and the tracee programs under test, and helpers to capture with
// golden and read the result. Paths come from CMake (compile definitions).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "golden/model/result.hpp"
#include "golden/model/trace.hpp"
#include "test_support_names.hpp"

namespace golden::e2e {

// $<TARGET_FILE:golden>.
std::string golden_exe();
// testdata/programs/NAME built by CMake (fails the test run loudly for an unknown name).
std::string tracee(std::string_view name);
// Every tracee program name.
const std::vector<std::string>& tracee_names();

// `golden capture OPTIONS... -o OUTPUT -- COMMAND...`
RunResult capture(const std::string& output, const std::vector<std::string>& command,
                  const std::vector<std::string>& options = {}, const RunOptions& run_options = {});
// `golden SUBCOMMAND ARGS...`
RunResult golden(const std::vector<std::string>& args, const RunOptions& run_options = {});

// golden::io's reader.
Result<TraceFile> load_trace(const std::string& path);

// Short human-readable dump of a trace for failure messages (first/last events).
std::string summarize(const Trace& trace, std::size_t max_events = 40);

}  // namespace golden::e2e
