// SPDX-License-Identifier: MIT
#include "exec/op_cases.h"

namespace ql::test {

std::vector<OpCase> quantizedCases()
{
    return {};
}

} // namespace ql::test
