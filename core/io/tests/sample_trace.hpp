// A hand-built trace that uses every field of the model (and the awkward cases: bytes
// that are not UTF-8, text that differs from the conventional rendering, failed calls,
// unfinished calls, signals, spans, several runs), plus helpers shared by the io tests.
#pragma once

#include <string>

#include "golden/model/trace.hpp"

namespace golden::io_test {

TraceFile sample_trace();

// A long trace of realistic syscalls for throughput tests and truncation of bigger files.
TraceFile bulk_trace(std::size_t events);

// Field-by-field gtest comparison (ProcessInfo and Event have no operator==).
void expect_same_trace(const TraceFile& expected, const TraceFile& actual);

// testdata/traces/NAME in the source tree.
std::string fixture(const std::string& name);
// zstd-compresses `text` in one frame (content size recorded) at `level`.
std::string zstd_compress(const std::string& text, int level = 3);

}  // namespace golden::io_test
