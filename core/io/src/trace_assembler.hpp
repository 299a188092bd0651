// Builds a TraceFile from golden-trace records in file order, checking the structure
// the model relies on (events dense and in order, edges and process references to
// events already seen, run/end pairing) and counting what it tolerates.
#pragma once

#include <cstdint>
#include <vector>

#include "golden/model/trace.hpp"
#include "json_values.hpp"

namespace golden::io_detail {

class TraceAssembler {
 public:
  // Throws RecordError (wrong format or version, bad field).
  void header(const Json& obj);
  // One record object. Throws RecordError.
  void record(const Json& obj);
  bool saw_eof() const { return eof_; }
  Counters& counters() { return file_.counters; }
  // The finished file: `truncated` unless the eof record was seen; in runs cut short
  // (no end record), processes without a record are rebuilt from the events; anomalies
  // go to counters.
  TraceFile finish();

 private:
  Trace& current(std::string_view what);

  TraceFile file_;
  bool have_run_ = false;
  bool run_ended_ = false;
  std::vector<bool> unfinished_;  // per run: no end record
  bool eof_ = false;
  std::uint64_t unknown_fields_ = 0;
  std::uint64_t unknown_records_ = 0;
};

}  // namespace golden::io_detail
