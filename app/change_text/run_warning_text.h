#pragma once

#include <QString>

#include "onemap/change/change_detector.h"

namespace onemap::change_text {

/// The translated sentence of a change-detection run warning (English fallback).
QString runWarningText(const change::RunWarning& warning);

}  // namespace onemap::change_text
