#include "base/status.h"

namespace myelex {

Status::Status(Code code, std::string_view msg, std::string_view msg2)
    : code_(code), message_(msg) {
  if (!msg2.empty()) {
    message_ += ": ";
    message_ += msg2;
  }
}

std::string Status::ToString() const {
  const char* prefix = "OK";
  switch (code_) {
    case Code::kOk:
      return prefix;
    case Code::kInvalidArgument:
      prefix = "Invalid argument: ";
      break;
    case Code::kNotFound:
      prefix = "Not found: ";
      break;
    case Code::kIOError:
      prefix = "IO error: ";
      break;
    case Code::kInternal:
      prefix = "Internal error: ";
      break;
  }
  return prefix + message_;
}

}  // namespace myelex
