#include "core/session/map_session.hpp"

#include <algorithm>
#include <cmath>

#include "core/geo/geodesic.hpp"
#include "core/geo/mercator.hpp"
#include "core/story/story_camera.hpp"

namespace storyplot {

MapSession::MapSession(int width, int height) : m_camera(region_camera(width, height)) {}

void MapSession::open(Story story) {
    m_editor.emplace(std::move(story));
    m_clock = nullptr;
    m_motion = nullptr;
    m_chapter = -1;
}

void MapSession::set_derived(const StoryClock* clock, const StoryMotion* motion) {
    m_clock = clock;
    m_motion = motion;
}

Box MapSession::map_area() const {
    if (m_area.empty()) return Box::of(0, 0, m_camera.width(), m_camera.height());
    return m_area;
}

Camera MapSession::framed(const Camera& target) const {
    // `target` was fitted to the whole window; refit it to the map area, centred there.
    const Box area = map_area();
    const Box box = target.visible_box();
    return centred(target.center(), std::max(box.width() / area.width(), box.height() / area.height()));
}

Camera MapSession::centred(Vec2 world, double resolution) const {
    Camera out(world, resolution, m_camera.width(), m_camera.height());
    const Vec2 offset = map_area().center() - Vec2{m_camera.width() / 2.0, m_camera.height() / 2.0};  // pixels, y down
    out.set_center({world.x - offset.x * resolution, world.y + offset.y * resolution});
    return out;
}

void MapSession::user_moved() {
    m_fly.reset();
    m_zoom.reset();
    m_timeline.follow = false;
}

Camera MapSession::shown(const Camera& mercator_view) const { return Camera::in_projection(mercator_view, m_projection); }

void MapSession::set_projection(std::optional<ProjectionKind> kind) {
    m_projection_automatic = false;
    m_projection_kind = kind;
    m_projection = kind ? fitted_projection(*kind, m_camera.visible_lonlat()) : Projection{};
}

void MapSession::set_projection_automatic() {
    m_projection_automatic = true;
    choose_projection_for_view();
}

void MapSession::choose_projection_for_view() {
    m_projection_chosen_at = m_camera.resolution();
    const Projection chosen = automatic_projection(m_camera.visible_lonlat(), ProjectionKind::orthographic);
    const std::optional<ProjectionKind> kind = chosen.is_mercator() ? std::nullopt : std::optional<ProjectionKind>(chosen.kind);
    // The same kind stays as it was fitted: only a change of kind (or a cone's latitudes) redraws.
    if (kind == m_projection_kind && (!kind || *kind == ProjectionKind::orthographic)) return;
    m_projection_kind = kind;
    m_projection = chosen;
}

void MapSession::resize(int width, int height) {
    m_camera.set_viewport(width, height);
    m_fly.reset();
    m_zoom.reset();
    // A tour's views are fitted to the window: planned again for the new size, at the same moment
    // (going full screen resizes the window just after a presentation starts).
    if (m_tour && story()) {
        m_tour.emplace(*story(), m_motion, width, height);
        m_camera = m_tour->at(m_tour_time, m_tour_index).camera;
    }
}

void MapSession::zoom_smoothly(Vec2 px, double factor) {
    if (m_tour) return;  // as a flight
    const double from = m_zoom ? m_zoom->target : m_camera.resolution();
    const bool same_point = m_zoom && length(m_zoom->px - px) < 1.0;
    const Zoom next{px, same_point ? m_zoom->world : m_camera.screen_to_world(px), from / factor};
    m_fly.reset();
    m_timeline.follow = false;
    m_zoom = next;
    // The camera's limits decide where the zoom ends: a target past them is clamped once, here.
    Camera probe = m_camera;
    probe.zoom_around(px, m_camera.resolution() / m_zoom->target);
    m_zoom->target = probe.resolution();
}

void MapSession::pan_pixels(double dx, double dy) {
    user_moved();
    m_camera.pan_pixels(dx, dy);
}

void MapSession::zoom_around(Vec2 px, double factor) {
    user_moved();
    m_camera.zoom_around(px, factor);
}

void MapSession::fly_to(const Camera& target) {
    if (m_tour) return;  // a presented tour holds the camera: a flight would never be flown, nor end
    m_fly.emplace(m_camera, target);
    m_fly_begun_at.reset();
}

void MapSession::fly_to_box(const Box& box, double margin) {
    if (box.empty()) return;
    fly_to(framed(fit_with_margin(box, m_camera.width(), m_camera.height(), margin)));
}

void MapSession::fly_to_place(const std::string& id, double zoom) {
    const Story* s = story();
    const Place* p = s ? s->place(id) : nullptr;
    if (!p) return;
    fly_to_point(p->position, zoom);
}

void MapSession::fly_to_point(LonLat at, double zoom) {
    fly_to(centred(mercator::forward(at), std::min(m_camera.resolution(), resolution_for_zoom(zoom))));
}

void MapSession::centre_on(LonLat at) { fly_to(centred(mercator::forward(at), m_camera.resolution())); }

void MapSession::overview() {
    if (const Story* s = story()) fly_to(framed(story_camera(*s, m_camera.width(), m_camera.height(), m_motion)));
}

void MapSession::show_story() {
    m_fly.reset();
    if (const Story* s = story()) m_camera = framed(story_camera(*s, m_camera.width(), m_camera.height(), m_motion));
}

void MapSession::show_opening() {
    const Story* s = story();
    if (!s || s->chapters.empty()) return show_story();
    m_fly.reset();
    m_zoom.reset();
    m_chapter = 0;
    m_camera = framed(chapter_camera(*s, s->chapters.front(), m_camera.width(), m_camera.height(), m_motion));
}

void MapSession::stop() {
    m_fly.reset();
    m_zoom.reset();
}

MapSession::Measure MapSession::measure() const {
    Measure m;
    for (std::size_t i = 1; i < m_ruler.size(); ++i) m.metres += geodesic_distance(m_ruler[i - 1], m_ruler[i]);
    if (m_ruler.size() >= 2) m.bearing_deg = geodesic_bearing(m_ruler[m_ruler.size() - 2], m_ruler.back());
    return m;
}

void MapSession::next_chapter() {
    if (m_tour) return go_to_tour_chapter(m_tour_index + 1);
    go_to_chapter(m_chapter + 1);
}

void MapSession::previous_chapter() {
    if (m_tour) return go_to_tour_chapter(m_tour_index - 1);
    go_to_chapter(std::max(0, m_chapter - 1));
}

Chapter MapSession::framed_from_view(const Chapter& chapter) const {
    // framed() widens a whole-window view to fit the map area by this factor; the chapter's zoom
    // is the one that gives back the view shown once framed.
    const Box area = map_area();
    const double widen = std::max(m_camera.width() / area.width(), m_camera.height() / area.height());
    Chapter out = chapter;
    out.center = mercator::inverse(m_camera.screen_to_world(area.center()));
    out.zoom = std::clamp(zoom_for_resolution(m_camera.resolution() / widen), 0.0, 22.0);
    return out;
}

void MapSession::present(bool auto_advance) {
    const Story* s = story();
    if (!s || s->chapters.empty()) return;
    m_tour.emplace(*s, m_motion, m_camera.width(), m_camera.height());
    m_auto_advance = auto_advance;
    m_fly.reset();
    m_zoom.reset();
    m_timeline.playing = false;
    m_timeline.follow = false;
    m_tour_time = 0;
    m_tour_index = 0;
    m_last_tick.reset();
    const TourFrame f = m_tour->at(0, 0);
    m_camera = f.camera;
    m_chapter = f.chapter;
    if (f.time) {
        m_timeline.time = *f.time;
        m_timeline.active = true;
    }
}

void MapSession::stop_presenting() { m_tour.reset(); }

TourFrame MapSession::presented() const { return m_tour ? m_tour->at(m_tour_time, m_tour_index) : TourFrame{}; }

bool MapSession::tour_moving() const {
    if (!m_tour) return false;
    if (m_auto_advance) return m_tour_time < m_tour->duration();
    // Waiting at the end of a chapter for the key: nothing moves, nothing needs drawing.
    return m_tour_time < m_tour->chapters()[static_cast<std::size_t>(m_tour_index)].end;
}

void MapSession::go_to_tour_chapter(int index) {
    const auto& chapters = m_tour->chapters();
    index = std::clamp(index, 0, static_cast<int>(chapters.size()) - 1);
    m_tour_index = index;
    m_tour_time = chapters[static_cast<std::size_t>(index)].start;
}

void MapSession::go_to_chapter(int index) {
    const Story* s = story();
    if (!s || s->chapters.empty()) return;
    index = std::clamp(index, 0, static_cast<int>(s->chapters.size()) - 1);
    m_chapter = index;
    const Chapter& chapter = s->chapters[static_cast<std::size_t>(index)];
    if (chapter.time) {
        m_timeline.time = chapter.time->utc();
        m_timeline.active = true;
        m_timeline.playing = false;
    }
    m_timeline.follow = false;
    fly_to(framed(chapter_camera(*s, chapter, m_camera.width(), m_camera.height(), m_motion)));
}

std::optional<double> MapSession::time() const {
    if (!m_timeline.active) return std::nullopt;
    return m_timeline.time;
}

void MapSession::toggle_play() {
    if (m_clock) storyplot::toggle_play(m_timeline, *m_clock);
}

void MapSession::step_to_event(bool forward) {
    if (m_clock) storyplot::step_to_event(m_timeline, *m_clock, forward);
}

void MapSession::tick(double now) {
    const double elapsed = m_last_tick ? now - *m_last_tick : 0.0;
    m_last_tick = now;
    if (m_tour) {
        // A manual tour waits at the end of each chapter; an automatic one runs to the last.
        const double limit = m_auto_advance ? m_tour->duration() : m_tour->chapters()[static_cast<std::size_t>(m_tour_index)].end;
        // A tick after an idle wait counts as one frame, as the eased zoom does.
        m_tour_time = std::min(m_tour_time + std::min(elapsed, 0.25), limit);
        if (m_auto_advance) m_tour_index = m_tour->index_at(m_tour_time);
        const TourFrame f = m_tour->at(m_tour_time, m_tour_index);
        m_camera = f.camera;
        m_chapter = f.chapter;
        if (f.time) {
            m_timeline.time = *f.time;
            m_timeline.active = true;
        }
        return;
    }
    if (m_clock) advance(m_timeline, *m_clock, elapsed);
    if (m_timeline.follow && m_motion && m_timeline.active)
        if (const auto follow = m_motion->follow_camera(m_timeline.time, m_camera.width(), m_camera.height())) {
            m_fly.reset();
            m_camera = framed(*follow);
        }
    if (m_zoom) {
        // Eased in log-resolution: about 90% of the way in 0.12 s, whatever the frame rate. A tick
        // after the window idled (up to a quarter second) counts as one frame, not a jump.
        const double k = 1.0 - std::exp(-std::min(elapsed, 1.0 / 30) / 0.05);
        const double log_res = std::log(m_camera.resolution()) + (std::log(m_zoom->target) - std::log(m_camera.resolution())) * k;
        double res = std::exp(log_res);
        if (std::abs(std::log(res / m_zoom->target)) < 0.002) res = m_zoom->target;
        m_camera.zoom_around(m_zoom->px, m_camera.resolution() / res);
        // Put the anchored point back under the pointer exactly (zoom_around keeps the point under
        // the pointer, which drifts by rounding over many steps).
        const Vec2 off = m_camera.screen_to_world(m_zoom->px) - m_zoom->world;
        m_camera.set_center(m_camera.center() - off);
        if (res == m_zoom->target) m_zoom.reset();
    }
    if (m_fly) {
        // A flight starts at the tick after it was asked for: the time spent until then (a slow
        // frame, a load) does not jump it forward.
        if (!m_fly_begun_at) m_fly_begun_at = now;
        const double t = (now - *m_fly_begun_at) / m_fly->duration_seconds();
        m_camera = m_fly->at(ease_in_out(t));
        if (t >= 1.0) m_fly.reset();
    }
    // At rest at another size (a zoom, a flight, a chapter): the automatic projection chosen again.
    if (m_projection_automatic && !animating() && std::abs(std::log(m_camera.resolution() / m_projection_chosen_at)) > 0.01)
        choose_projection_for_view();
}

}  // namespace storyplot
