#include "channel_tracker.hpp"

#include <algorithm>
#include <cstdlib>
#include <cstring>

#include "socket_peers.hpp"

namespace golden::rec {
namespace {

constexpr std::size_t kMaxUnclaimed = 256;
constexpr std::size_t kMaxInetWaiting = 1024;
constexpr std::size_t kMaxUnixPendingPerAddress = 128;
constexpr std::size_t kMaxUnixAddresses = 256;

}  // namespace

std::optional<std::uint64_t> ChannelTracker::inode_of(const std::string& d, const char* prefix) {
  // "pipe:[123]", "socket:[456]" as readlink(/proc/PID/fd/N) shows them.
  const std::size_t plen = std::strlen(prefix);
  if (d.size() < plen + 4 || d.compare(0, plen, prefix) != 0 || d[plen] != ':' ||
      d[plen + 1] != '[' || d.back() != ']')
    return std::nullopt;
  char* end = nullptr;
  const unsigned long long v = std::strtoull(d.c_str() + plen + 2, &end, 10);
  if (end != d.c_str() + d.size() - 1) return std::nullopt;
  return v;
}

ChannelPtr ChannelTracker::for_description(const std::string& d, ChannelKind kind_hint) {
  if (auto ino = inode_of(d, "pipe")) return for_inode(*ino, ChannelKind::Pipe);
  if (auto ino = inode_of(d, "socket")) {
    if (kind_hint == ChannelKind::Pipe) kind_hint = ChannelKind::StreamSocket;
    return for_inode(*ino, kind_hint);
  }
  return nullptr;
}

ChannelPtr ChannelTracker::for_inode(std::uint64_t inode, ChannelKind kind) {
  if (auto it = by_inode_.find(inode); it != by_inode_.end()) {
    if (auto c = it->second.lock()) return c;
    by_inode_.erase(it);
  }
  if (auto it = unclaimed_.find(inode); it != unclaimed_.end()) {
    ChannelPtr c = std::move(it->second);
    unclaimed_.erase(it);
    by_inode_[inode] = c;
    return c;
  }
  auto c = std::make_shared<Channel>();
  c->inode = inode;
  c->kind = kind;
  by_inode_[inode] = c;
  if (by_inode_.size() >= sweep_at_) sweep();
  return c;
}

void ChannelTracker::sweep() {
  std::erase_if(by_inode_, [](const auto& kv) { return kv.second.expired(); });
  sweep_at_ = std::max<std::size_t>(1024, 2 * by_inode_.size());
}

void ChannelTracker::pair(const ChannelPtr& a, const ChannelPtr& b) {
  if (!a || !b || a == b) return;
  a->peer = b;
  b->peer = a;
  a->peer_known = b->peer_known = true;
  a->peer_lookup_done = b->peer_lookup_done = true;
  // Bytes written before the pairing was known, and writes still in flight, now go to
  // the other end.
  a->parked->move_into(b->incoming, b, stats_);
  b->parked->move_into(a->incoming, a, stats_);
}

void ChannelTracker::join(const ChannelPtr& c, const Waiting& w) {
  if (auto other = w.channel.lock()) {
    pair(c, other);
    return;
  }
  // The other end is closed already: what it wrote is still to be read here.
  if (w.parked) w.parked->move_into(c->incoming, c, stats_);
  c->peer_known = true;
  c->peer_lookup_done = true;
}

bool ChannelTracker::unix_diag_pair(const ChannelPtr& c) {
  auto peer = unix_peer_inode(c->inode);
  if (!peer) return false;
  ChannelPtr p = for_inode(*peer, c->kind);
  // A peer no fd of ours refers to yet: keep it so its writes/reads pair later.
  if (p.use_count() == 1 && !unclaimed_.count(*peer)) {
    unclaimed_[*peer] = p;
    unclaimed_order_.push_back(*peer);
    if (unclaimed_order_.size() > kMaxUnclaimed) {
      unclaimed_.erase(unclaimed_order_.front());
      unclaimed_order_.pop_front();
    }
  }
  pair(c, p);
  return true;
}

std::string ChannelTracker::discover_peer(Tid tid, const ChannelPtr& c, bool force) {
  if (!c || !c->socket()) return "";
  if (c->peer_known || (c->peer_lookup_done && !force)) return "";
  c->peer_lookup_done = true;
  if (unix_diag_pair(c)) return "";
  auto ends = inet_endpoints(tid, c->inode);
  if (!ends) return "";
  const std::string name = ends->protocol + " " + ends->local + "->" + ends->remote;
  if (ends->remote.empty() || ends->remote.ends_with(":0")) return name;  // not connected
  const std::string key = ends->protocol + "|" + ends->local + "|" + ends->remote;
  const std::string reverse = ends->protocol + "|" + ends->remote + "|" + ends->local;
  if (auto it = inet_waiting_.find(reverse); it != inet_waiting_.end()) {
    const Waiting w = it->second;
    inet_waiting_.erase(it);
    join(c, w);
    return name;
  }
  if (inet_waiting_.try_emplace(key, Waiting{c, c->parked}).second) {
    inet_order_.push_back(key);
    while (inet_order_.size() > kMaxInetWaiting) {
      inet_waiting_.erase(inet_order_.front());
      inet_order_.pop_front();
    }
  }
  c->peer_lookup_done = false;  // the other end may show up later: look again then
  return name;
}

void ChannelTracker::unix_bound(const ChannelPtr& c, const std::string& address) {
  if (c && !address.empty()) c->unix_address = address;
}

void ChannelTracker::unix_connected(const ChannelPtr& client, const std::string& address) {
  if (!client || address.empty() || client->peer_known) return;
  if (!unix_pending_.count(address) && unix_pending_.size() >= kMaxUnixAddresses)
    unix_pending_.erase(unix_pending_.begin());
  auto& q = unix_pending_[address];
  q.push_back(Waiting{client, client->parked});
  if (q.size() > kMaxUnixPendingPerAddress) q.pop_front();
}

void ChannelTracker::unix_accepted(const ChannelPtr& listener, const ChannelPtr& accepted) {
  if (!accepted) return;
  // While the client's socket is open, sock_diag names it exactly.
  if (!accepted->peer_known) unix_diag_pair(accepted);
  auto it = listener ? unix_pending_.find(listener->unix_address) : unix_pending_.end();
  if (it == unix_pending_.end()) return;
  auto& q = it->second;
  if (accepted->peer_known) {
    const ChannelPtr peer = accepted->peer.lock();
    std::erase_if(q, [&](const Waiting& w) { return w.channel.lock() == peer; });
  } else if (!q.empty()) {
    // The client closed before this accept (sock_diag then reports no peer): the
    // listener hands out connections in connect order.
    join(accepted, q.front());
    q.pop_front();
  }
  if (q.empty()) unix_pending_.erase(it);
}

WriteTicket ChannelTracker::begin_write(const ChannelPtr& c, HandlePtr source,
                                        std::uint64_t requested) {
  if (!c) return nullptr;
  if (!c->socket())
    return ByteFifo::begin_write(c->incoming, c, std::move(source), requested, false);
  if (auto peer = c->peer.lock())
    return ByteFifo::begin_write(peer->incoming, peer, std::move(source), requested, c->message());
  return ByteFifo::begin_write(*c->parked, c->parked, std::move(source), requested, c->message());
}

void ChannelTracker::end_write(WriteTicket& ticket, std::int64_t written) {
  ByteFifo::end_write(ticket, written, stats_);
  ticket.reset();
}

void ChannelTracker::read(const ChannelPtr& c, std::uint64_t bytes, bool peek,
                          std::vector<HandlePtr>& sources) {
  if (!c) return;
  if (peek) {
    c->incoming.peek(bytes, sources);
    return;
  }
  c->incoming.consume(bytes, c->message(), sources, stats_);
}

void ChannelTracker::flush_counters() {
  if (stats_.unpaired_bytes) counters_["recorder.data_unpaired_bytes"] += stats_.unpaired_bytes;
  if (stats_.overflow_chunks)
    counters_["recorder.data_fifo_overflow_chunks"] += stats_.overflow_chunks;
  stats_ = FifoStats{};
}

}  // namespace golden::rec
