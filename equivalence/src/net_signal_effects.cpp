// Network endpoints (connect, sendto with an address, bind, listen, accept) and
// signals sent (to other processes, or a program's own). Listed per process, in program order.
#include <cerrno>
#include <csignal>
#include <string_view>

#include "args.hpp"
#include "effects_internal.hpp"
#include "golden/syscalls/families.hpp"

namespace golden::eqv {
namespace {

using K = FdTarget::Kind;

// The canonical endpoint; "" when the call named none (sendto on a connected socket
// passes NULL).
std::string endpoint_of(const Arg* a) {
  if (a == nullptr) return {};
  return a->str;
}

std::string outcome(const Event& e) {
  // A non-blocking connect that is under way is a contact made.
  if (!e.failed() || e.err == EINPROGRESS) return {};
  return " = " + errno_name(e.err);
}

void on_connect(Extractor& walk, const Event& e) {
  std::string ep = endpoint_of(find_arg(e, "addr", ArgKind::Sockaddr));
  FdRef t = walk.fd_target(find_arg(e, "sockfd", ArgKind::Fd));
  if (t && t->kind == K::Socket && !e.failed()) t->set_desc(ep);
  if (ep.empty() || walk.noise.noise_endpoint(ep)) return;
  walk.process_item(walk.net[walk.proc_list()], Category::Network, "connect " + walk.templates.endpoint(ep) + outcome(e));
}

void on_sendto(Extractor& walk, const Event& e) {
  std::string ep = endpoint_of(find_arg(e, "dest_addr", ArgKind::Sockaddr));
  if (ep.empty() || walk.noise.noise_endpoint(ep)) return;  // connected socket: already listed
  walk.process_item(walk.net[walk.proc_list()], Category::Network, "sendto " + walk.templates.endpoint(ep) + outcome(e));
}

void on_bind(Extractor& walk, const Event& e) {
  std::string ep = endpoint_of(find_arg(e, "addr", ArgKind::Sockaddr));
  FdRef t = walk.fd_target(find_arg(e, "sockfd", ArgKind::Fd));
  if (t && t->kind == K::Socket && !e.failed()) t->set_desc(ep);
  if (ep.empty() || walk.noise.noise_endpoint(ep)) return;
  walk.process_item(walk.net[walk.proc_list()], Category::Network, "bind " + walk.templates.endpoint(ep) + outcome(e));
}

void on_listen(Extractor& walk, const Event& e) {
  FdRef t = walk.fd_target(find_arg(e, "sockfd", ArgKind::Fd));
  std::string ep = t ? t->desc() : std::string("?");
  if (walk.noise.noise_endpoint(ep)) return;
  walk.process_item(walk.net[walk.proc_list()], Category::Network, "listen " + walk.templates.endpoint(ep) + outcome(e));
}

void on_accept(Extractor& walk, const Event& e) {
  FdRef t = walk.fd_target(find_arg(e, "sockfd", ArgKind::Fd));
  std::string ep = t ? t->desc() : std::string("?");
  if (!e.failed()) walk.bind_returned(e, 0, walk.targets.make(K::Socket, {}, e.ret_ref));
  if (walk.noise.noise_endpoint(ep)) return;
  // The peer's address has an ephemeral port: only the listening side is stable.
  walk.process_item(walk.net[walk.proc_list()], Category::Network, "accept on " + walk.templates.endpoint(ep) + outcome(e));
}

void on_signal(Extractor& walk, const Event& e) {
  const Arg* sig = find_arg(e, "sig", ArgKind::Signal);
  if (sig != nullptr && sig->raw == 0) return;  // kill(pid, 0): an existence probe
  std::string target;
  if (e.name == "pidfd_send_signal") {
    target = "pidfd";
  } else {
    std::int64_t pid = 0;
    if (e.name == "tkill") {
      auto tid = int_of(arg_named(e, "tid")).value_or(0);
      pid = walk.tree.process_of_tid(static_cast<std::int32_t>(tid)).value_or(Pid{0}).value;
      if (pid == 0) pid = tid;
    } else {
      const Arg* a = arg_named(e, "pid");
      if (a == nullptr) a = arg_named(e, "tgid");
      pid = int_of(a).value_or(0);
    }
    if (pid > 0) {
      const ProcNode* self = walk.tree.node_of(e.pid, e.seq);
      const ProcNode* other = walk.tree.node_of(Pid{static_cast<std::int32_t>(pid)}, e.seq);
      if (other != nullptr && self != nullptr && other == self) {
        // A signal a program sends itself (`kill -USR1 $$`, raise()) is behaviour; the
        // ones runtimes send their own threads (Go's SIGURG preemption, glibc's
        // real-time signals for thread cancellation and setxid, profilers' SIGPROF) are not.
        const std::int64_t n = sig != nullptr ? sig->raw : 0;
        if (n >= 32 || n == SIGURG || n == SIGPROF) return;
        target = "self";
      } else {
        target = other != nullptr ? other->key : "pid " + walk.templates.pid_name(static_cast<std::int32_t>(pid));
      }
    } else if (pid == 0) {
      target = "own process group";
    } else if (pid == -1) {
      target = "every process";
    } else {
      const ProcNode* g = walk.tree.node_of(Pid{static_cast<std::int32_t>(-pid)}, e.seq);
      target = "process group of " +
               (g != nullptr ? g->key : walk.templates.pid_name(static_cast<std::int32_t>(-pid)));
    }
  }
  walk.process_item(walk.sig[walk.proc_list()], Category::Signals,
                 "signal " + signal_text(sig) + " -> " + target + outcome(e));
}

}  // namespace

Handler net_signal_handler(std::string_view name) {
  if (name == "connect") return on_connect;
  if (syscalls::has_family(name, syscalls::Family::Send)) return on_sendto;
  if (name == "bind") return on_bind;
  if (name == "listen") return on_listen;
  if (syscalls::has_family(name, syscalls::Family::Accept)) return on_accept;
  if (syscalls::has_family(name, syscalls::Family::SignalSend)) return on_signal;
  return nullptr;
}

}  // namespace golden::eqv
