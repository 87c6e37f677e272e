#include "app/background_jobs.hpp"

#include <sys/resource.h>
#include <unistd.h>

namespace storyplot {

BackgroundJobs::BackgroundJobs(std::function<void()> on_done, int nice)
    : m_on_done(std::move(on_done)), m_nice(nice), m_worker([this](std::stop_token stop) { loop(stop); }) {}

BackgroundJobs::~BackgroundJobs() {
    m_worker.request_stop();
    m_wake.notify_all();
}

void BackgroundJobs::post(std::string label, Work work) {
    {
        std::lock_guard lock(m_mutex);
        m_queue.emplace_back(std::move(label), std::move(work));
    }
    m_wake.notify_one();
}

void BackgroundJobs::apply() {
    std::deque<Finish> done;
    {
        std::lock_guard lock(m_mutex);
        done.swap(m_finished);
    }
    for (auto& finish : done)
        if (finish) finish();
}

std::string BackgroundJobs::busy() const {
    std::lock_guard lock(m_mutex);
    std::string text = m_running;
    // A job done whose finishing step apply() has not run yet is not done for whoever waits on it
    // (a script's next line reads what it made).
    if (text.empty() && !m_finished.empty()) text = "finishing…";
    for (const auto& [label, work] : m_queue) text += (text.empty() ? "" : ", ") + label;
    return text;
}

void BackgroundJobs::relabel(std::string label) {
    std::lock_guard lock(m_mutex);
    m_running = std::move(label);
}

void BackgroundJobs::loop(std::stop_token stop) {
    if (m_nice != 0) setpriority(PRIO_PROCESS, static_cast<id_t>(gettid()), m_nice);  // this thread only (Linux)
    for (;;) {
        std::pair<std::string, Work> job;
        {
            std::unique_lock lock(m_mutex);
            m_wake.wait(lock, stop, [&] { return !m_queue.empty(); });
            if (stop.stop_requested()) return;
            job = std::move(m_queue.front());
            m_queue.pop_front();
            m_running = job.first;
        }
        Finish finish = job.second();  // jobs catch their own errors and report them in `finish`
        {
            std::lock_guard lock(m_mutex);
            m_finished.push_back(std::move(finish));
            m_running.clear();
        }
        if (m_on_done) m_on_done();
    }
}

}  // namespace storyplot
