// Pipes and sockets as channels between traced threads (SPEC §3 Data edges).
// Identity is the inode behind the fd ("pipe:[123]", "socket:[456]"): a pipe is one
// channel whose FIFO both ends share; a socket is one endpoint whose writes go into the
// FIFO of its peer. The peer is learnt from socketpair(), from sock_diag (unix sockets,
// while both ends are open), from the order of connections to a unix listener, or by
// matching TCP/UDP address pairs found in /proc/<tid>/net (at connect/accept only).
// Bytes a client writes before its peer is known wait in its "parked" FIFO, which
// outlives the client's socket (connect, write, close before the server's accept).
#pragma once

#include <cstdint>
#include <deque>
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
  // Sockets: written before the peer was known. Shared so it can outlive the socket;
  // smaller than `incoming`, since many wait for a peer that is never traced.
  std::shared_ptr<ByteFifo> parked = std::make_shared<ByteFifo>(kParkedMaxChunks);
  static constexpr std::size_t kParkedMaxChunks = 256;
  std::weak_ptr<Channel> peer;   // sockets
  bool peer_known = false;
  bool peer_lookup_done = false; // sock_diag/proc lookup tried once for inherited sockets
  std::string unix_address;      // unix sockets: bound address ("/run/x.sock", "@name")
  bool message() const { return kind == ChannelKind::MessageSocket; }
  bool socket() const { return kind != ChannelKind::Pipe; }
};
using ChannelPtr = std::shared_ptr<Channel>;

// A write in progress on a channel (between its entry and exit stops).
using WriteTicket = std::shared_ptr<InflightWrite>;

class ChannelTracker {
 public:
  explicit ChannelTracker(Counters& counters) : counters_(counters) {}

  // The channel for an fd description such as "pipe:[123]" or "socket:[456]"; null
  // for anything else. `kind_hint` applies when the channel is new.
  ChannelPtr for_description(const std::string& description, ChannelKind kind_hint);
  ChannelPtr for_inode(std::uint64_t inode, ChannelKind kind);

  // a <-> b are the two ends of one connection.
  void pair(const ChannelPtr& a, const ChannelPtr& b);
  // Tries to find the peer of socket `c` (unix: sock_diag; TCP/UDP: the address pair,
  // via /proc/<tid>/net). Returns a display name for INET sockets ("TCP a->b"), or "".
  std::string discover_peer(Tid tid, const ChannelPtr& c, bool force);

  // Unix sockets: `c` was bound to `address`; client `c` connected to `address`;
  // `accepted` came out of accept() on `listener`.
  void unix_bound(const ChannelPtr& c, const std::string& address);
  void unix_connected(const ChannelPtr& client, const std::string& address);
  void unix_accepted(const ChannelPtr& listener, const ChannelPtr& accepted);

  WriteTicket begin_write(const ChannelPtr& c, HandlePtr source, std::uint64_t requested);
  void end_write(WriteTicket& ticket, std::int64_t written);
  // Appends the sources of the bytes a read of `bytes` consumed (or peeked).
  void read(const ChannelPtr& c, std::uint64_t bytes, bool peek, std::vector<HandlePtr>& sources);

  // Copies the FIFO statistics into the run's counters.
  void flush_counters();

  static std::optional<std::uint64_t> inode_of(const std::string& description,
                                               const char* prefix);

 private:
  // One end of a connection waiting for the other (the socket may be closed already).
  struct Waiting {
    std::weak_ptr<Channel> channel;
    std::shared_ptr<ByteFifo> parked;
  };
  void sweep();
  // Pairs unix socket `c` with the peer sock_diag names; false when there is none.
  bool unix_diag_pair(const ChannelPtr& c);
  // `c` receives what the (possibly closed) other end `w` wrote; pairs them if it lives.
  void join(const ChannelPtr& c, const Waiting& w);

  Counters& counters_;
  FifoStats stats_;
  std::unordered_map<std::uint64_t, std::weak_ptr<Channel>> by_inode_;
  std::size_t sweep_at_ = 1024;
  // Peers found by sock_diag before any fd of ours refers to them (bounded, FIFO).
  std::map<std::uint64_t, ChannelPtr> unclaimed_;
  std::deque<std::uint64_t> unclaimed_order_;
  // INET endpoints waiting for their other end: "proto|local|remote" (bounded, FIFO).
  std::unordered_map<std::string, Waiting> inet_waiting_;
  std::deque<std::string> inet_order_;
  // Unix clients connected to an address, in connect order, not yet accepted (bounded).
  std::map<std::string, std::deque<Waiting>> unix_pending_;
};

}  // namespace golden::rec
