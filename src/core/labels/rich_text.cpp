#include "core/labels/rich_text.hpp"

#include <algorithm>
#include <cctype>

namespace storyplot {

namespace {

// Splits a line into spans at ** and * (or _) markers; a marker without its closing pair is text.
std::vector<TextSpan> parse_spans(std::string_view line) {
    std::vector<TextSpan> out;
    std::string current;
    auto flush = [&](SpanStyle style) {
        if (!current.empty()) out.push_back({std::move(current), style});
        current.clear();
    };
    std::size_t i = 0;
    while (i < line.size()) {
        const bool bold = line.substr(i, 2) == "**";
        const bool italic = !bold && (line[i] == '*' || line[i] == '_');
        // An italic marker opens only before a non-space and closes only after one (2*3 stays text),
        // and an underscore only at a word's edge (snake_case stays text).
        if (bold || italic) {
            const std::string_view marker = bold ? line.substr(i, 2) : line.substr(i, 1);
            const std::size_t open_end = i + marker.size();
            const bool opens = open_end < line.size() && line[open_end] != ' ' &&
                               (line[i] != '_' || i == 0 || line[i - 1] == ' ');
            const std::size_t close = opens ? line.find(marker, open_end) : std::string_view::npos;
            if (close != std::string_view::npos && close > open_end && line[close - 1] != ' ' &&
                (line[i] != '_' || close + 1 >= line.size() || !std::isalnum(static_cast<unsigned char>(line[close + 1])))) {
                flush(SpanStyle::regular);
                current = std::string(line.substr(open_end, close - open_end));
                flush(bold ? SpanStyle::bold : SpanStyle::italic);
                i = close + marker.size();
                continue;
            }
        }
        current += line[i++];
    }
    flush(SpanStyle::regular);
    return out;
}

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

}  // namespace

std::vector<TextBlock> parse_rich_text(std::string_view text) {
    std::vector<TextBlock> blocks;
    std::string paragraph;  // lines of the paragraph being read, joined by spaces
    auto end_paragraph = [&] {
        if (!paragraph.empty()) blocks.push_back({false, parse_spans(paragraph)});
        paragraph.clear();
    };
    std::size_t start = 0;
    while (start <= text.size()) {
        const std::size_t nl = std::min(text.find('\n', start), text.size());
        const std::string_view line = trim(text.substr(start, nl - start));
        start = nl + 1;
        if (line.empty()) {
            end_paragraph();
        } else if (line.size() > 2 && (line[0] == '-' || line[0] == '*') && line[1] == ' ') {
            end_paragraph();
            blocks.push_back({true, parse_spans(trim(line.substr(2)))});
        } else {
            if (!paragraph.empty()) paragraph += ' ';
            paragraph += line;
        }
        if (nl == text.size()) break;
    }
    end_paragraph();
    return blocks;
}

std::string plain_text(std::string_view text) {
    std::string out;
    for (const auto& block : parse_rich_text(text)) {
        if (!out.empty()) out += block.bullet ? "\n" : "\n\n";
        if (block.bullet) out += "• ";
        for (const auto& span : block.spans) out += span.text;
    }
    return out;
}

RichLayout layout_rich_text(const std::vector<TextBlock>& blocks, const TextMeasure& measure, const RichFonts& fonts, float width) {
    RichLayout layout;
    const double line_h = measure.font_size(fonts.regular) * 1.25;
    const double space = measure.size(fonts.regular, " ").x;
    double y = 0;
    for (std::size_t b = 0; b < blocks.size(); ++b) {
        const TextBlock& block = blocks[b];
        if (b > 0) y += block.bullet && blocks[b - 1].bullet ? line_h * 0.15 : line_h * 0.5;
        double indent = 0;
        if (block.bullet) {
            layout.pieces.push_back({{0, y}, "•", fonts.regular});
            indent = measure.size(fonts.regular, "• ").x;
        }
        double x = indent;
        bool line_empty = true;
        bool space_before = false;  // a space (in this span or at the end of the one before) since the last word
        for (const auto& span : block.spans) {
            const TextStyle style = fonts.for_span(span.style);
            const std::string& s = span.text;
            std::size_t i = 0;
            while (i < s.size()) {
                if (s[i] == ' ') {
                    space_before = true;
                    ++i;
                    continue;
                }
                const std::size_t e = std::min(s.find(' ', i), s.size());
                std::string word = s.substr(i, e - i);
                i = e;
                const double w = measure.size(style, word).x;
                const double gap = !line_empty && space_before ? space : 0.0;
                if (!line_empty && space_before && x + gap + w > width) {
                    x = indent;
                    y += line_h;
                } else {
                    x += gap;
                }
                layout.pieces.push_back({{x, y}, std::move(word), style});
                x += w;
                line_empty = false;
                space_before = false;
                layout.size.x = std::max(layout.size.x, x);
            }
        }
        y += line_h;
    }
    layout.size.y = y;
    return layout;
}

}  // namespace storyplot
