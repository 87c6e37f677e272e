#pragma once
// Messages for the user in the window: errors stay until dismissed, notes fade after a while.
#include <string>
#include <vector>

namespace storyplot {

class MessageLog {
public:
    void error(std::string text);
    void note(std::string text);
    void draw(double now_seconds);  // top centre, one line each, with a close button
    bool empty() const { return m_messages.empty(); }
    // Seconds until a note goes by itself (the window must draw then); infinity when none will.
    double seconds_to_change(double now_seconds) const;

private:
    struct Message {
        std::string text;
        bool is_error = false;
        double posted = -1;  // set on first draw
    };
    std::vector<Message> m_messages;
};

}  // namespace storyplot
