// Serialising the model into golden-trace record lines (docs/trace-format.md). Each
// function appends one complete line, newline included; keys come in a fixed order and
// defaults are omitted, so equal traces give identical bytes.
#pragma once

#include <string>

#include "golden/model/trace.hpp"

namespace golden::io_detail {

// Line 1: the document's opening, ending in `"records":[`.
void format_header(std::string& out, const TraceHeader& header);
void format_run(std::string& out, const RunInfo& run);
void format_event(std::string& out, const Event& event);
void format_process(std::string& out, const ProcessInfo& process);
void format_edge(std::string& out, const Edge& edge);
void format_end(std::string& out, const RunInfo& run);
// The last line: the eof record, which also closes the document.
void format_eof(std::string& out);

}  // namespace golden::io_detail
