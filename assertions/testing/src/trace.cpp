#include "golden/testing/trace.hpp"

#include <fmt/format.h>

#include <mutex>
#include <ostream>

#include "golden/io/trace_reader.hpp"
#include "golden/io/trace_writer.hpp"

namespace golden::testing {

struct Trace::Data {
  TraceFile file;
  std::string name;
  std::string out, err;
  std::once_flag observed_once;
  ObservedEffects observed;
};

Trace::Trace(TraceFile file, std::string name) : data_(std::make_shared<Data>()) {
  if (file.runs.empty()) throw TraceError(name + ": the trace holds no run");
  data_->file = std::move(file);
  data_->name = std::move(name);
}

Trace Trace::load(const std::string& path) {
  Result<TraceFile> file = read_trace(path);
  if (!file) {
    Error e = file.error();
    if (e.where.empty()) e.where = path;
    throw TraceError(e.to_string());
  }
  return Trace(std::move(file).value(), path);
}

const TraceFile& Trace::file() const { return data_->file; }
const golden::Trace& Trace::run() const { return data_->file.runs.front(); }
const std::string& Trace::name() const { return data_->name; }
std::optional<int> Trace::exit_status() const { return run().run.exit_status; }

const ObservedEffects& Trace::effects() const {
  std::call_once(data_->observed_once,
                 [this] { data_->observed = observe(run(), data_->file.header); });
  return data_->observed;
}

const std::string& Trace::stdout_text() const { return data_->out; }
const std::string& Trace::stderr_text() const { return data_->err; }

void Trace::save(const std::string& path) const {
  if (Status written = write_trace(data_->file, path); !written)
    throw TraceError(written.error().to_string());
}

void Trace::set_output(std::string out, std::string err) {
  data_->out = std::move(out);
  data_->err = std::move(err);
}

void PrintTo(const Trace& trace, std::ostream* os) {
  const golden::Trace& run = trace.run();
  const std::optional<int> status = trace.exit_status();
  *os << fmt::format("trace of {} ({}, {} events, {} processes)", trace.name(),
                     status ? fmt::format("exit status {}", *status) : std::string("no exit status"),
                     run.events.size(), run.processes.size());
}

}  // namespace golden::testing
