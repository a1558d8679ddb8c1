#pragma once

class QThreadPool;

namespace onemap::gui {

/// A thread pool for slow reads of whole layers (legend categories, values to classify, raster
/// statistics), separate from QtConcurrent's global pool so map rendering never waits behind
/// them. Created on first use (after the QApplication); destroyed with the application, which
/// waits for running reads, so whoever starts one cancels it when it is no longer wanted.
QThreadPool* dataReadPool();

}  // namespace onemap::gui
