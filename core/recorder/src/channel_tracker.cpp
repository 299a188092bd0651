#include "channel_tracker.hpp"

#include <cstdlib>
#include <cstring>

#include "socket_peers.hpp"

namespace golden::rec {
namespace {

constexpr std::size_t kMaxUnclaimed = 256;

}  // namespace

ChannelTracker::~ChannelTracker() = default;

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
  for (auto it = by_inode_.begin(); it != by_inode_.end();) {
    if (it->second.expired()) {
      it = by_inode_.erase(it);
    } else {
      ++it;
    }
  }
  for (auto it = inet_waiting_.begin(); it != inet_waiting_.end();) {
    if (it->second.expired()) {
      it = inet_waiting_.erase(it);
    } else {
      ++it;
    }
  }
  sweep_at_ = std::max<std::size_t>(1024, 2 * by_inode_.size());
}

void ChannelTracker::pair(const ChannelPtr& a, const ChannelPtr& b) {
  if (!a || !b || a == b) return;
  a->peer = b;
  b->peer = a;
  a->peer_known = b->peer_known = true;
  a->peer_lookup_done = b->peer_lookup_done = true;
  // Bytes written before the pairing was known now wait at the other end.
  a->parked.move_into(b->incoming, stats_);
  b->parked.move_into(a->incoming, stats_);
}

std::string ChannelTracker::discover_peer(Tid tid, const ChannelPtr& c, bool force) {
  if (!c || !c->socket()) return "";
  if (c->peer_known || (c->peer_lookup_done && !force)) return "";
  c->peer_lookup_done = true;
  if (auto peer = unix_peer_inode(c->inode)) {
    ChannelPtr p = for_inode(*peer, c->kind);
    // A peer no fd of ours refers to yet: keep it so its writes/reads pair later.
    if (p.use_count() == 1 && !unclaimed_.count(*peer)) {
      unclaimed_[*peer] = p;
      unclaimed_order_.push_back(*peer);
      if (unclaimed_order_.size() > kMaxUnclaimed) {
        unclaimed_.erase(unclaimed_order_.front());
        unclaimed_order_.erase(unclaimed_order_.begin());
      }
    }
    pair(c, p);
    return "";
  }
  auto ends = inet_endpoints(tid, c->inode);
  if (!ends) {
    ++counters_["recorder.socket_peer_unknown"];
    return "";
  }
  const std::string name = ends->protocol + " " + ends->local + "->" + ends->remote;
  if (ends->remote.empty() || ends->remote.ends_with(":0")) return name;  // not connected
  const std::string key = ends->protocol + "|" + ends->local + "|" + ends->remote;
  const std::string reverse = ends->protocol + "|" + ends->remote + "|" + ends->local;
  if (auto it = inet_waiting_.find(reverse); it != inet_waiting_.end()) {
    if (auto other = it->second.lock()) {
      pair(c, other);
      inet_waiting_.erase(it);
      return name;
    }
    inet_waiting_.erase(it);
  }
  inet_waiting_[key] = c;
  c->peer_lookup_done = false;  // the other end may show up later: look again then
  return name;
}

WriteTicket ChannelTracker::begin_write(const ChannelPtr& c, HandlePtr source,
                                        std::uint64_t requested) {
  WriteTicket t;
  if (!c) return t;
  t.message = c->message();
  if (!c->socket()) {
    t.target_owner = c;
    t.fifo = &c->incoming;
  } else if (auto peer = c->peer.lock()) {
    t.target_owner = peer;
    t.fifo = &peer->incoming;
  } else {
    t.target_owner = c;
    t.fifo = &c->parked;
  }
  t.write = t.fifo->begin_write(std::move(source), requested);
  return t;
}

void ChannelTracker::end_write(WriteTicket& t, std::int64_t written) {
  if (!t.fifo) return;
  t.fifo->end_write(t.write, written, t.message, stats_);
  t = WriteTicket{};
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
