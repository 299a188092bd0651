// Real captures of the tracee programs in testdata/assertions/programs, through the
// ptrace recorder, cached per (program, options) so each runs once per test binary.
#pragma once

#include <string>
#include <vector>

#include "golden/assertions/config.hpp"
#include "golden/assertions/engine.hpp"
#include "golden/model/trace.hpp"

namespace golden::test {

struct CaptureSpec {
  std::string program;  // file name in the programs directory
  std::vector<std::string> args;
  bool track_alloc = false;
  unsigned runs = 1;
};

std::string program_path(const std::string& name);
// The capture (fails the test, and returns an empty file, when capturing fails).
const TraceFile& captured(const CaptureSpec& spec);
const TraceFile& captured(const std::string& program);

// Evaluates one assertion written as TOML (without name) on a capture.
AssertionResult check_on(const std::string& toml, const TraceFile& trace,
                         const TraceFile* baseline = nullptr);

// Whether the recorder turns marker syscalls into Span events (SPEC §9) — the span and
// allocation tests need it and say so when it is missing.
bool recorder_reports_markers(const TraceFile& trace);

}  // namespace golden::test
