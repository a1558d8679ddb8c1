#include "onemap/gui/csv_layer_dialog.h"

#include <QComboBox>
#include <QDialogButtonBox>
#include <QFile>
#include <QFormLayout>
#include <QLabel>
#include <QMessageBox>
#include <QRadioButton>
#include <QSaveFile>
#include <QStringDecoder>
#include <QVBoxLayout>

#include "onemap/base/text.h"

namespace onemap::gui {
namespace {

QString shown(const std::filesystem::path& path) { return QString::fromStdString(text::displayPath(path)); }

int guessIndex(const QStringList& columns, const QStringList& hints) {
  for (const QString& hint : hints)
    for (int i = 0; i < columns.size(); ++i)
      if (columns[i].contains(hint, Qt::CaseInsensitive)) return i;
  return -1;
}

}  // namespace

bool CsvLayerDialog::isCsv(const std::filesystem::path& file) {
  std::string ext = file.extension().string();
  for (auto& c : ext) c = char(std::tolower(static_cast<unsigned char>(c)));
  return ext == ".csv";
}

QStringList CsvLayerDialog::readColumns(const std::filesystem::path& csv) {
  QFile file(QString::fromStdString(csv.string()));
  if (!file.open(QIODevice::ReadOnly)) return {};
  QByteArray line = file.readLine(64 * 1024).trimmed();
  if (line.startsWith("\xEF\xBB\xBF")) line.remove(0, 3);
  QString header = QString::fromUtf8(line);
  if (header.contains(QChar::ReplacementCharacter)) {
    QStringDecoder gbk("GB18030");
    if (gbk.isValid()) header = gbk.decode(line);
  }
  QChar separator = QLatin1Char(',');
  for (const QChar candidate : {QLatin1Char(';'), QLatin1Char('\t')})
    if (header.count(candidate) > header.count(separator)) separator = candidate;
  QStringList columns;
  for (QString column : header.split(separator)) {
    column = column.trimmed();
    if (column.size() >= 2 && column.startsWith(QLatin1Char('"')) && column.endsWith(QLatin1Char('"')))
      column = column.mid(1, column.size() - 2);
    columns << column;
  }
  return columns;
}

QString CsvLayerDialog::columnTypes(const QStringList& columns, const QString& x, const QString& y,
                                    const QString& wkt) {
  QStringList types;
  for (const QString& column : columns) {
    if (!wkt.isEmpty() && column == wkt) types << QStringLiteral("\"WKT\"");
    else if (wkt.isEmpty() && column == x) types << QStringLiteral("\"CoordX\"");
    else if (wkt.isEmpty() && column == y) types << QStringLiteral("\"CoordY\"");
    else types << QStringLiteral("\"String\"");
  }
  return types.join(QLatin1Char(',')) + QLatin1Char('\n');
}

QString CsvLayerDialog::writeColumnTypes(const std::filesystem::path& csv, const QString& types) {
  std::filesystem::path target = csv;
  target.replace_extension(".csvt");
  QSaveFile file(QString::fromStdString(target.string()));
  if (!file.open(QIODevice::WriteOnly) || file.write(types.toUtf8()) < 0 || !file.commit())
    return tr("%1: cannot write the column types (%2). Check that the folder is writable.")
        .arg(shown(target), file.errorString());
  return {};
}

CsvLayerDialog::CsvLayerDialog(const std::filesystem::path& csv, const QStringList& columns, QWidget* parent)
    : QDialog(parent),
      m_useXy(new QRadioButton(tr("&Point coordinates in two columns"), this)),
      m_useWkt(new QRadioButton(tr("&Geometry as WKT text in one column"), this)),
      m_x(new QComboBox(this)),
      m_y(new QComboBox(this)),
      m_wkt(new QComboBox(this)) {
  setWindowTitle(tr("CSV Geometry Columns"));
  auto* layout = new QVBoxLayout(this);
  auto* intro = new QLabel(tr("OneMap did not recognise the geometry columns of “%1”. Choose them:")
                               .arg(shown(csv.filename())),
                           this);
  intro->setWordWrap(true);
  layout->addWidget(intro);
  for (QComboBox* box : {m_x, m_y, m_wkt}) box->addItems(columns);
  m_x->setCurrentIndex(std::max(0, guessIndex(columns, {QStringLiteral("east"), QStringLiteral("lon"), QStringLiteral("x"), QStringLiteral("经")})));
  m_y->setCurrentIndex(std::max(std::min(1, int(columns.size()) - 1),
                                guessIndex(columns, {QStringLiteral("north"), QStringLiteral("lat"), QStringLiteral("y"), QStringLiteral("纬")})));
  m_wkt->setCurrentIndex(std::max(0, guessIndex(columns, {QStringLiteral("wkt"), QStringLiteral("geom"), QStringLiteral("shape")})));
  layout->addWidget(m_useXy);
  auto* xy = new QFormLayout;
  xy->addRow(tr("&X (easting / longitude):"), m_x);
  xy->addRow(tr("&Y (northing / latitude):"), m_y);
  layout->addLayout(xy);
  layout->addWidget(m_useWkt);
  auto* wkt = new QFormLayout;
  wkt->addRow(tr("&WKT column:"), m_wkt);
  layout->addLayout(wkt);
  const bool looksWkt = guessIndex(columns, {QStringLiteral("wkt"), QStringLiteral("geom")}) >= 0;
  (looksWkt ? m_useWkt : m_useXy)->setChecked(true);
  auto enable = [this] {
    m_x->setEnabled(m_useXy->isChecked());
    m_y->setEnabled(m_useXy->isChecked());
    m_wkt->setEnabled(m_useWkt->isChecked());
  };
  connect(m_useXy, &QRadioButton::toggled, this, enable);
  enable();
  auto* note = new QLabel(tr("Your choice is saved as “%1” beside the CSV (the CSV itself is not changed), so "
                             "it opens the same way next time. CSV files carry no coordinate system: the "
                             "coordinates are taken to be in the project's.")
                              .arg(shown(std::filesystem::path(csv).replace_extension(".csvt").filename())),
                          this);
  note->setWordWrap(true);
  layout->addWidget(note);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
  layout->addWidget(buttons);
}

QString CsvLayerDialog::xColumn() const { return m_useXy->isChecked() ? m_x->currentText() : QString(); }
QString CsvLayerDialog::yColumn() const { return m_useXy->isChecked() ? m_y->currentText() : QString(); }
QString CsvLayerDialog::wktColumn() const { return m_useWkt->isChecked() ? m_wkt->currentText() : QString(); }

bool CsvLayerDialog::describe(const std::filesystem::path& csv, QWidget* parent) {
  const QStringList columns = readColumns(csv);
  if (columns.size() < 1) return false;
  CsvLayerDialog dialog(csv, columns, parent);
  if (dialog.exec() != QDialog::Accepted) return false;
  const QString error =
      writeColumnTypes(csv, columnTypes(columns, dialog.xColumn(), dialog.yColumn(), dialog.wktColumn()));
  if (!error.isEmpty()) {
    QMessageBox::warning(parent, tr("Cannot add the layer"), error);
    return false;
  }
  return true;
}

}  // namespace onemap::gui
