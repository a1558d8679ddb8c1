#include "onemap/storage/atomic_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <string>

#include "onemap/base/text.h"

namespace onemap::storage {

std::filesystem::path temporarySibling(const std::filesystem::path& target) {
  static std::atomic<int> counter{0};
  auto name = target.stem().string() + ".tmp-" + std::to_string(::getpid()) + "-" +
              std::to_string(counter++) + target.extension().string();
  return target.parent_path() / name;
}

Status publishTemporary(const std::filesystem::path& temporary, const std::filesystem::path& target) {
  std::error_code ec;
  std::filesystem::rename(temporary, target, ec);
  if (ec) {
    std::filesystem::remove(temporary, ec);
    return fail(ErrorCode::Io, "cannot replace the file (" + ec.message() + ")",
                text::displayPath(target), "Check that the folder is writable and not full.");
  }
  return {};
}

Status writeFileAtomically(const std::filesystem::path& target, std::string_view content) {
  const auto temporary = temporarySibling(target);
  const std::string shown = text::displayPath(target);
  const int fd = ::open(temporary.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644);
  if (fd < 0)
    return fail(ErrorCode::Io, std::string("cannot create the file (") + std::strerror(errno) + ")",
                shown, "Check that the folder exists and is writable.");
  std::size_t written = 0;
  while (written < content.size()) {
    const ssize_t n = ::write(fd, content.data() + written, content.size() - written);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const std::string reason = std::strerror(errno);
      ::close(fd);
      std::error_code ec;
      std::filesystem::remove(temporary, ec);
      return fail(ErrorCode::Io, "cannot write the file (" + reason + ")", shown,
                  "Check the free disk space.");
    }
    written += static_cast<std::size_t>(n);
  }
  const bool synced = ::fsync(fd) == 0;
  const bool closed = ::close(fd) == 0;
  if (!synced || !closed) {
    std::error_code ec;
    std::filesystem::remove(temporary, ec);
    return fail(ErrorCode::Io, "cannot flush the file to disk", shown, "Check the free disk space.");
  }
  return publishTemporary(temporary, target);
}

}  // namespace onemap::storage
