// The lines the tracee programs mark with "LINE:tag" comments, so that tests say which
// line they expect by name and survive edits of the programs.
#pragma once

#include <string>

namespace golden::source_test {

// The 1-based line of `program_file` (in core/source/tests/programs) holding "LINE:tag";
// fails the test and returns 0 when there is none.
int marker_line(const std::string& program_file, const std::string& tag);

// Path of a built test program (GOLDEN_SOURCE_PROGRAMS).
std::string program(const std::string& name);

// The last component of a path.
std::string base_name(const std::string& path);

}  // namespace golden::source_test
