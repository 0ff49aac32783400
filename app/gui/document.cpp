// SPDX-License-Identifier: MIT
#include "gui/document.h"

#include <QUndoCommand>
#include <QUndoStack>

#include <algorithm>
#include <functional>

namespace ql::app {

namespace {

// One undoable change of the set of layers kept in float.
class KeepFloatCommand : public QUndoCommand {
public:
    KeepFloatCommand(std::function<void(std::vector<int>)> apply, std::vector<int> before, std::vector<int> after,
        const QString& text)
        : QUndoCommand(text)
        , m_apply(std::move(apply))
        , m_before(std::move(before))
        , m_after(std::move(after))
    {
    }
    void redo() override { m_apply(m_after); }
    void undo() override { m_apply(m_before); }

private:
    std::function<void(std::vector<int>)> m_apply;
    std::vector<int> m_before, m_after;
};

} // namespace

Document::Document(QObject* parent)
    : QObject(parent)
    , m_undo(new QUndoStack(this))
{
}

void Document::setModel(
    const QString& path, std::shared_ptr<const pipeline::ModelSource> source, std::vector<exec::Blocker> blockers)
{
    m_source = std::move(source);
    m_blockers = std::move(blockers);
    m_file = path;
    ++m_modelGeneration;
    ++m_inputsGeneration;
    m_keepFloat.clear();
    m_undo->clear();
    m_latencyJob.start(); // a measurement still running was of the previous model
    emit modelChanged();
    rereadForModel();
}

void Document::setDataSet(
    std::shared_ptr<const data::SampleSet> set, const QString& name, const QString& images, const QString& labels)
{
    ++m_inputsGeneration; // comparisons and suggestions measured on the old data no longer apply
    m_data = std::move(set);
    m_dataName = name;
    m_dataOrigin = {}; // handed over (openDataSet records where it read it from after this)
    if (m_data && !images.isEmpty())
        m_dataOrigin = {images, labels, preprocess(), m_bgr};
    m_dataRange = m_data ? std::optional(data::valueRange(*m_data)) : std::nullopt;
    emit dataSetChanged();
}

void Document::setCalibrationData(std::shared_ptr<const data::SampleSet> set, const QString& name)
{
    ++m_inputsGeneration;
    m_calibData = std::move(set);
    m_calibName = m_calibData ? name : QString();
    m_calibOrigin = {};
    m_calibRange = m_calibData ? std::optional(data::valueRange(*m_calibData)) : std::nullopt;
    emit calibrationDataChanged();
}

QString Document::cannotRun() const
{
    if (m_blockers.empty())
        return {};
    QStringList ops;
    for (const auto& b : m_blockers) {
        if (b.op < 0)
            ops << QString::fromStdString(b.message);
        else if (b.subgraph > 0)
            ops << tr("operator %1 (%2) in subgraph %3 — %4")
                       .arg(b.op)
                       .arg(QString::fromStdString(b.opName))
                       .arg(b.subgraph)
                       .arg(QString::fromStdString(b.message));
        else
            ops << tr("operator %1 (%2) — %3")
                       .arg(b.op)
                       .arg(QString::fromStdString(b.opName), QString::fromStdString(b.message));
    }
    constexpr qsizetype kNamed = 3;
    QString list = ops.mid(0, kNamed).join(QStringLiteral("; "));
    if (ops.size() > kNamed)
        list += tr("; and %n more", nullptr, static_cast<int>(ops.size() - kNamed));
    return tr("QuantLens cannot run this model: %1.").arg(list);
}

std::vector<std::string> Document::keptFloatIds() const
{
    std::vector<std::string> ids;
    for (const int op : m_keepFloat)
        ids.push_back(std::to_string(op));
    return ids;
}

bool Document::setKeepFloat(int op, bool keep)
{
    if (!m_source || m_source->workOp(op) < 0) // not an operator the quantizer decides on
        return false;
    std::vector<int> after = m_keepFloat;
    after.erase(std::remove(after.begin(), after.end(), op), after.end());
    if (keep)
        after.push_back(op);
    std::sort(after.begin(), after.end());
    if (after == m_keepFloat)
        return false;
    pushKeepFloat(std::move(after), keep ? tr("keep operator %1 in float").arg(op) : tr("quantize operator %1").arg(op));
    return true;
}

void Document::keepAlsoInFloat(const std::vector<int>& ops, const QString& text)
{
    std::vector<int> after = m_keepFloat;
    after.insert(after.end(), ops.begin(), ops.end());
    std::sort(after.begin(), after.end());
    after.erase(std::unique(after.begin(), after.end()), after.end());
    if (after != m_keepFloat)
        pushKeepFloat(std::move(after), text);
}

void Document::pushKeepFloat(std::vector<int> after, const QString& text)
{
    m_undo->push(new KeepFloatCommand([this](std::vector<int> v) { applyKeepFloat(std::move(v)); }, m_keepFloat,
        std::move(after), text));
}

void Document::applyKeepFloat(std::vector<int> ops)
{
    std::sort(ops.begin(), ops.end());
    m_keepFloat = std::move(ops);
    ++m_inputsGeneration;
    emit keepFloatChanged();
}

} // namespace ql::app
