#include "base/file.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <system_error>

namespace myelex {

Status ReadFileToString(const std::string& path, std::string* contents) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::IOError(path, std::strerror(errno));
  contents->assign(std::istreambuf_iterator<char>(in),
                   std::istreambuf_iterator<char>());
  if (in.bad()) return Status::IOError(path, "read failed");
  return Status::OK();
}

Status ListFiles(const std::string& dir, const std::string& suffix,
                 std::vector<std::string>* paths) {
  namespace fs = std::filesystem;
  paths->clear();
  std::error_code ec;
  fs::recursive_directory_iterator it(dir, ec), end;
  if (ec) return Status::IOError(dir, ec.message());
  for (; it != end; it.increment(ec)) {
    if (ec) return Status::IOError(dir, ec.message());
    if (!it->is_regular_file(ec)) continue;
    std::string p = it->path().string();
    if (p.size() >= suffix.size() &&
        p.compare(p.size() - suffix.size(), suffix.size(), suffix) == 0) {
      paths->push_back(std::move(p));
    }
  }
  std::sort(paths->begin(), paths->end());
  return Status::OK();
}

}  // namespace myelex
