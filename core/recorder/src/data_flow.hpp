// Which syscalls move bytes through pipes and sockets, and how many: feeds the
// ChannelTracker so reads get Data edges from the writes they consumed.
#pragma once

#include <functional>
#include <vector>

#include "channel_tracker.hpp"
#include "fd_tracker.hpp"
#include "golden/decode/decoder.hpp"
#include "process_table.hpp"

namespace golden::rec {

struct DataFlowContext {
  FdTracker& fds;
  Thread& thread;
  TraceeMemory& mem;
  Counters& counters;
};

// At entry: a call that writes into a pipe/socket registers as an in-flight write.
// `source` makes the handle of the call's event (null when it is not recorded); it is
// only called when the fd is a pipe or socket.
void data_flow_entry(DataFlowContext& ctx, InFlight& f, const std::function<HandlePtr()>& source);

// At exit: the write's bytes join its FIFO; the sources of the bytes a read consumed
// are appended to `sources`.
void data_flow_exit(DataFlowContext& ctx, InFlight& f, std::int64_t rval,
                    std::vector<HandlePtr>& sources);

}  // namespace golden::rec
