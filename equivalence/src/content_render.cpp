// From chunks to comparable items. Consecutive chunks between two operations form a
// block; a block is compared as its raw concatenation (StreamHash + length: chunking
// never matters) or, when every chunk's head is complete, line by line after
// templating (so a printed temp path or pid doesn't make two runs differ). Writers
// that are not causally ordered get a channel each: their interleaving is timing.
#include <fmt/format.h>

#include <algorithm>
#include <map>

#include "golden/model/byte_scan.hpp"
#include "effects_internal.hpp"
#include "golden/model/escape.hpp"

namespace golden::eqv {
namespace {

std::string hash_text(const StreamHash& h) { return fmt::format("{:016x}", h.value()); }

// A logical line with each backslash-newline, and the blanks around it, made one space.
std::string_view join_continuations(std::string_view line) {
  thread_local std::string joined;
  joined.clear();
  for (std::size_t i = 0; i < line.size(); ++i) {
    if (line[i] == '\\' && i + 1 < line.size() && line[i + 1] == '\n' && i + 2 < line.size()) {
      while (!joined.empty() && (joined.back() == ' ' || joined.back() == '\t')) joined.pop_back();
      i += 2;
      while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
      joined += ' ';
      --i;
      continue;
    }
    joined += line[i];
  }
  return joined;
}

struct BlockWriter {
  Extractor& walk;
  const ChannelBuilder& b;
  Channel& ch;
  RenderBuffers& buf;

  // Built in place: an Item is five strings, moving one is not free.
  void add_item(std::string key, Seq seq, const std::string* process) const {
    Item& it = ch.items.emplace_back();
    it.category = b.content_category;
    it.text = display_key(key);
    it.key = std::move(key);
    it.seq = seq;
    it.process = *process;
    it.path = b.path;
    it.raw_path = b.raw_path;
  }

  // Adds `raw` (the bytes of `chunks`, which start at `offsets`) as lines; returns
  // false when they are binary (nothing added). Each line is templated, then quoted
  // with marked numbers (Item::key); a partial last line only when allowed.
  bool add_lines(std::string_view raw, const std::vector<const Chunk*>& chunks,
                 const std::vector<std::uint64_t>& offsets, bool last_may_be_partial) {
    if (scan::looks_binary(raw)) return false;
    std::size_t pos = 0, c = 0;
    while (pos < raw.size()) {
      std::size_t nl = raw.find('\n', pos);
      // A backslash-newline continues the line (make, sh, C): where a tool wraps a long
      // line depends on the length of the paths in it (gcc's -MD depfiles).
      bool continued = false;
      while (nl != std::string_view::npos && nl > pos && raw[nl - 1] == '\\') {
        continued = true;
        nl = raw.find('\n', nl + 1);
      }
      bool partial = nl == std::string_view::npos;
      if (partial && !last_may_be_partial) break;
      std::size_t end = partial ? raw.size() : nl + 1;
      while (c + 1 < chunks.size() && offsets[c + 1] <= pos) ++c;
      std::string_view line = raw.substr(pos, end - pos);
      if (continued) line = join_continuations(line);
      // Templated on the raw bytes (a path with non-ASCII characters is still a path),
      // then quoted with the marks kept.
      std::string key;
      if (walk.config.template_content) {
        walk.templates.append_quoted_text(key, line, true);
      } else {
        append_quoted(key, line);
      }
      add_item(std::move(key), chunks[c]->seq, chunks[c]->process);
      pos = end;
    }
    return true;
  }

  void block(const std::vector<const Chunk*>& chunks) {
    if (chunks.empty()) return;
    ContentBlock blk;
    blk.first_item = ch.items.size();
    std::vector<std::uint64_t>& offsets = buf.offsets;
    offsets.clear();
    std::uint64_t at = 0;
    for (const Chunk* c : chunks) {
      offsets.push_back(at);
      at += c->raw.length();
      blk.raw.append(c->raw);
      blk.complete = blk.complete && c->complete;
    }
    if (blk.complete) {
      std::string& raw = buf.raw;
      raw.clear();
      for (const Chunk* c : chunks) raw += c->head;
      if (!add_lines(raw, chunks, offsets, true)) {
        std::string t = walk.config.template_content ? walk.templates.text(raw, true, 3) : raw;
        StreamHash h = StreamHash::of(t);
        add_item(fmt::format("<binary, {} bytes, hash {}>", h.length(), hash_text(h)),
                 chunks.front()->seq, chunks.front()->process);
      }
    } else {
      // What the capture saw (complete chunks, then the head of the first cut one) line
      // by line; the rest only by the hash of the whole block, which is what decides.
      std::size_t n = 0;
      std::string prefix;
      while (n < chunks.size() && chunks[n]->complete) prefix += chunks[n++]->head;
      if (n < chunks.size()) prefix += chunks[n]->head;
      std::size_t cut = prefix.rfind('\n');
      std::size_t shown = 0;
      if (cut != std::string::npos) {
        std::vector<const Chunk*> pc(chunks.begin(),
                                     chunks.begin() + static_cast<long>(std::min(n + 1, chunks.size())));
        if (add_lines(std::string_view(prefix).substr(0, cut + 1), pc, offsets, false)) shown = cut + 1;
      }
      const Chunk* from = n < chunks.size() ? chunks[n] : chunks.back();
      add_item(fmt::format("<{} more bytes not captured (raise -s); all {} bytes hash {}>",
                           blk.raw.length() - shown, blk.raw.length(), hash_text(blk.raw)),
               from->seq, from->process);
    }
    blk.item_count = ch.items.size() - blk.first_item;
    ch.blocks.push_back(blk);
  }

  // Splits a run of chunks at in-kernel copies (which are items of their own) and
  // renders the rest as blocks.
  void run(const std::vector<const Chunk*>& chunks) {
    if (std::none_of(chunks.begin(), chunks.end(), [](const Chunk* c) { return c->copy; })) {
      block(chunks);
      return;
    }
    std::vector<const Chunk*> pending;
    for (std::size_t i = 0; i < chunks.size(); ++i) {
      const Chunk* c = chunks[i];
      if (!c->copy) {
        pending.push_back(c);
        continue;
      }
      block(pending);
      pending.clear();
      std::uint64_t total = c->raw.length();
      while (i + 1 < chunks.size() && chunks[i + 1]->copy && chunks[i + 1]->copy_from == c->copy_from)
        total += chunks[++i]->raw.length();
      add_item(fmt::format("<copied {} bytes from {}>", total, walk.copy_source(c->copy_from)), c->seq,
               c->process);
    }
    block(pending);
  }
};

}  // namespace

void render_channel(Extractor& walk, ChannelBuilder& b, std::vector<Channel>& out) {
  // Are all writers causally ordered? Checked between consecutive chunks of different
  // writers, with the structural clock (spawn/reap): stable from run to run.
  bool split = false;
  std::size_t chunk_count = 0;
  const Chunk* prev = nullptr;
  for (const Entry& e : b.entries) {
    const Chunk* c = std::get_if<Chunk>(&e);
    if (c == nullptr) continue;
    ++chunk_count;
    if (prev != nullptr && prev->writer != c->writer && walk.unordered_writes.contains({prev->seq, c->seq}))
      split = true;
    prev = c;
  }
  if (split) ++walk.counters["equivalence.concurrent_writers_split"];

  Channel main;
  main.name = b.name;
  main.category = b.category == Category::FileOps ? Category::FileOps : b.category;
  // Per-writer channels are shown in label order.
  std::map<std::string, Channel> per_writer;
  // Chunks since the last operation: all for `main` unless split, then by writer label.
  std::vector<const Chunk*> pending_main;
  std::map<std::string, std::vector<const Chunk*>> pending_split;
  if (!split) {
    main.items.reserve(b.entries.size());  // most chunks are one line
    pending_main.reserve(chunk_count);
  }

  auto flush = [&]() {
    if (!pending_main.empty()) {
      BlockWriter{walk, b, main, walk.render_buffers}.run(pending_main);
      pending_main.clear();
    }
    for (auto& [writer, chunks] : pending_split) {
      if (chunks.empty()) continue;
      Channel& ch = per_writer[writer];
      if (ch.name.empty()) {
        ch.name = b.name + " from " + writer;
        ch.category = b.content_category;
      }
      BlockWriter{walk, b, ch, walk.render_buffers}.run(chunks);
      chunks.clear();
    }
  };
  for (Entry& e : b.entries) {
    if (const OpRef* op = std::get_if<OpRef>(&e)) {
      flush();
      main.items.push_back(std::move(b.ops[op->index]));
    } else {
      const Chunk& c = std::get<Chunk>(e);
      if (split) {
        pending_split[walk.writer_label(c.writer)].push_back(&c);
      } else {
        pending_main.push_back(&c);
      }
    }
  }
  flush();
  if (!main.items.empty()) {
    // A file channel whose only entries are bytes is about its content.
    bool ops = false;
    for (const Item& it : main.items) ops = ops || it.category == Category::FileOps;
    if (!ops) main.category = b.content_category;
    out.push_back(std::move(main));
  }
  for (auto& [w, ch] : per_writer)
    if (!ch.items.empty()) out.push_back(std::move(ch));
}

}  // namespace golden::eqv
