// observe(): the extractor's walk, read back before templating (observed.hpp).
#include <algorithm>

#include "effects_internal.hpp"
#include "fd_id_replay.hpp"
#include "golden/equivalence/observed.hpp"

namespace golden {
namespace eqv {
namespace {

void append_chunk(ObservedBytes& out, const Chunk& c) {
  out.bytes.append(c.head);
  out.length += c.raw.length();
  out.complete = out.complete && c.complete && !c.copy;
  out.seqs.push_back(c.seq);
}

void append_entries(ObservedBytes& out, const std::vector<Entry>& entries) {
  for (const Entry& e : entries)
    if (const Chunk* c = std::get_if<Chunk>(&e)) append_chunk(out, *c);
}

ObservedFile::Kind kind_of(FileNode::Kind k) {
  switch (k) {
    case FileNode::Kind::Regular: return ObservedFile::Kind::Regular;
    case FileNode::Kind::Directory: return ObservedFile::Kind::Directory;
    case FileNode::Kind::Symlink: return ObservedFile::Kind::Symlink;
    case FileNode::Kind::Special: return ObservedFile::Kind::Special;
  }
  return ObservedFile::Kind::Regular;
}

}  // namespace

ObservedEffects Extractor::observe() {
  walk();
  ObservedEffects o;
  append_entries(o.out, out.entries);
  append_entries(o.err, err.entries);
  for (const auto& [abs, st] : model.paths()) {
    if (abs.empty() || !model.reported(st)) continue;
    ObservedFile f;
    f.path = abs;
    f.seq = st.last;
    if (st.bound == FileModel::kNone) {
      f.change = ObservedFile::Change::Deleted;
      f.kind = ObservedFile::Kind::None;
    } else {
      const FileNode& n = model.node(st.bound);
      f.change = n.created ? ObservedFile::Change::Created : ObservedFile::Change::Modified;
      f.kind = kind_of(n.kind);
      f.seq = std::max(st.last, n.last);
      append_entries(f.written, n.content);
    }
    o.files.push_back(std::move(f));
  }
  std::sort(o.files.begin(), o.files.end(),
            [](const ObservedFile& a, const ObservedFile& b) { return a.path < b.path; });
  o.transient = model.transient_names();
  return o;
}

}  // namespace eqv

ObservedEffects observe(const Trace& trace, const TraceHeader& header) {
  CompareConfig config;
  add_environment_defaults(config);
  // Dense seqs and fd identities, on a copy when the trace lacks them.
  const eqv::WalkInput input = eqv::walk_input(trace, config);
  eqv::Extractor extractor(*input.trace, config, header);
  extractor.discover();
  return extractor.observe();
}

std::string_view to_string(ObservedFile::Change change) {
  switch (change) {
    case ObservedFile::Change::Created: return "created";
    case ObservedFile::Change::Modified: return "modified";
    case ObservedFile::Change::Deleted: return "deleted";
  }
  return "?";
}

std::string_view to_string(ObservedFile::Kind kind) {
  switch (kind) {
    case ObservedFile::Kind::Regular: return "file";
    case ObservedFile::Kind::Directory: return "directory";
    case ObservedFile::Kind::Symlink: return "symlink";
    case ObservedFile::Kind::Special: return "special file";
    case ObservedFile::Kind::None: return "nothing";
  }
  return "?";
}

}  // namespace golden
