// Net effects on files, from the file model to channels: the state of each path after
// the run (kind, mode, owner, content), which reads were of the run's own files, and
// what the run found already there (files read whole, directories) for compare.
#include <fmt/format.h>

#include <algorithm>

#include "effects_internal.hpp"
#include "path_util.hpp"

namespace golden::eqv {

const std::vector<Chunk>* Extractor::known_content(FdTarget& source, std::uint64_t length) {
  if (config.strict_files || source.path.empty()) return nullptr;
  const FileNode& n = model.node(file_of(source));
  if (!n.replaced) return nullptr;
  known_scratch_.clear();
  std::uint64_t total = 0;
  for (const Entry& e : n.content) {
    const Chunk* c = std::get_if<Chunk>(&e);
    if (c == nullptr || !c->complete || c->copy) return nullptr;
    total += c->raw.length();
    known_scratch_.push_back(*c);
  }
  return total == length && !known_scratch_.empty() ? &known_scratch_ : nullptr;
}

void Extractor::found_content(FdTarget& target) {
  if (target.path.empty()) return;
  const FileModel::NodeId id = model.at(target.path);
  const FileNode& n = model.node(id);
  // Only a file as it was before the run: one the run made or changed is compared as its
  // own effect.
  if (n.created || n.changed) return;
  existing_files.emplace(path_info(target).templated, target.read_so_far);
}

void Extractor::write_offset(FdTarget& target, std::uint64_t offset) {
  if (!emit || relaxed(Category::FileContent) || target.path.empty()) return;
  PathInfo& p = path_info(target);
  if (!write_drop(target.path, p).empty()) return;
  Item it = file_item(target.path, Category::FileContent, fmt::format("at offset {}", offset));
  if (config.strict_files) {
    ChannelBuilder& b = channel_of(p, target.path);
    b.entries.emplace_back(OpRef{static_cast<std::uint32_t>(b.ops.size())});
    b.ops.push_back(std::move(it));
    return;
  }
  model.mark(file_of(target), std::move(it));
}

void Extractor::build_file_states() {
  // A directory is reported on its own only when nothing reported lies below it, or its
  // mode was chosen on purpose: files below say it exists, and whether an earlier run
  // already made it (cp -r into an existing target) is not behaviour.
  std::vector<std::string_view> reported;
  for (const auto& [abs, st] : model.paths())
    if (model.reported(st) && !abs.empty()) reported.push_back(abs);
  std::sort(reported.begin(), reported.end());
  for (const auto& [abs, st] : model.paths()) {
    if (!model.reported(st) || abs.empty()) continue;
    if (st.bound != FileModel::kNone) {
      const FileNode& dir = model.node(st.bound);
      if (dir.kind == FileNode::Kind::Directory && !dir.explicit_mode && any_below(reported, abs)) continue;
    }
    PathInfo& p = path_info(abs);
    if (std::string_view drop = write_drop(abs, p); !drop.empty()) {
      count(drop);
      continue;
    }
    ChannelBuilder& b = channel_of(p, abs);
    const bool show_state = !relaxed(Category::FileOps);
    if (st.bound == FileModel::kNone) {
      if (show_state) {
        b.entries.emplace_back(OpRef{static_cast<std::uint32_t>(b.ops.size())});
        b.ops.push_back(state_item(abs, "deleted", st.last));
      }
      continue;
    }
    const FileNode& n = model.node(st.bound);
    const bool regular = n.kind == FileNode::Kind::Regular;
    bool written = false;
    for (const Entry& e : n.content) written = written || std::holds_alternative<Chunk>(e);
    std::string state;
    switch (n.kind) {
      case FileNode::Kind::Regular: state = "file"; break;
      case FileNode::Kind::Directory: state = "directory"; break;
      case FileNode::Kind::Symlink: state = "symlink -> " + templated_text(n.detail); break;
      case FileNode::Kind::Special: state = n.detail; break;
    }
    if (n.kind != FileNode::Kind::Symlink) {
      // A mode this run did not set (a file an earlier run made, truncated now) matches
      // any: it is what was there.
      state += ", mode ";
      const std::optional<unsigned> mode = n.mode ? n.mode : n.seen_mode;
      state += mode ? fmt::format("{:04o}", *mode)
                    : std::string{kMarkBegin} + "*as before" + kMarkSep + kMarkEnd;
    }
    if (!n.owner.empty()) state += ", owner " + n.owner;
    if (!n.created && !n.origin.empty() && n.origin != abs) state += ", moved from " + templated_path(n.origin);
    if (regular && written && !n.replaced) state += ", written into its earlier content";
    if (regular && !written && n.replaced) state += ", empty";
    const std::uint32_t base = static_cast<std::uint32_t>(b.ops.size());
    if (show_state) {
      b.entries.emplace_back(OpRef{base});
      b.ops.push_back(state_item(abs, std::move(state), std::max(st.last, n.last)));
    }
    const std::uint32_t shift = static_cast<std::uint32_t>(b.ops.size());
    for (const Item& op : n.ops) b.ops.push_back(op);
    for (const Entry& e : n.content) {
      if (const OpRef* r = std::get_if<OpRef>(&e)) {
        if (show_state) b.entries.emplace_back(OpRef{r->index + shift});
      } else if (!relaxed(Category::FileContent)) {
        b.entries.push_back(e);
      }
    }
  }
}

Item Extractor::state_item(const std::string& abs, std::string key, Seq seq) {
  Item it;
  if (seq < trace.events.size()) {
    it.seq = seq;
    it.process = tree.key_of(trace.events[seq].pid, seq);
  }
  it.category = Category::FileOps;
  it.text = display_key(key);
  it.key = std::move(key);
  it.path = path_info(abs).templated;
  it.raw_path = abs;
  return it;
}

void Extractor::drop_stale_reads() {
  // A read of a file the run made itself, or of one it then replaced, emptied or
  // removed, is about what an earlier run left (zip reads the old archive it rewrites,
  // ar the old library it truncates): the file's state after the run is compared
  // instead.
  for (const auto& [text, read] : read_files) {
    const auto [id, when] = read;
    auto it = reads.find(text);
    if (it == reads.end()) continue;
    auto st = model.paths().find(it->second.raw_path);
    const bool gone = st == model.paths().end() || st->second.bound != id;
    const FileNode& n = model.node(id);
    if (n.created || gone || (n.replaced && n.reset > when)) {
      reads.erase(it);
      count("equivalence.reads_of_own_or_replaced_files");
    }
  }
}

}  // namespace golden::eqv
