// include_classes / include_syscalls: the normalized call-by-call sequence of each
// thread for the chosen syscalls — fds by what they refer to, paths templated,
// pointers, buffers' addresses and opaque structures dropped, timing gone.
#include <fmt/format.h>

#include <algorithm>
#include <cerrno>

#include "args.hpp"
#include "effects_internal.hpp"
#include "golden/model/arg_text.hpp"
#include "golden/model/escape.hpp"
#include "golden/syscalls/syscall_table.hpp"

namespace golden::eqv {
namespace {

bool included(const CompareConfig& c, const Event& e) {
  if (c.include_classes == 0 && c.include_syscalls.empty()) return false;
  if (std::find(c.include_syscalls.begin(), c.include_syscalls.end(), e.name) !=
      c.include_syscalls.end())
    return true;
  const SyscallInfo* info = syscall_by_name(e.name);
  return info != nullptr && (info->classes & c.include_classes) != 0;
}

std::string fd_text(Extractor& walk, const Arg& a) {
  if (a.raw == -100) return "AT_FDCWD";
  FdRef t = walk.targets.find(a.ofd);
  if (t) {
    switch (t->kind) {
      case FdTarget::Kind::Stdin: return "<stdin>";
      case FdTarget::Kind::Stdout: return "<stdout>";
      case FdTarget::Kind::Stderr: return "<stderr>";
      case FdTarget::Kind::File:
      case FdTarget::Kind::Directory: return "<" + walk.templated_path(t->path) + ">";
      case FdTarget::Kind::Null: return "</dev/null>";
      default: break;
    }
  }
  // Pipe and socket inode numbers differ between runs: keep only their kind.
  std::string d = a.str;
  if (d.starts_with("pipe:")) return "<pipe>";
  if (d.starts_with("socket:")) return "<socket>";
  if (d.starts_with("anon_inode:")) return "<" + d.substr(0, d.find('[')) + ">";
  if (d.starts_with('/')) return "<" + walk.templated_path(d) + ">";
  return d.empty() ? "<fd>" : "<" + walk.templated_text(d) + ">";
}

// Whether a call only shows the runtime at work (system paths, failed probes).
bool noisy(Extractor& walk, const Event& e) {
  if (walk.noise.keep_noise()) return false;
  if (e.failed() && e.err == ENOENT) return true;
  for (const Arg& a : e.args) {
    std::string p;
    if (a.kind == ArgKind::Path) p = a.str;
    if (a.kind == ArgKind::Fd) {
      FdRef t = walk.targets.find(a.ofd);
      if (t && (t->kind == FdTarget::Kind::File || t->kind == FdTarget::Kind::Directory))
        p = t->path;
      else if (a.str.starts_with('/'))
        p = a.str;
    }
    if (!p.empty() && walk.noise.noise_read(p, walk.templated_path(p))) return true;
    if (!p.empty() && walk.noise.ignored(p, walk.templated_path(p))) return true;
  }
  return false;
}

}  // namespace

std::optional<PendingLine> begin_syscall_line(Extractor& walk, const Event& e) {
  if (!included(walk.config, e) || walk.relaxed(Category::Syscalls) || noisy(walk, e)) return std::nullopt;
  std::string line = e.name + "(";
  bool first = true;
  for (const Arg& a : e.args) {
    std::string v;
    switch (a.kind) {
      case ArgKind::Ptr: continue;  // addresses differ from run to run
      case ArgKind::Fd: v = fd_text(walk, a); break;
      case ArgKind::Path: v = quote_bytes(walk.templated_path(a.str)); break;
      case ArgKind::String: v = walk.templated_quoted(a.str); break;
      case ArgKind::Sockaddr: v = walk.templated_text(a.str.empty() ? a.text : a.str); break;
      case ArgKind::Buffer:
        v = fmt::format("<{} bytes>", a.data ? a.data->length : static_cast<std::uint64_t>(a.raw));
        break;
      case ArgKind::Argv: {
        v = "[";
        for (std::size_t i = 0; i < a.list.size(); ++i)
          v += (i ? ", " : "") + walk.templated_quoted(a.list[i]);
        v += "]";
        break;
      }
      case ArgKind::Struct: v = "{...}"; break;  // may hold times, inodes, addresses
      default: v = a.text.empty() ? conventional_text(a) : a.text; break;
    }
    line += (first ? "" : ", ") + v;
    first = false;
  }
  line += ") = ";
  return PendingLine{std::move(line)};
}

void finish_syscall_line(Extractor& walk, const Event& e, PendingLine pending) {
  std::string line = std::move(pending.text);
  const SyscallInfo* info = syscall_by_name(e.name);
  if (e.failed()) {
    line += "-1 " + errno_name(e.err);
  } else if (!e.finished) {
    line += "?";
  } else if (info != nullptr && info->returns_addr) {
    line += "ADDR";
  } else if (info != nullptr && info->returns_fd) {
    Arg fake;
    fake.raw = e.ret;
    fake.str = e.ret_ref;
    line += fd_text(walk, fake);
  } else {
    line += std::to_string(e.ret);
  }
  std::string label = walk.tree.thread_label(e.pid, e.tid, e.seq);
  walk.call_owner.try_emplace(label, walk.proc_list());
  Item it;
  it.category = Category::Syscalls;
  it.text = display_key(line);
  it.key = std::move(line);
  it.seq = e.seq;
  it.process = walk.proc();
  walk.calls[label].push_back(std::move(it));
}

}  // namespace golden::eqv
