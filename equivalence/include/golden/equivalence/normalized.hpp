// The normalized form of a trace: its observable effects, grouped into channels, with
// everything volatile (pids, pointers, fd numbers, timestamps, temp/home/cwd paths,
// write chunking, retries, runtime noise) taken out. Comparison works on this form,
// and `golden normalize` prints it (one effect per line, stable, diff-friendly).
#pragma once

#include <cstdint>
#include <map>
#include <optional>
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
  std::string key;           // what comparison matches on (often == text)
  // The key without numbers in text turned into $PIDn, when that differs: a printed
  // "1000" is $PID1 in a run whose root had pid 1000 and stays 1000 in another. Two
  // items match when their keys or their alternate keys are equal.
  std::string alt_key;
  std::optional<Seq> seq;    // the event that produced it (first one, for merged bytes)
  std::string process;       // key of the process that did it ("1/sh/sort")
  std::string path;          // templated path the item is about, "" if none
  std::string raw_path;      // the same path, absolute, as in the trace
  int block = -1;            // content block in the channel (written bytes), else -1

  const std::string& alternate() const { return alt_key.empty() ? key : alt_key; }
  bool matches(const Item& other) const {
    return key == other.key || alternate() == other.alternate();
  }
};

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
  Counters counters;              // anomalies met while normalizing ("equivalence.*")
  std::vector<std::string> notes; // things a reader of the verdict must know

  const Channel* channel(std::string_view name) const;
};

// Normalizes one run. Never fails: anomalies are counted, not fatal.
NormalizedTrace normalize(const Trace& trace, const CompareConfig& config,
                          const TraceHeader& header = {});

struct NormalizeFormatOptions {
  bool legend = false;  // also print the template legend (differs between runs)
};
// The canonical text form: "[channel]" headers, then one "channel: item" line per effect.
std::string format_normalized(const NormalizedTrace& n, const NormalizeFormatOptions& options = {});

}  // namespace golden
