#include "onemap/gui/data_read_pool.h"

#include <QCoreApplication>
#include <QThreadPool>

namespace onemap::gui {

QThreadPool* dataReadPool() {
  static QThreadPool* pool = [] {
    // Owned by the application: destroyed (after waiting for its workers) when it quits; owners
    // of pending reads cancel them before that.
    auto* p = new QThreadPool(QCoreApplication::instance());
    p->setMaxThreadCount(2);
    p->setObjectName(QStringLiteral("onemap-data-read"));
    return p;
  }();
  return pool;
}

}  // namespace onemap::gui
