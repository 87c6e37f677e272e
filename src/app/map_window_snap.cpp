// The window's Snap: a route put on the lines of a loaded layer, in the background; the network is
// built once per file and kept for the next snap.
#include "app/map_window.hpp"
#include "core/network/route_snap.hpp"
#include "data/network_source.hpp"

namespace storyplot {

void MapWindow::snap_route(const std::string& route_id, const std::string& network_path) {
    if (!story() || !this->story()->route(route_id)) {
        m_messages.error("snap: the story has no route \"" + route_id + "\"");
        return;
    }
    const auto found = m_networks.find(network_path);
    std::shared_ptr<const LineNetwork> known = found == m_networks.end() ? nullptr : found->second;
    const long revision = editor()->revision();
    m_jobs.post("snapping " + route_id + " to " + network_path + "…", [this, snapshot = *story(), route_id, network_path, known,
                                                                        revision]() -> BackgroundJobs::Finish {
        try {
            std::shared_ptr<const LineNetwork> network = known;
            if (!network) network = std::make_shared<const LineNetwork>(load_network_source(network_path).lines);
            const Route& route = *snapshot.route(route_id);
            if (const auto refusal = snap_refusal(route, *network))
                return [this, network_path, network, line = "cannot snap \"" + route.name + "\": " + *refusal] {
                    m_networks[network_path] = network;
                    m_messages.error(line);
                };
            auto snap = std::make_shared<const RouteSnap>(storyplot::snap_route(snapshot, route, *network));
            auto lines = describe_snap(snapshot, route, *snap);
            return [this, network_path, network, route_id, snap, lines, revision] {
                m_networks[network_path] = network;
                StoryEditor* e = editor();
                if (!e || e->revision() != revision || !this->story()->route(route_id)) {
                    m_messages.error("the story changed while \"" + route_id + "\" was being snapped: snap it again");
                    return;
                }
                e->set_route_path(route_id, snap->path);
                for (std::size_t i = 0; i < lines.size(); ++i) {
                    const bool off = i > 0 && !snap->legs[i - 1].on_network;
                    if (off) m_messages.error(lines[i].substr(2));
                    else if (i == 0) m_messages.note(lines[i]);
                }
            };
        } catch (const std::exception& e) {
            return [this, msg = std::string(e.what())] { m_messages.error(msg); };
        }
    });
}

}  // namespace storyplot
