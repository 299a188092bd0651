// PcieBottleneck: host<->device transfers, as the program's user spans name them,
// dominating the time not hidden behind kernels (confidence rule in detectors.hpp).
#include <fmt/format.h>

#include <map>
#include <regex>

#include "detector_list.hpp"
#include "detector_util.hpp"
#include "golden/assertions/spans.hpp"
#include "interval_set.hpp"

namespace golden::detail {
namespace {

// Names instrumented GPU code gives its spans (CUDA/HIP/OpenCL/wgpu vocabularies).
constexpr const char* kTransferNames =
    "memcpy|transfer|xfer|upload|download|h2d|d2h|htod|dtoh|host.?to.?device|device.?to.?host|"
    "dma|pcie|copy|readback|staging";
constexpr const char* kKernelNames = "kernel|launch|compute|dispatch|gemm|conv|shader|execute";

class PcieBottleneck final : public Detector {
 public:
  std::string_view name() const override { return "PcieBottleneck"; }
  std::string_view description() const override {
    return "host<->device transfers (user spans) exposed for most of the GPU time";
  }
  Result<DetectorResult> detect(const Trace& trace, std::uint32_t run,
                                const DetectorOptions& options) const override {
    auto filter = ProcessFilter::make(trace, options.process_name_pattern);
    if (!filter) return filter.error();
    const auto flags = std::regex::ECMAScript | std::regex::icase;
    std::regex transfer, kernel;
    try {
      transfer = std::regex(
          options.transfer_pattern.empty() ? kTransferNames : options.transfer_pattern, flags);
      kernel =
          std::regex(options.kernel_pattern.empty() ? kKernelNames : options.kernel_pattern, flags);
    } catch (const std::regex_error& e) {
      return Error{std::string("invalid transfer/kernel pattern: ") + e.what(), ""};
    }

    std::vector<Interval> transfers, kernels;
    std::uint64_t n_transfers = 0, n_kernels = 0;
    std::map<Pid, Nanos> transfer_time;
    Seq first = 0, last = 0;
    for (const UserSpan& s : user_spans(trace).spans) {
      if (!filter->selects(s.pid)) continue;
      // A kernel is on the device even when its name mentions copying ("copy_kernel").
      if (std::regex_search(s.name, kernel)) {
        kernels.push_back({s.start, s.end});
        ++n_kernels;
      } else if (std::regex_search(s.name, transfer)) {
        transfers.push_back({s.start, s.end});
        transfer_time[s.pid] += s.duration();
        if (n_transfers == 0) first = s.open_seq;
        last = s.close_seq.value_or(s.open_seq);
        ++n_transfers;
      }
    }
    DetectorResult out;
    if (n_transfers == 0) {
      out.applicable = false;
      out.not_applicable_reason = "the trace has no user span named as a host<->device transfer";
      return out;
    }
    const auto t = merge_intervals(transfers);
    const auto k = merge_intervals(kernels);
    const Nanos transfer_total = covered(t);
    const Nanos hidden = overlap(t, k);
    const Nanos exposed = transfer_total - hidden;
    const Nanos either = transfer_total + covered(k) - hidden;
    const double share = either.count() > 0 ? static_cast<double>(exposed.count()) /
                                                  static_cast<double>(either.count())
                                            : 0.0;

    Finding f;
    f.confidence = clamp01((share - 0.5) / 0.4);
    f.run = run;
    f.count = n_transfers;
    Pid heaviest;
    Nanos most{0};
    for (const auto& [pid, time] : transfer_time)
      if (time > most) most = time, heaviest = pid;
    f.pid = heaviest;
    f.first_seq = first;
    f.last_seq = last;
    auto ms = [](Nanos d) { return static_cast<double>(d.count()) / 1e6; };
    f.summary = fmt::format(
        "transfers are exposed {:.0f}% of the transfer+kernel time: {} transfer span(s) cover "
        "{:.3g} ms ({:.3g} ms hidden behind kernels), {} kernel span(s) cover {:.3g} ms",
        100 * share, n_transfers, ms(transfer_total), ms(hidden), n_kernels, ms(covered(k)));
    if (n_transfers > 1)
      f.summary += fmt::format("; {:.3g} ms per transfer on average",
                               ms(transfer_total) / static_cast<double>(n_transfers));
    f.why =
        "the device waits on the bus instead of computing: batch small transfers, keep data "
        "resident on the device, use pinned memory and overlap copies with kernels (streams)";
    describe_where(f, filter->names());
    out.findings.push_back(std::move(f));
    return out;
  }
};

}  // namespace

const Detector& pcie_bottleneck_detector() {
  static const PcieBottleneck d;
  return d;
}

}  // namespace golden::detail
