#pragma once
// Long work (loading data, tessellating) off the UI thread. A job runs on the worker and returns
// the step that finishes it on the UI thread (GL uploads must happen there), which apply() runs.
#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <string>
#include <thread>

namespace storyplot {

class BackgroundJobs {
public:
    using Finish = std::function<void()>;
    using Work = std::function<Finish()>;

    // `on_done` is called from the worker after each job (e.g. to wake the event loop). A `nice`
    // worker runs at a lower priority than the UI thread (and the GL driver's threads): on a
    // machine with few cores, frames come first.
    explicit BackgroundJobs(std::function<void()> on_done, int nice = 0);
    ~BackgroundJobs();
    BackgroundJobs(const BackgroundJobs&) = delete;
    BackgroundJobs& operator=(const BackgroundJobs&) = delete;

    void post(std::string label, Work work);
    // Runs the finishing steps of the jobs done so far; call from the UI thread.
    void apply();
    // What is queued, running or done but not yet applied, for the status bar; empty when idle.
    std::string busy() const;
    // From a running job: what it says it is doing now ("indexing x.osm.pbf: 40%…").
    void relabel(std::string label);

private:
    void loop(std::stop_token stop);

    std::function<void()> m_on_done;
    int m_nice = 0;
    mutable std::mutex m_mutex;
    std::condition_variable_any m_wake;
    std::deque<std::pair<std::string, Work>> m_queue;
    std::deque<Finish> m_finished;
    std::string m_running;
    std::jthread m_worker;
};

}  // namespace storyplot
