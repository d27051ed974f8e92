-- wrk script: POST /api/v1/advice with the situation of README's `myco advise` example.
-- Used by Benchmarks/wrk/run.sh; any response but 200 is counted by wrk as an error.
wrk.method = "POST"
wrk.headers["Content-Type"] = "application/json"
wrk.body = '{"variety": "shiitake", "elevation": 300, "date": "2026-08-15", "bag": "18x60", '
  .. '"stage": "spawn-run", "temperature": 31, "symptoms": ["mites"], "lang": "zh"}'
