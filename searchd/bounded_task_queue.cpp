// A worker pool for cpp-httplib whose queue of waiting connections is bounded: when it is
// full, accepting waits, and the kernel's listen backlog refuses the rest.
#include "searchd/bounded_task_queue.h"

namespace findings {

BoundedTaskQueue::BoundedTaskQueue(std::size_t threads, std::size_t max_queued) : m_max_queued(max_queued)
{
    for (std::size_t i = 0; i < threads; ++i)
        m_workers.emplace_back([this] { work(); });
}

BoundedTaskQueue::~BoundedTaskQueue() { shutdown(); }

void BoundedTaskQueue::enqueue(std::function<void()> task)
{
    std::unique_lock<std::mutex> lock(m_mutex);
    m_space_free.wait(lock, [this] { return m_tasks.size() < m_max_queued || m_stopping; });
    if (m_stopping)
        return;
    m_tasks.push_back(std::move(task));
    m_task_ready.notify_one();
}

void BoundedTaskQueue::shutdown()
{
    {
        std::lock_guard<std::mutex> lock(m_mutex);
        if (m_stopping && m_workers.empty())
            return;
        m_stopping = true;
    }
    m_task_ready.notify_all();
    m_space_free.notify_all();
    for (auto& worker : m_workers)
        worker.join();
    m_workers.clear();
}

void BoundedTaskQueue::work()
{
    for (;;) {
        std::function<void()> task;
        {
            std::unique_lock<std::mutex> lock(m_mutex);
            m_task_ready.wait(lock, [this] { return !m_tasks.empty() || m_stopping; });
            if (m_tasks.empty())
                return;  // stopping, and all queued work is done
            task = std::move(m_tasks.front());
            m_tasks.pop_front();
        }
        m_space_free.notify_one();
        task();
    }
}

}  // namespace findings
