// Builds a TraceFile from golden-trace records in file order, checking the structure
// the model relies on (events dense and in order, edges and process references to
// events already seen, run/end pairing) and counting what it tolerates.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "golden/model/trace.hpp"
#include "json_values.hpp"
#include "record_decoder.hpp"

namespace golden::io_detail {

class TraceAssembler {
 public:
  // Throws RecordError (wrong format or version, bad field).
  void header(const Json& obj);
  // Where a record of this type may appear (not before a run, not after the eof record,
  // an event only inside a run...). Checked for every record before its fields, so that a
  // record in the wrong place is reported as such. Throws RecordError.
  void check_start(std::string_view type);
  // A decoded record (record_decoder.hpp), in file order: check_start, then what needs
  // the whole record (event order, references to earlier events, run/end pairing).
  // Throws RecordError.
  void add(DecodedRecord&& record);
  bool saw_eof() const { return eof_; }
  Counters& counters() { return file_.counters; }
  // The finished file: `truncated` unless the eof record was seen; in runs cut short
  // (no end record), processes without a record are rebuilt from the events; anomalies
  // go to counters.
  TraceFile finish();

 private:
  Trace& current(std::string_view what);
  void add_run(RunInfo&& run);
  void add_event(Event&& event);
  void add_edge(const Edge& edge);
  void add_process(ProcessInfo&& process);
  void add_end(std::uint32_t index, RunInfo&& fields);

  TraceFile file_;
  bool have_run_ = false;
  bool run_ended_ = false;
  std::vector<bool> unfinished_;  // per run: no end record
  bool eof_ = false;
  std::uint64_t unknown_fields_ = 0;
  std::uint64_t unknown_records_ = 0;
};

}  // namespace golden::io_detail
