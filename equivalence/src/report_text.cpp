// The text report: verdict first, then each divergence with its place and a unified
// diff, the effect categories, performance side by side, notes. ANSI colours only when
// asked (the CLI asks on a tty or with --color=always).
#include <fmt/format.h>

#include "golden/equivalence/report.hpp"
#include "report_common.hpp"

namespace golden {
namespace {

struct Palette {
  bool on;
  std::string wrap(std::string_view code, std::string_view s) const {
    return on ? fmt::format("\x1b[{}m{}\x1b[0m", code, s) : std::string(s);
  }
  std::string red(std::string_view s) const { return wrap("31", s); }
  std::string green(std::string_view s) const { return wrap("32", s); }
  std::string cyan(std::string_view s) const { return wrap("36", s); }
  std::string yellow(std::string_view s) const { return wrap("33", s); }
  std::string bold(std::string_view s) const { return wrap("1", s); }
  std::string dim(std::string_view s) const { return wrap("2", s); }
};

}  // namespace

std::string render_text(const CompareResult& r, const ReportOptions& options) {
  using namespace eqv;
  Palette p{options.color};
  std::string out;
  out += fmt::format("golden compare: A = {}, B = {}\n", r.name_a, r.name_b);
  std::string verdict = verdict_text(r);
  out += (r.equivalent ? p.green(p.bold(verdict)) : p.red(p.bold(verdict))) + "\n";
  // Why two different paths were taken as one: listed before any divergence.
  if (!r.alignments.empty()) {
    out += "paths aligned (A \u2194 B):\n";
    for (const std::string& line : alignment_lines(r, 20)) out += "  " + sanitize_text(line) + "\n";
  }

  std::size_t n = 0;
  for (const Divergence& d : r.divergences) {
    if (options.max_divergences != 0 && n == options.max_divergences) {
      out += fmt::format("\n... and {} more\n", plural(r.divergences.size() - n, "divergence"));
      break;
    }
    out += "\n";
    std::string tag = d.allowed ? p.yellow("[allowed] ") : "";
    out += fmt::format("{} {}{}\n", p.bold(fmt::format("[{}]", ++n)), tag, p.bold(d.summary));
    // A handful of process keys says where; a launcher tree of 40 would drown it.
    std::string procs;
    for (std::size_t i = 0; i < d.processes.size() && i < 5; ++i)
      procs += (procs.empty() ? "" : ", ") + d.processes[i];
    if (d.processes.size() > 5) procs += fmt::format(" and {} more", d.processes.size() - 5);
    out += fmt::format("    where: {} ({}){}; event A {}, B {}\n", d.channel, to_string(d.category),
                       procs.empty() ? "" : "; process " + procs, seq_text(d.seq_a),
                       seq_text(d.seq_b));
    if (const std::string at = divergence_sources(d); !at.empty())
      out += "    at: " + sanitize_text(at) + "\n";
    if (d.allowed) out += fmt::format("    allowed by: {}\n", d.allowed_by);
    out += "    " + p.cyan(hunk_header(d)) + "\n";
    for (const std::string& line : hunk_lines(d, options.max_hunk_lines)) {
      std::string shown = sanitize_text(line);
      if (!line.empty() && line[0] == '-') shown = p.red(shown);
      else if (!line.empty() && line[0] == '+') shown = p.green(shown);
      out += "    " + shown + "\n";
    }
  }

  if (!options.tables) {
    if (!r.notes.empty()) out += "\n";
    for (const std::string& note : r.notes) out += "note: " + sanitize_text(note) + "\n";
    return out;
  }
  out += "\n" + p.bold("Effects compared") + "\n";
  out += fmt::format("  {:<14} {:<30} {:>7} {:>7}\n", "", "", "A", "B");
  for (const CategoryStatus& s : r.categories) {
    // Padded before colouring: escape sequences must not count as width.
    std::string status;
    if (!s.compared) {
      status = "relaxed (not compared)";
    } else if (s.divergences > 0) {
      status = plural(s.divergences, "divergence");
    } else {
      status = "ok";
    }
    if (s.allowed > 0) status += fmt::format(", {} allowed", s.allowed);
    status = fmt::format("{:<30}", status);
    status = !s.compared ? p.dim(status) : s.divergences > 0 ? p.red(status) : p.green(status);
    out += fmt::format("  {:<14} {} {:>7} {:>7}\n", to_string(s.category), status, s.items_a,
                       s.items_b);
  }

  out += "\n" + p.bold(fmt::format("{:<20}", "Performance")) +
         fmt::format(" {:>18} {:>18} {:>9}\n", "A", "B", "B/A");
  for (const PerfRow& row : perf_rows(r)) {
    std::string name = row.sub ? "    " + row.name : "  " + row.name;
    out += fmt::format("{:<20} {:>18} {:>18} {:>9}\n", name, row.a, row.b, ratio_text(row.ratio));
  }
  if (!r.notes.empty()) {
    out += "\n" + p.bold("Notes") + "\n";
    for (const std::string& note : r.notes) out += "  - " + sanitize_text(note) + "\n";
  }
  return out;
}

std::string render_report(const CompareResult& r, ReportFormat format, const ReportOptions& options) {
  switch (format) {
    case ReportFormat::Text: return render_text(r, options);
    case ReportFormat::Json: return render_json(r, options);
    case ReportFormat::Junit: return render_junit(r, options);
    case ReportFormat::Html: return render_html(r, options);
    case ReportFormat::Github: return render_github(r);
  }
  return render_text(r, options);
}

}  // namespace golden
