#include "core/story/story_file.hpp"

#include <cmath>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "core/files/atomic_file.hpp"
#include "core/files/file_input.hpp"
#include "core/files/input_error.hpp"

namespace storyplot {

namespace {

namespace fs = std::filesystem;

// A story that is valid JSON but not a valid story: names the feature (or chapter) at fault.
class StoryChecker {
public:
    explicit StoryChecker(std::string name) : m_name(std::move(name)) {}

    [[noreturn]] void fail(const std::string& what) const { throw InputError(m_name, what); }
    [[noreturn]] void fail(const std::string& subject, const std::string& what) const { fail(subject + ": " + what); }

    static std::string feature(const std::string& id) { return "feature \"" + id + "\""; }
    static std::string chapter(const std::string& id) { return "chapter \"" + id + "\""; }

    std::string string_member(const Json& object, const char* key, const std::string& subject, bool required = false) const {
        const auto it = object.find(key);
        if (it == object.end() || it->is_null()) {
            if (required) fail(subject, std::string("no \"") + key + "\"");
            return {};
        }
        if (!it->is_string()) fail(subject, std::string("\"") + key + "\" must be a string");
        const auto& text = it->get_ref<const std::string&>();
        const std::string_view k(key);
        const std::size_t limit = k == "text" || k == "fact" || k == "sentence" ? max_text_bytes : max_name_bytes;
        if (text.size() > limit)
            fail(subject, std::string("\"") + key + "\" is " + std::to_string(text.size()) + " bytes long; at most " + std::to_string(limit));
        return text;
    }

    std::optional<StoryMoment> time_member(const Json& object, const char* key, const std::string& subject, int zone) const {
        const auto it = object.find(key);
        if (it == object.end() || it->is_null()) return std::nullopt;
        const std::string text = string_member(object, key, subject);
        if (text.empty()) fail(subject, std::string("\"") + key + "\" is empty: give a time or leave it out");
        auto moment = parse_story_moment(text, zone);
        if (!moment) fail(subject, std::string("\"") + key + "\" is not an ISO 8601 time: \"" + text + "\" (e.g. 2019-04-24T18:00+10:00)");
        return moment;
    }

    LonLat position(const Json& coords, const std::string& subject) const {
        // RFC 7946: two or three numbers (the third an altitude).
        if (!coords.is_array() || coords.size() < 2 || coords.size() > 3 || !coords[0].is_number() || !coords[1].is_number() ||
            (coords.size() == 3 && !coords[2].is_number()))
            fail(subject, "coordinates must be [longitude, latitude] or [longitude, latitude, altitude]");
        const LonLat p{coords[0].get<double>(), coords[1].get<double>()};
        if (!(p.lon >= -180 && p.lon <= 180) || !(p.lat >= -90 && p.lat <= 90)) {
            std::ostringstream out;
            out << "coordinates out of range: [" << p.lon << ", " << p.lat << "] (longitude -180..180, latitude -90..90)";
            fail(subject, out.str());
        }
        return p;
    }

private:
    std::string m_name;
};

// The JSON parser is iterative, but copying and freeing a value recurse: nesting is bounded first,
// with the position of the first bracket too deep. Strings are skipped, escapes honoured.
void check_nesting(const std::string& text, const std::string& name) {
    int depth = 0;
    bool in_string = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_string) {
            if (c == '\\') ++i;
            else if (c == '"') in_string = false;
            continue;
        }
        if (c == '"') in_string = true;
        else if (c == '{' || c == '[') {
            if (++depth > max_json_depth) {
                const auto [line, column] = line_and_column(text, i + 1);
                throw InputError(name + ":" + std::to_string(line) + ":" + std::to_string(column),
                                 "nested deeper than " + std::to_string(max_json_depth) + " levels");
            }
        } else if (c == '}' || c == ']') --depth;
    }
}

std::string feature_id(const Json& feature, std::size_t index, const StoryChecker& check) {
    const auto it = feature.find("id");
    if (it == feature.end()) check.fail("feature " + std::to_string(index + 1), "no \"id\"");
    if (it->is_string() && !it->get_ref<const std::string&>().empty()) {
        if (it->get_ref<const std::string&>().size() > max_name_bytes) check.fail("feature " + std::to_string(index + 1), "\"id\" is too long");
        return it->get<std::string>();
    }
    // A number id is kept as its exact decimal text (and written back as that number).
    if (it->is_number_unsigned()) return std::to_string(it->get<std::uint64_t>());
    if (it->is_number_integer()) return std::to_string(it->get<std::int64_t>());
    check.fail("feature " + std::to_string(index + 1), "\"id\" must be a non-empty string or a whole number");
}

StopTime read_stop_time(const Json& entry, const std::string& subject, const StoryChecker& check, int zone) {
    StopTime t;
    if (entry.is_null()) return t;  // a stop the route passes without a time of its own
    if (entry.is_string()) {
        t.arrive = check.time_member(Json{{"time", entry}}, "time", subject, zone);
        return t;
    }
    if (!entry.is_object()) check.fail(subject, "each of \"times\" must be a time or {\"arrive\", \"depart\", \"approximate\"}");
    t.arrive = check.time_member(entry, "arrive", subject, zone);
    t.depart = check.time_member(entry, "depart", subject, zone);
    if (const auto a = entry.find("approximate"); a != entry.end()) {
        if (!a->is_boolean()) check.fail(subject, "\"approximate\" must be true or false");
        t.approximate = a->get<bool>();
    }
    if (!t.arrive && !t.depart) check.fail(subject, "a stop time needs \"arrive\" or \"depart\"");
    return t;
}

// The members a draft carries for its review (which gazetteer entry, how sure, what else it may
// be): read when they hold what they should; otherwise left as the file has them, so a story
// edited by hand still opens and saves unchanged.
std::optional<std::int64_t> review_geonames_id(const Json& props) {
    const auto it = props.find("geonames_id");
    if (it == props.end() || !it->is_number_integer()) return std::nullopt;
    return it->get<std::int64_t>();
}

std::optional<double> review_confidence(const Json& props) {
    const auto it = props.find("confidence");
    if (it == props.end() || !it->is_number()) return std::nullopt;
    const double v = it->get<double>();
    if (!(v >= 0 && v <= 1)) return std::nullopt;
    return v;
}

std::vector<Alternative> review_alternatives(const Json& props) {
    std::vector<Alternative> out;
    const auto it = props.find("alternatives");
    if (it == props.end() || !it->is_array()) return out;
    for (const auto& a : *it) {
        if (!a.is_object()) return {};
        const auto name = a.find("name"), c = a.find("coordinates"), id = a.find("geonames_id");
        const auto country = a.find("country"), population = a.find("population");
        if (name == a.end() || !name->is_string() || c == a.end() || !c->is_array() || c->size() != 2 || !(*c)[0].is_number() ||
            !(*c)[1].is_number() || (id != a.end() && !id->is_number_integer()) || (country != a.end() && !country->is_string()) ||
            (population != a.end() && !population->is_number_integer()))
            return {};
        const LonLat at{(*c)[0].get<double>(), (*c)[1].get<double>()};
        if (!std::isfinite(at.lon) || !std::isfinite(at.lat)) return {};
        out.push_back({name->get<std::string>(), id != a.end() ? id->get<std::int64_t>() : 0,
                       country != a.end() ? country->get<std::string>() : std::string(), at,
                       population != a.end() ? population->get<long>() : 0L});
    }
    return out;
}

// "image": "photos/train.jpg" or {"src": …, "caption": …, "credit": …}.
std::optional<Media> read_media(const Json& object, const std::string& subject, const StoryChecker& check) {
    const auto it = object.find("image");
    if (it == object.end() || it->is_null()) return std::nullopt;
    Media media;
    if (it->is_string()) {
        media.src = it->get<std::string>();
    } else if (it->is_object()) {
        media.src = check.string_member(*it, "src", subject);
        media.caption = check.string_member(*it, "caption", subject);
        media.credit = check.string_member(*it, "credit", subject);
    } else {
        check.fail(subject, "\"image\" must be a file or URL, or {\"src\", \"caption\", \"credit\"}");
    }
    if (media.src.empty()) check.fail(subject, "\"image\" has no \"src\": give a file or URL, or leave it out");
    return media;
}

// The image member as the file has it, when it holds one; nothing otherwise.
std::optional<Media> stored_media(const Json& object) {
    const auto it = object.find("image");
    if (it == object.end()) return std::nullopt;
    if (it->is_string()) return Media{it->get<std::string>(), "", ""};
    if (!it->is_object()) return std::nullopt;
    auto text = [&](const char* key) {
        const auto v = it->find(key);
        return v != it->end() && v->is_string() ? v->get<std::string>() : std::string();
    };
    return Media{text("src"), text("caption"), text("credit")};
}

void write_media(Json& object, const std::optional<Media>& media) {
    if (media == stored_media(object)) return;  // unchanged: the member keeps its form and bytes
    if (!media) {
        object.erase("image");
        return;
    }
    if (media->caption.empty() && media->credit.empty()) {
        object["image"] = media->src;
        return;
    }
    Json j{{"src", media->src}};
    if (!media->caption.empty()) j["caption"] = media->caption;
    if (!media->credit.empty()) j["credit"] = media->credit;
    object["image"] = std::move(j);
}

void write_time(Json& object, const char* key, const std::optional<StoryMoment>& time) {
    if (time) object[key] = time->text;
    else object.erase(key);
}

Place read_place(const Json& feature, std::string id, const StoryChecker& check, int zone) {
    const std::string subject = StoryChecker::feature(id);
    const Json& geometry = feature.contains("geometry") ? feature["geometry"] : Json();
    if (!geometry.is_object() || geometry.value("type", "") != "Point") check.fail(subject, "a place needs a Point geometry");
    Place place;
    place.id = std::move(id);
    place.position = check.position(geometry.contains("coordinates") ? geometry["coordinates"] : Json(), subject);
    const Json& props = feature["properties"];
    place.name = check.string_member(props, "name", subject);
    if (place.name.empty()) place.name = place.id;
    place.category = check.string_member(props, "category", subject);
    place.fact = check.string_member(props, "fact", subject);
    place.local_name = check.string_member(props, "local_name", subject);  // drawn with --local-names
    place.country = check.string_member(props, "country", subject);
    place.time = check.time_member(props, "time", subject, zone);
    if (const auto m = props.find("mentions"); m != props.end() && !m->is_null()) {
        if (!m->is_array()) check.fail(subject, "\"mentions\" must be a list");
        for (const auto& mention : *m) {
            if (!mention.is_object()) check.fail(subject, "each mention must be {\"offset\", \"length\", \"sentence\"}");
            auto count = [&](const char* key) {
                const auto v = mention.find(key);
                if (v == mention.end()) return 0;
                if (!v->is_number_integer() || v->get<std::int64_t>() < 0 || v->get<std::int64_t>() > max_mention_offset)
                    check.fail(subject, std::string("a mention's \"") + key + "\" must be a whole number from 0 to " +
                                            std::to_string(max_mention_offset));
                return static_cast<int>(v->get<std::int64_t>());
            };
            bool adjectival = false;
            if (const auto a = mention.find("adjectival"); a != mention.end()) {
                if (!a->is_boolean()) check.fail(subject, "a mention's \"adjectival\" must be true or false");
                adjectival = a->get<bool>();
            }
            place.mentions.push_back({count("offset"), count("length"), check.string_member(mention, "sentence", subject), adjectival});
        }
    }
    place.geonames_id = review_geonames_id(props);
    place.confidence = review_confidence(props);
    place.alternatives = review_alternatives(props);
    place.image = read_media(props, subject, check);
    place.json = feature;
    return place;
}

Route read_route(const Json& feature, std::string id, const StoryChecker& check, int zone) {
    const std::string subject = StoryChecker::feature(id);
    Route route;
    route.id = std::move(id);
    const Json& props = feature["properties"];
    route.name = check.string_member(props, "name", subject);
    if (route.name.empty()) route.name = route.id;
    const std::string mode = check.string_member(props, "mode", subject, true);
    const auto parsed = parse_travel_mode(mode);
    if (!parsed) check.fail(subject, "unknown mode \"" + mode + "\" (use train, car, plane, ship or walk)");
    route.mode = *parsed;
    if (const auto s = props.find("stops"); s != props.end()) {
        if (!s->is_array()) check.fail(subject, "\"stops\" must be a list of place ids");
        if (s->size() > max_route_stops)
            check.fail(subject, std::to_string(s->size()) + " stops; a route has at most " + std::to_string(max_route_stops));
        for (const auto& stop : *s) {
            if (!stop.is_string()) check.fail(subject, "\"stops\" must be a list of place ids");
            route.stops.push_back(stop.get<std::string>());
        }
    }
    if (const auto t = props.find("times"); t != props.end() && !t->is_null()) {
        if (!t->is_array()) check.fail(subject, "\"times\" must be a list, one entry per stop");
        if (t->size() != route.stops.size())
            check.fail(subject, std::to_string(t->size()) + " times for " + std::to_string(route.stops.size()) + " stops");
        for (const auto& entry : *t) route.times.push_back(read_stop_time(entry, subject, check, zone));
    }
    if (const auto c = props.find("color"); c != props.end() && !c->is_null()) {
        route.color = c->is_string() ? parse_hex_color(c->get<std::string>()) : std::nullopt;
        if (!route.color) check.fail(subject, "\"color\" must be \"#rrggbb\" or \"#rrggbbaa\"");
        if (route.color->a < 0.2f) check.fail(subject, "\"color\" is (nearly) transparent: the route would not show (alpha at least 33)");
    }
    const Json& geometry = feature.contains("geometry") ? feature["geometry"] : Json();
    if (geometry.is_object()) {
        if (geometry.value("type", "") != "LineString") check.fail(subject, "a route's geometry must be a LineString (or null)");
        const Json& coords = geometry.contains("coordinates") ? geometry["coordinates"] : Json();
        if (!coords.is_array()) check.fail(subject, "a LineString needs its coordinates");
        if (coords.size() < 2) check.fail(subject, "a LineString needs at least two positions (" + std::to_string(coords.size()) + " given)");
        if (coords.size() > max_route_vertices)
            check.fail(subject, std::to_string(coords.size()) + " positions; a route has at most " + std::to_string(max_route_vertices));
        route.path.reserve(coords.size());
        for (const auto& c : coords) route.path.push_back(check.position(c, subject));
    } else if (!geometry.is_null()) {
        check.fail(subject, "a route's geometry must be a LineString (or null)");
    }
    if (route.path.size() < 2 && route.stops.size() < 2) check.fail(subject, "a route needs two stops or a path");
    route.json = feature;
    return route;
}

void check_route_against_places(const Story& story, const Route& route, const StoryChecker& check) {
    const std::string subject = StoryChecker::feature(route.id);
    for (const auto& stop : route.stops)
        if (!story.place(stop)) check.fail(subject, "stop \"" + stop + "\" names no place");
    if (const auto problem = route_times_problem(route)) check.fail(subject, *problem);
}

Chapter read_chapter(const Json& json, std::size_t index, const std::set<std::string>& ids, const StoryChecker& check, int zone) {
    if (!json.is_object()) check.fail("chapter " + std::to_string(index + 1), "must be an object");
    Chapter chapter;
    chapter.id = check.string_member(json, "id", "chapter " + std::to_string(index + 1), true);
    if (chapter.id.empty()) check.fail("chapter " + std::to_string(index + 1), "\"id\" is empty");
    const std::string subject = StoryChecker::chapter(chapter.id);
    chapter.title = check.string_member(json, "title", subject);
    chapter.text = check.string_member(json, "text", subject);
    chapter.time = check.time_member(json, "time", subject, zone);
    if (const auto f = json.find("focus"); f != json.end()) {
        if (!f->is_array()) check.fail(subject, "\"focus\" must be a list of place or route ids");
        for (const auto& id : *f) {
            if (!id.is_string()) check.fail(subject, "\"focus\" must be a list of place or route ids");
            const auto text = id.get<std::string>();
            if (!ids.count(text)) check.fail(subject, "focus \"" + text + "\" names no place or route");
            chapter.focus.push_back(text);
        }
    }
    if (const auto z = json.find("zoom"); z != json.end() && !z->is_null()) {
        if (!z->is_number() || z->get<double>() < 0 || z->get<double>() > 22) check.fail(subject, "\"zoom\" must be a number from 0 to 22");
        chapter.zoom = z->get<double>();
    }
    if (const auto c = json.find("center"); c != json.end() && !c->is_null()) chapter.center = check.position(*c, subject);
    chapter.image = read_media(json, subject, check);
    chapter.json = json;
    return chapter;
}

}  // namespace

Json parse_json(const std::string& text, const std::string& name) {
    if (text.find_first_not_of(" \t\r\n") == std::string::npos) throw InputError(name, "the file is empty");
    // The parser stops at a NUL byte as at the end: what follows would go unread.
    if (const auto nul = text.find('\0'); nul != std::string::npos) {
        const auto [line, column] = line_and_column(text, nul + 1);
        throw NotAStoryError(name + ":" + std::to_string(line) + ":" + std::to_string(column), "a NUL byte: not a text file");
    }
    check_nesting(text, name);
    try {
        return Json::parse(text);
    } catch (const Json::parse_error& e) {
        const auto [line, column] = line_and_column(text, e.byte);
        // nlohmann's message: "[json.exception.parse_error.101] parse error at line L, column C: REASON"
        std::string reason = e.what();
        if (const auto colon = reason.find(": ", reason.find("column")); colon != std::string::npos) reason = reason.substr(colon + 2);
        throw NotAStoryError(name + ":" + std::to_string(line) + ":" + std::to_string(column), "JSON " + reason);
    } catch (const Json::exception& e) {
        // A number too large for a double ("number overflow parsing '4e528'"), and the like.
        std::string reason = e.what();
        if (const auto bracket = reason.find("] "); bracket != std::string::npos) reason = reason.substr(bracket + 2);
        throw NotAStoryError(name, "JSON " + reason);
    }
}

namespace {

Story parse_story_checked(const std::string& text, const std::string& name) {
    StoryChecker check(name);
    Json doc = parse_json(text, name);
    if (!doc.is_object() || doc.value("type", "") != "FeatureCollection") throw NotAStoryError(name, "not a GeoJSON FeatureCollection");
    if (!doc.contains("story") || !doc["story"].is_object())
        throw NotAStoryError(name, "no \"story\" member: plain GeoJSON, not a story (add it as a layer with --basemap)");
    if (!doc.contains("features") || !doc["features"].is_array()) check.fail("no \"features\" list");

    Story story;
    const Json& meta = doc["story"];
    story.title = check.string_member(meta, "title", "story");
    story.timezone = check.string_member(meta, "timezone", "story");
    if (story.timezone.empty()) story.timezone = "+00:00";
    if (!parse_utc_offset(story.timezone)) check.fail("story", "\"timezone\" must be an offset such as \"+10:00\"");
    const int zone = story.timezone_minutes();
    if (const auto s = meta.find("source"); s != meta.end() && s->is_object()) {
        story.source_title = check.string_member(*s, "title", "story source");
        story.source_url = check.string_member(*s, "url", "story source");
        story.published = check.string_member(*s, "published", "story source");
    }

    std::set<std::string> ids;
    const Json& features = doc["features"];
    if (features.size() > max_features)
        check.fail(std::to_string(features.size()) + " features; a story holds at most " + std::to_string(max_features));
    for (std::size_t i = 0; i < features.size(); ++i) {
        const Json& feature = features[i];
        if (!feature.is_object() || feature.value("type", "") != "Feature")
            check.fail("feature " + std::to_string(i + 1), "not a GeoJSON Feature");
        std::string id = feature_id(feature, i, check);
        if (!ids.insert(id).second) check.fail(StoryChecker::feature(id), "duplicate id");
        if (!feature.contains("properties") || !feature["properties"].is_object())
            check.fail(StoryChecker::feature(id), "no \"properties\"");
        const std::string kind = check.string_member(feature["properties"], "kind", StoryChecker::feature(id));
        if (kind == "place")
            story.places.push_back(read_place(feature, std::move(id), check, zone));
        else if (kind == "route")
            story.routes.push_back(read_route(feature, std::move(id), check, zone));
        else
            check.fail(StoryChecker::feature(id), "properties.kind must be \"place\" or \"route\"");
    }
    for (const auto& route : story.routes) check_route_against_places(story, route, check);

    if (const auto c = meta.find("chapters"); c != meta.end()) {
        if (!c->is_array()) check.fail("story", "\"chapters\" must be a list");
        if (c->size() > max_chapters) check.fail("story", std::to_string(c->size()) + " chapters; at most " + std::to_string(max_chapters));
        std::set<std::string> chapter_ids;
        for (std::size_t i = 0; i < c->size(); ++i) {
            story.chapters.push_back(read_chapter((*c)[i], i, ids, check, zone));
            if (!chapter_ids.insert(story.chapters.back().id).second)
                check.fail(StoryChecker::chapter(story.chapters.back().id), "duplicate id");
        }
    }
    story.json = std::move(doc);
    return story;
}

}  // namespace

Story parse_story(const std::string& text, const std::string& name) {
    try {
        return parse_story_checked(text, name);
    } catch (const Json::exception& e) {
        // A type the checks above did not foresee: still one line that names the file.
        std::string what = e.what();
        if (const auto close = what.find("] "); close != std::string::npos) what = what.substr(close + 2);
        throw InputError(name, "not a valid story: " + what);
    }
}

Story read_story_file(const std::string& path) { return parse_story(read_input_file(path, story_file_limit, "a story file"), path); }

namespace {

void set_or_erase(Json& object, const char* key, const std::string& value) {
    if (value.empty())
        object.erase(key);
    else
        object[key] = value;
}

// A number id that still reads the same stays a number; anything else is written as a string.
void write_id(Json& feature, const std::string& id) {
    const auto it = feature.find("id");
    if (it != feature.end() && it->is_number_integer() &&
        (it->is_number_unsigned() ? std::to_string(it->get<std::uint64_t>()) : std::to_string(it->get<std::int64_t>())) == id)
        return;
    feature["id"] = id;
}

Json stop_time_json(const StopTime& t) {
    if (!t.arrive && !t.depart) return nullptr;
    if (t.arrive && !t.depart && !t.approximate) return t.arrive->text;
    Json j = Json::object();
    if (t.arrive) j["arrive"] = t.arrive->text;
    if (t.depart) j["depart"] = t.depart->text;
    if (t.approximate) j["approximate"] = true;
    return j;
}

// The mentions as the file holds them (already checked when it was read).
std::vector<Mention> stored_mentions(const Json& props) {
    std::vector<Mention> out;
    const auto m = props.find("mentions");
    if (m == props.end() || !m->is_array()) return out;
    for (const auto& mention : *m) {
        if (!mention.is_object()) return {};
        auto count = [&](const char* key) {
            const auto v = mention.find(key);
            return v != mention.end() && v->is_number_integer() ? static_cast<int>(v->get<std::int64_t>()) : 0;
        };
        const auto sentence = mention.find("sentence");
        const auto adjectival = mention.find("adjectival");
        out.push_back({count("offset"), count("length"), sentence != mention.end() && sentence->is_string() ? sentence->get<std::string>() : "",
                       adjectival != mention.end() && adjectival->is_boolean() && adjectival->get<bool>()});
    }
    return out;
}

Json place_json(const Place& place) {
    Json j = place.json.is_object() ? place.json : Json::object();
    j["type"] = "Feature";
    write_id(j, place.id);
    j["geometry"] = Json{{"type", "Point"}, {"coordinates", {place.position.lon, place.position.lat}}};
    Json& props = j["properties"];
    if (!props.is_object()) props = Json::object();
    props["kind"] = "place";
    props["name"] = place.name;
    set_or_erase(props, "category", place.category);
    set_or_erase(props, "fact", place.fact);
    write_time(props, "time", place.time);
    write_media(props, place.image);
    for (const auto& [key, value] : {std::pair{"local_name", &place.local_name}, std::pair{"country", &place.country}}) {
        const auto it = props.find(key);
        const std::string stored = it != props.end() && it->is_string() ? it->get<std::string>() : std::string();
        if (*value != stored) set_or_erase(props, key, *value);
    }
    // The typed members are written where they differ from what the file held: a member the
    // story did not change keeps its bytes.
    if (place.geonames_id != review_geonames_id(props)) {
        if (place.geonames_id) props["geonames_id"] = *place.geonames_id;
        else props.erase("geonames_id");
    }
    if (place.confidence != review_confidence(props)) {
        if (place.confidence) props["confidence"] = *place.confidence;
        else props.erase("confidence");
    }
    if (place.mentions != stored_mentions(props)) {
        Json mentions = Json::array();
        for (const auto& m : place.mentions) {
            mentions.push_back({{"offset", m.offset}, {"length", m.length}, {"sentence", m.sentence}});
            if (m.adjectival) mentions.back()["adjectival"] = true;
        }
        if (place.mentions.empty()) props.erase("mentions");
        else props["mentions"] = std::move(mentions);
    }
    if (place.alternatives != review_alternatives(props)) {
        Json alternatives = Json::array();
        for (const auto& a : place.alternatives) {
            Json alternative{{"name", a.name}, {"country", a.country}, {"coordinates", {a.position.lon, a.position.lat}}, {"population", a.population}};
            if (a.geonames_id > 0) alternative["geonames_id"] = a.geonames_id;  // a country or region has none
            alternatives.push_back(std::move(alternative));
        }
        if (place.alternatives.empty()) props.erase("alternatives");
        else props["alternatives"] = std::move(alternatives);
    }
    return j;
}

Json route_json(const Route& route) {
    Json j = route.json.is_object() ? route.json : Json::object();
    j["type"] = "Feature";
    write_id(j, route.id);
    if (route.path.empty()) {
        j["geometry"] = nullptr;
    } else {
        Json coords = Json::array();
        for (LonLat p : route.path) coords.push_back({p.lon, p.lat});
        j["geometry"] = Json{{"type", "LineString"}, {"coordinates", std::move(coords)}};
    }
    Json& props = j["properties"];
    if (!props.is_object()) props = Json::object();
    props["kind"] = "route";
    props["name"] = route.name;
    // Keep the word the author used ("rail") when it still means the route's mode.
    const auto written = props.contains("mode") && props["mode"].is_string() ? parse_travel_mode(props["mode"].get<std::string>())
                                                                            : std::nullopt;
    if (written != route.mode) props["mode"] = std::string(travel_mode_name(route.mode));
    props["stops"] = route.stops;
    if (!route.times.empty()) {
        Json times = Json::array();
        for (const auto& t : route.times) times.push_back(stop_time_json(t));
        props["times"] = std::move(times);
    } else {
        props.erase("times");
    }
    return j;
}

Json chapter_json(const Chapter& chapter) {
    Json j = chapter.json.is_object() ? chapter.json : Json::object();
    j["id"] = chapter.id;
    j["title"] = chapter.title;
    set_or_erase(j, "text", chapter.text);
    write_time(j, "time", chapter.time);
    j["focus"] = chapter.focus;
    if (chapter.zoom) j["zoom"] = *chapter.zoom;
    else j.erase("zoom");
    if (chapter.center) j["center"] = {chapter.center->lon, chapter.center->lat};
    else j.erase("center");
    write_media(j, chapter.image);
    return j;
}

}  // namespace

std::string serialize_story(const Story& story) {
    Json doc = story.json.is_object() ? story.json : Json::object();
    doc["type"] = "FeatureCollection";
    Json& meta = doc["story"];
    if (!meta.is_object()) meta = Json::object();
    meta["title"] = story.title;
    if (!story.source_title.empty() || !story.source_url.empty() || !story.published.empty()) {
        Json& source = meta["source"];
        if (!source.is_object()) source = Json::object();
        set_or_erase(source, "title", story.source_title);
        set_or_erase(source, "url", story.source_url);
        set_or_erase(source, "published", story.published);
    }
    meta["timezone"] = story.timezone;
    Json chapters = Json::array();
    for (const auto& c : story.chapters) chapters.push_back(chapter_json(c));
    meta["chapters"] = std::move(chapters);
    Json features = Json::array();
    for (const auto& p : story.places) features.push_back(place_json(p));
    for (const auto& r : story.routes) features.push_back(route_json(r));
    doc["features"] = std::move(features);
    return doc.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

void write_story_file(const Story& story, const std::string& path) { write_file_atomically(path, serialize_story(story)); }

std::string story_summary(const Story& story) {
    auto count = [](std::size_t n, const char* one, const char* many) { return std::to_string(n) + " " + (n == 1 ? one : many); };
    return count(story.places.size(), "place", "places") + ", " + count(story.routes.size(), "route", "routes") + ", " +
           count(story.chapters.size(), "chapter", "chapters");
}

}  // namespace storyplot
