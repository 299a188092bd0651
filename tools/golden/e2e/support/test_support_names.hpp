// The end-to-end tests use golden::test_support's runner and file helpers (run, Spawned,
// TempDir, read_file...) by their plain names, as in the rest of namespace golden::e2e.
#pragma once

#include "golden/test_support/files.hpp"
#include "golden/test_support/process.hpp"

namespace golden::e2e {
using namespace golden::test;
}  // namespace golden::e2e
