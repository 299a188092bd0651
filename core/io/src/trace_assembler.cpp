#include "trace_assembler.hpp"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

#include "header_parse.hpp"

namespace golden::io_detail {
namespace {

void check_seq_known(Seq seq, const Trace& trace, std::string_view what) {
  if (seq >= trace.events.size())
    fail(std::string(what) + " refers to event " + std::to_string(seq) +
         ", which comes later or not at all (" + std::to_string(trace.events.size()) +
         " events so far)");
}

// A truncated capture loses the process records of processes still running (they are
// written when a process ends). Rebuild what the events tell: pid, threads, time span.
std::uint64_t rebuild_processes(Trace& trace) {
  std::unordered_set<std::int32_t> known;
  for (const ProcessInfo& p : trace.processes) known.insert(p.pid.value);
  std::unordered_map<std::int32_t, std::size_t> rebuilt_at;
  std::vector<ProcessInfo> rebuilt;
  for (const Event& e : trace.events) {
    if (e.pid.value == 0 || known.count(e.pid.value) != 0) continue;
    auto [it, inserted] = rebuilt_at.try_emplace(e.pid.value, rebuilt.size());
    if (inserted) {
      ProcessInfo p;
      p.pid = e.pid;
      p.start = e.start;
      p.end = e.end();
      rebuilt.push_back(std::move(p));
    }
    ProcessInfo& p = rebuilt[it->second];
    p.start = std::min(p.start, e.start);
    p.end = std::max(p.end, e.end());
    if (std::find(p.threads.begin(), p.threads.end(), e.tid) == p.threads.end()) {
      // The model lists the leader first.
      if (e.tid.value == e.pid.value)
        p.threads.insert(p.threads.begin(), e.tid);
      else
        p.threads.push_back(e.tid);
    }
  }
  for (ProcessInfo& p : rebuilt) trace.processes.push_back(std::move(p));
  return rebuilt.size();
}

}  // namespace

void TraceAssembler::header(const Json& obj) {
  file_.header = parse_header(obj, unknown_fields_);
}

Trace& TraceAssembler::current(std::string_view what) {
  if (!have_run_) fail(std::string(what) + " record before any run record");
  if (run_ended_)
    fail(std::string(what) + " record after the end of run " +
         std::to_string(file_.runs.back().run.index));
  return file_.runs.back();
}

void TraceAssembler::check_start(std::string_view type) {
  if (eof_) fail("\"" + std::string(type) + "\" record after the eof record");
  if (type == "event" || type == "edge" || type == "process" || type == "end") current(type);
}

void TraceAssembler::add(DecodedRecord&& r) {
  check_start(r.type_name);
  unknown_fields_ += r.unknown_fields;
  switch (r.type) {
    case RecordType::Event:
      add_event(std::get<Event>(std::move(r.body)));
      break;
    case RecordType::Edge:
      add_edge(std::get<Edge>(r.body));
      break;
    case RecordType::Process:
      add_process(std::get<ProcessInfo>(std::move(r.body)));
      break;
    case RecordType::Run:
      add_run(std::get<RunInfo>(std::move(r.body)));
      break;
    case RecordType::End:
      add_end(r.end_index, std::get<RunInfo>(std::move(r.body)));
      break;
    case RecordType::Eof:
      eof_ = true;
      break;
    case RecordType::Unknown:
      ++unknown_records_;
      break;  // a newer writer's type: skip it, but say so
    case RecordType::None:
      fail("record without a \"type\"");  // the decoder reports these itself
  }
}

void TraceAssembler::add_event(Event&& e) {
  Trace& trace = current("event");
  // events[i].seq == i is what every analysis indexes by.
  if (e.seq != trace.events.size())
    fail("event seq " + std::to_string(e.seq) + " out of order (expected " +
         std::to_string(trace.events.size()) + ")");
  trace.events.push_back(std::move(e));
}

void TraceAssembler::add_edge(const Edge& edge) {
  Trace& trace = current("edge");
  check_seq_known(edge.from, trace, "edge");
  check_seq_known(edge.to, trace, "edge");
  trace.edges.push_back(edge);
}

void TraceAssembler::add_process(ProcessInfo&& p) {
  Trace& trace = current("process");
  if (p.created_by) check_seq_known(*p.created_by, trace, "process created_by");
  for (const ExecRecord& x : p.execs) check_seq_known(x.seq, trace, "process exec");
  trace.processes.push_back(std::move(p));
}

void TraceAssembler::add_run(RunInfo&& run) {
  if (run.index != file_.runs.size())
    fail("run " + std::to_string(run.index) + " out of order (expected run " +
         std::to_string(file_.runs.size()) + ")");
  file_.runs.emplace_back();
  file_.runs.back().run = std::move(run);
  unfinished_.push_back(true);
  have_run_ = true;
  run_ended_ = false;
}

void TraceAssembler::add_end(std::uint32_t index, RunInfo&& fields) {
  Trace& trace = current("end");
  if (index != trace.run.index)
    fail("end record for run " + std::to_string(index) + " inside run " +
         std::to_string(trace.run.index));
  trace.run.wall_time = fields.wall_time;
  trace.run.exit_status = fields.exit_status;
  trace.run.counters = std::move(fields.counters);
  run_ended_ = true;
  unfinished_.back() = false;
}

TraceFile TraceAssembler::finish() {
  file_.truncated = !eof_;
  Counters& c = file_.counters;
  if (file_.truncated) c["reader.truncated"] = 1;
  std::uint64_t unfinished = 0;
  for (bool u : unfinished_) unfinished += u;
  if (unfinished != 0) c["reader.run_unfinished"] += unfinished;
  if (unknown_fields_ != 0) c["reader.unknown_field"] += unknown_fields_;
  if (unknown_records_ != 0) c["reader.unknown_record"] += unknown_records_;
  // A complete run's process records are authoritative (an attached process that was
  // still running at detach has none); only a run cut short lost records.
  if (file_.header.has_pids) {
    std::uint64_t rebuilt = 0;
    for (std::size_t i = 0; i < file_.runs.size(); ++i)
      if (unfinished_[i]) rebuilt += rebuild_processes(file_.runs[i]);
    if (rebuilt != 0) c["reader.process_rebuilt"] += rebuilt;
  }
  // Records are written when each process finishes; the model promises start order.
  for (Trace& trace : file_.runs)
    std::stable_sort(trace.processes.begin(), trace.processes.end(),
                     [](const ProcessInfo& a, const ProcessInfo& b) { return a.start < b.start; });
  return std::move(file_);
}

}  // namespace golden::io_detail
