// SPDX-License-Identifier: MIT
// The operator table (quant/op_rules.h) as a Markdown document: docs/quantization.md carries it between
// the markers "<!-- operator-rules:begin -->" and "<!-- operator-rules:end -->", `quantlens-cli rules`
// prints it, and a test checks that the document and the table agree.
#pragma once

#include <string>

namespace ql::quant {

std::string operatorRulesMarkdown();

} // namespace ql::quant
