// Locating the allocation-counting preload library (tools/golden_alloc) for
// `golden capture --track-alloc` and `golden verify --track-alloc`: it is injected
// through LD_PRELOAD, so programs are measured without relinking (static binaries and
// setuid programs ignore LD_PRELOAD: their traces carry no counters).
#pragma once

#include <string>

#include "golden/model/result.hpp"

namespace golden {

// The library's path, searched in order: $GOLDEN_ALLOC_LIB; `known` (where the caller
// knows it is: golden::testing in an installed package, told by goldenConfig.cmake);
// next to the golden executable's build tree (../golden_alloc/) or install tree
// (../lib/golden/); the path it was built at; the install location. Error when none exists.
Result<std::string> alloc_preload_library(const std::string& known = {});

// The environment entry that injects it: "LD_PRELOAD=<lib>", keeping whatever the
// caller's LD_PRELOAD already held (after ours, so ours sees every allocation).
Result<std::string> alloc_preload_env(const std::string& known = {});

}  // namespace golden
