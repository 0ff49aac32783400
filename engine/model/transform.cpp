// SPDX-License-Identifier: MIT
#include "model/transform.h"

#include <algorithm>

namespace ql::model {

void exposeIntermediates(Graph& g)
{
    Subgraph& sg = g.subgraphs.front();
    std::vector<bool> isOutput(sg.tensors.size(), false);
    for (auto o : sg.outputs)
        isOutput[static_cast<std::size_t>(o)] = true;
    for (const auto& op : sg.operators)
        for (auto o : op.outputs)
            if (o >= 0 && !isOutput[static_cast<std::size_t>(o)]) {
                isOutput[static_cast<std::size_t>(o)] = true;
                sg.outputs.push_back(o);
            }
    g.signatureDefs.clear();
}

} // namespace ql::model
