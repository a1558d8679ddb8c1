// The desktop window on the county-size sample, driven like a user: start-up to a usable window,
// opening the sample project with the DLTB land-use layer switched on, time to the first frame,
// then drags, wheel zooms, fixed scales, rapid extent changes and full extent. A 5 ms timer on the
// GUI thread measures the event-loop latency: its longest gap is the longest the window froze.
//
//   bench_gui_latency [COUNTY_DIR] [--size WxH] [--dltb-style project|filled]
//
// COUNTY_DIR defaults to $ONEMAP_COUNTY, else /tmp/county_full (sample-project.onemap from
// `onemap-cli make-sample --size county`). Runs offscreen unless QT_QPA_PLATFORM says otherwise.
#include <QAbstractButton>
#include <QApplication>
#include <QDialog>
#include <QElapsedTimer>
#include <QEventLoop>
#include <QMessageBox>
#include <QMouseEvent>
#include <QStandardPaths>
#include <QThreadPool>
#include <QTimer>
#include <QWheelEvent>

#include <sys/resource.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>
#include <vector>

#include "process_memory.h"
#include "main_window.h"
#include "onemap/gui/map_canvas.h"
#include "onemap/gui/project_controller.h"
#include "onemap/i18n/translations.h"

using namespace onemap;

namespace {

/// Milliseconds since this process was started (from /proc, 10 ms resolution).
double processAgeMs() {
  std::ifstream stat("/proc/self/stat");
  std::string field;
  for (int i = 0; i < 21 && stat >> field; ++i) {
  }
  unsigned long long startTicks = 0;
  stat >> startTicks;
  timespec now{};
  clock_gettime(CLOCK_BOOTTIME, &now);
  const double nowMs = double(now.tv_sec) * 1e3 + double(now.tv_nsec) / 1e6;
  return nowMs - double(startTicks) * 1e3 / double(sysconf(_SC_CLK_TCK));
}

/// Gaps between the ticks of a 5 ms timer on the GUI thread.
class LatencyProbe {
 public:
  LatencyProbe() {
    m_timer.setTimerType(Qt::PreciseTimer);
    m_timer.setInterval(5);
    QObject::connect(&m_timer, &QTimer::timeout, [this] {
      const qint64 now = m_clock.nsecsElapsed();
      m_gaps.push_back(double(now - m_last) / 1e6);
      m_last = now;
    });
    m_clock.start();
    m_last = m_clock.nsecsElapsed();
    m_timer.start();
  }
  void reset() {
    m_gaps.clear();
    m_last = m_clock.nsecsElapsed();
  }
  double worst() const { return m_gaps.empty() ? 0 : *std::max_element(m_gaps.begin(), m_gaps.end()); }
  double percentile(double p) const {
    if (m_gaps.empty()) return 0;
    std::vector<double> sorted = m_gaps;
    std::sort(sorted.begin(), sorted.end());
    return sorted[std::min(sorted.size() - 1, std::size_t(p * double(sorted.size())))];
  }
  std::size_t ticks() const { return m_gaps.size(); }

 private:
  QTimer m_timer;
  QElapsedTimer m_clock;
  qint64 m_last = 0;
  std::vector<double> m_gaps;
};

/// Runs the event loop for `ms` milliseconds.
void pump(int ms) {
  QEventLoop loop;
  QTimer::singleShot(ms, &loop, &QEventLoop::quit);
  loop.exec();
}

/// Waits (event loop running) until the canvas has no render pending; returns the ms waited.
double waitForRender(gui::MapCanvas* canvas, int timeoutMs = 120000) {
  QElapsedTimer timer;
  timer.start();
  while (canvas->isRendering() && timer.elapsed() < timeoutMs) {
    QEventLoop loop;
    QObject::connect(canvas, &gui::MapCanvas::renderFinished, &loop, &QEventLoop::quit);
    QTimer::singleShot(50, &loop, &QEventLoop::quit);
    loop.exec();
  }
  return double(timer.nsecsElapsed()) / 1e6;
}

void send(QWidget* widget, QEvent* event) { QApplication::sendEvent(widget, event); }

/// A mouse drag on the canvas from `from` by `delta`, in `steps` moves 16 ms apart (60 Hz).
void drag(gui::MapCanvas* canvas, QPoint from, QPoint delta, int steps) {
  const QPointF global = canvas->mapToGlobal(QPointF(from));
  QMouseEvent press(QEvent::MouseButtonPress, QPointF(from), global, Qt::LeftButton, Qt::LeftButton, Qt::NoModifier);
  send(canvas, &press);
  for (int i = 1; i <= steps; ++i) {
    const QPointF p = QPointF(from) + QPointF(delta) * double(i) / steps;
    QMouseEvent move(QEvent::MouseMove, p, canvas->mapToGlobal(p), Qt::NoButton, Qt::LeftButton, Qt::NoModifier);
    send(canvas, &move);
    pump(16);
  }
  const QPointF end = QPointF(from + delta);
  QMouseEvent release(QEvent::MouseButtonRelease, end, canvas->mapToGlobal(end), Qt::LeftButton, Qt::NoButton,
                      Qt::NoModifier);
  send(canvas, &release);
}

/// One wheel notch (in when `in`) at `at`.
void wheel(gui::MapCanvas* canvas, QPoint at, bool in) {
  const QPointF p(at);
  QWheelEvent event(p, canvas->mapToGlobal(p), QPoint(), QPoint(0, in ? 120 : -120), Qt::NoButton, Qt::NoModifier,
                    Qt::NoScrollPhase, false);
  send(canvas, &event);
}

Extent atScale(const Extent& around, double cx, double cy, double scale, QSize size, double dpi) {
  const double upp = scale * 0.0254 / dpi;
  const double x = around.minX() + cx * around.width();
  const double y = around.minY() + cy * around.height();
  return Extent(x - upp * size.width() / 2, y - upp * size.height() / 2, x + upp * size.width() / 2,
                y + upp * size.height() / 2);
}

struct Phase {
  std::string name;
  double renderMs = 0;     // wall time until the map was drawn (0 = not measured)
  double worstGap = 0;     // longest GUI-thread gap
  double p99Gap = 0;
};

void print(const Phase& p) {
  char render[32] = "";
  if (p.renderMs > 0) std::snprintf(render, sizeof render, "%.0f", p.renderMs);
  std::printf("%-58s %10s %10.1f %10.1f %9.0f\n", p.name.c_str(), render, p.worstGap, p.p99Gap, bench::peakRssMb());
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  const auto mainEntered = std::chrono::steady_clock::now();
  const double ageAtMain = processAgeMs();
  if (!std::getenv("QT_QPA_PLATFORM")) setenv("QT_QPA_PLATFORM", "offscreen", 1);
  std::filesystem::path county = std::getenv("ONEMAP_COUNTY") ? std::getenv("ONEMAP_COUNTY") : "/tmp/county_full";
  QSize canvasSize(1600, 1000);
  std::string dltbStyle = "project";
  for (int i = 1; i < argc; ++i) {
    const std::string arg = argv[i];
    if (arg == "--size" && i + 1 < argc) {
      int w = 0;
      int h = 0;
      if (std::sscanf(argv[++i], "%dx%d", &w, &h) == 2 && w > 0 && h > 0) canvasSize = QSize(w, h);
    } else if (arg == "--dltb-style" && i + 1 < argc) {
      dltbStyle = argv[++i];
    } else if (arg == "--help" || arg == "-h") {
      std::printf("usage: bench_gui_latency [COUNTY_DIR] [--size WxH] [--dltb-style project|filled]\n");
      return 0;
    } else {
      county = arg;
    }
  }
  // Settings, recent files and autosave copies of this run stay out of the user's folders.
  QStandardPaths::setTestModeEnabled(true);
  QApplication app(argc, argv);
  if (getenv("H4_POOL")) QThreadPool::globalInstance()->setMaxThreadCount(atoi(getenv("H4_POOL")));
  i18n::installTranslations(app, i18n::chooseLanguage(QString()));
  shell::MainWindow window;
  window.show();
  // A usable window: shown, laid out, and the event loop turning.
  {
    QEventLoop loop;
    QTimer::singleShot(0, &loop, &QEventLoop::quit);
    loop.exec();
  }
  const double startupMs =
      std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - mainEntered).count();
  // Nothing may wait for a click: a modal dialog is reported and dismissed.
  QTimer dismiss;
  QObject::connect(&dismiss, &QTimer::timeout, [] {
    if (QWidget* modal = QApplication::activeModalWidget()) {
      std::printf("  (dismissed dialog: %s)\n", modal->windowTitle().toUtf8().constData());
      if (auto* box = qobject_cast<QMessageBox*>(modal); box && box->button(QMessageBox::No)) box->button(QMessageBox::No)->click();
      else if (auto* dialog = qobject_cast<QDialog*>(modal)) dialog->reject();
      else modal->close();
    }
  });
  dismiss.start(200);

  gui::MapCanvas* canvas = window.canvas();
  window.resize(window.size() + (canvasSize - canvas->size()));
  pump(50);
  std::printf("county: %s   canvas %dx%d px   DLTB style: %s\n", county.c_str(), canvas->width(), canvas->height(),
              dltbStyle.c_str());
  std::printf("start-up to a usable window: %.0f ms after main() (process age then %.0f ms; at main() %.0f ms)\n",
              startupMs, ageAtMain + startupMs, ageAtMain);
  std::printf("%-58s %10s %10s %10s %9s\n", "phase", "render ms", "max gap", "p99 gap", "peak MB");

  LatencyProbe probe;
  const auto finish = [&](Phase phase) {
    phase.worstGap = probe.worst();
    phase.p99Gap = probe.percentile(0.99);
    print(phase);
    probe.reset();
  };

  // Open the project, then switch DLTB on (hidden in the sample project), as a user would.
  QElapsedTimer timer;
  timer.start();
  if (!window.openPath(county / "sample-project.onemap", true)) return 1;
  const double openMs = double(timer.nsecsElapsed()) / 1e6;
  waitForRender(canvas);
  Phase open{"open project: first frame (image + small layers)"};
  open.renderMs = double(timer.nsecsElapsed()) / 1e6;
  finish(open);
  std::printf("  (of which openPath ran %.0f ms on the GUI thread)\n", openMs);
  gui::ProjectController* controller = window.controller();
  const int dltb = controller->layerIndex("DLTB");
  if (dltb < 0) {
    std::fprintf(stderr, "bench_gui_latency: the project has no DLTB layer\n");
    return 1;
  }
  timer.restart();
  if (dltbStyle == "filled") {
    auto style = controller->project().layers[std::size_t(dltb)].style;
    style["fill_opacity"] = "0.8";
    controller->setLayerStyle(dltb, style);
  }
  controller->setLayerVisible(dltb, true);
  waitForRender(canvas);
  Phase dltbOn{"DLTB switched on: frame with 274k polygons (cold copy)"};
  dltbOn.renderMs = double(timer.nsecsElapsed()) / 1e6;
  finish(dltbOn);

  const Extent full = controller->fullExtent();
  const double dpi = canvas->currentSettings().dpi();
  const auto timedExtent = [&](const std::string& name, const Extent& extent) {
    QElapsedTimer t;
    t.start();
    canvas->setExtent(extent);
    waitForRender(canvas);
    Phase phase{name};
    phase.renderMs = double(t.nsecsElapsed()) / 1e6;
    finish(phase);
  };
  timedExtent("full extent (warm)", full.scaled(1.0001));

  // Drags at full extent: ten drags of 20 moves, not waiting in between.
  for (int i = 0; i < 10; ++i) drag(canvas, QPoint(800, 500), QPoint((i % 2 ? -1 : 1) * 200, (i % 3 - 1) * 120), 20);
  {
    QElapsedTimer t;
    t.start();
    waitForRender(canvas);
    Phase phase{"10 drags at full extent (200 moves at 60 Hz)"};
    phase.renderMs = double(t.nsecsElapsed()) / 1e6;
    finish(phase);
  }
  // Wheel zooms in around the cursor, 80 ms apart (each may cancel the previous render).
  for (int i = 0; i < 5; ++i) {
    wheel(canvas, QPoint(700 + i * 20, 450), true);
    pump(80);
  }
  {
    QElapsedTimer t;
    t.start();
    waitForRender(canvas);
    Phase phase{"5 wheel zooms in, 80 ms apart"};
    phase.renderMs = double(t.nsecsElapsed()) / 1e6;
    finish(phase);
  }
  const std::vector<std::pair<double, double>> positions{{0.5, 0.5}, {0.25, 0.3}, {0.7, 0.8}, {0.1, 0.9}};
  for (const double scale : {50000.0, 10000.0, 5000.0, 2000.0})
    for (std::size_t k = 0; k < positions.size(); ++k)
      timedExtent("1:" + std::to_string(int(scale)) + " at position " + std::to_string(k + 1),
                  atScale(full, positions[k].first, positions[k].second, scale, canvas->size(), dpi));
  // Drags at 1:10000.
  canvas->setExtent(atScale(full, 0.4, 0.6, 10000, canvas->size(), dpi));
  waitForRender(canvas);
  probe.reset();
  for (int i = 0; i < 10; ++i) drag(canvas, QPoint(800, 500), QPoint((i % 2 ? -1 : 1) * 300, (i % 3 - 1) * 200), 20);
  {
    QElapsedTimer t;
    t.start();
    waitForRender(canvas);
    Phase phase{"10 drags at 1:10000 (200 moves at 60 Hz)"};
    phase.renderMs = double(t.nsecsElapsed()) / 1e6;
    finish(phase);
  }
  // Rapid extent changes: every new render cancels the running one.
  for (int i = 0; i < 20; ++i) {
    canvas->setExtent(atScale(full, 0.2 + 0.03 * i, 0.3 + 0.02 * i, i % 2 ? 25000 : 8000, canvas->size(), dpi));
    pump(30);
  }
  {
    QElapsedTimer t;
    t.start();
    waitForRender(canvas);
    Phase phase{"20 extent changes 30 ms apart (renders canceled)"};
    phase.renderMs = double(t.nsecsElapsed()) / 1e6;
    finish(phase);
  }
  timedExtent("back to full extent", full);
  for (int i = 0; i < 4; ++i) {
    wheel(canvas, QPoint(400 + i * 200, 300 + i * 100), i % 2 == 0);
    pump(120);
  }
  {
    QElapsedTimer t;
    t.start();
    waitForRender(canvas);
    Phase phase{"4 wheel zooms in/out at full extent, 120 ms apart"};
    phase.renderMs = double(t.nsecsElapsed()) / 1e6;
    finish(phase);
  }
  std::printf("peak RSS %.0f MB (target < 1024); latency target: no gap above 50 ms while browsing\n", bench::peakRssMb());
  // Leave without the "unsaved changes" question: the project was only looked at.
  controller->setModified(false);
  return 0;
}
