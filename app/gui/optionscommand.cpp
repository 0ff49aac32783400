// SPDX-License-Identifier: MIT
#include "gui/optionscommand.h"

#include <QCoreApplication>

namespace ql::app {
namespace {

// Which options differ, one bit each.
unsigned changedOptions(const ModePanel::State& a, const ModePanel::State& b)
{
    return (a.mode != b.mode ? 1u : 0u) | (a.io != b.io ? 2u : 0u) | (a.calibration != b.calibration ? 4u : 0u) |
        (a.samples != b.samples ? 8u : 0u) | (a.bits != b.bits ? 16u : 0u) | (a.perChannel != b.perChannel ? 32u : 0u) |
        (a.perChannelDense != b.perChannelDense ? 64u : 0u) | (a.symmetric != b.symmetric ? 128u : 0u);
}

QString describe(const ModePanel::State& before, const ModePanel::State& after)
{
    const unsigned what = changedOptions(before, after);
    if (what == 1u)
        return QCoreApplication::translate("ql::app::OptionsCommand", "mode %1 → %2").arg(before.mode, after.mode);
    if (what == 16u)
        return QCoreApplication::translate("ql::app::OptionsCommand", "%1 → %2 bits").arg(before.bits).arg(after.bits);
    return QCoreApplication::translate("ql::app::OptionsCommand", "change the quantization options");
}

} // namespace

OptionsCommand::OptionsCommand(
    std::function<void(const ModePanel::State&)> apply, ModePanel::State before, ModePanel::State after)
    : m_apply(std::move(apply))
    , m_before(std::move(before))
    , m_after(std::move(after))
{
    setText(describe(m_before, m_after));
}

void OptionsCommand::undo()
{
    m_apply(m_before);
}

void OptionsCommand::redo()
{
    if (!m_pushed) {
        m_pushed = true; // the panel already shows the change
        return;
    }
    m_apply(m_after);
}

bool OptionsCommand::mergeWith(const QUndoCommand* other)
{
    const auto* next = dynamic_cast<const OptionsCommand*>(other);
    if (!next || !(next->m_before == m_after))
        return false;
    const unsigned mine = changedOptions(m_before, m_after), theirs = changedOptions(next->m_before, next->m_after);
    // The bit-width slider or the sample count moved again: choices in a list stay steps of their own.
    if (mine != theirs || (mine != 16u && mine != 8u))
        return false;
    m_after = next->m_after;
    setText(describe(m_before, m_after));
    return true;
}

} // namespace ql::app
