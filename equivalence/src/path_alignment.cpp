// Aligning two runs' path templates before comparison (SPEC §5): paths are parameters
// of a run, chosen by whoever ran it, so the same part must get the same name in both
// runs whatever the directories were called.
#include <algorithm>
#include <map>
#include <memory>
#include <set>

#include "path_templates.hpp"
#include "path_util.hpp"

namespace golden::eqv {
namespace {

// The names seen below a temp root that no template explains, as a tree.
struct NameTree {
  std::vector<std::string> order;  // children in order of first sight
  std::map<std::string, std::unique_ptr<NameTree>> children;

  NameTree& child(const std::string& name) {
    auto& slot = children[name];
    if (!slot) {
      slot = std::make_unique<NameTree>();
      order.push_back(name);
    }
    return *slot;
  }
  void add(std::string_view rel) {
    NameTree* node = this;
    while (!rel.empty()) {
      std::size_t slash = rel.find('/');
      node = &node->child(std::string(rel.substr(0, slash)));
      rel = slash == std::string_view::npos ? std::string_view{} : rel.substr(slash + 1);
    }
  }
  void descendants(const std::string& prefix, std::set<std::string>& out) const {
    for (const auto& [name, sub] : children) {
      out.insert(prefix + name);
      sub->descendants(prefix + name + "/", out);
    }
  }
};

bool is_name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// Two file names that differ only where a generator put random characters
// (ccAbc123.s / ccXyz789.s): same length, at least three differing positions, all of
// them letters or digits on both sides.
bool differ_by_generated_part(std::string_view x, std::string_view y) {
  if (x.size() != y.size()) return false;
  std::size_t differing = 0;
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (x[i] == y[i]) continue;
    if (!is_name_char(x[i]) || !is_name_char(y[i])) return false;
    ++differing;
  }
  return differing >= 3;
}

// How alike two subtrees are: the share of relative names they have in common.
double similarity(const NameTree& x, const NameTree& y) {
  std::set<std::string> dx, dy;
  x.descendants("", dx);
  y.descendants("", dy);
  std::size_t common = 0;
  for (const std::string& d : dx) common += dy.contains(d) ? 1 : 0;
  const std::size_t all = dx.size() + dy.size() - common;
  return all == 0 ? 0.0 : static_cast<double>(common) / static_cast<double>(all);
}

}  // namespace

std::vector<PathTemplater::Alignment> PathTemplater::align(PathTemplater& a, PathTemplater& b) {
  // Names given here to names the templaters found by their shape ($TMPn), in the order
  // they are paired: arguments first, then what lies below temp roots.
  int tmp_number = 0;
  auto next_tmp = [&]() { return "$TMP" + std::to_string(++tmp_number); };

  // 1. Path arguments, in order: by position when both commands have as many, else by
  // file name (./tool OUT vs python3 tool.py OUT). A pair is made to read the same: B's
  // template takes A's name, or A's takes B's form where B's argument is already named
  // otherwise (`tool in.txt` run in its directory vs `tool /tmp/w/in.txt` run elsewhere:
  // both $CWD/in.txt).
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  if (a.argc_ == b.argc_) {
    // The same command line shape: an argument pairs with the one at its position (one
    // run's `results.json` may name a file, the other's, resolved elsewhere, nothing).
    for (std::size_t i = 0; i < a.args_.size(); ++i)
      for (std::size_t j = 0; j < b.args_.size(); ++j)
        if (a.args_[i].index == b.args_[j].index) pairs.emplace_back(i, j);
  } else if (a.args_.size() == b.args_.size()) {
    for (std::size_t i = 0; i < a.args_.size(); ++i) pairs.emplace_back(i, i);
  } else {
    std::size_t from = 0;
    for (std::size_t i = 0; i < a.args_.size(); ++i) {
      for (std::size_t j = from; j < b.args_.size(); ++j) {
        if (basename(a.args_[i].path) == basename(b.args_[j].path)) {
          pairs.emplace_back(i, j);
          from = j + 1;
          break;
        }
      }
    }
  }
  auto arg_mapping = [](PathTemplater& t, const std::string& raw) -> Mapping* {
    auto it = t.by_raw_.find(raw);
    if (raw.empty() || it == t.by_raw_.end()) return nullptr;
    // Names the templater chose itself can take the other run's; $CWD, $HOME and the
    // environment's names stay what they are.
    Mapping& m = t.mappings_[it->second];
    return m.kind == Kind::Arg || m.kind == Kind::Tmp ? &m : nullptr;
  };
  std::set<std::size_t> paired_b;
  std::set<std::string> taken;
  for (auto [i, j] : pairs) {
    paired_b.insert(j);
    if (!a.args_[i].raw.empty()) taken.insert(a.path(a.args_[i].raw));
  }
  // An unpaired argument of B must not end up with the name of a paired one.
  for (std::size_t j = 0; j < b.args_.size(); ++j) {
    Mapping* m = arg_mapping(b, b.args_[j].raw);
    if (!paired_b.contains(j) && m != nullptr && taken.contains(m->name))
      m->name = "$ARG_B" + std::to_string(b.args_[j].index);
  }
  for (auto [i, j] : pairs) {
    const std::string& ra = a.args_[i].raw;
    const std::string& rb = b.args_[j].raw;
    if (ra.empty() || rb.empty()) continue;
    if (a.unaligned_shape(ra) && b.unaligned_shape(rb)) {
      const std::string common = next_tmp();
      a.set_aligned(ra, common);
      b.set_aligned(rb, common);
      continue;
    }
    const std::string ta = a.path(ra), tb = b.path(rb);
    if (ta == tb) continue;
    if (Mapping* mb = arg_mapping(b, rb)) {
      mb->name = ta;
      mb->aligned = true;
      if (Mapping* ma = arg_mapping(a, ra)) ma->aligned = true;
    } else if (Mapping* ma = arg_mapping(a, ra)) {
      ma->name = tb;
      ma->aligned = true;
    }
  }

  // 2. The temp directory: a run given TMPDIR=/tmp/job-1/tmp and one that uses /tmp.
  if (a.tmpdir_ != b.tmpdir_) {
    for (PathTemplater* t : {&a, &b})
      if (!t->by_raw_.contains(t->tmpdir_)) t->add_mapping(t->tmpdir_, "$TMPDIR", kEnvPriority, Kind::Env);
  }

  // 3. Names under temp roots that no template explains in the same way in both runs: a
  // directory made by a test harness (pytest's /tmp/pytest-of-USER/pytest-N/), names
  // each run's templater found by their shape (mktemp's tmp.XXXXXXXXXX in one run,
  // Python's tmp.xxxxxxxx in the other), a generated name left behind. They are paired
  // by what they hold and renumbered together, so a name's number never depends on
  // names the other run did not have.
  // One tree a run: its first level holds each temp root's entries by their whole path
  // ("/tmp/x", "/var/tmp/y", "$TMPDIR/z"), so an entry pairs with one under another temp
  // root too (a work dir made in /tmp by one run and in /var/tmp by the other).
  auto trees = [](const PathTemplater& t) {
    NameTree out;
    for (const std::string& p : t.seen_) {
      bool is_tmpdir = false;
      std::string_view root = t.temp_root_of(p, &is_tmpdir);
      if (root.empty()) continue;
      const Mapping* m = t.best(p);
      // Generated names ($GENn) are numbered by creation in each run: paired by what they
      // hold instead, a temp directory one run removes and the other leaves behind is
      // the same name in both, and the report points at what was left.
      const bool own_name = m != nullptr && (m->kind == Kind::Tmp || m->kind == Kind::Gen) && !m->aligned;
      if (m != nullptr && m->raw.size() > root.size() && !own_name) continue;  // explained
      std::string_view rel = std::string_view(p).substr(root.size() + 1);
      const std::size_t slash = rel.find('/');
      NameTree& top = out.child((is_tmpdir ? std::string("$TMPDIR") : std::string(root)) + "/" +
                                std::string(rel.substr(0, slash)));
      if (slash != std::string_view::npos) top.add(rel.substr(slash + 1));
    }
    return out;
  };
  const NameTree ta = trees(a), tb = trees(b);
  // A child's path: below its parent's, or, on the first level, the entry's own.
  auto child_raw = [](const PathTemplater& t, const std::string& parent, const std::string& name) {
    if (!parent.empty()) return parent + "/" + name;
    return name.starts_with("$TMPDIR/") ? t.tmpdir_ + name.substr(7) : name;
  };
  auto walk = [&](auto&& self, const NameTree& x, const std::string& raw_a, const NameTree& y,
                  const std::string& raw_b) -> void {
    std::vector<std::string> only_a, only_b;
    for (const std::string& name : x.order) {
      auto it = y.children.find(name);
      if (it != y.children.end()) {
        // The same name in both runs: if either run templated it by its shape, both
        // get one new name.
        const std::string pa = child_raw(a, raw_a, name), pb = child_raw(b, raw_b, name);
        if (a.unaligned_own_name(pa) || b.unaligned_own_name(pb)) {
          const std::string common = next_tmp();
          a.set_aligned(pa, common);
          b.set_aligned(pb, common);
        }
        self(self, *x.children.at(name), pa, *it->second, pb);
      } else {
        only_a.push_back(name);
      }
    }
    for (const std::string& name : y.order)
      if (!x.children.contains(name)) only_b.push_back(name);
    struct Candidate {
      double score;
      std::size_t i, j;
    };
    std::vector<Candidate> candidates;
    for (std::size_t i = 0; i < only_a.size(); ++i) {
      for (std::size_t j = 0; j < only_b.size(); ++j) {
        const NameTree& cx = *x.children.at(only_a[i]);
        const NameTree& cy = *y.children.at(only_b[j]);
        double score = 0;
        if (!cx.children.empty() && !cy.children.empty()) {
          score = similarity(cx, cy);
        } else if (cx.children.empty() && cy.children.empty() &&
                   differ_by_generated_part(basename(only_a[i]), basename(only_b[j]))) {
          score = 0.5;
        }
        if (score > 0) candidates.push_back({score, i, j});
      }
    }
    std::stable_sort(candidates.begin(), candidates.end(), [](const Candidate& p, const Candidate& q) {
      if (p.score != q.score) return p.score > q.score;
      return p.i + p.j < q.i + q.j;
    });
    std::set<std::size_t> used_a, used_b;
    for (const Candidate& c : candidates) {
      if (used_a.contains(c.i) || used_b.contains(c.j)) continue;
      used_a.insert(c.i);
      used_b.insert(c.j);
      const std::string pa = child_raw(a, raw_a, only_a[c.i]), pb = child_raw(b, raw_b, only_b[c.j]);
      const std::string name = next_tmp();
      a.set_aligned(pa, name);
      b.set_aligned(pb, name);
      self(self, *x.children.at(only_a[c.i]), pa, *y.children.at(only_b[c.j]), pb);
    }
  };
  walk(walk, ta, std::string(), tb, std::string());

  // Names found by their shape that have no counterpart in the other run keep a name of
  // their own, never one the other run uses.
  for (PathTemplater* t : {&a, &b})
    for (Mapping& m : t->mappings_)
      if (m.kind == Kind::Tmp && !m.aligned) {
        m.name = next_tmp();
        m.aligned = true;
      }

  // 4. What the reader must be told: every path template whose paths differ.
  std::vector<Alignment> out;
  std::map<std::string, std::string> la = a.legend(), lb = b.legend();
  for (const auto& [name, raw_a] : la) {
    if (name.starts_with("$PID") || name.starts_with("$TID") || name.starts_with("$PORT")) continue;
    auto it = lb.find(name);
    if (it != lb.end() && it->second != raw_a) out.push_back({name, raw_a, it->second});
  }
  return out;
}

}  // namespace golden::eqv
