// What one run did, as the effect extractor sees it — the same fd tables and file model
// comparison uses — but before templating: absolute paths and raw bytes. The GoogleTest
// matchers (golden::testing) test these; comparison works on the templated form
// (NormalizedTrace).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "golden/model/trace.hpp"

namespace golden {

// Bytes written to one stream or file, in the order the run wrote them.
struct ObservedBytes {
  std::string bytes;          // what the trace kept of each call, concatenated
  std::uint64_t length = 0;   // bytes written in all
  // Every call's bytes are in `bytes` (none cut at the capture's limits, none copied
  // in-kernel from elsewhere); else `bytes` is a prefix-wise sample.
  bool complete = true;
  std::vector<Seq> seqs;      // the writing events
};

// A path whose state the run changed, as it is after the run.
struct ObservedFile {
  enum class Change : std::uint8_t {
    Created,   // the run made what is there now
    Modified,  // it was there before; the run wrote, truncated, chmod'ed or moved it here
    Deleted,   // it was there before; nothing is there now
  };
  std::string path;           // absolute
  Change change = Change::Modified;
  enum class Kind : std::uint8_t { Regular, Directory, Symlink, Special, None };
  Kind kind = Kind::Regular;  // None when Deleted
  ObservedBytes written;      // what the run wrote into it (regular files)
  Seq seq = 0;                // the last event that changed it
};

struct ObservedEffects {
  ObservedBytes out, err;             // the root's initial stdout and stderr (and copies)
  std::vector<ObservedFile> files;    // by path
  // Names the run made and removed again (temp files), absolute, in order of creation.
  std::vector<std::string> transient;
};

// Walks the run as comparison does (with its default rules) and collects the above.
ObservedEffects observe(const Trace& trace, const TraceHeader& header = {});

std::string_view to_string(ObservedFile::Change change);  // "created", "modified", "deleted"
std::string_view to_string(ObservedFile::Kind kind);      // "file", "directory", ...

}  // namespace golden
