#include "onemap/change_text/run_warning_text.h"

#include <QCoreApplication>

namespace onemap::change_text {

QString runWarningText(const change::RunWarning& warning) {
  using Kind = change::RunWarning::Kind;
  const auto arg = [&](std::size_t i) {
    return i < warning.args.size() ? QString::fromStdString(warning.args[i]) : QString();
  };
  switch (warning.kind) {
    case Kind::NoDifference:
      return QCoreApplication::translate("RunWarning", "The two images do not differ anywhere: there is no change to find.");
    case Kind::CoverKept:
      return QCoreApplication::translate(
          "RunWarning", "All the ground kept its cover (vegetated or water on both dates): there is no change to find.");
    case Kind::SameDate:
      return QCoreApplication::translate("RunWarning",
                                         "Both images are dated %1: what differs between them is not change over time.")
          .arg(arg(0));
    case Kind::DatesReversed:
      return QCoreApplication::translate("RunWarning",
                                         "The earlier image (%1) is dated after the later image (%2): change types read "
                                         "from the earlier to the later date; swap them if that is a mistake.")
          .arg(arg(0), arg(1));
    case Kind::PixelSizes:
      return QCoreApplication::translate("RunWarning",
                                         "The images' pixels differ %1 × in size (%2 m and %3 m): change smaller than the "
                                         "coarser pixels cannot be seen, and their edges are blurred.")
          .arg(arg(0), arg(1), arg(2));
  }
  return QString::fromStdString(warning.text());
}

}  // namespace onemap::change_text
