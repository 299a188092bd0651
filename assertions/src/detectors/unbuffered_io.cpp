// UnbufferedIO: many tiny reads/writes on one fd (confidence rule in detectors.hpp).
#include <fmt/format.h>

#include <map>
#include <optional>

#include "detector_list.hpp"
#include "detector_util.hpp"
#include "golden/syscalls/families.hpp"

namespace golden::detail {
namespace {

constexpr std::int64_t kTiny = 64;       // bytes: a call moving at most this much is tiny
constexpr double kHalfConfidence = 200;  // tiny calls for confidence 0.5
constexpr std::uint64_t kMinTiny = 20;   // fewer are not worth a finding

using syscalls::Family;
using syscalls::has_any_family;
using syscalls::has_family;

// Which way a call moves bytes; nullopt for calls that do not return a byte count on one fd
// (a batch of messages returns a message count).
std::optional<bool> reads_bytes(std::string_view name) {
  if (has_family(name, Family::MultiMessage)) return std::nullopt;
  if (has_any_family(name, {Family::Read, Family::Receive})) return true;
  if (has_any_family(name, {Family::Write, Family::Send})) return false;
  return std::nullopt;
}

// Fds whose protocol is fixed-size records: small transfers are how they work.
bool record_fd(const std::string& target) {
  for (std::string_view kind : {"eventfd", "timerfd", "signalfd", "inotify", "fanotify", "netlink"})
    if (target.find(kind) != std::string::npos) return true;
  return false;
}

struct FdStats {
  std::uint64_t calls = 0;
  std::uint64_t tiny = 0;
  std::uint64_t tiny_reads = 0, tiny_writes = 0;
  std::uint64_t tiny_bytes = 0;
  std::int64_t smallest = 0, largest = 0;
  Seq first = 0, last = 0;
  Tid tid;
  std::string label;
};

class UnbufferedIO final : public Detector {
 public:
  std::string_view name() const override { return "UnbufferedIO"; }
  std::string_view description() const override { return "many tiny reads/writes on one fd"; }
  Result<DetectorResult> detect(const Trace& trace, std::uint32_t run,
                                const DetectorOptions& options) const override {
    auto filter = ProcessFilter::make(trace, options.process_name_pattern);
    if (!filter) return filter.error();
    // (pid, fd number, what it refers to): an fd number reused for another file is
    // another stream.
    std::map<std::tuple<Pid, std::int64_t, std::string>, FdStats> fds;
    for (const Event& e : trace.events) {
      if (e.kind != EventKind::Syscall || e.failed() || e.ret <= 0 || !filter->selects(e.pid))
        continue;
      const std::optional<bool> direction = reads_bytes(e.name);
      if (!direction) continue;
      const bool read = *direction;
      const Arg* fd = first_arg(e, ArgKind::Fd);
      if (fd == nullptr || record_fd(fd->str)) continue;
      FdStats& s = fds[{e.pid, fd->raw, fd->str}];
      if (s.calls == 0) s.tid = e.tid, s.label = fd_label(e);
      ++s.calls;
      // What the program asked for: a read of 4096 that got 10 bytes is not unbuffered.
      std::int64_t asked = e.ret;
      if (const Arg* n = arg_named(e, "count"); n != nullptr)
        asked = n->raw;
      else if (const Arg* len = arg_named(e, "len"); len != nullptr)
        asked = len->raw;
      if (asked > kTiny || e.ret > kTiny) continue;
      if (s.tiny == 0) s.first = e.seq, s.smallest = e.ret, s.largest = e.ret;
      s.last = e.seq;
      ++s.tiny;
      ++(read ? s.tiny_reads : s.tiny_writes);
      s.tiny_bytes += static_cast<std::uint64_t>(e.ret);
      s.smallest = std::min(s.smallest, e.ret);
      s.largest = std::max(s.largest, e.ret);
    }
    DetectorResult out;
    for (const auto& [key, s] : fds) {
      if (s.tiny < kMinTiny) continue;
      const double fraction = static_cast<double>(s.tiny) / static_cast<double>(s.calls);
      Finding f;
      f.confidence = fraction * saturate(static_cast<double>(s.tiny), kHalfConfidence);
      f.count = s.tiny;
      f.run = run;
      f.pid = std::get<0>(key);
      f.tid = s.tid;
      f.fd = s.label;
      f.first_seq = s.first;
      f.last_seq = s.last;
      const std::string kind = s.tiny_reads == 0    ? "writes"
                               : s.tiny_writes == 0 ? "reads"
                                                    : "reads/writes";
      f.summary = fmt::format(
          "{} tiny {} of {:.1f} bytes on average ({}..{} bytes, {} bytes in all) on fd {}: {} of "
          "its {} transfers moved at most {} bytes",
          s.tiny, kind, static_cast<double>(s.tiny_bytes) / static_cast<double>(s.tiny), s.smallest,
          s.largest, s.tiny_bytes, s.label, s.tiny, s.calls, kTiny);
      f.why =
          "every call is a kernel round trip costing far more than copying a few bytes; "
          "buffer in user space (stdio buffering, setvbuf, a BufWriter/BufReader, reading "
          "in KiB-sized blocks) and transfer larger chunks";
      describe_where(f, filter->names());
      out.findings.push_back(std::move(f));
    }
    sort_findings(out.findings);
    return out;
  }
};

}  // namespace

const Detector& unbuffered_io_detector() {
  static const UnbufferedIO d;
  return d;
}

}  // namespace golden::detail
