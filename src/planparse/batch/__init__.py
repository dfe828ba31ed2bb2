"""Parse many plan files at once: `planparse batch`, on local worker processes or a Dask cluster.

`runner.run_batch(paths, options)` finds the plan files, parses each in a worker process that is
killed at its time limit, and writes one JSON per input, a GraphML per plan, tables and a manifest.
Nothing is imported here, so that `import planparse` (which exports `job.parse_file`) stays light.
"""
