#include "golden/text/call_table.hpp"

#include <algorithm>
#include <cinttypes>
#include <cstdio>
#include <vector>

namespace golden {
namespace {

// strace keeps times as timespecs and converts them with ts_float; doing the same
// conversion keeps the printed digits identical in the last place.
double seconds_of(Nanos t) {
  const std::int64_t ns = t.count();
  return static_cast<double>(ns / 1000000000) + static_cast<double>(ns % 1000000000) / 1e9;
}

// strace's per-row average: ts_div rounds to the nearest nanosecond, then the float
// microseconds are truncated.
std::uint64_t usecs_per_call(const CallStats& s) {
  if (s.calls == 0) return 0;
  const auto n = static_cast<std::int64_t>(s.calls);
  const Nanos avg{(s.time.count() + n / 2) / n};
  return static_cast<std::uint64_t>(seconds_of(avg) * 1e6);
}

template <class... A>
std::string cell(const char* format, A... args) {
  char buf[160];
  std::snprintf(buf, sizeof buf, format, args...);
  return buf;
}

std::size_t width_of(std::uint64_t v) { return cell("%" PRIu64, v).size(); }

struct Widths {
  int percent = 6;  // "100.00"
  int seconds = 11;
  int usecs = 11;
  int calls = 9;
  int errors = 9;
  int label = 16;
};

void rule(std::string& out, const Widths& w) {
  bool first = true;
  for (int width : {w.percent, w.seconds, w.usecs, w.calls, w.errors, w.label}) {
    if (!first) out += ' ';
    first = false;
    out.append(static_cast<std::size_t>(width), '-');
  }
  out += '\n';
}

void row(std::string& out, const Widths& w, double percent, const CallStats& s,
         std::uint64_t usecs, std::string_view label) {
  // "%.0" for errors: a zero count prints as blanks, as in strace.
  out += cell("%*.2f %*.6f %*" PRIu64 " %*" PRIu64 " %*.0" PRIu64 " ", w.percent, percent,
              w.seconds, seconds_of(s.time), w.usecs, usecs, w.calls, s.calls, w.errors,
              s.errors);
  out += label;
  out += '\n';
}

}  // namespace

bool CallStats::counts(const Event& event) {
  return event.kind == EventKind::Syscall && event.finished;
}

void CallStats::add(const Event& event) {
  if (!counts(event)) return;
  ++calls;
  if (event.failed()) ++errors;
  // A negative duration (clock trouble) counts as zero, like strace's ts_max(wts, 0).
  time += std::max(event.duration, Nanos{0});
}

void CallStats::merge(const CallStats& other) {
  calls += other.calls;
  errors += other.errors;
  time += other.time;
}

std::string render_call_table(std::span<const CallRow> rows, const CallStats& total,
                              std::string_view label_header) {
  const double total_seconds = seconds_of(total.time);
  Widths w;
  std::uint64_t max_usecs = 0;
  std::size_t max_label = 0;
  for (const CallRow& r : rows) {
    max_usecs = std::max(max_usecs, usecs_per_call(r.stats));
    max_label = std::max(max_label, r.label.size());
  }
  w.seconds = std::max<int>(w.seconds, static_cast<int>(cell("%.6f", total_seconds).size()));
  w.usecs = std::max<int>(w.usecs, static_cast<int>(width_of(max_usecs)));
  w.calls = std::max<int>(w.calls, static_cast<int>(width_of(total.calls)));
  w.errors = std::max<int>(w.errors, static_cast<int>(width_of(total.errors)));
  w.label = std::max<int>(w.label, static_cast<int>(max_label + 1));

  std::string out = cell("%*s %*s %*s %*s %*s ", w.percent, "% time", w.seconds, "seconds",
                         w.usecs, "usecs/call", w.calls, "calls", w.errors, "errors");
  out += label_header;
  out += '\n';
  rule(out, w);
  for (const CallRow& r : rows) {
    double percent = 100.0 * seconds_of(r.stats.time);
    // 0/0 would be NaN when every call took no measurable time.
    if (percent != 0.0) percent /= total_seconds;
    row(out, w, percent, r.stats, usecs_per_call(r.stats), r.label);
  }
  rule(out, w);
  // The total's average is not rounded first (strace divides the float total).
  const auto total_usecs =
      total.calls == 0
          ? std::uint64_t{0}
          : static_cast<std::uint64_t>(total_seconds / static_cast<double>(total.calls) * 1e6);
  row(out, w, 100.0, total, total_usecs, "total");
  return out;
}

}  // namespace golden
