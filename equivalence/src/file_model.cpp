#include "file_model.hpp"

#include <fcntl.h>
#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <unordered_set>

#include "path_util.hpp"

namespace golden::eqv {

FileModel::NodeId FileModel::make(FileNode::Kind kind, bool created) {
  FileNode& n = nodes_.emplace_back();
  n.kind = kind;
  n.created = created;
  n.changed = created;
  n.replaced = created;
  n.last = current;
  return static_cast<NodeId>(nodes_.size() - 1);
}

void FileModel::bind(const std::string& path, NodeId id, bool creation) {
  PathState& st = paths_[path];
  st.bound = id;
  st.known = true;
  st.named = true;
  st.last = current;
  if (creation && !st.created_here) {
    st.created_here = true;
    st.creation = ++creations_;
  }
}

void FileModel::reset_content(NodeId id) {
  FileNode& n = nodes_[id];
  n.content.clear();
  n.ops.clear();
  n.replaced = true;
  n.changed = true;
  n.last = current;
  n.reset = current;
}

FileModel::NodeId FileModel::apply(const NameOp& op, unsigned umask) {
  const std::string path(op.path), path2(op.path2);
  const unsigned mode = static_cast<unsigned>(op.mode.value_or(0777)) & 07777u & ~umask;
  switch (op.kind) {
    case NameOp::Kind::Open:
      if (op.ok) return open(path, op.flags, mode);
      break;
    case NameOp::Kind::Mkdir:
      mkdir(path, op.ok, op.err, mode, (op.mode.value_or(0777) & 07777) != 0777);
      break;
    case NameOp::Kind::Mknod:
      if (op.ok) mknod(path, fmt::format("mknod {:o}", op.mode.value_or(0)));
      break;
    case NameOp::Kind::Symlink:
      if (op.ok) symlink(path, op.target);
      break;
    case NameOp::Kind::Link:
      if (op.ok && !path2.empty()) link(path, path2);
      break;
    case NameOp::Kind::Rename:
      if (op.ok && !path2.empty()) rename(path, path2);
      break;
    case NameOp::Kind::Exchange:
      if (op.ok && !path2.empty()) exchange(path, path2);
      break;
    case NameOp::Kind::Remove: remove(path, op.ok, op.err); break;
  }
  return kNone;
}

FileModel::NodeId FileModel::at(const std::string& path) {
  PathState& st = paths_[path];
  if (st.bound != kNone) return st.bound;
  // Never named by the run (or gone, and still used: a stale name): a file that was
  // there before the run.
  const NodeId id = make(FileNode::Kind::Regular, false);
  nodes_[id].origin = path;
  if (auto seen = seen_modes_.find(path); seen != seen_modes_.end()) {
    nodes_[id].seen_mode = seen->second.mode;
    if (seen->second.directory) nodes_[id].kind = FileNode::Kind::Directory;
  }
  if (!st.known) st.existed = true;
  st.known = true;
  st.bound = id;
  return id;
}

FileModel::NodeId FileModel::open(const std::string& path, std::int64_t flags,
                                  std::optional<unsigned> mode) {
  if ((flags & O_TMPFILE) == O_TMPFILE) return kNone;
  const bool creat = (flags & O_CREAT) != 0;
  const bool trunc = (flags & O_TRUNC) != 0;
  auto found = paths_.find(path);
  if (found != paths_.end() && found->second.bound != kNone) {
    const NodeId id = found->second.bound;
    if (trunc && nodes_[id].kind == FileNode::Kind::Regular) reset_content(id);
    if (trunc) found->second.named = true;
    return id;
  }
  if (creat) {
    // O_CREAT on a name the run has not seen is taken as a creation, whether or not an
    // earlier run left a file there: the same call gives the same verdict either way.
    // Without O_TRUNC or O_EXCL (`>>`, dd conv=notrunc) whatever was there stays, unless
    // the run knows there was nothing.
    const bool known_absent = found != paths_.end() && found->second.known;
    const NodeId id = make(FileNode::Kind::Regular, true);
    nodes_[id].mode = mode;
    nodes_[id].replaced = trunc || (flags & O_EXCL) != 0 || known_absent;
    bind(path, id, true);
    return id;
  }
  const NodeId id = at(path);
  if ((flags & O_DIRECTORY) != 0) nodes_[id].kind = FileNode::Kind::Directory;
  if (trunc) {
    reset_content(id);
    paths_[path].named = true;
  }
  return id;
}

void FileModel::mkdir(const std::string& path, bool ok, int err, unsigned mode, bool explicit_mode) {
  if (ok) {
    const NodeId id = make(FileNode::Kind::Directory, true);
    nodes_[id].mode = mode;
    nodes_[id].explicit_mode = explicit_mode;
    bind(path, id, true);
  } else if (err == EEXIST) {
    // `mkdir -p` over a directory an earlier run made: the same state as making it.
    const NodeId id = at(path);
    // Not explicit here even when the mode was: `install -D` asks it for every
    // ancestor. A run that made it with that mode matches through
    // NormalizedTrace::existing_dirs.
    if (!nodes_[id].created) nodes_[id].kind = FileNode::Kind::Directory;
    paths_[path].named = true;
  }
}

void FileModel::mknod(const std::string& path, std::string description) {
  const NodeId id = make(FileNode::Kind::Special, true);
  nodes_[id].detail = std::move(description);
  bind(path, id, true);
}

void FileModel::symlink(const std::string& path, std::string_view target) {
  const NodeId id = make(FileNode::Kind::Symlink, true);
  nodes_[id].detail = std::string(target);
  bind(path, id, true);
}

void FileModel::link(const std::string& from, const std::string& to) {
  const NodeId id = at(from);
  bind(to, id, true);
}

void FileModel::move_below(const std::string& from, const std::string& to) {
  // Names below a renamed directory move with it.
  std::vector<std::pair<std::string, PathState>> moved;
  for (auto it = paths_.begin(); it != paths_.end();) {
    if (it->first.size() > from.size() && path_under(it->first, from)) {
      moved.emplace_back(to + it->first.substr(from.size()), it->second);
      it = paths_.erase(it);
    } else {
      ++it;
    }
  }
  for (auto& [path, st] : moved) {
    PathState& dst = paths_[path];
    dst.bound = st.bound;
    dst.known = true;
    dst.named = dst.named || st.named;
    if (st.created_here && !dst.created_here) {
      dst.created_here = true;
      dst.creation = st.creation;
    }
  }
}

void FileModel::rename(const std::string& from, const std::string& to) {
  const NodeId id = at(from);
  PathState& src = paths_[from];
  src.bound = kNone;
  src.named = true;
  src.last = current;
  // Only a directory has names below it; a file renamed onto its target (every zip,
  // sed -i, cmake output) must not scan the whole table.
  if (nodes_[id].kind == FileNode::Kind::Directory) move_below(from, to);
  bind(to, id, true);
}

void FileModel::exchange(const std::string& a, const std::string& b) {
  const NodeId ia = at(a), ib = at(b);
  bind(a, ib, false);
  bind(b, ia, false);
}

void FileModel::remove(const std::string& path, bool ok, int err) {
  PathState& st = paths_[path];
  if (ok) {
    if (!st.known) st.existed = true;
    st.known = true;
    st.bound = kNone;
    st.named = true;
    st.last = current;
  } else if (err == ENOENT && !st.known) {
    st.known = true;  // nothing there: an O_CREAT that follows makes a new file
  }
}

void FileModel::write(NodeId node, const Chunk& chunk) {
  nodes_[node].content.emplace_back(chunk);
  nodes_[node].changed = true;
  nodes_[node].last = current;
}

void FileModel::truncate(NodeId node, std::uint64_t length, Item op) {
  if (length == 0) {
    reset_content(node);
    return;
  }
  FileNode& n = nodes_[node];
  n.content.emplace_back(OpRef{static_cast<std::uint32_t>(n.ops.size())});
  n.ops.push_back(std::move(op));
  n.changed = true;
  n.last = current;
}

void FileModel::saw_mode(const std::string& path, unsigned mode, bool directory) {
  auto it = paths_.find(path);
  if (it == paths_.end() || it->second.bound == kNone) {
    seen_modes_[path] = {mode, directory};
    return;
  }
  FileNode& n = nodes_[it->second.bound];
  if (n.created) return;
  if (!n.mode) n.seen_mode = mode;
  if (directory) n.kind = FileNode::Kind::Directory;
}

void FileModel::mark(NodeId node, Item item) {
  FileNode& n = nodes_[node];
  n.content.emplace_back(OpRef{static_cast<std::uint32_t>(n.ops.size())});
  n.ops.push_back(std::move(item));
  n.changed = true;
  n.last = current;
}

void FileModel::chmod(NodeId node, unsigned mode) {
  nodes_[node].explicit_mode = true;
  nodes_[node].mode = mode;
  nodes_[node].changed = true;
  nodes_[node].last = current;
}

void FileModel::chown(NodeId node, std::string owner) {
  nodes_[node].owner = std::move(owner);
  nodes_[node].changed = true;
  nodes_[node].last = current;
}

bool FileModel::reported(const PathState& st) const {
  if (st.bound == kNone) return st.named && st.existed;  // deleted
  return st.named || nodes_[st.bound].changed;
}

std::vector<std::string> FileModel::transient_names() const {
  std::unordered_set<std::string_view> gone;
  for (const auto& [path, st] : paths_)
    if (st.created_here && st.bound == kNone) gone.insert(path);
  std::vector<std::pair<std::uint32_t, const std::string*>> outer;
  for (const auto& [path, st] : paths_) {
    if (!gone.contains(path)) continue;
    bool below = false;
    for (std::string_view up = dirname(path); !below && up.size() > 1; up = dirname(up))
      below = gone.contains(up);
    if (!below) outer.emplace_back(st.creation, &path);
  }
  std::sort(outer.begin(), outer.end(),
            [](const auto& x, const auto& y) { return x.first != y.first ? x.first < y.first : *x.second < *y.second; });
  std::vector<std::string> out;
  out.reserve(outer.size());
  for (const auto& [order, path] : outer) out.push_back(*path);
  return out;
}

}  // namespace golden::eqv
