// A bounded loop of requests: `total` of them, `concurrency` in flight at a time; latency per
// request and overall throughput.
export interface Stats {
  p50: number
  p99: number
  perSecond: number
}

export async function load(total: number, concurrency: number, request: () => Promise<unknown>): Promise<Stats> {
  const latencies: number[] = []
  let started = 0
  const t0 = performance.now()
  const worker = async () => {
    while (started < total) {
      started++
      const t = performance.now()
      await request()
      latencies.push(performance.now() - t)
    }
  }
  await Promise.all(Array.from({length: concurrency}, worker))
  const elapsed = performance.now() - t0
  latencies.sort((a, b) => a - b)
  return {p50: latencies[Math.floor(latencies.length * 0.5)], p99: latencies[Math.floor(latencies.length * 0.99)], perSecond: (total / elapsed) * 1000}
}
