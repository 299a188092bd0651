// The detectors, one per file; detector_registry.cpp lists them by name.
#pragma once

#include "golden/assertions/detectors.hpp"

namespace golden::detail {

const Detector& tight_loop_detector();
const Detector& god_process_detector();
const Detector& pcie_bottleneck_detector();
const Detector& unbuffered_io_detector();
const Detector& redundant_io_detector();
const Detector& retry_storm_detector();
const Detector& blocking_main_thread_detector();

}  // namespace golden::detail
