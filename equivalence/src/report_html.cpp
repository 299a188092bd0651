// One self-contained HTML page: inline CSS, no scripts, fonts or other resources, so
// it can be attached to a CI run and read offline.
#include <fmt/format.h>

#include "golden/equivalence/report.hpp"
#include "report_common.hpp"

namespace golden {
namespace {

constexpr const char* kStyle = R"(
body{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;margin:2em;color:#1f2328;background:#fff}
h1{font-size:1.4em;margin:0 0 .3em}
h2{font-size:1.15em;margin:1.6em 0 .5em;border-bottom:1px solid #d0d7de;padding-bottom:.2em}
.verdict{display:inline-block;padding:.35em .8em;border-radius:6px;font-weight:600;color:#fff}
.ok{background:#1a7f37}.bad{background:#cf222e}.warn{background:#9a6700}
table{border-collapse:collapse;margin:.5em 0}
th,td{border:1px solid #d0d7de;padding:.25em .6em;text-align:left;vertical-align:top}
th{background:#f6f8fa}td.num{text-align:right;font-variant-numeric:tabular-nums}
.div{border:1px solid #d0d7de;border-radius:6px;margin:1em 0;padding:.6em .9em}
.div.allowed{border-color:#d4a72c;background:#fff8c5}
.meta{color:#57606a;font-size:.9em;margin:.2em 0 .5em}
pre{background:#f6f8fa;padding:.5em;overflow-x:auto;font-size:.85em;line-height:1.35;margin:0}
pre span{display:block;white-space:pre}
.del{background:#ffebe9;color:#82071e}.ins{background:#dafbe1;color:#116329}.hdr{color:#0550ae}
.seq{color:#8c959f;display:inline-block;min-width:9em}
.relaxed{color:#8c959f}
)";

std::string esc(std::string_view s) { return xml_escape(s); }

}  // namespace

std::string render_html(const CompareResult& r, const ReportOptions& options) {
  using namespace eqv;
  std::string out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n";
  out += fmt::format("<title>golden compare: {}</title>\n", esc(verdict_text(r)));
  out += fmt::format("<style>{}</style>\n</head>\n<body>\n", kStyle);
  out += "<h1>golden compare</h1>\n";
  out += fmt::format("<p>A = <code>{}</code><br>B = <code>{}</code></p>\n", esc(r.name_a),
                     esc(r.name_b));
  out += fmt::format("<p><span class=\"verdict {}\">{}</span></p>\n", r.equivalent ? "ok" : "bad",
                     esc(verdict_text(r)));

  out += "<h2>Effects compared</h2>\n<table>\n<tr><th>category</th><th>what</th><th>status</th>"
         "<th>items A</th><th>items B</th></tr>\n";
  for (const CategoryStatus& s : r.categories) {
    std::string status = !s.compared        ? "<span class=\"relaxed\">relaxed</span>"
                         : s.divergences > 0 ? fmt::format("<b>{}</b>", plural(s.divergences, "divergence"))
                                             : std::string("ok");
    if (s.allowed > 0) status += fmt::format(", {} allowed", s.allowed);
    out += fmt::format("<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"num\">{}</td>"
                       "<td class=\"num\">{}</td></tr>\n",
                       to_string(s.category), esc(describe(s.category)), status, s.items_a,
                       s.items_b);
  }
  out += "</table>\n";

  if (!r.divergences.empty()) {
    out += "<h2>Divergences</h2>\n";
    std::size_t n = 0;
    for (const Divergence& d : r.divergences) {
      out += fmt::format("<div class=\"div{}\" id=\"d{}\">\n", d.allowed ? " allowed" : "", ++n);
      out += fmt::format("<b>[{}]{} {}</b>\n", n, d.allowed ? " allowed:" : "", esc(d.summary));
      std::string procs;
      for (const std::string& k : d.processes) procs += (procs.empty() ? "" : ", ") + k;
      out += fmt::format("<div class=\"meta\">where: <code>{}</code> ({}){}; event A {}, B {}{}</div>\n",
                         esc(d.channel), to_string(d.category),
                         procs.empty() ? "" : "; process <code>" + esc(procs) + "</code>",
                         seq_text(d.seq_a), seq_text(d.seq_b),
                         d.allowed ? "<br>allowed by " + esc(d.allowed_by) : "");
      out += "<pre>";
      out += fmt::format("<span class=\"hdr\">{}</span>", esc(hunk_header(d)));
      std::size_t shown = 0;
      for (const DiffLine& l : d.lines) {
        if (shown++ >= options.max_hunk_lines) {
          out += fmt::format("<span>... ({} more lines)</span>", d.lines.size() - options.max_hunk_lines);
          break;
        }
        std::string seqs = l.op == ' '  ? fmt::format("A{} B{}", seq_text(l.seq), seq_text(l.seq_b))
                           : l.op == '-' ? fmt::format("A{}", seq_text(l.seq))
                                         : fmt::format("B{}", seq_text(l.seq));
        const char* cls = l.op == '-' ? " class=\"del\"" : l.op == '+' ? " class=\"ins\"" : "";
        out += fmt::format("<span{}><span class=\"seq\">{}</span>{}{}</span>", cls, seqs, l.op,
                           esc(l.text));
      }
      out += "</pre>\n</div>\n";
    }
  }

  out += "<h2>Performance</h2>\n<table>\n<tr><th></th><th>A</th><th>B</th><th>B/A</th></tr>\n";
  for (const PerfRow& row : perf_rows(r)) {
    out += fmt::format("<tr><td>{}{}</td><td class=\"num\">{}</td><td class=\"num\">{}</td>"
                       "<td class=\"num\">{}</td></tr>\n",
                       row.sub ? "&nbsp;&nbsp;&nbsp;" : "", esc(row.name), esc(row.a), esc(row.b),
                       ratio_text(row.ratio));
  }
  out += "</table>\n";
  if (!r.alignments.empty()) {
    out += "<h2>Paths aligned (A &harr; B)</h2>\n<ul>\n";
    for (const std::string& line : alignment_lines(r, 200)) out += "<li>" + esc(line) + "</li>\n";
    out += "</ul>\n";
  }
  if (!r.notes.empty()) {
    out += "<h2>Notes</h2>\n<ul>\n";
    for (const std::string& note : r.notes) out += "<li>" + esc(note) + "</li>\n";
    out += "</ul>\n";
  }
  out += "</body>\n</html>\n";
  return out;
}

}  // namespace golden
