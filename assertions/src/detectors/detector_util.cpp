#include "detector_util.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace golden::detail {

const Arg* arg_named(const Event& e, std::string_view name) {
  for (const Arg& a : e.args)
    if (a.name == name) return &a;
  return nullptr;
}

const Arg* first_arg(const Event& e, ArgKind kind) {
  for (const Arg& a : e.args)
    if (a.kind == kind) return &a;
  return nullptr;
}

std::string fd_label(const Event& e) {
  const Arg* fd = first_arg(e, ArgKind::Fd);
  if (fd == nullptr) return {};
  return fd->str.empty() ? fmt::format("{}", fd->raw) : fmt::format("{} ({})", fd->raw, fd->str);
}

std::map<Tid, std::vector<const Event*>> events_by_thread(const Trace& trace,
                                                          const ProcessFilter& filter) {
  std::map<Tid, std::vector<const Event*>> out;
  for (const Event& e : trace.events)
    if (filter.selects(e.pid)) out[e.tid].push_back(&e);
  return out;
}

double saturate(double n, double half) {
  return n <= 0 ? 0.0 : n / (n + half);
}
double clamp01(double v) {
  return std::clamp(v, 0.0, 1.0);
}

void describe_where(Finding& f, const ProcessNames& names) {
  std::string w = fmt::format("run {}", f.run);
  if (f.pid) w += ", " + describe_process(names, *f.pid);
  if (f.tid && (!f.pid || f.tid->value != f.pid->value)) w += fmt::format(", tid {}", f.tid->value);
  if (!f.fd.empty()) w += ", fd " + f.fd;
  if (!f.path.empty()) w += ", " + f.path;
  if (f.first_seq) {
    w += f.last_seq && *f.last_seq != *f.first_seq
             ? fmt::format(", seq {}..{}", *f.first_seq, *f.last_seq)
             : fmt::format(", seq {}", *f.first_seq);
  }
  f.where = std::move(w);
}

void sort_findings(std::vector<Finding>& findings) {
  std::stable_sort(findings.begin(), findings.end(), [](const Finding& a, const Finding& b) {
    if (a.confidence != b.confidence) return a.confidence > b.confidence;
    return a.first_seq.value_or(0) < b.first_seq.value_or(0);
  });
}

}  // namespace golden::detail
