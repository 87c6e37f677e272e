#pragma once
// The window's map as a library type: the story being edited, the camera and its flights, the
// story's clock, following a vehicle, and the chapter shown. The window turns mouse, keys, panel
// clicks and script lines into these commands and draws what results; it holds none of this
// itself. Pure: no SDL, GL or ImGui, so tests drive it with commands and check the state.
#include <optional>
#include <string>
#include <vector>

#include "core/geo/camera.hpp"
#include "core/motion/fly_to.hpp"
#include "core/motion/playback.hpp"
#include "core/story/story_editor.hpp"
#include "core/motion/story_motion.hpp"
#include "core/motion/tour.hpp"

namespace storyplot {

class MapSession {
public:
    // A window of this many pixels, open on the story region.
    explicit MapSession(int width = 1, int height = 1);

    // The story. Opening puts a new editor in place (its undo history starts anew).
    void open(Story story);
    bool has_story() const { return m_editor.has_value(); }
    const Story* story() const { return m_editor ? &m_editor->story() : nullptr; }
    StoryEditor* editor() { return m_editor ? &*m_editor : nullptr; }
    const StoryEditor* editor() const { return m_editor ? &*m_editor : nullptr; }
    // What is derived from the story at its current revision, built once by whoever holds it (the
    // scene): the clock and the routes' geometry and motion. Null: none yet.
    void set_derived(const StoryClock* clock, const StoryMotion* motion);
    const StoryClock* clock() const { return m_clock; }
    const StoryMotion* motion() const { return m_motion; }

    // The part of the window the map shows between the panels (screen pixels): views are framed in it.
    void set_map_area(const Box& area) { m_area = area; }
    Box map_area() const;

    const Camera& camera() const { return m_camera; }
    // The projection the map is shown in. The session keeps its camera, flights and framing in Web
    // Mercator; shown() is that view in the projection (Camera::in_projection): panning the globe
    // turns it. `kind` none: Web Mercator. A flat projection is fitted to the view it is chosen in.
    void set_projection(std::optional<ProjectionKind> kind);
    std::optional<ProjectionKind> projection_kind() const { return m_projection_kind; }
    // View > Projection > Automatic: the projection a map of the view's size reads best in
    // (automatic_projection, with the globe for the world), chosen again each time the view comes
    // to rest at another size, not while it moves or pans. set_projection ends it.
    void set_projection_automatic();
    bool projection_automatic() const { return m_projection_automatic; }
    // Close in, the globe gives way to Web Mercator (Camera::in_projection).
    Camera shown() const { return shown(m_camera); }
    Camera shown(const Camera& mercator_view) const;
    // A view fitted to the whole window, moved so it sits in the map area.
    Camera framed(const Camera& target) const;
    // A point of the map (projected metres) in the middle of the map area, at this resolution.
    Camera centred(Vec2 world, double resolution) const;

    // The user moving the map: each stops a flight and following.
    void resize(int width, int height);
    void pan_pixels(double dx, double dy);
    void zoom_around(Vec2 px, double factor);
    void zoom_in() { zoom_around(centre(), 2.0); }
    void zoom_out() { zoom_around(centre(), 0.5); }
    // A wheel notch or pinch: zooms by `factor` about `px`, eased over the next ticks (notches in
    // quick succession add up); the point under `px` stays under it throughout.
    void zoom_smoothly(Vec2 px, double factor);
    bool zooming() const { return m_zoom.has_value(); }

    // Flights: from the view shown to another, animated by tick().
    void fly_to(const Camera& target);
    void fly_to_box(const Box& box, double margin = 0.1);
    // Close to a place: at `zoom`, or nearer if the view already is.
    void fly_to_place(const std::string& id, double zoom);
    void fly_to_point(LonLat at, double zoom);
    void centre_on(LonLat at);
    void overview();    // the whole story, flown to
    void show_story();  // the whole story, at once
    // Where a story opens: its first chapter's view (the clock left idle), else the whole story.
    void show_opening();
    void stop();      // Escape: the flight stops where it is
    bool flying() const { return m_fly.has_value(); }

    // Chapters: the view and, when it has one, the time of each (index clamped to the story's).
    void go_to_chapter(int index);
    void next_chapter();
    void previous_chapter();
    int chapter() const { return m_chapter; }
    // The chapter's view as the map shows it now, for "frame this chapter from the view": its
    // centre and zoom set so that going to it gives back this view (in the map area).
    Chapter framed_from_view(const Chapter& chapter) const;
    // After chapters were added, moved or removed: the chapter shown, without flying.
    void set_chapter(int index) { m_chapter = index; }

    // Presenting: the story's tour (core/motion/tour.hpp) played over the whole window, the camera
    // and clock driven by it. `auto_advance`: chapters follow each other by themselves; otherwise
    // each waits at its end for next_chapter(). Next and previous chapter jump in the tour.
    void present(bool auto_advance);
    void stop_presenting();
    bool presenting() const { return m_tour.has_value(); }
    bool auto_advance() const { return m_auto_advance; }
    void toggle_auto_advance() { m_auto_advance = !m_auto_advance; }
    const Tour* tour() const { return m_tour ? &*m_tour : nullptr; }
    double tour_time() const { return m_tour_time; }
    // What the tour shows now (the chapter's card, how far it has faded in).
    TourFrame presented() const;

    // The story's clock.
    TimelineState& timeline() { return m_timeline; }
    const TimelineState& timeline() const { return m_timeline; }
    std::optional<double> time() const;  // the clock's time once it is in use
    void toggle_play();
    void step_to_event(bool forward);
    void toggle_follow() { m_timeline.follow = !m_timeline.follow; }
    void toggle_trail() { m_timeline.trail = !m_timeline.trail; }

    // A frame at `now` (seconds on any steady clock): the playing clock advances by the real time
    // since the last tick, the camera follows the vehicle when asked, and a flight moves on.
    void tick(double now);
    // Something moves by itself: frames are needed even without input.
    bool animating() const { return animating_apart_from_tour() || tour_moving(); }
    // A flight, a zoom or the clock playing; not a presented chapter playing out.
    bool animating_apart_from_tour() const { return m_fly.has_value() || m_zoom.has_value() || m_timeline.playing; }

    // The ruler: points clicked on the map, measured along the ellipsoid.
    struct Measure {
        double metres = 0;                  // along all the legs
        std::optional<double> bearing_deg;  // of the last leg, clockwise from north
    };
    void ruler_add(LonLat at) { m_ruler.push_back(at); }
    void ruler_undo() {
        if (!m_ruler.empty()) m_ruler.pop_back();
    }
    void ruler_clear() { m_ruler.clear(); }
    const std::vector<LonLat>& ruler() const { return m_ruler; }
    Measure measure() const;

private:
    Vec2 centre() const { return {m_camera.width() / 2.0, m_camera.height() / 2.0}; }
    void user_moved();
    bool tour_moving() const;
    void go_to_tour_chapter(int index);

    Camera m_camera;
    void choose_projection_for_view();

    Projection m_projection;
    std::optional<ProjectionKind> m_projection_kind;
    bool m_projection_automatic = false;
    double m_projection_chosen_at = 0;  // the resolution the automatic projection was chosen at
    Box m_area;  // empty: the whole window
    std::optional<StoryEditor> m_editor;
    const StoryClock* m_clock = nullptr;
    const StoryMotion* m_motion = nullptr;
    TimelineState m_timeline;
    int m_chapter = -1;
    std::optional<FlyTo> m_fly;
    struct Zoom {
        Vec2 px;           // the pointer
        Vec2 world;        // the point under it
        double target;     // the resolution being eased to
    };
    std::optional<Zoom> m_zoom;
    std::vector<LonLat> m_ruler;
    std::optional<Tour> m_tour;
    double m_tour_time = 0;
    int m_tour_index = 0;  // the tour's chapter shown
    bool m_auto_advance = true;
    std::optional<double> m_fly_begun_at;  // set by the first tick of a flight
    std::optional<double> m_last_tick;
};

}  // namespace storyplot
