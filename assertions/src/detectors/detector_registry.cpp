#include <array>

#include "detector_list.hpp"

namespace golden {
namespace {

const std::array<const Detector*, 7>& all_detectors() {
  static const std::array<const Detector*, 7> list{
      &detail::tight_loop_detector(),          &detail::god_process_detector(),
      &detail::pcie_bottleneck_detector(),     &detail::unbuffered_io_detector(),
      &detail::redundant_io_detector(),        &detail::retry_storm_detector(),
      &detail::blocking_main_thread_detector()};
  return list;
}

}  // namespace

const Detector* find_detector(std::string_view name) {
  for (const Detector* d : all_detectors())
    if (d->name() == name) return d;
  return nullptr;
}

std::vector<std::string_view> detector_names() {
  std::vector<std::string_view> out;
  for (const Detector* d : all_detectors()) out.push_back(d->name());
  return out;
}

}  // namespace golden
