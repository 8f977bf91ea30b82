// Whole-file helpers used by lexicon loading and tools.
#pragma once

#include <string>
#include <vector>

#include "base/status.h"

namespace myelex {

// Reads the whole file at `path` into *contents. Returns IOError naming the
// path on failure.
Status ReadFileToString(const std::string& path, std::string* contents);

// Lists regular files under `dir` (recursively) whose name ends in `suffix`,
// as full paths in byte-wise sorted order.
Status ListFiles(const std::string& dir, const std::string& suffix,
                 std::vector<std::string>* paths);

}  // namespace myelex
