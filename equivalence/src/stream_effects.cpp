// Bytes written: every write-like call becomes a chunk of the stream or file its fd
// refers to; chunks are merged later (content_render), so how many calls carried the
// bytes never matters. Reads only matter for stdin and for directory listings.
#include <unistd.h>

#include <string_view>
#include <utility>

#include "args.hpp"
#include "effects_internal.hpp"
#include "golden/syscalls/families.hpp"

namespace golden::eqv {
namespace {

using K = FdTarget::Kind;
using syscalls::Family;
using syscalls::has_family;

const Arg* payload_arg(const Event& e) {
  for (const Arg& a : e.args)
    if (a.kind == ArgKind::Buffer && a.data) return &a;
  return nullptr;
}

// The offset a write to a file lands at, when it is not right after the previous write.
// Appends (O_APPEND, or a seek to the end as tee -a and stdio's "a" do) are not offsets:
// the end is wherever the file's earlier content, which differs from run to run, ends.
std::optional<std::uint64_t> moved_offset(FdTarget& target, const Event& e) {
  std::optional<std::uint64_t> at = target.seek_to;
  target.seek_to.reset();
  if (target.append || std::exchange(target.seek_to_end, false)) {
    target.next_write = at.value_or(target.next_write) + static_cast<std::uint64_t>(e.ret);
    return std::nullopt;
  }
  const std::string_view name = e.name;
  if (has_family(name, Family::Positional))
    at = static_cast<std::uint64_t>(
        int_of(arg_named(e, has_family(name, Family::Vectored) ? "pos_l" : "offset")).value_or(0));
  const std::uint64_t here = at.value_or(target.next_write);
  const bool moved = at && *at != target.next_write;
  target.next_write = here + static_cast<std::uint64_t>(e.ret);
  return moved ? at : std::nullopt;
}

void on_write(Extractor& walk, const Event& e) {
  if (e.failed() || e.ret <= 0) return;
  FdRef target = walk.fd_target(find_arg(e, "fd", ArgKind::Fd));
  if (!target) return;
  if (target->kind != K::Stdout && target->kind != K::Stderr && target->kind != K::File) return;
  if (target->kind == K::File) {
    if (auto at = moved_offset(*target, e)) walk.write_offset(*target, *at);
  }
  Chunk c = walk.make_chunk();
  if (const Arg* buf = payload_arg(e)) {
    const Payload& p = *buf->data;
    if (p.length != static_cast<std::uint64_t>(e.ret)) walk.count("equivalence.payload_length_mismatch");
    c.raw = StreamHash(p.hash, p.length);
    c.head = p.head;
    c.complete = p.complete();
  } else {
    // Without a payload only the length is known (e.g. a decoder that skipped iovecs).
    walk.count("equivalence.write_without_payload");
    c.raw = StreamHash(0, static_cast<std::uint64_t>(e.ret));
    c.complete = false;
  }
  walk.write_chunk(*target, std::move(c));
}

// sendfile / copy_file_range / splice / tee: the kernel moves bytes the trace never sees.
void on_copy(Extractor& walk, const Event& e) {
  const Arg* in = arg_named(e, "in_fd");
  if (in == nullptr) in = arg_named(e, "fd_in");
  const Arg* out = arg_named(e, "out_fd");
  if (out == nullptr) out = arg_named(e, "fd_out");
  if (in == nullptr || out == nullptr || e.failed() || e.ret <= 0) return;
  FdRef src = walk.fd_target(in);
  FdRef dst = walk.fd_target(out);
  if (src && src->kind == K::Stdin) walk.stdin_read();
  if (!dst || (dst->kind != K::Stdout && dst->kind != K::Stderr && dst->kind != K::File)) return;
  // A file the run wrote whole, copied whole: its bytes are known, and cat or cp may copy
  // them in the kernel or through read/write depending on the file systems involved.
  if (src && src->kind == K::File) {
    if (const std::vector<Chunk>* known = walk.known_content(*src, static_cast<std::uint64_t>(e.ret))) {
      for (const Chunk& from : *known) {
        Chunk c = walk.make_chunk();
        c.raw = from.raw;
        c.head = from.head;
        c.complete = from.complete;
        walk.write_chunk(*dst, c);
      }
      return;
    }
  }
  Chunk c = walk.make_chunk();
  c.copy = true;
  c.complete = false;
  c.raw = StreamHash(0, static_cast<std::uint64_t>(e.ret));
  std::string from;
  if (!src) {
    from = "?";
  } else if (src->kind == K::File || src->kind == K::Directory) {
    from = walk.templated_path(src->path);
  } else if (src->kind == K::Stdin) {
    from = "<stdin>";
  } else if (src->kind == K::Pipe) {
    from = "<pipe>";
  } else if (src->kind == K::Socket) {
    from = "<socket>";
  } else {
    from = "<" + walk.templated_text(src->desc()) + ">";
  }
  c.copy_from = walk.intern_copy_source(std::move(from));
  walk.write_chunk(*dst, std::move(c));
}

void on_read(Extractor& walk, const Event& e) {
  if (e.failed()) return;
  FdRef t = walk.fd_target(find_arg(e, "fd", ArgKind::Fd));
  if (t && t->kind == K::Stdin) walk.stdin_read();
  if (!t || t->kind != K::File || !walk.net_effects() || !t->reading_from_start) return;
  // A file read to its end from its start: what it held (see Extractor::found_content).
  const std::string_view name = e.name;
  const Arg* buf = payload_arg(e);
  if (has_family(name, Family::Positional) || (e.ret > 0 && buf == nullptr)) {
    t->reading_from_start = false;
    return;
  }
  if (e.ret > 0) {
    t->read_so_far.append(StreamHash(buf->data->hash, buf->data->length));
  } else if (e.ret == 0) {
    walk.found_content(*t);
  }
}

void on_lseek(Extractor& walk, const Event& e) {
  if (e.failed() || e.ret < 0) return;
  FdRef t = walk.fd_target(find_arg(e, "fd", ArgKind::Fd));
  if (t && t->kind == K::File) {
    t->seek_to = static_cast<std::uint64_t>(e.ret);
    const Arg* whence = arg_named(e, "whence");
    t->seek_to_end = whence != nullptr && (whence->text == "SEEK_END" || whence->raw == SEEK_END);
    if (e.ret != 0) t->reading_from_start = false;
  }
}

void on_getdents(Extractor& walk, const Event& e) {
  if (e.failed()) return;
  FdRef t = walk.fd_target(find_arg(e, "fd", ArgKind::Fd));
  // A directory opened without O_DIRECTORY (tar, fdopendir users) looked like a file.
  if (t && t->kind == K::File) t->kind = K::Directory;
  if (t && t->kind == K::Directory) {
    walk.user_read(t->path, true);
    if (walk.net_effects()) walk.found_directory(t->path);
  }
}

}  // namespace

Handler stream_handler(std::string_view name) {
  if (has_family(name, Family::Write)) return on_write;
  if (has_family(name, Family::Copy)) return on_copy;
  if (has_family(name, Family::Read)) return on_read;
  if (name == "getdents" || name == "getdents64") return on_getdents;
  if (name == "lseek") return on_lseek;
  return nullptr;
}

}  // namespace golden::eqv
