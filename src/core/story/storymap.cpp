#include "core/story/storymap.hpp"

#include <algorithm>
#include <cmath>
#include <set>

#include "core/files/input_error.hpp"
#include "core/files/markup.hpp"
#include "core/geo/mercator.hpp"
#include "core/geoparse/local_names.hpp"
#include "core/labels/rich_text.hpp"
#include "core/motion/story_motion.hpp"
#include "core/story/story_camera.hpp"
#include "core/story/story_editor.hpp"
#include "core/story/story_file.hpp"
#include "core/story/story_time.hpp"

namespace storyplot {

namespace {

// The size a slide's view is framed for: StoryMapJS's map beside its text on a laptop's screen.
constexpr int slide_width = 1024, slide_height = 768;

// "&amp;" at `i` decoded into `out`; the characters it took, or 0 for an ampersand that starts none.
std::size_t decode_entity(std::string_view html, std::size_t i, std::string& out) {
    const std::size_t end = html.find(';', i);
    if (end == std::string_view::npos || end - i > 10) return 0;
    const std::string_view name = html.substr(i + 1, end - i - 1);
    static const std::pair<std::string_view, std::string_view> named[] = {
        {"amp", "&"}, {"lt", "<"}, {"gt", ">"}, {"quot", "\""}, {"apos", "'"}, {"nbsp", "\u00A0"},
        {"ndash", "\u2013"}, {"mdash", "\u2014"}, {"lsquo", "\u2018"}, {"rsquo", "\u2019"}, {"ldquo", "\u201C"}, {"rdquo", "\u201D"},
        {"hellip", "\u2026"}, {"deg", "\u00B0"}, {"copy", "\u00A9"}, {"reg", "\u00AE"}};
    for (const auto& [n, text] : named)
        if (name == n) {
            out += text;
            return end - i + 1;
        }
    if (name.size() >= 2 && name[0] == '#') {
        const bool hex = name[1] == 'x' || name[1] == 'X';
        const std::string digits(name.substr(hex ? 2 : 1));
        if (digits.empty() || digits.size() > 7) return 0;
        unsigned long cp = 0;
        for (char c : digits) {
            const int d = c >= '0' && c <= '9' ? c - '0' : hex && c >= 'a' && c <= 'f' ? c - 'a' + 10 : hex && c >= 'A' && c <= 'F' ? c - 'A' + 10 : -1;
            if (d < 0) return 0;
            cp = cp * (hex ? 16 : 10) + static_cast<unsigned long>(d);
        }
        if (cp == 0 || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return end - i + 1;  // no character: dropped
        append_utf8(out, static_cast<char32_t>(cp));
        return end - i + 1;
    }
    return 0;
}

std::string text_member(const Json& object, const char* name) {
    const Json* m = json_member(object, name);
    return m && m->is_string() ? m->get<std::string>() : std::string();
}

// The story's source as storyplot writes it at the end of the overview's text: "<p>Source: <a
// href="URL">TITLE</a></p>" (or the title alone), taken out of `html`.
void take_source(std::string& html, Story& story) {
    const std::size_t at = html.rfind("<p>Source: ");
    if (at == std::string::npos) return;
    const std::size_t end = html.find("</p>", at);
    if (end == std::string::npos || html.find_first_not_of(" \t\r\n", end + 4) != std::string::npos) return;
    const std::string inner = html.substr(at + 11, end - at - 11);
    if (const std::size_t href = inner.find("href=\""); href != std::string::npos) {
        const std::size_t close = inner.find('"', href + 6);
        if (close != std::string::npos) story.source_url = html_to_rich_text(inner.substr(href + 6, close - href - 6));
    }
    story.source_title = html_to_rich_text(inner);
    html.erase(at);
}

std::string source_html(const Story& story) {
    if (story.source_title.empty()) return "";
    const std::string title = escape_markup(story.source_title);
    return "<p>Source: " + (story.source_url.empty() ? title : "<a href=\"" + escape_markup(story.source_url) + "\">" + title + "</a>") + "</p>";
}

// A first chapter that frames the whole story with nothing of its own but words: the overview's text.
bool is_introduction(const Story& story, const Chapter& c) {
    return c.focus.empty() && !c.center && !c.zoom && !c.time && !c.image && (c.title.empty() || c.title == story.title);
}

}  // namespace

std::string StorymapNotes::summary() const {
    std::string out;
    auto add = [&](std::size_t n, const char* one, const char* many) {
        if (!n) return;
        if (!out.empty()) out += ", ";
        out += std::to_string(n) + " " + (n == 1 ? one : many);
    };
    add(routes, "route", "routes");
    add(unplaced, "place no chapter shows", "places no chapter shows");
    add(untimed_dates, "slide date that is not a time (kept in its text)", "slide dates that are not times (kept in their text)");
    add(backgrounds, "slide background", "slide backgrounds");
    return out;
}

std::string rich_text_to_html(std::string_view text) {
    std::string out;
    bool in_list = false;
    for (const TextBlock& block : parse_rich_text(text)) {
        if (block.bullet != in_list) out += block.bullet ? "<ul>" : "</ul>";
        in_list = block.bullet;
        out += block.bullet ? "<li>" : "<p>";
        for (const TextSpan& span : block.spans) {
            const char* tag = span.style == SpanStyle::bold ? "b" : span.style == SpanStyle::italic ? "i" : nullptr;
            if (tag) out += std::string("<") + tag + ">";
            out += escape_markup(span.text);
            if (tag) out += std::string("</") + tag + ">";
        }
        out += block.bullet ? "</li>" : "</p>";
    }
    if (in_list) out += "</ul>";
    return out;
}

std::string html_to_rich_text(std::string_view html) {
    std::string out;
    auto space = [&] {
        if (!out.empty() && out.back() != ' ' && out.back() != '\n') out += ' ';
    };
    auto trim_end = [&] {
        while (!out.empty() && out.back() == ' ') out.pop_back();
    };
    auto paragraph = [&] {
        trim_end();
        if (out.empty()) return;
        while (out.size() >= 1 && out.back() == '\n') out.pop_back();
        out += "\n\n";
    };
    for (std::size_t i = 0; i < html.size();) {
        const char c = html[i];
        if (c == '<') {
            const std::size_t end = html.find('>', i);
            if (end == std::string_view::npos) break;  // a tag left open: the rest is not text
            std::string tag;
            for (char t : html.substr(i + 1, end - i - 1)) tag += static_cast<char>(std::tolower(static_cast<unsigned char>(t)));
            i = end + 1;
            const bool closing = tag.starts_with("/");
            std::string name = tag.substr(closing ? 1 : 0);
            name = name.substr(0, name.find_first_of(" \t\r\n/"));
            if (name == "p" || name == "div" || name == "ul" || name == "ol" || name == "h1" || name == "h2" || name == "h3" || name == "blockquote") {
                paragraph();
            } else if (name == "br") {
                trim_end();
                out += '\n';
            } else if (name == "b" || name == "strong") {
                out += "**";
            } else if (name == "i" || name == "em") {
                out += "*";
            } else if (name == "li") {
                trim_end();
                if (!closing) {
                    if (!out.empty() && out.back() != '\n') out += '\n';
                    out += "- ";
                } else {
                    out += '\n';
                }
            }
            continue;
        }
        if (c == '&') {
            if (const std::size_t took = decode_entity(html, i, out)) {
                i += took;
                continue;
            }
        }
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r') {
            space();
        } else {
            out += c;
        }
        ++i;
    }
    // Trailing spaces on each line, and blank lines at the ends.
    std::string clean;
    std::size_t start = 0;
    while (start <= out.size()) {
        std::size_t nl = out.find('\n', start);
        if (nl == std::string::npos) nl = out.size();
        std::string_view line = std::string_view(out).substr(start, nl - start);
        while (!line.empty() && line.back() == ' ') line.remove_suffix(1);
        while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
        clean += line;
        if (nl < out.size()) clean += '\n';
        start = nl + 1;
    }
    while (!clean.empty() && clean.back() == '\n') clean.pop_back();
    std::size_t first = 0;
    while (first < clean.size() && clean[first] == '\n') ++first;
    return clean.substr(first);
}

bool looks_like_storymap(std::string_view text) {
    // A member "storymap" (a key: a colon follows) near the start; the rest of a large file unread.
    text = text.substr(0, 4096 + 64);
    for (std::size_t at = text.find("\"storymap\""); at != std::string_view::npos && at < 4096; at = text.find("\"storymap\"", at + 1)) {
        const std::size_t next = text.find_first_not_of(" \t\r\n", at + 10);
        if (next != std::string_view::npos && text[next] == ':') return true;
    }
    return false;
}

Story story_from_storymap(std::string_view text, const std::string& path, StorymapNotes* notes) {
    const Json doc = parse_json(std::string(text), path);
    const Json* storymap = json_member(doc, "storymap");
    const Json* slides = storymap ? json_member(*storymap, "slides") : nullptr;
    if (!slides || !slides->is_array()) throw InputError(path, "not a StoryMapJS file: it has no storymap.slides list");

    StorymapNotes counted;
    Story story;
    std::set<std::string> place_ids, chapter_ids;
    for (std::size_t s = 0; s < slides->size(); ++s) {
        const Json& slide = (*slides)[s];
        const std::string where = "slide " + std::to_string(s + 1);
        if (!slide.is_object()) throw InputError(path, where + " is not an object");
        const Json* words = json_member(slide, "text");
        const std::string headline = words ? html_to_rich_text(text_member(*words, "headline")) : std::string();
        std::string html = words ? text_member(*words, "text") : std::string();
        if (json_member(slide, "background")) ++counted.backgrounds;
        const bool overview = text_member(slide, "type") == "overview";
        if (overview) {
            story.title = headline;
            take_source(html, story);
        }
        std::string body = html_to_rich_text(html);
        if (overview && body.empty()) continue;  // the title slide: nothing but the title (and source)
        Chapter chapter;
        chapter.id = unique_slug(headline.empty() ? where : headline, chapter_ids, "chapter");
        chapter.title = headline;
        if (const std::string date = text_member(slide, "date"); !date.empty()) {
            chapter.time = parse_story_moment(date, 0);
            if (!chapter.time) {
                ++counted.untimed_dates;
                body = "*" + date + "*" + (body.empty() ? "" : "\n\n" + body);
            }
        }
        chapter.text = body;
        if (const Json* media = json_member(slide, "media")) {
            Media m{text_member(*media, "url"), html_to_rich_text(text_member(*media, "caption")), html_to_rich_text(text_member(*media, "credit"))};
            if (!m.src.empty()) chapter.image = m;
        }
        const Json* location = json_member(slide, "location");
        if (location && text_member(slide, "type") != "overview" && (json_member(*location, "lat") || json_member(*location, "lon"))) {
            const Json* lat = json_member(*location, "lat");
            const Json* lon = json_member(*location, "lon");
            if (!lat || !lon || !lat->is_number() || !lon->is_number())
                throw InputError(path, where + ": its location needs numbers lat and lon");
            LonLat at{lon->get<double>(), lat->get<double>()};
            if (!std::isfinite(at.lat) || !std::isfinite(at.lon) || std::abs(at.lat) > 90 || std::abs(at.lon) > 360)
                throw InputError(path, where + ": its location (" + lat->dump() + ", " + lon->dump() + ") is not a place on the Earth");
            at.lon = std::remainder(at.lon, 360.0);  // a map panned past 180 gives 193.6 for -166.4
            const std::string name = text_member(*location, "name").empty() ? (headline.empty() ? where : headline) : text_member(*location, "name");
            // One place for slides that show the same one.
            const Place* same = nullptr;
            for (const Place& p : story.places)
                if (p.name == name && std::abs(p.position.lat - at.lat) < 1e-7 && std::abs(p.position.lon - at.lon) < 1e-7) same = &p;
            std::string id;
            if (same) {
                id = same->id;
            } else {
                Place place;
                place.id = id = unique_slug(name, place_ids, "place");
                place.name = name;
                place.category = "place";
                place.position = at;
                story.places.push_back(std::move(place));
            }
            chapter.focus = {id};
            chapter.center = at;
            if (const Json* zoom = json_member(*location, "zoom"); zoom && zoom->is_number()) chapter.zoom = std::clamp(zoom->get<double>(), 0.0, 22.0);
        }
        story.chapters.push_back(std::move(chapter));
    }
    if (story.title.empty()) story.title = story.chapters.empty() ? std::string("StoryMapJS story") : story.chapters.front().title;
    // The story's clock in the zone its first timed slide gives.
    for (const Chapter& c : story.chapters)
        if (c.time) {
            story.timezone = format_utc_offset(c.time->time.offset_minutes);
            break;
        }
    if (notes) *notes = counted;
    return story;
}

std::string story_to_storymap(const Story& story, StorymapNotes* notes) {
    StorymapNotes counted;
    const StoryMotion motion(story);
    Json slides = Json::array();
    Json overview;
    overview["type"] = "overview";
    const bool introduced = !story.chapters.empty() && is_introduction(story, story.chapters.front());
    overview["text"] = {{"headline", escape_markup(story.title)},
                        {"text", (introduced ? rich_text_to_html(story.chapters.front().text) : std::string()) + source_html(story)}};
    slides.push_back(overview);

    std::set<std::string> shown;
    for (std::size_t c = introduced ? 1 : 0; c < story.chapters.size(); ++c) {
        const Chapter& chapter = story.chapters[c];
        Json slide;
        slide["text"] = {{"headline", escape_markup(chapter.title)}, {"text", rich_text_to_html(chapter.text)}};
        if (chapter.time) slide["date"] = chapter.time->text;
        // The chapter's own view where it gives one, else what the window frames for it.
        const Camera view = chapter_camera(story, chapter, slide_width, slide_height, &motion);
        const LonLat centre = chapter.center ? *chapter.center : mercator::inverse(view.center());
        const double zoom = chapter.zoom ? *chapter.zoom : std::floor(zoom_for_resolution(view.resolution()) * 10) / 10;
        std::string name = chapter.title;
        for (const std::string& id : chapter.focus) {
            shown.insert(id);
            if (chapter.focus.size() == 1)
                if (const Place* p = story.place(id)) name = p->name;
        }
        slide["location"] = {{"lat", centre.lat}, {"lon", std::remainder(centre.lon, 360.0)}, {"zoom", zoom}, {"name", name}, {"line", true}};
        if (chapter.image) slide["media"] = {{"url", chapter.image->src}, {"caption", chapter.image->caption}, {"credit", chapter.image->credit}};
        slides.push_back(std::move(slide));
    }
    counted.routes = story.routes.size();
    for (const Place& p : story.places)
        if (!shown.count(p.id)) ++counted.unplaced;
    if (notes) *notes = counted;
    Json doc;
    doc["storymap"] = {{"language", "en"}, {"map_type", "osm:standard"}, {"map_as_image", false}, {"slides", std::move(slides)}};
    return doc.dump(2) + "\n";
}

}  // namespace storyplot
