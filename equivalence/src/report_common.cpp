#include "report_common.hpp"

#include <fmt/format.h>

#include <map>

#include "golden/graph/path_report.hpp"

namespace golden::eqv {
namespace {

std::string kib(std::optional<std::uint64_t> kb) {
  if (!kb) return "?";
  if (*kb >= 1024 * 1024) return fmt::format("{:.2f} GiB", static_cast<double>(*kb) / (1024.0 * 1024.0));
  if (*kb >= 1024) return fmt::format("{:.1f} MiB", static_cast<double>(*kb) / 1024.0);
  return fmt::format("{} KiB", *kb);
}

std::optional<double> as_double(std::optional<Nanos> d) {
  if (!d) return std::nullopt;
  return static_cast<double>(d->count());
}

}  // namespace

std::string plural(std::size_t n, std::string_view word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

std::string ratio_text(std::optional<double> r) {
  if (!r) return "-";
  return fmt::format("{:.2f}x", *r);
}

std::vector<PerfRow> perf_rows(const CompareResult& r) {
  const PerfFigures& a = r.perf_a;
  const PerfFigures& b = r.perf_b;
  std::vector<PerfRow> rows;
  auto dur = [](std::optional<Nanos> d, const std::string& note) {
    if (!d) return note.empty() ? std::string("?") : "? (" + note + ")";
    return format_duration(*d) + (note.empty() ? "" : " (" + note + ")");
  };
  rows.push_back({"wall time", dur(a.wall_time, ""), dur(b.wall_time, ""),
                  ratio(as_double(a.wall_time), as_double(b.wall_time))});
  rows.push_back({"critical path", dur(a.critical_path, a.critical_path_note),
                  dur(b.critical_path, b.critical_path_note),
                  ratio(as_double(a.critical_path), as_double(b.critical_path))});
  auto count = [](std::uint64_t n) { return std::optional<double>(static_cast<double>(n)); };
  rows.push_back({"syscalls", std::to_string(a.syscalls), std::to_string(b.syscalls),
                  ratio(count(a.syscalls), count(b.syscalls))});
  std::map<std::string, std::pair<std::uint64_t, std::uint64_t>> classes;
  for (const auto& [k, v] : a.syscalls_by_class) classes[k].first = v;
  for (const auto& [k, v] : b.syscalls_by_class) classes[k].second = v;
  for (const auto& [k, v] : classes)
    rows.push_back({k, std::to_string(v.first), std::to_string(v.second),
                    ratio(count(v.first), count(v.second)), true});
  rows.push_back({"failed syscalls", std::to_string(a.failed_syscalls),
                  std::to_string(b.failed_syscalls),
                  ratio(count(a.failed_syscalls), count(b.failed_syscalls))});
  auto rss = [](std::optional<std::uint64_t> v) -> std::optional<double> {
    if (!v) return std::nullopt;
    return static_cast<double>(*v);
  };
  rows.push_back({"peak RSS", kib(a.peak_rss_kb), kib(b.peak_rss_kb),
                  ratio(rss(a.peak_rss_kb), rss(b.peak_rss_kb))});
  rows.push_back({"processes", std::to_string(a.processes), std::to_string(b.processes),
                  ratio(count(a.processes), count(b.processes))});
  return rows;
}

std::string verdict_text(const CompareResult& r) {
  std::size_t failing = r.failing();
  std::size_t allowed = r.divergences.size() - failing;
  std::string extra = allowed == 0 ? "" : fmt::format(" ({} allowed)", plural(allowed, "divergence"));
  if (failing == 0) return "EQUIVALENT" + extra;
  return fmt::format("DIVERGENT: {}{}", plural(failing, "divergence"),
                     allowed == 0 ? "" : fmt::format(" ({} more allowed)", allowed));
}

std::string seq_text(std::optional<Seq> seq) { return seq ? fmt::format("#{}", *seq) : "-"; }

std::string source_text(const SourceLocation& s) {
  auto base = [](const std::string& path) {
    const auto slash = path.rfind('/');
    return slash == std::string::npos ? path : path.substr(slash + 1);
  };
  auto call = [](const std::string& f) { return f.empty() || f.back() == ')' ? f : f + "()"; };
  std::string out;
  if (!s.file.empty()) {
    out = base(s.file);
    if (s.line > 0) out += fmt::format(":{}", s.line);
  } else if (!s.module.empty()) {
    out = fmt::format("{}+{:#x}", base(s.module), s.offset);
  }
  if (!s.function.empty()) out += (out.empty() ? "" : " ") + call(s.function);
  if (!s.caller.empty()) out += " <- " + call(s.caller);
  return out;
}

std::string divergence_sources(const Divergence& d) {
  std::string out;
  if (d.source_a) out += "A " + source_text(*d.source_a);
  if (d.source_b) out += (out.empty() ? "B " : "; B ") + source_text(*d.source_b);
  return out;
}

std::vector<std::string> alignment_lines(const CompareResult& r, std::size_t max_lines) {
  std::vector<std::string> out;
  for (const PathAlignment& al : r.alignments) {
    if (out.size() == max_lines) {
      out.push_back(fmt::format("... and {} more", r.alignments.size() - max_lines));
      break;
    }
    out.push_back(fmt::format("{} = {} \u2194 {}", al.name, al.a, al.b));
  }
  return out;
}

std::string hunk_header(const Divergence& d) {
  return fmt::format("@@ -{},{} +{},{} @@", d.a_start, d.a_count, d.b_start, d.b_count);
}

std::vector<std::string> hunk_lines(const Divergence& d, std::size_t max_lines) {
  std::vector<std::string> out;
  for (const DiffLine& l : d.lines) {
    if (out.size() >= max_lines) {
      out.push_back(fmt::format("... ({} more lines)", d.lines.size() - max_lines));
      return out;
    }
    out.push_back(std::string(1, l.op) + l.text);
  }
  if (d.lines_truncated) out.push_back("... (hunk cut: too long to keep)");
  return out;
}

}  // namespace golden::eqv
