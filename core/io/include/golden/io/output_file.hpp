// Writing a command's output (a report, a normalized form, a graph) to a file: through
// PATH.partial + rename, so a failure never leaves a file that looks complete
// (docs/architecture.md, Errors). Trace files have their own writer (trace_writer.hpp).
#pragma once

#include <string>
#include <string_view>

#include "golden/model/result.hpp"

namespace golden {

Status write_output_file(const std::string& path, std::string_view text);

}  // namespace golden
