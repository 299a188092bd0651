// A captured trace the test expects to read: its content, or an empty TraceFile and a
// test failure naming the file and the reader's error. Header-only: the support
// library itself does not link GoogleTest.
#pragma once

#include <gtest/gtest.h>

#include <string>

#include "golden_cli.hpp"

namespace golden::e2e {

inline TraceFile load_ok(const std::string& path) {
  auto file = load_trace(path);
  if (!file.ok()) {
    ADD_FAILURE() << "cannot read " << path << ": " << file.error().to_string();
    return {};
  }
  return std::move(file.value());
}

}  // namespace golden::e2e
