#include "capture_sink.hpp"

#include <pthread.h>

#include <csignal>
#include <functional>

#include "stop_signals.hpp"

namespace golden::cli {
namespace {

// Often enough that an idle tracee's last events reach the file promptly (the writer's
// own flush_interval decides whether anything is actually due).
constexpr std::chrono::milliseconds kFlushPoll{20};

// The flusher starts with SIGINT/SIGTERM blocked (threads inherit the creator's mask),
// so those signals reach the recorder's thread and interrupt its blocking waits.
std::thread start_with_stop_signals_blocked(std::function<void()> body) {
  sigset_t block, old;
  sigemptyset(&block);
  sigaddset(&block, SIGINT);
  sigaddset(&block, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &block, &old);
  std::thread t(std::move(body));
  pthread_sigmask(SIG_SETMASK, &old, nullptr);
  return t;
}

}  // namespace

CaptureSink::CaptureSink(TraceWriter& writer)
    : writer_(writer), flusher_(start_with_stop_signals_blocked([this] { flusher_loop(); })) {}

CaptureSink::~CaptureSink() { stop_flusher(); }

void CaptureSink::stop_flusher() {
  {
    std::lock_guard lock(mutex_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (flusher_.joinable()) flusher_.join();
}

void CaptureSink::flusher_loop() {
  std::unique_lock lock(mutex_);
  bool flushed_for_stop = false;
  while (!stopping_) {
    wake_.wait_for(lock, kFlushPoll);
    if (stopping_) break;
    // After SIGINT/SIGTERM, push everything out at once: if the recorder then takes
    // long to wind down, or the user loses patience and kills us, it is on disk.
    if (stop_requested() && !flushed_for_stop) {
      writer_.flush();
      flushed_for_stop = true;
    } else {
      writer_.flush_if_due();
    }
  }
}

void CaptureSink::begin_run(const RunInfo& run) {
  {
    std::lock_guard lock(mutex_);
    writer_.begin_run(run);
  }
  runs_.push_back(run);
  for (TraceSink* s : others_) s->begin_run(run);
}

void CaptureSink::event(const Event& event) {
  {
    std::lock_guard lock(mutex_);
    writer_.event(event);
  }
  for (TraceSink* s : others_) s->event(event);
}

void CaptureSink::process(const ProcessInfo& process) {
  {
    std::lock_guard lock(mutex_);
    writer_.process(process);
  }
  for (TraceSink* s : others_) s->process(process);
}

void CaptureSink::edge(const Edge& edge) {
  {
    std::lock_guard lock(mutex_);
    writer_.edge(edge);
  }
  for (TraceSink* s : others_) s->edge(edge);
}

void CaptureSink::end_run(const RunInfo& run) {
  {
    std::lock_guard lock(mutex_);
    writer_.end_run(run);
  }
  if (!runs_.empty() && runs_.back().index == run.index) runs_.back() = run;
  for (TraceSink* s : others_) s->end_run(run);
}

}  // namespace golden::cli
