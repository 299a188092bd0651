// renacer-json-v1 import (renacer's `--format json`). renacer prints arguments as text
// and records no pids, start times or clocks: the result says so in its header
// (has_pids/has_timing/has_clocks = false) instead of inventing values.
#pragma once

#include <string>

#include "golden/model/result.hpp"
#include "golden/model/trace.hpp"
#include "json_values.hpp"

namespace golden::io_detail {

Result<TraceFile> import_renacer(const Json& doc, const std::string& name);

}  // namespace golden::io_detail
