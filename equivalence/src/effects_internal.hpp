// The effect extractor: one causal walk over a trace, handlers per syscall family
// (fd_effects, file_effects, stream_effects, net_signal_effects, syscall_lines), and
// the channels they fill. Internal to golden::equivalence.
#pragma once

#include <array>
#include <deque>
#include <map>
#include <optional>
#include <set>
#include <string_view>
#include <unordered_map>
#include <string>
#include <type_traits>
#include <variant>
#include <vector>

#include "causal_order.hpp"
#include "channel_builder.hpp"
#include "file_model.hpp"
#include "fd_targets.hpp"
#include "golden/equivalence/normalized.hpp"
#include "golden/equivalence/observed.hpp"
#include "noise.hpp"
#include "path_templates.hpp"
#include "process_tree.hpp"
#include "string_hash.hpp"

namespace golden::eqv {

class Extractor;

// Scratch buffers render_channel reuses from block to block and channel to channel.
struct RenderBuffers {
  std::string raw;
  std::vector<std::uint64_t> offsets;
};

// Handlers (one file per family). Each is called for every event of its syscalls,
// also when `emit` is false, because fd targets must stay right.
using Handler = void (*)(Extractor&, const Event&);

class Extractor {
 public:
  Extractor(const Trace& trace, const CompareConfig& config, const TraceHeader& header);
  NormalizedTrace run();  // discover() then finish()
  // Templates and parameters (before: templates may still be aligned with another run's).
  void discover();
  // The walk and the channels.
  NormalizedTrace finish();
  // The walk, read back before templating (instead of finish()).
  ObservedEffects observe();

  // --- shared with the handlers -------------------------------------------------
  const Trace& trace;
  const CompareConfig& config;
  const TraceHeader& header;
  Counters counters;
  std::vector<std::string> notes;
  CausalOrder order;
  ProcessTree tree;
  PathTemplater templates;
  NoiseFilter noise;
  FdTargets targets;  // by the recorder's ofd numbers
  Umasks umasks;

  // The event being handled.
  const Event* current = nullptr;
  bool emit = true;  // false: its class is excluded, only bookkeeping happens

  const std::string& proc() const { return tree.key_of(current->pid, current->seq); }
  // The list a per-process effect of the current event goes to (its own process).
  std::size_t proc_list() const { return tree.list_of(current->pid, current->seq); }
  // What an Fd argument of the current event refers to (its recorded ofd's target).
  FdRef fd_target(const Arg* fd_arg);
  // The `i`-th fd the current event returned (Event::ret_ofds) now refers to `target`.
  void bind_returned(const Event& e, std::size_t i, FdRef target) {
    if (i < e.ret_ofds.size()) targets.bind(e.ret_ofds[i], target);
  }
  std::string templated_path(std::string_view abs) const { return templates.path(abs); }
  // Text with paths and (long) pids templated: argv entries, symlink targets.
  // Numbers equal to the run's pids/ports are marked (Item::key), not bare names.
  std::string templated_text(std::string_view s) const { return templates.text(s, true, 3, true); }
  // quote_bytes(s), templated: templates on the raw bytes, marks kept unescaped.
  std::string templated_quoted(std::string_view s) const;
  // Hot: called for most events. Literal names, folded into `counters` at the end.
  void count(std::string_view name) { ++fast_counters_[name]; }

  // Sources of in-kernel copies, interned: equal sources get equal numbers.
  std::uint32_t intern_copy_source(std::string source);
  const std::string& copy_source(std::uint32_t id) const { return copy_sources_[id]; }
  // The interned writer label of the current event's thread ("1/ls", "1/ls[t2]").
  std::uint32_t writer_id(std::optional<std::size_t> node);
  const std::string& writer_label(std::uint32_t id) const { return writer_labels_[id]; }

  // Net effects on files (the default) or the operations themselves (strict_files).
  bool net_effects() const { return emit && !config.strict_files; }
  FileModel model;
  // The model's file behind an fd (found once, kept on the target): after a rename it is
  // still the file the fd was opened on.
  FileModel::NodeId file_of(FdTarget& target) {
    if (target.node == FileModel::kNone) target.node = model.at(target.path);
    return target.node;
  }

  // Effect sinks; each applies ignore_paths / noise / relax.
  // `key`: the item's key (Item::key); its text is the display form.
  // file_op: an operation, listed in strict_files mode only.
  void file_op(const std::string& abs, Category cat, std::string key);
  // The item of an operation on `abs` by the current event.
  Item file_item(const std::string& abs, Category cat, std::string key);
  void user_read(const std::string& abs, bool directory);
  void stdin_read();
  void write_chunk(FdTarget& target, Chunk chunk);
  // The bytes of the file behind `source` when the run wrote all of it, captured whole,
  // and they are `length` bytes long (a copy of the whole file); else nullptr.
  const std::vector<Chunk>* known_content(FdTarget& source, std::uint64_t length);
  // A write of the current event lands at `offset`, not after the previous one.
  void write_offset(FdTarget& target, std::uint64_t offset);
  void process_item(std::vector<Item>& list, Category cat, std::string key);
  bool relaxed(Category c) const { return config.relax.contains(c); }
  Chunk make_chunk();

  std::unordered_map<std::string, ChannelBuilder> files;  // by templated path
  ChannelBuilder out, err;
  std::map<std::string, Item> reads;            // by text
  // Net effects: the file each read saw, and when it was first read.
  std::map<std::string, std::pair<FileModel::NodeId, Seq>> read_files;
  // Net effects: directories the run found existing (a stat, a listing, an O_DIRECTORY
  // open), by templated path.
  std::set<std::string> existing_dirs;
  void found_directory(const std::string& abs) { existing_dirs.insert(path_info(abs).templated); }
  // Net effects: files the run read whole and did not write (a build tool comparing its
  // output with the one an earlier run left, and keeping that), by templated path.
  std::map<std::string, StreamHash> existing_files;
  void found_content(FdTarget& target);
  std::map<std::size_t, std::vector<Item>> net, sig;  // by process node (proc_list)
  std::map<std::string, std::vector<Item>> calls;     // by thread label
  std::map<std::string, std::size_t> call_owner;      // thread label -> process node
  RenderBuffers render_buffers;
  // Consecutive writes (by seq) of different writers to one channel that are not
  // causally ordered: found by resolve_concurrency() before rendering.
  std::set<std::pair<Seq, Seq>> unordered_writes;

 private:
  std::vector<Chunk> known_scratch_;  // known_content's result, reused
  // What the walk decides per syscall name, once: its handler and whether it emits.
  struct Dispatch {
    Handler handler = nullptr;
    bool excluded = false;    // exclude_classes / exclude_syscalls
    bool returns_fd = false;  // no handler, but its result is an fd to track
  };
  const Dispatch& dispatch(const std::string& name);
  Dispatch resolve(const std::string& name) const;
  // In front of dispatch_: a small direct-mapped cache by the name's length and ends,
  // checked against the whole name. A trace repeats a handful of names.
  struct DispatchSlot {
    std::string_view name;  // a key of dispatch_ (node-based: it stays put)
    const Dispatch* dispatch = nullptr;
  };
  std::array<DispatchSlot, 64> dispatch_cache_{};
  // Per absolute path: its templated form and what reads and writes of it come to.
  // Templating and the ignore/noise/implementation lists are fixed once discover()
  // has run, and a 200k-event trace opens the same few hundred paths over and over.
  struct PathInfo {
    std::string templated;
    // Reads, [directory]: decided, the counter of a dropped read ("" = a user read),
    // and whether the user read is already listed.
    bool read_known[2] = {false, false};
    std::string_view read_drop[2];
    bool read_added[2] = {false, false};
    // Writes: decided, the counter of a dropped write, the channel once used.
    bool write_known = false;
    std::string_view write_drop;
    ChannelBuilder* channel = nullptr;
  };
  std::uint32_t path_slot(const std::string& abs);
  PathInfo& path_info(const std::string& abs) { return paths_[path_slot(abs)]; }
  PathInfo& path_info(FdTarget& target);  // target.path's, the slot kept in the target
  std::string_view read_drop(const std::string& abs, const std::string& templated, bool directory) const;
  std::string_view write_drop(const std::string& abs, PathInfo& p) const;
  ChannelBuilder& channel_of(PathInfo& p, const std::string& abs);

  std::unordered_map<std::string, Dispatch, StringHash, std::equal_to<>> dispatch_;
  std::unordered_map<std::string, std::uint32_t, StringHash, std::equal_to<>> path_slots_;
  std::deque<PathInfo> paths_;  // by slot; a deque, so references stay valid
  std::vector<std::string> copy_sources_;
  std::unordered_map<std::string, std::uint32_t, StringHash, std::equal_to<>> copy_source_ids_;
  std::vector<std::string> writer_labels_;
  std::unordered_map<std::string, std::uint32_t, StringHash, std::equal_to<>> writer_by_label_;
  std::unordered_map<std::uint64_t, std::uint32_t> writer_by_thread_;  // node << 32 | tid
  std::unordered_map<std::string_view, std::uint64_t> fast_counters_;
  std::string root_cwd_;  // the root process's initial working directory
  void walk();
  void resolve_concurrency();
  std::vector<Channel> assemble();
  // Net effects: a channel per path whose state after the run is an effect.
  void build_file_states();
  Item state_item(const std::string& abs, std::string key, Seq seq);
  void drop_stale_reads();
  void process_channel(Channel& ch);
};

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

// Turns a builder into channels (one, or more when concurrent writers are split); its
// operation items are moved out.
void render_channel(Extractor& x, ChannelBuilder& b, std::vector<Channel>& out);

}  // namespace golden::eqv
