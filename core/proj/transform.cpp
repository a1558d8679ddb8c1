#include "onemap/proj/transform.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>

#include "onemap/proj/proj_context.h"

namespace onemap::proj {

using detail::PjPtr;

/// The normalized (easting/longitude first) PROJ operation of a Transform.
struct Transform::Impl {
  PjPtr operation;
};

namespace {

constexpr double kInfinity = std::numeric_limits<double>::infinity();

std::string withProjMessage(std::string message) {
  const std::string detail = detail::lastProjMessage();
  if (!detail.empty()) message += " (" + detail + ")";
  return message;
}

}  // namespace

Result<Transform> Transform::create(std::string_view source, std::string_view target) {
  Result<PjPtr> sourceCrs = detail::createCrs(source);
  if (!sourceCrs) return fail(sourceCrs.error().withContext("source CRS"));
  Result<PjPtr> targetCrs = detail::createCrs(target);
  if (!targetCrs) return fail(targetCrs.error().withContext("target CRS"));

  PJ_CONTEXT* context = detail::threadContext();
  const std::string pair = detail::shortDefinition(source) + " -> " + detail::shortDefinition(target);
  detail::clearLastProjMessage();
  PjPtr operation(
      proj_create_crs_to_crs_from_pj(context, sourceCrs->get(), targetCrs->get(), nullptr, nullptr));
  if (!operation) {
    return fail(ErrorCode::InvalidInput,
                withProjMessage("PROJ found no transformation between these coordinate systems"),
                pair, "Check that both CRSs are right for the data; a custom CRS may need TOWGS84");
  }
  PjPtr normalized(proj_normalize_for_visualization(context, operation.get()));
  if (!normalized) {
    return fail(ErrorCode::Internal,
                withProjMessage("PROJ could not set easting-first axis order on the transformation"),
                pair, "Report this with both CRS definitions");
  }
  auto impl = std::make_unique<Impl>();
  impl->operation = std::move(normalized);
  return Transform(std::move(impl));
}

Transform::Transform(std::unique_ptr<Impl> impl) : m_impl(std::move(impl)) {}
Transform::Transform(Transform&&) noexcept = default;
Transform& Transform::operator=(Transform&&) noexcept = default;
Transform::~Transform() = default;

bool Transform::apply(double& x, double& y) const {
  if (!m_impl || !std::isfinite(x) || !std::isfinite(y)) return false;
  PJ* operation = m_impl->operation.get();
  proj_errno_reset(operation);
  const PJ_COORD result = proj_trans(operation, PJ_FWD, proj_coord(x, y, 0.0, 0.0));
  if (!std::isfinite(result.xy.x) || !std::isfinite(result.xy.y)) {  // PROJ's HUGE_VAL
    proj_errno_reset(operation);
    return false;
  }
  x = result.xy.x;
  y = result.xy.y;
  return true;
}

std::size_t Transform::apply(std::vector<double>& xs, std::vector<double>& ys) const {
  const std::size_t paired = std::min(xs.size(), ys.size());
  std::size_t failed = 0;
  // Values without a partner cannot be transformed.
  for (std::size_t index = paired; index < xs.size(); ++index, ++failed) xs[index] = kInfinity;
  for (std::size_t index = paired; index < ys.size(); ++index, ++failed) ys[index] = kInfinity;
  if (paired == 0) return failed;
  if (!m_impl) {
    std::fill_n(xs.begin(), paired, kInfinity);
    std::fill_n(ys.begin(), paired, kInfinity);
    return failed + paired;
  }
  // Non-finite input is not handed to PROJ: mark it once and skip it.
  std::vector<bool> invalidInput(paired, false);
  for (std::size_t index = 0; index < paired; ++index) {
    if (!std::isfinite(xs[index]) || !std::isfinite(ys[index])) {
      invalidInput[index] = true;
      xs[index] = 0.0;
      ys[index] = 0.0;
    }
  }
  PJ* operation = m_impl->operation.get();
  proj_errno_reset(operation);
  proj_trans_generic(operation, PJ_FWD, xs.data(), sizeof(double), paired, ys.data(),
                     sizeof(double), paired, nullptr, 0, 0, nullptr, 0, 0);
  proj_errno_reset(operation);
  for (std::size_t index = 0; index < paired; ++index) {
    if (invalidInput[index] || !std::isfinite(xs[index]) || !std::isfinite(ys[index])) {
      xs[index] = kInfinity;
      ys[index] = kInfinity;
      ++failed;
    }
  }
  return failed;
}

Extent Transform::transformExtent(const Extent& extent, int densify) const {
  Extent result;
  if (extent.isEmpty() || !m_impl) return result;
  const int steps = std::max(densify, 0) + 1;  // segments per side
  const double dx = extent.width() / steps;
  const double dy = extent.height() / steps;
  std::vector<double> xs;
  std::vector<double> ys;
  xs.reserve(4 * static_cast<std::size_t>(steps));
  ys.reserve(4 * static_cast<std::size_t>(steps));
  for (int step = 0; step < steps; ++step) {
    // Bottom, right, top and left edges, each without its last corner (the next edge has it).
    xs.push_back(extent.minX() + step * dx);
    ys.push_back(extent.minY());
    xs.push_back(extent.maxX());
    ys.push_back(extent.minY() + step * dy);
    xs.push_back(extent.maxX() - step * dx);
    ys.push_back(extent.maxY());
    xs.push_back(extent.minX());
    ys.push_back(extent.maxY() - step * dy);
  }
  apply(xs, ys);
  for (std::size_t index = 0; index < xs.size(); ++index) {
    if (std::isfinite(xs[index]) && std::isfinite(ys[index])) result.include(xs[index], ys[index]);
  }
  return result;
}

}  // namespace onemap::proj
