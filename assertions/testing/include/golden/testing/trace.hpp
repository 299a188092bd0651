// golden::testing::Trace: one recorded run of a program, as a test holds it — captured
// by capture() or read from a trace file — and what it did (its observable effects, as
// comparison sees them). Cheap to copy: copies share the recorded data.
#pragma once

#include <iosfwd>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>

#include "golden/equivalence/observed.hpp"
#include "golden/model/trace.hpp"

namespace golden::testing {

// A trace that cannot be recorded, read or written (command not found, a timeout, an
// unreadable file). Thrown: GoogleTest reports it as the test's failure, with this text.
class TraceError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

class Trace {
 public:
  // Reads a trace file (.json, .json.zst, renacer-json-v1); its first run is the one
  // compared and matched. Throws TraceError.
  static Trace load(const std::string& path);
  // `name` is what reports call it ("./tool in.txt" for a capture, a file's path).
  Trace(TraceFile file, std::string name);

  const TraceFile& file() const;
  // The first (usually the only) run.
  const golden::Trace& run() const;
  const std::string& name() const;
  // The program's status as a shell's $? (code, or 128+N when killed by signal N).
  std::optional<int> exit_status() const;
  // What the run did, before templating (files, streams, network, signals); computed
  // on first use.
  const ObservedEffects& effects() const;
  // What capture() collected from the program's stdout and stderr pipes, whole (the
  // trace keeps written bytes up to its limits); empty for a loaded trace.
  const std::string& stdout_text() const;
  const std::string& stderr_text() const;
  // Writes the trace to a file (.json or .json.zst), completely or not at all. Throws.
  void save(const std::string& path) const;

  // For capture(): the pipes' bytes.
  void set_output(std::string out, std::string err);

 private:
  struct Data;
  std::shared_ptr<Data> data_;
};

// How GoogleTest prints a Trace in a failure: one line, never the events.
void PrintTo(const Trace& trace, std::ostream* os);

}  // namespace golden::testing
