#include "golden/graph/dot_writer.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>
#include <tuple>
#include <unordered_map>

#include "event_summary.hpp"
#include "graph_impl.hpp"
#include "process_names.hpp"

namespace golden {
namespace {

// A DOT double-quoted string; '\n' becomes a DOT line break. Bytes outside printable
// ASCII are shown as \xNN: Graphviz insists on valid UTF-8, and argv[0] or a path can
// be anything.
std::string quoted(std::string_view text) {
  std::string out = "\"";
  for (char c : text) {
    const auto b = static_cast<unsigned char>(c);
    if (c == '\n') {
      out += "\\n";
    } else if (c == '"' || c == '\\') {
      out += '\\';
      out += c;
    } else if (b >= 0x20 && b < 0x7f) {
      out += c;
    } else {
      out += fmt::format("\\\\x{:02x}", b);
    }
  }
  return out + "\"";
}

std::string_view edge_style(CausalEdgeKind kind) {
  switch (kind) {
    case CausalEdgeKind::Program:
      return "color=gray55, arrowsize=0.5";
    case CausalEdgeKind::Spawn:
      return "color=blue, style=bold";
    case CausalEdgeKind::Reap:
      return "color=darkgreen, style=dashed";
    case CausalEdgeKind::Data:
      return "color=darkorange";
    case CausalEdgeKind::Signal:
      return "color=purple, style=dotted";
  }
  return "";
}

// Node ids: "e<seq>" for an event, "r<first seq>" for a collapsed run.
struct Node {
  std::string id;
  Seq first = 0;
  std::string run_label;  // empty for a single event
};

class DotBuilder {
 public:
  DotBuilder(const CausalGraph& graph, const DotOptions& options)
      : graph_(graph), g_(graph.impl().graph), trace_(graph.trace()), opts_(options) {
    const std::size_t n = trace_.events.size();
    on_path_.assign(n, false);
    node_of_.assign(n, SIZE_MAX);
    if (opts_.highlight) {
      const auto& steps = opts_.highlight->steps;
      for (std::size_t i = 0; i < steps.size(); ++i) {
        if (steps[i].seq < n) on_path_[steps[i].seq] = true;
        if (i > 0 && steps[i].via)
          path_edges_.insert({steps[i - 1].seq, steps[i].seq, *steps[i].via});
      }
    }
  }

  void write(std::ostream& out) {
    build_nodes();
    out << "digraph causal {\n"
           "  rankdir=LR;\n"
           "  graph [fontname=\"Helvetica\", fontsize=11];\n"
           "  node [shape=box, style=rounded, fontsize=10, fontname=\"Helvetica\"];\n"
           "  edge [fontsize=8];\n";
    write_clusters(out);
    write_edges(out);
    out << "}\n";
  }

 private:
  std::optional<Vertex> program_next(Vertex v) const {
    for (auto [it, end] = boost::out_edges(v, g_); it != end; ++it)
      if (g_[*it].kind == CausalEdgeKind::Program) return boost::target(*it, g_);
    return std::nullopt;
  }

  bool collapsible(Vertex v) const { return opts_.collapse_min_run > 0 && !on_path_[v]; }

  // Walks each thread's program-order chain from its head, cutting it into nodes.
  void build_nodes() {
    for (Vertex head = 0; head < boost::num_vertices(g_); ++head) {
      bool has_pred = false;
      for (auto [it, end] = boost::in_edges(head, g_); it != end && !has_pred; ++it)
        has_pred = g_[*it].kind == CausalEdgeKind::Program;
      if (has_pred) continue;
      std::vector<Vertex> chain;
      for (std::optional<Vertex> v = head; v; v = program_next(*v)) chain.push_back(*v);
      cut_chain(chain);
    }
  }

  void cut_chain(const std::vector<Vertex>& chain) {
    const Pid pid = trace_.events[chain.front()].pid;
    // A "run" of one event would only rename it.
    const std::size_t min_run = std::max<std::size_t>(2, opts_.collapse_min_run);
    for (std::size_t i = 0; i < chain.size();) {
      std::size_t j = i;
      while (j < chain.size() && collapsible(chain[j])) ++j;
      if (j - i >= min_run) {
        add_node(pid, {fmt::format("r{}", chain[i]), chain[i], run_label(chain, i, j)}, chain, i,
                 j);
        i = j;
      } else {
        for (const std::size_t stop = std::max(j, i + 1); i < stop; ++i)
          add_node(pid, {fmt::format("e{}", chain[i]), chain[i], {}}, chain, i, i + 1);
      }
    }
  }

  // "37 events #4..#80" and the three most frequent names.
  std::string run_label(const std::vector<Vertex>& chain, std::size_t from, std::size_t to) const {
    std::map<std::string, std::size_t> names;
    for (std::size_t k = from; k < to; ++k) ++names[trace_.events[chain[k]].name];
    std::vector<std::pair<std::size_t, std::string>> top;
    for (auto& [name, count] : names) top.emplace_back(count, name);
    std::stable_sort(top.begin(), top.end(), [](auto& a, auto& b) { return a.first > b.first; });
    std::string label = fmt::format("{} events #{}..#{}", to - from, chain[from], chain[to - 1]);
    for (std::size_t k = 0; k < top.size() && k < 3; ++k)
      label += fmt::format("\n{} x{}", top[k].second, top[k].first);
    if (top.size() > 3) label += "\n...";
    return label;
  }

  void add_node(Pid pid, Node node, const std::vector<Vertex>& chain, std::size_t from,
                std::size_t to) {
    for (std::size_t k = from; k < to; ++k) node_of_[chain[k]] = nodes_.size();
    by_pid_[pid].push_back(nodes_.size());
    nodes_.push_back(std::move(node));
  }

  std::string node_attrs(std::size_t index) const {
    const Node& node = nodes_[index];
    if (!node.run_label.empty())
      return fmt::format("label={}, style=\"rounded,dashed\", color=gray50",
                         quoted(node.run_label));
    const Event& e = trace_.events[node.first];
    std::string attrs =
        fmt::format("label={}, tooltip={}", quoted(fmt::format("#{} {}", e.seq, e.name)),
                    quoted(short_event(e, 40, 200)));
    if (on_path_[node.first])
      attrs += ", color=red, penwidth=2, style=\"rounded,filled\", fillcolor=\"#ffe4e1\"";
    return attrs;
  }

  void write_clusters(std::ostream& out) {
    const ProcessNames names(trace_);
    // Processes in the trace's order, then any pid that only appears in events.
    std::vector<Pid> order;
    std::set<Pid> listed;
    for (const ProcessInfo& p : trace_.processes)
      if (by_pid_.count(p.pid) && listed.insert(p.pid).second) order.push_back(p.pid);
    for (auto& [pid, list] : by_pid_)
      if (listed.insert(pid).second) order.push_back(pid);

    for (Pid pid : order) {
      const std::string& name = names.name(pid);
      out << fmt::format(
          "  subgraph cluster_p{} {{\n    label={};\n    style=rounded; color=gray70;\n", pid.value,
          quoted(fmt::format("pid {} {}", pid.value, name.empty() ? "?" : name)));
      for (std::size_t index : by_pid_[pid])
        out << fmt::format("    {} [{}];\n", nodes_[index].id, node_attrs(index));
      out << "  }\n";
    }
  }

  // Edges between the same two nodes with the same kind (cross edges into or out of
  // collapsed runs) are drawn once, labelled with their number.
  void write_edges(std::ostream& out) {
    struct Drawn {
      std::size_t a, b;
      CausalEdgeKind kind;
      std::size_t count;
      bool on_path;
    };
    std::vector<Drawn> drawn;
    std::map<std::tuple<std::size_t, std::size_t, CausalEdgeKind>, std::size_t> index;
    // In insertion order (graph.edges()), which fixes the order edges are drawn in.
    for (const CausalEdge& edge : graph_.edges()) {
      const Seq u = edge.from, v = edge.to;
      const CausalEdgeKind kind = edge.kind;
      const std::size_t a = node_of_[u], b = node_of_[v];
      if (a == b) continue;  // inside a collapsed run
      auto [slot, fresh] = index.try_emplace({a, b, kind}, drawn.size());
      if (fresh) drawn.push_back({a, b, kind, 0, false});
      Drawn& d = drawn[slot->second];
      ++d.count;
      d.on_path = d.on_path || path_edges_.count({u, v, kind});
    }
    for (const Drawn& d : drawn) {
      std::string attrs(edge_style(d.kind));
      if (d.kind != CausalEdgeKind::Program)
        attrs += fmt::format(", tooltip=\"{}\"", to_string(d.kind));
      if (d.count > 1) attrs += fmt::format(", label=\"x{}\"", d.count);
      if (d.on_path) attrs += ", color=red, penwidth=2.5";
      out << fmt::format("  {} -> {} [{}];\n", nodes_[d.a].id, nodes_[d.b].id, attrs);
    }
  }

  const CausalGraph& graph_;
  const BoostGraph& g_;
  const Trace& trace_;
  const DotOptions& opts_;
  std::vector<bool> on_path_;
  std::set<std::tuple<Seq, Seq, CausalEdgeKind>> path_edges_;
  std::vector<Node> nodes_;
  std::vector<std::size_t> node_of_;  // event -> node index
  std::map<Pid, std::vector<std::size_t>> by_pid_;
};

}  // namespace

void write_dot(std::ostream& out, const CausalGraph& graph, const DotOptions& options) {
  DotBuilder(graph, options).write(out);
}

}  // namespace golden
