// The effect extractor: one causal walk over a trace, handlers per syscall family
// (fd_effects, file_effects, stream_effects, net_signal_effects, syscall_lines), and
// the channels they fill. Internal to golden::equivalence.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <unordered_map>
#include <string>
#include <variant>
#include <vector>

#include "causal_order.hpp"
#include "fd_table.hpp"
#include "golden/equivalence/normalized.hpp"
#include "noise.hpp"
#include "path_templates.hpp"
#include "process_tree.hpp"

namespace golden::eqv {

// Bytes written by one call (or copied in-kernel by one call).
struct Chunk {
  Seq seq = 0;
  std::string process;     // process key
  std::string writer;      // thread label: who wrote, for concurrent-writer splitting
  StreamHash raw;          // hash + length of the bytes
  std::string head;        // the first bytes (all of them when complete)
  bool complete = true;
  bool copy = false;       // sendfile/copy_file_range/splice: bytes not in the trace
  std::string copy_from;   // templated source of a copy
};

using Entry = std::variant<Item, Chunk>;

// A channel being built: operations and written bytes, in order.
struct ChannelBuilder {
  std::string name;
  Category category = Category::FileOps;          // of its operations
  Category content_category = Category::FileContent;  // of its bytes
  std::string path, raw_path;
  std::vector<Entry> entries;
};

class Extractor {
 public:
  Extractor(const Trace& trace, const CompareConfig& config, const TraceHeader& header);
  NormalizedTrace run();

  // --- shared with the handlers -------------------------------------------------
  const Trace& trace;
  const CompareConfig& config;
  const TraceHeader& header;
  Counters counters;
  std::vector<std::string> notes;
  CausalOrder order;
  ProcessTree tree;
  PathTemplater templ;
  NoiseFilter noise;
  FdTables fds;

  // The event being handled.
  const Event* ev = nullptr;
  bool emit = true;  // false: its class is excluded, only bookkeeping happens

  const std::string& proc() const { return tree.key_of(ev->pid, ev->seq); }
  // The list a per-process effect of the current event goes to (its own process).
  std::size_t proc_list() const { return tree.list_of(ev->pid, ev->seq); }
  // What an Fd argument of the current event refers to.
  FdRef fd_target(const Arg* fd_arg);
  std::string tpath(std::string_view abs) const { return templ.path(abs); }
  // Text with paths and (long) pids templated: argv entries, symlink targets.
  // Numbers equal to the run's pids/ports are marked (Item::key), not bare names.
  std::string ttext(std::string_view s) const { return templ.text(s, true, 3, true); }
  // quote_bytes(s), templated: quoting first, so the marks are not escaped away.
  std::string tquoted(std::string_view s) const;
  // Hot: called for most events. Literal names, folded into `counters` at the end.
  void count(std::string_view name) { ++fast_counters_[name]; }

  // Effect sinks; each applies ignore_paths / noise / relax.
  // `key`: the item's key (Item::key); its text is the display form.
  void file_op(const std::string& abs, Category cat, std::string key);
  void user_read(const std::string& abs, bool directory);
  void stdin_read();
  void write_chunk(FdTarget& target, Chunk chunk);
  void process_item(std::vector<Item>& list, Category cat, std::string key);
  bool relaxed(Category c) const { return config.relax.contains(c); }
  Chunk make_chunk() const;

  std::unordered_map<std::string, ChannelBuilder> files;  // by templated path
  ChannelBuilder& file_channel(const std::string& templated, const std::string& abs);
  ChannelBuilder out, err;
  std::map<std::string, Item> reads;            // by text
  std::map<std::size_t, std::vector<Item>> net, sig;  // by process node (proc_list)
  std::map<std::string, std::vector<Item>> calls;     // by thread label
  std::map<std::string, std::size_t> call_owner;      // thread label -> process node
  // Consecutive writes (by seq) of different writers to one channel that are not
  // causally ordered: found by resolve_concurrency() before rendering.
  std::set<std::pair<Seq, Seq>> unordered_writes;

 private:
  std::unordered_map<std::string_view, std::uint64_t> fast_counters_;
  void discover();
  void walk();
  void resolve_concurrency();
  std::vector<Channel> assemble();
  void process_channel(Channel& ch);
};

// Handlers (one file per family). Each is called for every event of its syscalls,
// also when `emit` is false, because fd tables must stay right.
using Handler = void (*)(Extractor&, const Event&);
Handler fd_handler(std::string_view name);
Handler file_handler(std::string_view name);
Handler stream_handler(std::string_view name);
Handler net_signal_handler(std::string_view name);
// After the dispatch: fd bookkeeping for any other call that returns an fd.
void track_generic_fd(Extractor& x, const Event& e);
// include_classes: the call-by-call line of this event (if its class is included),
// begun before the handlers run (arguments) and finished after (result).
struct PendingLine {
  std::string text;
};
std::optional<PendingLine> begin_syscall_line(Extractor& x, const Event& e);
void finish_syscall_line(Extractor& x, const Event& e, PendingLine line);

// Turns a builder into channels (one, or more when concurrent writers are split).
void render_channel(Extractor& x, const ChannelBuilder& b, std::vector<Channel>& out);

}  // namespace golden::eqv
