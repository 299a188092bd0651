// wordcount: the bundled example program for golden (see examples/README.md).
//
//   wordcount INPUT [REPORT]
//
// Counts lines, words and bytes of INPUT, prints a one-line summary on stdout and, when
// REPORT is given, writes a report with the most frequent words to it. Its observable
// behaviour (files read and written, bytes on stdout, exit status) is what a golden trace
// pins down: exit 0 on success, 1 when a file cannot be read or written, 2 on bad usage.
#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <iostream>
#include <map>
#include <sstream>
#include <string>
#include <vector>

namespace {

struct Counts {
  std::size_t lines = 0;
  std::size_t words = 0;
  std::size_t bytes = 0;
  std::map<std::string, std::size_t> frequency;
};

Counts count(std::istream& in) {
  Counts c;
  std::string line;
  while (std::getline(in, line)) {
    ++c.lines;
    c.bytes += line.size() + (in.eof() ? 0 : 1);
    std::string word;
    // Words are runs of letters, digits and apostrophes, compared case-insensitively.
    for (char ch : line + ' ') {
      const auto u = static_cast<unsigned char>(ch);
      if (std::isalnum(u) || ch == '\'') {
        word += static_cast<char>(std::tolower(u));
      } else if (!word.empty()) {
        ++c.words;
        ++c.frequency[word];
        word.clear();
      }
    }
  }
  return c;
}

std::string report(const std::string& input, const Counts& c, std::size_t top) {
  std::vector<std::pair<std::string, std::size_t>> words(c.frequency.begin(), c.frequency.end());
  // Most frequent first; ties alphabetically, so the report is deterministic.
  std::stable_sort(words.begin(), words.end(),
                   [](const auto& a, const auto& b) { return a.second > b.second; });
  std::ostringstream out;
  out << "report for " << input << "\n"
      << "lines: " << c.lines << "\nwords: " << c.words << "\nbytes: " << c.bytes
      << "\ndistinct words: " << c.frequency.size() << "\n\ntop words:\n";
  for (std::size_t i = 0; i < words.size() && i < top; ++i)
    out << "  " << words[i].second << "  " << words[i].first << "\n";
  return out.str();
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 2 || argc > 3) {
    std::cerr << "usage: wordcount INPUT [REPORT]\n";
    return 2;
  }
  const std::string input = argv[1];
  std::ifstream in(input);
  if (!in) {
    std::cerr << "wordcount: " << input << ": " << std::strerror(errno) << "\n";
    return 1;
  }
  const Counts c = count(in);
  if (argc == 3) {
    std::ofstream out(argv[2], std::ios::trunc);
    out << report(input, c, 5);
    out.close();
    if (!out) {
      std::cerr << "wordcount: " << argv[2] << ": cannot write the report\n";
      return 1;
    }
  }
  std::cout << c.lines << " lines, " << c.words << " words, " << c.bytes << " bytes in "
            << input << "\n";
  return 0;
}
