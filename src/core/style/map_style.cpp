#include "core/style/map_style.hpp"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>

#include "core/files/file_input.hpp"
#include "core/files/input_error.hpp"

namespace storyplot {

namespace {

using Json = nlohmann::json;

constexpr std::uintmax_t style_file_limit = 4ull << 20;  // 4 MiB: a style is a page of rules

// A rule's mistakes, named by its place in the file and its name.
class RuleReader {
public:
    RuleReader(const std::string& file, std::size_t index, const Json& rule) : m_file(file), m_rule(rule) {
        m_subject = "rule " + std::to_string(index + 1);
        if (rule.is_object() && rule.contains("name") && rule["name"].is_string())
            m_subject += " (" + rule["name"].get<std::string>() + ")";
    }

    [[noreturn]] void fail(const std::string& what) const { throw InputError(m_file, m_subject + ": " + what); }

    Color color(const Json& value, const std::string& member) const {
        if (!value.is_string()) fail(member + " must be a colour \"#rrggbb\" or \"#rrggbbaa\"");
        const auto c = parse_hex_color(value.get<std::string>());
        if (!c) fail(member + ": \"" + value.get<std::string>() + "\" is not a colour \"#rrggbb\" or \"#rrggbbaa\"");
        return *c;
    }

    float number(const Json& value, const std::string& member, double low, double high) const {
        if (!value.is_number() || !std::isfinite(value.get<double>()) || value.get<double>() < low || value.get<double>() > high)
            fail(member + " must be a number from " + trimmed(low) + " to " + trimmed(high));
        return value.get<float>();
    }

    LinePaint line(const Json& value, const std::string& member) const {
        if (!value.is_object() || !value.contains("color")) fail(member + " must be an object with a \"color\"");
        LinePaint paint;
        paint.color = color(value["color"], member + ".color");
        if (value.contains("width")) paint.width_px = number(value["width"], member + ".width", 0.1, 64);
        if (value.contains("dash")) {
            const Json& dash = value["dash"];
            if (!dash.is_array() || dash.size() != 2) fail(member + ".dash must be [on, off] in pixels");
            paint.dash_on = number(dash[0], member + ".dash", 0.5, 256);
            paint.dash_off = number(dash[1], member + ".dash", 0.5, 256);
        }
        for (const auto& [key, _] : value.items())
            if (key != "color" && key != "width" && key != "dash") fail(member + ": unknown member \"" + key + "\"");
        return paint;
    }

    StyleRule read() const {
        if (!m_rule.is_object()) fail("must be an object");
        StyleRule rule;
        if (m_rule.contains("name")) {
            if (!m_rule["name"].is_string()) fail("name must be a string");
            rule.name = m_rule["name"];
        }
        const auto found = m_rule.find("geometry");
        const std::string geometry = found != m_rule.end() && found->is_string() ? found->get<std::string>() : std::string();
        if (geometry == "area") rule.geometry = GeometryKind::polygon;
        else if (geometry == "line") rule.geometry = GeometryKind::line;
        else if (geometry == "point") rule.geometry = GeometryKind::point;
        else fail("geometry must be \"area\", \"line\" or \"point\"");

        if (!m_rule.contains("match") || !m_rule["match"].is_object() || m_rule["match"].empty())
            fail("match must be an object of tags, e.g. {\"railway\": [\"rail\"]}");
        for (const auto& [key, values] : m_rule["match"].items()) {
            std::vector<std::string> allowed;
            if (values.is_string()) allowed.push_back(values);
            else if (values.is_array() && !values.empty() && std::all_of(values.begin(), values.end(), [](const Json& v) { return v.is_string(); }))
                for (const auto& v : values) allowed.push_back(v);
            else fail("match." + key + " must be a value or a list of values (\"*\": any)");
            rule.match.emplace_back(key, std::move(allowed));
        }

        LayerPaint& paint = rule.paint;
        if (m_rule.contains("zoom")) {
            const Json& zoom = m_rule["zoom"];
            if (!zoom.is_array() || zoom.size() != 2) fail("zoom must be [from, to], web map zoom levels 0 to 30");
            paint.min_zoom = number(zoom[0], "zoom", 0, 30);
            paint.max_zoom = number(zoom[1], "zoom", 0, 30);
            if (paint.min_zoom > paint.max_zoom) fail("zoom: from is past to");
        }
        if (m_rule.contains("fill")) paint.fill = color(m_rule["fill"], "fill");
        if (m_rule.contains("outline")) paint.outline = line(m_rule["outline"], "outline");
        if (m_rule.contains("strokes")) {
            const Json& strokes = m_rule["strokes"];
            if (!strokes.is_array() || strokes.empty() || strokes.size() > 4) fail("strokes must be a list of one to four lines");
            for (std::size_t i = 0; i < strokes.size(); ++i) paint.strokes.push_back(line(strokes[i], "strokes[" + std::to_string(i) + "]"));
        }
        if (m_rule.contains("point")) {
            const Json& point = m_rule["point"];
            if (!point.is_object() || !point.contains("color")) fail("point must be an object with a \"color\"");
            paint.point = color(point["color"], "point.color");
            if (point.contains("radius")) paint.point_radius_px = number(point["radius"], "point.radius", 0.5, 64);
        }
        if (m_rule.contains("label")) {
            if (!m_rule["label"].is_boolean()) fail("label must be true or false");
            rule.label = m_rule["label"];
        }
        if (m_rule.contains("rank")) rule.label_rank = static_cast<long>(number(m_rule["rank"], "rank", 0, 1e9));

        const bool paints = rule.geometry == GeometryKind::polygon ? (paint.fill || paint.outline)
                            : rule.geometry == GeometryKind::line  ? !paint.strokes.empty()
                                                                   : (paint.point || rule.label);
        if (!paints)
            fail(rule.geometry == GeometryKind::polygon ? "an area rule needs a fill or an outline"
                 : rule.geometry == GeometryKind::line  ? "a line rule needs strokes"
                                                        : "a point rule needs a point or a label");
        static const char* known[] = {"name", "geometry", "match", "zoom", "fill", "outline", "strokes", "point", "label", "rank"};
        for (const auto& [key, _] : m_rule.items())
            if (std::find(std::begin(known), std::end(known), key) == std::end(known)) fail("unknown member \"" + key + "\"");
        return rule;
    }

private:
    static std::string trimmed(double v) {
        std::string s = std::to_string(v);
        s.erase(s.find_last_not_of('0') + 1);
        if (s.back() == '.') s.pop_back();
        return s;
    }

    const std::string& m_file;
    const Json& m_rule;
    std::string m_subject;
};

}  // namespace

LayerPaint geometry_paint(Color color) {
    LayerPaint paint;
    paint.fill = Color{color.r, color.g, color.b, 0.22f};
    paint.outline = LinePaint{color, 1.2f};
    paint.strokes = {LinePaint{color, 2.0f}};
    paint.point = color;
    return paint;
}

bool StyleRule::matches(const Tags& tags) const {
    for (const auto& [key, values] : match) {
        const auto it = tags.find(key);
        if (it == tags.end() || it->second.empty()) return false;
        if (std::find(values.begin(), values.end(), "*") == values.end() &&
            std::find(values.begin(), values.end(), it->second) == values.end())
            return false;
    }
    return true;
}

int MapStyle::rule_for(GeometryKind geometry, const Tags& tags) const {
    for (std::size_t i = 0; i < rules.size(); ++i)
        if (rules[i].geometry == geometry && rules[i].matches(tags)) return static_cast<int>(i);
    return -1;
}

std::vector<std::string> MapStyle::keys() const {
    std::vector<std::string> out;
    for (const auto& rule : rules)
        for (const auto& [key, _] : rule.match)
            if (std::find(out.begin(), out.end(), key) == out.end()) out.push_back(key);
    return out;
}

MapStyle parse_map_style(const std::string& text, const std::string& name) {
    Json doc;
    try {
        doc = Json::parse(text);
    } catch (const Json::parse_error& e) {
        const auto [line, column] = line_and_column(text, e.byte);
        std::string reason = e.what();
        if (const auto colon = reason.find(": ", reason.find("column")); colon != std::string::npos) reason = reason.substr(colon + 2);
        throw InputError(name + ":" + std::to_string(line) + ":" + std::to_string(column), "JSON " + reason);
    } catch (const Json::exception& e) {
        // The parser's other refusals, such as a number too large for a double ("1e999").
        std::string reason = e.what();
        if (const auto close = reason.find("] "); close != std::string::npos) reason = reason.substr(close + 2);
        throw InputError(name, "JSON " + reason);
    }
    if (!doc.is_object() || !doc.contains("rules") || !doc["rules"].is_array())
        throw InputError(name, "a style is an object with a list of \"rules\"");
    MapStyle style;
    if (doc.contains("name") && doc["name"].is_string()) style.name = doc["name"];
    for (std::size_t i = 0; i < doc["rules"].size(); ++i) style.rules.push_back(RuleReader(name, i, doc["rules"][i]).read());
    return style;
}

MapStyle read_map_style(const std::string& path) { return parse_map_style(read_input_file(path, style_file_limit, "a style"), path); }

}  // namespace storyplot
