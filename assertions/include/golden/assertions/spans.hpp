// User spans and annotations in a trace (SPEC §9, golden/model/marker.hpp): instrumented
// programs open and close named spans through the marker syscall, and the allocation
// preload library (tools/golden_alloc) reports its counters as `golden.alloc`
// annotations. The recorder turns both into Event kind Span; this pairs them up.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "golden/model/trace.hpp"

namespace golden {

struct UserSpan {
  std::string name;
  Pid pid;
  Tid tid;
  Seq open_seq = 0;
  std::optional<Seq> close_seq;  // nullopt: never closed (ends with its thread / the run)
  Nanos start{0};                // the open marker's start
  Nanos end{0};                  // the close marker's end
  int depth = 0;                 // nesting inside the thread, 0 = outermost
  Nanos duration() const { return end - start; }
};

struct SpanSet {
  std::vector<UserSpan> spans;  // by open_seq
  std::uint64_t unclosed = 0;   // opens without a close
  std::uint64_t unmatched_closes = 0;
};

// True when the trace holds at least one span open marker (annotations are not spans).
bool has_user_spans(const Trace& trace);
// Pairs opens and closes per thread (a close matches the innermost open of that name).
SpanSet user_spans(const Trace& trace);

// One `golden.alloc` annotation: the counters of one process image (the library reports
// at exit and just before an exec, then starts counting afresh), or — with `span` set —
// what one thread allocated inside one user span (reported when the span closes).
struct AllocReport {
  Pid pid;
  Tid tid;
  Seq seq = 0;
  std::string span;  // "" for a process image's report
  std::map<std::string, std::int64_t> values;  // "malloc", "free", "bytes", "peak_live_bytes", ...
  std::int64_t get(const std::string& key) const;  // 0 when absent
};

std::vector<AllocReport> alloc_reports(const Trace& trace);

// Per process, summed over its images: calls and bytes add up; the peak is the largest
// image's (images of one process do not coexist).
struct ProcessAllocations {
  Pid pid;
  std::uint64_t calls = 0;        // every allocation and free call
  std::uint64_t allocations = 0;  // malloc, calloc, realloc, aligned variants
  std::uint64_t frees = 0;
  std::uint64_t bytes = 0;  // requested bytes, all allocations
  std::uint64_t peak_live_bytes = 0;
  std::uint64_t reports = 0;
};

std::vector<ProcessAllocations> allocations_by_process(const Trace& trace);

// Per-span reports: allocations, frees, requested bytes and the growth of the live heap
// over its level at the span's open ("peak_growth_bytes"), one per closed span.
struct SpanAllocations {
  std::string span;
  Pid pid;
  Tid tid;
  Seq seq = 0;
  std::uint64_t allocations = 0;
  std::uint64_t frees = 0;
  std::uint64_t bytes = 0;
  std::uint64_t peak_growth_bytes = 0;
};

std::vector<SpanAllocations> allocations_by_span(const Trace& trace);

}  // namespace golden
