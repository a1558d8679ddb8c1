#pragma once

#include <filesystem>
#include <string_view>

#include "onemap/base/error.h"

namespace onemap::storage {

/// Writes `content` to `target` without ever leaving a half-written file: the bytes go to a
/// temporary file in the same folder, are flushed to disk, and replace `target` by rename.
/// On failure the temporary file is removed and `target` is untouched.
Status writeFileAtomically(const std::filesystem::path& target, std::string_view content);

/// A temporary sibling path for `target` ("name.tmp-<pid>-<n>.ext"), for outputs that a library
/// writes itself (GDAL); publishTemporary() then renames it into place.
std::filesystem::path temporarySibling(const std::filesystem::path& target);

/// Renames `temporary` onto `target` (atomic on one file system); removes `temporary` on failure.
Status publishTemporary(const std::filesystem::path& temporary, const std::filesystem::path& target);

}  // namespace onemap::storage
