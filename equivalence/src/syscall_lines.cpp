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

std::string fd_text(Extractor& x, const Arg& a) {
  if (a.raw == -100) return "AT_FDCWD";
  FdRef t = x.fds.get(x.ev->pid, a.raw);
  if (t) {
    switch (t->kind) {
      case FdTarget::Kind::Stdin: return "<stdin>";
      case FdTarget::Kind::Stdout: return "<stdout>";
      case FdTarget::Kind::Stderr: return "<stderr>";
      case FdTarget::Kind::File:
      case FdTarget::Kind::Directory: return "<" + x.tpath(t->path) + ">";
      case FdTarget::Kind::Null: return "</dev/null>";
      default: break;
    }
  }
  // Pipe and socket inode numbers differ between runs: keep only their kind.
  std::string d = a.str;
  if (d.starts_with("pipe:")) return "<pipe>";
  if (d.starts_with("socket:")) return "<socket>";
  if (d.starts_with("anon_inode:")) return "<" + d.substr(0, d.find('[')) + ">";
  if (d.starts_with('/')) return "<" + x.tpath(d) + ">";
  return d.empty() ? "<fd>" : "<" + x.ttext(d) + ">";
}

// Whether a call only shows the runtime at work (system paths, failed probes).
bool noisy(Extractor& x, const Event& e) {
  if (x.noise.keep_noise()) return false;
  if (e.failed() && e.err == ENOENT) return true;
  for (const Arg& a : e.args) {
    std::string p;
    if (a.kind == ArgKind::Path) p = a.str;
    if (a.kind == ArgKind::Fd) {
      FdRef t = x.fds.get(e.pid, a.raw);
      if (t && (t->kind == FdTarget::Kind::File || t->kind == FdTarget::Kind::Directory))
        p = t->path;
      else if (a.str.starts_with('/'))
        p = a.str;
    }
    if (!p.empty() && x.noise.noise_read(p, x.tpath(p))) return true;
    if (!p.empty() && x.noise.ignored(p, x.tpath(p))) return true;
  }
  return false;
}

}  // namespace

std::optional<PendingLine> begin_syscall_line(Extractor& x, const Event& e) {
  if (!included(x.config, e) || x.relaxed(Category::Syscalls) || noisy(x, e)) return std::nullopt;
  std::string line = e.name + "(";
  bool first = true;
  for (const Arg& a : e.args) {
    std::string v;
    switch (a.kind) {
      case ArgKind::Ptr: continue;  // addresses differ from run to run
      case ArgKind::Fd: v = fd_text(x, a); break;
      case ArgKind::Path: v = quote_bytes(x.tpath(a.str)); break;
      case ArgKind::String: v = x.tquoted(a.str); break;
      case ArgKind::Sockaddr: v = x.ttext(a.str.empty() ? a.text : a.str); break;
      case ArgKind::Buffer:
        v = fmt::format("<{} bytes>", a.data ? a.data->length : static_cast<std::uint64_t>(a.raw));
        break;
      case ArgKind::Argv: {
        v = "[";
        for (std::size_t i = 0; i < a.list.size(); ++i)
          v += (i ? ", " : "") + x.tquoted(a.list[i]);
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

void finish_syscall_line(Extractor& x, const Event& e, PendingLine pending) {
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
    line += fd_text(x, fake);
  } else {
    line += std::to_string(e.ret);
  }
  std::string label = x.tree.thread_label(e.pid, e.tid, e.seq);
  x.call_owner.try_emplace(label, x.proc_list());
  Item it;
  it.category = Category::Syscalls;
  it.text = display_key(line);
  it.key = std::move(line);
  it.seq = e.seq;
  it.process = x.proc();
  x.calls[label].push_back(std::move(it));
}

}  // namespace golden::eqv
