#include "onemap/sheet/png_writer.h"

#include <libdeflate.h>

#include <cstdint>
#include <cstdio>
#include <memory>
#include <string>
#include <vector>

#include "onemap/base/text.h"

namespace onemap::sheet {
namespace {

constexpr std::size_t kIdatChunk = std::size_t(1) << 20;

void putBigEndian(std::vector<unsigned char>& out, std::uint32_t value) {
  out.push_back(static_cast<unsigned char>(value >> 24));
  out.push_back(static_cast<unsigned char>(value >> 16));
  out.push_back(static_cast<unsigned char>(value >> 8));
  out.push_back(static_cast<unsigned char>(value));
}

/// One PNG chunk: length, type, data, CRC of type and data.
void putChunk(std::vector<unsigned char>& out, const char type[4], const unsigned char* data, std::size_t size) {
  putBigEndian(out, static_cast<std::uint32_t>(size));
  const std::size_t start = out.size();
  out.insert(out.end(), type, type + 4);
  if (size > 0) out.insert(out.end(), data, data + size);
  putBigEndian(out, libdeflate_crc32(0, out.data() + start, size + 4));
}

struct CompressorDeleter {
  void operator()(libdeflate_compressor* c) const { libdeflate_free_compressor(c); }
};

}  // namespace

Status writeRgbPng(const QImage& source, const std::filesystem::path& file) {
  const QImage image = source.format() == QImage::Format_RGB32 ? source : source.convertToFormat(QImage::Format_RGB32);
  const std::size_t width = std::size_t(image.width()), height = std::size_t(image.height());
  const std::size_t stride = 1 + 3 * width;
  // Filtered scanlines: filter type 2 (Up) and each byte minus the one above.
  std::vector<unsigned char> raw(stride * height);
  std::vector<unsigned char> previous(3 * width, 0), current(3 * width);
  for (std::size_t y = 0; y < height; ++y) {
    const auto* line = reinterpret_cast<const QRgb*>(image.constScanLine(int(y)));
    for (std::size_t x = 0; x < width; ++x) {
      current[3 * x] = static_cast<unsigned char>(qRed(line[x]));
      current[3 * x + 1] = static_cast<unsigned char>(qGreen(line[x]));
      current[3 * x + 2] = static_cast<unsigned char>(qBlue(line[x]));
    }
    unsigned char* out = raw.data() + y * stride;
    out[0] = 2;
    for (std::size_t i = 0; i < 3 * width; ++i) out[1 + i] = static_cast<unsigned char>(current[i] - previous[i]);
    previous.swap(current);
  }
  std::unique_ptr<libdeflate_compressor, CompressorDeleter> compressor(libdeflate_alloc_compressor(1));
  if (!compressor) return fail(ErrorCode::OutOfMemory, "not enough memory to compress the PNG", text::displayPath(file));
  std::vector<unsigned char> packed(libdeflate_zlib_compress_bound(compressor.get(), raw.size()));
  const std::size_t packedSize =
      libdeflate_zlib_compress(compressor.get(), raw.data(), raw.size(), packed.data(), packed.size());
  if (packedSize == 0) return fail(ErrorCode::Internal, "cannot compress the PNG", text::displayPath(file));
  raw = {};

  std::vector<unsigned char> png = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
  png.reserve(packedSize + 1024);
  std::vector<unsigned char> header;
  putBigEndian(header, static_cast<std::uint32_t>(width));
  putBigEndian(header, static_cast<std::uint32_t>(height));
  header.insert(header.end(), {8, 2, 0, 0, 0});  // 8 bits, RGB, deflate, adaptive filtering, no interlace
  putChunk(png, "IHDR", header.data(), header.size());
  if (image.dotsPerMeterX() > 0 && image.dotsPerMeterY() > 0) {
    std::vector<unsigned char> phys;
    putBigEndian(phys, static_cast<std::uint32_t>(image.dotsPerMeterX()));
    putBigEndian(phys, static_cast<std::uint32_t>(image.dotsPerMeterY()));
    phys.push_back(1);  // metres
    putChunk(png, "pHYs", phys.data(), phys.size());
  }
  for (std::size_t at = 0; at < packedSize; at += kIdatChunk)
    putChunk(png, "IDAT", packed.data() + at, std::min(kIdatChunk, packedSize - at));
  putChunk(png, "IEND", nullptr, 0);

  std::unique_ptr<std::FILE, int (*)(std::FILE*)> out(std::fopen(file.c_str(), "wb"), &std::fclose);
  if (!out || std::fwrite(png.data(), 1, png.size(), out.get()) != png.size() || std::fflush(out.get()) != 0)
    return fail(ErrorCode::Io, "cannot write the PNG", text::displayPath(file),
                "Check the free disk space and that the folder is writable.");
  if (std::fclose(out.release()) != 0)
    return fail(ErrorCode::Io, "cannot write the PNG", text::displayPath(file),
                "Check the free disk space and that the folder is writable.");
  return {};
}

}  // namespace onemap::sheet
