// The causal DAG of one run (SPEC §5): one vertex per event, an edge for every
// happens-before fact the trace records — program order inside a thread (consecutive
// events of a tid, in seq order) plus the trace's cross-thread edges (spawn, reap,
// data, signal).
//
// Stored in a Boost.Graph compressed_sparse_row_graph behind a pimpl, so this header
// carries no Boost types. Vertex ids are event seqs (events[i].seq == i).
//
// Validation (error policy in docs/architecture.md):
//  - events not numbered densely, an edge naming an event that doesn't exist, or a
//    cycle (including a self-loop) -> Error: no order exists to compute anything on;
//  - an edge, or a program-order step, that goes backwards in Lamport time -> Error by
//    default (the trace contradicts its own clocks); with
//    GraphOptions::reject_lamport_violations = false it is counted and kept;
//  - a negative duration -> counted, the event is treated as instantaneous.
// Building never loops forever: the topological order is Kahn's algorithm, O(V + E).
#pragma once

#include <cstdint>
#include <memory>
#include <string_view>
#include <vector>

#include "golden/model/result.hpp"
#include "golden/model/trace.hpp"

namespace golden {

enum class CausalEdgeKind : std::uint8_t {
  Program,  // consecutive events of one thread
  Spawn,    // EdgeKind::Spawn
  Reap,     // EdgeKind::Reap
  Data,     // EdgeKind::Data
  Signal,   // EdgeKind::Signal
};

std::string_view to_string(CausalEdgeKind kind);
CausalEdgeKind causal_kind(EdgeKind kind);

struct CausalEdge {
  Seq from = 0;
  Seq to = 0;
  CausalEdgeKind kind = CausalEdgeKind::Program;
  friend bool operator==(const CausalEdge&, const CausalEdge&) = default;
};

struct GraphOptions {
  // false: Lamport-inconsistent edges are counted ("graph.lamport_backward_edges") and
  // kept, for looking at a damaged trace rather than refusing it.
  bool reject_lamport_violations = true;
};

// Counter names (in CausalGraph::counters()).
inline constexpr std::string_view kCounterLamportBackward = "graph.lamport_backward_edges";
inline constexpr std::string_view kCounterNegativeDuration = "graph.negative_durations";
inline constexpr std::string_view kCounterDuplicateEdges = "graph.duplicate_edges";

class CausalGraph {
 public:
  // `trace` must outlive the graph: vertices refer to its events.
  static Result<CausalGraph> build(const Trace& trace, const GraphOptions& options = {});
  // A temporary trace would be gone before the graph is used.
  static Result<CausalGraph> build(Trace&&, const GraphOptions& = {}) = delete;

  CausalGraph(CausalGraph&&) noexcept;
  CausalGraph& operator=(CausalGraph&&) noexcept;
  ~CausalGraph();

  const Trace& trace() const;
  std::size_t vertex_count() const;
  std::size_t edge_count() const;
  // Every edge, in insertion order: program order (by target event) first, then the
  // trace's edges as listed.
  std::vector<CausalEdge> edges() const;
  // Edges into / out of one event, in insertion order.
  std::vector<CausalEdge> in_edges(Seq seq) const;
  std::vector<CausalEdge> out_edges(Seq seq) const;
  // All events, causes before effects; deterministic (ties broken by seq).
  const std::vector<Seq>& topological_order() const;
  // Anomalies found while building (names above); never silently dropped.
  const Counters& counters() const;

  // The Boost representation, for the algorithms in src/ (graph_impl.hpp).
  struct Impl;
  const Impl& impl() const { return *impl_; }

 private:
  explicit CausalGraph(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

}  // namespace golden
