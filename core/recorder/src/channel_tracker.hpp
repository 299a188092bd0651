// Pipes and sockets as channels between traced threads (SPEC §3 Data edges).
// Identity is the inode behind the fd ("pipe:[123]", "socket:[456]"): a pipe is one
// channel whose FIFO both ends share; a socket is one endpoint whose writes go into the
// FIFO of its peer, learnt from socketpair(), sock_diag (unix) or address matching (TCP
// and UDP, via /proc/net at connect/accept only).
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <unordered_map>
#include <vector>

#include "byte_fifo.hpp"
#include "golden/model/ids.hpp"
#include "golden/model/trace.hpp"

namespace golden::rec {

enum class ChannelKind : std::uint8_t { Pipe, StreamSocket, MessageSocket };

struct Channel {
  std::uint64_t inode = 0;
  ChannelKind kind = ChannelKind::Pipe;
  ByteFifo incoming;             // what a read on this endpoint consumes
  ByteFifo parked;               // sockets: written before the peer was known
  std::weak_ptr<Channel> peer;   // sockets
  bool peer_known = false;
  bool peer_lookup_done = false; // sock_diag/proc lookup tried once for inherited sockets
  bool message() const { return kind == ChannelKind::MessageSocket; }
  bool socket() const { return kind != ChannelKind::Pipe; }
};
using ChannelPtr = std::shared_ptr<Channel>;

// A write in progress on a channel (between its entry and exit stops).
struct WriteTicket {
  ChannelPtr target_owner;   // keeps the FIFO alive until the exit stop
  ByteFifo* fifo = nullptr;
  std::shared_ptr<InflightWrite> write;
  bool message = false;
};

class ChannelTracker {
 public:
  explicit ChannelTracker(Counters& counters) : counters_(counters) {}
  ~ChannelTracker();

  // The channel for an fd description such as "pipe:[123]" or "socket:[456]"; null
  // for anything else. `kind_hint` applies when the channel is new.
  ChannelPtr for_description(const std::string& description, ChannelKind kind_hint);
  ChannelPtr for_inode(std::uint64_t inode, ChannelKind kind);

  // a <-> b are the two ends of one connection.
  void pair(const ChannelPtr& a, const ChannelPtr& b);
  // Tries to find the peer of socket `c` (unix: sock_diag; TCP/UDP: the address pair,
  // via /proc/<tid>/net). Returns a display name for INET sockets ("TCP a->b"), or "".
  std::string discover_peer(Tid tid, const ChannelPtr& c, bool force);

  WriteTicket begin_write(const ChannelPtr& c, HandlePtr source, std::uint64_t requested);
  void end_write(WriteTicket& ticket, std::int64_t written);
  // Appends the sources of the bytes a read of `bytes` consumed (or peeked).
  void read(const ChannelPtr& c, std::uint64_t bytes, bool peek, std::vector<HandlePtr>& sources);

  // Copies the FIFO statistics into the run's counters.
  void flush_counters();

  static std::optional<std::uint64_t> inode_of(const std::string& description,
                                               const char* prefix);

 private:
  void sweep();

  Counters& counters_;
  FifoStats stats_;
  std::unordered_map<std::uint64_t, std::weak_ptr<Channel>> by_inode_;
  std::size_t sweep_at_ = 1024;
  // Peers created by a lookup before any fd of ours refers to them (bounded, FIFO).
  std::map<std::uint64_t, ChannelPtr> unclaimed_;
  std::vector<std::uint64_t> unclaimed_order_;
  // INET endpoints waiting for their other end: "local|remote" -> channel.
  std::unordered_map<std::string, std::weak_ptr<Channel>> inet_waiting_;
};

}  // namespace golden::rec
