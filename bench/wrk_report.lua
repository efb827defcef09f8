-- wrk reports p50/p95/p99 and counts as one JSON line (bench/run.py reads it).
done = function(summary, latency, requests)
  local errors = summary.errors.connect + summary.errors.read + summary.errors.write + summary.errors.timeout
  io.write(string.format(
    'JSON {"requests": %d, "duration_us": %d, "errors": %d, "non2xx": %d, "bytes": %d, ' ..
    '"p50_us": %d, "p95_us": %d, "p99_us": %d}\n',
    summary.requests, summary.duration, errors, summary.errors.status, summary.bytes,
    latency:percentile(50), latency:percentile(95), latency:percentile(99)))
end
