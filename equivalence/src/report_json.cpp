// The JSON report: everything the text report says, as data (docs/compare.md has the
// schema). Invalid UTF-8 in paths or bytes is replaced, never allowed to fail the dump.
#include <nlohmann/json.hpp>

#include "golden/equivalence/report.hpp"
#include "report_common.hpp"

namespace golden {
namespace {

using nlohmann::ordered_json;

ordered_json opt_seq(std::optional<Seq> s) { return s ? ordered_json(*s) : ordered_json(nullptr); }

ordered_json figures(const PerfFigures& f) {
  ordered_json j;
  j["wall_time_ns"] = f.wall_time ? ordered_json(f.wall_time->count()) : ordered_json(nullptr);
  j["critical_path_ns"] =
      f.critical_path ? ordered_json(f.critical_path->count()) : ordered_json(nullptr);
  if (!f.critical_path_note.empty()) j["critical_path_note"] = f.critical_path_note;
  j["syscalls"] = f.syscalls;
  j["failed_syscalls"] = f.failed_syscalls;
  j["syscalls_by_class"] = f.syscalls_by_class;
  j["peak_rss_kb"] = f.peak_rss_kb ? ordered_json(*f.peak_rss_kb) : ordered_json(nullptr);
  j["processes"] = f.processes;
  j["threads"] = f.threads;
  return j;
}

}  // namespace

std::string render_json(const CompareResult& r, const ReportOptions&) {
  ordered_json j;
  j["format"] = "golden-compare";
  j["version"] = 1;
  j["verdict"] = r.equivalent ? "equivalent" : "divergent";
  j["a"] = r.name_a;
  j["b"] = r.name_b;
  j["failing"] = r.failing();
  j["allowed"] = r.divergences.size() - r.failing();
  ordered_json divs = ordered_json::array();
  for (const Divergence& d : r.divergences) {
    ordered_json x;
    x["category"] = std::string(to_string(d.category));
    x["channel"] = d.channel;
    x["summary"] = d.summary;
    x["processes"] = d.processes;
    x["seq_a"] = opt_seq(d.seq_a);
    x["seq_b"] = opt_seq(d.seq_b);
    for (const auto& [key, src] : {std::pair{"source_a", &d.source_a}, std::pair{"source_b", &d.source_b}}) {
      if (!*src) continue;
      ordered_json sj;
      sj["file"] = (*src)->file;
      sj["line"] = (*src)->line;
      sj["function"] = (*src)->function;
      sj["caller"] = (*src)->caller;
      sj["module"] = (*src)->module;
      sj["offset"] = (*src)->offset;
      x[key] = std::move(sj);
    }
    x["allowed"] = d.allowed;
    if (d.allowed) x["allowed_by"] = d.allowed_by;
    x["hunk"] = {{"a_start", d.a_start}, {"a_count", d.a_count},
                 {"b_start", d.b_start}, {"b_count", d.b_count},
                 {"header", eqv::hunk_header(d)}};
    ordered_json lines = ordered_json::array();
    for (const DiffLine& l : d.lines) {
      ordered_json lj;
      lj["op"] = std::string(1, l.op);
      lj["text"] = l.text;
      if (l.op == ' ') {
        lj["seq_a"] = opt_seq(l.seq);
        lj["seq_b"] = opt_seq(l.seq_b);
      } else {
        lj[l.op == '-' ? "seq_a" : "seq_b"] = opt_seq(l.seq);
      }
      lines.push_back(std::move(lj));
    }
    x["lines"] = std::move(lines);
    x["lines_truncated"] = d.lines_truncated;
    divs.push_back(std::move(x));
  }
  j["divergences"] = std::move(divs);
  ordered_json cats = ordered_json::array();
  for (const CategoryStatus& s : r.categories) {
    cats.push_back({{"name", std::string(to_string(s.category))},
                    {"compared", s.compared},
                    {"items_a", s.items_a},
                    {"items_b", s.items_b},
                    {"divergences", s.divergences},
                    {"allowed", s.allowed}});
  }
  j["categories"] = std::move(cats);
  ordered_json perf;
  perf["a"] = figures(r.perf_a);
  perf["b"] = figures(r.perf_b);
  ordered_json ratios;
  for (const eqv::PerfRow& row : eqv::perf_rows(r))
    ratios[row.name] = row.ratio ? ordered_json(*row.ratio) : ordered_json(nullptr);
  perf["ratios_b_over_a"] = std::move(ratios);
  j["performance"] = std::move(perf);
  ordered_json aligned = ordered_json::array();
  for (const PathAlignment& al : r.alignments)
    aligned.push_back(ordered_json{{"name", al.name}, {"a", al.a}, {"b", al.b}});
  j["alignments"] = std::move(aligned);
  j["notes"] = r.notes;
  j["counters"] = r.counters;
  return j.dump(2, ' ', false, ordered_json::error_handler_t::replace) + "\n";
}

}  // namespace golden
