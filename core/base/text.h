#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

namespace onemap::text {

/// True when `bytes` is well-formed UTF-8.
bool isValidUtf8(std::string_view bytes) noexcept;

/// True when `bytes` is plain 7-bit ASCII.
bool isAscii(std::string_view bytes) noexcept;

/// Converts `bytes` from `encoding` (an iconv name such as "GB18030", "CP936", "ISO-8859-1")
/// to UTF-8; nullopt when the bytes are not valid in that encoding or it is unknown.
std::optional<std::string> toUtf8(std::string_view bytes, const char* encoding);

/// A path as UTF-8 for messages: valid UTF-8 is kept, a GB18030 name is decoded, and any other
/// byte that is not UTF-8 is shown as \xNN so a message never carries broken text.
std::string displayPath(const std::filesystem::path& path);

/// `bytes` made safe to print as UTF-8 (invalid bytes become \xNN).
std::string escapeInvalidUtf8(std::string_view bytes);

}  // namespace onemap::text
