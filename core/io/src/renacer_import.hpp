// renacer-json-v1 import (renacer's `--format json`). renacer prints arguments as text
// and records no pids, start times or clocks: the result says so in its header
// (has_pids/has_timing/has_clocks = false) instead of inventing values.
#pragma once

#include <string>

#include "golden/model/result.hpp"
#include "golden/model/trace.hpp"
#include "json_values.hpp"

namespace golden::io_detail {

// Built as the document is read (document_reader.hpp): each element of "syscalls" as it
// comes, the other top-level members at the end.
class RenacerImport {
 public:
  RenacerImport();
  // One element of the "syscalls" array, in order. Throws RecordError.
  void syscall(const Json& element);
  // `head`: the document's other members. `saw_syscalls`: a "syscalls" array was read.
  Result<TraceFile> finish(const Json& head, bool saw_syscalls, const std::string& name);

 private:
  TraceFile file_;
  Trace trace_;
};

}  // namespace golden::io_detail
