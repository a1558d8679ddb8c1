#pragma once

#include <QFutureWatcher>
#include <QObject>

#include <memory>

namespace onemap::gui {

/// Lets go of a background job that a newer request replaces: `receiver` no longer hears from
/// `watcher`, which deletes itself once its (canceled) job has finished. Leaves `watcher` empty.
template <typename T>
void abandonWatcher(std::unique_ptr<QFutureWatcher<T>>& watcher, QObject* receiver) {
  if (!watcher) return;
  auto* old = watcher.release();
  QObject::disconnect(old, nullptr, receiver, nullptr);
  QObject::connect(old, &QFutureWatcherBase::finished, old, &QObject::deleteLater);
  if (old->isFinished()) old->deleteLater();
}

}  // namespace onemap::gui
