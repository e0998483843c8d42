// The two event-engine workloads of `twinc bench` (Sources/TwinEngine/EngineBenchmark.swift),
// written against ns-3's public Simulator API so the two engines can be timed on the same
// machine. Our own code: it only calls ns-3, it copies none of it.
//
//   periodic  N timers (default 16), timer i first due at i ns, each firing reschedules
//             itself after its period (1 ms + (i * 1 023 457) mod 64 ms) plus a jitter of
//             next() & 0xFFFF ns.
//   pending   P events (default 1 000) first due at next() & 0xFFFFF ns; each handled event
//             schedules one new event next() & 0xFFFFF ns (up to ~1 ms) later, so the
//             heap holds P events throughout (the "hold" model).
//
// Both draw from xoshiro256** seeded through SplitMix64 exactly as twinc's Xoshiro256
// does, with the same seed, so both engines handle the same events in the same order:
// the printed `end` (simulated time of the last event, ns) must equal twinc's.
//
// Usage: engine-workloads periodic|pending EVENTS [N] [SEED] [map|heap|list|calendar]
// Prints one line: workload, scheduler, events, CPU and wall seconds of Simulator::Run,
// events per CPU and per wall second, and the simulated time of the last event.

#include "ns3/core-module.h"

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <ctime>
#include <vector>

using namespace ns3;

namespace
{

struct Xoshiro256
{
    uint64_t s[4];

    explicit Xoshiro256(uint64_t seed)
    {
        uint64_t state = seed;
        for (auto& word : s)
        {
            state += 0x9E3779B97F4A7C15ULL;
            uint64_t z = state;
            z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
            z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
            word = z ^ (z >> 31);
        }
    }

    static uint64_t Rotl(uint64_t x, int k)
    {
        return (x << k) | (x >> (64 - k));
    }

    uint64_t Next()
    {
        const uint64_t result = Rotl(s[1] * 5, 7) * 9;
        const uint64_t t = s[1] << 17;
        s[2] ^= s[0];
        s[3] ^= s[1];
        s[1] ^= s[2];
        s[0] ^= s[3];
        s[2] ^= t;
        s[3] = Rotl(s[3], 45);
        return result;
    }
};

Xoshiro256 g_random(1);
std::vector<int64_t> g_periods;
uint64_t g_handled = 0;
uint64_t g_budget = 0;

void
CountAndMaybeStop()
{
    g_handled += 1;
    if (g_handled >= g_budget)
    {
        Simulator::Stop();
    }
}

void
Fire(uint32_t timer)
{
    CountAndMaybeStop();
    const int64_t jitter = static_cast<int64_t>(g_random.Next() & 0xFFFF);
    Simulator::Schedule(NanoSeconds(g_periods[timer] + jitter), &Fire, timer);
}

void
Hold()
{
    CountAndMaybeStop();
    Simulator::Schedule(NanoSeconds(static_cast<int64_t>(g_random.Next() & 0xFFFFF)), &Hold);
}

/// CPU time of this thread: on a machine shared with other work, wall time also counts
/// the time the thread waited for a processor.
double
ThreadCpuSeconds()
{
    timespec now{};
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &now);
    return static_cast<double>(now.tv_sec) + static_cast<double>(now.tv_nsec) * 1e-9;
}

} // namespace

int
main(int argc, char** argv)
{
    if (argc < 3)
    {
        std::fprintf(stderr,
                     "usage: %s periodic|pending EVENTS [N] [SEED] [map|heap|list|calendar]\n",
                     argv[0]);
        return 64;
    }
    const std::string workload = argv[1];
    g_budget = std::strtoull(argv[2], nullptr, 10);
    const bool periodic = workload == "periodic";
    const uint64_t count = argc > 3 ? std::strtoull(argv[3], nullptr, 10) : (periodic ? 16 : 1000);
    const uint64_t seed = argc > 4 ? std::strtoull(argv[4], nullptr, 10) : 1;
    const std::string scheduler = argc > 5 ? argv[5] : "map";
    if ((!periodic && workload != "pending") || g_budget < 1 || count < 1)
    {
        std::fprintf(stderr, "bad arguments\n");
        return 64;
    }
    ObjectFactory factory;
    if (scheduler == "map")
    {
        factory.SetTypeId("ns3::MapScheduler");
    }
    else if (scheduler == "heap")
    {
        factory.SetTypeId("ns3::HeapScheduler");
    }
    else if (scheduler == "list")
    {
        factory.SetTypeId("ns3::ListScheduler");
    }
    else if (scheduler == "calendar")
    {
        factory.SetTypeId("ns3::CalendarScheduler");
    }
    else
    {
        std::fprintf(stderr, "unknown scheduler %s\n", scheduler.c_str());
        return 64;
    }
    Simulator::SetScheduler(factory);
    g_random = Xoshiro256(seed);

    if (periodic)
    {
        for (uint64_t timer = 0; timer < count; ++timer)
        {
            g_periods.push_back(1000000 + static_cast<int64_t>((timer * 1023457) % 64000000));
        }
        for (uint64_t timer = 0; timer < count; ++timer)
        {
            Simulator::Schedule(NanoSeconds(static_cast<int64_t>(timer)),
                                &Fire,
                                static_cast<uint32_t>(timer));
        }
    }
    else
    {
        for (uint64_t event = 0; event < count; ++event)
        {
            Simulator::Schedule(NanoSeconds(static_cast<int64_t>(g_random.Next() & 0xFFFFF)),
                                &Hold);
        }
    }

    const auto start = std::chrono::steady_clock::now();
    const double cpuStart = ThreadCpuSeconds();
    Simulator::Run();
    const double cpuSeconds = ThreadCpuSeconds() - cpuStart;
    const auto stop = std::chrono::steady_clock::now();
    const double seconds = std::chrono::duration<double>(stop - start).count();
    const int64_t end = Simulator::Now().GetNanoSeconds();
    Simulator::Destroy();
    std::printf("ns-3 %s %s events=%llu cpu_seconds=%.4f wall_seconds=%.4f events_per_cpu_second=%.0f "
                "events_per_wall_second=%.0f end=%lld\n",
                workload.c_str(),
                scheduler.c_str(),
                static_cast<unsigned long long>(g_handled),
                cpuSeconds,
                seconds,
                cpuSeconds > 0 ? static_cast<double>(g_handled) / cpuSeconds : 0.0,
                seconds > 0 ? static_cast<double>(g_handled) / seconds : 0.0,
                static_cast<long long>(end));
    return 0;
}
