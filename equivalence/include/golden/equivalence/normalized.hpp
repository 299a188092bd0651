// The normalized form of a trace: its observable effects, grouped into channels, with
// everything volatile (pids, pointers, fd numbers, timestamps, temp/home/cwd paths,
// write chunking, retries, runtime noise) taken out. Comparison works on this form,
// and `golden normalize` prints it (one effect per line, stable, diff-friendly).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "golden/equivalence/categories.hpp"
#include "golden/equivalence/compare_config.hpp"
#include "golden/model/payload_hash.hpp"
#include "golden/model/trace.hpp"

namespace golden {

// One effect (or, for written bytes, one line of them).
struct Item {
  Category category = Category::Processes;
  std::string text;          // canonical rendering, templated, escaped, one line
  // What comparison matches on: the text, except that a number templated as $PIDn or
  // $PORTn keeps its value ("\x01$PID1\x1f8503\x02", see keys_match): a printed 8503
  // that is pid 8503 in one run and just a number in the other still matches.
  std::string key;
  std::optional<Seq> seq;    // the event that produced it (first one, for merged bytes)
  std::string process;       // key of the process that did it ("1/sh/sort")
  std::string path;          // templated path the item is about, "" if none
  std::string raw_path;      // the same path, absolute, as in the trace
  int block = -1;            // content block in the channel (written bytes), else -1

  bool matches(const Item& other) const;
};

// Marked numbers in keys: "\x01" NAME "\x1f" DIGITS "\x02". A NAME that starts with
// kWildcard matches any number: a value the run did not determine ("mode as before").
inline constexpr char kMarkBegin = '\x01', kMarkSep = '\x1f', kMarkEnd = '\x02';
inline constexpr char kWildcard = '*';
// Equal, except that a marked number matches a marked number of the same template or
// the same value, or the same number unmarked; a wildcard mark matches any number.
bool keys_match(std::string_view a, std::string_view b);
// A hash consistent with keys_match (numbers don't count).
std::size_t key_shape_hash(std::string_view key);
// The key as shown: marks replaced by their template names.
std::string display_key(std::string_view key);

// Bytes written between two operations on one stream or file: compared as the raw
// concatenation (chunking ignored), or line by line after templating when every
// chunk's head is complete.
struct ContentBlock {
  StreamHash raw;          // hash + length of all the bytes
  bool complete = true;    // every chunk's head was complete: `items` are the bytes
  std::size_t first_item = 0, item_count = 0;
};

// Effects whose relative order is meaningful: one stream, one file, the process tree.
struct Channel {
  std::string name;          // "processes", "stdout", "file $TMP1/out.txt", ...
  Category category = Category::Processes;  // the channel's main category
  std::vector<Item> items;
  std::vector<ContentBlock> blocks;
};

struct NormalizedTrace {
  std::vector<Channel> channels;  // canonical order (see normalized_format)
  // Template legend: "$TMP1" -> "/tmp/tmp.x1y2z3", "$CWD" -> ..., "$PID1" -> "4242".
  std::map<std::string, std::string> legend;
  // Directories the run found already there (templated paths): the same state after
  // the run as a directory another run made (net effects; see compare).
  std::set<std::string> existing_dirs;
  // Files the run read whole from start to end and did not write, with what they held
  // (hash and length of the raw bytes): a file another run wrote with exactly these
  // bytes is in the same state after both runs.
  std::map<std::string, StreamHash> existing_files;
  // Paths the run made (files and directories there after it), templated: a read or
  // listing of one of them in another run is of what an earlier run left there.
  std::set<std::string> created_paths;
  Counters counters;              // anomalies met while normalizing ("equivalence.*")
  std::vector<std::string> notes; // things a reader of the verdict must know

  const Channel* channel(std::string_view name) const;
};

// Normalizes one run. Never fails: anomalies are counted, not fatal.
NormalizedTrace normalize(const Trace& trace, const CompareConfig& config,
                          const TraceHeader& header = {});

// Two runs normalized for comparison: their path templates aligned first, so the same
// part gets the same name whatever the paths were ($ARG2 = /tmp/tmp.abc in A and
// /tmp/work-XYZ in B). `alignments` lists every template whose paths differ.
struct PathAlignment {
  std::string name, a, b;
};
struct NormalizedPair {
  NormalizedTrace a, b;
  std::vector<PathAlignment> alignments;
};
NormalizedPair normalize_pair(const Trace& a, const TraceHeader& header_a, const Trace& b,
                              const TraceHeader& header_b, const CompareConfig& config);

struct NormalizeFormatOptions {
  bool legend = false;  // also print the template legend (differs between runs)
};
// The canonical text form: "[channel]" headers, then one "channel: item" line per effect.
std::string format_normalized(const NormalizedTrace& n, const NormalizeFormatOptions& options = {});

}  // namespace golden
