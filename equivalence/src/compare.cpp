// compare(): normalize both runs, diff them channel by channel, turn every hunk into a
// Divergence (place, event seqs, unified diff), apply the allow rules.
#include "golden/equivalence/compare.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <array>
#include <exception>
#include <future>
#include <map>
#include <set>

#include "allow_rules.hpp"
#include "diff.hpp"

namespace golden {
namespace {

using eqv::Edit;
using eqv::EditOp;

// Lines kept per divergence; reports show fewer (ReportOptions::max_hunk_lines).
constexpr std::size_t kMaxStoredLines = 2000;

int channel_rank(std::string_view name) {
  if (name == "processes") return 0;
  if (name.starts_with("stdout")) return 1;
  if (name.starts_with("stderr")) return 2;
  if (name.starts_with("file ")) return 3;
  if (name == "user reads") return 4;
  if (name == "network") return 5;
  if (name == "signals") return 6;
  return 7;
}

// Channel identity for comparison: item keys, except that a block of bytes whose raw
// concatenation is identical on both sides counts as equal however it was rendered
// (e.g. complete in one capture, cut by -s in the other).
std::vector<std::string> raw_signature(const Channel& c) {
  std::vector<std::string> sig;
  std::size_t b = 0;
  for (std::size_t i = 0; i < c.items.size();) {
    if (b < c.blocks.size() && c.blocks[b].first_item == i && c.blocks[b].item_count > 0) {
      sig.push_back(fmt::format("raw {:x} {}", c.blocks[b].raw.value(), c.blocks[b].raw.length()));
      i += c.blocks[b].item_count;
      ++b;
      continue;
    }
    sig.push_back(c.items[i].key);
    ++i;
  }
  return sig;
}

std::string clip(std::string_view s, std::size_t n = 72) {
  if (s.size() <= n) return std::string(s);
  return std::string(s.substr(0, n - 3)) + "...";
}

std::string subject(const Channel& ch, const Item& first) {
  switch (first.category) {
    case Category::ExitStatus: return "exit status of process " + first.process;
    case Category::Processes:
    case Category::Network:
    case Category::Signals: return "process " + first.process;
    case Category::UserReads: return "user reads";
    case Category::FileContent: return "content of " + (first.path.empty() ? ch.name : first.path);
    case Category::FileOps: return "file " + first.path;
    default: return ch.name;
  }
}

std::string summarize(const Channel& ch, const std::vector<const Item*>& minus,
                      const std::vector<const Item*>& plus, bool channel_only_a, bool channel_only_b) {
  const Item& first = !minus.empty() ? *minus.front() : *plus.front();
  // Text without the "KEY: " prefix process items carry.
  auto body = [](const Item& it) {
    std::string_view t = it.text;
    if (!it.process.empty() && t.starts_with(it.process + ": ")) t.remove_prefix(it.process.size() + 2);
    return clip(t);
  };
  if (channel_only_b && first.category == Category::FileOps)
    return fmt::format("file {} only in B: {}", first.path, body(first));
  if (channel_only_a && first.category == Category::FileOps)
    return fmt::format("file {} only in A: {}", first.path, body(first));
  if (channel_only_b) return fmt::format("{} only in B: {}", ch.name, body(first));
  if (channel_only_a) return fmt::format("{} only in A: {}", ch.name, body(first));
  std::string subj = subject(ch, first);
  if (first.category == Category::Processes && minus.empty())
    return fmt::format("extra in B: process {} ({})", plus.front()->process, body(*plus.front()));
  if (first.category == Category::Processes && plus.empty())
    return fmt::format("missing in B: process {} ({})", minus.front()->process, body(*minus.front()));
  if (minus.empty()) return fmt::format("{}: only in B: {}", subj, body(*plus.front()));
  if (plus.empty()) return fmt::format("{}: only in A: {}", subj, body(*minus.front()));
  return fmt::format("{} differs: A {} / B {}", subj, body(*minus.front()), body(*plus.front()));
}

struct ChannelPair {
  std::string name;
  const Channel* a = nullptr;
  const Channel* b = nullptr;
};

// `self`'s user reads without the reads and listings of files and directories `other`
// made: in `self` they were what an earlier run left there (a rerun lists the output
// directory the first run created). nullptr when nothing is left; `storage` holds the
// copy when one is needed.
const Channel* without_reads_of_outputs(const NormalizedTrace& self, const NormalizedTrace& other,
                                        Channel& storage) {
  const Channel* reads = self.channel("user reads");
  if (reads == nullptr || other.created_paths.empty()) return reads;
  auto explained = [&](const Item& it) {
    return (it.key.starts_with("read ") || it.key.starts_with("list ")) && other.created_paths.contains(it.path);
  };
  if (std::none_of(reads->items.begin(), reads->items.end(), explained)) return reads;
  storage.name = reads->name;
  storage.category = reads->category;
  for (const Item& it : reads->items)
    if (!explained(it)) storage.items.push_back(it);
  return storage.items.empty() ? nullptr : &storage;
}

// A directory one run made (and left empty) and the other found already there, or a
// file one run wrote and the other read whole and left as it was (cmake and make keep an
// output that would not change): the same state after both runs. An earlier run in the
// same workspace made it.
bool found_existing(const ChannelPair& p, const NormalizedTrace& na, const NormalizedTrace& nb) {
  if ((p.a == nullptr) == (p.b == nullptr)) return false;
  const Channel& present = p.a != nullptr ? *p.a : *p.b;
  const NormalizedTrace& other = p.a != nullptr ? nb : na;
  if (present.items.empty()) return false;
  const Item& state = present.items.front();
  if (state.category != Category::FileOps) return false;
  if (present.items.size() == 1 && state.key.starts_with("directory, mode "))
    return other.existing_dirs.contains(state.path);
  // "file, mode M" and one block of bytes: the bytes must be the ones the other run read.
  auto seen = other.existing_files.find(state.path);
  if (seen == other.existing_files.end() || !state.key.starts_with("file, mode ") ||
      state.key.find(", ", 11) != std::string::npos || present.blocks.size() != 1 ||
      present.blocks.front().first_item != 1 || 1 + present.blocks.front().item_count != present.items.size())
    return false;
  const StreamHash& written = present.blocks.front().raw;
  return written.value() == seen->second.value() && written.length() == seen->second.length();
}

void diff_channel(const ChannelPair& p, const CompareConfig& config, CompareResult& out,
                  Counters& counters) {
  static const Channel kEmpty;
  const Channel& a = p.a != nullptr ? *p.a : kEmpty;
  const Channel& b = p.b != nullptr ? *p.b : kEmpty;
  // Most channels are equal item for item: checked on the keys directly. (Equal shape
  // hashes are implied: key_shape_hash is consistent with keys_match.)
  if (a.items.size() == b.items.size()) {
    bool all = true;
    for (std::size_t i = 0; i < a.items.size() && all; ++i) all = keys_match(a.items[i].key, b.items[i].key);
    if (all) return;
  }
  // Hashes first (numbers left out, as keys_match wants): the diff's inner loop
  // compares integers and only looks at the keys on a hash match.
  std::vector<std::size_t> ha, hb;
  ha.reserve(a.items.size());
  hb.reserve(b.items.size());
  for (const Item& it : a.items) ha.push_back(key_shape_hash(it.key));
  for (const Item& it : b.items) hb.push_back(key_shape_hash(it.key));
  auto same = [&](std::size_t i, std::size_t j) {
    return ha[i] == hb[j] && keys_match(a.items[i].key, b.items[j].key);
  };
  if (p.a != nullptr && p.b != nullptr && raw_signature(a) == raw_signature(b)) {
    ++counters["equivalence.equal_by_raw_bytes"];
    return;
  }

  std::vector<Edit> edits = eqv::diff_sequences(a.items.size(), b.items.size(), same);
  for (auto [begin, end] : eqv::make_hunks(edits, static_cast<std::size_t>(config.context))) {
    Divergence d;
    d.channel = p.name;
    std::vector<const Item*> minus, plus;
    bool have_a = false, have_b = false;
    std::size_t a_first = 0, b_first = 0;
    for (std::size_t i = begin; i < end; ++i) {
      const Edit& e = edits[i];
      DiffLine line;
      if (e.op != EditOp::Insert) {
        if (!have_a) a_first = e.a, have_a = true;
        ++d.a_count;
      } else if (!have_a) {
        a_first = e.a;
      }
      if (e.op != EditOp::Delete) {
        if (!have_b) b_first = e.b, have_b = true;
        ++d.b_count;
      } else if (!have_b) {
        b_first = e.b;
      }
      switch (e.op) {
        case EditOp::Equal:
          line.op = ' ';
          line.text = a.items[e.a].text;
          line.seq = a.items[e.a].seq;
          line.seq_b = b.items[e.b].seq;
          break;
        case EditOp::Delete:
          line.op = '-';
          line.text = a.items[e.a].text;
          line.seq = a.items[e.a].seq;
          minus.push_back(&a.items[e.a]);
          if (!d.seq_a) d.seq_a = a.items[e.a].seq;
          break;
        case EditOp::Insert:
          line.op = '+';
          line.text = b.items[e.b].text;
          line.seq = b.items[e.b].seq;
          plus.push_back(&b.items[e.b]);
          if (!d.seq_b) d.seq_b = b.items[e.b].seq;
          break;
      }
      if (d.lines.size() < kMaxStoredLines) {
        d.lines.push_back(std::move(line));
      } else {
        d.lines_truncated = true;
      }
    }
    // diff -u numbering: 1-based first line, or the line before an empty range.
    d.a_start = d.a_count > 0 ? a_first + 1 : a_first;
    d.b_start = d.b_count > 0 ? b_first + 1 : b_first;

    // One divergence per category in the hunk, so each report section (and JUnit
    // testcase) fails for what it is about. The exit status of a process that is
    // itself extra or missing belongs with that process.
    std::set<std::string> changed_procs;
    for (const Item* it : minus)
      if (it->category == Category::Processes) changed_procs.insert(it->process);
    for (const Item* it : plus)
      if (it->category == Category::Processes) changed_procs.insert(it->process);
    auto group_of = [&](const Item* it) {
      if (it->category == Category::ExitStatus && changed_procs.contains(it->process))
        return Category::Processes;
      return it->category;
    };
    std::set<Category> groups;
    for (const Item* it : minus) groups.insert(group_of(it));
    for (const Item* it : plus) groups.insert(group_of(it));
    for (Category cat : groups) {
      Divergence g = d;
      g.category = cat;
      std::vector<const Item*> gm, gp;
      std::set<std::string> gprocs;
      for (const Item* it : minus)
        if (group_of(it) == cat) gm.push_back(it), gprocs.insert(it->process);
      for (const Item* it : plus)
        if (group_of(it) == cat) gp.push_back(it), gprocs.insert(it->process);
      gprocs.erase("");
      g.processes.assign(gprocs.begin(), gprocs.end());
      g.seq_a = gm.empty() ? std::nullopt : gm.front()->seq;
      g.seq_b = gp.empty() ? std::nullopt : gp.front()->seq;
      g.summary = summarize(p.a != nullptr ? a : b, gm, gp, p.b == nullptr, p.a == nullptr);
      auto rules = eqv::accepting_rules(config.allow, gm, gp);
      if (!rules.empty()) {
        g.allowed = true;
        for (const std::string& r : rules) g.allowed_by += (g.allowed_by.empty() ? "" : "; ") + r;
      }
      out.divergences.push_back(std::move(g));
    }
  }
}

}  // namespace

std::size_t CompareResult::failing() const {
  return static_cast<std::size_t>(std::count_if(divergences.begin(), divergences.end(),
                                                [](const Divergence& d) { return !d.allowed; }));
}

namespace {

// Everything compare() reports about the two normalized runs: notes, counters, the
// channel-by-channel divergences and the categories.
void diff_runs(const NormalizedTrace& na, const NormalizedTrace& nb, const CompareInput& in_a,
               const CompareInput& in_b, const CompareConfig& config, CompareResult& r) {
  for (const std::string& n : na.notes) r.notes.push_back("A: " + n);
  for (const std::string& n : nb.notes) r.notes.push_back("B: " + n);
  if (in_a.truncated)
    r.notes.push_back("A is truncated (the capture was cut short): its last effects may be missing");
  if (in_b.truncated)
    r.notes.push_back("B is truncated (the capture was cut short): its last effects may be missing");
  for (const auto& [k, v] : na.counters) r.counters["a." + k] = v;
  for (const auto& [k, v] : nb.counters) r.counters["b." + k] = v;

  // A run's read of a file (or listing of a directory) the other run made: an earlier
  // run in the same workspace made it (cmake reading the cache it keeps). Both runs'
  // reads are compared without those.
  Channel reads_a, reads_b;
  const Channel* kept_a = without_reads_of_outputs(na, nb, reads_a);
  const Channel* kept_b = without_reads_of_outputs(nb, na, reads_b);

  std::vector<ChannelPair> pairs;
  std::map<std::string, std::size_t> index;
  auto channel_a = [&](const Channel& c) -> const Channel* { return c.name == "user reads" ? kept_a : &c; };
  auto channel_b = [&](const Channel& c) -> const Channel* { return c.name == "user reads" ? kept_b : &c; };
  for (const Channel& c : na.channels) {
    if (channel_a(c) == nullptr) continue;
    index[c.name] = pairs.size();
    pairs.push_back({c.name, channel_a(c), nullptr});
  }
  for (const Channel& c : nb.channels) {
    if (channel_b(c) == nullptr) continue;
    auto it = index.find(c.name);
    if (it != index.end()) {
      pairs[it->second].b = channel_b(c);
    } else {
      index[c.name] = pairs.size();
      pairs.push_back({c.name, nullptr, channel_b(c)});
    }
  }
  std::stable_sort(pairs.begin(), pairs.end(), [](const ChannelPair& x, const ChannelPair& y) {
    int rx = channel_rank(x.name), ry = channel_rank(y.name);
    if (rx != ry) return rx < ry;
    return rx != 0 && x.name < y.name;
  });
  Counters counters;
  for (const ChannelPair& p : pairs) {
    if (found_existing(p, na, nb)) {
      ++counters["equivalence.found_existing"];
      continue;
    }
    diff_channel(p, config, r, counters);
  }
  for (const auto& [k, v] : counters) r.counters[k] = v;

  // Items per category, both sides in one pass each.
  static_assert(static_cast<std::size_t>(Category::Syscalls) + 1 == kAllCategories.size());
  std::array<std::size_t, kAllCategories.size()> items_a{}, items_b{};
  for (const Channel& ch : na.channels)
    for (const Item& it : ch.items) ++items_a[static_cast<std::size_t>(it.category)];
  for (const Channel& ch : nb.channels)
    for (const Item& it : ch.items) ++items_b[static_cast<std::size_t>(it.category)];
  for (Category c : kAllCategories) {
    CategoryStatus s;
    s.category = c;
    s.compared = !config.relax.contains(c);
    s.items_a = items_a[static_cast<std::size_t>(c)];
    s.items_b = items_b[static_cast<std::size_t>(c)];
    for (const Divergence& d : r.divergences) {
      if (d.category != c) continue;
      (d.allowed ? s.allowed : s.divergences) += 1;
    }
    r.categories.push_back(s);
  }
  r.equivalent = r.failing() == 0;
}

}  // namespace

namespace {

bool has_source_locations(const Trace& t) {
  return std::any_of(t.events.begin(), t.events.end(), [](const Event& e) { return e.source.has_value(); });
}

std::optional<SourceLocation> source_at(const Trace& t, std::optional<Seq> seq) {
  if (!seq || *seq >= t.events.size() || t.events[*seq].seq != *seq) return std::nullopt;
  return t.events[*seq].source;
}

// Each divergence says where in the program its events were made, when both runs were
// captured with --source: the line of code whose behaviour changed.
void attach_sources(const Trace& a, const Trace& b, CompareResult& r) {
  if (!has_source_locations(a) || !has_source_locations(b)) return;
  for (Divergence& d : r.divergences) {
    d.source_a = source_at(a, d.seq_a);
    d.source_b = source_at(b, d.seq_b);
  }
}

}  // namespace

CompareResult compare(const CompareInput& in_a, const CompareInput& in_b, const CompareConfig& config) {
  CompareResult r;
  r.name_a = in_a.name.empty() ? "A" : in_a.name;
  r.name_b = in_b.name.empty() ? "B" : in_b.name;
  r.context = config.context;
  // B is measured on a thread of its own while both are normalized (each side on a
  // thread, their templates aligned in between) and diffed.
  auto b_measured = std::async(std::launch::async, [&] { return measure(*in_b.trace, in_b.header); });
  NormalizedPair pair = normalize_pair(*in_a.trace, in_a.header, *in_b.trace, in_b.header, config);
  r.alignments = std::move(pair.alignments);
  diff_runs(pair.a, pair.b, in_a, in_b, config, r);
  attach_sources(*in_a.trace, *in_b.trace, r);
  // Nothing of the normalized runs is in the result: B's is freed on a thread of its
  // own, A's here (tens of thousands of items each), then A is measured.
  auto free_b = std::async(std::launch::async, [&pair] { NormalizedTrace gone = std::move(pair.b); });
  { NormalizedTrace gone = std::move(pair.a); }
  r.perf_a = measure(*in_a.trace, in_a.header);
  free_b.get();
  r.perf_b = b_measured.get();
  return r;
}

CompareResult compare(const Trace& a, const Trace& b, const CompareConfig& config) {
  CompareInput ia{&a, {}, "A", false};
  CompareInput ib{&b, {}, "B", false};
  return compare(ia, ib, config);
}

}  // namespace golden
