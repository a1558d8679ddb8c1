#include "onemap/analysis/classification.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <limits>
#include <map>
#include <optional>

namespace onemap::analysis {
namespace {

/// Finite values, sorted ascending; errors for bad arguments.
Result<std::vector<double>> sortedFinite(std::span<const double> values, int classes) {
  if (classes < 1)
    return fail(ErrorCode::InvalidInput, "the number of classes must be at least 1",
                std::to_string(classes) + " classes", "choose between 2 and 12 classes");
  std::vector<double> sorted;
  sorted.reserve(values.size());
  for (double v : values)
    if (std::isfinite(v)) sorted.push_back(v);
  if (sorted.empty())
    return fail(ErrorCode::InvalidInput, "there are no numeric values to classify", {},
                "choose a numeric field that has values");
  std::sort(sorted.begin(), sorted.end());
  return sorted;
}

/// Removes inner limits equal to their predecessor; the maximum is always kept, so the top class
/// may be the single value {max} (an outlier) and a constant gives {v, v}.
std::vector<double> strictlyIncreasing(std::vector<double> breaks) {
  std::vector<double> out;
  for (std::size_t i = 0; i + 1 < breaks.size(); ++i)
    if (out.empty() || breaks[i] > out.back()) out.push_back(breaks[i]);
  out.push_back(breaks.back());
  return out;
}

std::optional<double> parseNumber(const std::string& text) {
  if (text.empty()) return std::nullopt;
  double value = 0.0;
  const char* first = text.data();
  const char* last = text.data() + text.size();
  if (*first == '+') ++first;
  const auto [end, error] = std::from_chars(first, last, value);
  if (error != std::errc() || end != last) return std::nullopt;
  return value;
}

}  // namespace

Result<std::vector<double>> equalIntervalBreaks(std::span<const double> values, int classes) {
  auto sorted = sortedFinite(values, classes);
  if (!sorted) return fail(sorted.error());
  const double lo = sorted->front();
  const double hi = sorted->back();
  std::vector<double> breaks;
  for (int i = 0; i <= classes; ++i)
    breaks.push_back(i == classes ? hi : lo + (hi - lo) * double(i) / double(classes));
  return strictlyIncreasing(std::move(breaks));
}

Result<std::vector<double>> quantileBreaks(std::span<const double> values, int classes) {
  auto sorted = sortedFinite(values, classes);
  if (!sorted) return fail(sorted.error());
  const auto& x = *sorted;
  const double last = double(x.size() - 1);
  std::vector<double> breaks{x.front()};
  for (int i = 1; i < classes; ++i) {
    const double position = last * double(i) / double(classes);
    const auto below = std::size_t(std::floor(position));
    const double fraction = position - double(below);
    const double value = below + 1 < x.size() ? x[below] + fraction * (x[below + 1] - x[below]) : x[below];
    breaks.push_back(value);
  }
  breaks.push_back(x.back());
  return strictlyIncreasing(std::move(breaks));
}

namespace {

/// Prefix sums of weights, weighted values and weighted squares (values centred on `mean` for
/// precision): the within-class sum of squared deviations of any run in O(1).
class RunCost {
 public:
  RunCost(const std::vector<double>& values, const std::vector<double>& weights, double mean)
      : m_p0(values.size() + 1, 0.0), m_p1(values.size() + 1, 0.0), m_p2(values.size() + 1, 0.0) {
    for (std::size_t i = 0; i < values.size(); ++i) {
      const double c = values[i] - mean;
      m_p0[i + 1] = m_p0[i] + weights[i];
      m_p1[i + 1] = m_p1[i] + weights[i] * c;
      m_p2[i + 1] = m_p2[i] + weights[i] * c * c;
    }
  }
  /// Sum of squared deviations of entries first..last (inclusive) from their mean.
  double operator()(std::size_t first, std::size_t last) const {
    const double n = m_p0[last + 1] - m_p0[first];
    const double s = m_p1[last + 1] - m_p1[first];
    return std::max(0.0, (m_p2[last + 1] - m_p2[first]) - s * s / n);
  }

 private:
  std::vector<double> m_p0, m_p1, m_p2;
};

/// Fisher's dynamic programme: the first index of each of `k` classes over entries 0..m-1.
std::vector<std::size_t> optimalStarts(const RunCost& cost, std::size_t m, std::size_t k) {
  constexpr double kInf = std::numeric_limits<double>::infinity();
  // best[c][j]: least cost of splitting entries 0..j into c+1 classes; start[c][j]: first entry
  // of the last of those classes.
  std::vector<std::vector<double>> best(k, std::vector<double>(m, kInf));
  std::vector<std::vector<std::size_t>> start(k, std::vector<std::size_t>(m, 0));
  for (std::size_t j = 0; j < m; ++j) best[0][j] = cost(0, j);
  for (std::size_t c = 1; c < k; ++c) {
    for (std::size_t j = c; j < m; ++j) {
      for (std::size_t i = c; i <= j; ++i) {
        const double candidate = best[c - 1][i - 1] + cost(i, j);
        if (candidate < best[c][j]) {
          best[c][j] = candidate;
          start[c][j] = i;
        }
      }
    }
  }
  std::vector<std::size_t> starts(k, 0);
  std::size_t last = m - 1;
  for (std::size_t c = k - 1; c >= 1; --c) {
    starts[c] = start[c][last];
    last = starts[c] - 1;
  }
  return starts;
}

}  // namespace

Result<std::vector<double>> naturalBreaks(std::span<const double> values, int classes, std::size_t maxDistinct) {
  auto sorted = sortedFinite(values, classes);
  if (!sorted) return fail(sorted.error());
  // Distinct values with their weights.
  std::vector<double> v;
  std::vector<double> w;
  double mean = 0.0;
  for (double x : *sorted) {
    mean += x;
    if (!v.empty() && v.back() == x) {
      w.back() += 1.0;
    } else {
      v.push_back(x);
      w.push_back(1.0);
    }
  }
  mean /= double(sorted->size());
  const std::size_t m = v.size();
  const std::size_t k = std::min<std::size_t>(std::size_t(classes), m);
  if (k <= 1) return strictlyIncreasing({sorted->front(), sorted->back()});
  const RunCost fullCost(v, w, mean);

  std::vector<std::size_t> starts;  // first distinct value of each class
  if (maxDistinct < 2 || m <= maxDistinct) {
    starts = optimalStarts(fullCost, m, k);
  } else {
    // Evenly spaced picks over the distinct values (step ≥ 1, so picks are distinct); each pick
    // carries the weight of the values from it up to the next pick. The optimum over the picks
    // is then refined: each break moves to the best value between its neighbouring picks.
    std::vector<std::size_t> picks;
    const double step = double(m - 1) / double(maxDistinct - 1);
    for (std::size_t i = 0; i < maxDistinct; ++i) picks.push_back(std::size_t(std::llround(double(i) * step)));
    picks.back() = m - 1;
    std::vector<double> pv, pw;
    for (std::size_t i = 0; i < picks.size(); ++i) {
      const std::size_t next = i + 1 < picks.size() ? picks[i + 1] : m;
      double weight = 0.0;
      for (std::size_t j = picks[i]; j < next; ++j) weight += w[j];
      pv.push_back(v[picks[i]]);
      pw.push_back(weight);
    }
    const auto sampleStarts = optimalStarts(RunCost(pv, pw, mean), picks.size(), k);
    for (std::size_t s : sampleStarts) starts.push_back(picks[s]);
    for (std::size_t c = 1; c < k; ++c) {
      const std::size_t s = sampleStarts[c];
      const std::size_t from = std::max(picks[s - 1] + 1, starts[c - 1] + 1);
      const std::size_t to = s + 1 < picks.size() ? picks[s + 1] : m - 1;
      const std::size_t end = c + 1 < k ? starts[c + 1] - 1 : m - 1;
      double bestCost = std::numeric_limits<double>::infinity();
      for (std::size_t j = from; j <= std::min(to, end); ++j) {
        const double candidate = fullCost(starts[c - 1], j - 1) + fullCost(j, end);
        if (candidate < bestCost) {
          bestCost = candidate;
          starts[c] = j;
        }
      }
    }
  }
  std::vector<double> breaks{sorted->front()};
  for (std::size_t c = 1; c < k; ++c) breaks.push_back(v[starts[c]]);
  breaks.push_back(sorted->back());
  return strictlyIncreasing(std::move(breaks));
}

Result<std::vector<double>> computeBreaks(ClassificationMethod method, std::span<const double> values,
                                          int classes) {
  switch (method) {
    case ClassificationMethod::Quantile:
      return quantileBreaks(values, classes);
    case ClassificationMethod::EqualInterval:
      return equalIntervalBreaks(values, classes);
    case ClassificationMethod::NaturalBreaks:
      return naturalBreaks(values, classes);
  }
  return fail(ErrorCode::Internal, "unknown classification method");
}

int classIndex(double value, std::span<const double> breaks) {
  if (std::isnan(value) || breaks.size() < 2) return -1;
  if (value < breaks.front() || value > breaks.back()) return -1;
  const auto it = std::upper_bound(breaks.begin(), breaks.end(), value);
  const int index = int(it - breaks.begin()) - 1;
  return std::min(index, int(breaks.size()) - 2);
}

bool naturalLess(const std::string& a, const std::string& b) {
  const auto na = parseNumber(a);
  const auto nb = parseNumber(b);
  if (na && nb) return *na != *nb ? *na < *nb : a < b;
  if (na != nb) return na.has_value();  // numbers first
  return a < b;
}

std::vector<UniqueValue> uniqueValues(std::span<const std::string> values) {
  std::map<std::string, std::int64_t> counts;
  for (const auto& v : values) ++counts[v];
  std::vector<UniqueValue> out;
  out.reserve(counts.size());
  for (auto& [value, count] : counts) out.push_back({value, count});
  std::stable_sort(out.begin(), out.end(),
                   [](const UniqueValue& a, const UniqueValue& b) { return naturalLess(a.value, b.value); });
  return out;
}

}  // namespace onemap::analysis
