#include "onemap/gui/settings_dialog.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QMessageBox>
#include <QProcess>
#include <QSettings>
#include <QSpinBox>
#include <QVBoxLayout>

#include <algorithm>

#include "onemap/i18n/translations.h"

namespace onemap::gui {

SettingsDialog::SettingsDialog(QWidget* parent)
    : QDialog(parent), m_language(new QComboBox(this)), m_askOverviews(new QCheckBox(this)), m_autosave(new QSpinBox(this)) {
  setWindowTitle(tr("Options"));
  auto* layout = new QVBoxLayout(this);
  auto* form = new QFormLayout;
  layout->addLayout(form);

  // Language names are shown in their own language.
  m_language->addItem(tr("Follow the system"), QString());
  m_language->addItem(QStringLiteral("简体中文"), QStringLiteral("zh_CN"));
  m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
  const QString saved = QSettings().value(QLatin1String(kLanguageKey)).toString();
  m_language->setCurrentIndex(std::max(0, m_language->findData(saved)));
  form->addRow(tr("&Language:"), m_language);
  auto* note = new QLabel(tr("A new language takes effect when OneMap Agri restarts."), this);
  note->setWordWrap(true);
  note->setEnabled(false);
  form->addRow(QString(), note);

  m_askOverviews->setText(tr("Offer to build overviews for large images without them"));
  m_askOverviews->setToolTip(tr("Overviews (an external .ovr file beside the image) make large images draw fast "
                                "at small scales; the image itself is not modified."));
  m_askOverviews->setChecked(askBuildOverviews());
  form->addRow(tr("Raster images:"), m_askOverviews);

  m_autosave->setRange(0, 60);
  m_autosave->setSuffix(tr(" min"));
  m_autosave->setSpecialValueText(tr("Off"));
  m_autosave->setValue(autosaveMinutes());
  m_autosave->setToolTip(tr("How often a recovery copy of a modified project is written (also shortly after each "
                            "change). After a crash OneMap offers to restore it."));
  form->addRow(tr("&Autosave every:"), m_autosave);

  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
  layout->addWidget(buttons);
  connect(buttons, &QDialogButtonBox::accepted, this, &QDialog::accept);
  connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
}

int SettingsDialog::autosaveMinutes() {
  return std::clamp(QSettings().value(QLatin1String(kAutosaveMinutesKey), kDefaultAutosaveMinutes).toInt(), 0, 60);
}

bool SettingsDialog::askBuildOverviews() { return QSettings().value(QLatin1String(kAskOverviewsKey), true).toBool(); }

bool SettingsDialog::apply() {
  QSettings settings;
  const QString before = settings.value(QLatin1String(kLanguageKey)).toString();
  const QString language = m_language->currentData().toString();
  if (language.isEmpty()) settings.remove(QLatin1String(kLanguageKey));
  else settings.setValue(QLatin1String(kLanguageKey), language);
  settings.setValue(QLatin1String(kAskOverviewsKey), m_askOverviews->isChecked());
  settings.setValue(QLatin1String(kAutosaveMinutesKey), m_autosave->value());
  // Compare what would be chosen at the next start with what runs now.
  return language != before && i18n::chooseLanguage() != i18n::currentLanguage();
}

void SettingsDialog::showOptions(QWidget* parent, const QString& projectFile) {
  SettingsDialog dialog(parent);
  if (dialog.exec() != QDialog::Accepted) return;
  if (!dialog.apply()) return;
  const auto answer = QMessageBox::question(
      parent, tr("Restart OneMap Agri"),
      tr("The new language is used after a restart. Restart OneMap Agri now?"),
      QMessageBox::Yes | QMessageBox::No, QMessageBox::Yes);
  if (answer != QMessageBox::Yes) return;
  // Closing asks about unsaved changes; if the user cancels, nothing restarts.
  QApplication::closeAllWindows();
  for (QWidget* window : QApplication::topLevelWidgets())
    if (window->isVisible() && window->isWindow() && qobject_cast<QDialog*>(window) == nullptr) return;
  QStringList arguments;
  if (!projectFile.isEmpty()) arguments << projectFile;
  QProcess::startDetached(QApplication::applicationFilePath(), arguments);
  QApplication::quit();
}

}  // namespace onemap::gui
