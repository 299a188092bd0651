// The sink `golden capture` hands to the recorder: it tees the stream to the trace
// writer and to the optional --text / --summary sinks, remembers the runs it saw (for
// the anomaly counters and to know whether a run began), and keeps the writer flushed
// while the tracee is idle, so a killed capture loses nothing it had recorded.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>
#include <vector>

#include "golden/io/trace_writer.hpp"
#include "golden/model/trace.hpp"

namespace golden::cli {

class CaptureSink : public TraceSink {
 public:
  // `writer` must outlive the sink. Starts the background flusher.
  explicit CaptureSink(TraceWriter& writer);
  ~CaptureSink() override;
  CaptureSink(const CaptureSink&) = delete;
  CaptureSink& operator=(const CaptureSink&) = delete;

  // Also sends the stream to `sink` (not owned), after the writer.
  void add(TraceSink& sink) { others_.push_back(&sink); }

  void begin_run(const RunInfo& run) override;
  void event(const Event& event) override;
  void process(const ProcessInfo& process) override;
  void edge(const Edge& edge) override;
  void end_run(const RunInfo& run) override;

  // Stops the flusher; after this the writer belongs to the caller again (commit...).
  void stop_flusher();

  bool began_run() const { return !runs_.empty(); }
  // The runs seen, as last reported (end_run's RunInfo carries the final counters).
  const std::vector<RunInfo>& runs() const { return runs_; }

 private:
  void flusher_loop();

  TraceWriter& writer_;
  std::vector<TraceSink*> others_;
  std::vector<RunInfo> runs_;
  // The recorder's thread writes records; the flusher thread flushes between them.
  // TraceWriter is not thread-safe, so both go through this mutex.
  std::mutex mutex_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread flusher_;
};

}  // namespace golden::cli
