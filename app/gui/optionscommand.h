// SPDX-License-Identifier: MIT
// A change of the mode panel's options as one undo step on the document's stack (beside keep-in-float).
// Successive changes of the bit width (the slider dragged) or of the sample count merge into one step.
#pragma once

#include "gui/modepanel.h"

#include <QUndoCommand>

#include <functional>

namespace ql::app {

class OptionsCommand : public QUndoCommand {
public:
    // `apply` shows a state in the panel; the first redo (on push) does nothing: the panel shows `after`.
    OptionsCommand(std::function<void(const ModePanel::State&)> apply, ModePanel::State before, ModePanel::State after);

    void undo() override;
    void redo() override;
    int id() const override { return 0x0971; }
    bool mergeWith(const QUndoCommand* other) override;

private:
    std::function<void(const ModePanel::State&)> m_apply;
    ModePanel::State m_before, m_after;
    bool m_pushed = false;
};

} // namespace ql::app
