// Pairing span markers and reading allocation annotations (golden/model/marker.hpp).
#include "golden/assertions/spans.hpp"

#include <algorithm>
#include <charconv>
#include <unordered_map>

#include "golden/model/marker.hpp"

namespace golden {
namespace {

constexpr int kOpen = static_cast<int>(MarkerOp::SpanOpen);
constexpr int kClose = static_cast<int>(MarkerOp::SpanClose);
constexpr int kAnnotation = static_cast<int>(MarkerOp::Annotation);

bool is_span_event(const Event& e, int op) {
  return e.kind == EventKind::Span && e.nr == op;
}

std::optional<std::int64_t> arg_number(const Arg& a) {
  if (a.kind == ArgKind::Int || a.kind == ArgKind::UInt || a.kind == ArgKind::Hex) return a.raw;
  // A String arg holding digits (a recorder that keeps every value as text).
  const std::string& s = !a.str.empty() ? a.str : a.text;
  std::int64_t v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc{} || end != s.data() + s.size()) return std::nullopt;
  return v;
}

}  // namespace

bool has_user_spans(const Trace& trace) {
  return std::any_of(trace.events.begin(), trace.events.end(),
                     [](const Event& e) { return is_span_event(e, kOpen); });
}

SpanSet user_spans(const Trace& trace) {
  SpanSet out;
  // Per thread, the indexes (into out.spans) of the spans still open, innermost last.
  std::unordered_map<Tid, std::vector<std::size_t>> open;
  std::unordered_map<Tid, Nanos> thread_end;
  for (const Event& e : trace.events) {
    Nanos& end = thread_end[e.tid];
    end = std::max(end, e.end());
    if (is_span_event(e, kOpen)) {
      auto& stack = open[e.tid];
      UserSpan s;
      s.name = e.name;
      s.pid = e.pid;
      s.tid = e.tid;
      s.open_seq = e.seq;
      s.start = e.start;
      s.end = e.end();
      s.depth = static_cast<int>(stack.size());
      stack.push_back(out.spans.size());
      out.spans.push_back(std::move(s));
    } else if (is_span_event(e, kClose)) {
      auto& stack = open[e.tid];
      // The innermost open span of that name; spans closed out of order still pair.
      auto it = std::find_if(stack.rbegin(), stack.rend(),
                             [&](std::size_t i) { return out.spans[i].name == e.name; });
      if (it == stack.rend()) {
        ++out.unmatched_closes;
        continue;
      }
      UserSpan& s = out.spans[*it];
      s.close_seq = e.seq;
      s.end = e.end();
      stack.erase(std::next(it).base());
    }
  }
  // Spans never closed last until their thread's last event (a killed program).
  for (auto& [tid, stack] : open) {
    for (std::size_t i : stack) {
      out.spans[i].end = std::max(out.spans[i].end, thread_end[tid]);
      ++out.unclosed;
    }
  }
  return out;
}

std::int64_t AllocReport::get(const std::string& key) const {
  auto it = values.find(key);
  return it == values.end() ? 0 : it->second;
}

std::vector<AllocReport> alloc_reports(const Trace& trace) {
  std::vector<AllocReport> out;
  for (const Event& e : trace.events) {
    if (!is_span_event(e, kAnnotation) || e.name != kAllocTopic) continue;
    AllocReport r;
    r.pid = e.pid;
    r.tid = e.tid;
    r.seq = e.seq;
    for (const Arg& a : e.args) {
      if (a.name == "span") r.span = !a.str.empty() ? a.str : a.text;
      else if (auto v = arg_number(a)) r.values[a.name] = *v;
    }
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<ProcessAllocations> allocations_by_process(const Trace& trace) {
  static const char* const kAllocKeys[] = {"malloc",       "calloc",         "realloc",
                                           "reallocarray", "posix_memalign", "aligned_alloc",
                                           "memalign",     "valloc",         "pvalloc"};
  std::vector<ProcessAllocations> out;
  std::unordered_map<Pid, std::size_t> index;
  for (const AllocReport& r : alloc_reports(trace)) {
    if (!r.span.empty()) continue;  // a span's figures are part of its process's already
    auto [it, fresh] = index.try_emplace(r.pid, out.size());
    if (fresh) out.push_back(ProcessAllocations{.pid = r.pid});
    ProcessAllocations& p = out[it->second];
    auto nonneg = [](std::int64_t v) {
      return static_cast<std::uint64_t>(std::max<std::int64_t>(v, 0));
    };
    std::uint64_t allocations = 0;
    for (const char* k : kAllocKeys) allocations += nonneg(r.get(k));
    p.allocations += allocations;
    p.frees += nonneg(r.get("free"));
    p.calls += allocations + nonneg(r.get("free"));
    p.bytes += nonneg(r.get("bytes"));
    p.peak_live_bytes = std::max(p.peak_live_bytes, nonneg(r.get("peak_live_bytes")));
    ++p.reports;
  }
  return out;
}

std::vector<SpanAllocations> allocations_by_span(const Trace& trace) {
  std::vector<SpanAllocations> out;
  auto nonneg = [](std::int64_t v) { return static_cast<std::uint64_t>(std::max<std::int64_t>(v, 0)); };
  for (const AllocReport& r : alloc_reports(trace)) {
    if (r.span.empty()) continue;
    out.push_back(SpanAllocations{.span = r.span,
                                  .pid = r.pid,
                                  .tid = r.tid,
                                  .seq = r.seq,
                                  .allocations = nonneg(r.get("allocations")),
                                  .frees = nonneg(r.get("frees")),
                                  .bytes = nonneg(r.get("bytes")),
                                  .peak_growth_bytes = nonneg(r.get("peak_growth_bytes"))});
  }
  return out;
}

}  // namespace golden
