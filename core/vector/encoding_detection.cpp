#include "detail/encoding_detection.h"

#include <cpl_vsi.h>

#include <algorithm>
#include <cctype>
#include <cstdint>
#include <optional>

#include "onemap/base/text.h"

namespace onemap::vector::detail {
namespace {

constexpr std::size_t kMaxSniffBytes = 4u << 20;  // never read more than 4 MB of a DBF to guess
constexpr std::size_t kMaxSniffRecords = 20000;

// Reads up to `limit` bytes of a file through GDAL's VSI layer (works for /vsizip/ too).
std::optional<std::string> readBytes(const std::filesystem::path& path, std::size_t limit,
                                     std::size_t offset = 0) {
  VSILFILE* file = VSIFOpenL(path.c_str(), "rb");
  if (file == nullptr) return std::nullopt;
  std::string bytes(limit, '\0');
  std::size_t got = 0;
  if (VSIFSeekL(file, offset, SEEK_SET) == 0) got = VSIFReadL(bytes.data(), 1, limit, file);
  VSIFCloseL(file);
  bytes.resize(got);
  return bytes;
}

// The sibling of `path` with extension `ext` (tries lower then upper case), if it exists.
std::optional<std::filesystem::path> sibling(const std::filesystem::path& path, const std::string& ext) {
  for (const std::string& candidate :
       {ext, [&] {
          std::string upper = ext;
          std::transform(upper.begin(), upper.end(), upper.begin(),
                         [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
          return upper;
        }()}) {
    std::filesystem::path other = path;
    other.replace_extension(candidate);
    VSIStatBufL stat;
    if (VSIStatL(other.c_str(), &stat) == 0) return other;
  }
  return std::nullopt;
}

std::string trim(std::string value) {
  const auto notSpace = [](unsigned char c) { return !std::isspace(c) && c != 0; };
  value.erase(value.begin(), std::find_if(value.begin(), value.end(), notSpace));
  value.erase(std::find_if(value.rbegin(), value.rend(), notSpace).base(), value.end());
  return value;
}

std::string upper(std::string value) {
  std::transform(value.begin(), value.end(), value.begin(),
                 [](unsigned char c) { return static_cast<char>(std::toupper(c)); });
  return value;
}

// The code page a DBF language id names; empty when the id says nothing useful (0, or 0x57
// "current ANSI code page", which on Chinese Windows really means GBK).
std::string codePageFromLdid(unsigned char ldid) {
  switch (ldid) {
    case 0x01:
      return "CP437";
    case 0x02:
      return "CP850";
    case 0x03:
      return "CP1252";
    case 0x13:
    case 0x7B:
      return "CP932";
    case 0x4D:
    case 0x7A:
      return "CP936";
    case 0x4E:
    case 0x79:
      return "CP949";
    case 0x4F:
    case 0x78:
      return "CP950";
    case 0x50:
    case 0x7C:
      return "CP874";
    case 0x58:
    case 0x59:
      return "CP1252";
    case 0x64:
      return "CP852";
    case 0x65:
    case 0x26:
      return "CP866";
    case 0xC8:
      return "CP1250";
    case 0xC9:
      return "CP1251";
    case 0xCA:
      return "CP1254";
    case 0xCB:
      return "CP1253";
    case 0xCC:
      return "CP1257";
    default:
      return {};
  }
}

// Bytes at the end of `value` that start a UTF-8 sequence cut short (0 if the end is whole).
std::size_t incompleteUtf8Tail(std::string_view value) {
  for (std::size_t back = 1; back <= 3 && back <= value.size(); ++back) {
    const auto c = static_cast<unsigned char>(value[value.size() - back]);
    if ((c & 0xC0) == 0x80) continue;  // continuation byte: keep looking for the lead
    const std::size_t length = (c & 0xE0) == 0xC0 ? 2 : (c & 0xF0) == 0xE0 ? 3 : (c & 0xF8) == 0xF0 ? 4 : 0;
    return length > back ? back : 0;
  }
  return 0;
}

bool decodes(std::string_view value, bool truncated, bool utf8) {
  if (utf8) {
    if (text::isValidUtf8(value)) return true;
    // A value that fills its field may have lost the tail of its last character.
    const std::size_t tail = truncated ? incompleteUtf8Tail(value) : 0;
    return tail > 0 && text::isValidUtf8(value.substr(0, value.size() - tail));
  }
  if (text::toUtf8(value, "GB18030")) return true;
  if (truncated)
    for (std::size_t cut = 1; cut <= 3 && cut < value.size(); ++cut)
      if (text::toUtf8(value.substr(0, value.size() - cut), "GB18030")) return true;
  return false;
}

std::uint32_t le32(const std::string& bytes, std::size_t at) {
  return static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at])) |
         static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 1])) << 8 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 2])) << 16 |
         static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 3])) << 24;
}

std::uint32_t le16(const std::string& bytes, std::size_t at) {
  return static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at])) |
         static_cast<std::uint32_t>(static_cast<unsigned char>(bytes[at + 1])) << 8;
}

// Text of a DBF's field names and character fields, for guessing the encoding.
EncodingChoice sniffDbf(const std::filesystem::path& dbf, const std::string& header) {
  std::vector<std::string> values;
  std::vector<bool> truncated;
  struct Field {
    std::size_t offset;
    std::size_t width;
  };
  std::vector<Field> textFields;
  std::size_t offset = 1;  // each record starts with its deletion flag
  for (std::size_t at = 32; at + 32 <= header.size() && header[at] != '\x0D'; at += 32) {
    const std::size_t width = static_cast<unsigned char>(header[at + 16]);
    std::string name = header.substr(at, 11);
    name = name.substr(0, name.find('\0'));
    truncated.push_back(name.size() >= 10);  // a long name may have been cut to 10 bytes
    values.push_back(std::move(name));
    if (header[at + 11] == 'C') textFields.push_back({offset, width});
    offset += width;
  }
  const std::uint32_t recordCount = le32(header, 4);
  const std::size_t headerLength = le16(header, 8);
  const std::size_t recordLength = le16(header, 10);
  if (recordLength > 0 && !textFields.empty()) {
    const std::size_t records =
        std::min<std::size_t>({recordCount, kMaxSniffRecords, kMaxSniffBytes / recordLength});
    const auto body = readBytes(dbf, records * recordLength, headerLength);
    for (std::size_t r = 0; body && (r + 1) * recordLength <= body->size(); ++r) {
      for (const Field& field : textFields) {
        if (field.offset + field.width > recordLength) continue;
        std::string raw = body->substr(r * recordLength + field.offset, field.width);
        const bool full = raw.find_last_not_of(' ') == raw.size() - 1;
        values.push_back(trim(std::move(raw)));
        truncated.push_back(full);
      }
    }
  }
  return chooseFromContent(values, truncated);
}

}  // namespace

std::string normalizeEncodingName(const std::string& name) {
  std::string value = upper(trim(name));
  if (value.empty()) return {};
  if (value == "UTF8" || value == "UTF-8" || value == "65001") return "UTF-8";
  if (value.rfind("8859", 0) == 0 && value.size() > 4)
    value = "ISO-8859-" + trim(value.substr(value[4] == '-' || value[4] == '_' ? 5 : 4));
  else if (std::all_of(value.begin(), value.end(), [](unsigned char c) { return std::isdigit(c); }))
    value = "CP" + value;
  else if (value.rfind("ANSI ", 0) == 0)
    value = "CP" + trim(value.substr(5));
  if (!text::toUtf8("A", value.c_str())) return {};
  return value;
}

EncodingChoice chooseFromContent(const std::vector<std::string>& values, const std::vector<bool>& truncated) {
  std::size_t nonAscii = 0;
  std::size_t utf8Bad = 0;
  std::size_t gbBad = 0;
  for (std::size_t i = 0; i < values.size(); ++i) {
    if (text::isAscii(values[i])) continue;
    ++nonAscii;
    const bool cut = i < truncated.size() && truncated[i];
    if (!decodes(values[i], cut, true)) ++utf8Bad;
    if (!decodes(values[i], cut, false)) ++gbBad;
  }
  EncodingChoice choice{"UTF-8", "detected from content", {}};
  if (nonAscii == 0 || utf8Bad == 0) return choice;
  choice.encoding = "GB18030";
  if (gbBad == 0) return choice;
  if (gbBad > utf8Bad) choice.encoding = "UTF-8";
  choice.warnings.push_back(std::to_string(std::min(gbBad, utf8Bad)) + " of " + std::to_string(nonAscii) +
                            " text values are neither valid UTF-8 nor GB18030; read as " + choice.encoding +
                            ", set the encoding explicitly if text looks garbled");
  return choice;
}

EncodingChoice detectShapefileEncoding(const std::filesystem::path& shapefile) {
  EncodingChoice fromCpg;
  if (const auto cpg = sibling(shapefile, ".cpg")) {
    const std::string declared = trim(readBytes(*cpg, 256).value_or(""));
    if (std::string name = normalizeEncodingName(declared); !name.empty()) return {name, ".cpg file", {}};
    fromCpg.warnings.push_back("the .cpg file names an unknown encoding '" +
                               text::escapeInvalidUtf8(declared) + "'; guessed from the content instead");
  }
  const auto dbf = sibling(shapefile, ".dbf");
  const auto header = dbf ? readBytes(*dbf, 32 + 32 * 256 + 1) : std::nullopt;
  if (!header || header->size() < 32) return {"UTF-8", "no DBF file (no attribute text)", fromCpg.warnings};
  if (std::string codePage = codePageFromLdid(static_cast<unsigned char>((*header)[29])); !codePage.empty())
    return {codePage, "DBF language id", fromCpg.warnings};
  EncodingChoice choice = sniffDbf(*dbf, *header);
  choice.warnings.insert(choice.warnings.begin(), fromCpg.warnings.begin(), fromCpg.warnings.end());
  return choice;
}

EncodingChoice detectCsvEncoding(const std::filesystem::path& csv) {
  std::string bytes = readBytes(csv, 1u << 20).value_or("");
  if (bytes.size() == (1u << 20))
    bytes.resize(bytes.rfind('\n') == std::string::npos ? 0 : bytes.rfind('\n'));
  std::vector<std::string> lines;
  for (std::size_t start = 0; start < bytes.size();) {
    std::size_t end = bytes.find('\n', start);
    if (end == std::string::npos) end = bytes.size();
    lines.push_back(bytes.substr(start, end - start));
    start = end + 1;
  }
  return chooseFromContent(lines, {});
}

}  // namespace onemap::vector::detail
