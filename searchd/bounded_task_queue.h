// A worker pool for cpp-httplib whose queue of waiting connections is bounded: when it is
// full, accepting waits, and the kernel's listen backlog refuses the rest.
#pragma once

#include <httplib.h>

#include <condition_variable>
#include <deque>
#include <functional>
#include <mutex>
#include <thread>
#include <vector>

namespace findings {

class BoundedTaskQueue : public httplib::TaskQueue {
public:
    BoundedTaskQueue(std::size_t threads, std::size_t max_queued);
    ~BoundedTaskQueue() override;

    // Queues a connection's work, waiting while the queue is full.
    void enqueue(std::function<void()> task) override;

    // Finishes queued work and joins the workers.
    void shutdown() override;

private:
    void work();

    std::size_t m_max_queued;
    std::deque<std::function<void()>> m_tasks;
    std::vector<std::thread> m_workers;
    std::mutex m_mutex;
    std::condition_variable m_task_ready;
    std::condition_variable m_space_free;
    bool m_stopping = false;
};

}  // namespace findings
